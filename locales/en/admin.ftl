admin-providers-title = Providers to approve
admin-providers-empty = No provider is waiting.
admin-approve = Approve
admin-reject = Reject
admin-reject-reason = Reason for rejecting
admin-error-reason = Give a reason of 5 to 1,000 characters: the provider will receive it.
admin-dashboard-title = Dashboard
admin-sections = Back-office sections
admin-queues = To handle
admin-users-by-role = Accounts by type
admin-new-users = New accounts in the period
admin-providers-by-status = Providers by status
admin-provider-status-pending = Pending
admin-provider-status-approved = Approved
admin-provider-status-rejected = Rejected
admin-provider-status-suspended = Suspended
admin-revenue = Subscriptions received in the period
admin-top-categories = Most booked categories
admin-top-cities = Most active cities
admin-bookings-count = { $count ->
    [one] { $count } booking
   *[other] { $count } bookings
}
admin-chart-bookings-per-day = Bookings created per day
admin-chart-bookings-by-status = Bookings of the period by status
admin-chart-revenue = Subscriptions received per month
admin-reviews-title = Reported reviews
admin-reviews-empty = No reported or hidden review.
admin-reviews-booking = See the booking
admin-reviews-reports = { $count ->
    [one] { $count } report:
   *[other] { $count } reports:
}
admin-reviews-last-reason = Last decision:
admin-reviews-reason = Reason (sent to the author)
admin-reviews-hide = Hide
admin-reviews-restore = Restore
admin-role-clients = Clients
admin-role-providers = Providers
admin-role-admins = Administrators
admin-audit-title = Audit log
admin-audit-lead = Every admin action and security event, newest first. The log cannot be changed.
admin-audit-actor = Actor
admin-audit-actor-hint = Email, account number or "system".
admin-audit-action = Action
admin-audit-action-hint = Exact (review.hidden) or a prefix ending with a dot (review.).
admin-audit-target = Target
admin-audit-target-id = Target number
admin-audit-any = All
admin-audit-filter = Filter
admin-audit-reset = Show all
admin-audit-empty = No entry matches these filters.
admin-audit-shown = { $count ->
    [one] { $count } entry on this page
   *[other] { $count } entries on this page
}
admin-audit-when = Date
admin-audit-change = Change
admin-audit-ip = IP address
admin-audit-system = System
admin-contact-title = Contact messages
admin-contact-tabs = Messages
admin-contact-open = To handle
admin-contact-handled = Handled
admin-contact-empty = No message here.
admin-contact-language = Language
admin-contact-your-reply = Reply sent
admin-contact-reply-label = Reply by email
admin-contact-reply-hint = 5 to 5,000 characters, sent to the sender in their language with their message; the message becomes "handled".
admin-contact-send = Send the reply
admin-contact-mark-handled = Mark handled without replying
admin-contact-error-reply = The reply must be 5 to 5,000 characters long.
admin-contact-error-handled = This message was already handled.
admin-contact-reply-subject = A reply from the Khadamat team
admin-contact-reply-quote = Your message:
admin-users-title = Users
admin-users-search = Name, email or phone
admin-users-status = Status
admin-user-status-active = Active
admin-user-status-suspended = Suspended
admin-user-status-deleted = Deleted
admin-users-sort-newest = Newest
admin-users-sort-oldest = Oldest
admin-users-sort-name = Name
admin-users-sort-login = Last sign-in
admin-users-empty = No user matches.
admin-users-shown = { $count ->
    [one] { $count } user on this page
   *[other] { $count } users on this page
}
admin-users-csv = Export as CSV
admin-users-name = Name
admin-users-since = Joined
admin-users-last-login = Last sign-in
admin-users-unverified = address not verified
admin-users-none = Nothing yet.
admin-users-review-written = Written
admin-users-review-received = Received
admin-users-sessions = Open sessions
admin-users-audit-all = Their whole log
admin-user-suspend = Suspend the account
admin-user-suspend-reason = Reason for the suspension (sent to the person)
admin-user-reactivate = Reactivate the account
admin-user-reactivate-reason = Reason for the reactivation
admin-user-verify-email = Confirm the email address by hand
admin-user-change-role = Change the account type
admin-user-error-self = You cannot make this decision about your own account.
admin-user-error-deleted = This account is deleted.
admin-user-error-reason = Give a reason of 5 to 1,000 characters.
admin-user-error-moved = This account changed in the meantime; reload the page.
admin-user-error-role = Choose an account type.
email-admin-suspended-subject = Your Khadamat account is suspended
email-admin-suspended-body = Your account was suspended by the Khadamat team. Reason: { $detail }. Your open bookings were cancelled. To talk about it, write to us from the Contact page.
email-admin-reactivated-subject = Your Khadamat account is active again
email-admin-reactivated-body = Your account is active again. Reason: { $detail }.
email-admin-verified-subject = Your email address is confirmed
email-admin-verified-body = The Khadamat team confirmed your email address.
email-admin-role-subject = Your account type changed
email-admin-role-body = The Khadamat team changed your account type: { $detail }.
email-admin-role-client = client
email-admin-role-provider = provider
email-admin-role-admin = administrator
admin-user-badge-reason = Reason
admin-user-badge-grant = Grant the "verified" badge
admin-user-badge-revoke = Revoke the "verified" badge
admin-user-error-not-provider = This account has no provider profile.
admin-user-delete = Anonymise and delete the account
admin-user-delete-warning = Personal data is erased, open bookings are cancelled (both parties are told) and the provider page is removed. This is final.
admin-user-delete-reason = Reason (kept in the log)
admin-user-delete-confirm = Delete for good
admin-user-club-pro = Club Pro active
email-admin-badge-subject = Your profile is verified
email-admin-badge-body = The Khadamat team granted your profile the "verified" badge. { $detail }
email-admin-badge-revoked-subject = Your "verified" badge was removed
email-admin-badge-revoked-body = The Khadamat team removed the "verified" badge from your profile. Reason: { $detail }
admin-bookings-title = Bookings
admin-bookings-client-hint = Email or account number.
admin-bookings-empty = No booking matches.
admin-bookings-shown = { $count ->
    [one] { $count } booking on this page
   *[other] { $count } bookings on this page
}
admin-bookings-reference = Reference
admin-providers-all-title = All providers
admin-service-reason = Reason for deactivating (sent to the provider)
admin-service-deactivate = Deactivate this service
email-admin-service-subject = One of your services was deactivated
email-admin-service-body = The Khadamat team deactivated your service { $detail }. You can correct it and activate it again from your area.
admin-booking-conversation = Conversation between the parties

