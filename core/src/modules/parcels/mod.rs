//! 快递/邮件 Parcels: intake (carrier guessed from the tracking number), pickup codes, notifying
//! the recipient, hand-over (to the recipient or someone on their behalf, with ID check and
//! signature), returned or lost, overdue on the shelf, and outgoing parcels left for a courier.
//!
//! State: received → notified → picked up / returned / lost. Notified is received with at least
//! one notice; every other move is refused from a closed parcel.

pub mod csv;
pub mod demo;
pub mod services;

use crate::lang::{Lang, Localized};
use crate::phone::PhoneNumber;
use crate::record::{Meta, Record, RecordId};
use crate::time::{day_key, short};
use crate::unit_no::UnitNo;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Carrier {
    Sf,
    Zto,
    Yto,
    Yunda,
    Sto,
    Jt,
    Jd,
    Ems,
    ChinaPost,
    Other,
}

impl Carrier {
    pub const ALL: [Carrier; 10] = [
        Carrier::Sf,
        Carrier::Zto,
        Carrier::Yto,
        Carrier::Yunda,
        Carrier::Sto,
        Carrier::Jt,
        Carrier::Jd,
        Carrier::Ems,
        Carrier::ChinaPost,
        Carrier::Other,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Carrier::Sf => lang.pick("顺丰", "SF Express"),
            Carrier::Zto => lang.pick("中通", "ZTO"),
            Carrier::Yto => lang.pick("圆通", "YTO"),
            Carrier::Yunda => lang.pick("韵达", "Yunda"),
            Carrier::Sto => lang.pick("申通", "STO"),
            Carrier::Jt => lang.pick("极兔", "J&T"),
            Carrier::Jd => lang.pick("京东", "JD"),
            Carrier::Ems => lang.pick("EMS", "EMS"),
            Carrier::ChinaPost => lang.pick("邮政", "China Post"),
            Carrier::Other => lang.pick("其他", "Other"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Carrier::Sf => "sf",
            Carrier::Zto => "zto",
            Carrier::Yto => "yto",
            Carrier::Yunda => "yunda",
            Carrier::Sto => "sto",
            Carrier::Jt => "jt",
            Carrier::Jd => "jd",
            Carrier::Ems => "ems",
            Carrier::ChinaPost => "china_post",
            Carrier::Other => "other",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == s)
    }
}

/// The carrier a tracking number most likely belongs to, from the carriers' published formats.
/// A guess: the clerk can always correct it.
pub fn guess_carrier(tracking: &str) -> Carrier {
    let t = normalize_tracking(tracking);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let n = t.len();
    if let Some(rest) = t.strip_prefix("SF") {
        if digits(rest) && (12..=15).contains(&rest.len()) {
            return Carrier::Sf;
        }
    }
    if t.starts_with("JD") && (13..=20).contains(&n) {
        return Carrier::Jd;
    }
    if let Some(rest) = t.strip_prefix("JT") {
        if digits(rest) && (12..=15).contains(&rest.len()) {
            return Carrier::Jt;
        }
    }
    if let Some(rest) = t.strip_prefix("YT") {
        if digits(rest) && (12..=16).contains(&rest.len()) {
            return Carrier::Yto;
        }
    }
    if n == 13
        && t.ends_with("CN")
        && t[..2].bytes().all(|b| b.is_ascii_uppercase())
        && digits(&t[2..11])
    {
        return if t.starts_with('E') {
            Carrier::Ems
        } else {
            Carrier::ChinaPost
        };
    }
    if digits(&t) {
        if (12..=15).contains(&n)
            && (t.starts_with("77") || t.starts_with("88") || t.starts_with("268"))
        {
            return Carrier::Sto;
        }
        if (12..=15).contains(&n) && t.starts_with('7') {
            return Carrier::Zto;
        }
        if (n == 13 || n == 15) && (t.starts_with('3') || t.starts_with('4')) {
            return Carrier::Yunda;
        }
        if n == 13 && t.starts_with('1') {
            return Carrier::Ems;
        }
        if n == 13 && t.starts_with('9') {
            return Carrier::ChinaPost;
        }
    }
    Carrier::Other
}

