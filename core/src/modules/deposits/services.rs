//! Deposits over any [`RecordStore`]: taking an item in with its photo (one write) and a pickup
//! code no waiting item has, releasing it with the taker's signature (one write), the items
//! waiting, found by code, name or unit.

use super::{Deposit, DepositError, DepositForm, Outcome, ix};
use crate::modules::parcels::pickup_code;
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};

/// Why a deposit change did not go through.
#[derive(Debug, PartialEq)]
pub enum DepositsError {
    Deposit(Vec<DepositError>),
    Store(StoreError),
}

impl From<StoreError> for DepositsError {
    fn from(e: StoreError) -> Self {
        DepositsError::Store(e)
    }
}

impl From<crate::record::RecordError> for DepositsError {
    fn from(e: crate::record::RecordError) -> Self {
        DepositsError::Store(e.into())
    }
}

/// Takes an item in with `photo` (its photo record, written with it); the code is drawn from
/// `random` until no waiting item has it.
pub async fn take_in<S: RecordStore>(
    store: &S,
    form: &DepositForm,
    photo: Option<Envelope>,
    by: &str,
    new_id: impl Fn() -> RecordId,
    mut random: impl FnMut() -> u32,
    stamp: impl Fn() -> Stamp,
) -> Result<Deposit, DepositsError> {
    let mut code = String::new();
    for _ in 0..8 {
        code = pickup_code(random());
        let q = ListQuery::by(Deposit::KIND, ix::CODE, KeyRange::Exact(code.clone()), 1);
        if store.list(&q).await?.items.is_empty() {
            break;
        }
    }
    let at = stamp();
    let mut d = form
        .parse(at.now, by, code)
        .map_err(DepositsError::Deposit)?;
    d.photo = photo.as_ref().map(|p| p.meta.id);
    let mut batch: Vec<Envelope> = photo.into_iter().collect();
    batch.push(Envelope::create(&d, new_id(), at)?);
    store.put_all(&batch).await?;
    Ok(d)
}

/// Releases the item `id` (see [`Deposit::release`]) with the taker's `signature` photo record.
#[allow(clippy::too_many_arguments)]
pub async fn release<S: RecordStore>(
    store: &S,
    id: RecordId,
    outcome: Outcome,
    to: &str,
    code: &str,
    id_checked: bool,
    signature: Option<Envelope>,
    by: &str,
    stamp: impl Fn() -> Stamp,
) -> Result<Deposit, DepositsError> {
    let env = store
        .get(Deposit::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or(StoreError::NotFound {
            kind: Deposit::KIND.into(),
            id,
        })?;
    let d: Deposit = env.decode()?;
    let at = stamp();
    let out = d
        .release(
            outcome,
            to,
            code,
            id_checked,
            signature.as_ref().map(|s| s.meta.id),
            by,
            at.now,
        )
        .map_err(|e| DepositsError::Deposit(vec![e]))?;
    let mut batch: Vec<Envelope> = signature.into_iter().collect();
    batch.push(env.update(&out, at)?);
    store.put_all(&batch).await?;
    Ok(out)
}

/// Items waiting at the desk, oldest first; narrowed by a pickup code, a name or a unit.
pub async fn waiting<S: RecordStore>(
    store: &S,
    text: &str,
) -> Result<Vec<(Envelope, Deposit)>, StoreError> {
    let t = text.trim();
    let mut v: Vec<(Envelope, Deposit)> = if t.is_empty() {
        list_all_as(
            store,
            ListQuery::by(Deposit::KIND, ix::WAITING, KeyRange::All, 200),
        )
        .await?
    } else {
        let mut plan = vec![(ix::TO, KeyRange::Prefix(t.to_string()))];
        if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
            plan.push((ix::CODE, KeyRange::Exact(t.to_string())));
        }
        if let Ok(u) = crate::unit_no::UnitNo::parse(t) {
            plan.push((ix::UNIT, KeyRange::Exact(u.to_string())));
        }
        let mut found = crate::store::search::<S, Deposit>(store, plan, 100).await?;
        found.retain(|(_, d)| d.waiting());
        found
    };
    v.sort_by_key(|x| x.1.left_at);
    Ok(v)
}

/// The items left in the latest days, newest first (the history).
pub async fn recent<S: RecordStore>(
    store: &S,
    limit: u32,
) -> Result<Vec<(Envelope, Deposit)>, StoreError> {
    let page = store.list(&ListQuery::recent(Deposit::KIND, limit)).await?;
    Ok(page
        .items
        .into_iter()
        .filter_map(|e| e.decode::<Deposit>().ok().map(|d| (e, d)))
        .collect())
}
