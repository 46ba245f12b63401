# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = suomi
loading = Ladataan…
language = Kieli
expired = Tämä linkki on vanhentunut. Pyytäkää uutta linkkiä sen lähettäneeltä organisaatiolta.
revoked = Teille on lähetetty tähän lomakkeeseen uudempi linkki, joten tämä linkki ei enää toimi. Käyttäkää uusimman viestin linkkiä tai pyytäkää uusi linkki.
spent = Tämän linkin kautta antamanne vastaus on kirjattu. Jos haluatte muuttaa sitä, pyytäkää organisaatiolta uusi linkki.
unknown = Tämä linkki ei ole kelvollinen. Tarkistakaa, että kopioitte sen kokonaan.
failed = Valintaanne ei voitu tallentaa. Yrittäkää hetken kuluttua uudelleen.
not-found = Täällä ei ole sivua.
receipt = Lataa { -consent(case: "your") } allekirjoitettu kuitti
new-link = Lähetä minulle uusi linkki
new-link-sent = Jos tämä linkki oli meidän, uusi linkki on matkalla osoitteeseen, johon tämä linkki lähetettiin.
verify-title = Tarkista { -consent(case: "genitive") } kuitti
verify-intro = Liittäkää tähän kuittitiedoston (consent-receipt.jws) sisältö. Sen allekirjoituksesta näkee, onko kuitti täsmälleen sellainen kuin organisaatio sen antoi.
verify-label = Kuitti
verify-button = Tarkista
verify-valid = Kelvollinen: allekirjoittaja { $controller }
verify-invalid = Ei kelvollinen: tätä kuittia on muutettu, tai sitä ei ole antanut tämä palvelu.
check-receipt = Tarkista kuitti
first-name = Etunimi
last-name = Sukunimi
email = Sähköpostiosoite
optional = valinnainen
email-invalid = Antakaa sähköpostiosoite, esimerkiksi name@example.org.
name-invalid = Käyttäkää enintään 200 merkkiä, ilman rivinvaihtoja.
choose-required = Valitkaa kohdat, joihin suostutte; pakolliset käyttötarkoitukset kuuluvat rekisteröitymiseen.
check-inbox = Melkein valmista: lähetämme linkin sähköpostiosoitteeseenne. Avatkaa se vahvistaaksenne rekisteröitymisenne; siihen asti { -consent(case: "your") } ei ole voimassa. Eikö viestiä ole tullut muutamassa minuutissa? Tarkistakaa roskapostikansionne tai rekisteröitykää myöhemmin uudelleen.
form-changed = Tätä lomaketta muutettiin sillä aikaa, kun täytitte sitä. Ladatkaa sivu uudelleen ja tarkistakaa valintanne.
too-many = Liian monta rekisteröitymistä yhtä aikaa. Yrittäkää myöhemmin uudelleen.
not-open = Tällä lomakkeella ei voi rekisteröityä.
confirm-title = Vahvistakaa rekisteröitymisenne
confirm-button = Kyllä, vahvistan rekisteröitymiseni
confirmed = Kiitos: rekisteröitymisenne on vahvistettu.
sign-up-expired = Tämä vahvistuslinkki on vanhentunut. Rekisteröitykää uudelleen saadaksenne uuden linkin.
sign-up-spent = Rekisteröitymisenne on jo vahvistettu; teidän ei tarvitse tehdä muuta.
sign-up = Rekisteröidy
sign-up-stored = Kun rekisteröidytte, tallennamme nimenne, sähköpostiosoitteenne ja valitsemanne kohdat sekä lähetämme teille linkin, jolla vahvistatte rekisteröitymisen.
kept-until = Säilytämme rekisteröitymistänne { $date } asti; jos sitä ei vahvisteta, se poistetaan silloin.
whose-link = Tämä linkki lähetettiin osoitteeseen { $address }.
whose-link-not-you = Eikö osoite ole teidän? Silloin tämä viesti on välitetty teille: älkää vastatko kenenkään toisen puolesta.
stop-title = Lopetetaanko tietojenne { -processing }?
stop-meaning = Organisaatio lopettaa tietojenne käyttämisen: teille ei lähetetä enää sähköpostia, eikä tietojanne käytetä, jaeta tai viedä muualle niin kauan kuin { -processing } on lopetettu. Kaikkiin käyttötarkoituksiin antamanne { -consent } peruutetaan. Tietonne säilytetään, niitä ei poisteta; jos haluatte ne poistettaviksi, käyttäkää { -right-to-erasure(case: "partitive-your") }.
stop-confirm = Kyllä, lopettakaa tietojeni käsittely
cancel = Peruuta
recorded-stop = Kirjattu: pyysitte lopettamaan tietojenne { -processing(case: "genitive") }. Kaikkiin käyttötarkoituksiin antamanne { -consent } on peruutettu.
recorded-granted = Kirjattu: { -consent(case: "your") } näihin käyttötarkoituksiin: { $purposes }.
recorded-nothing = Kirjattu: ette antanut { -consent(case: "partitive") } mihinkään käyttötarkoitukseen.
granted = Suostumus annettu
refused = Suostumus evätty
withdrawn = Suostumus peruutettu
form-version = lomakkeen versio
untranslated = Osaa tästä lomakkeesta ei ole vielä käännetty kielellenne; se osa näytetään kielellä, jolla organisaatio sen kirjoitti.

