//! 来电来访 Calls and walk-ins, logged by the seven steps of answering the phone: who is calling
//! (matched to the directory by phone), what they said, what was answered. What cannot be
//! answered on the spot gets the caller's contact, whom it was passed to and a promised reply
//! time: a [`crate::modules::promises::Promise`] written with the call, on the home screen until
//! the reply is recorded. A repair becomes a work order in one tap; an official visitor (公务)
//! notes whom they were sent to.

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

labelled_enum!(Way {
    Call => "call", "来电", "Call", [];
    WalkIn => "walk_in", "来访", "Walk-in", [];
});

labelled_enum!(Topic {
    Inquiry => "inquiry", "咨询", "Question", [];
    Repair => "repair", "报修", "Repair", [];
    Complaint => "complaint", "投诉", "Complaint", [];
    Help => "help", "求助", "Help", [];
    Official => "official", "公务", "Official", [];
    Other => "other", "其他", "Other", [];
});

/// The reply recorded later for a call not answered on the spot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub at: DateTime<Utc>,
    pub by: String,
    pub text: String,
}

/// The follow-up call (回访) after a reply: how satisfied the caller was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallFollowUp {
    pub at: DateTime<Utc>,
    pub by: String,
    pub satisfaction: crate::modules::work_orders::Satisfaction,
    #[serde(default)]
    pub comment: String,
}

/// A call or a walk-in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub way: Way,
    pub at: DateTime<Utc>,
    #[serde(default)]
    pub caller: String,
    #[serde(default)]
    pub phone: Option<PhoneNumber>,
    /// The caller's unit (canonical form), if known.
    #[serde(default)]
    pub unit: String,
    pub topic: Topic,
    /// What they said.
    pub said: String,
    /// What was answered on the spot (empty when it could not be).
    #[serde(default)]
    pub answer: String,
    /// Whom it was passed to when it could not be answered.
    #[serde(default)]
    pub passed_to: String,
    /// Whom an official visitor was sent to.
    #[serde(default)]
    pub sent_to: String,
    /// The reply promised, when it could not be answered on the spot.
    #[serde(default)]
    pub promise: Option<RecordId>,
    #[serde(default)]
    pub reply: Option<Reply>,
    /// The work order a repair call became.
    #[serde(default)]
    pub work_order: Option<RecordId>,
    /// The seventh step: the call back after the reply.
    #[serde(default)]
    pub follow_up: Option<CallFollowUp>,
    pub by: String,
    #[serde(default)]
    pub purged: bool,
}

/// What the clerk fills in while on the phone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallForm {
    pub way: Option<Way>,
    pub caller: String,
    pub phone: String,
    pub unit: String,
    pub topic: Option<Topic>,
    pub said: String,
    pub answer: String,
    /// Answered on the spot; otherwise the promise below is required.
    pub answered: bool,
    pub passed_to: String,
    pub sent_to: String,
    pub promise_what: String,
    pub promise_due: Option<DateTime<Utc>>,
}

/// What is wrong with a call form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallError {
    NoTopic,
    NoSaid,
    NoAnswer,
    BadPhone(String),
    BadUnit(String),
    /// Not answered on the spot: the caller's phone is needed to reply.
    NoContact,
    /// Not answered on the spot: when the reply is promised for.
    NoDue,
    DueNotAhead,
    NoSentTo,
    NoReply,
    AlreadyReplied,
    NothingPromised,
    /// A follow-up before the reply, or a second one.
    NoFollowUpDue,
}

impl Localized for CallError {
    fn message(&self, lang: Lang) -> String {
        use CallError::*;
        match self {
            NoTopic => lang
                .pick("请选择来电事由", "Choose what it is about")
                .into(),
            NoSaid => lang
                .pick("请记下对方说的内容", "Write down what they said")
                .into(),
            NoAnswer => lang
                .pick(
                    "请写下当场的答复,或勾选\"不能当场答复\"",
                    "Write the answer given, or tick \"could not answer now\"",
                )
                .into(),
            BadPhone(p) => match lang {
                Lang::Zh => format!("电话 {p} 不对,请填写手机或带区号的座机"),
                Lang::En => format!("Phone {p} is not a phone number"),
            },
            BadUnit(u) => match lang {
                Lang::Zh => format!("房号 {u} 不对,请按 楼-单元-室 填写"),
                Lang::En => format!("Unit {u} is not a unit (building-entrance-room)"),
            },
            NoContact => lang
                .pick(
                    "不能当场答复的,要留下对方电话",
                    "When it cannot be answered now, take the caller's phone",
                )
                .into(),
            NoDue => lang
                .pick("请约定答复时间", "Say when the reply is promised for")
                .into(),
            DueNotAhead => lang
                .pick(
                    "约定的答复时间要晚于现在",
                    "The promised time must be later than now",
                )
                .into(),
            NoSentTo => lang
                .pick(
                    "公务来访请写明已引导给谁",
                    "Say whom the official visitor was sent to",
                )
                .into(),
            NoReply => lang.pick("请写下答复内容", "Write the reply").into(),
            AlreadyReplied => lang
                .pick("这条来电已经答复过", "This call has been replied to")
                .into(),
            NothingPromised => lang
                .pick(
                    "这条来电没有待答复的承诺",
                    "Nothing was promised on this call",
                )
                .into(),
            NoFollowUpDue => lang
                .pick("这条来电现在不需要回访", "This call is not due a follow-up")
                .into(),
        }
    }
}

