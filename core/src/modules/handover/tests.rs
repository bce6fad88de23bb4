//! The handover's contents from a store holding one of everything, the counting and its cash
//! difference, the three signatures in turn, and the open memo carried to the next shift.

use super::services::{self, BookError, Rules};
use super::*;
use crate::modules::inspections::{Frequency, Schedule, builtins};
use crate::modules::memo::Memo;
use crate::modules::parcels::{Intake, pickup_code};
use crate::modules::visitors::{Purpose, VisitForm};
use crate::modules::work_orders::{Limits, WorkOrder};
use crate::record::Envelope;
use crate::store::RecordStore;
use crate::store::conformance::{Fixture, block_on};
use crate::store::memory::MemoryStore;
use chrono::{Duration, TimeZone};

fn at(d: u32, h: u32) -> DateTime<Utc> {
    crate::time::china()
        .with_ymd_and_hms(2026, 11, d, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

const RULES: Rules = Rules {
    parcel_overdue_days: 3,
    work_limits: Limits {
        urgent_arrive: 30,
        urgent_finish: 240,
        normal_arrive: 240,
        normal_finish: 1440,
    },
};

fn put<R: Record>(store: &MemoryStore, f: &Fixture, r: &R) -> RecordId {
    let e = Envelope::create(r, f.id(), f.stamp()).unwrap();
    block_on(store.put(&e)).unwrap();
    e.meta.id
}

/// A store with one of everything a handover carries, and the fixture its clock is on (27th
/// 18:00 China time).
fn desk() -> (Fixture, MemoryStore) {
    let f = Fixture::at_millis(at(27, 18).timestamp_millis());
    let store = MemoryStore::new();
    let parcel = Intake {
        tracking: "SF1234567890123".into(),
        unit: "3-1-502".into(),
        name: "张伟".into(),
        phone: "13800138000".into(),
        shelf: "A-3".into(),
        ..Intake::default()
    }
    .parse(at(23, 9), "小李", pickup_code(1))
    .unwrap();
    put(&store, &f, &parcel);
    let (kid, _) = block_on(crate::modules::keys::services::register(
        &store,
        &crate::modules::keys::KeyForm {
            label: "配电房".into(),
            opens: Some(crate::modules::keys::Opens::PlantRoom),
            ..Default::default()
        },
        "王主管",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let sig = Envelope::create(
        &crate::modules::photos::Photo::new("data:image/png;base64,AA".into(), at(27, 9)),
        f.id(),
        f.stamp(),
    )
    .unwrap();
    let loan = crate::modules::keys::LoanForm {
        borrower: Some(crate::modules::keys::Borrower::Staff),
        name: "刘师傅".into(),
        reason: "检修".into(),
        due: Some(at(28, 9)),
        ..Default::default()
    };
    block_on(crate::modules::keys::services::lend(
        &store,
        kid,
        &loan,
        Some(sig),
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let deposit = crate::modules::deposits::DepositForm {
        what: "一袋文件".into(),
        from: "赵强".into(),
        to: "王芳".into(),
        unit: "3-1-502".into(),
        ..Default::default()
    }
    .parse(at(27, 10), "小李", "123456".into())
    .unwrap();
    put(&store, &f, &deposit);
    let visit = VisitForm {
        name: "张三丰".into(),
        phone: "13800138000".into(),
        host_unit: "3-1-502".into(),
        purpose: Purpose::ALL[0],
        ..VisitForm::default()
    }
    .parse(at(27, 17), "小李")
    .unwrap();
    put(&store, &f, &visit);
    let promise = crate::modules::promises::Promise::new(
        "回电告知停水时间",
        at(27, 17) + Duration::minutes(30),
        "王芳",
        None,
        ("contact".into(), RecordId(uuid::Uuid::from_u128(9))),
        "小李",
        at(27, 9),
    )
    .unwrap();
    put(&store, &f, &promise);
    let complaint = crate::modules::complaints::ComplaintForm {
        kind: Some(crate::modules::complaints::Kind::Help),
        anonymous: true,
        what: "楼道灯坏了".into(),
        ..Default::default()
    }
    .parse(at(27, 9), "小李")
    .unwrap();
    put(&store, &f, &complaint);
    put(
        &store,
        &f,
        &WorkOrder::new("大堂", "灯不亮".into(), at(27, 9), "小李"),
    );
    let (tid, template) = builtins().remove(0);
    put(&store, &f, &template);
    put(
        &store,
        &f,
        &Schedule {
            template: tid,
            title: template.title.clone(),
            place: "大堂".into(),
            frequency: Frequency::Daily,
            since: at(20, 9),
            active: true,
        },
    );
    put(
        &store,
        &f,
        &Memo::new("3 号楼电梯明早维保", "小李").unwrap(),
    );
    put(
        &store,
        &f,
        &Memo::new("已办完的事", "小李").unwrap().done(at(27, 12)),
    );
    (f, store)
}

#[test]
fn the_contents_hold_everything_open_section_by_section_with_residents_masked() {
    let (_, store) = desk();
    let items = block_on(services::contents(&store, at(27, 18), RULES)).unwrap();
    let sections: Vec<Section> = items.iter().map(|i| i.section).collect();
    assert_eq!(
        sections,
        vec![
            Section::Shelf,
            Section::KeysOut,
            Section::Deposits,
            Section::OnSite,
            Section::Promises,
            Section::Complaints,
            Section::LateOrders,
            Section::Inspections,
            Section::Memo
        ]
    );
    let text = |s: Section| items.iter().find(|i| i.section == s).unwrap();
    assert!(text(Section::Shelf).late, "four days on a three-day shelf");
    assert!(text(Section::Shelf).text.contains("3-1-502 张*"));
    assert!(text(Section::Shelf).text.contains("已放 4 天"));
    assert!(text(Section::KeysOut).text.contains("配电房 · 刘**"));
    assert!(!text(Section::KeysOut).late);
    assert!(text(Section::Promises).late);
    assert!(text(Section::OnSite).text.starts_with("张**"));
    assert!(text(Section::LateOrders).text.contains("灯不亮"));
    assert!(text(Section::Inspections).late, "not done yesterday either");
    assert_eq!(text(Section::Memo).text, "3 号楼电梯明早维保 · 小李");
    let all: String = items.iter().map(|i| i.text.clone()).collect();
    for personal in ["张伟", "王芳", "张三丰", "刘师傅", "13800138000"] {
        assert!(!all.contains(personal), "{personal} in {all}");
    }
}

#[test]
fn the_float_is_counted_by_denomination_and_a_difference_must_be_explained() {
    assert_eq!(parse_yuan("1250.5"), Some(125_050));
    assert_eq!(parse_yuan("¥12"), Some(1200));
    assert_eq!(parse_yuan(""), Some(0));
    for bad in ["1.234", "abc", "-5", "."] {
        assert_eq!(parse_yuan(bad), None, "{bad}");
    }
    assert_eq!(yuan(-2050), "-20.50");
    let h = Handover::new("小李", Vec::new(), 50_000, at(27, 18));
    assert_eq!(
        h.count_cash(&["x".into()]).unwrap_err(),
        HandoverError::BadCount
    );
    // 4 × 100 + 1 × 50 + 2 × 20 - 10 short of 500.
    let h = h.count_cash(&["4".into(), "1".into(), "2".into()]).unwrap();
    assert_eq!((h.counted(), h.difference()), (49_000, -1000));
    let sig = Some(RecordId(uuid::Uuid::from_u128(1)));
    assert_eq!(
        h.sign(
            Signer::Outgoing,
            "小李",
            None,
            &[Role::Clerk],
            sig,
            at(27, 18)
        )
        .unwrap_err(),
        HandoverError::CashUnexplained(-1000)
    );
    assert!(
        Localized::message(&HandoverError::CashUnexplained(-1000), Lang::Zh).contains("-10.00 元")
    );
    let h = h
        .noted("垫付快递费 10 元,有收据", "320", "收据 2 张", "")
        .unwrap();
    assert_eq!(h.takings, 32_000);
    let h = h
        .sign(
            Signer::Outgoing,
            "小李",
            None,
            &[Role::Clerk],
            sig,
            at(27, 18),
        )
        .unwrap();
    assert_eq!(h.stage, Stage::OutgoingSigned);
    assert_eq!(
        h.count_cash(&["5".into()]).unwrap_err(),
        HandoverError::Locked,
        "counting ends with the first signature"
    );
}

#[test]
fn three_sign_in_turn_each_a_different_person_the_last_a_supervisor_then_it_is_read_only() {
    let (f, store) = desk();
    let (id, h) = block_on(services::start(
        &store,
        "小李",
        RULES,
        0,
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(h.items.len(), 9);
    // One page open at a time: starting again gives it back.
    let (again, _) = block_on(services::start(
        &store,
        "小王",
        RULES,
        0,
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(again, id);
    let sig = |f: &Fixture| {
        Some(
            Envelope::create(
                &crate::modules::photos::Photo::new("data:image/png;base64,AA".into(), at(27, 18)),
                f.id(),
                f.stamp(),
            )
            .unwrap(),
        )
    };
    let sign = |who, name: &str, roles: &[Role]| {
        block_on(services::sign(
            &store,
            id,
            who,
            name,
            None,
            roles,
            sig(&f),
            || f.stamp(),
        ))
    };
    assert_eq!(
        sign(Signer::Incoming, "小王", &[Role::Clerk]).unwrap_err(),
        BookError::Handover(HandoverError::NotNow)
    );
    assert_eq!(
        sign(Signer::Outgoing, "小李", &[Role::Clerk]).unwrap_err(),
        BookError::Handover(HandoverError::Unchecked(9))
    );
    for i in 0..9 {
        let note = if i == 0 {
            "货架上找不到,已联系快递员"
        } else {
            ""
        };
        block_on(services::change(
            &store,
            id,
            |h| h.check(i, note.is_empty(), note),
            || f.stamp(),
        ))
        .unwrap();
    }
    sign(Signer::Outgoing, "小李", &[Role::Clerk]).unwrap();
    assert_eq!(
        sign(Signer::Incoming, "小李", &[Role::Clerk]).unwrap_err(),
        BookError::Handover(HandoverError::SamePerson)
    );
    sign(Signer::Incoming, "小王", &[Role::Clerk]).unwrap();
    assert_eq!(
        sign(Signer::Manager, "小赵", &[Role::Clerk]).unwrap_err(),
        BookError::Handover(HandoverError::NotManager)
    );
    assert_eq!(
        sign(Signer::Manager, "小王", &[Role::Supervisor]).unwrap_err(),
        BookError::Handover(HandoverError::SamePerson)
    );
    let done = sign(Signer::Manager, "王主管", &[Role::Supervisor]).unwrap();
    assert_eq!(done.stage, Stage::Signed);
    assert!(block_on(services::open(&store)).unwrap().is_none());
    assert_eq!(
        block_on(services::change(
            &store,
            id,
            |h| h.check(1, true, ""),
            || f.stamp()
        ))
        .unwrap_err(),
        BookError::Handover(HandoverError::Locked)
    );
    // The memo it carried is still open: the next shift's memo has it.
    assert_eq!(done.carried_memos().count(), 1);
    let open_memos = block_on(store.list(&crate::store::ListQuery::by(
        Memo::KIND,
        crate::modules::memo::STATUS_INDEX,
        crate::store::KeyRange::Exact(crate::modules::memo::OPEN.into()),
        10,
    )))
    .unwrap();
    assert_eq!(open_memos.items.len(), 1);
    // The next handover starts a new page with it again, and the book finds both by name or day.
    let (next, h2) = block_on(services::start(
        &store,
        "小王",
        RULES,
        0,
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    assert_ne!(next, id);
    assert_eq!(h2.carried_memos().count(), 1);
    assert_eq!(block_on(services::book(&store, "小王")).unwrap().len(), 2);
    assert_eq!(block_on(services::book(&store, "王主管")).unwrap().len(), 1);
    assert_eq!(
        block_on(services::book(&store, "2026-11")).unwrap().len(),
        2
    );
    assert_eq!(block_on(services::book(&store, "")).unwrap().len(), 2);
    let csv = String::from_utf8((csv::TABLE.write)(
        &block_on(services::book(&store, "王主管"))
            .unwrap()
            .into_iter()
            .map(|(e, _)| e)
            .collect::<Vec<_>>(),
        Lang::Zh,
        false,
    ))
    .unwrap();
    assert!(csv.contains("小李") && csv.contains("王主管") && csv.contains("已交接"));
}

#[test]
fn the_outgoing_clerk_is_who_started_it_a_page_can_be_voided_and_the_list_redrawn() {
    let (f, store) = desk();
    let (id, h) = block_on(services::start(
        &store,
        "小李",
        RULES,
        0,
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let sig = Some(RecordId(uuid::Uuid::from_u128(1)));
    let all_checked = (0..h.items.len()).fold(h.clone(), |h, i| h.check(i, true, "").unwrap());
    assert_eq!(
        all_checked
            .sign(
                Signer::Outgoing,
                "小红",
                None,
                &[Role::Clerk],
                sig,
                at(27, 18)
            )
            .unwrap_err(),
        HandoverError::NotOutgoing("小李".into())
    );
    let out = all_checked
        .sign(
            Signer::Outgoing,
            "小李",
            None,
            &[Role::Clerk],
            sig,
            at(27, 18),
        )
        .unwrap();
    assert_eq!(
        out.sign(
            Signer::Incoming,
            "小李",
            None,
            &[Role::Clerk],
            sig,
            at(27, 18)
        )
        .unwrap_err(),
        HandoverError::SamePerson
    );
    // Counts are whole numbers of notes within reason; amounts too.
    assert_eq!(
        h.count_cash(&["2.5".into()]).unwrap_err(),
        HandoverError::BadCount
    );
    assert_eq!(
        h.count_cash(&["100001".into()]).unwrap_err(),
        HandoverError::BadCount
    );
    assert_eq!(
        h.noted("", "99999999999", "", "").unwrap_err(),
        HandoverError::BadAmount
    );
    // The list redrawn keeps what was ticked and noted on what is still there.
    let noted = block_on(services::change(
        &store,
        id,
        |h| h.check(0, false, "少了一件"),
        || f.stamp(),
    ))
    .unwrap();
    block_on(store.put(
        &Envelope::create(&Memo::new("新的一件事", "小李").unwrap(), f.id(), f.stamp()).unwrap(),
    ))
    .unwrap();
    let redrawn = block_on(services::refresh(&store, id, RULES, || f.stamp())).unwrap();
    assert_eq!(redrawn.items.len(), noted.items.len() + 1);
    assert_eq!(redrawn.items[0].note, "少了一件");
    // Voided with why: off the open page, kept in the book.
    assert_eq!(
        h.voided(" ", "小李", at(27, 18)).unwrap_err(),
        HandoverError::NoReason
    );
    block_on(services::change(
        &store,
        id,
        |h| h.voided("重复开始", "小李", at(27, 18)),
        || f.stamp(),
    ))
    .unwrap();
    assert!(block_on(services::open(&store)).unwrap().is_none());
    let page = &block_on(services::book(&store, "")).unwrap()[0].1;
    assert_eq!(page.stage, Stage::Voided);
    assert!(page.void_note.starts_with("重复开始(小李"));
}
