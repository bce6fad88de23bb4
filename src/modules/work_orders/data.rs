//! Work orders on the desk's store: the core's services with the person on duty, the tablet's
//! number part, new ids and stamps, and pictures made into photo records written with the order.

use crate::desk::Desk;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::photos::Photo;
use lobbydesk_core::modules::work_orders::services::{self, OrderError};
use lobbydesk_core::modules::work_orders::{Move, Request, WorkOrder, WorkStatus};
use lobbydesk_core::{Envelope, Localized, Record, RecordId, RecordStore, StoreError};

/// A row of a list: the order and its id.
pub type Row = (Envelope, WorkOrder);

/// What went wrong, in the clerk's words.
pub fn explain(desk: Desk, e: &OrderError) -> String {
    match e {
        OrderError::Work(errs) => errs
            .iter()
            .map(|e| e.message(desk.lang.get_untracked()))
            .collect::<Vec<_>>()
            .join(" "),
        OrderError::Store(e) => desk.explain(e),
    }
}

/// Photo records of pictures taken on the form (JPEG or PNG data URLs), with their ids.
fn pictures(desk: Desk, data: Vec<String>) -> Result<Vec<Envelope>, String> {
    let now = BrowserClock.now();
    data.into_iter()
        .filter(|d| d.starts_with("data:image/"))
        .map(|d| {
            Envelope::create(&Photo::new(d, now), desk.new_id(), desk.stamp())
                .map_err(|e| desk.explain(&StoreError::from(e)))
        })
        .collect()
}

/// Takes a request, with its photos, as the person on duty; numbered on this tablet.
pub async fn take(
    desk: Desk,
    mut request: Request,
    photos: Vec<String>,
) -> Result<WorkOrder, String> {
    let pics = pictures(desk, photos)?;
    request.photos = pics.iter().map(|p| p.meta.id).collect();
    services::take(
        &*desk.store(),
        &request,
        pics,
        &desk.device.short(),
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|(_, o)| o)
    .map_err(|e| explain(desk, &e))
}

/// Makes a move as the person on duty. A completion's signature and photos (data URLs) become
/// photo records written with it.
pub async fn make_move(
    desk: Desk,
    id: RecordId,
    mut mv: Move,
    signature: Option<String>,
    photos: Vec<String>,
) -> Result<WorkOrder, String> {
    let mut pics = Vec::new();
    if let Move::Complete(c) = &mut mv {
        let sig = pictures(desk, signature.into_iter().collect())?;
        c.signature = sig.first().map(|p| p.meta.id);
        let more = pictures(desk, photos)?;
        c.photos = more.iter().map(|p| p.meta.id).collect();
        pics.extend(sig);
        pics.extend(more);
    }
    let (name, roles) = desk.on_duty();
    services::make_move(&*desk.store(), id, &mv, pics, &name, &roles, || {
        desk.stamp()
    })
    .await
    .map(|(_, o)| o)
    .map_err(|e| explain(desk, &e))
}

/// One order by id.
pub async fn get(desk: Desk, id: RecordId) -> Result<Option<WorkOrder>, String> {
    match desk.store().get(WorkOrder::KIND, id).await {
        Ok(Some(e)) if !e.meta.deleted => e
            .decode()
            .map(Some)
            .map_err(|e| desk.explain(&StoreError::from(e))),
        Ok(_) => Ok(None),
        Err(e) => Err(desk.explain(&e)),
    }
}

/// Which orders a list starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Which {
    /// 待派单, 已派单, 处理中, 暂缓.
    Open,
    /// The newest 500 of any status.
    All,
    In(WorkStatus),
}

/// The orders a list shows: by search text, else `which`.
pub async fn list(desk: Desk, search: &str, which: Which) -> Result<Vec<Row>, String> {
    let store = desk.store();
    let r = if !search.trim().is_empty() {
        // The chip chosen still holds: a search among the open orders finds open ones.
        services::search(&*store, search, 100)
            .await
            .map(|mut rows| {
                rows.retain(|(_, o)| match which {
                    Which::Open => o.open(),
                    Which::All => true,
                    Which::In(s) => o.status == s,
                });
                rows
            })
    } else {
        match which {
            Which::In(s) => services::in_status(&*store, s).await,
            Which::Open => services::open(&*store).await,
            Which::All => services::recent(&*store, 500).await,
        }
    };
    r.map_err(|e| desk.explain(&e))
}

/// Orders done and not yet called back, oldest first.
pub async fn to_follow_up(desk: Desk) -> Result<Vec<Row>, String> {
    services::to_follow_up(&*desk.store())
        .await
        .map_err(|e| desk.explain(&e))
}

/// A unit's orders, newest first.
pub async fn of_unit(desk: Desk, unit: &str) -> Result<Vec<Row>, String> {
    services::of_unit(&*desk.store(), unit)
        .await
        .map_err(|e| desk.explain(&e))
}

/// Open orders, how many of them are late now, and how many wait for a follow-up.
pub async fn counts(desk: Desk) -> Result<(usize, usize, usize), String> {
    let open = list(desk, "", Which::Open).await?;
    let limits = crate::platform::settings::work_limits();
    let now = BrowserClock.now();
    let late = open
        .iter()
        .filter(|(_, o)| o.late(now, &limits).is_some())
        .count();
    Ok((open.len(), late, to_follow_up(desk).await?.len()))
}
