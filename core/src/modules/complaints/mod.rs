//! 投诉 Complaints, worked by the office's two written procedures (处理投诉的程序,
//! 处理沟通性投诉的程序):
//!
//! - 有效投诉 (a real service failure): 记录 → 判断性质 → 确定负责部门 → 会同部门主管到现场 →
//!   部门处理 (may make a linked work order) → 回访 → 关闭 (a supervisor).
//! - 沟通性投诉 (求助型, 咨询型, 发泄型): 记录 → 确认身份 → 查看缴费情况 → 通知部门或答复 → 回访
//!   → 关闭.
//!
//! Each step is ticked with who and when ([`Complaint::apply`]); only the next step of the
//! complaint's procedure can be ticked. A communicative complaint handled badly is raised to 有效
//! by a supervisor with a reason ([`Move::Raise`]), keeping its steps; its kind among the
//! communicative ones can be changed with a reason. Nothing is closed without its follow-up, so a
//! 发泄型 complaint never is.

pub mod csv;
pub mod report;
pub mod services;

use crate::actor::{Action, Role};
use crate::lang::{Lang, Localized, labelled_enum};
use crate::modules::work_orders::Satisfaction;
use crate::phone::PhoneNumber;
use crate::record::{Meta, Record, RecordId};
use crate::time::day_key;
use crate::unit_no::UnitNo;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

labelled_enum!(Kind {
    Valid => "valid", "有效投诉", "Valid complaint", [];
    Help => "help", "求助型", "Asking for help", [];
    Inquiry => "inquiry", "咨询型", "Question or suggestion", [];
    Venting => "venting", "发泄型", "Venting", [];
});

labelled_enum!(Department {
    Cleaning => "cleaning", "保洁", "Cleaning", [];
    Parking => "parking", "车管", "Parking", [];
    Engineering => "engineering", "工程", "Engineering", [];
    Fees => "fees", "收费", "Fees", [];
    Security => "security", "安管", "Security", [];
    Greening => "greening", "绿化", "Greening", [];
    Service => "service", "客服", "Customer service", [];
});

labelled_enum!(Stage {
    Recorded => "recorded", "已记录", "Recorded", [];
    Judged => "judged", "已判断性质", "Nature judged", [];
    Assigned => "assigned", "已确定负责部门", "Department found", [];
    Visited => "visited", "已到现场", "Site visited", [];
    Fixed => "fixed", "部门已处理", "Dealt with", [];
    IdentityConfirmed => "identity_confirmed", "已确认身份", "Identity confirmed", [];
    FeesChecked => "fees_checked", "已查看缴费", "Fees looked at", [];
    Handled => "handled", "已通知部门或答复", "Passed on or answered", [];
    FollowedUp => "followed_up", "已回访", "Followed up", [];
    Closed => "closed", "已关闭", "Closed", [];
});

impl Kind {
    /// 沟通性投诉: 求助型, 咨询型, 发泄型.
    pub fn communicative(self) -> bool {
        self != Kind::Valid
    }

    /// The steps of this kind's procedure, in order.
    pub fn procedure(self) -> &'static [Stage] {
        use Stage::*;
        if self.communicative() {
            &[
                Recorded,
                IdentityConfirmed,
                FeesChecked,
                Handled,
                FollowedUp,
                Closed,
            ]
        } else {
            &[
                Recorded, Judged, Assigned, Visited, Fixed, FollowedUp, Closed,
            ]
        }
    }

    /// The seed's examples, to help the clerk judge.
    pub fn hint(self, lang: Lang) -> &'static str {
        match self {
            Kind::Valid => lang.pick(
                "物业服务失职:保洁、车辆管理、乱收费、设备维修保养不到位、违规",
                "A failure of the office's service: cleaning, parking, wrong fees, maintenance neglected, rules broken",
            ),
            Kind::Help => lang.pick("需要物业帮忙解决的问题", "Needs the office's help"),
            Kind::Inquiry => lang.pick("询问或提出建议", "Asks something or suggests"),
            Kind::Venting => lang.pick("情绪宣泄、抱怨,需耐心倾听", "Venting; listen patiently"),
        }
    }
}

/// One ticked step: what, by whom, when, with what was noted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub by: String,
    pub stage: Stage,
    #[serde(default)]
    pub note: String,
}

/// The site visit of a valid complaint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    /// The department's supervisor who went.
    pub with: String,
    pub found: String,
}

