//! Work-order reads on the desk's store.

use crate::desk::Desk;
use lobbydesk_core::modules::work_orders::WorkOrder;
use lobbydesk_core::store::{ListQuery, RecordStore};
use lobbydesk_core::{Envelope, Record};

/// The newest work orders, newest first.
pub async fn work_orders(desk: Desk) -> Result<Vec<(Envelope, WorkOrder)>, String> {
    let page = desk
        .store()
        .list(&ListQuery::recent(WorkOrder::KIND, 200))
        .await
        .map_err(|e| desk.explain(&e))?;
    Ok(page
        .items
        .into_iter()
        .filter_map(|e| e.decode().ok().map(|w| (e, w)))
        .collect())
}
