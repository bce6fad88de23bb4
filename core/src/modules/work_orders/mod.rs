//! 报修与工单 Repair work orders: taken at the desk (a call, a walk-in, the owners' group) or left
//! by a failed inspection item; dispatched to a department and a worker, worked, completed with
//! the owner's signature, followed up (回访) and closed.
//!
//! The status machine ([`WorkOrder::apply`]):
//! 待派单 →(派单) 已派单 →(开始) 处理中 →(完工) 已完成 →(回访) 已回访 →(关闭) 已关闭;
//! a follow-up that finds it not fixed, or an unsatisfied owner, sends it back to 已派单 (返工);
//! 暂缓 holds it until resumed; 已取消 ends it (a supervisor, with a reason). Every move is a
//! [`Step`] with who and when; a move the machine does not allow is refused with
//! [`MoveError`].

pub mod csv;
pub mod demo;
pub mod services;

use crate::actor::{Action, Role};
use crate::lang::{Lang, Localized, labelled_enum};
use crate::phone::PhoneNumber;
use crate::record::{Meta, Record, RecordId};
use crate::time::day_key;
use crate::unit_no::UnitNo;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

labelled_enum!(WorkStatus {
    Pending => "pending", "待派单", "To dispatch", [];
    Dispatched => "dispatched", "已派单", "Dispatched", [];
    InProgress => "in_progress", "处理中", "In progress", [];
    Done => "done", "已完成", "Done", [];
    FollowedUp => "followed_up", "已回访", "Followed up", [];
    Closed => "closed", "已关闭", "Closed", [];
    OnHold => "on_hold", "暂缓", "On hold", [];
    Cancelled => "cancelled", "已取消", "Cancelled", [];
});

labelled_enum!(Source {
    Phone => "phone", "电话", "Phone call", [];
    Visit => "visit", "来访", "Walk-in", [];
    Inspection => "inspection", "巡检", "Inspection", [];
    OwnersGroup => "owners_group", "业主群", "Owners' group", [];
    Other => "other", "其他", "Other", [];
});

labelled_enum!(Category {
    Water => "water", "水", "Water", [];
    Electric => "electric", "电", "Electricity", [];
    DoorWindow => "door_window", "门窗", "Doors and windows", [];
    Lock => "lock", "锁具", "Locks", [];
    Wall => "wall", "墙面", "Walls", [];
    Drain => "drain", "管道疏通", "Blocked drains", [];
    Facility => "facility", "公共设施", "Shared facilities", [];
    Greenery => "greenery", "绿化", "Greenery", [];
    Elevator => "elevator", "电梯", "Elevators", [];
    Other => "other", "其他", "Other", [];
});

labelled_enum!(Urgency {
    Urgent => "urgent", "紧急", "Urgent", [];
    Normal => "normal", "一般", "Normal", [];
    Appointment => "appointment", "预约", "By appointment", [];
});

labelled_enum!(Department {
    Maintenance => "maintenance", "维修部", "Maintenance", [];
    Cleaning => "cleaning", "保洁", "Cleaning", [];
    Greenery => "greenery", "绿化", "Greenery", [];
    Security => "security", "安管", "Security", [];
    Contractor => "contractor", "工程外包", "Contractor", [];
});

labelled_enum!(Satisfaction {
    VerySatisfied => "very_satisfied", "非常满意", "Very satisfied", [];
    Satisfied => "satisfied", "满意", "Satisfied", [];
    Fair => "fair", "一般", "Fair", [];
    Unsatisfied => "unsatisfied", "不满意", "Unsatisfied", [];
});

/// The public areas offered for an order that is not a unit's (free text is allowed too).
pub const PUBLIC_AREAS: &[(&str, &str)] = &[
    ("大堂", "Lobby"),
    ("电梯", "Elevator"),
    ("车库", "Car park"),
    ("楼道", "Stairwell"),
    ("绿化", "Gardens"),
    ("门岗", "Gate"),
    ("外墙", "Outer wall"),
    ("屋面", "Roof"),
];

/// One move of the order, with who made it and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub by: String,
    pub to: WorkStatus,
    /// What was done (派单 to whom, the hold's reason, the follow-up's result ...).
    #[serde(default)]
    pub note: String,
}

