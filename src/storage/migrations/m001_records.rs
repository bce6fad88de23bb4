//! Migration 1: the `records` object store.
//!
//! A stored value is `{k, id, v, ix, doc}`: kind, record id, merge version text, the index
//! entries as `[kind, name, value, sort, id]` arrays, and the whole envelope as JSON text.
//! Key: `[k, id]`. Index `ix` is multi-entry over `ix` (every listing); index `v` is over the
//! version text (changes since a version, for export).

use indexed_db_futures::KeyPath;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;

pub const STORE: &str = "records";
pub const IX: &str = "ix";
pub const BY_VERSION: &str = "v";

pub fn apply(db: &Database) -> indexed_db_futures::Result<()> {
    let store = db
        .create_object_store(STORE)
        .with_key_path(KeyPath::from(vec!["k", "id"]))
        .build()?;
    store
        .create_index(IX, KeyPath::One("ix"))
        .with_multi_entry(true)
        .build()?;
    store.create_index(BY_VERSION, KeyPath::One("v")).build()?;
    Ok(())
}
