//! 巡视与检查 Inspections: checklist templates, inspections walked against a copy of their
//! template, the failure rules, schedules (daily/weekly/monthly, due and overdue), work orders
//! made from failed items, and photos kept as records of their own.
//!
//! An inspection carries a copy of the template's sections as they were when it started, so a
//! later edit of the template (a new template version) never changes an inspection already done.

pub mod demo;
pub mod services;

use crate::lang::{Lang, labelled_enum};
use crate::modules::work_orders::WorkOrder;
use crate::record::{Meta, Record, RecordId};
use crate::time::{china, day_key, local_date};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

labelled_enum!(Category {
    Facilities => "facilities", "设施设备", "Facilities", [];
    Fire => "fire", "消防", "Fire protection", [];
    Greening => "greening", "绿化", "Greening", [];
    Cleaning => "cleaning", "保洁", "Cleaning", [];
    Patrol => "patrol", "安全巡逻", "Security patrol", [];
    Access => "access", "门禁", "Access control", [];
    Custody => "custody", "托管房", "Custody house", [];
    MoveIn => "move_in", "入住验房", "Move-in acceptance", [];
    Other => "other", "其他", "Other", [];
});

labelled_enum!(InspectionResult {
    Open => "open", "进行中", "Under way", [];
    Passed => "passed", "合格", "Passed", [];
    Failed => "failed", "有不合格项", "Failures", [];
});

labelled_enum!(Frequency {
    Daily => "daily", "每天", "Daily", [];
    Weekly => "weekly", "每周", "Weekly", [];
    Monthly => "monthly", "每月", "Monthly", [];
});

/// What kind of answer an item takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// 合格 / 不合格 / 不适用.
    PassFail,
    /// 是 / 否; `fail_on` is the answer that counts as a failure.
    YesNo {
        fail_on: bool,
    },
    /// A reading with its unit and allowed range (outside it fails). With `baseline` (the key of
    /// another number item, e.g. the reading when custody began), a rise above `max_rise` over
    /// it fails too.
    Number {
        unit: String,
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
        #[serde(default)]
        baseline: Option<String>,
        #[serde(default)]
        max_rise: Option<f64>,
    },
    /// One of `options`; those in `failing` count as failures.
    Choice {
        options: Vec<String>,
        #[serde(default)]
        failing: Vec<String>,
    },
    Text,
    /// One or more photos.
    Photo,
    Signature,
}

impl ItemKind {
    pub fn code(&self) -> &'static str {
        match self {
            ItemKind::PassFail => "pass_fail",
            ItemKind::YesNo { .. } => "yes_no",
            ItemKind::Number { .. } => "number",
            ItemKind::Choice { .. } => "choice",
            ItemKind::Text => "text",
            ItemKind::Photo => "photo",
            ItemKind::Signature => "signature",
        }
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            ItemKind::PassFail => lang.pick("合格/不合格", "Pass/fail"),
            ItemKind::YesNo { .. } => lang.pick("是/否", "Yes/no"),
            ItemKind::Number { .. } => lang.pick("数值", "Number"),
            ItemKind::Choice { .. } => lang.pick("单选", "Choice"),
            ItemKind::Text => lang.pick("文字", "Text"),
            ItemKind::Photo => lang.pick("照片", "Photo"),
            ItemKind::Signature => lang.pick("签名", "Signature"),
        }
    }

    /// The kinds a template editor offers, with empty settings.
    pub fn blank(code: &str) -> Option<ItemKind> {
        Some(match code {
            "pass_fail" => ItemKind::PassFail,
            "yes_no" => ItemKind::YesNo { fail_on: false },
            "number" => ItemKind::Number {
                unit: String::new(),
                min: None,
                max: None,
                baseline: None,
                max_rise: None,
            },
            "choice" => ItemKind::Choice {
                options: Vec::new(),
                failing: Vec::new(),
            },
            "text" => ItemKind::Text,
            "photo" => ItemKind::Photo,
            "signature" => ItemKind::Signature,
            _ => return None,
        })
    }

    pub const CODES: [&'static str; 7] = [
        "pass_fail",
        "yes_no",
        "number",
        "choice",
        "text",
        "photo",
        "signature",
    ];
}

/// One checklist item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable within its template: answers are keyed by it.
    pub key: String,
    pub label: String,
    pub kind: ItemKind,
    #[serde(default)]
    pub required: bool,
    /// A failure needs a photo.
    #[serde(default)]
    pub photo_on_fail: bool,
    /// A failure needs a note.
    #[serde(default)]
    pub note_on_fail: bool,
    #[serde(default)]
    pub hint: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

/// A checklist template. Each save is a new version; inspections keep the version they used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Template {
    pub title: String,
    pub category: Category,
    pub sections: Vec<Section>,
    pub version: u32,
    #[serde(default)]
    pub retired: bool,
    /// Built into the app (shown before anyone edits it).
    #[serde(default)]
    pub builtin: bool,
}

/// Why a template cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("the template needs a title")]
    NoTitle,
    #[error("the template needs at least one item")]
    NoItems,
    #[error("item {0} has no label")]
    NoLabel(usize),
    #[error("two items share the key {0}")]
    DuplicateKey(String),
    #[error("item {0}: the lowest allowed value is above the highest")]
    BadRange(String),
    #[error("item {0}: a choice needs at least two options")]
    FewOptions(String),
}

impl crate::lang::Localized for TemplateError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TemplateError::NoTitle, Lang::Zh) => "请填写模板名称。".into(),
            (TemplateError::NoItems, Lang::Zh) => "模板至少要有一个检查项。".into(),
            (TemplateError::NoLabel(n), Lang::Zh) => format!("第 {n} 个检查项没有名称。"),
            (TemplateError::DuplicateKey(k), Lang::Zh) => format!("检查项编号 {k} 重复。"),
            (TemplateError::BadRange(l), Lang::Zh) => format!("“{l}”的下限高于上限。"),
            (TemplateError::FewOptions(l), Lang::Zh) => format!("“{l}”至少需要两个选项。"),
            (e, Lang::En) => crate::lang::sentence(e.to_string()),
        }
    }
}

impl Template {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item_count(&self) -> usize {
        self.items().count()
    }

