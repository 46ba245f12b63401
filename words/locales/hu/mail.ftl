# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Tisztelt Címzett!

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } ({ -gdpr } 15. cikk)
mail-right-rectification = { -right-to-rectification } ({ -gdpr } 16. cikk)
mail-right-portability = { -right-to-portability } ({ -gdpr } 20. cikk)
mail-right-erasure = { -right-to-erasure } ({ -gdpr } 17. cikk)
mail-right-restriction = { -right-to-restriction } ({ -gdpr } 18. cikk)
mail-right-object = { -right-to-object } ({ -gdpr } 21. cikk)

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: az Ön megerősítő kódja
mail-code-body =
    Ön azt kérte, hogy { $organisation } intézkedjen a következő kérelme ügyében: { $right }. Adja meg ezt a kódot az adatvédelmi központ oldalán annak megerősítésére, hogy ez a cím az Öné:

        { $code }

    A kód { $minutes } percig érvényes. Nem Ön kérte? Akkor hagyja figyelmen kívül ezt az üzenetet.

## What became of a request

mail-refused-subject = { $organisation }: kérelmét elutasították
mail-refused-body =
    Kérelmét (beérkezett: { $received }; { $right }) elutasították. Indoklás:

    { $reason }
mail-complaint = Ön jogosult arra, hogy { -lodge-complaint }, és hogy { -judicial-remedy(case: "instrumental") } éljen.
mail-complaint-authority = { $organisation } tevékenységi helye szerinti { -supervisory-authority }: { $authority } – { $website }
mail-done-subject = { $organisation }: kérelmét teljesítettük
mail-done-body = Kérelmét (beérkezett: { $received }; { $right }) teljesítettük.
mail-erased = Töröltük { -personal-data(case: "poss-acc") }. Csak magát a kérelmet őrizzük meg, az Ön címe nélkül, valamint annak egyirányú kódját, hogy tévedésből ne vegyük fel Önt újra. Erről az üzenetről nem őrzünk meg másolatot.
mail-extended-subject = { $organisation }: több időre van szükségünk a kérelméhez
mail-extended-body =
    Több időre van szükségünk kérelme (beérkezett: { $received }; { $right }) ügyében. Legkésőbb eddig választ kap: { $until }. Indoklás:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: adatai elkészültek
mail-export-body =
    Elkészült { -personal-data(case: "poss-gen") } másolata, amelyet Ön a következő szervezettől kért: { $organisation }. Töltse le (ZIP-fájl) ezzel a személyes linkkel, eddig: { $until }.

    { $link }

    Ne ossza meg ezt a linket: bárki, akinek megvan, letöltheti az adatait.
export-readme =
    Az Ön { -personal-data(case: "poss") }, abban a formában, ahogyan a subject.json fájlban megnevezett szervezet tárolja őket.

    subject.json: minden, consentry-subject-export/1 formátumban: a kérelem, valamint minden olyan tételhez, amely az Ön címét tartalmazza, annak mezői, jogalapjainak és { -consent(case: "adj") } állapotainak előzményei, minden { -consent(case: "adj") } döntés az űrlapverzióval és az Ön által olvasott szöveg SHA-256 értékével, továbbá az Ön kérelmei.

    records.csv: a tételek, soronként egy (UTF-8, vesszővel elválasztva).

    consent_events.csv: minden { -consent(case: "adj") } döntés, soronként egy: a hozzájárulási oldalon adott válaszok, valamint a máshol megadott és itt rögzített { -consent } (recorded_through api vagy manual), azzal együtt, hogy mikor (at), hogyan (obtained_through) és mely csatornákra adta meg, valamint az ezt alátámasztó bizonyíték. A recorded_at az itteni rögzítés időpontja.

    A CSV-fájlokban az = + - @ karakterrel, tabulátorral vagy kocsivissza karakterrel kezdődő értékek elé egy ' kerül, hogy a táblázatkezelő szövegként jelenítse meg őket, ahelyett hogy képletként futtatná.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: erősítse meg feliratkozását
mail-signup-body =
    Ön (vagy valaki az Ön címével) feliratkozott a következőre: „{ $title }” (szervezet: { $organisation }). Erősítse meg ezzel a linkkel:

    { $link }

    Feliratkozását (nevét, e-mail-címét és választásait) eddig őrizzük meg: { $until }; megerősítés nélkül ekkor töröljük. Nem Ön volt? Akkor hagyja figyelmen kívül ezt az üzenetet.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Hozzájárulási kérelem
mail-consent-subject = { $organisation }: adatvédelmi választásai
mail-consent-body =
    Tisztelt { $name }!

    { $organisation } az Ön { -consent(case: "poss-acc") } kéri. Nyissa meg ezt a személyes linket, hogy megnézze, mihez, és dönthessen:

    { $link }

    A link eddig érvényes: { $until }. Ha nem számított erre az üzenetre, figyelmen kívül hagyhatja.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: adatai és jogai
mail-rights-body =
    Itt megtekintheti, helyesbítheti, magával viheti vagy törölheti { -personal-data(case: "poss-acc") }, amelyeket { $organisation } Önről tárol, továbbá tiltakozhat az { -processing } ellen, vagy kérheti annak korlátozását:

    { $link }
