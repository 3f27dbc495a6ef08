admin-providers-title = Prestataires à approuver
admin-providers-empty = Aucun prestataire en attente.
admin-approve = Approuver
admin-reject = Refuser
admin-reject-reason = Motif du refus
admin-error-reason = Indiquez un motif de 5 à 1 000 caractères : le prestataire le recevra.
admin-dashboard-title = Tableau de bord
admin-sections = Sections du back-office
admin-queues = À traiter
admin-users-by-role = Comptes par type
admin-new-users = Nouveaux comptes sur la période
admin-providers-by-status = Prestataires par statut
admin-provider-status-pending = En attente
admin-provider-status-approved = Approuvés
admin-provider-status-rejected = Refusés
admin-provider-status-suspended = Suspendus
admin-revenue = Abonnements encaissés sur la période
admin-top-categories = Catégories les plus réservées
admin-top-cities = Villes les plus actives
admin-bookings-count = { $count ->
    [one] { $count } réservation
   *[other] { $count } réservations
}
admin-chart-bookings-per-day = Réservations créées par jour
admin-chart-bookings-by-status = Réservations de la période par statut
admin-chart-revenue = Abonnements encaissés par mois
admin-reviews-title = Avis signalés
admin-reviews-empty = Aucun avis signalé ni masqué.
admin-reviews-booking = Voir la réservation
admin-reviews-reports = { $count ->
    [one] { $count } signalement :
   *[other] { $count } signalements :
}
admin-reviews-last-reason = Dernière décision :
admin-reviews-reason = Motif (envoyé à l’auteur)
admin-reviews-hide = Masquer
admin-reviews-restore = Rétablir
admin-role-clients = Clients
admin-role-providers = Prestataires
admin-role-admins = Administrateurs
admin-audit-title = Journal d’audit
admin-audit-lead = Chaque action d’administration et chaque événement de sécurité, du plus récent au plus ancien. Le journal ne se modifie pas.
admin-audit-actor = Auteur
admin-audit-actor-hint = E-mail, numéro de compte ou « system ».
admin-audit-action = Action
admin-audit-action-hint = Exacte (review.hidden) ou un préfixe terminé par un point (review.).
admin-audit-target = Cible
admin-audit-target-id = Numéro de la cible
admin-audit-any = Toutes
admin-audit-filter = Filtrer
admin-audit-reset = Tout afficher
admin-audit-empty = Aucune entrée ne correspond à ces filtres.
admin-audit-shown = { $count ->
    [one] { $count } entrée sur cette page
   *[other] { $count } entrées sur cette page
}
admin-audit-when = Date
admin-audit-change = Changement
admin-audit-ip = Adresse IP
admin-audit-system = Système
admin-contact-title = Messages de contact
admin-contact-tabs = Messages
admin-contact-open = À traiter
admin-contact-handled = Traités
admin-contact-empty = Aucun message ici.
admin-contact-language = Langue
admin-contact-your-reply = Réponse envoyée
admin-contact-reply-label = Répondre par e-mail
admin-contact-reply-hint = Entre 5 et 5 000 caractères, envoyés à l’expéditeur dans sa langue avec son message ; le message passe en « traité ».
admin-contact-send = Envoyer la réponse
admin-contact-mark-handled = Marquer comme traité sans répondre
admin-contact-error-reply = La réponse doit faire entre 5 et 5 000 caractères.
admin-contact-error-handled = Ce message a déjà été traité.
admin-contact-reply-subject = Réponse de l’équipe Khadamat
admin-contact-reply-quote = Votre message :
admin-users-title = Utilisateurs
admin-users-search = Nom, e-mail ou téléphone
admin-users-status = Statut
admin-user-status-active = Actif
admin-user-status-suspended = Suspendu
admin-user-status-deleted = Supprimé
admin-users-sort-newest = Plus récents
admin-users-sort-oldest = Plus anciens
admin-users-sort-name = Nom
admin-users-sort-login = Dernière connexion
admin-users-empty = Aucun utilisateur ne correspond.
admin-users-shown = { $count ->
    [one] { $count } utilisateur sur cette page
   *[other] { $count } utilisateurs sur cette page
}
admin-users-csv = Exporter en CSV
admin-users-name = Nom
admin-users-since = Inscrit le
admin-users-last-login = Dernière connexion
admin-users-unverified = adresse non vérifiée
admin-users-none = Rien pour l’instant.
admin-users-review-written = Écrit
admin-users-review-received = Reçu
admin-users-sessions = Sessions ouvertes
admin-users-audit-all = Tout son journal
admin-user-suspend = Suspendre le compte
admin-user-suspend-reason = Motif de la suspension (envoyé à la personne)
admin-user-reactivate = Réactiver le compte
admin-user-reactivate-reason = Motif de la réactivation
admin-user-verify-email = Confirmer l’adresse e-mail à la main
admin-user-change-role = Changer le type de compte
admin-user-error-self = Vous ne pouvez pas prendre cette décision sur votre propre compte.
admin-user-error-deleted = Ce compte est supprimé.
admin-user-error-reason = Indiquez un motif de 5 à 1 000 caractères.
admin-user-error-moved = Ce compte a changé entre-temps ; rechargez la page.
admin-user-error-role = Choisissez un type de compte.
email-admin-suspended-subject = Votre compte Khadamat est suspendu
email-admin-suspended-body = Votre compte a été suspendu par l’équipe Khadamat. Motif : { $detail }. Vos réservations en cours ont été annulées. Pour en parler, répondez via la page Contact.
email-admin-reactivated-subject = Votre compte Khadamat est réactivé
email-admin-reactivated-body = Votre compte est de nouveau actif. Motif : { $detail }.
email-admin-verified-subject = Votre adresse e-mail est confirmée
email-admin-verified-body = L’équipe Khadamat a confirmé votre adresse e-mail.
email-admin-role-subject = Votre type de compte a changé
email-admin-role-body = L’équipe Khadamat a changé votre type de compte : { $detail }.
email-admin-role-client = client
email-admin-role-provider = prestataire
email-admin-role-admin = administrateur
admin-user-badge-reason = Motif
admin-user-badge-grant = Accorder le badge « vérifié »
admin-user-badge-revoke = Retirer le badge « vérifié »
admin-user-error-not-provider = Ce compte n’a pas de profil de prestataire.
admin-user-delete = Anonymiser et supprimer le compte
admin-user-delete-warning = Les données personnelles sont effacées, les réservations ouvertes annulées (les deux parties sont prévenues) et la page du prestataire retirée. C’est définitif.
admin-user-delete-reason = Motif (gardé dans le journal)
admin-user-delete-confirm = Supprimer définitivement
admin-user-club-pro = Club Pro actif
email-admin-badge-subject = Votre profil est vérifié
email-admin-badge-body = L’équipe Khadamat a accordé le badge « vérifié » à votre profil. { $detail }
email-admin-badge-revoked-subject = Votre badge « vérifié » est retiré
email-admin-badge-revoked-body = L’équipe Khadamat a retiré le badge « vérifié » de votre profil. Motif : { $detail }
admin-bookings-title = Réservations
admin-bookings-client-hint = E-mail ou numéro de compte.
admin-bookings-empty = Aucune réservation ne correspond.
admin-bookings-shown = { $count ->
    [one] { $count } réservation sur cette page
   *[other] { $count } réservations sur cette page
}
admin-bookings-reference = Référence
admin-providers-all-title = Tous les prestataires
admin-service-reason = Motif de la désactivation (envoyé au prestataire)
admin-service-deactivate = Désactiver ce service
email-admin-service-subject = Un de vos services est désactivé
email-admin-service-body = L’équipe Khadamat a désactivé votre service { $detail }. Vous pouvez le corriger puis le réactiver depuis votre espace.
admin-booking-conversation = Conversation entre les parties

