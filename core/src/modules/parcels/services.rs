//! The parcels module's services over any [`RecordStore`]: intake (duplicates refused, a pickup
//! code no parcel on the shelf has), changes to several parcels at once, and the shelf search.

use super::{
    Handover, Intake, Parcel, ParcelError, ix, normalize_tracking, pickup_code, search_plan,
};
use crate::modules::photos::Photo;
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, search as scan};
use chrono::{DateTime, Utc};

/// Why an intake was refused: field problems, or the store.
#[derive(Debug, PartialEq)]
pub enum IntakeError {
    Fields(Vec<ParcelError>),
    Store(StoreError),
}

impl From<StoreError> for IntakeError {
    fn from(e: StoreError) -> Self {
        IntakeError::Store(e)
    }
}

fn exact(index: &str, value: &str) -> ListQuery {
    ListQuery::by(Parcel::KIND, index, KeyRange::Exact(value.to_string()), 50)
}

/// The parcel on the shelf (not yet handed over, returned or lost) with this tracking number.
pub async fn on_shelf<S: RecordStore>(
    store: &S,
    tracking: &str,
) -> Result<Option<(Envelope, Parcel)>, StoreError> {
    let tracking = normalize_tracking(tracking);
    if tracking.is_empty() {
        return Ok(None);
    }
    Ok(store
        .list(&exact(ix::TRACKING, &tracking))
        .await?
        .items
        .into_iter()
        .filter_map(|e| e.decode::<Parcel>().ok().map(|p| (e, p)))
        .find(|(_, p)| p.outcome.is_none()))
}

/// The refusal for a tracking number already on the shelf, saying where that parcel sits and
/// since when; `None` when it is not there. Asked as soon as a number is scanned, and again when
/// the parcel is saved.
pub async fn duplicate<S: RecordStore>(
    store: &S,
    tracking: &str,
) -> Result<Option<ParcelError>, StoreError> {
    Ok(on_shelf(store, tracking)
        .await?
        .map(|(_, p)| ParcelError::AlreadyOnShelf {
            tracking: p.tracking,
            shelf: p.shelf,
            unit: p.recipient.unit,
            since: p.received_at,
        }))
}

/// Takes a parcel in, received now by `clerk`: refuses a tracking number already on the shelf,
/// draws a pickup code (from `random`) that no parcel on the shelf has, and saves it, with the
/// photo the clerk took (an image data URL) as a photo record of its own, in one transaction.
#[allow(clippy::too_many_arguments)]
pub async fn take_in<S: RecordStore>(
    store: &S,
    intake: &Intake,
    photo: Option<String>,
    clerk: &str,
    mut new_id: impl FnMut() -> RecordId,
    now: DateTime<Utc>,
    mut random: impl FnMut() -> u32,
    stamp: impl Fn() -> Stamp,
) -> Result<Parcel, IntakeError> {
    if let Some(e) = duplicate(store, &intake.tracking).await? {
        return Err(IntakeError::Fields(vec![e]));
    }
    let mut code = String::new();
    for _ in 0..8 {
        code = pickup_code(random());
        if store.list(&exact(ix::CODE, &code)).await?.items.is_empty() {
            break;
        }
    }
    let mut p = intake
        .parse(now, clerk, code)
        .map_err(IntakeError::Fields)?;
    let mut batch = Vec::new();
    if let Some(data) = photo.filter(|d| d.starts_with("data:image/")) {
        let pe = Envelope::create(&Photo::new(data, now), new_id(), stamp())
            .map_err(StoreError::from)?;
        p.photo = Some(pe.meta.id);
        batch.push(pe);
    }
    batch.push(Envelope::create(&p, new_id(), stamp()).map_err(StoreError::from)?);
    store.put_all(&batch).await?;
    Ok(p)
}

/// Why a change to several parcels was refused.
#[derive(Debug, PartialEq)]
pub enum ChangeError {
    Parcel(ParcelError),
    Store(StoreError),
}

impl From<StoreError> for ChangeError {
    fn from(e: StoreError) -> Self {
        ChangeError::Store(e)
    }
}

/// Applies one change to several parcels, re-read first, written in one transaction (all or
/// none). Returns how many were changed.
pub async fn change<S: RecordStore>(
    store: &S,
    ids: &[RecordId],
    f: impl Fn(Parcel) -> Result<Parcel, ParcelError>,
    stamp: impl Fn() -> Stamp,
) -> Result<usize, ChangeError> {
    change_with(store, ids, |_| Ok(()), f, Vec::new(), stamp).await
}

