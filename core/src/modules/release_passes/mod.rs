//! 放行条 Goods release passes: residents, tenants, shops or companies moving goods out apply at
//! the desk (who, the unit, the items and quantities, the vehicle, the day and gate, the reason);
//! a tenant moving out needs the owner's consent (who, how it was given) and fees cleared; a
//! supervisor approves. The pass carries a short code and a QR signed by the approving tablet
//! ([`ticket`]), which a gate that never received the pass checks offline; the gate guard (门岗) checks it on its day only, marks it used once (a second use is
//! refused, saying when and by whom it was used), or refuses it with a reason.

pub mod csv;
pub mod services;
pub mod ticket;

use crate::actor::{Action, Role};
use crate::lang::{Lang, Localized, labelled_enum};
use crate::phone::PhoneNumber;
use crate::plate::PlateNumber;
use crate::record::{Meta, Record};
use crate::time::{day_key, local_date};
use crate::unit_no::UnitNo;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

labelled_enum!(Applicant {
    Owner => "owner", "业主", "Owner", [];
    Tenant => "tenant", "租户", "Tenant", [];
    Shop => "shop", "商户", "Shop", [];
    Company => "company", "公司", "Company", [];
});

labelled_enum!(Reason {
    Moving => "moving", "搬家", "Moving out", [];
    Renovation => "renovation", "装修垃圾", "Renovation waste", [];
    ShopGoods => "shop_goods", "商户出货", "A shop's goods", [];
    Other => "other", "其他", "Other", [];
});

labelled_enum!(ConsentHow {
    Phone => "phone", "电话确认", "By phone", [];
    Written => "written", "书面同意", "In writing", [];
    InPerson => "in_person", "到场确认", "In person", [];
});

labelled_enum!(PassState {
    Applied => "applied", "待审批", "Waiting for approval", [];
    Approved => "approved", "已批准", "Approved", [];
    Rejected => "rejected", "未批准", "Not approved", [];
    Used => "used", "已放行", "Used at the gate", [];
    Refused => "refused", "门岗拒绝", "Refused at the gate", [];
});

/// One line of goods.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassItem {
    pub what: String,
    pub qty: u32,
}

/// The owner's consent to a tenant moving out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub owner: String,
    #[serde(default)]
    pub phone: Option<PhoneNumber>,
    pub how: ConsentHow,
}

/// Who did something, when, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub at: DateTime<Utc>,
    pub by: String,
    #[serde(default)]
    pub note: String,
}

/// A release pass.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pass {
    /// What the guard types (8 letters and digits, none of them easy to misread).
    pub code: String,
    pub applicant: Applicant,
    pub name: String,
    #[serde(default)]
    pub phone: Option<PhoneNumber>,
    #[serde(default)]
    pub unit: String,
    pub items: Vec<PassItem>,
    #[serde(default)]
    pub plate: Option<PlateNumber>,
    /// The one day it is valid (China's calendar).
    pub date: NaiveDate,
    #[serde(default)]
    pub gate: String,
    pub reason: Reason,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub consent: Option<Consent>,
    /// Fees checked as cleared (a field until the fees module exists).
    #[serde(default)]
    pub fees_cleared: bool,
    pub state: PassState,
    pub applied: Mark,
    /// The supervisor's decision (approved or not, with why not).
    #[serde(default)]
    pub decided: Option<Mark>,
    /// At the gate: used, or refused with the reason.
    #[serde(default)]
    pub gate_mark: Option<Mark>,
    /// The QR signed by the approving tablet ([`ticket`]); empty for a pass approved before
    /// passes were signed (its QR is the code).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub qr: String,
    #[serde(default)]
    pub purged: bool,
}

