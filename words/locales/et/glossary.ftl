# The GDPR's own terms, as the official Estonian text (isikuandmete kaitse üldmäärus,
# (EL) 2016/679) words them. Variants give the grammatical cases the messages need.

-gdpr = { $case ->
   *[nominative] IKÜM
    [elative] IKÜM-ist
 }
-personal-data = { $case ->
   *[nominative] isikuandmed
    [genitive] isikuandmete
    [elative] isikuandmetest
 }
-data-subject = andmesubjekt
-processing = { $case ->
   *[nominative] töötlemine
    [genitive] töötlemise
 }
-consent = { $case ->
   *[nominative] nõusolek
    [genitive] nõusoleku
    [partitive] nõusolekut
 }
-withdraw-consent = võtta oma nõusolek tagasi
-controller = vastutav töötleja
-supervisory-authority = järelevalveasutus
-legal-basis = õiguslik alus
-right-of-access = õigus tutvuda andmetega
-right-to-rectification = õigus andmete parandamisele
-right-to-erasure = { $case ->
   *[nominative] õigus andmete kustutamisele
    [partitive] õigust andmete kustutamisele
 }
-right-to-restriction = õigus isikuandmete töötlemise piiramisele
-right-to-portability = õigus andmete ülekandmisele
-right-to-object = õigus esitada vastuväiteid
-lodge-complaint = esitada järelevalveasutusele kaebus
-judicial-remedy = { $case ->
   *[nominative] tõhus õiguskaitsevahend
    [allative] tõhusale õiguskaitsevahendile
 }
