//! Stripe, through async-stripe 1.0's split crates: customers, Checkout sessions in subscription mode,
//! subscriptions (read, cancel at period end, resume, change price, cancel now), the customer portal, and the
//! webhook signature check. Everything the rest of the app needs comes out as plain facts (ids, our statuses,
//! times), so that no Stripe type travels further. `STRIPE_API_BASE` points the same code at a local
//! Stripe-protocol server in the tests.

use std::collections::HashMap;
use std::time::Duration;

use chrono::NaiveDateTime;
use stripe::{Client, StripeRequest};
use stripe_billing::BillingPortalSessionLocale;
use stripe_billing::billing_portal_session::CreateBillingPortalSession;
use stripe_billing::subscription::{
    CancelSubscription, RetrieveSubscription, UpdateSubscription, UpdateSubscriptionItems,
    UpdateSubscriptionProrationBehavior,
};
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionLineItems, CreateCheckoutSessionSubscriptionData,
};
use stripe_core::customer::CreateCustomer;
use stripe_shared::{CheckoutSessionLocale, CheckoutSessionMode};
use stripe_webhook::{EventObject, Webhook, WebhookError};

use crate::config::Config;
use crate::domain::lang::Lang;

/// Each call to Stripe waits this long at most (then it is retried once with the same idempotency key).
const TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum PaymentsError {
    /// No Stripe keys on this server.
    #[error("payments are not set up on this server")]
    NotConfigured,
    /// Stripe refused the call or could not be reached.
    #[error("stripe: {0}")]
    Stripe(String),
    /// A webhook whose signature, timestamp or body does not hold.
    #[error("webhook refused: {0}")]
    Refused(String),
}

impl From<stripe::StripeError> for PaymentsError {
    fn from(e: stripe::StripeError) -> Self {
        PaymentsError::Stripe(e.to_string())
    }
}

pub struct Stripe {
    client: Client,
    webhook_secret: Option<String>,
}

/// A subscription as Stripe has it now.
#[derive(Clone, Debug)]
pub struct SubscriptionFacts {
    pub id: String,
    pub customer: String,
    /// Stripe's status (`active`, `past_due`, `canceled`…): see `domain::club_pro::status_of`.
    pub status: String,
    pub period_start: Option<NaiveDateTime>,
    pub period_end: Option<NaiveDateTime>,
    pub cancel_at_period_end: bool,
    pub canceled_at: Option<NaiveDateTime>,
    pub price_id: Option<String>,
    pub item_id: Option<String>,
    /// Our subscription row, from the metadata set at Checkout.
    pub row: Option<i64>,
}

/// A paid or failed invoice.
#[derive(Clone, Debug)]
pub struct InvoiceFacts {
    pub id: String,
    pub subscription: Option<String>,
    pub amount_cents: i64,
    pub currency: String,
    pub hosted_url: Option<String>,
    pub number: Option<String>,
    pub paid_at: Option<NaiveDateTime>,
}

/// What a webhook event is about.
#[derive(Clone, Debug)]
pub enum Subject {
    /// `checkout.session.completed` (subscription mode): our row, and the subscription it created.
    CheckoutCompleted { row: Option<i64>, subscription: Option<String> },
    /// `customer.subscription.*`.
    Subscription(String),
    /// `invoice.paid` (true) or `invoice.payment_failed` (false).
    Invoice { paid: bool, invoice: InvoiceFacts },
    /// Any other event: stored, acknowledged, nothing else.
    Other,
}

/// A webhook event whose signature held.
#[derive(Clone, Debug)]
pub struct Incoming {
    pub id: String,
    pub kind: String,
    pub subject: Subject,
}

impl Incoming {
    /// The Stripe subscription the event concerns, if any.
    pub fn subscription_id(&self) -> Option<&str> {
        match &self.subject {
            Subject::CheckoutCompleted { subscription, .. } => subscription.as_deref(),
            Subject::Subscription(id) => Some(id),
            Subject::Invoice { invoice, .. } => invoice.subscription.as_deref(),
            Subject::Other => None,
        }
    }
}

/// What a Checkout session needs.
pub struct Checkout<'a> {
    pub customer: &'a str,
    pub price: &'a str,
    /// Our subscription row (metadata, and the idempotency key of the call).
    pub row: i64,
    pub user_id: i64,
    pub success_url: String,
    pub cancel_url: String,
    pub lang: Lang,
    pub expires_at: NaiveDateTime,
}