/// A complaint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Complaint {
    pub kind: Kind,
    pub stage: Stage,
    /// Who complained (empty when anonymous).
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: Option<PhoneNumber>,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub anonymous: bool,
    pub what: String,
    #[serde(default)]
    pub place: String,
    /// When it happened, as told.
    #[serde(default)]
    pub happened: String,
    #[serde(default)]
    pub photos: Vec<RecordId>,
    #[serde(default)]
    pub department: Option<Department>,
    #[serde(default)]
    pub visit: Option<Visit>,
    #[serde(default)]
    pub fee_status: String,
    #[serde(default)]
    pub work_order: Option<RecordId>,
    #[serde(default)]
    pub satisfaction: Option<Satisfaction>,
    pub steps: Vec<Step>,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    #[serde(default)]
    pub purged: bool,
}

/// What the clerk records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComplaintForm {
    pub kind: Option<Kind>,
    pub name: String,
    pub phone: String,
    pub unit: String,
    pub anonymous: bool,
    pub what: String,
    pub place: String,
    pub happened: String,
    pub photos: Vec<RecordId>,
}

/// The next step's details.
#[derive(Clone, Debug, PartialEq)]
pub enum Move {
    /// Tick the next step of the procedure: its note; the department for 确定负责部门, who went
    /// for 到现场, the fee status for 查看缴费, the satisfaction for 回访.
    Next {
        note: String,
        department: Option<Department>,
        with: String,
        satisfaction: Option<Satisfaction>,
    },
    /// 沟通性 → 有效 (a supervisor): the nature is judged anew, the steps so far kept.
    Raise { reason: String },
    /// Another communicative kind, with the reason.
    Reclassify { kind: Kind, reason: String },
}

/// What is wrong with a complaint or a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComplaintError {
    NoWhat,
    NoKind,
    NoWho,
    BadPhone(String),
    BadUnit(String),
    NoNote,
    NoDepartment,
    NoWith,
    NoSatisfaction,
    NoReason,
    /// Raising or reclassifying what cannot be (a valid complaint, a closed one).
    NotNow,
    Closed,
    /// A promise made on it is still open: kept or withdrawn first.
    PromiseOpen,
    NotAllowed(Action),
}

impl Localized for ComplaintError {
    fn message(&self, lang: Lang) -> String {
        use ComplaintError::*;
        match self {
            NoWhat => lang
                .pick("请记下投诉内容", "Write down the complaint")
                .into(),
            NoKind => lang
                .pick("请判断投诉性质", "Judge what kind of complaint it is")
                .into(),
            NoWho => lang
                .pick(
                    "请填写投诉人或房号,或勾选匿名",
                    "Give the person or unit, or tick anonymous",
                )
                .into(),
            BadPhone(p) => match lang {
                Lang::Zh => format!("电话 {p} 不对"),
                Lang::En => format!("Phone {p} is not a phone number"),
            },
            BadUnit(u) => match lang {
                Lang::Zh => format!("房号 {u} 不对,请按 楼-单元-室 填写"),
                Lang::En => format!("Unit {u} is not a unit"),
            },
            NoNote => lang
                .pick("请写明这一步的情况", "Say what was done in this step")
                .into(),
            NoDepartment => lang.pick("请选择负责部门", "Choose the department").into(),
            NoWith => lang
                .pick(
                    "请写明会同哪位部门主管到现场",
                    "Say which department supervisor went",
                )
                .into(),
            NoSatisfaction => lang
                .pick("请选择回访满意度", "Choose the satisfaction")
                .into(),
            NoReason => lang.pick("请写明原因", "Give the reason").into(),
            NotNow => lang
                .pick(
                    "这条投诉现在不能这样改",
                    "This complaint cannot be changed that way now",
                )
                .into(),
            Closed => lang.pick("投诉已关闭", "The complaint is closed").into(),
            PromiseOpen => lang
                .pick(
                    "这条投诉还有未兑现的承诺,请先兑现或撤回",
                    "A promise made on this complaint is still open: keep or withdraw it first",
                )
                .into(),
            NotAllowed(a) => a.refusal(lang),
        }
    }
}

/// Record and work complaints.
pub const HANDLE_COMPLAINTS: Action = Action::new(
    "handle_complaints",
    &[Role::Clerk, Role::Supervisor],
    "处理投诉",
    "handle complaints",
);
/// Raise a communicative complaint to 有效, and close complaints.
pub const CLOSE_COMPLAINTS: Action = Action::new(
    "close_complaints",
    &[Role::Supervisor],
    "升级或关闭投诉",
    "raise or close complaints",
);

