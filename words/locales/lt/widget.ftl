# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Priimti visus
widget-reject-all = Atmesti visus
widget-customise = Tinkinti
widget-save = Išsaugoti pasirinkimus
widget-close = Uždaryti
widget-first-name = Vardas
widget-last-name = Pavardė
widget-email = El. pašto adresas
widget-check-mail = Beveik baigta: patvirtinkite registraciją paspaudę nuorodą el. laiške, kurį jums siunčiame.
widget-gpc-notice = Išjungta, nes jūsų naršyklė siunčia Global Privacy Control signalą.
widget-privacy-policy = Privatumo politika
widget-kept-until = Jūsų registraciją (jūsų vardą, el. pašto adresą ir pasirinkimus) saugome iki { $date }; jei ji nepatvirtinama, tada ji ištrinama.
widget-placeholder = Šis turinys yra iš { $source } ir lieka užblokuotas, kol duosite { -consent(case: "accusative") } tikslui „{ $purpose }“.
widget-load-once = Įkelti vieną kartą
widget-always-allow = Visada leisti
widget-reload-hint = Tai, kas jau veikia, sustos tik tada, kai iš naujo įkelsite puslapį.
widget-reload = Įkelti puslapį iš naujo
widget-do-not-sell = Neparduoti ir nebendrinti mano asmeninės informacijos
widget-ok = Gerai