/// Why an order waits, and until when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hold {
    pub reason: String,
    pub until: NaiveDate,
    /// The status it goes back to when resumed.
    pub from: WorkStatus,
}

/// The worker's completion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Completion {
    pub note: String,
    #[serde(default)]
    pub materials: String,
    /// Fee charged, in fen.
    #[serde(default)]
    pub fee_fen: u32,
    #[serde(default)]
    pub photos: Vec<RecordId>,
    /// The owner's signature (a photo record); none when nobody was home.
    #[serde(default)]
    pub signature: Option<RecordId>,
    #[serde(default)]
    pub nobody_home: bool,
}

/// The follow-up call's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub satisfaction: Satisfaction,
    pub fixed: bool,
    #[serde(default)]
    pub comment: String,
}

/// A repair work order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkOrder {
    /// `WX-20261127-3fa2c1d0-007`: the day, the tablet, the day's count on it.
    #[serde(default)]
    pub number: String,
    #[serde(default = "other_source")]
    pub source: Source,
    /// The unit (canonical form), empty for a public-area order.
    #[serde(default)]
    pub unit: String,
    /// Where: the public area, or the inspection's place.
    pub place: String,
    #[serde(default)]
    pub reporter: String,
    #[serde(default)]
    pub phone: Option<PhoneNumber>,
    #[serde(default = "other_category")]
    pub category: Category,
    /// The inspection item it came from (its label).
    #[serde(default)]
    pub item: String,
    pub description: String,
    #[serde(default = "normal")]
    pub urgency: Urgency,
    /// The appointment window (预约).
    #[serde(default)]
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    #[serde(default)]
    pub photos: Vec<RecordId>,
    /// 有偿: the owner pays; the quoted amount in fen.
    #[serde(default)]
    pub paid: bool,
    #[serde(default)]
    pub quote_fen: u32,
    pub status: WorkStatus,
    #[serde(default)]
    pub department: Option<Department>,
    #[serde(default)]
    pub worker: String,
    #[serde(default)]
    pub hold: Option<Hold>,
    #[serde(default)]
    pub completion: Option<Completion>,
    #[serde(default)]
    pub follow_up: Option<FollowUp>,
    /// How many times a follow-up sent it back (返工).
    #[serde(default)]
    pub rework: u32,
    /// Completions a follow-up sent back (返工), oldest first: the owner's first signature and
    /// what was done then are kept.
    #[serde(default)]
    pub earlier: Vec<Completion>,
    #[serde(default)]
    pub steps: Vec<Step>,
    /// The earlier order about the same problem (a second call), if linked.
    #[serde(default)]
    pub linked_to: Option<RecordId>,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    /// The inspection and item it came from.
    #[serde(default)]
    pub inspection: Option<RecordId>,
    #[serde(default)]
    pub item_key: String,
    /// The reporter's name and phone, notes and pictures were removed by retention.
    #[serde(default)]
    pub purged: bool,
}

fn other_source() -> Source {
    Source::Other
}
fn other_category() -> Category {
    Category::Other
}
fn normal() -> Urgency {
    Urgency::Normal
}

/// What a clerk types when taking a request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    pub source: Option<Source>,
    pub unit: String,
    pub place: String,
    pub reporter: String,
    pub phone: String,
    pub category: Option<Category>,
    pub description: String,
    pub urgency: Option<Urgency>,
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub photos: Vec<RecordId>,
    pub paid: bool,
    /// The quoted amount as typed, in yuan (`120`, `85.5`).
    pub quote: String,
    pub linked_to: Option<RecordId>,
}

/// What is wrong with a request or a move, in words a clerk can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkError {
    NoWhere,
    BadUnit(String),
    NoDescription,
    NoCategory,
    NoUrgency,
    NoSource,
    BadPhone(String),
    NoWindow,
    BadWindow,
    /// A date or time that has already passed (an appointment, a hold's resume date).
    DatePast,
    BadAmount(String),
    NoDepartment,
    NoReason,
    NoSignature,
    NoCompletionNote,
    /// The move is not allowed from this status.
    NotNow {
        from: WorkStatus,
        to: &'static str,
    },
    /// The person on duty may not make this move.
    NotAllowed(Action),
}

