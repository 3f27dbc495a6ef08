-- Personal data is kept no longer than the privacy policy says (see domain::retention and services::privacy):
-- the jobs loop deletes sign-in attempts and abuse counters by age, which these indexes make cheap.
CREATE INDEX login_attempts_created_idx ON login_attempts (created_at);
CREATE INDEX rate_limit_events_created_idx ON rate_limit_events (created_at);
