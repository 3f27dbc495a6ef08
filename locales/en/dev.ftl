dev-outbox-title = Outbox (development)
dev-outbox-lead = The emails the site sent in development, newest first.
dev-outbox-to = To:
dev-outbox-empty = No email sent yet.
