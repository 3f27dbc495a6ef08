home-title = Home services and trusted tradespeople in Morocco
home-description = Book a verified plumber, electrician, cleaner or gardener in Casablanca, Rabat, Marrakesh, Tangier and all over Morocco. Clear prices, real reviews.
home-hero-title = The right professional, at your home, when you need them
home-hero-lead = Plumbing, electrical work, cleaning, air conditioning… Compare verified professionals near you, see their prices in dirhams and book in minutes.
home-search-label = Find a provider
home-search-category = Which service?
home-search-any-category = All services
home-search-city = In which city?
home-search-any-city = All cities
home-search-submit = Find a pro
home-figure-providers = { $count ->
    [one] approved provider
   *[other] approved providers
}
home-figure-cities = { $count ->
    [one] city covered
   *[other] cities covered
}
home-figure-jobs = { $count ->
    [one] job done
   *[other] jobs done
}
home-popular-title = Popular services
home-popular-all = All services
home-top-title = Top rated
home-top-all = See all providers
home-top-empty = The first providers are coming to your city soon.
home-how-title = How it works
home-how-1-title = Search
home-how-1-body = Pick a service and your city, then compare profiles, prices and reviews.
home-how-2-title = Book
home-how-2-body = Choose a date and a free time slot; the provider confirms quickly.
home-how-3-title = Talk
home-how-3-body = Explain what you need by message, without sharing your number unless you want to.
home-how-4-title = Review
home-how-4-body = After the job, you and the provider review each other, openly.
home-pro-title = Are you a tradesperson or service provider?
home-pro-body = Join Khadamat for free: a professional profile in French and Arabic, client requests near you, and your business run from your phone.
home-pro-point-1 = Free sign-up and profile
home-pro-point-2 = Your prices, your hours, your areas
home-pro-point-3 = Club Pro for more visibility
home-pro-cta = Become a provider
