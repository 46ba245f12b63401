# Every e-mail Consentry sends to a data subject, and the read-me of their data export.
# Placeholders ({ $name }) must stay as they are; terms ({ -name }) come from glossary.ftl.
# Inside a message, a blank line is a blank line of the e-mail.

mail-hello = Χαίρετε,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (άρθρο 15 { -gdpr })
mail-right-rectification = { -right-to-rectification } (άρθρο 16 { -gdpr })
mail-right-portability = { -right-to-portability } (άρθρο 20 { -gdpr })
mail-right-erasure = { -right-to-erasure } (άρθρο 17 { -gdpr })
mail-right-restriction = { -right-to-restriction } (άρθρο 18 { -gdpr })
mail-right-object = { -right-to-object } (άρθρο 21 { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: ο κωδικός επιβεβαίωσής σας
mail-code-body =
    Ζητήσατε από τον οργανισμό { $organisation } να ενεργήσει για το αίτημά σας: { $right }. Εισαγάγετε αυτόν τον κωδικό στη σελίδα του κέντρου απορρήτου για να επιβεβαιώσετε ότι η διεύθυνση αυτή είναι δική σας:

        { $code }

    Ο κωδικός ισχύει για { $minutes } λεπτά. Δεν το ζητήσατε εσείς; Τότε αγνοήστε αυτό το μήνυμα.

## What became of a request

mail-refused-subject = { $organisation }: το αίτημά σας απορρίφθηκε
mail-refused-body =
    Το αίτημά σας με ημερομηνία { $received } ({ $right }) απορρίφθηκε. Αιτιολογία:

    { $reason }
mail-complaint = Έχετε το δικαίωμα να { -lodge-complaint } και το δικαίωμα { -judicial-remedy(case: "genitive") }.
mail-complaint-authority = Η { -supervisory-authority } του τόπου όπου είναι εγκατεστημένος ο οργανισμός { $organisation } είναι { $authority }: { $website }
mail-done-subject = { $organisation }: το αίτημά σας διεκπεραιώθηκε
mail-done-body = Το αίτημά σας με ημερομηνία { $received } ({ $right }) εκτελέστηκε.
mail-erased = Διαγράψαμε τα { -personal-data } σας. Διατηρούμε μόνο το ίδιο το αίτημα, χωρίς τη διεύθυνσή σας, και έναν μη αναστρέψιμο κωδικό της, ώστε να μη σας προσθέσουμε ξανά κατά λάθος. Δεν κρατάμε αντίγραφο αυτού του μηνύματος.
mail-extended-subject = { $organisation }: περισσότερος χρόνος για το αίτημά σας
mail-extended-body =
    Χρειαζόμαστε περισσότερο χρόνο για το αίτημά σας με ημερομηνία { $received } ({ $right }). Θα λάβετε απάντηση το αργότερο έως { $until }. Αιτιολογία:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: τα δεδομένα σας είναι έτοιμα
mail-export-body =
    Το αντίγραφο των { -personal-data(case: "genitive") } σας που ζητήσατε από τον οργανισμό { $organisation } είναι έτοιμο. Κατεβάστε το (αρχείο ZIP) έως { $until } με αυτόν τον προσωπικό σύνδεσμο:

    { $link }

    Μην κοινοποιήσετε αυτόν τον σύνδεσμο: όποιος τον έχει μπορεί να κατεβάσει τα δεδομένα σας.
export-readme =
    Τα { -personal-data } σας, όπως τα διατηρεί ο οργανισμός που αναφέρεται στο subject.json.

    subject.json: τα πάντα, στη μορφή consentry-subject-export/1: το αίτημα και, για κάθε καταχώριση που περιέχει τη διεύθυνσή σας, τα πεδία της, το ιστορικό των νομικών βάσεων και των καταστάσεων { -consent(case: "genitive") }, κάθε απόφαση { -consent(case: "genitive") } με την έκδοση της φόρμας και το SHA-256 του κειμένου που διαβάσατε, καθώς και τα αιτήματά σας.

    records.csv: οι καταχωρίσεις, μία ανά γραμμή (UTF-8, διαχωρισμένες με κόμμα).

    consent_events.csv: κάθε απόφαση { -consent(case: "genitive") }, μία ανά γραμμή: απαντήσεις στη σελίδα συγκατάθεσης, καθώς και { -consent } που δόθηκε αλλού και καταχωρίστηκε εδώ (recorded_through api ή manual), με το πότε (at), πώς (obtained_through) και για ποια κανάλια τη δώσατε, και τα αποδεικτικά στοιχεία που δόθηκαν γι’ αυτήν. Το recorded_at είναι η στιγμή που καταχωρίστηκε εδώ.

    Στα αρχεία CSV, μια τιμή που αρχίζει με = + - @, χαρακτήρα tab ή χαρακτήρα επαναφοράς (carriage return) έχει μπροστά της ένα ', ώστε ένα υπολογιστικό φύλλο να την εμφανίζει ως κείμενο αντί να την εκτελεί ως τύπο.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: επιβεβαιώστε την εγγραφή σας
mail-signup-body =
    Με τη διεύθυνσή σας έγινε εγγραφή (από εσάς ή από κάποιον που τη χρησιμοποίησε) στο «{ $title }» του οργανισμού { $organisation }. Επιβεβαιώστε την με αυτόν τον σύνδεσμο:

    { $link }

    Διατηρούμε την εγγραφή σας (το όνομά σας, τη διεύθυνση email σας και τις επιλογές σας) έως { $until }· χωρίς επιβεβαίωση, διαγράφεται τότε. Δεν ήσασταν εσείς; Τότε αγνοήστε αυτό το μήνυμα.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Αίτημα συγκατάθεσης
mail-consent-subject = { $organisation }: οι επιλογές απορρήτου σας
mail-consent-body =
    Αγαπητέ/Αγαπητή { $name },

    Ο οργανισμός { $organisation } ζητά τη { -consent(case: "nominative-yours") }. Ανοίξτε αυτόν τον προσωπικό σύνδεσμο για να δείτε για ποιο σκοπό και να επιλέξετε:

    { $link }

    Ο σύνδεσμος ισχύει έως { $until }. Αν δεν περιμένατε αυτό το μήνυμα, μπορείτε να το αγνοήσετε.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: τα δεδομένα σας, τα δικαιώματά σας
mail-rights-body =
    Εδώ μπορείτε να δείτε, να διορθώσετε, να μεταφέρετε αλλού ή να διαγράψετε τα { -personal-data } που διατηρεί για εσάς ο οργανισμός { $organisation }, ή να αντιταχθείτε στην { -processing } τους ή να ζητήσετε τον περιορισμό της:

    { $link }
