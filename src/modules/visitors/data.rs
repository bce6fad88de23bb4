//! Visitor reads and writes on the desk's store: save, sign out, search, returning visitors,
//! the watch list, and the automatic sign-out.

use crate::desk::Desk;
use crate::modules::visitors::texts::VisitorMsg;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::GetUntracked;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::visitors::watch::{ACTIVE_INDEX, WatchEntry};
use lobbydesk_core::modules::visitors::{self as visit, Visit, ix};
use lobbydesk_core::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all};
use lobbydesk_core::{Envelope, Record, RecordId};
use std::collections::HashMap;

/// A decoded visit with its envelope (id and version for updates).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub env: Envelope,
    pub visit: Visit,
}

impl Row {
    pub fn id(&self) -> RecordId {
        self.env.meta.id
    }
}

pub fn rows(items: &[Envelope]) -> Vec<Row> {
    items
        .iter()
        .filter_map(|e| {
            e.decode::<Visit>().ok().map(|visit| Row {
                env: e.clone(),
                visit,
            })
        })
        .collect()
}

fn explain_record(desk: &Desk, e: lobbydesk_core::RecordError) -> String {
    desk.explain(&StoreError::from(e))
}

pub async fn save_new(desk: Desk, visit: &Visit) -> Result<RecordId, String> {
    let id = desk.new_id();
    let env = Envelope::create(visit, id, desk.stamp()).map_err(|e| explain_record(&desk, e))?;
    desk.store().put(&env).await.map_err(|e| desk.explain(&e))?;
    Ok(id)
}

pub async fn get(desk: Desk, id: RecordId) -> Result<Option<Row>, String> {
    let env = desk
        .store()
        .get(Visit::KIND, id)
        .await
        .map_err(|e| desk.explain(&e))?;
    Ok(env
        .filter(|e| !e.meta.deleted)
        .and_then(|e| rows(std::slice::from_ref(&e)).pop()))
}

/// Signs a visitor out now, by the clerk on duty. Re-reads the record first.
pub async fn sign_out(desk: Desk, id: RecordId) -> Result<Visit, String> {
    let store = desk.store();
    let env = store
        .get(Visit::KIND, id)
        .await
        .map_err(|e| desk.explain(&e))?
        .ok_or_else(|| {
            desk.explain(&StoreError::NotFound {
                kind: Visit::KIND.into(),
                id,
            })
        })?;
    let v: Visit = env.decode().map_err(|e| explain_record(&desk, e))?;
    let at = desk.stamp();
    let out = v.signed_out(at.now, &desk.clerk.get_untracked());
    let next = env.update(&out, at).map_err(|e| explain_record(&desk, e))?;
    store.put(&next).await.map_err(|e| desk.explain(&e))?;
    Ok(out)
}

/// Visits matching a search text by name, phone, plate, host unit or ID ending, newest first.
pub async fn search(desk: Desk, text: &str, limit: u32) -> Result<Vec<Row>, StoreError> {
    let store = desk.store();
    let mut found: HashMap<RecordId, Envelope> = HashMap::new();
    for (index, range) in visit::search_plan(text) {
        let page = store
            .list(&ListQuery::by(Visit::KIND, index, range, limit))
            .await?;
        for e in page.items {
            found.entry(e.meta.id).or_insert(e);
        }
    }
    let mut rows = rows(&found.into_values().collect::<Vec<_>>());
    rows.sort_by(|a, b| b.visit.time_in.cmp(&a.visit.time_in));
    rows.truncate(limit as usize);
    Ok(rows)
}

