# Co stránky subjektu údajů zobrazují kolem vlastních textů organizace: stránka souhlasu,
# registrační a potvrzovací stránky, ověření potvrzení a centrum ochrany soukromí.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = čeština
loading = Načítání…
language = Jazyk
expired = Platnost tohoto odkazu vypršela. Požádejte organizaci, která vám ho poslala, o nový.
revoked = Pro tento formulář vám byl poslán novější odkaz, proto tento už nefunguje. Použijte odkaz z nejnovější zprávy, nebo požádejte o nový.
spent = Vaše odpověď prostřednictvím tohoto odkazu byla zaznamenána. Chcete-li ji změnit, požádejte organizaci o nový odkaz.
unknown = Tento odkaz není platný. Zkontrolujte, zda jste ho zkopírovali celý.
failed = Vaši volbu se nepodařilo uložit. Zkuste to za chvíli znovu.
not-found = Tady žádná stránka není.
receipt = Stáhnout podepsané potvrzení o vašem { -consent(case: "locative") }
new-link = Poslat mi nový odkaz
new-link-sent = Pokud byl tento odkaz od nás, nový je na cestě na adresu, na kterou byl odeslán.
verify-title = Ověřit potvrzení o { -consent(case: "locative") }
verify-intro = Vložte obsah souboru s potvrzením (consent-receipt.jws). Jeho podpis ukáže, zda jde přesně o to, co organizace vydala.
verify-label = Potvrzení
verify-button = Ověřit
verify-valid = Platné: podepsala organizace { $controller }
verify-invalid = Neplatné: toto potvrzení bylo změněno, nebo ho nevydala tato služba.
check-receipt = Ověřit potvrzení
first-name = Jméno
last-name = Příjmení
email = E-mailová adresa
optional = nepovinné
email-invalid = Zadejte e-mailovou adresu, například name@example.org.
name-invalid = Použijte nejvýše 200 znaků bez zalomení řádků.
choose-required = Zaškrtněte, s čím souhlasíte; povinné účely jsou součástí registrace.
check-inbox = Téměř hotovo: posíláme vám odkaz na vaši e-mailovou adresu. Otevřete ho a potvrďte tak svou registraci; do té doby se váš { -consent } nepočítá. Nedorazil vám do několika minut e-mail? Zkontrolujte složku se spamem, nebo se zaregistrujte znovu později.
form-changed = Tento formulář byl změněn, zatímco jste ho vyplňovali. Načtěte stránku znovu a zkontrolujte své volby.
too-many = Příliš mnoho registrací najednou. Zkuste to později znovu.
not-open = Tento formulář nepřijímá registrace.
confirm-title = Potvrďte svou registraci
confirm-button = Ano, potvrdit mou registraci
confirmed = Děkujeme: vaše registrace je potvrzena.
sign-up-expired = Platnost tohoto potvrzovacího odkazu vypršela. Zaregistrujte se znovu a získáte nový.
sign-up-spent = Vaše registrace je již potvrzena; nemusíte dělat nic dalšího.
sign-up = Zaregistrovat se
sign-up-stored = Při registraci uložíme vaše jméno, e-mailovou adresu a to, co jste zaškrtli, a pošleme vám odkaz k potvrzení.
kept-until = Vaši registraci uchováme do { $date }; pokud nebude potvrzena, bude poté smazána.
whose-link = Tento odkaz byl odeslán na adresu { $address }.
whose-link-not-you = Není to vaše adresa? Pak vám tato zpráva byla přeposlána: neodpovídejte za někoho jiného.
stop-title = Zastavit { -processing(case: "accusative") } vašich údajů?
stop-meaning = Organizace přestane vaše údaje používat: žádné další e-maily a vaše údaje se nepoužívají, nesdílejí ani neexportují, dokud je { -processing } zastaveno. Váš { -consent } pro všechny účely bude odvolán. Vaše údaje zůstanou uchovány, nebudou smazány; chcete-li je nechat smazat, uplatněte své { -right-to-erasure(case: "accusative") }.
stop-confirm = Ano, zastavit zpracování mých údajů
cancel = Zrušit
recorded-stop = Zaznamenáno: požádali jste o zastavení { -processing(case: "genitive") } svých údajů. Váš { -consent } pro všechny účely je odvolán.
recorded-granted = Zaznamenali jsme váš { -consent(case: "accusative") } pro: { $purposes }.
recorded-nothing = Zaznamenáno: neudělili jste { -consent(case: "accusative") } pro žádný účel.
granted = Souhlas udělen
refused = Souhlas odmítnut
withdrawn = Souhlas odvolán
form-version = verze formuláře
untranslated = Část tohoto formuláře zatím není přeložena do vašeho jazyka; tato část se zobrazuje v jazyce, ve kterém ji organizace napsala.

