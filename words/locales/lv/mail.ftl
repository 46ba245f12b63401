# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Labdien!

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } ({ -gdpr } 15. pants)
mail-right-rectification = { -right-to-rectification } ({ -gdpr } 16. pants)
mail-right-portability = { -right-to-portability } ({ -gdpr } 20. pants)
mail-right-erasure = { -right-to-erasure } ({ -gdpr } 17. pants)
mail-right-restriction = { -right-to-restriction } ({ -gdpr } 18. pants)
mail-right-object = { -right-to-object } ({ -gdpr } 21. pants)

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: Jūsu apstiprinājuma kods
mail-code-body =
    Jūs lūdzāt, lai { $organisation } izpilda Jūsu pieprasījumu: { $right }. Ievadiet šo kodu privātuma centra lapā, lai apstiprinātu, ka šī adrese ir Jūsu:

        { $code }

    Kods ir derīgs { $minutes } min. Vai Jūs to nelūdzāt? Tad neņemiet vērā šo ziņojumu.

## What became of a request

mail-refused-subject = { $organisation }: Jūsu pieprasījums ir noraidīts
mail-refused-body =
    Jūsu { $received } iesniegtais pieprasījums ({ $right }) ir noraidīts. Iemesls:

    { $reason }
mail-complaint = Jums ir tiesības { -lodge-complaint } un tiesības uz { -judicial-remedy(case: "accusative") }.
mail-complaint-authority = Organizācijas { $organisation } uzņēmējdarbības vietas { -supervisory-authority } ir { $authority }: { $website }
mail-done-subject = { $organisation }: Jūsu pieprasījums ir izpildīts
mail-done-body = Jūsu { $received } iesniegtais pieprasījums ({ $right }) ir izpildīts.
mail-erased = Mēs esam dzēsuši Jūsu { -personal-data(case: "accusative") }. Mēs glabājam tikai pašu pieprasījumu bez Jūsu adreses un Jūsu adreses vienvirziena kodu, lai kļūdas pēc Jūs atkārtoti nepievienotu. Mēs neglabājam šī ziņojuma kopiju.
mail-extended-subject = { $organisation }: vairāk laika Jūsu pieprasījumam
mail-extended-body =
    Mums ir vajadzīgs vairāk laika Jūsu { $received } iesniegtajam pieprasījumam ({ $right }). Atbildi saņemsiet ne vēlāk kā { $until }. Iemesls:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: Jūsu dati ir gatavi
mail-export-body =
    Jūsu { -personal-data(case: "genitive") } kopija, ko pieprasījāt no { $organisation }, ir gatava. Lejupielādējiet to (ZIP failu) līdz { $until }, izmantojot šo personisko saiti:

    { $link }

    Nekopīgojiet šo saiti: ikviens, kam tā ir, var lejupielādēt Jūsu datus.
export-readme =
    Jūsu { -personal-data }, kā tos glabā subject.json norādītā organizācija.

    subject.json: viss formātā consentry-subject-export/1: pieprasījums un par katru ierakstu, kurā ir Jūsu adrese, tā lauki, tā juridisko pamatu un { -consent(case: "genitive") } statusu vēsture, katrs lēmums par { -consent(case: "accusative") } ar veidlapas versiju un Jūsu izlasītā teksta SHA-256, kā arī Jūsu pieprasījumi.

    records.csv: ieraksti, pa vienam katrā rindā (UTF-8, atdalīti ar komatiem).

    consent_events.csv: katrs lēmums par { -consent(case: "accusative") }, pa vienam katrā rindā: atbildes piekrišanas lapā un citur dota un šeit reģistrēta { -consent } (recorded_through api vai manual), ar to, kad (at), kā (obtained_through) un kuriem kanāliem Jūs to devāt, un tam sniegtajiem pierādījumiem. recorded_at ir laiks, kad tā šeit tika reģistrēta.

    CSV failos vērtībai, kas sākas ar = + - @, tabulēšanas vai rakstatgriezes (CR) simbolu, priekšā ir ', lai izklājlapa to parādītu kā tekstu, nevis izpildītu kā formulu.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: apstipriniet savu pierakstīšanos
mail-signup-body =
    Jūs (vai kāds, kas izmanto Jūsu adresi) pierakstījāties pie { $organisation }: „{ $title }“. Apstipriniet to ar šo saiti:

    { $link }

    Jūsu pierakstīšanos (Jūsu vārdu, e-pasta adresi un izvēles) glabājam līdz { $until }; ja tā netiek apstiprināta, tad tā tiek dzēsta. Vai Jūs nepierakstījāties? Tad neņemiet vērā šo ziņojumu.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Piekrišanas pieprasījums
mail-consent-subject = { $organisation }: Jūsu privātuma izvēles
mail-consent-body =
    Labdien, { $name }!

    { $organisation } lūdz Jūsu { -consent(case: "accusative") }. Atveriet šo personisko saiti, lai redzētu, kam tā tiek lūgta, un izdarītu izvēli:

    { $link }

    Saite ir derīga līdz { $until }. Ja negaidījāt šo ziņojumu, varat to neņemt vērā.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: Jūsu dati, Jūsu tiesības
mail-rights-body =
    Šeit Jūs varat skatīt, labot, pārnest citur vai dzēst { -personal-data(case: "accusative") }, ko { $organisation } glabā par Jums, kā arī iebilst pret to { -processing(case: "accusative") } vai pieprasīt tās ierobežošanu:

    { $link }
