# Le etichette proprie del widget di consenso sul sito web dell'organizzazione (i testi del banner
# sono quelli del modulo). I segnaposto ({ $name }) restano invariati.

widget-accept-all = Accettare tutto
widget-reject-all = Rifiutare tutto
widget-customise = Personalizzare
widget-save = Salvare le scelte
widget-close = Chiudere
widget-first-name = Nome
widget-last-name = Cognome
widget-email = Indirizzo e-mail
widget-check-mail = Ci siamo quasi: confermi la sua iscrizione tramite il link contenuto nell'e-mail che le stiamo inviando.
widget-gpc-notice = Disattivato perché il suo browser invia Global Privacy Control.
widget-privacy-policy = Informativa sulla privacy
widget-kept-until = Conserviamo la sua iscrizione (il suo nome, il suo indirizzo e-mail e le sue scelte) fino al { $date }; senza conferma, a quella data viene cancellata.
widget-placeholder = Questo contenuto proviene da { $source } e resta bloccato finché non presta il suo { -consent } a «{ $purpose }».
widget-load-once = Caricare una volta
widget-always-allow = Consentire sempre
widget-reload-hint = Ciò che è già in esecuzione si interrompe solo quando ricarica la pagina.
widget-reload = Ricaricare la pagina
widget-do-not-sell = Non vendere né condividere le mie informazioni personali
widget-ok = OK