/// Full-width letters, digits and marks (an input method left on: `ＳＦ１２３`, `３－１－５０２`)
/// as their ASCII forms; the ideographic space as a space.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Uppercase, no spaces or hyphens: the form tracking numbers are stored and compared in.
pub fn normalize_tracking(s: &str) -> String {
    half_width(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_uppercase()
}

/// The shortest and longest tracking numbers carriers print (EMS `EA123456789CN` is 13).
pub const TRACKING_LEN: std::ops::RangeInclusive<usize> = 8..=40;

/// A tracking number as scanned or typed, checked: 8 to 40 letters and digits, with only spaces
/// and hyphens between them (what labels print). Anything else (a unit `3-1-502`, a stray `12`,
/// pasted text) is refused rather than cleaned into a number that is not one.
pub fn check_tracking(raw: &str) -> Result<String, ParcelError> {
    let wide = half_width(raw);
    let marks_only = wide
        .trim()
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    let t = normalize_tracking(&wide);
    if marks_only && TRACKING_LEN.contains(&t.len()) && !looks_like_unit(&wide) {
        Ok(t)
    } else {
        Err(ParcelError::BadTracking)
    }
}

/// Whether a tracking field holds a unit number written with its marks (`3-1-502`).
fn looks_like_unit(s: &str) -> bool {
    let t = s.trim();
    t.contains('-') && t.len() <= 14 && UnitNo::parse(t).is_ok()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParcelKind {
    Package,
    Letter,
    Document,
    Fresh,
    Bulky,
}

impl ParcelKind {
    pub const ALL: [ParcelKind; 5] = [
        ParcelKind::Package,
        ParcelKind::Letter,
        ParcelKind::Document,
        ParcelKind::Fresh,
        ParcelKind::Bulky,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ParcelKind::Package => lang.pick("包裹", "Package"),
            ParcelKind::Letter => lang.pick("信件", "Letter"),
            ParcelKind::Document => lang.pick("文件", "Document"),
            ParcelKind::Fresh => lang.pick("生鲜", "Fresh food"),
            ParcelKind::Bulky => lang.pick("大件", "Bulky"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ParcelKind::Package => "package",
            ParcelKind::Letter => "letter",
            ParcelKind::Document => "document",
            ParcelKind::Fresh => "fresh",
            ParcelKind::Bulky => "bulky",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// How the recipient was told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeHow {
    /// The message was copied to send by chat.
    Message,
    Sms,
    Call,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub at: DateTime<Utc>,
    pub how: NoticeHow,
    pub by: String,
}

/// Who collected the parcel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collector {
    pub name: String,
    pub phone: Option<PhoneNumber>,
    /// `None` when the recipient came in person; otherwise their relation (家人, 同事, 保姆...).
    pub on_behalf: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    pub at: DateTime<Utc>,
    pub clerk: String,
    pub collector: Collector,
    pub id_checked: bool,
    /// The collector's signature drawn on the screen: a photo record's id (one signature may
    /// close several parcels handed over together).
    pub signature: RecordId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    PickedUp,
    Returned,
    Lost,
    /// An outgoing parcel taken by the courier.
    Collected,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// Canonical unit (`3-1-502`) or free text.
    pub unit: String,
    pub name: String,
    pub phone: Option<PhoneNumber>,
}

/// One parcel or letter at the desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parcel {
    pub tracking: String,
    pub carrier: Carrier,
    pub kind: ParcelKind,
    /// For incoming parcels, who it is for; for outgoing ones, who left it.
    pub recipient: Recipient,
    pub shelf: String,
    pub pickup_code: String,
    pub outgoing: bool,
    pub received_at: DateTime<Utc>,
    pub received_by: String,
    #[serde(default)]
    pub notices: Vec<Notice>,
    #[serde(default)]
    pub handover: Option<Handover>,
    /// How the parcel left the shelf, when it did.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub closed_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub closed_by: String,
    #[serde(default)]
    pub note: String,
    /// The photo the clerk took at intake: a photo record's id.
    #[serde(default)]
    pub photo: Option<RecordId>,
    /// Past the retention period after it left the shelf, its personal data was removed.
    #[serde(default)]
    pub purged: bool,
}

/// Where a parcel stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParcelState {
    Received,
    Notified,
    Closed(Outcome),
}

impl ParcelState {
    /// The state's one label, on the screens and in CSV files alike.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ParcelState::Received => lang.pick("待通知", "Not notified"),
            ParcelState::Notified => lang.pick("已通知", "Notified"),
            ParcelState::Closed(Outcome::PickedUp) => lang.pick("已取件", "Picked up"),
            ParcelState::Closed(Outcome::Returned) => lang.pick("已退回", "Returned"),
            ParcelState::Closed(Outcome::Lost) => lang.pick("遗失/损坏", "Lost/damaged"),
            ParcelState::Closed(Outcome::Collected) => lang.pick("已寄出", "Collected"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParcelError {
    #[error("tracking number is empty or too long")]
    BadTracking,
    #[error("no recipient")]
    NoRecipient,
    #[error("the parcel is already closed ({0:?})")]
    Closed(Outcome),
    #[error("a signature is needed")]
    NoSignature,
    #[error("someone collecting on behalf needs a name, phone, relation and an ID check")]
    OnBehalfIncomplete,
    #[error("a note is needed")]
    NoteNeeded,
    #[error("that is for incoming parcels only")]
    NotIncoming,
    #[error("that is for outgoing parcels only")]
    NotOutgoing,
    #[error("tracking number {tracking} already on the shelf")]
    AlreadyOnShelf {
        tracking: String,
        shelf: String,
        unit: String,
        since: DateTime<Utc>,
    },
    #[error("the unit looks like a tracking number")]
    UnitIsTracking,
    #[error("the unit looks like several units run together: {0}")]
    UnitsRunTogether(String),
    #[error("the unit is not written as units usually are: {0}")]
    UnitUnusual(String),
    #[error("parcels of different recipients need a collection on their behalf")]
    SeveralRecipients,
}

impl Localized for ParcelError {
    fn message(&self, lang: Lang) -> String {
        use ParcelError::*;
        match self {
            BadTracking => lang.pick(
                "这不像运单号:运单号是 8 到 40 位字母或数字(不是房号)。请扫描或输入运单号。",
                "That is not a tracking number: 8 to 40 letters or digits (not a unit). Scan or type the tracking number.",
            ),
            NoRecipient => lang.pick(
                "请填写收件房号或收件人。",
                "Enter the recipient's unit or name.",
            ),
            Closed(Outcome::PickedUp) => {
                lang.pick("这件快递已被取走。", "This parcel was already picked up.")
            }
            Closed(Outcome::Returned) => {
                lang.pick("这件快递已退回。", "This parcel was already returned.")
            }
            Closed(Outcome::Lost) => lang.pick(
                "这件快递已登记为遗失/损坏。",
                "This parcel is already recorded as lost or damaged.",
            ),
            Closed(Outcome::Collected) => lang.pick(
                "这件寄件已被快递员取走。",
                "This outgoing parcel was already collected.",
            ),
            NoSignature => lang.pick(
                "请领取人在屏幕上签名。",
                "Ask the collector to sign on the screen.",
            ),
            OnBehalfIncomplete => lang.pick(
                "代领需填写代领人姓名、电话、与收件人关系,并核验证件。",
                "Collecting on behalf needs the person's name, phone, relation and an ID check.",
            ),
            NoteNeeded => lang.pick("请写明情况。", "Write what happened."),
            NotIncoming => lang.pick("只适用于收到的快递。", "Only for incoming parcels."),
            NotOutgoing => lang.pick("只适用于寄出的快递。", "Only for outgoing parcels."),
            AlreadyOnShelf {
                tracking,
                shelf,
                unit,
                since,
            } => {
                let place = [shelf.as_str(), unit.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                return match lang {
                    Lang::Zh => format!(
                        "{tracking} 已在货架上({place} · {} 入库),不能重复入库。",
                        short(*since)
                    ),
                    Lang::En => format!(
                        "{tracking} is already on the shelf ({place} · in since {}); it cannot be taken in twice.",
                        short(*since)
                    ),
                };
            }
            UnitIsTracking => lang.pick(
                "收件房号像是运单号(扫描枪可能读了两次),请重新填写房号。",
                "The unit looks like a tracking number (the scanner may have read twice); enter the unit again.",
            ),
            UnitsRunTogether(u) => {
                return match lang {
                    Lang::Zh => format!("房号“{u}”像是两个房号连在一起,请只填一个。"),
                    Lang::En => format!("“{u}” looks like two units run together; enter one."),
                };
            }
            UnitUnusual(u) => {
                return match lang {
                    Lang::Zh => format!(
                        "房号“{u}”不是常见写法(如 3-1-502)。确认无误请再按一次「入库」按原样保存。"
                    ),
                    Lang::En => format!(
                        "“{u}” is not written as units usually are (e.g. 3-1-502). If it is right, press Take in again to keep it as typed."
                    ),
                };
            }
            SeveralRecipients => lang.pick(
                "所选快递属于不同的收件人或房号:请按代领办理(填写代领人并核验证件),或分开交付。",
                "The parcels chosen are for different recipients or units: hand them over as a collection on their behalf (collector's details and ID check), or one recipient at a time.",
            ),
        }
        .into()
    }
}

/// Index names of parcels.
pub mod ix {
    pub const TRACKING: &str = "tracking";
    pub const CODE: &str = "code";
    pub const UNIT: &str = "unit";
    pub const NAME: &str = "name";
    pub const PHONE: &str = "phone";
    /// `1` for incoming parcels still on the shelf.
    pub const WAITING: &str = "waiting";
    /// `1` for outgoing parcels not yet collected.
    pub const OUTGOING: &str = "outgoing";
    /// Day received.
    pub const DAY: &str = "day";
    /// `outcome|day` of closing, for the day view.
    pub const CLOSED: &str = "closed";
    /// Day of closing, while the parcel still holds personal data (for the retention purge).
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for Parcel {
    const KIND: &'static str = "parcel";
    /// 2: the intake photo and the signature became photo records (see [`MODULE`]).
    const SCHEMA: u32 = 2;
    /// 2: closed parcels holding personal data are found by their closing day (`ix::PERSONAL`).
    const INDEXES: u32 = 2;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            (ix::TRACKING, self.tracking.clone()),
            (ix::DAY, day_key(self.received_at)),
        ];
        if self.outcome.is_none() {
            v.push((
                if self.outgoing {
                    ix::OUTGOING
                } else {
                    ix::WAITING
                },
                "1".into(),
            ));
            v.push((ix::CODE, self.pickup_code.clone()));
        }
        if !self.recipient.unit.is_empty() {
            v.push((ix::UNIT, self.recipient.unit.clone()));
        }
        if !self.recipient.name.is_empty() {
            v.push((ix::NAME, self.recipient.name.to_lowercase()));
        }
        if let Some(p) = &self.recipient.phone {
            v.push((ix::PHONE, p.digits().to_string()));
        }
        if let (Some(o), Some(at)) = (self.outcome, self.closed_at) {
            v.push((ix::CLOSED, format!("{}|{}", outcome_code(o), day_key(at))));
            if !self.purged {
                v.push((ix::PERSONAL, day_key(at)));
            }
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.received_at
    }
}

/// A parcel's coded values as words (the audit trail).
fn parcel_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    let outcome = |o| ParcelState::Closed(o).label(lang).to_string();
    match field {
        "carrier" => Carrier::from_code(value).map(|c| c.label(lang).to_string()),
        "kind" => ParcelKind::from_code(value).map(|k| k.label(lang).to_string()),
        "outcome" => match value {
            "picked_up" => Some(outcome(Outcome::PickedUp)),
            "returned" => Some(outcome(Outcome::Returned)),
            "lost" => Some(outcome(Outcome::Lost)),
            "collected" => Some(outcome(Outcome::Collected)),
            _ => None,
        },
        f if f.ends_with(".how") => match value {
            "message" => Some(lang.pick("消息", "Message").into()),
            "sms" => Some(lang.pick("短信", "SMS").into()),
            "call" => Some(lang.pick("电话", "Call").into()),
            _ => None,
        },
        _ => None,
    }
}

impl crate::modules::retention::Retained for Parcel {
    /// Whether the retention period of `days` after it left the shelf has passed with personal
    /// data still held (parcels on the shelf are never purged).
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged
            && self
                .closed_at
                .is_some_and(|c| now - c > Duration::days(i64::from(days)))
    }

    /// The parcel without its personal data: recipient's name and phone, the collector, notes,
    /// the photo and signature (their records go too, see `store::guard::Guarded::purge`); carrier,
    /// unit, times and outcome stay for the statistics.
    fn purged(mut self) -> Self {
        self.recipient.name.clear();
        self.recipient.phone = None;
        if let Some(h) = self.handover.as_mut() {
            h.collector.name.clear();
            h.collector.phone = None;
            h.collector.on_behalf = h.collector.on_behalf.as_ref().map(|_| String::new());
        }
        self.note.clear();
        self.photo = None;
        self.purged = true;
        self
    }

    fn pictures(&self) -> Vec<RecordId> {
        self.photo
            .into_iter()
            .chain(self.handover.as_ref().map(|h| h.signature))
            .collect()
    }
}

pub fn outcome_code(o: Outcome) -> &'static str {
    match o {
        Outcome::PickedUp => "picked_up",
        Outcome::Returned => "returned",
        Outcome::Lost => "lost",
        Outcome::Collected => "collected",
    }
}

/// The intake form, as typed or scanned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Intake {
    pub tracking: String,
    pub carrier: Option<Carrier>,
    pub kind: Option<ParcelKind>,
    pub unit: String,
    pub name: String,
    pub phone: String,
    pub shelf: String,
    pub outgoing: bool,
    /// The clerk confirmed a unit that is not written as units usually are (kept as typed).
    pub unit_as_typed: bool,
}