    /// Checks a template before it is saved; blank sections are dropped, keys filled in.
    pub fn checked(mut self) -> Result<Template, TemplateError> {
        self.title = self.title.trim().to_string();
        if self.title.is_empty() {
            return Err(TemplateError::NoTitle);
        }
        self.sections.retain(|s| !s.items.is_empty());
        if self.sections.is_empty() {
            return Err(TemplateError::NoItems);
        }
        let mut seen = std::collections::HashSet::new();
        let mut n = 0;
        let mut next_key = self
            .items()
            .filter_map(|i| i.key.strip_prefix('i').and_then(|k| k.parse::<u32>().ok()))
            .max()
            .unwrap_or(0);
        for s in &mut self.sections {
            s.title = s.title.trim().to_string();
            for item in &mut s.items {
                n += 1;
                item.label = item.label.trim().to_string();
                if item.label.is_empty() {
                    return Err(TemplateError::NoLabel(n));
                }
                if item.key.is_empty() {
                    next_key += 1;
                    item.key = format!("i{next_key}");
                }
                if !seen.insert(item.key.clone()) {
                    return Err(TemplateError::DuplicateKey(item.key.clone()));
                }
                match &mut item.kind {
                    ItemKind::Number { min, max, .. } => {
                        if let (Some(a), Some(b)) = (*min, *max)
                            && a > b
                        {
                            return Err(TemplateError::BadRange(item.label.clone()));
                        }
                    }
                    ItemKind::Choice { options, failing } => {
                        options.retain(|o| !o.trim().is_empty());
                        failing.retain(|f| options.contains(f));
                        if options.len() < 2 {
                            return Err(TemplateError::FewOptions(item.label.clone()));
                        }
                    }
                    _ => {}
                }
            }
        }
        Ok(self)
    }

    /// The next version after an edit.
    pub fn edited(self, previous: &Template) -> Result<Template, TemplateError> {
        Template {
            version: previous.version + 1,
            builtin: false,
            ..self
        }
        .checked()
    }

    /// A copy to start a new template from.
    pub fn copy(&self, lang: Lang) -> Template {
        Template {
            title: format!("{}{}", self.title, lang.pick("(副本)", " (copy)")),
            version: 1,
            retired: false,
            builtin: false,
            ..self.clone()
        }
    }
}

impl Record for Template {
    const KIND: &'static str = "template";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        vec![("active", if self.retired { "0" } else { "1" }.to_string())]
    }
}

/// An answer, as given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Value {
    Pass,
    Fail,
    NotApplicable,
    Yes,
    No,
    Number(f64),
    Choice(String),
    Text(String),
    /// Photo records' ids (the photos themselves are [`crate::modules::photos::Photo`] records).
    Photos(Vec<RecordId>),
    /// A signature drawn on the screen: a photo record's id.
    Signature(RecordId),
}

/// One item's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub value: Value,
    #[serde(default)]
    pub note: String,
    /// Photos of a failure (for items of other kinds than photo).
    #[serde(default)]
    pub photos: Vec<RecordId>,
    pub at: DateTime<Utc>,
    /// The work order made from this failed item.
    #[serde(default)]
    pub work_order: Option<RecordId>,
}

/// What an item's answer amounts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Unanswered,
    Ok,
    Failed,
    NotApplicable,
}

/// Why an answer does not fit its item.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("no such item")]
    NoItem,
    #[error("that answer does not fit this item")]
    WrongKind,
    #[error("not one of the options")]
    NotAnOption,
    #[error("the inspection is finished")]
    Finished,
}

impl crate::lang::Localized for AnswerError {
    fn message(&self, lang: Lang) -> String {
        match self {
            AnswerError::NoItem => lang.pick("找不到这个检查项。", "No such item.").into(),
            AnswerError::WrongKind => lang
                .pick(
                    "这个答案不适合该检查项。",
                    "That answer does not fit this item.",
                )
                .into(),
            AnswerError::NotAnOption => lang
                .pick("请从选项中选择。", "Choose one of the options.")
                .into(),
            AnswerError::Finished => lang
                .pick(
                    "这次检查已完成签名,不能再修改。",
                    "This inspection is signed off and cannot change.",
                )
                .into(),
        }
    }
}

/// What still stands between an inspection and its signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// A required item has no answer.
    Answer(String),
    /// A failed item needs a photo.
    Photo(String),
    /// A failed item needs a note.
    Note(String),
    /// The closing signature.
    Signature,
}

impl Missing {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Missing::Answer(l), Lang::Zh) => format!("“{l}”必填,还没有回答"),
            (Missing::Photo(l), Lang::Zh) => format!("“{l}”不合格,需要拍照"),
            (Missing::Note(l), Lang::Zh) => format!("“{l}”不合格,需要写明情况"),
            (Missing::Answer(l), Lang::En) => format!("\"{l}\" is required and not answered"),
            (Missing::Photo(l), Lang::En) => format!("\"{l}\" failed and needs a photo"),
            (Missing::Note(l), Lang::En) => format!("\"{l}\" failed and needs a note"),
            (Missing::Signature, Lang::Zh) => "还没有签名".into(),
            (Missing::Signature, Lang::En) => "Not signed yet".into(),
        }
    }
}

/// One inspection, from start to signature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    pub template: RecordId,
    pub template_version: u32,
    pub title: String,
    pub category: Category,
    /// Where: 楼栋/区域/设备, free text.
    pub place: String,
    /// The unit, for custody houses and move-in checks (canonical `3-1-502`, or empty).
    #[serde(default)]
    pub unit: String,
    pub inspector: String,
    pub started_at: DateTime<Utc>,
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    /// The template's sections as they were when the inspection started.
    pub sections: Vec<Section>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The closing signature: a photo record's id.
    #[serde(default)]
    pub signature: Option<RecordId>,
    #[serde(default)]
    pub signed_by: String,
}

/// How an inspection came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Score {
    pub ok: usize,
    pub failed: usize,
    pub not_applicable: usize,
    pub unanswered: usize,
}

impl Score {
    pub fn total(&self) -> usize {
        self.ok + self.failed + self.not_applicable + self.unanswered
    }
    pub fn answered(&self) -> usize {
        self.total() - self.unanswered
    }
}

fn number_of(answers: &BTreeMap<String, Answer>, key: &str) -> Option<f64> {
    match answers.get(key).map(|a| &a.value) {
        Some(Value::Number(n)) => Some(*n),
        _ => None,
    }
}

