//! Complaints on the desk's store.

use crate::desk::Desk;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::complaints::report::{self, Filter};
use lobbydesk_core::modules::complaints::services::{self, CaseError};
use lobbydesk_core::modules::complaints::{Complaint, ComplaintForm, Move};
use lobbydesk_core::modules::photos::Photo;
use lobbydesk_core::modules::work_orders::Category;
use lobbydesk_core::{Envelope, Localized, Record, RecordId, RecordStore, StoreError};

pub type Row = (Envelope, Complaint);

pub fn explain(desk: Desk, e: &CaseError) -> String {
    match e {
        CaseError::Complaint(errs) => errs
            .iter()
            .map(|e| e.message(desk.lang.get_untracked()))
            .collect::<Vec<_>>()
            .join(" "),
        CaseError::Other(s) => s.clone(),
        CaseError::Store(e) => desk.explain(e),
    }
}

/// Records a complaint with its photo (a data URL) as a photo record written with it.
pub async fn record(
    desk: Desk,
    mut form: ComplaintForm,
    photo: Option<String>,
) -> Result<Complaint, String> {
    let mut pics = Vec::new();
    if let Some(d) = photo.filter(|d| d.starts_with("data:image/")) {
        let pe = Envelope::create(
            &Photo::new(d, BrowserClock.now()),
            desk.new_id(),
            desk.stamp(),
        )
        .map_err(|e| desk.explain(&StoreError::from(e)))?;
        form.photos = vec![pe.meta.id];
        pics.push(pe);
    }
    services::record(
        &*desk.store(),
        &form,
        pics,
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|(_, c)| c)
    .map_err(|e| explain(desk, &e))
}

pub async fn make_move(desk: Desk, id: RecordId, mv: Move) -> Result<Complaint, String> {
    let (name, roles) = desk.on_duty();
    services::make_move(&*desk.store(), id, &mv, &name, &roles, || desk.stamp())
        .await
        .map_err(|e| explain(desk, &e))
}

pub async fn promise(
    desk: Desk,
    id: RecordId,
    what: &str,
    due: chrono::DateTime<chrono::Utc>,
) -> Result<(), String> {
    services::promise(
        &*desk.store(),
        id,
        what,
        due,
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|_| ())
    .map_err(|e| explain(desk, &e))
}

pub async fn to_work_order(
    desk: Desk,
    id: RecordId,
    category: Category,
) -> Result<RecordId, String> {
    services::to_work_order(
        &*desk.store(),
        id,
        category,
        &desk.device.short(),
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map_err(|e| explain(desk, &e))
}

pub async fn get(desk: Desk, id: RecordId) -> Result<Option<Complaint>, String> {
    match desk.store().get(Complaint::KIND, id).await {
        Ok(Some(e)) if !e.meta.deleted => e
            .decode()
            .map(Some)
            .map_err(|e| desk.explain(&StoreError::from(e))),
        Ok(_) => Ok(None),
        Err(e) => Err(desk.explain(&e)),
    }
}

/// Complaints `filter` lets through, found by `search` (unit, name, phone) when it is given.
pub async fn list(desk: Desk, search: &str, filter: &Filter) -> Result<Vec<Row>, String> {
    let store = desk.store();
    let r = if search.trim().is_empty() {
        report::find(&*store, filter).await
    } else {
        services::search(&*store, search, 100).await.map(|mut v| {
            v.retain(|(_, c)| filter.matches(c));
            v
        })
    };
    r.map_err(|e| desk.explain(&e))
}

/// The month `year`-`month` counted with the office's time limit.
pub async fn month(desk: Desk, year: i32, month: u32) -> Result<report::MonthCounts, String> {
    report::month(
        &*desk.store(),
        year,
        month,
        crate::platform::settings::complaint_limit_days(),
    )
    .await
    .map_err(|e| desk.explain(&e))
}

pub async fn to_follow_up(desk: Desk) -> Result<Vec<Row>, String> {
    services::to_follow_up(&*desk.store())
        .await
        .map_err(|e| desk.explain(&e))
}

/// The promises made on the complaint `id`.
pub async fn promises(desk: Desk, id: RecordId) -> Vec<lobbydesk_core::modules::promises::Promise> {
    lobbydesk_core::modules::promises::services::made_on(&*desk.store(), id)
        .await
        .map(|v| v.into_iter().map(|(_, p)| p).collect())
        .unwrap_or_default()
}
