//! Payments: one row per Stripe invoice, paid or failed.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::payments;
use crate::db::types::PaymentStatus;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = payments)]
pub struct Payment {
    pub id: i64,
    pub amount_cents: i64,
    pub currency: String,
    pub status: PaymentStatus,
    pub description: String,
    pub paid_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub hosted_invoice_url: Option<String>,
    pub invoice_number: Option<String>,
}

pub struct Invoice<'a> {
    pub user_id: i64,
    pub subscription_id: i64,
    pub amount_cents: i64,
    pub currency: &'a str,
    pub status: PaymentStatus,
    pub description: &'a str,
    pub stripe_invoice_id: &'a str,
    pub hosted_invoice_url: Option<&'a str>,
    pub invoice_number: Option<&'a str>,
    pub paid_at: Option<NaiveDateTime>,
}

/// Records an invoice's payment, or updates it (a failed invoice paid later). Returns whether it was paid
/// before this call (so that its notification goes out once).
pub fn record(conn: &mut DbConn, invoice: &Invoice<'_>, at: NaiveDateTime) -> QueryResult<Option<PaymentStatus>> {
    let before: Option<PaymentStatus> = payments::table
        .filter(payments::stripe_invoice_id.eq(invoice.stripe_invoice_id))
        .select(payments::status)
        .first(conn)
        .optional()?;
    match before {
        // A paid invoice stays paid, whatever arrives late.
        Some(PaymentStatus::Succeeded) => {}
        Some(_) => {
            diesel::update(payments::table.filter(payments::stripe_invoice_id.eq(invoice.stripe_invoice_id)))
                .set((
                    payments::status.eq(invoice.status),
                    payments::amount_cents.eq(invoice.amount_cents),
                    payments::paid_at.eq(invoice.paid_at),
                    payments::hosted_invoice_url.eq(invoice.hosted_invoice_url),
                    payments::invoice_number.eq(invoice.invoice_number),
                ))
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(payments::table)
                .values((
                    payments::user_id.eq(invoice.user_id),
                    payments::subscription_id.eq(invoice.subscription_id),
                    payments::amount_cents.eq(invoice.amount_cents),
                    payments::currency.eq(invoice.currency),
                    payments::status.eq(invoice.status),
                    payments::description.eq(invoice.description),
                    payments::stripe_invoice_id.eq(invoice.stripe_invoice_id),
                    payments::hosted_invoice_url.eq(invoice.hosted_invoice_url),
                    payments::invoice_number.eq(invoice.invoice_number),
                    payments::paid_at.eq(invoice.paid_at),
                    payments::created_at.eq(at),
                ))
                .execute(conn)?;
        }
    }
    Ok(before)
}

/// The person's payments, latest first.
pub fn of_user(conn: &mut DbConn, user_id: i64, limit: i64) -> QueryResult<Vec<Payment>> {
    payments::table
        .filter(payments::user_id.eq(user_id))
        .order((payments::created_at.desc(), payments::id.desc()))
        .limit(limit)
        .select(Payment::as_select())
        .load(conn)
}

/// The latest payments of everyone, with the payer (id, name, email).
pub fn recent(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<(Payment, crate::db::models::user::Named)>> {
    use crate::db::schema::users;
    payments::table
        .inner_join(users::table.on(users::id.eq(payments::user_id)))
        .order((payments::created_at.desc(), payments::id.desc()))
        .limit(limit)
        .select((Payment::as_select(), (users::id, users::first_name, users::last_name, users::email)))
        .load(conn)
}
