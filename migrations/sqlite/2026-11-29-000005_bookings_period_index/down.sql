DROP INDEX bookings_period_idx;
CREATE INDEX bookings_created_idx ON bookings (created_at);
