# Terminy RODO w brzmieniu oficjalnego polskiego tekstu rozporządzenia (UE) 2016/679.
# Wszystkie katalogi tego języka używają tych terminów (tłumaczenie musi odwoływać się do tych samych terminów co angielskie).
# Warianty: $case = nominative (domyślny), genitive, dative, accusative, instrumental, locative.

-gdpr = RODO
-personal-data = { $case ->
   *[nominative] dane osobowe
    [genitive] danych osobowych
    [dative] danym osobowym
    [accusative] dane osobowe
    [instrumental] danymi osobowymi
    [locative] danych osobowych
 }
-data-subject = { $case ->
   *[nominative] osoba, której dane dotyczą
    [genitive] osoby, której dane dotyczą
    [dative] osobie, której dane dotyczą
    [accusative] osobę, której dane dotyczą
    [instrumental] osobą, której dane dotyczą
    [locative] osobie, której dane dotyczą
 }
-processing = { $case ->
   *[nominative] przetwarzanie
    [genitive] przetwarzania
    [dative] przetwarzaniu
    [accusative] przetwarzanie
    [instrumental] przetwarzaniem
    [locative] przetwarzaniu
 }
-consent = { $case ->
   *[nominative] zgoda
    [genitive] zgody
    [dative] zgodzie
    [accusative] zgodę
    [instrumental] zgodą
    [locative] zgodzie
 }
-withdraw-consent = wycofać zgodę
-controller = { $case ->
   *[nominative] administrator
    [genitive] administratora
    [dative] administratorowi
    [accusative] administratora
    [instrumental] administratorem
    [locative] administratorze
 }
-supervisory-authority = { $case ->
   *[nominative] organ nadzorczy
    [genitive] organu nadzorczego
    [dative] organowi nadzorczemu
    [accusative] organ nadzorczy
    [instrumental] organem nadzorczym
    [locative] organie nadzorczym
 }
-legal-basis = { $case ->
   *[nominative] podstawa prawna
    [genitive] podstawy prawnej
    [dative] podstawie prawnej
    [accusative] podstawę prawną
    [instrumental] podstawą prawną
    [locative] podstawie prawnej
 }
-right-of-access = { $case ->
   *[nominative] prawo dostępu
    [genitive] prawa dostępu
    [dative] prawu dostępu
    [accusative] prawo dostępu
    [instrumental] prawem dostępu
    [locative] prawie dostępu
 }
-right-to-rectification = { $case ->
   *[nominative] prawo do sprostowania danych
    [genitive] prawa do sprostowania danych
    [dative] prawu do sprostowania danych
    [accusative] prawo do sprostowania danych
    [instrumental] prawem do sprostowania danych
    [locative] prawie do sprostowania danych
 }
-right-to-erasure = { $case ->
   *[nominative] prawo do usunięcia danych
    [genitive] prawa do usunięcia danych
    [dative] prawu do usunięcia danych
    [accusative] prawo do usunięcia danych
    [instrumental] prawem do usunięcia danych
    [locative] prawie do usunięcia danych
 }
-right-to-restriction = { $case ->
   *[nominative] prawo do ograniczenia przetwarzania
    [genitive] prawa do ograniczenia przetwarzania
    [dative] prawu do ograniczenia przetwarzania
    [accusative] prawo do ograniczenia przetwarzania
    [instrumental] prawem do ograniczenia przetwarzania
    [locative] prawie do ograniczenia przetwarzania
 }
-right-to-portability = { $case ->
   *[nominative] prawo do przenoszenia danych
    [genitive] prawa do przenoszenia danych
    [dative] prawu do przenoszenia danych
    [accusative] prawo do przenoszenia danych
    [instrumental] prawem do przenoszenia danych
    [locative] prawie do przenoszenia danych
 }
-right-to-object = { $case ->
   *[nominative] prawo do sprzeciwu
    [genitive] prawa do sprzeciwu
    [dative] prawu do sprzeciwu
    [accusative] prawo do sprzeciwu
    [instrumental] prawem do sprzeciwu
    [locative] prawie do sprzeciwu
 }
-lodge-complaint = { $case ->
   *[infinitive] wnieść skargę do organu nadzorczego
    [genitive] wniesienia skargi do organu nadzorczego
 }
-judicial-remedy = { $case ->
   *[nominative] skuteczny środek ochrony prawnej przed sądem
    [genitive] skutecznego środka ochrony prawnej przed sądem
    [accusative] skuteczny środek ochrony prawnej przed sądem
 }
