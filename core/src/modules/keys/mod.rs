//! 钥匙管理 Keys: the register of keys the desk holds (which key, what it opens, the hook it hangs
//! on, how many copies are kept at the desk), and each lending of one (借用): who took it, why,
//! when it is due back, their signature; taken back with its condition and a signature. A key is
//! never lent twice: while every copy at the desk is out, another lending is refused
//! ([`services::lend`]). Keys out past their time are overdue.
//!
//! The register holds no personal data; a loan holds the borrower's name, phone and signature,
//! purged a configurable number of days after the key came back.

pub mod csv;
pub mod services;

use crate::actor::{Action, Role};
use crate::lang::{Lang, Localized, labelled_enum};
use crate::phone::PhoneNumber;
use crate::record::{Meta, Record, RecordId};
use crate::time::day_key;
use crate::unit_no::UnitNo;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

labelled_enum!(Opens {
    Unit => "unit", "住户房门", "A unit", [];
    PlantRoom => "plant_room", "设备房", "A plant room", [];
    Gate => "gate", "大门/通道门", "A gate", [];
    Other => "other", "其他", "Other", [];
});

labelled_enum!(Borrower {
    Staff => "staff", "员工", "Staff", [];
    Resident => "resident", "住户", "Resident", [];
    Other => "other", "其他人员", "Someone else", [];
});

labelled_enum!(Condition {
    Good => "good", "完好", "Good", [];
    Damaged => "damaged", "损坏", "Damaged", [];
    Lost => "lost", "丢失", "Lost", [];
});

/// A key in the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Key {
    /// What the desk calls it (`3-1-502 户门`, `配电房`).
    pub label: String,
    pub opens: Opens,
    /// The unit it opens, when it opens one (`3-1-502`).
    #[serde(default)]
    pub unit: String,
    /// The place it opens otherwise (`2 号楼地下配电房`).
    #[serde(default)]
    pub place: String,
    /// The hook it hangs on (`A-12`).
    #[serde(default)]
    pub hook: String,
    /// Copies kept at the desk: that many can be out at once.
    pub copies: u32,
    /// No longer held (lost, given back to the owner); kept for its history.
    #[serde(default)]
    pub retired: bool,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
}

/// What the clerk types to register a key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyForm {
    pub label: String,
    pub opens: Option<Opens>,
    pub unit: String,
    pub place: String,
    pub hook: String,
    pub copies: String,
}

/// The key coming back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Return {
    pub at: DateTime<Utc>,
    /// The clerk who took it back.
    pub by: String,
    pub condition: Condition,
    #[serde(default)]
    pub note: String,
    /// The returner's signature, a photo record (none once purged).
    #[serde(default)]
    pub signature: Option<RecordId>,
}

/// One lending of a key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyLoan {
    pub key: RecordId,
    /// The key's label when it was lent, so the loan reads alone.
    pub key_label: String,
    pub borrower: Borrower,
    pub name: String,
    #[serde(default)]
    pub phone: Option<PhoneNumber>,
    /// The borrower's unit (residents).
    #[serde(default)]
    pub unit: String,
    pub reason: String,
    pub out_at: DateTime<Utc>,
    pub due: DateTime<Utc>,
    /// The clerk who lent it.
    pub out_by: String,
    /// The borrower's signature, a photo record (none once purged).
    #[serde(default)]
    pub signature: Option<RecordId>,
    #[serde(default)]
    pub returned: Option<Return>,
    #[serde(default)]
    pub purged: bool,
}

/// What the clerk types to lend a key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoanForm {
    pub borrower: Option<Borrower>,
    pub name: String,
    pub phone: String,
    pub unit: String,
    pub reason: String,
    pub due: Option<DateTime<Utc>>,
    /// The signature's photo record, written with the loan.
    pub signature: Option<RecordId>,
}

/// What was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    NoLabel,
    NoOpens,
    /// A unit key names a unit of the directory's form.
    BadUnit,
    BadCopies,
    NoBorrower,
    NoName,
    BadPhone,
    NoReason,
    /// The return time is not after the time it is lent.
    DueNotAhead,
    NoSignature,
    /// Every copy is out (who has them, till when).
    AllOut {
        with: Vec<(String, DateTime<Utc>)>,
    },
    Retired,
    /// Already back.
    Back,
    NoCondition,
    /// A damaged or lost key says what happened.
    NoNote,
    /// Not retired while a copy is out.
    StillOut,
}

