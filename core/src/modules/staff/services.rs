//! Signing in and staying on duty, over any [`RecordStore`] (the unguarded one: nobody is on duty
//! yet): the PIN check with its lockout and audit entries, and the on-duty record a reload may
//! resume within the idle time.

use super::{Lockout, ON_DUTY_ID, OnDuty, Staff};
use crate::audit::{AuditAction, AuditEntry};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{RecordStore, StoreError};
use chrono::{DateTime, Duration, Utc};

/// How a PIN check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinCheck {
    Right,
    /// Wrong, with how many tries are left before a lockout.
    Wrong {
        left: u32,
    },
    /// Locked out until then (this try, or an earlier lockout still running).
    Locked {
        until: DateTime<Utc>,
    },
}

async fn lockout_of<S: RecordStore>(
    store: &S,
    staff: RecordId,
) -> Result<(Option<Envelope>, Lockout), StoreError> {
    let env = store
        .get(Lockout::KIND, staff)
        .await?
        .filter(|e| !e.meta.deleted);
    let l = match &env {
        Some(e) => e.decode()?,
        None => Lockout::default(),
    };
    Ok((env, l))
}

fn written(
    prev: Option<Envelope>,
    l: &Lockout,
    id: RecordId,
    at: Stamp,
) -> Result<Envelope, StoreError> {
    Ok(match prev {
        Some(e) => e.update(l, at)?,
        None => Envelope::create(l, id, at)?,
    })
}

