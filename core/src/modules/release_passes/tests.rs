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

#[test]
fn a_tenant_moving_out_of_a_billed_unit_is_refused_while_it_owes_and_cleared_from_the_fees() {
    use super::services::{self, PassesError};
    use crate::modules::fees::services as fees;
    use crate::modules::residents::{Unit, UnitKind, UnitStatus};
    use crate::record::Envelope;
    use crate::store::RecordStore;
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;
    let (f, store) = (
        Fixture::at_millis(at(28, 8).timestamp_millis()),
        MemoryStore::new(),
    );
    let unit = Unit {
        no: crate::unit_no::UnitNo::parse("5-2-1202").unwrap(),
        area_m2: Some(100.0),
        kind: UnitKind::Residential,
        status: UnitStatus::Occupied,
    };
    block_on(store.put(&Envelope::create(&unit, f.id(), f.stamp()).unwrap())).unwrap();
    let apply = |form: &PassForm| {
        block_on(services::apply(
            &store,
            form,
            "小李",
            &[Role::Clerk],
            || f.id(),
            || 9,
            || f.stamp(),
        ))
    };
    // Not billed: the clerk's tick stands.
    apply(&tenant_moving()).unwrap();
    block_on(fees::set_rates(
        &store,
        &crate::modules::fees::RatesForm::example("2026-01", "1.5"),
        "王主管",
        &[Role::Supervisor],
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    block_on(fees::open_account(
        &store,
        "5-2-1202",
        Some(day(1)),
        "小李",
        &[Role::Clerk],
        || f.id(),
        || f.stamp(),
    ))
    .unwrap();
    // Billed and owing November: refused, whatever was ticked.
    assert_eq!(
        apply(&tenant_moving()).unwrap_err(),
        PassesError::Pass(vec![PassError::FeesOwed(1, 18000)])
    );
    block_on(fees::pay(
        &store,
        &fees::PayForm {
            unit: "5-2-1202".into(),
            first: "2026-11".into(),
            last: "2026-11".into(),
            method: Some(crate::modules::fees::Method::Cash),
            ..fees::PayForm::default()
        },
        "小李",
        &[Role::Clerk],
        || f.id(),
        || 1,
        || f.stamp(),
    ))
    .unwrap();
    // Paid: cleared from the fees, ticked or not.
    let (_, p) = apply(&PassForm {
        fees_cleared: false,
        ..tenant_moving()
    })
    .unwrap();
    assert!(p.fees_cleared);
}

mod signed {
    //! The QR signed by the office tablet, checked at a gate that never received the pass:
    //! valid, altered, signed by a key the gate does not know, on another day, used once.
    //! RustCrypto's `p256` stands in for the browser's WebCrypto (same curve, hash and r‖s form).
    use super::super::services::{self, AtGate, PassesError};
    use super::super::ticket::{self, Scanned, Ticket, TicketError, Typed};
    use super::*;
    use crate::store::conformance::{Fixture, block_on};
    use crate::store::memory::MemoryStore;
    use crate::store::{ListQuery, RecordStore, list_all_as};
    use p256::ecdsa::signature::{Signer, Verifier};
    use p256::ecdsa::{Signature, SigningKey as Secret, VerifyingKey};

    fn secret(n: u8) -> Secret {
        Secret::from_slice(&[n; 32]).unwrap()
    }

    fn public(s: &Secret) -> Vec<u8> {
        s.verifying_key()
            .to_encoded_point(false)
            .as_bytes()
            .to_vec()
    }

    fn sign(s: &Secret, payload: &[u8]) -> Vec<u8> {
        let sig: Signature = s.sign(payload);
        sig.to_bytes().to_vec()
    }

    async fn verify(key: &[u8], payload: &[u8], sig: &[u8]) -> bool {
        match (
            VerifyingKey::from_sec1_bytes(key),
            Signature::from_slice(sig),
        ) {
            (Ok(k), Ok(s)) => k.verify(payload, &s).is_ok(),
            _ => false,
        }
    }

    fn scanned(text: &str) -> Scanned {
        match ticket::read(text).unwrap() {
            Typed::Signed(s) => s,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_gate_with_only_the_offices_key_lets_a_signed_pass_through_once_on_its_day() {
        let f = Fixture::at_millis(at(28, 8).timestamp_millis());
        let (office, gate) = (MemoryStore::new(), MemoryStore::new());
        let key = secret(7);
        let (id, pass) = block_on(services::apply(
            &office,
            &tenant_moving(),
            "小李",
            &[Role::Clerk],
            || f.id(),
            || 11,
            || f.stamp(),
        ))
        .unwrap();
        // Only a supervisor puts a new key on record; once there, anyone finds it.
        let keep = |roles: &[Role]| {
            block_on(services::keep_signing_key(
                &office,
                &public(&key),
                "王主管",
                roles,
                || f.id(),
                || f.stamp(),
            ))
        };
        assert_eq!(
            keep(&[Role::Clerk]).unwrap_err(),
            PassesError::NotAllowed(APPROVE_PASSES)
        );
        let kid = keep(&[Role::Supervisor]).unwrap();
        assert_eq!(kid, ticket::key_id(&public(&key)));
        assert_eq!(keep(&[Role::Clerk]).unwrap(), kid);
        let t = Ticket::of(&pass, &kid, "王主管");
        assert_eq!(t.name, "李*", "the name travels masked");
        assert_eq!(t.plate, "京A12345");
        let qr = Ticket::qr_text(&t.payload(), &sign(&key, &t.payload()));
        let approved = block_on(services::decide(
            &office,
            id,
            true,
            "",
            &qr,
            "王主管",
            &[Role::Supervisor],
            || f.stamp(),
        ))
        .unwrap();
        assert_eq!(approved.qr, qr);

        // The gate received the office's key once (with its staff), never this pass.
        for (env, _) in block_on(list_all_as::<_, ticket::SigningKey>(
            &office,
            ListQuery::recent(ticket::SigningKey::KIND, 10),
        ))
        .unwrap()
        {
            block_on(gate.put(&env)).unwrap();
        }
        assert!(
            block_on(services::find(&gate, &pass.code))
                .unwrap()
                .is_none()
        );
        let s = scanned(&qr);
        assert_eq!(s.ticket, t);
        let check = |s: &Scanned, now| block_on(services::scanned(&gate, s, now, verify));
        assert_eq!(check(&s, at(28, 9)).unwrap(), Verdict::Valid);
        // Another day: before or after.
        assert_eq!(check(&s, at(27, 23)).unwrap(), Verdict::WrongDay(day(28)));
        assert_eq!(check(&s, at(29, 0)).unwrap(), Verdict::WrongDay(day(28)));

        // Altered: one more fridge, or one bit of the signature.
        let more = String::from_utf8(s.payload.clone())
            .unwrap()
            .replace("\"qty\":1", "\"qty\":3");
        assert_ne!(more.as_bytes(), &s.payload[..]);
        let forged = scanned(&Ticket::qr_text(more.as_bytes(), &s.signature));
        assert_eq!(forged.ticket.items[0].qty, 3);
        assert_eq!(
            check(&forged, at(28, 9)).unwrap_err(),
            PassesError::Ticket(TicketError::Forged)
        );
        let mut sig = s.signature.clone();
        sig[10] ^= 1;
        assert_eq!(
            check(&scanned(&Ticket::qr_text(&s.payload, &sig)), at(28, 9)).unwrap_err(),
            PassesError::Ticket(TicketError::Forged)
        );
        // Signed by a tablet whose key never reached this gate (or naming the office's key
        // while signed by another).
        let stranger = secret(9);
        let theirs = Ticket::of(&pass, &ticket::key_id(&public(&stranger)), "王主管");
        let q = Ticket::qr_text(&theirs.payload(), &sign(&stranger, &theirs.payload()));
        assert!(matches!(
            check(&scanned(&q), at(28, 9)).unwrap_err(),
            PassesError::Ticket(TicketError::UnknownKey(k)) if k == theirs.key
        ));
        let q = Ticket::qr_text(&t.payload(), &sign(&stranger, &t.payload()));
        assert_eq!(
            check(&scanned(&q), at(28, 9)).unwrap_err(),
            PassesError::Ticket(TicketError::Forged)
        );

        // Let through once; the second time refused, saying by whom.
        let mark = |what: &AtGate, roles: &[Role], s: &Scanned| {
            block_on(services::at_gate_scanned(
                &gate,
                s,
                what,
                "门岗老张",
                roles,
                verify,
                || f.id(),
                || f.stamp(),
            ))
        };
        assert_eq!(
            mark(&AtGate::Use, &[Role::Clerk], &s).unwrap_err(),
            PassesError::NotAllowed(CHECK_PASSES)
        );
        assert_eq!(
            mark(&AtGate::Use, &[Role::Gate], &forged).unwrap_err(),
            PassesError::Ticket(TicketError::Forged)
        );
        assert_eq!(
            mark(&AtGate::Refuse("  ".into()), &[Role::Gate], &s).unwrap_err(),
            PassesError::Pass(vec![PassError::NoNote])
        );
        let used = mark(&AtGate::Use, &[Role::Gate], &s).unwrap();
        assert!(used.used && used.ticket == t);
        for what in [AtGate::Use, AtGate::Refuse("车不对".into())] {
            match mark(&what, &[Role::Gate], &s).unwrap_err() {
                PassesError::Gate(Verdict::Used { by, .. }) => assert_eq!(by, "门岗老张"),
                other => panic!("{other:?}"),
            }
        }
        // The pass arriving later (a sync) does not make it usable again.
        let env = block_on(office.get(Pass::KIND, id)).unwrap().unwrap();
        block_on(gate.put(&env)).unwrap();
        let (_, here) = block_on(services::find(&gate, &pass.code))
            .unwrap()
            .unwrap();
        assert!(matches!(
            block_on(services::verdict_here(&gate, &here, at(28, 10))).unwrap(),
            Verdict::Used { .. }
        ));
        assert!(matches!(
            block_on(services::at_gate(
                &gate,
                id,
                &AtGate::Use,
                "门岗小刘",
                &[Role::Gate],
                || f.stamp()
            ))
            .unwrap_err(),
            PassesError::Gate(Verdict::Used { .. })
        ));

        // A QR altered but keeping the code of a pass that is here is still refused; the code
        // typed alone says it was let through.
        assert_eq!(
            block_on(services::authentic(&gate, &forged, verify)).unwrap_err(),
            PassesError::Ticket(TicketError::Forged)
        );
        block_on(services::authentic(&gate, &s, verify)).unwrap();
        assert!(matches!(
            block_on(services::code_checked(&gate, &pass.code.to_lowercase())).unwrap(),
            Some(Verdict::Used { .. })
        ));

        // The gate's check comes back to the office: the pass reads as used there, and is no
        // longer among those still to come.
        use super::super::services::Which;
        let coming = |store: &MemoryStore| {
            block_on(services::list(store, Which::Coming, at(28, 11)))
                .unwrap()
                .len()
        };
        assert_eq!(coming(&office), 1);
        for (env, _) in block_on(list_all_as::<_, ticket::GateCheck>(
            &gate,
            ListQuery::recent(ticket::GateCheck::KIND, 10),
        ))
        .unwrap()
        {
            block_on(office.put(&env)).unwrap();
        }
        assert_eq!(coming(&office), 0);
        let all = block_on(services::list(&office, Which::All, at(28, 11))).unwrap();
        assert_eq!(all[0].1.state, PassState::Used);
        assert_eq!(all[0].1.gate_mark.as_ref().unwrap().by, "门岗老张");
        let stored = block_on(services::get(&office, id)).unwrap();
        assert_eq!(
            stored.state,
            PassState::Approved,
            "the pass itself is not rewritten"
        );
    }

    #[test]
    fn a_refused_qr_stays_refused_and_the_check_is_purged_like_a_visit() {
        let f = Fixture::at_millis(at(28, 8).timestamp_millis());
        let gate = MemoryStore::new();
        let key = secret(3);
        let pass = tenant_moving()
            .parse(at(27, 9), "小李", "ACDE3467".into())
            .unwrap();
        block_on(services::keep_signing_key(
            &gate,
            &public(&key),
            "王主管",
            &[Role::Supervisor],
            || f.id(),
            || f.stamp(),
        ))
        .unwrap();
        let t = Ticket::of(&pass, &ticket::key_id(&public(&key)), "王主管");
        let s = scanned(&Ticket::qr_text(&t.payload(), &sign(&key, &t.payload())));
        let refused = block_on(services::at_gate_scanned(
            &gate,
            &s,
            &AtGate::Refuse(" 车牌不符 ".into()),
            "门岗老张",
            &[Role::Gate],
            verify,
            || f.id(),
            || f.stamp(),
        ))
        .unwrap();
        assert_eq!(refused.mark.note, "车牌不符");
        assert_eq!(
            block_on(services::scanned(&gate, &s, at(28, 9), verify)).unwrap(),
            Verdict::Refused {
                reason: "车牌不符".into()
            }
        );
        assert!(!refused.purge_due(at(28, 20), 1));
        assert!(refused.purge_due(at(29, 9), 1));
        let gone = refused.purged();
        assert!(gone.ticket.name.is_empty() && gone.ticket.plate.is_empty());
        assert_eq!(gone.ticket.items.len(), 2, "what went out stays");
    }

    #[test]
    fn what_the_guard_scans_or_types_reads_as_a_code_a_signed_qr_or_says_it_cannot() {
        assert_eq!(
            ticket::read(" ldpass:acde-3467 ").unwrap(),
            Typed::Code("LDPASSACDE3467".into()),
            "only the exact prefix is a QR's"
        );
        assert_eq!(
            ticket::read("LDPASS:acde-3467").unwrap(),
            Typed::Code("ACDE3467".into())
        );
        assert_eq!(
            ticket::read("acde 3467").unwrap(),
            Typed::Code("ACDE3467".into())
        );
        for bad in ["LDP1.", "LDP1.abc", "LDP1.!!.AA", "LDP1.e30.AAAA"] {
            assert_eq!(
                ticket::read(bad).unwrap_err(),
                TicketError::Unreadable,
                "{bad}"
            );
        }
        // A well-signed-looking text whose payload is not a pass.
        let junk = Ticket::qr_text(b"{}", &[0; 64]);
        assert_eq!(ticket::read(&junk).unwrap_err(), TicketError::Unreadable);
    }

    #[test]
    fn a_long_list_of_goods_keeps_the_qr_small_and_says_how_many_more() {
        let mut form = tenant_moving();
        form.items = (1..=40)
            .map(|n| (format!("纸箱编号{n}号 大件家具"), "2".to_string()))
            .collect();
        let pass = form.parse(at(27, 9), "小李", "ACDE3467".into()).unwrap();
        let t = Ticket::of(&pass, "0a1b2c3d", "王主管");
        assert!(t.payload().len() <= 320, "{}", t.payload().len());
        assert_eq!(t.items.len() + t.more as usize, 40);
        assert!(t.more > 0);
        assert!(
            t.items_line(Lang::Zh)
                .ends_with(&format!("等另 {} 项(见纸质放行条)", t.more))
        );
        let qr = Ticket::qr_text(&t.payload(), &[1; 64]);
        assert!(qr.len() < 540, "a version 17 QR at most: {}", qr.len());
    }
}