impl Localized for WorkError {
    fn message(&self, lang: Lang) -> String {
        use WorkError::*;
        match self {
            NoWhere => lang
                .pick(
                    "请填写房号,或选择公共区域",
                    "Enter a unit or choose a public area",
                )
                .into(),
            BadUnit(u) => match lang {
                Lang::Zh => format!("房号 {u} 不对,请按 楼-单元-室 填写,或选择公共区域"),
                Lang::En => format!(
                    "Unit {u} is not a unit: write building-entrance-room, or choose a public area"
                ),
            },
            NoDescription => lang.pick("请写明报修内容", "Describe the problem").into(),
            NoCategory => lang.pick("请选择报修类别", "Choose a category").into(),
            NoUrgency => lang.pick("请选择紧急程度", "Choose the urgency").into(),
            NoSource => lang
                .pick("请选择报修来源", "Choose how it was reported")
                .into(),
            BadPhone(p) => match lang {
                Lang::Zh => format!("电话 {p} 不对,请填写手机或带区号的座机"),
                Lang::En => format!("Phone {p} is not a phone number"),
            },
            NoWindow => lang
                .pick("预约报修请填写上门时间段", "Give the appointment window")
                .into(),
            BadWindow => lang
                .pick(
                    "预约时间段的结束要晚于开始",
                    "The window must end after it starts",
                )
                .into(),
            DatePast => lang
                .pick(
                    "这个时间已经过去,请填以后的时间",
                    "That time has passed; give a later one",
                )
                .into(),
            BadAmount(a) => match lang {
                Lang::Zh => format!("金额 {a} 不对,请填写元,如 120 或 85.5"),
                Lang::En => format!("Amount {a} is not a sum in yuan (120 or 85.5)"),
            },
            NoDepartment => lang
                .pick("请选择派往的部门", "Choose the department")
                .into(),
            NoReason => lang.pick("请写明原因", "Give the reason").into(),
            NoSignature => lang
                .pick(
                    "请业主签字确认;无人在家时勾选并写明情况",
                    "The owner signs; if nobody was home, tick it and say so",
                )
                .into(),
            NoCompletionNote => lang.pick("请填写完工说明", "Write what was done").into(),
            NotNow { from, to } => match lang {
                Lang::Zh => format!("工单{}时不能{}", from.label(lang), to),
                Lang::En => format!(
                    "An order {} cannot be {}",
                    from.label(lang).to_lowercase(),
                    to
                ),
            },
            NotAllowed(a) => a.refusal(lang),
        }
    }
}

/// Yuan as typed (`120`, `85.5`, `85.50`) in fen.
pub fn parse_yuan(s: &str) -> Result<u32, WorkError> {
    let t = s.trim().trim_end_matches('元');
    if t.is_empty() {
        return Ok(0);
    }
    let bad = || WorkError::BadAmount(s.trim().to_string());
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || frac.len() > 2
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let whole: u32 = whole.parse().map_err(|_| bad())?;
    let frac: u32 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or_else(bad)
}

/// Fen as yuan for the screens: `120`, `85.50`.
pub fn yuan(fen: u32) -> String {
    if fen.is_multiple_of(100) {
        (fen / 100).to_string()
    } else {
        format!("{}.{:02}", fen / 100, fen % 100)
    }
}

