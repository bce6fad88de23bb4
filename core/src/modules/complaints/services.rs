//! Complaints over any [`RecordStore`]: recording one (with its photos in the same write), a
//! step of its procedure on the complaint as stored now, a promise made on it, a linked work
//! order for the department's fix, the lists and search.

use super::{Complaint, ComplaintError, ComplaintForm, Move, Stage, ix};
use crate::actor::Role;
use crate::modules::promises::Promise;
use crate::modules::work_orders::{
    Category, Request, Source, Urgency, WorkOrder, services::next_number,
};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};
use chrono::{DateTime, Utc};

/// Why a complaint or a step did not go through.
#[derive(Debug, PartialEq)]
pub enum CaseError {
    Complaint(Vec<ComplaintError>),
    Other(String),
    Store(StoreError),
}

impl From<StoreError> for CaseError {
    fn from(e: StoreError) -> Self {
        CaseError::Store(e)
    }
}

/// Records a complaint with `pictures` (the photo records its `photos` refer to), in one write.
pub async fn record<S: RecordStore>(
    store: &S,
    form: &ComplaintForm,
    pictures: Vec<Envelope>,
    by: &str,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<(Envelope, Complaint), CaseError> {
    let at = stamp();
    let c = form.parse(at.now, by).map_err(CaseError::Complaint)?;
    let env = Envelope::create(&c, new_id(), at).map_err(StoreError::from)?;
    let mut batch = pictures;
    batch.push(env.clone());
    store.put_all(&batch).await?;
    Ok((env, c))
}

async fn read<S: RecordStore>(store: &S, id: RecordId) -> Result<(Envelope, Complaint), CaseError> {
    let env = store
        .get(Complaint::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or(StoreError::NotFound {
            kind: Complaint::KIND.into(),
            id,
        })?;
    let c = env.decode().map_err(StoreError::from)?;
    Ok((env, c))
}

/// Makes `mv` on the complaint `id` as stored now.
pub async fn make_move<S: RecordStore>(
    store: &S,
    id: RecordId,
    mv: &Move,
    by: &str,
    roles: &[Role],
    stamp: impl Fn() -> Stamp,
) -> Result<Complaint, CaseError> {
    let (env, c) = read(store, id).await?;
    if matches!(mv, Move::Next { .. }) && c.next_stage() == Some(Stage::Closed) {
        let open = crate::modules::promises::services::made_on(store, id).await?;
        if open.iter().any(|(_, p)| p.open()) {
            return Err(CaseError::Complaint(vec![ComplaintError::PromiseOpen]));
        }
    }
    let at = stamp();
    let next = c
        .apply(mv, by, roles, at.now)
        .map_err(|e| CaseError::Complaint(vec![e]))?;
    store
        .put(&env.update(&next, at).map_err(StoreError::from)?)
        .await?;
    Ok(next)
}

/// A promise made on the complaint `id` to its complainant.
pub async fn promise<S: RecordStore>(
    store: &S,
    id: RecordId,
    what: &str,
    due: DateTime<Utc>,
    by: &str,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<Promise, CaseError> {
    let (_, c) = read(store, id).await?;
    let at = stamp();
    let mut p = Promise::new(
        what,
        due,
        &c.name,
        c.phone.clone(),
        (Complaint::KIND.into(), id),
        by,
        at.now,
    )
    .map_err(|e| CaseError::Other(crate::lang::Localized::message(&e, crate::lang::Lang::Zh)))?;
    p.unit = c.unit.clone();
    store
        .put(&Envelope::create(&p, new_id(), at).map_err(StoreError::from)?)
        .await?;
    Ok(p)
}

/// The department's fix as a repair work order, linked from the complaint; both written
/// together. A second call gives the same order.
#[allow(clippy::too_many_arguments)]
pub async fn to_work_order<S: RecordStore>(
    store: &S,
    id: RecordId,
    category: Category,
    device: &str,
    by: &str,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<RecordId, CaseError> {
    let (env, c) = read(store, id).await?;
    if let Some(w) = c.work_order {
        return Ok(w);
    }
    let at = stamp();
    let request = Request {
        source: Some(Source::Other),
        unit: c.unit.clone(),
        place: if c.unit.is_empty() {
            c.place.clone()
        } else {
            String::new()
        },
        reporter: c.name.clone(),
        phone: c
            .phone
            .as_ref()
            .map(|p| p.digits().to_string())
            .unwrap_or_default(),
        category: Some(category),
        description: format!("投诉:{}", c.what),
        urgency: Some(Urgency::Normal),
        ..Request::default()
    };
    let number = next_number(store, at.now, device).await?;
    let order: WorkOrder = request.parse(number, at.now, by).map_err(|errs| {
        CaseError::Other(
            errs.iter()
                .map(|e| crate::lang::Localized::message(e, crate::lang::Lang::Zh))
                .collect::<Vec<_>>()
                .join(" "),
        )
    })?;
    let oid = new_id();
    let oe = Envelope::create(&order, oid, at).map_err(StoreError::from)?;
    let linked = Complaint {
        work_order: Some(oid),
        ..c
    };
    let ce = env.update(&linked, stamp()).map_err(StoreError::from)?;
    store.put_all(&[oe, ce]).await?;
    Ok(oid)
}

/// Complaints not closed (or every one, newest 500), newest first.
pub async fn list<S: RecordStore>(
    store: &S,
    open_only: bool,
) -> Result<Vec<(Envelope, Complaint)>, StoreError> {
    let mut all =
        list_all_as::<S, Complaint>(store, ListQuery::recent(Complaint::KIND, 500)).await?;
    if open_only {
        all.retain(|(_, c)| c.open());
    }
    all.sort_by_key(|x| std::cmp::Reverse(x.1.created_at));
    Ok(all)
}

/// Complaints waiting for their follow-up call (the department has dealt with them, or they were
/// answered), oldest first.
pub async fn to_follow_up<S: RecordStore>(
    store: &S,
) -> Result<Vec<(Envelope, Complaint)>, StoreError> {
    let mut all = Vec::new();
    for s in [Stage::Fixed, Stage::Handled] {
        let q = ListQuery::by(
            Complaint::KIND,
            ix::STAGE,
            KeyRange::Exact(s.code().into()),
            500,
        );
        all.extend(list_all_as::<S, Complaint>(store, q).await?);
    }
    all.sort_by_key(|x| x.1.created_at);
    Ok(all)
}

/// Complaints by unit, name or phone, newest first.
pub async fn search<S: RecordStore>(
    store: &S,
    text: &str,
    limit: u32,
) -> Result<Vec<(Envelope, Complaint)>, StoreError> {
    let t = text.trim();
    let mut plan = vec![(ix::NAME, KeyRange::Prefix(t.to_string()))];
    if t.bytes().all(|b| b.is_ascii_digit()) && t.len() >= 3 {
        plan.push((ix::PHONE, KeyRange::Prefix(t.to_string())));
    }
    if let Ok(u) = crate::unit_no::UnitNo::parse(t) {
        plan.push((ix::UNIT, KeyRange::Exact(u.to_string())));
    }
    let mut found: Vec<(Envelope, Complaint)> = Vec::new();
    for (index, range) in plan {
        for (e, c) in
            list_all_as::<S, Complaint>(store, ListQuery::by(Complaint::KIND, index, range, limit))
                .await?
        {
            if !found.iter().any(|(f, _)| f.meta.id == e.meta.id) {
                found.push((e, c));
            }
        }
    }
    found.sort_by_key(|x| std::cmp::Reverse(x.1.created_at));
    Ok(found)
}
