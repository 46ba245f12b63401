# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = latviešu
loading = Ielādē…
language = Valoda
expired = Šīs saites derīguma termiņš ir beidzies. Lūdziet jaunu saiti organizācijai, kas to nosūtīja.
revoked = Jums šai veidlapai tika nosūtīta jaunāka saite, tāpēc šī saite vairs nedarbojas. Izmantojiet saiti jaunākajā ziņojumā vai lūdziet jaunu saiti.
spent = Jūsu atbilde, kas sniegta ar šo saiti, ir reģistrēta. Lai to mainītu, lūdziet organizācijai jaunu saiti.
unknown = Šī saite nav derīga. Pārbaudiet, vai nokopējāt to pilnībā.
failed = Jūsu izvēli neizdevās saglabāt. Pēc brīža mēģiniet vēlreiz.
not-found = Šeit nav lapas.
receipt = Lejupielādēt savu parakstīto { -consent(case: "genitive") } apliecinājumu
new-link = Sūtīt man jaunu saiti
new-link-sent = Ja šī saite bija mūsu, jauna saite jau ir ceļā uz adresi, uz kuru šī tika nosūtīta.
verify-title = Pārbaudīt { -consent(case: "genitive") } apliecinājumu
verify-intro = Ielīmējiet apliecinājuma faila (consent-receipt.jws) saturu. Tā paraksts parāda, vai apliecinājums ir tieši tāds, kādu to izdeva organizācija.
verify-label = Apliecinājums
verify-button = Pārbaudīt
verify-valid = Derīgs: parakstījis { $controller }
verify-invalid = Nav derīgs: šis apliecinājums ir mainīts, vai arī to nav izdevis šis pakalpojums.
check-receipt = Pārbaudīt apliecinājumu
first-name = Vārds
last-name = Uzvārds
email = E-pasta adrese
optional = neobligāti
email-invalid = Ievadiet e-pasta adresi, piemēram, name@example.org.
name-invalid = Izmantojiet ne vairāk kā 200 rakstzīmju, bez rindiņu pārtraukumiem.
choose-required = Atzīmējiet to, kam piekrītat; obligātie nolūki ir daļa no pierakstīšanās.
check-inbox = Gandrīz gatavs: mēs sūtām saiti uz Jūsu e-pasta adresi. Atveriet to, lai apstiprinātu pierakstīšanos; līdz tam Jūsu { -consent } nav spēkā. Ja dažu minūšu laikā e-pasts nav saņemts, pārbaudiet surogātpasta mapi vai pierakstieties vēlreiz vēlāk.
form-changed = Šī veidlapa tika mainīta, kamēr Jūs to aizpildījāt. Pārlādējiet lapu un pārbaudiet savas izvēles.
too-many = Pārāk daudz pierakstīšanos vienlaikus. Mēģiniet vēlreiz vēlāk.
not-open = Šajā veidlapā nevar pierakstīties.
confirm-title = Apstipriniet savu pierakstīšanos
confirm-button = Jā, apstiprināt manu pierakstīšanos
confirmed = Paldies: Jūsu pierakstīšanās ir apstiprināta.
sign-up-expired = Šīs apstiprinājuma saites derīguma termiņš ir beidzies. Pierakstieties vēlreiz, lai saņemtu jaunu saiti.
sign-up-spent = Jūsu pierakstīšanās jau ir apstiprināta; nekas vairs nav jādara.
sign-up = Pierakstīties
sign-up-stored = Kad pierakstāties, mēs saglabājam Jūsu vārdu, e-pasta adresi un to, ko atzīmējāt, un nosūtām Jums saiti apstiprināšanai.
kept-until = Jūsu pierakstīšanos glabājam līdz { $date }; ja tā netiek apstiprināta, tad tā tiek dzēsta.
whose-link = Šī saite tika nosūtīta uz { $address }.
whose-link-not-you = Tā nav Jūsu adrese? Tad šis e-pasts Jums ir pārsūtīts: neatbildiet citas personas vārdā.
stop-title = Pārtraukt Jūsu datu { -processing(case: "accusative") }?
stop-meaning = Organizācija pārtrauks izmantot Jūsu datus: Jums vairs netiks sūtīti e-pasta ziņojumi, un Jūsu dati netiek izmantoti, kopīgoti vai eksportēti, kamēr { -processing } ir pārtraukta. Jūsu { -consent } visiem nolūkiem tiek atsaukta. Jūsu dati tiek glabāti, nevis dzēsti; lai tos dzēstu, izmantojiet savas { -right-to-erasure }.
stop-confirm = Jā, pārtraukt manu datu apstrādi
cancel = Atcelt
recorded-stop = Reģistrēts: Jūs lūdzāt pārtraukt savu datu { -processing(case: "accusative") }. Jūsu { -consent } visiem nolūkiem ir atsaukta.
recorded-granted = Reģistrēts: Jūsu { -consent } šādiem nolūkiem: { $purposes }.
recorded-nothing = Reģistrēts: Jūs nedevāt { -consent(case: "accusative") } nevienam nolūkam.
granted = Piekrišana dota
refused = Piekrišana atteikta
withdrawn = Piekrišana atsaukta
form-version = veidlapas versija
untranslated = Daļa šīs veidlapas vēl nav iztulkota Jūsu valodā; šī daļa tiek rādīta valodā, kurā to uzrakstīja organizācija.

