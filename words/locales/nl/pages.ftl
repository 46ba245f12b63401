# Wat de pagina's van de betrokkene rond de eigen teksten van de organisatie tonen.
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = Nederlands
loading = Bezig met laden…
language = Taal
expired = Deze link is verlopen. Vraag de organisatie die hem stuurde om een nieuwe.
revoked = U kreeg een nieuwere link voor dit formulier, dus deze werkt niet meer. Gebruik de link uit het nieuwste bericht, of vraag een nieuwe aan.
spent = Uw antwoord via deze link is vastgelegd. Vraag de organisatie om een nieuwe link om het te wijzigen.
unknown = Deze link is niet geldig. Controleer of u hem volledig hebt gekopieerd.
failed = Uw keuze kon niet worden opgeslagen. Probeer het zo opnieuw.
not-found = Hier is geen pagina.
receipt = Download uw ondertekende bewijs van { -consent }
new-link = Stuur mij een nieuwe link
new-link-sent = Als deze link van ons was, is er een nieuwe onderweg naar het adres waar hij heen ging.
verify-title = Een bewijs van { -consent } controleren
verify-intro = Plak de inhoud van een bewijsbestand (consent-receipt.jws). De handtekening laat zien of het precies is wat de organisatie uitgaf.
verify-label = Bewijs
verify-button = Controleren
verify-valid = Geldig: ondertekend door { $controller }
verify-invalid = Niet geldig: dit bewijs is gewijzigd, of is niet door deze dienst uitgegeven.
check-receipt = Een bewijs controleren
first-name = Voornaam
last-name = Achternaam
email = E-mailadres
optional = optioneel
email-invalid = Vul een e-mailadres in, zoals naam@voorbeeld.nl.
name-invalid = Gebruik hoogstens 200 tekens, zonder regeleinden.
choose-required = Vink aan waarmee u instemt; de verplichte doelen horen bij de aanmelding.
check-inbox = Bijna klaar: we sturen een link naar uw e-mailadres. Open die om uw aanmelding te bevestigen; tot dan telt uw { -consent } niet. Na een paar minuten nog geen e-mail? Kijk in uw spammap, of meld u later opnieuw aan.
form-changed = Dit formulier is gewijzigd terwijl u het invulde. Laad de pagina opnieuw en controleer uw keuzes.
too-many = Te veel aanmeldingen tegelijk. Probeer het later opnieuw.
not-open = Via dit formulier kunt u zich niet aanmelden.
confirm-title = Bevestig uw aanmelding
confirm-button = Ja, bevestig mijn aanmelding
confirmed = Dank u wel: uw aanmelding is bevestigd.
sign-up-expired = Deze bevestigingslink is verlopen. Meld u opnieuw aan voor een nieuwe.
sign-up-spent = Uw aanmelding is al bevestigd; u hoeft niets meer te doen.
sign-up = Aanmelden
sign-up-stored = Als u zich aanmeldt, slaan we uw naam, uw e-mailadres en uw keuzes op, en sturen we u een link om te bevestigen.
kept-until = We bewaren uw aanmelding tot { $date }; zonder bevestiging wordt ze dan verwijderd.
whose-link = Deze link is gestuurd naar { $address }.
whose-link-not-you = Niet uw adres? Dan is dit bericht naar u doorgestuurd: antwoord niet voor een ander.
stop-title = De { -processing } van uw gegevens stoppen?
stop-meaning = De organisatie stopt met het gebruik van uw gegevens: geen e-mails meer, en uw gegevens worden niet gebruikt, gedeeld of geëxporteerd zolang de { -processing } is gestopt. Uw { -consent } voor elk doel wordt ingetrokken. Uw gegevens blijven bewaard, niet gewist; wilt u ze laten wissen, gebruik dan uw { -right-to-erasure }.
stop-confirm = Ja, stop de verwerking van mijn gegevens
cancel = Annuleren
recorded-stop = Vastgelegd: u vroeg de { -processing } van uw gegevens te stoppen. Uw { -consent } voor elk doel is ingetrokken.
recorded-granted = Vastgelegd: uw { -consent } voor { $purposes }.
recorded-nothing = Vastgelegd: u gaf voor geen enkel doel { -consent }.
granted = Toestemming gegeven
refused = Toestemming geweigerd
withdrawn = Toestemming ingetrokken
form-version = formulierversie
untranslated = Een deel van dit formulier is nog niet in uw taal vertaald; dat deel ziet u in de taal waarin de organisatie het schreef.