impl Request {
    /// The order this request makes, numbered `number`, or every problem with it.
    pub fn parse(
        &self,
        number: String,
        now: DateTime<Utc>,
        by: &str,
    ) -> Result<WorkOrder, Vec<WorkError>> {
        let mut problems = Vec::new();
        let unit = match self.unit.trim() {
            "" => String::new(),
            u => match UnitNo::parse(u) {
                Ok(n) => n.to_string(),
                Err(_) => {
                    problems.push(WorkError::BadUnit(u.to_string()));
                    String::new()
                }
            },
        };
        let place = self.place.trim().to_string();
        if self.unit.trim().is_empty() && place.is_empty() {
            problems.push(WorkError::NoWhere);
        }
        let description = self.description.trim().to_string();
        if description.is_empty() {
            problems.push(WorkError::NoDescription);
        }
        let phone = match self.phone.trim() {
            "" => None,
            p => match PhoneNumber::parse(p) {
                Ok(p) => Some(p),
                Err(_) => {
                    problems.push(WorkError::BadPhone(p.to_string()));
                    None
                }
            },
        };
        if self.source.is_none() {
            problems.push(WorkError::NoSource);
        }
        if self.category.is_none() {
            problems.push(WorkError::NoCategory);
        }
        if self.urgency.is_none() {
            problems.push(WorkError::NoUrgency);
        }
        let window = match (self.urgency, self.window) {
            (Some(Urgency::Appointment), None) => {
                problems.push(WorkError::NoWindow);
                None
            }
            (Some(Urgency::Appointment), Some((a, b))) if b <= a => {
                problems.push(WorkError::BadWindow);
                None
            }
            (Some(Urgency::Appointment), Some((_, b))) if b <= now => {
                problems.push(WorkError::DatePast);
                None
            }
            (Some(Urgency::Appointment), w) => w,
            _ => None,
        };
        let quote_fen = if self.paid {
            parse_yuan(&self.quote).unwrap_or_else(|e| {
                problems.push(e);
                0
            })
        } else {
            0
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(WorkOrder {
            number,
            source: self.source.unwrap_or(Source::Other),
            unit,
            place,
            reporter: self.reporter.trim().to_string(),
            phone,
            category: self.category.unwrap_or(Category::Other),
            item: String::new(),
            description,
            urgency: self.urgency.unwrap_or(Urgency::Normal),
            window,
            photos: self.photos.clone(),
            paid: self.paid,
            quote_fen,
            status: WorkStatus::Pending,
            department: None,
            worker: String::new(),
            hold: None,
            completion: None,
            follow_up: None,
            rework: 0,
            earlier: Vec::new(),
            steps: vec![Step {
                at: now,
                by: by.to_string(),
                to: WorkStatus::Pending,
                note: String::new(),
            }],
            linked_to: self.linked_to,
            created_at: now,
            created_by: by.to_string(),
            inspection: None,
            item_key: String::new(),
            purged: false,
        })
    }
}

/// A move of the status machine.
#[derive(Clone, Debug, PartialEq)]
pub enum Move {
    /// 派单 (or 改派 once dispatched): to a department and a named worker.
    Dispatch {
        department: Option<Department>,
        worker: String,
    },
    /// The worker has arrived and is on it.
    Start,
    Complete(Completion),
    FollowUp(FollowUp),
    Close,
    Hold {
        reason: String,
        until: NaiveDate,
    },
    Resume,
    /// The reporter called again about it (a second call, linked instead of a new order).
    Recall {
        note: String,
    },
    Cancel {
        reason: String,
    },
}

/// Take requests and make orders (and the inspections' orders).
pub const TAKE_WORK_ORDERS: Action = Action::new(
    "take_work_orders",
    &[Role::Clerk, Role::Inspector, Role::Supervisor],
    "登记报修",
    "take repair requests",
);
/// Dispatch, reassign, hold and resume.
pub const DISPATCH_WORK_ORDERS: Action = Action::new(
    "dispatch_work_orders",
    &[Role::Clerk, Role::Supervisor],
    "派单",
    "dispatch work orders",
);
/// Record the worker's start and completion.
pub const COMPLETE_WORK_ORDERS: Action = Action::new(
    "complete_work_orders",
    &[Role::Inspector, Role::Supervisor],
    "完工确认",
    "record completions",
);
/// Call the owner back (回访).
pub const FOLLOW_UP_WORK_ORDERS: Action = Action::new(
    "follow_up_work_orders",
    &[Role::Clerk, Role::Supervisor],
    "回访",
    "follow up work orders",
);
/// Cancel and close.
pub const CLOSE_WORK_ORDERS: Action = Action::new(
    "close_work_orders",
    &[Role::Supervisor],
    "关闭或取消工单",
    "close or cancel work orders",
);

impl Move {
    /// What making this move needs.
    pub fn needs(&self) -> Action {
        match self {
            Move::Dispatch { .. } | Move::Hold { .. } | Move::Resume => DISPATCH_WORK_ORDERS,
            Move::Start | Move::Complete(_) => COMPLETE_WORK_ORDERS,
            Move::FollowUp(_) => FOLLOW_UP_WORK_ORDERS,
            Move::Close | Move::Cancel { .. } => CLOSE_WORK_ORDERS,
            Move::Recall { .. } => TAKE_WORK_ORDERS,
        }
    }
    /// The move as a clerk says it.
    pub fn verb(&self, lang: Lang) -> &'static str {
        match self {
            Move::Dispatch { .. } => lang.pick("派单", "dispatched"),
            Move::Start => lang.pick("开始处理", "started"),
            Move::Complete(_) => lang.pick("完工", "completed"),
            Move::FollowUp(_) => lang.pick("回访", "followed up"),
            Move::Close => lang.pick("关闭", "closed"),
            Move::Hold { .. } => lang.pick("暂缓", "put on hold"),
            Move::Resume => lang.pick("恢复", "resumed"),
            Move::Cancel { .. } => lang.pick("取消", "cancelled"),
            Move::Recall { .. } => lang.pick("记录再次来电", "called about again"),
        }
    }
}

