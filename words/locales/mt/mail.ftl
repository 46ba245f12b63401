# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Bonġu,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (l-Artikolu 15 tal-{ -gdpr })
mail-right-rectification = { -right-to-rectification } (l-Artikolu 16 tal-{ -gdpr })
mail-right-portability = { -right-to-portability } (l-Artikolu 20 tal-{ -gdpr })
mail-right-erasure = { -right-to-erasure } (l-Artikolu 17 tal-{ -gdpr })
mail-right-restriction = { -right-to-restriction } (l-Artikolu 18 tal-{ -gdpr })
mail-right-object = { -right-to-object } (l-Artikolu 21 tal-{ -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: il-kodiċi ta’ konferma tiegħek
mail-code-body =
    Tlabt lil { $organisation } biex taġixxi fuq it-talba tiegħek: { $right }. Daħħal dan il-kodiċi fil-paġna taċ-ċentru tal-privatezza biex tikkonferma li dan l-indirizz huwa tiegħek:

        { $code }

    Il-kodiċi jaħdem għal { $minutes } minuti. Ma tlabtx int? Allura injora dan il-messaġġ.

## What became of a request

mail-refused-subject = { $organisation }: it-talba tiegħek ġiet miċħuda
mail-refused-body =
    It-talba tiegħek tal-{ $received } ({ $right }) ġiet miċħuda. Ir-raġuni:

    { $reason }
mail-complaint = Għandek id-dritt li { -lodge-complaint } u d-dritt għal { -judicial-remedy }.
mail-complaint-authority = L-{ -supervisory-authority } fejn { $organisation } hija stabbilita hija { $authority }: { $website }
mail-done-subject = { $organisation }: it-talba tiegħek twettqet
mail-done-body = It-talba tiegħek tal-{ $received } ({ $right }) twettqet.
mail-erased = Ħassarna d-{ -personal-data } tiegħek. Inżommu biss it-talba nnifisha, mingħajr l-indirizz tiegħek, u kodiċi f’direzzjoni waħda tiegħu, biex ma nżidukx mill-ġdid bi żball. Ma nżommu l-ebda kopja ta’ dan il-messaġġ.
mail-extended-subject = { $organisation }: aktar żmien għat-talba tiegħek
mail-extended-body =
    Għandna bżonn aktar żmien għat-talba tiegħek tal-{ $received } ({ $right }). Se tirċievi tweġiba sa mhux aktar tard minn { $until }. Ir-raġuni:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: id-data tiegħek hija lesta
mail-export-body =
    Il-kopja tad-{ -personal-data } tiegħek li tlabt lil { $organisation } hija lesta. Niżżilha (fajl ZIP) sa { $until } b’din il-ħolqa personali:

    { $link }

    Taqsamx din il-ħolqa: kull min ikollu din il-ħolqa jista’ jniżżel id-data tiegħek.
export-readme =
    Id-{ -personal-data } tiegħek, kif miżmuma mill-organizzazzjoni msemmija f’subject.json.

    subject.json: kollox, fil-format consentry-subject-export/1: it-talba, u għal kull rekord li fih l-indirizz tiegħek, il-kampi tiegħu, l-istorja tal-bażijiet legali u tal-istatus tal-{ -consent } tiegħu, kull deċiżjoni dwar il-{ -consent } bil-verżjoni tal-formola u s-SHA-256 tat-test li qrajt, u t-talbiet tiegħek.

    records.csv: ir-rekords, wieħed f’kull linja (UTF-8, separati b’virgola).

    consent_events.csv: kull deċiżjoni dwar il-{ -consent }, waħda f’kull linja: it-tweġibiet fil-paġna tal-kunsens, u l-{ -consent } mogħti x’imkien ieħor u rreġistrat hawn (recorded_through api jew manual), flimkien ma’ meta (at), kif (obtained_through) u għal liema kanali tajtu, u l-evidenza mogħtija għalih. recorded_at huwa meta ġie rreġistrat hawn.

    Fil-fajls CSV, valur li jibda b’= + - @, b’tab jew b’carriage return għandu ' quddiemu, biex spreadsheet jurih bħala test minflok ma jħaddmu bħala formula.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: ikkonferma r-reġistrazzjoni tiegħek
mail-signup-body =
    Int (jew xi ħadd li uża l-indirizz tiegħek) irreġistrajt għal “{ $title }” ma’ { $organisation }. Ikkonfermaha b’din il-ħolqa:

    { $link }

    Inżommu r-reġistrazzjoni tiegħek (ismek, l-indirizz tal-email tiegħek u l-għażliet tiegħek) sa { $until }; mingħajr konferma, titħassar dakinhar. Ma kontx int? Allura injora dan il-messaġġ.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Talba għall-kunsens
mail-consent-subject = { $organisation }: l-għażliet tal-privatezza tiegħek
mail-consent-body =
    Għażiż/Għażiża { $name },

    { $organisation } qed titlob il-{ -consent } tiegħek. Iftaħ din il-ħolqa personali biex tara għal xiex u biex tagħżel:

    { $link }

    Il-ħolqa taħdem sa { $until }. Jekk ma kontx qed tistenna dan il-messaġġ, tista’ tinjorah.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: id-data tiegħek, id-drittijiet tiegħek
mail-rights-body =
    Tista’ tara, tikkoreġi, tieħu miegħek jew tħassar id-{ -personal-data } li { $organisation } għandha dwarek, jew toġġezzjona għall-{ -processing } tagħha jew titlob li jiġi ristrett, hawnhekk:

    { $link }
