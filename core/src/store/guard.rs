//! The guarded store: every write is checked against the permission table for the person on
//! duty, stamped with who wrote it, and written together with its audit entry in one
//! transaction, so there is no change without its audit line and no audit line without its change.
//!
//! ```ignore
//! let store = Guarded::new(IdbStore::open(..).await?, Box::new(CryptoIds));
//! store.set_actor(Some(Actor::staff(id, &staff)));   // on sign-in
//! store.put(&env).await?;                            // refused if the role may not write it
//! store.system().put_all(&closed).await?;            // the app's own jobs (auto sign-out)
//! ```

use super::{ChangePage, ListQuery, Page, RecordStore, StoreError};
use crate::audit::{self, AuditAction, AuditEntry, FieldChange};
use crate::clock::IdSource;
use crate::lang::Lang;
use crate::modules::staff::{Role, Staff, StaffRef};
use crate::permit::{self, Action};
use crate::record::{Envelope, RecordId, Stamp};
use std::cell::RefCell;

/// Who is acting: a person with roles, or the app itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub by: StaffRef,
    pub roles: Vec<Role>,
    /// The app's own jobs: allowed every write, recorded as the app.
    pub system: bool,
}

impl Actor {
    pub fn staff(id: RecordId, staff: &Staff) -> Self {
        Actor {
            by: StaffRef {
                id: Some(id),
                name: staff.name.clone(),
            },
            roles: staff.roles.clone(),
            system: false,
        }
    }

    pub fn system() -> Self {
        Actor {
            by: StaffRef {
                id: None,
                name: Lang::Zh.pick("系统", "System").into(),
            },
            roles: Vec::new(),
            system: true,
        }
    }

    pub fn may(&self, action: Action) -> bool {
        self.system || permit::allowed(&self.roles, action)
    }
}

pub struct Guarded<S> {
    inner: S,
    actor: RefCell<Option<Actor>>,
    ids: Box<dyn IdSource>,
}

impl<S: RecordStore> Guarded<S> {
    pub fn new(inner: S, ids: Box<dyn IdSource>) -> Self {
        Self {
            inner,
            actor: RefCell::new(None),
            ids,
        }
    }

    /// The unguarded store, for the storage layer's own checks and tests.
    pub fn inner(&self) -> &S {
        &self.inner
    }

    pub fn set_actor(&self, actor: Option<Actor>) {
        *self.actor.borrow_mut() = actor;
    }

    pub fn actor(&self) -> Option<Actor> {
        self.actor.borrow().clone()
    }

    /// The store as `actor`.
    pub fn acting(&self, actor: Actor) -> Acting<'_, S> {
        Acting { guard: self, actor }
    }

    /// The store as the app itself, for automatic jobs.
    pub fn system(&self) -> Acting<'_, S> {
        self.acting(Actor::system())
    }

    /// Whether any staff record exists (first start: none does).
    pub async fn has_staff(&self) -> Result<bool, StoreError> {
        Ok(!self
            .inner
            .list(&ListQuery::recent(
                <Staff as crate::record::Record>::KIND,
                1,
            ))
            .await?
            .items
            .is_empty())
    }

    /// First start: writes the first person, who must be a supervisor, as themselves. Refused
    /// once any staff record exists.
    pub async fn bootstrap(&self, first: &Envelope) -> Result<(), StoreError> {
        let staff: Staff = first.decode()?;
        if self.has_staff().await? || !staff.has(Role::Supervisor) {
            return Err(StoreError::Forbidden(Action::MANAGE_STAFF));
        }
        self.acting(Actor::staff(first.meta.id, &staff))
            .put(first)
            .await
    }

    /// A retention purge of the records of `R` whose personal data is due after `days`, as the
    /// app itself, in one transaction: the records without it, their pictures and the versions
    /// kept in their conflict sets ([`crate::modules::retention::due`]); every audit entry about
    /// them cleared of its changes, the purge's own included, so nothing personal of theirs stays
    /// in the trail while who did what and when stays; and one entry saying how many went. A
    /// purge cut short (the tablet closed mid-way) has written nothing, and the next one does it
    /// all. Returns the purged records' ids.
    pub async fn purge<R: crate::modules::retention::Retained>(
        &self,
        days: u32,
        now: chrono::DateTime<chrono::Utc>,
        stamp: impl Fn() -> Stamp,
    ) -> Result<Vec<RecordId>, StoreError> {
        let due = crate::modules::retention::due::<S, R>(&self.inner, days, now, &stamp).await?;
        if due.ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut batch = self.system().audited_as(&due.batch, true).await?;
        for id in &due.ids {
            let q = ListQuery::by(
                audit::KIND,
                audit::ix::RECORD,
                crate::store::KeyRange::Exact(id.0.to_string()),
                200,
            );
            for env in crate::store::list_all(&self.inner, q).await? {
                let entry: AuditEntry = env.decode()?;
                if !entry.redacted {
                    batch.push(env.update(&entry.redacted(), stamp())?);
                }
            }
        }
        let count = FieldChange {
            field: audit::PURGED.into(),
            before: String::new(),
            after: format!("{} ({days} d)", due.ids.len()),
        };
        batch.push(self.event(
            &Actor::system(),
            AuditAction::Purge,
            R::KIND,
            vec![count],
            stamp(),
        )?);
        self.inner.put_all(&batch).await?;
        Ok(due.ids)
    }

    /// Records an event that changes no record (a setting, a sign-in, an export).
    pub async fn record_event(
        &self,
        actor: &Actor,
        action: AuditAction,
        what: &str,
        changes: Vec<FieldChange>,
        at: Stamp,
    ) -> Result<(), StoreError> {
        let env = self.event(actor, action, what, changes, at)?;
        self.inner.put(&env).await
    }

    /// The audit entry of an event that is not one record's change.
    fn event(
        &self,
        actor: &Actor,
        action: AuditAction,
        what: &str,
        changes: Vec<FieldChange>,
        at: Stamp,
    ) -> Result<Envelope, StoreError> {
        let entry = AuditEntry {
            at: at.now,
            device: at.version.device,
            by: actor.by.clone(),
            action,
            kind: what.to_string(),
            record: None,
            changes,
            redacted: false,
        };
        let env = Envelope::create(&entry, RecordId(self.ids.new_id()), at)?;
        Ok(with_by(&env, &actor.by))
    }
}

