# Ciò che le pagine dell'interessato mostrano attorno ai testi propri dell'organizzazione: la pagina
# di consenso, le pagine di iscrizione e di conferma, la verifica delle ricevute e il centro privacy.
# I segnaposto ({ $name }) restano invariati; i termini ({ -name }) vengono da glossary.ftl.

language-name = italiano
loading = Caricamento…
language = Lingua
expired = Questo link è scaduto. Ne chieda uno nuovo all'organizzazione che lo ha inviato.
revoked = Le è stato inviato un link più recente per questo modulo, quindi questo non funziona più. Usi il link del messaggio più recente oppure ne chieda uno nuovo.
spent = La sua risposta tramite questo link è stata registrata. Per modificarla, chieda un nuovo link all'organizzazione.
unknown = Questo link non è valido. Verifichi di averlo copiato per intero.
failed = Non è stato possibile salvare la sua scelta. Riprovi tra un momento.
not-found = Qui non c'è nessuna pagina.
receipt = Scaricare la ricevuta firmata del suo { -consent }
new-link = Ricevere un nuovo link
new-link-sent = Se questo link era nostro, un nuovo link è in arrivo all'indirizzo a cui era stato inviato.
verify-title = Verifica di una ricevuta di { -consent }
verify-intro = Incolli il contenuto di un file di ricevuta (consent-receipt.jws). La firma contenuta nel file indica se corrisponde esattamente a quanto emesso dall'organizzazione.
verify-label = Ricevuta
verify-button = Verificare
verify-valid = Valida: firmata da { $controller }
verify-invalid = Non valida: questa ricevuta è stata modificata oppure non è stata emessa da questo servizio.
check-receipt = Verifica di una ricevuta
first-name = Nome
last-name = Cognome
email = Indirizzo e-mail
optional = facoltativo
email-invalid = Inserisca un indirizzo e-mail come name@example.org.
name-invalid = Usi al massimo 200 caratteri, senza a capo.
choose-required = Spunti ciò a cui acconsente; le finalità obbligatorie fanno parte dell'iscrizione.
check-inbox = Ci siamo quasi: stiamo inviando un link al suo indirizzo e-mail. Lo apra per confermare la sua iscrizione; fino ad allora il suo { -consent } non viene preso in considerazione. Nessuna e-mail dopo qualche minuto? Controlli la cartella della posta indesiderata oppure si iscriva di nuovo più tardi.
form-changed = Questo modulo è stato modificato mentre lo compilava. Ricarichi la pagina e controlli le sue scelte.
too-many = Troppe iscrizioni contemporaneamente. Riprovi più tardi.
not-open = Questo modulo non accetta iscrizioni.
confirm-title = Confermi la sua iscrizione
confirm-button = Sì, confermo la mia iscrizione
confirmed = Grazie: la sua iscrizione è confermata.
sign-up-expired = Questo link di conferma è scaduto. Si iscriva di nuovo per riceverne uno nuovo.
sign-up-spent = La sua iscrizione è già confermata; non deve fare altro.
sign-up = Iscriversi
sign-up-stored = Quando si iscrive, memorizziamo il suo nome, il suo indirizzo e-mail e ciò che ha spuntato, e le inviamo un link per la conferma.
kept-until = Conserviamo la sua iscrizione fino al { $date }; senza conferma, a quella data viene cancellata.
whose-link = Questo link è stato inviato a { $address }.
whose-link-not-you = Non è il suo indirizzo? Allora questa e-mail le è stata inoltrata: non risponda al posto di qualcun altro.
stop-title = Interrompere il { -processing } dei suoi dati?
stop-meaning = L'organizzazione smetterà di usare i suoi dati: niente più e-mail, e i suoi dati non vengono usati, condivisi né esportati finché il { -processing } è interrotto. Il suo { -consent } per ogni finalità viene revocato. I suoi dati vengono conservati, non cancellati; per farli cancellare, eserciti il suo { -right-to-erasure }.
stop-confirm = Sì, interrompere il trattamento dei miei dati
cancel = Annullare
recorded-stop = Registrato: ha chiesto di interrompere il { -processing } dei suoi dati. Il suo { -consent } per ogni finalità è revocato.
recorded-granted = Registrato: il suo { -consent } per { $purposes }.
recorded-nothing = Registrato: non ha prestato il suo { -consent } per nessuna finalità.
granted = Consenso prestato
refused = Consenso negato
withdrawn = Consenso revocato
form-version = versione del modulo
untranslated = Una parte di questo modulo non è ancora tradotta nella sua lingua; quella parte è mostrata nella lingua in cui l'ha scritta l'organizzazione.

