# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Hei,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } ({ -gdpr(case: "genitive") } 15 artikla)
mail-right-rectification = { -right-to-rectification } ({ -gdpr(case: "genitive") } 16 artikla)
mail-right-portability = { -right-to-portability } ({ -gdpr(case: "genitive") } 20 artikla)
mail-right-erasure = { -right-to-erasure } ({ -gdpr(case: "genitive") } 17 artikla)
mail-right-restriction = { -right-to-restriction } ({ -gdpr(case: "genitive") } 18 artikla)
mail-right-object = { -right-to-object } ({ -gdpr(case: "genitive") } 21 artikla)

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: vahvistuskoodinne
mail-code-body =
    Pyysitte, että { $organisation } toteuttaa pyyntönne: { $right }. Syöttäkää tämä koodi tietosuojakeskuksen sivulle vahvistaaksenne, että tämä osoite on teidän:

        { $code }

    Koodi toimii { $minutes } minuuttia. Ettekö pyytänyt koodia? Jättäkää silloin tämä viesti huomiotta.

## What became of a request

mail-refused-subject = { $organisation }: pyyntönne on hylätty
mail-refused-body =
    Pyyntönne { $received } ({ $right }) on hylätty. Syy:

    { $reason }
mail-complaint = Teillä on oikeus { -lodge-complaint } ja oikeus { -judicial-remedy(case: "illative") }.
mail-complaint-authority = Organisaation { $organisation } sijoittautumispaikan { -supervisory-authority } on { $authority }: { $website }
mail-done-subject = { $organisation }: pyyntönne on toteutettu
mail-done-body = Pyyntönne { $received } ({ $right }) on toteutettu.
mail-erased = Olemme poistaneet { -personal-data(case: "your") }. Säilytämme vain itse pyynnön ilman osoitettanne sekä osoitteestanne muodostetun yksisuuntaisen koodin, jotta emme lisää teitä vahingossa uudelleen. Emme säilytä tästä viestistä kopiota.
mail-extended-subject = { $organisation }: lisäaikaa pyyntönne käsittelyyn
mail-extended-body =
    Tarvitsemme lisäaikaa pyyntönne { $received } ({ $right }) käsittelyyn. Saatte vastauksen viimeistään { $until }. Syy:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: tietonne ovat valmiina
mail-export-body =
    Jäljennös { -personal-data(case: "elative-your") }, jota pyysitte organisaatiolta { $organisation }, on valmis. Ladatkaa se (ZIP-tiedosto) { $until } asti tällä henkilökohtaisella linkillä:

    { $link }

    Älkää jakako tätä linkkiä: kuka tahansa, jolla linkki on, voi ladata tietonne.
export-readme =
    { -personal-data(case: "your-title") } sellaisina kuin ne ovat tiedostossa subject.json nimetyn organisaation hallussa.

    subject.json: kaikki muodossa consentry-subject-export/1: pyyntö sekä jokaisesta tietueesta, jossa on osoitteenne, sen kentät, sen oikeusperusteiden ja { -consent(case: "genitive") } tilojen historia, jokainen { -consent(case: "partitive") } koskeva päätös lomakkeen version ja lukemanne tekstin SHA-256-tiivisteen kanssa sekä pyyntönne.

    records.csv: tietueet, yksi kullakin rivillä (UTF-8, pilkuin eroteltu).

    consent_events.csv: jokainen { -consent(case: "partitive") } koskeva päätös, yksi kullakin rivillä: suostumussivulla annetut vastaukset sekä muualla annettu ja tänne kirjattu { -consent } (recorded_through api tai manual) ja se, milloin (at), miten (obtained_through) ja mihin kanaviin sen annoitte, sekä sen tueksi esitetty näyttö. recorded_at on ajankohta, jolloin se kirjattiin tänne.

    CSV-tiedostoissa arvon eteen, joka alkaa merkillä = + - @, sarkainmerkillä tai rivinpalautusmerkillä (CR), on lisätty ', jotta taulukkolaskentaohjelma näyttää sen tekstinä eikä suorita sitä kaavana.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: vahvistakaa rekisteröitymisenne
mail-signup-body =
    Te (tai joku osoitettanne käyttävä) rekisteröidyitte organisaation { $organisation } palveluun ”{ $title }”. Vahvistakaa rekisteröityminen tällä linkillä:

    { $link }

    Säilytämme rekisteröitymistänne (nimeänne, sähköpostiosoitettanne ja valintojanne) { $until } asti; jos sitä ei vahvisteta, se poistetaan silloin. Ettekö rekisteröitynyt itse? Jättäkää silloin tämä viesti huomiotta.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Suostumuspyyntö
mail-consent-subject = { $organisation }: tietosuojavalintanne
mail-consent-body =
    Hyvä { $name },

    { $organisation } pyytää { -consent(case: "partitive-your") }. Avatkaa tämä henkilökohtainen linkki, niin näette, mihin sitä pyydetään, ja voitte tehdä valintanne:

    { $link }

    Linkki toimii { $until } asti. Jos ette odottanut tätä viestiä, voitte jättää sen huomiotta.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: tietonne, oikeutenne
mail-rights-body =
    Täällä voitte nähdä, korjata, siirtää muualle tai poistaa { -personal-data(case: "your") }, joita { $organisation } säilyttää teistä, tai esittää niiden { -processing(case: "genitive") } vastustamista tai rajoittamista koskevan pyynnön:

    { $link }
