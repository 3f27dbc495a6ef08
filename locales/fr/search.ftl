search-title = Trouver un prestataire
search-heading-city = Prestataires à { $city }
search-heading-category-city = { $category } à { $city }
search-page-number = page { $count }
search-description = { $heading } : comparez des professionnels vérifiés, leurs prix en dirhams et les avis de leurs clients, et réservez en ligne sur Khadamat.
search-price = Prix de départ (DH)
search-price-min = Minimum
search-price-max = Maximum
search-rating = Note minimale
search-rating-any = Toutes les notes
search-day = Disponible le
search-verified = Prestataires vérifiés seulement
search-sort = Trier par
search-sort-relevance = Pertinence
search-sort-rating = Meilleures notes
search-sort-price = Prix le plus bas
search-sort-distance = Distance
search-near-me = Autour de moi
search-count = { $count ->
    [one] { $count } prestataire trouvé
   *[other] { $count } prestataires trouvés
}
search-empty = Aucun prestataire ne correspond à cette recherche. Essayez moins de filtres, une autre ville ou un autre mot.
search-unknown-filter = Cette catégorie ou cette ville n'existe pas (ou plus) sur Khadamat. Choisissez-en une dans la liste.
search-empty-reset = Effacer les filtres
search-pages = Pages de résultats
search-previous = Précédent
search-next = Suivant
search-count-many = Plus de { $count } prestataires trouvés
search-featured = Sélection Club Pro
search-featured-why = Pourquoi ces prestataires ? Ils sont membres du Club Pro et passent ici à tour de rôle.
search-filters = Filtres
search-filters-active = { $count ->
    [one] Filtres · { $count } actif
   *[other] Filtres · { $count } actifs
}
search-chips-label = Filtres en cours
search-chip-remove = (retirer ce filtre)
search-chip-min-price = dès { $value } DH
search-chip-max-price = jusqu’à { $value } DH
search-chip-rating = { $value }+ étoiles
search-chip-day = libre le { $value }