impl Localized for KeyError {
    fn message(&self, lang: Lang) -> String {
        match self {
            KeyError::NoLabel => lang.pick("请填写钥匙名称", "Name the key").into(),
            KeyError::NoOpens => lang.pick("请选择钥匙用途", "Say what it opens").into(),
            KeyError::BadUnit => lang
                .pick("房号格式如 3-1-502", "A unit is written like 3-1-502")
                .into(),
            KeyError::BadCopies => lang.pick("份数请填 1 到 99", "Copies: 1 to 99").into(),
            KeyError::NoBorrower => lang
                .pick(
                    "请选择借用人类别",
                    "Say who borrows it: staff, resident or someone else",
                )
                .into(),
            KeyError::NoName => lang
                .pick("请填写借用人姓名", "Give the borrower's name")
                .into(),
            KeyError::BadPhone => lang
                .pick("电话号码不正确", "The phone number is not valid")
                .into(),
            KeyError::NoReason => lang.pick("请写明借用原因", "Give the reason").into(),
            KeyError::DueNotAhead => lang
                .pick(
                    "应还时间要晚于现在",
                    "The return time must be later than now",
                )
                .into(),
            KeyError::NoSignature => lang.pick("请签名", "A signature is needed").into(),
            KeyError::AllOut { with } => {
                let who = with
                    .iter()
                    .map(|(n, due)| format!("{n}({})", crate::time::short(*due)))
                    .collect::<Vec<_>>()
                    .join("、");
                match lang {
                    Lang::Zh => format!("这把钥匙已全部借出,不能重复借出:{who}"),
                    Lang::En => {
                        format!("Every copy of this key is out; it cannot be lent again: {who}")
                    }
                }
            }
            KeyError::Retired => lang
                .pick("这把钥匙已停用", "This key is no longer held")
                .into(),
            KeyError::Back => lang
                .pick("这把钥匙已归还", "This key is already back")
                .into(),
            KeyError::NoCondition => lang
                .pick("请选择归还时的状况", "Say what state it came back in")
                .into(),
            KeyError::NoNote => lang
                .pick("钥匙损坏或丢失请写明情况", "Say what happened to the key")
                .into(),
            KeyError::StillOut => lang
                .pick(
                    "这把钥匙还有借出未还的,归还后才能停用",
                    "A copy is still out: take it back before retiring the key",
                )
                .into(),
        }
    }
}

/// Register keys and retire them.
pub const MANAGE_KEYS: Action = Action::new(
    "manage_keys",
    &[Role::Supervisor],
    "管理钥匙登记",
    "manage the key register",
);

/// Lend keys and take them back.
pub const LEND_KEYS: Action = Action::new(
    "lend_keys",
    &[Role::Clerk, Role::Supervisor],
    "借还钥匙",
    "lend and take back keys",
);

impl KeyForm {
    pub fn parse(&self, now: DateTime<Utc>, by: &str) -> Result<Key, Vec<KeyError>> {
        let mut errs = Vec::new();
        let label = self.label.trim().to_string();
        if label.is_empty() {
            errs.push(KeyError::NoLabel);
        }
        let unit = match self.opens {
            None => {
                errs.push(KeyError::NoOpens);
                String::new()
            }
            Some(Opens::Unit) => match UnitNo::parse(self.unit.trim()) {
                Ok(u) => u.to_string(),
                Err(_) => {
                    errs.push(KeyError::BadUnit);
                    String::new()
                }
            },
            Some(_) => String::new(),
        };
        let copies = match self.copies.trim() {
            "" => Some(1),
            c => c.parse::<u32>().ok().filter(|c| (1..=99).contains(c)),
        };
        if copies.is_none() {
            errs.push(KeyError::BadCopies);
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Key {
            label,
            opens: self.opens.unwrap_or(Opens::Other),
            unit,
            place: self.place.trim().to_string(),
            hook: self.hook.trim().to_string(),
            copies: copies.unwrap_or(1),
            retired: false,
            created_at: now,
            created_by: by.to_string(),
        })
    }
}

