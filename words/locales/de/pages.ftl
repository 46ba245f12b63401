# Was die Seiten der betroffenen Person rund um die eigenen Texte der Organisation zeigen: die
# Einwilligungsseite, die Anmelde- und Bestätigungsseiten, die Belegprüfung und das Datenschutzcenter.
# Platzhalter ({ $name }) bleiben unverändert; Begriffe ({ -name }) kommen aus glossary.ftl.

language-name = Deutsch
loading = Wird geladen…
language = Sprache
expired = Dieser Link ist abgelaufen. Bitten Sie die Organisation, die ihn gesendet hat, um einen neuen.
revoked = Ihnen wurde ein neuerer Link für dieses Formular gesendet, daher funktioniert dieser nicht mehr. Verwenden Sie den Link aus der neuesten Nachricht, oder fordern Sie einen neuen an.
spent = Ihre Antwort über diesen Link wurde erfasst. Um sie zu ändern, bitten Sie die Organisation um einen neuen Link.
unknown = Dieser Link ist ungültig. Prüfen Sie, ob Sie ihn vollständig kopiert haben.
failed = Ihre Auswahl konnte nicht gespeichert werden. Versuchen Sie es gleich noch einmal.
not-found = Hier gibt es keine Seite.
receipt = Signierten Beleg Ihrer { -consent } herunterladen
new-link = Neuen Link an mich senden
new-link-sent = Falls dieser Link von uns stammt, ist ein neuer an die Adresse unterwegs, an die er gesendet wurde.
verify-title = Beleg einer { -consent } prüfen
verify-intro = Fügen Sie den Inhalt einer Belegdatei (consent-receipt.jws) ein. Die Signatur der Datei zeigt, ob sie genau dem entspricht, was die Organisation ausgestellt hat.
verify-label = Beleg
verify-button = Prüfen
verify-valid = Gültig: signiert von { $controller }
verify-invalid = Ungültig: Dieser Beleg wurde verändert oder nicht von diesem Dienst ausgestellt.
check-receipt = Beleg prüfen
first-name = Vorname
last-name = Nachname
email = E-Mail-Adresse
optional = optional
email-invalid = Geben Sie eine E-Mail-Adresse wie name@example.org ein.
name-invalid = Verwenden Sie höchstens 200 Zeichen, ohne Zeilenumbrüche.
choose-required = Kreuzen Sie an, womit Sie einverstanden sind; die erforderlichen Zwecke gehören zur Anmeldung.
check-inbox = Fast geschafft: Wir senden einen Link an Ihre E-Mail-Adresse. Öffnen Sie ihn, um Ihre Anmeldung zu bestätigen; bis dahin gilt Ihre { -consent } nicht. Nach einigen Minuten keine E-Mail erhalten? Sehen Sie in Ihrem Spam-Ordner nach, oder melden Sie sich später erneut an.
form-changed = Dieses Formular wurde geändert, während Sie es ausgefüllt haben. Laden Sie die Seite neu und prüfen Sie Ihre Auswahl.
too-many = Zu viele Anmeldungen gleichzeitig. Versuchen Sie es später noch einmal.
not-open = Über dieses Formular sind keine Anmeldungen möglich.
confirm-title = Bestätigen Sie Ihre Anmeldung
confirm-button = Ja, meine Anmeldung bestätigen
confirmed = Vielen Dank: Ihre Anmeldung ist bestätigt.
sign-up-expired = Dieser Bestätigungslink ist abgelaufen. Melden Sie sich erneut an, um einen neuen zu erhalten.
sign-up-spent = Ihre Anmeldung ist bereits bestätigt; Sie müssen nichts weiter tun.
sign-up = Anmelden
sign-up-stored = Wenn Sie sich anmelden, speichern wir Ihren Namen, Ihre E-Mail-Adresse und das, was Sie angekreuzt haben, und senden Ihnen einen Link zur Bestätigung.
kept-until = Wir bewahren Ihre Anmeldung bis { $date } auf; ohne Bestätigung wird sie dann gelöscht.
whose-link = Dieser Link wurde an { $address } gesendet.
whose-link-not-you = Nicht Ihre Adresse? Dann wurde Ihnen diese E-Mail weitergeleitet: Antworten Sie nicht für jemand anderen.
stop-title = Die { -processing } Ihrer Daten stoppen?
stop-meaning = Die Organisation hört auf, Ihre Daten zu verwenden: keine E-Mails mehr, und Ihre Daten werden nicht verwendet, weitergegeben oder exportiert, solange die { -processing } gestoppt ist. Ihre { -consent } für jeden Zweck wird widerrufen. Ihre Daten werden aufbewahrt, nicht gelöscht; um sie löschen zu lassen, nutzen Sie Ihr { -right-to-erasure }.
stop-confirm = Ja, die Verarbeitung meiner Daten stoppen
cancel = Abbrechen
recorded-stop = Erfasst: Sie haben verlangt, die { -processing } Ihrer Daten zu stoppen. Ihre { -consent } für jeden Zweck ist widerrufen.
recorded-granted = Erfasst: Ihre { -consent } für { $purposes }.
recorded-nothing = Erfasst: Sie haben für keinen Zweck eine { -consent } erteilt.
granted = Einwilligung erteilt
refused = Einwilligung verweigert
withdrawn = Einwilligung widerrufen
form-version = Formularversion
untranslated = Ein Teil dieses Formulars ist noch nicht in Ihre Sprache übersetzt; dieser Teil wird in der Sprache angezeigt, in der die Organisation ihn verfasst hat.

