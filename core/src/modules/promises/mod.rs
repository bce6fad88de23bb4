//! 承诺 Promises: what the desk said it would do for someone, and by when ("明天上午 10 点前
//!回电"). One record kind for every module that promises something (a call not answered on the
//! spot, a complaint); open promises stay on the home screen until kept or withdrawn with a
//! reason, overdue ones in red. Never promise lightly: a promise is an explicit entry, never a
//! line in a note.

pub mod services;

use crate::actor::{Action, Role};
use crate::lang::{Lang, Localized};
use crate::phone::PhoneNumber;
use crate::record::{Meta, Record, RecordId};
use crate::time::day_key;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// What became of a promise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Outcome {
    Kept {
        at: DateTime<Utc>,
        by: String,
        /// What was done or said.
        note: String,
    },
    Withdrawn {
        at: DateTime<Utc>,
        by: String,
        reason: String,
    },
}

/// A promise made to someone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    /// What was promised.
    pub what: String,
    pub due: DateTime<Utc>,
    /// To whom, and how to reach them.
    pub to: String,
    #[serde(default)]
    pub phone: Option<PhoneNumber>,
    #[serde(default)]
    pub unit: String,
    /// The record it was made on (a call, a complaint): its kind and id.
    pub on: (String, RecordId),
    pub made_by: String,
    pub made_at: DateTime<Utc>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub purged: bool,
}

/// Why a promise was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromiseError {
    NoWhat,
    /// The time promised is not after the time it is made.
    DueNotAhead,
    NoReason,
    NoNote,
    /// Already kept or withdrawn.
    Settled,
}

impl Localized for PromiseError {
    fn message(&self, lang: Lang) -> String {
        match self {
            PromiseError::NoWhat => lang.pick("请写明答应了什么", "Say what was promised"),
            PromiseError::DueNotAhead => lang.pick(
                "答复时间要晚于现在",
                "The promised time must be later than now",
            ),
            PromiseError::NoReason => {
                lang.pick("撤回承诺请写明原因", "Give the reason for withdrawing it")
            }
            PromiseError::NoNote => lang.pick("请写明答复内容", "Say what the reply was"),
            PromiseError::Settled => {
                lang.pick("这项承诺已经办结", "This promise is already settled")
            }
        }
        .to_string()
    }
}

/// Make, keep and withdraw promises.
pub const MAKE_PROMISES: Action = Action::new(
    "make_promises",
    &[Role::Clerk, Role::Supervisor, Role::Inspector],
    "登记承诺",
    "make promises",
);

impl Promise {
    /// A promise of `what` to `to` by `due`, made at `now` on the record `on`.
    pub fn new(
        what: &str,
        due: DateTime<Utc>,
        to: &str,
        phone: Option<PhoneNumber>,
        on: (String, RecordId),
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, PromiseError> {
        if what.trim().is_empty() {
            return Err(PromiseError::NoWhat);
        }
        if due <= now {
            return Err(PromiseError::DueNotAhead);
        }
        Ok(Promise {
            what: what.trim().to_string(),
            due,
            to: to.trim().to_string(),
            phone,
            unit: String::new(),
            on,
            made_by: by.to_string(),
            made_at: now,
            outcome: None,
            purged: false,
        })
    }

    pub fn open(&self) -> bool {
        self.outcome.is_none()
    }

    /// Open past its time.
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.open() && now > self.due
    }

    /// Kept at `now` by `by`, with what was done.
    pub fn kept(&self, note: &str, by: &str, now: DateTime<Utc>) -> Result<Self, PromiseError> {
        if !self.open() {
            return Err(PromiseError::Settled);
        }
        if note.trim().is_empty() {
            return Err(PromiseError::NoNote);
        }
        Ok(Promise {
            outcome: Some(Outcome::Kept {
                at: now,
                by: by.to_string(),
                note: note.trim().to_string(),
            }),
            ..self.clone()
        })
    }

