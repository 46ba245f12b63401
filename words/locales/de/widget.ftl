# Die eigenen Beschriftungen des Einwilligungs-Widgets auf der Website der Organisation (die Texte
# des Banners stammen aus dem Formular). Platzhalter ({ $name }) bleiben unverändert.

widget-accept-all = Alle akzeptieren
widget-reject-all = Alle ablehnen
widget-customise = Anpassen
widget-save = Auswahl speichern
widget-close = Schließen
widget-first-name = Vorname
widget-last-name = Nachname
widget-email = E-Mail-Adresse
widget-check-mail = Fast geschafft: Bestätigen Sie Ihre Anmeldung über den Link in der E-Mail, die wir Ihnen senden.
widget-gpc-notice = Deaktiviert, weil Ihr Browser Global Privacy Control sendet.
widget-privacy-policy = Datenschutzerklärung
widget-kept-until = Wir bewahren Ihre Anmeldung (Ihren Namen, Ihre E-Mail-Adresse und Ihre Auswahl) bis { $date } auf; ohne Bestätigung wird sie dann gelöscht.
widget-placeholder = Dieser Inhalt stammt von { $source } und bleibt blockiert, bis Sie Ihre { -consent } für „{ $purpose }“ erteilen.
widget-load-once = Einmal laden
widget-always-allow = Immer erlauben
widget-reload-hint = Was bereits läuft, stoppt erst, wenn Sie die Seite neu laden.
widget-reload = Seite neu laden
widget-do-not-sell = Meine personenbezogenen Daten nicht verkaufen oder weitergeben
widget-ok = OK
