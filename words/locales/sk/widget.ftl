# Vlastné popisy widgetu súhlasu na webovej stránke organizácie.
# Zástupné symboly ({ $name }) zostávajú nezmenené.

widget-accept-all = Prijať všetko
widget-reject-all = Odmietnuť všetko
widget-customise = Prispôsobiť
widget-save = Uložiť voľby
widget-close = Zavrieť
widget-first-name = Meno
widget-last-name = Priezvisko
widget-email = E-mailová adresa
widget-check-mail = Takmer hotovo: potvrďte svoju registráciu cez odkaz v e-maile, ktorý vám posielame.
widget-gpc-notice = Vypnuté, pretože váš prehliadač posiela Global Privacy Control.
widget-privacy-policy = Zásady ochrany osobných údajov
widget-kept-until = Vašu registráciu (vaše meno, e-mailovú adresu a voľby) uchovávame do { $date }; ak nebude potvrdená, vtedy sa vymaže.
widget-placeholder = Tento obsah pochádza zo zdroja { $source } a zostane zablokovaný, kým neudelíte { -consent(case: "accusative") } pre „{ $purpose }“.
widget-load-once = Načítať
widget-always-allow = Vždy povoliť
widget-reload-hint = To, čo už beží, sa zastaví až po opätovnom načítaní stránky.
widget-reload = Znova načítať stránku
widget-do-not-sell = Nepredávať ani nezdieľať moje osobné údaje
widget-ok = OK
