favorites-title = Mes favoris
favorites-empty = Vous n’avez pas encore de favori. Ajoutez des prestataires depuis la recherche ou leur page.
favorite-add = Ajouter aux favoris
favorite-remove = Retirer des favoris
