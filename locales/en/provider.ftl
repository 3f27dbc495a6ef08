provider-count = { $count ->
    [one] { $count } provider
   *[other] { $count } providers
}
provider-rating-label = { $rating } out of 5
provider-review-count = { $count ->
    [one] ({ $count } review)
   *[other] ({ $count } reviews)
}
provider-no-reviews = New, no reviews yet
provider-badge-verified = Verified
provider-badge-top-rated = Top rated
provider-jobs-done = { $count ->
    [one] { $count } job done
   *[other] { $count } jobs done
}
provider-price-from = From { $price }
