# Vlastite oznake widgeta za privolu na web-mjestu organizacije.
# Rezervirana mjesta ({ $name }) ostaju nepromijenjena.

widget-accept-all = Prihvati sve
widget-reject-all = Odbij sve
widget-customise = Prilagodi
widget-save = Spremi odabir
widget-close = Zatvori
widget-first-name = Ime
widget-last-name = Prezime
widget-email = Adresa e-pošte
widget-check-mail = Skoro gotovo: potvrdite prijavu putem poveznice u e-poruci koju vam šaljemo.
widget-gpc-notice = Isključeno jer vaš preglednik šalje Global Privacy Control.
widget-privacy-policy = Politika privatnosti
widget-kept-until = Vašu prijavu (vaše ime, adresu e-pošte i odabire) čuvamo do { $date }; ako ne bude potvrđena, tada se briše.
widget-placeholder = Ovaj sadržaj pruža { $source } i ostaje blokiran dok ne date { -consent(case: "accusative") } za „{ $purpose }”.
widget-load-once = Učitaj
widget-always-allow = Uvijek dopusti
widget-reload-hint = Ono što se već izvodi zaustavlja se tek kada ponovno učitate stranicu.
widget-reload = Ponovno učitaj stranicu
widget-do-not-sell = Nemojte prodavati ni dijeliti moje osobne podatke
widget-ok = U redu
