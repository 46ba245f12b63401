# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = Malti
loading = Qed jitgħabba…
language = Lingwa
expired = Din il-ħolqa skadiet. Itlob waħda ġdida lill-organizzazzjoni li bagħtitha.
revoked = Intbagħtitlek ħolqa aktar ġdida għal din il-formola, għalhekk din ma għadhiex taħdem. Uża l-ħolqa fl-aħħar messaġġ, jew itlob waħda ġdida.
spent = It-tweġiba tiegħek permezz ta’ din il-ħolqa ġiet irreġistrata. Biex tibdilha, itlob ħolqa ġdida lill-organizzazzjoni.
unknown = Din il-ħolqa mhijiex valida. Iċċekkja li kkupjajtha kollha.
failed = L-għażla tiegħek ma setgħetx tiġi salvata. Erġa’ pprova ftit wara.
not-found = M’hawn l-ebda paġna hawnhekk.
receipt = Niżżel l-irċevuta ffirmata tal-{ -consent } tiegħek
new-link = Ibgħatli ħolqa ġdida
new-link-sent = Jekk din il-ħolqa kienet tagħna, ħolqa ġdida qed tintbagħat lill-indirizz li lilu ntbagħtet.
verify-title = Iċċekkja rċevuta tal-{ -consent }
verify-intro = Waħħal il-kontenut ta’ fajl ta’ rċevuta (consent-receipt.jws). Il-firma tagħha turi jekk hijiex eżattament dak li ħarġet l-organizzazzjoni.
verify-label = Irċevuta
verify-button = Iċċekkja
verify-valid = Valida: iffirmata minn { $controller }
verify-invalid = Mhux valida: din l-irċevuta ġiet mibdula, jew ma nħarġitx minn dan is-servizz.
check-receipt = Iċċekkja rċevuta
first-name = Isem
last-name = Kunjom
email = Indirizz tal-email
optional = mhux obbligatorju
email-invalid = Daħħal indirizz tal-email bħal name@example.org.
name-invalid = Uża mhux aktar minn 200 karattru, mingħajr qsim tal-linji.
choose-required = Immarka dak li taqbel miegħu; il-finijiet obbligatorji huma parti mir-reġistrazzjoni.
check-inbox = Kważi lest: qed nibagħtu ħolqa lill-indirizz tal-email tiegħek. Iftaħha biex tikkonferma r-reġistrazzjoni tiegħek; sa dakinhar il-{ -consent } tiegħek ma jgħoddx. L-ebda email fi ftit minuti? Iċċekkja l-folder tal-ispam, jew erġa’ rreġistra aktar tard.
form-changed = Din il-formola nbidlet waqt li kont qed timlieha. Erġa’ tella’ l-paġna u ċċekkja l-għażliet tiegħek.
too-many = Wisq reġistrazzjonijiet f’daqqa. Erġa’ pprova aktar tard.
not-open = Din il-formola ma tilqax reġistrazzjonijiet.
confirm-title = Ikkonferma r-reġistrazzjoni tiegħek
confirm-button = Iva, nikkonferma r-reġistrazzjoni tiegħi
confirmed = Grazzi: ir-reġistrazzjoni tiegħek ġiet ikkonfermata.
sign-up-expired = Din il-ħolqa ta’ konferma skadiet. Erġa’ rreġistra biex tieħu waħda ġdida.
sign-up-spent = Ir-reġistrazzjoni tiegħek diġà ġiet ikkonfermata; m’hemm xejn aktar x’tagħmel.
sign-up = Irreġistra
sign-up-stored = Meta tirreġistra, aħna nżommu ismek, l-indirizz tal-email tiegħek u dak li mmarkajt, u nibagħtulek ħolqa biex tikkonferma.
kept-until = Inżommu r-reġistrazzjoni tiegħek sa { $date }; mingħajr konferma, titħassar dakinhar.
whose-link = Din il-ħolqa ntbagħtet lil { $address }.
whose-link-not-you = Mhux l-indirizz tiegħek? Allura dan il-messaġġ ġie mgħoddi lilek: twieġibx f’isem ħaddieħor.
stop-title = Twaqqaf l-{ -processing } tad-data tiegħek?
stop-meaning = L-organizzazzjoni se tieqaf tuża d-data tiegħek: ma jintbagħtulekx aktar emails, u d-data tiegħek ma tintużax, ma tinqasamx u ma tiġix esportata sakemm l-{ -processing } ikun imwaqqaf. Il-{ -consent } tiegħek għal kull fini jiġi rtirat. Id-data tiegħek tinżamm, ma titħassarx; biex titħassar, uża d-{ -right-to-erasure } tiegħek.
stop-confirm = Iva, waqqfu l-ipproċessar tad-data tiegħi
cancel = Ikkanċella
recorded-stop = Irreġistrat: tlabt li jitwaqqaf l-{ -processing } tad-data tiegħek. Il-{ -consent } tiegħek għal kull fini ġie rtirat.
recorded-granted = Irreġistrat: il-{ -consent } tiegħek għal { $purposes }.
recorded-nothing = Irreġistrat: ma tajt { -consent } għal ebda fini.
granted = Kunsens mogħti
refused = Kunsens miċħud
withdrawn = Kunsens irtirat
form-version = verżjoni tal-formola
untranslated = Parti minn din il-formola għadha mhix tradotta fil-lingwa tiegħek; dik il-parti tidher fil-lingwa li kitbitha biha l-organizzazzjoni.