/// The time limits per urgency, in minutes: to arrive and to finish (预约: from the window's
/// start and end). Set in settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub urgent_arrive: u32,
    pub urgent_finish: u32,
    pub normal_arrive: u32,
    pub normal_finish: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            urgent_arrive: 30,
            urgent_finish: 4 * 60,
            normal_arrive: 4 * 60,
            normal_finish: 24 * 60,
        }
    }
}

/// Which limit an order has passed (超时).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Late {
    /// Nobody has started on it in time.
    Arrive,
    /// Not finished in time.
    Finish,
}

impl Late {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Late::Arrive => lang.pick("超时未到场", "late to arrive"),
            Late::Finish => lang.pick("超时未完成", "late to finish"),
        }
    }
}

impl WorkOrder {
    /// A new order at `place` about `description`, waiting to be dispatched: the shape the
    /// inspections fill in for a failed item (its unit, item, photos and link).
    pub fn new(place: &str, description: String, now: DateTime<Utc>, by: &str) -> Self {
        WorkOrder {
            number: String::new(),
            source: Source::Other,
            unit: String::new(),
            place: place.to_string(),
            reporter: String::new(),
            phone: None,
            category: Category::Other,
            item: String::new(),
            description,
            urgency: Urgency::Normal,
            window: None,
            photos: Vec::new(),
            paid: false,
            quote_fen: 0,
            status: WorkStatus::Pending,
            department: None,
            worker: String::new(),
            hold: None,
            completion: None,
            follow_up: None,
            rework: 0,
            earlier: Vec::new(),
            steps: vec![Step {
                at: now,
                by: by.to_string(),
                to: WorkStatus::Pending,
                note: String::new(),
            }],
            linked_to: None,
            created_at: now,
            created_by: by.to_string(),
            inspection: None,
            item_key: String::new(),
            purged: false,
        }
    }

    /// Whether the order still needs work (not done, followed up, closed or cancelled).
    pub fn open(&self) -> bool {
        matches!(
            self.status,
            WorkStatus::Pending
                | WorkStatus::Dispatched
                | WorkStatus::InProgress
                | WorkStatus::OnHold
        )
    }

    /// The number as shown: orders from before numbering show their day and id.
    pub fn shown_number(&self, id: RecordId) -> String {
        if self.number.is_empty() {
            format!(
                "WX-{}-{}",
                day_key(self.created_at).replace('-', ""),
                &id.0.simple().to_string()[..6]
            )
        } else {
            self.number.clone()
        }
    }

    /// The limit the order has passed at `now`, if any. An order on hold, done or ended is never
    /// late; a rework counts from the follow-up that sent it back.
    pub fn late(&self, now: DateTime<Utc>, limits: &Limits) -> Option<Late> {
        let from = self
            .steps
            .iter()
            .rev()
            .find(|s| {
                s.to == WorkStatus::Dispatched && self.rework > 0 && s.note.starts_with(REWORK)
            })
            .map_or(self.created_at, |s| s.at);
        // Time on hold does not count: each hold, from its step to the next one (or now).
        let mut held = Duration::zero();
        for (n, s) in self.steps.iter().enumerate() {
            if s.to == WorkStatus::OnHold && s.at >= from {
                let end = self.steps.get(n + 1).map_or(now, |next| next.at);
                held += end - s.at;
            }
        }
        let minutes = |m: u32| Duration::minutes(i64::from(m)) + held;
        let (arrive_by, finish_by) = match (self.urgency, self.window) {
            (Urgency::Appointment, Some((start, end))) => (start + held, end + held),
            (Urgency::Urgent, _) => (
                from + minutes(limits.urgent_arrive),
                from + minutes(limits.urgent_finish),
            ),
            _ => (
                from + minutes(limits.normal_arrive),
                from + minutes(limits.normal_finish),
            ),
        };
        match self.status {
            WorkStatus::Pending | WorkStatus::Dispatched if now > arrive_by => {
                Some(if now > finish_by {
                    Late::Finish
                } else {
                    Late::Arrive
                })
            }
            WorkStatus::Pending | WorkStatus::Dispatched | WorkStatus::InProgress
                if now > finish_by =>
            {
                Some(Late::Finish)
            }
            _ => None,
        }
    }

