# Alla e-postmeddelanden som Consentry skickar till en registrerad, och läs mig-filen i dennes export.
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

mail-code-subject = { $organisation }: din bekräftelsekod
mail-code-body =
    Du har bett { $organisation } att hantera din begäran: { $right }. Ange den här koden på integritetscentrets sida för att bekräfta att adressen är din:

        { $code }

    Koden fungerar i { $minutes } minuter. Har du inte bett om detta? Bortse då från det här meddelandet.

## What became of a request

mail-refused-subject = { $organisation }: din begäran har avslagits
mail-refused-body =
    Din begäran den { $received } ({ $right }) har avslagits. Skäl:

    { $reason }
mail-complaint = Du har rätt att { -lodge-complaint } och rätt till { -judicial-remedy }.
mail-complaint-authority = Där { $organisation } är etablerad är { -supervisory-authority(form: "definite") } { $authority }: { $website }
mail-done-subject = { $organisation }: din begäran har genomförts
mail-done-body = Din begäran den { $received } ({ $right }) har genomförts.
mail-erased = Vi har raderat dina { -personal-data }. Vi sparar bara själva begäran, utan din adress, och en envägskod av adressen, så att vi inte lägger till dig igen av misstag. Vi sparar ingen kopia av det här meddelandet.
mail-extended-subject = { $organisation }: mer tid för din begäran
mail-extended-body =
    Vi behöver mer tid för din begäran den { $received } ({ $right }). Du får svar senast { $until }. Skäl:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: dina uppgifter är klara
mail-export-body =
    Kopian av dina { -personal-data } som du bad { $organisation } om är klar. Ladda ned den (en ZIP-fil) fram till { $until } via den här personliga länken:

    { $link }

    Dela inte den här länken: alla som har den kan ladda ned dina uppgifter.
export-readme =
    Dina { -personal-data }, så som de förvaras av den organisation som anges i subject.json.

    subject.json: allt, i formatet consentry-subject-export/1: begäran, och för varje post som innehåller din adress dess fält, dess historik av rättsliga grunder och status för { -consent }, varje beslut om { -consent } med formulärversionen och SHA-256 för texten du läste, samt dina begäranden.

    records.csv: posterna, en per rad (UTF-8, kommaavgränsade).

    consent_events.csv: varje beslut om { -consent }, ett per rad: svar på samtyckessidan, och { -consent } som har lämnats någon annanstans och registrerats här (recorded_through api eller manual), med när (at), hur (obtained_through) och för vilka kanaler du lämnade det, och de bevis som har lämnats för det. recorded_at är när det registrerades här.

    I CSV-filerna har ett värde som börjar med = + - @, en tabb eller en vagnretur ett ' framför sig, så att ett kalkylprogram visar det som text i stället för att köra det som en formel.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: bekräfta din anmälan
mail-signup-body =
    Du (eller någon som använder din adress) har gjort en anmälan till ”{ $title }” hos { $organisation }. Bekräfta den med den här länken:

    { $link }

    Vi sparar din anmälan (ditt namn, din e-postadress och dina val) fram till { $until }; utan bekräftelse raderas den då. Var det inte du? Bortse då från det här meddelandet.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Begäran om samtycke
mail-consent-subject = { $organisation }: dina integritetsval
mail-consent-body =
    Hej { $name },

    { $organisation } ber om ditt { -consent }. Öppna den här personliga länken för att se vad det gäller och för att välja:

    { $link }

    Länken fungerar fram till { $until }. Om du inte väntade dig det här meddelandet kan du bortse från det.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: dina uppgifter, dina rättigheter
mail-rights-body =
    Du kan se, rätta, ta med dig eller radera de { -personal-data } som { $organisation } har om dig, eller invända mot { -processing(form: "definite") } av dem eller få den begränsad, här:

    { $link }
