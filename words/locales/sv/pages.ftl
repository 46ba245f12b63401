# Det som den registrerades sidor visar runt organisationens egna texter: den värdade
# samtyckessidan, anmälnings- och bekräftelsesidorna, kvittokontrollen och integritetscentret.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = svenska
loading = Läser in…
language = Språk
expired = Den här länken har gått ut. Be organisationen som skickade den om en ny.
revoked = En nyare länk till det här formuläret har skickats till dig, så den här länken fungerar inte längre. Använd länken i det senaste meddelandet, eller be om en ny.
spent = Ditt svar via den här länken har registrerats. Om du vill ändra det kan du be organisationen om en ny länk.
unknown = Den här länken är inte giltig. Kontrollera att du har kopierat hela länken.
failed = Ditt val kunde inte sparas. Försök igen om en stund.
not-found = Det finns ingen sida här.
receipt = Ladda ned ditt signerade kvitto på { -consent }
new-link = Skicka en ny länk till mig
new-link-sent = Om den här länken var vår är en ny på väg till adressen som den skickades till.
verify-title = Kontrollera ett kvitto på { -consent }
verify-intro = Klistra in innehållet i en kvittofil (consent-receipt.jws). Signaturen visar om den är exakt det som organisationen utfärdade.
verify-label = Kvitto
verify-button = Kontrollera
verify-valid = Giltigt: signerat av { $controller }
verify-invalid = Inte giltigt: kvittot har ändrats eller har inte utfärdats av den här tjänsten.
check-receipt = Kontrollera ett kvitto
first-name = Förnamn
last-name = Efternamn
email = E-postadress
optional = valfritt
email-invalid = Ange en e-postadress, till exempel name@example.org.
name-invalid = Använd högst 200 tecken, utan radbrytningar.
choose-required = Kryssa i det du godkänner; de obligatoriska ändamålen är en del av anmälan.
check-inbox = Nästan klart: vi skickar en länk till din e-postadress. Öppna den för att bekräfta din anmälan; till dess gäller inte ditt { -consent }. Ingen e-post inom några minuter? Titta i skräpposten, eller anmäl dig igen senare.
form-changed = Formuläret ändrades medan du fyllde i det. Ladda om sidan och kontrollera dina val.
too-many = För många anmälningar samtidigt. Försök igen senare.
not-open = Det här formuläret tar inte emot anmälningar.
confirm-title = Bekräfta din anmälan
confirm-button = Ja, bekräfta min anmälan
confirmed = Tack: din anmälan är bekräftad.
sign-up-expired = Den här bekräftelselänken har gått ut. Anmäl dig igen för att få en ny.
sign-up-spent = Din anmälan är redan bekräftad; du behöver inte göra något mer.
sign-up = Anmäl dig
sign-up-stored = När du anmäler dig sparar vi ditt namn, din e-postadress och det du har kryssat i, och skickar en länk till dig som du bekräftar med.
kept-until = Vi sparar din anmälan fram till { $date }; utan bekräftelse raderas den då.
whose-link = Den här länken skickades till { $address }.
whose-link-not-you = Inte din adress? Då har det här meddelandet vidarebefordrats till dig: svara inte för någon annans räkning.
stop-title = Stoppa { -processing(form: "definite") } av dina uppgifter?
stop-meaning = Organisationen slutar använda dina uppgifter: inga fler e-postmeddelanden, och dina uppgifter används, delas eller exporteras inte medan { -processing(form: "definite") } är stoppad. Ditt { -consent } för alla ändamål återkallas. Dina uppgifter sparas, de raderas inte; om du vill att de raderas kan du använda din { -right-to-erasure }.
stop-confirm = Ja, stoppa behandlingen av mina uppgifter
cancel = Avbryt
recorded-stop = Registrerat: du har bett om att { -processing(form: "definite") } av dina uppgifter ska stoppas. Ditt { -consent } för alla ändamål har återkallats.
recorded-granted = Registrerat: ditt { -consent } för { $purposes }.
recorded-nothing = Registrerat: du gav inte { -consent } för något ändamål.
granted = Samtycke lämnat
refused = Samtycke nekat
withdrawn = Samtycke återkallat
form-version = formulärversion
untranslated = En del av det här formuläret är ännu inte översatt till ditt språk; den delen visas på det språk som organisationen skrev den på.

## The privacy centre

privacy-failed = Något gick fel. Försök igen om en stund.
privacy-not-found = Det finns inget integritetscenter här.
privacy-title = Integritetscenter
privacy-intro = Utöva dina rättigheter enligt { -gdpr } hos { $organisation }, som är { -controller } för dina { -personal-data }.
privacy-what-to-do = Vad vill du göra?
privacy-email = Din e-postadress
privacy-email-hint = Vi skickar en kod till den här adressen för att försäkra oss om att den är din. Vi hittar dina uppgifter med hjälp av den.
privacy-details = Något att tillägga (valfritt)
privacy-what-is-wrong = Vad är fel, och hur ska det vara?
privacy-details-needed = Beskriv vad som är fel (högst 2 000 tecken).
privacy-send-code = Skicka en kod till mig
privacy-too-many = För många begäranden samtidigt. Försök igen senare.
privacy-code-sent = Vi skickar en sexsiffrig kod till adressen du angav. Den fungerar i 15 minuter; ingen e-post inom några minuter? Titta i skräpposten, eller begär koden igen.
privacy-code = Kod från e-postmeddelandet
privacy-confirm = Bekräfta min begäran
privacy-wrong-code = Koden stämmer inte. Kontrollera e-postmeddelandet och försök igen.
privacy-code-expired = Koden har gått ut. Ladda om sidan för att börja om.
privacy-code-locked = För många felaktiga koder. Ladda om sidan för att börja om.
privacy-code-used = Den här begäran har redan lämnats in.
privacy-filed = Din begäran har lämnats in. Du får svar senast { $date }.
privacy-complaint = Om du anser att dina uppgifter hanteras felaktigt har du också rätt att { -lodge-complaint } och rätt till { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Se mina uppgifter
right-access-meaning = En kopia av alla { -personal-data } som organisationen har om dig, med vad de används till och varifrån de kommer.
right-access-law = Din { -right-of-access } (artikel 15 i { -gdpr })
right-rectification-title = Rätta mina uppgifter
right-rectification-meaning = Något om dig är fel eller ofullständigt: ange hur det ska vara.
right-rectification-law = Din { -right-to-rectification } (artikel 16 i { -gdpr })
right-portability-title = Ta med mina uppgifter någon annanstans
right-portability-meaning = De uppgifter du har lämnat, i en fil som en annan tjänst kan läsa.
right-portability-law = Din { -right-to-portability } (artikel 20 i { -gdpr })
right-erasure-title = Radera mina uppgifter
right-erasure-meaning = Dina { -personal-data } raderas, om inte lagen kräver att de sparas.
right-erasure-law = Din { -right-to-erasure } (artikel 17 i { -gdpr })
right-restriction-title = Stoppa behandlingen av mina uppgifter
right-restriction-meaning = Dina uppgifter sparas men används inte och delas inte, och inga e-postmeddelanden skickas till dig medan ärendet avgörs.
right-restriction-law = Din { -right-to-restriction } (artikel 18 i { -gdpr })
right-object-title = Invänd mot behandling
right-object-meaning = Du håller inte med om hur dina uppgifter används, till exempel för direktmarknadsföring.
right-object-law = Din { -right-to-object } (artikel 21 i { -gdpr })
