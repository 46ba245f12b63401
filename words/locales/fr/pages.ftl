# Ce que les pages de la personne concernée affichent autour des textes propres de l'organisation :
# la page de consentement, les pages d'inscription et de confirmation, la vérification des reçus et le centre de confidentialité.
# Les variables ({ $name }) restent telles quelles ; les termes ({ -name }) viennent de glossary.ftl.

language-name = français
loading = Chargement…
language = Langue
expired = Ce lien a expiré. Demandez-en un nouveau à l'organisation qui vous l'a envoyé.
revoked = Un lien plus récent vous a été envoyé pour ce formulaire ; celui-ci ne fonctionne donc plus. Utilisez le lien du message le plus récent, ou demandez-en un nouveau.
spent = Votre réponse via ce lien a été enregistrée. Pour la modifier, demandez un nouveau lien à l'organisation.
unknown = Ce lien n'est pas valide. Vérifiez que vous l'avez copié en entier.
failed = Votre choix n'a pas pu être enregistré. Réessayez dans un instant.
not-found = Il n'y a pas de page ici.
receipt = Télécharger votre reçu de { -consent } signé
new-link = M'envoyer un nouveau lien
new-link-sent = Si ce lien venait de nous, un nouveau lien est en route vers l'adresse à laquelle il avait été envoyé.
verify-title = Vérifier un reçu de { -consent }
verify-intro = Collez le contenu d'un fichier de reçu (consent-receipt.jws). Sa signature indique s'il correspond exactement à ce que l'organisation a délivré.
verify-label = Reçu
verify-button = Vérifier
verify-valid = Valide : signé par { $controller }
verify-invalid = Non valide : ce reçu a été modifié, ou n'a pas été délivré par ce service.
check-receipt = Vérifier un reçu
first-name = Prénom
last-name = Nom
email = Adresse e-mail
optional = facultatif
email-invalid = Saisissez une adresse e-mail telle que name@example.org.
name-invalid = Utilisez au maximum 200 caractères, sans saut de ligne.
choose-required = Cochez ce que vous acceptez ; les finalités obligatoires font partie de l'inscription.
check-inbox = C'est presque terminé : nous envoyons un lien à votre adresse e-mail. Ouvrez-le pour confirmer votre inscription ; d'ici là, votre { -consent } n'est pas pris en compte. Pas de message au bout de quelques minutes ? Vérifiez votre dossier de courrier indésirable, ou inscrivez-vous à nouveau plus tard.
form-changed = Ce formulaire a été modifié pendant que vous le remplissiez. Rechargez la page et vérifiez vos choix.
too-many = Trop d'inscriptions en même temps. Réessayez plus tard.
not-open = Ce formulaire n'accepte pas d'inscriptions.
confirm-title = Confirmez votre inscription
confirm-button = Oui, confirmer mon inscription
confirmed = Merci : votre inscription est confirmée.
sign-up-expired = Ce lien de confirmation a expiré. Inscrivez-vous à nouveau pour en recevoir un nouveau.
sign-up-spent = Votre inscription est déjà confirmée ; vous n'avez plus rien à faire.
sign-up = S'inscrire
sign-up-stored = Lorsque vous vous inscrivez, nous enregistrons votre nom, votre adresse e-mail et ce que vous avez coché, et nous vous envoyons un lien de confirmation.
kept-until = Nous conservons votre inscription jusqu'au { $date } ; sans confirmation, elle sera alors supprimée.
whose-link = Ce lien a été envoyé à { $address }.
whose-link-not-you = Ce n'est pas votre adresse ? Alors ce message vous a été transféré : ne répondez pas à la place de quelqu'un d'autre.
stop-title = Arrêter le { -processing } de vos données ?
stop-meaning = L'organisation cessera d'utiliser vos données : plus aucun e-mail, et vos données ne sont ni utilisées, ni partagées, ni exportées tant que le { -processing } est arrêté. Votre { -consent } pour chaque finalité est retiré. Vos données sont conservées, pas supprimées ; pour les faire supprimer, exercez votre { -right-to-erasure }.
stop-confirm = Oui, arrêter le traitement de mes données
cancel = Annuler
recorded-stop = Enregistré : vous avez demandé l'arrêt du { -processing } de vos données. Votre { -consent } pour chaque finalité est retiré.
recorded-granted = Enregistré : votre { -consent } pour { $purposes }.
recorded-nothing = Enregistré : vous n'avez donné votre { -consent } pour aucune finalité.
granted = Consentement donné
refused = Consentement refusé
withdrawn = Consentement retiré
form-version = version du formulaire
untranslated = Une partie de ce formulaire n'est pas encore traduite dans votre langue ; cette partie s'affiche dans la langue dans laquelle l'organisation l'a rédigée.

