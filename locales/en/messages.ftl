messages-title = Messages
messages-empty = No conversations yet. Contact a provider from their page.
messages-with = Conversation with { $name }
messages-see-profile = See the provider's profile
messages-older = Earlier messages
messages-thread-empty = No messages yet: write the first one.
messages-thread-label = Messages of the conversation
messages-send-label = Your message
messages-send = Send
messages-refresh = Refresh the conversation
messages-seen = Seen
message-error-empty = Write a message before sending it.
message-error-too-long = A message has at most 5,000 characters.
message-error-rate = Too many messages in a short time: wait a minute.
message-error-self = You cannot write to yourself.
message-error-verify-email = Confirm your email address before writing to a provider.
email-message-subject = { $name } wrote to you
email-message-body = { $name } wrote to you on Khadamat:
email-message-count = { $count ->
    [one] { $count } unread message.
   *[other] { $count } unread messages.
}
email-message-action = Reply
messages-bookings = Your bookings together
messages-report = Report
messages-report-conversation-link = Report the conversation
messages-report-title = Report to the Khadamat team
messages-report-back = Back to the conversation
messages-report-conversation = You are reporting the whole conversation: the team will read all of it.
messages-report-reason = What is happening?
messages-report-hint = 5 to 1,000 characters: insults, threats, a scam, a request to pay outside Khadamat…
messages-report-submit = Send the report
