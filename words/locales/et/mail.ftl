# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Tere!

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } ({ -gdpr } artikkel 15)
mail-right-rectification = { -right-to-rectification } ({ -gdpr } artikkel 16)
mail-right-portability = { -right-to-portability } ({ -gdpr } artikkel 20)
mail-right-erasure = { -right-to-erasure } ({ -gdpr } artikkel 17)
mail-right-restriction = { -right-to-restriction } ({ -gdpr } artikkel 18)
mail-right-object = { -right-to-object } ({ -gdpr } artikkel 21)

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: teie kinnituskood
mail-code-body =
    Palusite, et { $organisation } täidaks teie taotluse: { $right }. Sisestage see kood privaatsuskeskuse lehel, et kinnitada, et see aadress kuulub teile:

        { $code }

    Kood kehtib { $minutes } minutit. Kas te ei esitanud taotlust? Siis jätke see kiri tähelepanuta.

## What became of a request

mail-refused-subject = { $organisation }: teie taotlus lükati tagasi
mail-refused-body =
    Teie { $received } esitatud taotlus ({ $right }) lükati tagasi. Põhjus:

    { $reason }
mail-complaint = Teil on õigus { -lodge-complaint } ja õigus { -judicial-remedy(case: "allative") }.
mail-complaint-authority = Organisatsiooni { $organisation } asukohajärgne { -supervisory-authority } on { $authority }: { $website }
mail-done-subject = { $organisation }: teie taotlus on täidetud
mail-done-body = Teie { $received } esitatud taotlus ({ $right }) on täidetud.
mail-erased = Oleme teie { -personal-data } kustutanud. Säilitame ainult taotluse enda, ilma teie aadressita, ning teie aadressist tuletatud ühesuunalise koodi, et me teid kogemata uuesti ei lisaks. Sellest kirjast me koopiat ei säilita.
mail-extended-subject = { $organisation }: vajame teie taotluse jaoks rohkem aega
mail-extended-body =
    Vajame teie { $received } esitatud taotluse ({ $right }) jaoks rohkem aega. Saate vastuse hiljemalt { $until }. Põhjus:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: teie andmed on valmis
mail-export-body =
    Teie { -personal-data(case: "genitive") } koopia, mida palusite organisatsioonilt { $organisation }, on valmis. Laadige see (ZIP-fail) alla kuni { $until } selle isikliku lingi kaudu:

    { $link }

    Ärge jagage seda linki: igaüks, kellel see on, saab teie andmed alla laadida.
export-readme =
    Teie { -personal-data }, nagu neid hoiab failis subject.json nimetatud organisatsioon.

    subject.json: kõik vormingus consentry-subject-export/1: taotlus ning iga kirje kohta, mis sisaldab teie aadressi, selle väljad, selle õiguslike aluste ja { -consent(case: "genitive") } olekute ajalugu, iga { -consent(case: "genitive") } otsus koos vormi versiooni ja teie loetud teksti SHA-256-ga ning teie taotlused.

    records.csv: kirjed, üks rea kohta (UTF-8, komadega eraldatud).

    consent_events.csv: iga { -consent(case: "genitive") } otsus, üks rea kohta: vastused nõusolekulehel ning mujal antud ja siin salvestatud { -consent } (recorded_through api või manual), koos teabega selle kohta, millal (at), kuidas (obtained_through) ja milliste kanalite jaoks te selle andsite, ning selle kohta esitatud tõenditega. recorded_at näitab, millal see siin salvestati.

    CSV-failides on väärtuse ees, mis algab märgiga = + - @, tabulaatori või reaalgusesse viimise märgiga (CR), märk ', et arvutustabel kuvaks selle tekstina, mitte ei käivitaks seda valemina.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: kinnitage oma registreerumine
mail-signup-body =
    Te (või keegi, kes kasutab teie aadressi) registreerusite organisatsiooni { $organisation } juures: „{ $title }“. Kinnitage see selle lingi kaudu:

    { $link }

    Säilitame teie registreerumist (teie nime, e-posti aadressi ja valikuid) kuni { $until }; kui seda ei kinnitata, siis see kustutatakse. Kas te ei registreerunud ise? Siis jätke see kiri tähelepanuta.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Nõusolekutaotlus
mail-consent-subject = { $organisation }: teie privaatsusvalikud
mail-consent-body =
    Lugupeetud { $name },

    { $organisation } palub teie { -consent(case: "partitive") }. Avage see isiklik link, et näha, milleks, ja teha oma valik:

    { $link }

    Link kehtib kuni { $until }. Kui te seda kirja ei oodanud, võite selle tähelepanuta jätta.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: teie andmed, teie õigused
mail-rights-body =
    Selle lingi kaudu saate vaadata, parandada, mujale viia või kustutada { -personal-data }, mida { $organisation } teie kohta säilitab, ning esitada vastuväite nende { -processing(case: "genitive") } suhtes või taotleda selle piiramist:

    { $link }
