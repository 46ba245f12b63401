# Personvernforordningens egne begreper, slik den norske teksten (personopplysningsloven) uttrykker dem.
# A term may have variants chosen by a parameter (here: indefinite or definite form):
#   -processing = { $form -> *[indefinite] ... [definite] ... }
# and be used as { -processing(form: "definite") }.

-gdpr = GDPR
-personal-data = { $form ->
   *[indefinite] personopplysninger
    [definite] personopplysningene
 }
-data-subject = { $form ->
   *[indefinite] registrert
    [definite] den registrerte
 }
-processing = { $form ->
   *[indefinite] behandling
    [definite] behandlingen
 }
-consent = { $form ->
   *[indefinite] samtykke
    [definite] samtykket
 }
-withdraw-consent = trekke tilbake samtykket ditt
-controller = { $form ->
   *[indefinite] behandlingsansvarlig
    [definite] den behandlingsansvarlige
 }
-supervisory-authority = { $form ->
   *[indefinite] tilsynsmyndighet
    [definite] tilsynsmyndigheten
 }
-legal-basis = rettslig grunnlag
-right-of-access = rett til innsyn
-right-to-rectification = rett til retting
-right-to-erasure = rett til sletting
-right-to-restriction = rett til begrensning av behandling
-right-to-portability = rett til dataportabilitet
-right-to-object = rett til å protestere
-lodge-complaint = klage til en tilsynsmyndighet
-judicial-remedy = et effektivt rettsmiddel
