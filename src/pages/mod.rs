//! One file per screen.
pub mod audit;
pub mod demo;
pub mod exchange;
pub mod home;
pub mod module;
pub mod settings;
pub mod signin;
pub mod staff;