## Moderation of conversations
admin-conversations-title = Conversations signalées
admin-conversations-empty = Aucune conversation ni aucun message signalé.
admin-conversations-message = Message signalé
admin-conversations-whole = Conversation signalée
admin-conversations-reason = Motif du signalement :
admin-conversation-title = Conversation
admin-conversation-client = Client :
admin-conversation-provider = Prestataire :
admin-conversation-suspend-hint = Pour suspendre un compte, ouvrez la fiche de la personne.
admin-conversation-reports = Signalements de la conversation
admin-conversation-system = Message automatique
admin-conversation-hidden = Masqué
admin-conversation-reason = Motif (envoyé à l’auteur du message)
admin-conversation-warn-reason = Motif (envoyé à la personne avertie)
admin-conversation-hide = Masquer le message
admin-conversation-restore = Rétablir le message
admin-conversation-warn-title = Avertir un participant
admin-conversation-warn-whom = Qui avertir ?
admin-conversation-warn = Envoyer l’avertissement
admin-conversation-dismiss-title = Classer les signalements sans suite
admin-conversation-dismiss-note = Note (pour le journal)
admin-conversation-dismiss = Classer sans suite
moderation-error-reason = Indiquez un motif de 5 à 1 000 caractères.
moderation-error-changed = Cet élément a changé entre-temps : rechargez la page.
email-admin-message-hidden-subject = Un de vos messages a été masqué
email-admin-message-hidden-body = L’équipe Khadamat a masqué un de vos messages, qui ne respectait pas nos règles. Motif : { $detail }
email-admin-message-restored-subject = Votre message est de nouveau visible
email-admin-message-restored-body = L’équipe Khadamat a rétabli un de vos messages. Motif : { $detail }
email-admin-warned-subject = Avertissement de l’équipe Khadamat
email-admin-warned-body = L’équipe Khadamat vous adresse un avertissement à propos d’une de vos conversations. Motif : { $detail } En cas de récidive, votre compte pourra être suspendu.

