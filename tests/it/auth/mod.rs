mod login;
mod password;
mod register;
mod roles;
