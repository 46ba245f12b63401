# Lastne oznake pripomočka za privolitev na spletnem mestu organizacije.
# Označbe mest ({ $name }) ostanejo nespremenjene.

widget-accept-all = Sprejmi vse
widget-reject-all = Zavrni vse
widget-customise = Prilagodi
widget-save = Shrani izbire
widget-close = Zapri
widget-first-name = Ime
widget-last-name = Priimek
widget-email = E-poštni naslov
widget-check-mail = Skoraj končano: prijavo potrdite prek povezave v e-poštnem sporočilu, ki vam ga pošiljamo.
widget-gpc-notice = Izklopljeno, ker vaš brskalnik pošilja Global Privacy Control.
widget-privacy-policy = Politika zasebnosti
widget-kept-until = Vašo prijavo (vaše ime, e-poštni naslov in izbire) hranimo do { $date }; če ni potrjena, se takrat izbriše.
widget-placeholder = Ta vsebina je iz vira { $source } in ostane blokirana, dokler ne date { -consent(case: "genitive") } za „{ $purpose }“.
widget-load-once = Naloži
widget-always-allow = Vedno dovoli
widget-reload-hint = Kar se že izvaja, se ustavi šele, ko znova naložite stran.
widget-reload = Znova naloži stran
widget-do-not-sell = Ne prodajajte in ne delite mojih osebnih podatkov
widget-ok = V redu
