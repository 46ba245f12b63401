# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = lietuvių
loading = Įkeliama…
language = Kalba
expired = Ši nuoroda nebegalioja. Paprašykite ją atsiuntusios organizacijos naujos nuorodos.
revoked = Jums buvo išsiųsta naujesnė šios formos nuoroda, todėl ši nuoroda nebeveikia. Naudokite nuorodą iš naujausio laiško arba paprašykite naujos.
spent = Jūsų atsakymas per šią nuorodą užregistruotas. Norėdami jį pakeisti, paprašykite organizacijos naujos nuorodos.
unknown = Ši nuoroda negalioja. Patikrinkite, ar nukopijavote ją visą.
failed = Jūsų pasirinkimo nepavyko išsaugoti. Po akimirkos bandykite dar kartą.
not-found = Čia puslapio nėra.
receipt = Atsisiųsti savo pasirašytą { -consent(case: "genitive") } patvirtinimą
new-link = Atsiųsti man naują nuorodą
new-link-sent = Jei ši nuoroda buvo mūsų, nauja nuoroda jau siunčiama adresu, kuriuo buvo išsiųsta ši.
verify-title = Patikrinti { -consent(case: "genitive") } patvirtinimą
verify-intro = Įklijuokite patvirtinimo failo (consent-receipt.jws) turinį. Jo parašas parodo, ar patvirtinimas yra būtent toks, kokį išdavė organizacija.
verify-label = Patvirtinimas
verify-button = Tikrinti
verify-valid = Galioja: pasirašė { $controller }
verify-invalid = Negalioja: šis patvirtinimas buvo pakeistas arba jo neišdavė ši paslauga.
check-receipt = Patikrinti patvirtinimą
first-name = Vardas
last-name = Pavardė
email = El. pašto adresas
optional = neprivaloma
email-invalid = Įveskite el. pašto adresą, pavyzdžiui, name@example.org.
name-invalid = Naudokite ne daugiau kaip 200 simbolių, be eilučių lūžių.
choose-required = Pažymėkite, su kuo sutinkate; privalomi tikslai yra registracijos dalis.
check-inbox = Beveik baigta: siunčiame nuorodą jūsų el. pašto adresu. Atidarykite ją, kad patvirtintumėte registraciją; iki tol jūsų { -consent } negalioja. Per kelias minutes negavote laiško? Patikrinkite šlamšto aplanką arba vėliau užsiregistruokite dar kartą.
form-changed = Kol pildėte šią formą, ji buvo pakeista. Įkelkite puslapį iš naujo ir patikrinkite savo pasirinkimus.
too-many = Per daug registracijų vienu metu. Bandykite vėliau.
not-open = Per šią formą užsiregistruoti negalima.
confirm-title = Patvirtinkite registraciją
confirm-button = Taip, patvirtinti mano registraciją
confirmed = Ačiū: jūsų registracija patvirtinta.
sign-up-expired = Ši patvirtinimo nuoroda nebegalioja. Užsiregistruokite dar kartą, kad gautumėte naują.
sign-up-spent = Jūsų registracija jau patvirtinta; daugiau nieko daryti nereikia.
sign-up = Užsiregistruoti
sign-up-stored = Kai užsiregistruojate, išsaugome jūsų vardą, el. pašto adresą ir tai, ką pažymėjote, ir atsiunčiame jums nuorodą registracijai patvirtinti.
kept-until = Jūsų registraciją saugome iki { $date }; jei ji nepatvirtinama, tada ji ištrinama.
whose-link = Ši nuoroda buvo išsiųsta adresu { $address }.
whose-link-not-you = Tai ne jūsų adresas? Vadinasi, šis laiškas jums buvo persiųstas: neatsakykite už kitą asmenį.
stop-title = Nutraukti jūsų { -processing(case: "accusative") }?
stop-meaning = Organizacija nustos naudoti jūsų duomenis: el. laiškų jums nebesiųs, o jūsų duomenys nebus naudojami, bendrinami ar eksportuojami, kol { -processing } nutrauktas. Jūsų { -consent } visais tikslais atšaukiamas. Jūsų duomenys saugomi, o ne ištrinami; jei norite, kad jie būtų ištrinti, pasinaudokite savo { -right-to-erasure(case: "instrumental") }.
stop-confirm = Taip, nutraukti mano duomenų tvarkymą
cancel = Atšaukti
recorded-stop = Užregistruota: paprašėte nutraukti savo { -processing(case: "accusative") }. Jūsų { -consent } visais tikslais atšauktas.
recorded-granted = Užregistruota: jūsų { -consent } šiais tikslais: { $purposes }.
recorded-nothing = Užregistruota: nedavėte { -consent(case: "genitive") } jokiu tikslu.
granted = Sutikimas duotas
refused = Sutikimo atsisakyta
withdrawn = Sutikimas atšauktas
form-version = formos versija
untranslated = Dalis šios formos dar neišversta į jūsų kalbą; ta dalis rodoma kalba, kuria ją parašė organizacija.

