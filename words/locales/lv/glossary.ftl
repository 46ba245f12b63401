# The GDPR's own terms, as the official Latvian text (Vispārīgā datu aizsardzības regula,
# (ES) 2016/679) words them. Variants give the grammatical cases the messages need.

-gdpr = VDAR
-personal-data = { $case ->
   *[nominative] personas dati
    [genitive] personas datu
    [dative] personas datiem
    [accusative] personas datus
 }
-data-subject = datu subjekts
-processing = { $case ->
   *[nominative] apstrāde
    [genitive] apstrādes
    [accusative] apstrādi
 }
-consent = { $case ->
   *[nominative] piekrišana
    [genitive] piekrišanas
    [accusative] piekrišanu
 }
-withdraw-consent = atsaukt savu piekrišanu
-controller = pārzinis
-supervisory-authority = uzraudzības iestāde
-legal-basis = juridiskais pamats
-right-of-access = piekļuves tiesības
-right-to-rectification = tiesības labot
-right-to-erasure = tiesības uz dzēšanu
-right-to-restriction = tiesības ierobežot apstrādi
-right-to-portability = tiesības uz datu pārnesamību
-right-to-object = tiesības iebilst
-lodge-complaint = iesniegt sūdzību uzraudzības iestādē
-judicial-remedy = { $case ->
   *[nominative] efektīva tiesību aizsardzība tiesā
    [accusative] efektīvu tiesību aizsardzību tiesā
 }
