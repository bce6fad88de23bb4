//! Merging record versions from another device, record by record, with no silent loss.
//!
//! Every version carries its record's history: how many edits each device had made up to it. A
//! version is *older* than another when its history is contained in the other's (the other was
//! made knowing it); two versions are *concurrent* when neither contains the other (both sides
//! changed the record since they last agreed). A record's state is its set of *heads*, the
//! versions no other seen version supersedes: normally one; after concurrent edits, several.
//! The current version is the head a deletion made, if any (a delete or purge wins over a
//! concurrent edit), else the head with the newest hybrid-logical-clock version (ties broken by
//! device). The other heads are kept as conflicts for a supervisor to resolve.
//!
//! Because the state is the set of maximal versions seen, merging is commutative, associative and
//! idempotent: every device that has seen the same versions holds the same state (property-tested
//! below over three simulated devices).

use crate::record::{DeviceId, Envelope, Stamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How two versions of a record relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Same,
    /// The first is older: the second was made knowing it.
    Older,
    Newer,
    Concurrent,
}

fn contains(a: &BTreeMap<DeviceId, u64>, b: &BTreeMap<DeviceId, u64>) -> bool {
    b.iter().all(|(d, n)| a.get(d).copied().unwrap_or(0) >= *n)
}

/// How version `a` relates to version `b` of the same record.
pub fn compare(a: &Envelope, b: &Envelope) -> Order {
    let (ha, hb) = (&a.meta.history, &b.meta.history);
    match (contains(hb, ha), contains(ha, hb)) {
        (true, true) if a.meta.version == b.meta.version => Order::Same,
        (true, true) => Order::Concurrent,
        (true, false) => Order::Older,
        (false, true) => Order::Newer,
        (false, false) => Order::Concurrent,
    }
}

/// One record's merged state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Merged {
    /// The version the app shows and lists.
    pub current: Envelope,
    /// Concurrent versions that lost, for a supervisor to see and resolve. Never dropped silently.
    pub conflicts: Vec<Envelope>,
}

/// What merging one incoming version did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The record was not known here.
    New,
    /// The incoming version supersedes what was here.
    Newer,
    /// What was here already supersedes (or is) the incoming version: nothing changed.
    Older,
    Unchanged,
    /// Both sides changed the record since they last agreed: the versions are kept side by side.
    Conflict,
}

fn pick_current(mut heads: Vec<Envelope>) -> Merged {
    // A deletion wins over concurrent edits; otherwise the newest version. Both are total orders.
    heads.sort_by(|a, b| (b.meta.deleted, b.meta.version).cmp(&(a.meta.deleted, a.meta.version)));
    let current = heads.remove(0);
    heads.sort_by(|a, b| b.meta.version.cmp(&a.meta.version));
    Merged {
        current,
        conflicts: heads,
    }
}

impl Merged {
    pub fn new(env: Envelope) -> Self {
        Merged {
            current: env,
            conflicts: Vec::new(),
        }
    }

    pub fn heads(&self) -> impl Iterator<Item = &Envelope> {
        std::iter::once(&self.current).chain(self.conflicts.iter())
    }

    /// Takes in one version of this record.
    pub fn merge(&self, incoming: &Envelope) -> (Merged, Change) {
        let mut heads = Vec::new();
        for h in self.heads() {
            match compare(incoming, h) {
                Order::Same => return (self.clone(), Change::Unchanged),
                Order::Older => return (self.clone(), Change::Older),
                // Superseded by the incoming version: it leaves the heads.
                Order::Newer => {}
                Order::Concurrent => heads.push(h.clone()),
            }
        }
        // Superseding some heads while staying concurrent with others is still a conflict.
        let change = if heads.is_empty() {
            Change::Newer
        } else {
            Change::Conflict
        };
        heads.push(incoming.clone());
        (pick_current(heads), change)
    }

    /// A supervisor's resolution: `chosen` (one of the heads, or a copy with fields taken across)
    /// written as a new version that supersedes every head.
    pub fn resolve(&self, chosen: &Envelope, at: Stamp) -> Envelope {
        let mut history = BTreeMap::new();
        for h in self.heads() {
            for (d, n) in &h.meta.history {
                let e = history.entry(*d).or_insert(0);
                *e = (*e).max(*n);
            }
        }
        *history.entry(at.version.device).or_insert(0) += 1;
        let mut env = chosen.clone();
        env.meta.history = history;
        env.meta.version = at.version;
        env.meta.device = at.version.device;
        env.meta.updated_at = at.now.max(env.meta.created_at);
        env.meta.received = None;
        env
    }
}