/// Log calls and walk-ins, and reply to them.
pub const LOG_CONTACTS: Action = Action::new(
    "log_contacts",
    &[Role::Clerk, Role::Supervisor],
    "登记来电来访",
    "log calls and walk-ins",
);

impl CallForm {
    /// The contact, and the promise it needs (what, when) when not answered on the spot; or
    /// every problem.
    pub fn parse(
        &self,
        now: DateTime<Utc>,
        by: &str,
    ) -> Result<(Contact, Option<(String, DateTime<Utc>)>), Vec<CallError>> {
        let mut e = Vec::new();
        let phone = match self.phone.trim() {
            "" => None,
            p => PhoneNumber::parse(p)
                .map_err(|_| e.push(CallError::BadPhone(p.to_string())))
                .ok(),
        };
        let unit = match self.unit.trim() {
            "" => String::new(),
            u => UnitNo::parse(u)
                .map(|u| u.to_string())
                .map_err(|_| e.push(CallError::BadUnit(u.to_string())))
                .unwrap_or_default(),
        };
        if self.topic.is_none() {
            e.push(CallError::NoTopic);
        }
        if self.said.trim().is_empty() {
            e.push(CallError::NoSaid);
        }
        let mut promise = None;
        if self.answered {
            if self.answer.trim().is_empty() && self.topic != Some(Topic::Official) {
                e.push(CallError::NoAnswer);
            }
        } else {
            if self.phone.trim().is_empty() {
                e.push(CallError::NoContact);
            }
            match self.promise_due {
                None => e.push(CallError::NoDue),
                Some(d) if d <= now => e.push(CallError::DueNotAhead),
                Some(d) => {
                    let what = match self.promise_what.trim() {
                        "" => format!("答复:{}", self.said.trim()),
                        w => w.to_string(),
                    };
                    promise = Some((what, d));
                }
            }
        }
        if self.topic == Some(Topic::Official) && self.sent_to.trim().is_empty() {
            e.push(CallError::NoSentTo);
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok((
            Contact {
                way: self.way.unwrap_or(Way::Call),
                at: now,
                caller: self.caller.trim().to_string(),
                phone,
                unit,
                topic: self.topic.unwrap_or(Topic::Other),
                said: self.said.trim().to_string(),
                answer: if self.answered {
                    self.answer.trim().to_string()
                } else {
                    String::new()
                },
                passed_to: self.passed_to.trim().to_string(),
                sent_to: self.sent_to.trim().to_string(),
                promise: None,
                reply: None,
                work_order: None,
                follow_up: None,
                by: by.to_string(),
                purged: false,
            },
            promise,
        ))
    }
}

impl Contact {
    /// Replied to and not yet called back (回访).
    pub fn follow_up_due(&self) -> bool {
        self.reply.is_some() && self.follow_up.is_none()
    }

