# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = eesti
loading = Laadimine…
language = Keel
expired = See link on aegunud. Küsige uut linki organisatsioonilt, kes selle saatis.
revoked = Teile saadeti selle vormi jaoks uuem link, seega see link enam ei tööta. Kasutage kõige uuemas kirjas olevat linki või küsige uus link.
spent = Teie vastus selle lingi kaudu on salvestatud. Selle muutmiseks küsige organisatsioonilt uut linki.
unknown = See link ei kehti. Kontrollige, kas kopeerisite selle täielikult.
failed = Teie valikut ei õnnestunud salvestada. Proovige hetke pärast uuesti.
not-found = Siin lehte ei ole.
receipt = Laadi alla oma { -consent(case: "genitive") } allkirjastatud kinnitus
new-link = Saada mulle uus link
new-link-sent = Kui see link oli meie oma, on uus link teel aadressile, kuhu see saadeti.
verify-title = Kontrolli { -consent(case: "genitive") } kinnitust
verify-intro = Kleepige siia kinnitusfaili (consent-receipt.jws) sisu. Selle allkiri näitab, kas kinnitus on täpselt selline, nagu organisatsioon selle väljastas.
verify-label = Kinnitus
verify-button = Kontrolli
verify-valid = Kehtiv: allkirjastanud { $controller }
verify-invalid = Ei kehti: seda kinnitust on muudetud või seda ei ole väljastanud see teenus.
check-receipt = Kontrolli kinnitust
first-name = Eesnimi
last-name = Perekonnanimi
email = E-posti aadress
optional = valikuline
email-invalid = Sisestage e-posti aadress, näiteks name@example.org.
name-invalid = Kasutage kuni 200 märki, ilma reavahetusteta.
choose-required = Märkige, millega nõustute; kohustuslikud eesmärgid on registreerumise osa.
check-inbox = Peaaegu valmis: saadame teie e-posti aadressile lingi. Avage see, et registreerumine kinnitada; seni ei kehti teie { -consent }. Kui paari minuti jooksul kirja ei tule, kontrollige rämpsposti kausta või registreeruge hiljem uuesti.
form-changed = Seda vormi muudeti ajal, kui te seda täitsite. Laadige leht uuesti ja kontrollige oma valikuid.
too-many = Liiga palju registreerumisi korraga. Proovige hiljem uuesti.
not-open = Selle vormi kaudu ei saa registreeruda.
confirm-title = Kinnitage oma registreerumine
confirm-button = Jah, kinnitan oma registreerumise
confirmed = Aitäh: teie registreerumine on kinnitatud.
sign-up-expired = See kinnituslink on aegunud. Uue saamiseks registreeruge uuesti.
sign-up-spent = Teie registreerumine on juba kinnitatud; rohkem ei ole vaja midagi teha.
sign-up = Registreeru
sign-up-stored = Registreerumisel salvestame teie nime, e-posti aadressi ja selle, mille märkisite, ning saadame teile kinnituslingi.
kept-until = Säilitame teie registreerumist kuni { $date }; kui seda ei kinnitata, siis see kustutatakse.
whose-link = See link saadeti aadressile { $address }.
whose-link-not-you = Pole teie aadress? Siis on see kiri teile edasi saadetud: ärge vastake kellegi teise eest.
stop-title = Kas peatada teie andmete { -processing }?
stop-meaning = Organisatsioon lõpetab teie andmete kasutamise: e-kirju teile enam ei saadeta ning teie andmeid ei kasutata, jagata ega ekspordita seni, kuni { -processing } on peatatud. Teie { -consent } võetakse tagasi kõigi eesmärkide osas. Teie andmed säilitatakse, neid ei kustutata; kui soovite, et need kustutataks, kasutage oma { -right-to-erasure(case: "partitive") }.
stop-confirm = Jah, peatage minu andmete töötlemine
cancel = Tühista
recorded-stop = Salvestatud: palusite peatada oma andmete { -processing(case: "genitive") }. Teie { -consent } on kõigi eesmärkide osas tagasi võetud.
recorded-granted = Salvestatud: teie { -consent } järgmistel eesmärkidel: { $purposes }.
recorded-nothing = Salvestatud: te ei andnud { -consent(case: "partitive") } ühelgi eesmärgil.
granted = Nõusolek antud
refused = Nõusolekust keeldutud
withdrawn = Nõusolek tagasi võetud
form-version = vormi versioon
untranslated = Osa sellest vormist ei ole veel teie keelde tõlgitud; see osa kuvatakse keeles, milles organisatsioon selle kirjutas.

