//! What every module's retention purge shares: the versions of a purged record kept for a
//! supervisor in its conflict set go with its personal data (the conflict is closed: the
//! versions differed in data that is now gone).

use crate::conflict::{CONFLICT_KIND, ConflictSet};
use crate::record::{Envelope, RecordId, Stamp};
use crate::store::{RecordStore, StoreError};

/// The conflict sets of `ids` that still hold kept versions, closed: to write in the same batch
/// as the purged records (the guarded store writes a record in conflict only with its set).
pub async fn closed_conflicts<S: RecordStore>(
    store: &S,
    ids: &[RecordId],
    stamp: impl Fn() -> Stamp,
) -> Result<Vec<Envelope>, StoreError> {
    let keys: Vec<(String, RecordId)> = ids
        .iter()
        .map(|id| (CONFLICT_KIND.to_string(), *id))
        .collect();
    let mut out = Vec::new();
    for set_env in store.get_many(&keys).await?.into_iter().flatten() {
        if set_env.meta.deleted {
            continue;
        }
        let set: ConflictSet = set_env.decode()?;
        if !set.losers.is_empty() {
            let closed = ConflictSet {
                losers: Vec::new(),
                resolved_by: Some(
                    crate::lang::Lang::Zh
                        .pick("保留期限清除", "retention purge")
                        .into(),
                ),
                ..set
            };
            out.push(set_env.update(&closed, stamp())?);
        }
    }
    Ok(out)
}
