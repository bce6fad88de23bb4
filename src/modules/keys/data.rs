//! Keys on the desk's store: the register, lending and taking back (a signature drawn on the
//! screen becomes a photo record written with the loan), the keys out and overdue.

use crate::desk::Desk;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::keys::services::{self, KeyRow, KeysError};
use lobbydesk_core::modules::keys::{Condition, Key, KeyForm, KeyLoan, LoanForm};
use lobbydesk_core::modules::photos::Photo;
use lobbydesk_core::{Envelope, Localized, RecordId, StoreError};

pub fn explain(desk: Desk, e: &KeysError) -> String {
    match e {
        KeysError::Key(errs) => errs
            .iter()
            .map(|e| e.message(desk.lang.get_untracked()))
            .collect::<Vec<_>>()
            .join(" "),
        KeysError::Store(e) => desk.explain(e),
    }
}

/// The drawn signature as a photo record, when something was drawn.
fn signature(desk: Desk, data_url: &str) -> Result<Option<Envelope>, String> {
    if !data_url.starts_with("data:image/") {
        return Ok(None);
    }
    Envelope::create(
        &Photo::new(data_url.to_string(), BrowserClock.now()),
        desk.new_id(),
        desk.stamp(),
    )
    .map(Some)
    .map_err(|e| desk.explain(&StoreError::from(e)))
}

pub async fn register(desk: Desk, form: &KeyForm) -> Result<RecordId, String> {
    services::register(
        &*desk.store(),
        form,
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|(id, _)| id)
    .map_err(|e| explain(desk, &e))
}

pub async fn change(
    desk: Desk,
    id: RecordId,
    form: &KeyForm,
    retired: bool,
) -> Result<Key, String> {
    services::change(&*desk.store(), id, form, retired, || desk.stamp())
        .await
        .map_err(|e| explain(desk, &e))
}

pub async fn lend(
    desk: Desk,
    key: RecordId,
    form: &LoanForm,
    drawn: &str,
) -> Result<KeyLoan, String> {
    let sig = signature(desk, drawn)?;
    services::lend(
        &*desk.store(),
        key,
        form,
        sig,
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map_err(|e| explain(desk, &e))
}

pub async fn take_back(
    desk: Desk,
    loan: RecordId,
    condition: Option<Condition>,
    note: &str,
    drawn: &str,
) -> Result<KeyLoan, String> {
    let sig = signature(desk, drawn)?;
    services::take_back(
        &*desk.store(),
        loan,
        condition,
        note,
        sig,
        &desk.clerk.get_untracked(),
        || desk.stamp(),
    )
    .await
    .map_err(|e| explain(desk, &e))
}

pub async fn keys(desk: Desk, text: &str) -> Result<Vec<KeyRow>, String> {
    services::keys(&*desk.store(), text)
        .await
        .map_err(|e| desk.explain(&e))
}

pub async fn of_unit(desk: Desk, unit: &str) -> Result<Vec<KeyRow>, String> {
    services::of_unit(&*desk.store(), unit)
        .await
        .map_err(|e| desk.explain(&e))
}

pub async fn out(desk: Desk) -> Result<Vec<(Envelope, KeyLoan)>, String> {
    services::out(&*desk.store())
        .await
        .map_err(|e| desk.explain(&e))
}

pub async fn key(
    desk: Desk,
    id: RecordId,
) -> Result<Option<(KeyRow, Vec<(Envelope, KeyLoan)>)>, String> {
    match services::key(&*desk.store(), id).await {
        Ok(k) => Ok(Some(k)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(desk.explain(&e)),
    }
}
