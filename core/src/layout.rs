//! Records that grow: each kind's body shape ([`crate::record::Record::SCHEMA`], with its
//! `upgrade` hook) and index entries ([`crate::record::Record::INDEXES`]) have versions, and a
//! store written under other versions is brought up to date when the app opens it: every record
//! of a changed kind is read in its new shape and written again with its index entries derived
//! anew, after `moved` has taken out what the old body held that is now a record of its own
//! (inline pictures, see `modules::photos::moved`). The versions the store was last brought to
//! are kept in one local record.

use crate::actor::Action;
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::spec::KindSpec;
use crate::store::{ListQuery, RecordStore, StoreError, list_all};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The layout versions (`(schema, indexes)` per kind) the store's records were last written in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Layouts {
    pub kinds: BTreeMap<String, (u32, u32)>,
}

impl Record for Layouts {
    const KIND: &'static str = "layout";
    const SCHEMA: u32 = 1;
}

/// The one layout record's id.
pub const LAYOUTS_ID: RecordId = RecordId(uuid::Uuid::from_u128(0x1a70_75));

/// This tablet's own bookkeeping: never exported.
pub const SPEC: KindSpec = KindSpec::of::<Layouts>("exchange", Action::CHANGE_SETTINGS)
    .named("存储版本", "Storage layout")
    .local();

/// How many records one write carries.
const BATCH: usize = 500;

/// What the old body of a record holds that is now a record of its own, taken out of it: the
/// records to write before it (none for most kinds).
pub type TakeOut<'a> = &'a dyn Fn(&mut Envelope) -> Result<Vec<Envelope>, String>;

/// Takes nothing out: for stores whose kinds never moved a field into records of their own.
pub fn nothing_moved(_: &mut Envelope) -> Result<Vec<Envelope>, String> {
    Ok(Vec::new())
}

/// Brings every kind of `specs` whose layout changed since the store was last opened to its
/// current shape (with `moved` run on each old record first). Conflict sets hold versions of
/// other kinds, so they are written again too when any kind was. A store that never recorded
/// layouts (written before layouts were kept, when every kind was at its first layout) is taken
/// as current. Returns how many records were written again.
pub async fn upgrade_stale<'a, S: RecordStore>(
    store: &S,
    specs: impl IntoIterator<Item = &'a KindSpec>,
    moved: TakeOut<'_>,
    stamp: impl Fn() -> Stamp,
) -> Result<usize, StoreError> {
    let specs: BTreeMap<&str, &KindSpec> = specs.into_iter().map(|k| (k.kind, k)).collect();
    let current: BTreeMap<String, (u32, u32)> = specs
        .values()
        .map(|k| (k.kind.to_string(), k.layout))
        .collect();
    let stored = store.get(Layouts::KIND, LAYOUTS_ID).await?;
    let Some(stored_env) = stored.filter(|e| !e.meta.deleted) else {
        let first = Layouts { kinds: current };
        store
            .put(&Envelope::create(&first, LAYOUTS_ID, stamp())?)
            .await?;
        return Ok(0);
    };
    let was: Layouts = stored_env.decode()?;
    let mut written = 0;
    for (kind, spec) in &specs {
        // A kind new to this store has no records written in an older layout.
        match was.kinds.get(*kind) {
            Some(old) if *old != spec.layout => written += rewrite(store, spec, moved).await?,
            _ => {}
        }
    }
    let conflicts = specs.get(crate::conflict::CONFLICT_KIND);
    if let Some(c) = conflicts.filter(|c| written > 0 && was.kinds.get(c.kind) == Some(&c.layout)) {
        written += rewrite(store, c, moved).await?;
    }
    if was.kinds != current {
        let next = stored_env.update(&Layouts { kinds: current }, stamp())?;
        store.put(&next).await?;
    }
    Ok(written)
}

/// Every live record of the kind read in its current shape and written again, with its index
/// entries derived anew; the same version (a re-index is no edit), so nothing travels again.
/// What `moved` takes out of a record is written before it (an interrupted rewrite is done
/// again from the start at the next opening, and finds the record still old).
async fn rewrite<S: RecordStore>(
    store: &S,
    spec: &KindSpec,
    moved: TakeOut<'_>,
) -> Result<usize, StoreError> {
    let all = list_all(store, ListQuery::recent(spec.kind, BATCH as u32)).await?;
    let mut again = Vec::with_capacity(all.len());
    for env in &all {
        let mut env = env.clone();
        again.extend(moved(&mut env).map_err(StoreError::Corrupt)?);
        again.push((spec.reindex)(&env)?);
    }
    for chunk in again.chunks(BATCH) {
        store.put_all(chunk).await?;
    }
    Ok(again.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::grown::{NoteV1, NoteV2};
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;
    use crate::store::{KeyRange, ListQuery};

    #[test]
    fn a_kind_whose_layout_changed_is_read_in_its_new_shape_and_indexed_anew() {
        let store = MemoryStore::new();
        let f = Fixture::default();
        let v1 = KindSpec::of::<NoteV1>("notes", Action::CHANGE_SETTINGS);
        let v2 = KindSpec::of::<NoteV2>("notes", Action::CHANGE_SETTINGS);
        // First opening: layouts recorded, nothing rewritten.
        assert_eq!(
            block_on(upgrade_stale(&store, [&v1], &nothing_moved, || f.stamp())),
            Ok(0)
        );
        let old = Envelope::create(
            &NoteV1 {
                text: "水管漏水\n3-1-502".into(),
            },
            RecordId(uuid::Uuid::from_u128(7)),
            f.stamp(),
        )
        .unwrap();
        block_on(store.put(&old)).unwrap();
        // Opened by the build where notes grew.
        assert_eq!(
            block_on(upgrade_stale(&store, [&v2], &nothing_moved, || f.stamp())),
            Ok(1)
        );
        let found = block_on(store.list(&ListQuery::by(
            "note",
            "title",
            KeyRange::Exact("水管漏水".into()),
            5,
        )))
        .unwrap();
        assert_eq!(found.items.len(), 1);
        let note: NoteV2 = found.items[0].decode().unwrap();
        assert_eq!(note.title, "水管漏水");
        assert_eq!(found.items[0].meta.schema, 2);
        assert_eq!(found.items[0].meta.version, old.meta.version, "no new edit");
        // Opened again: nothing to do.
        assert_eq!(
            block_on(upgrade_stale(&store, [&v2], &nothing_moved, || f.stamp())),
            Ok(0)
        );
    }

    #[test]
    fn an_old_body_decodes_through_the_upgrade_hook_even_before_the_rewrite() {
        let f = Fixture::default();
        let old = Envelope::create(
            &NoteV1 {
                text: "门禁\n坏了".into(),
            },
            RecordId(uuid::Uuid::from_u128(8)),
            f.stamp(),
        )
        .unwrap();
        let mut as_v2 = old.clone();
        as_v2.meta.kind = "note".into();
        let n: NoteV2 = as_v2.decode().unwrap();
        assert_eq!(n.title, "门禁");
    }
}
