statistics-title = Statistics
statistics-period = Period
statistics-period-30d = Last 30 days
statistics-period-90d = Last 90 days
statistics-period-12m = Last 12 months
statistics-from = From
statistics-to = To
statistics-apply = Show
statistics-period-shown = From { $from } to { $to }
statistics-requests = Requests received
statistics-acceptance = Acceptance rate
statistics-response = Median response time
statistics-completion = Jobs completed
statistics-cancellation = Jobs cancelled
statistics-revenue = Revenue recorded
statistics-rating = Current rating
statistics-views = Profile views
statistics-favorites = Favorites
statistics-favorites-added = { $count ->
    [one] (+{ $count } in the period)
   *[other] (+{ $count } in the period)
}
statistics-percent = { $value }%
statistics-definitions = Acceptance: requests accepted out of requests received. Jobs completed and cancelled: out of accepted requests. Revenue: amounts entered when jobs are completed. One view per visitor and day, bots and yourself excluded.
statistics-chart-requests = Requests received per month
statistics-chart-revenue = Revenue per month
statistics-chart-rating = Average rating of published reviews, per month
statistics-chart-views = Profile views per month
statistics-rating-month = { $rating } / 5 ({ $count } reviews)
statistics-table = Show the data
statistics-csv = Download as CSV
statistics-csv-club-pro = Download your statistics as CSV with Club Pro
statistics-no-data = No data for this period yet.
