## Booking form (BookingModal)
book-title = Réserver { $name }
book-service = Prestation
book-date = Date
book-time = Heure de début
book-show-times = Voir les horaires libres
book-choose-date = Choisissez une prestation et une date pour voir les horaires libres.
book-no-slots = Aucun horaire libre le { $date }. Essayez un autre jour.
book-address = Adresse (rue, quartier)
book-city = Ville
book-description = Décrivez le besoin
book-description-hint = Ce qu'il faut faire, l'accès, le matériel sur place (10 à 2 000 caractères).
book-duration = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
book-price-estimate = Prix indicatif : le montant final est fixé avec le prestataire.
book-payment-cash = Paiement au prestataire à la fin de l'intervention (espèces par défaut).
book-answer-within = Le prestataire a 24 heures pour répondre (ou jusqu'au début, si c'est plus tôt).
book-submit = Envoyer la demande
book-no-services = Ce prestataire ne propose aucune prestation pour le moment.
book-error-verify-email = Confirmez votre adresse e-mail avant de réserver.
book-error-own = Vous ne pouvez pas réserver vos propres prestations.
book-error-service = Choisissez une des prestations proposées.
book-error-date = Indiquez une date valide (AAAA-MM-JJ).
book-error-time = Choisissez une heure de début parmi les horaires libres.
book-error-address = Indiquez l'adresse (5 à 300 caractères).
book-error-city = Choisissez une ville de la liste.
book-error-description = Décrivez le besoin en 10 à 2 000 caractères.
book-error-stale-form = Ce formulaire a expiré : rechargez la page et réessayez.
book-error-too-soon = Le début doit être au moins 2 heures après maintenant.
book-error-too-far = Les réservations sont possibles jusqu'à 60 jours à l'avance.
book-error-day-off = Le prestataire ne travaille pas ce jour-là.
book-error-outside-hours = Cet horaire est en dehors des disponibilités du prestataire.
book-error-taken = Cet horaire vient d'être pris : choisissez-en un autre.

## Statuses
booking-status-pending = En attente
booking-status-confirmed = Confirmée
booking-status-in-progress = En cours
booking-status-completed = Terminée
booking-status-cancelled = Annulée
booking-status-cancelled-by-client = Annulée par le client
booking-status-cancelled-by-provider = Annulée par le prestataire
booking-status-cancelled-by-admin = Annulée par Khadamat
booking-status-rejected = Refusée
booking-status-expired = Expirée

## Booking page
booking-title = Réservation { $reference }
booking-details = Détails
booking-when = Quand
booking-price = Prix
booking-paid = payé : { $amount }
booking-reason = Motif
booking-reason-slot-taken = Le prestataire a accepté une autre demande sur cet horaire.
booking-provider = Prestataire
booking-client = Client
booking-client-reviews = { $count ->
    [one] { $count } avis reçu
   *[other] { $count } avis reçus
}
booking-answer-by = Réponse attendue avant le { $when }.
booking-late-cancellation = annulation tardive
booking-actions = Actions
booking-accept = Accepter
booking-reject = Refuser…
booking-reject-confirm = Refuser la demande
booking-start = Commencer l'intervention
booking-complete = Terminer l'intervention
booking-amount = Montant payé (DH)
booking-amount-hint = Ce que le client a réellement payé.
booking-cancel = Annuler…
booking-cancel-confirm = Confirmer l'annulation
booking-cancel-free = L'annulation est gratuite jusqu'à 24 heures avant le début.
booking-cancel-late = Le début est dans moins de 24 heures : l'annulation sera enregistrée comme tardive.
booking-cancel-provider = Le client sera prévenu ; les annulations comptent dans vos statistiques.
booking-timeline = Historique
booking-error-reason = Indiquez un motif (5 à 1 000 caractères).
booking-error-amount = Indiquez le montant payé, en dirhams (par exemple 250).
booking-refused-moved-on = Cette réservation a changé entre-temps : voici son état actuel.
booking-refused-not-allowed = Cette action n'est pas possible pour vous.
booking-refused-too-early = L'intervention peut commencer au plus tôt 30 minutes avant l'heure prévue.

## Client list (MesReservations)
bookings-title = Mes réservations
bookings-tabs-label = Période
bookings-upcoming = À venir
bookings-past = Passées
bookings-filter-label = Filtrer par statut
bookings-empty = Aucune réservation ici.
bookings-find = Trouver un prestataire

