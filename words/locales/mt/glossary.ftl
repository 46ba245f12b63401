# It-termini tar-Regolament Ġenerali dwar il-Protezzjoni tad-Data (GDPR, Regolament (UE) 2016/679)
# kif jinsabu fit-test uffiċjali Malti. Messages put the article in front
# (il-kunsens, l-ipproċessar, id-data personali, id-dritt ...).

-gdpr = GDPR
-personal-data = data personali
-data-subject = suġġett tad-data
-processing = ipproċessar
-consent = kunsens
-withdraw-consent = tirtira l-kunsens tiegħek
-controller = kontrollur
-supervisory-authority = awtorità superviżorja
-legal-basis = bażi legali
-right-of-access = dritt ta’ aċċess
-right-to-rectification = dritt għal rettifika
-right-to-erasure = dritt għal tħassir
-right-to-restriction = dritt għal restrizzjoni tal-ipproċessar
-right-to-portability = dritt għall-portabbiltà tad-data
-right-to-object = dritt ta’ oġġezzjoni
-lodge-complaint = tressaq ilment quddiem awtorità superviżorja
-judicial-remedy = rimedju ġudizzjarju effettiv