/// What the clerk types.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PassForm {
    pub applicant: Option<Applicant>,
    pub name: String,
    pub phone: String,
    pub unit: String,
    /// `(what, quantity as typed)`; blank lines are left out.
    pub items: Vec<(String, String)>,
    pub plate: String,
    pub date: Option<NaiveDate>,
    pub gate: String,
    pub reason: Option<Reason>,
    pub note: String,
    pub consent_owner: String,
    pub consent_phone: String,
    pub consent_how: Option<ConsentHow>,
    pub fees_cleared: bool,
}

/// What was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PassError {
    NoApplicant,
    NoName,
    BadPhone,
    /// Residents and tenants name their unit.
    NoUnit,
    BadUnit,
    NoItems,
    /// An item line without its name, or a quantity that is not 1 to 9999 (the line number).
    BadItem(usize),
    BadPlate,
    /// No date, or a day already past.
    BadDate,
    NoReason,
    /// A tenant moving out: the owner's consent (who and how).
    NoConsent,
    FeesNotCleared,
    /// A tenant moving out of a unit the fees module bills, which owes (months, 分).
    FeesOwed(u32, i64),
    /// Approving or rejecting takes a supervisor.
    NotSupervisor,
    NoNote,
    /// Not in the state the step needs (the state it is in).
    NotNow(PassState),
}

impl Localized for PassError {
    fn message(&self, lang: Lang) -> String {
        match self {
            PassError::NoApplicant => lang.pick("请选择申请人类别", "Say who applies").into(),
            PassError::NoName => lang
                .pick("请填写申请人姓名或单位名称", "Give the applicant's name")
                .into(),
            PassError::BadPhone => lang
                .pick("电话号码不正确", "The phone number is not valid")
                .into(),
            PassError::NoUnit => lang
                .pick("业主和租户请填写房号", "Owners and tenants give their unit")
                .into(),
            PassError::BadUnit => lang
                .pick("房号格式如 3-1-502", "A unit is written like 3-1-502")
                .into(),
            PassError::NoItems => lang
                .pick("请至少填写一项物品", "List at least one item")
                .into(),
            PassError::BadItem(n) => match lang {
                Lang::Zh => format!("第 {n} 项物品:请写明物品,数量填 1 到 9999"),
                Lang::En => format!("Item {n}: name it, with a quantity of 1 to 9999"),
            },
            PassError::BadPlate => lang
                .pick(
                    "车牌号不正确,如 京A12345",
                    "The plate is not valid, e.g. 京A12345",
                )
                .into(),
            PassError::BadDate => lang
                .pick(
                    "请选择放行日期(今天或以后)",
                    "Choose the day (today or later)",
                )
                .into(),
            PassError::NoReason => lang.pick("请选择放行原因", "Choose the reason").into(),
            PassError::NoConsent => lang
                .pick(
                    "租户搬家须有业主同意:请填写业主姓名和确认方式",
                    "A tenant moving out needs the owner's consent: who, and how it was given",
                )
                .into(),
            PassError::FeesNotCleared => lang
                .pick(
                    "租户搬家须先结清费用,请核实后勾选",
                    "A tenant moving out must have cleared the fees: check and tick it",
                )
                .into(),
            PassError::FeesOwed(months, fen) => match lang {
                Lang::Zh => format!(
                    "该房屋欠物业费 {months} 个月,合计 {} 元:请先到“物业费”结清,再办理搬家放行",
                    crate::modules::fees::money::yuan(*fen)
                ),
                Lang::En => format!(
                    "The unit owes {months} months of fees, {} yuan: clear them under Fees first",
                    crate::modules::fees::money::yuan(*fen)
                ),
            },
            PassError::NotSupervisor => lang
                .pick("放行条须由主管审批", "A supervisor approves passes")
                .into(),
            PassError::NoNote => lang.pick("请写明原因", "Give the reason").into(),
            PassError::NotNow(s) => match lang {
                Lang::Zh => format!("放行条当前为“{}”,不能这样操作", s.label(lang)),
                Lang::En => format!(
                    "The pass is {}: this cannot be done now",
                    s.label(lang).to_lowercase()
                ),
            },
        }
    }
}

