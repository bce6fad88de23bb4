//! One file per screen.
pub mod home;
pub mod module;
pub mod settings;
pub mod visitors;
