//! Calls and walk-ins over any [`RecordStore`]: logging one (with its promise, in one write),
//! recording the reply (the promise kept in the same write), a repair call made into a work
//! order (both written together), the lists and search.

use super::{CallError, CallForm, Contact, ix};
use crate::modules::promises::{Promise, services::settled};
use crate::modules::work_orders::{Category, Request, Source, WorkOrder, services::next_number};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};

/// Why a call could not be saved or answered.
#[derive(Debug, PartialEq)]
pub enum ContactError {
    Call(Vec<CallError>),
    Other(String),
    Store(StoreError),
}

impl From<StoreError> for ContactError {
    fn from(e: StoreError) -> Self {
        ContactError::Store(e)
    }
}

/// Logs a call; one not answered on the spot is saved with its promise, in one write.
pub async fn log<S: RecordStore>(
    store: &S,
    form: &CallForm,
    by: &str,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<(Envelope, Contact), ContactError> {
    let at = stamp();
    let (mut contact, promised) = form.parse(at.now, by).map_err(ContactError::Call)?;
    let id = new_id();
    let mut batch = Vec::new();
    if let Some((what, due)) = promised {
        let mut p = Promise::new(
            &what,
            due,
            &contact.caller,
            contact.phone.clone(),
            (Contact::KIND.into(), id),
            by,
            at.now,
        )
        .map_err(|_| ContactError::Call(vec![CallError::DueNotAhead]))?;
        p.unit = contact.unit.clone();
        let pe = Envelope::create(&p, new_id(), stamp()).map_err(StoreError::from)?;
        contact.promise = Some(pe.meta.id);
        batch.push(pe);
    }
    let env = Envelope::create(&contact, id, at).map_err(StoreError::from)?;
    batch.push(env.clone());
    store.put_all(&batch).await?;
    Ok((env, contact))
}

fn read(env: Option<Envelope>, id: RecordId) -> Result<(Envelope, Contact), ContactError> {
    let env = env
        .filter(|e| !e.meta.deleted)
        .ok_or(StoreError::NotFound {
            kind: Contact::KIND.into(),
            id,
        })?;
    let c = env.decode().map_err(StoreError::from)?;
    Ok((env, c))
}

/// The call `id` as stored now and, changed by `change` at a new stamp, its next version.
async fn updated<S: RecordStore>(
    store: &S,
    id: RecordId,
    stamp: &impl Fn() -> Stamp,
    change: impl FnOnce(&Contact, chrono::DateTime<chrono::Utc>) -> Result<Contact, CallError>,
) -> Result<(Contact, Envelope, Contact), ContactError> {
    let (env, c) = read(store.get(Contact::KIND, id).await?, id)?;
    let at = stamp();
    let next = change(&c, at.now).map_err(|e| ContactError::Call(vec![e]))?;
    let ne = env.update(&next, at).map_err(StoreError::from)?;
    Ok((c, ne, next))
}

/// Records the reply to a call that was promised one, keeping its promise, in one write.
pub async fn reply<S: RecordStore>(
    store: &S,
    id: RecordId,
    text: &str,
    by: &str,
    stamp: impl Fn() -> Stamp,
) -> Result<Contact, ContactError> {
    let (c, ne, next) = updated(store, id, &stamp, |c, now| c.replied(text, by, now)).await?;
    let mut batch = vec![ne];
    if let Some(pid) = c.promise {
        match settled(store, pid, true, text, by, &stamp).await {
            Ok((pe, _)) => batch.push(pe),
            // Withdrawn or kept elsewhere meanwhile: the reply still stands.
            Err(crate::modules::promises::services::SettleError::Promise(_)) => {}
            Err(crate::modules::promises::services::SettleError::Store(e)) => return Err(e.into()),
        }
    }
    store.put_all(&batch).await?;
    Ok(next)
}

/// Makes a repair call into a work order (unit, caller, phone and what they said carried over),
/// linked from the call; both written together. Returns the order.
#[allow(clippy::too_many_arguments)]
pub async fn to_work_order<S: RecordStore>(
    store: &S,
    id: RecordId,
    category: Category,
    place: &str,
    device: &str,
    by: &str,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<(RecordId, WorkOrder), ContactError> {
    let (env, c) = read(store.get(Contact::KIND, id).await?, id)?;
    if let Some(w) = c.work_order {
        let existing = store.get(WorkOrder::KIND, w).await?;
        if let Some(o) = existing.and_then(|e| e.decode::<WorkOrder>().ok()) {
            return Ok((w, o));
        }
    }
    let at = stamp();
    let request = Request {
        source: Some(match c.way {
            super::Way::Call => Source::Phone,
            super::Way::WalkIn => Source::Visit,
        }),
        unit: c.unit.clone(),
        place: place.to_string(),
        reporter: c.caller.clone(),
        phone: c
            .phone
            .as_ref()
            .map(|p| p.digits().to_string())
            .unwrap_or_default(),
        category: Some(category),
        description: c.said.clone(),
        urgency: Some(crate::modules::work_orders::Urgency::Normal),
        ..Request::default()
    };
    let number = next_number(store, at.now, device).await?;
    let order = request.parse(number, at.now, by).map_err(|errs| {
        ContactError::Other(
            errs.iter()
                .map(|e| crate::lang::Localized::message(e, crate::lang::Lang::Zh))
                .collect::<Vec<_>>()
                .join(" "),
        )
    })?;
    let oid = new_id();
    let oe = Envelope::create(&order, oid, at).map_err(StoreError::from)?;
    let linked = Contact {
        work_order: Some(oid),
        ..c
    };
    let ce = env.update(&linked, stamp()).map_err(StoreError::from)?;
    store.put_all(&[oe, ce]).await?;
    Ok((oid, order))
}

/// A call with the promise made on it, as it stands now (open, kept, withdrawn).
pub type WithPromise = (Envelope, Contact, Option<Promise>);

/// `rows` with their promises (read in one batch).
pub async fn with_promises<S: RecordStore>(
    store: &S,
    rows: Vec<(Envelope, Contact)>,
) -> Result<Vec<WithPromise>, StoreError> {
    let keys: Vec<(String, RecordId)> = rows
        .iter()
        .filter_map(|(_, c)| c.promise.map(|p| (Promise::KIND.to_string(), p)))
        .collect();
    let found = store.get_many(&keys).await?;
    let mut promises = keys.into_iter().map(|(_, id)| id).zip(found);
    let mut out = Vec::new();
    for (e, c) in rows {
        let p = match c.promise {
            Some(pid) => promises
                .next()
                .filter(|(id, _)| *id == pid)
                .and_then(|(_, env)| env)
                .and_then(|env| env.decode::<Promise>().ok()),
            None => None,
        };
        out.push((e, c, p));
    }
    Ok(out)
}

/// Calls whose promised reply is still open, the soonest due first (a promise withdrawn takes
/// its call off the list).
pub async fn waiting<S: RecordStore>(store: &S) -> Result<Vec<WithPromise>, StoreError> {
    let open = crate::modules::promises::services::open(store).await?;
    let keys: Vec<(String, RecordId)> = open
        .iter()
        .filter(|(_, p)| p.on.0 == Contact::KIND)
        .map(|(_, p)| (Contact::KIND.to_string(), p.on.1))
        .collect();
    let calls = store.get_many(&keys).await?;
    let mut out = Vec::new();
    for ((_, p), env) in open
        .into_iter()
        .filter(|(_, p)| p.on.0 == Contact::KIND)
        .zip(calls)
    {
        if let Some(env) = env.filter(|e| !e.meta.deleted)
            && let Ok(c) = env.decode::<Contact>()
            && c.reply.is_none()
        {
            out.push((env, c, Some(p)));
        }
    }
    Ok(out)
}

/// The newest calls, or those matching a search (phone: its start or any 4 or more of its
/// digits, spaces and dashes ignored; unit; caller's name), newest first.
pub async fn find<S: RecordStore>(
    store: &S,
    text: &str,
    limit: u32,
) -> Result<Vec<(Envelope, Contact)>, StoreError> {
    let t = text.trim();
    let mut found: Vec<(Envelope, Contact)> = Vec::new();
    let mut add = |rows: Vec<(Envelope, Contact)>| {
        for (e, c) in rows {
            if !found.iter().any(|(f, _)| f.meta.id == e.meta.id) {
                found.push((e, c));
            }
        }
    };
    if t.is_empty() {
        add(list_all_as::<S, Contact>(store, ListQuery::recent(Contact::KIND, limit)).await?);
    } else {
        let digits: String = t.chars().filter(char::is_ascii_digit).collect();
        let phone_like = digits.len() >= 3
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-'));
        if phone_like {
            add(list_all_as::<S, Contact>(
                store,
                ListQuery::by(
                    Contact::KIND,
                    ix::PHONE,
                    KeyRange::Prefix(digits.clone()),
                    limit,
                ),
            )
            .await?);
            if digits.len() >= 4 {
                let recent =
                    list_all_as::<S, Contact>(store, ListQuery::recent(Contact::KIND, 500)).await?;
                add(recent
                    .into_iter()
                    .filter(|(_, c)| {
                        c.phone
                            .as_ref()
                            .is_some_and(|p| p.digits().contains(&digits))
                    })
                    .collect());
            }
        }
        if let Ok(u) = crate::unit_no::UnitNo::parse(t) {
            add(list_all_as::<S, Contact>(
                store,
                ListQuery::by(
                    Contact::KIND,
                    ix::UNIT,
                    KeyRange::Exact(u.to_string()),
                    limit,
                ),
            )
            .await?);
        }
        add(list_all_as::<S, Contact>(
            store,
            ListQuery::by(
                Contact::KIND,
                ix::NAME,
                KeyRange::Prefix(t.to_string()),
                limit,
            ),
        )
        .await?);
    }
    found.sort_by_key(|x| std::cmp::Reverse(x.1.at));
    found.truncate(limit as usize);
    Ok(found)
}

/// Records the follow-up call (回访) on a call that was replied to.
pub async fn follow_up<S: RecordStore>(
    store: &S,
    id: RecordId,
    satisfaction: crate::modules::work_orders::Satisfaction,
    comment: &str,
    by: &str,
    stamp: impl Fn() -> Stamp,
) -> Result<Contact, ContactError> {
    let (_, ne, next) = updated(store, id, &stamp, |c, now| {
        c.followed_up(satisfaction, comment, by, now)
    })
    .await?;
    store.put(&ne).await?;
    Ok(next)
}

/// Calls due their follow-up call, oldest first.
pub async fn to_follow_up<S: RecordStore>(
    store: &S,
) -> Result<Vec<(Envelope, Contact)>, StoreError> {
    let q = ListQuery::by(
        Contact::KIND,
        ix::FOLLOW_UP,
        KeyRange::Exact("1".into()),
        500,
    );
    let mut all = list_all_as::<S, Contact>(store, q).await?;
    all.sort_by_key(|x| x.1.at);
    Ok(all)
}
