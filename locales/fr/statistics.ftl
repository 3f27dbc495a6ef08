statistics-title = Statistiques
statistics-period = Période
statistics-period-30d = 30 derniers jours
statistics-period-90d = 90 derniers jours
statistics-period-12m = 12 derniers mois
statistics-from = Du
statistics-to = Au
statistics-apply = Afficher
statistics-period-shown = Du { $from } au { $to }
statistics-requests = Demandes reçues
statistics-acceptance = Taux d’acceptation
statistics-response = Temps de réponse médian
statistics-completion = Missions terminées
statistics-cancellation = Missions annulées
statistics-revenue = Chiffre d’affaires enregistré
statistics-rating = Note actuelle
statistics-views = Vues du profil
statistics-favorites = Favoris
statistics-favorites-added = { $count ->
    [one] (+{ $count } sur la période)
   *[other] (+{ $count } sur la période)
}
statistics-percent = { $value } %
statistics-definitions = Acceptation : demandes acceptées sur demandes reçues. Missions terminées et annulées : sur les demandes acceptées. Chiffre d’affaires : montants saisis à la fin des missions. Une vue par visiteur et par jour, robots et vous-même exclus.
statistics-chart-requests = Demandes reçues par mois
statistics-chart-revenue = Chiffre d’affaires par mois
statistics-chart-rating = Note moyenne des avis publiés, par mois
statistics-chart-views = Vues du profil par mois
statistics-rating-month = { $rating } / 5 ({ $count } avis)
statistics-table = Voir les données
statistics-csv = Télécharger en CSV
statistics-csv-club-pro = Téléchargez vos statistiques en CSV avec Club Pro
statistics-no-data = Pas encore de données sur cette période.
