//! CSV lists for Excel, one per kind whose spec has one: the choices, and reading a date span
//! of the kind and writing its file (the writing is the module's own, `modules/<m>/csv.rs`).

use crate::lang::Lang;
use crate::record::RECENT_INDEX;
use crate::registry;
use crate::spec::Csv;
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all};
use crate::time::{at_local, day_key};
use chrono::{NaiveDate, NaiveTime};

pub use crate::csv_file::BOM;

/// The lists a supervisor can export as CSV, in the registry's order.
pub fn choices() -> Vec<&'static Csv> {
    registry::kinds().filter_map(|k| k.csv.as_ref()).collect()
}

/// A list's file: its name, its bytes, and how many rows it has.
pub struct CsvFile {
    /// The module whose list it is (`visitors`).
    pub module: &'static str,
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub rows: usize,
}

/// The records of the list `name` within the local days `from` to `to` (both included; lists
/// that ignore dates take everything), oldest first, written as its CSV file.
pub async fn export<S: RecordStore>(
    store: &S,
    name: &str,
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
    full_ids: bool,
) -> Result<Option<CsvFile>, StoreError> {
    let Some((spec, csv)) =
        registry::kinds().find_map(|k| k.csv.as_ref().filter(|c| c.name == name).map(|c| (k, c)))
    else {
        return Ok(None);
    };
    let start = at_local(from, NaiveTime::MIN);
    let end = at_local(to, NaiveTime::MIN) + chrono::Duration::days(1);
    let q = match csv.day_index {
        Some(index) => ListQuery::by(
            spec.kind,
            index,
            KeyRange::Between(
                day_key(start),
                day_key(end - chrono::Duration::milliseconds(1)),
            ),
            500,
        ),
        None => ListQuery::by(spec.kind, RECENT_INDEX, KeyRange::All, 500),
    };
    let mut rows: Vec<_> = list_all(store, q)
        .await?
        .into_iter()
        .map(|e| ((csv.when)(&e), e))
        .filter(|(t, _)| t.is_none_or(|t| start <= t && t < end))
        .collect();
    rows.sort_by_key(|(t, _)| *t);
    let envs: Vec<_> = rows.into_iter().map(|(_, e)| e).collect();
    Ok(Some(CsvFile {
        module: spec.module,
        file_name: format!(
            "LobbyDesk_{}_{}_{}.csv",
            spec.module,
            from.format("%Y%m%d"),
            to.format("%Y%m%d")
        ),
        bytes: (csv.write)(&envs, lang, full_ids),
        rows: envs.len(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::visitors::VisitForm;
    use crate::record::{Envelope, RecordId};
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    #[test]
    fn a_list_holds_the_days_asked_for_oldest_first_and_unknown_lists_are_none() {
        let store = MemoryStore::new();
        let f = Fixture::default();
        for (n, day) in [(1u128, 20u32), (2, 25), (3, 27)] {
            let at = chrono::Utc
                .with_ymd_and_hms(2026, 11, day, 2, 0, 0)
                .unwrap();
            let v = VisitForm {
                name: format!("访客{n}"),
                phone: "13800138000".into(),
                host_unit: "3-1-502".into(),
                ..VisitForm::default()
            }
            .parse(at, "小李")
            .unwrap();
            let env = Envelope::create(&v, RecordId(uuid::Uuid::from_u128(n)), f.stamp()).unwrap();
            block_on(store.put(&env)).unwrap();
        }
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let file = block_on(export(&store, "visits", day(21), day(27), Lang::Zh, false))
            .unwrap()
            .unwrap();
        assert_eq!(file.rows, 2);
        assert_eq!(file.file_name, "LobbyDesk_visitors_20261121_20261127.csv");
        let text = String::from_utf8(file.bytes[3..].to_vec()).unwrap();
        assert!(text.find("访客2").unwrap() < text.find("访客3").unwrap());
        assert!(!text.contains("访客1"));
        assert!(
            block_on(export(&store, "nothing", day(1), day(2), Lang::Zh, false))
                .unwrap()
                .is_none()
        );
        let names: Vec<&str> = choices().iter().map(|c| c.name).collect();
        assert_eq!(
            names,
            vec![
                "visits",
                "parcels",
                "residents",
                "work_orders",
                "complaints",
                "contacts",
                "keys",
                "key_loans",
                "handovers",
                "release_passes",
                "fee_payments"
            ]
        );
    }
}
