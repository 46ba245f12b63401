# Det, som den registreredes sider viser omkring organisationens egne tekster: den hostede
# samtykkeside, tilmeldings- og bekræftelsessiderne, kvitteringskontrollen og privatlivscentret.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = dansk
loading = Indlæser…
language = Sprog
expired = Dette link er udløbet. Bed den organisation, der sendte det, om et nyt.
revoked = Du har fået tilsendt et nyere link til denne formular, så dette link virker ikke længere. Brug linket i den nyeste besked, eller bed om et nyt.
spent = Dit svar via dette link er registreret. Hvis du vil ændre det, skal du bede organisationen om et nyt link.
unknown = Dette link er ikke gyldigt. Kontrollér, at du har kopieret det helt.
failed = Dit valg kunne ikke gemmes. Prøv igen om et øjeblik.
not-found = Der er ingen side her.
receipt = Download din signerede kvittering for { -consent }
new-link = Send mig et nyt link
new-link-sent = Hvis dette link var vores, er et nyt på vej til den adresse, det blev sendt til.
verify-title = Kontrollér en kvittering for { -consent }
verify-intro = Indsæt indholdet af en kvitteringsfil (consent-receipt.jws). Signaturen viser, om den er præcis det, som organisationen udstedte.
verify-label = Kvittering
verify-button = Kontrollér
verify-valid = Gyldig: signeret af { $controller }
verify-invalid = Ikke gyldig: denne kvittering er blevet ændret eller er ikke udstedt af denne tjeneste.
check-receipt = Kontrollér en kvittering
first-name = Fornavn
last-name = Efternavn
email = E-mailadresse
optional = valgfrit
email-invalid = Angiv en e-mailadresse som fx name@example.org.
name-invalid = Brug højst 200 tegn, uden linjeskift.
choose-required = Sæt kryds ved det, du accepterer; de påkrævede formål er en del af tilmeldingen.
check-inbox = Næsten færdig: Vi sender et link til din e-mailadresse. Åbn det for at bekræfte din tilmelding; indtil da gælder dit { -consent } ikke. Ingen e-mail inden for få minutter? Tjek din spammappe, eller tilmeld dig igen senere.
form-changed = Denne formular blev ændret, mens du udfyldte den. Genindlæs siden, og kontrollér dine valg.
too-many = For mange tilmeldinger på én gang. Prøv igen senere.
not-open = Denne formular tager ikke imod tilmeldinger.
confirm-title = Bekræft din tilmelding
confirm-button = Ja, bekræft min tilmelding
confirmed = Tak: Din tilmelding er bekræftet.
sign-up-expired = Dette bekræftelseslink er udløbet. Tilmeld dig igen for at få et nyt.
sign-up-spent = Din tilmelding er allerede bekræftet; du behøver ikke gøre mere.
sign-up = Tilmeld dig
sign-up-stored = Når du tilmelder dig, gemmer vi dit navn, din e-mailadresse og det, du har sat kryds ved, og sender dig et link, som du skal bekræfte med.
kept-until = Vi opbevarer din tilmelding indtil { $date }; uden bekræftelse slettes den derefter.
whose-link = Dette link blev sendt til { $address }.
whose-link-not-you = Ikke din adresse? Så er denne e-mail blevet videresendt til dig: Svar ikke på en andens vegne.
stop-title = Stop { -processing(form: "definite") } af dine oplysninger?
stop-meaning = Organisationen holder op med at bruge dine oplysninger: ikke flere e-mails, og dine oplysninger bliver ikke brugt, delt eller eksporteret, mens { -processing(form: "definite") } er stoppet. Dit { -consent } til alle formål trækkes tilbage. Dine oplysninger bliver opbevaret, ikke slettet; hvis du vil have dem slettet, skal du bruge din { -right-to-erasure }.
stop-confirm = Ja, stop behandlingen af mine oplysninger
cancel = Annuller
recorded-stop = Registreret: Du har bedt om at stoppe { -processing(form: "definite") } af dine oplysninger. Dit { -consent } til alle formål er trukket tilbage.
recorded-granted = Registreret: dit { -consent } til { $purposes }.
recorded-nothing = Registreret: Du gav ikke { -consent } til noget formål.
granted = Samtykke givet
refused = Samtykke afvist
withdrawn = Samtykke trukket tilbage
form-version = formularversion
untranslated = En del af denne formular er endnu ikke oversat til dit sprog; den del vises på det sprog, som organisationen skrev den på.

