# Téarmaí an Rialacháin Ghinearálta maidir le Cosaint Sonraí (RGCS, Rialachán (AE) 2016/679)
# mar atá siad sa téacs oifigiúil Gaeilge. A term may have variants chosen by a parameter:
#   mut: none / len (lenition, e.g. after "do" = your: do thoiliú, do shonraí pearsanta,
#   do cheart rochtana); gen (genitive, e.g. stádas toilithe).

-gdpr = RGCS
-personal-data = { $mut ->
   *[none] sonraí pearsanta
    [len] shonraí pearsanta
 }
-data-subject = ábhar sonraí
-processing = { $mut ->
   *[none] próiseáil
    [len] phróiseáil
 }
-consent = { $mut ->
   *[none] toiliú
    [len] thoiliú
    [gen] toilithe
 }
-withdraw-consent = do thoiliú a tharraingt siar
-controller = rialaitheoir
-supervisory-authority = údarás maoirseachta
-legal-basis = bunús dlí
-right-of-access = { $mut ->
   *[none] ceart rochtana
    [len] cheart rochtana
 }
-right-to-rectification = { $mut ->
   *[none] ceart go ndéanfaí ceartú
    [len] cheart go ndéanfaí ceartú
 }
-right-to-erasure = { $mut ->
   *[none] ceart go ndéanfaí léirscriosadh
    [len] cheart go ndéanfaí léirscriosadh
 }
-right-to-restriction = { $mut ->
   *[none] ceart go gcuirfí srian le próiseáil
    [len] cheart go gcuirfí srian le próiseáil
 }
-right-to-portability = { $mut ->
   *[none] ceart chun iniomparthacht sonraí
    [len] cheart chun iniomparthacht sonraí
 }
-right-to-object = { $mut ->
   *[none] ceart chun agóid a dhéanamh
    [len] cheart chun agóid a dhéanamh
 }
-lodge-complaint = gearán a thaisceadh le húdarás maoirseachta
-judicial-remedy = leigheas breithiúnach éifeachtach a fháil
