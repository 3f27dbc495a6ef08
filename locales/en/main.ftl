site-description = Khadamat: find a trusted plumber, electrician, cleaner or gardener near you, anywhere in Morocco.
nav-skip-to-content = Skip to content
nav-home-label = Khadamat, home
nav-main-label = Main navigation
nav-mobile-label = Quick navigation
nav-breadcrumb-label = Breadcrumb
nav-language-label = Language
nav-home = Home
nav-services = Services
nav-providers = Find a pro
nav-search = Search
nav-about = About
nav-contact = Contact
nav-login = Sign in
nav-register = Create an account
nav-account = Account
search-label = Search for a service or a provider
search-placeholder = Plumber, cleaning, air conditioning…
search-submit = Search
footer-tagline = Trusted professionals for your home, all over Morocco. Clear prices in dirhams, verified reviews after every job.
footer-company = Khadamat
footer-legal = Legal information
footer-language = Language
footer-copyright = © 2026 Khadamat SARL · Casablanca, Morocco
form-optional = (optional)
form-error-summary = { $count ->
    [one] The form has one error:
   *[other] The form has { $count } errors:
}
format-date-long = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
format-month-short = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
} { $year }
format-day-short = { $month }/{ $day }
format-datetime = { $date } at { $time }
error-400-title = Bad request
error-400 = This request could not be understood. Check what you entered and try again.
error-401-title = Sign-in required
error-401 = Sign in to see this page.
error-403-title = Access denied
error-403 = You do not have access to this page, or the form has expired. Reload the page and try again.
error-404-title = Page not found
error-404 = The page you are looking for does not exist or has moved.
error-409-title = Already changed
error-409 = This item changed in the meantime. Reload the page to see where it stands.
error-410-title = Page removed
error-410 = This page no longer exists.
error-422-title = Invalid information
error-422 = Some of the information is not valid. Correct it and try again.
error-408-title = Sending too slow
error-408 = What you sent arrived too slowly and was cut off. Check your connection, then try again.
error-429-title = Too many attempts
error-429 = You made too many requests in a short time. Wait a few minutes, then try again.
error-500-title = Server error
error-500 = Something unexpected went wrong on our side. Our team has been told; please try again in a moment.
error-503-title = Service temporarily unavailable
error-503 = The site cannot reach its database right now. Nothing is lost: please try again in a few seconds.
error-reference = Reference: { $id }
error-home = Back to the home page
nav-logout = Sign out
form-error-title-prefix = Error:
notice-signed-out = You are signed out. See you soon!
notice-password-reset = Your password has been changed. Sign in with the new one.
notice-password-changed = Password changed. Your other sessions have been signed out.
notice-verification-sent = A new verification link is on its way.
notice-email-change-sent = A confirmation link has been sent to the new address. It is valid for 24 hours.
notice-email-changed = Your email address has been changed.
notice-profile-saved = Profile saved.
notice-provider-profile-first = Create your provider profile first: your services, jobs and statistics come next.
notice-notifications-saved = Notification preferences saved.
notice-session-revoked = The session has been signed out.
notice-sessions-revoked = All your other sessions have been signed out.
notice-two-factor-disabled = Two-step verification is off.
notice-admin-needs-2fa = Administrators must turn on two-step verification before using the back office.
notice-account-deleted = Your account has been deleted. Thank you for using Khadamat.
notice-service-saved = Service saved.
notice-decision-saved = Decision saved; the provider has been told.
notice-email-retried = Retry started; the email is on its way.
notice-email-not-retried = This email was just sent or is being sent: nothing to retry.
nav-notifications = Notifications
nav-unread = unread
notice-booking-requested = Request sent: the provider has 24 hours to answer.
notice-booking-updated = Booking updated.
notice-notifications-all-read = All notifications are marked as read.
notice-notification-deleted = Notification deleted.
nav-messages = Messages
notice-review-saved = Your review is saved.
notice-review-deleted = Your review is deleted.
notice-conversation-reported = Thank you: the moderation team will look at what you reported.
notice-review-reported = Thank you: the moderation team will look at this review.
notice-review-replied = Your reply is published.

notice-photo-saved = Your photo is online.
notice-photo-removed = Your photo was removed.
form-choose = Choose…
