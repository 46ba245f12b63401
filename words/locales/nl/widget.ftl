# De eigen labels van de toestemmingswidget op de website van de organisatie.

widget-accept-all = Alles accepteren
widget-reject-all = Alles weigeren
widget-customise = Zelf kiezen
widget-save = Keuzes opslaan
widget-close = Sluiten
widget-first-name = Voornaam
widget-last-name = Achternaam
widget-email = E-mailadres
widget-check-mail = Bijna klaar: bevestig uw aanmelding via de link in de e-mail die we u sturen.
widget-gpc-notice = Uit omdat uw browser Global Privacy Control stuurt.
widget-privacy-policy = Privacyverklaring
widget-kept-until = We bewaren uw aanmelding (uw naam, e-mailadres en keuzes) tot { $date }; zonder bevestiging wordt ze dan verwijderd.
widget-placeholder = Deze inhoud komt van { $source } en blijft geblokkeerd tot u { -consent } geeft voor “{ $purpose }”.
widget-load-once = Eenmalig laden
widget-always-allow = Altijd toestaan
widget-reload-hint = Wat al draait, stopt pas als u de pagina opnieuw laadt.
widget-reload = Pagina opnieuw laden
widget-do-not-sell = Mijn persoonsgegevens niet verkopen of delen
widget-ok = Akkoord
