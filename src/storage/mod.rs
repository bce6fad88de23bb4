//! Storage in the browser. Only this module knows IndexedDB.
//!
//! [`idb::IdbStore`] implements the core's `RecordStore` trait; its schema evolves by the numbered
//! migrations in [`migrations`]. [`errors`] turns browser failures into the core's `StoreError`,
//! whose messages the clerk sees.

mod bulk;
pub mod errors;
pub mod idb;
pub mod migrations;

pub use idb::IdbStore;

/// Name of the app's IndexedDB database.
pub const DB_NAME: &str = "lobbydesk";
