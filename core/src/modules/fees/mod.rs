//! 物业费 and 托管: the desk's part in fees (not an accounting system: no ledger, no invoices).
//!
//! The office sets its rates ([`FeeRates`], from a month on): the management fee per m² per month
//! by unit type, the public-energy share (0.3 元/(m²·月) by default), custody at a percentage of
//! the full fee (70 by default) and fixed monthly items. A unit is billed from a day on
//! ([`FeeAccount`]); its monthly charge comes from its floor area and type in the directory and
//! its custody periods ([`Custody`]), in integer 分 ([`money`] says how it is rounded). The desk
//! records payments ([`Payment`]: the months covered, amount, method, receipt number), sees the
//! arrears per unit, and records reminders (催缴, [`Reminder`]). A unit in custody has its meters
//! read at the start, during and at the end; more than 5 of water or 20 of electricity over the
//! custody period is flagged.

pub mod csv;
pub mod money;
pub mod services;

use crate::actor::{Action, Role};
use crate::lang::{Lang, Localized, labelled_enum};
use crate::record::{Meta, Record};
use crate::time::{day_key, local_date};
use crate::unit_no::UnitNo;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

labelled_enum!(Method {
    Cash => "cash", "现金", "Cash", [];
    Wechat => "wechat", "微信", "WeChat Pay", [];
    Alipay => "alipay", "支付宝", "Alipay", [];
    Bank => "bank", "银行转账", "Bank transfer", [];
    Pos => "pos", "POS刷卡", "POS card", [];
});

labelled_enum!(ReminderHow {
    Call => "call", "电话", "Phone call", [];
    Notice => "notice", "张贴/送达通知", "Notice", [];
    Letter => "letter", "催缴函", "Letter", [];
    Visit => "visit", "上门", "Visit", [];
});

/// Who did something, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub at: DateTime<Utc>,
    pub by: String,
}

/// A fixed monthly item (垃圾清运费 10 元/月).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedItem {
    pub item: String,
    pub fen: i64,
}

/// The office's rates from a month on (the newest from-month not after a month applies to it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeRates {
    /// The first day of the first month they apply to.
    pub from: NaiveDate,
    /// Management fee, 分 per m² per month: residential, shop, office.
    pub residential: i64,
    pub shop: i64,
    pub office: i64,
    /// The owner's share of the public energy, 分 per m² per month.
    pub energy: i64,
    /// A unit in custody pays this percent of the full fee (management and energy).
    pub custody_percent: u8,
    #[serde(default)]
    pub fixed: Vec<FixedItem>,
    pub set: Mark,
}

/// What the supervisor types for the rates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RatesForm {
    pub from: String,
    pub residential: String,
    pub shop: String,
    pub office: String,
    pub energy: String,
    pub custody_percent: String,
    /// `(name, 元 a month)`; blank lines are left out.
    pub fixed: Vec<(String, String)>,
}

/// A unit billed from a day on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeAccount {
    pub unit: String,
    pub from: NaiveDate,
    pub opened: Mark,
}

/// A meter reading: water and electricity in tenths.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub on: NaiveDate,
    pub water: i64,
    pub power: i64,
    pub by: String,
}

/// A unit in custody (托管): the agreement signed, from a day, with its readings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Custody {
    pub unit: String,
    /// 《托管协议》 signed.
    pub agreement: bool,
    pub start: NaiveDate,
    /// The first is the start's; the last, once ended, the end's.
    pub readings: Vec<Reading>,
    /// The first day out of custody.
    #[serde(default)]
    pub end: Option<NaiveDate>,
    pub opened: Mark,
    #[serde(default)]
    pub closed: Option<Mark>,
}

/// Over the custody period, at most this much water (tenths: 5) and electricity (20).
pub const WATER_LIMIT: i64 = 50;
pub const POWER_LIMIT: i64 = 200;

/// What the meters say over a custody period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Use {
    pub water: i64,
    pub power: i64,
}

impl Use {
    pub fn water_over(&self) -> bool {
        self.water > WATER_LIMIT
    }
    pub fn power_over(&self) -> bool {
        self.power > POWER_LIMIT
    }
    pub fn flagged(&self) -> bool {
        self.water_over() || self.power_over()
    }
}

impl Custody {
    /// Used since the start, by the newest reading.
    pub fn used(&self) -> Option<Use> {
        let (first, last) = (self.readings.first()?, self.readings.last()?);
        Some(Use {
            water: last.water - first.water,
            power: last.power - first.power,
        })
    }
    /// In custody on `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        day >= self.start && self.end.is_none_or(|e| day < e)
    }
}

