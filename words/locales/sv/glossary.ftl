# Dataskyddsförordningens egna begrepp, så som den officiella svenska texten uttrycker dem.
# A term may have variants chosen by a parameter (here: indefinite or definite form):
#   -processing = { $form -> *[indefinite] ... [definite] ... }
# and be used as { -processing(form: "definite") }.

-gdpr = GDPR
-personal-data = personuppgifter
-data-subject = { $form ->
   *[indefinite] registrerad
    [definite] den registrerade
 }
-processing = { $form ->
   *[indefinite] behandling
    [definite] behandlingen
 }
-consent = samtycke
-withdraw-consent = återkalla ditt samtycke
-controller = { $form ->
   *[indefinite] personuppgiftsansvarig
    [definite] den personuppgiftsansvarige
 }
-supervisory-authority = { $form ->
   *[indefinite] tillsynsmyndighet
    [definite] tillsynsmyndigheten
 }
-legal-basis = rättslig grund
-right-of-access = rätt till tillgång
-right-to-rectification = rätt till rättelse
-right-to-erasure = rätt till radering
-right-to-restriction = rätt till begränsning av behandling
-right-to-portability = rätt till dataportabilitet
-right-to-object = rätt att göra invändningar
-lodge-complaint = lämna in klagomål till en tillsynsmyndighet
-judicial-remedy = ett effektivt rättsmedel
