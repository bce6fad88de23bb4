//! LobbyDesk domain core: the modules of the desk and the desk-wide services, on the kernel.
//!
//! Layers (see ARCHITECTURE.md), each using only those before it:
//! 1. the kernel (`lobbydesk-kernel`, re-exported here): ids, clock, records, store trait,
//!    merge, actor, the shape of a kind spec; it names no module;
//! 2. values: `ident`, `phone`, `plate`, `unit_no`, `sheet`, `csv_file`; the shape of a module's
//!    registration (`module`) and what demo data is drawn from (`sample`); the desk's own kinds
//!    (`audit`, `exchange_log`, `layout`);
//! 3. `modules/<name>/`: each module's records, forms, indexes, search plans, services;
//! 4. `registry`: the one list of modules and their kind specs;
//! 5. desk-wide services reading the registry: `permit`, `store::guard`, `exchange`, `sync`,
//!    `tables`, `demo`.
//!
//! Invariants: no I/O, no `web-sys`, no `leptos`; time and ids are passed in
//! ([`clock::Clock`], [`clock::IdSource`]); every error a clerk can see has a message in both
//! languages ([`lang::Localized`]).

pub use lobbydesk_kernel::{actor, clock, conflict, hlc, id, lang, merge, record, spec, time};

pub mod csv_file;
pub mod ident;
pub mod phone;
pub mod plate;
pub mod sheet;
pub mod unit_no;

pub mod module;
pub mod sample;

pub mod modules;

pub mod registry;

pub mod audit;
pub mod demo;
pub mod exchange;
pub mod exchange_log;
pub mod layout;
pub mod permit;
pub mod sync;
pub mod tables;

/// The storage trait, memory store and conformance suite (kernel), and the guarded store.
pub mod store {
    pub use lobbydesk_kernel::store::*;
    pub mod guard;
}

#[cfg(any(test, feature = "conformance"))]
pub use lobbydesk_kernel::store_conformance_tests;

pub use hlc::{Hlc, HlcClock};
pub use lang::{Lang, Localized};
pub use record::{DeviceId, Envelope, IndexEntry, Meta, Record, RecordError, RecordId, Stamp};
pub use store::{KeyRange, ListQuery, Page, PageCursor, RecordStore, StoreError};
