//! Calls: the form's rules, the promise written with an unanswered call and kept with its reply,
//! a repair call made into a work order, a promise kept on another tablet, search.

use super::services::{self, ContactError};
use super::*;
use crate::modules::promises::{Promise, services as promises};
use crate::modules::work_orders::WorkStatus;
use crate::record::Envelope;
use crate::store::RecordStore;
use crate::store::conformance::{Fixture, block_on};
use crate::store::memory::MemoryStore;
use chrono::TimeZone;

fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    crate::time::china()
        .with_ymd_and_hms(2026, 11, d, h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn unanswered() -> CallForm {
    CallForm {
        way: Some(Way::Call),
        caller: "王芳".into(),
        phone: "13800138000".into(),
        unit: "3-1-502".into(),
        topic: Some(Topic::Inquiry),
        said: "问明天停水到几点".into(),
        answered: false,
        passed_to: "工程部".into(),
        promise_due: Some(at(28, 10, 0)),
        ..CallForm::default()
    }
}

#[test]
fn a_call_is_answered_on_the_spot_or_gets_a_contact_and_a_promised_time() {
    let now = at(27, 16, 0);
    let answered = CallForm {
        answered: true,
        answer: "明早 8 点恢复".into(),
        promise_due: None,
        ..unanswered()
    };
    let (c, p) = answered.parse(now, "小李").unwrap();
    assert!(p.is_none() && c.answer == "明早 8 点恢复");
    let (c, p) = unanswered().parse(now, "小李").unwrap();
    assert_eq!(c.answer, "");
    assert_eq!(p, Some(("答复:问明天停水到几点".into(), at(28, 10, 0))));
    let bad = CallForm {
        phone: String::new(),
        promise_due: None,
        topic: None,
        said: " ".into(),
        ..unanswered()
    }
    .parse(now, "小李")
    .unwrap_err();
    assert!(bad.contains(&CallError::NoContact) && bad.contains(&CallError::NoDue));
    assert!(bad.contains(&CallError::NoTopic) && bad.contains(&CallError::NoSaid));
    let past = CallForm {
        promise_due: Some(at(27, 15, 0)),
        ..unanswered()
    };
    assert_eq!(
        past.parse(now, "小李").unwrap_err(),
        vec![CallError::DueNotAhead]
    );
    let official = CallForm {
        topic: Some(Topic::Official),
        answered: true,
        ..unanswered()
    };
    assert_eq!(
        official.parse(now, "小李").unwrap_err(),
        vec![CallError::NoSentTo]
    );
    let silent = CallForm {
        answered: true,
        ..unanswered()
    };
    assert_eq!(
        silent.parse(now, "小李").unwrap_err(),
        vec![CallError::NoAnswer]
    );
}

/// `form` logged on `store`.
fn logged(f: &Fixture, store: &MemoryStore, form: &CallForm) -> (Envelope, Contact) {
    block_on(services::log(store, form, "小李", || f.id(), || f.stamp())).unwrap()
}

#[test]
fn an_unanswered_call_is_saved_with_its_promise_and_the_reply_keeps_it() {
    let (f, store) = (
        Fixture::at_millis(at(27, 16, 0).timestamp_millis()),
        MemoryStore::new(),
    );
    let (env, c) = logged(&f, &store, &unanswered());
    let id = env.meta.id;
    let pid = c.promise.unwrap();
    let open = block_on(promises::open(&store)).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].0.meta.id, pid);
    assert_eq!(open[0].1.on, (Contact::KIND.to_string(), id));
    assert_eq!(open[0].1.to, "王芳");
    assert!(!open[0].1.overdue(at(28, 9, 59)) && open[0].1.overdue(at(28, 10, 1)));
    let waiting = block_on(services::waiting(&store)).unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].2.as_ref().unwrap().due, at(28, 10, 0));
    assert_eq!(
        block_on(services::reply(&store, id, " ", "小王", || f.stamp())).unwrap_err(),
        ContactError::Call(vec![CallError::NoReply])
    );
    let replied = block_on(services::reply(
        &store,
        id,
        "已回电:明早 8 点恢复",
        "小王",
        || f.stamp(),
    ))
    .unwrap();
    assert_eq!(replied.reply.as_ref().unwrap().by, "小王");
    // The seventh step: due a follow-up call once replied, once.
    assert_eq!(block_on(services::to_follow_up(&store)).unwrap().len(), 1);
    let sat = crate::modules::work_orders::Satisfaction::Satisfied;
    block_on(services::follow_up(
        &store,
        id,
        sat,
        "满意",
        "小李",
        || f.stamp(),
    ))
    .unwrap();
    assert!(block_on(services::to_follow_up(&store)).unwrap().is_empty());
    assert_eq!(
        block_on(services::follow_up(
            &store,
            id,
            sat,
            "again",
            "小李",
            || f.stamp()
        ))
        .unwrap_err(),
        ContactError::Call(vec![CallError::NoFollowUpDue])
    );
    assert!(block_on(promises::open(&store)).unwrap().is_empty());
    assert!(block_on(services::waiting(&store)).unwrap().is_empty());
    assert_eq!(
        block_on(services::reply(&store, id, "again", "小王", || f.stamp())).unwrap_err(),
        ContactError::Call(vec![CallError::AlreadyReplied])
    );
    for key in [
        "13800138000",
        "138001",
        "3-1-502",
        "王芳",
        "8000",
        "138 0013 8000",
    ] {
        assert_eq!(
            block_on(services::find(&store, key, 20)).unwrap().len(),
            1,
            "{key}"
        );
    }
}