/// Apply for passes at the desk.
pub const APPLY_PASSES: Action = Action::new(
    "apply_passes",
    &[Role::Clerk, Role::Supervisor],
    "登记放行条",
    "take release pass applications",
);

/// Read passes: the desk, and the gate.
pub const READ_PASSES: Action = Action::new(
    "read_passes",
    &[Role::Clerk, Role::Supervisor, Role::Gate],
    "查看放行条",
    "read release passes",
);

/// Write passes: applying, deciding, marking at the gate (each step checks its own right).
pub const WRITE_PASSES: Action = Action::new(
    "write_passes",
    &[Role::Clerk, Role::Supervisor, Role::Gate],
    "处理放行条",
    "handle release passes",
);

/// Check passes at the gate: mark them used or refuse them.
pub const CHECK_PASSES: Action = Action::new(
    "check_passes",
    &[Role::Gate, Role::Supervisor],
    "门岗核验放行条",
    "check passes at the gate",
);

/// Approve or reject passes.
pub const APPROVE_PASSES: Action = Action::new(
    "approve_passes",
    &[Role::Supervisor],
    "审批放行条",
    "approve release passes",
);

/// The characters of a code: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
const CODE_CHARS: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";

/// An 8-character pass code from random bits.
pub fn pass_code(mut random: u64) -> String {
    let n = CODE_CHARS.len() as u64;
    (0..8)
        .map(|_| {
            let c = CODE_CHARS[(random % n) as usize] as char;
            random /= n;
            c
        })
        .collect()
}

/// A code as typed at the gate: upper case, spaces and dashes dropped.
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

impl PassForm {
    pub fn parse(
        &self,
        now: DateTime<Utc>,
        by: &str,
        code: String,
    ) -> Result<Pass, Vec<PassError>> {
        let mut errs = Vec::new();
        let applicant = self.applicant;
        if applicant.is_none() {
            errs.push(PassError::NoApplicant);
        }
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errs.push(PassError::NoName);
        }
        let phone = |t: &str, errs: &mut Vec<PassError>| match t.trim() {
            "" => None,
            p => PhoneNumber::parse(p)
                .map_err(|_| errs.push(PassError::BadPhone))
                .ok(),
        };
        let applicant_phone = phone(&self.phone, &mut errs);
        let unit = match self.unit.trim() {
            "" => {
                if matches!(applicant, Some(Applicant::Owner | Applicant::Tenant)) {
                    errs.push(PassError::NoUnit);
                }
                String::new()
            }
            u => UnitNo::parse(u)
                .map(|u| u.to_string())
                .map_err(|_| errs.push(PassError::BadUnit))
                .unwrap_or_default(),
        };
        let mut items = Vec::new();
        for (n, (what, qty)) in self.items.iter().enumerate() {
            if what.trim().is_empty() && qty.trim().is_empty() {
                continue;
            }
            match qty
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|q| (1..=9999).contains(q))
            {
                Some(q) if !what.trim().is_empty() => items.push(PassItem {
                    what: what.trim().to_string(),
                    qty: q,
                }),
                _ => errs.push(PassError::BadItem(n + 1)),
            }
        }
        if items.is_empty() && !errs.iter().any(|e| matches!(e, PassError::BadItem(_))) {
            errs.push(PassError::NoItems);
        }
        let plate = match self.plate.trim() {
            "" => None,
            p => PlateNumber::parse(p)
                .map_err(|_| errs.push(PassError::BadPlate))
                .ok(),
        };
        let date = self.date.filter(|d| *d >= local_date(now));
        if date.is_none() {
            errs.push(PassError::BadDate);
        }
        if self.reason.is_none() {
            errs.push(PassError::NoReason);
        }
        let tenant_moving =
            applicant == Some(Applicant::Tenant) && self.reason == Some(Reason::Moving);
        let consent = match (self.consent_owner.trim(), self.consent_how) {
            ("", _) | (_, None) => None,
            (owner, Some(how)) => Some(Consent {
                owner: owner.to_string(),
                phone: phone(&self.consent_phone, &mut errs),
                how,
            }),
        };
        if tenant_moving && consent.is_none() {
            errs.push(PassError::NoConsent);
        }
        if tenant_moving && !self.fees_cleared {
            errs.push(PassError::FeesNotCleared);
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Pass {
            code,
            applicant: applicant.unwrap_or(Applicant::Owner),
            name,
            phone: applicant_phone,
            unit,
            items,
            plate,
            date: date.unwrap_or_else(|| local_date(now)),
            gate: self.gate.trim().to_string(),
            reason: self.reason.unwrap_or(Reason::Other),
            note: self.note.trim().to_string(),
            consent,
            fees_cleared: self.fees_cleared,
            state: PassState::Applied,
            applied: Mark {
                at: now,
                by: by.to_string(),
                note: String::new(),
            },
            decided: None,
            gate_mark: None,
            qr: String::new(),
            purged: false,
        })
    }
}

