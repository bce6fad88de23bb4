//! Visitor reads and writes on the desk's store: save, sign out, search, returning visitors,
//! the watch list, and the automatic sign-out.

use crate::desk::Desk;
use crate::modules::visitors::texts::VisitorMsg;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::GetUntracked;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::visitors::watch::{ACTIVE_INDEX, WatchEntry};
use lobbydesk_core::modules::visitors::{Visit, services};
use lobbydesk_core::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all};
use lobbydesk_core::{Envelope, Record, RecordId};

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
    let clerk = desk.clerk.get_untracked();
    services::sign_out(&*desk.store(), id, &clerk, || desk.stamp())
        .await
        .map_err(|e| desk.explain(&e))
}

/// Visits matching a search text by name, phone, plate, host unit or ID ending, newest first.
pub async fn search(desk: Desk, text: &str, limit: u32) -> Result<Vec<Row>, StoreError> {
    Ok(services::search(&*desk.store(), text, limit)
        .await?
        .into_iter()
        .map(|(env, visit)| Row { env, visit })
        .collect())
}

/// Earlier visitors whose phone or name starts with what is typed, one per person.
pub async fn returning(desk: Desk, phone: &str, name: &str) -> Result<Vec<Visit>, StoreError> {
    services::returning(&*desk.store(), phone, name).await
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

/// Closes every visit left open past the sign-out cutoff, as the app itself, in one write.
/// Returns how many.
pub async fn auto_sign_out(desk: Desk) -> Result<usize, StoreError> {
    let guarded = desk.store();
    let n = services::auto_sign_out(
        &guarded.system(),
        settings::visit_cutoff(),
        BrowserClock.now(),
        || desk.stamp(),
    )
    .await?;
    if n > 0 {
        desk.changed();
    }
    Ok(n)
}

/// The one-tap sign-out, as an action for any list or page: toasts the result and reloads lists.
pub fn sign_out_action(desk: Desk) -> leptos::prelude::Action<RecordId, ()> {
    leptos::prelude::Action::new_local(move |id: &RecordId| {
        let id = *id;
        async move {
            match sign_out(desk, id).await {
                Ok(v) => {
                    // A tap on the wrong row is taken back from the toast.
                    if let Some(out) = v.time_out {
                        desk.toasts.undoable(
                            format!("{} {}", desk.t(VisitorMsg::SignedOut), v.name),
                            desk.t(VisitorMsg::UndoSignOut),
                            move || {
                                leptos::task::spawn_local(async move {
                                    match services::undo_sign_out(&*desk.store(), id, out, || {
                                        desk.stamp()
                                    })
                                    .await
                                    {
                                        Ok(_) => desk.changed(),
                                        Err(e) => desk.toasts.error(desk.explain(&e)),
                                    }
                                })
                            },
                        );
                    }
                    desk.changed();
                }
                Err(e) => desk.toasts.error(e),
            }
        }
    })
}
