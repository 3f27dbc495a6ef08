-- Khadamat initial schema. Written once for both backends: scripts/gen-initial-migration.sh turns
-- this file into migrations/{postgres,sqlite}/2026-11-29-000001_initial/up.sql.
-- Conventions: ids BIGINT, times TIMESTAMP (UTC), money BIGINT centimes of MAD,
-- statuses and kinds TEXT + CHECK (mapped to Rust enums in src/db/types.rs), JSON as TEXT.

CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name_fr TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX cities_lat_lng_idx ON cities (latitude, longitude);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    slug TEXT NOT NULL UNIQUE,
    name_fr TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    icon TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    is_popular BOOLEAN NOT NULL DEFAULT FALSE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    merged_into_id BIGINT REFERENCES categories (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX categories_position_idx ON categories (is_active, position);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    phone TEXT,
    avatar_media_id BIGINT REFERENCES media (id) ON DELETE SET NULL,
    role TEXT NOT NULL DEFAULT 'CLIENT' CHECK (role IN ('CLIENT', 'PROVIDER', 'ADMIN')),
    status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED')),
    status_reason TEXT,
    locale TEXT NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'ar', 'en')),
    city_id BIGINT REFERENCES cities (id),
    email_verified_at TIMESTAMP,
    two_factor_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    two_factor_secret TEXT,
    two_factor_recovery_codes TEXT,
    two_factor_last_step BIGINT,
    rating_avg DOUBLE PRECISION NOT NULL DEFAULT 0,
    review_count INTEGER NOT NULL DEFAULT 0,
    last_login_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TIMESTAMP
);
CREATE INDEX users_role_status_idx ON users (role, status, created_at);
CREATE INDEX users_phone_idx ON users (phone);

CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('AVATAR', 'PROVIDER_PHOTO', 'PORTFOLIO', 'MESSAGE_ATTACHMENT')),
    storage_key TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    byte_size BIGINT NOT NULL CHECK (byte_size >= 0),
    width INTEGER,
    height INTEGER,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX media_owner_idx ON media (owner_id, kind);

