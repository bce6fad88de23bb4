//! Fee arithmetic at month and custody boundaries, rounding that loses no 分 across a year
//! (property-tested), the rates' form, payments, arrears, reminders and custody readings.

use super::money::{self, PER_FEN, days_in, month_of, months, parse_yuan, yuan};
use super::services::{self, FeesError, MeterForm, PayForm, charges, rates_for};
use super::*;
use crate::modules::residents::{Unit, UnitKind, UnitStatus};
use crate::record::Envelope;
use crate::store::RecordStore;
use crate::store::conformance::{Fixture, block_on};
use crate::store::memory::MemoryStore;
use chrono::TimeZone;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32) -> DateTime<Utc> {
    crate::time::china()
        .with_ymd_and_hms(y, m, day, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn rates(from: NaiveDate, residential: i64) -> FeeRates {
    FeeRates {
        from,
        residential,
        shop: 500,
        office: 400,
        energy: 30,
        custody_percent: 70,
        fixed: vec![],
        set: Mark {
            at: at(2026, 1, 1),
            by: "王主管".into(),
        },
    }
}

fn custody(start: NaiveDate, end: Option<NaiveDate>) -> Custody {
    Custody {
        unit: "3-1-502".into(),
        agreement: true,
        start,
        readings: vec![],
        end,
        opened: Mark {
            at: at(2026, 1, 1),
            by: "小李".into(),
        },
        closed: None,
    }
}

#[test]
fn money_is_read_and_written_in_fen() {
    assert_eq!(parse_yuan("134.36"), Some(13436));
    assert_eq!(parse_yuan(" ¥134.3 "), Some(13430));
    assert_eq!(parse_yuan("134"), Some(13400));
    assert_eq!(parse_yuan("0.3"), Some(30));
    for bad in ["", "1.234", "-1", "1,000", "abc", ".5", "1e3"] {
        assert_eq!(parse_yuan(bad), None, "{bad}");
    }
    assert_eq!(yuan(13436), "134.36");
    assert_eq!(yuan(5), "0.05");
    assert_eq!(money::area_cm2(89.57), Some(8957));
    assert_eq!(money::area_cm2(0.0), None);
    assert_eq!(money::area_cm2(f64::NAN), None);
    assert_eq!(parse_reading("1234.5"), Some(12345));
    assert_eq!(parse_reading("12"), Some(120));
    assert_eq!(parse_reading("1.25"), None);
    assert_eq!(reading_text(12345), "1234.5");
    assert_eq!(days_in(d(2028, 2, 10)), 29);
    assert_eq!(months(d(2026, 11, 15), d(2027, 2, 1)).len(), 4);
}

#[test]
fn a_receipt_writes_the_amount_in_capitals() {
    for (fen, words) in [
        (18000, "壹佰捌拾元整"),
        (10005, "壹佰元零伍分"),
        (13436, "壹佰叁拾肆元叁角陆分"),
        (100500, "壹仟零伍元整"),
        (1000000, "壹万元整"),
        (10010000, "壹拾万零壹佰元整"),
        (50, "伍角整"),
        (0, "零元整"),
        (1200000000, "壹仟贰佰万元整"),
        (120000000000, "壹拾贰亿元整"),
        (10000000100, "壹亿零壹元整"),
    ] {
        assert_eq!(money::upper(fen), words, "{fen}");
    }
}

#[test]
fn a_month_in_full_is_area_times_rate_and_half_fen_round_up_then_catch_up_within_the_year() {
    // 89.57 m² at 1.50 元 is 134.355 元 a month: 134.36 in January, 134.35 in February (the
    // year to date, 268.71, rounded once).
    let r = [rates(d(2026, 1, 1), 150)];
    let v = charges(
        8957,
        UnitKind::Residential,
        d(2026, 1, 1),
        &[],
        &r,
        &[d(2026, 1, 1), d(2026, 2, 1)],
    )
    .unwrap();
    assert_eq!((v[0].management, v[1].management), (13436, 13435));
    // The public energy share: 0.3 元 × 89.57 = 26.871 元.
    assert_eq!((v[0].energy, v[1].energy), (2687, 2687));
    assert_eq!(v[0].billed_days, 31);
    // Asked alone, February is the same: the year is always counted from January.
    let feb = charges(
        8957,
        UnitKind::Residential,
        d(2026, 1, 1),
        &[],
        &r,
        &[d(2026, 2, 1)],
    )
    .unwrap();
    assert_eq!(feb[0], v[1]);
}

#[test]
fn billing_from_mid_month_and_custody_at_seventy_percent_count_by_the_day() {
    let r = [rates(d(2026, 1, 1), 150)];
    // Billed from 16 November (30 days): 15 days of 100 m² at 1.50 元 = 75 元.
    let nov = charges(
        10000,
        UnitKind::Residential,
        d(2026, 11, 16),
        &[],
        &r,
        &[d(2026, 11, 1)],
    )
    .unwrap();
    assert_eq!(nov[0].management, 7500);
    assert_eq!(nov[0].billed_days, 15);
    // In custody from 11 November (inclusive) to 21 November (exclusive): 10 days at 70%.
    let held = [custody(d(2026, 11, 11), Some(d(2026, 11, 21)))];
    let v = charges(
        10000,
        UnitKind::Residential,
        d(2026, 1, 1),
        &held,
        &r,
        &[d(2026, 11, 1)],
    )
    .unwrap();
    // 150 元 × (20 + 10 × 0.7) / 30 = 135 元.
    assert_eq!(v[0].management, 13500);
    assert_eq!(v[0].custody_days, 10);
    // Custody open from the 1st: the whole month at 70%.
    let open = [custody(d(2026, 11, 1), None)];
    let v = charges(
        10000,
        UnitKind::Residential,
        d(2026, 1, 1),
        &open,
        &r,
        &[d(2026, 11, 1), d(2026, 12, 1)],
    )
    .unwrap();
    assert_eq!((v[0].management, v[1].management), (10500, 10500));
    assert_eq!((v[0].energy, v[1].energy), (2100, 2100));
    // A shop pays the shop rate.
    let shop = charges(
        10000,
        UnitKind::Shop,
        d(2026, 1, 1),
        &[],
        &r,
        &[d(2026, 3, 1)],
    )
    .unwrap();
    assert_eq!(shop[0].management, 50000);
    // Fixed items are charged in full, custody or not.
    let mut with_fixed = rates(d(2026, 1, 1), 150);
    with_fixed.fixed = vec![FixedItem {
        item: "垃圾清运费".into(),
        fen: 1000,
    }];
    let v = charges(
        10000,
        UnitKind::Residential,
        d(2026, 1, 1),
        &open,
        &[with_fixed],
        &[d(2026, 12, 1)],
    )
    .unwrap();
    assert_eq!(v[0].fixed, 1000);
    assert_eq!(v[0].total(), 10500 + 2100 + 1000);
}

#[test]
fn new_rates_apply_from_their_month_and_a_month_without_rates_is_refused() {
    let r = [rates(d(2026, 1, 1), 150), rates(d(2026, 7, 1), 200)];
    assert_eq!(rates_for(&r, d(2026, 6, 1)).unwrap().residential, 150);
    assert_eq!(rates_for(&r, d(2026, 7, 1)).unwrap().residential, 200);
    let v = charges(
        10000,
        UnitKind::Residential,
        d(2026, 1, 1),
        &[],
        &r,
        &[d(2026, 6, 1), d(2026, 7, 1)],
    )
    .unwrap();
    assert_eq!((v[0].management, v[1].management), (15000, 20000));
    assert_eq!(
        charges(
            10000,
            UnitKind::Residential,
            d(2025, 12, 1),
            &[],
            &r,
            &[d(2025, 12, 1)]
        )
        .unwrap_err(),
        FeeError::NoRates(d(2025, 12, 1))
    );
    // Before billing starts no rates are needed.
    assert_eq!(
        charges(
            10000,
            UnitKind::Residential,
            d(2026, 3, 1),
            &[],
            &r,
            &[d(2026, 3, 1)]
        )
        .unwrap()[0]
            .management,
        15000
    );
}

#[test]
fn the_rates_form_says_what_is_wrong() {
    let errs = RatesForm {
        from: "2026-13".into(),
        residential: "1.505".into(),
        shop: "5".into(),
        office: "4".into(),
        energy: "0.3".into(),
        custody_percent: "170".into(),
        fixed: vec![
            ("垃圾清运费".into(), String::new()),
            (String::new(), String::new()),
        ],
    }
    .parse("王主管", at(2026, 11, 1))
    .unwrap_err();
    assert_eq!(
        errs,
        vec![
            FeeError::BadMonth,
            FeeError::BadRate("住宅物业费"),
            FeeError::BadPercent,
            FeeError::BadFixed(1)
        ]
    );
    let ok = RatesForm {
        from: "2026-1".into(),
        residential: "1.5".into(),
        shop: "5".into(),
        office: "4".into(),
        energy: "0.3".into(),
        custody_percent: "70".into(),
        fixed: vec![("垃圾清运费".into(), "10".into())],
    }
    .parse("王主管", at(2026, 11, 1))
    .unwrap();
    assert_eq!(
        (ok.from, ok.residential, ok.energy, ok.fixed[0].fen),
        (d(2026, 1, 1), 150, 30, 1000)
    );
}

fn exact_year(area: i64, rate: i64, from: NaiveDate, held: &[Custody], year: i32) -> Vec<i128> {
    months(d(year, 1, 1), d(year, 12, 1))
        .into_iter()
        .map(|m| {
            let days = days_in(m);
            (0..days)
                .map(|i| m + chrono::Duration::days(i64::from(i)))
                .filter(|day| *day >= from)
                .map(|day| {
                    let w = if held.iter().any(|c| c.covers(day)) {
                        70
                    } else {
                        100
                    };
                    money::day_units(area, rate, w, days)
                })
                .sum()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any custody periods, any area and rate: each month is within 1 分 of the sum of its
    /// days' shares, and the year's months add up to the year's exact total rounded once.
    #[test]
    fn no_fen_is_lost_across_a_year(
        area in 1i64..2_000_000,
        rate in 1i64..2_000,
        start_day in 0i64..365,
        periods in proptest::collection::vec((0i64..365, 1i64..200, any::<bool>()), 0..4),
    ) {
        let year = 2028; // a leap year
        let jan = d(year, 1, 1);
        let from = jan + chrono::Duration::days(start_day);
        let held: Vec<Custody> = periods
            .iter()
            .map(|(s, len, open)| {
                let s = jan + chrono::Duration::days(*s);
                custody(s, (!open).then(|| s + chrono::Duration::days(*len)))
            })
            .collect();
        let r = [rates(jan, rate)];
        let all = months(jan, d(year, 12, 1));
        let got = charges(area, UnitKind::Residential, from, &held, &r, &all).unwrap();
        let exact = exact_year(area, rate, from, &held, year);
        for (m, e) in got.iter().zip(&exact) {
            let diff = i128::from(m.management) * PER_FEN - e;
            prop_assert!(diff.abs() <= PER_FEN, "{:?}: {} vs {}", m.month, m.management, e);
        }
        let total: i64 = got.iter().map(|m| m.management).sum();
        prop_assert_eq!(total, money::round_fen(exact.iter().sum()));
        // Asked month by month, each month is the same as in the whole year.
        for m in &got {
            let one = charges(area, UnitKind::Residential, from, &held, &r, &[m.month]).unwrap();
            prop_assert_eq!(one[0], *m);
        }
    }
}

// ---- services on the memory store ----

struct Desk {
    f: Fixture,
    store: MemoryStore,
}

impl Desk {
    fn new(now: DateTime<Utc>) -> Desk {
        let desk = Desk {
            f: Fixture::at_millis(now.timestamp_millis()),
            store: MemoryStore::new(),
        };
        for (no, area, kind) in [
            ("3-1-502", Some(100.0), UnitKind::Residential),
            ("3-1-601", Some(89.57), UnitKind::Residential),
            ("1-101", Some(50.0), UnitKind::Shop),
            ("3-1-701", None, UnitKind::Residential),
        ] {
            let u = Unit {
                no: crate::unit_no::UnitNo::parse(no).unwrap(),
                area_m2: area,
                kind,
                status: UnitStatus::Occupied,
            };
            block_on(
                desk.store
                    .put(&Envelope::create(&u, desk.f.id(), desk.f.stamp()).unwrap()),
            )
            .unwrap();
        }
        desk
    }
    fn rates(&self) {
        block_on(services::set_rates(
            &self.store,
            &RatesForm::example("2026-01", "1.50"),
            "王主管",
            &[Role::Supervisor],
            || self.f.id(),
            || self.f.stamp(),
        ))
        .unwrap();
    }
    fn open(&self, unit: &str, from: NaiveDate) -> Result<FeeAccount, FeesError> {
        block_on(services::open_account(
            &self.store,
            unit,
            Some(from),
            "小李",
            &[Role::Clerk],
            || self.f.id(),
            || self.f.stamp(),
        ))
    }
    fn pay(&self, form: PayForm) -> Result<Payment, FeesError> {
        self.pay_as(form, &[Role::Clerk])
    }
    fn pay_as(&self, form: PayForm, roles: &[Role]) -> Result<Payment, FeesError> {
        block_on(services::pay(
            &self.store,
            &form,
            "小李",
            roles,
            || self.f.id(),
            || 42,
            || self.f.stamp(),
        ))
        .map(|(_, p)| p)
    }
    fn status(&self, unit: &str) -> services::Status {
        block_on(services::unit_status(
            &self.store,
            unit,
            local_date(self.f.now()),
        ))
        .unwrap()
    }
}

fn pay_form(unit: &str, first: &str, last: &str) -> PayForm {
    PayForm {
        unit: unit.into(),
        first: first.into(),
        last: last.into(),
        method: Some(Method::Wechat),
        payer: "张伟".into(),
        ..PayForm::default()
    }
}

#[test]
fn only_a_supervisor_sets_rates_and_a_unit_is_billed_once() {
    let desk = Desk::new(at(2026, 11, 28));
    let clerk = block_on(services::set_rates(
        &desk.store,
        &RatesForm::default(),
        "小李",
        &[Role::Clerk],
        || desk.f.id(),
        || desk.f.stamp(),
    ));
    assert_eq!(clerk.unwrap_err(), FeesError::NotAllowed(SET_RATES));
    desk.rates();
    desk.open("3-1-502", d(2026, 9, 1)).unwrap();
    assert_eq!(
        desk.open("3－1－502", d(2026, 10, 1)).unwrap_err(),
        FeesError::Fee(vec![FeeError::AccountExists(d(2026, 9, 1))])
    );
    assert_eq!(
        desk.open("abc", d(2026, 10, 1)).unwrap_err(),
        FeesError::Fee(vec![FeeError::BadUnit])
    );
    assert_eq!(
        desk.open("9-9-999", d(2026, 10, 1)).unwrap_err(),
        FeesError::Fee(vec![FeeError::UnknownUnit("9-9-999".into())])
    );
    // Billing that starts next month owes nothing yet.
    desk.open("3-1-601", d(2026, 12, 1)).unwrap();
    assert!(desk.status("3-1-601").owed().is_empty());
    // New rates never go back before this month once rates exist.
    let again = |from: &str| {
        block_on(services::set_rates(
            &desk.store,
            &RatesForm::example(from, "2"),
            "王主管",
            &[Role::Supervisor],
            || desk.f.id(),
            || desk.f.stamp(),
        ))
    };
    assert_eq!(
        again("2026-10").unwrap_err(),
        FeesError::Fee(vec![FeeError::RatesBackdated(d(2026, 11, 1))])
    );
    again("2026-12").unwrap();
}

#[test]
fn a_payment_covers_months_once_at_what_they_come_to_and_the_arrears_follow() {
    let desk = Desk::new(at(2026, 11, 28));
    desk.rates();
    desk.open("3-1-502", d(2026, 9, 1)).unwrap();
    // September to November: 3 months of 100 m² at 1.50 + 0.30 = 180 元 each.
    let st = desk.status("3-1-502");
    assert_eq!(st.owed().len(), 3);
    assert_eq!(st.owed_fen(), 54000);
    assert!(!st.cleared());
    // No method; an amount other than what is due without a note.
    let no_method = PayForm {
        method: None,
        ..pay_form("3-1-502", "2026-09", "2026-10")
    };
    assert_eq!(
        desk.pay(no_method).unwrap_err(),
        FeesError::Fee(vec![FeeError::NoMethod])
    );
    let less = PayForm {
        amount: "300".into(),
        ..pay_form("3-1-502", "2026-09", "2026-10")
    };
    assert_eq!(
        desk.pay(less.clone()).unwrap_err(),
        FeesError::Fee(vec![FeeError::LessNeedsSupervisor(36000)])
    );
    assert_eq!(
        desk.pay_as(less, &[Role::Supervisor]).unwrap_err(),
        FeesError::Fee(vec![FeeError::AmountDiffers(36000)])
    );
    let more = PayForm {
        amount: "360.01".into(),
        ..pay_form("3-1-502", "2026-09", "2026-10")
    };
    assert_eq!(
        desk.pay(more).unwrap_err(),
        FeesError::Fee(vec![FeeError::MoreThanDue(36000)])
    );
    let p = desk.pay(pay_form("3-1-502", "2026-09", "2026-10")).unwrap();
    assert_eq!(
        (p.fen, p.due_fen, p.receipt.as_str()),
        (36000, 36000, "SF20261128-Q433")
    );
    assert_eq!(
        desk.pay(pay_form("3-1-502", "2026-10", "2026-11"))
            .unwrap_err(),
        FeesError::Fee(vec![FeeError::PaidAlready(d(2026, 10, 1))])
    );
    assert_eq!(
        desk.pay(pay_form("3-1-502", "2026-08", "2026-08"))
            .unwrap_err(),
        FeesError::Fee(vec![FeeError::BadMonths])
    );
    let st = desk.status("3-1-502");
    assert_eq!(
        st.owed().iter().map(|m| m.month).collect::<Vec<_>>(),
        vec![d(2026, 11, 1)]
    );
    // A discount with a note; paying ahead into next year.
    let noted = PayForm {
        amount: "170".into(),
        note: "老业主优惠".into(),
        receipt: "No.0012345".into(),
        ..pay_form("3-1-502", "2026-11", "2027-01")
    };
    assert_eq!(
        desk.pay_as(noted.clone(), &[Role::Clerk]).unwrap_err(),
        FeesError::Fee(vec![FeeError::LessNeedsSupervisor(54000)])
    );
    let p = desk.pay_as(noted.clone(), &[Role::Supervisor]).unwrap();
    // The same receipt number twice is refused.
    let twice = PayForm {
        receipt: " No.0012345 ".into(),
        ..pay_form("3-1-601", "2026-12", "2026-12")
    };
    assert!(matches!(
        desk.pay(twice).unwrap_err(),
        FeesError::Fee(e) if e.contains(&FeeError::ReceiptUsed("No.0012345".into()))
    ));
    assert_eq!(
        (p.fen, p.due_fen, p.receipt.as_str()),
        (17000, 54000, "No.0012345")
    );
    assert!(desk.status("3-1-502").cleared());
    // The day's takings.
    let (list, totals) = block_on(services::day_payments(&desk.store, d(2026, 11, 28))).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(totals, vec![(Method::Wechat, 53000)]);
    // A unit billed without a floor area says so instead of owing nothing.
    desk.open("3-1-701", d(2026, 9, 1)).unwrap();
    let st = desk.status("3-1-701");
    assert_eq!(st.problem, Some(FeeError::NoArea("3-1-701".into())));
    assert!(!st.cleared());
    assert_eq!(
        desk.pay(pay_form("3-1-701", "2026-09", "2026-09"))
            .unwrap_err(),
        FeesError::Fee(vec![FeeError::NoArea("3-1-701".into())])
    );
}

#[test]
fn the_reminder_list_shows_who_owes_most_first_with_the_last_reminder() {
    let desk = Desk::new(at(2026, 11, 28));
    desk.rates();
    desk.open("3-1-502", d(2026, 9, 1)).unwrap();
    desk.open("1-101", d(2026, 11, 1)).unwrap();
    desk.open("3-1-601", d(2026, 11, 1)).unwrap();
    desk.open("3-1-701", d(2026, 11, 1)).unwrap();
    desk.pay(pay_form("3-1-601", "2026-11", "2026-11")).unwrap();
    let remind = |unit: &str| {
        block_on(services::remind(
            &desk.store,
            unit,
            ReminderHow::Call,
            "月底前交",
            Some(d(2026, 11, 30)),
            "小李",
            &[Role::Clerk],
            || desk.f.id(),
            || desk.f.stamp(),
        ))
    };
    assert_eq!(
        remind("3-1-601").unwrap_err(),
        FeesError::Fee(vec![FeeError::NothingOwed])
    );
    let late = block_on(services::remind(
        &desk.store,
        "3-1-502",
        ReminderHow::Call,
        "",
        Some(d(2026, 11, 27)),
        "小李",
        &[Role::Clerk],
        || desk.f.id(),
        || desk.f.stamp(),
    ));
    assert_eq!(
        late.unwrap_err(),
        FeesError::Fee(vec![FeeError::PromiseInPast])
    );
    let r = remind("3-1-502").unwrap();
    assert_eq!((r.months, r.fen), (3, 54000));
    let (owing, problems) = block_on(services::arrears(&desk.store, d(2026, 11, 28))).unwrap();
    assert_eq!(
        owing.iter().map(|o| o.unit.as_str()).collect::<Vec<_>>(),
        vec!["3-1-502", "1-101"]
    );
    // The shop: 50 m² at 5 元 + 0.30 元.
    assert_eq!(owing[1].fen, 26500);
    assert_eq!(owing[0].last_reminder.as_ref().unwrap().answer, "月底前交");
    assert_eq!(
        problems,
        vec![("3-1-701".to_string(), FeeError::NoArea("3-1-701".into()))]
    );
}

#[test]
fn custody_needs_the_agreement_reads_meters_forward_flags_overuse_and_bills_seventy_percent() {
    let desk = Desk::new(at(2026, 11, 28));
    desk.rates();
    desk.open("3-1-502", d(2026, 11, 1)).unwrap();
    let meters = |on: NaiveDate, water: &str, power: &str| MeterForm {
        on: Some(on),
        water: water.into(),
        power: power.into(),
    };
    let start = |agreement: bool, m: &MeterForm| {
        block_on(services::start_custody(
            &desk.store,
            "3-1-502",
            agreement,
            m,
            "小李",
            &[Role::Clerk],
            || desk.f.id(),
            || desk.f.stamp(),
        ))
    };
    assert_eq!(
        start(false, &meters(d(2026, 11, 16), "x", "20")).unwrap_err(),
        FeesError::Fee(vec![FeeError::NoAgreement, FeeError::BadReading])
    );
    assert_eq!(
        start(true, &meters(d(2026, 11, 29), "100", "2000")).unwrap_err(),
        FeesError::Fee(vec![FeeError::FutureDay])
    );
    start(true, &meters(d(2026, 11, 16), "100.0", "2000")).unwrap();
    assert_eq!(
        start(true, &meters(d(2026, 11, 20), "100", "2000")).unwrap_err(),
        FeesError::Fee(vec![FeeError::InCustody(d(2026, 11, 16))])
    );
    let (id, _) = block_on(services::in_custody(&desk.store)).unwrap()[0].clone();
    let read = |m: &MeterForm, end: bool| {
        block_on(services::read_meters(
            &desk.store,
            id,
            m,
            end,
            "小李",
            &[Role::Clerk],
            || desk.f.stamp(),
        ))
    };
    assert_eq!(
        read(&meters(d(2026, 11, 20), "99", "2001"), false).unwrap_err(),
        FeesError::Fee(vec![FeeError::ReadingBack])
    );
    let (_, used) = read(&meters(d(2026, 11, 23), "103.5", "2012.5"), false).unwrap();
    assert_eq!((used.water, used.power, used.flagged()), (35, 125, false));
    let (_, used) = read(&meters(d(2026, 11, 27), "106", "2021"), false).unwrap();
    assert!(used.water_over() && used.power_over());
    let st = desk.status("3-1-502");
    assert!(st.flagged() && st.in_custody().is_some());
    // November: 15 days in full, 15 in custody at 70%: 180 元 × 0.85 = 153 元.
    assert_eq!(st.owed_fen(), 15300);
    // Ended on 1 December: out of custody from that day.
    assert_eq!(
        read(&meters(d(2026, 11, 22), "106", "2021"), false).unwrap_err(),
        FeesError::Fee(vec![FeeError::ReadingBefore(d(2026, 11, 27))])
    );
    assert_eq!(
        read(&meters(d(2026, 12, 1), "106", "2021"), true).unwrap_err(),
        FeesError::Fee(vec![FeeError::FutureDay])
    );
    desk.f.advance_millis(4 * 86_400_000);
    let (c, _) = read(&meters(d(2026, 12, 1), "106", "2021"), true).unwrap();
    assert_eq!(c.end, Some(d(2026, 12, 1)));
    assert!(
        block_on(services::in_custody(&desk.store))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        read(&meters(d(2026, 12, 2), "106", "2021"), false).unwrap_err(),
        FeesError::Fee(vec![FeeError::NotInCustody])
    );
}

#[test]
fn a_payers_name_is_purged_and_what_was_paid_stays() {
    use crate::modules::retention::Retained;
    let p = Payment {
        unit: "3-1-502".into(),
        first: d(2026, 11, 1),
        last: d(2026, 11, 1),
        fen: 18000,
        due_fen: 18000,
        method: Method::Cash,
        receipt: "SF1".into(),
        payer: "张伟".into(),
        note: String::new(),
        taken: Mark {
            at: at(2026, 11, 1),
            by: "小李".into(),
        },
        purged: false,
    };
    assert!(!p.purge_due(at(2026, 11, 30), 30));
    assert!(p.purge_due(at(2026, 12, 2), 30));
    let gone = p.purged();
    assert!(gone.payer.is_empty() && gone.fen == 18000 && gone.purged);
    assert_eq!(month_of(gone.first), d(2026, 11, 1));
}
