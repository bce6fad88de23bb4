//! Exchanging records between tablets: which records an export holds, what an import would do
//! (the preview the supervisor confirms), and the records it writes.
//!
//! An import never overwrites blindly: every incoming version is merged with the local state by
//! [`crate::merge`]; where both sides changed a record since they last agreed, the versions that
//! lost are kept in a [`ConflictSet`] for a supervisor. Conflict sets and the exchange log are
//! this tablet's own bookkeeping and never leave it; the losing versions themselves do travel
//! (so every tablet that has seen the same versions holds the same conflicts).

use crate::exchange::{self, Checked};
use crate::hlc::Hlc;
use crate::lang::Lang;
use crate::merge::{Change, Merged, merge_into};
use crate::record::{DeviceId, Envelope, Record, RecordError, RecordId, Stamp};
use crate::registry;
use crate::store::{RecordStore, StoreError};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};

pub use crate::conflict::{CONFLICT_KIND, ConflictSet};
pub use crate::exchange_log::{Direction, EXCHANGE_KIND, ExchangeEntry, Tally};

/// Kinds that are this tablet's own bookkeeping, or that no module registered: never exported.
pub fn is_local(kind: &str) -> bool {
    !registry::kind(kind).is_some_and(|k| k.travels)
}

/// The module a record kind belongs to, for previews and partial exports.
pub fn module_of(kind: &str) -> &'static str {
    registry::kind(kind).map_or("other", |k| k.module)
}

/// A module's name as the clerk knows it.
pub fn module_name(module: &str, lang: Lang) -> &'static str {
    registry::module(module).map_or(lang.pick("其他", "Other"), |m| m.name(lang))
}

/// The kinds whose records go into an export file, encrypted (`sealed`) or plain.
pub fn exported_kinds(sealed: bool) -> Vec<&'static str> {
    registry::kinds()
        .filter(|k| k.goes_into(sealed))
        .map(|k| k.kind)
        .collect()
}

/// Leaves out of a selection the records a plain file may not carry (staff, with their PIN
/// hashes).
pub fn for_plain_file(records: Vec<Envelope>) -> Vec<Envelope> {
    records
        .into_iter()
        .filter(|r| registry::kind(&r.meta.kind).is_some_and(|k| k.goes_into(false)))
        .collect()
}

/// The modules a partial export can choose, in the registry's order.
pub fn export_modules() -> impl Iterator<Item = &'static str> {
    registry::MODULES
        .iter()
        .filter(|m| m.exportable)
        .map(|m| m.slug)
}

/// What is here of one record: its current version and its conflict set, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Local {
    pub current: Option<Envelope>,
    pub conflicts: Option<Envelope>,
}

impl Local {
    fn merged(&self) -> Result<Option<Merged>, RecordError> {
        let Some(current) = &self.current else {
            return Ok(None);
        };
        let losers = match &self.conflicts {
            Some(c) if !c.meta.deleted => c.decode::<ConflictSet>()?.losers,
            _ => Vec::new(),
        };
        Ok(Some(Merged {
            current: current.clone(),
            conflicts: losers,
        }))
    }
}

/// An import, worked out and not yet applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Per module (see [`module_of`]).
    pub tally: BTreeMap<String, Tally>,
    /// Everything to write, in one transaction: records and conflict sets.
    pub writes: Vec<Envelope>,
    /// The newest version in the file, for this tablet's clock to move past.
    pub newest: Option<Hlc>,
    /// What the plan read of each record it writes (change key, `None`: not stored): applied
    /// with [`RecordStore::put_all_if`], so a record changed since the preview fails the apply
    /// instead of being overwritten (plan again, then apply).
    pub expected: Vec<crate::store::Expected>,
    /// The staff the file adds or changes, for the preview to list (applied only with the PIN
    /// of the supervisor on duty, see `store::guard::Guarded::import`).
    pub staff: Vec<StaffChange>,
}

/// One person a file adds or changes.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffChange {
    pub name: String,
    pub roles: Vec<crate::actor::Role>,
    /// Not on this tablet yet.
    pub new: bool,
    /// Their roles differ from this tablet's record.
    pub roles_changed: bool,
    /// Their PIN differs from this tablet's record.
    pub pin_changed: bool,
    pub active: bool,
}

impl Plan {
    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        for v in self.tally.values() {
            t.new += v.new;
            t.newer += v.newer;
            t.older += v.older;
            t.unchanged += v.unchanged;
            t.conflict += v.conflict;
        }
        t
    }
}

/// Works out an import against what is here (`local`, keyed by kind and id). `at` stamps new
/// or changed conflict sets; `received` is this tablet's clock now, recorded on every version
/// taken in so an export of "what changed since" sends it on.
pub fn plan(
    incoming: &[Envelope],
    local: &HashMap<(String, RecordId), Local>,
    at: Stamp,
    received: Hlc,
) -> Result<Plan, RecordError> {
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut states: HashMap<(String, RecordId), Merged> = HashMap::new();
    let mut order: Vec<(String, RecordId)> = Vec::new();
    let mut newest: Option<Hlc> = None;
    for env in incoming {
        if is_local(&env.meta.kind) || !exchange::known_kind(&env.meta.kind) {
            continue;
        }
        newest = newest.max(Some(env.meta.version));
        let key = (env.meta.kind.clone(), env.meta.id);
        let here = match states.get(&key) {
            Some(s) => Some(s.clone()),
            None => local.get(&key).map(Local::merged).transpose()?.flatten(),
        };
        // A kind written once (audit entries) takes new records only: a file may not change,
        // re-attribute or remove one this tablet holds. Such a version is ignored, like an
        // older one.
        let (merged, change) = merge_into(here.as_ref(), env);
        if here.is_some() && registry::kind(&env.meta.kind).is_some_and(|k| k.append_only) {
            let seen = match change {
                Change::Unchanged => Change::Unchanged,
                _ => Change::Older,
            };
            tally
                .entry(module_of(&env.meta.kind).to_string())
                .or_default()
                .count(seen);
            continue;
        }
        tally
            .entry(module_of(&env.meta.kind).to_string())
            .or_default()
            .count(change);
        if matches!(change, Change::New | Change::Newer | Change::Conflict) {
            if !states.contains_key(&key) {
                order.push(key.clone());
            }
            states.insert(key, merged);
        }
    }
    let mut writes = Vec::new();
    for key in order {
        let merged = &states[&key];
        let here = local.get(&key).cloned().unwrap_or_default();
        let mut current = merged.current.clone();
        let kept_same = here.current.as_ref().is_some_and(|c| {
            c.meta.version == current.meta.version && c.meta.device == current.meta.device
        });
        if !kept_same {
            current.meta.received = Some(received);
            writes.push(current);
        }
        let set = ConflictSet {
            kind: key.0.clone(),
            record: key.1,
            losers: merged.conflicts.clone(),
            resolved_by: None,
        };
        match &here.conflicts {
            Some(old) if !old.meta.deleted => {
                if old.decode::<ConflictSet>()?.losers != set.losers {
                    writes.push(old.update(&set, at)?);
                }
            }
            _ if !set.losers.is_empty() => writes.push(Envelope::create(&set, key.1, at)?),
            _ => {}
        }
    }
    Ok(Plan {
        tally,
        writes,
        newest,
        expected: Vec::new(),
        staff: Vec::new(),
    })
}

/// How many records to read per store call.
pub const BATCH: usize = 2000;