## Moderation of conversations
admin-conversations-title = Reported conversations
admin-conversations-empty = No reported conversation or message.
admin-conversations-message = Reported message
admin-conversations-whole = Reported conversation
admin-conversations-reason = Reason given:
admin-conversation-title = Conversation
admin-conversation-client = Client:
admin-conversation-provider = Provider:
admin-conversation-suspend-hint = To suspend an account, open the person's page.
admin-conversation-reports = Reports about the conversation
admin-conversation-system = Automatic message
admin-conversation-hidden = Hidden
admin-conversation-reason = Reason (sent to the message’s author)
admin-conversation-warn-reason = Reason (sent to the person warned)
admin-conversation-hide = Hide the message
admin-conversation-restore = Show the message again
admin-conversation-warn-title = Warn a participant
admin-conversation-warn-whom = Whom to warn?
admin-conversation-warn = Send the warning
admin-conversation-dismiss-title = Dismiss the reports
admin-conversation-dismiss-note = Note (for the log)
admin-conversation-dismiss = Dismiss
moderation-error-reason = Give a reason of 5 to 1,000 characters.
moderation-error-changed = This changed in the meantime: reload the page.
email-admin-message-hidden-subject = One of your messages was hidden
email-admin-message-hidden-body = The Khadamat team hid one of your messages, which did not follow our rules. Reason: { $detail }
email-admin-message-restored-subject = Your message is visible again
email-admin-message-restored-body = The Khadamat team restored one of your messages. Reason: { $detail }
email-admin-warned-subject = A warning from the Khadamat team
email-admin-warned-body = The Khadamat team is warning you about one of your conversations. Reason: { $detail } If it happens again, your account may be suspended.