impl<S: RecordStore> Guarded<S> {
    /// Applies an import as the person on duty: the merged records and conflict sets exactly as
    /// planned (imported versions keep who wrote them elsewhere), with one audit entry for the
    /// whole file, in one transaction. Refused unless that person may import.
    /// `expected`: what the plan read of each record it writes ([`crate::sync::Plan::expected`]);
    /// a record changed since then fails the import with [`StoreError::Changed`], nothing written.
    /// A file that adds or changes staff (people, roles, PINs) lands only with `pin`, the PIN of
    /// the supervisor on duty, checked against their own record on this tablet: a file can
    /// grant no role unless a supervisor here confirms it ([`StoreError::PinNeeded`]).
    pub async fn import(
        &self,
        writes: &[Envelope],
        expected: &[crate::store::Expected],
        what: &str,
        changes: Vec<FieldChange>,
        at: Stamp,
        pin: Option<&str>,
    ) -> Result<(), StoreError> {
        let staff_kind = <Staff as crate::record::Record>::KIND;
        if writes.iter().any(|w| w.meta.kind == staff_kind) {
            let actor = self.actor().ok_or(StoreError::NoActor)?;
            let me = match actor.by.id {
                Some(id) => self.inner.get(staff_kind, id).await?,
                None => None,
            };
            let confirmed = me.and_then(|e| e.decode::<Staff>().ok()).is_some_and(|s| {
                s.active && s.has(Role::Supervisor) && pin.is_some_and(|p| s.pin.verify(p))
            });
            if !confirmed {
                return Err(StoreError::PinNeeded);
            }
        }
        self.bulk_if(
            Action::IMPORT,
            AuditAction::Import,
            writes,
            expected,
            what,
            changes,
            at,
        )
        .await
    }

    /// Writes many records as one audited event (an import, demo data loaded or removed): one
    /// audit entry instead of one per record, all in one transaction. Refused unless the person
    /// on duty may do `need`.
    pub async fn bulk(
        &self,
        need: Action,
        action: AuditAction,
        writes: &[Envelope],
        what: &str,
        changes: Vec<FieldChange>,
        at: Stamp,
    ) -> Result<(), StoreError> {
        self.bulk_if(need, action, writes, &[], what, changes, at)
            .await
    }

    /// [`Guarded::bulk`], landing only if the records in `expected` are still as expected.
    #[allow(clippy::too_many_arguments)]
    async fn bulk_if(
        &self,
        need: Action,
        action: AuditAction,
        writes: &[Envelope],
        expected: &[crate::store::Expected],
        what: &str,
        changes: Vec<FieldChange>,
        at: Stamp,
    ) -> Result<(), StoreError> {
        let actor = self.actor().ok_or(StoreError::NoActor)?;
        if !actor.may(need) {
            return Err(StoreError::Forbidden(need));
        }
        // Each record goes through its kind's write rule, as if typed on this tablet.
        for w in writes {
            let action = permit::write_action(&w.meta.kind);
            if !actor.may(action) {
                return Err(StoreError::Forbidden(action));
            }
        }
        // Records written once (audit entries) are never changed or removed, by a file either.
        let fixed: Vec<(String, RecordId)> = writes
            .iter()
            .filter(|w| crate::registry::kind(&w.meta.kind).is_some_and(|k| k.append_only))
            .map(|w| (w.meta.kind.clone(), w.meta.id))
            .collect();
        if self
            .inner
            .get_many(&fixed)
            .await?
            .iter()
            .any(Option::is_some)
        {
            return Err(StoreError::Forbidden(Action::CHANGE_AUDIT));
        }
        let mut batch = writes.to_vec();
        batch.push(self.event(&actor, action, what, changes, at)?);
        self.inner.put_all_if(&batch, expected).await
    }
}

fn with_by(env: &Envelope, by: &StaffRef) -> Envelope {
    let mut e = env.clone();
    e.meta.by = Some(by.clone());
    e
}

/// The guarded store as one actor.
pub struct Acting<'a, S> {
    guard: &'a Guarded<S>,
    actor: Actor,
}