    /// The order after `mv` by `by` (with `roles`) at `now`, or why not.
    pub fn apply(
        &self,
        mv: &Move,
        by: &str,
        roles: &[Role],
        now: DateTime<Utc>,
    ) -> Result<WorkOrder, WorkError> {
        if !mv.needs().allowed(roles) {
            return Err(WorkError::NotAllowed(mv.needs()));
        }
        use WorkStatus::*;
        let refuse = || WorkError::NotNow {
            from: self.status,
            to: mv.verb(Lang::Zh),
        };
        let mut o = self.clone();
        let (to, note) = match mv {
            Move::Dispatch { department, worker } => {
                if !matches!(self.status, Pending | Dispatched | InProgress) {
                    return Err(refuse());
                }
                let department = department.ok_or(WorkError::NoDepartment)?;
                o.department = Some(department);
                o.worker = worker.trim().to_string();
                let to = if self.status == Pending {
                    Dispatched
                } else {
                    self.status
                };
                let who = if o.worker.is_empty() {
                    department.label(Lang::Zh).to_string()
                } else {
                    format!("{} {}", department.label(Lang::Zh), o.worker)
                };
                (to, who)
            }
            Move::Start => {
                if self.status != Dispatched {
                    return Err(refuse());
                }
                (InProgress, String::new())
            }
            Move::Complete(c) => {
                if !matches!(self.status, Dispatched | InProgress) {
                    return Err(refuse());
                }
                if c.note.trim().is_empty() {
                    return Err(WorkError::NoCompletionNote);
                }
                if c.signature.is_none() && !c.nobody_home {
                    return Err(WorkError::NoSignature);
                }
                let mut c = c.clone();
                c.note = c.note.trim().to_string();
                if c.nobody_home {
                    c.signature = None;
                }
                o.completion = Some(c);
                (Done, String::new())
            }
            Move::FollowUp(f) => {
                if self.status != Done {
                    return Err(refuse());
                }
                o.follow_up = Some(FollowUp {
                    comment: f.comment.trim().to_string(),
                    ..f.clone()
                });
                if f.fixed && f.satisfaction != Satisfaction::Unsatisfied {
                    (FollowedUp, f.satisfaction.label(Lang::Zh).to_string())
                } else {
                    // 返工: back to the same worker, to be done again.
                    o.rework += 1;
                    o.earlier.extend(o.completion.take());
                    (
                        Dispatched,
                        format!("{REWORK}:{}", f.satisfaction.label(Lang::Zh)),
                    )
                }
            }
            Move::Close => {
                if self.status != FollowedUp {
                    return Err(refuse());
                }
                (Closed, String::new())
            }
            Move::Hold { reason, until } => {
                if !matches!(self.status, Pending | Dispatched | InProgress) {
                    return Err(refuse());
                }
                if reason.trim().is_empty() {
                    return Err(WorkError::NoReason);
                }
                if *until < now.with_timezone(&crate::time::china()).date_naive() {
                    return Err(WorkError::DatePast);
                }
                o.hold = Some(Hold {
                    reason: reason.trim().to_string(),
                    until: *until,
                    from: self.status,
                });
                (OnHold, format!("{} · {until}", reason.trim()))
            }
            Move::Recall { note } => {
                if !self.open() {
                    return Err(refuse());
                }
                if note.trim().is_empty() {
                    return Err(WorkError::NoDescription);
                }
                (self.status, format!("{RECALL}:{}", note.trim()))
            }
            Move::Resume => {
                let Some(h) = &self.hold else {
                    return Err(refuse());
                };
                if self.status != OnHold {
                    return Err(refuse());
                }
                let back = h.from;
                o.hold = None;
                (back, String::new())
            }
            Move::Cancel { reason } => {
                if !self.open() {
                    return Err(refuse());
                }
                if reason.trim().is_empty() {
                    return Err(WorkError::NoReason);
                }
                o.hold = None;
                (Cancelled, reason.trim().to_string())
            }
        };
        o.status = to;
        o.steps.push(Step {
            at: now,
            by: by.to_string(),
            to,
            note,
        });
        Ok(o)
    }

