home-title = Artisans et services à domicile au Maroc
home-description = Réservez un plombier, un électricien, une femme de ménage ou un jardinier vérifié à Casablanca, Rabat, Marrakech, Tanger et partout au Maroc. Prix clairs, avis réels.
home-hero-title = Le bon artisan, chez vous, quand vous voulez
home-hero-lead = Plomberie, électricité, ménage, climatisation… Comparez des professionnels vérifiés près de chez vous, voyez leurs prix en dirhams et réservez en quelques minutes.
home-search-label = Trouver un prestataire
home-search-category = Quel service ?
home-search-any-category = Tous les services
home-search-city = Dans quelle ville ?
home-search-any-city = Toutes les villes
home-search-submit = Trouver un pro
home-figure-providers = { $count ->
    [one] prestataire approuvé
   *[other] prestataires approuvés
}
home-figure-cities = { $count ->
    [one] ville couverte
   *[other] villes couvertes
}
home-figure-jobs = { $count ->
    [one] intervention réalisée
   *[other] interventions réalisées
}
home-popular-title = Services populaires
home-popular-all = Tous les services
home-top-title = Les mieux notés
home-top-all = Voir tous les prestataires
home-top-empty = Les premiers prestataires arrivent bientôt dans votre ville.
home-how-title = Comment ça marche
home-how-1-title = Cherchez
home-how-1-body = Choisissez un service et votre ville, comparez les profils, les prix et les avis.
home-how-2-title = Réservez
home-how-2-body = Choisissez une date et un créneau libre ; le prestataire confirme rapidement.
home-how-3-title = Échangez
home-how-3-body = Précisez votre besoin par message, sans donner votre numéro si vous ne le souhaitez pas.
home-how-4-title = Notez
home-how-4-body = Après l’intervention, vous et le prestataire vous évaluez mutuellement, en toute transparence.
home-pro-title = Vous êtes artisan ou prestataire ?
home-pro-body = Rejoignez Khadamat gratuitement : un profil professionnel en français et en arabe, des demandes de clients près de chez vous, et votre activité gérée depuis votre téléphone.
home-pro-point-1 = Inscription et profil gratuits
home-pro-point-2 = Vos prix, vos horaires, vos zones d’intervention
home-pro-point-3 = Club Pro pour plus de visibilité
home-pro-cta = Devenir prestataire