/// Whether a unit field's text is a tracking number: the one just scanned, or a long run of
/// letters and digits without the marks units are written with.
fn looks_like_tracking(unit: &str, tracking: &str) -> bool {
    let compact = normalize_tracking(unit);
    let plain = unit.trim().chars().all(|c| c.is_ascii_alphanumeric());
    (!compact.is_empty() && compact == tracking)
        || (plain
            && compact.len() >= 9
            && compact.chars().filter(char::is_ascii_digit).count() >= 8)
}

impl Intake {
    /// A parcel received now by `clerk`, with `pickup_code` (from [`pickup_code`]).
    pub fn parse(
        &self,
        now: DateTime<Utc>,
        clerk: &str,
        pickup_code: String,
    ) -> Result<Parcel, Vec<ParcelError>> {
        let mut errors = Vec::new();
        let tracking = match check_tracking(&self.tracking) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                normalize_tracking(&self.tracking)
            }
        };
        let wide_unit = half_width(&self.unit);
        let typed = wide_unit.trim();
        let unit = match UnitNo::parse(typed) {
            Ok(u) => u.key(),
            Err(_) if typed.is_empty() => String::new(),
            Err(_) if looks_like_tracking(typed, &tracking) => {
                errors.push(ParcelError::UnitIsTracking);
                String::new()
            }
            Err(_) if UnitNo::looks_like_several(typed) => {
                errors.push(ParcelError::UnitsRunTogether(typed.to_string()));
                String::new()
            }
            Err(_) if !self.unit_as_typed => {
                errors.push(ParcelError::UnitUnusual(typed.to_string()));
                String::new()
            }
            Err(_) => typed.to_string(),
        };
        let name = self.name.trim().to_string();
        if typed.is_empty() && name.is_empty() {
            errors.push(ParcelError::NoRecipient);
        }
        let phone = match self.phone.trim() {
            "" => None,
            p => PhoneNumber::parse(p).ok(),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Parcel {
            carrier: self.carrier.unwrap_or_else(|| guess_carrier(&tracking)),
            tracking,
            kind: self.kind.unwrap_or(ParcelKind::Package),
            recipient: Recipient { unit, name, phone },
            shelf: self.shelf.trim().to_string(),
            pickup_code,
            outgoing: self.outgoing,
            received_at: now,
            received_by: clerk.to_string(),
            notices: Vec::new(),
            handover: None,
            outcome: None,
            closed_at: None,
            closed_by: String::new(),
            note: String::new(),
            photo: None,
            purged: false,
        })
    }
}