## The privacy centre

privacy-failed = Er ging iets mis. Probeer het zo opnieuw.
privacy-not-found = Hier is geen privacycentrum.
privacy-title = Privacycentrum
privacy-intro = Oefen uw rechten onder de { -gdpr } uit bij { $organisation }, de { -controller } van uw { -personal-data }.
privacy-what-to-do = Wat wilt u doen?
privacy-email = Uw e-mailadres
privacy-email-hint = We sturen een code naar dit adres om zeker te weten dat het van u is. Daarmee vinden we uw gegevens.
privacy-details = Iets toe te voegen (optioneel)
privacy-what-is-wrong = Wat klopt er niet, en wat moet het zijn?
privacy-details-needed = Beschrijf wat er niet klopt (hoogstens 2.000 tekens).
privacy-send-code = Stuur mij een code
privacy-too-many = Te veel verzoeken tegelijk. Probeer het later opnieuw.
privacy-code-sent = We sturen een code van zes cijfers naar het adres dat u invulde. Die werkt 15 minuten; na een paar minuten nog geen e-mail? Kijk in uw spammap, of vraag opnieuw.
privacy-code = Code uit de e-mail
privacy-confirm = Mijn verzoek bevestigen
privacy-wrong-code = Die code klopt niet. Kijk in de e-mail en probeer het opnieuw.
privacy-code-expired = Deze code is verlopen. Laad de pagina opnieuw om opnieuw te beginnen.
privacy-code-locked = Te vaak een verkeerde code. Laad de pagina opnieuw om opnieuw te beginnen.
privacy-code-used = Dit verzoek is al ingediend.
privacy-filed = Uw verzoek is ingediend. U krijgt uiterlijk op { $date } antwoord.
privacy-complaint = Vindt u dat er verkeerd met uw gegevens wordt omgegaan? Dan hebt u ook het recht om { -lodge-complaint } en op { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Mijn gegevens inzien
right-access-meaning = Een kopie van alle { -personal-data } die de organisatie over u heeft, met waarvoor ze worden gebruikt en waar ze vandaan komen.
right-access-law = Uw { -right-of-access } (artikel 15 { -gdpr })
right-rectification-title = Mijn gegevens corrigeren
right-rectification-meaning = Iets over u klopt niet of is onvolledig: zeg wat het moet zijn.
right-rectification-law = Uw { -right-to-rectification } (artikel 16 { -gdpr })
right-portability-title = Mijn gegevens meenemen
right-portability-meaning = De gegevens die u gaf, in een bestand dat een andere dienst kan lezen.
right-portability-law = Uw { -right-to-portability } (artikel 20 { -gdpr })
right-erasure-title = Mijn gegevens wissen
right-erasure-meaning = Uw { -personal-data } worden gewist, tenzij de wet vereist dat ze bewaard blijven.
right-erasure-law = Uw { -right-to-erasure } (artikel 17 { -gdpr })
right-restriction-title = Stop met verwerken
right-restriction-meaning = Uw gegevens blijven bewaard maar worden niet gebruikt, gedeeld of gemaild zolang de kwestie loopt.
right-restriction-law = Uw { -right-to-restriction } (artikel 18 { -gdpr })
right-object-title = Bezwaar maken
right-object-meaning = U bent het niet eens met hoe uw gegevens worden gebruikt, bijvoorbeeld voor direct marketing.
right-object-law = Uw { -right-to-object } (artikel 21 { -gdpr })