## The privacy centre

privacy-failed = Midagi läks valesti. Proovige hetke pärast uuesti.
privacy-not-found = Siin ei ole privaatsuskeskust.
privacy-title = Privaatsuskeskus
privacy-intro = Kasutage oma { -gdpr(case: "elative") } tulenevaid õigusi organisatsiooni { $organisation } suhtes, mis on teie { -personal-data(case: "genitive") } { -controller }.
privacy-what-to-do = Mida soovite teha?
privacy-email = Teie e-posti aadress
privacy-email-hint = Saadame sellele aadressile koodi, et veenduda, et see kuulub teile. Selle järgi leiame teie andmed.
privacy-details = Lisateave (valikuline)
privacy-what-is-wrong = Mis on valesti ja mis see peaks olema?
privacy-details-needed = Kirjutage, mis on valesti (kuni 2000 tähemärki).
privacy-send-code = Saada mulle kood
privacy-too-many = Liiga palju taotlusi korraga. Proovige hiljem uuesti.
privacy-code-sent = Saadame sisestatud aadressile kuuekohalise koodi. See kehtib 15 minutit; kui paari minuti jooksul kirja ei tule, kontrollige rämpsposti kausta või küsige uuesti.
privacy-code = Kood e-kirjast
privacy-confirm = Kinnita minu taotlus
privacy-wrong-code = See kood ei ole õige. Kontrollige e-kirja ja proovige uuesti.
privacy-code-expired = See kood on aegunud. Laadige leht uuesti, et otsast alustada.
privacy-code-locked = Liiga palju valesid koode. Laadige leht uuesti, et otsast alustada.
privacy-code-used = See taotlus on juba esitatud.
privacy-filed = Teie taotlus on esitatud. Saate vastuse hiljemalt { $date }.
privacy-complaint = Kui leiate, et teie andmeid käsitletakse valesti, on teil ka õigus { -lodge-complaint } ja õigus { -judicial-remedy(case: "allative") }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Vaata minu andmeid
right-access-meaning = Koopia kõigist { -personal-data(case: "elative") }, mida organisatsioon teie kohta hoiab, koos teabega selle kohta, milleks neid kasutatakse ja kust need pärinevad.
right-access-law = Teie { -right-of-access } ({ -gdpr } artikkel 15)
right-rectification-title = Paranda minu andmeid
right-rectification-meaning = Midagi teie kohta on vale või puudulik: kirjutage, mis see peaks olema.
right-rectification-law = Teie { -right-to-rectification } ({ -gdpr } artikkel 16)
right-portability-title = Vii minu andmed mujale
right-portability-meaning = Teie esitatud andmed failina, mida teine teenus suudab lugeda.
right-portability-law = Teie { -right-to-portability } ({ -gdpr } artikkel 20)
right-erasure-title = Kustuta minu andmed
right-erasure-meaning = Teie { -personal-data } kustutatakse, välja arvatud juhul, kui seadus nõuab nende säilitamist.
right-erasure-law = Teie { -right-to-erasure } ({ -gdpr } artikkel 17)
right-restriction-title = Peata minu andmete töötlemine
right-restriction-meaning = Teie andmed säilitatakse, kuid neid ei kasutata ega jagata ning teile ei saadeta kirju seni, kuni küsimus on lahendamata.
right-restriction-law = Teie { -right-to-restriction } ({ -gdpr } artikkel 18)
right-object-title = Esita vastuväide töötlemisele
right-object-meaning = Te ei nõustu sellega, kuidas teie andmeid kasutatakse, näiteks otseturunduseks.
right-object-law = Teie { -right-to-object } ({ -gdpr } artikkel 21)
