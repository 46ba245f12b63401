# Etichetele proprii ale widgetului de consimțământ de pe site-ul organizației.
# Placeholders ({ $name }) must stay as they are.

widget-accept-all = Acceptați tot
widget-reject-all = Respingeți tot
widget-customise = Personalizați
widget-save = Salvați alegerile
widget-close = Închideți
widget-first-name = Prenume
widget-last-name = Nume
widget-email = Adresă de e-mail
widget-check-mail = Aproape gata: confirmați-vă înscrierea prin linkul din e-mailul pe care vi-l trimitem.
widget-gpc-notice = Dezactivat deoarece browserul dumneavoastră trimite Global Privacy Control.
widget-privacy-policy = Politica de confidențialitate
widget-kept-until = Vă păstrăm înscrierea (numele, adresa de e-mail și alegerile dumneavoastră) până la { $date }; fără confirmare, este ștearsă la data respectivă.
widget-placeholder = Acest conținut provine de la { $source } și rămâne blocat până când vă dați { -consent(case: "definite") } pentru „{ $purpose }”.
widget-load-once = Încărcați
widget-always-allow = Permiteți întotdeauna
widget-reload-hint = Ceea ce rulează deja se oprește doar când reîncărcați pagina.
widget-reload = Reîncărcați pagina
widget-do-not-sell = Nu vindeți și nu partajați informațiile mele personale
widget-ok = OK
