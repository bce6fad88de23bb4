//! Conflict sets: the versions of one record that lost a merge, kept on this tablet for a
//! supervisor. The losing versions travel in exports; the set itself is local bookkeeping.

use crate::actor::Action;
use crate::record::{Envelope, Record, RecordId};
use crate::spec::KindSpec;
use serde::{Deserialize, Serialize};

/// The kind of [`ConflictSet`] records.
pub const CONFLICT_KIND: &str = "conflict";

/// The versions of one record that lost a merge, kept for a supervisor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictSet {
    /// Kind of the record in conflict.
    pub kind: String,
    pub record: RecordId,
    /// Versions concurrent with the current one; empty once resolved.
    pub losers: Vec<Envelope>,
    /// Who resolved it, and when (set when `losers` was emptied by a supervisor).
    #[serde(default)]
    pub resolved_by: Option<String>,
}

impl Record for ConflictSet {
    const KIND: &'static str = CONFLICT_KIND;
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        if self.losers.is_empty() {
            Vec::new()
        } else {
            vec![("open", self.kind.clone())]
        }
    }
}

/// Conflict sets: written by a supervisor resolving, never exported.
pub const SPEC: KindSpec = KindSpec::of::<ConflictSet>("exchange", Action::RESOLVE_CONFLICTS)
    .named("冲突", "Conflict")
    .local();