impl Inspection {
    pub fn start(
        template_id: RecordId,
        t: &Template,
        place: &str,
        unit: &str,
        inspector: &str,
        now: DateTime<Utc>,
    ) -> Inspection {
        Inspection {
            template: template_id,
            template_version: t.version,
            title: t.title.clone(),
            category: t.category,
            place: place.trim().to_string(),
            unit: unit.trim().to_string(),
            inspector: inspector.to_string(),
            started_at: now,
            finished_at: None,
            sections: t.sections.clone(),
            answers: BTreeMap::new(),
            signature: None,
            signed_by: String::new(),
        }
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items().find(|i| i.key == key)
    }

    pub fn is_finished(&self) -> bool {
        self.finished_at.is_some()
    }

    /// What an item's answer amounts to: a number outside its range (or rising more than
    /// allowed over its baseline) fails; so do the failing yes/no answer and failing choices.
    pub fn outcome(&self, item: &Item) -> Outcome {
        let Some(a) = self.answers.get(&item.key) else {
            return Outcome::Unanswered;
        };
        match (&item.kind, &a.value) {
            (_, Value::NotApplicable) => Outcome::NotApplicable,
            (ItemKind::PassFail, Value::Pass) => Outcome::Ok,
            (ItemKind::PassFail, Value::Fail) => Outcome::Failed,
            (ItemKind::YesNo { fail_on }, Value::Yes | Value::No) => {
                if matches!(a.value, Value::Yes) == *fail_on {
                    Outcome::Failed
                } else {
                    Outcome::Ok
                }
            }
            (
                ItemKind::Number {
                    min,
                    max,
                    baseline,
                    max_rise,
                    ..
                },
                Value::Number(n),
            ) => {
                let below = min.is_some_and(|m| *n < m);
                let above = max.is_some_and(|m| *n > m);
                let rise = match (baseline, max_rise) {
                    (Some(b), Some(r)) => {
                        number_of(&self.answers, b).is_some_and(|base| *n - base > *r)
                    }
                    _ => false,
                };
                if below || above || rise {
                    Outcome::Failed
                } else {
                    Outcome::Ok
                }
            }
            (ItemKind::Choice { failing, .. }, Value::Choice(c)) => {
                if failing.contains(c) {
                    Outcome::Failed
                } else {
                    Outcome::Ok
                }
            }
            (ItemKind::Text, Value::Text(t)) if !t.trim().is_empty() => Outcome::Ok,
            (ItemKind::Photo, Value::Photos(p)) if !p.is_empty() => Outcome::Ok,
            (ItemKind::Signature, Value::Signature(_)) => Outcome::Ok,
            _ => Outcome::Unanswered,
        }
    }

    /// Records an answer (replacing an earlier one; the note, photos and work order stay).
    pub fn answer(
        &mut self,
        key: &str,
        value: Value,
        now: DateTime<Utc>,
    ) -> Result<(), AnswerError> {
        if self.is_finished() {
            return Err(AnswerError::Finished);
        }
        let item = self.item(key).ok_or(AnswerError::NoItem)?;
        let fits = match (&item.kind, &value) {
            (_, Value::NotApplicable) => true,
            (ItemKind::PassFail, Value::Pass | Value::Fail) => true,
            (ItemKind::YesNo { .. }, Value::Yes | Value::No) => true,
            (ItemKind::Number { .. }, Value::Number(n)) => n.is_finite(),
            (ItemKind::Choice { options, .. }, Value::Choice(c)) => {
                if !options.contains(c) {
                    return Err(AnswerError::NotAnOption);
                }
                true
            }
            (ItemKind::Text, Value::Text(_)) => true,
            (ItemKind::Photo, Value::Photos(_)) => true,
            (ItemKind::Signature, Value::Signature(_)) => true,
            _ => false,
        };
        if !fits {
            return Err(AnswerError::WrongKind);
        }
        let previous = self.answers.remove(key);
        self.answers.insert(
            key.to_string(),
            Answer {
                value,
                at: now,
                note: previous
                    .as_ref()
                    .map(|p| p.note.clone())
                    .unwrap_or_default(),
                photos: previous
                    .as_ref()
                    .map(|p| p.photos.clone())
                    .unwrap_or_default(),
                work_order: previous.and_then(|p| p.work_order),
            },
        );
        Ok(())
    }

    /// The note on an item's answer.
    pub fn set_note(&mut self, key: &str, note: &str) -> Result<(), AnswerError> {
        if self.is_finished() {
            return Err(AnswerError::Finished);
        }
        let a = self.answers.get_mut(key).ok_or(AnswerError::NoItem)?;
        a.note = note.trim().to_string();
        Ok(())
    }

    /// Adds a photo to an item: to a photo item's answer, or to another item's failure.
    pub fn add_photo(
        &mut self,
        key: &str,
        photo: RecordId,
        now: DateTime<Utc>,
    ) -> Result<(), AnswerError> {
        if self.is_finished() {
            return Err(AnswerError::Finished);
        }
        let item = self.item(key).ok_or(AnswerError::NoItem)?.clone();
        if matches!(item.kind, ItemKind::Photo) {
            let mut ids = match self.answers.get(key).map(|a| &a.value) {
                Some(Value::Photos(p)) => p.clone(),
                _ => Vec::new(),
            };
            ids.push(photo);
            return self.answer(key, Value::Photos(ids), now);
        }
        let a = self.answers.get_mut(key).ok_or(AnswerError::NoItem)?;
        a.photos.push(photo);
        Ok(())
    }

    /// Links a work order to a failed item.
    pub fn link_work_order(&mut self, key: &str, order: RecordId) -> Result<(), AnswerError> {
        let a = self.answers.get_mut(key).ok_or(AnswerError::NoItem)?;
        a.work_order = Some(order);
        Ok(())
    }

    pub fn score(&self) -> Score {
        let mut s = Score::default();
        for item in self.items() {
            match self.outcome(item) {
                Outcome::Ok => s.ok += 1,
                Outcome::Failed => s.failed += 1,
                Outcome::NotApplicable => s.not_applicable += 1,
                Outcome::Unanswered => s.unanswered += 1,
            }
        }
        s
    }

    /// Items that failed, in order.
    pub fn failures(&self) -> Vec<&Item> {
        self.items()
            .filter(|i| self.outcome(i) == Outcome::Failed)
            .collect()
    }

