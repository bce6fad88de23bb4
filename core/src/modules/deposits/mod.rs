//! 寄存/转交 Deposited items: something left at the desk for someone (a resident's spare key for a
//! relative, documents for a company, a gift): from whom, for whom, what, a photo, where it is
//! kept, and a six-digit pickup code the depositor passes on. Handed over like a parcel, to the
//! person named or someone on their behalf, with the code (or the identity checked when the code
//! is lost) and a signature; or taken back by whoever left it.

pub mod services;

use crate::actor::{Action, Role};
use crate::lang::{Lang, Localized, labelled_enum};
use crate::phone::PhoneNumber;
use crate::record::{Meta, Record, RecordId};
use crate::time::day_key;
use crate::unit_no::UnitNo;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

labelled_enum!(Outcome {
    HandedOver => "handed_over", "已转交", "Handed over", [];
    TakenBack => "taken_back", "寄存人取回", "Taken back by who left it", [];
});

/// How it left the desk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Release {
    pub outcome: Outcome,
    pub at: DateTime<Utc>,
    /// The clerk.
    pub by: String,
    /// Who took it.
    pub to: String,
    /// The code was not given: the taker's identity was checked instead.
    #[serde(default)]
    pub id_checked: bool,
    /// The taker's signature, a photo record (none once purged).
    #[serde(default)]
    pub signature: Option<RecordId>,
}

/// An item left at the desk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deposit {
    pub what: String,
    /// Who left it.
    pub from: String,
    #[serde(default)]
    pub from_phone: Option<PhoneNumber>,
    /// Whom it is for.
    pub to: String,
    #[serde(default)]
    pub to_phone: Option<PhoneNumber>,
    #[serde(default)]
    pub unit: String,
    /// Where it is kept (`前台柜 2 号格`).
    #[serde(default)]
    pub kept_at: String,
    #[serde(default)]
    pub photo: Option<RecordId>,
    pub code: String,
    pub left_at: DateTime<Utc>,
    pub left_by: String,
    #[serde(default)]
    pub released: Option<Release>,
    #[serde(default)]
    pub purged: bool,
}

/// What the clerk types when an item is left.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DepositForm {
    pub what: String,
    pub from: String,
    pub from_phone: String,
    pub to: String,
    pub to_phone: String,
    pub unit: String,
    pub kept_at: String,
}

/// What was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DepositError {
    NoWhat,
    NoFrom,
    NoTo,
    BadFromPhone,
    BadToPhone,
    BadUnit,
    /// Already handed over or taken back.
    Gone(Outcome),
    /// The code typed is not the item's, and the identity was not checked instead.
    WrongCode,
    NoTaker,
    NoSignature,
}

impl Localized for DepositError {
    fn message(&self, lang: Lang) -> String {
        match self {
            DepositError::NoWhat => lang.pick("请写明寄存物品", "Say what is left").into(),
            DepositError::NoFrom => lang.pick("请填写寄存人", "Say who left it").into(),
            DepositError::NoTo => lang.pick("请填写转交给谁", "Say whom it is for").into(),
            DepositError::BadFromPhone => lang
                .pick("寄存人电话不正确", "The phone of who left it is not valid")
                .into(),
            DepositError::BadToPhone => lang
                .pick("收件人电话不正确", "The recipient's phone is not valid")
                .into(),
            DepositError::BadUnit => lang
                .pick("房号格式如 3-1-502", "A unit is written like 3-1-502")
                .into(),
            DepositError::Gone(o) => match lang {
                Lang::Zh => format!("这件物品已不在前台({})", o.label(lang)),
                Lang::En => format!("This item is already gone: {}", o.label(lang)),
            },
            DepositError::WrongCode => lang
                .pick(
                    "取件码不对;没有取件码请核对身份证件后勾选",
                    "The code is wrong; without the code, check an ID and tick it",
                )
                .into(),
            DepositError::NoTaker => lang.pick("请填写领取人", "Say who takes it").into(),
            DepositError::NoSignature => lang.pick("请领取人签名", "The taker signs").into(),
        }
    }
}

/// Take items in and hand them over.
pub const KEEP_DEPOSITS: Action = Action::new(
    "keep_deposits",
    &[Role::Clerk, Role::Supervisor],
    "寄存转交",
    "keep and hand over deposited items",
);

fn phone(text: &str, bad: DepositError, errs: &mut Vec<DepositError>) -> Option<PhoneNumber> {
    match text.trim() {
        "" => None,
        p => PhoneNumber::parse(p).map_err(|_| errs.push(bad)).ok(),
    }
}

impl DepositForm {
    pub fn parse(
        &self,
        now: DateTime<Utc>,
        by: &str,
        code: String,
    ) -> Result<Deposit, Vec<DepositError>> {
        let mut errs = Vec::new();
        let what = self.what.trim().to_string();
        if what.is_empty() {
            errs.push(DepositError::NoWhat);
        }
        if self.from.trim().is_empty() {
            errs.push(DepositError::NoFrom);
        }
        if self.to.trim().is_empty() {
            errs.push(DepositError::NoTo);
        }
        let from_phone = phone(&self.from_phone, DepositError::BadFromPhone, &mut errs);
        let to_phone = phone(&self.to_phone, DepositError::BadToPhone, &mut errs);
        let unit = match self.unit.trim() {
            "" => String::new(),
            u => UnitNo::parse(u)
                .map(|u| u.to_string())
                .map_err(|_| errs.push(DepositError::BadUnit))
                .unwrap_or_default(),
        };
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Deposit {
            what,
            from: self.from.trim().to_string(),
            from_phone,
            to: self.to.trim().to_string(),
            to_phone,
            unit,
            kept_at: self.kept_at.trim().to_string(),
            photo: None,
            code,
            left_at: now,
            left_by: by.to_string(),
            released: None,
            purged: false,
        })
    }
}

