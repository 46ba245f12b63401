# Alle e-poster Consentry sender til en registrert, og les meg-filen i vedkommendes eksport.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Hei,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } ({ -gdpr } artikkel 15)
mail-right-rectification = { -right-to-rectification } ({ -gdpr } artikkel 16)
mail-right-portability = { -right-to-portability } ({ -gdpr } artikkel 20)
mail-right-erasure = { -right-to-erasure } ({ -gdpr } artikkel 17)
mail-right-restriction = { -right-to-restriction } ({ -gdpr } artikkel 18)
mail-right-object = { -right-to-object } ({ -gdpr } artikkel 21)

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: bekreftelseskoden din
mail-code-body =
    Du har bedt { $organisation } om å følge opp forespørselen din: { $right }. Skriv inn denne koden på siden til personvernsenteret for å bekrefte at denne adressen er din:

        { $code }

    Koden virker i { $minutes } minutter. Har du ikke bedt om dette? Se i så fall bort fra denne meldingen.

## What became of a request

mail-refused-subject = { $organisation }: forespørselen din er avslått
mail-refused-body =
    Forespørselen din av { $received } ({ $right }) er avslått. Begrunnelse:

    { $reason }
mail-complaint = Du har rett til å { -lodge-complaint } og rett til { -judicial-remedy }.
mail-complaint-authority = Der { $organisation } er etablert, er { -supervisory-authority(form: "definite") } { $authority }: { $website }
mail-done-subject = { $organisation }: forespørselen din er gjennomført
mail-done-body = Forespørselen din av { $received } ({ $right }) er gjennomført.
mail-erased = Vi har slettet { -personal-data(form: "definite") } dine. Vi beholder bare selve forespørselen, uten adressen din, og en enveiskode av adressen, slik at vi ikke legger deg til igjen ved en feil. Vi beholder ingen kopi av denne meldingen.
mail-extended-subject = { $organisation }: mer tid til forespørselen din
mail-extended-body =
    Vi trenger mer tid til forespørselen din av { $received } ({ $right }). Du får svar senest { $until }. Begrunnelse:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: opplysningene dine er klare
mail-export-body =
    Kopien av { -personal-data(form: "definite") } dine som du ba { $organisation } om, er klar. Last den ned (en ZIP-fil) fram til { $until } med denne personlige lenken:

    { $link }

    Ikke del denne lenken: Alle som har den, kan laste ned opplysningene dine.
export-readme =
    Dine { -personal-data }, slik organisasjonen som er oppgitt i subject.json, har dem lagret.

    subject.json: alt, i formatet consentry-subject-export/1: forespørselen, og for hver post som inneholder adressen din, postens felter, historikken over rettslige grunnlag og statuser for { -consent }, hver beslutning om { -consent } med skjemaversjonen og SHA-256 av teksten du leste, og forespørslene dine.

    records.csv: postene, én per linje (UTF-8, kommaseparert).

    consent_events.csv: hver beslutning om { -consent }, én per linje: svar på samtykkesiden, og { -consent } som er gitt andre steder og registrert her (recorded_through api eller manual), med når (at), hvordan (obtained_through) og til hvilke kanaler du ga det, og dokumentasjonen som er gitt for det. recorded_at er når det ble registrert her.

    I CSV-filene har en verdi som begynner med = + - @, et tabulatortegn eller en vognretur, en ' foran seg, slik at et regneark viser den som tekst i stedet for å kjøre den som en formel.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: bekreft påmeldingen din
mail-signup-body =
    Du (eller noen som bruker adressen din) har sendt inn en påmelding til «{ $title }» hos { $organisation }. Bekreft den med denne lenken:

    { $link }

    Vi lagrer påmeldingen din (navnet ditt, e-postadressen din og valgene dine) fram til { $until }; uten bekreftelse slettes den da. Var det ikke deg? Se i så fall bort fra denne meldingen.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Forespørsel om samtykke
mail-consent-subject = { $organisation }: personvernvalgene dine
mail-consent-body =
    Hei { $name },

    { $organisation } ber om { -consent(form: "definite") } ditt. Åpne denne personlige lenken for å se hva det gjelder, og for å velge:

    { $link }

    Lenken virker fram til { $until }. Hvis du ikke ventet denne meldingen, kan du se bort fra den.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: opplysningene dine, rettighetene dine
mail-rights-body =
    Du kan se, rette, ta med deg eller slette { -personal-data(form: "definite") } som { $organisation } har om deg, eller protestere mot { -processing(form: "definite") } av dem eller få den begrenset, her:

    { $link }