## The privacy centre

privacy-failed = Kažkas nepavyko. Po akimirkos bandykite dar kartą.
privacy-not-found = Čia nėra privatumo centro.
privacy-title = Privatumo centras
privacy-intro = Įgyvendinkite savo teises pagal { -gdpr }: { $organisation } yra jūsų { -personal-data(case: "genitive") } { -controller(case: "after-data") }.
privacy-what-to-do = Ką norėtumėte daryti?
privacy-email = Jūsų el. pašto adresas
privacy-email-hint = Šiuo adresu atsiunčiame kodą, kad įsitikintume, jog adresas jūsų. Pagal jį randame jūsų duomenis.
privacy-details = Ką norėtumėte pridurti (neprivaloma)
privacy-what-is-wrong = Kas neteisinga ir kaip turėtų būti?
privacy-details-needed = Nurodykite, kas neteisinga (ne daugiau kaip 2000 simbolių).
privacy-send-code = Atsiųsti man kodą
privacy-too-many = Per daug prašymų vienu metu. Bandykite vėliau.
privacy-code-sent = Siunčiame šešių skaitmenų kodą jūsų nurodytu adresu. Jis galioja 15 minučių; per kelias minutes negavote laiško? Patikrinkite šlamšto aplanką arba paprašykite kodo dar kartą.
privacy-code = Kodas iš el. laiško
privacy-confirm = Patvirtinti mano prašymą
privacy-wrong-code = Kodas neteisingas. Patikrinkite el. laišką ir bandykite dar kartą.
privacy-code-expired = Šis kodas nebegalioja. Įkelkite puslapį iš naujo, kad pradėtumėte iš pradžių.
privacy-code-locked = Per daug neteisingų kodų. Įkelkite puslapį iš naujo, kad pradėtumėte iš pradžių.
privacy-code-used = Šis prašymas jau pateiktas.
privacy-filed = Jūsų prašymas pateiktas. Atsakymą gausite ne vėliau kaip { $date }.
privacy-complaint = Jei manote, kad su jūsų duomenimis elgiamasi netinkamai, taip pat turite teisę { -lodge-complaint } ir imtis { -judicial-remedy(case: "genitive") }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Peržiūrėti mano duomenis
right-access-meaning = Visų { -personal-data(case: "genitive") }, kuriuos organizacija turi apie jus, kopija, taip pat informacija, kam jie naudojami ir iš kur jie gauti.
right-access-law = Jūsų { -right-of-access } ({ -gdpr } 15 straipsnis)
right-rectification-title = Ištaisyti mano duomenis
right-rectification-meaning = Kažkas apie jus yra neteisinga arba neišsamu: nurodykite, kaip turėtų būti.
right-rectification-law = Jūsų { -right-to-rectification } ({ -gdpr } 16 straipsnis)
right-portability-title = Perkelti mano duomenis kitur
right-portability-meaning = Jūsų pateikti duomenys faile, kurį gali nuskaityti kita paslauga.
right-portability-law = Jūsų { -right-to-portability } ({ -gdpr } 20 straipsnis)
right-erasure-title = Ištrinti mano duomenis
right-erasure-meaning = Jūsų { -personal-data } ištrinami, nebent įstatymas reikalauja juos saugoti.
right-erasure-law = Jūsų { -right-to-erasure } ({ -gdpr } 17 straipsnis)
right-restriction-title = Nutraukti mano duomenų tvarkymą
right-restriction-meaning = Jūsų duomenys saugomi, bet nenaudojami, nebendrinami ir jums nesiunčiama laiškų, kol klausimas sprendžiamas.
right-restriction-law = Jūsų { -right-to-restriction } ({ -gdpr } 18 straipsnis)
right-object-title = Nesutikti su tvarkymu
right-object-meaning = Nesutinkate su tuo, kaip naudojami jūsų duomenys, pavyzdžiui, tiesioginei rinkodarai.
right-object-law = Jūsų { -right-to-object } ({ -gdpr } 21 straipsnis)
