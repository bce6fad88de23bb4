//! The conformance suite every [`RecordStore`] implementation runs: natively on
//! [`super::memory::MemoryStore`] (`cargo test`) and in headless Chromium on IndexedDB
//! (`wasm-bindgen-test`, see `tests/storage_idb.rs`).
//!
//! ```ignore
//! // native, each test gets a fresh store:
//! lobbydesk_core::store_conformance_tests!(sync_test, MemoryStore::new());
//! // in the browser, `$make` may await:
//! lobbydesk_core::store_conformance_tests!(wasm_bindgen_test, fresh_idb_store().await);
//! ```

use super::{KeyRange, ListQuery, RecordStore, StoreError};
use crate::clock::{Clock, IdSource, ManualClock, SeqIds};
use crate::hlc::HlcClock;
use crate::record::{DeviceId, Envelope, Meta, Record, RecordId, Stamp};
use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Runs a future that never waits on I/O (the memory store's) to completion.
pub fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// Generates one test per conformance case. `$mode` is `sync_test` (plain `#[test]`, for stores
/// whose futures complete at once) or `wasm_bindgen_test`. `$make` builds a fresh, empty store.
#[macro_export]
macro_rules! store_conformance_tests {
    ($mode:ident, $make:expr) => {
        $crate::store_conformance_tests!(@each $mode, $make,
            put_then_get_returns_the_same_record,
            get_of_an_unknown_id_is_none,
            get_many_returns_records_in_the_order_asked,
            put_replaces_the_stored_version_and_its_index_entries,
            recent_lists_newest_first,
            paging_walks_every_record_exactly_once,
            equal_sort_times_still_page_exactly,
            exact_lists_only_that_value_newest_first,
            prefix_matches_values_that_start_with_it,
            between_includes_both_ends,
            chinese_values_are_indexed_and_found,
            a_record_under_two_matching_values_appears_once,
            kinds_do_not_mix,
            delete_leaves_a_tombstone_that_is_not_listed,
            delete_of_an_unknown_record_is_not_found,
            put_all_lands_every_record,
            put_all_with_an_invalid_record_lands_nothing,
            a_conditional_write_lands_only_on_what_was_expected,
            an_invalid_record_is_refused,
            changes_walk_every_record_once_in_change_order_with_tombstones,
            a_received_version_is_a_change_after_the_mark
        );
    };
    (@each $mode:ident, $make:expr, $($name:ident),+) => {
        $( $crate::store_conformance_tests!(@one $mode, $make, $name); )+
    };
    (@one sync_test, $make:expr, $name:ident) => {
        #[test]
        fn $name() {
            $crate::store::conformance::block_on(async {
                let store = $make;
                $crate::store::conformance::$name(&store).await
            })
        }
    };
    (@one wasm_bindgen_test, $make:expr, $name:ident) => {
        #[wasm_bindgen_test::wasm_bindgen_test]
        async fn $name() {
            let store = $make;
            $crate::store::conformance::$name(&store).await
        }
    };
}

/// The record type the suite stores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    pub name: String,
    pub tags: Vec<String>,
    pub at_ms: i64,
}

impl Record for Probe {
    const KIND: &'static str = "probe";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![("name", self.name.clone())];
        v.extend(self.tags.iter().map(|t| ("tag", t.clone())));
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(self.at_ms)
            .single()
            .unwrap_or_default()
    }
}

/// A kind that grew, for the tests of layout upgrades on every store: a note as an older build
/// wrote it (text only), and the same kind with a title from its first line and an index on it.
pub mod grown {
    use crate::record::Record;
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct NoteV1 {
        pub text: String,
    }
    impl Record for NoteV1 {
        const KIND: &'static str = "note";
        const SCHEMA: u32 = 1;
    }

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct NoteV2 {
        pub title: String,
        pub text: String,
    }
    impl Record for NoteV2 {
        const KIND: &'static str = "note";
        const SCHEMA: u32 = 2;
        const INDEXES: u32 = 2;
        fn index_values(&self) -> Vec<(&'static str, String)> {
            vec![("title", self.title.clone())]
        }
        fn upgrade(body: &mut serde_json::Value, from: u32) -> Result<(), String> {
            if from < 2 {
                let text = body["text"].as_str().ok_or("a note has text")?.to_string();
                body["title"] = text.lines().next().unwrap_or_default().into();
            }
            Ok(())
        }
    }
}

