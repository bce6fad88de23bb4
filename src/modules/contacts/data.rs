//! Calls, walk-ins and promises on the desk's store.

use crate::desk::Desk;
use leptos::prelude::*;
use lobbydesk_core::Envelope;
use lobbydesk_core::modules::contacts::services::{self, ContactError};
use lobbydesk_core::modules::contacts::{CallForm, Contact};
use lobbydesk_core::modules::promises::{Promise, services as promises};
use lobbydesk_core::modules::work_orders::Category;
use lobbydesk_core::{Localized, RecordId};

/// What went wrong, in the clerk's words.
pub fn explain(desk: Desk, e: &ContactError) -> String {
    match e {
        ContactError::Call(errs) => errs
            .iter()
            .map(|e| e.message(desk.lang.get_untracked()))
            .collect::<Vec<_>>()
            .join(" "),
        ContactError::Other(s) => s.clone(),
        ContactError::Store(e) => desk.explain(e),
    }
}

pub async fn log(desk: Desk, form: &CallForm) -> Result<Contact, String> {
    services::log(
        &*desk.store(),
        form,
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|(_, c)| c)
    .map_err(|e| explain(desk, &e))
}

pub async fn reply(desk: Desk, id: RecordId, text: &str) -> Result<Contact, String> {
    services::reply(
        &*desk.store(),
        id,
        text,
        &desk.clerk.get_untracked(),
        || desk.stamp(),
    )
    .await
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
        "",
        &desk.device.short(),
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|(id, _)| id)
    .map_err(|e| explain(desk, &e))
}

pub async fn find(desk: Desk, text: &str) -> Result<Vec<(Envelope, Contact)>, String> {
    services::find(&*desk.store(), text, 100)
        .await
        .map_err(|e| desk.explain(&e))
}

/// Calls by search, each with its promise as it stands.
pub async fn find_with_promises(
    desk: Desk,
    text: &str,
) -> Result<Vec<services::WithPromise>, String> {
    let store = desk.store();
    let rows = services::find(&*store, text, 100)
        .await
        .map_err(|e| desk.explain(&e))?;
    services::with_promises(&*store, rows)
        .await
        .map_err(|e| desk.explain(&e))
}

/// Calls whose promised reply is open, soonest due first.
pub async fn waiting(desk: Desk) -> Result<Vec<services::WithPromise>, String> {
    services::waiting(&*desk.store())
        .await
        .map_err(|e| desk.explain(&e))
}

/// One call.
pub async fn get(desk: Desk, id: RecordId) -> Option<Contact> {
    use lobbydesk_core::{Record, RecordStore};
    desk.store()
        .get(Contact::KIND, id)
        .await
        .ok()
        .flatten()
        .and_then(|e| e.decode().ok())
}

pub async fn open_promises(desk: Desk) -> Result<Vec<(Envelope, Promise)>, String> {
    promises::open(&*desk.store())
        .await
        .map_err(|e| desk.explain(&e))
}

/// Keeps (`keep`) or withdraws a promise with what was done or why.
pub async fn settle(desk: Desk, id: RecordId, keep: bool, text: &str) -> Result<(), String> {
    promises::settle(
        &*desk.store(),
        id,
        keep,
        text,
        &desk.clerk.get_untracked(),
        || desk.stamp(),
    )
    .await
    .map(|_| ())
    .map_err(|e| match e {
        promises::SettleError::Promise(p) => p.message(desk.lang.get_untracked()),
        promises::SettleError::Store(s) => desk.explain(&s),
    })
}

/// Calls due their follow-up call.
pub async fn to_follow_up(desk: Desk) -> Result<Vec<(Envelope, Contact)>, String> {
    services::to_follow_up(&*desk.store())
        .await
        .map_err(|e| desk.explain(&e))
}

/// Records a call's follow-up.
pub async fn follow_up(
    desk: Desk,
    id: RecordId,
    satisfaction: lobbydesk_core::modules::work_orders::Satisfaction,
    comment: &str,
) -> Result<(), String> {
    services::follow_up(
        &*desk.store(),
        id,
        satisfaction,
        comment,
        &desk.clerk.get_untracked(),
        || desk.stamp(),
    )
    .await
    .map(|_| ())
    .map_err(|e| explain(desk, &e))
}
