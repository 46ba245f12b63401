# Það sem síður hins skráða sýna í kringum eigin texta aðilans: hýstu samþykkissíðuna,
# skráningar- og staðfestingarsíðurnar, sannprófun kvittana og persónuverndarmiðstöðina.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = íslenska
loading = Hleður…
language = Tungumál
expired = Þessi tengill er útrunninn. Biddu aðilann sem sendi hann um nýjan.
revoked = Þér var sendur nýrri tengill fyrir þetta eyðublað, svo þessi tengill virkar ekki lengur. Notaðu tengilinn í nýjustu skilaboðunum eða biddu um nýjan.
spent = Svar þitt í gegnum þennan tengil hefur verið skráð. Til að breyta því skaltu biðja aðilann um nýjan tengil.
unknown = Þessi tengill er ekki gildur. Athugaðu hvort þú afritaðir hann allan.
failed = Ekki tókst að vista val þitt. Reyndu aftur eftir smástund.
not-found = Hér er engin síða.
receipt = Sæktu undirritaða kvittun fyrir { -consent(case: "dative") } þínu
new-link = Sendu mér nýjan tengil
new-link-sent = Ef þessi tengill var frá okkur er nýr tengill á leiðinni á netfangið sem hann var sendur á.
verify-title = Sannreyna kvittun fyrir { -consent(case: "dative") }
verify-intro = Límdu inn innihald kvittunarskrár (consent-receipt.jws). Undirskriftin sýnir hvort hún er nákvæmlega eins og aðilinn gaf hana út.
verify-label = Kvittun
verify-button = Sannreyna
verify-valid = Gild: undirrituð af { $controller }
verify-invalid = Ógild: þessari kvittun hefur verið breytt eða hún var ekki gefin út af þessari þjónustu.
check-receipt = Sannreyna kvittun
first-name = Fornafn
last-name = Eftirnafn
email = Netfang
optional = valkvætt
email-invalid = Sláðu inn netfang, t.d. name@example.org.
name-invalid = Notaðu að hámarki 200 stafi, án línuskila.
choose-required = Merktu við það sem þú samþykkir; áskilinn tilgangur er hluti af skráningunni.
check-inbox = Næstum búið: við sendum tengil á netfangið þitt. Opnaðu hann til að staðfesta skráninguna; þangað til gildir { -consent } þitt ekki. Enginn póstur eftir nokkrar mínútur? Athugaðu ruslpóstmöppuna eða skráðu þig aftur síðar.
form-changed = Þessu eyðublaði var breytt á meðan þú fylltir það út. Endurhlaðaðu síðuna og athugaðu val þitt.
too-many = Of margar skráningar í einu. Reyndu aftur síðar.
not-open = Ekki er tekið við skráningum í gegnum þetta eyðublað.
confirm-title = Staðfestu skráninguna þína
confirm-button = Já, staðfesta skráninguna mína
confirmed = Takk fyrir: skráning þín er staðfest.
sign-up-expired = Þessi staðfestingartengill er útrunninn. Skráðu þig aftur til að fá nýjan.
sign-up-spent = Skráning þín hefur þegar verið staðfest; þú þarft ekki að gera neitt frekar.
sign-up = Skrá mig
sign-up-stored = Þegar þú skráir þig vistum við nafn þitt, netfang og það sem þú merktir við, og sendum þér tengil til staðfestingar.
kept-until = Við geymum skráninguna þína til { $date }; án staðfestingar er henni þá eytt.
whose-link = Þessi tengill var sendur á { $address }.
whose-link-not-you = Ekki þitt netfang? Þá hefur þessi póstur verið framsendur til þín: ekki svara fyrir hönd annarra.
stop-title = Stöðva { -processing(case: "accusative") } upplýsinga þinna?
stop-meaning = Aðilinn hættir að nota upplýsingar þínar: engir fleiri tölvupóstar, og upplýsingar þínar verða ekki notaðar, þeim ekki deilt og þær ekki fluttar út á meðan { -processing(case: "nominative-definite") } er stöðvuð. Jafnframt er { -consent } þitt dregið til baka í öllum tilgangi. Upplýsingarnar eru áfram varðveittar og þeim er ekki eytt; viljir þú láta eyða þeim skaltu nýta þér { -right-to-erasure(case: "accusative") }.
stop-confirm = Já, stöðva vinnslu upplýsinga minna
cancel = Hætta við
recorded-stop = Skráð: þú baðst um að stöðva { -processing(case: "accusative") } upplýsinga þinna. Jafnframt hefur { -consent } þitt verið dregið til baka í öllum tilgangi.
recorded-granted = Skráð: { -consent } þitt fyrir { $purposes }.
recorded-nothing = Skráð: þú gafst ekki { -consent } í neinum tilgangi.
granted = Samþykki gefið
refused = Samþykki hafnað
withdrawn = Samþykki dregið til baka
form-version = útgáfa eyðublaðs
untranslated = Hluti af þessu eyðublaði hefur ekki enn verið þýddur á þitt tungumál; sá hluti birtist á tungumálinu sem aðilinn skrifaði hann á.

