# Pojmovi same Opće uredbe o zaštiti podataka kako ih navodi službeni hrvatski tekst Uredbe (EU) 2016/679.
# Pojam može imati padežne oblike, npr. { -consent(case: "locative") }.

-gdpr = { $case ->
   *[nominative] GDPR
    [genitive] GDPR-a
 }
-personal-data = { $case ->
   *[nominative] osobni podaci
    [genitive] osobnih podataka
    [accusative] osobne podatke
 }
-data-subject = ispitanik
-processing = { $case ->
   *[nominative] obrada
    [genitive] obrade
    [accusative] obradu
 }
-consent = { $case ->
   *[nominative] privola
    [genitive] privole
    [accusative] privolu
    [locative] privoli
 }
-withdraw-consent = povući svoju privolu
-controller = { $case ->
   *[nominative] voditelj obrade
    [genitive] voditelja obrade
 }
-supervisory-authority = nadzorno tijelo
-legal-basis = pravna osnova
-right-of-access = pravo na pristup
-right-to-rectification = pravo na ispravak
-right-to-erasure = pravo na brisanje
-right-to-restriction = pravo na ograničenje obrade
-right-to-portability = pravo na prenosivost podataka
-right-to-object = pravo na prigovor
-lodge-complaint = podnijeti pritužbu nadzornom tijelu
-judicial-remedy = učinkoviti pravni lijek
