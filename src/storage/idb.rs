//! [`RecordStore`] on IndexedDB: opening and migrations through `indexed_db_futures`, the
//! record traffic through the one-call bridges in [`super::bulk`].
//!
//! Every write runs in one readwrite transaction with strict durability and is committed
//! explicitly; a failure anywhere aborts the transaction, so nothing is half-written.
//! Listings walk the multi-entry `ix` index backwards with a cursor and stop after one page,
//! so a list never loads the whole store.

use super::bulk;
use super::errors::{from_idb, from_js, from_open};
use super::migrations::{self, BY_VERSION, IX, STORE};
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{
    Transaction, TransactionDurability, TransactionMode, TransactionOptions,
};
use js_sys::{Array, Object, Reflect};
use lobbydesk_core::store::{
    ChangePage, KeyRange, ListQuery, Page, PageCursor, RecordStore, StoreError,
};
use lobbydesk_core::{Envelope, RecordId, Stamp};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The app's record store on IndexedDB.
pub struct IdbStore {
    db: Database,
    /// Set when another tab upgrades the schema: this connection closed itself.
    closed: Rc<Cell<bool>>,
}

impl IdbStore {
    /// Opens (creating or migrating) the database `name`. While another tab holds an older
    /// version open, `on_blocked` is called so the start screen can say so.
    pub async fn open(name: &str, on_blocked: impl Fn() + 'static) -> Result<Self, StoreError> {
        let db = Database::open(name)
            .with_version(migrations::latest())
            .with_on_blocked(move |_| {
                on_blocked();
                Ok(())
            })
            .with_on_upgrade_needed(|event, db| migrations::run(&db, event.old_version() as u32))
            .await
            .map_err(from_open)?;
        let closed = Rc::new(Cell::new(false));
        // Let a newer tab upgrade: close this connection instead of blocking it.
        let flag = closed.clone();
        let sys: web_sys::IdbDatabase = db.as_sys().clone().unchecked_into();
        let sys2 = sys.clone();
        let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            sys2.close();
        });
        sys.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        Ok(Self { db, closed })
    }

    /// Deletes the database `name` (tests use a fresh database each).
    pub async fn delete_database(name: &str) -> Result<(), StoreError> {
        Database::delete_by_name(name)
            .map_err(from_open)?
            .await
            .map_err(from_idb)
    }

    /// The schema version the open database is at.
    pub fn schema_version(&self) -> u32 {
        self.db.version() as u32
    }

    fn check_open(&self) -> Result<(), StoreError> {
        if self.closed.get() {
            Err(StoreError::Blocked)
        } else {
            Ok(())
        }
    }

    /// The browser's database object, for the bulk calls.
    fn sys(&self) -> JsValue {
        self.db.as_sys().clone().into()
    }

    fn write_tx(&self) -> Result<Transaction<'_>, StoreError> {
        self.check_open()?;
        self.db
            .transaction(STORE)
            .with_mode(TransactionMode::Readwrite)
            .with_options(TransactionOptions::new().with_durability(TransactionDurability::Strict))
            .build()
            .map_err(from_idb)
    }
}