/// Earlier visitors whose phone or name starts with what is typed, one per person.
pub async fn returning(desk: Desk, phone: &str, name: &str) -> Result<Vec<Visit>, StoreError> {
    let store = desk.store();
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut visits = Vec::new();
    if digits.len() >= 3 {
        let q = ListQuery::by(Visit::KIND, ix::PHONE, KeyRange::Prefix(digits), 20);
        visits.extend(
            rows(&store.list(&q).await?.items)
                .into_iter()
                .map(|r| r.visit),
        );
    }
    let name = name.trim().to_lowercase();
    if !name.is_empty() {
        let q = ListQuery::by(Visit::KIND, ix::NAME, KeyRange::Prefix(name), 20);
        visits.extend(
            rows(&store.list(&q).await?.items)
                .into_iter()
                .map(|r| r.visit),
        );
    }
    let mut r = visit::returning(visits);
    r.truncate(6);
    Ok(r)
}

/// Every active watch-list entry (a short list).
pub async fn watch_list(desk: Desk) -> Result<Vec<(Envelope, WatchEntry)>, StoreError> {
    let q = ListQuery::by(WatchEntry::KIND, ACTIVE_INDEX, KeyRange::All, 200);
    let all = list_all(&*desk.store(), q).await?;
    Ok(all
        .into_iter()
        .filter_map(|e| e.decode::<WatchEntry>().ok().map(|w| (e, w)))
        .collect())
}

/// Closes every visit left open past the sign-out cutoff, in one write. Returns how many.
pub async fn auto_sign_out(desk: Desk) -> Result<usize, StoreError> {
    let guarded = desk.store();
    let store = guarded.system();
    let cutoff = settings::visit_cutoff();
    let now = BrowserClock.now();
    let q = ListQuery::by(Visit::KIND, ix::ON_SITE, KeyRange::Exact("1".into()), 200);
    let mut closed = Vec::new();
    for row in rows(&list_all(&store, q).await?) {
        if let Some(at) = row.visit.auto_sign_out_due(cutoff, now) {
            closed.push(row.env.update(&row.visit.auto_closed(at), desk.stamp())?);
        }
    }
    if !closed.is_empty() {
        store.put_all(&closed).await?;
        desk.changed();
    }
    Ok(closed.len())
}

/// The one-tap sign-out, as an action for any list or page: toasts the result and reloads lists.
pub fn sign_out_action(desk: Desk) -> leptos::prelude::Action<RecordId, ()> {
    leptos::prelude::Action::new_local(move |id: &RecordId| {
        let id = *id;
        async move {
            match sign_out(desk, id).await {
                Ok(v) => {
                    desk.toasts
                        .info(format!("{} {}", desk.t(VisitorMsg::SignedOut), v.name));
                    desk.changed();
                }
                Err(e) => desk.toasts.error(e),
            }
        }
    })
}

/// Removes the personal data of visits older than the retention period (settings, default 180
/// days), as the app itself, in one write; the purge is recorded in the audit trail. Returns how
/// many visits were purged.
pub async fn purge_expired(desk: Desk) -> Result<usize, StoreError> {
    use lobbydesk_core::audit::{AuditAction, FieldChange};
    use lobbydesk_core::store::guard::Actor;
    let guarded = desk.store();
    let store = guarded.system();
    let days = settings::retention_days();
    let now = BrowserClock.now();
    let last_day = lobbydesk_core::time::day_key(now - chrono::Duration::days(i64::from(days)));
    let q = ListQuery::by(
        Visit::KIND,
        ix::PERSONAL,
        KeyRange::Between(String::new(), last_day),
        500,
    );
    let mut batch = Vec::new();
    for row in rows(&list_all(&store, q).await?) {
        if row.visit.purge_due(now, days) {
            batch.push(row.env.update(&row.visit.purged(), desk.stamp())?);
        }
    }
    if !batch.is_empty() {
        store.put_all(&batch).await?;
        let change = FieldChange {
            field: "visits".into(),
            before: String::new(),
            after: format!("{} ({days} d)", batch.len()),
        };
        guarded
            .record_event(
                &Actor::system(),
                AuditAction::Purge,
                Visit::KIND,
                vec![change],
                desk.stamp(),
            )
            .await?;
        desk.changed();
    }
    Ok(batch.len())
}
