//! The application's rules (a tenant moving out), the supervisor's decision, the gate's verdict
//! on the pass's day only, used once and refused the second time, and the purge.

use super::*;
use crate::modules::retention::Retained;
use chrono::TimeZone;

fn at(d: u32, h: u32) -> DateTime<Utc> {
    crate::time::china()
        .with_ymd_and_hms(2026, 11, d, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn tenant_moving() -> PassForm {
    PassForm {
        applicant: Some(Applicant::Tenant),
        name: "李雷".into(),
        phone: "13912345678".into(),
        unit: "5-2-1202".into(),
        items: vec![
            ("冰箱".into(), "1".into()),
            ("纸箱".into(), "12".into()),
            (String::new(), String::new()),
        ],
        plate: "京A12345".into(),
        date: Some(day(28)),
        gate: "北门".into(),
        reason: Some(Reason::Moving),
        consent_owner: "韩梅梅".into(),
        consent_phone: "13800138000".into(),
        consent_how: Some(ConsentHow::Phone),
        fees_cleared: true,
        ..PassForm::default()
    }
}

#[test]
fn an_application_says_everything_missing_and_a_tenant_moving_out_needs_consent_and_fees() {
    let errs = PassForm {
        applicant: Some(Applicant::Owner),
        phone: "123".into(),
        items: vec![("冰箱".into(), "0".into()), (String::new(), "2".into())],
        plate: "ABC".into(),
        date: Some(day(26)),
        ..PassForm::default()
    }
    .parse(at(27, 9), "小李", "X".into())
    .unwrap_err();
    assert_eq!(
        errs,
        vec![
            PassError::NoName,
            PassError::BadPhone,
            PassError::NoUnit,
            PassError::BadItem(1),
            PassError::BadItem(2),
            PassError::BadPlate,
            PassError::BadDate,
            PassError::NoReason
        ]
    );
    let no_consent = PassForm {
        consent_how: None,
        fees_cleared: false,
        ..tenant_moving()
    }
    .parse(at(27, 9), "小李", "X".into())
    .unwrap_err();
    assert_eq!(
        no_consent,
        vec![PassError::NoConsent, PassError::FeesNotCleared]
    );
    // An owner moving out, or a tenant's renovation waste, needs neither.
    for form in [
        PassForm {
            applicant: Some(Applicant::Owner),
            consent_owner: String::new(),
            fees_cleared: false,
            ..tenant_moving()
        },
        PassForm {
            reason: Some(Reason::Renovation),
            consent_owner: String::new(),
            fees_cleared: false,
            ..tenant_moving()
        },
    ] {
        assert!(form.parse(at(27, 9), "小李", "X".into()).is_ok());
    }
    let p = tenant_moving()
        .parse(at(27, 9), "小李", "X".into())
        .unwrap();
    assert_eq!(p.items.len(), 2, "blank lines left out");
    assert_eq!(p.state, PassState::Applied);
    assert_eq!(
        PassError::BadItem(2).message(Lang::Zh),
        "第 2 项物品:请写明物品,数量填 1 到 9999"
    );
}

#[test]
fn a_supervisor_decides_and_the_gate_lets_it_through_on_its_day_once() {
    let p = tenant_moving()
        .parse(at(27, 9), "小李", pass_code(123_456_789))
        .unwrap();
    assert_eq!(
        p.verdict(at(28, 9)),
        Verdict::NotApproved(PassState::Applied)
    );
    assert_eq!(
        p.approved("小李", &[Role::Clerk], at(27, 10)).unwrap_err(),
        PassError::NotSupervisor
    );
    assert_eq!(
        p.rejected(" ", "王主管", &[Role::Supervisor], at(27, 10))
            .unwrap_err(),
        PassError::NoNote
    );
    let ok = p
        .approved("王主管", &[Role::Supervisor], at(27, 10))
        .unwrap();
    assert_eq!(
        ok.approved("王主管", &[Role::Supervisor], at(27, 10))
            .unwrap_err(),
        PassError::NotNow(PassState::Approved)
    );
    // The day before and the day after, China's calendar: not valid.
    assert_eq!(ok.verdict(at(27, 23)), Verdict::WrongDay(day(28)));
    assert_eq!(ok.verdict(at(29, 0)), Verdict::WrongDay(day(28)));
    assert_eq!(ok.verdict(at(28, 0)), Verdict::Valid);
    let used = ok.used("门岗老张", at(28, 9)).unwrap();
    let again = used.used("门岗小刘", at(28, 9)).unwrap_err();
    assert_eq!(
        again,
        Verdict::Used {
            at: at(28, 9),
            by: "门岗老张".into()
        }
    );
    assert!(again.message(Lang::Zh).starts_with("已经放行过!"));
    assert_eq!(
        used.refused("物品不符", "门岗小刘", at(28, 9)).unwrap_err(),
        PassError::NotNow(PassState::Used)
    );
    // Refused at the gate: with a reason, and then never used.
    let refused = ok
        .refused("车上物品与放行条不符", "门岗老张", at(28, 9))
        .unwrap();
    assert_eq!(
        refused.used("门岗老张", at(28, 10)).unwrap_err(),
        Verdict::Refused {
            reason: "车上物品与放行条不符".into()
        }
    );
    let rejected = p
        .rejected("业主不同意", "王主管", &[Role::Supervisor], at(27, 10))
        .unwrap();
    assert_eq!(
        rejected.verdict(at(28, 9)),
        Verdict::NotApproved(PassState::Rejected)
    );
}

#[test]
fn codes_are_eight_unambiguous_characters_typed_any_way() {
    let c = pass_code(987_654_321_012);
    assert_eq!(c.len(), 8);
    assert!(c.bytes().all(|b| CODE_CHARS.contains(&b)));
    assert_ne!(pass_code(1), pass_code(2));
    assert_eq!(normalize_code(" k7m2-p9qx "), "K7M2P9QX");
}

#[test]
fn a_pass_is_purged_of_who_and_the_plate_after_its_day_and_the_days_kept() {
    let p = tenant_moving()
        .parse(at(27, 9), "小李", "X".into())
        .unwrap();
    // Not approved and its day gone: ended at the day's end.
    assert!(!p.purge_due(at(28, 23), 1));
    assert!(p.purge_due(at(30, 1), 1));
    let gone = p.purged();
    assert!(gone.name.is_empty() && gone.phone.is_none() && gone.plate.is_none());
    assert!(gone.consent.as_ref().unwrap().owner.is_empty());
    assert_eq!(gone.items.len(), 2, "what went out stays");
}

#[test]
fn services_apply_decide_find_by_code_and_mark_at_the_gate_once() {
    use super::services::{self, AtGate, PassesError, Which};
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;
    let (f, store) = (
        Fixture::at_millis(at(28, 8).timestamp_millis()),
        MemoryStore::new(),
    );
    let mut draws = [5u64, 5, 6].into_iter();
    let apply = |draws: &mut dyn Iterator<Item = u64>, roles: &[Role]| {
        block_on(services::apply(
            &store,
            &tenant_moving(),
            "小李",
            roles,
            || f.id(),
            || draws.next().unwrap_or(7),
            || f.stamp(),
        ))
    };
    assert_eq!(
        apply(&mut draws, &[Role::Gate]).unwrap_err(),
        PassesError::NotAllowed(APPLY_PASSES)
    );
    let (a, pa) = apply(&mut draws, &[Role::Clerk]).unwrap();
    let (_, pb) = apply(&mut draws, &[Role::Clerk]).unwrap();
    assert_ne!(pa.code, pb.code, "a code no pass has");
    assert_eq!(
        block_on(services::list(&store, Which::Waiting, at(28, 8)))
            .unwrap()
            .len(),
        2
    );
    block_on(services::decide(
        &store,
        a,
        true,
        "",
        "王主管",
        &[Role::Supervisor],
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(
        block_on(services::list(&store, Which::Coming, at(28, 8)))
            .unwrap()
            .len(),
        1
    );
    let typed = format!(" {}-{} ", &pa.code[..4].to_lowercase(), &pa.code[4..]);
    let (found, _) = block_on(services::find(&store, &typed)).unwrap().unwrap();
    assert_eq!(found.meta.id, a);
    assert_eq!(
        block_on(services::at_gate(
            &store,
            a,
            &AtGate::Use,
            "小李",
            &[Role::Clerk],
            || f.stamp()
        ))
        .unwrap_err(),
        PassesError::NotAllowed(CHECK_PASSES)
    );
    let used = block_on(services::at_gate(
        &store,
        a,
        &AtGate::Use,
        "门岗老张",
        &[Role::Gate],
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(used.state, PassState::Used);
    match block_on(services::at_gate(
        &store,
        a,
        &AtGate::Use,
        "门岗小刘",
        &[Role::Gate],
        || f.stamp(),
    ))
    .unwrap_err()
    {
        PassesError::Gate(Verdict::Used { by, .. }) => assert_eq!(by, "门岗老张"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        block_on(services::list(&store, Which::All, at(28, 8)))
            .unwrap()
            .len(),
        2
    );
}