/// Where a shelf search text is looked up: a six-digit pickup code, a tracking number, a unit,
/// a phone, or a name.
pub fn search_plan(input: &str) -> Vec<(&'static str, crate::store::KeyRange)> {
    use crate::store::KeyRange;
    let s = input.trim();
    if s.is_empty() {
        return Vec::new();
    }
    let mut plan = Vec::new();
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = compact.chars().all(|c| c.is_ascii_digit());
    if digits && compact.len() == 6 {
        plan.push((ix::CODE, KeyRange::Exact(compact.clone())));
    }
    let tracking = normalize_tracking(s);
    if tracking.len() >= 4 && tracking.chars().all(|c| c.is_ascii_alphanumeric()) {
        plan.push((ix::TRACKING, KeyRange::Prefix(tracking)));
    }
    if let Ok(u) = UnitNo::parse(s) {
        plan.push((ix::UNIT, KeyRange::Prefix(u.key())));
    }
    if digits && compact.len() >= 3 {
        plan.push((ix::PHONE, KeyRange::Prefix(compact)));
    }
    if !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        plan.push((ix::NAME, KeyRange::Prefix(s.to_lowercase())));
    }
    plan
}

/// A six-digit pickup code from random bits (the app retries on the rare clash with a parcel
/// still on the shelf).
pub fn pickup_code(random: u32) -> String {
    format!("{:06}", random % 1_000_000)
}

