# Pojmi same Splošne uredbe o varstvu podatkov, kot jih navaja uradno slovensko besedilo Uredbe (EU) 2016/679.
# Pojem ima lahko sklonske oblike, npr. { -consent(case: "genitive") }.

-gdpr = GDPR
-personal-data = { $case ->
   *[nominative] osebni podatki
    [genitive] osebnih podatkov
    [accusative] osebne podatke
 }
-data-subject = posameznik, na katerega se nanašajo osebni podatki
-processing = { $case ->
   *[nominative] obdelava
    [genitive] obdelave
    [accusative] obdelavo
 }
-consent = { $case ->
   *[nominative] privolitev
    [genitive] privolitve
    [accusative] privolitev
    [locative] privolitvi
 }
-withdraw-consent = preklicati svojo privolitev
-controller = { $case ->
   *[nominative] upravljavec
    [locative] upravljavcu
 }
-supervisory-authority = nadzorni organ
-legal-basis = pravna podlaga
-right-of-access = pravica do dostopa
-right-to-rectification = pravica do popravka
-right-to-erasure = { $case ->
   *[nominative] pravica do izbrisa
    [accusative] pravico do izbrisa
 }
-right-to-restriction = pravica do omejitve obdelave
-right-to-portability = pravica do prenosljivosti podatkov
-right-to-object = pravica do ugovora
-lodge-complaint = { $case ->
   *[nominative] vložitev pritožbe pri nadzornem organu
    [genitive] vložitve pritožbe pri nadzornem organu
 }
-judicial-remedy = { $case ->
   *[nominative] učinkovito pravno sredstvo
    [genitive] učinkovitega pravnega sredstva
 }