## The privacy centre

privacy-failed = Si è verificato un errore. Riprovi tra un momento.
privacy-not-found = Qui non c'è nessun centro privacy.
privacy-title = Centro privacy
privacy-intro = Eserciti i suoi diritti ai sensi del { -gdpr } nei confronti di { $organisation }, { -controller } dei suoi { -personal-data }.
privacy-what-to-do = Che cosa desidera fare?
privacy-email = Il suo indirizzo e-mail
privacy-email-hint = Inviamo un codice a questo indirizzo per accertarci che sia suo. Tramite questo indirizzo troviamo i suoi dati.
privacy-details = Altro da aggiungere (facoltativo)
privacy-what-is-wrong = Che cosa è errato, e come dovrebbe essere?
privacy-details-needed = Indichi che cosa è errato (al massimo 2.000 caratteri).
privacy-send-code = Ricevere un codice
privacy-too-many = Troppe richieste contemporaneamente. Riprovi più tardi.
privacy-code-sent = Stiamo inviando un codice di sei cifre all'indirizzo che ha inserito. È valido per 15 minuti; nessuna e-mail dopo qualche minuto? Controlli la cartella della posta indesiderata oppure lo richieda di nuovo.
privacy-code = Codice ricevuto per e-mail
privacy-confirm = Confermare la mia richiesta
privacy-wrong-code = Il codice non è corretto. Controlli l'e-mail e riprovi.
privacy-code-expired = Questo codice è scaduto. Ricarichi la pagina per ricominciare.
privacy-code-locked = Troppi codici errati. Ricarichi la pagina per ricominciare.
privacy-code-used = Questa richiesta è già stata presentata.
privacy-filed = La sua richiesta è stata presentata. Riceverà una risposta entro il { $date }.
privacy-complaint = Se ritiene che i suoi dati siano trattati in modo scorretto, ha anche il diritto di { -lodge-complaint } e il diritto a { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Vedere i miei dati
right-access-meaning = Una copia di tutti i { -personal-data } che la riguardano detenuti dall'organizzazione, con le finalità per cui sono usati e la loro provenienza.
right-access-law = Il suo { -right-of-access } (art. 15 del { -gdpr })
right-rectification-title = Correggere i miei dati
right-rectification-meaning = Un dato che la riguarda è errato o incompleto: indichi come dovrebbe essere.
right-rectification-law = Il suo { -right-to-rectification } (art. 16 del { -gdpr })
right-portability-title = Portare i miei dati altrove
right-portability-meaning = I dati che ha fornito, in un file leggibile da un altro servizio.
right-portability-law = Il suo { -right-to-portability } (art. 20 del { -gdpr })
right-erasure-title = Cancellare i miei dati
right-erasure-meaning = I suoi { -personal-data } vengono cancellati, a meno che la legge non ne imponga la conservazione.
right-erasure-law = Il suo { -right-to-erasure } (art. 17 del { -gdpr })
right-restriction-title = Interrompere il trattamento dei miei dati
right-restriction-meaning = I suoi dati vengono conservati, ma non vengono usati né condivisi e non le vengono inviate e-mail, finché la questione non è risolta.
right-restriction-law = Il suo { -right-to-restriction } (art. 18 del { -gdpr })
right-object-title = Opporsi al trattamento
right-object-meaning = Non è d'accordo con il modo in cui i suoi dati vengono usati, per esempio per finalità di marketing diretto.
right-object-law = Il suo { -right-to-object } (art. 21 del { -gdpr })
