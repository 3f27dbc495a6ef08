mod login;
mod password;
mod register;