impl Parcel {
    pub fn state(&self) -> ParcelState {
        match self.outcome {
            Some(o) => ParcelState::Closed(o),
            None if !self.notices.is_empty() => ParcelState::Notified,
            None => ParcelState::Received,
        }
    }

    fn open(&self) -> Result<(), ParcelError> {
        match self.outcome {
            Some(o) => Err(ParcelError::Closed(o)),
            None => Ok(()),
        }
    }

    /// The recipient was told (again).
    pub fn notified(
        mut self,
        at: DateTime<Utc>,
        how: NoticeHow,
        by: &str,
    ) -> Result<Self, ParcelError> {
        self.open()?;
        if self.outgoing {
            return Err(ParcelError::NotIncoming);
        }
        self.notices.push(Notice {
            at,
            how,
            by: by.to_string(),
        });
        Ok(self)
    }

    /// Whether `other` is for the same recipient: the same unit, and the same name where both
    /// have one (a parcel taken in by unit alone matches any name of that unit).
    pub fn same_recipient(&self, other: &Parcel) -> bool {
        let (a, b) = (&self.recipient, &other.recipient);
        a.unit == b.unit && (a.name.is_empty() || b.name.is_empty() || a.name == b.name)
    }

    /// Handed over to the recipient, or to someone on their behalf.
    pub fn handed_over(mut self, h: Handover) -> Result<Self, ParcelError> {
        self.open()?;
        if self.outgoing {
            return Err(ParcelError::NotIncoming);
        }
        if let Some(rel) = &h.collector.on_behalf {
            if rel.trim().is_empty()
                || h.collector.name.trim().is_empty()
                || h.collector.phone.is_none()
                || !h.id_checked
            {
                return Err(ParcelError::OnBehalfIncomplete);
            }
        }
        self.closed_at = Some(h.at);
        self.closed_by = h.clerk.clone();
        self.outcome = Some(Outcome::PickedUp);
        self.handover = Some(h);
        Ok(self)
    }

    /// Returned to sender, or recorded lost/damaged (which needs a note).
    pub fn closed_as(
        mut self,
        outcome: Outcome,
        at: DateTime<Utc>,
        note: &str,
        clerk: &str,
    ) -> Result<Self, ParcelError> {
        self.open()?;
        match outcome {
            Outcome::PickedUp => return Err(ParcelError::NoSignature),
            Outcome::Collected if !self.outgoing => return Err(ParcelError::NotOutgoing),
            Outcome::Returned | Outcome::Lost if self.outgoing => {
                return Err(ParcelError::NotIncoming);
            }
            Outcome::Lost if note.trim().is_empty() => return Err(ParcelError::NoteNeeded),
            _ => {}
        }
        self.outcome = Some(outcome);
        self.closed_at = Some(at);
        self.closed_by = clerk.to_string();
        self.note = note.trim().to_string();
        Ok(self)
    }

