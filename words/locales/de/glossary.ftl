# Die Begriffe der DSGVO selbst, wie der amtliche deutsche Text der Verordnung (EU) 2016/679
# sie nennt. Ein Begriff kann Varianten haben, die eine Nachricht mit einem Parameter wählt:
#   -personal-data: inflection "strong" (ohne Artikel: personenbezogene Daten) oder
#                   "weak" (nach Artikel/Possessiv: Ihre personenbezogenen Daten, aller ...)
#   -controller:    case "nominative" (Verantwortlicher) oder
#                   "dative" (nach bestimmtem Artikel: dem Verantwortlichen)

-gdpr = DSGVO
-personal-data = { $inflection ->
   *[strong] personenbezogene Daten
    [weak] personenbezogenen Daten
 }
-data-subject = betroffene Person
-processing = Verarbeitung
-consent = Einwilligung
-withdraw-consent = Ihre Einwilligung widerrufen
-controller = { $case ->
   *[nominative] Verantwortlicher
    [dative] Verantwortlichen
 }
-supervisory-authority = Aufsichtsbehörde
-legal-basis = Rechtsgrundlage
-right-of-access = Auskunftsrecht
-right-to-rectification = Recht auf Berichtigung
-right-to-erasure = Recht auf Löschung
-right-to-restriction = Recht auf Einschränkung der Verarbeitung
-right-to-portability = Recht auf Datenübertragbarkeit
-right-to-object = Widerspruchsrecht
-lodge-complaint = Beschwerde bei einer Aufsichtsbehörde
-judicial-remedy = einen wirksamen gerichtlichen Rechtsbehelf