/// A payment at the desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub unit: String,
    /// The months covered (first days), first and last.
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub fen: i64,
    /// What the months came to at the time.
    pub due_fen: i64,
    pub method: Method,
    pub receipt: String,
    /// Who paid.
    #[serde(default)]
    pub payer: String,
    #[serde(default)]
    pub note: String,
    pub taken: Mark,
    #[serde(default)]
    pub purged: bool,
}

/// A reminder (催缴): how, the answer, and the day promised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub unit: String,
    pub how: ReminderHow,
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub promised: Option<NaiveDate>,
    /// The arrears when reminded.
    pub months: u32,
    pub fen: i64,
    pub made: Mark,
}

/// What was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeeError {
    BadMonth,
    /// A rate that is not money (the field's name).
    BadRate(&'static str),
    BadPercent,
    /// A fixed item line without its name or amount (the line number).
    BadFixed(usize),
    BadUnit,
    /// No floor area in the directory for the unit.
    NoArea(String),
    /// No rates for the month (the month).
    NoRates(NaiveDate),
    /// The unit is not billed yet.
    NoAccount(String),
    /// Billed already, from the day.
    AccountExists(NaiveDate),
    BadDate,
    /// Months before billing started, or the last before the first.
    BadMonths,
    /// Paid already (the month).
    PaidAlready(NaiveDate),
    BadAmount,
    NoMethod,
    /// An amount other than what is due needs a note (what is due).
    AmountDiffers(i64),
    /// Already in custody (since the day).
    InCustody(NaiveDate),
    NotInCustody,
    NoAgreement,
    /// A meter reading that is not a number with at most one decimal.
    BadReading,
    /// A reading lower than the one before (which).
    ReadingBack,
    /// Nothing owed: no reminder.
    NothingOwed,
    NotAllowed,
    /// The unit is not in the residents directory.
    UnknownUnit(String),
    /// More than what is due (what is due).
    MoreThanDue(i64),
    /// Less than what is due, taken by a clerk (what is due): a supervisor's decision.
    LessNeedsSupervisor(i64),
    /// A receipt number already used.
    ReceiptUsed(String),
    /// A day after today.
    FutureDay,
    /// A reading dated before the last one (its day).
    ReadingBefore(NaiveDate),
    /// Rates set before the month of today, once rates exist (this month).
    RatesBackdated(NaiveDate),
    /// A promised day already past.
    PromiseInPast,
}