## The privacy centre

privacy-failed = Kaut kas nogāja greizi. Pēc brīža mēģiniet vēlreiz.
privacy-not-found = Šeit nav privātuma centra.
privacy-title = Privātuma centrs
privacy-intro = Izmantojiet savas { -gdpr } noteiktās tiesības attiecībā uz { $organisation }, kas ir Jūsu { -personal-data(case: "genitive") } { -controller }.
privacy-what-to-do = Ko Jūs vēlaties darīt?
privacy-email = Jūsu e-pasta adrese
privacy-email-hint = Mēs nosūtām kodu uz šo adresi, lai pārliecinātos, ka tā ir Jūsu. Pēc tās mēs atrodam Jūsu datus.
privacy-details = Ko vēlaties piebilst (neobligāti)
privacy-what-is-wrong = Kas ir nepareizi, un kā tam vajadzētu būt?
privacy-details-needed = Norādiet, kas ir nepareizi (ne vairāk kā 2000 rakstzīmju).
privacy-send-code = Sūtīt man kodu
privacy-too-many = Pārāk daudz pieprasījumu vienlaikus. Mēģiniet vēlreiz vēlāk.
privacy-code-sent = Mēs sūtām sešciparu kodu uz Jūsu ievadīto adresi. Tas ir derīgs 15 minūtes; ja dažu minūšu laikā e-pasts nav saņemts, pārbaudiet surogātpasta mapi vai pieprasiet kodu vēlreiz.
privacy-code = Kods no e-pasta
privacy-confirm = Apstiprināt manu pieprasījumu
privacy-wrong-code = Šis kods nav pareizs. Pārbaudiet e-pastu un mēģiniet vēlreiz.
privacy-code-expired = Šī koda derīguma termiņš ir beidzies. Pārlādējiet lapu, lai sāktu no jauna.
privacy-code-locked = Pārāk daudz nepareizu kodu. Pārlādējiet lapu, lai sāktu no jauna.
privacy-code-used = Šis pieprasījums jau ir iesniegts.
privacy-filed = Jūsu pieprasījums ir iesniegts. Atbildi saņemsiet ne vēlāk kā { $date }.
privacy-complaint = Ja uzskatāt, ka ar Jūsu datiem rīkojas nepareizi, Jums ir arī tiesības { -lodge-complaint } un tiesības uz { -judicial-remedy(case: "accusative") }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Skatīt manus datus
right-access-meaning = Kopija no visiem { -personal-data(case: "dative") }, kas organizācijas rīcībā ir par Jums, kā arī informācija par to, kam tie tiek izmantoti un no kurienes tie iegūti.
right-access-law = Jūsu { -right-of-access } ({ -gdpr } 15. pants)
right-rectification-title = Labot manus datus
right-rectification-meaning = Kaut kas par Jums ir nepareizs vai nepilnīgs: norādiet, kā tam jābūt.
right-rectification-law = Jūsu { -right-to-rectification } ({ -gdpr } 16. pants)
right-portability-title = Pārnest manus datus citur
right-portability-meaning = Jūsu sniegtie dati failā, ko var nolasīt cits pakalpojums.
right-portability-law = Jūsu { -right-to-portability } ({ -gdpr } 20. pants)
right-erasure-title = Dzēst manus datus
right-erasure-meaning = Jūsu { -personal-data } tiek dzēsti, ja vien likums neprasa tos glabāt.
right-erasure-law = Jūsu { -right-to-erasure } ({ -gdpr } 17. pants)
right-restriction-title = Pārtraukt manu datu apstrādi
right-restriction-meaning = Jūsu dati tiek glabāti, bet netiek izmantoti vai kopīgoti, un Jums netiek sūtīti e-pasta ziņojumi, kamēr jautājums nav atrisināts.
right-restriction-law = Jūsu { -right-to-restriction } ({ -gdpr } 18. pants)
right-object-title = Iebilst pret apstrādi
right-object-meaning = Jūs nepiekrītat tam, kā tiek izmantoti Jūsu dati, piemēram, tiešajai tirgvedībai.
right-object-law = Jūsu { -right-to-object } ({ -gdpr } 21. pants)
