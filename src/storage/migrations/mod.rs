//! Numbered IndexedDB schema migrations, one file each. The database version is the number of
//! the last migration; on open, every migration above the stored version runs, in order, inside
//! the browser's single upgrade transaction (so an upgrade lands whole or not at all).
//!
//! Never edit a migration that has shipped: add the next one.

mod m001_records;

pub use m001_records::{BY_VERSION, IX, STORE};

use indexed_db_futures::database::Database;

/// One schema step.
pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub apply: fn(&Database) -> indexed_db_futures::Result<()>,
}

pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "records store with ix and v indexes",
    apply: m001_records::apply,
}];

/// The database version this build expects.
pub fn latest() -> u32 {
    MIGRATIONS.last().map(|m| m.version).unwrap_or(0)
}

/// Runs every migration newer than `old_version`.
pub fn run(db: &Database, old_version: u32) -> indexed_db_futures::Result<()> {
    for m in MIGRATIONS.iter().filter(|m| m.version > old_version) {
        (m.apply)(db)?;
    }
    Ok(())
}
