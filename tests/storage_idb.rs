//! The storage conformance suite on real IndexedDB, in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test storage_idb`), plus what only IndexedDB has:
//! migrations and reopening.
#![cfg(target_arch = "wasm32")]

use lobbydesk::storage::{IdbStore, migrations};
use lobbydesk_core::store::conformance::Fixture;
use lobbydesk_core::store::{ListQuery, RecordStore};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_name() -> String {
    format!("conformance-{}", js_sys::Math::random())
}

async fn fresh() -> IdbStore {
    IdbStore::open(&fresh_name(), || {})
        .await
        .expect("a fresh database opens")
}

lobbydesk_core::store_conformance_tests!(wasm_bindgen_test, fresh().await);

#[wasm_bindgen_test]
async fn records_survive_closing_and_reopening_the_database() {
    let name = fresh_name();
    let f = Fixture::default();
    let rec = f.probe("持久", &[], 1);
    {
        let s = IdbStore::open(&name, || {}).await.unwrap();
        s.put(&rec).await.unwrap();
    }
    let s = IdbStore::open(&name, || {}).await.unwrap();
    assert_eq!(s.get("probe", rec.meta.id).await.unwrap(), Some(rec));
    assert_eq!(
        s.list(&ListQuery::recent("probe", 5))
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_database_opens_at_the_latest_migration() {
    let name = fresh_name();
    let s = IdbStore::open(&name, || {}).await.unwrap();
    assert_eq!(s.schema_version(), migrations::latest());
    assert!(migrations::latest() >= 1);
}

#[wasm_bindgen_test]
async fn a_kind_that_grew_is_read_in_its_new_shape_after_reopening() {
    use lobbydesk_core::layout::upgrade_stale;
    use lobbydesk_core::permit::Action;
    use lobbydesk_core::spec::KindSpec;
    use lobbydesk_core::store::KeyRange;
    use lobbydesk_core::store::conformance::grown::{NoteV1, NoteV2};
    use lobbydesk_core::{Envelope, RecordId};
    let name = fresh_name();
    let f = Fixture::default();
    let v1 = KindSpec::of::<NoteV1>("notes", Action::CHANGE_SETTINGS);
    let v2 = KindSpec::of::<NoteV2>("notes", Action::CHANGE_SETTINGS);
    let old = Envelope::create(
        &NoteV1 {
            text: "水管漏水\n3-1-502".into(),
        },
        RecordId(uuid::Uuid::from_u128(7)),
        f.stamp(),
    )
    .unwrap();
    {
        let s = IdbStore::open(&name, || {}).await.unwrap();
        assert_eq!(
            upgrade_stale(&s, [&v1], &lobbydesk_core::layout::nothing_moved, || f
                .stamp())
            .await,
            Ok(0)
        );
        s.put(&old).await.unwrap();
    }
    let s = IdbStore::open(&name, || {}).await.unwrap();
    assert_eq!(
        upgrade_stale(&s, [&v2], &lobbydesk_core::layout::nothing_moved, || f
            .stamp())
        .await,
        Ok(1)
    );
    let by_title = s
        .list(&ListQuery::by(
            "note",
            "title",
            KeyRange::Exact("水管漏水".into()),
            5,
        ))
        .await
        .unwrap();
    assert_eq!(by_title.items.len(), 1);
    let note: NoteV2 = by_title.items[0].decode().unwrap();
    assert_eq!(note.title, "水管漏水");
    assert_eq!(by_title.items[0].meta.version, old.meta.version);
    drop(s);
    let s = IdbStore::open(&name, || {}).await.unwrap();
    assert_eq!(
        upgrade_stale(&s, [&v2], &lobbydesk_core::layout::nothing_moved, || f
            .stamp())
        .await,
        Ok(0)
    );
    drop(s);
    IdbStore::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_write_with_one_refused_row_lands_nothing() {
    use lobbydesk::storage::idb::stored_json;
    let s = fresh().await;
    let f = Fixture::default();
    let good = f.probe("先写的一行", &[], 1);
    // The second row has no key: the browser refuses it after the first was queued.
    let rows = format!("[{},{{\"doc\":\"x\"}}]", stored_json(&good).unwrap());
    assert!(s.put_raw_rows(&rows).await.is_err());
    assert_eq!(s.get("probe", good.meta.id).await.unwrap(), None);
    // The store is still usable afterwards.
    s.put_all(std::slice::from_ref(&good)).await.unwrap();
    assert!(s.get("probe", good.meta.id).await.unwrap().is_some());
}
