//! The status machine (every allowed and every refused move), time limits, numbering, the
//! request's checks, the old shape read, and the services on the memory store.

use super::services::{self, OrderError};
use super::*;
use crate::actor::Role;
use crate::record::Envelope;
use crate::store::conformance::{Fixture, block_on};
use crate::store::memory::MemoryStore;
use chrono::TimeZone;

const SUP: &[Role] = &[Role::Supervisor];
const CLERK: &[Role] = &[Role::Clerk];
const INSPECTOR: &[Role] = &[Role::Inspector];

fn at(h: u32, m: u32) -> DateTime<Utc> {
    // 2026-11-27 in UTC+8.
    crate::time::china()
        .with_ymd_and_hms(2026, 11, 27, h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn leak() -> Request {
    Request {
        source: Some(Source::Phone),
        unit: "3单元1号楼502".into(),
        reporter: "王芳".into(),
        phone: "138 0013 8000".into(),
        category: Some(Category::Water),
        description: "卫生间漏水".into(),
        urgency: Some(Urgency::Normal),
        ..Request::default()
    }
}

fn order() -> WorkOrder {
    leak()
        .parse("WX-20261127-abcd1234-001".into(), at(9, 0), "小李")
        .unwrap()
}

fn dispatch() -> Move {
    Move::Dispatch {
        department: Some(Department::Maintenance),
        worker: "李师傅".into(),
    }
}

fn completion(signed: bool) -> Completion {
    Completion {
        note: "换了阀门".into(),
        signature: signed.then(|| RecordId(uuid::Uuid::from_u128(7))),
        ..Completion::default()
    }
}

fn follow(s: Satisfaction, fixed: bool) -> Move {
    Move::FollowUp(FollowUp {
        satisfaction: s,
        fixed,
        comment: String::new(),
    })
}

fn hold() -> Move {
    Move::Hold {
        reason: "等配件".into(),
        until: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    }
}

fn cancel() -> Move {
    Move::Cancel {
        reason: "业主自行修好".into(),
    }
}

/// The order brought to `status` by the usual moves.
fn in_status(status: WorkStatus) -> WorkOrder {
    let o = order();
    let go = |o: WorkOrder, mv: Move| o.apply(&mv, "王主管", SUP, at(10, 0)).unwrap();
    match status {
        WorkStatus::Pending => o,
        WorkStatus::Dispatched => go(o, dispatch()),
        WorkStatus::InProgress => go(go(o, dispatch()), Move::Start),
        WorkStatus::Done => go(go(o, dispatch()), Move::Complete(completion(true))),
        WorkStatus::FollowedUp => go(
            in_status(WorkStatus::Done),
            follow(Satisfaction::Satisfied, true),
        ),
        WorkStatus::Closed => go(in_status(WorkStatus::FollowedUp), Move::Close),
        WorkStatus::OnHold => go(in_status(WorkStatus::Dispatched), hold()),
        WorkStatus::Cancelled => go(o, cancel()),
    }
}

#[test]
fn a_request_is_checked_and_the_unit_and_phone_are_kept_in_their_canonical_forms() {
    let o = order();
    assert_eq!(o.unit, "3-1-502");
    assert_eq!(o.phone.as_ref().unwrap().digits(), "13800138000");
    assert_eq!(o.status, WorkStatus::Pending);
    assert_eq!(o.steps.len(), 1);
    let bad = Request {
        unit: "3-1-5025-2-1202".into(),
        phone: "12345".into(),
        description: " ".into(),
        ..Request::default()
    }
    .parse(String::new(), at(9, 0), "小李")
    .unwrap_err();
    assert!(bad.contains(&WorkError::NoDescription));
    assert!(bad.contains(&WorkError::BadPhone("12345".into())));
    assert!(bad.iter().any(|e| matches!(e, WorkError::BadUnit(_))));
    assert!(bad.contains(&WorkError::NoCategory) && bad.contains(&WorkError::NoSource));
    let nowhere = Request {
        unit: String::new(),
        ..leak()
    };
    assert_eq!(
        nowhere.parse(String::new(), at(9, 0), "小李").unwrap_err(),
        vec![WorkError::NoWhere]
    );
    let public = Request {
        unit: String::new(),
        place: "电梯".into(),
        ..leak()
    };
    assert_eq!(
        public.parse(String::new(), at(9, 0), "小李").unwrap().place,
        "电梯"
    );
    let appointment = Request {
        urgency: Some(Urgency::Appointment),
        ..leak()
    };
    assert_eq!(
        appointment
            .parse(String::new(), at(9, 0), "小李")
            .unwrap_err(),
        vec![WorkError::NoWindow]
    );
    let backwards = Request {
        urgency: Some(Urgency::Appointment),
        window: Some((at(15, 0), at(14, 0))),
        ..leak()
    };
    assert_eq!(
        backwards
            .parse(String::new(), at(9, 0), "小李")
            .unwrap_err(),
        vec![WorkError::BadWindow]
    );
    let paid = Request {
        paid: true,
        quote: "85.5".into(),
        ..leak()
    };
    assert_eq!(
        paid.parse(String::new(), at(9, 0), "小李")
            .unwrap()
            .quote_fen,
        8550
    );
    let bad_amount = Request {
        paid: true,
        quote: "八十".into(),
        ..leak()
    };
    assert_eq!(
        bad_amount
            .parse(String::new(), at(9, 0), "小李")
            .unwrap_err(),
        vec![WorkError::BadAmount("八十".into())]
    );
}

#[test]
fn amounts_in_yuan() {
    assert_eq!(parse_yuan("120"), Ok(12000));
    assert_eq!(parse_yuan("85.5"), Ok(8550));
    assert_eq!(parse_yuan("0.05元"), Ok(5));
    assert_eq!(parse_yuan(""), Ok(0));
    for bad in ["1.234", ".5", "-3", "1,2", "99999999999"] {
        assert!(parse_yuan(bad).is_err(), "{bad}");
    }
    assert_eq!(yuan(8550), "85.50");
    assert_eq!(yuan(12000), "120");
}

#[test]
fn every_move_from_every_status_is_allowed_or_refused_as_the_machine_says() {
    use WorkStatus::*;
    let moves: Vec<(&str, Move)> = vec![
        ("dispatch", dispatch()),
        ("start", Move::Start),
        ("complete", Move::Complete(completion(true))),
        ("follow_ok", follow(Satisfaction::VerySatisfied, true)),
        ("follow_bad", follow(Satisfaction::Unsatisfied, true)),
        ("close", Move::Close),
        ("hold", hold()),
        ("resume", Move::Resume),
        ("cancel", cancel()),
        (
            "recall",
            Move::Recall {
                note: "又打电话催".into(),
            },
        ),
    ];
    // (from, move) → where it goes; every pair not listed is refused.
    let allowed: &[(WorkStatus, &str, WorkStatus)] = &[
        (Pending, "dispatch", Dispatched),
        (Pending, "hold", OnHold),
        (Pending, "cancel", Cancelled),
        (Dispatched, "dispatch", Dispatched),
        (Dispatched, "start", InProgress),
        (Dispatched, "complete", Done),
        (Dispatched, "hold", OnHold),
        (Dispatched, "cancel", Cancelled),
        (InProgress, "dispatch", InProgress),
        (InProgress, "complete", Done),
        (InProgress, "hold", OnHold),
        (InProgress, "cancel", Cancelled),
        (Done, "follow_ok", FollowedUp),
        (Done, "follow_bad", Dispatched),
        (FollowedUp, "close", Closed),
        (OnHold, "resume", Dispatched),
        (OnHold, "cancel", Cancelled),
        (Pending, "recall", Pending),
        (Dispatched, "recall", Dispatched),
        (InProgress, "recall", InProgress),
        (OnHold, "recall", OnHold),
    ];
    for &from in WorkStatus::ALL {
        let o = in_status(from);
        assert_eq!(o.status, from);
        for (name, mv) in &moves {
            let expected = allowed
                .iter()
                .find(|(f, n, _)| *f == from && n == name)
                .map(|(_, _, to)| *to);
            match (o.apply(mv, "王主管", SUP, at(11, 0)), expected) {
                (Ok(next), Some(to)) => {
                    assert_eq!(next.status, to, "{from:?} {name}");
                    let step = next.steps.last().unwrap();
                    assert_eq!(
                        (step.to, step.by.as_str(), step.at),
                        (to, "王主管", at(11, 0))
                    );
                    assert_eq!(next.steps.len(), o.steps.len() + 1);
                }
                (Err(e), None) => {
                    assert!(
                        matches!(e, WorkError::NotNow { .. }),
                        "{from:?} {name}: {e:?}"
                    );
                    assert!(e.message(Lang::Zh).contains(from.label(Lang::Zh)));
                }
                (got, want) => panic!("{from:?} {name}: got {got:?}, want {want:?}"),
            }
        }
    }
}

#[test]
fn an_unsatisfied_follow_up_or_one_not_fixed_is_rework_back_to_the_worker() {
    for mv in [
        follow(Satisfaction::Unsatisfied, true),
        follow(Satisfaction::Satisfied, false),
    ] {
        let o = in_status(WorkStatus::Done)
            .apply(&mv, "小李", CLERK, at(12, 0))
            .unwrap();
        assert_eq!(o.status, WorkStatus::Dispatched);
        assert_eq!(o.rework, 1);
        assert!(o.completion.is_none(), "done again from scratch");
        assert_eq!(
            o.earlier.len(),
            1,
            "the first completion and signature are kept"
        );
        assert_eq!(o.earlier[0].note, "换了阀门");
        assert_eq!(o.worker, "李师傅");
        assert!(o.steps.last().unwrap().note.starts_with(REWORK));
        let again = o
            .apply(
                &Move::Complete(completion(true)),
                "李巡检",
                INSPECTOR,
                at(14, 0),
            )
            .unwrap()
            .apply(
                &follow(Satisfaction::VerySatisfied, true),
                "小李",
                CLERK,
                at(15, 0),
            )
            .unwrap()
            .apply(&Move::Close, "王主管", SUP, at(16, 0))
            .unwrap();
        assert_eq!(again.status, WorkStatus::Closed);
        assert_eq!(
            again.follow_up.unwrap().satisfaction,
            Satisfaction::VerySatisfied
        );
    }
}

#[test]
fn a_move_needs_its_right_and_its_details() {
    let o = in_status(WorkStatus::Dispatched);
    assert_eq!(
        o.apply(&Move::Complete(completion(true)), "小李", CLERK, at(11, 0))
            .unwrap_err(),
        WorkError::NotAllowed(COMPLETE_WORK_ORDERS)
    );
    assert_eq!(
        o.apply(&cancel(), "小李", CLERK, at(11, 0)).unwrap_err(),
        WorkError::NotAllowed(CLOSE_WORK_ORDERS)
    );
    assert!(o.apply(&dispatch(), "小李", CLERK, at(11, 0)).is_ok());
    assert_eq!(
        o.apply(
            &Move::Complete(completion(false)),
            "李巡检",
            INSPECTOR,
            at(11, 0)
        )
        .unwrap_err(),
        WorkError::NoSignature
    );
    let nobody = Completion {
        nobody_home: true,
        ..completion(false)
    };
    assert!(
        o.apply(&Move::Complete(nobody), "李巡检", INSPECTOR, at(11, 0))
            .is_ok()
    );
    let no_note = Completion {
        note: " ".into(),
        ..completion(true)
    };
    assert_eq!(
        o.apply(&Move::Complete(no_note), "李巡检", INSPECTOR, at(11, 0))
            .unwrap_err(),
        WorkError::NoCompletionNote
    );
    let nobody = Move::Dispatch {
        department: None,
        worker: String::new(),
    };
    assert_eq!(
        order()
            .apply(&nobody, "小李", CLERK, at(11, 0))
            .unwrap_err(),
        WorkError::NoDepartment
    );
    let no_reason = Move::Cancel { reason: " ".into() };
    assert_eq!(
        order()
            .apply(&no_reason, "王主管", SUP, at(11, 0))
            .unwrap_err(),
        WorkError::NoReason
    );
    // A resume date or an appointment already past is refused.
    let past = Move::Hold {
        reason: "等配件".into(),
        until: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
    };
    assert_eq!(
        order().apply(&past, "小李", CLERK, at(11, 0)).unwrap_err(),
        WorkError::DatePast
    );
    let gone = Request {
        urgency: Some(Urgency::Appointment),
        window: Some((at(7, 0), at(8, 0))),
        ..leak()
    };
    assert_eq!(
        gone.parse(String::new(), at(9, 0), "小李").unwrap_err(),
        vec![WorkError::DatePast]
    );
    // A hold comes back to where it was.
    let held = in_status(WorkStatus::InProgress)
        .apply(&hold(), "小李", CLERK, at(11, 0))
        .unwrap();
    let back = held.apply(&Move::Resume, "小李", CLERK, at(12, 0)).unwrap();
    assert_eq!(back.status, WorkStatus::InProgress);
    assert!(back.hold.is_none());
}

#[test]
fn time_limits_per_urgency_across_midnight_and_the_china_day() {
    let limits = Limits::default();
    // Taken at 22:50 China time (14:50 UTC): urgent must be reached by 23:20 and done by 02:50.
    let mut urgent = Request {
        urgency: Some(Urgency::Urgent),
        ..leak()
    }
    .parse(String::new(), at(22, 50), "小李")
    .unwrap();
    assert_eq!(urgent.late(at(23, 19), &limits), None);
    assert_eq!(urgent.late(at(23, 21), &limits), Some(Late::Arrive));
    let after_midnight = at(22, 50) + Duration::minutes(4 * 60 + 1);
    assert_eq!(urgent.late(after_midnight, &limits), Some(Late::Finish));
    urgent = urgent
        .apply(&dispatch(), "小李", CLERK, at(22, 55))
        .unwrap();
    urgent = urgent
        .apply(&Move::Start, "李巡检", INSPECTOR, at(23, 10))
        .unwrap();
    assert_eq!(urgent.late(at(23, 50), &limits), None, "started in time");
    assert_eq!(urgent.late(after_midnight, &limits), Some(Late::Finish));
    let done = urgent
        .apply(
            &Move::Complete(completion(true)),
            "李巡检",
            INSPECTOR,
            at(23, 55),
        )
        .unwrap();
    assert_eq!(done.late(after_midnight, &limits), None);
    // Normal: a day to finish.
    let normal = order();
    assert_eq!(
        normal.late(at(9, 0) + Duration::hours(23), &limits),
        Some(Late::Arrive)
    );
    assert_eq!(
        normal.late(at(9, 0) + Duration::hours(25), &limits),
        Some(Late::Finish)
    );
    // On hold is never late, and the time held does not count after it resumes.
    let held = normal.apply(&hold(), "小李", CLERK, at(9, 5)).unwrap();
    assert_eq!(held.late(at(9, 0) + Duration::hours(48), &limits), None);
    let resumed = held
        .apply(&Move::Resume, "小李", CLERK, at(9, 5) + Duration::hours(30))
        .unwrap();
    assert_eq!(resumed.late(at(9, 5) + Duration::hours(31), &limits), None);
    assert_eq!(
        resumed.late(at(9, 0) + Duration::hours(30 + 25), &limits),
        Some(Late::Finish)
    );
    // An appointment counts from its window.
    let visit = Request {
        urgency: Some(Urgency::Appointment),
        window: Some((at(14, 0), at(16, 0))),
        ..leak()
    }
    .parse(String::new(), at(9, 0), "小李")
    .unwrap();
    assert_eq!(visit.late(at(13, 0), &limits), None);
    assert_eq!(visit.late(at(14, 30), &limits), Some(Late::Arrive));
    assert_eq!(visit.late(at(16, 30), &limits), Some(Late::Finish));
    // Shorter limits from settings.
    let tight = Limits {
        normal_arrive: 10,
        ..limits
    };
    assert_eq!(order().late(at(9, 11), &tight), Some(Late::Arrive));
}

#[test]
fn numbers_count_per_tablet_and_china_day_and_never_meet_another_tablets() {
    let f = Fixture::at_millis(at(23, 58).timestamp_millis());
    let store = MemoryStore::new();
    let take = |device: &str| {
        block_on(services::take(
            &store,
            &leak(),
            Vec::new(),
            device,
            "小李",
            || f.id(),
            || f.stamp(),
        ))
        .unwrap()
        .1
        .number
    };
    assert_eq!(take("aaaa0001"), "WX-20261127-aaaa0001-001");
    assert_eq!(take("aaaa0001"), "WX-20261127-aaaa0001-002");
    assert_eq!(take("bbbb0002"), "WX-20261127-bbbb0002-001");
    // Past midnight in China (16:00 UTC): a new day, counting from 1 again.
    f.advance_millis(3 * 60_000);
    assert_eq!(take("aaaa0001"), "WX-20261128-aaaa0001-001");
    let all = block_on(crate::store::list_all_as::<_, WorkOrder>(
        &store,
        crate::store::ListQuery::recent(WorkOrder::KIND, 10),
    ))
    .unwrap();
    let mut numbers: Vec<&str> = all.iter().map(|(_, o)| o.number.as_str()).collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 4);
}

#[test]
fn services_move_find_and_follow_up() {
    let f = Fixture::at_millis(at(9, 0).timestamp_millis());
    let store = MemoryStore::new();
    let (env, o) = block_on(services::take(
        &store,
        &leak(),
        Vec::new(),
        "aaaa0001",
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let id = env.meta.id;
    let mv = |m: Move, roles: &[Role]| {
        block_on(services::make_move(
            &store,
            id,
            &m,
            Vec::new(),
            "某人",
            roles,
            || f.stamp(),
        ))
    };
    assert_eq!(
        mv(Move::Close, SUP).unwrap_err(),
        OrderError::Work(vec![WorkError::NotNow {
            from: WorkStatus::Pending,
            to: "关闭"
        }])
    );
    mv(dispatch(), CLERK).unwrap();
    let (_, done) = mv(Move::Complete(completion(true)), INSPECTOR).unwrap();
    assert_eq!(done.status, WorkStatus::Done);
    assert_eq!(block_on(services::to_follow_up(&store)).unwrap().len(), 1);
    assert!(block_on(services::open(&store)).unwrap().is_empty());
    for key in [
        "3-1-502",
        "王芳",
        "13800138000",
        "138001",
        "WX-20261127",
        "wx-20261127-aaaa0001-001",
        "aaaa0001",
        "8000",
        "漏水",
        &o.number[o.number.len() - 3..],
    ] {
        let found = block_on(services::search(&store, key, 20)).unwrap();
        assert_eq!(found.len(), 1, "search {key}");
    }
    assert_eq!(
        block_on(services::of_unit(&store, "3-1-502"))
            .unwrap()
            .len(),
        1
    );
    // A second call about the same leak links to the first.
    let second = Request {
        linked_to: Some(id),
        ..leak()
    };
    let (_, linked) = block_on(services::take(
        &store,
        &second,
        Vec::new(),
        "aaaa0001",
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(linked.linked_to, Some(id));
    assert_eq!(block_on(services::recent(&store, 10)).unwrap().len(), 2);
    assert_eq!(
        block_on(services::of_unit(&store, "3单元1号楼502"))
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn an_order_of_the_first_shape_reads_as_an_inspection_order_without_loss() {
    let old = serde_json::json!({
        "place": "大堂",
        "unit": "",
        "item": "应急照明",
        "description": "每日巡检不合格:应急照明",
        "photos": [],
        "status": "pending",
        "created_at": "2026-11-20T02:00:00Z",
        "created_by": "李巡检",
        "inspection": "00000000-0000-0000-0000-000000000009",
        "item_key": "i3"
    });
    let f = Fixture::default();
    let mut env = Envelope::create(&order(), f.id(), f.stamp()).unwrap();
    env.body = old;
    env.meta.schema = 1;
    let o: WorkOrder = env.decode().unwrap();
    assert_eq!(o.source, Source::Inspection);
    assert_eq!(
        (o.place.as_str(), o.item.as_str(), o.item_key.as_str()),
        ("大堂", "应急照明", "i3")
    );
    assert_eq!(o.status, WorkStatus::Pending);
    assert!(o.shown_number(env.meta.id).starts_with("WX-20261120-"));
    assert_eq!(o.inspection, Some(RecordId(uuid::Uuid::from_u128(9))));
    let upgraded = env.upgraded::<WorkOrder>().unwrap();
    assert_eq!(upgraded.meta.schema, WorkOrder::SCHEMA);
}

#[test]
fn the_retention_purge_removes_the_reporter_and_the_pictures_of_ended_orders_only() {
    use crate::modules::retention::Retained;
    let closed = in_status(WorkStatus::Closed);
    assert!(!closed.purge_due(at(10, 0) + Duration::days(10), 30));
    assert!(closed.purge_due(at(10, 0) + Duration::days(31), 30));
    assert!(!in_status(WorkStatus::Done).purge_due(at(10, 0) + Duration::days(400), 30));
    assert_eq!(closed.pictures(), vec![RecordId(uuid::Uuid::from_u128(7))]);
    let p = closed.purged();
    assert!(p.purged && p.reporter.is_empty() && p.phone.is_none());
    assert!(p.completion.unwrap().signature.is_none());
    assert_eq!(
        p.description, "卫生间漏水",
        "the statistics keep what was repaired"
    );
}

#[test]
fn the_csv_masks_the_reporter_unless_asked_and_excel_reads_it() {
    let f = Fixture::default();
    let o = in_status(WorkStatus::Closed);
    let env = Envelope::create(&o, f.id(), f.stamp()).unwrap();
    let masked = String::from_utf8(super::csv::orders_csv(
        &[(env.clone(), o.clone())],
        Lang::Zh,
        false,
    ))
    .unwrap();
    assert!(masked.starts_with('\u{feff}'), "BOM for Excel");
    assert!(
        masked.contains("工单号") && masked.contains("卫生间漏水") && masked.contains("已关闭")
    );
    assert!(masked.contains("138****8000") && !masked.contains("13800138000"));
    assert!(!masked.contains("王芳"));
    let full = String::from_utf8(super::csv::orders_csv(&[(env, o)], Lang::Zh, true)).unwrap();
    assert!(
        crate::tables::choices()
            .iter()
            .any(|c| c.name == "work_orders"),
        "offered on the export page"
    );
    assert!(full.contains("13800138000") && full.contains("王芳"));
}
