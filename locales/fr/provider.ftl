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
provider-badge-top-rated = Très bien noté
provider-jobs-done = { $count ->
    [one] { $count } intervention
   *[other] { $count } interventions
}
provider-price-from = À partir de { $price }
