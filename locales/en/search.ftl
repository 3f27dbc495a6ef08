search-title = Find a provider
search-heading-city = Providers in { $city }
search-heading-category-city = { $category } in { $city }
search-page-number = page { $count }
search-description = { $heading }: compare verified professionals, their prices in dirhams and their clients' reviews, and book online on Khadamat.
search-price = Starting price (MAD)
search-price-min = Minimum
search-price-max = Maximum
search-rating = Minimum rating
search-rating-any = Any rating
search-day = Available on
search-verified = Verified providers only
search-sort = Sort by
search-sort-relevance = Relevance
search-sort-rating = Best rated
search-sort-price = Lowest price
search-sort-distance = Distance
search-near-me = Near me
search-count = { $count ->
    [one] { $count } provider found
   *[other] { $count } providers found
}
search-empty = No provider matches this search. Try fewer filters, another city or another word.
search-unknown-filter = This category or city does not exist (or no longer) on Khadamat. Choose one from the list.
search-empty-reset = Clear the filters
search-pages = Result pages
search-previous = Previous
search-next = Next
search-count-many = More than { $count } providers found
search-featured = Club Pro selection
search-featured-why = Why these providers? They are Club Pro members and take turns here.
search-filters = Filters
search-filters-active = { $count ->
    [one] Filters · { $count } on
   *[other] Filters · { $count } on
}
search-chips-label = Filters in force
search-chip-remove = (remove this filter)
search-chip-min-price = from { $value } DH
search-chip-max-price = up to { $value } DH
search-chip-rating = { $value }+ stars
search-chip-day = free on { $value }