    /// The follow-up call's result, at `now` by `by`.
    pub fn followed_up(
        &self,
        satisfaction: crate::modules::work_orders::Satisfaction,
        comment: &str,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, CallError> {
        if !self.follow_up_due() {
            return Err(CallError::NoFollowUpDue);
        }
        Ok(Contact {
            follow_up: Some(CallFollowUp {
                at: now,
                by: by.to_string(),
                satisfaction,
                comment: comment.trim().to_string(),
            }),
            ..self.clone()
        })
    }

    /// Waiting for the promised reply.
    pub fn waiting(&self) -> bool {
        self.promise.is_some() && self.reply.is_none()
    }

    /// The reply recorded at `now` by `by`.
    pub fn replied(&self, text: &str, by: &str, now: DateTime<Utc>) -> Result<Self, CallError> {
        if self.promise.is_none() {
            return Err(CallError::NothingPromised);
        }
        if self.reply.is_some() {
            return Err(CallError::AlreadyReplied);
        }
        if text.trim().is_empty() {
            return Err(CallError::NoReply);
        }
        Ok(Contact {
            reply: Some(Reply {
                at: now,
                by: by.to_string(),
                text: text.trim().to_string(),
            }),
            ..self.clone()
        })
    }
}

/// Index names of contacts.
pub mod ix {
    pub const DAY: &str = "day";
    pub const PHONE: &str = "phone";
    pub const UNIT: &str = "unit";
    pub const NAME: &str = "name";
    /// `1` while waiting for the promised reply.
    pub const WAITING: &str = "waiting";
    /// `1` while due a follow-up call.
    pub const FOLLOW_UP: &str = "follow_up";
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for Contact {
    const KIND: &'static str = "contact";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(ix::DAY, day_key(self.at))];
        if let Some(p) = &self.phone {
            v.push((ix::PHONE, p.digits().to_string()));
        }
        if !self.unit.is_empty() {
            v.push((ix::UNIT, self.unit.clone()));
        }
        if !self.caller.is_empty() {
            v.push((ix::NAME, self.caller.clone()));
        }
        if self.waiting() {
            v.push((ix::WAITING, "1".into()));
        }
        if self.follow_up_due() {
            v.push((ix::FOLLOW_UP, "1".into()));
        }
        if !self.purged && !self.waiting() {
            v.push((
                ix::PERSONAL,
                day_key(self.reply.as_ref().map_or(self.at, |r| r.at)),
            ));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.at
    }
}

impl crate::modules::retention::Retained for Contact {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        let end = self.reply.as_ref().map_or(self.at, |r| r.at);
        !self.purged && !self.waiting() && now - end >= Duration::days(i64::from(days))
    }
    fn purged(mut self) -> Self {
        self.caller.clear();
        self.phone = None;
        self.said.clear();
        self.answer.clear();
        if let Some(r) = &mut self.reply {
            r.text.clear();
        }
        self.purged = true;
        self
    }
}

fn contact_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    match field {
        "follow_up.satisfaction" => crate::modules::work_orders::Satisfaction::from_code(value)
            .map(|s| s.label(lang).to_string()),
        "way" => Way::from_code(value).map(|w| w.label(lang).to_string()),
        "topic" => Topic::from_code(value).map(|t| t.label(lang).to_string()),
        _ => None,
    }
}

/// The calls and walk-ins module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "contacts",
    zh: "来电来访",
    en: "Calls and walk-ins",
    kinds: &[
        crate::spec::KindSpec::of::<Contact>("contacts", LOG_CONTACTS)
            .named("来电来访", "Call or walk-in")
            .csv(csv::TABLE)
            .values(contact_words)
            .personal(&[
                ("caller", crate::spec::Mask::Name),
                ("phone", crate::spec::Mask::Phone),
                ("said", crate::spec::Mask::Text),
                ("answer", crate::spec::Mask::Text),
                ("reply.text", crate::spec::Mask::Text),
            ])
            .labels(&[
                crate::spec::Label::new("way", "方式", "Way"),
                crate::spec::Label::new("caller", "来电人", "Caller"),
                crate::spec::Label::new("topic", "事由", "Topic"),
                crate::spec::Label::new("said", "来电内容", "What they said"),
                crate::spec::Label::new("answer", "当场答复", "Answered"),
                crate::spec::Label::new("passed_to", "转交", "Passed to"),
                crate::spec::Label::new("sent_to", "引导至", "Sent to"),
                crate::spec::Label::new("promise", "承诺", "Promise"),
                crate::spec::Label::new("reply", "答复", "Reply"),
                crate::spec::Label::new("text", "内容", "Text"),
                crate::spec::Label::new("work_order", "工单", "Work order"),
                crate::spec::Label::new("follow_up", "回访", "Follow-up"),
                crate::spec::Label::new("satisfaction", "满意度", "Satisfaction"),
                crate::spec::Label::new("comment", "意见", "Comment"),
                crate::spec::Label::new("purged", "已清除个人信息", "Personal data purged"),
            ]),
    ],
    exportable: true,
    settings: &[crate::spec::Label::new(
        "contact.retention_days",
        "来电来访个人信息保留天数",
        "Calls' personal data kept (days)",
    )],
    demo: None,
};

#[cfg(test)]
mod tests;