## The privacy centre

privacy-failed = Noget gik galt. Prøv igen om et øjeblik.
privacy-not-found = Der er intet privatlivscenter her.
privacy-title = Privatlivscenter
privacy-intro = Udøv dine rettigheder efter { -gdpr } over for { $organisation }, { -controller(form: "definite") } for dine { -personal-data }.
privacy-what-to-do = Hvad vil du gøre?
privacy-email = Din e-mailadresse
privacy-email-hint = Vi sender en kode til denne adresse for at sikre, at den er din. Vi finder dine oplysninger ud fra den.
privacy-details = Noget at tilføje (valgfrit)
privacy-what-is-wrong = Hvad er forkert, og hvad skal det være?
privacy-details-needed = Skriv, hvad der er forkert (højst 2.000 tegn).
privacy-send-code = Send mig en kode
privacy-too-many = For mange anmodninger på én gang. Prøv igen senere.
privacy-code-sent = Vi sender en sekscifret kode til den adresse, du har angivet. Den virker i 15 minutter; ingen e-mail inden for få minutter? Tjek din spammappe, eller bed om en kode igen.
privacy-code = Kode fra e-mailen
privacy-confirm = Bekræft min anmodning
privacy-wrong-code = Koden er ikke korrekt. Tjek e-mailen, og prøv igen.
privacy-code-expired = Denne kode er udløbet. Genindlæs siden for at starte forfra.
privacy-code-locked = For mange forkerte koder. Genindlæs siden for at starte forfra.
privacy-code-used = Denne anmodning er allerede indgivet.
privacy-filed = Din anmodning er indgivet. Du får svar senest { $date }.
privacy-complaint = Hvis du mener, at dine oplysninger bliver håndteret forkert, har du også ret til at { -lodge-complaint } og til { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Se mine oplysninger
right-access-meaning = En kopi af alle de { -personal-data }, som organisationen har om dig, med hvad de bruges til, og hvor de kommer fra.
right-access-law = Din { -right-of-access } (artikel 15 i { -gdpr })
right-rectification-title = Ret mine oplysninger
right-rectification-meaning = Noget om dig er forkert eller ufuldstændigt: Skriv, hvad det skal være.
right-rectification-law = Din { -right-to-rectification } (artikel 16 i { -gdpr })
right-portability-title = Tag mine oplysninger med et andet sted hen
right-portability-meaning = De oplysninger, du har givet, i en fil, som en anden tjeneste kan læse.
right-portability-law = Din { -right-to-portability } (artikel 20 i { -gdpr })
right-erasure-title = Slet mine oplysninger
right-erasure-meaning = Dine { -personal-data } slettes, medmindre loven kræver, at de opbevares.
right-erasure-law = Din { -right-to-erasure } (artikel 17 i { -gdpr })
right-restriction-title = Stop behandlingen af mine oplysninger
right-restriction-meaning = Dine oplysninger bliver opbevaret, men bliver ikke brugt eller delt, og der sendes ikke e-mails til dig, mens sagen afklares.
right-restriction-law = Din { -right-to-restriction } (artikel 18 i { -gdpr })
right-object-title = Gør indsigelse mod behandling
right-object-meaning = Du er uenig i, hvordan dine oplysninger bruges, fx til direkte markedsføring.
right-object-law = Din { -right-to-object } (artikel 21 i { -gdpr })
