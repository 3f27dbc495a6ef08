## Photos: what an upload may be refused for (shown at the form's field).

photo-error-not-picture = Ce fichier n’est pas une photo. Envoyez une image JPEG, PNG ou WebP.
photo-error-svg = Les dessins SVG ne sont pas acceptés. Envoyez une photo JPEG, PNG ou WebP.
photo-error-heic = Les photos HEIC d’iPhone ne sont pas acceptées. Sur l’iPhone : Réglages › Appareil photo › Formats › « Le plus compatible », ou partagez la photo par « Enregistrer dans Fichiers » en JPEG, puis envoyez-la à nouveau.
photo-error-animated = Les images animées (GIF, PNG ou WebP animés) ne sont pas acceptées. Envoyez une photo fixe.
photo-error-damaged = Ce fichier est incomplet ou abîmé (l’envoi a peut-être été coupé). Essayez à nouveau avec la photo d’origine.
photo-error-too-many-pixels = Cette image est trop grande (plus de 50 millions de pixels ou un côté de plus de 12 000 pixels). Envoyez une photo plus petite.

photo-error-missing = Choisissez une photo à envoyer.
provider-photo-alt = Photo de { $name }
photo-error-portfolio-full = Votre portfolio compte déjà 12 photos. Supprimez-en une pour en ajouter une autre.
photo-error-already-in-portfolio = Cette photo est déjà dans votre portfolio.
photo-error-caption = Une légende fait 140 caractères au plus.
photo-preview = Aperçu de la photo choisie
photo-uploading = Envoi de la photo

## The portfolio (provider side).
portfolio-title = Vos réalisations
portfolio-lead = Montrez jusqu’à 12 photos de vos chantiers : avant/après, finitions, travail soigné. Les clients les voient sur votre page.
portfolio-add-title = Ajouter une photo
portfolio-field-photo = Photo d’un chantier
portfolio-hint = JPEG, PNG ou WebP, 10 Mo au plus. Les données de l’appareil (position GPS comprise) sont retirées.
portfolio-captions = Légende (facultative)
portfolio-caption-fr = En français
portfolio-caption-ar = En arabe
portfolio-caption-en = En anglais
portfolio-send = Ajouter au portfolio
portfolio-list-title = Vos photos
portfolio-empty = Aucune photo pour l’instant. Une première photo de chantier rassure vos futurs clients.
portfolio-alt = Photo d’un chantier
portfolio-save-captions = Enregistrer la légende
portfolio-earlier = Avancer
portfolio-later = Reculer
portfolio-delete = Supprimer
portfolio-alt-of = Réalisation de { $name }
provider-portfolio = Réalisations

## A person's avatar.
account-avatar-title = Votre photo
account-avatar-hint = JPEG, PNG ou WebP, 10 Mo au plus. Les prestataires voient votre photo sur vos réservations et messages.

## Reports about a picture.
photo-report-title = Signaler une photo
photo-report-alt = La photo signalée
photo-report-reason = Pourquoi cette photo pose-t-elle problème ?
photo-report-hint = Par exemple : photo choquante, volée, sans rapport avec le métier (5 caractères au moins).
photo-report-submit = Envoyer le signalement
photo-report-link = Signaler
photo-report-profile = Signaler la photo de profil
notice-photo-reported = Merci : l’équipe de modération va examiner cette photo.
notice-portfolio-saved = Votre portfolio est enregistré.

## Back office: reported pictures.
admin-photos-title = Photos signalées
admin-photos-empty = Aucune photo signalée.
admin-photos-alt = Photo signalée
admin-photos-page = Voir la page
admin-photos-kind-photo = photo de profil
admin-photos-kind-portfolio = portfolio
admin-photos-kind-avatar = photo de compte
admin-photos-reason = Motif (envoyé à la personne si la photo est retirée)
admin-photos-remove = Retirer la photo
admin-photos-dismiss = Classer sans suite
email-admin-photo-removed-subject = Une de vos photos a été retirée
email-admin-photo-removed-body = L’équipe Khadamat a retiré une de vos photos, qui ne respectait pas nos règles. Motif : { $detail }
