# Vlastní popisky widgetu pro souhlas na webu organizace.
# Placeholders ({ $name }) must stay as they are.

widget-accept-all = Přijmout vše
widget-reject-all = Odmítnout vše
widget-customise = Přizpůsobit
widget-save = Uložit volby
widget-close = Zavřít
widget-first-name = Jméno
widget-last-name = Příjmení
widget-email = E-mailová adresa
widget-check-mail = Téměř hotovo: potvrďte svou registraci pomocí odkazu v e-mailu, který vám posíláme.
widget-gpc-notice = Vypnuto, protože váš prohlížeč odesílá Global Privacy Control.
widget-privacy-policy = Zásady ochrany osobních údajů
widget-kept-until = Vaši registraci (vaše jméno, e-mailovou adresu a volby) uchováme do { $date }; pokud nebude potvrzena, bude poté smazána.
widget-placeholder = Tento obsah pochází z { $source } a zůstane zablokován, dokud neudělíte { -consent(case: "accusative") } pro „{ $purpose }“.
widget-load-once = Načíst
widget-always-allow = Vždy povolit
widget-reload-hint = To, co už běží, se zastaví až po opětovném načtení stránky.
widget-reload = Načíst stránku znovu
widget-do-not-sell = Neprodávat ani nesdílet mé osobní údaje
widget-ok = OK