/// A deterministic clock, ids and merge clock: stamps probes here, and module records in the
/// core's service tests.
pub struct Fixture {
    clock: ManualClock,
    ids: SeqIds,
    hlc: std::cell::RefCell<HlcClock>,
}

impl Default for Fixture {
    fn default() -> Self {
        Self {
            clock: ManualClock::at_millis(1_764_000_000_000),
            ids: SeqIds::default(),
            hlc: std::cell::RefCell::new(HlcClock::new(DeviceId::from_bytes([0xd1; 16]))),
        }
    }
}

impl Fixture {
    /// A fixture whose clock starts at `ms` (Unix milliseconds).
    pub fn at_millis(ms: i64) -> Self {
        Self {
            clock: ManualClock::at_millis(ms),
            ..Self::default()
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn advance_millis(&self, ms: i64) {
        self.clock.advance_millis(ms);
    }

    /// A new record id.
    pub fn id(&self) -> RecordId {
        RecordId(self.ids.new_id())
    }

    pub fn stamp(&self) -> Stamp {
        self.clock.advance_millis(1);
        let now = self.clock.now();
        Stamp {
            now,
            version: self.hlc.borrow_mut().tick(now.timestamp_millis() as u64),
        }
    }

    pub fn probe(&self, name: &str, tags: &[&str], at_ms: i64) -> Envelope {
        let p = Probe {
            name: name.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            at_ms,
        };
        Envelope::create(&p, RecordId(self.ids.new_id()), self.stamp()).expect("probe stamps")
    }
}

fn names(items: &[Envelope]) -> Vec<String> {
    items
        .iter()
        .map(|e| e.decode::<Probe>().expect("probe decodes").name)
        .collect()
}

async fn put_each<S: RecordStore>(s: &S, recs: &[Envelope]) {
    for r in recs {
        s.put(r).await.expect("put");
    }
}

async fn list_all<S: RecordStore>(s: &S, q: ListQuery) -> Vec<Envelope> {
    s.list(&q).await.expect("list").items
}

pub async fn put_then_get_returns_the_same_record<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let r = f.probe("张三", &["a"], 10);
    s.put(&r).await.unwrap();
    assert_eq!(s.get(Probe::KIND, r.meta.id).await.unwrap(), Some(r));
}

pub async fn get_of_an_unknown_id_is_none<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let r = f.probe("x", &[], 1);
    assert_eq!(s.get(Probe::KIND, r.meta.id).await.unwrap(), None);
}

pub async fn get_many_returns_records_in_the_order_asked<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let (a, b, absent) = (
        f.probe("a", &[], 1),
        f.probe("b", &[], 2),
        f.probe("absent", &[], 3),
    );
    s.put_all(&[a.clone(), b.clone()]).await.unwrap();
    let keys: Vec<(String, RecordId)> = [&b, &absent, &a]
        .iter()
        .map(|e| (e.meta.kind.clone(), e.meta.id))
        .collect();
    assert_eq!(
        s.get_many(&keys).await.unwrap(),
        vec![Some(b), None, Some(a)]
    );
    assert!(s.get_many(&[]).await.unwrap().is_empty());
}

pub async fn put_replaces_the_stored_version_and_its_index_entries<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let r = f.probe("old", &[], 1);
    s.put(&r).await.unwrap();
    let p = Probe {
        name: "new".into(),
        tags: vec![],
        at_ms: 2,
    };
    let u = r.update(&p, f.stamp()).unwrap();
    s.put(&u).await.unwrap();
    assert_eq!(s.get(Probe::KIND, r.meta.id).await.unwrap(), Some(u));
    assert!(
        list_all(
            s,
            ListQuery::by(Probe::KIND, "name", KeyRange::Exact("old".into()), 10)
        )
        .await
        .is_empty()
    );
    assert_eq!(
        names(
            &list_all(
                s,
                ListQuery::by(Probe::KIND, "name", KeyRange::Exact("new".into()), 10)
            )
            .await
        ),
        ["new"]
    );
    assert_eq!(
        list_all(s, ListQuery::recent(Probe::KIND, 10)).await.len(),
        1
    );
}