/// Checks `pin` for `staff` (record `id`) on this tablet. A wrong PIN counts towards a lockout
/// (each lockout in a row lasting twice as long), and is written to the audit trail with the
/// lockout it caused, in the same transaction; while locked out nothing is checked. The right
/// PIN clears the count. `entry_id` is the id of the audit entry a wrong PIN writes.
pub async fn check_pin<S: RecordStore>(
    store: &S,
    id: RecordId,
    staff: &Staff,
    pin: &str,
    now: DateTime<Utc>,
    entry_id: RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<PinCheck, StoreError> {
    let (prev, lockout) = lockout_of(store, id).await?;
    if let Some(until) = lockout.locked(now) {
        return Ok(PinCheck::Locked { until });
    }
    if staff.pin.verify(pin) {
        if prev.is_some() && lockout != Lockout::cleared() {
            store
                .put(&written(prev, &Lockout::cleared(), id, stamp())?)
                .await?;
        }
        return Ok(PinCheck::Right);
    }
    let next = lockout.failed(now);
    let at = stamp();
    let entry = AuditEntry {
        at: now,
        device: at.version.device,
        by: crate::actor::StaffRef {
            id: Some(id),
            name: staff.name.clone(),
        },
        action: if next.locked(now).is_some() {
            AuditAction::LockedOut
        } else {
            AuditAction::WrongPin
        },
        kind: Staff::KIND.to_string(),
        record: Some(id),
        changes: Vec::new(),
        redacted: false,
    };
    store
        .put_all(&[
            written(prev, &next, id, at)?,
            Envelope::create(&entry, entry_id, stamp())?,
        ])
        .await?;
    Ok(match next.locked(now) {
        Some(until) => PinCheck::Locked { until },
        None => PinCheck::Wrong {
            left: super::MAX_FAILURES.saturating_sub(next.failures),
        },
    })
}

/// A supervisor's reset of someone's PIN also lifts their lockout.
pub async fn lift_lockout<S: RecordStore>(
    store: &S,
    id: RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<(), StoreError> {
    let (prev, lockout) = lockout_of(store, id).await?;
    if prev.is_some() && lockout != Lockout::cleared() {
        store
            .put(&written(prev, &Lockout::cleared(), id, stamp())?)
            .await?;
    }
    Ok(())
}

/// Who was on duty, if they were active within `idle` of `now` (a reload resumes them).
pub async fn resume<S: RecordStore>(
    store: &S,
    now: DateTime<Utc>,
    idle: Duration,
) -> Result<Option<RecordId>, StoreError> {
    let Some(env) = store
        .get(OnDuty::KIND, ON_DUTY_ID)
        .await?
        .filter(|e| !e.meta.deleted)
    else {
        return Ok(None);
    };
    let on: OnDuty = env.decode()?;
    // A time ahead of now (a clock set back, or a hand-made record) resumes nobody.
    Ok((on.last_active <= now && now - on.last_active <= idle).then_some(on.staff))
}

/// Records that `staff` is on duty and active at `now`.
pub async fn on_duty<S: RecordStore>(
    store: &S,
    staff: RecordId,
    now: DateTime<Utc>,
    stamp: impl Fn() -> Stamp,
) -> Result<(), StoreError> {
    let on = OnDuty {
        staff,
        last_active: now,
    };
    let prev = store.get(OnDuty::KIND, ON_DUTY_ID).await?;
    let env = match prev.filter(|e| !e.meta.deleted) {
        Some(e) => e.update(&on, stamp())?,
        None => Envelope::create(&on, ON_DUTY_ID, stamp())?,
    };
    store.put(&env).await
}

/// Nobody is on duty any more (the screen locked).
pub async fn off_duty<S: RecordStore>(
    store: &S,
    stamp: impl Fn() -> Stamp,
) -> Result<(), StoreError> {
    if store
        .get(OnDuty::KIND, ON_DUTY_ID)
        .await?
        .is_some_and(|e| !e.meta.deleted)
    {
        store.delete(OnDuty::KIND, ON_DUTY_ID, stamp()).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::staff::{MAX_FAILURES, Pin, PinHash, lockout_duration};
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;
    use crate::store::{ListQuery, list_all};

    fn boss() -> Staff {
        Staff::new(
            "王主管",
            &[crate::actor::Role::Supervisor],
            PinHash::with_rounds(&Pin::parse("2468").unwrap(), [7; 16], 1_000),
        )
        .unwrap()
    }

    #[test]
    fn wrong_pins_are_audited_lock_out_with_a_growing_wait_and_the_right_pin_clears_them() {
        let (store, f) = (MemoryStore::new(), Fixture::default());
        let (id, s) = (f.id(), boss());
        let check = |pin: &str| {
            block_on(check_pin(&store, id, &s, pin, f.now(), f.id(), || {
                f.stamp()
            }))
            .unwrap()
        };
        assert_eq!(
            check("1111"),
            PinCheck::Wrong {
                left: MAX_FAILURES - 1
            }
        );
        for _ in 1..MAX_FAILURES - 1 {
            check("1111");
        }
        let until = f.now() + lockout_duration();
        assert_eq!(check("1111"), PinCheck::Locked { until });
        // While locked, even the right PIN is not checked.
        assert_eq!(check("2468"), PinCheck::Locked { until });
        let trail = block_on(list_all(&store, ListQuery::recent(AuditEntry::KIND, 50))).unwrap();
        let actions: Vec<AuditAction> = trail
            .iter()
            .map(|e| e.decode::<AuditEntry>().unwrap().action)
            .collect();
        assert_eq!(
            actions
                .iter()
                .filter(|a| **a == AuditAction::WrongPin)
                .count(),
            4
        );
        assert_eq!(
            actions
                .iter()
                .filter(|a| **a == AuditAction::LockedOut)
                .count(),
            1
        );
        assert!(
            trail
                .iter()
                .all(|e| e.decode::<AuditEntry>().unwrap().by.name == "王主管")
        );
        // After the wait, five more wrong PINs lock for twice as long.
        f.advance_millis(lockout_duration().num_milliseconds() + 1);
        for _ in 0..MAX_FAILURES - 1 {
            check("1111");
        }
        let t = f.now();
        assert_eq!(
            check("1111"),
            PinCheck::Locked {
                until: t + lockout_duration() * 2
            }
        );
        f.advance_millis((lockout_duration() * 2).num_milliseconds() + 1);
        assert_eq!(check("2468"), PinCheck::Right);
        let (_, l) = block_on(lockout_of(&store, id)).unwrap();
        assert_eq!(l, Lockout::cleared());
    }

    #[test]
    fn a_reload_resumes_only_the_person_active_within_the_idle_time() {
        let (store, f) = (MemoryStore::new(), Fixture::default());
        let idle = Duration::minutes(10);
        assert_eq!(block_on(resume(&store, f.now(), idle)), Ok(None));
        let who = f.id();
        block_on(on_duty(&store, who, f.now(), || f.stamp())).unwrap();
        assert_eq!(block_on(resume(&store, f.now(), idle)), Ok(Some(who)));
        assert_eq!(
            block_on(resume(&store, f.now() + Duration::minutes(11), idle)),
            Ok(None)
        );
        // An activity time in the future resumes nobody.
        assert_eq!(
            block_on(resume(&store, f.now() - Duration::minutes(1), idle)),
            Ok(None)
        );
        block_on(off_duty(&store, || f.stamp())).unwrap();
        assert_eq!(block_on(resume(&store, f.now(), idle)), Ok(None));
    }
}
