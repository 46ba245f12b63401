# Ce afișează paginile persoanei vizate în jurul textelor proprii ale organizației: pagina de consimțământ,
# paginile de înscriere și de confirmare, verificarea dovezilor și centrul de confidențialitate.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = română
loading = Se încarcă…
language = Limbă
expired = Acest link a expirat. Cereți unul nou organizației care vi l-a trimis.
revoked = V-a fost trimis un link mai nou pentru acest formular, așa că acesta nu mai funcționează. Folosiți linkul din cel mai recent mesaj sau cereți unul nou.
spent = Răspunsul dumneavoastră prin acest link a fost înregistrat. Pentru a-l modifica, cereți organizației un link nou.
unknown = Acest link nu este valid. Verificați dacă l-ați copiat complet.
failed = Alegerea dumneavoastră nu a putut fi salvată. Încercați din nou peste câteva momente.
not-found = Aici nu există nicio pagină.
receipt = Descărcați dovada semnată a { -consent(case: "genitive") } dumneavoastră
new-link = Trimiteți-mi un link nou
new-link-sent = Dacă acest link era al nostru, unul nou este pe drum către adresa la care a fost trimis.
verify-title = Verificați o dovadă de { -consent }
verify-intro = Lipiți conținutul unui fișier de dovadă (consent-receipt.jws). Semnătura acestuia arată dacă este exact ceea ce a emis organizația.
verify-label = Dovadă
verify-button = Verificați
verify-valid = Valabilă: semnată de { $controller }
verify-invalid = Nevalabilă: această dovadă a fost modificată sau nu a fost emisă de acest serviciu.
check-receipt = Verificați o dovadă
first-name = Prenume
last-name = Nume
email = Adresă de e-mail
optional = opțional
email-invalid = Introduceți o adresă de e-mail, de exemplu name@example.org.
name-invalid = Folosiți cel mult 200 de caractere, fără rânduri noi.
choose-required = Bifați ceea ce acceptați; scopurile obligatorii fac parte din înscriere.
check-inbox = Aproape gata: vă trimitem un link la adresa de e-mail. Deschideți-l pentru a vă confirma înscrierea; până atunci, { -consent(case: "definite") } dumneavoastră nu este luat în considerare. Nu ați primit niciun e-mail în câteva minute? Verificați folderul de spam sau înscrieți-vă din nou mai târziu.
form-changed = Acest formular a fost modificat în timp ce îl completați. Reîncărcați pagina și verificați-vă alegerile.
too-many = Prea multe înscrieri în același timp. Încercați din nou mai târziu.
not-open = Acest formular nu acceptă înscrieri.
confirm-title = Confirmați-vă înscrierea
confirm-button = Da, confirm înscrierea
confirmed = Vă mulțumim: înscrierea dumneavoastră este confirmată.
sign-up-expired = Acest link de confirmare a expirat. Înscrieți-vă din nou pentru a primi unul nou.
sign-up-spent = Înscrierea dumneavoastră este deja confirmată; nu mai trebuie să faceți nimic.
sign-up = Înscrieți-vă
sign-up-stored = Când vă înscrieți, stocăm numele dumneavoastră, adresa de e-mail și ce ați bifat și vă trimitem un link de confirmare.
kept-until = Vă păstrăm înscrierea până la { $date }; fără confirmare, este ștearsă la data respectivă.
whose-link = Acest link a fost trimis la { $address }.
whose-link-not-you = Nu este adresa dumneavoastră? Atunci acest mesaj v-a fost redirecționat: nu răspundeți în numele altcuiva.
stop-title = Doriți să opriți { -processing(case: "definite") } datelor dumneavoastră?
stop-meaning = Organizația nu vă va mai folosi datele: nu veți mai primi e-mailuri, iar datele dumneavoastră nu sunt folosite, partajate sau exportate cât timp { -processing(case: "definite") } este oprită. Pentru toate scopurile, { -consent(case: "definite") } dumneavoastră este retras. Datele dumneavoastră sunt păstrate, nu șterse; pentru ca ele să fie șterse, exercitați-vă { -right-to-erasure }.
stop-confirm = Da, opriți prelucrarea datelor mele
cancel = Anulare
recorded-stop = Înregistrat: ați cerut oprirea { -processing(case: "genitive") } datelor dumneavoastră. Pentru toate scopurile, { -consent(case: "definite") } dumneavoastră a fost retras.
recorded-granted = Înregistrat: { -consent(case: "definite") } dumneavoastră pentru { $purposes }.
recorded-nothing = Înregistrat: nu v-ați dat { -consent(case: "definite") } pentru niciun scop.
granted = Consimțământ acordat
refused = Consimțământ refuzat
withdrawn = Consimțământ retras
form-version = versiunea formularului
untranslated = O parte a acestui formular nu este încă tradusă în limba dumneavoastră; acea parte este afișată în limba în care a scris-o organizația.

