## Photos: what an upload may be refused for (shown at the form's field).

photo-error-not-picture = Ce fichier n’est pas une photo. Envoyez une image JPEG, PNG ou WebP.
photo-error-svg = Les dessins SVG ne sont pas acceptés. Envoyez une photo JPEG, PNG ou WebP.
photo-error-heic = Les photos HEIC d’iPhone ne sont pas acceptées. Sur l’iPhone : Réglages › Appareil photo › Formats › « Le plus compatible », ou partagez la photo par « Enregistrer dans Fichiers » en JPEG, puis envoyez-la à nouveau.
photo-error-animated = Les images animées (GIF, PNG ou WebP animés) ne sont pas acceptées. Envoyez une photo fixe.
photo-error-damaged = Ce fichier est incomplet ou abîmé (l’envoi a peut-être été coupé). Essayez à nouveau avec la photo d’origine.
photo-error-too-many-pixels = Cette image est trop grande (plus de 50 millions de pixels ou un côté de plus de 12 000 pixels). Envoyez une photo plus petite.

photo-error-missing = Choisissez une photo à envoyer.
provider-photo-alt = Photo de { $name }
