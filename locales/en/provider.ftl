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
provider-badge-club-pro = Club Pro
provider-badge-top-rated = Top rated
provider-jobs-done = { $count ->
    [one] { $count } job done
   *[other] { $count } jobs done
}
provider-price-from = From { $price }
provider-card-quote = “{ $text }”
provider-page-title = { $name }, { $trade } in { $city }
provider-fact-rating = Rating
provider-fact-jobs = Jobs
provider-fact-experience = Experience
provider-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
provider-fact-response = Response time
provider-response-minutes = { $count ->
    [one] about { $count } minute
   *[other] about { $count } minutes
}
provider-response-hours = { $count ->
    [one] about { $count } hour
   *[other] about { $count } hours
}
provider-fact-languages = Languages
provider-about = About
provider-services = Services and prices
provider-services-empty = This provider has not published a service yet.
provider-duration-minutes = { $count ->
    [one] Estimated duration: { $count } minute
   *[other] Estimated duration: { $count } minutes
}
provider-price-quote = On quote
provider-price-hourly = { $price } / hour
provider-reviews = Client reviews
provider-reviews-empty = No reviews yet: reviews are published after real jobs.
provider-distribution = Ratings breakdown
provider-stars = { $count ->
    [one] { $count } star
   *[other] { $count } stars
}
provider-reply = The provider's reply:
provider-reviews-pages = Review pages
provider-areas = Areas served
provider-radius = { $count ->
    [one] Travels up to { $count } km
   *[other] Travels up to { $count } km
}
provider-availability = Availability
provider-availability-empty = No availability given.
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
provider-book = Book
provider-book-service = Book
provider-contact = Contact
provider-reviews-title = Reviews received
provider-reviews-none = You have no published review yet. They appear here after your completed jobs.
