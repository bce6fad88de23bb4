//! In-memory [`RecordStore`]: the reference implementation the conformance suite is written
//! against, and the store the core's own tests use.

use super::{ChangePage, KeyRange, ListQuery, Page, PageCursor, RecordStore, StoreError};
use crate::record::{Envelope, RecordId, Stamp};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use uuid::Uuid;

#[derive(Default, Debug)]
struct Inner {
    records: BTreeMap<(String, RecordId), Envelope>,
    index: BTreeSet<PageCursor>,
    /// Change key → record key, the order [`RecordStore::changes`] walks.
    changes: BTreeMap<String, (String, RecordId)>,
}

/// Records in a `BTreeMap`, index keys in a `BTreeSet`, in the same order IndexedDB keeps them.
#[derive(Default, Debug)]
pub struct MemoryStore {
    inner: RefCell<Inner>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many records (tombstones included) are stored.
    pub fn len(&self) -> usize {
        self.inner.borrow().records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn index_keys(rec: &Envelope) -> impl Iterator<Item = PageCursor> + '_ {
    rec.index.iter().map(move |e| PageCursor {
        kind: rec.meta.kind.clone(),
        index: e.name.clone(),
        value: e.value.clone(),
        sort: e.sort,
        id: rec.meta.id,
    })
}

impl Inner {
    fn write(&mut self, rec: &Envelope) {
        let key = (rec.meta.kind.clone(), rec.meta.id);
        if let Some(old) = self.records.get(&key) {
            for k in index_keys(old) {
                self.index.remove(&k);
            }
            self.changes.remove(&old.change_key());
        }
        self.index.extend(index_keys(rec));
        self.changes.insert(rec.change_key(), key.clone());
        self.records.insert(key, rec.clone());
    }
}

fn bound(kind: &str, index: &str, value: &str) -> PageCursor {
    PageCursor {
        kind: kind.into(),
        index: index.into(),
        value: value.into(),
        sort: i64::MIN,
        id: RecordId(Uuid::nil()),
    }
}

impl RecordStore for MemoryStore {
    async fn put(&self, rec: &Envelope) -> Result<(), StoreError> {
        rec.check()?;
        self.inner.borrow_mut().write(rec);
        Ok(())
    }

    async fn put_all(&self, recs: &[Envelope]) -> Result<(), StoreError> {
        for r in recs {
            r.check()?;
        }
        let mut inner = self.inner.borrow_mut();
        for r in recs {
            inner.write(r);
        }
        Ok(())
    }

    async fn get(&self, kind: &str, id: RecordId) -> Result<Option<Envelope>, StoreError> {
        Ok(self
            .inner
            .borrow()
            .records
            .get(&(kind.to_string(), id))
            .cloned())
    }

    async fn list(&self, q: &ListQuery) -> Result<Page, StoreError> {
        let inner = self.inner.borrow();
        let lower = match &q.range {
            KeyRange::All => bound(&q.kind, &q.index, ""),
            KeyRange::Exact(v) | KeyRange::Prefix(v) | KeyRange::Between(v, _) => {
                bound(&q.kind, &q.index, v)
            }
        };
        // The smallest key of the next index name: `index` followed by U+0000.
        let mut upper = bound(&q.kind, &format!("{}\0", q.index), "");
        if let Some(after) = &q.after {
            if *after < upper {
                upper = after.clone();
            }
        }
        if upper <= lower {
            return Ok(Page {
                items: Vec::new(),
                next: None,
            });
        }
        let limit = q.limit.max(1) as usize;
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        let mut last = None;
        let mut more = false;
        for key in inner
            .index
            .range(lower..upper)
            .rev()
            .filter(|k| q.covers(&k.value))
        {
            if items.len() == limit {
                more = true;
                break;
            }
            if seen.insert(key.id) {
                let rec = inner
                    .records
                    .get(&(key.kind.clone(), key.id))
                    .ok_or_else(|| {
                        StoreError::Corrupt(format!("index entry without record {}", key.id))
                    })?;
                items.push(rec.clone());
            }
            last = Some(key.clone());
        }
        Ok(Page {
            items,
            next: if more { last } else { None },
        })
    }

    async fn changes(&self, after: Option<&str>, limit: u32) -> Result<ChangePage, StoreError> {
        use std::ops::Bound;
        let inner = self.inner.borrow();
        let start = match after {
            Some(a) => Bound::Excluded(a.to_string()),
            None => Bound::Unbounded,
        };
        let limit = limit.max(1) as usize;
        let mut items = Vec::new();
        let mut more = false;
        for key in inner
            .changes
            .range((start, Bound::Unbounded))
            .map(|(_, k)| k)
        {
            if items.len() == limit {
                more = true;
                break;
            }
            items.push(inner.records[key].clone());
        }
        let next = more
            .then(|| items.last().map(Envelope::change_key))
            .flatten();
        Ok(ChangePage { items, next })
    }

    async fn delete(&self, kind: &str, id: RecordId, at: Stamp) -> Result<Envelope, StoreError> {
        let mut inner = self.inner.borrow_mut();
        let current = inner
            .records
            .get(&(kind.to_string(), id))
            .cloned()
            .ok_or_else(|| StoreError::NotFound {
                kind: kind.into(),
                id,
            })?;
        if current.meta.deleted {
            return Ok(current);
        }
        let tomb = current.tombstone(at);
        tomb.check()?;
        inner.write(&tomb);
        Ok(tomb)
    }
}

#[cfg(test)]
mod tests {
    use super::MemoryStore;
    crate::store_conformance_tests!(sync_test, MemoryStore::new());
}