## Catalogue
admin-catalogue-title = Catalogue
admin-catalogue-categories = Catégories
admin-catalogue-cities = Villes
admin-catalogue-new-category = Nouvelle catégorie
admin-catalogue-new-city = Nouvelle ville
admin-catalogue-order = Ordre
admin-catalogue-name = Nom
admin-catalogue-name-fr = Nom en français
admin-catalogue-name-ar = Nom en arabe
admin-catalogue-name-en = Nom en anglais
admin-catalogue-slug = Adresse (slug)
admin-catalogue-icon = Icône
admin-catalogue-latitude = Latitude
admin-catalogue-longitude = Longitude
admin-catalogue-state = État
admin-catalogue-used = Utilisations
admin-catalogue-served = Prestataires
admin-catalogue-shown = Visible
admin-catalogue-hidden = Masquée
admin-catalogue-popular = Populaire
admin-catalogue-merged-into = Fusionnée dans { $name }
admin-catalogue-save = Enregistrer
admin-catalogue-merge-title = Fusionner dans une autre catégorie
admin-catalogue-merge-hint = Ses prestataires et services passent dans la catégorie choisie, ses pages redirigent vers elle et elle reste masquée. C’est définitif.
admin-catalogue-merge-into = Catégorie d’accueil
admin-catalogue-merge-choose = Choisir…
admin-catalogue-merge = Fusionner
admin-catalogue-delete-title = Supprimer
admin-catalogue-delete = Supprimer la catégorie
admin-catalogue-in-use = { $count ->
    [one] Utilisée une fois (prestataire, service ou catégorie fusionnée) : masquez-la ou fusionnez-la.
   *[other] Utilisée { $count } fois (prestataires, services ou catégories fusionnées) : masquez-la ou fusionnez-la.
}
catalogue-error-name-fr = Indiquez le nom en français (2 à 80 caractères).
catalogue-error-name-ar = Indiquez le nom en arabe (2 à 80 caractères).
catalogue-error-name-en = Indiquez le nom en anglais (2 à 80 caractères).
catalogue-error-slug = L’adresse : 2 à 60 lettres minuscules sans accent ou chiffres, mots séparés par un tiret.
catalogue-error-slug-taken = Cette adresse est déjà prise.
catalogue-error-icon = Choisissez une icône de la liste.
catalogue-error-position = L’ordre est un nombre de 0 à 9 999.
catalogue-error-coordinates = Indiquez une latitude et une longitude au Maroc (par exemple 33.5731 et -7.5898).
catalogue-error-changed = Cette catégorie a changé entre-temps : voici sa version actuelle.
catalogue-error-merge-target = Choisissez une autre catégorie, visible et non fusionnée.
catalogue-error-in-use = Cette catégorie est utilisée : masquez-la ou fusionnez-la.
admin-outbox-title = File des e-mails
admin-outbox-intro = Chaque e-mail est enregistré avec l’action qui le cause, puis envoyé. S’il ne part pas, il est réessayé de plus en plus espacé pendant 24 heures, puis classé en échec avec sa dernière erreur.
admin-outbox-tabs = États des e-mails
admin-outbox-pending = En attente
admin-outbox-failed = En échec
admin-outbox-sent = Envoyés
admin-outbox-empty = Aucun e-mail ici.
admin-outbox-created = Créé le
admin-outbox-attempts = { $count ->
    [0] aucun essai
    [one] { $count } essai
   *[other] { $count } essais
}
admin-outbox-sent-at = Envoyé le
admin-outbox-next = Prochain essai le
admin-outbox-error = Dernière erreur :
admin-outbox-retry = Réessayer maintenant
admin-outbox-failed-title = E-mails en échec
admin-club-pro-title = Club Pro
admin-club-pro-members = Membres
admin-club-pro-mrr = Revenu mensuel récurrent
admin-club-pro-churn = Départs sur 30 jours
admin-club-pro-paid-30d = Encaissé sur 30 jours
admin-club-pro-paid = Encaissé au total
admin-club-pro-subscriptions = Abonnements
admin-club-pro-none = Aucun abonnement pour l’instant.
admin-club-pro-plan = Formule
admin-club-pro-period-end = Fin de période
admin-club-pro-actions = Actions
admin-club-pro-ending = Résilié, s’arrête à la fin de la période
admin-club-pro-cancel = Arrêter maintenant (Stripe)
admin-club-pro-payments = Paiements
admin-club-pro-plans = Formules
admin-club-pro-price = Prix (MAD)
admin-club-pro-stripe-price = Identifiant du prix Stripe
admin-club-pro-stripe-ids = Identifiants Stripe
admin-club-pro-on-offer = Proposée aux prestataires
admin-club-pro-save = Enregistrer
admin-club-pro-history = Abonnements Club Pro
