mod delete;
mod favorites;
mod profile;
mod security;
mod two_factor;
