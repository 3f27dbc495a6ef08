//! Email, in-app and push switches per notification topic. A missing row means all are on.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::notification_preferences;
use crate::db::types::NotificationTopic;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Queryable)]
pub struct Preference {
    pub topic: NotificationTopic,
    pub email: bool,
    pub in_app: bool,
    pub push: bool,
}

impl Preference {
    pub fn all_on(topic: NotificationTopic) -> Preference {
        Preference { topic, email: true, in_app: true, push: true }
    }
}

/// Every topic's switches, in `NotificationTopic::ALL`'s order.
pub fn for_user(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<Preference>> {
    let rows: Vec<Preference> = notification_preferences::table
        .filter(notification_preferences::user_id.eq(user_id))
        .select((
            notification_preferences::topic,
            notification_preferences::email_enabled,
            notification_preferences::in_app_enabled,
            notification_preferences::push_enabled,
        ))
        .load(conn)?;
    Ok(NotificationTopic::ALL
        .iter()
        .map(|topic| rows.iter().find(|r| r.topic == *topic).copied().unwrap_or(Preference::all_on(*topic)))
        .collect())
}

/// One topic's switches.
pub fn of_topic(conn: &mut DbConn, user_id: i64, topic: NotificationTopic) -> QueryResult<Preference> {
    Ok(for_user(conn, user_id)?.into_iter().find(|p| p.topic == topic).unwrap_or(Preference::all_on(topic)))
}

/// Replaces a user's preferences (all topics at once).
pub fn replace(conn: &mut DbConn, user_id: i64, prefs: &[Preference]) -> QueryResult<()> {
    diesel::delete(notification_preferences::table.filter(notification_preferences::user_id.eq(user_id)))
        .execute(conn)?;
    for p in prefs {
        diesel::insert_into(notification_preferences::table)
            .values((
                notification_preferences::user_id.eq(user_id),
                notification_preferences::topic.eq(p.topic),
                notification_preferences::email_enabled.eq(p.email),
                notification_preferences::in_app_enabled.eq(p.in_app),
                notification_preferences::push_enabled.eq(p.push),
            ))
            .execute(conn)?;
    }
    Ok(())
}
