//! Registering keys, lending one (never twice), taking it back, overdue, a unit's keys, the CSV's
//! masking and the purge, on the memory store.

use super::services::{self, KeysError};
use super::*;
use crate::modules::photos::Photo;
use crate::modules::retention::Retained;
use crate::record::Envelope;
use crate::store::conformance::{Fixture, block_on};
use crate::store::memory::MemoryStore;
use chrono::TimeZone;

fn at(d: u32, h: u32) -> DateTime<Utc> {
    crate::time::china()
        .with_ymd_and_hms(2026, 11, d, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn unit_key() -> KeyForm {
    KeyForm {
        label: "3-1-502 户门".into(),
        opens: Some(Opens::Unit),
        unit: "3-1-502".into(),
        hook: "A-12".into(),
        copies: "1".into(),
        ..KeyForm::default()
    }
}

fn loan(name: &str, due: DateTime<Utc>) -> LoanForm {
    LoanForm {
        borrower: Some(Borrower::Staff),
        name: name.into(),
        phone: "13800138000".into(),
        reason: "维修水管".into(),
        due: Some(due),
        ..LoanForm::default()
    }
}

fn signature(f: &Fixture) -> Envelope {
    Envelope::create(
        &Photo::new("data:image/png;base64,AAAA".into(), at(27, 9)),
        f.id(),
        f.stamp(),
    )
    .unwrap()
}

#[test]
fn a_key_form_asks_for_what_the_register_needs() {
    assert_eq!(
        KeyForm::default().parse(at(27, 9), "王主管").unwrap_err(),
        vec![KeyError::NoLabel, KeyError::NoOpens]
    );
    let bad = KeyForm {
        unit: "五楼".into(),
        copies: "0".into(),
        ..unit_key()
    };
    assert_eq!(
        bad.parse(at(27, 9), "王主管").unwrap_err(),
        vec![KeyError::BadUnit, KeyError::BadCopies]
    );
    let plant = KeyForm {
        label: "配电房".into(),
        opens: Some(Opens::PlantRoom),
        unit: "ignored".into(),
        copies: String::new(),
        ..KeyForm::default()
    }
    .parse(at(27, 9), "王主管")
    .unwrap();
    assert_eq!((plant.copies, plant.unit.as_str()), (1, ""));
}

#[test]
fn a_loan_asks_for_who_why_until_when_and_a_signature() {
    let key = unit_key().parse(at(27, 9), "王主管").unwrap();
    let id = RecordId(uuid::Uuid::from_u128(1));
    let errs = LoanForm {
        phone: "123".into(),
        due: Some(at(27, 8)),
        ..LoanForm::default()
    }
    .parse(id, &key, at(27, 9), "小李")
    .unwrap_err();
    assert_eq!(
        errs,
        vec![
            KeyError::NoBorrower,
            KeyError::NoName,
            KeyError::BadPhone,
            KeyError::NoReason,
            KeyError::DueNotAhead,
            KeyError::NoSignature
        ]
    );
    let retired = Key {
        retired: true,
        ..key
    };
    assert!(
        loan("刘师傅", at(27, 12))
            .parse(id, &retired, at(27, 9), "小李")
            .unwrap_err()
            .contains(&KeyError::Retired)
    );
}

#[test]
fn a_key_is_never_lent_twice_and_comes_back_with_its_condition() {
    let (f, store) = (
        Fixture::at_millis(at(27, 9).timestamp_millis()),
        MemoryStore::new(),
    );
    let (kid, _) = block_on(services::register(
        &store,
        &unit_key(),
        "王主管",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let lend = |name: &str| {
        block_on(services::lend(
            &store,
            kid,
            &loan(name, at(27, 12)),
            Some(signature(&f)),
            "小李",
            || f.id(),
            || f.stamp(),
        ))
    };
    let first = lend("刘师傅").unwrap();
    assert!(first.signature.is_some());
    match lend("张师傅").unwrap_err() {
        KeysError::Key(e) => {
            assert_eq!(
                e,
                vec![KeyError::AllOut {
                    with: vec![("刘师傅".into(), at(27, 12))]
                }]
            );
            assert!(
                crate::lang::Localized::message(&e[0], Lang::Zh).contains("刘师傅(11-27 12:00)")
            );
        }
        other => panic!("{other:?}"),
    }
    // A loan with no signature is refused and writes nothing.
    let (row, _) = block_on(services::key(&store, kid)).unwrap();
    assert!(row.all_out());
    assert_eq!(
        block_on(services::overdue(&store, at(27, 11)))
            .unwrap()
            .len(),
        0
    );
    let late = block_on(services::overdue(&store, at(27, 13))).unwrap();
    assert_eq!(late.len(), 1);
    let lid = late[0].0.meta.id;
    // Back damaged: what happened is said; a signature unless lost.
    let back = |c, note: &str, sig: Option<Envelope>| {
        block_on(services::take_back(
            &store,
            lid,
            c,
            note,
            sig,
            "小王",
            || f.stamp(),
        ))
    };
    assert_eq!(
        back(None, "", Some(signature(&f))).unwrap_err(),
        KeysError::Key(vec![KeyError::NoCondition])
    );
    assert_eq!(
        back(Some(Condition::Damaged), " ", Some(signature(&f))).unwrap_err(),
        KeysError::Key(vec![KeyError::NoNote])
    );
    assert_eq!(
        back(Some(Condition::Good), "", None).unwrap_err(),
        KeysError::Key(vec![KeyError::NoSignature])
    );
    let returned = back(Some(Condition::Damaged), "齿口磨损", Some(signature(&f))).unwrap();
    assert_eq!(returned.returned.as_ref().unwrap().by, "小王");
    assert_eq!(
        back(Some(Condition::Good), "", Some(signature(&f))).unwrap_err(),
        KeysError::Key(vec![KeyError::Back])
    );
    assert!(block_on(services::out(&store)).unwrap().is_empty());
    // Back at the desk: lent again.
    lend("张师傅").unwrap();
    let (row, history) = block_on(services::key(&store, kid)).unwrap();
    assert_eq!(row.out.len(), 1);
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].1.name, "张师傅", "newest first");
    // The unit's page and the search find it.
    assert_eq!(
        block_on(services::of_unit(&store, "3-1-502"))
            .unwrap()
            .len(),
        1
    );
    for t in ["3-1-502", "A-1", "3-1-502 户"] {
        assert_eq!(block_on(services::keys(&store, t)).unwrap().len(), 1, "{t}");
    }
}

#[test]
fn a_key_with_two_copies_goes_out_twice_and_a_lost_key_needs_no_signature() {
    let (f, store) = (
        Fixture::at_millis(at(27, 9).timestamp_millis()),
        MemoryStore::new(),
    );
    let form = KeyForm {
        label: "北门通道门".into(),
        opens: Some(Opens::Gate),
        copies: "2".into(),
        ..KeyForm::default()
    };
    let (kid, _) = block_on(services::register(
        &store,
        &form,
        "王主管",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    for name in ["刘", "张"] {
        block_on(services::lend(
            &store,
            kid,
            &loan(name, at(28, 9)),
            Some(signature(&f)),
            "小李",
            || f.id(),
            || f.stamp(),
        ))
        .unwrap();
    }
    let out = block_on(services::out(&store)).unwrap();
    assert_eq!(out.len(), 2);
    let lost = block_on(services::take_back(
        &store,
        out[0].0.meta.id,
        Some(Condition::Lost),
        "借用人遗失",
        None,
        "小王",
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(lost.returned.unwrap().condition, Condition::Lost);
    // One copy fewer at the desk: the other copy is still out, so nothing can be lent.
    let (row, _) = block_on(services::key(&store, kid)).unwrap();
    assert_eq!(
        (row.key.copies, row.out.len(), row.key.retired),
        (1, 1, false)
    );
    assert!(row.all_out());
    // Not retired while a copy is out; the last copy lost retires it.
    assert_eq!(
        block_on(services::change(&store, kid, &row.key.form(), true, || f.stamp())).unwrap_err(),
        KeysError::Key(vec![KeyError::StillOut])
    );
    block_on(services::take_back(
        &store,
        out[1].0.meta.id,
        Some(Condition::Lost),
        "也丢了",
        None,
        "小王",
        || f.stamp(),
    ))
    .unwrap();
    let (row, _) = block_on(services::key(&store, kid)).unwrap();
    assert_eq!((row.key.copies, row.key.retired), (0, true));
}

#[test]
fn a_loan_is_purged_of_its_borrower_and_signatures_after_the_days_kept() {
    let key = unit_key().parse(at(1, 9), "王主管").unwrap();
    let id = RecordId(uuid::Uuid::from_u128(1));
    let sig = RecordId(uuid::Uuid::from_u128(2));
    let l = LoanForm {
        signature: Some(sig),
        ..loan("刘师傅", at(1, 12))
    }
    .parse(id, &key, at(1, 9), "小李")
    .unwrap();
    assert!(!l.purge_due(at(27, 9), 1), "out: kept");
    let back = l
        .back(Some(Condition::Good), "", Some(sig), "小王", at(1, 11))
        .unwrap();
    assert!(!back.purge_due(at(20, 9), 30));
    assert!(back.purge_due(at(27, 9), 20));
    assert_eq!(back.pictures(), vec![sig, sig]);
    let p = back.purged();
    assert!(p.name.is_empty() && p.phone.is_none() && p.pictures().is_empty());
    assert_eq!(p.key_label, "3-1-502 户门", "what was lent stays");
}

#[test]
fn the_loans_csv_masks_the_borrower_unless_asked() {
    let key = unit_key().parse(at(1, 9), "王主管").unwrap();
    let l = LoanForm {
        signature: Some(RecordId(uuid::Uuid::from_u128(2))),
        ..loan("刘师傅", at(1, 12))
    }
    .parse(RecordId(uuid::Uuid::from_u128(1)), &key, at(1, 9), "小李")
    .unwrap();
    let f = Fixture::at_millis(at(1, 9).timestamp_millis());
    let env = Envelope::create(&l, f.id(), f.stamp()).unwrap();
    let masked = String::from_utf8((csv::LOANS.write)(&[env.clone()], Lang::Zh, false)).unwrap();
    assert!(!masked.contains("刘师傅") && !masked.contains("13800138000"));
    assert!(masked.contains("维修水管"));
    let full = String::from_utf8((csv::LOANS.write)(&[env], Lang::Zh, true)).unwrap();
    assert!(full.contains("刘师傅") && full.contains("13800138000"));
}
