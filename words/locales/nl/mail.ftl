# Elke e-mail die Consentry naar een betrokkene stuurt, en de leesmij van diens export.

mail-hello = Hallo,

## De naam die de wet elk recht geeft

mail-right-access = { -right-of-access } (artikel 15 { -gdpr })
mail-right-rectification = { -right-to-rectification } (artikel 16 { -gdpr })
mail-right-portability = { -right-to-portability } (artikel 20 { -gdpr })
mail-right-erasure = { -right-to-erasure } (artikel 17 { -gdpr })
mail-right-restriction = { -right-to-restriction } (artikel 18 { -gdpr })
mail-right-object = { -right-to-object } (artikel 21 { -gdpr })

## De bevestigingscode van het privacycentrum

mail-code-subject = { $organisation }: uw bevestigingscode
mail-code-body =
    U vroeg { $organisation } om uw verzoek uit te voeren: { $right }. Vul deze code in op de pagina van het privacycentrum om te bevestigen dat dit adres van u is:

        { $code }

    De code werkt { $minutes } minuten. Vroeg u niets? Negeer dan dit bericht.

## Wat er van een verzoek werd

mail-refused-subject = { $organisation }: uw verzoek is afgewezen
mail-refused-body =
    Uw verzoek van { $received } ({ $right }) is afgewezen. Reden:

    { $reason }
mail-complaint = U hebt het recht om { -lodge-complaint } en op { -judicial-remedy }.
mail-complaint-authority = De { -supervisory-authority } waar { $organisation } gevestigd is, is { $authority }: { $website }
mail-done-subject = { $organisation }: uw verzoek is afgehandeld
mail-done-body = Uw verzoek van { $received } ({ $right }) is afgehandeld.
mail-erased = We hebben uw { -personal-data } gewist. We bewaren alleen het verzoek zelf, zonder uw adres, en een eenrichtingscode ervan, zodat we u niet per ongeluk opnieuw opnemen. Dit bericht bewaren we niet.
mail-extended-subject = { $organisation }: meer tijd voor uw verzoek
mail-extended-body =
    We hebben meer tijd nodig voor uw verzoek van { $received } ({ $right }). U krijgt uiterlijk op { $until } antwoord. Reden:

    { $reason }

## De kopie van de gegevens

mail-export-subject = { $organisation }: uw gegevens staan klaar
mail-export-body =
    De kopie van uw { -personal-data } waar u { $organisation } om vroeg staat klaar. Download die (een ZIP-bestand) tot en met { $until } met deze persoonlijke link:

    { $link }

    Deel deze link met niemand: wie hem heeft, kan uw gegevens downloaden.
export-readme =
    Uw { -personal-data }, zoals de organisatie die in subject.json staat ze bewaart.

    subject.json: alles, in het formaat consentry-subject-export/1: het verzoek, en voor elk record met uw adres de velden, de geschiedenis van rechtsgronden en statussen van { -consent }, elke beslissing over { -consent } met de formulierversie en de SHA-256 van de tekst die u las, en uw verzoeken.

    records.csv: de records, één per regel (UTF-8, gescheiden door komma's).

    consent_events.csv: elke beslissing over { -consent }, één per regel: antwoorden op de toestemmingspagina, en { -consent } die elders werd gegeven en hier is vastgelegd (recorded_through api of manual), met wanneer (at), hoe (obtained_through) en voor welke kanalen u die gaf, en het bewijs ervoor. recorded_at is wanneer het hier werd vastgelegd.

    In de CSV-bestanden staat voor een waarde die begint met = + - @, een tab of een regelterugloop een ', zodat een spreadsheet die als tekst toont in plaats van als formule uit te voeren.

## Dubbele opt-in: een aanmelding bevestigen

mail-signup-subject = { $organisation }: bevestig uw aanmelding
mail-signup-body =
    U (of iemand met uw adres) meldde zich bij { $organisation } aan voor “{ $title }”. Bevestig dit met deze link:

    { $link }

    We bewaren uw aanmelding (uw naam, e-mailadres en keuzes) tot { $until }; zonder bevestiging wordt ze dan verwijderd. Was u het niet? Negeer dan dit bericht.

## Het ingebouwde toestemmingsverzoek

mail-consent-name = Toestemmingsverzoek
mail-consent-subject = { $organisation }: uw privacykeuzes
mail-consent-body =
    Beste { $name },

    { $organisation } vraagt om uw { -consent }. Open deze persoonlijke link om te zien waarvoor en om te kiezen:

    { $link }

    De link werkt tot { $until }. Had u dit bericht niet verwacht? Dan kunt u het negeren.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: uw gegevens, uw rechten
mail-rights-body =
    U kunt de { -personal-data } die { $organisation } over u heeft inzien, corrigeren, meenemen of wissen, of bezwaar maken tegen de { -processing } ervan of die laten beperken. Dat kan hier:

    { $link }