## The privacy centre

privacy-failed = Něco se pokazilo. Zkuste to za chvíli znovu.
privacy-not-found = Tady žádné centrum ochrany soukromí není.
privacy-title = Centrum ochrany soukromí
privacy-intro = Uplatněte svá práva podle { -gdpr } vůči organizaci { $organisation }, { -controller(case: "dative") } vašich { -personal-data(case: "genitive") }.
privacy-what-to-do = Co chcete udělat?
privacy-email = Vaše e-mailová adresa
privacy-email-hint = Na tuto adresu pošleme kód, abychom ověřili, že patří vám. Podle ní najdeme vaše údaje.
privacy-details = Chcete něco doplnit? (nepovinné)
privacy-what-is-wrong = Co je špatně a jak by to mělo být?
privacy-details-needed = Uveďte, co je špatně (nejvýše 2000 znaků).
privacy-send-code = Poslat mi kód
privacy-too-many = Příliš mnoho žádostí najednou. Zkuste to později znovu.
privacy-code-sent = Na zadanou adresu posíláme šestimístný kód. Platí 15 minut; nedorazil vám do několika minut e-mail? Zkontrolujte složku se spamem, nebo požádejte znovu.
privacy-code = Kód z e-mailu
privacy-confirm = Potvrdit mou žádost
privacy-wrong-code = Tento kód není správný. Zkontrolujte e-mail a zkuste to znovu.
privacy-code-expired = Platnost tohoto kódu vypršela. Načtěte stránku znovu a začněte od začátku.
privacy-code-locked = Příliš mnoho nesprávných kódů. Načtěte stránku znovu a začněte od začátku.
privacy-code-used = Tato žádost již byla podána.
privacy-filed = Vaše žádost byla podána. Odpověď dostanete nejpozději do { $date }.
privacy-complaint = Pokud se domníváte, že se s vašimi údaji nakládá nesprávně, máte také právo { -lodge-complaint } a právo na { -judicial-remedy(case: "accusative") }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Zobrazit moje údaje
right-access-meaning = Kopie všech { -personal-data(case: "genitive") }, které o vás organizace má, spolu s tím, k čemu se používají a odkud pocházejí.
right-access-law = Vaše { -right-of-access } (čl. 15 { -gdpr })
right-rectification-title = Opravit moje údaje
right-rectification-meaning = Něco o vás je nesprávné nebo neúplné: uveďte, jak by to mělo být.
right-rectification-law = Vaše { -right-to-rectification } (čl. 16 { -gdpr })
right-portability-title = Přenést moje údaje jinam
right-portability-meaning = Údaje, které jste poskytli, v souboru, který dokáže přečíst jiná služba.
right-portability-law = Vaše { -right-to-portability } (čl. 20 { -gdpr })
right-erasure-title = Vymazat moje údaje
right-erasure-meaning = Vaše { -personal-data } budou vymazány, pokud zákon nevyžaduje jejich uchování.
right-erasure-law = Vaše { -right-to-erasure } (čl. 17 { -gdpr })
right-restriction-title = Zastavit zpracování mých údajů
right-restriction-meaning = Vaše údaje zůstávají uchovány, ale nepoužívají se, nesdílejí se a nezasílají se vám e-maily, dokud se věc nevyřeší.
right-restriction-law = Vaše { -right-to-restriction } (čl. 18 { -gdpr })
right-object-title = Vznést námitku proti zpracování
right-object-meaning = Nesouhlasíte se způsobem, jakým se vaše údaje používají, například pro přímý marketing.
right-object-law = Vaše { -right-to-object } (čl. 21 { -gdpr })
