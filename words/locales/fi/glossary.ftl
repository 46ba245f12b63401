# The GDPR's own terms, as the official Finnish text (yleinen tietosuoja-asetus, (EU) 2016/679)
# words them. Variants give the grammatical forms the messages need; "your" forms carry the
# possessive suffix -nne, "your-title" is the same form starting a sentence or label.

-gdpr = { $case ->
   *[nominative] tietosuoja-asetus
    [genitive] tietosuoja-asetuksen
 }
-personal-data = { $case ->
   *[nominative] henkilötiedot
    [genitive] henkilötietojen
    [elative] henkilötiedoista
    [your] henkilötietonne
    [your-title] Henkilötietonne
    [genitive-your] henkilötietojenne
    [elative-your] henkilötiedoistanne
 }
-data-subject = rekisteröity
-processing = { $case ->
   *[nominative] käsittely
    [genitive] käsittelyn
 }
-consent = { $case ->
   *[nominative] suostumus
    [genitive] suostumuksen
    [partitive] suostumusta
    [your] suostumuksenne
    [partitive-your] suostumustanne
 }
-withdraw-consent = peruuttaa suostumuksenne
-controller = rekisterinpitäjä
-supervisory-authority = valvontaviranomainen
-legal-basis = oikeusperuste
-right-of-access = { $case ->
   *[nominative] oikeus saada pääsy tietoihin
    [your-title] Oikeutenne saada pääsy tietoihin
 }
-right-to-rectification = { $case ->
   *[nominative] oikeus tietojen oikaisemiseen
    [your-title] Oikeutenne tietojen oikaisemiseen
 }
-right-to-erasure = { $case ->
   *[nominative] oikeus tietojen poistamiseen
    [your-title] Oikeutenne tietojen poistamiseen
    [partitive-your] oikeuttanne tietojen poistamiseen
 }
-right-to-restriction = { $case ->
   *[nominative] oikeus käsittelyn rajoittamiseen
    [your-title] Oikeutenne käsittelyn rajoittamiseen
 }
-right-to-portability = { $case ->
   *[nominative] oikeus siirtää tiedot järjestelmästä toiseen
    [your-title] Oikeutenne siirtää tiedot järjestelmästä toiseen
 }
-right-to-object = { $case ->
   *[nominative] vastustamisoikeus
    [your-title] Vastustamisoikeutenne
 }
-lodge-complaint = tehdä valitus valvontaviranomaiselle
-judicial-remedy = { $case ->
   *[nominative] tehokkaat oikeussuojakeinot
    [illative] tehokkaisiin oikeussuojakeinoihin
 }