    /// Withdrawn at `now` by `by`, with the reason.
    pub fn withdrawn(
        &self,
        reason: &str,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, PromiseError> {
        if !self.open() {
            return Err(PromiseError::Settled);
        }
        if reason.trim().is_empty() {
            return Err(PromiseError::NoReason);
        }
        Ok(Promise {
            outcome: Some(Outcome::Withdrawn {
                at: now,
                by: by.to_string(),
                reason: reason.trim().to_string(),
            }),
            ..self.clone()
        })
    }

    fn settled_at(&self) -> Option<DateTime<Utc>> {
        match &self.outcome {
            Some(Outcome::Kept { at, .. } | Outcome::Withdrawn { at, .. }) => Some(*at),
            None => None,
        }
    }
}

/// Index names of promises.
pub mod ix {
    /// The day due, while open (the home list, oldest due first).
    pub const OPEN: &str = "open";
    /// The record it was made on.
    pub const ON: &str = "on";
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for Promise {
    const KIND: &'static str = "promise";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(ix::ON, self.on.1.0.to_string())];
        if self.open() {
            v.push((ix::OPEN, self.due.to_rfc3339()));
        }
        if let (false, Some(t)) = (self.purged, self.settled_at()) {
            v.push((ix::PERSONAL, day_key(t)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.due
    }
}

impl crate::modules::retention::Retained for Promise {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged
            && self
                .settled_at()
                .is_some_and(|t| now - t >= Duration::days(i64::from(days)))
    }
    fn purged(mut self) -> Self {
        self.to.clear();
        self.phone = None;
        self.purged = true;
        self
    }
}

/// The promises module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "promises",
    zh: "承诺",
    en: "Promises",
    kinds: &[
        crate::spec::KindSpec::of::<Promise>("promises", MAKE_PROMISES)
            .named("承诺", "Promise")
            .personal(&[
                ("to", crate::spec::Mask::Name),
                ("phone", crate::spec::Mask::Phone),
            ])
            .labels(&[
                crate::spec::Label::new("what", "承诺内容", "Promised"),
                crate::spec::Label::new("due", "答复时间", "Due"),
                crate::spec::Label::new("to", "对象", "To"),
                crate::spec::Label::new("on", "所属记录", "Made on"),
                crate::spec::Label::new("made_by", "承诺人", "Made by"),
                crate::spec::Label::new("made_at", "承诺时间", "Made at"),
                crate::spec::Label::new("outcome", "结果", "Outcome"),
                crate::spec::Label::new("state", "结果", "Outcome"),
                crate::spec::Label::new("reason", "原因", "Reason"),
                crate::spec::Label::new("purged", "已清除个人信息", "Personal data purged"),
            ])
            .values(|field, value, lang| {
                (field.ends_with("state")).then(|| match value {
                    "kept" => Some(lang.pick("已兑现", "Kept").to_string()),
                    "withdrawn" => Some(lang.pick("已撤回", "Withdrawn").to_string()),
                    _ => None,
                })?
            }),
    ],
    exportable: true,
    settings: &[],
    demo: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        crate::time::china()
            .with_ymd_and_hms(2026, 11, d, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn promise() -> Promise {
        let on = ("contact".to_string(), RecordId(uuid::Uuid::from_u128(5)));
        Promise::new(
            "回电告知停水时间",
            at(28, 10, 0),
            "王芳",
            None,
            on,
            "小李",
            at(27, 16, 0),
        )
        .unwrap()
    }

    #[test]
    fn a_promise_is_due_across_the_china_day_and_settled_once() {
        let p = promise();
        // Made 16:00, due tomorrow 10:00 China time (02:00 UTC, the UTC day before's evening +).
        assert!(!p.overdue(at(28, 9, 59)));
        assert!(p.overdue(at(28, 10, 1)));
        let kept = p
            .kept("已回电,明天上午恢复供水", "小王", at(28, 9, 30))
            .unwrap();
        assert!(!kept.open() && !kept.overdue(at(29, 0, 0)));
        assert_eq!(
            kept.kept("再次", "小王", at(28, 9, 40)),
            Err(PromiseError::Settled)
        );
        assert_eq!(
            p.withdrawn(" ", "小王", at(28, 9, 30)),
            Err(PromiseError::NoReason)
        );
        assert_eq!(p.kept("", "小王", at(28, 9, 30)), Err(PromiseError::NoNote));
        let on = ("contact".to_string(), RecordId(uuid::Uuid::from_u128(5)));
        assert_eq!(
            Promise::new(
                "x",
                at(27, 15, 0),
                "",
                None,
                on.clone(),
                "小李",
                at(27, 16, 0)
            ),
            Err(PromiseError::DueNotAhead)
        );
        assert_eq!(
            Promise::new(" ", at(28, 15, 0), "", None, on, "小李", at(27, 16, 0)),
            Err(PromiseError::NoWhat)
        );
        // Open promises are indexed by their due time; settled ones drop off the list.
        assert!(p.index_values().iter().any(|(k, _)| *k == ix::OPEN));
        assert!(!kept.index_values().iter().any(|(k, _)| *k == ix::OPEN));
    }
}
