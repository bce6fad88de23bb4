//! The two procedures step by step, raising a communicative complaint, reclassifying, the
//! supervisor-only close, a promise and a linked work order on the memory store.

use super::services;
use super::*;
use crate::modules::work_orders::{Category, WorkOrder};
use crate::store::RecordStore;
use crate::store::conformance::{Fixture, block_on};
use crate::store::memory::MemoryStore;
use chrono::TimeZone;

const SUP: &[Role] = &[Role::Supervisor];
const CLERK: &[Role] = &[Role::Clerk];

fn at(h: u32) -> DateTime<Utc> {
    crate::time::china()
        .with_ymd_and_hms(2026, 11, 27, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn form(kind: Kind) -> ComplaintForm {
    ComplaintForm {
        kind: Some(kind),
        name: "王芳".into(),
        phone: "13800138000".into(),
        unit: "3-1-502".into(),
        what: "楼道垃圾三天没人清".into(),
        ..ComplaintForm::default()
    }
}

fn next(note: &str) -> Move {
    Move::Next {
        note: note.into(),
        department: Some(Department::Cleaning),
        with: "保洁主管刘".into(),
        satisfaction: Some(Satisfaction::Satisfied),
    }
}

#[test]
fn each_kind_is_worked_by_its_procedure_step_by_step_and_only_a_supervisor_closes_a_valid_one() {
    for kind in Kind::ALL.iter().copied() {
        let mut c = form(kind).parse(at(9), "小李").unwrap();
        let steps = kind.procedure();
        for (n, stage) in steps.iter().enumerate().skip(1) {
            assert_eq!(c.next_stage(), Some(*stage));
            let roles = if *stage == Stage::Closed && !kind.communicative() {
                SUP
            } else {
                CLERK
            };
            if *stage == Stage::Closed && !kind.communicative() {
                assert_eq!(
                    c.apply(&next("关闭"), "小李", CLERK, at(10)).unwrap_err(),
                    ComplaintError::NotAllowed(CLOSE_COMPLAINTS)
                );
            }
            c = c.apply(&next("已办"), "某人", roles, at(10)).unwrap();
            assert_eq!(c.stage, *stage);
            assert_eq!(c.steps.len(), n + 1);
        }
        assert!(!c.open());
        assert_eq!(
            c.apply(&next("again"), "某人", SUP, at(11)).unwrap_err(),
            ComplaintError::Closed
        );
    }
    // Each step asks for what it records.
    let c = form(Kind::Valid).parse(at(9), "小李").unwrap();
    let blank = Move::Next {
        note: " ".into(),
        department: None,
        with: String::new(),
        satisfaction: None,
    };
    assert_eq!(
        c.apply(&blank, "小李", CLERK, at(10)).unwrap_err(),
        ComplaintError::NoNote
    );
    let judged = c
        .apply(&next("确属保洁失职"), "小李", CLERK, at(10))
        .unwrap();
    assert_eq!(
        judged.apply(&blank, "小李", CLERK, at(10)).unwrap_err(),
        ComplaintError::NoDepartment
    );
    let assigned = judged.apply(&next(""), "小李", CLERK, at(10)).unwrap();
    assert_eq!(assigned.department, Some(Department::Cleaning));
    let no_with = Move::Next {
        note: "现场确有垃圾".into(),
        department: None,
        with: " ".into(),
        satisfaction: None,
    };
    assert_eq!(
        assigned.apply(&no_with, "小李", CLERK, at(10)).unwrap_err(),
        ComplaintError::NoWith
    );
    let visited = assigned
        .apply(&next("现场确有垃圾"), "小李", CLERK, at(11))
        .unwrap();
    assert_eq!(visited.visit.as_ref().unwrap().with, "保洁主管刘");
}

#[test]
fn a_venting_complaint_is_raised_to_valid_by_a_supervisor_and_keeps_its_history() {
    let c = form(Kind::Venting).parse(at(9), "小李").unwrap();
    let c = c
        .apply(&next("核对了业主身份"), "小李", CLERK, at(10))
        .unwrap();
    let raise = Move::Raise {
        reason: "反复投诉,确有保洁问题".into(),
    };
    assert_eq!(
        c.apply(&raise, "小李", CLERK, at(11)).unwrap_err(),
        ComplaintError::NotAllowed(CLOSE_COMPLAINTS)
    );
    assert_eq!(
        c.apply(&Move::Raise { reason: " ".into() }, "王主管", SUP, at(11))
            .unwrap_err(),
        ComplaintError::NoReason
    );
    let raised = c.apply(&raise, "王主管", SUP, at(11)).unwrap();
    assert_eq!(raised.kind, Kind::Valid);
    assert_eq!(raised.stage, Stage::Judged);
    assert_eq!(raised.next_stage(), Some(Stage::Assigned));
    assert_eq!(
        raised.steps.len(),
        3,
        "recorded, identity, raised: nothing lost"
    );
    assert!(raised.steps[2].note.starts_with(RAISED));
    // A valid complaint is not raised again, nor reclassified.
    assert_eq!(
        raised.apply(&raise, "王主管", SUP, at(12)).unwrap_err(),
        ComplaintError::NotNow
    );
    let re = Move::Reclassify {
        kind: Kind::Help,
        reason: "x".into(),
    };
    assert_eq!(
        raised.apply(&re, "王主管", SUP, at(12)).unwrap_err(),
        ComplaintError::NotNow
    );
    // Among communicative kinds, with a reason, the stage stays.
    let help = c.apply(&re, "小李", CLERK, at(12)).unwrap();
    assert_eq!(
        (help.kind, help.stage),
        (Kind::Help, Stage::IdentityConfirmed)
    );
    // A venting complaint is never closed without its follow-up.
    let v = form(Kind::Venting).parse(at(9), "小李").unwrap();
    assert!(
        v.kind
            .procedure()
            .iter()
            .position(|s| *s == Stage::FollowedUp)
            < v.kind.procedure().iter().position(|s| *s == Stage::Closed)
    );
}

#[test]
fn who_complained_is_asked_unless_anonymous() {
    let anon = ComplaintForm {
        kind: Some(Kind::Inquiry),
        what: "建议增加路灯".into(),
        anonymous: true,
        ..ComplaintForm::default()
    };
    assert!(anon.parse(at(9), "小李").unwrap().name.is_empty());
    let nobody = ComplaintForm {
        anonymous: false,
        ..anon.clone()
    };
    assert_eq!(
        nobody.parse(at(9), "小李").unwrap_err(),
        vec![ComplaintError::NoWho]
    );
    let bad = ComplaintForm {
        kind: None,
        what: " ".into(),
        phone: "123".into(),
        ..form(Kind::Valid)
    };
    let e = bad.parse(at(9), "小李").unwrap_err();
    assert!(e.contains(&ComplaintError::NoKind) && e.contains(&ComplaintError::NoWhat));
    assert!(e.contains(&ComplaintError::BadPhone("123".into())));
}

/// A complaint of `kind` recorded, with a promise of `what` due `hours` later made on it.
fn promised(
    f: &Fixture,
    store: &MemoryStore,
    kind: Kind,
    what: &str,
    hours: i64,
) -> (RecordId, crate::modules::promises::Promise) {
    let (env, _) = block_on(services::record(
        store,
        &form(kind),
        Vec::new(),
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let id = env.meta.id;
    let p = block_on(services::promise(
        store,
        id,
        what,
        at(9) + Duration::hours(hours),
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    (id, p)
}

#[test]
fn services_record_promise_link_a_work_order_and_find() {
    let (f, store) = (
        Fixture::at_millis(at(9).timestamp_millis()),
        MemoryStore::new(),
    );
    let (id, p) = promised(&f, &store, Kind::Valid, "明天上午派人清理", 24);
    assert_eq!(p.on, (Complaint::KIND.to_string(), id));
    assert_eq!(p.to, "王芳");
    let w = block_on(services::to_work_order(
        &store,
        id,
        Category::Facility,
        "aaaa0001",
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(
        block_on(services::to_work_order(
            &store,
            id,
            Category::Facility,
            "aaaa0001",
            "小李",
            || f.id(),
            || f.stamp()
        ))
        .unwrap(),
        w
    );
    let order: WorkOrder = block_on(store.get(WorkOrder::KIND, w))
        .unwrap()
        .unwrap()
        .decode()
        .unwrap();
    assert!(order.description.contains("楼道垃圾"));
    for key in ["3-1-502", "王芳", "138001"] {
        assert_eq!(
            block_on(services::search(&store, key, 10)).unwrap().len(),
            1,
            "{key}"
        );
    }
    let c = block_on(services::make_move(
        &store,
        id,
        &next("确属保洁失职"),
        "小李",
        CLERK,
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(c.stage, Stage::Judged);
    assert_eq!(c.work_order, Some(w), "the link made meanwhile is kept");
    assert_eq!(block_on(services::list(&store, true)).unwrap().len(), 1);
}

#[test]
fn the_csv_masks_the_complainant_unless_asked() {
    let c = form(Kind::Valid).parse(at(9), "小李").unwrap();
    let masked = String::from_utf8(super::csv::complaints_csv(
        std::slice::from_ref(&c),
        Lang::Zh,
        false,
    ))
    .unwrap();
    assert!(
        masked.contains("有效投诉") && masked.contains("138****8000") && !masked.contains("王芳")
    );
    let full = String::from_utf8(super::csv::complaints_csv(&[c], Lang::Zh, true)).unwrap();
    assert!(full.contains("13800138000") && full.contains("王芳"));
}

#[test]
fn codes_are_what_the_records_store() {
    for s in Stage::ALL {
        assert_eq!(
            serde_json::to_value(s).unwrap(),
            serde_json::Value::from(s.code())
        );
    }
    for k in Kind::ALL {
        assert_eq!(
            serde_json::to_value(k).unwrap(),
            serde_json::Value::from(k.code())
        );
    }
}

#[test]
fn a_complaint_is_not_closed_while_a_promise_made_on_it_is_open() {
    let (f, store) = (
        Fixture::at_millis(at(9).timestamp_millis()),
        MemoryStore::new(),
    );
    let (id, p) = promised(&f, &store, Kind::Inquiry, "周五前答复", 30);
    for _ in 0..4 {
        block_on(services::make_move(
            &store,
            id,
            &next("已办"),
            "小李",
            CLERK,
            || f.stamp(),
        ))
        .unwrap();
    }
    assert_eq!(
        block_on(services::make_move(
            &store,
            id,
            &next("关闭"),
            "小李",
            CLERK,
            || f.stamp()
        ))
        .unwrap_err(),
        services::CaseError::Complaint(vec![ComplaintError::PromiseOpen])
    );
    let (pe, _) = block_on(crate::modules::promises::services::made_on(&store, id))
        .unwrap()
        .remove(0);
    assert_eq!(p.on.1, id);
    block_on(crate::modules::promises::services::settle(
        &store,
        pe.meta.id,
        true,
        "已答复",
        "小李",
        || f.stamp(),
    ))
    .unwrap();
    let closed = block_on(services::make_move(
        &store,
        id,
        &next("关闭"),
        "小李",
        CLERK,
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(closed.stage, Stage::Closed);
}

fn china(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    crate::time::china()
        .with_ymd_and_hms(2026, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// A complaint of `kind` recorded at `t`, worked to the end at `closed` when given.
fn worked(kind: Kind, t: DateTime<Utc>, closed: Option<DateTime<Utc>>) -> Complaint {
    let mut c = form(kind).parse(t, "小李").unwrap();
    if let Some(end) = closed {
        while c.open() {
            c = c.apply(&next("已办"), "主管", SUP, end).unwrap();
        }
    }
    c
}

#[test]
fn lists_narrow_by_kind_department_state_and_china_days_and_a_month_is_counted() {
    use super::report::{self, Filter, State};
    let (f, store) = (
        Fixture::at_millis(at(9).timestamp_millis()),
        MemoryStore::new(),
    );
    let rows = [
        // The last evening of October in China (still the 31st's afternoon in UTC).
        worked(Kind::Valid, china(10, 31, 23, 30), Some(china(11, 1, 9, 0))),
        // Closed on its third day: in time for a 3-day limit.
        worked(Kind::Valid, china(11, 1, 0, 10), Some(china(11, 4, 0, 10))),
        // Closed a minute after its limit.
        worked(Kind::Help, china(11, 10, 9, 0), Some(china(11, 13, 9, 1))),
        // Still open, answered at the desk (no department).
        worked(Kind::Venting, china(11, 30, 23, 50), None),
        worked(Kind::Inquiry, china(12, 1, 0, 0), None),
    ];
    for c in &rows {
        block_on(store.put(&crate::record::Envelope::create(c, f.id(), f.stamp()).unwrap()))
            .unwrap();
    }
    let find = |filter: Filter| {
        block_on(report::find(&store, &filter))
            .unwrap()
            .into_iter()
            .map(|(_, c)| c.created_at)
            .collect::<Vec<_>>()
    };
    let nov = report::month_days(2026, 11).unwrap();
    assert_eq!(
        find(Filter {
            state: State::Any,
            from: Some(nov.0),
            to: Some(nov.1),
            ..Filter::default()
        }),
        vec![rows[3].created_at, rows[2].created_at, rows[1].created_at],
        "November in China, newest first"
    );
    assert_eq!(find(Filter::default()).len(), 2, "open ones");
    assert_eq!(
        find(Filter {
            state: State::Closed,
            kind: Some(Kind::Valid),
            ..Filter::default()
        })
        .len(),
        2
    );
    assert_eq!(
        find(Filter {
            state: State::Any,
            department: Some(Department::Cleaning),
            ..Filter::default()
        })
        .len(),
        3,
        "the three worked through the department step"
    );
    assert_eq!(
        find(Filter {
            state: State::Any,
            from: Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
            ..Filter::default()
        }),
        vec![rows[4].created_at]
    );

    let m = block_on(report::month(&store, 2026, 11, 3)).unwrap();
    assert_eq!(m.total, 3);
    assert_eq!(
        m.by_kind,
        vec![
            (Kind::Valid, 1),
            (Kind::Help, 1),
            (Kind::Inquiry, 0),
            (Kind::Venting, 1)
        ]
    );
    assert_eq!(
        m.by_department
            .iter()
            .find(|(d, _)| *d == Department::Cleaning),
        Some(&(Department::Cleaning, 2))
    );
    assert_eq!(m.unassigned, 1);
    assert_eq!((m.closed, m.closed_in_time), (2, 1));
    assert_eq!(m.in_time_percent(), Some(33));
    let longer = block_on(report::month(&store, 2026, 11, 4)).unwrap();
    assert_eq!(longer.closed_in_time, 2, "the limit is the office's");
    assert_eq!(
        block_on(report::month(&store, 2026, 9, 3))
            .unwrap()
            .in_time_percent(),
        None
    );
    assert_eq!(report::parse_month("2026-02"), Some((2026, 2)));
    assert_eq!(
        report::month_days(2028, 2).unwrap().1.to_string(),
        "2028-02-29"
    );
    for bad in ["2026-13", "2026", "abc-01", ""] {
        assert_eq!(report::parse_month(bad), None, "{bad}");
    }
}

#[test]
fn a_communicative_complaint_passed_to_a_department_counts_for_it_and_one_answered_does_not() {
    let mut c = form(Kind::Help).parse(at(9), "小李").unwrap();
    let step = |department| Move::Next {
        note: "已办".into(),
        department,
        with: String::new(),
        satisfaction: Some(Satisfaction::Satisfied),
    };
    for _ in 0..2 {
        c = c.apply(&step(None), "小李", CLERK, at(10)).unwrap();
    }
    assert_eq!(c.next_stage(), Some(Stage::Handled));
    let answered = c.apply(&step(None), "小李", CLERK, at(10)).unwrap();
    assert_eq!(answered.department, None);
    let passed = c
        .apply(&step(Some(Department::Parking)), "小李", CLERK, at(10))
        .unwrap();
    assert_eq!(passed.department, Some(Department::Parking));
}