impl Stripe {
    /// The Stripe client, when this server has a secret key.
    pub fn from_config(config: &Config) -> Option<Stripe> {
        let key = config.stripe_secret_key.as_deref().filter(|k| !k.is_empty())?;
        let mut base = config.stripe_api_base.clone();
        if !base.ends_with('/') {
            base.push('/');
        }
        let client = stripe::ClientBuilder::new(key)
            .url(base)
            .timeout(TIMEOUT)
            .request_strategy(stripe::RequestStrategy::Retry(2))
            .build()
            .ok()?;
        Some(Stripe { client, webhook_secret: config.stripe_webhook_secret.clone().filter(|s| !s.is_empty()) })
    }

    pub async fn create_customer(&self, email: &str, name: &str, user_id: i64) -> Result<String, PaymentsError> {
        let customer = CreateCustomer::new()
            .email(email)
            .name(name)
            .metadata(HashMap::from([("user_id".to_string(), user_id.to_string())]))
            .send(&self.client)
            .await?;
        Ok(customer.id.to_string())
    }

    /// A Checkout session in subscription mode; returns its id and the page to send the provider to.
    pub async fn checkout(&self, c: &Checkout<'_>) -> Result<(String, String), PaymentsError> {
        let metadata = HashMap::from([
            ("subscription_row".to_string(), c.row.to_string()),
            ("user_id".to_string(), c.user_id.to_string()),
        ]);
        let mut item = CreateCheckoutSessionLineItems::new();
        item.price = Some(c.price.to_string());
        item.quantity = Some(1);
        let mut subscription_data = CreateCheckoutSessionSubscriptionData::new();
        subscription_data.metadata = Some(metadata.clone());
        let locale = match c.lang {
            Lang::Fr => CheckoutSessionLocale::Fr,
            Lang::En => CheckoutSessionLocale::En,
            // Stripe's Checkout has no Arabic: the browser's language.
            Lang::Ar => CheckoutSessionLocale::Auto,
        };
        let session = CreateCheckoutSession::new()
            .mode(CheckoutSessionMode::Subscription)
            .customer(c.customer)
            .client_reference_id(c.user_id.to_string())
            .metadata(metadata)
            .subscription_data(subscription_data)
            .line_items(vec![item])
            .success_url(c.success_url.as_str())
            .cancel_url(c.cancel_url.as_str())
            .locale(locale)
            .expires_at(c.expires_at.and_utc().timestamp())
            .customize()
            .request_strategy(stripe::RequestStrategy::Idempotent(
                stripe::IdempotencyKey::new(format!("khadamat-checkout-{}", c.row))
                    .map_err(|e| PaymentsError::Stripe(e.to_string()))?,
            ))
            .send(&self.client)
            .await?;
        let url = session.url.ok_or_else(|| PaymentsError::Stripe("Checkout session without a URL".into()))?;
        Ok((session.id.to_string(), url))
    }

    pub async fn subscription(&self, id: &str) -> Result<SubscriptionFacts, PaymentsError> {
        Ok(facts(&RetrieveSubscription::new(id).send(&self.client).await?))
    }

    /// Cancels at the end of the paid period (`true`), or takes that back (`false`).
    pub async fn cancel_at_period_end(&self, id: &str, cancel: bool) -> Result<SubscriptionFacts, PaymentsError> {
        Ok(facts(&UpdateSubscription::new(id).cancel_at_period_end(cancel).send(&self.client).await?))
    }

    /// Moves the subscription to another price (monthly ↔ yearly), prorated.
    pub async fn change_price(
        &self,
        current: &SubscriptionFacts,
        price: &str,
    ) -> Result<SubscriptionFacts, PaymentsError> {
        let mut item = UpdateSubscriptionItems::new();
        item.id = current.item_id.clone();
        item.price = Some(price.to_string());
        let updated = UpdateSubscription::new(current.id.as_str())
            .items(vec![item])
            .proration_behavior(UpdateSubscriptionProrationBehavior::CreateProrations)
            .send(&self.client)
            .await?;
        Ok(facts(&updated))
    }

    /// Ends the subscription now (the back office).
    pub async fn cancel_now(&self, id: &str) -> Result<SubscriptionFacts, PaymentsError> {
        Ok(facts(&CancelSubscription::new(id).send(&self.client).await?))
    }

