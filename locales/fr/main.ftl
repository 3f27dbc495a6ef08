site-description = Khadamat : trouvez un plombier, un électricien, une femme de ménage ou un jardinier de confiance près de chez vous, partout au Maroc.
nav-skip-to-content = Aller au contenu
nav-home-label = Khadamat, accueil
nav-main-label = Navigation principale
nav-mobile-label = Navigation rapide
nav-breadcrumb-label = Fil d’Ariane
nav-language-label = Langue
nav-home = Accueil
nav-services = Services
nav-providers = Trouver un pro
nav-search = Rechercher
nav-about = À propos
nav-contact = Contact
nav-login = Se connecter
nav-register = Créer un compte
nav-account = Compte
search-label = Rechercher un service ou un prestataire
search-placeholder = Plombier, ménage, climatisation…
search-submit = Rechercher
footer-tagline = Des artisans de confiance pour votre maison, partout au Maroc. Prix clairs en dirhams, avis vérifiés après chaque intervention.
footer-company = Khadamat
footer-legal = Informations légales
footer-language = Langue
footer-copyright = © 2026 Khadamat SARL · Casablanca, Maroc
form-optional = (facultatif)
form-error-summary = { $count ->
    [one] Le formulaire contient une erreur :
   *[other] Le formulaire contient { $count } erreurs :
}
format-date-long = { $day } { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
format-month-short = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
} { $year }
format-day-short = { $day }/{ $month }
format-datetime = { $date } à { $time }
error-400-title = Requête invalide
error-400 = Cette demande n’a pas pu être comprise. Vérifiez les informations saisies et réessayez.
error-401-title = Connexion requise
error-401 = Connectez-vous pour accéder à cette page.
error-403-title = Accès refusé
error-403 = Vous n’avez pas accès à cette page, ou le formulaire a expiré. Rechargez la page et réessayez.
error-404-title = Page introuvable
error-404 = La page que vous cherchez n’existe pas ou a été déplacée.
error-409-title = Déjà modifié
error-409 = Cet élément a changé entre-temps. Rechargez la page pour voir son état actuel.
error-410-title = Page supprimée
error-410 = Cette page n’existe plus.
error-422-title = Données invalides
error-422 = Certaines informations ne sont pas valides. Corrigez-les et réessayez.
error-408-title = Envoi trop lent
error-408 = Votre envoi est arrivé trop lentement et a été interrompu. Vérifiez votre connexion puis réessayez.
error-429-title = Trop de tentatives
error-429 = Vous avez fait trop de demandes en peu de temps. Patientez quelques minutes puis réessayez.
error-500-title = Erreur du serveur
error-500 = Une erreur inattendue s’est produite de notre côté. Nos équipes sont prévenues ; réessayez dans un instant.
error-503-title = Service momentanément indisponible
error-503 = Le site ne peut pas joindre sa base de données pour le moment. Rien n’est perdu : réessayez dans quelques secondes.
error-reference = Référence : { $id }
error-home = Retour à l’accueil
nav-logout = Se déconnecter
form-error-title-prefix = Erreur :
notice-signed-out = Vous êtes déconnecté. À bientôt !
notice-password-reset = Votre mot de passe a été modifié. Connectez-vous avec le nouveau.
notice-password-changed = Mot de passe modifié. Vos autres sessions ont été fermées.
notice-verification-sent = Un nouveau lien de vérification vient de vous être envoyé.
notice-email-change-sent = Un lien de confirmation a été envoyé à la nouvelle adresse. Il est valable 24 heures.
notice-email-changed = Votre adresse e-mail a été modifiée.
notice-profile-saved = Profil enregistré.
notice-provider-profile-first = Créez d’abord votre profil de prestataire : vos prestations, vos missions et vos statistiques viendront ensuite.
notice-notifications-saved = Préférences de notification enregistrées.
notice-session-revoked = La session a été fermée.
notice-sessions-revoked = Toutes vos autres sessions ont été fermées.
notice-two-factor-disabled = La validation en deux étapes est désactivée.
notice-admin-needs-2fa = Les administrateurs doivent activer la validation en deux étapes avant d’accéder au back-office.
notice-account-deleted = Votre compte a été supprimé. Merci d’avoir utilisé Khadamat.
notice-service-saved = Service enregistré.
notice-decision-saved = Décision enregistrée ; le prestataire a été prévenu.
notice-email-retried = Nouvel essai lancé ; l’e-mail part dans un instant.
notice-email-not-retried = Cet e-mail vient d’être envoyé ou est en cours d’envoi : rien à réessayer.
nav-notifications = Notifications
nav-unread = non lues
notice-booking-requested = Demande envoyée : le prestataire a 24 heures pour répondre.
notice-booking-updated = Réservation mise à jour.
notice-notifications-all-read = Toutes les notifications sont marquées comme lues.
notice-notification-deleted = Notification supprimée.
nav-messages = Messages
notice-review-saved = Votre avis est enregistré.
notice-review-deleted = Votre avis est supprimé.
notice-conversation-reported = Merci : l’équipe de modération va examiner ce que vous avez signalé.
notice-review-reported = Merci : l’équipe de modération va examiner cet avis.
notice-review-replied = Votre réponse est publiée.

notice-photo-saved = Votre photo est en ligne.
notice-photo-removed = Votre photo a été retirée.
form-choose = Choisissez…