    /// What must still be done before the inspection can be signed off.
    pub fn missing(&self) -> Vec<Missing> {
        let mut out = Vec::new();
        for item in self.items() {
            match self.outcome(item) {
                Outcome::Unanswered if item.required => {
                    out.push(Missing::Answer(item.label.clone()))
                }
                Outcome::Failed => {
                    let a = &self.answers[&item.key];
                    if item.photo_on_fail && a.photos.is_empty() {
                        out.push(Missing::Photo(item.label.clone()));
                    }
                    if item.note_on_fail && a.note.is_empty() {
                        out.push(Missing::Note(item.label.clone()));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Signs the inspection off; refused, with what is missing, while anything is.
    pub fn finish(
        &mut self,
        signature: Option<RecordId>,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<Missing>> {
        // Finished once: a second sign-off (a double tap) keeps the first.
        if self.is_finished() {
            return Ok(());
        }
        let mut missing = self.missing();
        if signature.is_none() {
            missing.push(Missing::Signature);
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        self.signature = signature;
        self.signed_by = by.to_string();
        self.finished_at = Some(now);
        Ok(())
    }

    /// Under way, passed, or finished with failures.
    pub fn result(&self) -> InspectionResult {
        if !self.is_finished() {
            InspectionResult::Open
        } else if self.score().failed > 0 {
            InspectionResult::Failed
        } else {
            InspectionResult::Passed
        }
    }

    /// The result's code, as the `result` index holds it.
    pub fn result_code(&self) -> &'static str {
        self.result().code()
    }
}

impl Record for Inspection {
    const KIND: &'static str = "inspection";
    /// 2: signatures became photo records (see [`MODULE`]).
    const SCHEMA: u32 = 2;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("day", day_key(self.started_at)),
            ("template", self.template.to_string()),
            ("result", self.result_code().to_string()),
        ];
        if !self.place.is_empty() {
            v.push(("place", self.place.clone()));
        }
        if !self.unit.is_empty() {
            v.push(("unit", self.unit.clone()));
        }
        if let Some(f) = self.finished_at {
            // For schedules: the last finished inspection of a template at a place.
            v.push(("done", format!("{}|{}", self.template, self.place)));
            v.push(("done_day", day_key(f)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.finished_at.unwrap_or(self.started_at)
    }
}

/// A template due at a place every day, week or month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub template: RecordId,
    pub title: String,
    pub place: String,
    pub frequency: Frequency,
    pub since: DateTime<Utc>,
    #[serde(default)]
    pub active: bool,
}

impl Record for Schedule {
    const KIND: &'static str = "schedule";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        vec![("active", if self.active { "1" } else { "0" }.to_string())]
    }
}

/// Where a schedule stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Done in the current period.
    Done,
    /// Not yet done in the current period.
    DueNow,
    /// Not done in the previous period either.
    Overdue,
}

fn period_start(f: Frequency, day: NaiveDate) -> NaiveDate {
    match f {
        Frequency::Daily => day,
        Frequency::Weekly => day - Duration::days(day.weekday().num_days_from_monday() as i64),
        Frequency::Monthly => day.with_day(1).unwrap_or(day),
    }
}

fn previous_start(f: Frequency, start: NaiveDate) -> NaiveDate {
    match f {
        Frequency::Daily => start - Duration::days(1),
        Frequency::Weekly => start - Duration::days(7),
        Frequency::Monthly => period_start(f, start - Duration::days(1)),
    }
}

impl Schedule {
    /// Whether the inspection is due, given when it was last finished (local days, UTC+8).
    pub fn due(&self, last_done: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Due {
        let today = local_date(now);
        let start = period_start(self.frequency, today);
        let last = last_done.map(local_date);
        if last.is_some_and(|d| d >= start) {
            return Due::Done;
        }
        let prev = previous_start(self.frequency, start);
        let existed_then = local_date(self.since) < start;
        if existed_then && !last.is_some_and(|d| d >= prev) {
            Due::Overdue
        } else {
            Due::DueNow
        }
    }
}

/// The local day of a moment, for display.
pub fn local_day(t: DateTime<Utc>) -> String {
    t.with_timezone(&china()).format("%Y-%m-%d").to_string()
}

fn item(key: &str, label: &str, kind: ItemKind) -> Item {
    Item {
        key: key.into(),
        label: label.into(),
        kind,
        required: true,
        photo_on_fail: false,
        note_on_fail: true,
        hint: String::new(),
    }
}

fn pf(key: &str, label: &str) -> Item {
    item(key, label, ItemKind::PassFail)
}

fn num(key: &str, label: &str, unit: &str, min: Option<f64>, max: Option<f64>) -> Item {
    Item {
        note_on_fail: false,
        ..item(
            key,
            label,
            ItemKind::Number {
                unit: unit.into(),
                min,
                max,
                baseline: None,
                max_rise: None,
            },
        )
    }
}

fn rise(key: &str, label: &str, unit: &str, baseline: &str, max_rise: f64) -> Item {
    Item {
        photo_on_fail: true,
        ..item(
            key,
            label,
            ItemKind::Number {
                unit: unit.into(),
                min: None,
                max: None,
                baseline: Some(baseline.into()),
                max_rise: Some(max_rise),
            },
        )
    }
}

fn photo(key: &str, label: &str, required: bool) -> Item {
    Item {
        required,
        note_on_fail: false,
        ..item(key, label, ItemKind::Photo)
    }
}

fn text(key: &str, label: &str, required: bool) -> Item {
    Item {
        required,
        note_on_fail: false,
        ..item(key, label, ItemKind::Text)
    }
}

fn yes_no(key: &str, label: &str, fail_on: bool) -> Item {
    item(key, label, ItemKind::YesNo { fail_on })
}

fn choice(key: &str, label: &str, options: &[&str], failing: &[&str]) -> Item {
    item(
        key,
        label,
        ItemKind::Choice {
            options: options.iter().map(|s| s.to_string()).collect(),
            failing: failing.iter().map(|s| s.to_string()).collect(),
        },
    )
}

fn sign(key: &str, label: &str) -> Item {
    Item {
        note_on_fail: false,
        ..item(key, label, ItemKind::Signature)
    }
}

fn section(title: &str, items: Vec<Item>) -> Section {
    Section {
        title: title.into(),
        items,
    }
}

fn template(title: &str, category: Category, sections: Vec<Section>) -> Template {
    Template {
        title: title.into(),
        category,
        sections,
        version: 1,
        retired: false,
        builtin: true,
    }
}

/// The built-in templates, from the office's procedures, with fixed ids (the same on every
/// tablet). They are not stored until a supervisor edits or retires one.
pub fn builtins() -> Vec<(RecordId, Template)> {
    use Category::*;
    let id = |n: u128| {
        RecordId(uuid::Uuid::from_u128(
            0x1b5e_0000_0000_4000_8000_0000_0000_0000 + n,
        ))
    };
    vec![
        (
            id(1),
            template(
                "每日设施设备巡检",
                Facilities,
                vec![
                    section(
                        "给排水",
                        vec![
                            pf("i1", "生活水泵运行正常、无异响漏水"),
                            num("i2", "供水压力", "MPa", Some(0.15), Some(0.6)),
                            pf("i3", "消防/排污泵处于自动状态"),
                            pf("i4", "水箱/水池水位正常、盖板上锁"),
                        ],
                    ),
                    section(
                        "供配电",
                        vec![
                            pf("i5", "配电房门窗完好、无渗漏"),
                            num("i6", "变压器温度", "℃", None, Some(85.0)),
                            pf("i7", "配电柜指示正常、无异味"),
                        ],
                    ),
                    section(
                        "照明与电梯",
                        vec![
                            pf("i8", "公共区域照明完好"),
                            pf("i9", "电梯运行平稳、轿厢照明和应急电话正常"),
                            pf("i10", "电梯机房温度与卫生正常"),
                            photo("i11", "异常部位照片", false),
                        ],
                    ),
                ],
            ),
        ),
        (
            id(2),
            template(
                "消防设施检查",
                Fire,
                vec![
                    section(
                        "报警系统",
                        vec![
                            pf("i1", "火灾报警控制器运行正常、无故障报警"),
                            pf("i2", "抽检烟感/温感探测器报警正常"),
                            num("i3", "本次测试探测器数量", "个", Some(1.0), None),
                        ],
                    ),
                    section(
                        "灭火器材",
                        vec![
                            choice(
                                "i4",
                                "灭火器压力指针",
                                &["绿区", "红区", "黄区"],
                                &["红区", "黄区"],
                            ),
                            pf("i5", "灭火器在有效期内、铅封完好"),
                            pf("i6", "消火栓箱水带水枪齐全、阀门无渗漏"),
                            num("i7", "消火栓静压", "MPa", Some(0.1), None),
                        ],
                    ),
                    section(
                        "疏散",
                        vec![
                            pf("i8", "安全出口与疏散通道畅通"),
                            pf("i9", "应急照明和疏散指示灯正常"),
                            yes_no("i10", "防火门常闭、闭门器完好", false),
                            text("i11", "最近一次消防演练日期与记录", false),
                        ],
                    ),
                ],
            ),
        ),
        (
            id(3),
            template(
                "绿化养护检查",
                Greening,
                vec![section(
                    "养护",
                    vec![
                        pf("i1", "修剪:绿篱、乔灌木整齐无枯枝"),
                        pf("i2", "除草:草坪及花坛无明显杂草"),
                        pf("i3", "灌溉:土壤湿度适宜、喷灌设施完好"),
                        choice("i4", "病虫害情况", &["无", "轻微", "严重"], &["严重"]),
                        photo("i5", "现场照片", false),
                    ],
                )],
            ),
        ),
        (
            id(4),
            template(
                "公共区域保洁检查",
                Cleaning,
                vec![
                    section(
                        "楼内",
                        vec![
                            pf("i1", "走廊地面干净无杂物"),
                            pf("i2", "楼梯及扶手干净"),
                            pf("i3", "电梯轿厢及按钮干净无异味"),
                        ],
                    ),
                    section(
                        "垃圾",
                        vec![
                            pf("i4", "垃圾桶按时清运、分类正确"),
                            pf("i5", "垃圾房/收集点无异味无渗漏"),
                            photo("i6", "现场照片", false),
                        ],
                    ),
                ],
            ),
        ),
        (
            id(5),
            template(
                "安全巡逻",
                Patrol,
                vec![section(
                    "巡逻点",
                    vec![
                        text("i1", "东门岗到达时间", true),
                        pf("i2", "东门岗:门禁及照明正常"),
                        text("i3", "地下车库到达时间", true),
                        pf("i4", "地下车库:无可疑人员车辆、消防通道畅通"),
                        text("i5", "周界围墙到达时间", true),
                        pf("i6", "周界:围墙完好、监控正常"),
                        yes_no("i7", "发现可疑情况", true),
                        text("i8", "情况记录", false),
                    ],
                )],
            ),
        ),
        (
            id(6),
            template(
                "门禁系统检查",
                Access,
                vec![section(
                    "门禁",
                    vec![
                        pf("i1", "各出入口门禁读卡/密码开门正常"),
                        yes_no("i2", "门禁密码已按期更换", false),
                        text("i3", "本次更换密码的门禁位置", false),
                        pf("i4", "单元门闭门器与门锁完好"),
                        pf("i5", "门禁对讲及监控画面正常"),
                    ],
                )],
            ),
        ),
        (
            id(7),
            template(
                "托管房巡查",
                Custody,
                vec![
                    section(
                        "户外巡查",
                        vec![
                            choice("i1", "巡查原因", &["每周巡查", "大雨前", "大雨后"], &[]),
                            pf("i2", "门窗关闭完好、无撬动痕迹"),
                            pf("i3", "外墙、阳台无渗漏"),
                            pf("i4", "室内可见处无积水、无异味"),
                            photo("i5", "巡查照片", false),
                        ],
                    ),
                    section(
                        "水电读数",
                        vec![
                            num("i6", "托管开始时水表读数", "吨", Some(0.0), None),
                            rise(
                                "i7",
                                "本次水表读数(托管期间用水超过5吨为异常)",
                                "吨",
                                "i6",
                                5.0,
                            ),
                            num("i8", "托管开始时电表读数", "度", Some(0.0), None),
                            rise(
                                "i9",
                                "本次电表读数(托管期间用电超过20度为异常)",
                                "度",
                                "i8",
                                20.0,
                            ),
                        ],
                    ),
                    section("确认", vec![sign("i10", "巡查人签名")]),
                ],
            ),
        ),
        (
            id(8),
            template(
                "入住验房(房屋质量验收)",
                MoveIn,
                vec![
                    section(
                        "客厅与卧室",
                        vec![
                            pf("i1", "墙面、天花无裂缝空鼓渗水"),
                            pf("i2", "地面平整无空鼓"),
                            pf("i3", "门窗开关顺畅、玻璃完好"),
                            pf("i4", "开关插座通电正常"),
                        ],
                    ),
                    section(
                        "厨房与卫生间",
                        vec![
                            pf("i5", "给排水畅通、无渗漏"),
                            pf("i6", "地漏排水通畅、防水无渗漏"),
                            pf("i7", "燃气管道及阀门完好"),
                        ],
                    ),
                    section(
                        "表底数(与业主共同确认)",
                        vec![
                            num("i8", "水表底数", "吨", Some(0.0), None),
                            num("i9", "电表底数", "度", Some(0.0), None),
                            num("i10", "燃气表底数", "立方米", Some(0.0), None),
                        ],
                    ),
                    section(
                        "确认",
                        vec![text("i11", "质量问题记录", false), sign("i12", "业主签名")],
                    ),
                ],
            ),
        ),
    ]
}

impl Inspection {
    /// A work order for a failed item of an inspection.
    pub fn work_order(
        &self,
        insp_id: RecordId,
        key: &str,
        by: &str,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Option<WorkOrder> {
        let insp = self;
        let item = insp.item(key)?;
        if insp.outcome(item) != Outcome::Failed {
            return None;
        }
        let a = &insp.answers[key];
        let reading = match (&item.kind, &a.value) {
            (ItemKind::Number { unit, .. }, Value::Number(n)) => format!(" {n}{unit}"),
            (_, Value::Choice(c)) => format!(" {c}"),
            _ => String::new(),
        };
        let mut description = format!(
            "{}{}:{}{}",
            insp.title,
            // "每日设施设备巡检" + "不合格", never "巡检巡检不合格".
            if insp.title.ends_with("巡检") {
                lang.pick("不合格", " failed")
            } else {
                lang.pick("巡检不合格", " inspection failed")
            },
            item.label,
            reading
        );
        if !a.note.is_empty() {
            description.push_str(&format!("。{}", a.note));
        }
        let mut photos = a.photos.clone();
        if let Value::Photos(p) = &a.value {
            photos.extend(p.iter().copied());
        }
        Some(WorkOrder {
            source: crate::modules::work_orders::Source::Inspection,
            unit: insp.unit.clone(),
            item: item.label.clone(),
            photos,
            inspection: Some(insp_id),
            item_key: key.to_string(),
            ..WorkOrder::new(&insp.place, description, now, by)
        })
    }
}

use crate::actor::{Action, Role};
use crate::module::ModuleSpec;
use crate::spec::KindSpec;

/// The parts of an item's kind as the audit trail names them (a reading's `unit` is its unit of
/// measure, not a room).
const ITEM_LABELS: &[crate::spec::Label] = &[
    crate::spec::Label::new("kind.type", "检查方式", "Check type"),
    crate::spec::Label::new("kind.unit", "计量单位", "Unit of measure"),
    crate::spec::Label::new("kind.min", "下限", "Minimum"),
    crate::spec::Label::new("kind.max", "上限", "Maximum"),
    crate::spec::Label::new("kind.baseline", "基准项", "Baseline item"),
    crate::spec::Label::new("kind.max_rise", "最大增量", "Largest rise"),
    crate::spec::Label::new("kind.fail_on", "不合格答案", "Failing answer"),
    crate::spec::Label::new("finished_at", "完成时间", "Finished"),
    crate::spec::Label::new("signed_by", "签名人", "Signed by"),
    crate::spec::Label::new("work_order", "工单", "Work order"),
];

/// Inspections' coded values as words (the audit trail).
fn inspection_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    let last = field.rsplit('.').next().unwrap_or(field);
    match last {
        "category" => Category::from_code(value).map(|c| c.label(lang).to_string()),
        "frequency" => Frequency::from_code(value).map(|f| f.label(lang).to_string()),
        "result" => InspectionResult::from_code(value).map(|r| r.label(lang).to_string()),
        "type" => {
            let kind = match value {
                "pass_fail" => Some(ItemKind::PassFail),
                "yes_no" => Some(ItemKind::YesNo { fail_on: false }),
                "number" => Some(ItemKind::Number {
                    unit: String::new(),
                    min: None,
                    max: None,
                    baseline: None,
                    max_rise: None,
                }),
                "choice" => Some(ItemKind::Choice {
                    options: Vec::new(),
                    failing: Vec::new(),
                }),
                "text" => Some(ItemKind::Text),
                "photo" => Some(ItemKind::Photo),
                "signature" => Some(ItemKind::Signature),
                _ => None,
            };
            let answer = match value {
                "pass" => Some(lang.pick("合格", "Pass")),
                "fail" => Some(lang.pick("不合格", "Fail")),
                "not_applicable" => Some(lang.pick("不适用", "Not applicable")),
                "yes" => Some(lang.pick("是", "Yes")),
                "no" => Some(lang.pick("否", "No")),
                "photos" => Some(lang.pick("照片", "Photos")),
                _ => None,
            };
            kind.map(|k| k.label(lang).to_string())
                .or(answer.map(str::to_string))
        }
        _ => None,
    }
}

/// Walk inspections, take their photos, turn failed items into work orders.
pub const INSPECT: Action = Action::new(
    "inspect",
    &[Role::Inspector, Role::Supervisor, Role::Clerk],
    "进行巡检",
    "carry out inspections",
);
/// Create, edit, copy and retire checklist templates; set inspection schedules.
pub const MANAGE_TEMPLATES: Action = Action::new(
    "manage_templates",
    &[Role::Supervisor],
    "管理巡检模板和计划",
    "manage checklist templates and schedules",
);

/// The photo records an inspection refers to: photos of items and failures, signature items,
/// the closing signature.
fn photos_of(env: &crate::record::Envelope) -> Vec<RecordId> {
    env.decode::<Inspection>()
        .map(|i| {
            let mut all: Vec<RecordId> = i
                .answers
                .values()
                .flat_map(|a| {
                    let mut v = a.photos.clone();
                    match &a.value {
                        Value::Photos(p) => v.extend(p.iter().copied()),
                        Value::Signature(s) => v.push(*s),
                        _ => {}
                    }
                    v
                })
                .collect();
            all.extend(i.signature);
            all
        })
        .unwrap_or_default()
}

/// The inspections module: templates, inspections, schedules.
pub const MODULE: ModuleSpec = ModuleSpec {
    slug: "inspections",
    zh: "巡检",
    en: "Inspections",
    kinds: &[
        KindSpec::of::<Template>("inspections", MANAGE_TEMPLATES)
            .named("检查模板", "Checklist template")
            .labels(ITEM_LABELS)
            .values(inspection_words),
        KindSpec::of::<Inspection>("inspections", INSPECT)
            .named("巡检记录", "Inspection")
            .labels(ITEM_LABELS)
            .values(inspection_words)
            .pictures_moved_at(2, &["signature", "answers.*.value.value"])
            .photos(photos_of),
        KindSpec::of::<Schedule>("inspections", MANAGE_TEMPLATES)
            .named("巡检计划", "Inspection schedule")
            .values(inspection_words),
    ],
    exportable: true,
    settings: &[],
    demo: Some(crate::module::Demo {
        count: 12,
        make: demo::inspection,
    }),
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap()
    }

    /// A signature's photo record id.
    fn sig(n: u128) -> RecordId {
        RecordId(uuid::Uuid::from_u128(0x5160 + n))
    }

    fn custody() -> (RecordId, Template) {
        builtins()
            .into_iter()
            .find(|(_, t)| t.category == Category::Custody)
            .unwrap()
    }

    fn started() -> Inspection {
        let (id, t) = custody();
        Inspection::start(id, &t, "3栋", "3-1-502", "李巡检", t0())
    }

    #[test]
    fn builtin_templates_are_valid_and_cover_every_procedure() {
        let all = builtins();
        assert_eq!(all.len(), 8);
        for (_, t) in &all {
            assert_eq!(t.clone().checked().as_ref(), Ok(t), "{}", t.title);
        }
        let counts: Vec<(String, usize)> = all
            .iter()
            .map(|(_, t)| (t.title.clone(), t.item_count()))
            .collect();
        assert_eq!(
            counts.iter().map(|(_, n)| n).sum::<usize>(),
            11 + 11 + 5 + 6 + 8 + 5 + 10 + 12,
            "{counts:?}"
        );
        let ids: std::collections::HashSet<_> = all.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids.len(), 8);
    }

    #[test]
    fn a_number_outside_its_range_fails_and_inside_passes() {
        let (id, t) = builtins().remove(0);
        let mut i = Inspection::start(id, &t, "泵房", "", "x", t0());
        let item = i.item("i2").unwrap().clone();
        i.answer("i2", Value::Number(0.1), t0()).unwrap();
        assert_eq!(i.outcome(&item), Outcome::Failed);
        i.answer("i2", Value::Number(0.3), t0()).unwrap();
        assert_eq!(i.outcome(&item), Outcome::Ok);
        i.answer("i2", Value::Number(0.61), t0()).unwrap();
        assert_eq!(i.outcome(&item), Outcome::Failed);
        assert_eq!(
            i.answer("i2", Value::Number(f64::NAN), t0()),
            Err(AnswerError::WrongKind)
        );
        assert_eq!(
            i.answer("i2", Value::Pass, t0()),
            Err(AnswerError::WrongKind)
        );
    }

    #[test]
    fn custody_meter_use_over_5_water_or_20_power_fails() {
        let mut i = started();
        i.answer("i6", Value::Number(120.0), t0()).unwrap();
        i.answer("i7", Value::Number(125.0), t0()).unwrap();
        assert_eq!(
            i.outcome(i.item("i7").unwrap()),
            Outcome::Ok,
            "5 tonnes is allowed"
        );
        i.answer("i7", Value::Number(125.5), t0()).unwrap();
        assert_eq!(i.outcome(i.item("i7").unwrap()), Outcome::Failed);
        i.answer("i8", Value::Number(3000.0), t0()).unwrap();
        i.answer("i9", Value::Number(3021.0), t0()).unwrap();
        assert_eq!(i.outcome(i.item("i9").unwrap()), Outcome::Failed);
        assert_eq!(i.failures().len(), 2);
    }

    #[test]
    fn yes_no_and_choices_fail_on_their_failing_answers() {
        let (id, t) = builtins().remove(1);
        let mut i = Inspection::start(id, &t, "1栋", "", "x", t0());
        i.answer("i4", Value::Choice("红区".into()), t0()).unwrap();
        assert_eq!(i.outcome(i.item("i4").unwrap()), Outcome::Failed);
        i.answer("i4", Value::Choice("绿区".into()), t0()).unwrap();
        assert_eq!(i.outcome(i.item("i4").unwrap()), Outcome::Ok);
        assert_eq!(
            i.answer("i4", Value::Choice("蓝区".into()), t0()),
            Err(AnswerError::NotAnOption)
        );
        i.answer("i10", Value::No, t0()).unwrap();
        assert_eq!(
            i.outcome(i.item("i10").unwrap()),
            Outcome::Failed,
            "fire door not closed"
        );
        i.answer("i10", Value::NotApplicable, t0()).unwrap();
        assert_eq!(i.outcome(i.item("i10").unwrap()), Outcome::NotApplicable);
    }

    #[test]
    fn a_required_item_blocks_finishing_and_says_which() {
        let mut i = started();
        let err = i.finish(Some(sig(1)), "李巡检", t0()).unwrap_err();
        assert!(err.contains(&Missing::Answer("门窗关闭完好、无撬动痕迹".into())));
        assert!(err[0].message(Lang::Zh).contains("必填"));
        assert!(!i.is_finished());
    }

    #[test]
    fn a_failure_needing_a_photo_or_note_blocks_until_given_then_finishing_locks_answers() {
        let mut i = started();
        for key in ["i2", "i3", "i4"] {
            i.answer(key, Value::Pass, t0()).unwrap();
        }
        i.answer("i1", Value::Choice("大雨后".into()), t0())
            .unwrap();
        i.answer("i6", Value::Number(100.0), t0()).unwrap();
        i.answer("i7", Value::Number(108.0), t0()).unwrap();
        i.answer("i8", Value::Number(10.0), t0()).unwrap();
        i.answer("i9", Value::Number(12.0), t0()).unwrap();
        i.answer("i10", Value::Signature(sig(2)), t0()).unwrap();
        let m = i.missing();
        assert!(
            m.contains(&Missing::Photo(i.item("i7").unwrap().label.clone())),
            "{m:?}"
        );
        assert!(
            m.contains(&Missing::Note(i.item("i7").unwrap().label.clone())),
            "{m:?}"
        );
        i.add_photo("i7", RecordId(uuid::Uuid::from_u128(9)), t0())
            .unwrap();
        i.set_note("i7", "水龙头未关紧").unwrap();
        assert!(i.missing().is_empty());
        i.finish(Some(sig(3)), "李巡检", t0()).unwrap();
        assert_eq!(i.result_code(), "failed");
        // A second sign-off (a double tap, another inspector) keeps the first.
        let signed = i.clone();
        i.finish(Some(sig(4)), "王巡检", t0() + Duration::minutes(1))
            .unwrap();
        assert_eq!(i, signed);
        assert_eq!(
            i.answer("i2", Value::Fail, t0()),
            Err(AnswerError::Finished)
        );
    }

    #[test]
    fn a_template_edit_does_not_change_an_inspection_already_started() {
        let (id, t) = custody();
        let i = Inspection::start(id, &t, "3栋", "", "x", t0());
        let mut edited = t.clone();
        edited.sections[0].items[1].label = "门窗(改)".into();
        edited.sections[0].items.push(pf("", "新增项"));
        let v2 = edited.edited(&t).unwrap();
        assert_eq!(v2.version, 2);
        assert!(!v2.builtin);
        assert_eq!(
            v2.sections[0].items.last().unwrap().key,
            "i11",
            "new items get fresh keys"
        );
        assert_eq!(i.template_version, 1);
        assert_eq!(i.item("i2").unwrap().label, "门窗关闭完好、无撬动痕迹");
        assert_eq!(i.items().count(), 10);
    }

    #[test]
    fn templates_are_checked_before_saving() {
        let (_, t) = custody();
        let e = |f: &dyn Fn(&mut Template)| {
            let mut x = t.clone();
            f(&mut x);
            x.checked().unwrap_err()
        };
        assert_eq!(e(&|x| x.title = " ".into()), TemplateError::NoTitle);
        assert_eq!(e(&|x| x.sections.clear()), TemplateError::NoItems);
        assert_eq!(
            e(&|x| x.sections[0].items[0].label.clear()),
            TemplateError::NoLabel(1)
        );
        assert_eq!(
            e(&|x| x.sections[0].items[1].key = "i1".into()),
            TemplateError::DuplicateKey("i1".into())
        );
        assert!(matches!(
            e(&|x| x.sections[1].items[0].kind = ItemKind::Number {
                unit: "吨".into(),
                min: Some(5.0),
                max: Some(1.0),
                baseline: None,
                max_rise: None
            }),
            TemplateError::BadRange(_)
        ));
        let copy = t.copy(Lang::Zh);
        assert!(copy.title.ends_with("(副本)") && copy.version == 1 && !copy.builtin);
    }

    #[test]
    fn a_failed_item_becomes_a_work_order_with_its_reading_note_and_photos() {
        let mut i = started();
        i.answer("i6", Value::Number(100.0), t0()).unwrap();
        i.answer("i7", Value::Number(108.0), t0()).unwrap();
        i.set_note("i7", "疑似漏水").unwrap();
        let p = RecordId(uuid::Uuid::from_u128(7));
        i.add_photo("i7", p, t0()).unwrap();
        let insp_id = RecordId(uuid::Uuid::from_u128(1));
        let wo = i
            .work_order(insp_id, "i7", "李巡检", t0(), Lang::Zh)
            .unwrap();
        assert_eq!(wo.status, crate::modules::work_orders::WorkStatus::Pending);
        assert_eq!(wo.status.label(Lang::Zh), "待派单");
        assert!(
            wo.description.contains("108吨") && wo.description.contains("疑似漏水"),
            "{}",
            wo.description
        );
        assert_eq!(
            (wo.photos.clone(), wo.inspection, wo.unit.as_str()),
            (vec![p], Some(insp_id), "3-1-502")
        );
        assert!(
            i.work_order(insp_id, "i6", "x", t0(), Lang::Zh).is_none(),
            "not failed"
        );
    }

    #[test]
    fn schedules_are_due_in_their_period_and_overdue_when_a_period_was_missed() {
        let day = |d: u32, h: u32| Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap();
        let s = Schedule {
            template: RecordId(uuid::Uuid::from_u128(1)),
            title: "x".into(),
            place: "泵房".into(),
            frequency: Frequency::Daily,
            since: day(1, 0),
            active: true,
        };
        let now = day(27, 3); // 11:00 in China
        assert_eq!(s.due(Some(day(27, 1)), now), Due::Done);
        assert_eq!(s.due(Some(day(26, 1)), now), Due::DueNow);
        assert_eq!(s.due(Some(day(25, 1)), now), Due::Overdue);
        assert_eq!(s.due(None, now), Due::Overdue);
        // 26 Nov 23:00 UTC is 27 Nov in China: done today.
        assert_eq!(s.due(Some(day(26, 17)), now), Due::Done);
        let new = Schedule {
            since: day(27, 0),
            ..s.clone()
        };
        assert_eq!(
            new.due(None, now),
            Due::DueNow,
            "a schedule made today is not overdue yet"
        );
        // 27 Nov 2026 is a Friday; the week began on Monday the 23rd.
        let weekly = Schedule {
            frequency: Frequency::Weekly,
            ..s.clone()
        };
        assert_eq!(weekly.due(Some(day(23, 1)), now), Due::Done);
        assert_eq!(weekly.due(Some(day(18, 1)), now), Due::DueNow);
        assert_eq!(weekly.due(Some(day(10, 1)), now), Due::Overdue);
        let monthly = Schedule {
            frequency: Frequency::Monthly,
            since: Utc.with_ymd_and_hms(2026, 9, 1, 0, 0, 0).unwrap(),
            ..s
        };
        assert_eq!(monthly.due(Some(day(2, 1)), now), Due::Done);
        assert_eq!(
            monthly.due(
                Some(Utc.with_ymd_and_hms(2026, 10, 15, 0, 0, 0).unwrap()),
                now
            ),
            Due::DueNow
        );
        assert_eq!(
            monthly.due(
                Some(Utc.with_ymd_and_hms(2026, 9, 15, 0, 0, 0).unwrap()),
                now
            ),
            Due::Overdue
        );
    }
}
