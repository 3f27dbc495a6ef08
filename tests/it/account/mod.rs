mod delete;
mod profile;
mod security;
mod two_factor;
