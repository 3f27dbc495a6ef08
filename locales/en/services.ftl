services-index-title = All home services
services-index-description = Khadamat's 30 home-service categories: plumbing, electrical work, cleaning, painting, air conditioning, gardening and more, all over Morocco.
services-index-lead = Pick a category to see the providers available near you.