fn set(obj: &Object, key: &str, value: &JsValue) -> Result<(), StoreError> {
    Reflect::set(obj, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(from_js)
}

fn primary_key(kind: &str, id: RecordId) -> JsValue {
    Array::of2(
        &JsValue::from_str(kind),
        &JsValue::from_str(&id.to_string()),
    )
    .into()
}

fn index_key(
    kind: &str,
    name: &str,
    value: &str,
    sort: Option<i64>,
    id: Option<RecordId>,
) -> JsValue {
    let a = Array::new();
    a.push(&JsValue::from_str(kind));
    a.push(&JsValue::from_str(name));
    a.push(&JsValue::from_str(value));
    if let Some(s) = sort {
        a.push(&JsValue::from_f64(s as f64));
    }
    if let Some(id) = id {
        a.push(&JsValue::from_str(&id.to_string()));
    }
    a.into()
}

/// An array key sorts after every string and number key: `[.., value, []]` is an upper bound
/// for every entry with that value.
fn after_all(kind: &str, name: &str, value: &str) -> JsValue {
    let a: Array = index_key(kind, name, value, None, None).unchecked_into();
    a.push(&Array::new());
    a.into()
}

/// Every record checked, then their stored rows as one JSON array: one bad record, nothing
/// lands.
fn rows_json(recs: &[Envelope]) -> Result<String, StoreError> {
    let mut rows = String::with_capacity(recs.len() * 1024);
    rows.push('[');
    for (i, rec) in recs.iter().enumerate() {
        if i > 0 {
            rows.push(',');
        }
        rows.push_str(&stored_json(rec)?);
    }
    rows.push(']');
    Ok(rows)
}

/// The value stored for a record (see migration 1 for its shape).
fn to_stored(rec: &Envelope) -> Result<JsValue, StoreError> {
    rec.check()?;
    let m = &rec.meta;
    let doc = serde_json::to_string(rec).map_err(|e| StoreError::Failed(e.to_string()))?;
    let ix = Array::new();
    for e in &rec.index {
        ix.push(&index_key(
            &m.kind,
            &e.name,
            &e.value,
            Some(e.sort),
            Some(m.id),
        ));
    }
    let obj = Object::new();
    set(&obj, "k", &JsValue::from_str(&m.kind))?;
    set(&obj, "id", &JsValue::from_str(&m.id.to_string()))?;
    set(&obj, "v", &JsValue::from_str(&rec.change_key()))?;
    set(&obj, "ix", &ix)?;
    set(&obj, "doc", &JsValue::from_str(&doc))?;
    Ok(obj.into())
}

/// A whole-store export assembled without bringing the documents into wasm: the stored
/// document text is already the exported form (see `IdbStore::export_text`).
pub struct ExportText {
    /// The file's text, a JS string.
    pub file: JsValue,
    pub records: usize,
    /// The change key of the last change it covers.
    pub mark: Option<String>,
}

impl IdbStore {
    /// Everything changed after `after` (everything when `None`) as an export file's text, for
    /// the plain "everything" and "since" exports: the documents are joined and hashed in the
    /// browser (WebCrypto SHA-256); only the losing versions of open conflicts are read in Rust,
    /// to travel along. `head(record_count)` gives the file's header with an empty checksum.
    /// Writes stored rows (the JSON array of [`stored_json`] values) as they are, in one
    /// transaction: all or nothing. `put_all` goes through here; tests use it to inject a row
    /// the browser refuses.
    pub async fn put_raw_rows(&self, rows_json: &str) -> Result<(), StoreError> {
        self.check_open()?;
        let promise = bulk::ld_put_rows(&self.sys(), STORE, rows_json).map_err(from_js)?;
        JsFuture::from(promise).await.map_err(from_js)?;
        Ok(())
    }

    pub async fn export_text(
        &self,
        after: Option<&str>,
        head: impl Fn(usize) -> String,
    ) -> Result<ExportText, StoreError> {
        self.check_open()?;
        let promise = bulk::ld_export_records(
            &self.sys(),
            STORE,
            migrations::BY_VERSION,
            after.map(str::to_string),
            // A plain file: never the kinds that travel sealed only (staff, with PIN hashes).
            lobbydesk_core::sync::exported_kinds(false)
                .into_iter()
                .map(str::to_string)
                .collect(),
        )
        .map_err(from_js)?;
        let got = JsFuture::from(promise).await.map_err(from_js)?;
        let field = |k: &str| Reflect::get(&got, &JsValue::from_str(k)).map_err(from_js);
        let docs = field("docs")?;
        let n = docs.unchecked_ref::<Array>().length() as usize;
        let mark = field("mark")?.as_string();
        // Every open conflict's losing versions go along (as `sync::select` sends them).
        let sets = lobbydesk_core::store::list_all(
            self,
            ListQuery::by(
                lobbydesk_core::sync::CONFLICT_KIND,
                "open",
                KeyRange::All,
                500,
            ),
        )
        .await?;
        let mut extra = Vec::new();
        for set in &sets {
            if let Ok(c) = set.decode::<lobbydesk_core::sync::ConflictSet>() {
                for mut l in lobbydesk_core::sync::for_plain_file(c.losers) {
                    l.meta.received = None;
                    extra.push(
                        serde_json::to_string(&l).map_err(|e| StoreError::Failed(e.to_string()))?,
                    );
                }
            }
        }
        let records = n + extra.len();
        let promise =
            bulk::ld_seal_export(&docs, &extra.join(","), &head(records)).map_err(from_js)?;
        let file = JsFuture::from(promise).await.map_err(from_js)?;
        Ok(ExportText {
            file,
            records,
            mark,
        })
    }
}

/// The stored value as JSON, the same shape as [`to_stored`] (for bulk writes).
pub fn stored_json(rec: &Envelope) -> Result<String, StoreError> {
    rec.check()?;
    let m = &rec.meta;
    let id = m.id.to_string();
    let ix: Vec<(&str, &str, &str, i64, &str)> = rec
        .index
        .iter()
        .map(|e| {
            (
                m.kind.as_str(),
                e.name.as_str(),
                e.value.as_str(),
                e.sort,
                id.as_str(),
            )
        })
        .collect();
    let doc = serde_json::to_string(rec).map_err(|e| StoreError::Failed(e.to_string()))?;
    serde_json::to_string(&serde_json::json!({
        "k": m.kind,
        "id": id,
        "v": rec.change_key(),
        "ix": ix,
        "doc": doc,
    }))
    .map_err(|e| StoreError::Failed(e.to_string()))
}

fn from_stored(v: &JsValue) -> Result<Envelope, StoreError> {
    let doc = Reflect::get(v, &JsValue::from_str("doc"))
        .ok()
        .and_then(|d| d.as_string())
        .ok_or_else(|| StoreError::Corrupt("stored value has no document".into()))?;
    serde_json::from_str(&doc).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn cursor_to_key(c: &PageCursor) -> JsValue {
    index_key(&c.kind, &c.index, &c.value, Some(c.sort), Some(c.id))
}

/// The IndexedDB key range of a query: `(lower, upper, upper_open)`.
fn bounds(q: &ListQuery) -> (JsValue, JsValue, bool) {
    let (k, n) = (q.kind.as_str(), q.index.as_str());
    let (lower, upper) = match &q.range {
        KeyRange::All => (index_key(k, n, "", None, None), after_all(k, n, "\u{ffff}")),
        KeyRange::Exact(v) => (index_key(k, n, v, None, None), after_all(k, n, v)),
        KeyRange::Prefix(p) => (
            index_key(k, n, p, None, None),
            index_key(k, n, &format!("{p}\u{ffff}"), None, None),
        ),
        KeyRange::Between(lo, hi) => (index_key(k, n, lo, None, None), after_all(k, n, hi)),
    };
    match &q.after {
        Some(c) => {
            let key = cursor_to_key(c);
            // Continue below the last key shown, unless that lies above the range anyway.
            let cmp = web_sys::window()
                .and_then(|w| w.indexed_db().ok().flatten())
                .and_then(|f| f.cmp(&key, &upper).ok())
                .unwrap_or(-1);
            if cmp < 0 {
                (lower, key, true)
            } else {
                (lower, upper, false)
            }
        }
        None => (lower, upper, false),
    }
}

impl RecordStore for IdbStore {
    async fn put(&self, rec: &Envelope) -> Result<(), StoreError> {
        self.put_all(std::slice::from_ref(rec)).await
    }

    async fn put_all(&self, recs: &[Envelope]) -> Result<(), StoreError> {
        self.check_open()?;
        if recs.is_empty() {
            return Ok(());
        }
        self.put_raw_rows(&rows_json(recs)?).await
    }

    async fn put_all_if(
        &self,
        recs: &[Envelope],
        expected: &[lobbydesk_core::store::Expected],
    ) -> Result<(), StoreError> {
        self.check_open()?;
        let expect: Vec<(&str, String, Option<&str>)> = expected
            .iter()
            .map(|(k, id, v)| (k.as_str(), id.to_string(), v.as_deref()))
            .collect();
        let expect =
            serde_json::to_string(&expect).map_err(|e| StoreError::Failed(e.to_string()))?;
        let promise = bulk::ld_put_rows_if(&self.sys(), STORE, &rows_json(recs)?, &expect)
            .map_err(from_js)?;
        match JsFuture::from(promise).await {
            Ok(_) => Ok(()),
            Err(e) => {
                let changed = Reflect::get(&e, &JsValue::from_str("ldChanged"))
                    .ok()
                    .filter(|c| c.is_object())
                    .map(|c| c.unchecked_into::<Array>());
                match changed {
                    Some(c) => Err(StoreError::Changed {
                        kind: c.get(0).as_string().unwrap_or_default(),
                        id: c
                            .get(1)
                            .as_string()
                            .and_then(|s| s.parse().ok())
                            .map(RecordId)
                            .unwrap_or(RecordId(uuid::Uuid::nil())),
                    }),
                    None => Err(from_js(e)),
                }
            }
        }
    }

    async fn get(&self, kind: &str, id: RecordId) -> Result<Option<Envelope>, StoreError> {
        Ok(self
            .get_many(&[(kind.to_string(), id)])
            .await?
            .pop()
            .flatten())
    }

    async fn get_many(
        &self,
        keys: &[(String, RecordId)],
    ) -> Result<Vec<Option<Envelope>>, StoreError> {
        self.check_open()?;
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let keys_json = serde_json::to_string(
            &keys
                .iter()
                .map(|(k, id)| (k.as_str(), id.to_string()))
                .collect::<Vec<_>>(),
        )
        .map_err(|e| StoreError::Failed(e.to_string()))?;
        let promise = bulk::ld_get_many(&self.sys(), STORE, &keys_json).map_err(from_js)?;
        let text = JsFuture::from(promise)
            .await
            .map_err(from_js)?
            .as_string()
            .ok_or_else(|| StoreError::Corrupt("bulk read returned no text".into()))?;
        serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    async fn list(&self, q: &ListQuery) -> Result<Page, StoreError> {
        self.check_open()?;
        let limit = q.limit.max(1);
        let (lower, upper, upper_open) = bounds(q);
        let (mode, a, b) = match &q.range {
            KeyRange::All => (0, "", ""),
            KeyRange::Exact(v) => (1, v.as_str(), ""),
            KeyRange::Prefix(p) => (2, p.as_str(), ""),
            KeyRange::Between(lo, hi) => (3, lo.as_str(), hi.as_str()),
        };
        // The cursor walks inside the browser; one crossing per page, not per record.
        let promise = bulk::ld_list(
            &self.sys(),
            STORE,
            IX,
            &lower,
            &upper,
            upper_open,
            mode,
            a,
            b,
            limit,
        )
        .map_err(from_js)?;
        let text = JsFuture::from(promise)
            .await
            .map_err(from_js)?
            .as_string()
            .ok_or_else(|| StoreError::Corrupt("listing returned no text".into()))?;
        #[derive(serde::Deserialize)]
        struct Got {
            next: Option<(String, String, String, f64, String)>,
            items: Vec<Envelope>,
        }
        let got: Got =
            serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let next = match got.next {
            Some((kind, index, value, sort, id)) => Some(PageCursor {
                kind,
                index,
                value,
                sort: sort as i64,
                id: id
                    .parse()
                    .map_err(|_| StoreError::Corrupt("index id".into()))?,
            }),
            None => None,
        };
        Ok(Page {
            items: got.items,
            next,
        })
    }

    async fn changes(&self, after: Option<&str>, limit: u32) -> Result<ChangePage, StoreError> {
        self.check_open()?;
        #[derive(serde::Deserialize)]
        struct Got {
            next: Option<String>,
            items: Vec<Envelope>,
        }
        let promise = bulk::ld_changes(
            &self.sys(),
            STORE,
            BY_VERSION,
            after.map(str::to_string),
            limit.max(1),
        )
        .map_err(from_js)?;
        let text = JsFuture::from(promise)
            .await
            .map_err(from_js)?
            .as_string()
            .ok_or_else(|| StoreError::Corrupt("bulk read returned no text".into()))?;
        let got: Got =
            serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        Ok(ChangePage {
            items: got.items,
            next: got.next,
        })
    }

    async fn delete(&self, kind: &str, id: RecordId, at: Stamp) -> Result<Envelope, StoreError> {
        let tx = self.write_tx()?;
        let store = tx.object_store(STORE).map_err(from_idb)?;
        let v: Option<JsValue> = store
            .get(primary_key(kind, id))
            .primitive()
            .map_err(from_idb)?
            .await
            .map_err(from_idb)?;
        let current = match v.filter(|v| !v.is_undefined() && !v.is_null()) {
            Some(v) => from_stored(&v)?,
            None => {
                return Err(StoreError::NotFound {
                    kind: kind.into(),
                    id,
                });
            }
        };
        if current.meta.deleted {
            return Ok(current);
        }
        let tomb = current.tombstone(at);
        store.put(to_stored(&tomb)?).primitive().map_err(from_idb)?;
        tx.commit().await.map_err(from_idb)?;
        Ok(tomb)
    }
}
