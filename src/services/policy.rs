//! Who may do what: roles, verified emails, ownership (another user's object is "not found").

use crate::db::models::User;
use crate::db::types::UserRole;
use crate::error::AppError;

pub fn require_role(user: &User, role: UserRole) -> Result<(), AppError> {
    if user.role == role { Ok(()) } else { Err(AppError::Forbidden("role")) }
}

pub fn require_admin(user: &User) -> Result<(), AppError> {
    require_role(user, UserRole::Admin)?;
    if user.two_factor_enabled { Ok(()) } else { Err(AppError::Forbidden("admin without 2FA")) }
}

/// Booking, messaging and publishing wait for a verified email.
pub fn require_verified_email(user: &User) -> Result<(), AppError> {
    if user.email_verified_at.is_some() { Ok(()) } else { Err(AppError::Forbidden("email not verified")) }
}

/// Another user's object is "not found", never "forbidden" (no existence leak).
pub fn require_owner(user: &User, owner_id: i64) -> Result<(), AppError> {
    if user.id == owner_id { Ok(()) } else { Err(AppError::NotFound) }
}
