//! The record a page's URL names (`/keys/k/:id`): the id read from the route, and the record
//! loaded by a module's `data::get`, reloaded whenever the desk changes. One piece for every
//! "one record" page instead of the same params code in each.
//!
//! ```ignore
//! let pass = record_of_url(data::get); // LocalResource<Result<Option<(RecordId, Pass)>, String>>
//! ```

use crate::desk::{Desk, use_desk};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use lobbydesk_core::RecordId;
use std::future::Future;

/// The `:id` of the current route, if it is a record id.
pub fn id_param() -> impl Fn() -> Option<RecordId> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<RecordId>().ok())
    }
}

/// The record the URL's `:id` names, loaded by `load` (`None`: no such record, or no id).
pub fn record_of_url<T, F, Fut>(load: F) -> LocalResource<Result<Option<(RecordId, T)>, String>>
where
    T: 'static,
    F: Fn(Desk, RecordId) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<Option<T>, String>> + 'static,
{
    let desk = use_desk();
    let id = id_param();
    LocalResource::new(move || {
        desk.revision();
        let id = id();
        async move {
            match id {
                Some(id) => load(desk, id).await.map(|o| o.map(|t| (id, t))),
                None => Ok(None),
            }
        }
    })
}
