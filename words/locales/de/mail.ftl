# Jede E-Mail, die Consentry an eine betroffene Person sendet, und die Liesmich-Datei ihres Datenexports.
# Platzhalter ({ $name }) bleiben unverändert; Begriffe ({ -name }) kommen aus glossary.ftl.
# Innerhalb einer Nachricht ist eine Leerzeile eine Leerzeile der E-Mail.

mail-hello = Guten Tag,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (Art. 15 { -gdpr })
mail-right-rectification = { -right-to-rectification } (Art. 16 { -gdpr })
mail-right-portability = { -right-to-portability } (Art. 20 { -gdpr })
mail-right-erasure = { -right-to-erasure } (Art. 17 { -gdpr })
mail-right-restriction = { -right-to-restriction } (Art. 18 { -gdpr })
mail-right-object = { -right-to-object } (Art. 21 { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: Ihr Bestätigungscode
mail-code-body =
    Sie haben { $organisation } gebeten, Ihren Antrag auszuführen: { $right }. Geben Sie diesen Code auf der Seite des Datenschutzcenters ein, um zu bestätigen, dass diese Adresse Ihnen gehört:

        { $code }

    Der Code gilt { $minutes } Minuten. Haben Sie nichts angefordert? Dann ignorieren Sie diese Nachricht.

## What became of a request

mail-refused-subject = { $organisation }: Ihr Antrag wurde abgelehnt
mail-refused-body =
    Ihr Antrag vom { $received } ({ $right }) wurde abgelehnt. Begründung:

    { $reason }
mail-complaint = Sie haben das Recht auf { -lodge-complaint } und auf { -judicial-remedy }.
mail-complaint-authority = Die { -supervisory-authority } am Ort der Niederlassung von { $organisation } ist { $authority }: { $website }
mail-done-subject = { $organisation }: Ihr Antrag ist erledigt
mail-done-body = Ihr Antrag vom { $received } ({ $right }) wurde ausgeführt.
mail-erased = Wir haben Ihre { -personal-data(inflection: "weak") } gelöscht. Wir bewahren nur den Antrag selbst auf, ohne Ihre Adresse, sowie einen nicht umkehrbaren Code Ihrer Adresse, damit wir Sie nicht versehentlich wieder aufnehmen. Von dieser Nachricht bewahren wir keine Kopie auf.
mail-extended-subject = { $organisation }: mehr Zeit für Ihren Antrag
mail-extended-body =
    Wir benötigen mehr Zeit für Ihren Antrag vom { $received } ({ $right }). Sie erhalten spätestens bis { $until } eine Antwort. Begründung:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: Ihre Daten stehen bereit
mail-export-body =
    Die Kopie Ihrer { -personal-data(inflection: "weak") }, die Sie bei { $organisation } angefordert haben, steht bereit. Laden Sie sie (eine ZIP-Datei) bis { $until } über diesen persönlichen Link herunter:

    { $link }

    Geben Sie diesen Link nicht weiter: Jeder, der ihn hat, kann Ihre Daten herunterladen.
export-readme =
    Ihre { -personal-data(inflection: "weak") }, wie sie bei der in subject.json genannten Organisation gespeichert sind.

    subject.json: alles, im Format consentry-subject-export/1: der Antrag; für jeden Datensatz, der Ihre Adresse enthält, seine Felder, der Verlauf seiner Rechtsgrundlagen und des Status der { -consent }; jede Entscheidung über die { -consent } mit der Formularversion und dem SHA-256 des Textes, den Sie gelesen haben; und Ihre Anträge.

    records.csv: die Datensätze, einer pro Zeile (UTF-8, durch Kommas getrennt).

    consent_events.csv: jede Entscheidung über die { -consent }, eine pro Zeile: Antworten auf der Einwilligungsseite sowie { -consent }, die anderswo erteilt und hier erfasst wurde (recorded_through api oder manual), mit Zeitpunkt (at), Art und Weise (obtained_through) und den Kanälen, für die Sie sie erteilt haben, sowie dem dafür angegebenen Nachweis. recorded_at ist der Zeitpunkt, zu dem sie hier erfasst wurde.

    In den CSV-Dateien steht vor einem Wert, der mit = + - @, einem Tabulator oder einem Wagenrücklauf beginnt, ein ', damit eine Tabellenkalkulation ihn als Text anzeigt, statt ihn als Formel auszuführen.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: Bestätigen Sie Ihre Anmeldung
mail-signup-body =
    Sie (oder jemand, der Ihre Adresse verwendet) haben sich bei { $organisation } für „{ $title }“ angemeldet. Bestätigen Sie dies über diesen Link:

    { $link }

    Wir bewahren Ihre Anmeldung (Ihren Namen, Ihre E-Mail-Adresse und Ihre Auswahl) bis { $until } auf; ohne Bestätigung wird sie dann gelöscht. Waren Sie das nicht? Dann ignorieren Sie diese Nachricht.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Einwilligungsanfrage
mail-consent-subject = { $organisation }: Ihre Datenschutzeinstellungen
mail-consent-body =
    Guten Tag { $name },

    { $organisation } bittet um Ihre { -consent }. Öffnen Sie diesen persönlichen Link, um zu sehen, wofür, und um Ihre Auswahl zu treffen:

    { $link }

    Der Link ist bis { $until } gültig. Wenn Sie diese Nachricht nicht erwartet haben, können Sie sie ignorieren.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: Ihre Daten, Ihre Rechte
mail-rights-body =
    Sie können die { -personal-data(inflection: "weak") }, die { $organisation } über Sie gespeichert hat, einsehen, berichtigen, mitnehmen oder löschen, ihrer { -processing } widersprechen oder diese einschränken lassen, und zwar hier:

    { $link }
