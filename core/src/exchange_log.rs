//! The exchange log: one line per file exported or imported here, with what an import did per
//! module. This tablet's own bookkeeping: it never travels.

use crate::actor::Action;
use crate::merge::Change;
use crate::record::{DeviceId, Meta, Record};
use crate::spec::KindSpec;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kind of [`ExchangeEntry`] records.
pub const EXCHANGE_KIND: &str = "exchange";

/// Which way a file went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Export,
    Import,
}

/// One line of the exchange log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExchangeEntry {
    pub direction: Direction,
    /// The other tablet: the one the export was made for, or the one a file came from.
    pub peer: Option<DeviceId>,
    pub peer_office: String,
    pub at: DateTime<Utc>,
    /// Exports: the last change key this tablet had when the file was made. The next export
    /// "since the last exchange" with the same peer starts after it.
    pub mark: Option<String>,
    pub records: usize,
    pub file_name: String,
    pub encrypted: bool,
    /// Imports: per module, what the file did.
    #[serde(default)]
    pub tally: BTreeMap<String, Tally>,
}

impl Record for ExchangeEntry {
    const KIND: &'static str = EXCHANGE_KIND;
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let dir = match self.direction {
            Direction::Export => "export",
            Direction::Import => "import",
        };
        let mut v = vec![("dir", dir.to_string())];
        if let Some(p) = self.peer {
            v.push(("peer", format!("{dir}|{p}")));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.at
    }
}

/// What an import does to one module's records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub new: usize,
    pub newer: usize,
    /// Older than what is here: ignored.
    pub older: usize,
    pub unchanged: usize,
    pub conflict: usize,
}

impl Tally {
    pub(crate) fn count(&mut self, change: Change) {
        match change {
            Change::New => self.new += 1,
            Change::Newer => self.newer += 1,
            Change::Older => self.older += 1,
            Change::Unchanged => self.unchanged += 1,
            Change::Conflict => self.conflict += 1,
        }
    }

    /// Records the import would write.
    pub fn changes(&self) -> usize {
        self.new + self.newer + self.conflict
    }
}

/// Exchange log lines: written with the export right, never exported.
pub const SPEC: KindSpec = KindSpec::of::<ExchangeEntry>("exchange", Action::EXPORT)
    .named("交换记录", "Exchange log entry")
    .local();