    /// The day the personal data may go from: the day the order ended.
    fn ended(&self) -> Option<DateTime<Utc>> {
        matches!(self.status, WorkStatus::Closed | WorkStatus::Cancelled)
            .then(|| self.steps.last().map_or(self.created_at, |s| s.at))
    }
}

/// The note a rework step starts with.
pub const REWORK: &str = "返工";
/// The note of a step recording a repeat call.
pub const RECALL: &str = "再次来电";

/// The number of the `n`th order of `day` on the tablet `device` (its short id):
/// `WX-20261127-3fa2c1d0-007`. The tablet's part keeps two tablets' numbers apart after their
/// files cross; the count is per tablet and day ([`services::next_number`]).
pub fn number(day: NaiveDate, device: &str, n: u32) -> String {
    format!("{}{n:03}", number_prefix(day, device))
}

/// The part of a number shared by a tablet's orders of one day.
pub fn number_prefix(day: NaiveDate, device: &str) -> String {
    format!("WX-{}-{device}-", day.format("%Y%m%d"))
}

/// Index names of work orders.
pub mod ix {
    pub const STATUS: &str = "status";
    pub const UNIT: &str = "unit";
    pub const NUMBER: &str = "number";
    pub const PHONE: &str = "phone";
    pub const NAME: &str = "name";
    /// Day taken.
    pub const DAY: &str = "day";
    /// Day ended, while it still holds personal data (for the retention purge).
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for WorkOrder {
    const KIND: &'static str = "work_order";
    /// 2: the service desk's order (source, reporter, urgency, dispatch, completion, follow-up,
    /// steps, number); orders of schema 1 came from inspections.
    const SCHEMA: u32 = 2;
    const INDEXES: u32 = 2;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            (ix::STATUS, self.status.code().to_string()),
            (ix::DAY, day_key(self.created_at)),
        ];
        if !self.unit.is_empty() {
            v.push((ix::UNIT, self.unit.clone()));
        }
        if !self.number.is_empty() {
            v.push((ix::NUMBER, self.number.clone()));
        }
        if let Some(p) = &self.phone {
            v.push((ix::PHONE, p.digits().to_string()));
        }
        if !self.reporter.is_empty() {
            v.push((ix::NAME, self.reporter.clone()));
        }
        if !self.purged
            && let Some(t) = self.ended()
        {
            v.push((ix::PERSONAL, day_key(t)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.created_at
    }
    fn upgrade(body: &mut serde_json::Value, from: u32) -> Result<(), String> {
        if from < 2
            && let Some(o) = body.as_object_mut()
        {
            // Schema 1 orders were made from failed inspection items.
            let from_inspection = o.get("inspection").is_some_and(|i| !i.is_null());
            o.entry("source").or_insert_with(|| {
                serde_json::Value::String(
                    if from_inspection {
                        "inspection"
                    } else {
                        "other"
                    }
                    .into(),
                )
            });
        }
        Ok(())
    }
}

impl crate::modules::retention::Retained for WorkOrder {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged
            && self
                .ended()
                .is_some_and(|t| now - t >= Duration::days(i64::from(days)))
    }
    fn purged(mut self) -> Self {
        self.reporter.clear();
        self.phone = None;
        self.photos.clear();
        for c in self.completion.iter_mut().chain(self.earlier.iter_mut()) {
            c.photos.clear();
            c.signature = None;
        }
        if let Some(f) = &mut self.follow_up {
            f.comment.clear();
        }
        self.purged = true;
        self
    }
    fn pictures(&self) -> Vec<RecordId> {
        pictures(self)
    }
}

fn pictures(o: &WorkOrder) -> Vec<RecordId> {
    let mut v = o.photos.clone();
    for c in o.completion.iter().chain(&o.earlier) {
        v.extend(c.photos.iter().copied());
        v.extend(c.signature);
    }
    v
}

/// A work order's coded values as words (the audit trail).
fn order_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    let w = |l: &'static str| Some(l.to_string());
    match field.rsplit('.').next().unwrap_or(field) {
        "status" | "to" | "from" => WorkStatus::from_code(value).and_then(|s| w(s.label(lang))),
        "source" => Source::from_code(value).and_then(|s| w(s.label(lang))),
        "category" => Category::from_code(value).and_then(|s| w(s.label(lang))),
        "urgency" => Urgency::from_code(value).and_then(|s| w(s.label(lang))),
        "department" => Department::from_code(value).and_then(|s| w(s.label(lang))),
        "satisfaction" => Satisfaction::from_code(value).and_then(|s| w(s.label(lang))),
        "quote_fen" | "fee_fen" => value.parse::<u32>().ok().map(|f| format!("{} 元", yuan(f))),
        _ => None,
    }
}

