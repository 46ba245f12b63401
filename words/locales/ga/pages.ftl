# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = Gaeilge
loading = Á lódáil…
language = Teanga
expired = Tá an nasc seo imithe in éag. Iarr nasc nua ar an eagraíocht a sheol chugat é.
revoked = Seoladh nasc níos nuaí chugat don fhoirm seo, mar sin ní oibríonn an ceann seo a thuilleadh. Úsáid an nasc sa teachtaireacht is déanaí, nó iarr ceann nua.
spent = Taifeadadh d’fhreagra tríd an nasc seo. Chun é a athrú, iarr nasc nua ar an eagraíocht.
unknown = Níl an nasc seo bailí. Seiceáil gur chóipeáil tú ina iomláine é.
failed = Níorbh fhéidir do rogha a shábháil. Bain triail eile as i gceann tamaillín.
not-found = Níl aon leathanach anseo.
receipt = Íoslódáil an admháil shínithe ar do { -consent(mut: "len") }
new-link = Seol nasc nua chugam
new-link-sent = Más uainne a tháinig an nasc seo, tá ceann nua ar an mbealach chuig an seoladh ar seoladh chuige é.
verify-title = Seiceáil admháil ar { -consent(mut: "len") }
verify-intro = Greamaigh ábhar comhaid admhála (consent-receipt.jws). Léiríonn a shíniú an é go díreach an rud a d’eisigh an eagraíocht.
verify-label = Admháil
verify-button = Seiceáil
verify-valid = Bailí: sínithe ag { $controller }
verify-invalid = Neamhbhailí: athraíodh an admháil seo, nó níor eisigh an tseirbhís seo í.
check-receipt = Seiceáil admháil
first-name = Céadainm
last-name = Sloinne
email = Seoladh ríomhphoist
optional = roghnach
email-invalid = Cuir isteach seoladh ríomhphoist, mar shampla name@example.org.
name-invalid = Úsáid 200 carachtar ar a mhéad, gan bhriseadh líne.
choose-required = Cuir tic leis an méid a n-aontaíonn tú leis; is cuid den chlárú iad na críocha éigeantacha.
check-inbox = Beagnach críochnaithe: tá nasc á sheoladh againn chuig do sheoladh ríomhphoist. Oscail é chun do chlárú a dhearbhú; go dtí sin ní áirítear do { -consent(mut: "len") }. Gan ríomhphost laistigh de chúpla nóiméad? Seiceáil d’fhillteán turscair, nó cláraigh arís ar ball.
form-changed = Athraíodh an fhoirm seo agus tú á líonadh. Athlódáil an leathanach agus seiceáil do roghanna.
too-many = An iomarca clárúchán ag an am céanna. Bain triail eile as ar ball.
not-open = Ní ghlacann an fhoirm seo le clárúcháin.
confirm-title = Dearbhaigh do chlárú
confirm-button = Sea, dearbhaigh mo chlárú
confirmed = Go raibh maith agat: tá do chlárú dearbhaithe.
sign-up-expired = Tá an nasc dearbhaithe seo imithe in éag. Cláraigh arís chun ceann nua a fháil.
sign-up-spent = Tá do chlárú dearbhaithe cheana féin; níl aon rud eile le déanamh.
sign-up = Cláraigh
sign-up-stored = Nuair a chláraíonn tú, stórálaimid d’ainm, do sheoladh ríomhphoist agus an méid ar chuir tú tic leis, agus seolaimid nasc chugat le dearbhú.
kept-until = Coinneoimid do chlárú go dtí { $date }; mura ndearbhaítear é, scriosfar ansin é.
whose-link = Seoladh an nasc seo chuig { $address }.
whose-link-not-you = Ní hé do sheoladh é? Mar sin cuireadh an ríomhphost seo ar aghaidh chugat: ná freagair thar ceann duine eile.
stop-title = An stopfar { -processing } do shonraí?
stop-meaning = Scoirfidh an eagraíocht de do shonraí a úsáid: ní sheolfar ríomhphost chugat a thuilleadh, agus ní úsáidfear, ní chomhroinnfear agus ní easpórtálfar do shonraí fad atá an { -processing(mut: "len") } stoptha. Tarraingítear siar do { -consent(mut: "len") } do gach críoch. Coinnítear do shonraí, ní scriostar iad; chun iad a scriosadh, bain úsáid as do { -right-to-erasure(mut: "len") }.
stop-confirm = Sea, stop próiseáil mo shonraí
cancel = Cealaigh
recorded-stop = Taifeadta: d’iarr tú go stopfaí { -processing } do shonraí. Tarraingíodh siar do { -consent(mut: "len") } do gach críoch.
recorded-granted = Taifeadta: do { -consent(mut: "len") } le haghaidh { $purposes }.
recorded-nothing = Taifeadta: níor thug tú { -consent } d’aon chríoch.
granted = Toiliú tugtha
refused = Toiliú diúltaithe
withdrawn = Toiliú tarraingthe siar
form-version = leagan na foirme
untranslated = Níl cuid den fhoirm seo aistrithe go do theanga fós; taispeántar an chuid sin sa teanga inar scríobh an eagraíocht í.

