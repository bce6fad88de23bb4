//! Handovers over any [`RecordStore`]: what the store says is to be handed over
//! ([`contents`]), starting one (or finding the one already open), a change to the open one as
//! stored now, a signature with its drawn picture in one write, and the book's pages.

use super::{Carried, Handover, HandoverError, Section, Signer, ix};
use crate::actor::Role;
use crate::lang::Lang;
use crate::modules::{
    complaints, deposits, inspections, keys, memo, parcels, promises, visitors, work_orders,
};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::spec::Mask;
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};
use crate::time::short;
use chrono::{DateTime, Utc};

/// What the office set that decides what is late.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rules {
    /// Days on the shelf before a parcel is overdue.
    pub parcel_overdue_days: u32,
    pub work_limits: work_orders::Limits,
}

/// Why a handover change did not go through.
#[derive(Debug, PartialEq)]
pub enum BookError {
    Handover(HandoverError),
    Store(StoreError),
}

impl From<StoreError> for BookError {
    fn from(e: StoreError) -> Self {
        BookError::Store(e)
    }
}

impl From<crate::record::RecordError> for BookError {
    fn from(e: crate::record::RecordError) -> Self {
        BookError::Store(e.into())
    }
}

impl From<HandoverError> for BookError {
    fn from(e: HandoverError) -> Self {
        BookError::Handover(e)
    }
}

fn name(n: &str) -> String {
    Mask::Name.apply(n)
}

fn cut(text: &str, n: usize) -> String {
    let mut s: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        s.push('…');
    }
    s
}

