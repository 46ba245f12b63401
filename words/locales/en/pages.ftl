# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = English
loading = Loading…
language = Language
expired = This link has expired. Ask the organisation that sent it for a new one.
revoked = A newer link was sent to you for this form, so this one no longer works. Use the link in the newest message, or ask for a new one.
spent = Your answer through this link was recorded. To change it, ask the organisation for a new link.
unknown = This link is not valid. Check that you copied it completely.
failed = Your choice could not be saved. Try again in a moment.
not-found = There is no page here.
receipt = Download your signed { -consent } receipt
new-link = Send me a new link
new-link-sent = If this link was ours, a new one is on its way to the address it was sent to.
verify-title = Check a { -consent } receipt
verify-intro = Paste the contents of a receipt file (consent-receipt.jws). Its signature shows whether it is exactly what the organisation issued.
verify-label = Receipt
verify-button = Check
verify-valid = Valid: signed by { $controller }
verify-invalid = Not valid: this receipt was altered, or was not issued by this service.
check-receipt = Check a receipt
first-name = First name
last-name = Last name
email = E-mail address
optional = optional
email-invalid = Enter an e-mail address such as name@example.org.
name-invalid = Use at most 200 characters, without line breaks.
choose-required = Tick what you agree to; the required purposes are part of signing up.
check-inbox = Almost done: we are sending a link to your e-mail address. Open it to confirm your sign-up; until then your { -consent } does not count. No mail within a few minutes? Check your spam folder, or sign up again later.
form-changed = This form was changed while you filled it in. Reload the page and check your choices.
too-many = Too many sign-ups at once. Try again later.
not-open = This form does not take sign-ups.
confirm-title = Confirm your sign-up
confirm-button = Yes, confirm my sign-up
confirmed = Thank you: your sign-up is confirmed.
sign-up-expired = This confirmation link has expired. Sign up again to get a new one.
sign-up-spent = Your sign-up is confirmed already; nothing more to do.
sign-up = Sign up
sign-up-stored = When you sign up, we store your name, your e-mail address and what you ticked, and send you a link to confirm.
kept-until = We keep your sign-up until { $date }; without confirmation it is deleted then.
whose-link = This link was sent to { $address }.
whose-link-not-you = Not your address? Then this mail was forwarded to you: do not answer for someone else.
stop-title = Stop the { -processing } of your data?
stop-meaning = The organisation will stop using your data: no more e-mails, and your data is not used, shared or exported while { -processing } is stopped. Your { -consent } for every purpose is withdrawn. Your data is kept, not deleted; to have it deleted, use your { -right-to-erasure }.
stop-confirm = Yes, stop the processing of my data
cancel = Cancel
recorded-stop = Recorded: you asked to stop the { -processing } of your data. Your { -consent } for every purpose is withdrawn.
recorded-granted = Recorded: your { -consent } for { $purposes }.
recorded-nothing = Recorded: you gave { -consent } for no purpose.
granted = Consent given
refused = Consent refused
withdrawn = Consent withdrawn
form-version = form version
untranslated = Part of this form is not yet translated into your language; that part is shown in the language the organisation wrote it in.

## The privacy centre

privacy-failed = Something went wrong. Try again in a moment.
privacy-not-found = There is no privacy centre here.
privacy-title = Privacy centre
privacy-intro = Exercise your rights under the { -gdpr } with { $organisation }, the { -controller } of your { -personal-data }.
privacy-what-to-do = What would you like to do?
privacy-email = Your e-mail address
privacy-email-hint = We send a code to this address to make sure it is yours. We find your data by it.
privacy-details = Anything to add (optional)
privacy-what-is-wrong = What is wrong, and what should it be?
privacy-details-needed = Say what is wrong (at most 2,000 characters).
privacy-send-code = Send me a code
privacy-too-many = Too many requests at once. Try again later.
privacy-code-sent = We are sending a six-digit code to the address you entered. It works for 15 minutes; no mail within a few minutes? Check your spam folder, or ask again.
privacy-code = Code from the e-mail
privacy-confirm = Confirm my request
privacy-wrong-code = That code is not right. Check the e-mail and try again.
privacy-code-expired = This code has expired. Reload the page to start again.
privacy-code-locked = Too many wrong codes. Reload the page to start again.
privacy-code-used = This request is filed already.
privacy-filed = Your request is filed. You will have an answer by { $date } at the latest.
privacy-complaint = If you think your data is handled wrongly, you also have the right to { -lodge-complaint } and to { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = See my data
right-access-meaning = A copy of all { -personal-data } the organisation holds about you, with what it is used for and where it came from.
right-access-law = Your { -right-of-access } (Article 15 { -gdpr })
right-rectification-title = Correct my data
right-rectification-meaning = Something about you is wrong or incomplete: say what it should be.
right-rectification-law = Your { -right-to-rectification } (Article 16 { -gdpr })
right-portability-title = Take my data elsewhere
right-portability-meaning = The data you gave, in a file another service can read.
right-portability-law = Your { -right-to-portability } (Article 20 { -gdpr })
right-erasure-title = Erase my data
right-erasure-meaning = Your { -personal-data } is deleted, unless the law requires it to be kept.
right-erasure-law = Your { -right-to-erasure } (Article 17 { -gdpr })
right-restriction-title = Stop processing my data
right-restriction-meaning = Your data is kept but not used, shared or mailed to while the matter is settled.
right-restriction-law = Your { -right-to-restriction } (Article 18 { -gdpr })
right-object-title = Object to processing
right-object-meaning = You disagree with how your data is used, for example for direct marketing.
right-object-law = Your { -right-to-object } (Article 21 { -gdpr })
