# Allur tölvupóstur sem Consentry sendir skráðum einstaklingi, og lestu-mig-skrá gagnaútflutnings hans.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Góðan dag,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (15. gr. { -gdpr })
mail-right-rectification = { -right-to-rectification } (16. gr. { -gdpr })
mail-right-portability = { -right-to-portability } (20. gr. { -gdpr })
mail-right-erasure = { -right-to-erasure } (17. gr. { -gdpr })
mail-right-restriction = { -right-to-restriction } (18. gr. { -gdpr })
mail-right-object = { -right-to-object } (21. gr. { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: staðfestingarkóðinn þinn
mail-code-body =
    Þú baðst { $organisation } að afgreiða beiðni þína: { $right }. Sláðu inn þennan kóða á síðu persónuverndarmiðstöðvarinnar til að staðfesta að þetta netfang sé þitt:

        { $code }

    Kóðinn gildir í { $minutes } mínútur. Baðstu ekki um þetta? Þá skaltu hunsa þessi skilaboð.

## What became of a request

mail-refused-subject = { $organisation }: beiðni þinni var hafnað
mail-refused-body =
    Beiðni þinni frá { $received } ({ $right }) var hafnað. Ástæða:

    { $reason }
mail-complaint = Þú átt rétt til að { -lodge-complaint } og rétt til { -judicial-remedy(case: "genitive") }.
mail-complaint-authority = Þar sem { $organisation } hefur staðfestu er { -supervisory-authority(case: "nominative-definite") } { $authority }: { $website }
mail-done-subject = { $organisation }: beiðni þín hefur verið afgreidd
mail-done-body = Beiðni þín frá { $received } ({ $right }) hefur verið afgreidd.
mail-erased = Við höfum eytt { -personal-data(case: "dative") } þínum. Við geymum aðeins beiðnina sjálfa, án netfangs þíns, og einstefnukóða af netfanginu svo að við bætum þér ekki aftur við fyrir mistök. Við geymum ekkert afrit af þessum skilaboðum.
mail-extended-subject = { $organisation }: meiri tími vegna beiðni þinnar
mail-extended-body =
    Við þurfum meiri tíma til að afgreiða beiðni þína frá { $received } ({ $right }). Þú færð svar eigi síðar en { $until }. Ástæða:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: upplýsingarnar þínar eru tilbúnar
mail-export-body =
    Afritið af { -personal-data(case: "dative") } þínum sem þú baðst { $organisation } um er tilbúið. Sæktu það (ZIP-skrá) til { $until } með þessum persónulega tengli:

    { $link }

    Ekki deila þessum tengli: hver sem hefur hann getur sótt upplýsingarnar þínar.
export-readme =
    Hér eru { -personal-data } þínar eins og aðilinn sem tilgreindur er í subject.json varðveitir þær.

    subject.json: allt, á sniðinu consentry-subject-export/1: beiðnin, og fyrir hverja færslu sem geymir netfangið þitt reitir hennar, saga lagagrundvalla hennar og stöðu { -consent(case: "genitive") }, sérhver ákvörðun um { -consent(case: "accusative") } ásamt útgáfu eyðublaðsins og SHA-256 af textanum sem þú last, og beiðnir þínar.

    records.csv: færslurnar, ein í hverri línu (UTF-8, aðgreint með kommum).

    consent_events.csv: sérhver ákvörðun um { -consent(case: "accusative") }, ein í hverri línu: svör á samþykkissíðunni, og { -consent } sem var gefið annars staðar og skráð hér (recorded_through api eða manual), ásamt því hvenær (at), hvernig (obtained_through) og fyrir hvaða rásir þú gafst það, og þeim gögnum sem lögð voru fram því til staðfestingar. recorded_at er hvenær það var skráð hér.

    Í CSV-skránum er ' sett fyrir framan gildi sem byrjar á = + - @, dálkstaf (tab) eða vagnhvarfi (carriage return), svo að töflureiknir sýni það sem texta í stað þess að keyra það sem formúlu.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: staðfestu skráninguna þína
mail-signup-body =
    Þú (eða einhver sem notar netfangið þitt) skráðir þig á „{ $title }“ hjá { $organisation }. Staðfestu skráninguna með þessum tengli:

    { $link }

    Við geymum skráninguna þína (nafn þitt, netfang og val) til { $until }; án staðfestingar er henni þá eytt. Varst þetta ekki þú? Þá skaltu hunsa þessi skilaboð.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Beiðni um samþykki
mail-consent-subject = { $organisation }: persónuverndarval þitt
mail-consent-body =
    Góðan dag { $name },

    { $organisation } óskar eftir { -consent(case: "dative") } þínu. Opnaðu þennan persónulega tengil til að sjá í hvaða tilgangi og til að velja:

    { $link }

    Tengillinn gildir til { $until }. Ef þú áttir ekki von á þessum skilaboðum geturðu hunsað þau.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: upplýsingarnar þínar, réttindi þín
mail-rights-body =
    Hér getur þú skoðað, leiðrétt eða flutt annað { -personal-data(case: "accusative") } sem { $organisation } hefur um þig, látið eyða þeim, andmælt { -processing(case: "dative") } þeirra eða látið takmarka hana:

    { $link }
