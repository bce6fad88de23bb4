//! Parcel reads and writes on the desk's store.

use crate::desk::Desk;
use crate::platform::clock::{BrowserClock, CryptoIds};
use lobbydesk_core::clock::{Clock, IdSource};
use lobbydesk_core::modules::parcels::{self as parcel, Intake, Parcel, ParcelError, ix};
use lobbydesk_core::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all};
use lobbydesk_core::{Envelope, Localized, Record, RecordId};
use std::collections::HashMap;

pub type Row = (Envelope, Parcel);

pub fn rows(items: &[Envelope]) -> Vec<Row> {
    items
        .iter()
        .filter_map(|e| e.decode::<Parcel>().ok().map(|p| (e.clone(), p)))
        .collect()
}

fn exact(index: &str, value: &str) -> ListQuery {
    ListQuery::by(Parcel::KIND, index, KeyRange::Exact(value.to_string()), 50)
}

/// Why an intake was refused: field problems, or the store.
pub enum IntakeError {
    Fields(Vec<ParcelError>),
    Store(StoreError),
}

/// Takes a parcel in: refuses a tracking number already on the shelf, draws a pickup code no
/// parcel on the shelf has, and saves.
pub async fn take_in(
    desk: Desk,
    intake: &Intake,
    photo: Option<String>,
) -> Result<Parcel, IntakeError> {
    let store = desk.store();
    let tracking = parcel::normalize_tracking(&intake.tracking);
    if !tracking.is_empty() {
        let same = rows(
            &store
                .list(&exact(ix::TRACKING, &tracking))
                .await
                .map_err(IntakeError::Store)?
                .items,
        );
        if same.iter().any(|(_, p)| p.outcome.is_none()) {
            return Err(IntakeError::Fields(vec![ParcelError::Duplicate]));
        }
    }
    let mut code = String::new();
    for _ in 0..8 {
        let b = *CryptoIds.new_id().as_bytes();
        code = parcel::pickup_code(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        if store
            .list(&exact(ix::CODE, &code))
            .await
            .map_err(IntakeError::Store)?
            .items
            .is_empty()
        {
            break;
        }
    }
    let mut p = intake
        .parse(BrowserClock.now(), &desk.clerk.get_untracked(), code)
        .map_err(IntakeError::Fields)?;
    p.photo = photo;
    let env = Envelope::create(&p, desk.new_id(), desk.stamp())
        .map_err(|e| IntakeError::Store(e.into()))?;
    store.put(&env).await.map_err(IntakeError::Store)?;
    Ok(p)
}

use leptos::prelude::GetUntracked;

/// Applies one change to several parcels, re-read first, written in one transaction.
pub async fn change(
    desk: Desk,
    ids: &[RecordId],
    f: impl Fn(Parcel) -> Result<Parcel, ParcelError>,
) -> Result<usize, String> {
    let store = desk.store();
    let keys: Vec<(String, RecordId)> = ids
        .iter()
        .map(|id| (Parcel::KIND.to_string(), *id))
        .collect();
    let current = store.get_many(&keys).await.map_err(|e| desk.explain(&e))?;
    let mut batch = Vec::new();
    for env in current.into_iter().flatten() {
        let p: Parcel = env
            .decode()
            .map_err(|e| desk.explain(&StoreError::from(e)))?;
        let next = f(p).map_err(|e| desk.explain(&e))?;
        batch.push(
            env.update(&next, desk.stamp())
                .map_err(|e| desk.explain(&StoreError::from(e)))?,
        );
    }
    store.put_all(&batch).await.map_err(|e| desk.explain(&e))?;
    Ok(batch.len())
}

/// Parcels matching a shelf search (code, tracking, unit, phone, name), newest first.
pub async fn search(desk: Desk, text: &str) -> Result<Vec<Row>, StoreError> {
    let store = desk.store();
    let mut found: HashMap<RecordId, Envelope> = HashMap::new();
    for (index, range) in parcel::search_plan(text) {
        for e in store
            .list(&ListQuery::by(Parcel::KIND, index, range, 50))
            .await?
            .items
        {
            found.entry(e.meta.id).or_insert(e);
        }
    }
    let mut v = rows(&found.into_values().collect::<Vec<_>>());
    v.sort_by(|a, b| b.1.received_at.cmp(&a.1.received_at));
    Ok(v)
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
