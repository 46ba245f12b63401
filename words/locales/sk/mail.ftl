# Každý e-mail, ktorý Consentry posiela dotknutej osobe, a súbor s informáciami k exportu jej údajov.
# Zástupné symboly ({ $name }) zostávajú nezmenené; pojmy ({ -name }) sú v glossary.ftl.
# Prázdny riadok v správe je prázdny riadok e-mailu.

mail-hello = Dobrý deň,

## Názov každého práva podľa zákona, ako ho e-mail uvádza pri žiadosti

mail-right-access = { -right-of-access } (čl. 15 { -gdpr })
mail-right-rectification = { -right-to-rectification } (čl. 16 { -gdpr })
mail-right-portability = { -right-to-portability } (čl. 20 { -gdpr })
mail-right-erasure = { -right-to-erasure } (čl. 17 { -gdpr })
mail-right-restriction = { -right-to-restriction } (čl. 18 { -gdpr })
mail-right-object = { -right-to-object } (čl. 21 { -gdpr })

## Potvrdzovací kód centra ochrany súkromia

mail-code-subject = { $organisation }: váš potvrdzovací kód
mail-code-body =
    Požiadali ste organizáciu { $organisation } o vybavenie svojej žiadosti: { $right }. Zadajte tento kód na stránke centra ochrany súkromia, aby ste potvrdili, že táto adresa je vaša:

        { $code }

    Kód platí { $minutes } minút. Nežiadali ste o to? Potom túto správu ignorujte.

## Čo sa stalo so žiadosťou

mail-refused-subject = { $organisation }: vaša žiadosť bola zamietnutá
mail-refused-body =
    Vaša žiadosť zo dňa { $received } ({ $right }) bola zamietnutá. Dôvod:

    { $reason }
mail-complaint = Máte právo { -lodge-complaint } a právo na { -judicial-remedy }.
mail-complaint-authority = { $authority } je { -supervisory-authority(case: "instrumental") } tam, kde je organizácia { $organisation } usadená: { $website }
mail-done-subject = { $organisation }: vaša žiadosť bola vybavená
mail-done-body = Vaša žiadosť zo dňa { $received } ({ $right }) bola vybavená.
mail-erased = Vymazali sme vaše { -personal-data(case: "accusative") }. Uchovávame len samotnú žiadosť, bez vašej adresy, a jej jednosmerný kód, aby sme vás omylom znova nepridali. Kópiu tejto správy neuchovávame.
mail-extended-subject = { $organisation }: viac času na vašu žiadosť
mail-extended-body =
    Na vybavenie vašej žiadosti zo dňa { $received } ({ $right }) potrebujeme viac času. Odpoveď dostanete najneskôr do { $until }. Dôvod:

    { $reason }

## Kópia údajov dotknutej osoby

mail-export-subject = { $organisation }: vaše údaje sú pripravené
mail-export-body =
    Kópia vašich { -personal-data(case: "genitive") }, o ktorú ste požiadali organizáciu { $organisation }, je pripravená. Stiahnite si ju (súbor ZIP) do { $until } cez tento osobný odkaz:

    { $link }

    Tento odkaz s nikým nezdieľajte: ktokoľvek, kto ho má, si môže stiahnuť vaše údaje.
export-readme =
    Vaše { -personal-data }, ako ich uchováva organizácia uvedená v subject.json.

    subject.json: všetko vo formáte consentry-subject-export/1: žiadosť a pre každý záznam, ktorý obsahuje vašu adresu, jeho polia, jeho históriu právnych základov a stavov { -consent(case: "genitive") }, každé rozhodnutie o { -consent(case: "locative") } s verziou formulára a hodnotou SHA-256 textu, ktorý ste čítali, a vaše žiadosti.

    records.csv: záznamy, jeden na riadok (UTF-8, oddelené čiarkami).

    consent_events.csv: každé rozhodnutie o { -consent(case: "locative") }, jedno na riadok: odpovede na stránke súhlasu a { -consent } udelený inde a zaznamenaný tu (recorded_through api alebo manual), s údajmi o tom, kedy (at), ako (obtained_through) a pre ktoré kanály ste ho udelili, a s dôkazmi, ktoré boli preň predložené. recorded_at je čas, keď bol zaznamenaný tu.

    V súboroch CSV má hodnota, ktorá sa začína znakom = + - @, tabulátorom alebo znakom návratu vozíka (carriage return), pred sebou znak ', aby ju tabuľkový procesor zobrazil ako text a nespustil ju ako vzorec.

## Dvojité potvrdenie (double opt-in): potvrdenie registrácie

mail-signup-subject = { $organisation }: potvrďte svoju registráciu
mail-signup-body =
    Vy (alebo niekto, kto použil vašu adresu) ste sa zaregistrovali na „{ $title }“ u organizácie { $organisation }. Potvrďte to cez tento odkaz:

    { $link }

    Vašu registráciu (vaše meno, e-mailovú adresu a voľby) uchovávame do { $until }; ak nebude potvrdená, vtedy sa vymaže. Neboli ste to vy? Potom túto správu ignorujte.

## Vstavaná žiadosť o súhlas (ak organizácia neurčí vlastnú šablónu)

mail-consent-name = Žiadosť o súhlas
mail-consent-subject = { $organisation }: vaše voľby ochrany súkromia
mail-consent-body =
    Dobrý deň, { $name },

    Organizácia { $organisation } vás žiada o váš { -consent(case: "accusative") }. Otvorte tento osobný odkaz, aby ste videli, na čo, a mohli si vybrať:

    { $link }

    Odkaz platí do { $until }. Ak ste túto správu nečakali, môžete ju ignorovať.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: vaše údaje, vaše práva
mail-rights-body =
    Tu môžete zobraziť, opraviť, preniesť inam alebo vymazať { -personal-data(case: "accusative") }, ktoré o vás organizácia { $organisation } uchováva, alebo namietať ich { -processing(case: "accusative") } či požiadať o jeho obmedzenie:

    { $link }