CREATE TABLE providers (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    bio_fr TEXT NOT NULL DEFAULT '',
    bio_ar TEXT NOT NULL DEFAULT '',
    bio_en TEXT,
    specialties TEXT NOT NULL DEFAULT '',
    years_experience INTEGER NOT NULL DEFAULT 0 CHECK (years_experience >= 0),
    hourly_rate_cents BIGINT CHECK (hourly_rate_cents >= 0),
    city_id BIGINT NOT NULL REFERENCES cities (id),
    neighbourhood TEXT,
    service_radius_km INTEGER CHECK (service_radius_km > 0),
    languages TEXT NOT NULL DEFAULT 'fr,ar',
    photo_media_id BIGINT REFERENCES media (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED')),
    status_reason TEXT,
    approved_at TIMESTAMP,
    is_verified BOOLEAN NOT NULL DEFAULT FALSE,
    verified_at TIMESTAMP,
    rating_avg DOUBLE PRECISION NOT NULL DEFAULT 0,
    review_count INTEGER NOT NULL DEFAULT 0,
    completed_jobs INTEGER NOT NULL DEFAULT 0,
    response_time_minutes INTEGER,
    min_price_cents BIGINT,
    is_online BOOLEAN NOT NULL DEFAULT FALSE,
    last_seen_at TIMESTAMP,
    profile_views BIGINT NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    removed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX providers_public_rating_idx ON providers (status, rating_avg DESC, review_count DESC, id);
CREATE INDEX providers_city_idx ON providers (city_id, status);
CREATE INDEX providers_price_idx ON providers (status, min_price_cents);

CREATE TABLE provider_categories (
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    category_id BIGINT NOT NULL REFERENCES categories (id),
    PRIMARY KEY (provider_id, category_id)
);
CREATE INDEX provider_categories_category_idx ON provider_categories (category_id, provider_id);

CREATE TABLE provider_cities (
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    city_id BIGINT NOT NULL REFERENCES cities (id),
    PRIMARY KEY (provider_id, city_id)
);
CREATE INDEX provider_cities_city_idx ON provider_cities (city_id, provider_id);

-- Weekly availability: ISO weekday (1 = Monday … 7 = Sunday), minutes after local midnight (Africa/Casablanca).
CREATE TABLE provider_availability (
    id INTEGER PRIMARY KEY,
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    weekday SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (start_minute < end_minute)
);
CREATE INDEX provider_availability_provider_idx ON provider_availability (provider_id, weekday);

CREATE TABLE provider_days_off (
    id INTEGER PRIMARY KEY,
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    reason TEXT,
    UNIQUE (provider_id, day)
);

CREATE TABLE services (
    id INTEGER PRIMARY KEY,
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    category_id BIGINT NOT NULL REFERENCES categories (id),
    name_fr TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_en TEXT,
    description_fr TEXT NOT NULL,
    description_ar TEXT NOT NULL,
    description_en TEXT,
    pricing_unit TEXT NOT NULL CHECK (pricing_unit IN ('FIXED', 'HOURLY', 'QUOTE')),
    base_price_cents BIGINT CHECK (base_price_cents >= 0),
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    is_popular BOOLEAN NOT NULL DEFAULT FALSE,
    deactivated_reason TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at TIMESTAMP,
    CHECK (pricing_unit = 'QUOTE' OR base_price_cents IS NOT NULL)
);
CREATE INDEX services_provider_idx ON services (provider_id, is_active);
CREATE INDEX services_category_idx ON services (category_id, is_active, base_price_cents);

CREATE TABLE bookings (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    client_id BIGINT NOT NULL REFERENCES users (id),
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    service_id BIGINT NOT NULL REFERENCES services (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    scheduled_start TIMESTAMP NOT NULL,
    scheduled_end TIMESTAMP NOT NULL,
    address TEXT NOT NULL,
    city_id BIGINT NOT NULL REFERENCES cities (id),
    pricing_unit TEXT NOT NULL CHECK (pricing_unit IN ('FIXED', 'HOURLY', 'QUOTE')),
    price_cents BIGINT CHECK (price_cents >= 0),
    final_price_cents BIGINT CHECK (final_price_cents >= 0),
    status TEXT NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'REJECTED', 'EXPIRED')),
    status_reason TEXT,
    cancelled_by_role TEXT CHECK (cancelled_by_role IN ('CLIENT', 'PROVIDER', 'ADMIN')),
    is_late_cancellation BOOLEAN NOT NULL DEFAULT FALSE,
    notes TEXT,
    idempotency_key TEXT UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    responded_at TIMESTAMP,
    started_at TIMESTAMP,
    completed_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (scheduled_start < scheduled_end)
);
CREATE INDEX bookings_client_idx ON bookings (client_id, scheduled_start);
CREATE INDEX bookings_provider_schedule_idx ON bookings (provider_id, status, scheduled_start);
CREATE INDEX bookings_status_expiry_idx ON bookings (status, expires_at);
CREATE INDEX bookings_created_idx ON bookings (created_at);

CREATE TABLE booking_status_history (
    id INTEGER PRIMARY KEY,
    booking_id BIGINT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    from_status TEXT CHECK (from_status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'REJECTED', 'EXPIRED')),
    to_status TEXT NOT NULL CHECK (to_status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'REJECTED', 'EXPIRED')),
    actor_id BIGINT REFERENCES users (id),
    reason TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX booking_status_history_booking_idx ON booking_status_history (booking_id, created_at);

CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    client_id BIGINT NOT NULL REFERENCES users (id),
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    last_message_at TIMESTAMP,
    client_last_read_at TIMESTAMP,
    provider_last_read_at TIMESTAMP,
    last_email_notified_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (client_id, provider_id)
);
CREATE INDEX conversations_client_activity_idx ON conversations (client_id, last_message_at);
CREATE INDEX conversations_provider_activity_idx ON conversations (provider_id, last_message_at);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender_id BIGINT REFERENCES users (id),
    kind TEXT NOT NULL DEFAULT 'USER' CHECK (kind IN ('USER', 'SYSTEM')),
    body TEXT NOT NULL,
    booking_id BIGINT REFERENCES bookings (id),
    read_at TIMESTAMP,
    hidden_at TIMESTAMP,
    hidden_reason TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (kind = 'SYSTEM' OR sender_id IS NOT NULL)
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    booking_id BIGINT NOT NULL REFERENCES bookings (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    subject_user_id BIGINT NOT NULL REFERENCES users (id),
    provider_id BIGINT NOT NULL REFERENCES providers (id),
    direction TEXT NOT NULL CHECK (direction IN ('CLIENT_TO_PROVIDER', 'PROVIDER_TO_CLIENT')),
    rating SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    punctuality SMALLINT CHECK (punctuality BETWEEN 1 AND 5),
    quality SMALLINT CHECK (quality BETWEEN 1 AND 5),
    value SMALLINT CHECK (value BETWEEN 1 AND 5),
    comment TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PUBLISHED', 'HIDDEN')),
    status_reason TEXT,
    published_at TIMESTAMP,
    reply TEXT,
    replied_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (booking_id, direction)
);
CREATE INDEX reviews_provider_public_idx ON reviews (provider_id, direction, status, published_at);
CREATE INDEX reviews_subject_idx ON reviews (subject_user_id, status, published_at);

-- Reports from users about reviews, messages, conversations or providers (moderation queue).
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    reporter_id BIGINT NOT NULL REFERENCES users (id),
    target_kind TEXT NOT NULL CHECK (target_kind IN ('REVIEW', 'MESSAGE', 'CONVERSATION', 'PROVIDER')),
    target_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'DISMISSED')),
    resolved_by_id BIGINT REFERENCES users (id),
    resolution_note TEXT,
    resolved_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX reports_queue_idx ON reports (status, target_kind, created_at);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN (
        'BOOKING_REQUEST', 'BOOKING_CONFIRMED', 'BOOKING_REJECTED', 'BOOKING_CANCELLED', 'BOOKING_EXPIRED',
        'BOOKING_STARTED', 'BOOKING_COMPLETED', 'BOOKING_REMINDER', 'MESSAGE_RECEIVED', 'REVIEW_REQUEST',
        'REVIEW_PUBLISHED', 'REVIEW_REPLY', 'REVIEW_HIDDEN', 'PROVIDER_APPROVED', 'PROVIDER_REJECTED',
        'SUBSCRIPTION_ACTIVATED', 'SUBSCRIPTION_ENDING', 'ACCOUNT_SECURITY', 'ADMIN_NOTICE')),
    data TEXT NOT NULL DEFAULT '{}',
    link TEXT,
    read_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX notifications_user_idx ON notifications (user_id, read_at, created_at);

CREATE TABLE notification_preferences (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic TEXT NOT NULL CHECK (topic IN ('BOOKINGS', 'MESSAGES', 'REVIEWS', 'ACCOUNT', 'NEWS')),
    email_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    in_app_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (user_id, topic)
);

CREATE TABLE favorites (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (user_id, provider_id)
);
CREATE INDEX favorites_provider_idx ON favorites (provider_id);

-- Single-use hashed tokens (they replace the seed's refresh_tokens): email verification, password reset,
-- email change. Only a hash of the token is stored.
CREATE TABLE user_tokens (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET', 'EMAIL_CHANGE')),
    token_hash TEXT NOT NULL UNIQUE,
    new_email TEXT,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, kind, created_at);

-- Server-side sessions behind actix-session's SessionStore: only a hash of the cookie's token is stored.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT '{}',
    ip_address TEXT,
    user_agent TEXT,
    remember BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_seen_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMP NOT NULL,
    absolute_expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id, last_seen_at);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    ip_address TEXT NOT NULL,
    succeeded BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, created_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip_address, created_at);