pub async fn recent_lists_newest_first<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    put_each(
        s,
        &[
            f.probe("b", &[], 20),
            f.probe("c", &[], 30),
            f.probe("a", &[], 10),
        ],
    )
    .await;
    assert_eq!(
        names(&list_all(s, ListQuery::recent(Probe::KIND, 10)).await),
        ["c", "b", "a"]
    );
}

pub async fn paging_walks_every_record_exactly_once<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let recs: Vec<_> = (0..25)
        .map(|i| f.probe(&format!("p{i:02}"), &[], 1_000 + i))
        .collect();
    s.put_all(&recs).await.unwrap();
    let mut q = ListQuery::recent(Probe::KIND, 7);
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let page = s.list(&q).await.unwrap();
        pages += 1;
        assert!(page.items.len() <= 7);
        seen.extend(names(&page.items));
        match page.next {
            Some(c) => q = q.after(Some(c)),
            None => break,
        }
    }
    let expected: Vec<_> = (0..25).rev().map(|i| format!("p{i:02}")).collect();
    assert_eq!(seen, expected);
    assert_eq!(pages, 4);
}

pub async fn equal_sort_times_still_page_exactly<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let recs: Vec<_> = (0..9)
        .map(|i| f.probe(&format!("same{i}"), &[], 5_000))
        .collect();
    s.put_all(&recs).await.unwrap();
    let first = s.list(&ListQuery::recent(Probe::KIND, 4)).await.unwrap();
    let second = s
        .list(&ListQuery::recent(Probe::KIND, 4).after(first.next.clone()))
        .await
        .unwrap();
    let third = s
        .list(&ListQuery::recent(Probe::KIND, 4).after(second.next.clone()))
        .await
        .unwrap();
    assert_eq!(third.next, None);
    let mut all: Vec<_> = [first.items, second.items, third.items]
        .concat()
        .iter()
        .map(|e| e.meta.id)
        .collect();
    assert_eq!(all.len(), 9);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 9, "a record appeared on two pages");
}

pub async fn exact_lists_only_that_value_newest_first<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    put_each(
        s,
        &[
            f.probe("x", &["red"], 1),
            f.probe("y", &["blue"], 2),
            f.probe("z", &["red"], 3),
        ],
    )
    .await;
    let got = list_all(
        s,
        ListQuery::by(Probe::KIND, "tag", KeyRange::Exact("red".into()), 10),
    )
    .await;
    assert_eq!(names(&got), ["z", "x"]);
    assert!(
        list_all(
            s,
            ListQuery::by(Probe::KIND, "tag", KeyRange::Exact("re".into()), 10)
        )
        .await
        .is_empty()
    );
}

pub async fn prefix_matches_values_that_start_with_it<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    put_each(
        s,
        &[
            f.probe("13800001111", &[], 1),
            f.probe("13900002222", &[], 2),
            f.probe("13811113333", &[], 3),
        ],
    )
    .await;
    let got = list_all(
        s,
        ListQuery::by(Probe::KIND, "name", KeyRange::Prefix("138".into()), 10),
    )
    .await;
    assert_eq!(names(&got), ["13811113333", "13800001111"]);
}

pub async fn between_includes_both_ends<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"];
    put_each(
        s,
        &days
            .iter()
            .enumerate()
            .map(|(i, d)| f.probe(d, &[], i as i64))
            .collect::<Vec<_>>(),
    )
    .await;
    let q = ListQuery::by(
        Probe::KIND,
        "name",
        KeyRange::Between("2026-11-02".into(), "2026-11-03".into()),
        10,
    );
    assert_eq!(names(&list_all(s, q).await), ["2026-11-03", "2026-11-02"]);
}

pub async fn chinese_values_are_indexed_and_found<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    put_each(
        s,
        &[
            f.probe("3栋1单元502", &[], 1),
            f.probe("3栋2单元101", &[], 2),
            f.probe("12栋1单元1", &[], 3),
        ],
    )
    .await;
    let got = list_all(
        s,
        ListQuery::by(Probe::KIND, "name", KeyRange::Prefix("3栋".into()), 10),
    )
    .await;
    assert_eq!(names(&got), ["3栋2单元101", "3栋1单元502"]);
}