## Provider list (Missions)
missions-title = Missions
missions-pending = Demandes à traiter
missions-pending-empty = Aucune demande en attente.
missions-time-left = { $hours } h { $minutes } min pour répondre
missions-agenda = Agenda de la semaine
missions-week-previous = Semaine précédente
missions-week-next = Semaine suivante
missions-day-free = Libre
missions-week-free = Aucune mission cette semaine : vos horaires restent ouverts aux réservations.
missions-week-availability = Revoir mes horaires
missions-history = Toutes les missions
missions-all = Toutes
missions-empty = Aucune mission ici.

## Notification centre
notifications-title = Notifications
notifications-empty = Aucune notification.
notifications-read-all = Tout marquer comme lu
notifications-mark-read = Marquer comme lu
notifications-delete = Supprimer
notification-booking-request = Nouvelle demande de { $name } : { $service }, le { $when }.
notification-booking-confirmed = { $name } a accepté votre réservation { $reference } du { $when }.
notification-booking-rejected = Votre demande { $reference } a été refusée : { $reason }
notification-booking-cancelled = { $by ->
    [client] Le client a annulé la réservation { $reference } du { $when }.
    [provider] Le prestataire a annulé la réservation { $reference } du { $when }.
    [admin] Khadamat a annulé la réservation { $reference } du { $when }.
   *[other] La réservation { $reference } du { $when } a été annulée.
}
notification-booking-expired = La demande { $reference } a expiré sans réponse.
notification-booking-started = L'intervention { $reference } a commencé.
notification-booking-completed = L'intervention { $reference } est terminée.
notification-booking-reminder-expiry = La demande { $reference } de { $name } expire bientôt : répondez-y.
notification-booking-reminder-job = Rappel : { $service } le { $when } ({ $reference }).
notification-provider-approved = Votre profil de prestataire est publié.
notification-provider-rejected = Votre profil de prestataire n'a pas été approuvé : { $reason }
notification-generic = Vous avez une nouvelle notification.

## Emails
email-booking-action = Voir la réservation
email-booking-request-subject = Nouvelle demande : { $service }
email-booking-request-body = { $name } demande « { $service } » le { $when } (réservation { $reference }). Répondez dans les 24 heures, sinon la demande expire.
email-booking-confirmed-subject = Réservation confirmée : { $service }
email-booking-confirmed-body = { $name } a accepté votre demande « { $service } » du { $when } (réservation { $reference }).
email-booking-rejected-subject = Demande refusée : { $service }
email-booking-rejected-body = Votre demande « { $service } » du { $when } (réservation { $reference }) a été refusée. Motif : { $reason }
email-booking-cancelled-subject = { $by ->
    [client] Réservation annulée par le client : { $service }
    [provider] Réservation annulée par le prestataire : { $service }
    [admin] Réservation annulée par Khadamat : { $service }
   *[other] Réservation annulée : { $service }
}
email-booking-cancelled-body = { $by ->
    [client] Le client a annulé la réservation { $reference } (« { $service } », le { $when }).
    [provider] Le prestataire a annulé la réservation { $reference } (« { $service } », le { $when }).
    [admin] Khadamat a annulé la réservation { $reference } (« { $service } », le { $when }).
   *[other] La réservation { $reference } (« { $service } », le { $when }) a été annulée.
} { $reason }
email-booking-expired-subject = Demande expirée : { $service }
email-booking-expired-body = La demande { $reference } (« { $service } », le { $when }) a expiré sans réponse du prestataire.
email-booking-started-subject = Intervention commencée : { $service }
email-booking-started-body = L'intervention { $reference } (« { $service } ») a commencé.
email-booking-completed-subject = Intervention terminée : { $service }
email-booking-completed-body = L'intervention { $reference } (« { $service } », le { $when }) est terminée. Merci d'avoir utilisé Khadamat.
email-booking-reminder-expiry-subject = Demande à traiter : { $service }
email-booking-reminder-expiry-body = La demande de { $name } pour « { $service } » le { $when } (réservation { $reference }) expire dans moins de 2 heures. Acceptez-la ou refusez-la.
email-booking-reminder-job-subject = Rappel : { $service } demain
email-booking-reminder-job-body = Rappel : « { $service } » le { $when } avec { $name } (réservation { $reference }).
email-generic-subject = Nouvelle notification
email-generic-body = Vous avez une nouvelle notification sur Khadamat.
booking-parties = Les parties
booking-message = Écrire un message
booking-reason-account-deleted = L’autre partie a supprimé son compte Khadamat.
