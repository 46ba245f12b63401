# Co strony osoby, której dane dotyczą, pokazują wokół własnych tekstów organizacji: strona zgody,
# strony zapisu i potwierdzenia, sprawdzanie potwierdzeń i centrum prywatności.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = polski
loading = Wczytywanie…
language = Język
expired = Ten link wygasł. Prosimy zwrócić się o nowy do organizacji, która go wysłała.
revoked = Wysłano Państwu nowszy link do tego formularza, więc ten już nie działa. Prosimy użyć linku z najnowszej wiadomości lub poprosić o nowy.
spent = Państwa odpowiedź przesłana przez ten link została zapisana. Aby ją zmienić, prosimy zwrócić się do organizacji o nowy link.
unknown = Ten link jest nieprawidłowy. Prosimy sprawdzić, czy został skopiowany w całości.
failed = Nie udało się zapisać Państwa wyboru. Prosimy spróbować ponownie za chwilę.
not-found = Tu nie ma żadnej strony.
receipt = Pobierz podpisane potwierdzenie { -consent(case: "genitive") }
new-link = Wyślij mi nowy link
new-link-sent = Jeśli ten link pochodził od nas, nowy jest już w drodze na adres, na który został wysłany.
verify-title = Sprawdź potwierdzenie { -consent(case: "genitive") }
verify-intro = Prosimy wkleić zawartość pliku potwierdzenia (consent-receipt.jws). Jego podpis pokazuje, czy jest ono dokładnie tym, co wydała organizacja.
verify-label = Potwierdzenie
verify-button = Sprawdź
verify-valid = Ważne: podpisane przez { $controller }
verify-invalid = Nieważne: to potwierdzenie zostało zmienione albo nie zostało wydane przez ten serwis.
check-receipt = Sprawdź potwierdzenie
first-name = Imię
last-name = Nazwisko
email = Adres e-mail
optional = opcjonalnie
email-invalid = Prosimy podać adres e-mail, na przykład name@example.org.
name-invalid = Prosimy użyć najwyżej 200 znaków, bez podziałów wiersza.
choose-required = Prosimy zaznaczyć to, na co się Państwo zgadzają; wymagane cele są częścią zapisu.
check-inbox = Prawie gotowe: wysyłamy link na Państwa adres e-mail. Prosimy go otworzyć, aby potwierdzić zapis; do tego czasu Państwa { -consent } nie jest brana pod uwagę. Brak wiadomości po kilku minutach? Prosimy sprawdzić folder ze spamem lub zapisać się ponownie później.
form-changed = Ten formularz został zmieniony w trakcie jego wypełniania. Prosimy odświeżyć stronę i sprawdzić swoje wybory.
too-many = Zbyt wiele zapisów naraz. Prosimy spróbować ponownie później.
not-open = Ten formularz nie przyjmuje zapisów.
confirm-title = Prosimy potwierdzić zapis
confirm-button = Tak, potwierdzam zapis
confirmed = Dziękujemy: Państwa zapis został potwierdzony.
sign-up-expired = Ten link potwierdzający wygasł. Prosimy zapisać się ponownie, aby otrzymać nowy.
sign-up-spent = Państwa zapis jest już potwierdzony; nie trzeba nic więcej robić.
sign-up = Zapisz się
sign-up-stored = Gdy zapisują się Państwo, przechowujemy Państwa imię i nazwisko, adres e-mail oraz to, co Państwo zaznaczyli, i wysyłamy Państwu link do potwierdzenia.
kept-until = Przechowujemy Państwa zapis do { $date }; jeśli nie zostanie potwierdzony, zostanie wtedy usunięty.
whose-link = Ten link wysłano na adres { $address }.
whose-link-not-you = To nie jest Państwa adres? W takim razie ta wiadomość została Państwu przekazana: prosimy nie odpowiadać w czyimś imieniu.
stop-title = Wstrzymać { -processing(case: "accusative") } Państwa danych?
stop-meaning = Organizacja przestanie korzystać z Państwa danych: nie będą Państwo już otrzymywać e-maili, a Państwa dane nie są wykorzystywane, udostępniane ani eksportowane, dopóki { -processing } jest wstrzymane. Państwa { -consent } na wszystkie cele zostaje wycofana. Państwa dane są przechowywane, a nie usuwane; aby je usunąć, prosimy skorzystać z przysługującego Państwu { -right-to-erasure(case: "genitive") }.
stop-confirm = Tak, wstrzymaj przetwarzanie moich danych
cancel = Anuluj
recorded-stop = Zapisano: poprosili Państwo o wstrzymanie { -processing(case: "genitive") } swoich danych. Państwa { -consent } na wszystkie cele została wycofana.
recorded-granted = Zapisano Państwa { -consent(case: "accusative") } na: { $purposes }.
recorded-nothing = Zapisano: nie wyrazili Państwo { -consent(case: "genitive") } na żaden cel.
granted = Zgoda wyrażona
refused = Odmowa zgody
withdrawn = Zgoda wycofana
form-version = wersja formularza
untranslated = Część tego formularza nie została jeszcze przetłumaczona na Państwa język; ta część jest wyświetlana w języku, w którym napisała ją organizacja.

