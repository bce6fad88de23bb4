//! LobbyDesk domain core.
//!
//! Invariants (see ARCHITECTURE.md):
//! - no I/O, no `web-sys`, no `leptos`: everything here runs under plain `cargo test`;
//! - time and ids are passed in ([`clock::Clock`], [`clock::IdSource`]), so every test is deterministic;
//! - every error a clerk can see has a message in both languages ([`lang::Localized`]).

pub mod audit;
pub mod clock;
pub mod demo;
pub mod directory;
pub mod exchange;
pub mod hlc;
pub mod ident;
pub mod inspection;
pub mod lang;
pub mod memo;
pub mod merge;
pub mod parcel;
pub mod permit;
pub mod phone;
pub mod plate;
pub mod record;
pub mod sheet;
pub mod staff;
pub mod store;
pub mod sync;
pub mod tables;
pub mod time;
pub mod unit_no;
pub mod visit;
pub mod watch;

pub use hlc::{Hlc, HlcClock};
pub use lang::{Lang, Localized};
pub use record::{DeviceId, Envelope, IndexEntry, Meta, Record, RecordError, RecordId, Stamp};
pub use store::{KeyRange, ListQuery, Page, PageCursor, RecordStore, StoreError};