## Catalogue
admin-catalogue-title = Catalogue
admin-catalogue-categories = Categories
admin-catalogue-cities = Cities
admin-catalogue-new-category = New category
admin-catalogue-new-city = New city
admin-catalogue-order = Order
admin-catalogue-name = Name
admin-catalogue-name-fr = Name in French
admin-catalogue-name-ar = Name in Arabic
admin-catalogue-name-en = Name in English
admin-catalogue-slug = Address (slug)
admin-catalogue-icon = Icon
admin-catalogue-latitude = Latitude
admin-catalogue-longitude = Longitude
admin-catalogue-state = State
admin-catalogue-used = Uses
admin-catalogue-served = Providers
admin-catalogue-shown = Shown
admin-catalogue-hidden = Hidden
admin-catalogue-popular = Popular
admin-catalogue-merged-into = Merged into { $name }
admin-catalogue-save = Save
admin-catalogue-merge-title = Merge into another category
admin-catalogue-merge-hint = Its providers and services move to the chosen category, its pages redirect there and it stays hidden. This cannot be undone.
admin-catalogue-merge-into = Receiving category
admin-catalogue-merge-choose = Choose…
admin-catalogue-merge = Merge
admin-catalogue-delete-title = Delete
admin-catalogue-delete = Delete the category
admin-catalogue-in-use = { $count ->
    [one] Used once (provider, service or merged category): hide or merge it.
   *[other] Used { $count } times (providers, services or merged categories): hide or merge it.
}
catalogue-error-name-fr = Give the name in French (2 to 80 characters).
catalogue-error-name-ar = Give the name in Arabic (2 to 80 characters).
catalogue-error-name-en = Give the name in English (2 to 80 characters).
catalogue-error-slug = The address: 2 to 60 lower-case letters without accents or digits, words joined by a hyphen.
catalogue-error-slug-taken = This address is already taken.
catalogue-error-icon = Choose an icon from the list.
catalogue-error-position = The order is a number from 0 to 9,999.
catalogue-error-coordinates = Give a latitude and longitude in Morocco (for example 33.5731 and -7.5898).
catalogue-error-changed = This category changed in the meantime: here is its current version.
catalogue-error-merge-target = Choose another category, shown and not merged.
catalogue-error-in-use = This category is in use: hide or merge it.
admin-outbox-title = Email queue
admin-outbox-intro = Every email is saved with the action that causes it, then sent. If it does not go out, it is retried at growing intervals for 24 hours, then marked failed with its last error.
admin-outbox-tabs = Email states
admin-outbox-pending = Waiting
admin-outbox-failed = Failed
admin-outbox-sent = Sent
admin-outbox-empty = No emails here.
admin-outbox-created = Created on
admin-outbox-attempts = { $count ->
    [0] no attempt
    [one] { $count } attempt
   *[other] { $count } attempts
}
admin-outbox-sent-at = Sent on
admin-outbox-next = Next attempt on
admin-outbox-error = Last error:
admin-outbox-retry = Retry now
admin-outbox-failed-title = Failed emails
admin-club-pro-title = Club Pro
admin-club-pro-members = Members
admin-club-pro-mrr = Monthly recurring revenue
admin-club-pro-churn = Leavers over 30 days
admin-club-pro-paid-30d = Received over 30 days
admin-club-pro-paid = Received in total
admin-club-pro-subscriptions = Subscriptions
admin-club-pro-none = No subscriptions yet.
admin-club-pro-plan = Plan
admin-club-pro-period-end = Period ends
admin-club-pro-actions = Actions
admin-club-pro-ending = Cancelled, stops at the end of the period
admin-club-pro-cancel = Stop now (Stripe)
admin-club-pro-payments = Payments
admin-club-pro-plans = Plans
admin-club-pro-price = Price (MAD)
admin-club-pro-stripe-price = Stripe price id
admin-club-pro-stripe-ids = Stripe ids
admin-club-pro-on-offer = Offered to providers
admin-club-pro-save = Save
admin-club-pro-history = Club Pro subscriptions
