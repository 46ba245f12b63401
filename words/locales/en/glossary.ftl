# The GDPR's own terms, as its official English text words them. Every catalogue of this
# language uses these terms (a translation must reference the same terms as English).
# A term may have variants chosen by a parameter (for example grammatical case):
#   -consent = { $case -> *[nominative] ... [genitive] ... }
# and be used as { -consent(case: "genitive") }.

-gdpr = GDPR
-personal-data = personal data
-data-subject = data subject
-processing = processing
-consent = consent
-withdraw-consent = withdraw your consent
-controller = controller
-supervisory-authority = supervisory authority
-legal-basis = legal basis
-right-of-access = right of access
-right-to-rectification = right to rectification
-right-to-erasure = right to erasure
-right-to-restriction = right to restriction of processing
-right-to-portability = right to data portability
-right-to-object = right to object
-lodge-complaint = lodge a complaint with a supervisory authority
-judicial-remedy = an effective judicial remedy
