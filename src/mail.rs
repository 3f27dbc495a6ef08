//! Outgoing email with lettre: SMTP in production, a folder in development (listed at `/dev/outbox`),
//! memory in tests. Messages are HTML + plain text in the recipient's language. Nothing sends directly: an
//! email is written to the database outbox with the change that causes it, and `services::outbox` hands it
//! to the `Mailer`.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use askama::Template;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};

use crate::config::{Config, MailTransport, SmtpTls};
use crate::error::AppError;
use crate::i18n::I18n;

/// An email ready to send.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Email {
    /// What it is about (`password-reset`, `notification`…), for the back office.
    pub kind: String,
    /// The recipient's language code.
    pub locale: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// An email as kept in the outbox or in memory.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SentEmail {
    pub id: String,
    pub sent_at: String,
    /// The `Message-ID` header: the same for every delivery of one outbox row.
    pub message_id: String,
    #[serde(flatten)]
    pub email: Email,
}

enum Sender {
    Outbox(PathBuf),
    Smtp(Box<SmtpTransport>),
    Memory(Arc<Mutex<Vec<SentEmail>>>),
}

pub struct Mailer {
    sender: Sender,
    from: Mailbox,
}

impl Mailer {
    pub fn from_config(config: &Config) -> Result<Mailer, AppError> {
        let from: Mailbox =
            config.mail_from.parse().map_err(|e| AppError::internal(format!("MAIL_FROM is not a mailbox: {e}")))?;
        let sender = match &config.mail {
            MailTransport::Outbox(dir) => Sender::Outbox(dir.clone()),
            MailTransport::Memory => Sender::Memory(Arc::default()),
            MailTransport::Smtp { host, port, username, password, tls } => {
                let tls_parameters =
                    || TlsParameters::new(host.clone()).map_err(|e| AppError::internal(format!("SMTP TLS: {e}")));
                let mut builder = SmtpTransport::builder_dangerous(host.as_str()).port(*port).tls(match tls {
                    SmtpTls::StartTls => Tls::Required(tls_parameters()?),
                    SmtpTls::Tls => Tls::Wrapper(tls_parameters()?),
                    SmtpTls::None => Tls::None,
                });
                if let (Some(user), Some(pass)) = (username, password) {
                    builder = builder.credentials(Credentials::new(user.clone(), pass.clone()));
                }
                Sender::Smtp(Box::new(builder.timeout(Some(std::time::Duration::from_secs(15))).build()))
            }
        };
        Ok(Mailer { sender, from })
    }

    /// Sends one email (blocking: call it from the blocking pool). `key` names it for good: its
    /// `Message-ID` is made from it, so a second delivery of the same email is recognisably the same.
    pub fn send(&self, email: &Email, key: &str) -> Result<(), AppError> {
        let message_id = self.message_id(key);
        let record = || SentEmail {
            id: format!("{}-{:08x}", chrono::Utc::now().format("%Y%m%d%H%M%S%6f"), rand::random::<u32>()),
            sent_at: chrono::Utc::now().to_rfc3339(),
            message_id: message_id.clone(),
            email: email.clone(),
        };
        match &self.sender {
            Sender::Memory(sent) => {
                sent.lock().map_err(|_| AppError::internal("mail lock"))?.push(record());
                Ok(())
            }
            Sender::Outbox(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| AppError::internal(format!("outbox {dir:?}: {e}")))?;
                let entry = record();
                let message = self.message(email, &message_id)?;
                std::fs::write(dir.join(format!("{}.eml", entry.id)), message.formatted())
                    .and_then(|_| {
                        std::fs::write(dir.join(format!("{}.json", entry.id)), serde_json::to_vec_pretty(&entry)?)
                    })
                    .map_err(|e| AppError::internal(format!("outbox write: {e}")))?;
                tracing::info!(to = %email.to, subject = %email.subject, "email written to the outbox");
                Ok(())
            }
            Sender::Smtp(transport) => {
                transport
                    .send(&self.message(email, &message_id)?)
                    .map_err(|e| AppError::internal(format!("smtp: {e}")))?;
                tracing::info!(subject = %email.subject, "email sent");
                Ok(())
            }
        }
    }

    fn message_id(&self, key: &str) -> String {
        format!("<{key}@{}>", self.from.email.domain())
    }

    fn message(&self, email: &Email, message_id: &str) -> Result<Message, AppError> {
        let to: Mailbox = email.to.parse().map_err(|e| AppError::internal(format!("recipient: {e}")))?;
        Message::builder()
            .message_id(Some(message_id.to_string()))
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .multipart(MultiPart::alternative_plain_html(email.text.clone(), email.html.clone()))
            .map_err(|e| AppError::internal(format!("email build: {e}")))
    }

    /// Emails kept in memory (tests).
    pub fn sent(&self) -> Vec<SentEmail> {
        match &self.sender {
            Sender::Memory(sent) => sent.lock().map(|v| v.clone()).unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// The development outbox, newest first (None when email does not go to an outbox).
    pub fn outbox(&self) -> Option<Vec<SentEmail>> {
        let Sender::Outbox(dir) = &self.sender else { return None };
        let mut entries: Vec<SentEmail> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                    .filter_map(|e| std::fs::read(e.path()).ok())
                    .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
                    .collect()
            })
            .unwrap_or_default();
        entries.sort_by(|a, b| b.id.cmp(&a.id));
        Some(entries)
    }
}

/// A call to action in an email.
pub struct Action {
    pub label: String,
    pub url: String,
}

#[derive(Template)]
#[template(path = "emails/message.html")]
struct HtmlEmail<'a> {
    i18n: &'a I18n,
    heading: &'a str,
    paragraphs: &'a [String],
    action: Option<&'a Action>,
    base_url: &'a str,
}

#[derive(Template)]
#[template(path = "emails/message.txt")]
struct TextEmail<'a> {
    i18n: &'a I18n,
    heading: &'a str,
    paragraphs: &'a [String],
    action: Option<&'a Action>,
    base_url: &'a str,
}

/// Renders an email of a `kind`: a heading, paragraphs (already translated) and an optional button.
pub fn compose(
    kind: &str,
    i18n: &I18n,
    base_url: &str,
    to: &str,
    subject: String,
    paragraphs: &[String],
    action: Option<Action>,
) -> Result<Email, AppError> {
    let action = action.as_ref();
    let html = HtmlEmail { i18n, heading: &subject, paragraphs, action, base_url }.render()?;
    // Plain text has no markup to isolate bidirectional runs: drop Fluent's invisible isolation marks.
    let text = TextEmail { i18n, heading: &subject, paragraphs, action, base_url }
        .render()?
        .replace(['\u{2068}', '\u{2069}'], "");
    Ok(Email { kind: kind.to_string(), locale: i18n.lang().to_string(), to: to.to_string(), subject, text, html })
}
