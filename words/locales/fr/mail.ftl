# Chaque e-mail que Consentry envoie à une personne concernée, et le fichier « lisez-moi » de son export.
# Les variables ({ $name }) restent telles quelles ; les termes ({ -name }) viennent de glossary.ftl.
# Dans un message, une ligne vide est une ligne vide de l'e-mail.

mail-hello = Bonjour,

## The law's name of each right, as a mail names the request

mail-right-access = { -right-of-access } (article 15 du { -gdpr })
mail-right-rectification = { -right-to-rectification } (article 16 du { -gdpr })
mail-right-portability = { -right-to-portability } (article 20 du { -gdpr })
mail-right-erasure = { -right-to-erasure } (article 17 du { -gdpr })
mail-right-restriction = { -right-to-restriction } (article 18 du { -gdpr })
mail-right-object = { -right-to-object } (article 21 du { -gdpr })

## The privacy centre's confirmation code

mail-code-subject = { $organisation } : votre code de confirmation
mail-code-body =
    Vous avez demandé à { $organisation } de donner suite à votre demande : { $right }. Saisissez ce code sur la page du centre de confidentialité pour confirmer que cette adresse est bien la vôtre :

        { $code }

    Le code est valable { $minutes } minutes. Vous n'avez rien demandé ? Ignorez alors ce message.

## What became of a request

mail-refused-subject = { $organisation } : votre demande a été refusée
mail-refused-body =
    Votre demande du { $received } ({ $right }) a été refusée. Motif :

    { $reason }
mail-complaint = Vous avez le droit d'{ -lodge-complaint } et le droit à { -judicial-remedy }.
mail-complaint-authority = L'{ -supervisory-authority } du lieu d'établissement de { $organisation } est { $authority } : { $website }
mail-done-subject = { $organisation } : votre demande a été traitée
mail-done-body = Votre demande du { $received } ({ $right }) a été exécutée.
mail-erased = Nous avons effacé vos { -personal-data }. Nous ne conservons que la demande elle-même, sans votre adresse, ainsi qu'un code à sens unique de votre adresse, afin de ne pas vous ajouter à nouveau par erreur. Nous ne conservons aucune copie de ce message.
mail-extended-subject = { $organisation } : plus de temps pour votre demande
mail-extended-body =
    Nous avons besoin de plus de temps pour votre demande du { $received } ({ $right }). Vous recevrez une réponse au plus tard le { $until }. Motif :

    { $reason }

## The copy of the subject's data

mail-export-subject = { $organisation } : vos données sont prêtes
mail-export-body =
    La copie de vos { -personal-data } que vous avez demandée à { $organisation } est prête. Téléchargez-la (un fichier ZIP) jusqu'au { $until } grâce à ce lien personnel :

    { $link }

    Ne partagez pas ce lien : toute personne qui le possède peut télécharger vos données.
export-readme =
    Vos { -personal-data }, telles que les détient l'organisation indiquée dans subject.json.

    subject.json : tout, au format consentry-subject-export/1 : la demande et, pour chaque enregistrement contenant votre adresse, ses champs, l'historique de ses bases juridiques et de ses statuts de { -consent }, chaque décision de { -consent } avec la version du formulaire et le SHA-256 du texte que vous avez lu, ainsi que vos demandes.

    records.csv : les enregistrements, un par ligne (UTF-8, séparés par des virgules).

    consent_events.csv : chaque décision de { -consent }, une par ligne : les réponses sur la page de consentement, et le { -consent } donné ailleurs et enregistré ici (recorded_through api ou manual), avec quand (at), comment (obtained_through) et pour quels canaux vous l'avez donné, ainsi que la preuve fournie à l'appui. recorded_at indique quand il a été enregistré ici.

    Dans les fichiers CSV, une valeur qui commence par = + - @, une tabulation ou un retour chariot est précédée d'une ', afin qu'un tableur l'affiche comme du texte au lieu de l'exécuter comme une formule.

## Double opt-in: confirming a sign-up

mail-signup-subject = { $organisation } : confirmez votre inscription
mail-signup-body =
    Vous (ou une personne utilisant votre adresse) avez demandé une inscription à « { $title } » auprès de { $organisation }. Confirmez-la avec ce lien :

    { $link }

    Nous conservons votre inscription (votre nom, votre adresse e-mail et vos choix) jusqu'au { $until } ; sans confirmation, elle sera alors supprimée. Ce n'était pas vous ? Ignorez alors ce message.

## The built-in consent request (when the organisation names no template of its own)

mail-consent-name = Demande de consentement
mail-consent-subject = { $organisation } : vos choix en matière de confidentialité
mail-consent-body =
    Bonjour { $name },

    { $organisation } sollicite votre { -consent }. Ouvrez ce lien personnel pour voir à quelles fins et faire votre choix :

    { $link }

    Le lien est valable jusqu'au { $until }. Si vous n'attendiez pas ce message, vous pouvez l'ignorer.

## The privacy centre's address, mailed to a record's subject by the privacy officer

mail-rights-subject = { $organisation } : vos données, vos droits
mail-rights-body =
    Vous pouvez consulter, corriger, transférer ailleurs ou effacer les { -personal-data } que { $organisation } détient à votre sujet, ou vous opposer à leur { -processing } ou en demander la limitation, ici :

    { $link }
