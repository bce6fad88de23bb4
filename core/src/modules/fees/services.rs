//! Fees over any [`RecordStore`]: the rates, billing a unit, custody and its readings, a unit's
//! charges and arrears ([`status`], pure, over what the store holds), payments, reminders, the
//! arrears list and the day's takings.

use super::money::{self, days_in, month_of, months, next_month};
use super::{
    COLLECT_FEES, Custody, FeeAccount, FeeError, FeeRates, Mark, Method, Payment, RatesForm,
    Reading, Reminder, ReminderHow, SET_RATES, Use, ix, parse_reading, unit_key,
};
use crate::actor::{Action, Role};
use crate::modules::residents::{Unit, UnitKind, ix as unit_ix};
use crate::record::{Envelope, Record, RecordId, Stamp};
use crate::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all_as};
use crate::time::{day_key, local_date};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::HashMap;

/// Why a fee step did not go through.
#[derive(Debug, PartialEq)]
pub enum FeesError {
    Fee(Vec<FeeError>),
    NotAllowed(Action),
    Store(StoreError),
}

impl From<StoreError> for FeesError {
    fn from(e: StoreError) -> Self {
        FeesError::Store(e)
    }
}

impl From<crate::record::RecordError> for FeesError {
    fn from(e: crate::record::RecordError) -> Self {
        FeesError::Store(e.into())
    }
}

impl From<FeeError> for FeesError {
    fn from(e: FeeError) -> Self {
        FeesError::Fee(vec![e])
    }
}

fn allowed(action: Action, roles: &[Role]) -> Result<(), FeesError> {
    if action.allowed(roles) {
        Ok(())
    } else {
        Err(FeesError::NotAllowed(action))
    }
}

/// One month of a unit's charge, in 分 (see [`money`] for the rounding).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthCharge {
    pub month: NaiveDate,
    /// Days billed (in full or in custody), and of those in custody.
    pub billed_days: u32,
    pub custody_days: u32,
    pub management: i64,
    pub energy: i64,
    pub fixed: i64,
}

impl MonthCharge {
    pub fn total(&self) -> i64 {
        self.management + self.energy + self.fixed
    }
}

/// The rates that apply to `month`: the newest from-month not after it (the later set wins a tie).
pub fn rates_for(rates: &[FeeRates], month: NaiveDate) -> Option<&FeeRates> {
    rates
        .iter()
        .filter(|r| r.from <= month)
        .max_by_key(|r| (r.from, r.set.at))
}

/// What a unit is charged for each of `wanted` (first days of months, any order), billed from
/// `from`, with `custody` periods, `area_cm2` hundredths of a m² of `kind`.
pub fn charges(
    area_cm2: i64,
    kind: UnitKind,
    from: NaiveDate,
    custody: &[Custody],
    rates: &[FeeRates],
    wanted: &[NaiveDate],
) -> Result<Vec<MonthCharge>, FeeError> {
    let mut by_year: HashMap<i32, NaiveDate> = HashMap::new();
    for m in wanted {
        let e = by_year.entry(m.year()).or_insert(*m);
        *e = (*e).max(month_of(*m));
    }
    let mut out: HashMap<NaiveDate, MonthCharge> = HashMap::new();
    for (year, last) in by_year {
        let jan = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(FeeError::BadMonth)?;
        let ms = months(jan, last);
        let mut exact = [Vec::new(), Vec::new(), Vec::new()];
        let mut days = Vec::new();
        for m in &ms {
            let d = days_in(*m);
            let (mut u, mut billed, mut kept) = ([0i128; 3], 0, 0);
            let r = rates_for(rates, *m);
            let mut day = *m;
            while day < next_month(*m) {
                if day >= from {
                    let r = r.ok_or(FeeError::NoRates(*m))?;
                    let held = custody.iter().any(|c| c.covers(day));
                    let w = if held { r.custody_percent } else { 100 };
                    billed += 1;
                    kept += u32::from(held);
                    u[0] += money::day_units(area_cm2, r.management(kind), w, d);
                    u[1] += money::day_units(area_cm2, r.energy, w, d);
                    let flat: i64 = r.fixed.iter().map(|f| f.fen).sum();
                    u[2] += money::flat_day_units(flat, 100, d);
                }
                day = day.succ_opt().ok_or(FeeError::BadMonth)?;
            }
            for (e, x) in exact.iter_mut().zip(u) {
                e.push(x);
            }
            days.push((billed, kept));
        }
        let fen: Vec<Vec<i64>> = exact.iter().map(|e| money::rounded_in_year(e)).collect();
        for (i, m) in ms.iter().enumerate() {
            out.insert(
                *m,
                MonthCharge {
                    month: *m,
                    billed_days: days[i].0,
                    custody_days: days[i].1,
                    management: fen[0][i],
                    energy: fen[1][i],
                    fixed: fen[2][i],
                },
            );
        }
    }
    Ok(wanted
        .iter()
        .filter_map(|m| out.get(&month_of(*m)).copied())
        .collect())
}

