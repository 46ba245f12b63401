# Les libellés propres du widget de consentement sur le site de l'organisation (les textes de la
# bannière sont ceux du formulaire). Les variables ({ $name }) restent telles quelles.

widget-accept-all = Tout accepter
widget-reject-all = Tout refuser
widget-customise = Personnaliser
widget-save = Enregistrer mes choix
widget-close = Fermer
widget-first-name = Prénom
widget-last-name = Nom
widget-email = Adresse e-mail
widget-check-mail = C'est presque terminé : confirmez votre inscription grâce au lien figurant dans l'e-mail que nous vous envoyons.
widget-gpc-notice = Désactivé, car votre navigateur envoie Global Privacy Control.
widget-privacy-policy = Politique de confidentialité
widget-kept-until = Nous conservons votre inscription (votre nom, votre adresse e-mail et vos choix) jusqu'au { $date } ; sans confirmation, elle sera alors supprimée.
widget-placeholder = Ce contenu provient de { $source } et reste bloqué tant que vous n'avez pas donné votre { -consent } à « { $purpose } ».
widget-load-once = Charger une fois
widget-always-allow = Toujours autoriser
widget-reload-hint = Ce qui est déjà en cours d'exécution ne s'arrête que lorsque vous rechargez la page.
widget-reload = Recharger la page
widget-do-not-sell = Ne pas vendre ni partager mes informations personnelles
widget-ok = OK