-- Events counted by the rate limits that must hold across instances (registration, password reset,
-- verification resends, …): one row per attempt, per action and subject (an IP address or an account).
CREATE TABLE rate_limit_events (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX rate_limit_events_idx ON rate_limit_events (action, subject, created_at);

CREATE TABLE audit_logs (
    id INTEGER PRIMARY KEY,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target_kind TEXT,
    target_id BIGINT,
    old_values TEXT,
    new_values TEXT,
    ip_address TEXT,
    user_agent TEXT,
    request_id TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX audit_logs_created_idx ON audit_logs (created_at);
CREATE INDEX audit_logs_actor_idx ON audit_logs (actor_id, created_at);
CREATE INDEX audit_logs_target_idx ON audit_logs (target_kind, target_id, created_at);
CREATE INDEX audit_logs_action_idx ON audit_logs (action, created_at);

CREATE TABLE subscription_plans (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('CLUB_PRO', 'PREMIUM', 'ENTERPRISE')),
    billing_interval TEXT NOT NULL CHECK (billing_interval IN ('MONTH', 'YEAR')),
    price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
    stripe_price_id TEXT,
    features TEXT NOT NULL DEFAULT '[]',
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    plan_id BIGINT NOT NULL REFERENCES subscription_plans (id),
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACTIVE', 'PAST_DUE', 'CANCELLED', 'EXPIRED')),
    current_period_start TIMESTAMP,
    current_period_end TIMESTAMP,
    cancel_at_period_end BOOLEAN NOT NULL DEFAULT FALSE,
    stripe_customer_id TEXT,
    stripe_subscription_id TEXT UNIQUE,
    stripe_checkout_session_id TEXT UNIQUE,
    cancelled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX subscriptions_user_idx ON subscriptions (user_id, status, current_period_end);

CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    subscription_id BIGINT REFERENCES subscriptions (id),
    amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
    currency TEXT NOT NULL DEFAULT 'MAD',
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
    description TEXT NOT NULL,
    stripe_invoice_id TEXT UNIQUE,
    stripe_payment_intent_id TEXT UNIQUE,
    paid_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX payments_user_idx ON payments (user_id, created_at);
CREATE INDEX payments_paid_idx ON payments (status, paid_at);

-- Processed webhook events, for idempotency: an event id is handled once.
CREATE TABLE webhook_events (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('STRIPE')),
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    processed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (source, event_id)
);

CREATE TABLE contact_messages (
    id INTEGER PRIMARY KEY,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    topic TEXT NOT NULL CHECK (topic IN ('GENERAL', 'SUPPORT', 'PROVIDER', 'PARTNERSHIP', 'PRIVACY')),
    message TEXT NOT NULL,
    locale TEXT NOT NULL CHECK (locale IN ('fr', 'ar', 'en')),
    ip_address TEXT,
    status TEXT NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'READ', 'HANDLED')),
    handled_by_id BIGINT REFERENCES users (id),
    handled_at TIMESTAMP,
    reply TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX contact_messages_queue_idx ON contact_messages (status, created_at);
CREATE INDEX contact_messages_ip_idx ON contact_messages (ip_address, created_at);

-- One row per provider, day and visitor (a salted hash, never the IP itself).
CREATE TABLE profile_views (
    provider_id BIGINT NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
    day DATE NOT NULL,
    visitor_hash TEXT NOT NULL,
    PRIMARY KEY (provider_id, day, visitor_hash)
);

-- Background jobs (reminders, expiries, emails), claimed with a lock timestamp; shared by all instances.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    unique_key TEXT UNIQUE,
    run_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    locked_at TIMESTAMP,
    last_error TEXT,
    done_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX jobs_due_idx ON jobs (done_at, run_at);