impl Localized for FeeError {
    fn message(&self, lang: Lang) -> String {
        match self {
            FeeError::BadMonth => lang
                .pick("月份格式如 2026-11", "A month is written like 2026-11")
                .into(),
            FeeError::BadRate(f) => match lang {
                Lang::Zh => format!("“{f}”请填金额(元,最多两位小数)"),
                Lang::En => format!("{f}: give an amount in yuan, at most two decimals"),
            },
            FeeError::BadPercent => lang
                .pick("托管收费比例填 0 到 100", "The custody share is 0 to 100")
                .into(),
            FeeError::BadFixed(n) => match lang {
                Lang::Zh => format!("第 {n} 个固定收费项:请写名称和每月金额"),
                Lang::En => format!("Fixed item {n}: give its name and monthly amount"),
            },
            FeeError::BadUnit => lang
                .pick("房号格式如 3-1-502", "A unit is written like 3-1-502")
                .into(),
            FeeError::NoArea(u) => match lang {
                Lang::Zh => format!("住户档案里没有 {u} 的建筑面积:请先在“住户”中登记"),
                Lang::En => {
                    format!("The directory has no floor area for {u}: add it there first")
                }
            },
            FeeError::NoRates(m) => match lang {
                Lang::Zh => format!(
                    "{} 没有收费标准:请主管先设置收费标准",
                    money::month_text(*m)
                ),
                Lang::En => format!(
                    "No rates for {}: a supervisor sets them first",
                    money::month_text(*m)
                ),
            },
            FeeError::NoAccount(u) => match lang {
                Lang::Zh => format!("{u} 还没有开始计费:请先填写起始日期"),
                Lang::En => format!("{u} is not billed yet: give the day billing starts"),
            },
            FeeError::AccountExists(d) => match lang {
                Lang::Zh => format!("这个房屋已从 {d} 开始计费"),
                Lang::En => format!("This unit is billed from {d} already"),
            },
            FeeError::BadDate => lang.pick("请选择日期", "Choose a day").into(),
            FeeError::BadMonths => lang
                .pick(
                    "所缴月份须在计费开始之后,且截止月份不早于起始月份",
                    "The months must be after billing started, the last not before the first",
                )
                .into(),
            FeeError::PaidAlready(m) => match lang {
                Lang::Zh => format!("{} 已经缴过,不能重复收费", money::month_text(*m)),
                Lang::En => format!("{} is paid already", money::month_text(*m)),
            },
            FeeError::BadAmount => lang
                .pick(
                    "金额请填元,最多两位小数",
                    "Give the amount in yuan, at most two decimals",
                )
                .into(),
            FeeError::NoMethod => lang.pick("请选择缴费方式", "Choose how it was paid").into(),
            FeeError::AmountDiffers(due) => match lang {
                Lang::Zh => format!(
                    "应收 {} 元;实收金额不同时请在备注写明原因",
                    money::yuan(*due)
                ),
                Lang::En => format!(
                    "{} yuan is due: an amount other than that needs a note saying why",
                    money::yuan(*due)
                ),
            },
            FeeError::InCustody(d) => match lang {
                Lang::Zh => format!("这个房屋自 {d} 起已在托管中"),
                Lang::En => format!("This unit is in custody since {d}"),
            },
            FeeError::NotInCustody => lang
                .pick("这个房屋不在托管中", "This unit is not in custody")
                .into(),
            FeeError::NoAgreement => lang
                .pick(
                    "托管须先签订《托管协议》,请核实后勾选",
                    "Custody needs the signed agreement: check and tick it",
                )
                .into(),
            FeeError::BadReading => lang
                .pick(
                    "水表、电表读数请填数字(最多一位小数)",
                    "Meter readings are numbers with at most one decimal",
                )
                .into(),
            FeeError::ReadingBack => lang
                .pick(
                    "读数比上次还小,请核对水表、电表",
                    "A reading is below the last one: check the meters",
                )
                .into(),
            FeeError::NothingOwed => lang
                .pick("这个房屋没有欠费", "This unit owes nothing")
                .into(),
            FeeError::UnknownUnit(u) => match lang {
                Lang::Zh => format!("住户档案里没有房屋 {u}:请先在“住户”中登记(含建筑面积)"),
                Lang::En => format!(
                    "The directory has no unit {u}: add it under Residents first, with its floor area"
                ),
            },
            FeeError::MoreThanDue(due) => match lang {
                Lang::Zh => format!(
                    "实收不能多于应收 {} 元;预缴请把截止月份选到以后的月份",
                    money::yuan(*due)
                ),
                Lang::En => format!(
                    "No more than the {} yuan due: to pay ahead, choose a later last month",
                    money::yuan(*due)
                ),
            },
            FeeError::LessNeedsSupervisor(due) => match lang {
                Lang::Zh => format!(
                    "应收 {} 元;少收(减免)须由主管办理并写明原因",
                    money::yuan(*due)
                ),
                Lang::En => format!(
                    "{} yuan is due: taking less (a reduction) is a supervisor's decision, with a note",
                    money::yuan(*due)
                ),
            },
            FeeError::ReceiptUsed(r) => match lang {
                Lang::Zh => format!("收据号 {r} 已经用过,请核对"),
                Lang::En => format!("Receipt number {r} is used already: check it"),
            },
            FeeError::FutureDay => lang
                .pick("日期不能晚于今天", "The day cannot be after today")
                .into(),
            FeeError::ReadingBefore(d) => match lang {
                Lang::Zh => format!("抄表日期不能早于上次抄表({d})"),
                Lang::En => format!("A reading cannot be dated before the last one ({d})"),
            },
            FeeError::PromiseInPast => lang
                .pick(
                    "承诺缴费日不能早于今天",
                    "The day promised cannot be before today",
                )
                .into(),
            FeeError::RatesBackdated(m) => match lang {
                Lang::Zh => format!(
                    "新的收费标准只能从本月({})或以后起算,已收的月份不受影响",
                    money::month_text(*m)
                ),
                Lang::En => format!(
                    "New rates apply from this month ({}) or later, so months already charged stay as they were",
                    money::month_text(*m)
                ),
            },
            FeeError::NotAllowed => lang
                .pick("收费标准由主管设置", "A supervisor sets the rates")
                .into(),
        }
    }
}

/// Take payments, open accounts, record custody and reminders.
pub const COLLECT_FEES: Action = Action::new(
    "collect_fees",
    &[Role::Clerk, Role::Supervisor],
    "收费与催缴",
    "take payments and reminders",
);

/// Set the rates.
pub const SET_RATES: Action = Action::new(
    "set_rates",
    &[Role::Supervisor],
    "设置收费标准",
    "set the rates",
);

