# Samtykkewidgetens egne etiketter på organisasjonens nettsted (bannerets tekster kommer fra
# skjemaet). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Godta alle
widget-reject-all = Avvis alle
widget-customise = Tilpass
widget-save = Lagre valgene
widget-close = Lukk
widget-first-name = Fornavn
widget-last-name = Etternavn
widget-email = E-postadresse
widget-check-mail = Nesten ferdig: Bekreft påmeldingen din via lenken i e-posten vi sender deg.
widget-gpc-notice = Slått av fordi nettleseren din sender Global Privacy Control.
widget-privacy-policy = Personvernerklæring
widget-kept-until = Vi lagrer påmeldingen din (navnet ditt, e-postadressen din og valgene dine) fram til { $date }; uten bekreftelse slettes den da.
widget-placeholder = Dette innholdet kommer fra { $source } og forblir blokkert til du gir { -consent } til «{ $purpose }».
widget-load-once = Last det inn
widget-always-allow = Tillat alltid
widget-reload-hint = Det som allerede kjører, stanser først når du laster inn siden på nytt.
widget-reload = Last inn siden på nytt
widget-do-not-sell = Ikke selg eller del personopplysningene mine
widget-ok = OK
