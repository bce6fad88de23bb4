//! LobbyDesk kernel: what every module stands on and that names no module's record kind.
//!
//! Ids and the merge clock, the record envelope and the `Record` trait, the storage trait with
//! its memory store and conformance suite, merge and conflict sets, the actor (roles, staff
//! references, actions) and the shape of a record-kind spec. The crate boundary is the rule:
//! this crate depends on no module, so nothing here can name one (ARCHITECTURE.md, "Layers").
//!
//! Like the core: no I/O, no `web-sys`, no `leptos`; time and ids are passed in.

pub mod actor;
pub mod clock;
pub mod conflict;
pub mod hlc;
pub mod id;
pub mod lang;
pub mod merge;
pub mod record;
pub mod spec;
pub mod store;
pub mod time;

pub use hlc::{Hlc, HlcClock};
pub use lang::{Lang, Localized};
pub use record::{DeviceId, Envelope, IndexEntry, Meta, Record, RecordError, RecordId, Stamp};
pub use store::{KeyRange, ListQuery, Page, PageCursor, RecordStore, StoreError};