## The privacy centre

privacy-failed = Ceva nu a funcționat. Încercați din nou peste câteva momente.
privacy-not-found = Aici nu există niciun centru de confidențialitate.
privacy-title = Centrul de confidențialitate
privacy-intro = Exercitați-vă drepturile conferite de { -gdpr } față de { $organisation }, { -controller(case: "definite") } { -personal-data(case: "genitive") } care vă privesc.
privacy-what-to-do = Ce doriți să faceți?
privacy-email = Adresa dumneavoastră de e-mail
privacy-email-hint = Trimitem un cod la această adresă pentru a ne asigura că vă aparține. Pe baza ei vă găsim datele.
privacy-details = Altceva de adăugat (opțional)
privacy-what-is-wrong = Ce este greșit și cum ar trebui să fie?
privacy-details-needed = Spuneți ce este greșit (cel mult 2.000 de caractere).
privacy-send-code = Trimiteți-mi un cod
privacy-too-many = Prea multe cereri în același timp. Încercați din nou mai târziu.
privacy-code-sent = Trimitem un cod din șase cifre la adresa pe care ați introdus-o. Este valabil 15 minute; nu ați primit niciun e-mail în câteva minute? Verificați folderul de spam sau cereți din nou.
privacy-code = Codul din e-mail
privacy-confirm = Confirm cererea
privacy-wrong-code = Codul nu este corect. Verificați e-mailul și încercați din nou.
privacy-code-expired = Acest cod a expirat. Reîncărcați pagina pentru a o lua de la capăt.
privacy-code-locked = Prea multe coduri greșite. Reîncărcați pagina pentru a o lua de la capăt.
privacy-code-used = Această cerere a fost deja depusă.
privacy-filed = Cererea dumneavoastră a fost depusă. Veți primi un răspuns cel târziu până la { $date }.
privacy-complaint = Dacă considerați că datele dumneavoastră sunt tratate greșit, aveți și dreptul de { -lodge-complaint } și dreptul la { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Consultarea datelor mele
right-access-meaning = O copie a tuturor { -personal-data(case: "genitive") } pe care organizația le deține despre dumneavoastră, cu scopul în care sunt folosite și proveniența lor.
right-access-law = { -right-of-access(capitalization: "uppercase") } (art. 15 din { -gdpr })
right-rectification-title = Corectarea datelor mele
right-rectification-meaning = Ceva despre dumneavoastră este greșit sau incomplet: spuneți cum ar trebui să fie.
right-rectification-law = { -right-to-rectification(capitalization: "uppercase") } (art. 16 din { -gdpr })
right-portability-title = Mutarea datelor mele în altă parte
right-portability-meaning = Datele pe care le-ați furnizat, într-un fișier pe care îl poate citi un alt serviciu.
right-portability-law = { -right-to-portability(capitalization: "uppercase") } (art. 20 din { -gdpr })
right-erasure-title = Ștergerea datelor mele
right-erasure-meaning = Se șterg { -personal-data(case: "definite") } care vă privesc, cu excepția cazului în care legea impune păstrarea lor.
right-erasure-law = { -right-to-erasure(capitalization: "uppercase") } (art. 17 din { -gdpr })
right-restriction-title = Oprirea prelucrării datelor mele
right-restriction-meaning = Datele dumneavoastră sunt păstrate, dar nu sunt folosite sau partajate și nu vi se trimit e-mailuri cât timp situația este clarificată.
right-restriction-law = { -right-to-restriction(capitalization: "uppercase") } (art. 18 din { -gdpr })
right-object-title = Opoziția la prelucrare
right-object-meaning = Nu sunteți de acord cu modul în care vă sunt folosite datele, de exemplu pentru marketing direct.
right-object-law = { -right-to-object(capitalization: "uppercase") } (art. 21 din { -gdpr })
