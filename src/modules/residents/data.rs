//! Directory reads and writes on the desk's store: search, a unit's page, and applying an import.

use crate::desk::Desk;
use crate::modules::visitors::data::{Row as VisitRow, rows as visit_rows};
use lobbydesk_core::modules::residents::{self as directory, ImportPlan, Resident, Unit};
use lobbydesk_core::modules::visitors::{Visit, ix as visit_ix};
use lobbydesk_core::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all};
use lobbydesk_core::{Envelope, Record, RecordId};
use std::collections::HashMap;

/// Residents matching a search text (unit, name, phone, plate), by name.
pub async fn search(
    desk: Desk,
    text: &str,
    limit: u32,
) -> Result<Vec<(Envelope, Resident)>, StoreError> {
    let store = desk.store();
    let mut found: HashMap<RecordId, Envelope> = HashMap::new();
    for (index, range) in directory::search_plan(text) {
        for e in store
            .list(&ListQuery::by(Resident::KIND, index, range, limit))
            .await?
            .items
        {
            found.entry(e.meta.id).or_insert(e);
        }
    }
    let mut v: Vec<(Envelope, Resident)> = found
        .into_values()
        .filter_map(|e| e.decode().ok().map(|r| (e, r)))
        .collect();
    v.sort_by(|a, b| {
        (a.1.units.first().map(|u| u.key()), &a.1.name)
            .cmp(&(b.1.units.first().map(|u| u.key()), &b.1.name))
    });
    v.truncate(limit as usize);
    Ok(v)
}

/// A unit's record, its residents, and its recent visits.
#[derive(Clone)]
pub struct UnitView {
    pub unit: Option<Unit>,
    pub residents: Vec<Resident>,
    pub visits: Vec<VisitRow>,
}

pub async fn unit_view(desk: Desk, key: &str) -> Result<UnitView, StoreError> {
    let store = desk.store();
    let exact =
        |index: &str, kind: &str| ListQuery::by(kind, index, KeyRange::Exact(key.to_string()), 100);
    let unit = store
        .list(&exact(directory::ix::UNIT, Unit::KIND))
        .await?
        .items
        .first()
        .and_then(|e| e.decode().ok());
    let residents = store
        .list(&exact(directory::ix::UNIT, Resident::KIND))
        .await?
        .items
        .iter()
        .filter_map(|e| e.decode().ok())
        .collect();
    let mut q = exact(visit_ix::HOST, Visit::KIND);
    q.limit = 20;
    let visits = visit_rows(&store.list(&q).await?.items);
    Ok(UnitView {
        unit,
        residents,
        visits,
    })
}

/// Every stored record of a kind (for planning an import).
async fn all<R: Record>(desk: Desk) -> Result<Vec<(Envelope, R)>, StoreError> {
    let all = list_all(&*desk.store(), ListQuery::recent(R::KIND, 500)).await?;
    Ok(all
        .into_iter()
        .filter_map(|e| e.decode::<R>().ok().map(|r| (e, r)))
        .collect())
}

/// The stored units and residents, for [`directory::plan_import`].
pub struct Stored {
    pub units: Vec<(Envelope, Unit)>,
    pub residents: Vec<(Envelope, Resident)>,
}

pub async fn stored(desk: Desk) -> Result<Stored, StoreError> {
    Ok(Stored {
        units: all::<Unit>(desk).await?,
        residents: all::<Resident>(desk).await?,
    })
}

/// Writes a plan in one transaction: all of it lands or none of it does.
pub async fn apply(desk: Desk, plan: &ImportPlan, stored: &Stored) -> Result<usize, StoreError> {
    let envs: HashMap<RecordId, &Envelope> = stored
        .units
        .iter()
        .map(|(e, _)| (e.meta.id, e))
        .chain(stored.residents.iter().map(|(e, _)| (e.meta.id, e)))
        .collect();
    let mut batch = Vec::with_capacity(plan.units.len() + plan.residents.len());
    for (id, u) in &plan.units {
        batch.push(match id.and_then(|id| envs.get(&id)) {
            Some(prev) => prev.update(u, desk.stamp())?,
            None => Envelope::create(u, desk.new_id(), desk.stamp())?,
        });
    }
    for (id, r) in &plan.residents {
        batch.push(match id.and_then(|id| envs.get(&id)) {
            Some(prev) => prev.update(r, desk.stamp())?,
            None => Envelope::create(r, desk.new_id(), desk.stamp())?,
        });
    }
    desk.store().put_all(&batch).await?;
    Ok(batch.len())
}

/// Plans good rows against what is stored and writes the plan in one transaction.
pub async fn import_rows(
    desk: Desk,
    rows: &[directory::ParsedRow],
) -> Result<ImportPlan, StoreError> {
    let stored = stored(desk).await?;
    let units: Vec<_> = stored
        .units
        .iter()
        .map(|(e, u)| (e.meta.id, u.clone()))
        .collect();
    let residents: Vec<_> = stored
        .residents
        .iter()
        .map(|(e, r)| (e.meta.id, r.clone()))
        .collect();
    let plan = directory::plan_import(rows, &units, &residents);
    apply(desk, &plan, &stored).await?;
    Ok(plan)
}
