//! Release passes on the desk's store: the person on duty's name and roles go to the core
//! services, which check who may do what.

use super::texts::PassMsg as T;
use crate::desk::Desk;
use crate::platform::clock::{BrowserClock, random_u64};
use crate::platform::signing;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::release_passes::services::{self, AtGate, PassesError, Which};
use lobbydesk_core::modules::release_passes::ticket::{self, GateCheck, Scanned, Ticket, Typed};
use lobbydesk_core::modules::release_passes::{Pass, PassForm, Verdict};
use lobbydesk_core::modules::staff::Role;
use lobbydesk_core::{Envelope, Localized, RecordId, StoreError};

pub fn explain(desk: Desk, e: &PassesError) -> String {
    let lang = desk.lang.get_untracked();
    match e {
        PassesError::Pass(errs) => errs
            .iter()
            .map(|e| e.message(lang))
            .collect::<Vec<_>>()
            .join(" "),
        PassesError::Gate(v) => v.message(lang),
        PassesError::Ticket(t) => t.message(lang),
        PassesError::NotAllowed(a) => desk.explain(&StoreError::Forbidden(*a)),
        PassesError::Store(e) => desk.explain(e),
    }
}

pub async fn apply(desk: Desk, form: &PassForm) -> Result<RecordId, String> {
    let (name, roles) = desk.on_duty();
    services::apply(
        &*desk.store(),
        form,
        &name,
        &roles,
        || desk.new_id(),
        random_u64,
        || desk.stamp(),
    )
    .await
    .map(|(id, _)| id)
    .map_err(|e| explain(desk, &e))
}

/// Approved (its QR signed by this tablet, whose public key is put on record for the gates), or
/// rejected with `why`.
pub async fn decide(desk: Desk, id: RecordId, approve: bool, why: &str) -> Result<Pass, String> {
    let (name, roles) = desk.on_duty();
    let store = desk.store();
    let qr = if approve {
        sign(desk, id, &name, &roles).await?
    } else {
        String::new()
    };
    services::decide(&*store, id, approve, why, &qr, &name, &roles, || {
        desk.stamp()
    })
    .await
    .map_err(|e| explain(desk, &e))
}

/// The pass's QR, signed by this tablet; the key's public half kept on record first.
async fn sign(desk: Desk, id: RecordId, name: &str, roles: &[Role]) -> Result<String, String> {
    let store = desk.store();
    let pass = services::get(&*store, id)
        .await
        .map_err(|e| desk.explain(&e))?;
    let failed = |e: String| {
        leptos::logging::warn!("signing a pass: {e}");
        desk.t(T::SignFailed).to_string()
    };
    let public = signing::public().await.map_err(failed)?;
    let key = services::keep_signing_key(
        &*store,
        &public,
        name,
        roles,
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map_err(|e| explain(desk, &e))?;
    let payload = Ticket::of(&pass, &key, name).payload();
    let (_, sig) = signing::sign(&payload).await.map_err(failed)?;
    Ok(Ticket::qr_text(&payload, &sig))
}

/// What the guard scanned or typed: a pass this device has (with the verdict here), or one known
/// from its signed QR alone (with the verdict from the signature, the day and this gate's
/// marks).
#[derive(Clone)]
pub enum AtGateFound {
    Here(RecordId, Pass, Verdict),
    Signed(Scanned, Verdict),
}

pub async fn look(desk: Desk, typed: &str) -> Result<Option<AtGateFound>, String> {
    let store = desk.store();
    let now = BrowserClock.now();
    let lang = desk.lang.get_untracked();
    let (code, qr) = match ticket::read(typed).map_err(|e| e.message(lang))? {
        Typed::Code(c) => (c, None),
        Typed::Signed(s) => (s.ticket.code.clone(), Some(s)),
    };
    let check = async |k: &[u8], m: &[u8], s: &[u8]| signing::verify(k, m, s).await;
    if let Some((env, p)) = services::find(&*store, &code)
        .await
        .map_err(|e| desk.explain(&e))?
    {
        // A QR read for a pass that is here still has to be the office's own.
        if let Some(qr) = &qr {
            services::authentic(&*store, qr, check)
                .await
                .map_err(|e| explain(desk, &e))?;
        }
        let v = services::verdict_here(&*store, &p, now)
            .await
            .map_err(|e| desk.explain(&e))?;
        return Ok(Some(AtGateFound::Here(env.meta.id, p, v)));
    }
    let Some(qr) = qr else {
        // Not here, but let through (or refused) from its QR before: say so, loudly.
        return match services::code_checked(&*store, &code)
            .await
            .map_err(|e| desk.explain(&e))?
        {
            Some(v) => Err(v.message(lang)),
            None => Ok(None),
        };
    };
    let v = services::scanned(&*store, &qr, now, check)
        .await
        .map_err(|e| explain(desk, &e))?;
    Ok(Some(AtGateFound::Signed(qr, v)))
}

/// The gate's mark on a pass known from its QR alone.
pub async fn at_gate_scanned(desk: Desk, qr: &Scanned, what: AtGate) -> Result<Verdict, String> {
    let (name, roles) = desk.on_duty();
    let store = desk.store();
    services::at_gate_scanned(
        &*store,
        qr,
        &what,
        &name,
        &roles,
        async |k: &[u8], m: &[u8], s: &[u8]| signing::verify(k, m, s).await,
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map_err(|e| explain(desk, &e))?;
    services::scanned(
        &*store,
        qr,
        BrowserClock.now(),
        async |k: &[u8], m: &[u8], s: &[u8]| signing::verify(k, m, s).await,
    )
    .await
    .map_err(|e| explain(desk, &e))
}

pub async fn at_gate(desk: Desk, id: RecordId, what: AtGate) -> Result<Pass, String> {
    let (name, roles) = desk.on_duty();
    services::at_gate(&*desk.store(), id, &what, &name, &roles, || desk.stamp())
        .await
        .map_err(|e| explain(desk, &e))
}

/// One pass, with the marks gates made on it from its QR alone (synced or imported back).
pub async fn get(desk: Desk, id: RecordId) -> Result<Option<(Pass, Vec<GateCheck>)>, String> {
    let store = desk.store();
    match services::get(&*store, id).await {
        Ok(p) => {
            let checks = services::checks(&*store, &p.code)
                .await
                .map_err(|e| desk.explain(&e))?;
            Ok(Some((p.seen_with(&checks), checks)))
        }
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(desk.explain(&e)),
    }
}

pub async fn list(desk: Desk, which: Which) -> Result<Vec<(Envelope, Pass)>, String> {
    services::list(&*desk.store(), which, BrowserClock.now())
        .await
        .map_err(|e| desk.explain(&e))
}
