# Οι όροι του ίδιου του ΓΚΠΔ, όπως τους διατυπώνει το επίσημο ελληνικό κείμενο
# (Κανονισμός (ΕΕ) 2016/679). A term may have variants chosen by a parameter:
#   case: nominative / genitive / accusative, and "-yours" forms that carry the
#   enclitic «σας» (with the extra accent Greek spelling needs, e.g. συγκατάθεσή σας).
#   form: plain / yours for the names of the rights.

-gdpr = ΓΚΠΔ
-personal-data = { $case ->
   *[nominative] δεδομένα προσωπικού χαρακτήρα
    [genitive] δεδομένων προσωπικού χαρακτήρα
 }
-data-subject = υποκείμενο των δεδομένων
-processing = { $case ->
   *[nominative] επεξεργασία
    [genitive] επεξεργασίας
 }
-consent = { $case ->
   *[nominative] συγκατάθεση
    [genitive] συγκατάθεσης
    [nominative-yours] συγκατάθεσή σας
    [genitive-yours] συγκατάθεσής σας
 }
-withdraw-consent = ανακαλέσετε τη συγκατάθεσή σας
-controller = { $case ->
   *[nominative] υπεύθυνος επεξεργασίας
    [genitive] υπευθύνου επεξεργασίας
    [accusative] υπεύθυνο επεξεργασίας
 }
-supervisory-authority = { $case ->
   *[nominative] εποπτική αρχή
    [genitive] εποπτικής αρχής
 }
-legal-basis = νομική βάση
-right-of-access = { $form ->
   *[plain] δικαίωμα πρόσβασης
    [yours] δικαίωμα πρόσβασής σας
 }
-right-to-rectification = { $form ->
   *[plain] δικαίωμα διόρθωσης
    [yours] δικαίωμα διόρθωσής σας
 }
-right-to-erasure = { $form ->
   *[plain] δικαίωμα διαγραφής
    [yours] δικαίωμα διαγραφής σας
 }
-right-to-restriction = { $form ->
   *[plain] δικαίωμα περιορισμού της επεξεργασίας
    [yours] δικαίωμα περιορισμού της επεξεργασίας σας
 }
-right-to-portability = { $form ->
   *[plain] δικαίωμα στη φορητότητα των δεδομένων
    [yours] δικαίωμα στη φορητότητα των δεδομένων σας
 }
-right-to-object = { $form ->
   *[plain] δικαίωμα εναντίωσης
    [yours] δικαίωμα εναντίωσής σας
 }
-lodge-complaint = υποβάλετε καταγγελία σε εποπτική αρχή
-judicial-remedy = { $case ->
   *[nominative] πραγματική δικαστική προσφυγή
    [genitive] πραγματικής δικαστικής προσφυγής
 }
