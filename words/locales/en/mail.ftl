# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Hello,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (Article 15 { -gdpr })
mail-right-rectification = { -right-to-rectification } (Article 16 { -gdpr })
mail-right-portability = { -right-to-portability } (Article 20 { -gdpr })
mail-right-erasure = { -right-to-erasure } (Article 17 { -gdpr })
mail-right-restriction = { -right-to-restriction } (Article 18 { -gdpr })
mail-right-object = { -right-to-object } (Article 21 { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: your confirmation code
mail-code-body =
    You asked { $organisation } to act on your request: { $right }. Enter this code on the privacy centre page to confirm this address is yours:

        { $code }

    The code works for { $minutes } minutes. Did you not ask? Then ignore this message.

## What became of a request

mail-refused-subject = { $organisation }: your request was refused
mail-refused-body =
    Your request of { $received } ({ $right }) was refused. Reason:

    { $reason }
mail-complaint = You have the right to { -lodge-complaint } and to { -judicial-remedy }.
mail-complaint-authority = The { -supervisory-authority } where { $organisation } is established is { $authority }: { $website }
mail-done-subject = { $organisation }: your request is done
mail-done-body = Your request of { $received } ({ $right }) has been carried out.
mail-erased = We erased your { -personal-data }. We keep only the request itself, without your address, and a one-way code of it so that we do not add you again by mistake. We keep no copy of this message.
mail-extended-subject = { $organisation }: more time for your request
mail-extended-body =
    We need more time for your request of { $received } ({ $right }). You will have an answer by { $until } at the latest. Reason:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: your data is ready
mail-export-body =
    The copy of your { -personal-data } you asked { $organisation } for is ready. Download it (a ZIP file) until { $until } with this personal link:

    { $link }

    Do not share this link: anyone who has it can download your data.
export-readme =
    Your { -personal-data }, as held by the organisation named in subject.json.

    subject.json: everything, in the format consentry-subject-export/1: the request, and for every record that holds your address its fields, its history of legal bases and { -consent } statuses, every { -consent } decision with the form version and the SHA-256 of the text you read, and your requests.

    records.csv: the records, one per line (UTF-8, comma-separated).

    consent_events.csv: every { -consent } decision, one per line: answers on the consent page, and { -consent } given elsewhere and recorded here (recorded_through api or manual), with when (at), how (obtained_through) and to which channels you gave it, and the evidence given for it. recorded_at is when it was recorded here.

    In the CSV files a value that begins with = + - @, a tab or a carriage return has a ' in front, so that a spreadsheet shows it as text instead of running it as a formula.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: confirm your sign-up
mail-signup-body =
    You (or someone using your address) signed up for “{ $title }” at { $organisation }. Confirm it with this link:

    { $link }

    We keep your sign-up (your name, e-mail address and choices) until { $until }; without confirmation it is deleted then. Was it not you? Then ignore this message.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Consent request
mail-consent-subject = { $organisation }: your privacy choices
mail-consent-body =
    Dear { $name },

    { $organisation } asks for your { -consent }. Open this personal link to see what for and to choose:

    { $link }

    The link works until { $until }. If you did not expect this message, you can ignore it.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: your data, your rights
mail-rights-body =
    You can see, correct, take along or erase the { -personal-data } { $organisation } holds about you, or object to its { -processing } or have it restricted, here:

    { $link }