/// A unit's fees as the desk sees them on `today`.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub unit: String,
    pub area_m2: Option<f64>,
    pub kind: Option<UnitKind>,
    pub account: Option<FeeAccount>,
    /// From the month billing started to this month.
    pub months: Vec<MonthCharge>,
    /// Why the months could not be counted (no area, no rates).
    pub problem: Option<FeeError>,
    pub payments: Vec<Payment>,
    pub custody: Vec<(RecordId, Custody)>,
    pub reminders: Vec<Reminder>,
    /// Every rate set, for what other months come to.
    pub rates: Vec<FeeRates>,
}

impl Status {
    /// Whether a payment covers `month`.
    pub fn paid(&self, month: NaiveDate) -> bool {
        self.payments
            .iter()
            .any(|p| p.first <= month && month <= p.last)
    }
    /// The months billed so far and not paid, oldest first.
    pub fn owed(&self) -> Vec<MonthCharge> {
        self.months
            .iter()
            .filter(|m| m.total() > 0 && !self.paid(m.month))
            .copied()
            .collect()
    }
    pub fn owed_fen(&self) -> i64 {
        self.owed().iter().map(|m| m.total()).sum()
    }
    /// The custody open now, if any.
    pub fn in_custody(&self) -> Option<&(RecordId, Custody)> {
        self.custody.iter().find(|(_, c)| c.end.is_none())
    }
    /// Over the meter limits in any custody period.
    pub fn flagged(&self) -> bool {
        self.custody
            .iter()
            .any(|(_, c)| c.used().is_some_and(|u| u.flagged()))
    }
    /// Fees cleared: billed, counted, and nothing owed.
    pub fn cleared(&self) -> bool {
        self.account.is_some() && self.problem.is_none() && self.owed().is_empty()
    }
}

/// Counts a unit's status from what is stored about it.
#[allow(clippy::too_many_arguments)]
pub fn status(
    unit: &str,
    found: Option<&Unit>,
    account: Option<FeeAccount>,
    custody: Vec<(RecordId, Custody)>,
    mut payments: Vec<Payment>,
    mut reminders: Vec<Reminder>,
    rates: &[FeeRates],
    today: NaiveDate,
) -> Status {
    payments.sort_by_key(|p| p.first);
    reminders.sort_by_key(|r| std::cmp::Reverse(r.made.at));
    let area = found.and_then(|u| u.area_m2);
    let kind = found.map(|u| u.kind);
    let (mut months_v, mut problem) = (Vec::new(), None);
    if let Some(a) = &account {
        let held: Vec<Custody> = custody.iter().map(|(_, c)| c.clone()).collect();
        match area.and_then(money::area_cm2) {
            None => problem = Some(FeeError::NoArea(unit.to_string())),
            Some(cm2) => {
                // Billing that starts after this month owes nothing yet.
                let wanted = if month_of(a.from) > month_of(today) {
                    Vec::new()
                } else {
                    months(a.from, today)
                };
                match charges(
                    cm2,
                    kind.unwrap_or(UnitKind::Residential),
                    a.from,
                    &held,
                    rates,
                    &wanted,
                ) {
                    Ok(v) => months_v = v,
                    Err(e) => problem = Some(e),
                }
            }
        }
    }
    Status {
        unit: unit.to_string(),
        area_m2: area,
        kind,
        account,
        months: months_v,
        problem,
        payments,
        custody,
        reminders,
        rates: rates.to_vec(),
    }
}

