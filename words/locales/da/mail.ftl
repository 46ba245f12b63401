# Alle e-mails, som Consentry sender til en registreret, og læs-mig-filen i vedkommendes eksport.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Hej,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (artikel 15 i { -gdpr })
mail-right-rectification = { -right-to-rectification } (artikel 16 i { -gdpr })
mail-right-portability = { -right-to-portability } (artikel 20 i { -gdpr })
mail-right-erasure = { -right-to-erasure } (artikel 17 i { -gdpr })
mail-right-restriction = { -right-to-restriction } (artikel 18 i { -gdpr })
mail-right-object = { -right-to-object } (artikel 21 i { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: din bekræftelseskode
mail-code-body =
    Du har bedt { $organisation } om at handle på din anmodning: { $right }. Indtast denne kode på privatlivscentrets side for at bekræfte, at denne adresse er din:

        { $code }

    Koden virker i { $minutes } minutter. Har du ikke bedt om det? Så se bort fra denne besked.

## What became of a request

mail-refused-subject = { $organisation }: din anmodning er afvist
mail-refused-body =
    Din anmodning af { $received } ({ $right }) er afvist. Begrundelse:

    { $reason }
mail-complaint = Du har ret til at { -lodge-complaint } og til { -judicial-remedy }.
mail-complaint-authority = Der, hvor { $organisation } er etableret, er { -supervisory-authority(form: "definite") } { $authority }: { $website }
mail-done-subject = { $organisation }: din anmodning er gennemført
mail-done-body = Din anmodning af { $received } ({ $right }) er gennemført.
mail-erased = Vi har slettet dine { -personal-data }. Vi opbevarer kun selve anmodningen, uden din adresse, og en envejskode af adressen, så vi ikke tilføjer dig igen ved en fejl. Vi opbevarer ingen kopi af denne besked.
mail-extended-subject = { $organisation }: mere tid til din anmodning
mail-extended-body =
    Vi har brug for mere tid til din anmodning af { $received } ({ $right }). Du får svar senest { $until }. Begrundelse:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: dine oplysninger er klar
mail-export-body =
    Kopien af dine { -personal-data }, som du har bedt { $organisation } om, er klar. Download den (en ZIP-fil) indtil { $until } via dette personlige link:

    { $link }

    Del ikke dette link: Alle, der har det, kan downloade dine oplysninger.
export-readme =
    Dine { -personal-data }, som de opbevares af den organisation, der er angivet i subject.json.

    subject.json: alt, i formatet consentry-subject-export/1: anmodningen og for hver post, der indeholder din adresse, postens felter, dens historik over retsgrundlag og status for { -consent }, hver beslutning om { -consent } med formularversionen og SHA-256 af den tekst, du læste, samt dine anmodninger.

    records.csv: posterne, én pr. linje (UTF-8, kommasepareret).

    consent_events.csv: hver beslutning om { -consent }, én pr. linje: svar på samtykkesiden og { -consent }, der er givet andetsteds og registreret her (recorded_through api eller manual), med hvornår (at), hvordan (obtained_through) og til hvilke kanaler du gav det, samt den dokumentation, der er givet for det. recorded_at er tidspunktet, hvor det blev registreret her.

    I CSV-filerne har en værdi, der begynder med = + - @, et tabulatortegn eller en vognretur, et ' foran, så et regneark viser den som tekst i stedet for at køre den som en formel.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: bekræft din tilmelding
mail-signup-body =
    Du (eller en, der bruger din adresse) er blevet tilmeldt »{ $title }« hos { $organisation }. Bekræft tilmeldingen med dette link:

    { $link }

    Vi opbevarer din tilmelding (dit navn, din e-mailadresse og dine valg) indtil { $until }; uden bekræftelse slettes den derefter. Var det ikke dig? Så se bort fra denne besked.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Anmodning om samtykke
mail-consent-subject = { $organisation }: dine valg om privatliv
mail-consent-body =
    Kære { $name },

    { $organisation } beder om dit { -consent }. Åbn dette personlige link for at se, hvad det gælder, og for at vælge:

    { $link }

    Linket virker indtil { $until }. Hvis du ikke forventede denne besked, kan du se bort fra den.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: dine oplysninger, dine rettigheder
mail-rights-body =
    Du kan se, rette, tage med dig eller slette de { -personal-data }, som { $organisation } har om dig, eller gøre indsigelse mod { -processing(form: "definite") } af dem eller få den begrænset, her:

    { $link }
