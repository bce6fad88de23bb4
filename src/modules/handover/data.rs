//! Handovers on the desk's store: the rules from settings, starting, changing and signing (a
//! drawn signature becomes a photo record written with it), the book.

use crate::desk::Desk;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::handover::services::{self, BookError, Rules};
use lobbydesk_core::modules::handover::{Handover, HandoverError, Signer};
use lobbydesk_core::modules::photos::Photo;
use lobbydesk_core::modules::staff::Role;
use lobbydesk_core::{Envelope, Localized, RecordId, StoreError};

fn explain(desk: Desk, e: &BookError) -> String {
    match e {
        BookError::Handover(e) => e.message(desk.lang.get_untracked()),
        BookError::Store(e) => desk.explain(e),
    }
}

fn rules() -> Rules {
    Rules {
        parcel_overdue_days: settings::parcel_overdue_days(),
        work_limits: settings::work_limits(),
    }
}

pub async fn open(desk: Desk) -> Result<Option<(RecordId, Handover)>, String> {
    services::open(&*desk.store())
        .await
        .map(|o| o.map(|(e, h)| (e.meta.id, h)))
        .map_err(|e| desk.explain(&e))
}

pub async fn start(desk: Desk) -> Result<RecordId, String> {
    services::start(
        &*desk.store(),
        &desk.clerk.get_untracked(),
        rules(),
        settings::handover_float_fen(),
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|(id, _)| id)
    .map_err(|e| desk.explain(&e))
}

pub async fn change(
    desk: Desk,
    id: RecordId,
    f: impl FnOnce(&Handover) -> Result<Handover, HandoverError>,
) -> Result<Handover, String> {
    services::change(&*desk.store(), id, f, || desk.stamp())
        .await
        .map_err(|e| explain(desk, &e))
}

pub async fn refresh(desk: Desk, id: RecordId) -> Result<Handover, String> {
    services::refresh(&*desk.store(), id, rules(), || desk.stamp())
        .await
        .map_err(|e| explain(desk, &e))
}

pub async fn sign(
    desk: Desk,
    id: RecordId,
    who: Signer,
    (name, staff, roles): (String, Option<RecordId>, Vec<Role>),
    drawn: &str,
) -> Result<Handover, String> {
    let sig = if drawn.starts_with("data:image/") {
        Some(
            Envelope::create(
                &Photo::new(drawn.to_string(), BrowserClock.now()),
                desk.new_id(),
                desk.stamp(),
            )
            .map_err(|e| desk.explain(&StoreError::from(e)))?,
        )
    } else {
        None
    };
    services::sign(&*desk.store(), id, who, &name, staff, &roles, sig, || {
        desk.stamp()
    })
    .await
    .map_err(|e| explain(desk, &e))
}

pub async fn get(desk: Desk, id: RecordId) -> Result<Option<Handover>, String> {
    match services::get(&*desk.store(), id).await {
        Ok(h) => Ok(Some(h)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(desk.explain(&e)),
    }
}

pub async fn book(desk: Desk, text: &str) -> Result<Vec<(Envelope, Handover)>, String> {
    services::book(&*desk.store(), text)
        .await
        .map_err(|e| desk.explain(&e))
}