    /// A customer-portal session (payment method, invoices); returns its URL.
    pub async fn portal(&self, customer: &str, return_url: &str, lang: Lang) -> Result<String, PaymentsError> {
        let locale = match lang {
            Lang::Fr => BillingPortalSessionLocale::Fr,
            Lang::En => BillingPortalSessionLocale::En,
            Lang::Ar => BillingPortalSessionLocale::Auto,
        };
        let session = CreateBillingPortalSession::new()
            .customer(customer)
            .return_url(return_url)
            .locale(locale)
            .send(&self.client)
            .await?;
        Ok(session.url)
    }

    /// Checks a webhook's `Stripe-Signature` (HMAC-SHA256 over `t.payload`, 5 minutes' tolerance around `now`)
    /// and reads the event.
    pub fn verify(&self, payload: &str, signature: &str, now: NaiveDateTime) -> Result<Incoming, PaymentsError> {
        let secret = self.webhook_secret.as_deref().ok_or(PaymentsError::NotConfigured)?;
        let event = Webhook::construct_event_with_timestamp(payload, signature, secret, now.and_utc().timestamp())
            .map_err(|e| match e {
                WebhookError::BadParse(_) => PaymentsError::Refused(format!("unreadable event: {e}")),
                other => PaymentsError::Refused(other.to_string()),
            })?;
        let subject = match event.data.object {
            EventObject::CheckoutSessionCompleted(session) => Subject::CheckoutCompleted {
                row: session.metadata.as_ref().and_then(|m| m.get("subscription_row")).and_then(|r| r.parse().ok()),
                subscription: session.subscription.as_ref().map(|s| s.id().to_string()),
            },
            EventObject::CustomerSubscriptionCreated(s)
            | EventObject::CustomerSubscriptionUpdated(s)
            | EventObject::CustomerSubscriptionDeleted(s) => Subject::Subscription(s.id.to_string()),
            EventObject::InvoicePaid(invoice) => Subject::Invoice { paid: true, invoice: invoice_facts(&invoice) },
            EventObject::InvoicePaymentFailed(invoice) => {
                Subject::Invoice { paid: false, invoice: invoice_facts(&invoice) }
            }
            _ => Subject::Other,
        };
        Ok(Incoming { id: event.id.to_string(), kind: event.type_.as_str().to_string(), subject })
    }
}

fn time(ts: i64) -> Option<NaiveDateTime> {
    chrono::DateTime::from_timestamp(ts, 0).map(|t| t.naive_utc())
}

fn facts(s: &stripe_shared::Subscription) -> SubscriptionFacts {
    let item = s.items.data.first();
    SubscriptionFacts {
        id: s.id.to_string(),
        customer: s.customer.id().to_string(),
        status: s.status.as_str().to_string(),
        period_start: item.and_then(|i| time(i.current_period_start)),
        period_end: item.and_then(|i| time(i.current_period_end)),
        cancel_at_period_end: s.cancel_at_period_end || s.cancel_at.is_some(),
        canceled_at: s.canceled_at.and_then(time),
        price_id: item.map(|i| i.price.id.to_string()),
        item_id: item.map(|i| i.id.to_string()),
        row: s.metadata.get("subscription_row").and_then(|r| r.parse().ok()),
    }
}

fn invoice_facts(invoice: &stripe_shared::Invoice) -> InvoiceFacts {
    let subscription = invoice
        .parent
        .as_ref()
        .and_then(|p| p.subscription_details.as_ref())
        .map(|d| d.subscription.id().to_string())
        .or_else(|| invoice.subscription.as_ref().map(|s| s.id().to_string()));
    InvoiceFacts {
        id: invoice.id.as_ref().map(|i| i.to_string()).unwrap_or_default(),
        subscription,
        amount_cents: if invoice.amount_paid > 0 { invoice.amount_paid } else { invoice.amount_due },
        currency: invoice.currency.to_string().to_ascii_uppercase(),
        hosted_url: invoice.hosted_invoice_url.clone(),
        number: invoice.number.clone(),
        paid_at: invoice.status_transitions.paid_at.and_then(time),
    }
}

/// The origins of Stripe's own pages (Checkout, the customer portal) a form of ours continues to; with a local
/// Stripe-protocol server (`STRIPE_API_BASE`), that server's origin too.
pub fn page_origins(config: &Config) -> String {
    let mut origins = "https://checkout.stripe.com https://billing.stripe.com".to_string();
    let base = config.stripe_api_base.trim_end_matches('/');
    if !base.starts_with("https://api.stripe.com") {
        let origin: String = base.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
        if !origin.contains([' ', ';', '\'']) {
            origins.push(' ');
            origins.push_str(&origin);
        }
    }
    origins
}
