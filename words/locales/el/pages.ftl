# What the data subject's pages show around the organisation's own texts: the hosted
# consent page, the sign-up and confirmation pages, the receipt check and the privacy centre.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.

language-name = Ελληνικά
loading = Φόρτωση…
language = Γλώσσα
expired = Αυτός ο σύνδεσμος έχει λήξει. Ζητήστε νέο από τον οργανισμό που σας τον έστειλε.
revoked = Σας στάλθηκε νεότερος σύνδεσμος για αυτή τη φόρμα, γι’ αυτό ο παρών δεν λειτουργεί πλέον. Χρησιμοποιήστε τον σύνδεσμο του πιο πρόσφατου μηνύματος ή ζητήστε νέο.
spent = Η απάντησή σας μέσω αυτού του συνδέσμου καταχωρίστηκε. Για να την αλλάξετε, ζητήστε νέο σύνδεσμο από τον οργανισμό.
unknown = Αυτός ο σύνδεσμος δεν είναι έγκυρος. Ελέγξτε ότι τον αντιγράψατε ολόκληρο.
failed = Η επιλογή σας δεν ήταν δυνατό να αποθηκευτεί. Δοκιμάστε ξανά σε λίγο.
not-found = Δεν υπάρχει σελίδα εδώ.
receipt = Κατεβάστε την υπογεγραμμένη απόδειξη της { -consent(case: "genitive-yours") }
new-link = Στείλτε μου νέο σύνδεσμο
new-link-sent = Αν ο σύνδεσμος ήταν δικός μας, ένας νέος είναι καθ’ οδόν προς τη διεύθυνση στην οποία είχε σταλεί.
verify-title = Έλεγχος απόδειξης { -consent(case: "genitive") }
verify-intro = Επικολλήστε το περιεχόμενο ενός αρχείου απόδειξης (consent-receipt.jws). Η υπογραφή του δείχνει αν είναι ακριβώς αυτό που εξέδωσε ο οργανισμός.
verify-label = Απόδειξη
verify-button = Έλεγχος
verify-valid = Έγκυρη: υπογράφηκε από { $controller }
verify-invalid = Μη έγκυρη: η απόδειξη αυτή έχει αλλοιωθεί ή δεν εκδόθηκε από αυτή την υπηρεσία.
check-receipt = Έλεγχος απόδειξης
first-name = Όνομα
last-name = Επώνυμο
email = Διεύθυνση email
optional = προαιρετικό
email-invalid = Εισαγάγετε μια διεύθυνση email, όπως name@example.org.
name-invalid = Χρησιμοποιήστε έως 200 χαρακτήρες, χωρίς αλλαγές γραμμής.
choose-required = Επιλέξτε αυτά με τα οποία συμφωνείτε· οι υποχρεωτικοί σκοποί αποτελούν μέρος της εγγραφής.
check-inbox = Σχεδόν τελειώσατε: στέλνουμε έναν σύνδεσμο στη διεύθυνση email σας. Ανοίξτε τον για να επιβεβαιώσετε την εγγραφή σας· μέχρι τότε η { -consent(case: "nominative-yours") } δεν ισχύει. Δεν λάβατε email μέσα σε λίγα λεπτά; Ελέγξτε τον φάκελο ανεπιθύμητης αλληλογραφίας ή εγγραφείτε ξανά αργότερα.
form-changed = Η φόρμα αυτή άλλαξε ενώ τη συμπληρώνατε. Φορτώστε ξανά τη σελίδα και ελέγξτε τις επιλογές σας.
too-many = Πάρα πολλές εγγραφές ταυτόχρονα. Δοκιμάστε ξανά αργότερα.
not-open = Η φόρμα αυτή δεν δέχεται εγγραφές.
confirm-title = Επιβεβαιώστε την εγγραφή σας
confirm-button = Ναι, επιβεβαιώνω την εγγραφή μου
confirmed = Σας ευχαριστούμε: η εγγραφή σας επιβεβαιώθηκε.
sign-up-expired = Αυτός ο σύνδεσμος επιβεβαίωσης έχει λήξει. Εγγραφείτε ξανά για να λάβετε νέο.
sign-up-spent = Η εγγραφή σας έχει ήδη επιβεβαιωθεί· δεν χρειάζεται να κάνετε τίποτε άλλο.
sign-up = Εγγραφή
sign-up-stored = Όταν εγγράφεστε, αποθηκεύουμε το όνομά σας, τη διεύθυνση email σας και ό,τι επιλέξατε, και σας στέλνουμε έναν σύνδεσμο για επιβεβαίωση.
kept-until = Διατηρούμε την εγγραφή σας έως { $date }· χωρίς επιβεβαίωση, διαγράφεται τότε.
whose-link = Ο σύνδεσμος αυτός στάλθηκε στη διεύθυνση { $address }.
whose-link-not-you = Δεν είναι η δική σας διεύθυνση; Τότε το μήνυμα αυτό σας προωθήθηκε: μην απαντήσετε για λογαριασμό άλλου.
stop-title = Διακοπή της { -processing(case: "genitive") } των δεδομένων σας;
stop-meaning = Ο οργανισμός θα σταματήσει να χρησιμοποιεί τα δεδομένα σας: δεν θα σας στέλνονται πλέον email, και τα δεδομένα σας δεν χρησιμοποιούνται, δεν κοινοποιούνται και δεν εξάγονται όσο η { -processing } είναι σε διακοπή. Η { -consent(case: "nominative-yours") } για κάθε σκοπό ανακαλείται. Τα δεδομένα σας διατηρούνται, δεν διαγράφονται· για να διαγραφούν, ασκήστε το { -right-to-erasure(form: "yours") }.
stop-confirm = Ναι, διακόψτε την επεξεργασία των δεδομένων μου
cancel = Ακύρωση
recorded-stop = Καταχωρίστηκε: ζητήσατε τη διακοπή της { -processing(case: "genitive") } των δεδομένων σας. Η { -consent(case: "nominative-yours") } για κάθε σκοπό ανακλήθηκε.
recorded-granted = Καταχωρίστηκε: η { -consent(case: "nominative-yours") } για { $purposes }.
recorded-nothing = Καταχωρίστηκε: δεν δώσατε { -consent } για κανέναν σκοπό.
granted = Παροχή συγκατάθεσης
refused = Άρνηση συγκατάθεσης
withdrawn = Ανάκληση συγκατάθεσης
form-version = έκδοση φόρμας
untranslated = Μέρος αυτής της φόρμας δεν έχει ακόμη μεταφραστεί στη γλώσσα σας· το μέρος αυτό εμφανίζεται στη γλώσσα στην οποία το έγραψε ο οργανισμός.