/// The first record in the file that refers to a photo neither in the file nor stored here (an
/// inspection's answers, a work order), as the refusal to show; `None` when every photo is there.
pub async fn missing_photo<S: RecordStore>(
    store: &S,
    checked: &Checked,
) -> Result<Option<exchange::FileError>, StoreError> {
    use crate::modules::photos::Photo;
    let records = &checked.file.records;
    let in_file: std::collections::HashSet<RecordId> = records
        .iter()
        .filter(|r| r.meta.kind == Photo::KIND)
        .map(|r| r.meta.id)
        .collect();
    let mut wanted: Vec<(RecordId, RecordId)> = Vec::new();
    for r in records.iter().filter(|r| !r.meta.deleted) {
        let photos = registry::kind(&r.meta.kind).map_or_else(Vec::new, |k| (k.photos)(r));
        wanted.extend(
            photos
                .into_iter()
                .filter(|p| !in_file.contains(p))
                .map(|p| (r.meta.id, p)),
        );
    }
    for chunk in wanted.chunks(BATCH) {
        let keys: Vec<(String, RecordId)> = chunk
            .iter()
            .map(|(_, p)| (Photo::KIND.to_string(), *p))
            .collect();
        let got = store.get_many(&keys).await?;
        if let Some(((record, _), _)) = chunk.iter().zip(got).find(|(_, g)| g.is_none()) {
            return Ok(Some(exchange::FileError::PhotoMissing(*record)));
        }
    }
    Ok(None)
}

/// Reads what is here of every record in the file, in batches, and works out the import.
pub async fn plan_import<S: RecordStore>(
    store: &S,
    checked: &Checked,
    at: Stamp,
    received: Hlc,
) -> Result<Plan, StoreError> {
    let mut local = HashMap::new();
    let mut keys: Vec<(String, RecordId)> = checked
        .file
        .records
        .iter()
        .map(|e| (e.meta.kind.clone(), e.meta.id))
        .collect();
    keys.sort();
    keys.dedup();
    for chunk in keys.chunks(BATCH) {
        let currents = store.get_many(chunk).await?;
        // Only a record that is here can have a conflict set.
        let ask: Vec<(String, RecordId)> = chunk
            .iter()
            .zip(&currents)
            .filter(|(_, c)| c.is_some())
            .map(|((_, id), _)| (CONFLICT_KIND.to_string(), *id))
            .collect();
        let mut sets = store.get_many(&ask).await?.into_iter();
        for (key, current) in chunk.iter().zip(currents) {
            let set = if current.is_some() {
                sets.next().flatten()
            } else {
                None
            };
            let conflicts = set.filter(|s| {
                s.decode::<ConflictSet>()
                    .is_ok_and(|c| c.kind == key.0 && c.record == key.1)
            });
            local.insert(key.clone(), Local { current, conflicts });
        }
    }
    let mut planned = plan(&checked.file.records, &local, at, received)?;
    // What each written record was when planned: the record itself, or its conflict set.
    let mut read: HashMap<(String, RecordId), Option<String>> = HashMap::new();
    for ((kind, id), l) in &local {
        read.insert(
            (kind.clone(), *id),
            l.current.as_ref().map(Envelope::change_key),
        );
        read.insert(
            (CONFLICT_KIND.to_string(), *id),
            l.conflicts.as_ref().map(Envelope::change_key),
        );
    }
    use crate::modules::staff::Staff;
    planned.staff = planned
        .writes
        .iter()
        .filter(|w| w.meta.kind == <Staff as Record>::KIND && !w.meta.deleted)
        .filter_map(|w| {
            let next: Staff = w.decode().ok()?;
            let now: Option<Staff> = local
                .get(&(w.meta.kind.clone(), w.meta.id))
                .and_then(|l| l.current.as_ref())
                .and_then(|c| c.decode().ok());
            Some(StaffChange {
                name: next.name.clone(),
                roles: next.roles.clone(),
                new: now.is_none(),
                roles_changed: now.as_ref().is_some_and(|n| n.roles != next.roles),
                pin_changed: now.as_ref().is_some_and(|n| n.pin != next.pin),
                active: next.active,
            })
        })
        .collect();
    planned.expected = planned
        .writes
        .iter()
        .map(|w| {
            let key = (w.meta.kind.clone(), w.meta.id);
            let was = read.get(&key).cloned().flatten();
            (key.0, key.1, was)
        })
        .collect();
    Ok(planned)
}

/// What an export holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Scope {
    /// Every record.
    All,
    /// What changed here after an earlier export's mark (everything when there was none).
    Since(Option<String>),
    /// One module's records last changed within a time span.
    Module {
        module: String,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
}

impl Scope {
    fn wants(&self, env: &Envelope) -> bool {
        if is_local(&env.meta.kind) {
            return false;
        }
        match self {
            Scope::All | Scope::Since(_) => true,
            Scope::Module { module, from, to } => {
                module_of(&env.meta.kind) == module
                    && *from <= env.meta.updated_at
                    && env.meta.updated_at <= *to
            }
        }
    }
}

/// The records of an export, and the mark of the last change it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub records: Vec<Envelope>,
    pub mark: Option<String>,
}

/// Collects an export from the store's change log: the chosen records, each with the versions
/// it is in conflict with (they travel too, so no version is lost on the way).
pub async fn select<S: RecordStore>(store: &S, scope: &Scope) -> Result<Selection, StoreError> {
    let mut records = Vec::new();
    let mut after = match scope {
        Scope::Since(mark) => mark.clone(),
        _ => None,
    };
    let mut mark = after.clone();
    let mut open_sets = Vec::new();
    loop {
        let page = store.changes(after.as_deref(), BATCH as u32).await?;
        for env in page.items {
            mark = Some(env.change_key());
            if env.meta.kind == CONFLICT_KIND {
                if !env.meta.deleted {
                    open_sets.push(env);
                }
            } else if scope.wants(&env) {
                records.push(env);
            }
        }
        match page.next {
            Some(n) => after = Some(n),
            None => break,
        }
    }
    // Every open conflict's losers go along, also when the set itself changed before the mark.
    let mut q = crate::store::ListQuery::by(
        CONFLICT_KIND,
        "open",
        crate::store::KeyRange::All,
        BATCH as u32,
    );
    let mut seen: std::collections::HashSet<(String, RecordId, Hlc)> = records
        .iter()
        .map(|e| (e.meta.kind.clone(), e.meta.id, e.meta.version))
        .collect();
    let mut add_losers = |set: &Envelope, records: &mut Vec<Envelope>| {
        if let Ok(c) = set.decode::<ConflictSet>() {
            for l in c.losers {
                if scope.wants(&l) && seen.insert((l.meta.kind.clone(), l.meta.id, l.meta.version))
                {
                    records.push(l);
                }
            }
        }
    };
    for set in &open_sets {
        add_losers(set, &mut records);
    }
    loop {
        let page = store.list(&q).await?;
        for set in &page.items {
            add_losers(set, &mut records);
        }
        match page.next {
            Some(c) => q = q.after(Some(c)),
            None => break,
        }
    }
    if matches!(scope, Scope::Module { .. }) {
        add_photos(store, &mut records).await?;
    }
    Ok(Selection { records, mark })
}

