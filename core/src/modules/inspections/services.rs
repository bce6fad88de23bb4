//! The inspections module's services over any [`RecordStore`].

use super::Inspection;
use crate::lang::Lang;
use crate::modules::work_orders::WorkOrder;
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{RecordStore, StoreError};
use chrono::{DateTime, Utc};

/// Why a work order was not made.
#[derive(Debug, PartialEq)]
pub enum WorkOrderError {
    /// The item did not fail (or does not exist): nothing to repair.
    NotFailed,
    Store(StoreError),
}

impl From<StoreError> for WorkOrderError {
    fn from(e: StoreError) -> Self {
        WorkOrderError::Store(e)
    }
}

/// Makes a 待派单 work order from the failed item `key` of inspection `id`, linked both ways,
/// written with the inspection in one transaction, numbered on the tablet `device`. An item that already has one keeps it.
/// Returns the inspection as stored afterwards.
#[allow(clippy::too_many_arguments)]
pub async fn make_work_order<S: RecordStore>(
    store: &S,
    id: RecordId,
    key: &str,
    by: &str,
    (order_id, device): (RecordId, &str),
    now: DateTime<Utc>,
    lang: Lang,
    stamp: impl Fn() -> Stamp,
) -> Result<(Envelope, Inspection), WorkOrderError> {
    let env = store
        .get(Inspection::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or_else(|| StoreError::NotFound {
            kind: Inspection::KIND.into(),
            id,
        })?;
    let mut insp: Inspection = env.decode().map_err(StoreError::from)?;
    if insp.answers.get(key).and_then(|a| a.work_order).is_some() {
        return Ok((env, insp));
    }
    let mut wo: WorkOrder = insp
        .work_order(id, key, by, now, lang)
        .ok_or(WorkOrderError::NotFailed)?;
    // Numbered like the desk's orders, on this tablet.
    wo.number = crate::modules::work_orders::services::next_number(store, now, device).await?;
    let wo_env = Envelope::create(&wo, order_id, stamp()).map_err(StoreError::from)?;
    insp.link_work_order(key, order_id)
        .map_err(|_| WorkOrderError::NotFailed)?;
    let next = env.update(&insp, stamp()).map_err(StoreError::from)?;
    store.put_all(&[wo_env, next.clone()]).await?;
    Ok((next, insp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::inspections::{Value, builtins};
    use crate::modules::work_orders::WorkStatus;
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;
    use crate::store::{ListQuery, list_all_as};

    #[test]
    fn a_failed_item_gets_one_work_order_linked_both_ways() {
        let store = MemoryStore::new();
        let f = Fixture::at_millis(1_764_208_800_000);
        let stamp = || f.stamp();
        let (tid, t) = builtins().remove(0);
        let mut insp = Inspection::start(tid, &t, "大堂", "", "李巡检", f.now());
        let pass_fail: Vec<String> = insp
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .filter(|i| matches!(i.kind, crate::modules::inspections::ItemKind::PassFail))
            .map(|i| i.key.clone())
            .collect();
        let (first, second) = (pass_fail[0].clone(), pass_fail[1].clone());
        insp.answer(&first, Value::Fail, f.now()).unwrap();
        insp.answer(&second, Value::Pass, f.now()).unwrap();
        let id = RecordId(uuid::Uuid::from_u128(1));
        block_on(store.put(&Envelope::create(&insp, id, stamp()).unwrap())).unwrap();
        let order = RecordId(uuid::Uuid::from_u128(2));
        let make = |key: &str, order| {
            block_on(make_work_order(
                &store,
                id,
                key,
                "李巡检",
                (order, "aaaa0001"),
                f.now(),
                Lang::Zh,
                stamp,
            ))
        };
        assert_eq!(make(&second, order).unwrap_err(), WorkOrderError::NotFailed);
        let (_, after) = make(&first, order).unwrap();
        assert_eq!(after.answers[&first].work_order, Some(order));
        // Asked again (a second tap): the same order, no second one.
        let (_, again) = make(&first, RecordId(uuid::Uuid::from_u128(3))).unwrap();
        assert_eq!(again.answers[&first].work_order, Some(order));
        let orders: Vec<(Envelope, WorkOrder)> =
            block_on(list_all_as(&store, ListQuery::recent(WorkOrder::KIND, 10))).unwrap();
        assert_eq!(orders.len(), 1);
        assert_eq!(orders[0].1.status, WorkStatus::Pending);
        assert_eq!(orders[0].1.inspection, Some(id));
        assert!(
            orders[0].1.number.starts_with("WX-") && orders[0].1.number.ends_with("-aaaa0001-001")
        );
        assert_eq!(
            orders[0].1.source,
            crate::modules::work_orders::Source::Inspection
        );
        // "每日设施设备巡检不合格", not "…巡检巡检不合格".
        assert!(t.title.ends_with("巡检"), "{}", t.title);
        assert!(
            orders[0]
                .1
                .description
                .starts_with(&format!("{}不合格", t.title))
        );
        assert!(!orders[0].1.description.contains("巡检巡检"));
    }
}

/// Every active schedule with where it stands at `now`, from the last finished inspection of its
/// template at its place.
pub async fn due<S: RecordStore>(
    store: &S,
    now: DateTime<Utc>,
) -> Result<Vec<(Envelope, super::Schedule, super::Due)>, StoreError> {
    use crate::store::{KeyRange, ListQuery, list_all};
    let schedules = list_all(
        store,
        ListQuery::by(
            super::Schedule::KIND,
            "active",
            KeyRange::Exact("1".into()),
            200,
        ),
    )
    .await?;
    let mut out = Vec::new();
    for env in schedules {
        let Ok(s) = env.decode::<super::Schedule>() else {
            continue;
        };
        let last = store
            .list(&ListQuery::by(
                Inspection::KIND,
                "done",
                KeyRange::Exact(format!("{}|{}", s.template, s.place)),
                1,
            ))
            .await?
            .items
            .first()
            .and_then(|e| e.decode::<Inspection>().ok())
            .and_then(|i| i.finished_at);
        let d = s.due(last, now);
        out.push((env, s, d));
    }
    Ok(out)
}
