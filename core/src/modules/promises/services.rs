//! Promises over any [`RecordStore`]: the open ones (soonest due first), and keeping or
//! withdrawing one as it is stored now.

use super::{Promise, PromiseError, ix};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};

/// Why keeping or withdrawing a promise did not go through.
#[derive(Debug, PartialEq)]
pub enum SettleError {
    Promise(PromiseError),
    Store(StoreError),
}

impl From<StoreError> for SettleError {
    fn from(e: StoreError) -> Self {
        SettleError::Store(e)
    }
}

/// Every open promise, the soonest due first.
pub async fn open<S: RecordStore>(store: &S) -> Result<Vec<(Envelope, Promise)>, StoreError> {
    let q = ListQuery::by(Promise::KIND, ix::OPEN, KeyRange::All, 500);
    let mut all = list_all_as::<S, Promise>(store, q).await?;
    all.retain(|(_, p)| p.open());
    all.sort_by_key(|x| x.1.due);
    Ok(all)
}

/// The promises made on the record `on`.
pub async fn made_on<S: RecordStore>(
    store: &S,
    on: RecordId,
) -> Result<Vec<(Envelope, Promise)>, StoreError> {
    let q = ListQuery::by(Promise::KIND, ix::ON, KeyRange::Exact(on.0.to_string()), 50);
    list_all_as::<S, Promise>(store, q).await
}

/// The promise `id` kept (`keep` with what was done) or withdrawn (with the reason), as stored
/// now: not yet written, so a caller can write it with the record it belongs to.
pub async fn settled<S: RecordStore>(
    store: &S,
    id: RecordId,
    keep: bool,
    text: &str,
    by: &str,
    stamp: &impl Fn() -> Stamp,
) -> Result<(Envelope, Promise), SettleError> {
    let env = store
        .get(Promise::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or_else(|| StoreError::NotFound {
            kind: Promise::KIND.into(),
            id,
        })?;
    let p: Promise = env.decode().map_err(StoreError::from)?;
    let at = stamp();
    let next = if keep {
        p.kept(text, by, at.now)
    } else {
        p.withdrawn(text, by, at.now)
    }
    .map_err(SettleError::Promise)?;
    Ok((env.update(&next, at).map_err(StoreError::from)?, next))
}

/// Keeps or withdraws the promise `id` and saves it.
pub async fn settle<S: RecordStore>(
    store: &S,
    id: RecordId,
    keep: bool,
    text: &str,
    by: &str,
    stamp: impl Fn() -> Stamp,
) -> Result<Promise, SettleError> {
    let (env, p) = settled(store, id, keep, text, by, &stamp).await?;
    store.put(&env).await?;
    Ok(p)
}