## The privacy centre

privacy-failed = Etwas ist schiefgelaufen. Versuchen Sie es gleich noch einmal.
privacy-not-found = Hier gibt es kein Datenschutzcenter.
privacy-title = Datenschutzcenter
privacy-intro = Nehmen Sie Ihre Rechte nach der { -gdpr } gegenüber { $organisation } wahr, dem { -controller(case: "dative") } für Ihre { -personal-data(inflection: "weak") }.
privacy-what-to-do = Was möchten Sie tun?
privacy-email = Ihre E-Mail-Adresse
privacy-email-hint = Wir senden einen Code an diese Adresse, um sicherzustellen, dass sie Ihnen gehört. Anhand dieser Adresse finden wir Ihre Daten.
privacy-details = Möchten Sie etwas ergänzen? (optional)
privacy-what-is-wrong = Was ist falsch, und wie sollte es lauten?
privacy-details-needed = Geben Sie an, was falsch ist (höchstens 2.000 Zeichen).
privacy-send-code = Code an mich senden
privacy-too-many = Zu viele Anträge gleichzeitig. Versuchen Sie es später noch einmal.
privacy-code-sent = Wir senden einen sechsstelligen Code an die Adresse, die Sie eingegeben haben. Er gilt 15 Minuten; nach einigen Minuten keine E-Mail erhalten? Sehen Sie in Ihrem Spam-Ordner nach, oder fordern Sie ihn erneut an.
privacy-code = Code aus der E-Mail
privacy-confirm = Meinen Antrag bestätigen
privacy-wrong-code = Dieser Code ist nicht richtig. Prüfen Sie die E-Mail und versuchen Sie es erneut.
privacy-code-expired = Dieser Code ist abgelaufen. Laden Sie die Seite neu, um von vorn zu beginnen.
privacy-code-locked = Zu viele falsche Codes. Laden Sie die Seite neu, um von vorn zu beginnen.
privacy-code-used = Dieser Antrag ist bereits eingereicht.
privacy-filed = Ihr Antrag ist eingereicht. Sie erhalten spätestens bis { $date } eine Antwort.
privacy-complaint = Wenn Sie meinen, dass mit Ihren Daten falsch umgegangen wird, haben Sie außerdem das Recht auf { -lodge-complaint } und auf { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Meine Daten einsehen
right-access-meaning = Eine Kopie aller { -personal-data(inflection: "weak") }, die der Organisation über Sie vorliegen, mit Angaben dazu, wofür sie verwendet werden und woher sie stammen.
right-access-law = Ihr { -right-of-access } (Art. 15 { -gdpr })
right-rectification-title = Meine Daten berichtigen
right-rectification-meaning = Etwas über Sie ist falsch oder unvollständig: Geben Sie an, wie es lauten sollte.
right-rectification-law = Ihr { -right-to-rectification } (Art. 16 { -gdpr })
right-portability-title = Meine Daten mitnehmen
right-portability-meaning = Die Daten, die Sie angegeben haben, in einer Datei, die ein anderer Dienst lesen kann.
right-portability-law = Ihr { -right-to-portability } (Art. 20 { -gdpr })
right-erasure-title = Meine Daten löschen
right-erasure-meaning = Ihre { -personal-data(inflection: "weak") } werden gelöscht, sofern nicht das Gesetz verlangt, dass sie aufbewahrt werden.
right-erasure-law = Ihr { -right-to-erasure } (Art. 17 { -gdpr })
right-restriction-title = Verarbeitung meiner Daten stoppen
right-restriction-meaning = Ihre Daten werden aufbewahrt, aber nicht verwendet oder weitergegeben, und Sie erhalten keine E-Mails, solange die Angelegenheit geklärt wird.
right-restriction-law = Ihr { -right-to-restriction } (Art. 18 { -gdpr })
right-object-title = Der Verarbeitung widersprechen
right-object-meaning = Sie sind nicht damit einverstanden, wie Ihre Daten verwendet werden, zum Beispiel für Direktwerbung.
right-object-law = Ihr { -right-to-object } (Art. 21 { -gdpr })
