//! Shared widgets. Each file documents its props and shows its use.
pub mod camera;
pub mod days;
pub mod form;
pub mod loaded;
pub mod lookup;
pub mod paged;
pub mod photo;
pub mod qr;
pub mod route;
pub mod shell;
pub mod signature;
pub mod tabs;
pub mod toast;
