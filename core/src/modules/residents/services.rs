//! The residents directory's services over any [`RecordStore`]: search, a unit's page, and an
//! import planned against what is stored and written in one transaction.

use super::{ImportPlan, ParsedRow, Resident, Unit, ix, plan_import, search_plan};
use crate::modules::visitors::{Visit, ix as visit_ix};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as, search as scan};
use std::collections::HashMap;

/// Residents matching a search text (unit, name, phone, plate), by unit then name.
pub async fn search<S: RecordStore>(
    store: &S,
    text: &str,
    limit: u32,
) -> Result<Vec<(Envelope, Resident)>, StoreError> {
    let mut v = scan::<S, Resident>(store, search_plan(text), limit).await?;
    v.sort_by(|a, b| {
        (a.1.units.first().map(|u| u.key()), &a.1.name)
            .cmp(&(b.1.units.first().map(|u| u.key()), &b.1.name))
    });
    v.truncate(limit as usize);
    Ok(v)
}

/// A unit's record, its residents, and its recent visits (newest first, at most 20).
#[derive(Clone, Debug, PartialEq)]
pub struct UnitView {
    pub unit: Option<Unit>,
    pub residents: Vec<Resident>,
    pub visits: Vec<(Envelope, Visit)>,
}

/// What the directory holds of the unit with canonical key `key` (`3-1-502`).
pub async fn unit_view<S: RecordStore>(store: &S, key: &str) -> Result<UnitView, StoreError> {
    let exact = |kind: &str, index: &str, limit: u32| {
        ListQuery::by(kind, index, KeyRange::Exact(key.to_string()), limit)
    };
    let decode = |items: Vec<Envelope>| -> Vec<(Envelope, Visit)> {
        items
            .into_iter()
            .filter_map(|e| e.decode::<Visit>().ok().map(|v| (e, v)))
            .collect()
    };
    let unit = store
        .list(&exact(Unit::KIND, ix::UNIT, 100))
        .await?
        .items
        .first()
        .and_then(|e| e.decode().ok());
    let residents = store
        .list(&exact(Resident::KIND, ix::UNIT, 100))
        .await?
        .items
        .iter()
        .filter_map(|e| e.decode().ok())
        .collect();
    let visits = decode(
        store
            .list(&exact(Visit::KIND, visit_ix::HOST, 20))
            .await?
            .items,
    );
    Ok(UnitView {
        unit,
        residents,
        visits,
    })
}

/// The stored units and residents, for planning an import.
pub struct Stored {
    pub units: Vec<(Envelope, Unit)>,
    pub residents: Vec<(Envelope, Resident)>,
}

/// Every stored unit and resident.
pub async fn stored<S: RecordStore>(store: &S) -> Result<Stored, StoreError> {
    Ok(Stored {
        units: list_all_as(store, ListQuery::recent(Unit::KIND, 500)).await?,
        residents: list_all_as(store, ListQuery::recent(Resident::KIND, 500)).await?,
    })
}

