# Svaka e-poruka koju Consentry šalje ispitaniku i datoteka s opisom izvoza njegovih podataka.
# Rezervirana mjesta ({ $name }) ostaju nepromijenjena; pojmovi ({ -name }) nalaze se u glossary.ftl.
# Prazan redak u poruci prazan je redak e-poruke.

mail-hello = Dobar dan,

## Zakonski naziv svakog prava, kako ga poruka navodi uz zahtjev

mail-right-access = { -right-of-access } (članak 15. { -gdpr(case: "genitive") })
mail-right-rectification = { -right-to-rectification } (članak 16. { -gdpr(case: "genitive") })
mail-right-portability = { -right-to-portability } (članak 20. { -gdpr(case: "genitive") })
mail-right-erasure = { -right-to-erasure } (članak 17. { -gdpr(case: "genitive") })
mail-right-restriction = { -right-to-restriction } (članak 18. { -gdpr(case: "genitive") })
mail-right-object = { -right-to-object } (članak 21. { -gdpr(case: "genitive") })

## Kôd za potvrdu centra za privatnost

mail-code-subject = { $organisation }: vaš kôd za potvrdu
mail-code-body =
    Zatražili ste od organizacije { $organisation } da postupi po vašem zahtjevu: { $right }. Unesite ovaj kôd na stranici centra za privatnost kako biste potvrdili da je ova adresa vaša:

        { $code }

    Kôd vrijedi { $minutes } minuta. Niste to zatražili? Onda zanemarite ovu poruku.

## Što je bilo sa zahtjevom

mail-refused-subject = { $organisation }: vaš je zahtjev odbijen
mail-refused-body =
    Vaš zahtjev od { $received } ({ $right }) odbijen je. Razlog:

    { $reason }
mail-complaint = Imate pravo { -lodge-complaint } te pravo na { -judicial-remedy }.
mail-complaint-authority = { $authority } je { -supervisory-authority } ondje gdje { $organisation } ima poslovni nastan: { $website }
mail-done-subject = { $organisation }: vaš je zahtjev izvršen
mail-done-body = Vaš zahtjev od { $received } ({ $right }) izvršen je.
mail-erased = Izbrisali smo vaše { -personal-data(case: "accusative") }. Čuvamo samo sam zahtjev, bez vaše adrese, i njezin jednosmjerni kôd kako vas greškom ne bismo ponovno dodali. Ne čuvamo kopiju ove poruke.
mail-extended-subject = { $organisation }: više vremena za vaš zahtjev
mail-extended-body =
    Treba nam više vremena za vaš zahtjev od { $received } ({ $right }). Odgovor ćete dobiti najkasnije do { $until }. Razlog:

    { $reason }

## Kopija podataka ispitanika

mail-export-subject = { $organisation }: vaši su podaci spremni
mail-export-body =
    Kopija vaših { -personal-data(case: "genitive") } koju ste zatražili od organizacije { $organisation } spremna je. Preuzmite je (datoteka ZIP) do { $until } putem ove osobne poveznice:

    { $link }

    Ne dijelite ovu poveznicu: svatko tko je ima može preuzeti vaše podatke.
export-readme =
    Vaši { -personal-data }, kako ih čuva organizacija navedena u subject.json.

    subject.json: sve, u formatu consentry-subject-export/1: zahtjev te, za svaki zapis koji sadrži vašu adresu, njegova polja, njegova povijest pravnih osnova i statusa { -consent(case: "genitive") }, svaka odluka o { -consent(case: "locative") } s verzijom obrasca i vrijednošću SHA-256 teksta koji ste pročitali te vaši zahtjevi.

    records.csv: zapisi, jedan po retku (UTF-8, odvojeni zarezima).

    consent_events.csv: svaka odluka o { -consent(case: "locative") }, jedna po retku: odgovori na stranici za privolu te { -consent } dana drugdje i ovdje zabilježena (recorded_through api ili manual), s podacima o tome kada (at), kako (obtained_through) i za koje ste je kanale dali te s dokazima podnesenima za nju. recorded_at označava kada je ovdje zabilježena.

    U datotekama CSV vrijednost koja počinje znakom = + - @, tabulatorom ili znakom za povratak na početak retka (carriage return) ima ispred sebe znak ', kako bi je proračunska tablica prikazala kao tekst umjesto da je izvrši kao formulu.

## Dvostruka potvrda (double opt-in): potvrda prijave

mail-signup-subject = { $organisation }: potvrdite prijavu
mail-signup-body =
    Vi (ili netko tko je upotrijebio vašu adresu) prijavili ste se za „{ $title }” kod organizacije { $organisation }. Potvrdite to putem ove poveznice:

    { $link }

    Vašu prijavu (vaše ime, adresu e-pošte i odabire) čuvamo do { $until }; ako ne bude potvrđena, tada se briše. Niste to bili vi? Onda zanemarite ovu poruku.

## Ugrađeni zahtjev za privolu (kada organizacija ne odredi vlastiti predložak)

mail-consent-name = Zahtjev za privolu
mail-consent-subject = { $organisation }: vaši odabiri privatnosti
mail-consent-body =
    Poštovani/-a { $name },

    Organizacija { $organisation } traži vašu { -consent(case: "accusative") }. Otvorite ovu osobnu poveznicu kako biste vidjeli za što i odabrali:

    { $link }

    Poveznica vrijedi do { $until }. Ako niste očekivali ovu poruku, možete je zanemariti.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: vaši podaci, vaša prava
mail-rights-body =
    Ovdje možete vidjeti, ispraviti, prenijeti drugamo ili izbrisati { -personal-data(case: "accusative") } koje organizacija { $organisation } čuva o vama, ili uložiti prigovor na njihovu { -processing(case: "accusative") } ili zatražiti njezino ograničenje:

    { $link }