fn rate(s: &str, name: &'static str, errs: &mut Vec<FeeError>) -> i64 {
    money::parse_yuan(s).unwrap_or_else(|| {
        errs.push(FeeError::BadRate(name));
        0
    })
}

impl RatesForm {
    /// The form's rates set by `by` at `now`.
    pub fn parse(&self, by: &str, now: DateTime<Utc>) -> Result<FeeRates, Vec<FeeError>> {
        let mut errs = Vec::new();
        let from = money::parse_month(&self.from);
        if from.is_none() {
            errs.push(FeeError::BadMonth);
        }
        let residential = rate(&self.residential, "住宅物业费", &mut errs);
        let shop = rate(&self.shop, "商铺物业费", &mut errs);
        let office = rate(&self.office, "办公物业费", &mut errs);
        let energy = rate(&self.energy, "公共能耗分摊", &mut errs);
        let custody_percent = match self.custody_percent.trim().parse::<u8>() {
            Ok(p) if p <= 100 => p,
            _ => {
                errs.push(FeeError::BadPercent);
                0
            }
        };
        let mut fixed = Vec::new();
        for (n, (name, amount)) in self.fixed.iter().enumerate() {
            if name.trim().is_empty() && amount.trim().is_empty() {
                continue;
            }
            match money::parse_yuan(amount) {
                Some(fen) if !name.trim().is_empty() => fixed.push(FixedItem {
                    item: name.trim().to_string(),
                    fen,
                }),
                _ => errs.push(FeeError::BadFixed(n + 1)),
            }
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(FeeRates {
            from: from.unwrap_or_default(),
            residential,
            shop,
            office,
            energy,
            custody_percent,
            fixed,
            set: Mark {
                at: now,
                by: by.to_string(),
            },
        })
    }
}

#[cfg(test)]
impl RatesForm {
    /// Rates as tests type them: from `from`, residential at `residential` 元, shops 5, offices
    /// 4, the energy share 0.30, custody 70%, no fixed items.
    pub fn example(from: &str, residential: &str) -> RatesForm {
        RatesForm {
            from: from.into(),
            residential: residential.into(),
            shop: "5".into(),
            office: "4".into(),
            energy: "0.30".into(),
            custody_percent: "70".into(),
            fixed: vec![],
        }
    }
}

impl FeeRates {
    /// The management fee per m² for a unit of `kind`.
    pub fn management(&self, kind: crate::modules::residents::UnitKind) -> i64 {
        use crate::modules::residents::UnitKind;
        match kind {
            UnitKind::Residential => self.residential,
            UnitKind::Shop => self.shop,
            UnitKind::Office => self.office,
        }
    }
}

/// A unit's canonical key, from what was typed.
pub fn unit_key(typed: &str) -> Result<String, FeeError> {
    UnitNo::parse(typed.trim())
        .map(|u| u.key())
        .map_err(|_| FeeError::BadUnit)
}

/// A meter reading as typed (`1234.5`) in tenths.
pub fn parse_reading(s: &str) -> Option<i64> {
    let s = s.trim();
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty()
        || whole.len() > 9
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 1
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some(whole.parse::<i64>().ok()? * 10 + frac.parse::<i64>().unwrap_or(0))
}

/// Tenths as a reading: 12345 → `1234.5`.
pub fn reading_text(tenths: i64) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Index names.
pub mod ix {
    pub const UNIT: &str = "unit";
    /// A payment's China day.
    pub const DAY: &str = "day";
    /// Custody not ended.
    pub const OPEN: &str = "open";
    /// A payment's receipt number.
    pub const RECEIPT: &str = "receipt";
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for FeeRates {
    const KIND: &'static str = "fee_rates";
    const SCHEMA: u32 = 1;
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.set.at
    }
}

impl Record for FeeAccount {
    const KIND: &'static str = "fee_account";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        vec![(ix::UNIT, self.unit.clone())]
    }
}

impl Record for Custody {
    const KIND: &'static str = "custody";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(ix::UNIT, self.unit.clone())];
        if self.end.is_none() {
            v.push((ix::OPEN, self.unit.clone()));
        }
        v
    }
}

impl Record for Payment {
    const KIND: &'static str = "fee_payment";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            (ix::UNIT, self.unit.clone()),
            (ix::DAY, day_key(self.taken.at)),
            (ix::RECEIPT, self.receipt.clone()),
        ];
        if !self.purged {
            v.push((ix::PERSONAL, day_key(self.taken.at)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.taken.at
    }
}

impl crate::modules::retention::Retained for Payment {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged && now - self.taken.at >= Duration::days(i64::from(days))
    }
    /// The payer's name goes; what was paid for which months stays.
    fn purged(mut self) -> Self {
        self.payer.clear();
        self.purged = true;
        self
    }
}

