# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = magyar
loading = Betöltés…
language = Nyelv
expired = Ez a link lejárt. Kérjen újat attól a szervezettől, amely elküldte.
revoked = Ehhez az űrlaphoz újabb linket kapott, ezért ez már nem működik. Használja a legújabb üzenetben található linket, vagy kérjen újat.
spent = Az ezen a linken keresztül adott válaszát rögzítettük. Ha módosítani szeretné, kérjen új linket a szervezettől.
unknown = Ez a link érvénytelen. Ellenőrizze, hogy teljes egészében másolta-e ki.
failed = A választását nem sikerült menteni. Próbálja újra egy kis idő múlva.
not-found = Itt nincs oldal.
receipt = Töltse le aláírt { -consent(case: "adj") } igazolását
new-link = Új linket kérek
new-link-sent = Ha ez a link tőlünk származott, egy új már úton van arra a címre, ahová ezt küldtük.
verify-title = { -consent(case: "adj-title") } igazolás ellenőrzése
verify-intro = Illessze be egy igazolásfájl (consent-receipt.jws) tartalmát. Az aláírásából kiderül, hogy pontosan azt tartalmazza-e, amit a szervezet kiállított.
verify-label = Igazolás
verify-button = Ellenőrzés
verify-valid = Érvényes, aláíró: { $controller }
verify-invalid = Érvénytelen: ezt az igazolást módosították, vagy nem ez a szolgáltatás állította ki.
check-receipt = Igazolás ellenőrzése
first-name = Utónév
last-name = Vezetéknév
email = E-mail-cím
optional = nem kötelező
email-invalid = Adjon meg egy e-mail-címet, például: name@example.org.
name-invalid = Legfeljebb 200 karaktert használjon, sortörés nélkül.
choose-required = Jelölje be, amivel egyetért; a kötelező célok a feliratkozás részét képezik.
check-inbox = Már majdnem kész: linket küldünk az e-mail-címére. Nyissa meg a feliratkozása megerősítéséhez; addig { -consent(case: "poss") } nem érvényes. Néhány percen belül sem érkezik levél? Nézze meg a levélszemét mappát, vagy iratkozzon fel újra később.
form-changed = Ez az űrlap megváltozott, miközben kitöltötte. Töltse be újra az oldalt, és ellenőrizze a választásait.
too-many = Túl sok feliratkozás egyszerre. Próbálja újra később.
not-open = Ezen az űrlapon nem lehet feliratkozni.
confirm-title = Erősítse meg feliratkozását
confirm-button = Igen, megerősítem a feliratkozásomat
confirmed = Köszönjük: feliratkozását megerősítettük.
sign-up-expired = Ez a megerősítő link lejárt. Iratkozzon fel újra, hogy újat kapjon.
sign-up-spent = Feliratkozása már meg van erősítve; nincs további teendője.
sign-up = Feliratkozás
sign-up-stored = Feliratkozáskor tároljuk a nevét, az e-mail-címét és azt, amit bejelölt, és küldünk Önnek egy linket a megerősítéshez.
kept-until = Feliratkozását eddig őrizzük meg: { $date }; megerősítés nélkül ekkor töröljük.
whose-link = Ezt a linket erre a címre küldtük: { $address }.
whose-link-not-you = Nem az Ön címe? Akkor ezt a levelet továbbították Önnek: ne válaszoljon más nevében.
stop-title = Leállítja { -processing(case: "of-your-data-acc") }?
stop-meaning = A szervezet nem használja tovább az adatait: nem küld több e-mailt, és amíg az { -processing } szünetel, adatait nem használja, nem osztja meg és nem exportálja. Az összes célhoz adott { -consent(case: "poss") } visszavonásra kerül. Adatait megőrizzük, nem töröljük; ha törölni szeretné őket, éljen a { -right-to-erasure(case: "poss-ins") }.
stop-confirm = Igen, állítsák le az adataim kezelését
cancel = Mégse
recorded-stop = Rögzítettük: kérte { -processing(case: "of-your-data-gen") } leállítását. Az összes célhoz adott { -consent(case: "poss-acc") } visszavontuk.
recorded-granted = Rögzítettük: { -consent(case: "poss") } a következőkhöz: { $purposes }.
recorded-nothing = Rögzítettük: egyetlen célhoz sem adta meg { -consent(case: "poss-acc") }.
granted = Hozzájárulás megadva
refused = Hozzájárulás megtagadva
withdrawn = Hozzájárulás visszavonva
form-version = űrlapverzió
untranslated = Az űrlap egy része még nincs lefordítva az Ön nyelvére; ez a rész azon a nyelven jelenik meg, amelyen a szervezet megírta.

