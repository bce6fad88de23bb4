//! The one storage trait for records, its in-memory implementation, and the conformance suite
//! every implementation must pass.
//!
//! Ordering contract (both implementations, tested by [`conformance`]): an index key is
//! `(kind, index name, value, sort, id)`; a listing walks the keys in the query's range from the
//! largest down, so within one value the newest record comes first, and across values the
//! largest value comes first. Tombstones have no index entries and are never listed.

#[cfg(any(test, feature = "conformance"))]
pub mod conformance;
pub mod memory;

use crate::lang::{Lang, Localized};
use crate::record::{Envelope, Record, RecordError, RecordId, Stamp};
use serde::{Deserialize, Serialize};

/// Which index values a listing covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyRange {
    /// Every entry of the index.
    All,
    /// Entries whose value equals this.
    Exact(String),
    /// Entries whose value starts with this.
    Prefix(String),
    /// Entries whose value lies between the two, both included.
    Between(String, String),
}

/// A position in an index, exclusive: the next page starts after it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PageCursor {
    pub kind: String,
    pub index: String,
    pub value: String,
    pub sort: i64,
    pub id: RecordId,
}

/// A listing of one record kind by one index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListQuery {
    pub kind: String,
    pub index: String,
    pub range: KeyRange,
    /// At most this many records (at least 1 is asked for).
    pub limit: u32,
    /// Continue after this position (from [`Page::next`]).
    pub after: Option<PageCursor>,
}

impl ListQuery {
    /// The newest records of a kind, `limit` at a time.
    pub fn recent(kind: &str, limit: u32) -> Self {
        Self::by(kind, crate::record::RECENT_INDEX, KeyRange::All, limit)
    }

    pub fn by(kind: &str, index: &str, range: KeyRange, limit: u32) -> Self {
        Self {
            kind: kind.into(),
            index: index.into(),
            range,
            limit,
            after: None,
        }
    }

    /// The same query, continuing after a page.
    pub fn after(mut self, cursor: Option<PageCursor>) -> Self {
        self.after = cursor;
        self
    }

    /// Whether an index entry's value falls in this query's range.
    pub fn covers(&self, value: &str) -> bool {
        match &self.range {
            KeyRange::All => true,
            KeyRange::Exact(v) => value == v,
            KeyRange::Prefix(p) => value.starts_with(p.as_str()),
            KeyRange::Between(lo, hi) => lo.as_str() <= value && value <= hi.as_str(),
        }
    }
}

/// One page of a listing.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub items: Vec<Envelope>,
    /// Where the next page starts; `None` when this was the last.
    pub next: Option<PageCursor>,
}

/// A page of the change log: records in [`Envelope::change_key`] order, tombstones included.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangePage {
    pub items: Vec<Envelope>,
    /// The change key to continue after; `None` when this was the last page.
    pub next: Option<String>,
}

/// Why the store could not do what was asked. Every variant has a message a clerk can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("storage quota exceeded")]
    QuotaExceeded,
    #[error("database upgrade blocked by another open tab")]
    Blocked,
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    #[error("record {kind}/{id} not found")]
    NotFound { kind: String, id: RecordId },
    #[error("invalid record: {0}")]
    Invalid(#[from] RecordError),
    #[error("stored data unreadable: {0}")]
    Corrupt(String),
    #[error("storage failed: {0}")]
    Failed(String),
    #[error("not allowed: {0:?}")]
    Forbidden(crate::actor::Action),
    #[error("nobody is signed in")]
    NoActor,
    #[error("record {kind}/{id} has versions in conflict")]
    InConflict { kind: String, id: RecordId },
    #[error("record {kind}/{id} changed since the plan was made")]
    Changed { kind: String, id: RecordId },
    #[error("staff changes need the PIN of the supervisor on duty")]
    PinNeeded,
}

/// What a conditional write expects of one stored record: its kind, id and change key
/// ([`Envelope::change_key`]), `None` for "not stored".
pub type Expected = (String, RecordId, Option<String>);

impl Localized for StoreError {
    fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::QuotaExceeded => lang
                .pick(
                    "本机存储空间已满,本次内容没有保存。请导出数据并清理旧照片后再试。",
                    "This tablet's storage is full; nothing was saved. Export the data and clear old photos, then try again.",
                )
                .into(),
            StoreError::Blocked => lang
                .pick(
                    "另一个 LobbyDesk 标签页还开着旧版本,请关闭其他标签页后刷新。",
                    "Another LobbyDesk tab is still open on an older version; close the other tabs and reload.",
                )
                .into(),
            StoreError::Unavailable(_) => lang
                .pick(
                    "无法打开本机数据库:浏览器可能处于无痕模式或禁止了网站存储。请用普通模式打开并允许存储。",
                    "The on-device database cannot be opened: the browser may be in private mode or blocking site storage. Open it in a normal window and allow storage.",
                )
                .into(),
            StoreError::NotFound { .. } => lang
                .pick("找不到这条记录,可能已被删除。", "That record was not found; it may have been deleted.")
                .into(),
            StoreError::Invalid(e) => e.message(lang),
            StoreError::Corrupt(d) => match lang {
                Lang::Zh => format!("本机数据有损坏,无法读取({d})。请联系主管从最近的导出文件恢复。"),
                Lang::En => format!("Stored data is damaged and cannot be read ({d}). Ask a supervisor to restore from the latest export."),
            },
            StoreError::Forbidden(a) => a.refusal(lang),
            StoreError::NoActor => lang
                .pick("请先选择值班人员并输入 PIN。", "Sign in first: choose the person on duty and enter the PIN.")
                .into(),
            StoreError::InConflict { .. } => lang
                .pick(
                    "这条记录在同步时与另一台设备的修改冲突,请主管先在“数据交换”页处理冲突,再修改。",
                    "This record has a sync conflict with another tablet's change; a supervisor must resolve it on the Data exchange page before it can be changed.",
                )
                .into(),
            StoreError::PinNeeded => lang
                .pick(
                    "文件里有人员变动(新增人员、身份或 PIN 的修改):需要值班主管输入自己的 PIN 确认后才能导入。",
                    "The file changes staff (new people, roles or PINs): the supervisor on duty must confirm with their own PIN before it is imported.",
                )
                .into(),
            StoreError::Changed { .. } => lang
                .pick(
                    "预览之后本机数据有了改动,导入没有写入。请重新预览后再导入。",
                    "This tablet's data changed after the preview; nothing was imported. Preview again, then import.",
                )
                .into(),
            StoreError::Failed(d) => match lang {
                Lang::Zh => format!("保存失败,内容没有写入({d})。请重试。"),
                Lang::En => format!("Saving failed and nothing was written ({d}). Please try again."),
            },
        }
    }
}