## The privacy centre

privacy-failed = Coś poszło nie tak. Prosimy spróbować ponownie za chwilę.
privacy-not-found = Tu nie ma centrum prywatności.
privacy-title = Centrum prywatności
privacy-intro = Tu mogą Państwo skorzystać z praw przysługujących Państwu na mocy { -gdpr } wobec organizacji { $organisation } – { -controller(case: "genitive") } Państwa { -personal-data(case: "genitive") }.
privacy-what-to-do = Co chcą Państwo zrobić?
privacy-email = Państwa adres e-mail
privacy-email-hint = Wyślemy kod na ten adres, aby upewnić się, że należy do Państwa. Na jego podstawie odnajdziemy Państwa dane.
privacy-details = Dodatkowe informacje (opcjonalnie)
privacy-what-is-wrong = Co jest nieprawidłowe i jak powinno brzmieć?
privacy-details-needed = Prosimy opisać, co jest nieprawidłowe (najwyżej 2000 znaków).
privacy-send-code = Wyślij mi kod
privacy-too-many = Zbyt wiele żądań naraz. Prosimy spróbować ponownie później.
privacy-code-sent = Wysyłamy sześciocyfrowy kod na podany adres. Kod jest ważny przez 15 minut; brak wiadomości po kilku minutach? Prosimy sprawdzić folder ze spamem lub poprosić o kod ponownie.
privacy-code = Kod z wiadomości e-mail
privacy-confirm = Potwierdź moje żądanie
privacy-wrong-code = Ten kod jest nieprawidłowy. Prosimy sprawdzić wiadomość e-mail i spróbować ponownie.
privacy-code-expired = Ten kod wygasł. Prosimy odświeżyć stronę, aby zacząć od nowa.
privacy-code-locked = Zbyt wiele błędnych kodów. Prosimy odświeżyć stronę, aby zacząć od nowa.
privacy-code-used = To żądanie zostało już złożone.
privacy-filed = Państwa żądanie zostało złożone. Odpowiedź otrzymają Państwo najpóźniej do { $date }.
privacy-complaint = Jeśli uważają Państwo, że z Państwa danymi postępuje się niewłaściwie, przysługuje Państwu również prawo do { -lodge-complaint(case: "genitive") } oraz prawo do { -judicial-remedy(case: "genitive") }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Wgląd w moje dane
right-access-meaning = Kopia wszystkich { -personal-data(case: "genitive") }, które organizacja posiada na Państwa temat, wraz z informacją, do czego są wykorzystywane i skąd pochodzą.
right-access-law = Państwa { -right-of-access } (art. 15 { -gdpr })
right-rectification-title = Poprawienie moich danych
right-rectification-meaning = Coś, co Państwa dotyczy, jest nieprawidłowe lub niekompletne: prosimy napisać, jak powinno brzmieć.
right-rectification-law = Państwa { -right-to-rectification } (art. 16 { -gdpr })
right-portability-title = Przeniesienie moich danych gdzie indziej
right-portability-meaning = Dane, które Państwo podali, w pliku, który może odczytać inna usługa.
right-portability-law = Państwa { -right-to-portability } (art. 20 { -gdpr })
right-erasure-title = Usunięcie moich danych
right-erasure-meaning = Państwa { -personal-data } zostaną usunięte, chyba że prawo wymaga ich zachowania.
right-erasure-law = Państwa { -right-to-erasure } (art. 17 { -gdpr })
right-restriction-title = Wstrzymanie przetwarzania moich danych
right-restriction-meaning = Państwa dane są przechowywane, ale nie są wykorzystywane ani udostępniane i nie wysyła się do Państwa e-maili, dopóki sprawa nie zostanie wyjaśniona.
right-restriction-law = Państwa { -right-to-restriction } (art. 18 { -gdpr })
right-object-title = Sprzeciw wobec przetwarzania
right-object-meaning = Nie zgadzają się Państwo ze sposobem wykorzystywania Państwa danych, na przykład do marketingu bezpośredniego.
right-object-law = Państwa { -right-to-object } (art. 21 { -gdpr })
