# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Dia duit,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (Airteagal 15 den { -gdpr })
mail-right-rectification = { -right-to-rectification } (Airteagal 16 den { -gdpr })
mail-right-portability = { -right-to-portability } (Airteagal 20 den { -gdpr })
mail-right-erasure = { -right-to-erasure } (Airteagal 17 den { -gdpr })
mail-right-restriction = { -right-to-restriction } (Airteagal 18 den { -gdpr })
mail-right-object = { -right-to-object } (Airteagal 21 den { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: do chód dearbhaithe
mail-code-body =
    D’iarr tú ar { $organisation } gníomhú ar d’iarratas: { $right }. Cuir isteach an cód seo ar leathanach an ionaid phríobháideachta chun a dhearbhú gur leatsa an seoladh seo:

        { $code }

    Oibríonn an cód ar feadh { $minutes } nóiméad. Níor iarr tú é? Más ea, déan neamhaird den teachtaireacht seo.

## What became of a request

mail-refused-subject = { $organisation }: diúltaíodh d’iarratas
mail-refused-body =
    Diúltaíodh d’iarratas dar dáta { $received } ({ $right }). Cúis:

    { $reason }
mail-complaint = Tá sé de cheart agat { -lodge-complaint } agus { -judicial-remedy }.
mail-complaint-authority = Is é { $authority } an t-{ -supervisory-authority } san áit a bhfuil { $organisation } bunaithe: { $website }
mail-done-subject = { $organisation }: tá d’iarratas curtha i gcrích
mail-done-body = Cuireadh i gcrích d’iarratas dar dáta { $received } ({ $right }).
mail-erased = Léirscriosamar do { -personal-data(mut: "len") }. Ní choinnímid ach an t-iarratas féin, gan do sheoladh, agus cód aontreo de, ionas nach gcuirfimid isteach arís thú trí dhearmad. Ní choinnímid aon chóip den teachtaireacht seo.
mail-extended-subject = { $organisation }: tuilleadh ama le haghaidh d’iarratais
mail-extended-body =
    Tá tuilleadh ama de dhíth orainn le haghaidh d’iarratais dar dáta { $received } ({ $right }). Gheobhaidh tú freagra faoi { $until } ar a dhéanaí. Cúis:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: tá do shonraí réidh
mail-export-body =
    Tá an chóip de do { -personal-data(mut: "len") } a d’iarr tú ar { $organisation } réidh. Íoslódáil í (comhad ZIP) go dtí { $until } leis an nasc pearsanta seo:

    { $link }

    Ná comhroinn an nasc seo: is féidir le duine ar bith a bhfuil sé aige do shonraí a íoslódáil.
export-readme =
    Do { -personal-data(mut: "len") }, mar atá siad i seilbh na heagraíochta a ainmnítear in subject.json.

    subject.json: gach rud, san fhormáid consentry-subject-export/1: an t-iarratas, agus do gach taifead ina bhfuil do sheoladh, a réimsí, a stair maidir le bunús dlí agus stádas { -consent(mut: "gen") }, gach cinneadh maidir le { -consent } mar aon le leagan na foirme agus SHA-256 an téacs a léigh tú, agus d’iarratais.

    records.csv: na taifid, ceann in aghaidh an líne (UTF-8, scartha le camóga).

    consent_events.csv: gach cinneadh maidir le { -consent }, ceann in aghaidh an líne: freagraí ar an leathanach toilithe, agus { -consent } a tugadh in áit eile agus a taifeadadh anseo (recorded_through api nó manual), mar aon le cathain (at), conas (obtained_through) agus do na bealaí ar thug tú é, agus an fhianaise a tugadh ina leith. Is é recorded_at an tráth a taifeadadh anseo é.

    Sna comhaid CSV, cuirtear ' roimh luach a thosaíonn le = + - @, táb nó aisfhilleadh carráiste, ionas go dtaispeánfaidh scarbhileog é mar théacs in ionad é a rith mar fhoirmle.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: dearbhaigh do chlárú
mail-signup-body =
    Chláraigh tú (nó duine éigin a d’úsáid do sheoladh) le haghaidh “{ $title }” ag { $organisation }. Dearbhaigh é leis an nasc seo:

    { $link }

    Coinneoimid do chlárú (d’ainm, do sheoladh ríomhphoist agus do roghanna) go dtí { $until }; mura ndearbhaítear é, scriosfar ansin é. Nárbh tusa a bhí ann? Más ea, déan neamhaird den teachtaireacht seo.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Iarraidh ar thoiliú
mail-consent-subject = { $organisation }: do roghanna príobháideachta
mail-consent-body =
    A { $name }, a chara,

    Tá { $organisation } ag iarraidh do { -consent(mut: "len") }. Oscail an nasc pearsanta seo chun a fheiceáil cad chuige agus chun do rogha a dhéanamh:

    { $link }

    Oibríonn an nasc go dtí { $until }. Mura raibh tú ag súil leis an teachtaireacht seo, is féidir leat neamhaird a dhéanamh di.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: do shonraí, do chearta
mail-rights-body =
    Is féidir leat féachaint ar na { -personal-data } atá ag { $organisation } fút, iad a cheartú, iad a thabhairt leat nó iad a scriosadh, nó agóid a dhéanamh maidir le { -processing } na sonraí sin nó a iarraidh go gcuirfí srian léi, anseo:

    { $link }