/// Writes a plan in one transaction: all of it lands or none of it does. New records get ids
/// from `new_id`. Returns how many records were written.
pub async fn apply<S: RecordStore>(
    store: &S,
    plan: &ImportPlan,
    stored: &Stored,
    mut new_id: impl FnMut() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<usize, StoreError> {
    let envs: HashMap<RecordId, &Envelope> = stored
        .units
        .iter()
        .map(|(e, _)| (e.meta.id, e))
        .chain(stored.residents.iter().map(|(e, _)| (e.meta.id, e)))
        .collect();
    let mut batch = Vec::with_capacity(plan.units.len() + plan.residents.len());
    for (id, u) in &plan.units {
        batch.push(match id.and_then(|id| envs.get(&id)) {
            Some(prev) => prev.update(u, stamp())?,
            None => Envelope::create(u, new_id(), stamp())?,
        });
    }
    for (id, r) in &plan.residents {
        batch.push(match id.and_then(|id| envs.get(&id)) {
            Some(prev) => prev.update(r, stamp())?,
            None => Envelope::create(r, new_id(), stamp())?,
        });
    }
    store.put_all(&batch).await?;
    Ok(batch.len())
}

/// Plans good rows against what is stored (existing units and residents updated, never
/// duplicated) and writes the plan in one transaction.
pub async fn import_rows<S: RecordStore>(
    store: &S,
    rows: &[ParsedRow],
    new_id: impl FnMut() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<ImportPlan, StoreError> {
    let stored = stored(store).await?;
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
    let plan = plan_import(rows, &units, &residents);
    apply(store, &plan, &stored, new_id, stamp).await?;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::residents::{check_rows, guess_mapping};
    use crate::modules::visitors::VisitForm;
    use crate::sheet::Table;
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;

    struct Desk {
        store: MemoryStore,
        f: Fixture,
    }

    impl Desk {
        fn new() -> Self {
            Desk {
                store: MemoryStore::new(),
                // 2025-11-27 10:00 in China.
                f: Fixture::at_millis(1_764_208_800_000),
            }
        }
        fn import(&self, rows: &[&[&str]]) -> ImportPlan {
            let table = Table {
                headers: ["房号", "姓名", "身份", "电话", "车牌"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|s| s.to_string()).collect())
                    .collect(),
                source: "UTF-8".into(),
                skipped_above: 0,
            };
            let checked = check_rows(
                &table,
                &guess_mapping(&table.headers),
                self.f.now().date_naive(),
            );
            block_on(import_rows(
                &self.store,
                &checked.good,
                || self.f.id(),
                || self.f.stamp(),
            ))
            .unwrap()
        }
    }

    #[test]
    fn an_import_twice_updates_instead_of_duplicating_and_the_unit_page_shows_it_all() {
        let d = Desk::new();
        let rows: &[&[&str]] = &[
            &["3栋1单元502室", "张伟", "业主", "13800138000", "京A12345"],
            &["3-1-502", "李娜", "家属", "13900139000", ""],
        ];
        let first = d.import(rows);
        assert_eq!((first.new_units(), first.residents.len()), (1, 2));
        let again = d.import(rows);
        assert_eq!(again.new_units(), 0);
        let found = block_on(search(&d.store, "3-1-502", 20)).unwrap();
        assert_eq!(
            found
                .iter()
                .map(|(_, r)| r.name.as_str())
                .collect::<Vec<_>>(),
            vec!["张伟", "李娜"]
        );
        let visit = VisitForm {
            name: "王芳".into(),
            phone: "13700137000".into(),
            host_unit: "3-1-502".into(),
            ..VisitForm::default()
        }
        .parse(d.f.now(), "小李")
        .unwrap();
        block_on(
            d.store
                .put(&Envelope::create(&visit, d.f.id(), d.f.stamp()).unwrap()),
        )
        .unwrap();
        let page = block_on(unit_view(&d.store, "3-1-502")).unwrap();
        assert_eq!(page.unit.map(|u| u.no.key()), Some("3-1-502".to_string()));
        assert_eq!(page.residents.len(), 2);
        assert_eq!(page.visits.len(), 1);
        assert_eq!(page.visits[0].1.name, "王芳");
        assert_eq!(block_on(search(&d.store, "京A12345", 20)).unwrap().len(), 1);
        // A room number alone, or a building alone, finds the unit's residents.
        d.import(&[&["12-3-1104", "赵敏", "业主", "13600136000", ""]]);
        for text in ["1104", "12"] {
            let names: Vec<String> = block_on(search(&d.store, text, 20))
                .unwrap()
                .into_iter()
                .map(|(_, r)| r.name)
                .collect();
            assert_eq!(names, vec!["赵敏".to_string()], "{text}");
        }
        assert_eq!(block_on(search(&d.store, "3", 20)).unwrap().len(), 2);
    }
}
