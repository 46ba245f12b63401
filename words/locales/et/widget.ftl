# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Nõustu kõigiga
widget-reject-all = Keeldu kõigist
widget-customise = Kohanda
widget-save = Salvesta valikud
widget-close = Sulge
widget-first-name = Eesnimi
widget-last-name = Perekonnanimi
widget-email = E-posti aadress
widget-check-mail = Peaaegu valmis: kinnitage oma registreerumine lingi kaudu e-kirjas, mille teile saadame.
widget-gpc-notice = Välja lülitatud, sest teie brauser saadab signaali Global Privacy Control.
widget-privacy-policy = Privaatsuspoliitika
widget-kept-until = Säilitame teie registreerumist (teie nime, e-posti aadressi ja valikuid) kuni { $date }; kui seda ei kinnitata, siis see kustutatakse.
widget-placeholder = See sisu pärineb allikast { $source } ja jääb blokeerituks, kuni annate { -consent(case: "genitive") } eesmärgil „{ $purpose }“.
widget-load-once = Laadi üks kord
widget-always-allow = Luba alati
widget-reload-hint = See, mis juba töötab, peatub alles siis, kui laadite lehe uuesti.
widget-reload = Laadi leht uuesti
widget-do-not-sell = Ära müü ega jaga minu isikuandmeid
widget-ok = OK