## The privacy centre

privacy-failed = Κάτι πήγε στραβά. Δοκιμάστε ξανά σε λίγο.
privacy-not-found = Δεν υπάρχει κέντρο απορρήτου εδώ.
privacy-title = Κέντρο απορρήτου
privacy-intro = Ασκήστε τα δικαιώματά σας βάσει του { -gdpr } προς { $organisation }, τον { -controller(case: "accusative") } των { -personal-data(case: "genitive") } σας.
privacy-what-to-do = Τι θέλετε να κάνετε;
privacy-email = Η διεύθυνση email σας
privacy-email-hint = Στέλνουμε έναν κωδικό σε αυτή τη διεύθυνση για να βεβαιωθούμε ότι είναι δική σας. Με βάση αυτήν βρίσκουμε τα δεδομένα σας.
privacy-details = Κάτι να προσθέσετε (προαιρετικό)
privacy-what-is-wrong = Τι είναι λάθος και πώς θα έπρεπε να είναι;
privacy-details-needed = Περιγράψτε τι είναι λάθος (έως 2.000 χαρακτήρες).
privacy-send-code = Στείλτε μου κωδικό
privacy-too-many = Πάρα πολλά αιτήματα ταυτόχρονα. Δοκιμάστε ξανά αργότερα.
privacy-code-sent = Στέλνουμε έναν εξαψήφιο κωδικό στη διεύθυνση που εισαγάγατε. Ισχύει για 15 λεπτά· δεν λάβατε email μέσα σε λίγα λεπτά; Ελέγξτε τον φάκελο ανεπιθύμητης αλληλογραφίας ή ζητήστε τον ξανά.
privacy-code = Κωδικός από το email
privacy-confirm = Επιβεβαίωση του αιτήματός μου
privacy-wrong-code = Ο κωδικός αυτός δεν είναι σωστός. Ελέγξτε το email και δοκιμάστε ξανά.
privacy-code-expired = Ο κωδικός αυτός έχει λήξει. Φορτώστε ξανά τη σελίδα για να ξεκινήσετε από την αρχή.
privacy-code-locked = Πάρα πολλοί λανθασμένοι κωδικοί. Φορτώστε ξανά τη σελίδα για να ξεκινήσετε από την αρχή.
privacy-code-used = Το αίτημα αυτό έχει ήδη υποβληθεί.
privacy-filed = Το αίτημά σας υποβλήθηκε. Θα λάβετε απάντηση το αργότερο έως { $date }.
privacy-complaint = Αν θεωρείτε ότι ο χειρισμός των δεδομένων σας είναι εσφαλμένος, έχετε επίσης το δικαίωμα να { -lodge-complaint } και το δικαίωμα { -judicial-remedy(case: "genitive") }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Προβολή των δεδομένων μου
right-access-meaning = Αντίγραφο όλων των { -personal-data(case: "genitive") } που διατηρεί ο οργανισμός για εσάς, μαζί με το για ποιον σκοπό χρησιμοποιούνται και από πού προέρχονται.
right-access-law = Το { -right-of-access(form: "yours") } (άρθρο 15 { -gdpr })
right-rectification-title = Διόρθωση των δεδομένων μου
right-rectification-meaning = Κάτι που σας αφορά είναι λάθος ή ελλιπές: πείτε μας πώς θα έπρεπε να είναι.
right-rectification-law = Το { -right-to-rectification(form: "yours") } (άρθρο 16 { -gdpr })
right-portability-title = Μεταφορά των δεδομένων μου αλλού
right-portability-meaning = Τα δεδομένα που δώσατε, σε αρχείο που μπορεί να διαβάσει άλλη υπηρεσία.
right-portability-law = Το { -right-to-portability(form: "yours") } (άρθρο 20 { -gdpr })
right-erasure-title = Διαγραφή των δεδομένων μου
right-erasure-meaning = Τα { -personal-data } σας διαγράφονται, εκτός αν ο νόμος απαιτεί να διατηρηθούν.
right-erasure-law = Το { -right-to-erasure(form: "yours") } (άρθρο 17 { -gdpr })
right-restriction-title = Διακοπή της επεξεργασίας των δεδομένων μου
right-restriction-meaning = Τα δεδομένα σας διατηρούνται, αλλά δεν χρησιμοποιούνται, δεν κοινοποιούνται και δεν σας στέλνονται μηνύματα όσο διευθετείται το ζήτημα.
right-restriction-law = Το { -right-to-restriction(form: "yours") } (άρθρο 18 { -gdpr })
right-object-title = Εναντίωση στην επεξεργασία
right-object-meaning = Διαφωνείτε με τον τρόπο που χρησιμοποιούνται τα δεδομένα σας, για παράδειγμα για απευθείας εμπορική προώθηση.
right-object-law = Το { -right-to-object(form: "yours") } (άρθρο 21 { -gdpr })
