# Własne etykiety widżetu zgody na stronie internetowej organizacji.
# Placeholders ({ $name }) must stay as they are.

widget-accept-all = Akceptuj wszystkie
widget-reject-all = Odrzuć wszystkie
widget-customise = Dostosuj
widget-save = Zapisz wybór
widget-close = Zamknij
widget-first-name = Imię
widget-last-name = Nazwisko
widget-email = Adres e-mail
widget-check-mail = Prawie gotowe: prosimy potwierdzić zapis za pomocą linku w wiadomości e-mail, którą do Państwa wysyłamy.
widget-gpc-notice = Wyłączone, ponieważ Państwa przeglądarka wysyła Global Privacy Control.
widget-privacy-policy = Polityka prywatności
widget-kept-until = Przechowujemy Państwa zapis (imię i nazwisko, adres e-mail i wybory) do { $date }; jeśli nie zostanie potwierdzony, zostanie wtedy usunięty.
widget-placeholder = Ta treść pochodzi z { $source } i pozostaje zablokowana, dopóki nie wyrażą Państwo { -consent(case: "genitive") } na „{ $purpose }”.
widget-load-once = Wczytaj
widget-always-allow = Zawsze zezwalaj
widget-reload-hint = To, co już działa, zatrzyma się dopiero po odświeżeniu strony.
widget-reload = Odśwież stronę
widget-do-not-sell = Nie sprzedawać ani nie udostępniać moich danych osobowych
widget-ok = OK
