# Vsako e-poštno sporočilo, ki ga Consentry pošlje posamezniku, in datoteka z opisom izvoza njegovih podatkov.
# Označbe mest ({ $name }) ostanejo nespremenjene; pojmi ({ -name }) so v glossary.ftl.
# Prazna vrstica v sporočilu je prazna vrstica e-poštnega sporočila.

mail-hello = Pozdravljeni,

## Ime vsake pravice po zakonu, kot jo sporočilo navede pri zahtevi

mail-right-access = { -right-of-access } (15. člen { -gdpr })
mail-right-rectification = { -right-to-rectification } (16. člen { -gdpr })
mail-right-portability = { -right-to-portability } (20. člen { -gdpr })
mail-right-erasure = { -right-to-erasure } (17. člen { -gdpr })
mail-right-restriction = { -right-to-restriction } (18. člen { -gdpr })
mail-right-object = { -right-to-object } (21. člen { -gdpr })

## Potrditvena koda središča za zasebnost

mail-code-subject = { $organisation }: vaša potrditvena koda
mail-code-body =
    Organizacijo { $organisation } ste prosili, naj ukrepa na podlagi vaše zahteve: { $right }. Vnesite to kodo na strani središča za zasebnost, da potrdite, da je ta naslov vaš:

        { $code }

    Koda velja { $minutes } minut. Niste zaprosili? Potem prezrite to sporočilo.

## Kaj se je zgodilo z zahtevo

mail-refused-subject = { $organisation }: vaša zahteva je bila zavrnjena
mail-refused-body =
    Vaša zahteva z dne { $received } ({ $right }) je bila zavrnjena. Razlog:

    { $reason }
mail-complaint = Imate pravico do { -lodge-complaint(case: "genitive") } in do { -judicial-remedy(case: "genitive") }.
mail-complaint-authority = { $authority } je { -supervisory-authority } tam, kjer ima { $organisation } sedež: { $website }
mail-done-subject = { $organisation }: vaša zahteva je izvršena
mail-done-body = Vaša zahteva z dne { $received } ({ $right }) je bila izvršena.
mail-erased = Izbrisali smo vaše { -personal-data(case: "accusative") }. Hranimo samo zahtevo, brez vašega naslova, in njegovo enosmerno kodo, da vas pomotoma ne bi znova dodali. Kopije tega sporočila ne hranimo.
mail-extended-subject = { $organisation }: več časa za vašo zahtevo
mail-extended-body =
    Za vašo zahtevo z dne { $received } ({ $right }) potrebujemo več časa. Odgovor boste prejeli najpozneje do { $until }. Razlog:

    { $reason }

## Kopija podatkov posameznika

mail-export-subject = { $organisation }: vaši podatki so pripravljeni
mail-export-body =
    Kopija vaših { -personal-data(case: "genitive") }, ki ste jo zahtevali od organizacije { $organisation }, je pripravljena. Prenesite jo (datoteka ZIP) do { $until } prek te osebne povezave:

    { $link }

    Te povezave ne delite z nikomer: kdor jo ima, lahko prenese vaše podatke.
export-readme =
    Vaši { -personal-data }, kot jih hrani organizacija, navedena v subject.json.

    subject.json: vse, v obliki consentry-subject-export/1: zahteva in za vsak zapis, ki vsebuje vaš naslov, njegova polja, njegova zgodovina pravnih podlag in statusov { -consent(case: "genitive") }, vsaka odločitev o { -consent(case: "locative") } z različico obrazca in vrednostjo SHA-256 besedila, ki ste ga prebrali, ter vaše zahteve.

    records.csv: zapisi, eden na vrstico (UTF-8, ločeni z vejicami).

    consent_events.csv: vsaka odločitev o { -consent(case: "locative") }, ena na vrstico: odgovori na strani za privolitev ter { -consent }, dana drugje in zabeležena tukaj (recorded_through api ali manual), s podatki o tem, kdaj (at), kako (obtained_through) in za katere kanale ste jo dali, ter z dokazili, predloženimi zanjo. recorded_at pove, kdaj je bila tukaj zabeležena.

    V datotekah CSV ima vrednost, ki se začne z = + - @, tabulatorjem ali pomikom na začetek vrstice (carriage return), pred seboj znak ', da jo preglednica prikaže kot besedilo, namesto da bi jo izvedla kot formulo.

## Dvojna potrditev (double opt-in): potrditev prijave

mail-signup-subject = { $organisation }: potrdite prijavo
mail-signup-body =
    Vi (ali nekdo, ki je uporabil vaš naslov) ste se pri organizaciji { $organisation } prijavili na „{ $title }“. Potrdite to prek te povezave:

    { $link }

    Vašo prijavo (vaše ime, e-poštni naslov in izbire) hranimo do { $until }; če ni potrjena, se takrat izbriše. To niste bili vi? Potem prezrite to sporočilo.

## Vgrajena prošnja za privolitev (kadar organizacija ne določi svoje predloge)

mail-consent-name = Prošnja za privolitev
mail-consent-subject = { $organisation }: vaše izbire glede zasebnosti
mail-consent-body =
    Pozdravljeni, { $name },

    Organizacija { $organisation } vas prosi za { -consent(case: "accusative") }. Odprite to osebno povezavo, da vidite, za kaj, in izberete:

    { $link }

    Povezava velja do { $until }. Če tega sporočila niste pričakovali, ga lahko prezrete.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: vaši podatki, vaše pravice
mail-rights-body =
    Tukaj lahko pregledate, popravite, prenesete drugam ali izbrišete { -personal-data(case: "accusative") }, ki jih organizacija { $organisation } hrani o vas, vložite ugovor zoper njihovo { -processing(case: "accusative") } ali zahtevate njeno omejitev:

    { $link }