impl ComplaintForm {
    pub fn parse(&self, now: DateTime<Utc>, by: &str) -> Result<Complaint, Vec<ComplaintError>> {
        let mut e = Vec::new();
        let phone = match self.phone.trim() {
            "" => None,
            p => PhoneNumber::parse(p)
                .map_err(|_| e.push(ComplaintError::BadPhone(p.to_string())))
                .ok(),
        };
        let unit = match self.unit.trim() {
            "" => String::new(),
            u => UnitNo::parse(u)
                .map(|u| u.to_string())
                .map_err(|_| e.push(ComplaintError::BadUnit(u.to_string())))
                .unwrap_or_default(),
        };
        if self.what.trim().is_empty() {
            e.push(ComplaintError::NoWhat);
        }
        if self.kind.is_none() {
            e.push(ComplaintError::NoKind);
        }
        if !self.anonymous
            && self.name.trim().is_empty()
            && self.unit.trim().is_empty()
            && self.phone.trim().is_empty()
        {
            e.push(ComplaintError::NoWho);
        }
        if !e.is_empty() {
            return Err(e);
        }
        let anon = self.anonymous;
        Ok(Complaint {
            kind: self.kind.unwrap_or(Kind::Inquiry),
            stage: Stage::Recorded,
            name: if anon {
                String::new()
            } else {
                self.name.trim().to_string()
            },
            phone: if anon { None } else { phone },
            unit: if anon { String::new() } else { unit },
            anonymous: anon,
            what: self.what.trim().to_string(),
            place: self.place.trim().to_string(),
            happened: self.happened.trim().to_string(),
            photos: self.photos.clone(),
            department: None,
            visit: None,
            fee_status: String::new(),
            work_order: None,
            satisfaction: None,
            steps: vec![Step {
                at: now,
                by: by.to_string(),
                stage: Stage::Recorded,
                note: String::new(),
            }],
            created_at: now,
            created_by: by.to_string(),
            purged: false,
        })
    }
}

impl Complaint {
    /// The step ticked next, if any.
    pub fn next_stage(&self) -> Option<Stage> {
        let p = self.kind.procedure();
        let i = p.iter().position(|s| *s == self.stage)?;
        p.get(i + 1).copied()
    }

    pub fn open(&self) -> bool {
        self.stage != Stage::Closed
    }

    /// What the move needs.
    pub fn needs(&self, mv: &Move) -> Action {
        match mv {
            Move::Raise { .. } => CLOSE_COMPLAINTS,
            Move::Next { .. }
                if self.next_stage() == Some(Stage::Closed) && !self.kind.communicative() =>
            {
                CLOSE_COMPLAINTS
            }
            _ => HANDLE_COMPLAINTS,
        }
    }

    /// The complaint after `mv` by `by` (with `roles`) at `now`.
    pub fn apply(
        &self,
        mv: &Move,
        by: &str,
        roles: &[Role],
        now: DateTime<Utc>,
    ) -> Result<Complaint, ComplaintError> {
        if !self.needs(mv).allowed(roles) {
            return Err(ComplaintError::NotAllowed(self.needs(mv)));
        }
        if !self.open() {
            return Err(ComplaintError::Closed);
        }
        let mut c = self.clone();
        let (stage, note) = match mv {
            Move::Next {
                note,
                department,
                with,
                satisfaction,
            } => {
                let stage = self.next_stage().ok_or(ComplaintError::Closed)?;
                let note = note.trim().to_string();
                match stage {
                    Stage::Assigned => {
                        c.department = Some(department.ok_or(ComplaintError::NoDepartment)?);
                    }
                    Stage::Visited => {
                        if with.trim().is_empty() {
                            return Err(ComplaintError::NoWith);
                        }
                        if note.is_empty() {
                            return Err(ComplaintError::NoNote);
                        }
                        c.visit = Some(Visit {
                            with: with.trim().to_string(),
                            found: note.clone(),
                        });
                    }
                    Stage::FeesChecked => {
                        if note.is_empty() {
                            return Err(ComplaintError::NoNote);
                        }
                        c.fee_status = note.clone();
                    }
                    Stage::FollowedUp => {
                        c.satisfaction = Some(satisfaction.ok_or(ComplaintError::NoSatisfaction)?);
                    }
                    Stage::Handled => {
                        if note.is_empty() {
                            return Err(ComplaintError::NoNote);
                        }
                        // Passed to a department, or answered at the desk (none).
                        if department.is_some() {
                            c.department = *department;
                        }
                    }
                    Stage::Judged | Stage::Fixed | Stage::IdentityConfirmed => {
                        if note.is_empty() {
                            return Err(ComplaintError::NoNote);
                        }
                    }
                    Stage::Recorded | Stage::Closed => {}
                }
                (stage, note)
            }
            Move::Raise { reason } => {
                if !self.kind.communicative() {
                    return Err(ComplaintError::NotNow);
                }
                if reason.trim().is_empty() {
                    return Err(ComplaintError::NoReason);
                }
                c.kind = Kind::Valid;
                (Stage::Judged, format!("{RAISED}:{}", reason.trim()))
            }
            Move::Reclassify { kind, reason } => {
                if !self.kind.communicative()
                    || !kind.communicative()
                    || self.stage == Stage::FollowedUp
                {
                    return Err(ComplaintError::NotNow);
                }
                if reason.trim().is_empty() {
                    return Err(ComplaintError::NoReason);
                }
                c.kind = *kind;
                (
                    self.stage,
                    format!(
                        "{} → {}:{}",
                        self.kind.label(Lang::Zh),
                        kind.label(Lang::Zh),
                        reason.trim()
                    ),
                )
            }
        };
        c.stage = stage;
        c.steps.push(Step {
            at: now,
            by: by.to_string(),
            stage,
            note,
        });
        Ok(c)
    }