## The privacy centre

privacy-failed = Hiba történt. Próbálja újra egy kis idő múlva.
privacy-not-found = Itt nincs adatvédelmi központ.
privacy-title = Adatvédelmi központ
privacy-intro = Gyakorolja a { -gdpr } szerinti jogait a következő szervezettel szemben: { $organisation }, amely az Ön { -personal-data(case: "poss-gen") } { -controller(case: "poss") }.
privacy-what-to-do = Mit szeretne tenni?
privacy-email = Az Ön e-mail-címe
privacy-email-hint = Erre a címre kódot küldünk, hogy megbizonyosodjunk arról, hogy az Öné. Ez alapján találjuk meg az adatait.
privacy-details = Kiegészítés (nem kötelező)
privacy-what-is-wrong = Mi nem helyes, és mi lenne a helyes?
privacy-details-needed = Írja le, mi nem helyes (legfeljebb 2000 karakter).
privacy-send-code = Kódot kérek
privacy-too-many = Túl sok kérelem egyszerre. Próbálja újra később.
privacy-code-sent = Hatjegyű kódot küldünk a megadott címre. A kód 15 percig érvényes; néhány percen belül sem érkezik levél? Nézze meg a levélszemét mappát, vagy kérje újra.
privacy-code = A levélben kapott kód
privacy-confirm = Kérelmem megerősítése
privacy-wrong-code = Ez a kód nem helyes. Ellenőrizze a levelet, és próbálja újra.
privacy-code-expired = Ez a kód lejárt. Töltse be újra az oldalt, és kezdje elölről.
privacy-code-locked = Túl sok hibás kód. Töltse be újra az oldalt, és kezdje elölről.
privacy-code-used = Ezt a kérelmet már benyújtották.
privacy-filed = Kérelmét benyújtotta. Legkésőbb eddig választ kap: { $date }.
privacy-complaint = Ha úgy ítéli meg, hogy adatait nem megfelelően kezelik, jogosult arra is, hogy { -lodge-complaint }, és hogy { -judicial-remedy(case: "instrumental") } éljen.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Adataim megtekintése
right-access-meaning = Másolat mindazon { -personal-data(case: "delative") }, amelyeket a szervezet Önről tárol, azzal együtt, hogy mire használják őket, és honnan származnak.
right-access-law = Az Ön { -right-of-access(case: "poss") } ({ -gdpr } 15. cikk)
right-rectification-title = Adataim helyesbítése
right-rectification-meaning = Valamelyik Önre vonatkozó adat hibás vagy hiányos: adja meg, mi a helyes.
right-rectification-law = Az Ön { -right-to-rectification(case: "poss") } ({ -gdpr } 16. cikk)
right-portability-title = Adataim átvitele máshová
right-portability-meaning = Az Ön által megadott adatok egy olyan fájlban, amelyet egy másik szolgáltatás is be tud olvasni.
right-portability-law = Az Ön { -right-to-portability(case: "poss") } ({ -gdpr } 20. cikk)
right-erasure-title = Adataim törlése
right-erasure-meaning = Az Ön { -personal-data(case: "poss-acc") } töröljük, kivéve, ha jogszabály előírja a megőrzésüket.
right-erasure-law = Az Ön { -right-to-erasure(case: "poss") } ({ -gdpr } 17. cikk)
right-restriction-title = Adataim kezelésének leállítása
right-restriction-meaning = Adatait megőrzik, de amíg az ügy rendeződik, nem használják, nem osztják meg, és nem küldenek Önnek levelet.
right-restriction-law = Az Ön { -right-to-restriction(case: "poss") } ({ -gdpr } 18. cikk)
right-object-title = Tiltakozás az adatkezelés ellen
right-object-meaning = Nem ért egyet azzal, ahogyan adatait felhasználják, például közvetlen üzletszerzés céljára.
right-object-law = Az Ön { -right-to-object(case: "poss") } ({ -gdpr } 21. cikk)