pub async fn a_record_under_two_matching_values_appears_once<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    s.put(&f.probe("two phones", &["13800000001", "13800000002"], 1))
        .await
        .unwrap();
    let got = list_all(
        s,
        ListQuery::by(Probe::KIND, "tag", KeyRange::Prefix("138".into()), 10),
    )
    .await;
    assert_eq!(names(&got), ["two phones"]);
}

pub async fn kinds_do_not_mix<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let mut other = f.probe("other", &[], 1);
    other.meta.kind = "other".into();
    s.put(&other).await.unwrap();
    s.put(&f.probe("mine", &[], 2)).await.unwrap();
    assert_eq!(
        names(&list_all(s, ListQuery::recent(Probe::KIND, 10)).await),
        ["mine"]
    );
    assert_eq!(s.get(Probe::KIND, other.meta.id).await.unwrap(), None);
    assert!(s.get("other", other.meta.id).await.unwrap().is_some());
}

pub async fn delete_leaves_a_tombstone_that_is_not_listed<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let r = f.probe("gone", &["t"], 1);
    s.put(&r).await.unwrap();
    let tomb = s.delete(Probe::KIND, r.meta.id, f.stamp()).await.unwrap();
    assert!(tomb.meta.deleted && tomb.meta.version > r.meta.version);
    assert_eq!(
        s.get(Probe::KIND, r.meta.id).await.unwrap(),
        Some(tomb.clone())
    );
    assert!(
        list_all(s, ListQuery::recent(Probe::KIND, 10))
            .await
            .is_empty()
    );
    assert!(
        list_all(s, ListQuery::by(Probe::KIND, "tag", KeyRange::All, 10))
            .await
            .is_empty()
    );
    // Deleting again changes nothing.
    assert_eq!(
        s.delete(Probe::KIND, r.meta.id, f.stamp()).await.unwrap(),
        tomb
    );
}

async fn all_changes<S: RecordStore>(s: &S, after: Option<&str>, limit: u32) -> Vec<Envelope> {
    let mut out = Vec::new();
    let mut after = after.map(str::to_string);
    loop {
        let page = s.changes(after.as_deref(), limit).await.expect("changes");
        assert!(page.items.len() <= limit as usize);
        out.extend(page.items);
        match page.next {
            Some(n) => after = Some(n),
            None => return out,
        }
    }
}

pub async fn changes_walk_every_record_once_in_change_order_with_tombstones<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let recs: Vec<Envelope> = (0..7).map(|i| f.probe(&format!("p{i}"), &[], i)).collect();
    put_each(s, &recs).await;
    let edited = recs[1]
        .update(&recs[1].decode::<Probe>().unwrap(), f.stamp())
        .unwrap();
    s.put(&edited).await.unwrap();
    let tomb = s
        .delete(Probe::KIND, recs[2].meta.id, f.stamp())
        .await
        .unwrap();
    let all = all_changes(s, None, 3).await;
    assert_eq!(all.len(), 7, "one entry per record, its newest version");
    let keys: Vec<String> = all.iter().map(Envelope::change_key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "oldest change first");
    assert_eq!(all[5], edited);
    assert_eq!(all[6], tomb, "a tombstone is a change too");
    // After a mark: only what changed later.
    let mark = recs[6].change_key();
    assert_eq!(all_changes(s, Some(&mark), 2).await, vec![edited, tomb]);
}

pub async fn a_received_version_is_a_change_after_the_mark<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let old = f.probe("made long ago elsewhere", &[], 1);
    let mine = f.probe("mine", &[], 2);
    s.put(&mine).await.unwrap();
    let mark = mine.change_key();
    let mut relayed = old.clone();
    relayed.meta.received = Some(f.stamp().version);
    s.put(&relayed).await.unwrap();
    let after = all_changes(s, Some(&mark), 10).await;
    assert_eq!(after, vec![relayed]);
}

pub async fn delete_of_an_unknown_record_is_not_found<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let r = f.probe("never stored", &[], 1);
    let err = s
        .delete(Probe::KIND, r.meta.id, f.stamp())
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
}

