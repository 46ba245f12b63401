# Los términos del propio RGPD, tal como los denomina el texto oficial en español del Reglamento (UE) 2016/679.

-gdpr = RGPD
-personal-data = datos personales
-data-subject = interesado
-processing = tratamiento
-consent = consentimiento
-withdraw-consent = retirar su consentimiento
-controller = responsable del tratamiento
-supervisory-authority = autoridad de control
-legal-basis = base jurídica
-right-of-access = derecho de acceso
-right-to-rectification = derecho de rectificación
-right-to-erasure = derecho de supresión
-right-to-restriction = derecho a la limitación del tratamiento
-right-to-portability = derecho a la portabilidad de los datos
-right-to-object = derecho de oposición
-lodge-complaint = presentar una reclamación ante una autoridad de control
-judicial-remedy = la tutela judicial efectiva