/// Merges a version into an optional state.
pub fn merge_into(state: Option<&Merged>, incoming: &Envelope) -> (Merged, Change) {
    match state {
        None => (Merged::new(incoming.clone()), Change::New),
        Some(s) => s.merge(incoming),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hlc::HlcClock;
    use crate::record::Record;

    /// A record of no module's, for the merge rule alone.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Memo {
        text: String,
    }
    impl Memo {
        fn new(text: &str, _by: &str) -> Result<Self, ()> {
            Ok(Memo { text: text.into() })
        }
        fn text(&self) -> &str {
            &self.text
        }
    }
    impl Record for Memo {
        const KIND: &'static str = "note";
        const SCHEMA: u32 = 1;
    }
    use crate::record::RecordId;
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn dev(n: u8) -> DeviceId {
        DeviceId::from_bytes([n; 16])
    }

    struct Device {
        hlc: HlcClock,
        records: BTreeMap<RecordId, Merged>,
    }

    impl Device {
        fn new(n: u8) -> Self {
            Device {
                hlc: HlcClock::new(dev(n)),
                records: BTreeMap::new(),
            }
        }
        fn stamp(&mut self, t: u64) -> Stamp {
            let version = self.hlc.tick(t);
            Stamp {
                now: Utc
                    .timestamp_millis_opt(1_764_000_000_000 + t as i64)
                    .unwrap(),
                version,
            }
        }
        fn create(&mut self, id: RecordId, text: &str, t: u64) -> Envelope {
            let e = Envelope::create(&Memo::new(text, "x").unwrap(), id, self.stamp(t)).unwrap();
            self.records.insert(id, Merged::new(e.clone()));
            e
        }
        fn edit(&mut self, id: RecordId, text: &str, t: u64) -> Option<Envelope> {
            let cur = self.records.get(&id)?.current.clone();
            if cur.meta.deleted {
                return None;
            }
            let e = cur
                .update(&Memo::new(text, "x").unwrap(), self.stamp(t))
                .ok()?;
            let (m, _) = self.records[&id].merge(&e);
            self.records.insert(id, m);
            Some(e)
        }
        fn delete(&mut self, id: RecordId, t: u64) -> Option<Envelope> {
            let cur = self.records.get(&id)?.current.clone();
            let e = cur.tombstone(self.stamp(t));
            let (m, _) = self.records[&id].merge(&e);
            self.records.insert(id, m);
            Some(e)
        }
        /// An export file: every head of every record.
        fn export(&self) -> Vec<Envelope> {
            self.records
                .values()
                .flat_map(|m| m.heads().cloned())
                .collect()
        }
        fn import(&mut self, file: &[Envelope], t: u64) -> Vec<Change> {
            file.iter()
                .map(|e| {
                    let _ = self.hlc.observe(e.meta.version, t + 1_000_000_000);
                    let (m, c) = merge_into(self.records.get(&e.meta.id), e);
                    self.records.insert(e.meta.id, m);
                    c
                })
                .collect()
        }
        fn view(&self) -> BTreeMap<RecordId, (String, BTreeSet<String>)> {
            self.records
                .iter()
                .map(|(id, m)| {
                    (
                        *id,
                        (
                            m.current.meta.version.to_string(),
                            m.conflicts
                                .iter()
                                .map(|c| c.meta.version.to_string())
                                .collect(),
                        ),
                    )
                })
                .collect()
        }
    }

    fn id(n: u64) -> RecordId {
        RecordId(uuid::Uuid::from_u128(u128::from(n) + 1))
    }

    #[test]
    fn an_edit_made_after_seeing_a_version_supersedes_it() {
        let (mut a, mut b) = (Device::new(1), Device::new(2));
        a.create(id(1), "v1", 1);
        b.import(&a.export(), 2);
        let v2 = b.edit(id(1), "v2", 3).unwrap();
        assert_eq!(a.import(std::slice::from_ref(&v2), 4), vec![Change::Newer]);
        assert_eq!(a.records[&id(1)].current, v2);
        // The old version coming back changes nothing.
        let v1 = a.records[&id(1)].current.clone();
        assert_eq!(b.import(&[v1], 5), vec![Change::Unchanged]);
    }

    #[test]
    fn concurrent_edits_keep_both_the_newer_wins_and_the_other_is_a_conflict() {
        let (mut a, mut b) = (Device::new(1), Device::new(2));
        a.create(id(1), "v1", 1);
        b.import(&a.export(), 2);
        let ea = a.edit(id(1), "from A", 10).unwrap();
        let eb = b.edit(id(1), "from B", 20).unwrap();
        assert_eq!(
            a.import(std::slice::from_ref(&eb), 30),
            vec![Change::Conflict]
        );
        let m = a.records[&id(1)].clone();
        assert_eq!(m.current, eb);
        assert_eq!(m.conflicts, vec![ea.clone()]);
        b.import(&[ea], 31);
        assert_eq!(a.view(), b.view());
        // The supervisor keeps A's text: one version again, superseding both.
        let chosen = m.conflicts[0].clone();
        let resolved = m.resolve(&chosen, a.stamp(40));
        let (after, change) = m.merge(&resolved);
        assert_eq!(change, Change::Newer);
        assert!(after.conflicts.is_empty());
        assert_eq!(after.current.decode::<Memo>().unwrap().text(), "from A");
    }

    #[test]
    fn a_delete_wins_over_a_concurrent_edit_and_an_old_file_never_brings_it_back() {
        let (mut a, mut b) = (Device::new(1), Device::new(2));
        a.create(id(1), "v1", 1);
        let old_file = a.export();
        b.import(&old_file, 2);
        let tomb = a.delete(id(1), 10).unwrap();
        let edit = b.edit(id(1), "edited later", 20).unwrap();
        a.import(&[edit.clone()], 30);
        b.import(&[tomb.clone()], 31);
        assert!(a.records[&id(1)].current.meta.deleted);
        assert_eq!(a.records[&id(1)].conflicts, vec![edit]);
        assert_eq!(a.view(), b.view());
        let mut c = Device::new(3);
        c.import(&[tomb], 40);
        assert_eq!(c.import(&old_file, 41), vec![Change::Older]);
        assert!(c.records[&id(1)].current.meta.deleted);
    }

    #[derive(Clone, Debug)]
    enum Op {
        Create(u8, u64),
        Edit(u8, u64),
        Delete(u8, u64),
        Send(u8, u8),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0u8..3, 0u64..6).prop_map(|(d, r)| Op::Create(d, r)),
            (0u8..3, 0u64..6).prop_map(|(d, r)| Op::Edit(d, r)),
            (0u8..3, 0u64..6).prop_map(|(d, r)| Op::Delete(d, r)),
            (0u8..3, 0u8..3).prop_map(|(a, b)| Op::Send(a, b)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Random edits on three devices exchanging files in random orders: once everyone has
        /// everyone's file, all hold the same records and conflicts, no version is lost, and
        /// importing the same file again changes nothing.
        #[test]
        fn devices_converge_and_nothing_is_lost(ops in proptest::collection::vec(op(), 1..60), order in Just(()).prop_perturb(|_, mut rng| {
            let mut v = vec![0u8, 1, 2, 0, 2, 1, 1, 0, 2];
            for i in (1..v.len()).rev() { let j = (rng.next_u32() as usize) % (i + 1); v.swap(i, j); }
            v
        })) {
            let mut devices = [Device::new(1), Device::new(2), Device::new(3)];
            let mut made: Vec<Envelope> = Vec::new();
            let mut t = 0u64;
            for op in ops {
                t += 7;
                match op {
                    Op::Create(d, r) => {
                        if !devices[d as usize].records.contains_key(&id(r + 100 * u64::from(d))) {
                            made.push(devices[d as usize].create(id(r + 100 * u64::from(d)), "new", t));
                        }
                    }
                    Op::Edit(d, r) => {
                        let known: Vec<RecordId> = devices[d as usize].records.keys().copied().collect();
                        if let Some(k) = known.get(r as usize % known.len().max(1)) {
                            if let Some(e) = devices[d as usize].edit(*k, &format!("e{t}"), t) { made.push(e); }
                        }
                    }
                    Op::Delete(d, r) => {
                        let known: Vec<RecordId> = devices[d as usize].records.keys().copied().collect();
                        if let Some(k) = known.get(r as usize % known.len().max(1)) {
                            if let Some(e) = devices[d as usize].delete(*k, t) { made.push(e); }
                        }
                    }
                    Op::Send(a, b) => {
                        let file = devices[a as usize].export();
                        devices[b as usize].import(&file, t);
                    }
                }
            }
            // Everyone sends to everyone, in a random order, twice round.
            for _ in 0..2 {
                for &a in &order {
                    let file = devices[a as usize].export();
                    for b in 0..3 {
                        devices[b].import(&file, t);
                    }
                }
            }
            prop_assert_eq!(devices[0].view(), devices[1].view());
            prop_assert_eq!(devices[1].view(), devices[2].view());
            // No version disappeared: each is a head, or superseded by one.
            for v in &made {
                let m = &devices[0].records[&v.meta.id];
                prop_assert!(m.heads().any(|h| matches!(compare(v, h), Order::Same | Order::Older)), "lost {}", v.meta.version);
            }
            // Idempotent: the same file again changes nothing.
            let file = devices[1].export();
            let before = devices[0].view();
            let changes = devices[0].import(&file, t);
            prop_assert!(changes.iter().all(|c| matches!(c, Change::Unchanged | Change::Older)));
            prop_assert_eq!(devices[0].view(), before);
        }

        /// Merging two versions in either order gives the same state.
        #[test]
        fn merging_is_commutative(edits_a in 1usize..4, edits_b in 0usize..4) {
            let (mut a, mut b) = (Device::new(1), Device::new(2));
            a.create(id(1), "v", 1);
            b.import(&a.export(), 2);
            let mut x = None;
            for i in 0..edits_a { x = a.edit(id(1), "a", 10 + i as u64); }
            let mut y = None;
            for i in 0..edits_b { y = b.edit(id(1), "b", 20 + i as u64); }
            let base = Merged::new(b.records[&id(1)].current.clone());
            let (x, y) = (x.unwrap(), y.unwrap_or_else(|| base.current.clone()));
            let (m1, _) = base.merge(&x);
            let (m1, _) = m1.merge(&y);
            let (m2, _) = base.merge(&y);
            let (m2, _) = m2.merge(&x);
            prop_assert_eq!(m1, m2);
        }
    }

    #[test]
    fn histories_survive_json() {
        let mut a = Device::new(1);
        let e = a.create(id(1), "v", 1);
        let back: Envelope = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back.meta.history, e.meta.history);
    }
}
