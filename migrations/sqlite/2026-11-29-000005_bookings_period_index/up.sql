-- Statistics over a period (the back office's dashboard): bookings created in a date range, counted by
-- status, service (category) and city from the index alone. Replaces the index on created_at only.
DROP INDEX bookings_created_idx;
CREATE INDEX bookings_period_idx ON bookings (created_at, status, service_id, city_id);
