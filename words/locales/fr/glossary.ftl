# Les termes du RGPD lui-même, tels que les nomme le texte officiel français du règlement (UE) 2016/679.

-gdpr = RGPD
-personal-data = données à caractère personnel
-data-subject = personne concernée
-processing = traitement
-consent = consentement
-withdraw-consent = retirer votre consentement
-controller = responsable du traitement
-supervisory-authority = autorité de contrôle
-legal-basis = base juridique
-right-of-access = droit d'accès
-right-to-rectification = droit de rectification
-right-to-erasure = droit à l'effacement
-right-to-restriction = droit à la limitation du traitement
-right-to-portability = droit à la portabilité des données
-right-to-object = droit d'opposition
-lodge-complaint = introduire une réclamation auprès d'une autorité de contrôle
-judicial-remedy = un recours juridictionnel effectif