fn join(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

fn item<R: Record>(section: Section, text: String, env: &Envelope, late: bool) -> Carried {
    Carried {
        section,
        text,
        on: Some((R::KIND.to_string(), env.meta.id)),
        late,
        checked: false,
        note: String::new(),
    }
}

/// Everything to hand over at `now`, section by section, the late ones first in each; written in
/// Chinese as the book is, residents' names masked.
pub async fn contents<S: RecordStore>(
    store: &S,
    now: DateTime<Utc>,
    rules: Rules,
) -> Result<Vec<Carried>, StoreError> {
    let zh = Lang::Zh;
    let mut out = Vec::new();

    let shelf: Vec<(Envelope, parcels::Parcel)> = list_all_as(
        store,
        ListQuery::by(
            parcels::Parcel::KIND,
            parcels::ix::WAITING,
            KeyRange::Exact("1".into()),
            500,
        ),
    )
    .await?;
    for (e, p) in &shelf {
        let days = (now - p.received_at).num_days();
        let text = join(&[
            format!("{} {}", p.recipient.unit, name(&p.recipient.name)),
            p.carrier.label(zh).to_string(),
            format!("货架 {}", p.shelf),
            format!("已放 {days} 天"),
        ]);
        out.push(item::<parcels::Parcel>(
            Section::Shelf,
            text,
            e,
            p.overdue(now, rules.parcel_overdue_days),
        ));
    }

    for (e, l) in keys::services::out(store).await? {
        let text = join(&[
            l.key_label.clone(),
            name(&l.name),
            format!("应还 {}", short(l.due)),
        ]);
        out.push(item::<keys::KeyLoan>(
            Section::KeysOut,
            text,
            &e,
            l.overdue(now),
        ));
    }

    for (e, d) in deposits::services::waiting(store, "").await? {
        let text = join(&[
            d.what.clone(),
            format!("交 {} {}", d.unit, name(&d.to)),
            d.kept_at.clone(),
        ]);
        out.push(item::<deposits::Deposit>(
            Section::Deposits,
            text,
            &e,
            false,
        ));
    }

    let on_site: Vec<(Envelope, visitors::Visit)> = list_all_as(
        store,
        ListQuery::by(
            visitors::Visit::KIND,
            visitors::ix::ON_SITE,
            KeyRange::Exact("1".into()),
            500,
        ),
    )
    .await?;
    for (e, v) in &on_site {
        let host = join(&[v.host.unit.clone(), v.host.company.clone()]);
        let text = join(&[name(&v.name), host, format!("到访 {}", short(v.time_in))]);
        out.push(item::<visitors::Visit>(Section::OnSite, text, e, false));
    }

    for (e, p) in promises::services::open(store).await? {
        let text = join(&[
            cut(&p.what, 40),
            name(&p.to),
            format!("答复 {}", short(p.due)),
        ]);
        out.push(item::<promises::Promise>(
            Section::Promises,
            text,
            &e,
            p.overdue(now),
        ));
    }

    for (e, c) in complaints::services::list(store, true).await? {
        let text = join(&[
            c.kind.label(zh).to_string(),
            c.stage.label(zh).to_string(),
            c.unit.clone(),
            cut(&c.what, 40),
        ]);
        out.push(item::<complaints::Complaint>(
            Section::Complaints,
            text,
            &e,
            false,
        ));
    }

    for (e, o) in work_orders::services::open(store).await? {
        if o.late(now, &rules.work_limits).is_none() {
            continue;
        }
        let text = join(&[
            o.number.clone(),
            o.status.label(zh).to_string(),
            if o.unit.is_empty() {
                o.place.clone()
            } else {
                o.unit.clone()
            },
            cut(&o.description, 40),
        ]);
        out.push(item::<work_orders::WorkOrder>(
            Section::LateOrders,
            text,
            &e,
            true,
        ));
    }

    for (e, s, d) in inspections::services::due(store, now).await? {
        let (late, word) = match d {
            inspections::Due::Done => continue,
            inspections::Due::DueNow => (false, "待巡检"),
            inspections::Due::Overdue => (true, "已逾期"),
        };
        let text = join(&[s.title.clone(), s.place.clone(), word.to_string()]);
        out.push(item::<inspections::Schedule>(
            Section::Inspections,
            text,
            &e,
            late,
        ));
    }

    let memos: Vec<(Envelope, memo::Memo)> = list_all_as(
        store,
        ListQuery::by(
            memo::Memo::KIND,
            memo::STATUS_INDEX,
            KeyRange::Exact(memo::OPEN.into()),
            200,
        ),
    )
    .await?;
    for (e, m) in &memos {
        out.push(item::<memo::Memo>(
            Section::Memo,
            join(&[m.text().to_string(), m.by.clone()]),
            e,
            false,
        ));
    }

    // Section by section, the late ones first.
    out.sort_by_key(|c| (Section::ALL.iter().position(|s| *s == c.section), !c.late));
    Ok(out)
}

/// The handover not yet signed by all three, if one is open.
pub async fn open<S: RecordStore>(store: &S) -> Result<Option<(Envelope, Handover)>, StoreError> {
    let mut v: Vec<(Envelope, Handover)> = list_all_as(
        store,
        ListQuery::by(Handover::KIND, ix::OPEN, KeyRange::Exact("1".into()), 10),
    )
    .await?;
    v.sort_by_key(|x| std::cmp::Reverse(x.1.started_at));
    Ok(v.into_iter().next())
}

/// Starts a handover by `outgoing` now with what the store holds, or gives the one already
/// open (one book, one open page).
pub async fn start<S: RecordStore>(
    store: &S,
    outgoing: &str,
    rules: Rules,
    float_expected: i64,
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<(RecordId, Handover), StoreError> {
    if let Some((e, h)) = open(store).await? {
        return Ok((e.meta.id, h));
    }
    let at = stamp();
    let items = contents(store, at.now, rules).await?;
    let h = Handover::new(outgoing, items, float_expected, at.now);
    let id = new_id();
    store.put(&Envelope::create(&h, id, at)?).await?;
    Ok((id, h))
}

async fn read<S: RecordStore>(store: &S, id: RecordId) -> Result<(Envelope, Handover), StoreError> {
    let env = store
        .get(Handover::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or(StoreError::NotFound {
            kind: Handover::KIND.into(),
            id,
        })?;
    let h = env.decode()?;
    Ok((env, h))
}

/// The handover `id` as stored now, changed by `f` (a tick, the counts, the notes).
pub async fn change<S: RecordStore>(
    store: &S,
    id: RecordId,
    f: impl FnOnce(&Handover) -> Result<Handover, HandoverError>,
    stamp: impl Fn() -> Stamp,
) -> Result<Handover, BookError> {
    let (env, h) = read(store, id).await?;
    let next = f(&h)?;
    store.put(&env.update(&next, stamp())?).await?;
    Ok(next)
}

/// The open page's list redrawn from the store now, keeping the ticks and notes of what is
/// still there (a page started earlier, or things that came and went meanwhile).
pub async fn refresh<S: RecordStore>(
    store: &S,
    id: RecordId,
    rules: Rules,
    stamp: impl Fn() -> Stamp,
) -> Result<Handover, BookError> {
    let (env, h) = read(store, id).await?;
    let at = stamp();
    let fresh = contents(store, at.now, rules).await?;
    let next = h.refreshed(fresh)?;
    store.put(&env.update(&next, at)?).await?;
    Ok(next)
}

/// Signed by `who` with the drawn `signature` (a photo record written with it).
#[allow(clippy::too_many_arguments)]
pub async fn sign<S: RecordStore>(
    store: &S,
    id: RecordId,
    who: Signer,
    name: &str,
    staff: Option<RecordId>,
    roles: &[Role],
    signature: Option<Envelope>,
    stamp: impl Fn() -> Stamp,
) -> Result<Handover, BookError> {
    let (env, h) = read(store, id).await?;
    let at = stamp();
    let next = h.sign(
        who,
        name,
        staff,
        roles,
        signature.as_ref().map(|s| s.meta.id),
        at.now,
    )?;
    let mut batch: Vec<Envelope> = signature.into_iter().collect();
    batch.push(env.update(&next, at)?);
    store.put_all(&batch).await?;
    Ok(next)
}

/// One handover.
pub async fn get<S: RecordStore>(store: &S, id: RecordId) -> Result<Handover, StoreError> {
    read(store, id).await.map(|(_, h)| h)
}

/// The book, newest first: every page, or those a name (any signer's) or a day (`2026-11-27`)
/// finds.
pub async fn book<S: RecordStore>(
    store: &S,
    text: &str,
) -> Result<Vec<(Envelope, Handover)>, StoreError> {
    let t = text.trim();
    let q = if t.is_empty() {
        ListQuery::recent(Handover::KIND, 200)
    } else if t.len() >= 4 && t.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        ListQuery::by(
            Handover::KIND,
            ix::DAY,
            KeyRange::Prefix(t.to_string()),
            200,
        )
    } else {
        ListQuery::by(
            Handover::KIND,
            ix::PEOPLE,
            KeyRange::Prefix(t.to_string()),
            200,
        )
    };
    let mut v: Vec<(Envelope, Handover)> = list_all_as(store, q).await?;
    v.sort_by_key(|x| std::cmp::Reverse(x.1.started_at));
    v.dedup_by_key(|x| x.0.meta.id);
    Ok(v)
}