## The privacy centre

privacy-failed = Chuaigh rud éigin mícheart. Bain triail eile as i gceann tamaillín.
privacy-not-found = Níl aon ionad príobháideachta anseo.
privacy-title = Ionad príobháideachta
privacy-intro = Feidhmigh do chearta faoin { -gdpr } le { $organisation }, { -controller } do { -personal-data(mut: "len") }.
privacy-what-to-do = Cad ba mhaith leat a dhéanamh?
privacy-email = Do sheoladh ríomhphoist
privacy-email-hint = Seolaimid cód chuig an seoladh seo chun a chinntiú gur leatsa é. Is tríd a aimsímid do shonraí.
privacy-details = Aon rud le cur leis (roghnach)
privacy-what-is-wrong = Cad atá mícheart, agus cad ba cheart a bheith ann?
privacy-details-needed = Inis cad atá mícheart (2,000 carachtar ar a mhéad).
privacy-send-code = Seol cód chugam
privacy-too-many = An iomarca iarratas ag an am céanna. Bain triail eile as ar ball.
privacy-code-sent = Tá cód sé dhigit á sheoladh againn chuig an seoladh a chuir tú isteach. Oibríonn sé ar feadh 15 nóiméad; gan ríomhphost laistigh de chúpla nóiméad? Seiceáil d’fhillteán turscair, nó iarr arís é.
privacy-code = Cód ón ríomhphost
privacy-confirm = Dearbhaigh m’iarratas
privacy-wrong-code = Níl an cód sin ceart. Seiceáil an ríomhphost agus bain triail eile as.
privacy-code-expired = Tá an cód seo imithe in éag. Athlódáil an leathanach chun tosú arís.
privacy-code-locked = An iomarca cód mícheart. Athlódáil an leathanach chun tosú arís.
privacy-code-used = Tá an t-iarratas seo comhdaithe cheana féin.
privacy-filed = Tá d’iarratas comhdaithe. Gheobhaidh tú freagra faoi { $date } ar a dhéanaí.
privacy-complaint = Má mheasann tú go bhfuiltear ag láimhseáil do shonraí go mícheart, tá sé de cheart agat freisin { -lodge-complaint } agus { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Féach ar mo shonraí
right-access-meaning = Cóip de na { -personal-data } go léir atá ag an eagraíocht fút, mar aon leis an méid a n-úsáidtear iad chuige agus cá as a dtáinig siad.
right-access-law = Do { -right-of-access(mut: "len") } (Airteagal 15 den { -gdpr })
right-rectification-title = Ceartaigh mo shonraí
right-rectification-meaning = Tá rud éigin fút mícheart nó neamhiomlán: abair cad ba cheart a bheith ann.
right-rectification-law = Do { -right-to-rectification(mut: "len") } (Airteagal 16 den { -gdpr })
right-portability-title = Tóg mo shonraí go háit eile
right-portability-meaning = Na sonraí a thug tú, i gcomhad is féidir le seirbhís eile a léamh.
right-portability-law = Do { -right-to-portability(mut: "len") } (Airteagal 20 den { -gdpr })
right-erasure-title = Scrios mo shonraí
right-erasure-meaning = Scriostar do { -personal-data(mut: "len") }, mura gceanglaítear leis an dlí iad a choinneáil.
right-erasure-law = Do { -right-to-erasure(mut: "len") } (Airteagal 17 den { -gdpr })
right-restriction-title = Stop próiseáil mo shonraí
right-restriction-meaning = Coinnítear do shonraí ach ní úsáidtear ná ní chomhroinntear iad, agus ní sheoltar ríomhphost chugat, fad atá an cheist á réiteach.
right-restriction-law = Do { -right-to-restriction(mut: "len") } (Airteagal 18 den { -gdpr })
right-object-title = Déan agóid i gcoinne próiseála
right-object-meaning = Ní aontaíonn tú leis an gcaoi a n-úsáidtear do shonraí, mar shampla le haghaidh margaíocht dhíreach.
right-object-law = Do { -right-to-object(mut: "len") } (Airteagal 21 den { -gdpr })