/// What the gate finds when it opens a pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Good for today: let it through.
    Valid,
    NotApproved(PassState),
    /// For another day (that day).
    WrongDay(NaiveDate),
    /// Already used (when, by whom).
    Used {
        at: DateTime<Utc>,
        by: String,
    },
    /// Refused at the gate before (why).
    Refused {
        reason: String,
    },
}

impl Localized for Verdict {
    fn message(&self, lang: Lang) -> String {
        match self {
            Verdict::Valid => lang.pick("有效,可以放行", "Valid: let it through").into(),
            Verdict::NotApproved(s) => match lang {
                Lang::Zh => format!("不能放行:放行条{}", s.label(lang)),
                Lang::En => format!(
                    "Do not let through: the pass is {}",
                    s.label(lang).to_lowercase()
                ),
            },
            Verdict::WrongDay(d) => match lang {
                Lang::Zh => format!("不能放行:这张放行条只在 {d} 当天有效"),
                Lang::En => format!("Do not let through: this pass is for {d} only"),
            },
            Verdict::Used { at, by } => match lang {
                Lang::Zh => format!(
                    "已经放行过!{} 由 {by} 放行,不能再次使用",
                    crate::time::long(*at)
                ),
                Lang::En => format!(
                    "ALREADY USED at {} by {by}: it cannot be used again",
                    crate::time::long(*at)
                ),
            },
            Verdict::Refused { reason } => match lang {
                Lang::Zh => format!("门岗已拒绝这张放行条:{reason}"),
                Lang::En => format!("The gate already refused this pass: {reason}"),
            },
        }
    }
}

impl Pass {
    fn decide(
        &self,
        approve: bool,
        note: &str,
        by: &str,
        roles: &[Role],
        now: DateTime<Utc>,
    ) -> Result<Pass, PassError> {
        if !APPROVE_PASSES.allowed(roles) {
            return Err(PassError::NotSupervisor);
        }
        if self.state != PassState::Applied {
            return Err(PassError::NotNow(self.state));
        }
        if !approve && note.trim().is_empty() {
            return Err(PassError::NoNote);
        }
        Ok(Pass {
            state: if approve {
                PassState::Approved
            } else {
                PassState::Rejected
            },
            decided: Some(Mark {
                at: now,
                by: by.to_string(),
                note: note.trim().to_string(),
            }),
            ..self.clone()
        })
    }

    /// Approved by a supervisor.
    pub fn approved(
        &self,
        by: &str,
        roles: &[Role],
        now: DateTime<Utc>,
    ) -> Result<Pass, PassError> {
        self.decide(true, "", by, roles, now)
    }

    /// Not approved, with why.
    pub fn rejected(
        &self,
        why: &str,
        by: &str,
        roles: &[Role],
        now: DateTime<Utc>,
    ) -> Result<Pass, PassError> {
        self.decide(false, why, by, roles, now)
    }

