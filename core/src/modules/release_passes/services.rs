//! Passes over any [`RecordStore`]: an application with a code no pass has, the supervisor's
//! decision and the gate's mark on the pass as stored now, finding a pass by its code, the lists.

use super::ticket::{self, GateCheck, Scanned, SigningKey, TicketError};
use super::{
    APPLY_PASSES, APPROVE_PASSES, CHECK_PASSES, Mark, Pass, PassError, PassForm, PassState,
    Verdict, ix, normalize_code, pass_code,
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
    /// A QR that cannot be let through on its own (unreadable, unknown key, altered).
    Ticket(TicketError),
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

/// A tenant moving out of a unit the fees module bills: fees cleared is read from there (owing
/// refuses the application, whatever was ticked); a unit not billed keeps the clerk's tick.
async fn fees_read<S: RecordStore>(
    store: &S,
    form: &PassForm,
    now: DateTime<Utc>,
) -> Result<PassForm, PassesError> {
    let moving = form.applicant == Some(super::Applicant::Tenant)
        && form.reason == Some(super::Reason::Moving);
    if !moving || form.unit.trim().is_empty() {
        return Ok(form.clone());
    }
    let today = crate::time::local_date(now);
    match crate::modules::fees::services::unit_status(store, &form.unit, today).await {
        Ok(st) if st.account.is_some() && st.problem.is_none() => {
            if st.cleared() {
                Ok(PassForm {
                    fees_cleared: true,
                    ..form.clone()
                })
            } else {
                Err(PassError::FeesOwed(st.owed().len() as u32, st.owed_fen()).into())
            }
        }
        Ok(_) | Err(crate::modules::fees::services::FeesError::Fee(_)) => Ok(form.clone()),
        Err(crate::modules::fees::services::FeesError::Store(e)) => Err(e.into()),
        Err(crate::modules::fees::services::FeesError::NotAllowed(a)) => {
            Err(PassesError::NotAllowed(a))
        }
    }
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
    let at = stamp();
    let form = &fees_read(store, form, at.now).await?;
    let mut code = pass_code(random());
    for _ in 0..8 {
        if find(store, &code).await?.is_none() {
            break;
        }
        code = pass_code(random());
    }
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

/// Approved, or rejected with `why`, by a supervisor. An approval keeps `qr`, the pass's QR
/// signed by this tablet ([`ticket`]); an empty one leaves the pass to be checked by its code.
#[allow(clippy::too_many_arguments)]
pub async fn decide<S: RecordStore>(
    store: &S,
    id: RecordId,
    approve: bool,
    why: &str,
    qr: &str,
    by: &str,
    roles: &[Role],
    stamp: impl Fn() -> Stamp,
) -> Result<Pass, PassesError> {
    let (env, p) = read(store, id).await?;
    let at = stamp();
    let next = if approve {
        Pass {
            qr: qr.to_string(),
            ..p.approved(by, roles, at.now)?
        }
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
    // Let through from its QR alone at this gate before the pass itself arrived.
    if let v @ Verdict::Used { .. } = verdict_here(store, &p, at.now).await? {
        return Err(PassesError::Gate(v));
    }
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
    // What the gates did from the QRs alone (the newest checks, one read) shows on the passes.
    if which != Which::Waiting {
        let checks: Vec<GateCheck> =
            list_all_as::<S, GateCheck>(store, ListQuery::recent(GateCheck::KIND, 500))
                .await?
                .into_iter()
                .map(|(_, c)| c)
                .collect();
        v = v
            .into_iter()
            .map(|(e, p)| (e, p.seen_with(&checks)))
            .filter(|(_, p)| which != Which::Coming || p.state == PassState::Approved)
            .collect();
    }
    match which {
        Which::All => v.sort_by_key(|x| std::cmp::Reverse(x.1.applied.at)),
        _ => v.sort_by_key(|x| (x.1.date, x.1.applied.at)),
    }
    Ok(v)
}

/// The signing key with fingerprint `key`, if this device has received it.
pub async fn signing_key<S: RecordStore>(
    store: &S,
    key: &str,
) -> Result<Option<SigningKey>, StoreError> {
    Ok(list_all_as::<S, SigningKey>(
        store,
        ListQuery::by(
            SigningKey::KIND,
            ticket::ix::KEY,
            KeyRange::Exact(key.into()),
            5,
        ),
    )
    .await?
    .into_iter()
    .map(|(_, k)| k)
    .find(|k| k.public_bytes().is_some()))
}

/// Makes sure this tablet's public key `public` is on record, for the gates; its fingerprint.
pub async fn keep_signing_key<S: RecordStore>(
    store: &S,
    public: &[u8],
    by: &str,
    roles: &[Role],
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<String, PassesError> {
    let key = ticket::key_id(public);
    if signing_key(store, &key).await?.is_some() {
        return Ok(key);
    }
    if !APPROVE_PASSES.allowed(roles) {
        return Err(PassesError::NotAllowed(APPROVE_PASSES));
    }
    let at = stamp();
    let k = SigningKey::new(public, by, at.now);
    store.put(&Envelope::create(&k, new_id(), at)?).await?;
    Ok(key)
}

/// This gate's marks on the pass with `code` made from its QR alone.
pub async fn checks<S: RecordStore>(store: &S, code: &str) -> Result<Vec<GateCheck>, StoreError> {
    Ok(list_all_as::<S, GateCheck>(
        store,
        ListQuery::by(
            GateCheck::KIND,
            ticket::ix::CODE,
            KeyRange::Exact(code.into()),
            50,
        ),
    )
    .await?
    .into_iter()
    .map(|(_, c)| c)
    .collect())
}

/// What the gate finds for a pass it has, counting a use from the pass's QR alone.
pub async fn verdict_here<S: RecordStore>(
    store: &S,
    pass: &Pass,
    now: DateTime<Utc>,
) -> Result<Verdict, StoreError> {
    let v = pass.verdict(now);
    if v != Verdict::Valid {
        return Ok(v);
    }
    Ok(ticket::earlier(&checks(store, &pass.code).await?).unwrap_or(v))
}

/// Whether a signed QR is the office's: its key known here and its signature good (checked
/// also when the pass itself is here, so an altered QR is never let through on its code).
pub async fn authentic<S: RecordStore>(
    store: &S,
    qr: &Scanned,
    verify: impl AsyncFn(&[u8], &[u8], &[u8]) -> bool,
) -> Result<(), PassesError> {
    let key = signing_key(store, &qr.ticket.key)
        .await?
        .and_then(|k| k.public_bytes())
        .ok_or_else(|| PassesError::Ticket(TicketError::UnknownKey(qr.ticket.key.clone())))?;
    if !verify(&key, &qr.payload, &qr.signature).await {
        return Err(PassesError::Ticket(TicketError::Forged));
    }
    Ok(())
}

/// A code this device has no pass for, but let through or refused from its QR before.
pub async fn code_checked<S: RecordStore>(
    store: &S,
    code: &str,
) -> Result<Option<Verdict>, StoreError> {
    Ok(ticket::earlier(
        &checks(store, &normalize_code(code)).await?,
    ))
}

/// Checks a signed QR: the key known here, the signature by `verify` (public key, payload,
/// signature), then the day and this gate's earlier marks.
pub async fn scanned<S: RecordStore>(
    store: &S,
    qr: &Scanned,
    now: DateTime<Utc>,
    verify: impl AsyncFn(&[u8], &[u8], &[u8]) -> bool,
) -> Result<Verdict, PassesError> {
    authentic(store, qr, verify).await?;
    let checks = checks(store, &qr.ticket.code).await?;
    Ok(ticket::verdict(&qr.ticket, &checks, now))
}

/// The gate's mark on a pass it knows from its QR alone, checked again as [`scanned`] does: let
/// through only when valid, refused with a reason unless already used or refused.
pub async fn at_gate_scanned<S: RecordStore>(
    store: &S,
    qr: &Scanned,
    what: &AtGate,
    by: &str,
    roles: &[Role],
    verify: impl AsyncFn(&[u8], &[u8], &[u8]) -> bool,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<GateCheck, PassesError> {
    if !CHECK_PASSES.allowed(roles) {
        return Err(PassesError::NotAllowed(CHECK_PASSES));
    }
    let at = stamp();
    let verdict = scanned(store, qr, at.now, verify).await?;
    let note = match (what, &verdict) {
        (AtGate::Use, Verdict::Valid) => String::new(),
        (AtGate::Use, _) => return Err(PassesError::Gate(verdict)),
        (AtGate::Refuse(_), Verdict::Used { .. } | Verdict::Refused { .. }) => {
            return Err(PassesError::Gate(verdict));
        }
        (AtGate::Refuse(r), _) if r.trim().is_empty() => return Err(PassError::NoNote.into()),
        (AtGate::Refuse(r), _) => r.trim().to_string(),
    };
    let check = GateCheck {
        ticket: qr.ticket.clone(),
        used: matches!(what, AtGate::Use),
        mark: Mark {
            at: at.now,
            by: by.to_string(),
            note,
        },
        purged: false,
    };
    store.put(&Envelope::create(&check, new_id(), at)?).await?;
    Ok(check)
}
