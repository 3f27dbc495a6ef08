## Booking form (BookingModal)
book-title = Book { $name }
book-service = Service
book-date = Date
book-time = Start time
book-show-times = Show free times
book-choose-date = Choose a service and a date to see the free times.
book-no-slots = No free time on { $date }. Try another day.
book-address = Address (street, neighbourhood)
book-city = City
book-description = Describe the job
book-description-hint = What needs doing, access, materials on site (10 to 2,000 characters).
book-duration = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
book-price-estimate = Estimated price: the final amount is agreed with the provider.
book-payment-cash = Pay the provider when the job is done (cash by default).
book-answer-within = The provider has 24 hours to answer (or until the start, if sooner).
book-submit = Send the request
book-no-services = This provider offers no services at the moment.
book-error-verify-email = Confirm your email address before booking.
book-error-own = You cannot book your own services.
book-error-service = Choose one of the services offered.
book-error-date = Enter a valid date (YYYY-MM-DD).
book-error-time = Choose a start time among the free times.
book-error-address = Enter the address (5 to 300 characters).
book-error-city = Choose a city from the list.
book-error-description = Describe the job in 10 to 2,000 characters.
book-error-stale-form = This form has expired: reload the page and try again.
book-error-too-soon = The start must be at least 2 hours from now.
book-error-too-far = Bookings can be made up to 60 days ahead.
book-error-day-off = The provider does not work that day.
book-error-outside-hours = This time is outside the provider's working hours.
book-error-taken = This time has just been taken: choose another one.

## Statuses
booking-status-pending = Pending
booking-status-confirmed = Confirmed
booking-status-in-progress = In progress
booking-status-completed = Completed
booking-status-cancelled = Cancelled
booking-status-cancelled-by-client = Cancelled by the client
booking-status-cancelled-by-provider = Cancelled by the provider
booking-status-cancelled-by-admin = Cancelled by Khadamat
booking-status-rejected = Declined
booking-status-expired = Expired

## Booking page
booking-title = Booking { $reference }
booking-details = Details
booking-when = When
booking-price = Price
booking-paid = paid: { $amount }
booking-reason = Reason
booking-reason-slot-taken = The provider accepted another request for this time.
booking-provider = Provider
booking-client = Client
booking-client-reviews = { $count ->
    [one] { $count } review received
   *[other] { $count } reviews received
}
booking-answer-by = Answer expected before { $when }.
booking-late-cancellation = late cancellation
booking-actions = Actions
booking-accept = Accept
booking-reject = Decline…
booking-reject-confirm = Decline the request
booking-start = Start the job
booking-complete = Complete the job
booking-amount = Amount paid (DH)
booking-amount-hint = What the client actually paid.
booking-cancel = Cancel…
booking-cancel-confirm = Confirm the cancellation
booking-cancel-free = Cancelling is free until 24 hours before the start.
booking-cancel-late = The start is less than 24 hours away: this will be recorded as a late cancellation.
booking-cancel-provider = The client will be told; cancellations count in your statistics.
booking-timeline = History
booking-error-reason = Give a reason (5 to 1,000 characters).
booking-error-amount = Enter the amount paid, in dirhams (for example 250).
booking-refused-moved-on = This booking changed meanwhile: here is where it stands now.
booking-refused-not-allowed = You cannot do this.
booking-refused-too-early = The job can start at the earliest 30 minutes before the scheduled time.

## Client list (MesReservations)
bookings-title = My bookings
bookings-tabs-label = Period
bookings-upcoming = Upcoming
bookings-past = Past
bookings-filter-label = Filter by status
bookings-empty = No bookings here.
bookings-find = Find a provider

## Provider list (Missions)
missions-title = Jobs
missions-pending = Requests to answer
missions-pending-empty = No pending requests.
missions-time-left = { $hours } h { $minutes } min left to answer
missions-agenda = This week's agenda
missions-week-previous = Previous week
missions-week-next = Next week
missions-day-free = Free
missions-week-free = No jobs this week: your hours stay open for bookings.
missions-week-availability = Review my hours
missions-history = All jobs
missions-all = All
missions-empty = No jobs here.

## Notification centre
notifications-title = Notifications
notifications-empty = No notifications.
notifications-read-all = Mark all as read
notifications-mark-read = Mark as read
notifications-delete = Delete
notification-booking-request = New request from { $name }: { $service }, on { $when }.
notification-booking-confirmed = { $name } accepted your booking { $reference } on { $when }.
notification-booking-rejected = Your request { $reference } was declined: { $reason }
notification-booking-cancelled = { $by ->
    [client] The client cancelled booking { $reference } on { $when }.
    [provider] The provider cancelled booking { $reference } on { $when }.
    [admin] Khadamat cancelled booking { $reference } on { $when }.
   *[other] Booking { $reference } on { $when } was cancelled.
}
notification-booking-expired = Request { $reference } expired without an answer.
notification-booking-started = Job { $reference } has started.
notification-booking-completed = Job { $reference } is complete.
notification-booking-reminder-expiry = Request { $reference } from { $name } expires soon: answer it.
notification-booking-reminder-job = Reminder: { $service } on { $when } ({ $reference }).
notification-provider-approved = Your provider profile is published.
notification-provider-rejected = Your provider profile was not approved: { $reason }
notification-generic = You have a new notification.

## Emails
email-booking-action = See the booking
email-booking-request-subject = New request: { $service }
email-booking-request-body = { $name } asks for "{ $service }" on { $when } (booking { $reference }). Answer within 24 hours, or the request expires.
email-booking-confirmed-subject = Booking confirmed: { $service }
email-booking-confirmed-body = { $name } accepted your request "{ $service }" on { $when } (booking { $reference }).
email-booking-rejected-subject = Request declined: { $service }
email-booking-rejected-body = Your request "{ $service }" on { $when } (booking { $reference }) was declined. Reason: { $reason }
email-booking-cancelled-subject = { $by ->
    [client] Booking cancelled by the client: { $service }
    [provider] Booking cancelled by the provider: { $service }
    [admin] Booking cancelled by Khadamat: { $service }
   *[other] Booking cancelled: { $service }
}
email-booking-cancelled-body = { $by ->
    [client] The client cancelled booking { $reference } ("{ $service }", on { $when }).
    [provider] The provider cancelled booking { $reference } ("{ $service }", on { $when }).
    [admin] Khadamat cancelled booking { $reference } ("{ $service }", on { $when }).
   *[other] Booking { $reference } ("{ $service }", on { $when }) was cancelled.
} { $reason }
email-booking-expired-subject = Request expired: { $service }
email-booking-expired-body = Request { $reference } ("{ $service }", on { $when }) expired without an answer from the provider.
email-booking-started-subject = Job started: { $service }
email-booking-started-body = Job { $reference } ("{ $service }") has started.
email-booking-completed-subject = Job complete: { $service }
email-booking-completed-body = Job { $reference } ("{ $service }", on { $when }) is complete. Thank you for using Khadamat.
email-booking-reminder-expiry-subject = Request to answer: { $service }
email-booking-reminder-expiry-body = The request from { $name } for "{ $service }" on { $when } (booking { $reference }) expires in less than 2 hours. Accept or decline it.
email-booking-reminder-job-subject = Reminder: { $service } tomorrow
email-booking-reminder-job-body = Reminder: "{ $service }" on { $when } with { $name } (booking { $reference }).
email-generic-subject = New notification
email-generic-body = You have a new notification on Khadamat.
booking-parties = The parties
booking-message = Send a message
booking-reason-account-deleted = The other party deleted their Khadamat account.