    /// What the gate finds at `now`.
    pub fn verdict(&self, now: DateTime<Utc>) -> Verdict {
        match (&self.state, &self.gate_mark) {
            (PassState::Used, Some(m)) => Verdict::Used {
                at: m.at,
                by: m.by.clone(),
            },
            (PassState::Refused, Some(m)) => Verdict::Refused {
                reason: m.note.clone(),
            },
            (PassState::Approved, _) if local_date(now) != self.date => {
                Verdict::WrongDay(self.date)
            }
            (PassState::Approved, _) => Verdict::Valid,
            (s, _) => Verdict::NotApproved(*s),
        }
    }

    /// Marked used at the gate by `by` at `now`: only a valid pass, once.
    pub fn used(&self, by: &str, now: DateTime<Utc>) -> Result<Pass, Verdict> {
        match self.verdict(now) {
            Verdict::Valid => Ok(Pass {
                state: PassState::Used,
                gate_mark: Some(Mark {
                    at: now,
                    by: by.to_string(),
                    note: String::new(),
                }),
                ..self.clone()
            }),
            v => Err(v),
        }
    }

    /// Refused at the gate with `reason` (the goods differ, the plate is another).
    pub fn refused(&self, reason: &str, by: &str, now: DateTime<Utc>) -> Result<Pass, PassError> {
        if !matches!(self.state, PassState::Approved) {
            return Err(PassError::NotNow(self.state));
        }
        if reason.trim().is_empty() {
            return Err(PassError::NoNote);
        }
        Ok(Pass {
            state: PassState::Refused,
            gate_mark: Some(Mark {
                at: now,
                by: by.to_string(),
                note: reason.trim().to_string(),
            }),
            ..self.clone()
        })
    }

    /// Done with: used, refused, rejected, or its day gone by.
    pub fn ended_at(&self) -> Option<DateTime<Utc>> {
        match self.state {
            PassState::Used | PassState::Refused => self.gate_mark.as_ref().map(|m| m.at),
            PassState::Rejected => self.decided.as_ref().map(|m| m.at),
            PassState::Applied | PassState::Approved => Some(crate::time::at_local(
                self.date + Duration::days(1),
                chrono::NaiveTime::MIN,
            )),
        }
    }
}

/// Index names of passes.
pub mod ix {
    /// The code while the pass can still be used or decided.
    pub const CODE: &str = "code";
    pub const STATE: &str = "state";
    /// The day it is for.
    pub const DATE: &str = "date";
    pub const UNIT: &str = "unit";
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for Pass {
    const KIND: &'static str = "release_pass";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            (ix::CODE, self.code.clone()),
            (ix::STATE, self.state.code().to_string()),
            (ix::DATE, self.date.format("%Y-%m-%d").to_string()),
        ];
        if !self.unit.is_empty() {
            v.push((ix::UNIT, self.unit.clone()));
        }
        if let (false, Some(t)) = (self.purged, self.ended_at()) {
            v.push((ix::PERSONAL, day_key(t)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.applied.at
    }
}

impl crate::modules::retention::Retained for Pass {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged
            && self
                .ended_at()
                .is_some_and(|t| now - t >= Duration::days(i64::from(days)))
    }
    fn purged(mut self) -> Self {
        self.name.clear();
        self.phone = None;
        self.plate = None;
        if let Some(c) = self.consent.as_mut() {
            c.owner.clear();
            c.phone = None;
        }
        self.purged = true;
        self
    }
}

fn pass_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    match field.rsplit('.').next().unwrap_or(field) {
        "applicant" => Applicant::from_code(value).map(|a| a.label(lang).to_string()),
        "reason" => Reason::from_code(value).map(|r| r.label(lang).to_string()),
        "how" => ConsentHow::from_code(value).map(|h| h.label(lang).to_string()),
        "state" => PassState::from_code(value).map(|s| s.label(lang).to_string()),
        _ => None,
    }
}