impl<S: RecordStore> Acting<'_, S> {
    fn may_write(&self, kind: &str) -> Result<(), StoreError> {
        if kind == audit::KIND {
            // Audit entries are written only alongside the change they record.
            return Err(StoreError::Forbidden(Action::VIEW_AUDIT));
        }
        let action = permit::write_action(kind);
        if self.actor.may(action) {
            Ok(())
        } else {
            Err(StoreError::Forbidden(action))
        }
    }

    fn may_read(&self, kind: &str) -> Result<(), StoreError> {
        // A kind without a read action of its own is read by the desk's staff (not the gate).
        let a = permit::read_action(kind).unwrap_or(Action::READ_RECORDS);
        if self.actor.may(a) {
            Ok(())
        } else {
            Err(StoreError::Forbidden(a))
        }
    }

    /// `recs` with their audit entries, each entry cleared of its changes when `redact` (a
    /// retention purge's own entries: their changes are the personal data it removes).
    async fn audited_as(
        &self,
        recs: &[Envelope],
        redact: bool,
    ) -> Result<Vec<Envelope>, StoreError> {
        for rec in recs {
            self.may_write(&rec.meta.kind)?;
        }
        let conflict = crate::sync::CONFLICT_KIND;
        // A record's first version has nothing before it and no conflicts: no read needed
        // (the common case, a new visitor or parcel, saves in one transaction).
        let first = |r: &Envelope| !r.meta.deleted && r.meta.history.values().sum::<u64>() == 1;
        let old: Vec<&Envelope> = recs.iter().filter(|r| !first(r)).collect();
        let mut keys: Vec<(String, RecordId)> = old
            .iter()
            .map(|r| (r.meta.kind.clone(), r.meta.id))
            .collect();
        // A record with versions in conflict is written only together with its resolution.
        keys.extend(old.iter().map(|r| (conflict.to_string(), r.meta.id)));
        let mut got = if keys.is_empty() {
            Vec::new()
        } else {
            self.guard.inner.get_many(&keys).await?
        };
        let mut sets = got.split_off(old.len()).into_iter();
        let mut read = got.into_iter();
        let (mut befores, mut sets_all) = (Vec::new(), Vec::new());
        for r in recs {
            if first(r) {
                befores.push(None);
                sets_all.push(None);
            } else {
                befores.push(read.next().flatten());
                sets_all.push(sets.next().flatten());
            }
        }
        let sets = sets_all;
        let mut batch = Vec::with_capacity(recs.len() * 2);
        for ((rec, before), set) in recs.iter().zip(befores).zip(sets) {
            let open = rec.meta.kind != conflict
                && set.is_some_and(|s| {
                    s.decode::<crate::sync::ConflictSet>()
                        .is_ok_and(|c| c.kind == rec.meta.kind && !c.losers.is_empty())
                })
                && !recs
                    .iter()
                    .any(|r| r.meta.kind == conflict && r.meta.id == rec.meta.id);
            if open {
                if self.actor.system {
                    // The app's own jobs leave it for the supervisor and go on with the rest.
                    continue;
                }
                return Err(StoreError::InConflict {
                    kind: rec.meta.kind.clone(),
                    id: rec.meta.id,
                });
            }
            let rec = with_by(rec, &self.actor.by);
            let entry = audit::entry_for(
                crate::registry::kind(&rec.meta.kind),
                before.as_ref(),
                &rec,
                &self.actor.by,
            );
            let entry = if redact { entry.redacted() } else { entry };
            let at = Stamp {
                now: rec.meta.updated_at,
                version: audit::version_of(&rec),
            };
            let env = Envelope::create(&entry, RecordId(self.guard.ids.new_id()), at)?;
            batch.push(rec);
            batch.push(with_by(&env, &self.actor.by));
        }
        Ok(batch)
    }

    async fn audited(&self, recs: &[Envelope]) -> Result<Vec<Envelope>, StoreError> {
        self.audited_as(recs, false).await
    }
}

impl<S: RecordStore> RecordStore for Acting<'_, S> {
    async fn put(&self, rec: &Envelope) -> Result<(), StoreError> {
        self.put_all(std::slice::from_ref(rec)).await
    }

    async fn put_all(&self, recs: &[Envelope]) -> Result<(), StoreError> {
        let batch = self.audited(recs).await?;
        self.guard.inner.put_all(&batch).await
    }

    async fn get(&self, kind: &str, id: RecordId) -> Result<Option<Envelope>, StoreError> {
        self.may_read(kind)?;
        self.guard.inner.get(kind, id).await
    }

    async fn get_many(
        &self,
        keys: &[(String, RecordId)],
    ) -> Result<Vec<Option<Envelope>>, StoreError> {
        for (kind, _) in keys {
            self.may_read(kind)?;
        }
        self.guard.inner.get_many(keys).await
    }

    async fn list(&self, q: &ListQuery) -> Result<Page, StoreError> {
        self.may_read(&q.kind)?;
        self.guard.inner.list(q).await
    }

    /// Walking every change reads every kind, the audit trail too: it is exporting.
    async fn changes(&self, after: Option<&str>, limit: u32) -> Result<ChangePage, StoreError> {
        if !self.actor.may(Action::EXPORT) {
            return Err(StoreError::Forbidden(Action::EXPORT));
        }
        self.guard.inner.changes(after, limit).await
    }

    async fn delete(&self, kind: &str, id: RecordId, at: Stamp) -> Result<Envelope, StoreError> {
        self.may_write(kind)?;
        let current =
            self.guard
                .inner
                .get(kind, id)
                .await?
                .ok_or_else(|| StoreError::NotFound {
                    kind: kind.into(),
                    id,
                })?;
        if current.meta.deleted {
            return Ok(current);
        }
        let tomb = current.tombstone(at);
        let batch = self.audited(std::slice::from_ref(&tomb)).await?;
        self.guard.inner.put_all(&batch).await?;
        Ok(with_by(&tomb, &self.actor.by))
    }
}

