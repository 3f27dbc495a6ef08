//! Statuses and kinds: the closed sets the rules talk about, each with its stable spelling (the one stored in
//! TEXT columns with a CHECK constraint, see `db::types`, and used in URLs and forms).

/// Declares an enum with a stable text spelling for each variant.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownVariant;
            fn from_str(s: &str) -> Result<Self, UnknownVariant> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownVariant { kind: stringify!($name), value: s.to_string() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A spelling that no variant matches (from storage, where the CHECK constraints make this a bug).
#[derive(Debug, thiserror::Error)]
#[error("unknown {kind} value {value:?}")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
}

text_enum!(UserRole { Client => "CLIENT", Provider => "PROVIDER", Admin => "ADMIN" });
text_enum!(UserStatus { Active => "ACTIVE", Suspended => "SUSPENDED", Deleted => "DELETED" });
text_enum!(Locale { Fr => "fr", Ar => "ar", En => "en" });
text_enum!(MediaKind {
    Avatar => "AVATAR",
    ProviderPhoto => "PROVIDER_PHOTO",
    Portfolio => "PORTFOLIO",
    MessageAttachment => "MESSAGE_ATTACHMENT",
});
text_enum!(ProviderStatus { Pending => "PENDING", Approved => "APPROVED", Rejected => "REJECTED", Suspended => "SUSPENDED" });
text_enum!(PricingUnit { Fixed => "FIXED", Hourly => "HOURLY", Quote => "QUOTE" });
text_enum!(
    /// The booking life cycle (see `domain::booking` for the allowed transitions).
    BookingStatus {
        Pending => "PENDING",
        Confirmed => "CONFIRMED",
        InProgress => "IN_PROGRESS",
        Completed => "COMPLETED",
        Cancelled => "CANCELLED",
        Rejected => "REJECTED",
        Expired => "EXPIRED",
    }
);
text_enum!(MessageKind { User => "USER", System => "SYSTEM" });
text_enum!(ReviewDirection { ClientToProvider => "CLIENT_TO_PROVIDER", ProviderToClient => "PROVIDER_TO_CLIENT" });
text_enum!(ReviewStatus { Pending => "PENDING", Published => "PUBLISHED", Hidden => "HIDDEN" });
text_enum!(ReportTarget { Review => "REVIEW", Message => "MESSAGE", Conversation => "CONVERSATION", Provider => "PROVIDER", Photo => "PHOTO" });
text_enum!(ReportStatus { Open => "OPEN", Resolved => "RESOLVED", Dismissed => "DISMISSED" });
text_enum!(OutboxStatus { Pending => "PENDING", Sent => "SENT", Failed => "FAILED" });
text_enum!(NotificationKind {
    BookingRequest => "BOOKING_REQUEST",
    BookingConfirmed => "BOOKING_CONFIRMED",
    BookingRejected => "BOOKING_REJECTED",
    BookingCancelled => "BOOKING_CANCELLED",
    BookingExpired => "BOOKING_EXPIRED",
    BookingStarted => "BOOKING_STARTED",
    BookingCompleted => "BOOKING_COMPLETED",
    BookingReminder => "BOOKING_REMINDER",
    MessageReceived => "MESSAGE_RECEIVED",
    ReviewRequest => "REVIEW_REQUEST",
    ReviewPublished => "REVIEW_PUBLISHED",
    ReviewReply => "REVIEW_REPLY",
    ReviewHidden => "REVIEW_HIDDEN",
    ProviderApproved => "PROVIDER_APPROVED",
    ProviderRejected => "PROVIDER_REJECTED",
    SubscriptionActivated => "SUBSCRIPTION_ACTIVATED",
    SubscriptionEnding => "SUBSCRIPTION_ENDING",
    AccountSecurity => "ACCOUNT_SECURITY",
    AdminNotice => "ADMIN_NOTICE",
});
text_enum!(OutboxChannel { Email => "EMAIL", Push => "PUSH" });
text_enum!(NotificationTopic { Bookings => "BOOKINGS", Messages => "MESSAGES", Reviews => "REVIEWS", Account => "ACCOUNT", News => "NEWS" });
text_enum!(TokenKind { EmailVerification => "EMAIL_VERIFICATION", PasswordReset => "PASSWORD_RESET", EmailChange => "EMAIL_CHANGE" });
text_enum!(PlanKind { ClubPro => "CLUB_PRO", Premium => "PREMIUM", Enterprise => "ENTERPRISE" });
text_enum!(BillingInterval { Month => "MONTH", Year => "YEAR" });
text_enum!(SubscriptionStatus {
    Pending => "PENDING",
    Active => "ACTIVE",
    PastDue => "PAST_DUE",
    Cancelled => "CANCELLED",
    Expired => "EXPIRED",
});
text_enum!(PaymentStatus { Pending => "PENDING", Succeeded => "SUCCEEDED", Failed => "FAILED", Refunded => "REFUNDED" });
text_enum!(WebhookSource { Stripe => "STRIPE" });
text_enum!(ContactTopic {
    General => "GENERAL",
    Support => "SUPPORT",
    Provider => "PROVIDER",
    Partnership => "PARTNERSHIP",
    Privacy => "PRIVACY",
});
text_enum!(ContactStatus { New => "NEW", Read => "READ", Handled => "HANDLED" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_text() {
        for s in BookingStatus::ALL {
            assert_eq!(s.as_str().parse::<BookingStatus>().unwrap(), *s);
        }
        assert_eq!(BookingStatus::InProgress.as_str(), "IN_PROGRESS");
        assert!("nope".parse::<UserRole>().is_err());
    }
}
