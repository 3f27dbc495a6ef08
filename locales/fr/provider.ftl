provider-count = { $count ->
    [one] { $count } prestataire
   *[other] { $count } prestataires
}
provider-rating-label = { $rating } sur 5
provider-review-count = { $count ->
    [one] ({ $count } avis)
   *[other] ({ $count } avis)
}
provider-no-reviews = Nouveau, pas encore d’avis
provider-badge-verified = Vérifié
provider-badge-club-pro = Club Pro
provider-badge-top-rated = Très bien noté
provider-jobs-done = { $count ->
    [one] { $count } intervention
   *[other] { $count } interventions
}
provider-price-from = À partir de { $price }
provider-card-quote = « { $text } »
provider-page-title = { $name }, { $trade } à { $city }
provider-fact-rating = Note
provider-fact-jobs = Missions
provider-fact-experience = Expérience
provider-years = { $count ->
    [one] { $count } an
   *[other] { $count } ans
}
provider-fact-response = Temps de réponse
provider-response-minutes = { $count ->
    [one] environ { $count } minute
   *[other] environ { $count } minutes
}
provider-response-hours = { $count ->
    [one] environ { $count } h
   *[other] environ { $count } h
}
provider-fact-languages = Langues
provider-about = Présentation
provider-services = Services et tarifs
provider-services-empty = Ce prestataire n’a pas encore publié de service.
provider-duration-minutes = { $count ->
    [one] Durée estimée : { $count } minute
   *[other] Durée estimée : { $count } minutes
}
provider-price-quote = Sur devis
provider-price-hourly = { $price } / heure
provider-reviews = Avis des clients
provider-reviews-empty = Pas encore d’avis : les avis sont publiés après des missions réelles.
provider-distribution = Répartition des notes
provider-stars = { $count ->
    [one] { $count } étoile
   *[other] { $count } étoiles
}
provider-reply = Réponse du prestataire :
provider-reviews-pages = Pages d’avis
provider-areas = Zones d’intervention
provider-radius = { $count ->
    [one] Se déplace jusqu’à { $count } km
   *[other] Se déplace jusqu’à { $count } km
}
provider-availability = Disponibilités
provider-availability-empty = Disponibilités non renseignées.
weekday-1 = Lundi
weekday-2 = Mardi
weekday-3 = Mercredi
weekday-4 = Jeudi
weekday-5 = Vendredi
weekday-6 = Samedi
weekday-7 = Dimanche
provider-book = Réserver
provider-book-service = Réserver
provider-contact = Contacter
provider-reviews-title = Avis reçus
provider-reviews-none = Vous n’avez pas encore d’avis publié. Ils apparaissent ici après vos missions terminées.
