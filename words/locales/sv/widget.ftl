# Samtyckeswidgetens egna etiketter på organisationens webbplats (bannerns texter kommer från
# formuläret). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Godkänn alla
widget-reject-all = Avvisa alla
widget-customise = Anpassa
widget-save = Spara val
widget-close = Stäng
widget-first-name = Förnamn
widget-last-name = Efternamn
widget-email = E-postadress
widget-check-mail = Nästan klart: bekräfta din anmälan via länken i e-postmeddelandet som vi skickar till dig.
widget-gpc-notice = Avstängt eftersom din webbläsare skickar Global Privacy Control.
widget-privacy-policy = Integritetspolicy
widget-kept-until = Vi sparar din anmälan (ditt namn, din e-postadress och dina val) fram till { $date }; utan bekräftelse raderas den då.
widget-placeholder = Det här innehållet kommer från { $source } och förblir blockerat tills du lämnar { -consent } till ”{ $purpose }”.
widget-load-once = Läs in det
widget-always-allow = Tillåt alltid
widget-reload-hint = Det som redan körs stoppas först när du laddar om sidan.
widget-reload = Ladda om sidan
widget-do-not-sell = Sälj eller dela inte mina personuppgifter
widget-ok = OK
