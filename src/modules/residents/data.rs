//! Directory reads and writes on the desk's store: search, a unit's page, and applying an import.

use crate::desk::Desk;
use crate::modules::visitors::data::Row as VisitRow;
use lobbydesk_core::Envelope;
use lobbydesk_core::modules::residents::{self as directory, ImportPlan, Resident, Unit, services};
use lobbydesk_core::store::StoreError;

/// Residents matching a search text (unit, name, phone, plate), by unit then name.
pub async fn search(
    desk: Desk,
    text: &str,
    limit: u32,
) -> Result<Vec<(Envelope, Resident)>, StoreError> {
    services::search(&*desk.store(), text, limit).await
}

/// A unit's record, its residents, and its recent visits.
#[derive(Clone)]
pub struct UnitView {
    pub unit: Option<Unit>,
    pub residents: Vec<Resident>,
    pub visits: Vec<VisitRow>,
}

pub async fn unit_view(desk: Desk, key: &str) -> Result<UnitView, StoreError> {
    let v = services::unit_view(&*desk.store(), key).await?;
    Ok(UnitView {
        unit: v.unit,
        residents: v.residents,
        visits: v
            .visits
            .into_iter()
            .map(|(env, visit)| VisitRow { env, visit })
            .collect(),
    })
}

/// Plans good rows against what is stored and writes the plan in one transaction.
pub async fn import_rows(
    desk: Desk,
    rows: &[directory::ParsedRow],
) -> Result<ImportPlan, StoreError> {
    services::import_rows(&*desk.store(), rows, || desk.new_id(), || desk.stamp()).await
}
