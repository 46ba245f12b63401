# De termen van de AVG zelf, zoals de officiële Nederlandse tekst ze noemt.

-gdpr = AVG
-personal-data = persoonsgegevens
-data-subject = betrokkene
-processing = verwerking
-consent = toestemming
-withdraw-consent = uw toestemming intrekken
-controller = verwerkingsverantwoordelijke
-supervisory-authority = toezichthoudende autoriteit
-legal-basis = rechtsgrond
-right-of-access = recht van inzage
-right-to-rectification = recht op rectificatie
-right-to-erasure = recht op gegevenswissing
-right-to-restriction = recht op beperking van de verwerking
-right-to-portability = recht op overdraagbaarheid van gegevens
-right-to-object = recht van bezwaar
-lodge-complaint = een klacht in te dienen bij een toezichthoudende autoriteit
-judicial-remedy = een doeltreffende voorziening in rechte
