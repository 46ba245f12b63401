# Každý e-mail, který Consentry posílá subjektu údajů, a soubor „čti mě“ jeho exportu údajů.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Dobrý den,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (čl. 15 { -gdpr })
mail-right-rectification = { -right-to-rectification } (čl. 16 { -gdpr })
mail-right-portability = { -right-to-portability } (čl. 20 { -gdpr })
mail-right-erasure = { -right-to-erasure } (čl. 17 { -gdpr })
mail-right-restriction = { -right-to-restriction } (čl. 18 { -gdpr })
mail-right-object = { -right-to-object } (čl. 21 { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: váš potvrzovací kód
mail-code-body =
    Požádali jste organizaci { $organisation } o vyřízení své žádosti: { $right }. Zadejte tento kód na stránce centra ochrany soukromí a potvrďte tak, že tato adresa patří vám:

        { $code }

    Kód platí { $minutes } minut. Nežádali jste o nic? Pak tuto zprávu ignorujte.

## What became of a request

mail-refused-subject = { $organisation }: vaše žádost byla zamítnuta
mail-refused-body =
    Vaše žádost ze dne { $received } ({ $right }) byla zamítnuta. Důvod:

    { $reason }
mail-complaint = Máte právo { -lodge-complaint } a právo na { -judicial-remedy(case: "accusative") }.
mail-complaint-authority = Tam, kde má organizace { $organisation } provozovnu, je { -supervisory-authority(case: "instrumental") } { $authority }: { $website }
mail-done-subject = { $organisation }: vaše žádost je vyřízena
mail-done-body = Vaše žádost ze dne { $received } ({ $right }) byla vyřízena.
mail-erased = Vaše { -personal-data(case: "accusative") } jsme vymazali. Uchováváme pouze samotnou žádost, bez vaší adresy, a jednosměrný kód této adresy, abychom vás omylem znovu nepřidali. Žádnou kopii této zprávy neuchováváme.
mail-extended-subject = { $organisation }: více času na vaši žádost
mail-extended-body =
    Na vyřízení vaší žádosti ze dne { $received } ({ $right }) potřebujeme více času. Odpověď dostanete nejpozději do { $until }. Důvod:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: vaše údaje jsou připraveny
mail-export-body =
    Kopie vašich { -personal-data(case: "genitive") }, o kterou jste požádali organizaci { $organisation }, je připravena. Stáhněte si ji (soubor ZIP) do { $until } pomocí tohoto osobního odkazu:

    { $link }

    Tento odkaz s nikým nesdílejte: kdokoli, kdo ho má, si může vaše údaje stáhnout.
export-readme =
    Vaše { -personal-data }, jak je uchovává organizace uvedená v souboru subject.json.

    subject.json: vše ve formátu consentry-subject-export/1: žádost a pro každý záznam, který obsahuje vaši adresu, jeho pole, historii právních základů a stavů { -consent(case: "genitive") }, každé rozhodnutí o { -consent(case: "locative") } s verzí formuláře a hashem SHA-256 textu, který jste četli, a vaše žádosti.

    records.csv: záznamy, jeden na řádek (UTF-8, oddělené čárkami).

    consent_events.csv: každé rozhodnutí o { -consent(case: "locative") }, jedno na řádek: odpovědi na stránce souhlasu a { -consent } udělený jinde a zaznamenaný zde (recorded_through api nebo manual), s údajem, kdy (at), jak (obtained_through) a pro které kanály jste ho udělili, a s důkazy, které k němu byly předloženy. recorded_at udává, kdy byl zaznamenán zde.

    V souborech CSV má hodnota, která začíná znakem = + - @, tabulátorem nebo znakem návratu vozíku, na začátku znak ', aby ji tabulkový procesor zobrazil jako text, a ne aby ji spustil jako vzorec.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: potvrďte svou registraci
mail-signup-body =
    Vy (nebo někdo, kdo používá vaši adresu) jste se u organizace { $organisation } zaregistrovali: „{ $title }“. Potvrďte registraci pomocí tohoto odkazu:

    { $link }

    Vaši registraci (vaše jméno, e-mailovou adresu a volby) uchováme do { $until }; pokud nebude potvrzena, bude poté smazána. Nebyli jste to vy? Pak tuto zprávu ignorujte.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Žádost o souhlas
mail-consent-subject = { $organisation }: vaše volby ochrany soukromí
mail-consent-body =
    Dobrý den, { $name },

    Organizace { $organisation } vás žádá o { -consent(case: "accusative") }. Otevřete tento osobní odkaz, abyste viděli, k čemu, a mohli se rozhodnout:

    { $link }

    Odkaz platí do { $until }. Pokud jste tuto zprávu nečekali, můžete ji ignorovat.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: vaše údaje, vaše práva
mail-rights-body =
    Zde můžete zobrazit, opravit, přenést jinam nebo vymazat { -personal-data(case: "accusative") }, které o vás organizace { $organisation } uchovává, nebo vznést námitku proti jejich { -processing(case: "dative") } či požádat o jeho omezení:

    { $link }