#[test]
fn a_promise_kept_on_another_tablet_is_kept_here_after_the_files_cross() {
    let f = Fixture::at_millis(at(27, 16, 0).timestamp_millis());
    let a = MemoryStore::new();
    let (_, c) = block_on(services::log(
        &a,
        &unanswered(),
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let pid = c.promise.unwrap();
    // Tablet B receives the promise, keeps it.
    let b = MemoryStore::new();
    let promise_env = block_on(a.get(Promise::KIND, pid)).unwrap().unwrap();
    block_on(b.put(&promise_env)).unwrap();
    block_on(promises::settle(
        &b,
        pid,
        true,
        "已电话答复",
        "小王",
        || f.stamp(),
    ))
    .unwrap();
    // B's file comes back to A: merged record by record, the kept version is newer.
    let kept = block_on(b.get(Promise::KIND, pid)).unwrap().unwrap();
    let mine = block_on(a.get(Promise::KIND, pid)).unwrap().unwrap();
    let (merged, _) = crate::merge::merge_into(Some(&crate::merge::Merged::new(mine)), &kept);
    assert!(
        merged.conflicts.is_empty(),
        "kept on B is newer, not a conflict"
    );
    let winner: Envelope = merged.current;
    block_on(a.put(&winner)).unwrap();
    assert!(block_on(promises::open(&a)).unwrap().is_empty());
}

#[test]
fn a_repair_call_becomes_a_linked_work_order_once() {
    let f = Fixture::at_millis(at(27, 16, 0).timestamp_millis());
    let store = MemoryStore::new();
    let form = CallForm {
        topic: Some(Topic::Repair),
        said: "厨房水管漏水".into(),
        answered: true,
        answer: "马上派维修".into(),
        promise_due: None,
        ..unanswered()
    };
    let (env, _) = block_on(services::log(
        &store,
        &form,
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let make = || {
        block_on(services::to_work_order(
            &store,
            env.meta.id,
            crate::modules::work_orders::Category::Water,
            "",
            "aaaa0001",
            "小李",
            || f.id(),
            || f.stamp(),
        ))
        .unwrap()
    };
    let (oid, order) = make();
    assert_eq!(order.status, WorkStatus::Pending);
    assert_eq!(
        (order.unit.as_str(), order.reporter.as_str()),
        ("3-1-502", "王芳")
    );
    assert_eq!(order.description, "厨房水管漏水");
    assert_eq!(order.source, crate::modules::work_orders::Source::Phone);
    let linked: Contact = block_on(store.get(Contact::KIND, env.meta.id))
        .unwrap()
        .unwrap()
        .decode()
        .unwrap();
    assert_eq!(linked.work_order, Some(oid));
    // A second tap gives the same order.
    assert_eq!(make().0, oid);
}

#[test]
fn the_retention_purge_leaves_a_call_waiting_for_its_reply_alone() {
    use crate::modules::retention::Retained;
    let (c, _) = unanswered().parse(at(27, 16, 0), "小李").unwrap();
    let waiting = Contact {
        promise: Some(RecordId(uuid::Uuid::from_u128(1))),
        ..c.clone()
    };
    assert!(!waiting.purge_due(at(27, 16, 0) + Duration::days(400), 180));
    assert!(c.purge_due(at(27, 16, 0) + Duration::days(181), 180));
    let p = c.purged();
    assert!(p.purged && p.caller.is_empty() && p.phone.is_none() && p.said.is_empty());
    assert_eq!(
        p.topic,
        Topic::Inquiry,
        "the statistics keep what it was about"
    );
}

#[test]
fn the_csv_masks_the_caller_unless_asked() {
    let (c, _) = unanswered().parse(at(27, 16, 0), "小李").unwrap();
    let masked = String::from_utf8(super::csv::contacts_csv(
        std::slice::from_ref(&c),
        Lang::Zh,
        false,
    ))
    .unwrap();
    assert!(masked.contains("咨询") && masked.contains("138****8000"));
    assert!(!masked.contains("王芳"));
    let full = String::from_utf8(super::csv::contacts_csv(&[c], Lang::Zh, true)).unwrap();
    assert!(full.contains("13800138000") && full.contains("王芳"));
}

#[test]
fn a_withdrawn_promise_takes_its_call_off_the_waiting_list_and_shows_on_it() {
    let (f, store) = (
        Fixture::at_millis(at(27, 16, 0).timestamp_millis()),
        MemoryStore::new(),
    );
    let (_, c) = logged(&f, &store, &unanswered());
    let later = CallForm {
        promise_due: Some(at(28, 9, 0)),
        caller: "李雷".into(),
        phone: "13912345678".into(),
        ..unanswered()
    };
    block_on(services::log(
        &store,
        &later,
        "小李",
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    let waiting = block_on(services::waiting(&store)).unwrap();
    assert_eq!(
        waiting
            .iter()
            .map(|w| w.1.caller.as_str())
            .collect::<Vec<_>>(),
        vec!["李雷", "王芳"],
        "soonest due first"
    );
    block_on(promises::settle(
        &store,
        c.promise.unwrap(),
        false,
        "业主已自行了解",
        "小王",
        || f.stamp(),
    ))
    .unwrap();
    let waiting = block_on(services::waiting(&store)).unwrap();
    assert_eq!(waiting.len(), 1);
    let all = block_on(services::find(&store, "", 10)).unwrap();
    let rows = block_on(services::with_promises(&store, all)).unwrap();
    let withdrawn = rows.iter().find(|r| r.1.caller == "王芳").unwrap();
    assert!(matches!(
        withdrawn.2.as_ref().unwrap().outcome,
        Some(crate::modules::promises::Outcome::Withdrawn { .. })
    ));
}
