# The consent widget's own labels on the organisation's website (the banner's texts are the
# form's). Placeholders ({ $name }) must stay as they are.

widget-accept-all = Αποδοχή όλων
widget-reject-all = Απόρριψη όλων
widget-customise = Προσαρμογή
widget-save = Αποθήκευση επιλογών
widget-close = Κλείσιμο
widget-first-name = Όνομα
widget-last-name = Επώνυμο
widget-email = Διεύθυνση email
widget-check-mail = Σχεδόν τελειώσατε: επιβεβαιώστε την εγγραφή σας μέσω του συνδέσμου στο email που σας στέλνουμε.
widget-gpc-notice = Απενεργοποιημένο επειδή το πρόγραμμα περιήγησής σας στέλνει Global Privacy Control.
widget-privacy-policy = Πολιτική απορρήτου
widget-kept-until = Διατηρούμε την εγγραφή σας (το όνομά σας, τη διεύθυνση email σας και τις επιλογές σας) έως { $date }· χωρίς επιβεβαίωση, διαγράφεται τότε.
widget-placeholder = Το περιεχόμενο αυτό προέρχεται από { $source } και παραμένει αποκλεισμένο μέχρι να δώσετε { -consent } για «{ $purpose }».
widget-load-once = Φόρτωση
widget-always-allow = Να επιτρέπεται πάντα
widget-reload-hint = Ό,τι εκτελείται ήδη σταματά μόνο όταν φορτώσετε ξανά τη σελίδα.
widget-reload = Επαναφόρτωση σελίδας
widget-do-not-sell = Να μην πωλούνται ούτε να κοινοποιούνται οι προσωπικές μου πληροφορίες
widget-ok = OK
