//! Keys over any [`RecordStore`]: registering one, lending it (refused while every copy is out),
//! taking it back, the keys out soonest due first, a key's history, a unit's keys and the search.
//! A signature is a photo record written in the same `put_all` as the loan.

use super::{Condition, Key, KeyError, KeyForm, KeyLoan, LoanForm, ix};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};
use chrono::{DateTime, Utc};

/// Why a key change did not go through.
#[derive(Debug, PartialEq)]
pub enum KeysError {
    Key(Vec<KeyError>),
    Store(StoreError),
}

impl From<StoreError> for KeysError {
    fn from(e: StoreError) -> Self {
        KeysError::Store(e)
    }
}

impl From<crate::record::RecordError> for KeysError {
    fn from(e: crate::record::RecordError) -> Self {
        KeysError::Store(e.into())
    }
}

impl From<KeyError> for KeysError {
    fn from(e: KeyError) -> Self {
        KeysError::Key(vec![e])
    }
}

async fn read<S: RecordStore, R: Record>(
    store: &S,
    id: RecordId,
) -> Result<(Envelope, R), StoreError> {
    let env = store
        .get(R::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or(StoreError::NotFound {
            kind: R::KIND.into(),
            id,
        })?;
    let r = env.decode()?;
    Ok((env, r))
}

/// Registers a key.
pub async fn register<S: RecordStore>(
    store: &S,
    form: &KeyForm,
    by: &str,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<(RecordId, Key), KeysError> {
    let at = stamp();
    let key = form.parse(at.now, by).map_err(KeysError::Key)?;
    let id = new_id();
    store.put(&Envelope::create(&key, id, at)?).await?;
    Ok((id, key))
}

/// The key `id` changed to `key` (its label, hook, copies; retired).
pub async fn change<S: RecordStore>(
    store: &S,
    id: RecordId,
    form: &KeyForm,
    retired: bool,
    stamp: impl Fn() -> Stamp,
) -> Result<Key, KeysError> {
    let (env, old): (Envelope, Key) = read(store, id).await?;
    if retired && !old.retired && !out_of(store, id).await?.is_empty() {
        return Err(KeyError::StillOut.into());
    }
    let at = stamp();
    let mut key = form
        .parse(old.created_at, &old.created_by)
        .map_err(KeysError::Key)?;
    key.retired = retired;
    store.put(&env.update(&key, at)?).await?;
    Ok(key)
}

/// The loans of the key `id` out now.
pub async fn out_of<S: RecordStore>(
    store: &S,
    id: RecordId,
) -> Result<Vec<(Envelope, KeyLoan)>, StoreError> {
    list_all_as(
        store,
        ListQuery::by(
            KeyLoan::KIND,
            ix::OUT_KEY,
            KeyRange::Exact(id.0.to_string()),
            100,
        ),
    )
    .await
}

/// Lends the key `key` with the signature's photo record `signature` (written together). Refused
/// while every copy is out.
pub async fn lend<S: RecordStore>(
    store: &S,
    key: RecordId,
    form: &LoanForm,
    signature: Option<Envelope>,
    by: &str,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<KeyLoan, KeysError> {
    let (_, k): (Envelope, Key) = read(store, key).await?;
    let out = out_of(store, key).await?;
    if out.len() as u32 >= k.copies {
        return Err(KeyError::AllOut {
            with: out.iter().map(|(_, l)| (l.name.clone(), l.due)).collect(),
        }
        .into());
    }
    let at = stamp();
    let mut form = form.clone();
    form.signature = signature.as_ref().map(|s| s.meta.id);
    let loan = form.parse(key, &k, at.now, by).map_err(KeysError::Key)?;
    let mut batch: Vec<Envelope> = signature.into_iter().collect();
    batch.push(Envelope::create(&loan, new_id(), at)?);
    store.put_all(&batch).await?;
    Ok(loan)
}

/// Takes the loan `id`'s key back, with the returner's signature (none for a lost key). A lost
/// key is one copy fewer at the desk, in the same write; the last copy lost retires the key.
pub async fn take_back<S: RecordStore>(
    store: &S,
    id: RecordId,
    condition: Option<Condition>,
    note: &str,
    signature: Option<Envelope>,
    by: &str,
    stamp: impl Fn() -> Stamp,
) -> Result<KeyLoan, KeysError> {
    let (env, loan): (Envelope, KeyLoan) = read(store, id).await?;
    let at = stamp();
    let back = loan.back(
        condition,
        note,
        signature.as_ref().map(|s| s.meta.id),
        by,
        at.now,
    )?;
    let mut batch: Vec<Envelope> = signature.into_iter().collect();
    batch.push(env.update(&back, at)?);
    if condition == Some(Condition::Lost) {
        if let Ok((kenv, key)) = read::<S, Key>(store, loan.key).await {
            let fewer = Key {
                copies: key.copies.saturating_sub(1),
                retired: key.retired || key.copies <= 1,
                ..key
            };
            batch.push(kenv.update(&fewer, stamp())?);
        }
    }
    store.put_all(&batch).await?;
    Ok(back)
}

/// Every key out, soonest due first (the overdue ones lead).
pub async fn out<S: RecordStore>(store: &S) -> Result<Vec<(Envelope, KeyLoan)>, StoreError> {
    let mut v: Vec<(Envelope, KeyLoan)> = list_all_as(
        store,
        ListQuery::by(KeyLoan::KIND, ix::OUT, KeyRange::All, 200),
    )
    .await?;
    v.sort_by_key(|x| x.1.due);
    Ok(v)
}

/// Keys out past their time at `now`.
pub async fn overdue<S: RecordStore>(
    store: &S,
    now: DateTime<Utc>,
) -> Result<Vec<(Envelope, KeyLoan)>, StoreError> {
    let mut v = out(store).await?;
    v.retain(|(_, l)| l.overdue(now));
    Ok(v)
}

/// A key with how many of its copies are out.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyRow {
    pub id: RecordId,
    pub key: Key,
    pub out: Vec<KeyLoan>,
}

impl KeyRow {
    /// Every copy is out.
    pub fn all_out(&self) -> bool {
        self.out.len() as u32 >= self.key.copies
    }
}

async fn rows<S: RecordStore>(
    store: &S,
    keys: Vec<(Envelope, Key)>,
) -> Result<Vec<KeyRow>, StoreError> {
    let loans = out(store).await?;
    let mut rows: Vec<KeyRow> = keys
        .into_iter()
        .map(|(e, key)| KeyRow {
            id: e.meta.id,
            out: loans
                .iter()
                .filter(|(_, l)| l.key == e.meta.id)
                .map(|(_, l)| l.clone())
                .collect(),
            key,
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.key.retired, &a.key.hook, &a.key.label).cmp(&(b.key.retired, &b.key.hook, &b.key.label))
    });
    Ok(rows)
}

/// The register, by hook, found by label, hook or unit when `text` is given.
pub async fn keys<S: RecordStore>(store: &S, text: &str) -> Result<Vec<KeyRow>, StoreError> {
    let t = text.trim();
    let keys: Vec<(Envelope, Key)> = if t.is_empty() {
        list_all_as(store, ListQuery::recent(Key::KIND, 500)).await?
    } else {
        let mut plan = vec![
            (ix::LABEL, KeyRange::Prefix(t.to_string())),
            (ix::HOOK, KeyRange::Prefix(t.to_string())),
        ];
        if let Ok(u) = crate::unit_no::UnitNo::parse(t) {
            plan.push((ix::UNIT, KeyRange::Exact(u.to_string())));
        }
        crate::store::search::<S, Key>(store, plan, 100).await?
    };
    rows(store, keys).await
}

/// The keys of the unit `unit` (`3-1-502`).
pub async fn of_unit<S: RecordStore>(store: &S, unit: &str) -> Result<Vec<KeyRow>, StoreError> {
    let keys = list_all_as(
        store,
        ListQuery::by(Key::KIND, ix::UNIT, KeyRange::Exact(unit.to_string()), 100),
    )
    .await?;
    rows(store, keys).await
}

/// One key with its copies out, and its loans, newest first.
pub async fn key<S: RecordStore>(
    store: &S,
    id: RecordId,
) -> Result<(KeyRow, Vec<(Envelope, KeyLoan)>), StoreError> {
    let (env, key): (Envelope, Key) = read(store, id).await?;
    let row = rows(store, vec![(env, key)]).await?.remove(0);
    let mut loans: Vec<(Envelope, KeyLoan)> = list_all_as(
        store,
        ListQuery::by(
            KeyLoan::KIND,
            ix::KEY,
            KeyRange::Exact(id.0.to_string()),
            200,
        ),
    )
    .await?;
    loans.sort_by_key(|x| std::cmp::Reverse(x.1.out_at));
    Ok((row, loans))
}
