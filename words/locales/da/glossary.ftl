# Databeskyttelsesforordningens egne begreber, som den officielle danske tekst udtrykker dem.
# A term may have variants chosen by a parameter (here: indefinite or definite form):
#   -processing = { $form -> *[indefinite] ... [definite] ... }
# and be used as { -processing(form: "definite") }.

-gdpr = GDPR
-personal-data = personoplysninger
-data-subject = { $form ->
   *[indefinite] registreret
    [definite] den registrerede
 }
-processing = { $form ->
   *[indefinite] behandling
    [definite] behandlingen
 }
-consent = samtykke
-withdraw-consent = trække dit samtykke tilbage
-controller = { $form ->
   *[indefinite] dataansvarlig
    [definite] den dataansvarlige
 }
-supervisory-authority = { $form ->
   *[indefinite] tilsynsmyndighed
    [definite] tilsynsmyndigheden
 }
-legal-basis = retsgrundlag
-right-of-access = indsigtsret
-right-to-rectification = ret til berigtigelse
-right-to-erasure = ret til sletning
-right-to-restriction = ret til begrænsning af behandling
-right-to-portability = ret til dataportabilitet
-right-to-object = ret til indsigelse
-lodge-complaint = indgive klage til en tilsynsmyndighed
-judicial-remedy = effektive retsmidler
