//! An item left, found by its code, handed over with the code or an ID check and a signature,
//! never twice; taken back by who left it; purged after the days kept.

use super::services::{self, DepositsError};
use super::*;
use crate::modules::photos::Photo;
use crate::modules::retention::Retained;
use crate::record::Envelope;
use crate::store::conformance::{Fixture, block_on};
use crate::store::memory::MemoryStore;
use chrono::TimeZone;

fn at(h: u32) -> DateTime<Utc> {
    crate::time::china()
        .with_ymd_and_hms(2026, 11, 27, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn form() -> DepositForm {
    DepositForm {
        what: "一袋文件".into(),
        from: "张伟".into(),
        from_phone: "13800138000".into(),
        to: "王芳".into(),
        unit: "3-1-502".into(),
        kept_at: "前台柜 2 号格".into(),
        ..DepositForm::default()
    }
}

fn picture(f: &Fixture) -> Envelope {
    Envelope::create(
        &Photo::new("data:image/png;base64,AAAA".into(), at(9)),
        f.id(),
        f.stamp(),
    )
    .unwrap()
}

#[test]
fn an_item_needs_what_from_whom_and_for_whom() {
    let errs = DepositForm {
        from_phone: "12".into(),
        unit: "五楼".into(),
        ..DepositForm::default()
    }
    .parse(at(9), "小李", "123456".into())
    .unwrap_err();
    assert_eq!(
        errs,
        vec![
            DepositError::NoWhat,
            DepositError::NoFrom,
            DepositError::NoTo,
            DepositError::BadFromPhone,
            DepositError::BadUnit
        ]
    );
}

#[test]
fn an_item_is_handed_over_once_with_its_code_or_an_id_check_and_a_signature() {
    let (f, store) = (
        Fixture::at_millis(at(9).timestamp_millis()),
        MemoryStore::new(),
    );
    let mut draws = [7u32, 7, 8].into_iter();
    let take = |draws: &mut dyn Iterator<Item = u32>| {
        block_on(services::take_in(
            &store,
            &form(),
            Some(picture(&f)),
            "小李",
            || f.id(),
            || draws.next().unwrap_or(9),
            || f.stamp(),
        ))
        .unwrap()
    };
    let a = take(&mut draws);
    let b = take(&mut draws);
    assert_eq!(a.code, "000007");
    assert_eq!(b.code, "000008", "a code no waiting item has");
    assert!(a.photo.is_some());
    let found = block_on(services::waiting(&store, "000008")).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        block_on(services::waiting(&store, "3-1-502"))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(block_on(services::waiting(&store, "王")).unwrap().len(), 2);
    let id = found[0].0.meta.id;
    let release = |code: &str, checked: bool, sig: Option<Envelope>| {
        block_on(services::release(
            &store,
            id,
            Outcome::HandedOver,
            "王芳",
            code,
            checked,
            sig,
            "小王",
            || f.stamp(),
        ))
    };
    assert_eq!(
        release("000007", false, Some(picture(&f))).unwrap_err(),
        DepositsError::Deposit(vec![DepositError::WrongCode])
    );
    assert_eq!(
        release("000008", false, None).unwrap_err(),
        DepositsError::Deposit(vec![DepositError::NoSignature])
    );
    let gone = release("000008", false, Some(picture(&f))).unwrap();
    assert_eq!(gone.released.as_ref().unwrap().to, "王芳");
    assert_eq!(
        release("", true, Some(picture(&f))).unwrap_err(),
        DepositsError::Deposit(vec![DepositError::Gone(Outcome::HandedOver)])
    );
    assert_eq!(block_on(services::waiting(&store, "")).unwrap().len(), 1);
    // Without the code, an identity check instead.
    let other = block_on(services::waiting(&store, "")).unwrap()[0]
        .0
        .meta
        .id;
    block_on(services::release(
        &store,
        other,
        Outcome::HandedOver,
        "王芳的丈夫 李雷",
        "",
        true,
        Some(picture(&f)),
        "小王",
        || f.stamp(),
    ))
    .unwrap();
    assert!(block_on(services::waiting(&store, "")).unwrap().is_empty());
    assert_eq!(block_on(services::recent(&store, 10)).unwrap().len(), 2);
}

#[test]
fn who_left_it_takes_it_back_with_the_code_or_an_id_check_and_it_is_purged_later() {
    let d = form().parse(at(9), "小李", "123456".into()).unwrap();
    let sig = RecordId(uuid::Uuid::from_u128(3));
    // Who left it shows the code, or their identity is checked, like anyone else.
    assert_eq!(
        d.release(
            Outcome::TakenBack,
            "张伟",
            "",
            false,
            Some(sig),
            "小王",
            at(10)
        )
        .unwrap_err(),
        DepositError::WrongCode
    );
    let back = d
        .release(
            Outcome::TakenBack,
            "张伟",
            "",
            true,
            Some(sig),
            "小王",
            at(10),
        )
        .unwrap();
    assert_eq!(back.released.as_ref().unwrap().outcome, Outcome::TakenBack);
    assert!(!d.purge_due(at(23), 1), "waiting: kept");
    assert!(back.purge_due(at(10) + Duration::days(30), 30));
    let p = back.purged();
    assert!(p.from.is_empty() && p.to.is_empty() && p.pictures().is_empty());
    assert_eq!(p.what, "一袋文件");
    assert!(
        crate::lang::Localized::message(&DepositError::Gone(Outcome::TakenBack), Lang::Zh)
            .contains("寄存人取回")
    );
}