fn photos_of(env: &crate::record::Envelope) -> Vec<RecordId> {
    env.decode::<WorkOrder>()
        .map(|w| pictures(&w))
        .unwrap_or_default()
}

/// The work-orders module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "work-orders",
    zh: "工单",
    en: "Work orders",
    kinds: &[
        crate::spec::KindSpec::of::<WorkOrder>("work-orders", TAKE_WORK_ORDERS)
            .named("工单", "Work order")
            .values(order_words)
            .csv(csv::TABLE)
            .personal(&[
                ("reporter", crate::spec::Mask::Name),
                ("phone", crate::spec::Mask::Phone),
                ("follow_up.comment", crate::spec::Mask::Text),
            ])
            .labels(&[
                crate::spec::Label::new("number", "工单号", "Number"),
                crate::spec::Label::new("source", "来源", "Source"),
                crate::spec::Label::new("reporter", "报修人", "Reported by"),
                crate::spec::Label::new("urgency", "紧急程度", "Urgency"),
                crate::spec::Label::new("window", "预约时间", "Appointment"),
                crate::spec::Label::new("paid", "有偿", "Paid"),
                crate::spec::Label::new("quote_fen", "报价", "Quote"),
                crate::spec::Label::new("department", "部门", "Department"),
                crate::spec::Label::new("worker", "维修人员", "Worker"),
                crate::spec::Label::new("hold", "暂缓", "Hold"),
                crate::spec::Label::new("completion", "完工", "Completion"),
                crate::spec::Label::new("materials", "材料", "Materials"),
                crate::spec::Label::new("fee_fen", "收费", "Fee"),
                crate::spec::Label::new("earlier", "返工前的完工", "Completions before rework"),
                crate::spec::Label::new("nobody_home", "无人在家", "Nobody home"),
                crate::spec::Label::new("follow_up", "回访", "Follow-up"),
                crate::spec::Label::new("satisfaction", "满意度", "Satisfaction"),
                crate::spec::Label::new("fixed", "已修好", "Fixed"),
                crate::spec::Label::new("comment", "意见", "Comment"),
                crate::spec::Label::new("rework", "返工次数", "Reworks"),
                crate::spec::Label::new("steps", "处理记录", "Steps"),
                crate::spec::Label::new("to", "状态", "Status"),
                crate::spec::Label::new("linked_to", "关联工单", "Linked order"),
                crate::spec::Label::new("inspection", "巡检记录", "Inspection"),
                crate::spec::Label::new("item_key", "检查项编号", "Item key"),
                crate::spec::Label::new("purged", "已清除个人信息", "Personal data purged"),
                crate::spec::Label::new("reason", "原因", "Reason"),
                crate::spec::Label::new("until", "暂缓至", "Until"),
                crate::spec::Label::new("from", "原状态", "From"),
            ])
            .photos(photos_of),
    ],
    exportable: true,
    settings: &[
        crate::spec::Label::new(
            "work.limits",
            "工单时限(分钟)",
            "Work order limits (minutes)",
        ),
        crate::spec::Label::new("work.workers", "维修人员名单", "Workers"),
        crate::spec::Label::new(
            "work.retention_days",
            "工单个人信息保留天数",
            "Work order data kept (days)",
        ),
    ],
    demo: Some(crate::module::Demo {
        count: 40,
        make: demo::order,
    }),
};

#[cfg(test)]
mod tests;
