# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Sveiki,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } ({ -gdpr } 15 straipsnis)
mail-right-rectification = { -right-to-rectification } ({ -gdpr } 16 straipsnis)
mail-right-portability = { -right-to-portability } ({ -gdpr } 20 straipsnis)
mail-right-erasure = { -right-to-erasure } ({ -gdpr } 17 straipsnis)
mail-right-restriction = { -right-to-restriction } ({ -gdpr } 18 straipsnis)
mail-right-object = { -right-to-object } ({ -gdpr } 21 straipsnis)

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: jūsų patvirtinimo kodas
mail-code-body =
    Paprašėte, kad { $organisation } įvykdytų jūsų prašymą: { $right }. Įveskite šį kodą privatumo centro puslapyje, kad patvirtintumėte, jog šis adresas yra jūsų:

        { $code }

    Kodas galioja { $minutes } min. Neprašėte? Tuomet nekreipkite dėmesio į šį laišką.

## What became of a request

mail-refused-subject = { $organisation }: jūsų prašymas atmestas
mail-refused-body =
    Jūsų { $received } pateiktas prašymas ({ $right }) atmestas. Priežastis:

    { $reason }
mail-complaint = Turite teisę { -lodge-complaint } ir imtis { -judicial-remedy(case: "genitive") }.
mail-complaint-authority = Organizacijos { $organisation } buveinės vietos { -supervisory-authority } yra { $authority }: { $website }
mail-done-subject = { $organisation }: jūsų prašymas įvykdytas
mail-done-body = Jūsų { $received } pateiktas prašymas ({ $right }) įvykdytas.
mail-erased = Ištrynėme jūsų { -personal-data(case: "accusative") }. Saugome tik patį prašymą be jūsų adreso ir vienkryptį jūsų adreso kodą, kad per klaidą vėl jūsų neįtrauktume. Šio laiško kopijos nesaugome.
mail-extended-subject = { $organisation }: jūsų prašymui reikia daugiau laiko
mail-extended-body =
    Jūsų { $received } pateiktam prašymui ({ $right }) mums reikia daugiau laiko. Atsakymą gausite ne vėliau kaip { $until }. Priežastis:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: jūsų duomenys paruošti
mail-export-body =
    Jūsų { -personal-data(case: "genitive") } kopija, kurios paprašėte iš { $organisation }, paruošta. Atsisiųskite ją (ZIP failą) iki { $until } šia asmenine nuoroda:

    { $link }

    Niekam neperduokite šios nuorodos: kiekvienas, kas ją turi, gali atsisiųsti jūsų duomenis.
export-readme =
    Jūsų { -personal-data }, kaip juos saugo subject.json nurodyta organizacija.

    subject.json: viskas formatu consentry-subject-export/1: prašymas, o apie kiekvieną įrašą, kuriame yra jūsų adresas, – jo laukai, jo teisinių pagrindų ir { -consent(case: "genitive") } būsenų istorija, kiekvienas sprendimas dėl { -consent(case: "genitive") } su formos versija ir jūsų perskaityto teksto SHA-256, taip pat jūsų prašymai.

    records.csv: įrašai, po vieną eilutėje (UTF-8, atskirti kableliais).

    consent_events.csv: kiekvienas sprendimas dėl { -consent(case: "genitive") }, po vieną eilutėje: atsakymai sutikimo puslapyje ir kitur duotas bei čia užregistruotas { -consent } (recorded_through api arba manual), su informacija, kada (at), kaip (obtained_through) ir kuriems kanalams jį davėte, bei jam pagrįsti pateiktais įrodymais. recorded_at – kada jis čia buvo užregistruotas.

    CSV failuose prieš reikšmę, prasidedančią = + - @, tabuliacijos arba grįžimo į eilutės pradžią (CR) simboliu, įrašytas ', kad skaičiuoklė ją rodytų kaip tekstą, o ne vykdytų kaip formulę.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: patvirtinkite registraciją
mail-signup-body =
    Jūs (arba kažkas, kas naudoja jūsų adresą) užsiregistravote organizacijoje { $organisation }: „{ $title }“. Patvirtinkite tai šia nuoroda:

    { $link }

    Jūsų registraciją (jūsų vardą, el. pašto adresą ir pasirinkimus) saugome iki { $until }; jei ji nepatvirtinama, tada ji ištrinama. Tai buvote ne jūs? Tuomet nekreipkite dėmesio į šį laišką.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Sutikimo prašymas
mail-consent-subject = { $organisation }: jūsų privatumo pasirinkimai
mail-consent-body =
    Sveiki, { $name },

    { $organisation } prašo jūsų { -consent(case: "genitive") }. Atidarykite šią asmeninę nuorodą, kad pamatytumėte, kam jo prašoma, ir pasirinktumėte:

    { $link }

    Nuoroda galioja iki { $until }. Jei šio laiško nelaukėte, galite į jį nekreipti dėmesio.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: jūsų duomenys, jūsų teisės
mail-rights-body =
    Čia galite peržiūrėti, ištaisyti, perkelti kitur arba ištrinti { -personal-data(case: "accusative") }, kuriuos { $organisation } saugo apie jus, pareikšti prieštaravimą dėl { -processing(case: "genitive") } arba paprašyti jį apriboti:

    { $link }