    /// Whole days on the shelf at `now`.
    pub fn days_waiting(&self, now: DateTime<Utc>) -> i64 {
        (now - self.received_at).num_days().max(0)
    }

    /// Still on the shelf after `days` days.
    pub fn overdue(&self, now: DateTime<Utc>, days: u32) -> bool {
        self.outcome.is_none()
            && !self.outgoing
            && now - self.received_at > Duration::days(i64::from(days))
    }

    /// The message to send the recipient.
    pub fn notice_text(&self, lang: Lang, office: &str, hours: &str) -> String {
        let tail: String = self
            .tracking
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let carrier = self.carrier.label(lang);
        let shelf = if self.shelf.is_empty() {
            lang.pick("前台", "the desk").to_string()
        } else {
            self.shelf.clone()
        };
        match lang {
            Lang::Zh => format!(
                "【{office}】{}您好,您的{carrier}快递(尾号{tail})已于{}到前台,取件码 {},货架 {shelf}。前台服务时间 {hours}。",
                self.recipient.name,
                short(self.received_at),
                self.pickup_code
            ),
            Lang::En => format!(
                "[{office}] Hello {}, your {carrier} parcel (ending {tail}) arrived at the front desk at {}. Pickup code {}, shelf {shelf}. Desk hours {hours}.",
                self.recipient.name,
                short(self.received_at),
                self.pickup_code
            ),
        }
    }
}

use crate::actor::{Action, Role};
use crate::module::ModuleSpec;
use crate::spec::{KindSpec, Label, Mask};

/// Take in, hand over, return parcels.
pub const HANDLE_PARCELS: Action = Action::new(
    "handle_parcels",
    &[Role::Clerk, Role::Supervisor],
    "收发快递",
    "handle parcels",
);

/// The photo records a parcel refers to: its intake photo and the collector's signature.
fn photos_of(env: &crate::record::Envelope) -> Vec<RecordId> {
    env.decode::<Parcel>()
        .map(|p| {
            p.photo
                .into_iter()
                .chain(p.handover.map(|h| h.signature))
                .collect()
        })
        .unwrap_or_default()
}

