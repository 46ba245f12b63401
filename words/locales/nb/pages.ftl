# Det den registrertes sider viser rundt organisasjonens egne tekster: den driftede
# samtykkesiden, påmeldings- og bekreftelsessidene, kvitteringskontrollen og personvernsenteret.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = norsk bokmål
loading = Laster inn…
language = Språk
expired = Denne lenken er utløpt. Be organisasjonen som sendte den, om en ny.
revoked = Du har fått tilsendt en nyere lenke til dette skjemaet, så denne lenken virker ikke lenger. Bruk lenken i den nyeste meldingen, eller be om en ny.
spent = Svaret ditt via denne lenken er registrert. Hvis du vil endre det, kan du be organisasjonen om en ny lenke.
unknown = Denne lenken er ikke gyldig. Kontroller at du har kopiert hele lenken.
failed = Valget ditt kunne ikke lagres. Prøv igjen om litt.
not-found = Det finnes ingen side her.
receipt = Last ned den signerte kvitteringen for { -consent(form: "definite") } ditt
new-link = Send meg en ny lenke
new-link-sent = Hvis denne lenken var vår, er en ny på vei til adressen den ble sendt til.
verify-title = Kontroller en kvittering for { -consent }
verify-intro = Lim inn innholdet i en kvitteringsfil (consent-receipt.jws). Signaturen viser om den er nøyaktig det organisasjonen utstedte.
verify-label = Kvittering
verify-button = Kontroller
verify-valid = Gyldig: signert av { $controller }
verify-invalid = Ikke gyldig: Denne kvitteringen er endret, eller den er ikke utstedt av denne tjenesten.
check-receipt = Kontroller en kvittering
first-name = Fornavn
last-name = Etternavn
email = E-postadresse
optional = valgfritt
email-invalid = Skriv inn en e-postadresse, for eksempel name@example.org.
name-invalid = Bruk høyst 200 tegn, uten linjeskift.
choose-required = Kryss av for det du godtar; de obligatoriske formålene er en del av påmeldingen.
check-inbox = Nesten ferdig: Vi sender en lenke til e-postadressen din. Åpne den for å bekrefte påmeldingen din; fram til da gjelder ikke { -consent(form: "definite") } ditt. Ingen e-post innen noen minutter? Sjekk søppelpostmappen, eller meld deg på igjen senere.
form-changed = Dette skjemaet ble endret mens du fylte det ut. Last inn siden på nytt, og kontroller valgene dine.
too-many = For mange påmeldinger samtidig. Prøv igjen senere.
not-open = Dette skjemaet tar ikke imot påmeldinger.
confirm-title = Bekreft påmeldingen din
confirm-button = Ja, bekreft påmeldingen min
confirmed = Takk: Påmeldingen din er bekreftet.
sign-up-expired = Denne bekreftelseslenken er utløpt. Meld deg på igjen for å få en ny.
sign-up-spent = Påmeldingen din er allerede bekreftet; du trenger ikke gjøre noe mer.
sign-up = Meld deg på
sign-up-stored = Når du melder deg på, lagrer vi navnet ditt, e-postadressen din og det du har krysset av for, og sender deg en lenke for å bekrefte.
kept-until = Vi lagrer påmeldingen din fram til { $date }; uten bekreftelse slettes den da.
whose-link = Denne lenken ble sendt til { $address }.
whose-link-not-you = Ikke din adresse? Da er denne e-posten videresendt til deg: Ikke svar på vegne av noen andre.
stop-title = Stanse { -processing(form: "definite") } av opplysningene dine?
stop-meaning = Organisasjonen slutter å bruke opplysningene dine: ingen flere e-poster, og opplysningene dine blir ikke brukt, delt eller eksportert mens { -processing(form: "definite") } er stanset. Ditt { -consent } til alle formål trekkes tilbake. Opplysningene dine blir lagret, ikke slettet; vil du få dem slettet, kan du bruke din { -right-to-erasure }.
stop-confirm = Ja, stans behandlingen av opplysningene mine
cancel = Avbryt
recorded-stop = Registrert: Du har bedt om å stanse { -processing(form: "definite") } av opplysningene dine. Ditt { -consent } til alle formål er trukket tilbake.
recorded-granted = Registrert: { -consent(form: "definite") } ditt til { $purposes }.
recorded-nothing = Registrert: Du ga ikke { -consent } til noe formål.
granted = Samtykke gitt
refused = Samtykke avslått
withdrawn = Samtykke trukket tilbake
form-version = skjemaversjon
untranslated = En del av dette skjemaet er ennå ikke oversatt til språket ditt; den delen vises på språket organisasjonen skrev den på.