/// The records of `kind` that any of a search plan's index scans finds (each scan reads at most
/// `limit`), once each and decoded as `R`: the one search every module's search box uses. A
/// plan is the module's own (`search_plan`): which index and key range each reading of the
/// typed text calls for. Never a full scan.
pub async fn search<S: RecordStore, R: Record>(
    store: &S,
    plan: Vec<(&'static str, KeyRange)>,
    limit: u32,
) -> Result<Vec<(Envelope, R)>, StoreError> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (index, range) in plan {
        for e in store
            .list(&ListQuery::by(R::KIND, index, range, limit))
            .await?
            .items
        {
            if seen.insert(e.meta.id) {
                if let Ok(r) = e.decode::<R>() {
                    out.push((e, r));
                }
            }
        }
    }
    Ok(out)
}

/// Every record of a listing decoded as `R`, page after page (records that do not decode are
/// left out).
pub async fn list_all_as<S: RecordStore, R: Record>(
    store: &S,
    q: ListQuery,
) -> Result<Vec<(Envelope, R)>, StoreError> {
    Ok(list_all(store, q)
        .await?
        .into_iter()
        .filter_map(|e| e.decode::<R>().ok().map(|r| (e, r)))
        .collect())
}

/// Every record of a listing, page after page (for short lists and whole-kind passes).
pub async fn list_all<S: RecordStore>(
    store: &S,
    mut q: ListQuery,
) -> Result<Vec<Envelope>, StoreError> {
    let mut out = Vec::new();
    loop {
        let page = store.list(&q).await?;
        out.extend(page.items);
        match page.next {
            Some(c) => q = q.after(Some(c)),
            None => return Ok(out),
        }
    }
}

/// Storage of records. Implementations: [`memory::MemoryStore`] here, and IndexedDB in the app.
///
/// Futures are not `Send` (IndexedDB's are not), so this trait is for single-threaded executors.
#[allow(async_fn_in_trait)]
pub trait RecordStore {
    /// Writes one record, replacing any stored version with the same kind and id.
    async fn put(&self, rec: &Envelope) -> Result<(), StoreError>;

    /// Writes several records in one transaction: all land, or none does.
    async fn put_all(&self, recs: &[Envelope]) -> Result<(), StoreError>;

    /// [`RecordStore::put_all`], only if every record in `expected` is still stored as expected
    /// (same change key, or still absent): otherwise nothing is written and the first record
    /// that changed is named ([`StoreError::Changed`]). For writes planned from an earlier read
    /// (an import previewed, then applied). Stores whose reads and writes can share one
    /// transaction (IndexedDB) override this so that nothing can come between them; the default
    /// reads, then writes, and is exact for stores whose calls complete at once (memory).
    async fn put_all_if(&self, recs: &[Envelope], expected: &[Expected]) -> Result<(), StoreError> {
        let keys: Vec<(String, RecordId)> =
            expected.iter().map(|(k, id, _)| (k.clone(), *id)).collect();
        let now = self.get_many(&keys).await?;
        for ((kind, id, want), have) in expected.iter().zip(now) {
            if have.map(|e| e.change_key()) != *want {
                return Err(StoreError::Changed {
                    kind: kind.clone(),
                    id: *id,
                });
            }
        }
        self.put_all(recs).await
    }

    /// One record by kind and id, tombstones included.
    async fn get(&self, kind: &str, id: RecordId) -> Result<Option<Envelope>, StoreError>;

    /// Several records at once, in the order asked (`None` where absent). Stores that can read
    /// many keys in one transaction override this.
    async fn get_many(
        &self,
        keys: &[(String, RecordId)],
    ) -> Result<Vec<Option<Envelope>>, StoreError> {
        let mut out = Vec::with_capacity(keys.len());
        for (kind, id) in keys {
            out.push(self.get(kind, *id).await?);
        }
        Ok(out)
    }

    /// A page of live records by an index (see the module docs for the order).
    async fn list(&self, q: &ListQuery) -> Result<Page, StoreError>;

    /// Every record, tombstones included, whose change key ([`Envelope::change_key`]) is after
    /// `after` (all records when `None`), oldest change first, at most `limit`: what an export of
    /// "what changed since" walks.
    async fn changes(&self, after: Option<&str>, limit: u32) -> Result<ChangePage, StoreError>;

    /// Deletes a record by writing its tombstone (read and write in one transaction).
    /// Returns the tombstone; deleting a tombstone again changes nothing.
    async fn delete(&self, kind: &str, id: RecordId, at: Stamp) -> Result<Envelope, StoreError>;
}
