DROP INDEX users_live_role_idx;
DROP INDEX providers_live_status_idx;
DROP INDEX bookings_period_idx;
CREATE INDEX bookings_created_idx ON bookings (created_at);
