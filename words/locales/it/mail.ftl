# Ogni e-mail che Consentry invia a un interessato, e il file «leggimi» della sua esportazione dei dati.
# I segnaposto ({ $name }) restano invariati; i termini ({ -name }) vengono da glossary.ftl.
# All'interno di un messaggio, una riga vuota è una riga vuota dell'e-mail.

mail-hello = Buongiorno,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (art. 15 del { -gdpr })
mail-right-rectification = { -right-to-rectification } (art. 16 del { -gdpr })
mail-right-portability = { -right-to-portability } (art. 20 del { -gdpr })
mail-right-erasure = { -right-to-erasure } (art. 17 del { -gdpr })
mail-right-restriction = { -right-to-restriction } (art. 18 del { -gdpr })
mail-right-object = { -right-to-object } (art. 21 del { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation }: il suo codice di conferma
mail-code-body =
    Ha chiesto a { $organisation } di dare seguito alla sua richiesta: { $right }. Inserisca questo codice nella pagina del centro privacy per confermare che questo indirizzo è suo:

        { $code }

    Il codice è valido per { $minutes } minuti. Non ha fatto questa richiesta? Allora ignori questo messaggio.

## What became of a request

mail-refused-subject = { $organisation }: la sua richiesta è stata respinta
mail-refused-body =
    La sua richiesta del { $received } ({ $right }) è stata respinta. Motivo:

    { $reason }
mail-complaint = Ha il diritto di { -lodge-complaint } e il diritto a { -judicial-remedy }.
mail-complaint-authority = L'{ -supervisory-authority } del luogo di stabilimento di { $organisation } è { $authority }: { $website }
mail-done-subject = { $organisation }: la sua richiesta è stata evasa
mail-done-body = La sua richiesta del { $received } ({ $right }) è stata eseguita.
mail-erased = Abbiamo cancellato i suoi { -personal-data }. Conserviamo solo la richiesta stessa, senza il suo indirizzo, e un codice unidirezionale del suo indirizzo, per non aggiungerla di nuovo per errore. Non conserviamo alcuna copia di questo messaggio.
mail-extended-subject = { $organisation }: più tempo per la sua richiesta
mail-extended-body =
    Ci serve più tempo per la sua richiesta del { $received } ({ $right }). Riceverà una risposta entro il { $until }. Motivo:

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation }: i suoi dati sono pronti
mail-export-body =
    La copia dei suoi { -personal-data } che ha chiesto a { $organisation } è pronta. La scarichi (un file ZIP) entro il { $until } tramite questo link personale:

    { $link }

    Non condivida questo link: chiunque lo possieda può scaricare i suoi dati.
export-readme =
    I suoi { -personal-data }, così come li detiene l'organizzazione indicata in subject.json.

    subject.json: tutto, nel formato consentry-subject-export/1: la richiesta e, per ogni record che contiene il suo indirizzo, i suoi campi, la cronologia delle sue basi giuridiche e degli stati del { -consent }, ogni decisione sul { -consent } con la versione del modulo e lo SHA-256 del testo che ha letto, e le sue richieste.

    records.csv: i record, uno per riga (UTF-8, separati da virgole).

    consent_events.csv: ogni decisione sul { -consent }, una per riga: le risposte sulla pagina di consenso, e il { -consent } prestato altrove e registrato qui (recorded_through api o manual), con quando (at), come (obtained_through) e per quali canali lo ha prestato, e la prova fornita a sostegno. recorded_at indica quando è stato registrato qui.

    Nei file CSV, un valore che inizia con = + - @, una tabulazione o un ritorno a capo è preceduto da un ', affinché un foglio di calcolo lo mostri come testo invece di eseguirlo come formula.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation }: confermi la sua iscrizione
mail-signup-body =
    Lei (o qualcuno che usa il suo indirizzo) ha effettuato un'iscrizione a «{ $title }» presso { $organisation }. Confermi l'iscrizione con questo link:

    { $link }

    Conserviamo la sua iscrizione (il suo nome, il suo indirizzo e-mail e le sue scelte) fino al { $until }; senza conferma, a quella data viene cancellata. Non ha effettuato lei l'iscrizione? Allora ignori questo messaggio.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Richiesta di consenso
mail-consent-subject = { $organisation }: le sue scelte sulla privacy
mail-consent-body =
    Gentile { $name },

    { $organisation } chiede il suo { -consent }. Apra questo link personale per vedere per che cosa e per scegliere:

    { $link }

    Il link è valido fino al { $until }. Se non si aspettava questo messaggio, può ignorarlo.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation }: i suoi dati, i suoi diritti
mail-rights-body =
    Può vedere, correggere, portare altrove o cancellare i { -personal-data } che { $organisation } detiene su di lei, oppure opporsi al loro { -processing } o chiederne la limitazione, qui:

    { $link }
