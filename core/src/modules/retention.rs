//! What every module's retention purge shares: finding the records whose personal data is due
//! (by their `personal` index, the day the data may go from), clearing it in one write with the
//! pictures they refer to (tombstones) and the versions kept for a supervisor in their conflict
//! sets (the conflict is closed: the versions differed in data that is now gone).

use crate::conflict::{CONFLICT_KIND, ConflictSet};
use crate::modules::photos::Photo;
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};
use chrono::{DateTime, Utc};

/// The index every kind with a retention purge keeps: the day its personal data may go from,
/// while it still holds some.
pub const PERSONAL: &str = "personal";

/// A kind whose personal data is purged after a number of days.
pub trait Retained: Record {
    /// Whether `days` have passed since the data may go, with personal data still held.
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool;
    /// The record without its personal data.
    fn purged(self) -> Self;
    /// The photo records (pictures, signatures) that go with its personal data.
    fn pictures(&self) -> Vec<RecordId> {
        Vec::new()
    }
}

/// Purges the records of `R` whose personal data is due after `days`, in one write: each record
/// as [`Retained::purged`], its pictures as tombstones, its kept conflict versions dropped.
/// Returns the purged records' ids (the caller redacts their audit entries, see
/// `store::guard::Guarded::forget`, and records the purge).
pub async fn purge<S: RecordStore, R: Retained>(
    store: &S,
    days: u32,
    now: DateTime<Utc>,
    stamp: impl Fn() -> Stamp,
) -> Result<Vec<RecordId>, StoreError> {
    let last_day = crate::time::day_key(now - chrono::Duration::days(i64::from(days)));
    let q = ListQuery::by(
        R::KIND,
        PERSONAL,
        KeyRange::Between(String::new(), last_day),
        500,
    );
    let mut batch = Vec::new();
    let mut ids = Vec::new();
    let mut pictures = Vec::new();
    for (env, r) in list_all_as::<S, R>(store, q).await? {
        if r.purge_due(now, days) {
            pictures.extend(r.pictures());
            batch.push(env.update(&r.purged(), stamp())?);
            ids.push(env.meta.id);
        }
    }
    pictures.sort();
    pictures.dedup();
    let keys: Vec<(String, RecordId)> = pictures
        .iter()
        .map(|id| (Photo::KIND.to_string(), *id))
        .collect();
    for photo in store.get_many(&keys).await?.into_iter().flatten() {
        if !photo.meta.deleted {
            batch.push(photo.tombstone(stamp()));
        }
    }
    batch.extend(closed_conflicts(store, &ids, &stamp).await?);
    if !batch.is_empty() {
        store.put_all(&batch).await?;
    }
    Ok(ids)
}

/// The conflict sets of `ids` that still hold kept versions, closed: written in the same batch
/// as the purged records (the guarded store writes a record in conflict only with its set).
async fn closed_conflicts<S: RecordStore>(
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
