//! Deposited items on the desk's store; a photo or a drawn signature becomes a photo record
//! written with the item.

use crate::desk::Desk;
use crate::platform::clock::{BrowserClock, CryptoIds};
use leptos::prelude::*;
use lobbydesk_core::clock::{Clock, IdSource};
use lobbydesk_core::modules::deposits::services::{self, DepositsError};
use lobbydesk_core::modules::deposits::{Deposit, DepositForm, Outcome};
use lobbydesk_core::modules::photos::Photo;
use lobbydesk_core::{Envelope, Localized, RecordId, StoreError};

pub type Row = (Envelope, Deposit);

fn explain(desk: Desk, e: &DepositsError) -> String {
    match e {
        DepositsError::Deposit(errs) => errs
            .iter()
            .map(|e| e.message(desk.lang.get_untracked()))
            .collect::<Vec<_>>()
            .join(" "),
        DepositsError::Store(e) => desk.explain(e),
    }
}

fn picture(desk: Desk, data_url: &str) -> Result<Option<Envelope>, String> {
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

pub async fn take_in(
    desk: Desk,
    form: &DepositForm,
    photo: Option<String>,
) -> Result<Deposit, String> {
    let random = || {
        let b = *CryptoIds.new_id().as_bytes();
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    services::take_in(
        &*desk.store(),
        form,
        picture(desk, photo.as_deref().unwrap_or_default())?,
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        random,
        || desk.stamp(),
    )
    .await
    .map_err(|e| explain(desk, &e))
}

#[allow(clippy::too_many_arguments)]
pub async fn release(
    desk: Desk,
    id: RecordId,
    outcome: Outcome,
    to: &str,
    code: &str,
    id_checked: bool,
    signature: &str,
) -> Result<Deposit, String> {
    services::release(
        &*desk.store(),
        id,
        outcome,
        to,
        code,
        id_checked,
        picture(desk, signature)?,
        &desk.clerk.get_untracked(),
        || desk.stamp(),
    )
    .await
    .map_err(|e| explain(desk, &e))
}

pub async fn waiting(desk: Desk, text: &str) -> Result<Vec<Row>, String> {
    services::waiting(&*desk.store(), text)
        .await
        .map_err(|e| desk.explain(&e))
}

pub async fn recent(desk: Desk) -> Result<Vec<Row>, String> {
    services::recent(&*desk.store(), 100)
        .await
        .map_err(|e| desk.explain(&e))
}
