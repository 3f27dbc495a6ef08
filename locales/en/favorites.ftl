favorites-title = My favorites
favorites-empty = No favorites yet. Add providers from the search or from their page.
favorite-add = Add to favorites
favorite-remove = Remove from favorites
