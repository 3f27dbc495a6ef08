mod contact;
mod home;
mod language;
mod pages;
mod providers;
mod seo;
