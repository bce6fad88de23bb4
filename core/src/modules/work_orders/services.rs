//! The work-orders module's services over any [`RecordStore`]: numbering, taking a request,
//! moving an order through the status machine (re-reading it first), the lists and search, and
//! the earlier orders and reporters a new request may be about.

use super::{Move, Request, WorkError, WorkOrder, WorkStatus, ix, number, number_prefix};
use crate::actor::Role;
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};
use chrono::{DateTime, Utc};

/// Why a request or a move did not go through.
#[derive(Debug, PartialEq)]
pub enum OrderError {
    Work(Vec<WorkError>),
    Store(StoreError),
}

impl From<StoreError> for OrderError {
    fn from(e: StoreError) -> Self {
        OrderError::Store(e)
    }
}

impl From<WorkError> for OrderError {
    fn from(e: WorkError) -> Self {
        OrderError::Work(vec![e])
    }
}

/// The next number for an order taken today on the tablet `device`: one more than the highest
/// of the day's numbers on it (numbers of other tablets carry their own device part, so files
/// crossing never make two orders with one number).
pub async fn next_number<S: RecordStore>(
    store: &S,
    now: DateTime<Utc>,
    device: &str,
) -> Result<String, StoreError> {
    let day = now.with_timezone(&crate::time::china()).date_naive();
    let prefix = number_prefix(day, device);
    let q = ListQuery::by(
        WorkOrder::KIND,
        ix::NUMBER,
        KeyRange::Prefix(prefix.clone()),
        500,
    );
    let highest = list_all_as::<S, WorkOrder>(store, q)
        .await?
        .iter()
        .filter_map(|(_, o)| {
            o.number
                .strip_prefix(&prefix)
                .and_then(|t| t.parse::<u32>().ok())
        })
        .max()
        .unwrap_or(0);
    Ok(number(day, device, highest + 1))
}