fn by_unit(kind: &str, unit: &str) -> ListQuery {
    ListQuery::by(kind, ix::UNIT, KeyRange::Exact(unit.to_string()), 200)
}

/// Every rate set.
pub async fn rates<S: RecordStore>(store: &S) -> Result<Vec<FeeRates>, StoreError> {
    Ok(
        list_all_as::<S, FeeRates>(store, ListQuery::recent(FeeRates::KIND, 100))
            .await?
            .into_iter()
            .map(|(_, r)| r)
            .collect(),
    )
}

/// Sets the rates from a month on (a supervisor).
pub async fn set_rates<S: RecordStore>(
    store: &S,
    form: &RatesForm,
    by: &str,
    roles: &[Role],
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<FeeRates, FeesError> {
    allowed(SET_RATES, roles)?;
    let at = stamp();
    let r = form.parse(by, at.now).map_err(FeesError::Fee)?;
    // The first rates may go back to when billing began; later ones never rewrite months past.
    let this_month = month_of(local_date(at.now));
    if r.from < this_month && !rates(store).await?.is_empty() {
        return Err(FeeError::RatesBackdated(this_month).into());
    }
    store.put(&Envelope::create(&r, new_id(), at)?).await?;
    Ok(r)
}

async fn unit_of<S: RecordStore>(store: &S, unit: &str) -> Result<Option<Unit>, StoreError> {
    Ok(list_all_as::<S, Unit>(
        store,
        ListQuery::by(
            Unit::KIND,
            unit_ix::UNIT,
            KeyRange::Exact(unit.to_string()),
            5,
        ),
    )
    .await?
    .into_iter()
    .map(|(_, u)| u)
    .next())
}

async fn account_of<S: RecordStore>(
    store: &S,
    unit: &str,
) -> Result<Option<FeeAccount>, StoreError> {
    Ok(
        list_all_as::<S, FeeAccount>(store, by_unit(FeeAccount::KIND, unit))
            .await?
            .into_iter()
            .map(|(_, a)| a)
            .min_by_key(|a| a.from),
    )
}

/// The unit `typed`'s fees on `today`.
pub async fn unit_status<S: RecordStore>(
    store: &S,
    typed: &str,
    today: NaiveDate,
) -> Result<Status, FeesError> {
    let unit = unit_key(typed)?;
    let found = unit_of(store, &unit).await?;
    let custody = list_all_as::<S, Custody>(store, by_unit(Custody::KIND, &unit))
        .await?
        .into_iter()
        .map(|(e, c)| (e.meta.id, c))
        .collect();
    let payments = list_all_as::<S, Payment>(store, by_unit(Payment::KIND, &unit))
        .await?
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    let reminders = list_all_as::<S, Reminder>(store, by_unit(Reminder::KIND, &unit))
        .await?
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    Ok(status(
        &unit,
        found.as_ref(),
        account_of(store, &unit).await?,
        custody,
        payments,
        reminders,
        &rates(store).await?,
        today,
    ))
}

/// Bills the unit `typed` from `from`.
pub async fn open_account<S: RecordStore>(
    store: &S,
    typed: &str,
    from: Option<NaiveDate>,
    by: &str,
    roles: &[Role],
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<FeeAccount, FeesError> {
    allowed(COLLECT_FEES, roles)?;
    let unit = unit_key(typed)?;
    let from = from.ok_or(FeeError::BadDate)?;
    if unit_of(store, &unit).await?.is_none() {
        return Err(FeeError::UnknownUnit(unit).into());
    }
    if let Some(a) = account_of(store, &unit).await? {
        return Err(FeeError::AccountExists(a.from).into());
    }
    let at = stamp();
    let a = FeeAccount {
        unit,
        from,
        opened: Mark {
            at: at.now,
            by: by.to_string(),
        },
    };
    store.put(&Envelope::create(&a, new_id(), at)?).await?;
    Ok(a)
}

/// What the clerk types for a payment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PayForm {
    pub unit: String,
    /// `YYYY-MM`.
    pub first: String,
    pub last: String,
    /// 元; blank: what is due.
    pub amount: String,
    pub method: Option<Method>,
    /// Blank: one is made up (`SF20261128-7K3M`).
    pub receipt: String,
    pub payer: String,
    pub note: String,
}

/// What `first..=last` comes to for the unit, in 分: refused before billing started, for a month
/// paid already, without a floor area or rates.
pub fn due(status: &Status, first: NaiveDate, last: NaiveDate) -> Result<i64, FeeError> {
    let account = status
        .account
        .as_ref()
        .ok_or_else(|| FeeError::NoAccount(status.unit.clone()))?;
    let (first, last) = (month_of(first), month_of(last));
    if first < month_of(account.from) || last < first || months(first, last).len() > 36 {
        return Err(FeeError::BadMonths);
    }
    if let Some(m) = months(first, last).into_iter().find(|m| status.paid(*m)) {
        return Err(FeeError::PaidAlready(m));
    }
    let area = status
        .area_m2
        .and_then(money::area_cm2)
        .ok_or_else(|| FeeError::NoArea(status.unit.clone()))?;
    let held: Vec<Custody> = status.custody.iter().map(|(_, c)| c.clone()).collect();
    Ok(charges(
        area,
        status.kind.unwrap_or(UnitKind::Residential),
        account.from,
        &held,
        &status.rates,
        &months(first, last),
    )?
    .iter()
    .map(|m| m.total())
    .sum())
}

/// A receipt number no one typed: the day and four characters.
pub fn receipt_no(now: DateTime<Utc>, mut random: u64) -> String {
    const CHARS: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";
    let tail: String = (0..4)
        .map(|_| {
            let c = CHARS[(random % CHARS.len() as u64) as usize] as char;
            random /= CHARS.len() as u64;
            c
        })
        .collect();
    format!("SF{}-{tail}", local_date(now).format("%Y%m%d"))
}

/// Takes a payment for the months of `form` (what they come to, unless a note says why not).
pub async fn pay<S: RecordStore>(
    store: &S,
    form: &PayForm,
    by: &str,
    roles: &[Role],
    new_id: impl Fn() -> RecordId,
    random: impl FnOnce() -> u64,
    stamp: impl Fn() -> Stamp,
) -> Result<(RecordId, Payment), FeesError> {
    allowed(COLLECT_FEES, roles)?;
    let at = stamp();
    let st = unit_status(store, &form.unit, local_date(at.now)).await?;
    let mut errs = Vec::new();
    let first = money::parse_month(&form.first);
    let last = money::parse_month(&form.last).or(first);
    let due_fen = match (first, last) {
        (Some(f), Some(l)) => due(&st, f, l).map_err(|e| errs.push(e)).unwrap_or(0),
        _ => {
            errs.push(FeeError::BadMonth);
            0
        }
    };
    let fen = match form.amount.trim() {
        "" => due_fen,
        t => money::parse_yuan(t).unwrap_or_else(|| {
            errs.push(FeeError::BadAmount);
            due_fen
        }),
    };
    if errs.is_empty() && fen > due_fen {
        errs.push(FeeError::MoreThanDue(due_fen));
    } else if errs.is_empty() && fen < due_fen {
        if !SET_RATES.allowed(roles) {
            errs.push(FeeError::LessNeedsSupervisor(due_fen));
        } else if form.note.trim().is_empty() {
            errs.push(FeeError::AmountDiffers(due_fen));
        }
    }
    let typed_receipt: String = form.receipt.trim().chars().take(40).collect();
    if !typed_receipt.is_empty()
        && !store
            .list(&ListQuery::by(
                Payment::KIND,
                ix::RECEIPT,
                KeyRange::Exact(typed_receipt.clone()),
                1,
            ))
            .await?
            .items
            .is_empty()
    {
        errs.push(FeeError::ReceiptUsed(typed_receipt.clone()));
    }
    if form.method.is_none() {
        errs.push(FeeError::NoMethod);
    }
    if !errs.is_empty() {
        return Err(FeesError::Fee(errs));
    }
    let receipt = if typed_receipt.is_empty() {
        receipt_no(at.now, random())
    } else {
        typed_receipt
    };
    let p = Payment {
        unit: st.unit.clone(),
        first: first.unwrap_or_default(),
        last: last.unwrap_or_default(),
        fen,
        due_fen,
        method: form.method.unwrap_or(Method::Cash),
        receipt,
        payer: form.payer.trim().to_string(),
        note: form.note.trim().to_string(),
        taken: Mark {
            at: at.now,
            by: by.to_string(),
        },
        purged: false,
    };
    let id = new_id();
    store.put(&Envelope::create(&p, id, at)?).await?;
    Ok((id, p))
}

/// One payment.
pub async fn payment<S: RecordStore>(store: &S, id: RecordId) -> Result<Payment, StoreError> {
    store
        .get(Payment::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or(StoreError::NotFound {
            kind: Payment::KIND.into(),
            id,
        })?
        .decode()
        .map_err(Into::into)
}

/// Records a reminder to the unit `typed` of what it owes now.
#[allow(clippy::too_many_arguments)]
pub async fn remind<S: RecordStore>(
    store: &S,
    typed: &str,
    how: ReminderHow,
    answer: &str,
    promised: Option<NaiveDate>,
    by: &str,
    roles: &[Role],
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<Reminder, FeesError> {
    allowed(COLLECT_FEES, roles)?;
    let at = stamp();
    if promised.is_some_and(|d| d < local_date(at.now)) {
        return Err(FeeError::PromiseInPast.into());
    }
    let st = unit_status(store, typed, local_date(at.now)).await?;
    let owed = st.owed();
    if owed.is_empty() {
        return Err(FeeError::NothingOwed.into());
    }
    let r = Reminder {
        unit: st.unit.clone(),
        how,
        answer: answer.trim().to_string(),
        promised,
        months: owed.len() as u32,
        fen: st.owed_fen(),
        made: Mark {
            at: at.now,
            by: by.to_string(),
        },
    };
    store.put(&Envelope::create(&r, new_id(), at)?).await?;
    Ok(r)
}

/// A unit that owes, for the reminder list.
#[derive(Clone, Debug, PartialEq)]
pub struct Owing {
    pub unit: String,
    pub months: Vec<NaiveDate>,
    pub fen: i64,
    pub last_reminder: Option<Reminder>,
    pub in_custody: bool,
}

/// Every billed unit that owes on `today`, most owed first; and the units whose fees could not
/// be counted (no area, no rates), with why.
pub async fn arrears<S: RecordStore>(
    store: &S,
    today: NaiveDate,
) -> Result<(Vec<Owing>, Vec<(String, FeeError)>), StoreError> {
    fn group<T>(
        v: Vec<(Envelope, T)>,
        unit: impl Fn(&T) -> &str,
    ) -> HashMap<String, Vec<(RecordId, T)>> {
        let mut m: HashMap<String, Vec<(RecordId, T)>> = HashMap::new();
        for (e, t) in v {
            m.entry(unit(&t).to_string())
                .or_default()
                .push((e.meta.id, t));
        }
        m
    }
    let accounts =
        list_all_as::<S, FeeAccount>(store, ListQuery::recent(FeeAccount::KIND, 500)).await?;
    let units: HashMap<String, Unit> =
        list_all_as::<S, Unit>(store, ListQuery::recent(Unit::KIND, 500))
            .await?
            .into_iter()
            .map(|(_, u)| (u.no.key(), u))
            .collect();
    let mut custody = group(
        list_all_as::<S, Custody>(store, ListQuery::recent(Custody::KIND, 500)).await?,
        |c| &c.unit,
    );
    let mut payments = group(
        list_all_as::<S, Payment>(store, ListQuery::recent(Payment::KIND, 500)).await?,
        |p| &p.unit,
    );
    let mut reminders = group(
        list_all_as::<S, Reminder>(store, ListQuery::recent(Reminder::KIND, 500)).await?,
        |r| &r.unit,
    );
    let rates = rates(store).await?;
    let (mut owing, mut problems) = (Vec::new(), Vec::new());
    let mut seen = std::collections::HashSet::new();
    for (_, a) in accounts {
        if !seen.insert(a.unit.clone()) {
            continue;
        }
        let unit = a.unit.clone();
        let st = status(
            &unit,
            units.get(&unit),
            Some(a),
            custody.remove(&unit).unwrap_or_default(),
            payments
                .remove(&unit)
                .unwrap_or_default()
                .into_iter()
                .map(|(_, p)| p)
                .collect(),
            reminders
                .remove(&unit)
                .unwrap_or_default()
                .into_iter()
                .map(|(_, r)| r)
                .collect(),
            &rates,
            today,
        );
        if let Some(p) = st.problem.clone() {
            problems.push((unit, p));
            continue;
        }
        let owed = st.owed();
        if owed.is_empty() {
            continue;
        }
        owing.push(Owing {
            unit,
            months: owed.iter().map(|m| m.month).collect(),
            fen: st.owed_fen(),
            last_reminder: st.reminders.first().cloned(),
            in_custody: st.in_custody().is_some(),
        });
    }
    owing.sort_by(|a, b| b.fen.cmp(&a.fen).then_with(|| a.unit.cmp(&b.unit)));
    problems.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((owing, problems))
}

/// The payments taken on the China day `day`, newest first, and the totals by method.
pub async fn day_payments<S: RecordStore>(
    store: &S,
    day: NaiveDate,
) -> Result<(Vec<(RecordId, Payment)>, Vec<(Method, i64)>), StoreError> {
    let key = day_key(crate::time::at_local(day, chrono::NaiveTime::MIN));
    let mut v: Vec<(RecordId, Payment)> = list_all_as::<S, Payment>(
        store,
        ListQuery::by(Payment::KIND, ix::DAY, KeyRange::Exact(key), 500),
    )
    .await?
    .into_iter()
    .map(|(e, p)| (e.meta.id, p))
    .collect();
    v.sort_by_key(|(_, p)| std::cmp::Reverse(p.taken.at));
    let totals = Method::ALL
        .iter()
        .map(|m| {
            (
                *m,
                v.iter()
                    .filter(|(_, p)| p.method == *m)
                    .map(|(_, p)| p.fen)
                    .sum(),
            )
        })
        .filter(|(_, t): &(Method, i64)| *t != 0)
        .collect();
    Ok((v, totals))
}

/// What the clerk types for a custody start, a reading or the end.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeterForm {
    pub on: Option<NaiveDate>,
    pub water: String,
    pub power: String,
}

impl MeterForm {
    fn reading(&self, by: &str) -> Result<Reading, Vec<FeeError>> {
        let mut errs = Vec::new();
        if self.on.is_none() {
            errs.push(FeeError::BadDate);
        }
        let (water, power) = (parse_reading(&self.water), parse_reading(&self.power));
        if water.is_none() || power.is_none() {
            errs.push(FeeError::BadReading);
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Reading {
            on: self.on.unwrap_or_default(),
            water: water.unwrap_or(0),
            power: power.unwrap_or(0),
            by: by.to_string(),
        })
    }
}

/// Puts the unit `typed` in custody from the form's day, with the agreement signed and the
/// meters read.
#[allow(clippy::too_many_arguments)]
pub async fn start_custody<S: RecordStore>(
    store: &S,
    typed: &str,
    agreement: bool,
    meters: &MeterForm,
    by: &str,
    roles: &[Role],
    new_id: impl Fn() -> RecordId,
    stamp: impl Fn() -> Stamp,
) -> Result<Custody, FeesError> {
    allowed(COLLECT_FEES, roles)?;
    let unit = unit_key(typed)?;
    let mut errs = Vec::new();
    if !agreement {
        errs.push(FeeError::NoAgreement);
    }
    let reading = meters.reading(by).map_err(|e| errs.extend(e)).ok();
    let today = local_date(stamp().now);
    if reading.as_ref().is_some_and(|r| r.on > today) {
        errs.push(FeeError::FutureDay);
    }
    if unit_of(store, &unit).await?.is_none() {
        errs.push(FeeError::UnknownUnit(unit.clone()));
    }
    if let Some((_, open)) = list_all_as::<S, Custody>(store, by_unit(Custody::KIND, &unit))
        .await?
        .into_iter()
        .find(|(_, c)| c.end.is_none())
    {
        errs.push(FeeError::InCustody(open.start));
    }
    if !errs.is_empty() {
        return Err(FeesError::Fee(errs));
    }
    let reading = reading.ok_or(FeeError::BadReading)?;
    let at = stamp();
    let c = Custody {
        unit,
        agreement,
        start: reading.on,
        readings: vec![reading],
        end: None,
        opened: Mark {
            at: at.now,
            by: by.to_string(),
        },
        closed: None,
    };
    store.put(&Envelope::create(&c, new_id(), at)?).await?;
    Ok(c)
}

/// Reads the meters of the custody `id` (`end`: the last reading, the unit out of custody from
/// that day); what it has used so far.
pub async fn read_meters<S: RecordStore>(
    store: &S,
    id: RecordId,
    meters: &MeterForm,
    end: bool,
    by: &str,
    roles: &[Role],
    stamp: impl Fn() -> Stamp,
) -> Result<(Custody, Use), FeesError> {
    allowed(COLLECT_FEES, roles)?;
    let env = store
        .get(Custody::KIND, id)
        .await?
        .filter(|e| !e.meta.deleted)
        .ok_or(StoreError::NotFound {
            kind: Custody::KIND.into(),
            id,
        })?;
    let mut c: Custody = env.decode()?;
    if c.end.is_some() {
        return Err(FeeError::NotInCustody.into());
    }
    let r = meters.reading(by).map_err(FeesError::Fee)?;
    let at = stamp();
    if r.on > local_date(at.now) {
        return Err(FeeError::FutureDay.into());
    }
    let last = c.readings.last().cloned();
    if let Some(l) = &last {
        if r.on < l.on || r.on < c.start {
            return Err(FeeError::ReadingBefore(l.on.max(c.start)).into());
        }
        if r.water < l.water || r.power < l.power {
            return Err(FeeError::ReadingBack.into());
        }
    }
    if end {
        c.end = Some(r.on);
        c.closed = Some(Mark {
            at: at.now,
            by: by.to_string(),
        });
    }
    c.readings.push(r);
    store.put(&env.update(&c, at)?).await?;
    let used = c.used().unwrap_or(Use { water: 0, power: 0 });
    Ok((c, used))
}

/// Units in custody now, by unit.
pub async fn in_custody<S: RecordStore>(store: &S) -> Result<Vec<(RecordId, Custody)>, StoreError> {
    let mut v: Vec<(RecordId, Custody)> = list_all_as::<S, Custody>(
        store,
        ListQuery::by(Custody::KIND, ix::OPEN, KeyRange::All, 500),
    )
    .await?
    .into_iter()
    .map(|(e, c)| (e.meta.id, c))
    .collect();
    v.sort_by(|a, b| a.1.unit.cmp(&b.1.unit));
    Ok(v)
}