## The privacy centre

privacy-failed = Noe gikk galt. Prøv igjen om litt.
privacy-not-found = Det finnes ikke noe personvernsenter her.
privacy-title = Personvernsenter
privacy-intro = Bruk rettighetene dine etter { -gdpr } overfor { $organisation }, som er { -controller } for { -personal-data(form: "definite") } dine.
privacy-what-to-do = Hva vil du gjøre?
privacy-email = E-postadressen din
privacy-email-hint = Vi sender en kode til denne adressen for å forsikre oss om at den er din. Vi finner opplysningene dine ut fra den.
privacy-details = Noe å legge til (valgfritt)
privacy-what-is-wrong = Hva er feil, og hva skal det være?
privacy-details-needed = Beskriv hva som er feil (høyst 2 000 tegn).
privacy-send-code = Send meg en kode
privacy-too-many = For mange forespørsler samtidig. Prøv igjen senere.
privacy-code-sent = Vi sender en sekssifret kode til adressen du oppga. Den virker i 15 minutter; ingen e-post innen noen minutter? Sjekk søppelpostmappen, eller be om en kode på nytt.
privacy-code = Kode fra e-posten
privacy-confirm = Bekreft forespørselen min
privacy-wrong-code = Koden er ikke riktig. Sjekk e-posten og prøv igjen.
privacy-code-expired = Denne koden er utløpt. Last inn siden på nytt for å begynne på nytt.
privacy-code-locked = For mange feil koder. Last inn siden på nytt for å begynne på nytt.
privacy-code-used = Denne forespørselen er allerede sendt inn.
privacy-filed = Forespørselen din er sendt inn. Du får svar senest { $date }.
privacy-complaint = Hvis du mener at opplysningene dine blir behandlet feil, har du også rett til å { -lodge-complaint } og rett til { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Se opplysningene mine
right-access-meaning = En kopi av alle { -personal-data } organisasjonen har om deg, med hva de brukes til og hvor de kommer fra.
right-access-law = Din { -right-of-access } ({ -gdpr } artikkel 15)
right-rectification-title = Rett opp opplysningene mine
right-rectification-meaning = Noe om deg er feil eller ufullstendig: Si hva det skal være.
right-rectification-law = Din { -right-to-rectification } ({ -gdpr } artikkel 16)
right-portability-title = Ta med opplysningene mine et annet sted
right-portability-meaning = Opplysningene du har gitt, i en fil som en annen tjeneste kan lese.
right-portability-law = Din { -right-to-portability } ({ -gdpr } artikkel 20)
right-erasure-title = Slett opplysningene mine
right-erasure-meaning = Dine { -personal-data } slettes, med mindre loven krever at de lagres.
right-erasure-law = Din { -right-to-erasure } ({ -gdpr } artikkel 17)
right-restriction-title = Stans behandlingen av opplysningene mine
right-restriction-meaning = Opplysningene dine blir lagret, men blir ikke brukt eller delt, og det sendes ingen e-post til deg mens saken avklares.
right-restriction-law = Din { -right-to-restriction } ({ -gdpr } artikkel 18)
right-object-title = Protester mot behandling
right-object-meaning = Du er uenig i hvordan opplysningene dine brukes, for eksempel til direkte markedsføring.
right-object-law = Din { -right-to-object } ({ -gdpr } artikkel 21)