/// Adds the photo records the chosen records refer to (their kinds' specs name them) and the
/// export does not hold yet: a module's records travel with their pictures, whatever their age.
async fn add_photos<S: RecordStore>(
    store: &S,
    records: &mut Vec<Envelope>,
) -> Result<(), StoreError> {
    use crate::modules::photos::Photo;
    let mut have: std::collections::HashSet<RecordId> = records
        .iter()
        .filter(|r| r.meta.kind == Photo::KIND)
        .map(|r| r.meta.id)
        .collect();
    let mut wanted = Vec::new();
    for r in records.iter().filter(|r| !r.meta.deleted) {
        if let Some(k) = registry::kind(&r.meta.kind) {
            for p in (k.photos)(r) {
                if have.insert(p) {
                    wanted.push((Photo::KIND.to_string(), p));
                }
            }
        }
    }
    for chunk in wanted.chunks(BATCH) {
        records.extend(store.get_many(chunk).await?.into_iter().flatten());
    }
    Ok(())
}

/// The download's name: office, device and time, e.g.
/// `LobbyDesk_阳光物业_1a2b3c4d_20261127-0930.lobbydesk.json`.
pub fn file_name(office: &str, device: DeviceId, now: DateTime<Utc>) -> String {
    let office: String = office
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .filter(|c| !c.is_whitespace())
        .collect();
    let local = now + chrono::Duration::hours(8);
    format!(
        "LobbyDesk_{}_{}_{}.lobbydesk.json",
        if office.is_empty() {
            "desk".into()
        } else {
            office
        },
        device.short(),
        local.format("%Y%m%d-%H%M")
    )
}

/// A supervisor's resolution of a conflict: the winning body (one side's, or one side's with some
/// fields copied from the other), written as a new version that supersedes every version in
/// conflict, and the emptied conflict set. `fields` names top-level fields to take from `take`.
pub fn resolve(
    merged: &Merged,
    keep: &Envelope,
    take: Option<(&Envelope, &[String])>,
    set: &Envelope,
    by: &str,
    at: Stamp,
) -> Result<Vec<Envelope>, RecordError> {
    let mut chosen = keep.clone();
    if let Some((other, fields)) = take {
        if let (Some(body), Some(from)) = (chosen.body.as_object_mut(), other.body.as_object()) {
            for f in fields {
                match from.get(f) {
                    Some(v) => body.insert(f.clone(), v.clone()),
                    None => body.remove(f),
                };
            }
        }
        chosen = exchange::reindex(&chosen)?;
    }
    let resolved = merged.resolve(&chosen, at);
    let old: ConflictSet = set.decode()?;
    let emptied = set.update(
        &ConflictSet {
            losers: Vec::new(),
            resolved_by: Some(by.to_string()),
            ..old
        },
        at,
    )?;
    Ok(vec![resolved, emptied])
}

/// A record field's name as a supervisor reads it in the conflict list: the kind's label, else
/// the field's own name.
pub fn field_label(kind: &str, field: &str, lang: Lang) -> String {
    registry::kind(kind)
        .and_then(|k| k.label(field, lang))
        .map_or_else(|| field.to_string(), str::to_string)
}

/// The clerk's name for a field as an audit entry names it (`host.unit`, `id_doc.kind`): its
/// label, or its first part's label with the rest after it, or the field as stored.
pub fn audit_field_label(kind: &str, field: &str, lang: Lang) -> String {
    let spec = registry::kind(kind);
    let word = |f: &str| {
        spec.and_then(|s| s.label(f, lang)).or_else(|| {
            registry::MODULES
                .iter()
                .flat_map(|m| m.settings.iter())
                .chain(crate::audit::FIELD_WORDS)
                .find(|l| l.field == f)
                .map(|l| lang.pick(l.zh, l.en))
        })
    };
    if let Some(l) = word(field) {
        return l.to_string();
    }
    // Part by part: the longest labelled head, then each part below it as a word, a position
    // in a list (第 2 项) or an item's key (i5: 第 5 项).
    let parts: Vec<&str> = field.split('.').collect();
    let mut shown = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let head = (i + 1..=parts.len())
            .rev()
            .find_map(|j| word(&parts[i..j].join(".")).map(|l| (j, l)));
        if let Some((j, l)) = head {
            shown.push(l.to_string());
            i = j;
            continue;
        }
        let part = parts[i];
        let position = part
            .parse::<u32>()
            .ok()
            .map(|n| n + 1)
            .or_else(|| part.strip_prefix('i').and_then(|n| n.parse::<u32>().ok()));
        match position {
            Some(n) => shown.push(match lang {
                Lang::Zh => format!("第 {n} 项"),
                Lang::En => format!("#{n}"),
            }),
            None => return field.to_string(),
        }
        i += 1;
    }
    shown.join(" · ")
}

/// A value an audit entry recorded, as the audit page shows it in `lang`: a coded value in words
/// (the kind's [`crate::spec::KindSpec::values`]), nothing as "(无)", a record's id by its first
/// digits, a picture by its size, a time in China time.
pub fn audit_value(kind: &str, field: &str, value: &str, lang: Lang) -> String {
    if matches!(value, "[]" | "{}" | "null") {
        return lang.pick("(无)", "(none)").to_string();
    }
    if let Some(words) = registry::kind(kind).and_then(|k| (k.values)(field, value, lang)) {
        return words;
    }
    // A reference to another kind of record (a promise made on a call).
    if let Some(other) = registry::kind(value) {
        return other.name(lang).to_string();
    }
    if let Ok(id) = value.parse::<crate::record::RecordId>() {
        return format!("#{}", &id.0.simple().to_string()[..8]);
    }
    crate::audit::shown(value, lang)
}

/// What an audit entry is about as the clerk knows it: the kind's name (`visit` → 访客登记), a
/// module's name (a CSV export of `visitors`), 设置 for settings, or the word as recorded.
pub fn audit_subject(what: &str, lang: Lang) -> String {
    if let Some(spec) = registry::kind(what) {
        return spec.name(lang).to_string();
    }
    if let Some(m) = registry::module(what) {
        return m.name(lang).to_string();
    }
    match what {
        "settings" => lang.pick("设置", "Settings").to_string(),
        "demo" => lang.pick("演示数据", "Demo data").to_string(),
        _ => what.to_string(),
    }
}