## The privacy centre

privacy-failed = Jokin meni vikaan. Yrittäkää hetken kuluttua uudelleen.
privacy-not-found = Täällä ei ole tietosuojakeskusta.
privacy-title = Tietosuojakeskus
privacy-intro = Käyttäkää { -gdpr(case: "genitive") } mukaisia oikeuksianne: { $organisation } on { -personal-data(case: "genitive-your") } { -controller }.
privacy-what-to-do = Mitä haluatte tehdä?
privacy-email = Sähköpostiosoitteenne
privacy-email-hint = Lähetämme tähän osoitteeseen koodin varmistaaksemme, että osoite on teidän. Löydämme tietonne sen avulla.
privacy-details = Lisättävää (valinnainen)
privacy-what-is-wrong = Mikä on väärin, ja mikä sen pitäisi olla?
privacy-details-needed = Kertokaa, mikä on väärin (enintään 2 000 merkkiä).
privacy-send-code = Lähetä minulle koodi
privacy-too-many = Liian monta pyyntöä yhtä aikaa. Yrittäkää myöhemmin uudelleen.
privacy-code-sent = Lähetämme kuusinumeroisen koodin antamaanne osoitteeseen. Koodi toimii 15 minuuttia; eikö viestiä ole tullut muutamassa minuutissa? Tarkistakaa roskapostikansionne tai pyytäkää koodia uudelleen.
privacy-code = Koodi sähköpostiviestistä
privacy-confirm = Vahvista pyyntöni
privacy-wrong-code = Koodi ei ole oikea. Tarkistakaa sähköpostiviesti ja yrittäkää uudelleen.
privacy-code-expired = Tämä koodi on vanhentunut. Ladatkaa sivu uudelleen aloittaaksenne alusta.
privacy-code-locked = Liian monta väärää koodia. Ladatkaa sivu uudelleen aloittaaksenne alusta.
privacy-code-used = Tämä pyyntö on jo jätetty.
privacy-filed = Pyyntönne on jätetty. Saatte vastauksen viimeistään { $date }.
privacy-complaint = Jos katsotte, että tietojanne käsitellään väärin, teillä on myös oikeus { -lodge-complaint } ja oikeus { -judicial-remedy(case: "illative") }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Katso tietoni
right-access-meaning = Jäljennös kaikista { -personal-data(case: "elative") }, joita organisaatiolla on teistä, sekä tieto siitä, mihin niitä käytetään ja mistä ne on saatu.
right-access-law = { -right-of-access(case: "your-title") } ({ -gdpr(case: "genitive") } 15 artikla)
right-rectification-title = Korjaa tietoni
right-rectification-meaning = Jokin teitä koskeva tieto on väärin tai puutteellinen: kertokaa, mikä sen pitäisi olla.
right-rectification-law = { -right-to-rectification(case: "your-title") } ({ -gdpr(case: "genitive") } 16 artikla)
right-portability-title = Siirrä tietoni muualle
right-portability-meaning = Antamanne tiedot tiedostona, jonka toinen palvelu pystyy lukemaan.
right-portability-law = { -right-to-portability(case: "your-title") } ({ -gdpr(case: "genitive") } 20 artikla)
right-erasure-title = Poista tietoni
right-erasure-meaning = { -personal-data(case: "your-title") } poistetaan, paitsi jos laki edellyttää niiden säilyttämistä.
right-erasure-law = { -right-to-erasure(case: "your-title") } ({ -gdpr(case: "genitive") } 17 artikla)
right-restriction-title = Lopeta tietojeni käsittely
right-restriction-meaning = Tietonne säilytetään, mutta niitä ei käytetä eikä jaeta eikä teille lähetetä postia, kunnes asia on ratkaistu.
right-restriction-law = { -right-to-restriction(case: "your-title") } ({ -gdpr(case: "genitive") } 18 artikla)
right-object-title = Vastusta käsittelyä
right-object-meaning = Ette hyväksy sitä, miten tietojanne käytetään, esimerkiksi suoramarkkinointiin.
right-object-law = { -right-to-object(case: "your-title") } ({ -gdpr(case: "genitive") } 21 artikla)
