# Pojmy samotného GDPR tak, ako ich uvádza oficiálne slovenské znenie nariadenia (EÚ) 2016/679.
# Pojem môže mať tvary podľa pádu, napr. { -consent(case: "locative") }.

-gdpr = GDPR
-personal-data = { $case ->
   *[nominative] osobné údaje
    [genitive] osobných údajov
    [accusative] osobné údaje
 }
-data-subject = dotknutá osoba
-processing = { $case ->
   *[nominative] spracúvanie
    [genitive] spracúvania
    [accusative] spracúvanie
 }
-consent = { $case ->
   *[nominative] súhlas
    [genitive] súhlasu
    [accusative] súhlas
    [locative] súhlase
 }
-withdraw-consent = odvolať svoj súhlas
-controller = { $case ->
   *[nominative] prevádzkovateľ
    [dative] prevádzkovateľovi
 }
-supervisory-authority = { $case ->
   *[nominative] dozorný orgán
    [instrumental] dozorným orgánom
 }
-legal-basis = právny základ
-right-of-access = právo na prístup k údajom
-right-to-rectification = právo na opravu
-right-to-erasure = právo na vymazanie
-right-to-restriction = právo na obmedzenie spracúvania
-right-to-portability = právo na prenosnosť údajov
-right-to-object = právo namietať
-lodge-complaint = podať sťažnosť dozornému orgánu
-judicial-remedy = účinný súdny prostriedok nápravy
