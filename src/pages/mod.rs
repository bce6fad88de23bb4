//! One file per screen.
pub mod audit;
pub mod demo;
pub mod exchange;
pub mod home;
pub mod inspections;
pub mod module;
pub mod parcels;
pub mod residents;
pub mod settings;
pub mod signin;
pub mod staff;
pub mod visitors;
