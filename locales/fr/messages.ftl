messages-title = Messages
messages-empty = Aucune conversation pour le moment. Contactez un prestataire depuis sa page.
messages-with = Conversation avec { $name }
messages-see-profile = Voir le profil du prestataire
messages-older = Messages précédents
messages-thread-empty = Aucun message : écrivez le premier.
messages-thread-label = Messages de la conversation
messages-send-label = Votre message
messages-send = Envoyer
messages-refresh = Actualiser la conversation
messages-seen = Vu
message-error-empty = Écrivez un message avant de l'envoyer.
message-error-too-long = Un message compte au plus 5 000 caractères.
message-error-rate = Trop de messages en peu de temps : patientez une minute.
message-error-self = Vous ne pouvez pas vous écrire à vous-même.
message-error-verify-email = Confirmez votre adresse e-mail avant d'écrire à un prestataire.
email-message-subject = { $name } vous a écrit
email-message-body = { $name } vous a écrit sur Khadamat :
email-message-count = { $count ->
    [one] { $count } message non lu.
   *[other] { $count } messages non lus.
}
email-message-action = Répondre
messages-bookings = Réservations entre vous
messages-report = Signaler
messages-report-conversation-link = Signaler la conversation
messages-report-title = Signaler à l’équipe Khadamat
messages-report-back = Retour à la conversation
messages-report-conversation = Vous signalez toute la conversation : l’équipe la lira en entier.
messages-report-reason = Que se passe-t-il ?
messages-report-hint = Entre 5 et 1 000 caractères : insultes, menaces, arnaque, demande de paiement hors de Khadamat…
messages-report-submit = Envoyer le signalement