/// The release passes module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "release_passes",
    zh: "放行条",
    en: "Release passes",
    kinds: &[
        crate::spec::KindSpec::of::<Pass>("release_passes", WRITE_PASSES)
            .read(READ_PASSES)
            .csv(csv::PASSES)
            .named("放行条", "Release pass")
            .values(pass_words)
            .personal(&[
                ("name", crate::spec::Mask::Name),
                ("phone", crate::spec::Mask::Phone),
                ("plate", crate::spec::Mask::Plate),
                ("consent.owner", crate::spec::Mask::Name),
                ("consent.phone", crate::spec::Mask::Phone),
            ])
            .labels(&[
                crate::spec::Label::new("code", "放行码", "Pass code"),
                crate::spec::Label::new("applicant", "申请人类别", "Applicant"),
                crate::spec::Label::new("unit", "房号", "Unit"),
                crate::spec::Label::new("items", "物品", "Items"),
                crate::spec::Label::new("what", "物品", "Item"),
                crate::spec::Label::new("qty", "数量", "Quantity"),
                crate::spec::Label::new("date", "放行日期", "Day"),
                crate::spec::Label::new("gate", "出口", "Gate"),
                crate::spec::Label::new("reason", "原因", "Reason"),
                crate::spec::Label::new("note", "说明", "Note"),
                crate::spec::Label::new("consent", "业主同意", "Owner's consent"),
                crate::spec::Label::new("owner", "业主", "Owner"),
                crate::spec::Label::new("how", "确认方式", "How"),
                crate::spec::Label::new("fees_cleared", "费用已结清", "Fees cleared"),
                crate::spec::Label::new("state", "状态", "State"),
                crate::spec::Label::new("applied", "申请", "Applied"),
                crate::spec::Label::new("decided", "审批", "Decision"),
                crate::spec::Label::new("gate_mark", "门岗核验", "At the gate"),
                crate::spec::Label::new("qr", "签章二维码", "Signed QR"),
                crate::spec::Label::new("purged", "已清除个人信息", "Personal data purged"),
            ]),
        crate::spec::KindSpec::of::<ticket::SigningKey>("release_passes", APPROVE_PASSES)
            .read(READ_PASSES)
            .named("放行条签章", "Pass signing key")
            .labels(&[
                crate::spec::Label::new("key", "签章指纹", "Fingerprint"),
                crate::spec::Label::new("public", "公钥", "Public key"),
                crate::spec::Label::new("made", "启用", "Made"),
            ]),
        crate::spec::KindSpec::of::<ticket::GateCheck>("release_passes", CHECK_PASSES)
            .read(READ_PASSES)
            .named("门岗核验", "Gate check")
            .personal(&[
                ("ticket.n", crate::spec::Mask::Name),
                ("ticket.p", crate::spec::Mask::Plate),
            ])
            .labels(&[
                crate::spec::Label::new("ticket", "放行条", "Pass"),
                crate::spec::Label::new("c", "放行码", "Pass code"),
                crate::spec::Label::new("d", "放行日期", "Day"),
                crate::spec::Label::new("u", "房号", "Unit"),
                crate::spec::Label::new("n", "申请人", "Applicant"),
                crate::spec::Label::new("k", "签章指纹", "Signing key"),
                crate::spec::Label::new("i", "物品", "Items"),
                crate::spec::Label::new("what", "物品", "Item"),
                crate::spec::Label::new("qty", "数量", "Quantity"),
                crate::spec::Label::new("m", "另有物品项数", "More items"),
                crate::spec::Label::new("p", "车牌", "Plate"),
                crate::spec::Label::new("g", "出口", "Gate"),
                crate::spec::Label::new("a", "审批人", "Approved by"),
                crate::spec::Label::new("used", "已放行", "Let through"),
                crate::spec::Label::new("mark", "核验", "Checked"),
                crate::spec::Label::new("purged", "已清除个人信息", "Personal data purged"),
            ]),
    ],
    exportable: true,
    settings: &[],
    demo: None,
};

#[cfg(test)]
mod tests;
