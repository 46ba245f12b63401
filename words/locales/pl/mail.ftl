# Każda wiadomość e-mail, którą Consentry wysyła do osoby, której dane dotyczą, oraz plik „czytaj mnie” jej eksportu danych.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Dzień dobry,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (art. 15 { -gdpr })
mail-right-rectification = { -right-to-rectification } (art. 16 { -gdpr })
mail-right-portability = { -right-to-portability } (art. 20 { -gdpr })
mail-right-erasure = { -right-to-erasure } (art. 17 { -gdpr })
mail-right-restriction = { -right-to-restriction } (art. 18 { -gdpr })
mail-right-object = { -right-to-object } (art. 21 { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: Państwa kod potwierdzający
mail-code-body =
    Zwrócili się Państwo do organizacji { $organisation } o realizację żądania: { $right }. Aby potwierdzić, że ten adres należy do Państwa, prosimy wpisać ten kod na stronie centrum prywatności:

        { $code }

    Kod jest ważny przez { $minutes } minut. Nie składali Państwo takiego żądania? W takim razie prosimy zignorować tę wiadomość.

## What became of a request

mail-refused-subject = { $organisation }: Państwa żądanie zostało odrzucone
mail-refused-body =
    Państwa żądanie z { $received } ({ $right }) zostało odrzucone. Powód:

    { $reason }
mail-complaint = Przysługuje Państwu prawo do { -lodge-complaint(case: "genitive") } oraz prawo do { -judicial-remedy(case: "genitive") }.
mail-complaint-authority = Tam, gdzie organizacja { $organisation } ma siedzibę, { -supervisory-authority(case: "instrumental") } jest { $authority }: { $website }
mail-done-subject = { $organisation }: Państwa żądanie zostało zrealizowane
mail-done-body = Państwa żądanie z { $received } ({ $right }) zostało zrealizowane.
mail-erased = Usunęliśmy Państwa { -personal-data(case: "accusative") }. Zachowujemy jedynie samo żądanie, bez Państwa adresu, oraz jednokierunkowy kod tego adresu, aby przez pomyłkę nie dodać Państwa ponownie. Nie przechowujemy żadnej kopii tej wiadomości.
mail-extended-subject = { $organisation }: więcej czasu na Państwa żądanie
mail-extended-body =
    Potrzebujemy więcej czasu na rozpatrzenie Państwa żądania z { $received } ({ $right }). Odpowiedź otrzymają Państwo najpóźniej do { $until }. Powód:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: Państwa dane są gotowe
mail-export-body =
    Kopia Państwa { -personal-data(case: "genitive") }, o którą zwrócili się Państwo do organizacji { $organisation }, jest gotowa. Można ją pobrać (plik ZIP) do { $until } za pomocą tego osobistego linku:

    { $link }

    Prosimy nikomu nie udostępniać tego linku: każdy, kto go ma, może pobrać Państwa dane.
export-readme =
    Państwa { -personal-data } w postaci, w jakiej przechowuje je organizacja wskazana w pliku subject.json.

    subject.json: wszystko, w formacie consentry-subject-export/1: żądanie oraz, dla każdego rekordu zawierającego Państwa adres, jego pola, historia podstaw prawnych i statusów { -consent(case: "genitive") }, każda decyzja dotycząca { -consent(case: "genitive") } wraz z wersją formularza i skrótem SHA-256 przeczytanego przez Państwa tekstu, a także Państwa żądania.

    records.csv: rekordy, po jednym w wierszu (UTF-8, wartości rozdzielone przecinkami).

    consent_events.csv: każda decyzja dotycząca { -consent(case: "genitive") }, po jednej w wierszu: odpowiedzi udzielone na stronie zgody oraz { -consent } wyrażona gdzie indziej i zarejestrowana tutaj (recorded_through api lub manual), z informacją, kiedy (at), w jaki sposób (obtained_through) i dla jakich kanałów ją Państwo wyrazili, oraz z przedstawionym na nią dowodem. recorded_at to moment jej zarejestrowania tutaj.

    W plikach CSV wartość zaczynająca się od = + - @, tabulatora lub znaku powrotu karetki jest poprzedzona znakiem ', aby arkusz kalkulacyjny wyświetlał ją jako tekst, a nie wykonywał jako formułę.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: prosimy potwierdzić zapis
mail-signup-body =
    Państwo (lub ktoś, kto korzysta z Państwa adresu) zapisali się na „{ $title }” w organizacji { $organisation }. Prosimy potwierdzić zapis za pomocą tego linku:

    { $link }

    Przechowujemy Państwa zapis (imię i nazwisko, adres e-mail i wybory) do { $until }; jeśli nie zostanie potwierdzony, zostanie wtedy usunięty. To nie byli Państwo? W takim razie prosimy zignorować tę wiadomość.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Prośba o zgodę
mail-consent-subject = { $organisation }: Państwa wybory dotyczące prywatności
mail-consent-body =
    Dzień dobry, { $name },

    { $organisation } prosi o Państwa { -consent(case: "accusative") }. Prosimy otworzyć ten osobisty link, aby zobaczyć, w jakim celu, i dokonać wyboru:

    { $link }

    Link jest ważny do { $until }. Jeśli nie spodziewali się Państwo tej wiadomości, mogą ją Państwo zignorować.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: Państwa dane, Państwa prawa
mail-rights-body =
    Tutaj mogą Państwo przejrzeć, poprawić, przenieść gdzie indziej lub usunąć { -personal-data(case: "accusative") }, które organizacja { $organisation } przechowuje na Państwa temat, a także wnieść sprzeciw wobec ich { -processing(case: "genitive") } lub zażądać jego ograniczenia:

    { $link }