/// Takes a request: numbers it and saves it with `pictures` (the photo records its `photos`
/// refer to), in one write. Returns the order.
pub async fn take<S: RecordStore>(
    store: &S,
    request: &Request,
    pictures: Vec<Envelope>,
    device: &str,
    by: &str,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<(Envelope, WorkOrder), OrderError> {
    let at = stamp();
    let number = next_number(store, at.now, device).await?;
    let order = request
        .parse(number, at.now, by)
        .map_err(OrderError::Work)?;
    let env = Envelope::create(&order, new_id(), at).map_err(StoreError::from)?;
    let mut batch = pictures;
    batch.push(env.clone());
    store.put_all(&batch).await?;
    Ok((env, order))
}

/// Makes `mv` on the order `id` as it is stored now (a move made meanwhile on this tablet is
/// seen, not overwritten), with `pictures` (a completion's photos and signature) in the same
/// write. Returns the order after it.
pub async fn make_move<S: RecordStore>(
    store: &S,
    id: RecordId,
    mv: &Move,
    pictures: Vec<Envelope>,
    by: &str,
    roles: &[Role],
    stamp: impl Fn() -> Stamp,
) -> Result<(Envelope, WorkOrder), OrderError> {
    let env = store
        .get(WorkOrder::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or_else(|| StoreError::NotFound {
            kind: WorkOrder::KIND.into(),
            id,
        })?;
    let order: WorkOrder = env.decode().map_err(StoreError::from)?;
    let at = stamp();
    let next = order.apply(mv, by, roles, at.now)?;
    let env = env.update(&next, at).map_err(StoreError::from)?;
    let mut batch = pictures;
    batch.push(env.clone());
    store.put_all(&batch).await?;
    Ok((env, next))
}

/// Orders in `status`, newest first.
pub async fn in_status<S: RecordStore>(
    store: &S,
    status: WorkStatus,
) -> Result<Vec<(Envelope, WorkOrder)>, StoreError> {
    let q = ListQuery::by(
        WorkOrder::KIND,
        ix::STATUS,
        KeyRange::Exact(status.code().to_string()),
        500,
    );
    list_all_as::<S, WorkOrder>(store, q).await
}

/// Every order still needing work (待派单, 已派单, 处理中, 暂缓), newest first.
pub async fn open<S: RecordStore>(store: &S) -> Result<Vec<(Envelope, WorkOrder)>, StoreError> {
    let mut all = Vec::new();
    for s in [
        WorkStatus::Pending,
        WorkStatus::Dispatched,
        WorkStatus::InProgress,
        WorkStatus::OnHold,
    ] {
        all.extend(in_status(store, s).await?);
    }
    all.sort_by_key(|x| std::cmp::Reverse(x.1.created_at));
    Ok(all)
}

/// The newest `limit` orders of any status, newest first.
pub async fn recent<S: RecordStore>(
    store: &S,
    limit: u32,
) -> Result<Vec<(Envelope, WorkOrder)>, StoreError> {
    let q = ListQuery::recent(WorkOrder::KIND, limit.min(500));
    let mut all: Vec<(Envelope, WorkOrder)> = store
        .list(&q)
        .await?
        .items
        .into_iter()
        .filter_map(|e| e.decode().ok().map(|o| (e, o)))
        .collect();
    all.sort_by_key(|x| std::cmp::Reverse(x.1.created_at));
    Ok(all)
}

/// A unit's orders, newest first (its page in 住户, and the request form's "already reported").
pub async fn of_unit<S: RecordStore>(
    store: &S,
    unit: &str,
) -> Result<Vec<(Envelope, WorkOrder)>, StoreError> {
    let Ok(u) = crate::unit_no::UnitNo::parse(unit) else {
        return Ok(Vec::new());
    };
    let q = ListQuery::by(
        WorkOrder::KIND,
        ix::UNIT,
        KeyRange::Exact(u.to_string()),
        200,
    );
    let mut all = list_all_as::<S, WorkOrder>(store, q).await?;
    all.sort_by_key(|x| std::cmp::Reverse(x.1.created_at));
    Ok(all)
}

/// Orders matching a search: the number or any part of it (the day, the tablet, the count;
/// any case), the unit, the reporter's name, the phone (its start or its last digits), the
/// public area or words of the problem; newest first.
pub async fn search<S: RecordStore>(
    store: &S,
    text: &str,
    limit: u32,
) -> Result<Vec<(Envelope, WorkOrder)>, StoreError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(Vec::new());
    }
    let lower = t.to_lowercase();
    let number = match lower.strip_prefix("wx-") {
        Some(rest) => format!("WX-{rest}"),
        None => t.to_string(),
    };
    let digits = t.bytes().all(|b| b.is_ascii_digit());
    let mut plan = vec![
        (ix::NUMBER, KeyRange::Prefix(number)),
        (ix::NAME, KeyRange::Prefix(t.to_string())),
    ];
    if digits && t.len() >= 3 {
        plan.push((ix::PHONE, KeyRange::Prefix(t.to_string())));
    }
    if let Ok(u) = crate::unit_no::UnitNo::parse(t) {
        plan.push((ix::UNIT, KeyRange::Exact(u.to_string())));
    }
    let mut found: Vec<(Envelope, WorkOrder)> = Vec::new();
    for (index, range) in plan {
        let q = ListQuery::by(WorkOrder::KIND, index, range, limit);
        for (e, o) in list_all_as::<S, WorkOrder>(store, q).await? {
            if !found.iter().any(|(f, _)| f.meta.id == e.meta.id) {
                found.push((e, o));
            }
        }
    }
    // What no index holds, among the newest 500: part of a number, a phone's last digits, the
    // public area, words of the problem.
    if t.chars().count() >= 2 {
        let recent =
            list_all_as::<S, WorkOrder>(store, ListQuery::recent(WorkOrder::KIND, 500)).await?;
        for (e, o) in recent {
            let hit = (t.len() >= 3 && o.number.to_lowercase().contains(&lower))
                || (digits
                    && t.len() >= 4
                    && o.phone.as_ref().is_some_and(|p| p.digits().ends_with(t)))
                || o.place.contains(t)
                || o.description.contains(t);
            if hit && !found.iter().any(|(f, _)| f.meta.id == e.meta.id) {
                found.push((e, o));
            }
        }
    }
    found.sort_by_key(|x| std::cmp::Reverse(x.1.created_at));
    found.truncate(limit as usize);
    Ok(found)
}

/// Orders done and not yet called back (回访), oldest first.
pub async fn to_follow_up<S: RecordStore>(
    store: &S,
) -> Result<Vec<(Envelope, WorkOrder)>, StoreError> {
    let mut all = in_status(store, WorkStatus::Done).await?;
    all.sort_by_key(|x| x.1.created_at);
    Ok(all)
}
