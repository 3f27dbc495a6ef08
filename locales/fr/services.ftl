services-index-title = Tous les services à domicile
services-index-description = Les 30 catégories de services à domicile de Khadamat : plomberie, électricité, ménage, peinture, climatisation, jardinage et bien plus, partout au Maroc.
services-index-lead = Choisissez une catégorie pour voir les prestataires disponibles près de chez vous.