impl Deposit {
    pub fn waiting(&self) -> bool {
        self.released.is_none()
    }

    /// Leaves the desk at `now`: handed over to `to` (with the code typed, or the identity
    /// checked) or taken back by who left it; `signature` is the taker's.
    #[allow(clippy::too_many_arguments)]
    pub fn release(
        &self,
        outcome: Outcome,
        to: &str,
        code: &str,
        id_checked: bool,
        signature: Option<RecordId>,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Deposit, DepositError> {
        if let Some(r) = &self.released {
            return Err(DepositError::Gone(r.outcome));
        }
        if to.trim().is_empty() {
            return Err(DepositError::NoTaker);
        }
        // Whoever takes it, the recipient or who left it: the code, or an identity checked.
        if code.trim() != self.code && !id_checked {
            return Err(DepositError::WrongCode);
        }
        if signature.is_none() {
            return Err(DepositError::NoSignature);
        }
        Ok(Deposit {
            released: Some(Release {
                outcome,
                at: now,
                by: by.to_string(),
                to: to.trim().to_string(),
                id_checked,
                signature,
            }),
            ..self.clone()
        })
    }
}

/// Index names of deposits.
pub mod ix {
    /// Waiting at the desk: the day left.
    pub const WAITING: &str = "waiting";
    /// The pickup code while waiting.
    pub const CODE: &str = "code";
    pub const UNIT: &str = "unit";
    pub const TO: &str = "to";
    pub const DAY: &str = "day";
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for Deposit {
    const KIND: &'static str = "deposit";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(ix::DAY, day_key(self.left_at))];
        if self.waiting() {
            v.push((ix::WAITING, day_key(self.left_at)));
            v.push((ix::CODE, self.code.clone()));
        }
        if !self.unit.is_empty() {
            v.push((ix::UNIT, self.unit.clone()));
        }
        if !self.to.is_empty() {
            v.push((ix::TO, self.to.clone()));
        }
        if let (false, Some(r)) = (self.purged, &self.released) {
            v.push((ix::PERSONAL, day_key(r.at)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.left_at
    }
}

impl crate::modules::retention::Retained for Deposit {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged
            && self
                .released
                .as_ref()
                .is_some_and(|r| now - r.at >= Duration::days(i64::from(days)))
    }
    fn purged(mut self) -> Self {
        self.from.clear();
        self.from_phone = None;
        self.to.clear();
        self.to_phone = None;
        self.photo = None;
        if let Some(r) = self.released.as_mut() {
            r.to.clear();
            r.signature = None;
        }
        self.purged = true;
        self
    }
    fn pictures(&self) -> Vec<RecordId> {
        pictures(self)
    }
}

fn pictures(d: &Deposit) -> Vec<RecordId> {
    d.photo
        .into_iter()
        .chain(d.released.as_ref().and_then(|r| r.signature))
        .collect()
}

fn pictures_of(env: &crate::record::Envelope) -> Vec<RecordId> {
    env.decode::<Deposit>()
        .map(|d| pictures(&d))
        .unwrap_or_default()
}

/// The deposits module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "deposits",
    zh: "寄存",
    en: "Deposited items",
    kinds: &[
        crate::spec::KindSpec::of::<Deposit>("deposits", KEEP_DEPOSITS)
            .named("寄存物品", "Deposited item")
            .values(|field, value, lang| {
                field
                    .ends_with("outcome")
                    .then(|| Outcome::from_code(value).map(|o| o.label(lang).to_string()))?
            })
            .photos(pictures_of)
            .personal(&[
                ("from", crate::spec::Mask::Name),
                ("from_phone", crate::spec::Mask::Phone),
                ("to", crate::spec::Mask::Name),
                ("to_phone", crate::spec::Mask::Phone),
                ("released.to", crate::spec::Mask::Name),
            ])
            .labels(&[
                crate::spec::Label::new("what", "物品", "Item"),
                crate::spec::Label::new("from", "寄存人", "Left by"),
                crate::spec::Label::new("from_phone", "寄存人电话", "Their phone"),
                crate::spec::Label::new("to", "转交给", "For"),
                crate::spec::Label::new("to_phone", "收件人电话", "Recipient's phone"),
                crate::spec::Label::new("unit", "房号", "Unit"),
                crate::spec::Label::new("kept_at", "存放位置", "Kept at"),
                crate::spec::Label::new("photo", "照片", "Photo"),
                crate::spec::Label::new("code", "取件码", "Pickup code"),
                crate::spec::Label::new("left_at", "寄存时间", "Left at"),
                crate::spec::Label::new("left_by", "经办人", "Taken in by"),
                crate::spec::Label::new("released", "领取", "Collected"),
                crate::spec::Label::new("outcome", "去向", "Outcome"),
                crate::spec::Label::new("id_checked", "已核对证件", "ID checked"),
                crate::spec::Label::new("signature", "签名", "Signature"),
                crate::spec::Label::new("purged", "已清除个人信息", "Personal data purged"),
            ]),
    ],
    exportable: true,
    settings: &[],
    demo: None,
};

#[cfg(test)]
mod tests;
