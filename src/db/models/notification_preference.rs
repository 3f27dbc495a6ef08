//! Email and in-app switches per notification topic. A missing row means both are on.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::notification_preferences;
use crate::db::types::NotificationTopic;

pub fn for_user(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<(NotificationTopic, bool, bool)>> {
    let rows: Vec<(NotificationTopic, bool, bool)> = notification_preferences::table
        .filter(notification_preferences::user_id.eq(user_id))
        .select((
            notification_preferences::topic,
            notification_preferences::email_enabled,
            notification_preferences::in_app_enabled,
        ))
        .load(conn)?;
    Ok(NotificationTopic::ALL
        .iter()
        .map(|topic| rows.iter().find(|r| r.0 == *topic).copied().unwrap_or((*topic, true, true)))
        .collect())
}

/// Replaces a user's preferences (all topics at once).
pub fn replace(conn: &mut DbConn, user_id: i64, prefs: &[(NotificationTopic, bool, bool)]) -> QueryResult<()> {
    diesel::delete(notification_preferences::table.filter(notification_preferences::user_id.eq(user_id)))
        .execute(conn)?;
    for (topic, email, in_app) in prefs {
        diesel::insert_into(notification_preferences::table)
            .values((
                notification_preferences::user_id.eq(user_id),
                notification_preferences::topic.eq(topic),
                notification_preferences::email_enabled.eq(email),
                notification_preferences::in_app_enabled.eq(in_app),
            ))
            .execute(conn)?;
    }
    Ok(())
}
