//! Parcel reads and writes on the desk's store.

use crate::desk::Desk;
use crate::platform::clock::{BrowserClock, CryptoIds};
use leptos::prelude::GetUntracked;
use lobbydesk_core::clock::{Clock, IdSource};
use lobbydesk_core::modules::parcels::services::{self, ChangeError};
use lobbydesk_core::modules::parcels::{Handover, Intake, Parcel, ParcelError};
use lobbydesk_core::store::{ListQuery, StoreError, list_all};
use lobbydesk_core::{Envelope, Localized, RecordId};

pub type Row = (Envelope, Parcel);

pub fn rows(items: &[Envelope]) -> Vec<Row> {
    items
        .iter()
        .filter_map(|e| e.decode::<Parcel>().ok().map(|p| (e.clone(), p)))
        .collect()
}

pub use lobbydesk_core::modules::parcels::services::IntakeError;

/// Takes a parcel in: refuses a tracking number already on the shelf, draws a pickup code no
/// parcel on the shelf has, and saves.
pub async fn take_in(
    desk: Desk,
    intake: &Intake,
    photo: Option<String>,
) -> Result<Parcel, IntakeError> {
    let random = || {
        let b = *CryptoIds.new_id().as_bytes();
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    };
    services::take_in(
        &*desk.store(),
        intake,
        photo,
        &desk.clerk.get_untracked(),
        || desk.new_id(),
        BrowserClock.now(),
        random,
        || desk.stamp(),
    )
    .await
}

/// The refusal for a tracking number already on the shelf (where it sits, since when), if it is.
pub async fn duplicate(desk: Desk, tracking: &str) -> Option<ParcelError> {
    services::duplicate(&*desk.store(), tracking)
        .await
        .ok()
        .flatten()
}

/// Applies one change to several parcels, re-read first, written in one transaction.
pub async fn change(
    desk: Desk,
    ids: &[RecordId],
    f: impl Fn(Parcel) -> Result<Parcel, ParcelError>,
) -> Result<usize, String> {
    services::change(&*desk.store(), ids, f, || desk.stamp())
        .await
        .map_err(|e| refused(desk, e))
}

/// A refused change, as the clerk reads it.
fn refused(desk: Desk, e: ChangeError) -> String {
    match e {
        ChangeError::Parcel(e) => desk.explain(&e),
        ChangeError::Store(e) => desk.explain(&e),
    }
}

/// Hands the parcels over with one drawn signature (stored as a photo record they all refer
/// to), in one transaction; `handover` says who collected each.
pub async fn hand_over(
    desk: Desk,
    ids: &[RecordId],
    signature: &str,
    handover: impl Fn(&Parcel, RecordId) -> Handover,
) -> Result<usize, String> {
    services::hand_over(
        &*desk.store(),
        ids,
        signature,
        desk.new_id(),
        BrowserClock.now(),
        handover,
        || desk.stamp(),
    )
    .await
    .map_err(|e| refused(desk, e))
}

/// Parcels matching a shelf search (code, tracking, unit, phone, name), newest first.
pub async fn search(desk: Desk, text: &str) -> Result<Vec<Row>, StoreError> {
    services::search(&*desk.store(), text).await
}

/// Every parcel a listing holds.
pub async fn all(desk: Desk, q: ListQuery) -> Result<Vec<Row>, StoreError> {
    Ok(rows(&list_all(&*desk.store(), q).await?))
}

/// The message for a parcel, in the current language.
pub fn notice_text(desk: Desk, p: &Parcel) -> String {
    use crate::platform::settings;
    p.notice_text(
        desk.lang.get_untracked(),
        &settings::office_name(),
        &settings::desk_hours(),
    )
}

/// Field problems as one line.
pub fn explain_fields(desk: Desk, errs: &[ParcelError]) -> String {
    errs.iter()
        .map(|e| e.message(desk.lang.get_untracked()))
        .collect::<Vec<_>>()
        .join(" ")
}
