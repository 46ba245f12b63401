# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Összes elfogadása
widget-reject-all = Összes elutasítása
widget-customise = Testreszabás
widget-save = Választások mentése
widget-close = Bezárás
widget-first-name = Utónév
widget-last-name = Vezetéknév
widget-email = E-mail-cím
widget-check-mail = Már majdnem kész: erősítse meg feliratkozását az általunk küldött e-mailben található linkkel.
widget-gpc-notice = Kikapcsolva, mert a böngészője Global Privacy Control jelzést küld.
widget-privacy-policy = Adatvédelmi tájékoztató
widget-kept-until = Feliratkozását (nevét, e-mail-címét és választásait) eddig őrizzük meg: { $date }; megerősítés nélkül ekkor töröljük.
widget-placeholder = Ez a tartalom innen származik: { $source }, és mindaddig blokkolva marad, amíg meg nem adja { -consent(case: "poss-acc") } a következőhöz: „{ $purpose }”.
widget-load-once = Betöltés
widget-always-allow = Mindig engedélyezem
widget-reload-hint = Ami már fut, csak az oldal újratöltésekor áll le.
widget-reload = Oldal újratöltése
widget-do-not-sell = Ne adják el és ne osszák meg a személyes adataimat
widget-ok = OK