impl Key {
    /// The form holding this key, to change it.
    pub fn form(&self) -> KeyForm {
        KeyForm {
            label: self.label.clone(),
            opens: Some(self.opens),
            unit: self.unit.clone(),
            place: self.place.clone(),
            hook: self.hook.clone(),
            copies: self.copies.to_string(),
        }
    }
}

impl LoanForm {
    /// A loan of `key` at `now` by the clerk `by`; whether a copy is free is the service's check.
    pub fn parse(
        &self,
        key_id: RecordId,
        key: &Key,
        now: DateTime<Utc>,
        by: &str,
    ) -> Result<KeyLoan, Vec<KeyError>> {
        let mut errs = Vec::new();
        if key.retired {
            errs.push(KeyError::Retired);
        }
        if self.borrower.is_none() {
            errs.push(KeyError::NoBorrower);
        }
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errs.push(KeyError::NoName);
        }
        let phone = match self.phone.trim() {
            "" => None,
            p => match PhoneNumber::parse(p) {
                Ok(p) => Some(p),
                Err(_) => {
                    errs.push(KeyError::BadPhone);
                    None
                }
            },
        };
        let unit = match self.unit.trim() {
            "" => String::new(),
            u => match UnitNo::parse(u) {
                Ok(u) => u.to_string(),
                Err(_) => {
                    errs.push(KeyError::BadUnit);
                    String::new()
                }
            },
        };
        if self.reason.trim().is_empty() {
            errs.push(KeyError::NoReason);
        }
        if self.due.is_none_or(|d| d <= now) {
            errs.push(KeyError::DueNotAhead);
        }
        if self.signature.is_none() {
            errs.push(KeyError::NoSignature);
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(KeyLoan {
            key: key_id,
            key_label: key.label.clone(),
            borrower: self.borrower.unwrap_or(Borrower::Other),
            name,
            phone,
            unit,
            reason: self.reason.trim().to_string(),
            out_at: now,
            due: self.due.unwrap_or(now),
            out_by: by.to_string(),
            signature: self.signature,
            returned: None,
            purged: false,
        })
    }
}

impl KeyLoan {
    pub fn out(&self) -> bool {
        self.returned.is_none()
    }

    /// Out past its time.
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.out() && now > self.due
    }

    /// Taken back at `now` by the clerk `by`.
    pub fn back(
        &self,
        condition: Option<Condition>,
        note: &str,
        signature: Option<RecordId>,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<KeyLoan, KeyError> {
        if !self.out() {
            return Err(KeyError::Back);
        }
        let condition = condition.ok_or(KeyError::NoCondition)?;
        if condition != Condition::Good && note.trim().is_empty() {
            return Err(KeyError::NoNote);
        }
        // A lost key cannot be signed for by who lost it in hand; otherwise the returner signs.
        if signature.is_none() && condition != Condition::Lost {
            return Err(KeyError::NoSignature);
        }
        Ok(KeyLoan {
            returned: Some(Return {
                at: now,
                by: by.to_string(),
                condition,
                note: note.trim().to_string(),
                signature,
            }),
            ..self.clone()
        })
    }
}

