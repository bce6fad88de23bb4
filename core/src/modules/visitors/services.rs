//! The visitors module's services over any [`RecordStore`] (the guarded IndexedDB store in the
//! app, the memory store in tests): sign-out, search, returning visitors, the automatic sign-out
//! and the retention purge. Pages only call these and show the result.

use super::{Visit, ix, returning as distinct_people, search_plan};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as, search as scan};
use chrono::{DateTime, NaiveTime, Utc};

/// Signs a visitor out at the stamp's time, by `clerk`, re-reading the record first (a visit
/// signed out meanwhile keeps its first time).
pub async fn sign_out<S: RecordStore>(
    store: &S,
    id: RecordId,
    clerk: &str,
    stamp: impl Fn() -> Stamp,
) -> Result<Visit, StoreError> {
    let env = store
        .get(Visit::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or_else(|| StoreError::NotFound {
            kind: Visit::KIND.into(),
            id,
        })?;
    let v: Visit = env.decode()?;
    let at = stamp();
    let out = v.signed_out(at.now, clerk);
    store.put(&env.update(&out, at)?).await?;
    Ok(out)
}

/// Takes back the sign-out at `out` (see [`Visit::sign_out_undone`]), re-reading the record
/// first. Returns the visit as it now stands: on site again, or as it was when the sign-out was
/// not that one.
pub async fn undo_sign_out<S: RecordStore>(
    store: &S,
    id: RecordId,
    out: DateTime<Utc>,
    stamp: impl Fn() -> Stamp,
) -> Result<Visit, StoreError> {
    let env = store
        .get(Visit::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or_else(|| StoreError::NotFound {
            kind: Visit::KIND.into(),
            id,
        })?;
    let v: Visit = env.decode()?;
    let back = v.clone().sign_out_undone(out);
    if back != v {
        store.put(&env.update(&back, stamp())?).await?;
    }
    Ok(back)
}

/// Visits matching a search text by name, phone, plate, host unit or ID ending, newest first.
pub async fn search<S: RecordStore>(
    store: &S,
    text: &str,
    limit: u32,
) -> Result<Vec<(Envelope, Visit)>, StoreError> {
    let mut found = scan::<S, Visit>(store, search_plan(text), limit).await?;
    found.sort_by(|a, b| b.1.time_in.cmp(&a.1.time_in));
    found.truncate(limit as usize);
    Ok(found)
}

/// Earlier visitors whose phone or name starts with what is typed, one per person, at most six.
pub async fn returning<S: RecordStore>(
    store: &S,
    phone: &str,
    name: &str,
) -> Result<Vec<Visit>, StoreError> {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let name = name.trim().to_lowercase();
    let mut plan = Vec::new();
    if digits.len() >= 3 {
        plan.push((ix::PHONE, KeyRange::Prefix(digits)));
    }
    if !name.is_empty() {
        plan.push((ix::NAME, KeyRange::Prefix(name)));
    }
    let visits = scan::<S, Visit>(store, plan, 20)
        .await?
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    let mut r = distinct_people(visits);
    r.truncate(6);
    Ok(r)
}

/// Closes every visit left open past the sign-out cutoff (local time), in one write. Returns
/// how many were closed.
pub async fn auto_sign_out<S: RecordStore>(
    store: &S,
    cutoff: NaiveTime,
    now: DateTime<Utc>,
    stamp: impl Fn() -> Stamp,
) -> Result<usize, StoreError> {
    let q = ListQuery::by(Visit::KIND, ix::ON_SITE, KeyRange::Exact("1".into()), 200);
    let mut closed = Vec::new();
    for (env, visit) in list_all_as::<S, Visit>(store, q).await? {
        if let Some(at) = visit.auto_sign_out_due(cutoff, now) {
            closed.push(env.update(&visit.auto_closed(at), stamp())?);
        }
    }
    if !closed.is_empty() {
        store.put_all(&closed).await?;
    }
    Ok(closed.len())
}

/// Why a retention purge waits: this tablet's clock is behind the latest time it saw while
/// running (set back, by hours), or far ahead of it at start (set ahead, or switched off for
/// days: it cannot tell which, by days).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockDoubt {
    Back(i64),
    Ahead(i64),
}

/// The time a retention purge may count from, given this tablet's clock (`now`) and the latest
/// time it had seen while running (`seen`). The first purge after the app starts (`at_start`)
/// also waits when the clock is more than two days past `seen`: a wrong date would purge early;
/// once the desk has worked at the new date, the next start purges.
pub fn purge_time(
    now: DateTime<Utc>,
    seen: DateTime<Utc>,
    at_start: bool,
) -> Result<DateTime<Utc>, ClockDoubt> {
    if seen - now > chrono::Duration::minutes(5) {
        return Err(ClockDoubt::Back((seen - now).num_hours().max(1)));
    }
    if at_start && now - seen > chrono::Duration::days(2) {
        return Err(ClockDoubt::Ahead((now - seen).num_days()));
    }
    Ok(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::retention::purge;
    use crate::modules::visitors::VisitForm;
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;
    use chrono::TimeZone;

    struct Desk {
        store: MemoryStore,
        f: Fixture,
    }

    impl Desk {
        fn new() -> Self {
            Desk {
                store: MemoryStore::new(),
                // 2025-11-27 10:00 in China.
                f: Fixture::at_millis(1_764_208_800_000),
            }
        }
        fn register(&self, name: &str, phone: &str) -> RecordId {
            let v = VisitForm {
                name: name.into(),
                phone: phone.into(),
                host_unit: "3-1-502".into(),
                plate: "京A12345".into(),
                ..VisitForm::default()
            }
            .parse(self.f.now(), "小李")
            .unwrap();
            let id = self.f.id();
            let env = Envelope::create(&v, id, self.f.stamp()).unwrap();
            block_on(self.store.put(&env)).unwrap();
            id
        }
        fn get(&self, id: RecordId) -> Visit {
            block_on(self.store.get(Visit::KIND, id))
                .unwrap()
                .unwrap()
                .decode()
                .unwrap()
        }
    }

    #[test]
    fn a_sign_out_can_be_taken_back_but_not_another_one() {
        let d = Desk::new();
        let id = d.register("张伟", "13800138000");
        let out = block_on(sign_out(&d.store, id, "小李", || d.f.stamp())).unwrap();
        let at = out.time_out.unwrap();
        let back = block_on(undo_sign_out(&d.store, id, at, || d.f.stamp())).unwrap();
        assert!(back.on_site() && back.signed_out_by.is_empty());
        assert!(d.get(id).on_site());
        // Signed out again later: an undo of the first sign-out changes nothing.
        d.f.advance_millis(60_000);
        let again = block_on(sign_out(&d.store, id, "小王", || d.f.stamp())).unwrap();
        let kept = block_on(undo_sign_out(&d.store, id, at, || d.f.stamp())).unwrap();
        assert_eq!(kept.time_out, again.time_out);
        assert_eq!(d.get(id).signed_out_by, "小王");
    }

    #[test]
    fn a_visitor_is_signed_out_once_and_a_missing_one_is_named() {
        let d = Desk::new();
        let id = d.register("张伟", "13800138000");
        let first = block_on(sign_out(&d.store, id, "小李", || d.f.stamp())).unwrap();
        let again = block_on(sign_out(&d.store, id, "小王", || d.f.stamp())).unwrap();
        assert_eq!(first.time_out, again.time_out);
        assert_eq!(d.get(id).signed_out_by, "小李");
        let missing = RecordId(uuid::Uuid::from_u128(77));
        assert!(matches!(
            block_on(sign_out(&d.store, missing, "小李", || d.f.stamp())),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn search_finds_by_name_phone_and_plate_once_each_newest_first() {
        let d = Desk::new();
        let a = d.register("张伟", "13800138000");
        d.f.advance_millis(60_000);
        let b = d.register("张敏", "13900139000");
        let by_name = block_on(search(&d.store, "张", 20)).unwrap();
        assert_eq!(
            by_name.iter().map(|r| r.0.meta.id).collect::<Vec<_>>(),
            vec![b, a]
        );
        let by_phone = block_on(search(&d.store, "1390013", 20)).unwrap();
        assert_eq!(by_phone.len(), 1);
        assert_eq!(by_phone[0].0.meta.id, b);
        // Both match the plate: each is listed once.
        assert_eq!(block_on(search(&d.store, "京A12345", 20)).unwrap().len(), 2);
        assert!(block_on(search(&d.store, "", 20)).unwrap().is_empty());
    }

    #[test]
    fn returning_visitors_are_one_per_person() {
        let d = Desk::new();
        d.register("张伟", "13800138000");
        d.f.advance_millis(86_400_000);
        d.register("张伟", "13800138000");
        d.register("李娜", "13700137000");
        let r = block_on(returning(&d.store, "138", "")).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].name, "张伟");
        assert_eq!(block_on(returning(&d.store, "", "李")).unwrap().len(), 1);
        assert!(block_on(returning(&d.store, "13", "")).unwrap().is_empty());
    }

    #[test]
    fn visits_left_open_past_the_cutoff_are_closed_at_the_cutoff() {
        let d = Desk::new();
        let id = d.register("张伟", "13800138000");
        let cutoff = NaiveTime::from_hms_opt(23, 0, 0).unwrap();
        // Same evening, before the cutoff: nothing to do.
        d.f.advance_millis(3 * 3_600_000);
        assert_eq!(
            block_on(auto_sign_out(&d.store, cutoff, d.f.now(), || d.f.stamp())).unwrap(),
            0
        );
        // The next morning: closed at 23:00 the day before.
        d.f.advance_millis(12 * 3_600_000);
        assert_eq!(
            block_on(auto_sign_out(&d.store, cutoff, d.f.now(), || d.f.stamp())).unwrap(),
            1
        );
        let v = d.get(id);
        assert!(v.auto_signed_out);
        assert!(crate::time::short(v.time_out.unwrap()).ends_with("23:00"));
        assert_eq!(
            block_on(auto_sign_out(&d.store, cutoff, d.f.now(), || d.f.stamp())).unwrap(),
            0
        );
    }

    #[test]
    fn a_clock_set_back_holds_the_purge_and_one_far_ahead_holds_the_first_purge_after_start() {
        let seen = Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap();
        assert_eq!(purge_time(seen, seen, true), Ok(seen));
        let day = seen + chrono::Duration::days(1);
        assert_eq!(purge_time(day, seen, true), Ok(day));
        let later = seen + chrono::Duration::days(3);
        assert_eq!(purge_time(later, seen, true), Err(ClockDoubt::Ahead(3)));
        assert_eq!(purge_time(later, seen, false), Ok(later));
        assert_eq!(
            purge_time(seen - chrono::Duration::days(2), seen, false),
            Err(ClockDoubt::Back(48))
        );
    }

    #[test]
    fn the_purge_forgets_personal_data_past_the_retention_days_only() {
        let d = Desk::new();
        let old = d.register("张伟", "13800138000");
        d.f.advance_millis(100 * 86_400_000);
        let recent = d.register("李娜", "13700137000");
        d.f.advance_millis(90 * 86_400_000);
        let ids = block_on(purge::<_, Visit>(&d.store, 180, d.f.now(), || d.f.stamp())).unwrap();
        assert_eq!(ids, vec![old]);
        let gone = d.get(old);
        assert!(
            gone.purged && gone.name.is_empty() && gone.phone.is_none() && gone.plate.is_none()
        );
        assert_eq!(d.get(recent).name, "李娜");
        assert!(block_on(search(&d.store, "张伟", 20)).unwrap().is_empty());
        assert_eq!(
            block_on(purge::<_, Visit>(&d.store, 180, d.f.now(), || d.f.stamp())).unwrap(),
            Vec::<RecordId>::new()
        );
    }
}
