//! Statuses and kinds (`domain::kinds`) as TEXT columns with a CHECK constraint: their diesel mapping.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

pub use crate::domain::kinds::*;

/// Maps each enum to a TEXT column, by its spelling.
macro_rules! text_column {
    ($($name:ident),+ $(,)?) => {$(
        const _: () = {
            #[allow(dead_code)]
            #[derive(diesel::expression::AsExpression, diesel::deserialize::FromSqlRow)]
            #[diesel(foreign_derive, sql_type = Text)]
            struct Column($name);
        };

        impl<DB> ToSql<Text, DB> for $name
        where
            DB: Backend,
            str: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                self.as_str().to_sql(out)
            }
        }

        impl<DB> FromSql<Text, DB> for $name
        where
            DB: Backend,
            String: FromSql<Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                Ok(String::from_sql(bytes)?.parse()?)
            }
        }
    )+};
}

text_column!(
    UserRole,
    UserStatus,
    Locale,
    MediaKind,
    ProviderStatus,
    PricingUnit,
    BookingStatus,
    MessageKind,
    ReviewDirection,
    ReviewStatus,
    ReportTarget,
    ReportStatus,
    NotificationKind,
    NotificationTopic,
    TokenKind,
    PlanKind,
    BillingInterval,
    SubscriptionStatus,
    PaymentStatus,
    WebhookSource,
    ContactTopic,
    ContactStatus,
    OutboxStatus,
    OutboxChannel
);
