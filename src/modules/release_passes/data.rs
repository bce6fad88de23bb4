//! Release passes on the desk's store: the person on duty's name and roles go to the core
//! services, which check who may do what.

use crate::desk::Desk;
use crate::platform::clock::{BrowserClock, CryptoIds};
use leptos::prelude::*;
use lobbydesk_core::clock::{Clock, IdSource};
use lobbydesk_core::modules::release_passes::services::{self, AtGate, PassesError, Which};
use lobbydesk_core::modules::release_passes::{Pass, PassForm};
use lobbydesk_core::modules::staff::Role;
use lobbydesk_core::{Envelope, Localized, RecordId, StoreError};

fn who(desk: Desk) -> (String, Vec<Role>) {
    desk.session
        .with_untracked(|s| s.as_ref().map(|s| (s.name.clone(), s.roles.clone())))
        .unwrap_or_default()
}

pub fn explain(desk: Desk, e: &PassesError) -> String {
    let lang = desk.lang.get_untracked();
    match e {
        PassesError::Pass(errs) => errs
            .iter()
            .map(|e| e.message(lang))
            .collect::<Vec<_>>()
            .join(" "),
        PassesError::Gate(v) => v.message(lang),
        PassesError::NotAllowed(a) => desk.explain(&StoreError::Forbidden(*a)),
        PassesError::Store(e) => desk.explain(e),
    }
}

pub async fn apply(desk: Desk, form: &PassForm) -> Result<RecordId, String> {
    let (name, roles) = who(desk);
    let random = || {
        let b = *CryptoIds.new_id().as_bytes();
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[8], b[9]])
    };
    services::apply(
        &*desk.store(),
        form,
        &name,
        &roles,
        || desk.new_id(),
        random,
        || desk.stamp(),
    )
    .await
    .map(|(id, _)| id)
    .map_err(|e| explain(desk, &e))
}

pub async fn decide(desk: Desk, id: RecordId, approve: bool, why: &str) -> Result<Pass, String> {
    let (name, roles) = who(desk);
    services::decide(&*desk.store(), id, approve, why, &name, &roles, || {
        desk.stamp()
    })
    .await
    .map_err(|e| explain(desk, &e))
}

pub async fn at_gate(desk: Desk, id: RecordId, what: AtGate) -> Result<Pass, String> {
    let (name, roles) = who(desk);
    services::at_gate(&*desk.store(), id, &what, &name, &roles, || desk.stamp())
        .await
        .map_err(|e| explain(desk, &e))
}

pub async fn find(desk: Desk, code: &str) -> Result<Option<(RecordId, Pass)>, String> {
    services::find(&*desk.store(), code)
        .await
        .map(|o| o.map(|(e, p)| (e.meta.id, p)))
        .map_err(|e| desk.explain(&e))
}

pub async fn get(desk: Desk, id: RecordId) -> Result<Option<Pass>, String> {
    match services::get(&*desk.store(), id).await {
        Ok(p) => Ok(Some(p)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(desk.explain(&e)),
    }
}

pub async fn list(desk: Desk, which: Which) -> Result<Vec<(Envelope, Pass)>, String> {
    services::list(&*desk.store(), which, BrowserClock.now())
        .await
        .map_err(|e| desk.explain(&e))
}
