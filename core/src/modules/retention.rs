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

/// What a purge writes: the records without their personal data, the tombstones of their
/// pictures and their closed conflict sets (`batch`), and which records were purged (`ids`).
#[derive(Debug, Default)]
pub struct Purge {
    pub ids: Vec<RecordId>,
    pub batch: Vec<Envelope>,
}

/// The purge of the records of `R` whose personal data is due after `days`, read from `store`
/// and not yet written: each record as [`Retained::purged`], its pictures as tombstones, its kept
/// conflict versions dropped. `store::guard::Guarded::purge` writes it in one transaction with
/// the redacted audit trail; [`purge`] writes it alone.
pub async fn due<S: RecordStore, R: Retained>(
    store: &S,
    days: u32,
    now: DateTime<Utc>,
    stamp: impl Fn() -> Stamp,
) -> Result<Purge, StoreError> {
    let last_day = crate::time::day_key(now - chrono::Duration::days(i64::from(days)));
    let q = ListQuery::by(
        R::KIND,
        PERSONAL,
        KeyRange::Between(String::new(), last_day),
        500,
    );
    let mut out = Purge::default();
    let mut pictures = Vec::new();
    for (env, r) in list_all_as::<S, R>(store, q).await? {
        if r.purge_due(now, days) {
            pictures.extend(r.pictures());
            out.batch.push(env.update(&r.purged(), stamp())?);
            out.ids.push(env.meta.id);
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
            out.batch.push(photo.tombstone(stamp()));
        }
    }
    out.batch
        .extend(closed_conflicts(store, &out.ids, &stamp).await?);
    Ok(out)
}

/// Purges what [`due`] finds in one write to `store`, with no audit trail of its own: each kind's
/// tests of what its purge removes, on a plain store (the app purges through
/// `store::guard::Guarded::purge`). Returns the purged records' ids.
#[cfg(test)]
pub async fn purge<S: RecordStore, R: Retained>(
    store: &S,
    days: u32,
    now: DateTime<Utc>,
    stamp: impl Fn() -> Stamp,
) -> Result<Vec<RecordId>, StoreError> {
    let Purge { ids, batch } = due::<S, R>(store, days, now, stamp).await?;
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