pub async fn put_all_lands_every_record<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let recs: Vec<_> = (0..50).map(|i| f.probe(&format!("n{i}"), &[], i)).collect();
    s.put_all(&recs).await.unwrap();
    for r in &recs {
        assert_eq!(
            s.get(Probe::KIND, r.meta.id).await.unwrap().as_ref(),
            Some(r)
        );
    }
}

pub async fn put_all_with_an_invalid_record_lands_nothing<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let existing = f.probe("before", &[], 1);
    s.put(&existing).await.unwrap();
    let changed = existing
        .update(
            &Probe {
                name: "after".into(),
                tags: vec![],
                at_ms: 1,
            },
            f.stamp(),
        )
        .unwrap();
    let fresh = f.probe("fresh", &[], 2);
    let mut bad = f.probe("bad", &[], 3);
    bad.meta.updated_at = bad.meta.created_at - chrono::Duration::seconds(5);
    let err = s.put_all(&[changed, fresh.clone(), bad]).await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert_eq!(
        s.get(Probe::KIND, existing.meta.id).await.unwrap(),
        Some(existing)
    );
    assert_eq!(s.get(Probe::KIND, fresh.meta.id).await.unwrap(), None);
    assert_eq!(
        names(&list_all(s, ListQuery::recent(Probe::KIND, 10)).await),
        ["before"]
    );
}

pub async fn a_conditional_write_lands_only_on_what_was_expected<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let existing = f.probe("before", &[], 1);
    s.put(&existing).await.unwrap();
    let planned = existing
        .update(
            &Probe {
                name: "planned".into(),
                tags: vec![],
                at_ms: 1,
            },
            f.stamp(),
        )
        .unwrap();
    let fresh = f.probe("fresh", &[], 2);
    let expect = |e: &Envelope| {
        vec![
            (
                Probe::KIND.to_string(),
                existing.meta.id,
                Some(e.change_key()),
            ),
            (Probe::KIND.to_string(), fresh.meta.id, None),
        ]
    };
    // Someone else wrote the record after the plan was made: nothing lands.
    let meanwhile = existing
        .update(
            &Probe {
                name: "meanwhile".into(),
                tags: vec![],
                at_ms: 1,
            },
            f.stamp(),
        )
        .unwrap();
    s.put(&meanwhile).await.unwrap();
    let err = s
        .put_all_if(&[planned.clone(), fresh.clone()], &expect(&existing))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Changed { id, .. } if *id == existing.meta.id),
        "{err:?}"
    );
    assert_eq!(s.get(Probe::KIND, fresh.meta.id).await.unwrap(), None);
    assert_eq!(
        s.get(Probe::KIND, existing.meta.id).await.unwrap(),
        Some(meanwhile.clone())
    );
    // Planned again from what is stored now: it lands whole.
    let replanned = meanwhile
        .update(
            &Probe {
                name: "planned".into(),
                tags: vec![],
                at_ms: 1,
            },
            f.stamp(),
        )
        .unwrap();
    s.put_all_if(&[replanned.clone(), fresh.clone()], &expect(&meanwhile))
        .await
        .unwrap();
    assert_eq!(
        s.get(Probe::KIND, existing.meta.id).await.unwrap(),
        Some(replanned)
    );
    assert_eq!(
        s.get(Probe::KIND, fresh.meta.id).await.unwrap(),
        Some(fresh)
    );
}

pub async fn an_invalid_record_is_refused<S: RecordStore>(s: &S) {
    let f = Fixture::default();
    let mut r = f.probe("no kind", &[], 1);
    r.meta.kind = String::new();
    assert!(matches!(s.put(&r).await, Err(StoreError::Invalid(_))));
    let mut t = f.probe("indexed tombstone", &[], 1);
    t.meta.deleted = true;
    assert!(matches!(s.put(&t).await, Err(StoreError::Invalid(_))));
    assert!(
        list_all(s, ListQuery::recent(Probe::KIND, 10))
            .await
            .is_empty()
    );
}

/// Ids of a page, for tests that compare sets.
pub fn ids(items: &[Envelope]) -> HashSet<RecordId> {
    items.iter().map(|e| e.meta.id).collect()
}