## The privacy centre

privacy-failed = Eitthvað fór úrskeiðis. Reyndu aftur eftir smástund.
privacy-not-found = Hér er engin persónuverndarmiðstöð.
privacy-title = Persónuverndarmiðstöð
privacy-intro = Nýttu réttindi þín samkvæmt { -gdpr } gagnvart { $organisation }, { -controller(case: "dative") } { -personal-data(case: "genitive") } þinna.
privacy-what-to-do = Hvað viltu gera?
privacy-email = Netfangið þitt
privacy-email-hint = Við sendum kóða á þetta netfang til að ganga úr skugga um að það sé þitt. Við finnum upplýsingarnar þínar út frá því.
privacy-details = Annað sem þú vilt taka fram (valkvætt)
privacy-what-is-wrong = Hvað er rangt og hvernig á það að vera?
privacy-details-needed = Segðu hvað er rangt (að hámarki 2.000 stafir).
privacy-send-code = Sendu mér kóða
privacy-too-many = Of margar beiðnir í einu. Reyndu aftur síðar.
privacy-code-sent = Við sendum sex stafa kóða á netfangið sem þú slóst inn. Hann gildir í 15 mínútur; enginn póstur eftir nokkrar mínútur? Athugaðu ruslpóstmöppuna eða biddu aftur um kóða.
privacy-code = Kóði úr tölvupóstinum
privacy-confirm = Staðfesta beiðnina mína
privacy-wrong-code = Þessi kóði er ekki réttur. Athugaðu tölvupóstinn og reyndu aftur.
privacy-code-expired = Þessi kóði er útrunninn. Endurhlaðaðu síðuna til að byrja upp á nýtt.
privacy-code-locked = Of margir rangir kóðar. Endurhlaðaðu síðuna til að byrja upp á nýtt.
privacy-code-used = Þessi beiðni hefur þegar verið lögð fram.
privacy-filed = Beiðni þín hefur verið lögð fram. Þú færð svar eigi síðar en { $date }.
privacy-complaint = Ef þú telur að rangt sé farið með upplýsingar þínar átt þú einnig rétt til að { -lodge-complaint } og rétt til { -judicial-remedy(case: "genitive") }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Skoða upplýsingarnar mínar
right-access-meaning = Afrit af öllum { -personal-data(case: "dative") } sem aðilinn hefur um þig, ásamt því til hvers þær eru notaðar og hvaðan þær komu.
right-access-law = Þinn { -right-of-access } (15. gr. { -gdpr })
right-rectification-title = Leiðrétta upplýsingarnar mínar
right-rectification-meaning = Eitthvað um þig er rangt eða ófullkomið: segðu hvernig það á að vera.
right-rectification-law = Þinn { -right-to-rectification } (16. gr. { -gdpr })
right-portability-title = Flytja upplýsingarnar mínar annað
right-portability-meaning = Upplýsingarnar sem þú lést í té, í skrá sem önnur þjónusta getur lesið.
right-portability-law = Þinn { -right-to-portability } (20. gr. { -gdpr })
right-erasure-title = Eyða upplýsingunum mínum
right-erasure-meaning = Aðilinn eyðir { -personal-data(case: "dative") } þínum, nema lög krefjist þess að þær séu varðveittar.
right-erasure-law = Þinn { -right-to-erasure } (17. gr. { -gdpr })
right-restriction-title = Stöðva vinnslu upplýsinga minna
right-restriction-meaning = Upplýsingar þínar eru varðveittar en ekki notaðar, þeim ekki deilt og þér ekki sendur póstur á meðan leyst er úr málinu.
right-restriction-law = Þinn { -right-to-restriction } (18. gr. { -gdpr })
right-object-title = Andmæla vinnslu
right-object-meaning = Þú ert ósammála því hvernig upplýsingar þínar eru notaðar, til dæmis í beinni markaðssetningu.
right-object-law = Þinn { -right-to-object } (21. gr. { -gdpr })