/// Top-level body fields where two versions differ, in order.
pub fn differing_fields(a: &Envelope, b: &Envelope) -> Vec<String> {
    let empty = serde_json::Map::new();
    let oa = a.body.as_object().unwrap_or(&empty);
    let ob = b.body.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = oa.keys().chain(ob.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| oa.get(*k) != ob.get(*k))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HlcClock;
    use crate::clock::{Clock, IdSource, ManualClock, SeqIds};
    use crate::exchange::{FileError, encode, read};
    use crate::lang::Localized;
    use crate::modules::memo::Memo;
    use crate::modules::visitors::{Visit, VisitForm};
    use crate::store::conformance::block_on;
    use crate::store::guard::{Actor, Guarded};
    use crate::store::memory::MemoryStore;
    use crate::store::{KeyRange, ListQuery, list_all};
    use proptest::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    fn dev(n: u8) -> DeviceId {
        DeviceId::from_bytes([n; 16])
    }

    /// One simulated tablet: a store, a clock, a merge clock.
    struct Tablet {
        n: u8,
        store: MemoryStore,
        clock: Rc<ManualClock>,
        hlc: RefCell<HlcClock>,
        ids: SeqIds,
    }

    impl Tablet {
        fn new(n: u8, clock: Rc<ManualClock>) -> Self {
            Tablet {
                n,
                store: MemoryStore::new(),
                clock,
                hlc: RefCell::new(HlcClock::new(dev(n))),
                ids: SeqIds::starting_at(n as u64 * 1_000_000),
            }
        }
        fn stamp(&self) -> Stamp {
            self.clock.advance_millis(1);
            let now = self.clock.now();
            Stamp {
                now,
                version: self.hlc.borrow_mut().tick(now.timestamp_millis() as u64),
            }
        }
        fn new_id(&self) -> RecordId {
            RecordId(self.ids.new_id())
        }
        fn memo(&self, text: &str) -> Envelope {
            let e = Envelope::create(&Memo::new(text, "x").unwrap(), self.new_id(), self.stamp())
                .unwrap();
            block_on(self.store.put(&e)).unwrap();
            e
        }
        fn get(&self, kind: &str, id: RecordId) -> Option<Envelope> {
            block_on(self.store.get(kind, id)).unwrap()
        }
        /// Like the guarded store: a record in conflict is not written until it is resolved.
        fn in_conflict(&self, id: RecordId) -> bool {
            self.get(CONFLICT_KIND, id)
                .and_then(|s| s.decode::<ConflictSet>().ok())
                .is_some_and(|c| !c.losers.is_empty())
        }
        fn edit(&self, id: RecordId, text: &str) -> Option<Envelope> {
            if self.in_conflict(id) {
                return None;
            }
            let cur = self.get(Memo::KIND, id)?;
            let e = cur
                .update(&Memo::new(text, "x").unwrap(), self.stamp())
                .ok()?;
            block_on(self.store.put(&e)).unwrap();
            Some(e)
        }
        fn delete(&self, id: RecordId) -> Option<Envelope> {
            if self.in_conflict(id) {
                return None;
            }
            let cur = self.get(Memo::KIND, id)?;
            Some(block_on(self.store.delete(Memo::KIND, cur.meta.id, self.stamp())).unwrap())
        }
        fn export(&self, scope: &Scope) -> (String, Option<String>) {
            let sel = block_on(select(&self.store, scope)).unwrap();
            let f = encode(
                "阳光物业",
                dev(self.n),
                self.clock.now(),
                None,
                "all",
                sel.records,
            );
            (f, sel.mark)
        }
        fn preview(&self, file: &str) -> Result<Plan, FileError> {
            let checked = read(file.as_bytes(), dev(self.n), self.clock.now())?;
            if let Some(e) = block_on(missing_photo(&self.store, &checked)).unwrap() {
                return Err(e);
            }
            let at = self.stamp();
            Ok(block_on(plan_import(&self.store, &checked, at, at.version)).unwrap())
        }
        fn import(&self, file: &str) -> Result<Plan, FileError> {
            let plan = self.preview(file)?;
            if let Some(v) = plan.newest {
                let _ = self
                    .hlc
                    .borrow_mut()
                    .observe(v, self.clock.now().timestamp_millis() as u64);
            }
            block_on(self.store.put_all(&plan.writes)).unwrap();
            Ok(plan)
        }
        /// Everything stored, tombstones and conflict sets included, in key order.
        fn snapshot(&self) -> Vec<Envelope> {
            let mut all = Vec::new();
            let mut after = None;
            loop {
                let p = block_on(self.store.changes(after.as_deref(), 100)).unwrap();
                all.extend(p.items);
                match p.next {
                    Some(n) => after = Some(n),
                    None => break,
                }
            }
            all.sort_by_key(|e| (e.meta.kind.clone(), e.meta.id));
            all
        }
        /// What every tablet must agree on: each record's current version and the versions in
        /// conflict with it (without this tablet's bookkeeping: when it received them).
        fn state(&self) -> BTreeMap<RecordId, (Envelope, Vec<Envelope>)> {
            let mut out = BTreeMap::new();
            let snap = self.snapshot();
            let strip = |mut e: Envelope| {
                e.meta.received = None;
                e
            };
            for e in &snap {
                if e.meta.kind == Memo::KIND {
                    let losers = snap
                        .iter()
                        .find(|c| c.meta.kind == CONFLICT_KIND && c.meta.id == e.meta.id)
                        .map(|c| c.decode::<ConflictSet>().unwrap().losers)
                        .unwrap_or_default();
                    let mut losers: Vec<Envelope> = losers.into_iter().map(strip).collect();
                    losers.sort_by_key(|l| l.meta.version);
                    out.insert(e.meta.id, (strip(e.clone()), losers));
                }
            }
            out
        }
        fn open_conflicts(&self) -> Vec<Envelope> {
            block_on(list_all(
                &self.store,
                ListQuery::by(CONFLICT_KIND, "open", KeyRange::All, 50),
            ))
            .unwrap()
        }
    }

    fn pair() -> (Tablet, Tablet) {
        let clock = Rc::new(ManualClock::at_millis(1_764_000_000_000));
        (Tablet::new(1, clock.clone()), Tablet::new(2, clock))
    }

    fn text(e: &Envelope) -> String {
        e.body["text"].as_str().unwrap_or_default().to_string()
    }

    #[test]
    fn the_preview_counts_new_newer_older_unchanged_and_conflicting_per_module() {
        let (a, b) = pair();
        let m1 = a.memo("一");
        let m2 = a.memo("二");
        let m3 = a.memo("三");
        let m4 = a.memo("四");
        b.import(&a.export(&Scope::All).0).unwrap();
        let old = a.export(&Scope::All).0;
        a.edit(m1.meta.id, "一 改");
        b.edit(m2.meta.id, "二 乙改");
        a.edit(m3.meta.id, "三 甲改");
        b.edit(m3.meta.id, "三 乙改");
        let _m5 = a.memo("五");
        let plan = b.preview(&a.export(&Scope::All).0).unwrap();
        let t = plan.tally["home"];
        assert_eq!(
            t,
            Tally {
                new: 1,
                newer: 1,
                older: 1,
                unchanged: 1,
                conflict: 1
            },
            "五 new, 一 newer, 二 older, 四 unchanged, 三 in conflict"
        );
        assert_eq!(plan.total().changes(), 3);
        let _ = (m4, old);
    }

    #[test]
    fn importing_the_same_file_twice_changes_nothing_the_second_time() {
        let (a, b) = pair();
        a.memo("一");
        let (f, _) = a.export(&Scope::All);
        assert_eq!(b.import(&f).unwrap().tally["home"].new, 1);
        let before = b.snapshot();
        let again = b.import(&f).unwrap();
        assert!(again.writes.is_empty());
        assert_eq!(again.tally["home"].unchanged, 1);
        assert_eq!(b.snapshot(), before);
    }

    #[test]
    fn a_conflict_keeps_the_losing_version_for_the_supervisor_and_resolution_travels() {
        let (a, b) = pair();
        let m = a.memo("钥匙放在前台");
        b.import(&a.export(&Scope::All).0).unwrap();
        a.edit(m.meta.id, "钥匙交给保安");
        b.edit(m.meta.id, "钥匙交给保洁");
        b.import(&a.export(&Scope::All).0).unwrap();
        a.import(&b.export(&Scope::All).0).unwrap();
        // Both tablets show the same current version and keep the other.
        assert_eq!(a.state(), b.state());
        let sets = b.open_conflicts();
        assert_eq!(sets.len(), 1);
        let set: ConflictSet = sets[0].decode().unwrap();
        let current = b.get(Memo::KIND, m.meta.id).unwrap();
        let texts = [text(&current), text(&set.losers[0])];
        assert!(texts.contains(&"钥匙交给保安".to_string()));
        assert!(texts.contains(&"钥匙交给保洁".to_string()));
        // The supervisor on B keeps the losing text.
        let merged = Merged {
            current: current.clone(),
            conflicts: set.losers.clone(),
        };
        let loser = set.losers[0].clone();
        let w = resolve(&merged, &loser, None, &sets[0], "王主管", b.stamp()).unwrap();
        block_on(b.store.put_all(&w)).unwrap();
        assert!(b.open_conflicts().is_empty());
        assert_eq!(text(&b.get(Memo::KIND, m.meta.id).unwrap()), text(&loser));
        // A takes the resolution in: its conflict closes too, with the same text.
        let plan = a.import(&b.export(&Scope::All).0).unwrap();
        assert_eq!(plan.tally["home"].newer, 1);
        assert!(a.open_conflicts().is_empty());
        assert_eq!(a.state(), b.state());
    }

    #[test]
    fn a_field_can_be_copied_across_when_resolving_and_indexes_follow() {
        let (a, b) = pair();
        let form = |name: &str, phone: &str| VisitForm {
            name: name.into(),
            phone: phone.into(),
            host_unit: "3-1-502".into(),
            ..VisitForm::default()
        };
        let v = form("张伟", "13800138000")
            .parse(a.clock.now(), "x")
            .unwrap();
        let e = Envelope::create(&v, a.new_id(), a.stamp()).unwrap();
        block_on(a.store.put(&e)).unwrap();
        b.import(&a.export(&Scope::All).0).unwrap();
        let ea = e
            .update(
                &form("张伟", "13900139000")
                    .parse(a.clock.now(), "x")
                    .unwrap(),
                a.stamp(),
            )
            .unwrap();
        block_on(a.store.put(&ea)).unwrap();
        let eb = e
            .update(
                &form("张玮", "13800138000")
                    .parse(b.clock.now(), "x")
                    .unwrap(),
                b.stamp(),
            )
            .unwrap();
        block_on(b.store.put(&eb)).unwrap();
        b.import(&a.export(&Scope::All).0).unwrap();
        let set = b.open_conflicts().remove(0);
        let cur = b.get(Visit::KIND, e.meta.id).unwrap();
        let losers = set.decode::<ConflictSet>().unwrap().losers;
        let other = &losers[0];
        let diff = differing_fields(&cur, other);
        assert!(diff.contains(&"name".to_string()) && diff.contains(&"phone".to_string()));
        // Keep B's corrected name, take A's new phone.
        let (keep, take) = if cur.meta.device == dev(2) {
            (&cur, other)
        } else {
            (other, &cur)
        };
        let merged = Merged {
            current: cur.clone(),
            conflicts: losers.clone(),
        };
        let w = resolve(
            &merged,
            keep,
            Some((take, &["phone".to_string()])),
            &set,
            "王主管",
            b.stamp(),
        )
        .unwrap();
        let fixed: Visit = w[0].decode().unwrap();
        assert_eq!(
            (
                fixed.name.as_str(),
                fixed.phone.as_ref().map(|p| p.digits())
            ),
            ("张玮", Some("13900139000"))
        );
        assert!(
            w[0].index
                .iter()
                .any(|i| i.name == "phone" && i.value.contains("13900139000"))
        );
        assert!(!w[0].index.iter().any(|i| i.value.contains("13800138000")));
    }

    #[test]
    fn an_old_file_never_brings_a_deleted_or_purged_record_back() {
        let (a, b) = pair();
        let m = a.memo("张伟 来访");
        let (old, _) = a.export(&Scope::All);
        b.import(&old).unwrap();
        a.delete(m.meta.id);
        // B edits the record it still has, concurrently with A's delete.
        b.edit(m.meta.id, "张伟 来访 已离开");
        a.import(&b.export(&Scope::All).0).unwrap();
        b.import(&a.export(&Scope::All).0).unwrap();
        for t in [&a, &b] {
            assert!(t.get(Memo::KIND, m.meta.id).unwrap().meta.deleted);
            t.import(&old).unwrap();
            assert!(
                t.get(Memo::KIND, m.meta.id).unwrap().meta.deleted,
                "old file ignored"
            );
        }
        assert_eq!(a.state(), b.state());
    }

    #[test]
    fn changes_since_an_export_include_versions_relayed_from_a_third_tablet() {
        let clock = Rc::new(ManualClock::at_millis(1_764_000_000_000));
        let (a, b, c) = (
            Tablet::new(1, clock.clone()),
            Tablet::new(2, clock.clone()),
            Tablet::new(3, clock),
        );
        // C writes early, but its file reaches A only after A's last export to B.
        let early = c.memo("C 早上写的");
        let (_, mark) = a.export(&Scope::All);
        a.memo("A 下午写的");
        a.import(&c.export(&Scope::All).0).unwrap();
        let (delta, _) = a.export(&Scope::Since(mark));
        let plan = b.import(&delta).unwrap();
        assert_eq!(plan.tally["home"].new, 2);
        assert!(b.get(Memo::KIND, early.meta.id).is_some());
    }

    #[test]
    fn a_module_export_holds_only_that_modules_records_in_the_span() {
        let (a, _) = pair();
        a.memo("备忘");
        let v = VisitForm {
            name: "李娜".into(),
            phone: "13800138000".into(),
            host_unit: "1-1-101".into(),
            ..VisitForm::default()
        }
        .parse(a.clock.now(), "x")
        .unwrap();
        let e = Envelope::create(&v, a.new_id(), a.stamp()).unwrap();
        block_on(a.store.put(&e)).unwrap();
        let now = a.clock.now();
        let scope = |from, to| Scope::Module {
            module: "visitors".into(),
            from,
            to,
        };
        let sel = block_on(select(
            &a.store,
            &scope(now - chrono::Duration::days(1), now),
        ))
        .unwrap();
        assert_eq!(sel.records, vec![e]);
        let sel = block_on(select(
            &a.store,
            &scope(
                now - chrono::Duration::days(9),
                now - chrono::Duration::days(8),
            ),
        ))
        .unwrap();
        assert!(sel.records.is_empty());
    }

    #[test]
    fn an_inspections_export_carries_its_photos_to_an_empty_tablet() {
        use crate::modules::inspections::{Inspection, builtins};
        use crate::modules::photos::Photo;
        let (a, b) = pair();
        // The photo is taken days before the span the export covers: it still goes along.
        let photo = Photo::new("data:image/jpeg;base64,/9j/AAAA".into(), a.clock.now());
        let pe = Envelope::create(&photo, a.new_id(), a.stamp()).unwrap();
        block_on(a.store.put(&pe)).unwrap();
        a.clock.advance_millis(3 * 24 * 3600 * 1000);
        let (tid, t) = builtins().remove(2);
        let mut i = Inspection::start(tid, &t, "花园", "", "李巡检", a.clock.now());
        i.add_photo("i5", pe.meta.id, a.clock.now()).unwrap();
        let ie = Envelope::create(&i, a.new_id(), a.stamp()).unwrap();
        block_on(a.store.put(&ie)).unwrap();
        let now = a.clock.now();
        let (file, _) = a.export(&Scope::Module {
            module: "inspections".into(),
            from: now - chrono::Duration::days(1),
            to: now,
        });
        let plan = b
            .import(&file)
            .expect("the photo travels with its inspection");
        assert_eq!(plan.writes.len(), 2);
        assert_eq!(
            b.get(Photo::KIND, pe.meta.id).map(|p| p.body),
            Some(pe.body)
        );
        assert!(b.get(Inspection::KIND, ie.meta.id).is_some());
    }

    /// A parcel as a build before pictures moved wrote it: photo and signature inline, schema 1.
    fn old_parcel(t: &Tablet, tracking: &str) -> Envelope {
        use crate::modules::parcels::{Collector, Handover, Intake, pickup_code};
        let p = Intake {
            tracking: tracking.into(),
            unit: "3-1-502".into(),
            name: "张伟".into(),
            ..Intake::default()
        }
        .parse(t.clock.now(), "小李", pickup_code(7))
        .unwrap()
        .handed_over(Handover {
            at: t.clock.now(),
            clerk: "小李".into(),
            collector: Collector {
                name: "张伟".into(),
                phone: None,
                on_behalf: None,
            },
            id_checked: false,
            signature: RecordId(uuid::Uuid::nil()),
        })
        .unwrap();
        let mut e = Envelope::create(&p, t.new_id(), t.stamp()).unwrap();
        e.meta.schema = 1;
        e.body["photo"] = "data:image/jpeg;base64,/9j/OLD".into();
        e.body["handover"]["signature"] = "data:image/png;base64,iVBORsig".into();
        e
    }

    #[test]
    fn pictures_an_older_build_kept_inline_become_the_same_photo_records_on_every_tablet() {
        use crate::layout::{LAYOUTS_ID, Layouts, upgrade_stale};
        use crate::modules::parcels::Parcel;
        use crate::modules::photos::Photo;
        let (a, b) = pair();
        let old = old_parcel(&a, "SF5555555555555");
        // Tablet a was written by the older build (parcels at layout 1), then updated.
        let mut layouts = Layouts::default();
        for k in registry::kinds() {
            layouts.kinds.insert(k.kind.to_string(), k.layout);
        }
        layouts.kinds.insert(Parcel::KIND.into(), (1, 1));
        block_on(
            a.store
                .put(&Envelope::create(&layouts, LAYOUTS_ID, a.stamp()).unwrap()),
        )
        .unwrap();
        block_on(a.store.put(&old)).unwrap();
        let written = block_on(upgrade_stale(
            &a.store,
            registry::kinds(),
            &exchange::take_out_pictures,
            || a.stamp(),
        ))
        .unwrap();
        assert_eq!(written, 3, "the parcel and its two photos");
        let now_a = a.get(Parcel::KIND, old.meta.id).unwrap();
        assert_eq!(
            now_a.meta.version, old.meta.version,
            "moving pictures is no edit"
        );
        let p: Parcel = now_a.decode().unwrap();
        let photo = |t: &Tablet, id| {
            t.get(Photo::KIND, id)
                .unwrap()
                .decode::<Photo>()
                .unwrap()
                .data
        };
        assert_eq!(
            photo(&a, p.photo.unwrap()),
            "data:image/jpeg;base64,/9j/OLD"
        );
        assert_eq!(
            photo(&a, p.handover.clone().unwrap().signature),
            "data:image/png;base64,iVBORsig"
        );
        // Tablet b still holds a file the older build wrote of the same parcel: importing it
        // makes the very same photo records, so nothing is new and nothing is in conflict.
        let old_file = encode(
            "阳光物业",
            dev(9),
            a.clock.now(),
            None,
            "all",
            vec![old.clone()],
        );
        let plan = b.import(&old_file).expect("an older file still imports");
        assert_eq!(plan.writes.len(), 3);
        for id in [p.photo.unwrap(), p.handover.clone().unwrap().signature] {
            let (pa, pb) = (
                a.get(Photo::KIND, id).unwrap(),
                b.get(Photo::KIND, id).unwrap(),
            );
            assert_eq!((pa.meta.version, pa.body), (pb.meta.version, pb.body));
        }
        let again = a.import(&old_file).unwrap();
        assert!(again.writes.is_empty(), "{:?}", again.writes);
        let (from_b, _) = b.export(&Scope::All);
        assert!(a.import(&from_b).unwrap().writes.is_empty());
        assert!(
            b.import(&a.export(&Scope::All).0)
                .unwrap()
                .writes
                .is_empty()
        );
    }

    #[test]
    fn a_plan_made_before_a_local_edit_is_not_applied_over_it() {
        let (a, b) = pair();
        let memo = a.memo("甲:门禁卡已补办");
        let (file, _) = a.export(&Scope::All);
        b.import(&file).unwrap();
        a.edit(memo.meta.id, "甲:门禁卡已补办,押金已收").unwrap();
        let (newer, _) = a.export(&Scope::All);
        // b previews a's newer file, then signs the visitor memo off on its own before applying.
        let stale = b.preview(&newer).unwrap();
        let mine = b.edit(memo.meta.id, "乙:已通知业主").unwrap();
        let err = block_on(b.store.put_all_if(&stale.writes, &stale.expected)).unwrap_err();
        assert!(
            matches!(err, StoreError::Changed { id, .. } if id == memo.meta.id),
            "{err:?}"
        );
        assert_eq!(
            b.get(Memo::KIND, memo.meta.id),
            Some(mine.clone()),
            "nothing overwritten"
        );
        // Planned again, the two edits meet as a conflict kept for the supervisor.
        let fresh = b.preview(&newer).unwrap();
        assert_eq!(fresh.total().conflict, 1);
        block_on(b.store.put_all_if(&fresh.writes, &fresh.expected)).unwrap();
        assert!(b.in_conflict(memo.meta.id));
    }

    #[test]
    fn an_old_version_kept_in_a_conflict_set_has_its_pictures_taken_out_too() {
        use crate::modules::parcels::Parcel;
        let (a, _) = pair();
        let old = old_parcel(&a, "SF6666666666666");
        let set = ConflictSet {
            kind: Parcel::KIND.into(),
            record: old.meta.id,
            losers: vec![old.clone()],
            resolved_by: None,
        };
        let mut env = Envelope::create(&set, old.meta.id, a.stamp()).unwrap();
        let photos = exchange::take_out_pictures(&mut env).unwrap();
        assert_eq!(photos.len(), 2);
        let loser = &env.decode::<ConflictSet>().unwrap().losers[0];
        let p: Parcel = loser.decode().unwrap();
        assert_eq!(p.photo, Some(photos[0].meta.id));
    }

    #[test]
    fn a_file_may_add_audit_entries_but_never_change_or_remove_one() {
        use crate::actor::StaffRef;
        use crate::audit::{AuditAction, AuditEntry};
        let (a, b) = pair();
        let by = |name: &str| StaffRef {
            id: None,
            name: name.into(),
        };
        let entry = AuditEntry {
            at: a.clock.now(),
            device: dev(1),
            by: by("王主管"),
            action: AuditAction::Create,
            kind: "visit".into(),
            record: None,
            changes: Vec::new(),
            redacted: false,
        };
        let e = Envelope::create(&entry, a.new_id(), a.stamp()).unwrap();
        block_on(a.store.put(&e)).unwrap();
        b.import(&a.export(&Scope::All).0).unwrap();
        let who = |t: &Tablet| {
            t.get("audit", e.meta.id)
                .filter(|x| !x.meta.deleted)
                .map(|x| x.decode::<AuditEntry>().unwrap().by.name)
        };
        assert_eq!(who(&b).as_deref(), Some("王主管"), "a new entry is added");
        // The other tablet's file re-attributes it, then deletes it: neither lands here.
        let forged = AuditEntry {
            by: by("假主管"),
            ..entry
        };
        let forged = e.update(&forged, a.stamp()).unwrap();
        block_on(a.store.put(&forged)).unwrap();
        let plan = b.import(&a.export(&Scope::All).0).unwrap();
        assert_eq!(plan.total().older, 1);
        assert_eq!(who(&b).as_deref(), Some("王主管"));
        block_on(a.store.put(&forged.tombstone(a.stamp()))).unwrap();
        b.import(&a.export(&Scope::All).0).unwrap();
        assert_eq!(who(&b).as_deref(), Some("王主管"));
    }

    #[test]
    fn pin_hashes_never_go_into_a_plain_file() {
        use crate::actor::Role;
        use crate::modules::staff::{Pin, PinHash, Staff};
        let (a, _) = pair();
        let staff = Staff::new(
            "王主管",
            &[Role::Supervisor],
            PinHash::with_rounds(&Pin::parse("123456").unwrap(), [1; 16], 10),
        )
        .unwrap();
        let s = Envelope::create(&staff, a.new_id(), a.stamp()).unwrap();
        block_on(a.store.put(&s)).unwrap();
        let m = a.memo("备忘");
        let all = block_on(select(&a.store, &Scope::All)).unwrap().records;
        assert_eq!(all.len(), 2, "an encrypted file carries staff");
        let plain = for_plain_file(all);
        assert_eq!(plain, vec![m]);
        assert!(exported_kinds(true).contains(&"staff"));
        assert!(!exported_kinds(false).contains(&"staff"));
        assert!(exported_kinds(false).contains(&"visit"));
        assert!(!exported_kinds(true).contains(&"conflict"));
    }

    #[test]
    fn bookkeeping_never_leaves_the_tablet_and_unknown_kinds_are_not_written() {
        let (a, b) = pair();
        let m = a.memo("一");
        b.import(&a.export(&Scope::All).0).unwrap();
        a.edit(m.meta.id, "甲");
        b.edit(m.meta.id, "乙");
        b.import(&a.export(&Scope::All).0).unwrap();
        assert_eq!(b.open_conflicts().len(), 1);
        let (f, _) = b.export(&Scope::All);
        assert!(!f.contains("\"kind\":\"conflict\""));
        // The loser travels as a record version of its own.
        let c = read(f.as_bytes(), dev(9), b.clock.now()).unwrap();
        assert_eq!(
            c.file
                .records
                .iter()
                .filter(|r| r.meta.id == m.meta.id)
                .count(),
            2
        );
    }

    #[test]
    fn the_guarded_import_needs_the_import_right_and_writes_one_audit_line() {
        use crate::modules::staff::{Role, StaffRef};
        let (a, _) = pair();
        a.memo("一");
        let (f, _) = a.export(&Scope::All);
        let g = Guarded::new(MemoryStore::new(), Box::new(SeqIds::starting_at(77)));
        let checked = read(f.as_bytes(), dev(5), a.clock.now()).unwrap();
        let at = a.stamp();
        let plan = block_on(plan_import(&g.system(), &checked, at, at.version)).unwrap();
        let who = |roles: Vec<Role>| Actor {
            by: StaffRef {
                id: None,
                name: "x".into(),
            },
            roles,
            system: false,
        };
        g.set_actor(Some(who(vec![Role::Clerk])));
        assert!(matches!(
            block_on(g.import(&plan.writes, &plan.expected, "file", Vec::new(), at, None)),
            Err(StoreError::Forbidden(a)) if a == crate::permit::Action::IMPORT
        ));
        assert!(g.inner().is_empty(), "refused: nothing written");
        g.set_actor(Some(who(vec![Role::Supervisor])));
        block_on(g.import(&plan.writes, &plan.expected, "file", Vec::new(), at, None)).unwrap();
        assert_eq!(g.inner().len(), 2, "the memo and one audit entry");
    }

    #[test]
    fn a_record_in_conflict_is_not_edited_until_resolved_and_jobs_skip_it() {
        use crate::modules::staff::{Role, StaffRef};
        let (a, b) = pair();
        let m = a.memo("一");
        b.import(&a.export(&Scope::All).0).unwrap();
        a.edit(m.meta.id, "甲");
        b.edit(m.meta.id, "乙");
        b.import(&a.export(&Scope::All).0).unwrap();
        // B's store behind the guard.
        let g = Guarded::new(MemoryStore::new(), Box::new(SeqIds::starting_at(900)));
        block_on(g.inner().put_all(&b.snapshot())).unwrap();
        g.set_actor(Some(Actor {
            by: StaffRef {
                id: None,
                name: "王主管".into(),
            },
            roles: vec![Role::Supervisor],
            system: false,
        }));
        let cur = block_on(g.get(Memo::KIND, m.meta.id)).unwrap().unwrap();
        let next = cur
            .update(&Memo::new("丙", "x").unwrap(), b.stamp())
            .unwrap();
        let e = block_on(g.put(&next)).unwrap_err();
        assert!(matches!(e, StoreError::InConflict { .. }));
        assert!(e.message(Lang::Zh).contains("冲突"));
        let before = g.inner().len();
        block_on(g.system().put(&next)).unwrap();
        assert_eq!(g.inner().len(), before, "the app's own jobs skip it");
        // The resolution, with its conflict set, is let through.
        let set = block_on(g.get(CONFLICT_KIND, m.meta.id)).unwrap().unwrap();
        let losers = set.decode::<ConflictSet>().unwrap().losers;
        let merged = Merged {
            current: cur.clone(),
            conflicts: losers,
        };
        let w = resolve(&merged, &cur, None, &set, "王主管", b.stamp()).unwrap();
        block_on(g.put_all(&w)).unwrap();
        let after = block_on(g.get(Memo::KIND, m.meta.id)).unwrap().unwrap();
        block_on(
            g.put(
                &after
                    .update(&Memo::new("丁", "x").unwrap(), b.stamp())
                    .unwrap(),
            ),
        )
        .unwrap();
    }

    /// Every way a file can be wrong: each is refused with a message, and the tablet's data is
    /// exactly as before.
    #[test]
    fn bad_files_are_refused_with_a_message_and_change_nothing() {
        let (a, b) = pair();
        b.memo("乙 自己的数据");
        let m = a.memo("甲");
        let visit = VisitForm {
            name: "张伟".into(),
            phone: "13800138000".into(),
            id_number: "11010519491231002X".into(),
            host_unit: "3-1-502".into(),
            ..VisitForm::default()
        }
        .parse(a.clock.now(), "x")
        .unwrap();
        let ve = Envelope::create(&visit, a.new_id(), a.stamp()).unwrap();
        block_on(a.store.put(&ve)).unwrap();
        let (good, _) = a.export(&Scope::All);
        let v: serde_json::Value = serde_json::from_str(&good).unwrap();
        let edit = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v = v.clone();
            f(&mut v);
            serde_json::to_string(&v).unwrap()
        };
        // A tampered file with its checksum made to fit again (of the records as written).
        let resum = |v: &mut serde_json::Value| {
            let text = serde_json::to_string(&v["records"]).unwrap();
            v["checksum"] = crate::exchange::hex_sha256(text.as_bytes()).into();
            v["record_count"] = v["records"].as_array().unwrap().len().into();
        };
        let cases: Vec<(&str, String)> = vec![
            ("empty", String::new()),
            ("whitespace", "  \n".into()),
            ("not ours", "姓名,手机\n张伟,13800138000".into()),
            ("other json", r#"{"hello":"world"}"#.into()),
            ("truncated", good[..good.len() / 2].into()),
            ("checksum", good.replace("甲", "丙")),
            ("future", edit(&|v| v["format_version"] = 99.into())),
            (
                "encrypted",
                crate::exchange::Sealed::new(&[1; 16], &[2; 12], &[3; 32], b"x").to_json(),
            ),
            (
                "missing",
                edit(&|v| {
                    v.as_object_mut().unwrap().remove("device");
                }),
            ),
            ("count", edit(&|v| v["record_count"] = 5.into())),
            (
                "duplicate",
                edit(&|v| {
                    let r = v["records"][0].clone();
                    v["records"].as_array_mut().unwrap().push(r);
                    resum(v);
                }),
            ),
            (
                "invalid",
                edit(&|v| {
                    // A wrong check digit in the visitor's ID number.
                    v["records"][1]["body"]["id_doc"]["number"] = "110105194912310021".into();
                    resum(v);
                }),
            ),
            (
                "future schema",
                edit(&|v| {
                    v["records"][0]["meta"]["schema"] = 99.into();
                    resum(v);
                }),
            ),
            (
                "tombstone with index",
                edit(&|v| {
                    v["records"][0]["meta"]["deleted"] = true.into();
                    resum(v);
                }),
            ),
            (
                "record not an object",
                edit(&|v| {
                    v["records"][0] = "x".into();
                }),
            ),
            ("photo with a wrong hash", {
                let mut v = v.clone();
                let photo = crate::modules::photos::Photo::new(
                    "data:image/jpeg;base64,/9j/AAAA".into(),
                    a.clock.now(),
                );
                let mut pe = Envelope::create(&photo, a.new_id(), a.stamp()).unwrap();
                pe.body["data"] = "data:image/jpeg;base64,/9j/BBBB".into();
                v["records"]
                    .as_array_mut()
                    .unwrap()
                    .push(serde_json::to_value(pe).unwrap());
                resum(&mut v);
                serde_json::to_string(&v).unwrap()
            }),
            ("photo missing", {
                let mut v = v.clone();
                let (tid, t) = crate::modules::inspections::builtins().remove(2);
                let mut i = crate::modules::inspections::Inspection::start(
                    tid,
                    &t,
                    "花园",
                    "",
                    "x",
                    a.clock.now(),
                );
                i.add_photo("i5", a.new_id(), a.clock.now()).unwrap();
                let ie = Envelope::create(&i, a.new_id(), a.stamp()).unwrap();
                v["records"]
                    .as_array_mut()
                    .unwrap()
                    .push(serde_json::to_value(ie).unwrap());
                resum(&mut v);
                serde_json::to_string(&v).unwrap()
            }),
        ];
        // (A record dated far ahead is no longer a bad file: it is set aside, see exchange.)
        assert!(cases.len() >= 17);
        let before = b.snapshot();
        for (name, file) in &cases {
            let e = b.import(file).expect_err(name);
            assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
            assert_eq!(b.snapshot(), before, "{name} changed the data");
        }
        assert!(b.get(Memo::KIND, m.meta.id).is_none());
        let file = |n: &str| &cases.iter().find(|(c, _)| *c == n).unwrap().1;
        assert!(matches!(
            b.import(file("photo missing")),
            Err(FileError::PhotoMissing(_))
        ));
        assert!(matches!(
            b.import(file("photo with a wrong hash")),
            Err(FileError::InvalidRecord { kind, reason, .. }) if kind == "photo" && reason.contains("hash")
        ));
        // The tablet's own export changes nothing; a preview that is cancelled writes nothing.
        let (own, _) = b.export(&Scope::All);
        assert!(read(own.as_bytes(), dev(2), b.clock.now()).unwrap().own);
        assert!(b.import(&own).unwrap().writes.is_empty());
        b.preview(&good).unwrap();
        assert_eq!(b.snapshot(), before);
        // An unknown record type is skipped and said so, the rest lands.
        let with_unknown = edit(&|v| {
            let mut r = v["records"][0].clone();
            r["meta"]["kind"] = "spaceship".into();
            r["meta"]["id"] = "00000000-0000-0000-0000-0000000000ff".into();
            v["records"].as_array_mut().unwrap().push(r);
            resum(v);
        });
        let c = read(with_unknown.as_bytes(), dev(2), b.clock.now()).unwrap();
        assert_eq!(c.skipped["spaceship"], 1);
        let plan = b.import(&with_unknown).unwrap();
        assert_eq!(plan.writes.len(), 2);
        assert!(
            b.get("spaceship", RecordId(uuid::Uuid::from_u128(0xff)))
                .is_none()
        );
    }

    #[derive(Clone, Debug)]
    enum Step {
        Create(u8),
        Edit(u8, usize),
        Delete(u8, usize),
        /// Tablet `from` exports everything (or what changed since its last export to `to`) and
        /// `to` imports it.
        Send {
            from: u8,
            to: u8,
            delta: bool,
        },
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0u8..3).prop_map(Step::Create),
            (0u8..3, 0usize..6).prop_map(|(d, i)| Step::Edit(d, i)),
            (0u8..3, 0usize..6).prop_map(|(d, i)| Step::Delete(d, i)),
            (0u8..3, 0u8..3, any::<bool>()).prop_map(|(from, to, delta)| Step::Send {
                from,
                to,
                delta
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Three tablets edit and exchange files in random orders. Afterwards, once each has
        /// sent everything to the others, all hold the same records and conflicts; no version
        /// ever made is lost (each is current, kept in conflict, or superseded by one made
        /// knowing it); and importing a file a second time changes nothing.
        #[test]
        fn three_tablets_converge_and_lose_nothing(steps in prop::collection::vec(step(), 1..40)) {
            let clock = Rc::new(ManualClock::at_millis(1_764_000_000_000));
            let t: Vec<Tablet> = (1..=3).map(|n| Tablet::new(n, clock.clone())).collect();
            let mut ids: Vec<RecordId> = Vec::new();
            let mut made: Vec<Envelope> = Vec::new();
            let mut marks: HashMap<(u8, u8), Option<String>> = HashMap::new();
            for s in steps {
                match s {
                    Step::Create(d) => {
                        let e = t[d as usize].memo(&format!("{d} 新"));
                        ids.push(e.meta.id);
                        made.push(e);
                    }
                    Step::Edit(d, i) => if let Some(id) = ids.get(i) {
                        made.extend(t[d as usize].edit(*id, &format!("{d} 改 {i}")));
                    },
                    Step::Delete(d, i) => if let Some(id) = ids.get(i) {
                        made.extend(t[d as usize].delete(*id));
                    },
                    Step::Send { from, to, delta } => if from != to {
                        let scope = if delta {
                            Scope::Since(marks.get(&(from, to)).cloned().flatten())
                        } else {
                            Scope::All
                        };
                        let (f, mark) = t[from as usize].export(&scope);
                        marks.insert((from, to), mark);
                        t[to as usize].import(&f).unwrap();
                        let again = t[to as usize].import(&f).unwrap();
                        prop_assert!(again.writes.is_empty(), "second import wrote {:?}", again.writes.len());
                    },
                }
            }
            for _ in 0..2 {
                for from in 0..3 {
                    for to in 0..3 {
                        if from != to {
                            let (f, _) = t[from].export(&Scope::All);
                            t[to].import(&f).unwrap();
                        }
                    }
                }
            }
            let s0 = t[0].state();
            prop_assert_eq!(&s0, &t[1].state());
            prop_assert_eq!(&s0, &t[2].state());
            let kept: Vec<&Envelope> = s0.values().flat_map(|(c, l)| std::iter::once(c).chain(l)).collect();
            for v in &made {
                let alive = kept.iter().any(|k| {
                    k.meta.id == v.meta.id
                        && matches!(crate::merge::compare(v, k), crate::merge::Order::Same | crate::merge::Order::Older)
                });
                prop_assert!(alive, "version {} of {} disappeared", v.meta.version, v.meta.id);
            }
        }
    }
}
