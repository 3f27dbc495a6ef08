-- Statistics over a period (the back office's dashboard) read indexes, not rows: bookings created in a date
-- range counted by status, service (category) and city; live providers by status; accounts by role.
-- The period index replaces the one on created_at alone.
DROP INDEX bookings_created_idx;
CREATE INDEX bookings_period_idx ON bookings (created_at, status, service_id, city_id);
CREATE INDEX providers_live_status_idx ON providers (status) WHERE removed_at IS NULL;
CREATE INDEX users_live_role_idx ON users (role) WHERE status <> 'DELETED';
