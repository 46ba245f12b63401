# Samtykkewidgettens egne etiketter på organisationens websted (bannerets tekster kommer fra
# formularen). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Accepter alle
widget-reject-all = Afvis alle
widget-customise = Tilpas
widget-save = Gem valg
widget-close = Luk
widget-first-name = Fornavn
widget-last-name = Efternavn
widget-email = E-mailadresse
widget-check-mail = Næsten færdig: Bekræft din tilmelding via linket i den e-mail, vi sender dig.
widget-gpc-notice = Slået fra, fordi din browser sender Global Privacy Control.
widget-privacy-policy = Privatlivspolitik
widget-kept-until = Vi opbevarer din tilmelding (dit navn, din e-mailadresse og dine valg) indtil { $date }; uden bekræftelse slettes den derefter.
widget-placeholder = Dette indhold kommer fra { $source } og forbliver blokeret, indtil du giver { -consent } til »{ $purpose }«.
widget-load-once = Indlæs det
widget-always-allow = Tillad altid
widget-reload-hint = Det, der allerede kører, stopper først, når du genindlæser siden.
widget-reload = Genindlæs siden
widget-do-not-sell = Sælg eller del ikke mine personoplysninger
widget-ok = OK