## The privacy centre

privacy-failed = Une erreur s'est produite. Réessayez dans un instant.
privacy-not-found = Il n'y a pas de centre de confidentialité ici.
privacy-title = Centre de confidentialité
privacy-intro = Exercez vos droits au titre du { -gdpr } auprès de { $organisation }, { -controller } de vos { -personal-data }.
privacy-what-to-do = Que souhaitez-vous faire ?
privacy-email = Votre adresse e-mail
privacy-email-hint = Nous envoyons un code à cette adresse pour nous assurer qu'elle est bien la vôtre. C'est grâce à elle que nous retrouvons vos données.
privacy-details = Autre chose à ajouter (facultatif)
privacy-what-is-wrong = Qu'est-ce qui est inexact, et que faudrait-il indiquer à la place ?
privacy-details-needed = Indiquez ce qui est inexact (2 000 caractères au maximum).
privacy-send-code = M'envoyer un code
privacy-too-many = Trop de demandes en même temps. Réessayez plus tard.
privacy-code-sent = Nous envoyons un code à six chiffres à l'adresse que vous avez saisie. Il est valable 15 minutes ; pas de message au bout de quelques minutes ? Vérifiez votre dossier de courrier indésirable, ou refaites la demande.
privacy-code = Code reçu par e-mail
privacy-confirm = Confirmer ma demande
privacy-wrong-code = Ce code n'est pas le bon. Vérifiez l'e-mail et réessayez.
privacy-code-expired = Ce code a expiré. Rechargez la page pour recommencer.
privacy-code-locked = Trop de codes erronés. Rechargez la page pour recommencer.
privacy-code-used = Cette demande a déjà été déposée.
privacy-filed = Votre demande a été déposée. Vous recevrez une réponse au plus tard le { $date }.
privacy-complaint = Si vous estimez que vos données ne sont pas traitées correctement, vous avez aussi le droit d'{ -lodge-complaint } et le droit à { -judicial-remedy }.

## Each right: what the button says, what it means, and the law's name for it

right-access-title = Voir mes données
right-access-meaning = Une copie de toutes les { -personal-data } que l'organisation détient à votre sujet, avec ce à quoi elles servent et d'où elles proviennent.
right-access-law = Votre { -right-of-access } (article 15 du { -gdpr })
right-rectification-title = Corriger mes données
right-rectification-meaning = Une information vous concernant est inexacte ou incomplète : indiquez ce qu'elle devrait être.
right-rectification-law = Votre { -right-to-rectification } (article 16 du { -gdpr })
right-portability-title = Transférer mes données ailleurs
right-portability-meaning = Les données que vous avez fournies, dans un fichier lisible par un autre service.
right-portability-law = Votre { -right-to-portability } (article 20 du { -gdpr })
right-erasure-title = Effacer mes données
right-erasure-meaning = Vos { -personal-data } sont effacées, sauf si la loi exige leur conservation.
right-erasure-law = Votre { -right-to-erasure } (article 17 du { -gdpr })
right-restriction-title = Arrêter le traitement de mes données
right-restriction-meaning = Vos données sont conservées, mais ne sont ni utilisées ni partagées, et aucun e-mail ne vous est envoyé, tant que la question n'est pas réglée.
right-restriction-law = Votre { -right-to-restriction } (article 18 du { -gdpr })
right-object-title = M'opposer au traitement
right-object-meaning = Vous n'êtes pas d'accord avec la manière dont vos données sont utilisées, par exemple à des fins de prospection.
right-object-law = Votre { -right-to-object } (article 21 du { -gdpr })