/// Index names of keys and loans.
pub mod ix {
    /// A key's unit; a loan's borrower unit.
    pub const UNIT: &str = "unit";
    /// A key's label and hook, for the search box.
    pub const LABEL: &str = "label";
    pub const HOOK: &str = "hook";
    /// A loan's key.
    pub const KEY: &str = "key";
    /// A loan out: its due time.
    pub const OUT: &str = "out";
    /// A loan's key while it is out (the lend check).
    pub const OUT_KEY: &str = "out_key";
    /// The day lent (CSV).
    pub const DAY: &str = "day";
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for Key {
    const KIND: &'static str = "key";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(ix::LABEL, self.label.clone())];
        if !self.unit.is_empty() {
            v.push((ix::UNIT, self.unit.clone()));
        }
        if !self.hook.is_empty() {
            v.push((ix::HOOK, self.hook.clone()));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.created_at
    }
}

impl Record for KeyLoan {
    const KIND: &'static str = "key_loan";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            (ix::KEY, self.key.0.to_string()),
            (ix::DAY, day_key(self.out_at)),
        ];
        if self.out() {
            v.push((ix::OUT, self.due.to_rfc3339()));
            v.push((ix::OUT_KEY, self.key.0.to_string()));
        }
        if !self.unit.is_empty() {
            v.push((ix::UNIT, self.unit.clone()));
        }
        if let (false, Some(r)) = (self.purged, &self.returned) {
            v.push((ix::PERSONAL, day_key(r.at)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.out_at
    }
}

impl crate::modules::retention::Retained for KeyLoan {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged
            && self
                .returned
                .as_ref()
                .is_some_and(|r| now - r.at >= Duration::days(i64::from(days)))
    }
    fn purged(mut self) -> Self {
        self.name.clear();
        self.phone = None;
        self.signature = None;
        if let Some(r) = self.returned.as_mut() {
            r.signature = None;
        }
        self.purged = true;
        self
    }
    fn pictures(&self) -> Vec<RecordId> {
        signatures(self)
    }
}

fn signatures(l: &KeyLoan) -> Vec<RecordId> {
    l.signature
        .into_iter()
        .chain(l.returned.as_ref().and_then(|r| r.signature))
        .collect()
}

fn signatures_of(env: &crate::record::Envelope) -> Vec<RecordId> {
    env.decode::<KeyLoan>()
        .map(|l| signatures(&l))
        .unwrap_or_default()
}

fn key_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    match field.rsplit('.').next().unwrap_or(field) {
        "opens" => Opens::from_code(value).map(|o| o.label(lang).to_string()),
        "borrower" => Borrower::from_code(value).map(|b| b.label(lang).to_string()),
        "condition" => Condition::from_code(value).map(|c| c.label(lang).to_string()),
        _ => None,
    }
}

/// The keys module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "keys",
    zh: "钥匙",
    en: "Keys",
    kinds: &[
        crate::spec::KindSpec::of::<Key>("keys", MANAGE_KEYS)
            .named("钥匙", "Key")
            .csv(csv::KEYS)
            .values(key_words)
            // The register names doors, not people.
            .personal(&[])
            .labels(&[
                crate::spec::Label::new("label", "钥匙名称", "Key"),
                crate::spec::Label::new("opens", "用途", "Opens"),
                crate::spec::Label::new("unit", "房号", "Unit"),
                crate::spec::Label::new("place", "位置", "Place"),
                crate::spec::Label::new("hook", "挂钩号", "Hook"),
                crate::spec::Label::new("copies", "前台存放份数", "Copies at the desk"),
                crate::spec::Label::new("retired", "已停用", "No longer held"),
            ]),
        crate::spec::KindSpec::of::<KeyLoan>("keys", LEND_KEYS)
            .named("钥匙借用", "Key loan")
            .csv(csv::LOANS)
            .values(key_words)
            .photos(signatures_of)
            .personal(&[
                ("name", crate::spec::Mask::Name),
                ("phone", crate::spec::Mask::Phone),
            ])
            .labels(&[
                crate::spec::Label::new("key", "钥匙", "Key"),
                crate::spec::Label::new("key_label", "钥匙名称", "Key"),
                crate::spec::Label::new("borrower", "借用人类别", "Borrower"),
                crate::spec::Label::new("unit", "房号", "Unit"),
                crate::spec::Label::new("reason", "借用原因", "Reason"),
                crate::spec::Label::new("out_at", "借出时间", "Lent at"),
                crate::spec::Label::new("due", "应还时间", "Due back"),
                crate::spec::Label::new("out_by", "经办人", "Lent by"),
                crate::spec::Label::new("signature", "签名", "Signature"),
                crate::spec::Label::new("returned", "归还", "Returned"),
                crate::spec::Label::new("condition", "归还状况", "Condition"),
                crate::spec::Label::new("note", "说明", "Note"),
                crate::spec::Label::new("purged", "已清除个人信息", "Personal data purged"),
            ]),
    ],
    exportable: true,
    settings: &[crate::spec::Label::new(
        "key.retention_days",
        "钥匙借用人信息保留天数",
        "Key borrowers' data kept (days)",
    )],
    demo: None,
};

#[cfg(test)]
mod tests;