## The privacy centre

privacy-failed = Inqala’ xi żball. Erġa’ pprova ftit wara.
privacy-not-found = M’hawn l-ebda ċentru tal-privatezza hawnhekk.
privacy-title = Ċentru tal-privatezza
privacy-intro = Eżerċita d-drittijiet tiegħek taħt il-{ -gdpr } ma’ { $organisation }, il-{ -controller } tad-{ -personal-data } tiegħek.
privacy-what-to-do = X’tixtieq tagħmel?
privacy-email = L-indirizz tal-email tiegħek
privacy-email-hint = Nibagħtu kodiċi lil dan l-indirizz biex niżguraw li huwa tiegħek. Bih insibu d-data tiegħek.
privacy-details = Xi ħaġa x’iżżid (mhux obbligatorju)
privacy-what-is-wrong = X’inhu ħażin, u x’għandu jkun?
privacy-details-needed = Għid x’inhu ħażin (mhux aktar minn 2,000 karattru).
privacy-send-code = Ibgħatli kodiċi
privacy-too-many = Wisq talbiet f’daqqa. Erġa’ pprova aktar tard.
privacy-code-sent = Qed nibagħtu kodiċi ta’ sitt ċifri lill-indirizz li daħħalt. Jaħdem għal 15-il minuta; l-ebda email fi ftit minuti? Iċċekkja l-folder tal-ispam, jew erġa’ itlob.
privacy-code = Kodiċi mill-email
privacy-confirm = Ikkonferma t-talba tiegħi
privacy-wrong-code = Dak il-kodiċi mhuwiex korrett. Iċċekkja l-email u erġa’ pprova.
privacy-code-expired = Dan il-kodiċi skada. Erġa’ tella’ l-paġna biex terġa’ tibda.
privacy-code-locked = Wisq kodiċijiet ħżiena. Erġa’ tella’ l-paġna biex terġa’ tibda.
privacy-code-used = Din it-talba diġà ġiet ippreżentata.
privacy-filed = It-talba tiegħek ġiet ippreżentata. Se tirċievi tweġiba sa mhux aktar tard minn { $date }.
privacy-complaint = Jekk taħseb li d-data tiegħek qed tiġi ttrattata ħażin, għandek ukoll id-dritt li { -lodge-complaint } u d-dritt għal { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Ara d-data tiegħi
right-access-meaning = Kopja tad-{ -personal-data } kollha li l-organizzazzjoni għandha dwarek, flimkien ma’ għalxiex tintuża u minn fejn ġiet.
right-access-law = Id-{ -right-of-access } tiegħek (l-Artikolu 15 tal-{ -gdpr })
right-rectification-title = Ikkoreġi d-data tiegħi
right-rectification-meaning = Xi ħaġa dwarek hija ħażina jew mhux kompluta: għid x’għandha tkun.
right-rectification-law = Id-{ -right-to-rectification } tiegħek (l-Artikolu 16 tal-{ -gdpr })
right-portability-title = Ħu d-data tiegħi x’imkien ieħor
right-portability-meaning = Id-data li tajt, f’fajl li servizz ieħor jista’ jaqra.
right-portability-law = Id-{ -right-to-portability } tiegħek (l-Artikolu 20 tal-{ -gdpr })
right-erasure-title = Ħassar id-data tiegħi
right-erasure-meaning = Id-{ -personal-data } tiegħek titħassar, sakemm il-liġi ma teħtieġx li tinżamm.
right-erasure-law = Id-{ -right-to-erasure } tiegħek (l-Artikolu 17 tal-{ -gdpr })
right-restriction-title = Waqqaf l-ipproċessar tad-data tiegħi
right-restriction-meaning = Id-data tiegħek tinżamm iżda ma tintużax u ma tinqasamx, u ma jintbagħtulekx messaġġi, sakemm il-kwistjoni tiġi solvuta.
right-restriction-law = Id-{ -right-to-restriction } tiegħek (l-Artikolu 18 tal-{ -gdpr })
right-object-title = Oġġezzjona għall-ipproċessar
right-object-meaning = Ma taqbilx ma’ kif tintuża d-data tiegħek, pereżempju għal kummerċjalizzazzjoni diretta.
right-object-law = Id-{ -right-to-object } tiegħek (l-Artikolu 21 tal-{ -gdpr })