/// The guarded store acts as the person on duty; with nobody signed in, it refuses.
impl<S: RecordStore> RecordStore for Guarded<S> {
    async fn put(&self, rec: &Envelope) -> Result<(), StoreError> {
        self.acting(self.actor().ok_or(StoreError::NoActor)?)
            .put(rec)
            .await
    }
    async fn put_all(&self, recs: &[Envelope]) -> Result<(), StoreError> {
        self.acting(self.actor().ok_or(StoreError::NoActor)?)
            .put_all(recs)
            .await
    }
    async fn get(&self, kind: &str, id: RecordId) -> Result<Option<Envelope>, StoreError> {
        self.acting(self.actor().ok_or(StoreError::NoActor)?)
            .get(kind, id)
            .await
    }
    async fn list(&self, q: &ListQuery) -> Result<Page, StoreError> {
        self.acting(self.actor().ok_or(StoreError::NoActor)?)
            .list(q)
            .await
    }
    async fn changes(&self, after: Option<&str>, limit: u32) -> Result<ChangePage, StoreError> {
        self.acting(self.actor().ok_or(StoreError::NoActor)?)
            .changes(after, limit)
            .await
    }
    async fn get_many(
        &self,
        keys: &[(String, RecordId)],
    ) -> Result<Vec<Option<Envelope>>, StoreError> {
        self.acting(self.actor().ok_or(StoreError::NoActor)?)
            .get_many(keys)
            .await
    }
    async fn delete(&self, kind: &str, id: RecordId, at: Stamp) -> Result<Envelope, StoreError> {
        self.acting(self.actor().ok_or(StoreError::NoActor)?)
            .delete(kind, id, at)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HlcClock;
    use crate::clock::{Clock, ManualClock, SeqIds};
    use crate::modules::memo::Memo;
    use crate::modules::staff::{Pin, PinHash};
    use crate::modules::visitors::watch::WatchEntry;
    use crate::modules::visitors::{Visit, VisitForm};
    use crate::record::{DeviceId, Record};
    use crate::store::conformance::block_on;
    use crate::store::memory::MemoryStore;

    struct World {
        store: Guarded<MemoryStore>,
        clock: ManualClock,
        hlc: RefCell<HlcClock>,
        ids: SeqIds,
    }

    impl World {
        fn new() -> Self {
            World {
                store: Guarded::new(MemoryStore::new(), Box::new(SeqIds::starting_at(1_000_000))),
                clock: ManualClock::at_millis(1_764_000_000_000),
                hlc: RefCell::new(HlcClock::new(DeviceId::from_bytes([9; 16]))),
                ids: SeqIds::default(),
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
        fn id(&self) -> RecordId {
            RecordId(self.ids.new_id())
        }
        fn person(&self, name: &str, roles: &[Role]) -> (Envelope, Actor) {
            let staff = Staff::new(
                name,
                roles,
                PinHash::with_rounds(&Pin::parse("1234").unwrap(), [1; 16], 10),
            )
            .unwrap();
            let env = Envelope::create(&staff, self.id(), self.stamp()).unwrap();
            let actor = Actor::staff(env.meta.id, &staff);
            (env, actor)
        }
        fn env<R: Record>(&self, r: &R) -> Envelope {
            Envelope::create(r, self.id(), self.stamp()).unwrap()
        }
        fn visit(&self) -> Visit {
            VisitForm {
                name: "张伟".into(),
                phone: "13800138000".into(),
                host_unit: "1-1-101".into(),
                ..VisitForm::default()
            }
            .parse(self.clock.now(), "x")
            .unwrap()
        }
        fn audit(&self) -> Vec<AuditEntry> {
            block_on(
                self.store
                    .inner()
                    .list(&ListQuery::recent(audit::KIND, 100)),
            )
            .unwrap()
            .items
            .iter()
            .map(|e| e.decode().unwrap())
            .collect()
        }
    }

    #[test]
    fn with_nobody_signed_in_every_call_is_refused() {
        let w = World::new();
        let memo = w.env(&Memo::new("x", "").unwrap());
        assert_eq!(block_on(w.store.put(&memo)), Err(StoreError::NoActor));
        assert_eq!(
            block_on(w.store.list(&ListQuery::recent("memo", 5))).unwrap_err(),
            StoreError::NoActor
        );
    }

    #[test]
    fn the_first_person_must_be_a_supervisor_and_only_on_first_start() {
        let w = World::new();
        let (clerk, _) = w.person("小李", &[Role::Clerk]);
        assert!(block_on(w.store.bootstrap(&clerk)).is_err());
        let (boss, _) = w.person("王主管", &[Role::Supervisor]);
        block_on(w.store.bootstrap(&boss)).unwrap();
        assert!(block_on(w.store.has_staff()).unwrap());
        let (second, _) = w.person("赵主管", &[Role::Supervisor]);
        assert_eq!(
            block_on(w.store.bootstrap(&second)),
            Err(StoreError::Forbidden(Action::MANAGE_STAFF))
        );
    }

    #[test]
    fn a_clerk_registers_a_visitor_and_the_change_carries_and_audits_the_clerk() {
        let w = World::new();
        let (_, clerk) = w.person("小李", &[Role::Clerk]);
        w.store.set_actor(Some(clerk));
        let visit = w.env(&w.visit());
        block_on(w.store.put(&visit)).unwrap();
        let stored = block_on(w.store.get(Visit::KIND, visit.meta.id))
            .unwrap()
            .unwrap();
        assert_eq!(stored.meta.by.as_ref().unwrap().name, "小李");
        let trail = w.audit();
        assert_eq!(trail.len(), 1);
        assert_eq!(trail[0].action, AuditAction::Create);
        assert_eq!(trail[0].by.name, "小李");
        assert_eq!(trail[0].record, Some(visit.meta.id));
        // Personal data in the trail is masked.
        let phone = trail[0]
            .changes
            .iter()
            .find(|c| c.field == "phone")
            .unwrap();
        assert_eq!(phone.after, "138****8000");
        // Signing out is recorded as such.
        let v: Visit = stored.decode().unwrap();
        let out = stored
            .update(&v.signed_out(w.clock.now(), "小李"), w.stamp())
            .unwrap();
        block_on(w.store.put(&out)).unwrap();
        assert_eq!(
            w.audit()
                .iter()
                .filter(|e| e.action == AuditAction::SignOut)
                .count(),
            1
        );
    }

    #[test]
    fn a_file_that_adds_or_changes_staff_lands_only_with_the_pin_of_the_supervisor_on_duty() {
        let w = World::new();
        let (boss_env, boss) = w.person("王主管", &[Role::Supervisor]);
        block_on(w.store.bootstrap(&boss_env)).unwrap();
        w.store.set_actor(Some(boss));
        let (newcomer, _) = w.person("假主管", &[Role::Supervisor]);
        let memo = w.env(&Memo::new("x", "").unwrap());
        let writes = [newcomer.clone(), memo.clone()];
        for pin in [None, Some("9999")] {
            assert_eq!(
                block_on(
                    w.store
                        .import(&writes, &[], "file", Vec::new(), w.stamp(), pin)
                ),
                Err(StoreError::PinNeeded)
            );
        }
        assert_eq!(
            block_on(w.store.inner().get(Staff::KIND, newcomer.meta.id)).unwrap(),
            None
        );
        assert_eq!(
            block_on(w.store.inner().get(Memo::KIND, memo.meta.id)).unwrap(),
            None
        );
        // A file without staff needs no PIN.
        block_on(
            w.store
                .import(&[memo.clone()], &[], "file", Vec::new(), w.stamp(), None),
        )
        .unwrap();
        // The supervisor on duty confirms with their own PIN.
        block_on(w.store.import(
            &[newcomer.clone()],
            &[],
            "file",
            Vec::new(),
            w.stamp(),
            Some("1234"),
        ))
        .unwrap();
        assert!(
            block_on(w.store.inner().get(Staff::KIND, newcomer.meta.id))
                .unwrap()
                .is_some()
        );
        // A clerk cannot confirm one, whatever PIN.
        let (clerk_env, clerk) = w.person("小李", &[Role::Clerk]);
        block_on(w.store.inner().put(&clerk_env)).unwrap();
        w.store.set_actor(Some(clerk));
        let (other, _) = w.person("另一个", &[Role::Clerk]);
        assert!(
            block_on(
                w.store
                    .import(&[other], &[], "file", Vec::new(), w.stamp(), Some("1234"))
            )
            .is_err()
        );
    }

    #[test]
    fn after_a_purge_nothing_personal_of_the_visit_is_left_anywhere_on_the_tablet() {
        use crate::conflict::{CONFLICT_KIND, ConflictSet};
        let w = World::new();
        let (_, clerk) = w.person("小李", &[Role::Clerk]);
        w.store.set_actor(Some(clerk));
        let visit = VisitForm {
            name: "欧阳娜娜".into(),
            phone: "13912345678".into(),
            id_number: "11010519491231002X".into(),
            host_unit: "1-1-101".into(),
            host_person: "司马光".into(),
            plate: "京A12345".into(),
            notes: "给司马光送钥匙".into(),
            ..VisitForm::default()
        }
        .parse(w.clock.now(), "小李")
        .unwrap();
        let first = w.env(&visit);
        block_on(w.store.put(&first)).unwrap();
        let second = first
            .update(
                &Visit {
                    notes: "给司马光送钥匙,电话 13912345678".into(),
                    ..visit.clone()
                },
                w.stamp(),
            )
            .unwrap();
        block_on(w.store.put(&second)).unwrap();
        // Another tablet's version is kept for a supervisor (as an import keeps it).
        let set = ConflictSet {
            kind: Visit::KIND.into(),
            record: first.meta.id,
            losers: vec![first.clone()],
            resolved_by: None,
        };
        block_on(
            w.store
                .inner()
                .put(&Envelope::create(&set, first.meta.id, w.stamp()).unwrap()),
        )
        .unwrap();
        let everything = || {
            let mut all = String::new();
            let kinds = crate::registry::kinds()
                .map(|k| k.kind)
                .chain([CONFLICT_KIND]);
            for kind in kinds {
                for e in block_on(crate::store::list_all(
                    w.store.inner(),
                    ListQuery::recent(kind, 500),
                ))
                .unwrap()
                {
                    all.push_str(&serde_json::to_string(&e).unwrap());
                }
            }
            all
        };
        let traces = [
            "欧阳",
            "13912345678",
            "139****5678",
            "5678",
            "002X",
            "京A1",
            "司马光",
            "钥匙",
        ];
        assert!(
            traces.iter().any(|t| everything().contains(t)),
            "the visit is there at first"
        );
        w.clock.advance_millis(200 * 86_400_000);
        let ids = block_on(w.store.purge::<Visit>(180, w.clock.now(), || w.stamp())).unwrap();
        assert_eq!(ids, vec![first.meta.id]);
        let all = everything();
        for t in traces {
            assert!(!all.contains(t), "{t} is still on the tablet");
        }
        let purge_entries: Vec<AuditEntry> = w
            .audit()
            .into_iter()
            .filter(|e| e.record == Some(first.meta.id))
            .collect();
        assert!(
            purge_entries
                .iter()
                .all(|e| e.redacted && e.changes.is_empty())
        );
        assert!(
            purge_entries.iter().any(|e| e.by.name == "小李"),
            "who did what stays"
        );
        assert!(purge_entries.len() >= 3, "the two saves and the purge");
        let own: Vec<AuditEntry> = w
            .audit()
            .into_iter()
            .filter(|e| e.action == AuditAction::Purge && e.record.is_none())
            .collect();
        assert_eq!(own.len(), 1, "one entry for the purge itself");
        assert_eq!(own[0].by.name, "系统");
        assert_eq!(own[0].kind, Visit::KIND);
        assert_eq!(own[0].changes[0].field, audit::PURGED);
        assert_eq!(own[0].changes[0].after, "1 (180 d)");
        // Nothing left to do: no second entry.
        assert!(
            block_on(w.store.purge::<Visit>(180, w.clock.now(), || w.stamp()))
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            w.audit()
                .iter()
                .filter(|e| e.action == AuditAction::Purge && e.record.is_none())
                .count(),
            1
        );
    }

    /// A store whose writes fail while `broken` is set, as when the tablet closes mid-way.
    struct Breaks {
        inner: MemoryStore,
        broken: std::cell::Cell<bool>,
    }

    impl RecordStore for Breaks {
        async fn put(&self, rec: &Envelope) -> Result<(), StoreError> {
            self.put_all(std::slice::from_ref(rec)).await
        }
        async fn put_all(&self, recs: &[Envelope]) -> Result<(), StoreError> {
            if self.broken.get() {
                return Err(StoreError::Failed("closed".into()));
            }
            self.inner.put_all(recs).await
        }
        async fn get(&self, kind: &str, id: RecordId) -> Result<Option<Envelope>, StoreError> {
            self.inner.get(kind, id).await
        }
        async fn list(&self, q: &ListQuery) -> Result<Page, StoreError> {
            self.inner.list(q).await
        }
        async fn changes(&self, after: Option<&str>, limit: u32) -> Result<ChangePage, StoreError> {
            self.inner.changes(after, limit).await
        }
        async fn delete(
            &self,
            kind: &str,
            id: RecordId,
            at: Stamp,
        ) -> Result<Envelope, StoreError> {
            self.inner.delete(kind, id, at).await
        }
    }

    #[test]
    fn a_purge_cut_short_leaves_everything_as_it_was_and_the_next_one_does_it_all() {
        let w = World::new();
        let store = Guarded::new(
            Breaks {
                inner: MemoryStore::new(),
                broken: std::cell::Cell::new(false),
            },
            Box::new(SeqIds::starting_at(2_000_000)),
        );
        let (_, clerk) = w.person("小李", &[Role::Clerk]);
        store.set_actor(Some(clerk));
        let visit = VisitForm {
            name: "欧阳娜娜".into(),
            phone: "13912345678".into(),
            host_unit: "1-1-101".into(),
            ..VisitForm::default()
        }
        .parse(w.clock.now(), "小李")
        .unwrap();
        let env = w.env(&visit);
        block_on(store.put(&env)).unwrap();
        let trail = |s: &Guarded<Breaks>| -> Vec<AuditEntry> {
            block_on(s.inner().list(&ListQuery::recent(audit::KIND, 100)))
                .unwrap()
                .items
                .iter()
                .map(|e| e.decode().unwrap())
                .collect()
        };
        let before = trail(&store);
        w.clock.advance_millis(200 * 86_400_000);
        store.inner().broken.set(true);
        assert!(block_on(store.purge::<Visit>(180, w.clock.now(), || w.stamp())).is_err());
        store.inner().broken.set(false);
        let kept: Visit = block_on(store.inner().get(Visit::KIND, env.meta.id))
            .unwrap()
            .unwrap()
            .decode()
            .unwrap();
        assert_eq!(kept.name, "欧阳娜娜", "nothing was written");
        assert_eq!(trail(&store), before);
        assert_eq!(
            block_on(store.purge::<Visit>(180, w.clock.now(), || w.stamp())).unwrap(),
            vec![env.meta.id]
        );
        let after = trail(&store);
        assert!(
            after
                .iter()
                .filter(|e| e.record == Some(env.meta.id))
                .all(|e| e.redacted)
        );
        assert!(!serde_json::to_string(&after).unwrap().contains("欧阳"));
        assert!(
            after
                .iter()
                .any(|e| e.action == AuditAction::Purge && e.record.is_none())
        );
    }

    #[test]
    fn audit_entries_of_a_hand_over_and_a_photo_hold_no_image_data() {
        use crate::modules::parcels::{Collector, Handover, Intake, pickup_code};
        use crate::modules::photos::Photo;
        use crate::phone::PhoneNumber;
        let w = World::new();
        let (_, clerk) = w.person("小李", &[Role::Clerk]);
        w.store.set_actor(Some(clerk));
        let picture = format!("data:image/png;base64,{}", "iVBOR".repeat(2000));
        let mut parcel = Intake {
            tracking: "SF1234567890123".into(),
            unit: "3-1-502".into(),
            name: "张伟".into(),
            phone: "13800138000".into(),
            shelf: "A-3".into(),
            ..Intake::default()
        }
        .parse(w.clock.now(), "小李", pickup_code(123_456_789))
        .unwrap();
        let photo = w.env(&Photo::new(picture.clone(), w.clock.now()));
        block_on(w.store.put(&photo)).unwrap();
        parcel.photo = Some(photo.meta.id);
        let env = w.env(&parcel);
        block_on(w.store.put(&env)).unwrap();
        let handed = parcel
            .handed_over(Handover {
                at: w.clock.now(),
                clerk: "小李".into(),
                collector: Collector {
                    name: "王芳".into(),
                    phone: PhoneNumber::parse("13900139000").ok(),
                    on_behalf: None,
                },
                id_checked: false,
                signature: photo.meta.id,
            })
            .unwrap();
        block_on(w.store.put(&env.update(&handed, w.stamp()).unwrap())).unwrap();
        let trail = w.audit();
        assert_eq!(trail.len(), 3);
        for entry in &trail {
            for c in &entry.changes {
                for v in [&c.before, &c.after] {
                    assert!(!v.contains("base64") && v.len() < 80, "{}: {v}", c.field);
                }
            }
        }
        let data = trail
            .iter()
            .flat_map(|e| &e.changes)
            .find(|c| c.field == "data")
            .expect("the photo's creation is recorded");
        assert!(data.after.contains("KB"), "{}", data.after);
        let sig = trail
            .iter()
            .flat_map(|e| &e.changes)
            .find(|c| c.field == "handover.signature")
            .expect("the signature's change is recorded");
        assert_eq!(
            sig.after,
            photo.meta.id.0.to_string(),
            "the parcel names its photo"
        );
        let collector = trail
            .iter()
            .flat_map(|e| &e.changes)
            .find(|c| c.field == "handover.collector.phone")
            .unwrap();
        assert_eq!(collector.after, "139****9000");
    }

    #[test]
    fn an_import_never_changes_an_audit_entry() {
        let w = World::new();
        let (boss_env, boss) = w.person("王主管", &[Role::Supervisor]);
        block_on(w.store.bootstrap(&boss_env)).unwrap();
        w.store.set_actor(Some(boss));
        let memo = w.env(&Memo::new("x", "").unwrap());
        block_on(w.store.put(&memo)).unwrap();
        let entry = w.audit().into_iter().last().unwrap();
        let stored = block_on(w.store.inner().list(&ListQuery::recent(audit::KIND, 100)))
            .unwrap()
            .items
            .into_iter()
            .find(|e| e.decode::<AuditEntry>().ok().as_ref() == Some(&entry))
            .unwrap();
        let forged = stored
            .update(
                &AuditEntry {
                    by: StaffRef {
                        id: None,
                        name: "假主管".into(),
                    },
                    ..entry
                },
                w.stamp(),
            )
            .unwrap();
        let before = w.store.inner().len();
        assert_eq!(
            block_on(
                w.store
                    .import(&[forged], &[], "file", Vec::new(), w.stamp(), None)
            ),
            Err(StoreError::Forbidden(Action::CHANGE_AUDIT))
        );
        assert_eq!(w.store.inner().len(), before, "nothing lands");
    }

    #[test]
    fn each_guarded_write_is_refused_for_a_clerk_and_nothing_lands() {
        let w = World::new();
        let (_, clerk) = w.person("小李", &[Role::Clerk]);
        w.store.set_actor(Some(clerk));
        let (staff, _) = w.person("新人", &[Role::Clerk]);
        let watch = w.env(&WatchEntry::new("张三", "", "", "", "r").unwrap());
        for (env, action) in [
            (staff, Action::MANAGE_STAFF),
            (watch, crate::modules::visitors::MANAGE_WATCH_LIST),
        ] {
            assert_eq!(
                block_on(w.store.put(&env)),
                Err(StoreError::Forbidden(action))
            );
            assert_eq!(
                block_on(w.store.inner().get(&env.meta.kind, env.meta.id)).unwrap(),
                None
            );
        }
        assert!(w.audit().is_empty());
    }

    #[test]
    fn an_inspector_may_not_register_visitors() {
        let w = World::new();
        let (_, inspector) = w.person("巡检老张", &[Role::Inspector]);
        w.store.set_actor(Some(inspector));
        let visit = w.env(&w.visit());
        assert_eq!(
            block_on(w.store.put(&visit)),
            Err(StoreError::Forbidden(
                crate::modules::visitors::REGISTER_VISITOR
            ))
        );
        let memo = w.env(&Memo::new("3号楼消防栓漏水", "巡检老张").unwrap());
        block_on(w.store.put(&memo)).unwrap();
    }

    #[test]
    fn the_gate_reads_and_marks_release_passes_and_nothing_else() {
        use crate::modules::release_passes::{self as rp, Applicant, PassForm, Reason};
        let w = World::new();
        let (_, boss) = w.person("王主管", &[Role::Supervisor]);
        let (_, gate) = w.person("门岗老张", &[Role::Gate]);
        w.store.set_actor(Some(boss));
        let visit = w.env(&w.visit());
        block_on(w.store.put(&visit)).unwrap();
        let pass = PassForm {
            applicant: Some(Applicant::Shop),
            name: "便利店".into(),
            items: vec![("纸箱".into(), "3".into())],
            date: Some(crate::time::local_date(w.clock.now())),
            reason: Some(Reason::ShopGoods),
            ..PassForm::default()
        }
        .parse(w.clock.now(), "王主管", "K7M2P9QX".into())
        .unwrap()
        .approved("王主管", &[Role::Supervisor], w.clock.now())
        .unwrap();
        let pass = w.env(&pass);
        block_on(w.store.put(&pass)).unwrap();
        w.store.set_actor(Some(gate));
        for kind in ["visit", "memo", "parcel", "resident"] {
            assert_eq!(
                block_on(w.store.list(&ListQuery::recent(kind, 5))).unwrap_err(),
                StoreError::Forbidden(Action::READ_RECORDS),
                "{kind}"
            );
        }
        assert_eq!(
            block_on(w.store.get("visit", visit.meta.id)).unwrap_err(),
            StoreError::Forbidden(Action::READ_RECORDS)
        );
        let (env, p) = block_on(rp::services::find(&w.store, "K7M2P9QX"))
            .unwrap()
            .unwrap();
        let used = p.used("门岗老张", w.clock.now()).unwrap();
        block_on(w.store.put(&env.update(&used, w.stamp()).unwrap())).unwrap();
        assert_eq!(
            block_on(w.store.put(&w.env(&Memo::new("x", "门岗老张").unwrap()))),
            Err(StoreError::Forbidden(Action::WRITE_MEMO))
        );
    }

    #[test]
    fn only_a_supervisor_reads_the_audit_and_nobody_writes_it_directly() {
        let w = World::new();
        let (_, clerk) = w.person("小李", &[Role::Clerk]);
        let (_, boss) = w.person("王主管", &[Role::Supervisor]);
        w.store.set_actor(Some(clerk));
        block_on(w.store.put(&w.env(&Memo::new("a", "").unwrap()))).unwrap();
        assert_eq!(
            block_on(w.store.list(&ListQuery::recent(audit::KIND, 5))).unwrap_err(),
            StoreError::Forbidden(Action::VIEW_AUDIT)
        );
        w.store.set_actor(Some(boss.clone()));
        assert_eq!(
            block_on(w.store.list(&ListQuery::recent(audit::KIND, 5)))
                .unwrap()
                .items
                .len(),
            1
        );
        let forged = w.audit()[0].clone();
        let forged = w.env(&forged);
        assert!(block_on(w.store.put(&forged)).is_err());
        assert!(block_on(w.store.system().put(&forged)).is_err());
    }

    #[test]
    fn a_batch_with_one_refused_record_lands_nothing() {
        let w = World::new();
        let (_, clerk) = w.person("小李", &[Role::Clerk]);
        w.store.set_actor(Some(clerk));
        let memo = w.env(&Memo::new("a", "").unwrap());
        let watch = w.env(&WatchEntry::new("张三", "", "", "", "r").unwrap());
        assert!(block_on(w.store.put_all(&[memo.clone(), watch])).is_err());
        assert_eq!(
            block_on(w.store.inner().get("memo", memo.meta.id)).unwrap(),
            None
        );
    }

    #[test]
    fn deletes_are_tombstones_with_an_audit_line() {
        let w = World::new();
        let (_, boss) = w.person("王主管", &[Role::Supervisor]);
        w.store.set_actor(Some(boss));
        let memo = w.env(&Memo::new("a", "").unwrap());
        block_on(w.store.put(&memo)).unwrap();
        let tomb = block_on(w.store.delete("memo", memo.meta.id, w.stamp())).unwrap();
        assert!(tomb.meta.deleted);
        assert_eq!(
            w.audit()
                .iter()
                .filter(|e| e.action == AuditAction::Delete)
                .count(),
            1
        );
    }

    #[test]
    fn the_system_closes_visits_and_is_named_in_the_trail() {
        let w = World::new();
        let visit = w.env(&w.visit());
        block_on(w.store.system().put(&visit)).unwrap();
        assert_eq!(w.audit()[0].by.name, "系统");
        assert_eq!(w.audit()[0].by.id, None);
    }

    #[test]
    fn events_without_a_record_are_audited_too() {
        let w = World::new();
        let (_, boss) = w.person("王主管", &[Role::Supervisor]);
        let change = FieldChange {
            field: "visit.cutoff".into(),
            before: "23:59".into(),
            after: "22:00".into(),
        };
        block_on(w.store.record_event(
            &boss,
            AuditAction::Setting,
            "visit.cutoff",
            vec![change],
            w.stamp(),
        ))
        .unwrap();
        let trail = w.audit();
        assert_eq!(trail[0].action, AuditAction::Setting);
        assert_eq!(trail[0].changes[0].after, "22:00");
    }
}

/// The guarded store, acting as a supervisor, passes the same conformance suite: it stores
/// exactly what it is given apart from the `by` stamp, which this adapter takes off on reading.
#[cfg(test)]
mod conformance_as_supervisor {
    use super::*;
    use crate::clock::SeqIds;
    use crate::store::memory::MemoryStore;

    struct Unstamped(Guarded<MemoryStore>);

    fn unstamp(mut e: Envelope) -> Envelope {
        e.meta.by = None;
        e
    }

    impl RecordStore for Unstamped {
        async fn put(&self, rec: &Envelope) -> Result<(), StoreError> {
            self.0.put(rec).await
        }
        async fn put_all(&self, recs: &[Envelope]) -> Result<(), StoreError> {
            self.0.put_all(recs).await
        }
        async fn get(&self, kind: &str, id: RecordId) -> Result<Option<Envelope>, StoreError> {
            Ok(self.0.get(kind, id).await?.map(unstamp))
        }
        async fn list(&self, q: &ListQuery) -> Result<Page, StoreError> {
            let p = self.0.list(q).await?;
            Ok(Page {
                items: p.items.into_iter().map(unstamp).collect(),
                next: p.next,
            })
        }
        async fn delete(
            &self,
            kind: &str,
            id: RecordId,
            at: Stamp,
        ) -> Result<Envelope, StoreError> {
            Ok(unstamp(self.0.delete(kind, id, at).await?))
        }
        async fn changes(&self, after: Option<&str>, limit: u32) -> Result<ChangePage, StoreError> {
            // The suite's records without the audit entries written alongside them.
            let mut items = Vec::new();
            let mut after = after.map(str::to_string);
            loop {
                let p = self.0.changes(after.as_deref(), limit).await?;
                for e in p.items {
                    if e.meta.kind != audit::KIND && items.len() < limit as usize {
                        after = Some(e.change_key());
                        items.push(unstamp(e));
                    }
                }
                if items.len() == limit as usize || p.next.is_none() {
                    let next = if p.next.is_some() || items.len() == limit as usize {
                        after.filter(|_| items.len() == limit as usize)
                    } else {
                        None
                    };
                    return Ok(ChangePage { items, next });
                }
                after = p.next;
            }
        }
    }

    fn store() -> Unstamped {
        let g = Guarded::new(MemoryStore::new(), Box::new(SeqIds::starting_at(5_000_000)));
        g.set_actor(Some(Actor {
            by: StaffRef {
                id: None,
                name: "主管".into(),
            },
            roles: vec![Role::Supervisor],
            system: false,
        }));
        Unstamped(g)
    }

    crate::store_conformance_tests!(sync_test, store());
}
