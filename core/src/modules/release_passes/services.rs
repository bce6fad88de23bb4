//! Passes over any [`RecordStore`]: an application with a code no pass has, the supervisor's
//! decision and the gate's mark on the pass as stored now, finding a pass by its code, the lists.

use super::{
    APPLY_PASSES, CHECK_PASSES, Pass, PassError, PassForm, PassState, Verdict, ix, normalize_code,
    pass_code,
};
use crate::actor::Role;
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};
use chrono::{DateTime, Utc};

/// Why a pass step did not go through.
#[derive(Debug, PartialEq)]
pub enum PassesError {
    Pass(Vec<PassError>),
    /// At the gate: why it may not go through (used, another day, not approved, refused).
    Gate(Verdict),
    /// The person on duty may not do this.
    NotAllowed(crate::actor::Action),
    Store(StoreError),
}

impl From<StoreError> for PassesError {
    fn from(e: StoreError) -> Self {
        PassesError::Store(e)
    }
}

impl From<crate::record::RecordError> for PassesError {
    fn from(e: crate::record::RecordError) -> Self {
        PassesError::Store(e.into())
    }
}

impl From<PassError> for PassesError {
    fn from(e: PassError) -> Self {
        PassesError::Pass(vec![e])
    }
}

/// The pass with `code` (as typed: any case, spaces and dashes ignored).
pub async fn find<S: RecordStore>(
    store: &S,
    code: &str,
) -> Result<Option<(Envelope, Pass)>, StoreError> {
    let code = normalize_code(code);
    if code.is_empty() {
        return Ok(None);
    }
    Ok(list_all_as::<S, Pass>(
        store,
        ListQuery::by(Pass::KIND, ix::CODE, KeyRange::Exact(code), 5),
    )
    .await?
    .into_iter()
    .next())
}

/// Takes an application by `by` (with `roles`), its code drawn from `random` until no pass has it.
pub async fn apply<S: RecordStore>(
    store: &S,
    form: &PassForm,
    by: &str,
    roles: &[Role],
    new_id: impl Fn() -> RecordId,
    mut random: impl FnMut() -> u64,
    stamp: impl Fn() -> Stamp,
) -> Result<(RecordId, Pass), PassesError> {
    if !APPLY_PASSES.allowed(roles) {
        return Err(PassesError::NotAllowed(APPLY_PASSES));
    }
    let mut code = pass_code(random());
    for _ in 0..8 {
        if find(store, &code).await?.is_none() {
            break;
        }
        code = pass_code(random());
    }
    let at = stamp();
    let pass = form.parse(at.now, by, code).map_err(PassesError::Pass)?;
    let id = new_id();
    store.put(&Envelope::create(&pass, id, at)?).await?;
    Ok((id, pass))
}

async fn read<S: RecordStore>(store: &S, id: RecordId) -> Result<(Envelope, Pass), StoreError> {
    let env = store
        .get(Pass::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or(StoreError::NotFound {
            kind: Pass::KIND.into(),
            id,
        })?;
    let p = env.decode()?;
    Ok((env, p))
}

/// One pass.
pub async fn get<S: RecordStore>(store: &S, id: RecordId) -> Result<Pass, StoreError> {
    read(store, id).await.map(|(_, p)| p)
}

/// Approved, or rejected with `why`, by a supervisor.
pub async fn decide<S: RecordStore>(
    store: &S,
    id: RecordId,
    approve: bool,
    why: &str,
    by: &str,
    roles: &[Role],
    stamp: impl Fn() -> Stamp,
) -> Result<Pass, PassesError> {
    let (env, p) = read(store, id).await?;
    let at = stamp();
    let next = if approve {
        p.approved(by, roles, at.now)?
    } else {
        p.rejected(why, by, roles, at.now)?
    };
    store.put(&env.update(&next, at)?).await?;
    Ok(next)
}

/// What the gate does with a pass: let it through (once), or refuse it with a reason.
#[derive(Clone, Debug, PartialEq)]
pub enum AtGate {
    Use,
    Refuse(String),
}

/// The gate's mark on the pass `id` by `by` (with `roles`) at the time of `stamp`.
pub async fn at_gate<S: RecordStore>(
    store: &S,
    id: RecordId,
    what: &AtGate,
    by: &str,
    roles: &[Role],
    stamp: impl Fn() -> Stamp,
) -> Result<Pass, PassesError> {
    if !CHECK_PASSES.allowed(roles) {
        return Err(PassesError::NotAllowed(CHECK_PASSES));
    }
    let (env, p) = read(store, id).await?;
    let at = stamp();
    let next = match what {
        AtGate::Use => p.used(by, at.now).map_err(PassesError::Gate)?,
        AtGate::Refuse(reason) => p.refused(reason, by, at.now)?,
    };
    store.put(&env.update(&next, at)?).await?;
    Ok(next)
}

/// Which passes a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Waiting for a supervisor.
    Waiting,
    /// Approved for today or a later day.
    Coming,
    /// Every pass, newest first.
    All,
}

/// The passes `which` names: waiting and coming ones soonest first, all newest first.
pub async fn list<S: RecordStore>(
    store: &S,
    which: Which,
    now: DateTime<Utc>,
) -> Result<Vec<(Envelope, Pass)>, StoreError> {
    let q =
        |s: PassState| ListQuery::by(Pass::KIND, ix::STATE, KeyRange::Exact(s.code().into()), 500);
    let mut v: Vec<(Envelope, Pass)> = match which {
        Which::Waiting => list_all_as(store, q(PassState::Applied)).await?,
        Which::Coming => {
            let today = crate::time::local_date(now);
            let mut v: Vec<(Envelope, Pass)> = list_all_as(store, q(PassState::Approved)).await?;
            v.retain(|(_, p)| p.date >= today);
            v
        }
        Which::All => list_all_as(store, ListQuery::recent(Pass::KIND, 200)).await?,
    };
    match which {
        Which::All => v.sort_by_key(|x| std::cmp::Reverse(x.1.applied.at)),
        _ => v.sort_by_key(|x| (x.1.date, x.1.applied.at)),
    }
    Ok(v)
}
