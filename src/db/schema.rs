//! The database schema, written by hand for both backends (portable types only).
//! `tests/it/db/schema.rs` checks it against the migrated SQLite and PostgreSQL databases.

diesel::table! {
    cities (id) {
        id -> BigInt,
        slug -> Text,
        name_fr -> Text,
        name_ar -> Text,
        name_en -> Text,
        latitude -> Double,
        longitude -> Double,
        position -> Integer,
        is_active -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        code -> Text,
        slug -> Text,
        name_fr -> Text,
        name_ar -> Text,
        name_en -> Text,
        icon -> Text,
        position -> Integer,
        is_popular -> Bool,
        is_active -> Bool,
        merged_into_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        password_hash -> Text,
        first_name -> Text,
        last_name -> Text,
        phone -> Nullable<Text>,
        avatar_media_id -> Nullable<BigInt>,
        role -> Text,
        status -> Text,
        status_reason -> Nullable<Text>,
        locale -> Text,
        city_id -> Nullable<BigInt>,
        email_verified_at -> Nullable<Timestamp>,
        two_factor_enabled -> Bool,
        two_factor_secret -> Nullable<Text>,
        two_factor_recovery_codes -> Nullable<Text>,
        two_factor_last_step -> Nullable<BigInt>,
        rating_avg -> Double,
        review_count -> Integer,
        last_login_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    media (id) {
        id -> BigInt,
        owner_id -> BigInt,
        kind -> Text,
        storage_key -> Text,
        content_type -> Text,
        byte_size -> BigInt,
        width -> Nullable<Integer>,
        height -> Nullable<Integer>,
        created_at -> Timestamp,
        caption_fr -> Nullable<Text>,
        caption_ar -> Nullable<Text>,
        caption_en -> Nullable<Text>,
        position -> Integer,
    }
}

diesel::table! {
    providers (id) {
        id -> BigInt,
        user_id -> BigInt,
        slug -> Text,
        display_name -> Text,
        bio_fr -> Text,
        bio_ar -> Text,
        bio_en -> Nullable<Text>,
        specialties -> Text,
        years_experience -> Integer,
        hourly_rate_cents -> Nullable<BigInt>,
        city_id -> BigInt,
        neighbourhood -> Nullable<Text>,
        service_radius_km -> Nullable<Integer>,
        languages -> Text,
        photo_media_id -> Nullable<BigInt>,
        status -> Text,
        status_reason -> Nullable<Text>,
        approved_at -> Nullable<Timestamp>,
        is_verified -> Bool,
        verified_at -> Nullable<Timestamp>,
        rating_avg -> Double,
        review_count -> Integer,
        completed_jobs -> Integer,
        response_time_minutes -> Nullable<Integer>,
        min_price_cents -> Nullable<BigInt>,
        is_online -> Bool,
        last_seen_at -> Nullable<Timestamp>,
        profile_views -> BigInt,
        search_text -> Text,
        removed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    provider_categories (provider_id, category_id) {
        provider_id -> BigInt,
        category_id -> BigInt,
    }
}

diesel::table! {
    provider_listings (category_id, city_id, provider_id) {
        category_id -> BigInt,
        city_id -> BigInt,
        provider_id -> BigInt,
        is_verified -> Bool,
        rating_avg -> Double,
        review_count -> Integer,
        min_price_cents -> Nullable<BigInt>,
        rating_tier -> Integer,
        club_pro -> Bool,
    }
}

diesel::table! {
    provider_cities (provider_id, city_id) {
        provider_id -> BigInt,
        city_id -> BigInt,
    }
}

diesel::table! {
    provider_availability (id) {
        id -> BigInt,
        provider_id -> BigInt,
        weekday -> SmallInt,
        start_minute -> Integer,
        end_minute -> Integer,
    }
}

diesel::table! {
    provider_days_off (id) {
        id -> BigInt,
        provider_id -> BigInt,
        day -> Date,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    services (id) {
        id -> BigInt,
        provider_id -> BigInt,
        category_id -> BigInt,
        name_fr -> Text,
        name_ar -> Text,
        name_en -> Nullable<Text>,
        description_fr -> Text,
        description_ar -> Text,
        description_en -> Nullable<Text>,
        pricing_unit -> Text,
        base_price_cents -> Nullable<BigInt>,
        duration_minutes -> Integer,
        is_active -> Bool,
        is_popular -> Bool,
        deactivated_reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    bookings (id) {
        id -> BigInt,
        reference -> Text,
        client_id -> BigInt,
        provider_id -> BigInt,
        service_id -> BigInt,
        title -> Text,
        description -> Text,
        scheduled_start -> Timestamp,
        scheduled_end -> Timestamp,
        address -> Text,
        city_id -> BigInt,
        pricing_unit -> Text,
        price_cents -> Nullable<BigInt>,
        final_price_cents -> Nullable<BigInt>,
        status -> Text,
        status_reason -> Nullable<Text>,
        cancelled_by_role -> Nullable<Text>,
        is_late_cancellation -> Bool,
        notes -> Nullable<Text>,
        idempotency_key -> Nullable<Text>,
        expires_at -> Timestamp,
        responded_at -> Nullable<Timestamp>,
        started_at -> Nullable<Timestamp>,
        completed_at -> Nullable<Timestamp>,
        cancelled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    booking_status_history (id) {
        id -> BigInt,
        booking_id -> BigInt,
        from_status -> Nullable<Text>,
        to_status -> Text,
        actor_id -> Nullable<BigInt>,
        reason -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    conversations (id) {
        id -> BigInt,
        client_id -> BigInt,
        provider_id -> BigInt,
        last_message_at -> Nullable<Timestamp>,
        client_last_read_at -> Nullable<Timestamp>,
        provider_last_read_at -> Nullable<Timestamp>,
        last_email_notified_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    messages (id) {
        id -> BigInt,
        conversation_id -> BigInt,
        sender_id -> Nullable<BigInt>,
        kind -> Text,
        body -> Text,
        booking_id -> Nullable<BigInt>,
        read_at -> Nullable<Timestamp>,
        hidden_at -> Nullable<Timestamp>,
        hidden_reason -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    reviews (id) {
        id -> BigInt,
        booking_id -> BigInt,
        author_id -> BigInt,
        subject_user_id -> BigInt,
        provider_id -> BigInt,
        direction -> Text,
        rating -> SmallInt,
        punctuality -> Nullable<SmallInt>,
        quality -> Nullable<SmallInt>,
        value -> Nullable<SmallInt>,
        comment -> Text,
        status -> Text,
        status_reason -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
        reply -> Nullable<Text>,
        replied_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    reports (id) {
        id -> BigInt,
        reporter_id -> BigInt,
        target_kind -> Text,
        target_id -> BigInt,
        reason -> Text,
        status -> Text,
        resolved_by_id -> Nullable<BigInt>,
        resolution_note -> Nullable<Text>,
        resolved_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        data -> Text,
        link -> Nullable<Text>,
        read_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notification_preferences (user_id, topic) {
        user_id -> BigInt,
        topic -> Text,
        email_enabled -> Bool,
        in_app_enabled -> Bool,
        push_enabled -> Bool,
    }
}

diesel::table! {
    favorites (id) {
        id -> BigInt,
        user_id -> BigInt,
        provider_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    user_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        token_hash -> Text,
        new_email -> Nullable<Text>,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        user_id -> Nullable<BigInt>,
        state -> Text,
        ip_address -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        remember -> Bool,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        absolute_expires_at -> Timestamp,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> BigInt,
        email -> Text,
        ip_address -> Text,
        succeeded -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    rate_limit_events (id) {
        id -> BigInt,
        action -> Text,
        subject -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_logs (id) {
        id -> BigInt,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        target_kind -> Nullable<Text>,
        target_id -> Nullable<BigInt>,
        old_values -> Nullable<Text>,
        new_values -> Nullable<Text>,
        ip_address -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        request_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    subscription_plans (id) {
        id -> BigInt,
        code -> Text,
        kind -> Text,
        billing_interval -> Text,
        price_cents -> BigInt,
        stripe_price_id -> Nullable<Text>,
        features -> Text,
        is_active -> Bool,
        position -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    subscriptions (id) {
        id -> BigInt,
        user_id -> BigInt,
        plan_id -> BigInt,
        status -> Text,
        current_period_start -> Nullable<Timestamp>,
        current_period_end -> Nullable<Timestamp>,
        cancel_at_period_end -> Bool,
        stripe_customer_id -> Nullable<Text>,
        stripe_subscription_id -> Nullable<Text>,
        stripe_checkout_session_id -> Nullable<Text>,
        cancelled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    payments (id) {
        id -> BigInt,
        user_id -> BigInt,
        subscription_id -> Nullable<BigInt>,
        amount_cents -> BigInt,
        currency -> Text,
        status -> Text,
        description -> Text,
        stripe_invoice_id -> Nullable<Text>,
        stripe_payment_intent_id -> Nullable<Text>,
        paid_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        hosted_invoice_url -> Nullable<Text>,
        invoice_number -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_events (id) {
        id -> BigInt,
        source -> Text,
        event_id -> Text,
        event_type -> Text,
        payload -> Text,
        processed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contact_messages (id) {
        id -> BigInt,
        user_id -> Nullable<BigInt>,
        name -> Text,
        email -> Text,
        phone -> Nullable<Text>,
        topic -> Text,
        message -> Text,
        locale -> Text,
        ip_address -> Nullable<Text>,
        status -> Text,
        handled_by_id -> Nullable<BigInt>,
        handled_at -> Nullable<Timestamp>,
        reply -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    profile_views (provider_id, day, visitor_hash) {
        provider_id -> BigInt,
        day -> Date,
        visitor_hash -> Text,
    }
}

diesel::table! {
    jobs (id) {
        id -> BigInt,
        kind -> Text,
        payload -> Text,
        unique_key -> Nullable<Text>,
        run_at -> Timestamp,
        attempts -> Integer,
        locked_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        done_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(providers -> users (user_id));
diesel::joinable!(providers -> cities (city_id));
diesel::joinable!(provider_categories -> providers (provider_id));
diesel::joinable!(provider_categories -> categories (category_id));
diesel::joinable!(provider_cities -> providers (provider_id));
diesel::joinable!(provider_listings -> providers (provider_id));
diesel::joinable!(provider_cities -> cities (city_id));
diesel::joinable!(provider_availability -> providers (provider_id));
diesel::joinable!(provider_days_off -> providers (provider_id));
diesel::joinable!(services -> providers (provider_id));
diesel::joinable!(services -> categories (category_id));
diesel::joinable!(bookings -> providers (provider_id));
diesel::joinable!(bookings -> services (service_id));
diesel::joinable!(bookings -> users (client_id));
diesel::table! {
    outbox (id) {
        id -> BigInt,
        kind -> Text,
        dedup_key -> Text,
        recipient -> Text,
        locale -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        claimed_by -> Nullable<Text>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        expires_at -> Timestamp,
        channel -> Text,
        push_subscription_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    push_subscriptions (id) {
        id -> BigInt,
        user_id -> BigInt,
        endpoint -> Text,
        p256dh -> Text,
        auth -> Text,
        device -> Text,
        created_at -> Timestamp,
        last_success_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(bookings -> cities (city_id));
diesel::joinable!(booking_status_history -> bookings (booking_id));
diesel::joinable!(conversations -> providers (provider_id));
diesel::joinable!(conversations -> users (client_id));
diesel::joinable!(messages -> conversations (conversation_id));
diesel::joinable!(reviews -> bookings (booking_id));
diesel::joinable!(reviews -> providers (provider_id));
diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(favorites -> providers (provider_id));
diesel::joinable!(favorites -> users (user_id));
diesel::joinable!(subscriptions -> subscription_plans (plan_id));
diesel::joinable!(subscriptions -> users (user_id));
diesel::joinable!(payments -> subscriptions (subscription_id));
diesel::joinable!(push_subscriptions -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    push_subscriptions,
    cities,
    categories,
    users,
    media,
    providers,
    provider_categories,
    provider_cities,
    provider_listings,
    provider_availability,
    provider_days_off,
    services,
    bookings,
    booking_status_history,
    conversations,
    messages,
    reviews,
    reports,
    notifications,
    notification_preferences,
    favorites,
    user_tokens,
    sessions,
    login_attempts,
    rate_limit_events,
    audit_logs,
    subscription_plans,
    subscriptions,
    payments,
    webhook_events,
    contact_messages,
    profile_views,
    jobs,
    outbox,
);

diesel::allow_columns_to_appear_in_same_group_by_clause!(categories::slug, cities::slug);