impl Record for Reminder {
    const KIND: &'static str = "fee_reminder";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        vec![(ix::UNIT, self.unit.clone())]
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.made.at
    }
}

/// The China day of `now`.
pub fn today(now: DateTime<Utc>) -> NaiveDate {
    local_date(now)
}

fn fee_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    match field.rsplit('.').next().unwrap_or(field) {
        "method" => Method::from_code(value).map(|m| m.label(lang).to_string()),
        "how" => ReminderHow::from_code(value).map(|h| h.label(lang).to_string()),
        _ => None,
    }
}

use crate::spec::{KindSpec, Label, Mask};

/// The fees module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "fees",
    zh: "物业费",
    en: "Fees",
    kinds: &[
        KindSpec::of::<FeeRates>("fees", SET_RATES)
            .named("收费标准", "Rates")
            .labels(&[
                Label::new("from", "起始月份", "From"),
                Label::new(
                    "residential",
                    "住宅物业费(分/平方米·月)",
                    "Residential (fen/m²·month)",
                ),
                Label::new("shop", "商铺物业费(分/平方米·月)", "Shop (fen/m²·month)"),
                Label::new(
                    "office",
                    "办公物业费(分/平方米·月)",
                    "Office (fen/m²·month)",
                ),
                Label::new(
                    "energy",
                    "公共能耗分摊(分/平方米·月)",
                    "Public energy (fen/m²·month)",
                ),
                Label::new("custody_percent", "托管收费比例", "Custody share"),
                Label::new("fixed", "固定收费项", "Fixed items"),
                Label::new("item", "收费项", "Item"),
                Label::new("fen", "金额(分)", "Amount (fen)"),
                Label::new("set", "设置", "Set"),
            ]),
        KindSpec::of::<FeeAccount>("fees", COLLECT_FEES)
            .named("计费房屋", "Billed unit")
            .labels(&[
                Label::new("unit", "房号", "Unit"),
                Label::new("from", "计费起始日", "Billed from"),
                Label::new("opened", "登记", "Opened"),
            ]),
        KindSpec::of::<Custody>("fees", COLLECT_FEES)
            .named("托管房", "Unit in custody")
            .labels(&[
                Label::new("unit", "房号", "Unit"),
                Label::new("agreement", "已签托管协议", "Agreement signed"),
                Label::new("start", "托管开始", "Custody from"),
                Label::new("readings", "抄表", "Readings"),
                Label::new("on", "日期", "Day"),
                Label::new("water", "水表(0.1)", "Water (tenths)"),
                Label::new("power", "电表(0.1)", "Electricity (tenths)"),
                Label::new("end", "托管结束", "Custody ended"),
                Label::new("opened", "登记", "Opened"),
                Label::new("closed", "结束登记", "Closed"),
            ]),
        KindSpec::of::<Payment>("fees", COLLECT_FEES)
            .named("缴费", "Payment")
            .csv(csv::PAYMENTS)
            .values(fee_words)
            .personal(&[("payer", Mask::Name)])
            .labels(&[
                Label::new("unit", "房号", "Unit"),
                Label::new("first", "起始月份", "First month"),
                Label::new("last", "截止月份", "Last month"),
                Label::new("fen", "实收(分)", "Paid (fen)"),
                Label::new("due_fen", "应收(分)", "Due (fen)"),
                Label::new("method", "方式", "Method"),
                Label::new("receipt", "收据号", "Receipt"),
                Label::new("payer", "缴费人", "Paid by"),
                Label::new("note", "备注", "Note"),
                Label::new("taken", "收款", "Taken"),
                Label::new("purged", "已清除个人信息", "Personal data purged"),
            ]),
        KindSpec::of::<Reminder>("fees", COLLECT_FEES)
            .named("催缴记录", "Reminder")
            .values(fee_words)
            .labels(&[
                Label::new("unit", "房号", "Unit"),
                Label::new("how", "方式", "How"),
                Label::new("answer", "答复", "Answer"),
                Label::new("promised", "承诺缴费日", "Promised by"),
                Label::new("months", "欠费月数", "Months owed"),
                Label::new("fen", "欠费(分)", "Owed (fen)"),
                Label::new("made", "催缴", "Made"),
            ]),
    ],
    exportable: true,
    settings: &[],
    demo: None,
};

#[cfg(test)]
mod tests;
