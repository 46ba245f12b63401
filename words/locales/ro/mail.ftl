# Fiecare e-mail pe care Consentry îl trimite unei persoane vizate și fișierul „citește-mă” al exportului datelor sale.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Bună ziua,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (art. 15 din { -gdpr })
mail-right-rectification = { -right-to-rectification } (art. 16 din { -gdpr })
mail-right-portability = { -right-to-portability } (art. 20 din { -gdpr })
mail-right-erasure = { -right-to-erasure } (art. 17 din { -gdpr })
mail-right-restriction = { -right-to-restriction } (art. 18 din { -gdpr })
mail-right-object = { -right-to-object } (art. 21 din { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: codul dumneavoastră de confirmare
mail-code-body =
    Ați cerut ca { $organisation } să dea curs cererii dumneavoastră: { $right }. Introduceți acest cod pe pagina centrului de confidențialitate pentru a confirma că această adresă vă aparține:

        { $code }

    Codul este valabil { $minutes } minute. Nu ați făcut această cerere? Atunci ignorați acest mesaj.

## What became of a request

mail-refused-subject = { $organisation }: cererea dumneavoastră a fost respinsă
mail-refused-body =
    Cererea dumneavoastră din { $received } ({ $right }) a fost respinsă. Motivul:

    { $reason }
mail-complaint = Aveți dreptul de { -lodge-complaint } și dreptul la { -judicial-remedy }.
mail-complaint-authority = Acolo unde { $organisation } își are sediul, { -supervisory-authority(case: "definite") } este { $authority }: { $website }
mail-done-subject = { $organisation }: cererea dumneavoastră a fost îndeplinită
mail-done-body = Cererea dumneavoastră din { $received } ({ $right }) a fost îndeplinită.
mail-erased = Am șters { -personal-data(case: "definite") } care vă privesc. Păstrăm doar cererea în sine, fără adresa dumneavoastră, și un cod unidirecțional al acestei adrese, pentru a nu vă adăuga din nou din greșeală. Nu păstrăm nicio copie a acestui mesaj.
mail-extended-subject = { $organisation }: mai mult timp pentru cererea dumneavoastră
mail-extended-body =
    Avem nevoie de mai mult timp pentru cererea dumneavoastră din { $received } ({ $right }). Veți primi un răspuns cel târziu până la { $until }. Motivul:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: datele dumneavoastră sunt gata
mail-export-body =
    Copia { -personal-data(case: "genitive") } care vă privesc, pe care ați cerut-o de la { $organisation }, este gata. Descărcați-o (un fișier ZIP) până la { $until } prin acest link personal:

    { $link }

    Nu transmiteți acest link nimănui: oricine îl are vă poate descărca datele.
export-readme =
    Acestea sunt { -personal-data(case: "definite") } care vă privesc, așa cum le deține organizația indicată în subject.json.

    subject.json: totul, în formatul consentry-subject-export/1: cererea și, pentru fiecare înregistrare care conține adresa dumneavoastră, câmpurile sale, istoricul temeiurilor juridice și al stărilor { -consent(case: "genitive") }, fiecare decizie privind { -consent(case: "definite") } cu versiunea formularului și valoarea SHA-256 a textului pe care l-ați citit, precum și cererile dumneavoastră.

    records.csv: înregistrările, câte una pe rând (UTF-8, separate prin virgulă).

    consent_events.csv: fiecare decizie privind { -consent(case: "definite") }, câte una pe rând: răspunsurile de pe pagina de consimțământ și { -consent(case: "definite") } dat în altă parte și înregistrat aici (recorded_through api sau manual), cu momentul (at), modul (obtained_through) și canalele pentru care l-ați dat, precum și dovezile furnizate pentru acesta. recorded_at este momentul în care a fost înregistrat aici.

    În fișierele CSV, o valoare care începe cu = + - @, un caracter tab sau un retur de car are în față un ', astfel încât o foaie de calcul să o afișeze ca text în loc să o execute ca formulă.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: confirmați-vă înscrierea
mail-signup-body =
    Cineva (dumneavoastră sau o persoană care vă folosește adresa) s-a înscris la { $organisation } pentru „{ $title }”. Confirmați înscrierea prin acest link:

    { $link }

    Vă păstrăm înscrierea (numele, adresa de e-mail și alegerile dumneavoastră) până la { $until }; fără confirmare, este ștearsă la data respectivă. Nu ați fost dumneavoastră? Atunci ignorați acest mesaj.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Cerere de consimțământ
mail-consent-subject = { $organisation }: opțiunile dumneavoastră de confidențialitate
mail-consent-body =
    Bună ziua, { $name },

    { $organisation } vă cere { -consent(case: "definite") }. Deschideți acest link personal pentru a vedea în ce scop și pentru a alege:

    { $link }

    Linkul este valabil până la { $until }. Dacă nu vă așteptați la acest mesaj, îl puteți ignora.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: datele dumneavoastră, drepturile dumneavoastră
mail-rights-body =
    Puteți consulta, corecta, muta în altă parte sau șterge { -personal-data(case: "definite") } pe care { $organisation } le deține despre dumneavoastră, vă puteți opune { -processing(case: "genitive") } lor sau puteți cere restricționarea acesteia, aici:

    { $link }