/// Hands several parcels over at once with one drawn signature (an image data URL), kept as a
/// photo record they all refer to; `handover` says who collected each. Parcels of different
/// recipients go together only to someone collecting on their behalf. The photo and the parcels
/// are written in one transaction (all or none).
#[allow(clippy::too_many_arguments)]
pub async fn hand_over<S: RecordStore>(
    store: &S,
    ids: &[RecordId],
    signature: &str,
    photo_id: RecordId,
    now: DateTime<Utc>,
    handover: impl Fn(&Parcel, RecordId) -> Handover,
    stamp: impl Fn() -> Stamp,
) -> Result<usize, ChangeError> {
    if !signature.starts_with("data:image/") {
        return Err(ChangeError::Parcel(ParcelError::NoSignature));
    }
    let photo = Envelope::create(&Photo::new(signature.to_string(), now), photo_id, stamp())
        .map_err(StoreError::from)?;
    let f = |p: Parcel| {
        let h = handover(&p, photo_id);
        p.handed_over(h)
    };
    let together = |all: &[Parcel]| match all.split_first() {
        Some((first, rest))
            if rest.iter().any(|p| !first.same_recipient(p))
                && handover(first, photo_id).collector.on_behalf.is_none() =>
        {
            Err(ParcelError::SeveralRecipients)
        }
        _ => Ok(()),
    };
    change_with(store, ids, together, f, vec![photo], stamp).await
}

/// [`change`], after `check` of the parcels as they are, writing `extra` records in the same
/// transaction.
async fn change_with<S: RecordStore>(
    store: &S,
    ids: &[RecordId],
    check: impl Fn(&[Parcel]) -> Result<(), ParcelError>,
    f: impl Fn(Parcel) -> Result<Parcel, ParcelError>,
    extra: Vec<Envelope>,
    stamp: impl Fn() -> Stamp,
) -> Result<usize, ChangeError> {
    let keys: Vec<(String, RecordId)> = ids
        .iter()
        .map(|id| (Parcel::KIND.to_string(), *id))
        .collect();
    let mut found = Vec::new();
    for env in store.get_many(&keys).await?.into_iter().flatten() {
        let p: Parcel = env.decode().map_err(StoreError::from)?;
        found.push((env, p));
    }
    let parcels: Vec<Parcel> = found.iter().map(|(_, p)| p.clone()).collect();
    check(&parcels).map_err(ChangeError::Parcel)?;
    let n = found.len();
    let mut batch = extra;
    for (env, p) in found {
        let next = f(p).map_err(ChangeError::Parcel)?;
        batch.push(env.update(&next, stamp()).map_err(StoreError::from)?);
    }
    store.put_all(&batch).await?;
    Ok(n)
}