/// The parcels module.
pub const MODULE: ModuleSpec = ModuleSpec {
    slug: "parcels",
    zh: "快递",
    en: "Parcels",
    kinds: &[KindSpec::of::<Parcel>("parcels", HANDLE_PARCELS)
        .values(parcel_words)
        .named("快递", "Parcel")
        .csv(csv::TABLE)
        .personal(&[
            ("recipient.name", Mask::Name),
            ("recipient.phone", Mask::Phone),
            ("handover.collector.name", Mask::Name),
            ("handover.collector.phone", Mask::Phone),
            ("note", Mask::Text),
        ])
        .pictures_moved_at(2, &["photo", "handover.signature"])
        .photos(photos_of)
        .labels(&[
            Label::new("recipient", "收件人", "Recipient"),
            Label::new("shelf", "货架", "Shelf"),
            Label::new("outcome", "结果", "Outcome"),
            Label::new("note", "备注", "Notes"),
            Label::new("handover", "领取", "Hand-over"),
            Label::new("photo", "照片", "Photo"),
        ])],
    exportable: true,
    settings: &[
        crate::spec::Label::new(
            "parcel.retention_days",
            "快递信息保留天数",
            "Parcel data kept (days)",
        ),
        crate::spec::Label::new(
            "parcel.overdue_days",
            "快递滞留天数",
            "Parcel overdue after (days)",
        ),
    ],
    demo: Some(crate::module::Demo {
        count: 150,
        make: demo::parcel,
    }),
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap()
    }

    fn parcel() -> Parcel {
        Intake {
            tracking: "sf 1234 5678 9012".into(),
            unit: "3栋1单元502".into(),
            name: "张伟".into(),
            phone: "13800138000".into(),
            shelf: "A-3".into(),
            ..Intake::default()
        }
        .parse(now(), "小李", pickup_code(123_456_789))
        .unwrap()
    }

    fn signed(on_behalf: Option<&str>, id_checked: bool) -> Handover {
        Handover {
            at: now() + Duration::hours(3),
            clerk: "小李".into(),
            collector: Collector {
                name: "王芳".into(),
                phone: PhoneNumber::parse("13900139000").ok(),
                on_behalf: on_behalf.map(String::from),
            },
            id_checked,
            signature: RecordId(uuid::Uuid::from_u128(77)),
        }
    }

    #[test]
    fn carriers_are_guessed_from_their_number_formats() {
        for (t, c) in [
            ("SF1234567890123", Carrier::Sf),
            ("JDVA12345678901", Carrier::Jd),
            ("JT1234567890123", Carrier::Jt),
            ("YT1234567890123", Carrier::Yto),
            ("773012345678901", Carrier::Sto),
            ("75312345678901", Carrier::Zto),
            ("4312345678901", Carrier::Yunda),
            ("EA123456789CN", Carrier::Ems),
            ("1123456789012", Carrier::Ems),
            ("9812345678901", Carrier::ChinaPost),
            ("ABC", Carrier::Other),
        ] {
            assert_eq!(guess_carrier(t), c, "{t}");
        }
    }

    #[test]
    fn intake_normalises_and_guesses_and_a_chosen_carrier_wins() {
        let p = parcel();
        assert_eq!(p.tracking, "SF123456789012");
        assert_eq!(p.carrier, Carrier::Sf);
        assert_eq!(p.recipient.unit, "3-1-502");
        assert_eq!(p.pickup_code, "456789");
        assert_eq!(p.state(), ParcelState::Received);
        let chosen = Intake {
            tracking: "SF123456789012".into(),
            carrier: Some(Carrier::Other),
            name: "x".into(),
            ..Intake::default()
        };
        assert_eq!(
            chosen.parse(now(), "", "1".into()).unwrap().carrier,
            Carrier::Other
        );
    }

    #[test]
    fn intake_needs_a_tracking_number_and_a_recipient() {
        let errs = Intake::default().parse(now(), "", "1".into()).unwrap_err();
        assert_eq!(
            errs,
            vec![ParcelError::BadTracking, ParcelError::NoRecipient]
        );
    }

    #[test]
    fn received_then_notified_then_picked_up() {
        let p = parcel().notified(now(), NoticeHow::Sms, "小李").unwrap();
        assert_eq!(p.state(), ParcelState::Notified);
        let p = p.notified(now(), NoticeHow::Call, "小李").unwrap();
        assert_eq!(p.notices.len(), 2);
        let p = p.handed_over(signed(None, false)).unwrap();
        assert_eq!(p.state(), ParcelState::Closed(Outcome::PickedUp));
        assert!(!p.index_values().iter().any(|(n, _)| *n == ix::WAITING));
    }

    #[test]
    fn a_collection_on_behalf_needs_name_phone_relation_and_id_check() {
        assert_eq!(
            parcel().handed_over(signed(Some("家人"), false)),
            Err(ParcelError::OnBehalfIncomplete)
        );
        assert_eq!(
            parcel().handed_over(signed(Some(" "), true)),
            Err(ParcelError::OnBehalfIncomplete)
        );
        let p = parcel().handed_over(signed(Some("家人"), true)).unwrap();
        assert_eq!(
            p.handover.unwrap().collector.on_behalf.as_deref(),
            Some("家人")
        );
    }

    #[test]
    fn only_what_a_label_prints_is_a_tracking_number_full_width_included() {
        for (raw, t) in [
            ("SF144307705322", "SF144307705322"),
            ("sf 1443-0770-5322", "SF144307705322"),
            ("ＳＦ１４４３０７７０５３２２", "SF144307705322"),
            ("EA123456789CN", "EA123456789CN"),
        ] {
            assert_eq!(check_tracking(raw), Ok(t.to_string()), "{raw}");
        }
        let long = "A".repeat(41);
        for bad in [
            "",
            "12",
            "3-1-502",
            "６－６－６０６",
            "<b>XSS</b>1234",
            "📦📦📦",
            "   ",
            long.as_str(),
        ] {
            assert_eq!(check_tracking(bad), Err(ParcelError::BadTracking), "{bad}");
        }
        // A full-width unit is the same unit.
        let p = Intake {
            tracking: "SF144307705322".into(),
            unit: "３－１－５０２".into(),
            ..Intake::default()
        }
        .parse(now(), "小李", "1".into())
        .unwrap();
        assert_eq!(p.recipient.unit, "3-1-502");
    }

    #[test]
    fn a_unit_that_is_a_scan_or_two_units_is_refused_and_an_unusual_one_is_kept_only_when_confirmed()
     {
        let intake = |unit: &str, as_typed: bool| Intake {
            tracking: "SF144307705322".into(),
            unit: unit.into(),
            unit_as_typed: as_typed,
            ..Intake::default()
        };
        let parse =
            |unit: &str, as_typed: bool| intake(unit, as_typed).parse(now(), "小李", "1".into());
        // The scanner read twice: the number landed in the unit field.
        for unit in [
            "SF144307705322",
            "sf 1443 0770 5322",
            "YT7579553618199",
            "773012345678901",
        ] {
            assert_eq!(
                parse(unit, true),
                Err(vec![ParcelError::UnitIsTracking]),
                "{unit}"
            );
        }
        // Two units run together (the refused form kept the first one).
        assert_eq!(
            parse("3-1-5025-2-1202", true),
            Err(vec![ParcelError::UnitsRunTogether(
                "3-1-5025-2-1202".into()
            )])
        );
        // An odd unit name is kept as typed only once the clerk confirms it.
        assert_eq!(
            parse("物业办公室", false),
            Err(vec![ParcelError::UnitUnusual("物业办公室".into())])
        );
        assert_eq!(
            parse("物业办公室", true).unwrap().recipient.unit,
            "物业办公室"
        );
        // Units as offices write them need no confirming.
        for (unit, key) in [
            ("3栋1单元502室", "3-1-502"),
            ("A座1201", "A-1201"),
            ("12-3-1104", "12-3-1104"),
        ] {
            assert_eq!(parse(unit, false).unwrap().recipient.unit, key);
        }
        let msg = ParcelError::UnitsRunTogether("3-1-5025-2-1202".into()).message(Lang::Zh);
        assert!(msg.contains("3-1-5025-2-1202"), "{msg}");
    }

    #[test]
    fn a_parcel_refers_to_its_photo_and_signature_by_id_and_they_travel_with_it() {
        let mut p = parcel().handed_over(signed(None, false)).unwrap();
        p.photo = Some(RecordId(uuid::Uuid::from_u128(78)));
        let env = crate::record::Envelope::create(
            &p,
            RecordId(uuid::Uuid::from_u128(1)),
            crate::store::conformance::Fixture::default().stamp(),
        )
        .unwrap();
        assert_eq!(
            photos_of(&env),
            vec![
                RecordId(uuid::Uuid::from_u128(78)),
                RecordId(uuid::Uuid::from_u128(77))
            ]
        );
        let mut bad = serde_json::to_value(&p).unwrap();
        bad["photo"] = "http://127.0.0.1/x.jpg".into();
        assert!(
            serde_json::from_value::<Parcel>(bad).is_err(),
            "a link is no photo id"
        );
    }

    #[test]
    fn a_closed_parcel_refuses_every_move() {
        let picked = parcel().handed_over(signed(None, true)).unwrap();
        assert_eq!(
            picked.clone().notified(now(), NoticeHow::Sms, ""),
            Err(ParcelError::Closed(Outcome::PickedUp))
        );
        assert_eq!(
            picked.clone().handed_over(signed(None, true)),
            Err(ParcelError::Closed(Outcome::PickedUp))
        );
        assert_eq!(
            picked.closed_as(Outcome::Returned, now(), "", ""),
            Err(ParcelError::Closed(Outcome::PickedUp))
        );
        let returned = parcel()
            .closed_as(Outcome::Returned, now(), "拒收", "小李")
            .unwrap();
        assert_eq!(returned.state(), ParcelState::Closed(Outcome::Returned));
        assert_eq!(
            returned.handed_over(signed(None, true)),
            Err(ParcelError::Closed(Outcome::Returned))
        );
    }

    #[test]
    fn lost_needs_a_note_and_outgoing_parcels_are_collected_not_picked_up() {
        assert_eq!(
            parcel().closed_as(Outcome::Lost, now(), " ", ""),
            Err(ParcelError::NoteNeeded)
        );
        assert!(
            parcel()
                .closed_as(Outcome::Lost, now(), "外箱破损", "")
                .is_ok()
        );
        assert_eq!(
            parcel().closed_as(Outcome::Collected, now(), "", ""),
            Err(ParcelError::NotOutgoing)
        );
        let out = Intake {
            tracking: "YT1234567890123".into(),
            name: "刘洋".into(),
            outgoing: true,
            ..Intake::default()
        }
        .parse(now(), "", "1".into())
        .unwrap();
        assert!(out.index_values().contains(&(ix::OUTGOING, "1".into())));
        assert_eq!(
            out.clone().notified(now(), NoticeHow::Sms, ""),
            Err(ParcelError::NotIncoming)
        );
        assert_eq!(
            out.clone().handed_over(signed(None, true)),
            Err(ParcelError::NotIncoming)
        );
        assert_eq!(
            out.clone().closed_as(Outcome::Returned, now(), "", ""),
            Err(ParcelError::NotIncoming)
        );
        let done = out
            .closed_as(Outcome::Collected, now(), "顺丰小哥", "")
            .unwrap();
        assert!(
            done.index_values()
                .iter()
                .any(|(n, v)| *n == ix::CLOSED && v.starts_with("collected|"))
        );
    }

    #[test]
    fn overdue_after_the_set_days_on_the_shelf() {
        let p = parcel();
        assert!(!p.overdue(now() + Duration::days(3), 3));
        assert!(p.overdue(now() + Duration::days(3) + Duration::minutes(1), 3));
        assert_eq!(p.days_waiting(now() + Duration::days(4)), 4);
        let picked = p.handed_over(signed(None, true)).unwrap();
        assert!(!picked.overdue(now() + Duration::days(10), 3));
    }

    #[test]
    fn the_shelf_search_looks_where_the_text_can_be() {
        let names = |s: &str| {
            search_plan(s)
                .into_iter()
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("456789"), vec![ix::CODE, ix::TRACKING, ix::PHONE]);
        assert_eq!(names("sf1234"), vec![ix::TRACKING]);
        assert_eq!(names("3-1-502"), vec![ix::TRACKING, ix::UNIT]);
        assert_eq!(names("张伟"), vec![ix::NAME]);
    }

    #[test]
    fn the_notice_has_the_code_shelf_and_hours() {
        let t = parcel().notice_text(Lang::Zh, "阳光物业", "8:00-20:00");
        assert!(
            t.contains("取件码 456789")
                && t.contains("货架 A-3")
                && t.contains("8:00-20:00")
                && t.contains("尾号9012"),
            "{t}"
        );
    }
}