    fn closed_at(&self) -> Option<DateTime<Utc>> {
        (self.stage == Stage::Closed).then(|| self.steps.last().map_or(self.created_at, |s| s.at))
    }
}

/// The note of the step a raise makes.
pub const RAISED: &str = "升级为有效投诉";

/// Index names of complaints.
pub mod ix {
    pub const STAGE: &str = "stage";
    pub const KIND: &str = "kind";
    pub const DAY: &str = "day";
    pub const UNIT: &str = "unit";
    pub const PHONE: &str = "phone";
    pub const NAME: &str = "name";
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for Complaint {
    const KIND: &'static str = "complaint";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            (ix::STAGE, self.stage.code().to_string()),
            (ix::KIND, self.kind.code().to_string()),
            (ix::DAY, day_key(self.created_at)),
        ];
        if !self.unit.is_empty() {
            v.push((ix::UNIT, self.unit.clone()));
        }
        if let Some(p) = &self.phone {
            v.push((ix::PHONE, p.digits().to_string()));
        }
        if !self.name.is_empty() {
            v.push((ix::NAME, self.name.clone()));
        }
        if let (false, Some(t)) = (self.purged, self.closed_at()) {
            v.push((ix::PERSONAL, day_key(t)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.created_at
    }
}

impl crate::modules::retention::Retained for Complaint {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged
            && self
                .closed_at()
                .is_some_and(|t| now - t >= Duration::days(i64::from(days)))
    }
    fn purged(mut self) -> Self {
        self.name.clear();
        self.phone = None;
        self.photos.clear();
        self.purged = true;
        self
    }
    fn pictures(&self) -> Vec<RecordId> {
        self.photos.clone()
    }
}

fn complaint_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    match field.rsplit('.').next().unwrap_or(field) {
        "kind" => Kind::from_code(value).map(|k| k.label(lang).to_string()),
        "stage" => Stage::from_code(value).map(|s| s.label(lang).to_string()),
        "department" => Department::from_code(value).map(|d| d.label(lang).to_string()),
        "satisfaction" => Satisfaction::from_code(value).map(|s| s.label(lang).to_string()),
        _ => None,
    }
}

fn photos_of(env: &crate::record::Envelope) -> Vec<RecordId> {
    env.decode::<Complaint>()
        .map(|c| c.photos)
        .unwrap_or_default()
}

/// The complaints module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "complaints",
    zh: "投诉",
    en: "Complaints",
    kinds: &[
        crate::spec::KindSpec::of::<Complaint>("complaints", HANDLE_COMPLAINTS)
            .named("投诉", "Complaint")
            .csv(csv::TABLE)
            .values(complaint_words)
            .photos(photos_of)
            .personal(&[
                ("name", crate::spec::Mask::Name),
                ("phone", crate::spec::Mask::Phone),
                ("what", crate::spec::Mask::Text),
            ])
            .labels(&[
                crate::spec::Label::new("kind", "投诉性质", "Kind"),
                crate::spec::Label::new("stage", "进度", "Stage"),
                crate::spec::Label::new("anonymous", "匿名", "Anonymous"),
                crate::spec::Label::new("what", "投诉内容", "Complaint"),
                crate::spec::Label::new("happened", "发生时间", "When it happened"),
                crate::spec::Label::new("department", "负责部门", "Department"),
                crate::spec::Label::new("visit", "现场", "Site visit"),
                crate::spec::Label::new("with", "会同", "With"),
                crate::spec::Label::new("found", "现场情况", "Found"),
                crate::spec::Label::new("fee_status", "缴费情况", "Fee status"),
                crate::spec::Label::new("work_order", "工单", "Work order"),
                crate::spec::Label::new("satisfaction", "满意度", "Satisfaction"),
                crate::spec::Label::new("steps", "处理步骤", "Steps"),
                crate::spec::Label::new("purged", "已清除个人信息", "Personal data purged"),
            ]),
    ],
    exportable: true,
    settings: &[
        crate::spec::Label::new(
            "complaint.retention_days",
            "投诉个人信息保留天数",
            "Complaints' personal data kept (days)",
        ),
        crate::spec::Label::new(
            "complaint.limit_days",
            "投诉处理时限(天)",
            "Time limit to close a complaint (days)",
        ),
    ],
    demo: None,
};

#[cfg(test)]
mod tests;