/// Parcels matching a shelf search (code, tracking, unit, phone, name), newest first.
pub async fn search<S: RecordStore>(
    store: &S,
    text: &str,
) -> Result<Vec<(Envelope, Parcel)>, StoreError> {
    let mut v = scan::<S, Parcel>(store, search_plan(text), 50).await?;
    v.sort_by(|a, b| b.1.received_at.cmp(&a.1.received_at));
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::retention::purge;
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;

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
        fn take_in(
            &self,
            tracking: &str,
            unit: &str,
            random: &mut dyn FnMut() -> u32,
        ) -> Result<Parcel, IntakeError> {
            let intake = Intake {
                tracking: tracking.into(),
                unit: unit.into(),
                name: "张伟".into(),
                phone: "13800138000".into(),
                ..Intake::default()
            };
            block_on(take_in(
                &self.store,
                &intake,
                None,
                "小李",
                || self.f.id(),
                self.f.now(),
                random,
                || self.f.stamp(),
            ))
        }
    }

    impl Desk {
        /// Two parcels taken in, for `units`, and their ids as a search by `find` lists them.
        fn two_taken_in(&self, units: [&str; 2], find: &str) -> Vec<RecordId> {
            let mut r = || 5;
            self.take_in("SF1111111111111", units[0], &mut r).unwrap();
            let mut r = || 6;
            self.take_in("SF2222222222222", units[1], &mut r).unwrap();
            block_on(search(&self.store, find))
                .unwrap()
                .iter()
                .map(|(e, _)| e.meta.id)
                .collect()
        }
    }

    #[test]
    fn a_tracking_number_on_the_shelf_is_refused_and_nothing_is_written() {
        let d = Desk::new();
        let mut r = || 123_456_789;
        let first = d.take_in("SF144307705322", "3-1-502", &mut r).unwrap();
        let refused = d.take_in("sf 1443 0770 5322", "5-2-1202", &mut r);
        assert_eq!(
            refused,
            Err(IntakeError::Fields(vec![ParcelError::AlreadyOnShelf {
                tracking: "SF144307705322".into(),
                shelf: String::new(),
                unit: "3-1-502".into(),
                since: first.received_at,
            }]))
        );
        // The refusal says where the parcel already is.
        let Err(IntakeError::Fields(e)) = refused else {
            unreachable!()
        };
        let text = crate::lang::Localized::message(&e[0], crate::lang::Lang::Zh);
        assert!(
            text.contains("SF144307705322") && text.contains("3-1-502"),
            "{text}"
        );
        assert_eq!(
            block_on(search(&d.store, "SF144307705322")).unwrap().len(),
            1
        );
        let (_, p) = block_on(on_shelf(&d.store, "SF144307705322"))
            .unwrap()
            .unwrap();
        assert_eq!(p.recipient.unit, "3-1-502");
    }

    #[test]
    fn a_handed_over_parcel_does_not_block_the_same_number_again() {
        let d = Desk::new();
        let mut r = || 42;
        d.take_in("YT7579553618199", "3-1-502", &mut r).unwrap();
        let (env, _) = block_on(on_shelf(&d.store, "YT7579553618199"))
            .unwrap()
            .unwrap();
        let n = block_on(change(
            &d.store,
            &[env.meta.id],
            |p| p.closed_as(super::super::Outcome::Returned, d.f.now(), "", "小李"),
            || d.f.stamp(),
        ));
        assert_eq!(n, Ok(1));
        assert!(
            block_on(on_shelf(&d.store, "YT7579553618199"))
                .unwrap()
                .is_none()
        );
        assert!(d.take_in("YT7579553618199", "3-1-502", &mut r).is_ok());
    }

    #[test]
    fn pickup_codes_on_the_shelf_are_never_drawn_twice() {
        let d = Desk::new();
        // The generator repeats itself at first: the second parcel must still get another code.
        let seq = [7u32, 7, 7, 99];
        let mut i = 0;
        let mut r = || {
            let v = seq[i.min(seq.len() - 1)];
            i += 1;
            v
        };
        let a = d.take_in("SF1111111111111", "3-1-502", &mut r).unwrap();
        let b = d.take_in("SF2222222222222", "3-1-502", &mut r).unwrap();
        assert_ne!(a.pickup_code, b.pickup_code);
    }

    #[test]
    fn a_refused_change_lands_on_none_of_the_parcels() {
        let d = Desk::new();
        let ids = d.two_taken_in(["3-1-502", "3-1-502"], "3-1-502");
        assert_eq!(ids.len(), 2);
        let first = ids[1];
        block_on(change(
            &d.store,
            &[first],
            |p| p.closed_as(super::super::Outcome::Returned, d.f.now(), "", "小李"),
            || d.f.stamp(),
        ))
        .unwrap();
        // Returning both again: the first is closed, so nothing lands.
        assert!(matches!(
            block_on(change(
                &d.store,
                &ids,
                |p| p.closed_as(super::super::Outcome::Returned, d.f.now(), "", "小李"),
                || d.f.stamp()
            )),
            Err(ChangeError::Parcel(_))
        ));
        assert_eq!(
            block_on(search(&d.store, "3-1-502"))
                .unwrap()
                .iter()
                .filter(|(_, p)| p.outcome.is_none())
                .count(),
            1
        );
    }

    #[test]
    fn one_signature_closes_parcels_handed_over_together_as_one_photo_record() {
        use super::super::{Collector, Outcome};
        let d = Desk::new();
        let ids = d.two_taken_in(["3-1-502", "3-1-502"], "3-1-502");
        let who = |p: &Parcel, sig: RecordId| Handover {
            at: d.f.now(),
            clerk: "小李".into(),
            collector: Collector {
                name: p.recipient.name.clone(),
                phone: p.recipient.phone.clone(),
                on_behalf: None,
            },
            id_checked: false,
            signature: sig,
        };
        let photo_id = d.f.id();
        // No drawing, or something that is not a picture: refused, nothing written.
        for bad in ["", "https://example.invalid/sig.png"] {
            assert_eq!(
                block_on(hand_over(
                    &d.store,
                    &ids,
                    bad,
                    photo_id,
                    d.f.now(),
                    who,
                    || d.f.stamp()
                )),
                Err(ChangeError::Parcel(ParcelError::NoSignature))
            );
        }
        assert_eq!(block_on(d.store.get(Photo::KIND, photo_id)).unwrap(), None);
        let sig = "data:image/png;base64,iVBORw0KGgo=";
        assert_eq!(
            block_on(hand_over(
                &d.store,
                &ids,
                sig,
                photo_id,
                d.f.now(),
                who,
                || d.f.stamp()
            )),
            Ok(2)
        );
        let photo: Photo = block_on(d.store.get(Photo::KIND, photo_id))
            .unwrap()
            .unwrap()
            .decode()
            .unwrap();
        assert_eq!(photo.data, sig);
        for (_, p) in block_on(search(&d.store, "3-1-502")).unwrap() {
            assert_eq!(p.outcome, Some(Outcome::PickedUp));
            assert_eq!(p.handover.unwrap().signature, photo_id);
        }
    }

    #[test]
    fn the_intake_photo_is_saved_as_a_photo_record_with_its_parcel() {
        let d = Desk::new();
        let intake = Intake {
            tracking: "SF3333333333333".into(),
            unit: "3-1-502".into(),
            name: "张伟".into(),
            ..Intake::default()
        };
        let pic = "data:image/jpeg;base64,/9j/AAAA";
        let p = block_on(take_in(
            &d.store,
            &intake,
            Some(pic.into()),
            "小李",
            || d.f.id(),
            d.f.now(),
            || 1,
            || d.f.stamp(),
        ))
        .unwrap();
        let photo = block_on(d.store.get(Photo::KIND, p.photo.unwrap()))
            .unwrap()
            .expect("the photo record is there");
        assert_eq!(photo.decode::<Photo>().unwrap().data, pic);
    }

    #[test]
    fn parcels_of_different_recipients_go_together_only_to_someone_collecting_on_their_behalf() {
        use super::super::{Collector, Outcome};
        let d = Desk::new();
        let ids = d.two_taken_in(["3-1-502", "8-1-101"], "张伟");
        assert_eq!(ids.len(), 2);
        let sig = "data:image/png;base64,iVBORw0KGgo=";
        let at = d.f.now();
        fn handover(
            at: chrono::DateTime<chrono::Utc>,
            on_behalf: Option<&'static str>,
        ) -> impl Fn(&Parcel, RecordId) -> Handover {
            move |p: &Parcel, s: RecordId| Handover {
                at,
                clerk: "小李".into(),
                collector: Collector {
                    name: if on_behalf.is_some() {
                        "王芳".into()
                    } else {
                        p.recipient.name.clone()
                    },
                    phone: crate::phone::PhoneNumber::parse("13900139000").ok(),
                    on_behalf: on_behalf.map(String::from),
                },
                id_checked: true,
                signature: s,
            }
        }
        let photo_id = d.f.id();
        assert_eq!(
            block_on(hand_over(
                &d.store,
                &ids,
                sig,
                photo_id,
                d.f.now(),
                handover(at, None),
                || d.f.stamp()
            )),
            Err(ChangeError::Parcel(ParcelError::SeveralRecipients))
        );
        assert_eq!(
            block_on(d.store.get(Photo::KIND, photo_id)).unwrap(),
            None,
            "nothing written"
        );
        assert_eq!(
            block_on(hand_over(
                &d.store,
                &ids,
                sig,
                photo_id,
                d.f.now(),
                handover(at, Some("邻居")),
                || d.f.stamp()
            )),
            Ok(2)
        );
        assert!(
            block_on(search(&d.store, "张伟"))
                .unwrap()
                .iter()
                .all(|(_, p)| p.outcome == Some(Outcome::PickedUp))
        );
    }

    #[test]
    fn a_purge_forgets_the_recipient_collector_photo_and_signature_of_parcels_long_gone() {
        use super::super::Collector;
        let d = Desk::new();
        let ids = d.two_taken_in(["3-1-502", "3-1-502"], "3-1-502");
        let photo_id = d.f.id();
        let at = d.f.now();
        block_on(hand_over(
            &d.store,
            &ids[..1],
            "data:image/png;base64,iVBORw0KGgo=",
            photo_id,
            at,
            |_: &Parcel, s| Handover {
                at,
                clerk: "小李".into(),
                collector: Collector {
                    name: "王芳".into(),
                    phone: crate::phone::PhoneNumber::parse("13900139000").ok(),
                    on_behalf: Some("家人".into()),
                },
                id_checked: true,
                signature: s,
            },
            || d.f.stamp(),
        ))
        .unwrap();
        d.f.advance_millis(91 * 86_400_000);
        let purged = block_on(purge::<_, Parcel>(&d.store, 90, d.f.now(), || d.f.stamp())).unwrap();
        assert_eq!(
            purged,
            vec![ids[0]],
            "the parcel still on the shelf stays whole"
        );
        let p: Parcel = block_on(d.store.get(Parcel::KIND, ids[0]))
            .unwrap()
            .unwrap()
            .decode()
            .unwrap();
        assert!(p.purged && p.recipient.name.is_empty() && p.recipient.phone.is_none());
        let h = p.handover.unwrap();
        assert!(h.collector.name.is_empty() && h.collector.phone.is_none());
        assert!(
            block_on(d.store.get(Photo::KIND, photo_id))
                .unwrap()
                .unwrap()
                .meta
                .deleted
        );
        assert_eq!(
            p.recipient.unit, "3-1-502",
            "the unit stays for the statistics"
        );
        assert!(
            block_on(purge::<_, Parcel>(&d.store, 90, d.f.now(), || d.f.stamp()))
                .unwrap()
                .is_empty()
        );
    }
}
