//! 访客登记 Visits: the record, the registration form, search, returning visitors, sign-out and
//! the automatic sign-out of visits left open.

pub mod csv;
pub mod demo;
pub mod services;
pub mod watch;

use crate::ident::{IdDocument, IdDocumentError, IdKind};
use crate::lang::{Lang, Localized};
use crate::modules::visitors::watch::WatchKey;
use crate::phone::{PhoneError, PhoneNumber};
use crate::plate::{PROVINCES, PlateError, PlateNumber};
use crate::record::{Meta, Record};
use crate::store::KeyRange;
use crate::time::{at_local, day_key, local_date};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

/// Why someone came.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    Visit,
    Renovation,
    Delivery,
    Repair,
    Interview,
    Other,
}

impl Purpose {
    pub const ALL: [Purpose; 6] = [
        Purpose::Visit,
        Purpose::Renovation,
        Purpose::Delivery,
        Purpose::Repair,
        Purpose::Interview,
        Purpose::Other,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Purpose::Visit => lang.pick("拜访", "Visit"),
            Purpose::Renovation => lang.pick("装修", "Renovation"),
            Purpose::Delivery => lang.pick("送货", "Delivery"),
            Purpose::Repair => lang.pick("维修", "Repair"),
            Purpose::Interview => lang.pick("面试", "Interview"),
            Purpose::Other => lang.pick("其他", "Other"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Purpose::Visit => "visit",
            Purpose::Renovation => "renovation",
            Purpose::Delivery => "delivery",
            Purpose::Repair => "repair",
            Purpose::Interview => "interview",
            Purpose::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// Whom the visitor came to see: a unit (楼栋-单元-房号) or a company, and the person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    pub unit: String,
    pub company: String,
    pub person: String,
}

impl Host {
    /// `3-1-502 张先生` / `华为 · 李经理`.
    pub fn display(&self) -> String {
        let place = if self.unit.is_empty() {
            self.company.as_str()
        } else {
            self.unit.as_str()
        };
        match (place.is_empty(), self.person.is_empty()) {
            (false, false) => format!("{place} · {}", self.person),
            (false, true) => place.to_string(),
            (true, _) => self.person.clone(),
        }
    }
}

/// The watch-list match a visit was registered with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchFlag {
    pub reason: String,
    pub matched: Vec<WatchKey>,
    /// The clerk who saw the warning and registered the visit anyway.
    pub acknowledged_by: String,
}

/// One visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub name: String,
    /// `None` only after the retention purge.
    pub phone: Option<PhoneNumber>,
    pub id_doc: Option<IdDocument>,
    pub host: Host,
    pub purpose: Purpose,
    pub party_size: u16,
    pub plate: Option<PlateNumber>,
    pub pass_no: String,
    pub notes: String,
    pub time_in: DateTime<Utc>,
    pub time_out: Option<DateTime<Utc>>,
    /// Closed by the automatic sign-out, not by a clerk.
    #[serde(default)]
    pub auto_signed_out: bool,
    /// The clerk who registered the visit.
    pub clerk: String,
    /// The clerk who signed the visitor out.
    #[serde(default)]
    pub signed_out_by: String,
    #[serde(default)]
    pub watch: Option<WatchFlag>,
    /// Past the retention period, the personal data was removed; the visit stays for statistics.
    #[serde(default)]
    pub purged: bool,
}

/// Index names of visits.
pub mod ix {
    /// Local date of arrival, `2026-11-27`.
    pub const DAY: &str = "day";
    /// `1` while the visitor is on site.
    pub const ON_SITE: &str = "onsite";
    pub const NAME: &str = "name";
    pub const PHONE: &str = "phone";
    pub const PLATE: &str = "plate";
    /// Host unit, or company when no unit.
    pub const HOST: &str = "host";
    /// Last four characters of the ID number.
    pub const ID4: &str = "id4";
    /// `purpose|day`, for a purpose over a date range.
    pub const PURPOSE_DAY: &str = "purpose_day";
    /// Day of arrival, only while the visit still holds personal data (for the retention purge).
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

fn norm_name(s: &str) -> String {
    s.trim().to_lowercase()
}

fn norm_host(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// A visit's coded values as words (the audit trail).
fn visit_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    match field {
        "purpose" => Purpose::from_code(value).map(|p| p.label(lang).to_string()),
        "id_doc.kind" => crate::ident::IdKind::from_code(value).map(|k| k.label(lang).to_string()),
        _ => None,
    }
}

impl crate::modules::retention::Retained for Visit {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        Visit::purge_due(self, now, days)
    }
    fn purged(self) -> Self {
        Visit::purged(self)
    }
}

impl Record for Visit {
    const KIND: &'static str = "visit";
    const SCHEMA: u32 = 1;

    fn index_values(&self) -> Vec<(&'static str, String)> {
        let day = day_key(self.time_in);
        let mut v = vec![
            (ix::DAY, day.clone()),
            (ix::PURPOSE_DAY, format!("{}|{day}", self.purpose.code())),
        ];
        if !self.purged {
            v.push((ix::PERSONAL, day.clone()));
            v.push((ix::NAME, norm_name(&self.name)));
        }
        if let Some(p) = &self.phone {
            v.push((ix::PHONE, p.digits().to_string()));
        }
        if self.time_out.is_none() {
            v.push((ix::ON_SITE, "1".into()));
        }
        if let Some(p) = &self.plate {
            v.push((ix::PLATE, p.as_str().to_string()));
        }
        let host = if self.host.unit.is_empty() {
            &self.host.company
        } else {
            &self.host.unit
        };
        if !host.is_empty() {
            v.push((ix::HOST, norm_host(host)));
        }
        if let Some(d) = &self.id_doc {
            v.push((ix::ID4, d.last4()));
        }
        v
    }

    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.time_in
    }
}

impl Visit {
    pub fn on_site(&self) -> bool {
        self.time_out.is_none()
    }

    /// Signs the visitor out at `at` by `clerk`. Signing out twice keeps the first time.
    pub fn signed_out(mut self, at: DateTime<Utc>, clerk: &str) -> Self {
        if self.time_out.is_none() {
            self.time_out = Some(at.max(self.time_in));
            self.signed_out_by = clerk.to_string();
            self.auto_signed_out = false;
        }
        self
    }

    /// The sign-out at `out` taken back (the clerk tapped 签离 on the wrong visitor): on site
    /// again. A visit signed out at another time (by someone else meanwhile, or by the automatic
    /// sign-out) is left as it is.
    pub fn sign_out_undone(mut self, out: DateTime<Utc>) -> Self {
        if self.time_out == Some(out) && !self.auto_signed_out {
            self.time_out = None;
            self.signed_out_by.clear();
        }
        self
    }

    /// When this visit should have been closed by the automatic sign-out at local time
    /// `cutoff`, if that moment has passed by `now`: the first cutoff after arrival.
    pub fn auto_sign_out_due(
        &self,
        cutoff: NaiveTime,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        if self.time_out.is_some() {
            return None;
        }
        let day = local_date(self.time_in);
        let mut at = at_local(day, cutoff);
        if at <= self.time_in {
            at = at_local(day.checked_add_days(Days::new(1))?, cutoff);
        }
        (now >= at).then_some(at)
    }

    /// Closed by the automatic sign-out at `at`.
    pub fn auto_closed(mut self, at: DateTime<Utc>) -> Self {
        if self.time_out.is_none() {
            self.time_out = Some(at);
            self.auto_signed_out = true;
        }
        self
    }

    /// Whether the retention period of `days` has passed with personal data still held.
    pub fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged && now - self.time_in > chrono::Duration::days(i64::from(days))
    }

    /// The visit without its personal data: name, phone, ID, plate, the person visited, notes
    /// and the watch-list match go; times, host unit, purpose and party size stay for statistics.
    pub fn purged(mut self) -> Self {
        self.name = String::new();
        self.phone = None;
        self.id_doc = None;
        self.plate = None;
        self.host.person = String::new();
        self.notes = String::new();
        self.watch = None;
        self.purged = true;
        self
    }

    /// The ID as lists and prints show it.
    pub fn masked_id(&self) -> String {
        self.id_doc.as_ref().map(|d| d.masked()).unwrap_or_default()
    }
}

/// The fields of the registration form, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitForm {
    pub name: String,
    pub phone: String,
    pub id_kind: IdKind,
    pub id_number: String,
    pub host_unit: String,
    pub host_company: String,
    pub host_person: String,
    pub purpose: Purpose,
    pub party_size: String,
    pub plate: String,
    pub pass_no: String,
    pub notes: String,
}

impl Default for VisitForm {
    fn default() -> Self {
        Self {
            name: String::new(),
            phone: String::new(),
            id_kind: IdKind::ResidentId,
            id_number: String::new(),
            host_unit: String::new(),
            host_company: String::new(),
            host_person: String::new(),
            purpose: Purpose::Visit,
            party_size: "1".into(),
            plate: String::new(),
            pass_no: String::new(),
            notes: String::new(),
        }
    }
}

/// The form fields a problem can be attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Phone,
    IdNumber,
    Host,
    PartySize,
    Plate,
    PassNo,
    Notes,
}

/// A problem with one field of the registration form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VisitFieldError {
    #[error("name is empty")]
    NameEmpty,
    #[error("text is longer than {0} characters")]
    TooLong(usize),
    #[error(transparent)]
    Phone(#[from] PhoneError),
    #[error(transparent)]
    Id(#[from] IdDocumentError),
    #[error("no unit or company to visit")]
    HostMissing,
    #[error("party size must be 1 to 99")]
    PartySize,
    #[error(transparent)]
    Plate(#[from] PlateError),
}

impl Localized for VisitFieldError {
    fn message(&self, lang: Lang) -> String {
        match self {
            VisitFieldError::NameEmpty => lang
                .pick("请填写访客姓名。", "Enter the visitor's name.")
                .into(),
            VisitFieldError::TooLong(n) => match lang {
                Lang::Zh => format!("最多 {n} 个字。"),
                Lang::En => format!("At most {n} characters."),
            },
            VisitFieldError::Phone(e) => e.message(lang),
            VisitFieldError::Id(e) => e.message(lang),
            VisitFieldError::HostMissing => lang
                .pick(
                    "请填写被访房号或单位。",
                    "Enter the unit or company being visited.",
                )
                .into(),
            VisitFieldError::PartySize => lang
                .pick("人数应为 1 到 99。", "Number of people: 1 to 99.")
                .into(),
            VisitFieldError::Plate(e) => e.message(lang),
        }
    }
}

fn limited(
    field: Field,
    s: &str,
    max: usize,
    errors: &mut Vec<(Field, VisitFieldError)>,
) -> String {
    let s = s.trim();
    if s.chars().count() > max {
        errors.push((field, VisitFieldError::TooLong(max)));
    }
    s.to_string()
}

impl VisitForm {
    /// Checks every field; all problems are reported at once, in form order.
    pub fn parse(
        &self,
        now: DateTime<Utc>,
        clerk: &str,
    ) -> Result<Visit, Vec<(Field, VisitFieldError)>> {
        let mut errors = Vec::new();
        let today: NaiveDate = local_date(now);
        let name = limited(Field::Name, &self.name, 40, &mut errors);
        if name.is_empty() {
            errors.push((Field::Name, VisitFieldError::NameEmpty));
        }
        let phone = PhoneNumber::parse(&self.phone)
            .map_err(|e| errors.push((Field::Phone, e.into())))
            .ok();
        let id_doc = if self.id_number.trim().is_empty() {
            None
        } else {
            IdDocument::parse(self.id_kind, &self.id_number, today)
                .map_err(|e| errors.push((Field::IdNumber, e.into())))
                .ok()
        };
        let unit = limited(Field::Host, &self.host_unit, 40, &mut errors);
        // A unit the directory would recognise is kept in its canonical form, `3-1-502`.
        let unit = crate::unit_no::UnitNo::parse(&unit)
            .map(|u| u.key())
            .unwrap_or(unit);
        let host = Host {
            unit,
            company: limited(Field::Host, &self.host_company, 60, &mut errors),
            person: limited(Field::Host, &self.host_person, 40, &mut errors),
        };
        if host.unit.is_empty() && host.company.is_empty() {
            errors.push((Field::Host, VisitFieldError::HostMissing));
        }
        let party_size = match self.party_size.trim().parse::<u16>() {
            Ok(n @ 1..=99) => n,
            _ => {
                errors.push((Field::PartySize, VisitFieldError::PartySize));
                1
            }
        };
        let plate = if self.plate.trim().is_empty() {
            None
        } else {
            PlateNumber::parse(&self.plate)
                .map_err(|e| errors.push((Field::Plate, e.into())))
                .ok()
        };
        let pass_no = limited(Field::PassNo, &self.pass_no, 20, &mut errors);
        let notes = limited(Field::Notes, &self.notes, 500, &mut errors);
        match (errors.is_empty(), phone) {
            (true, Some(phone)) => Ok(Visit {
                name,
                phone: Some(phone),
                id_doc,
                host,
                purpose: self.purpose,
                party_size,
                plate,
                pass_no,
                notes,
                time_in: now,
                time_out: None,
                auto_signed_out: false,
                clerk: clerk.trim().to_string(),
                signed_out_by: String::new(),
                watch: None,
                purged: false,
            }),
            _ => Err(errors),
        }
    }

    /// The form filled from an earlier visit: the person, their document and usual host.
    pub fn from_earlier(v: &Visit) -> Self {
        VisitForm {
            name: v.name.clone(),
            phone: v
                .phone
                .as_ref()
                .map(|p| p.digits().to_string())
                .unwrap_or_default(),
            id_kind: v
                .id_doc
                .as_ref()
                .map(|d| d.kind)
                .unwrap_or(IdKind::ResidentId),
            id_number: v
                .id_doc
                .as_ref()
                .map(|d| d.full_number().to_string())
                .unwrap_or_default(),
            host_unit: v.host.unit.clone(),
            host_company: v.host.company.clone(),
            host_person: v.host.person.clone(),
            purpose: v.purpose,
            party_size: "1".into(),
            plate: v
                .plate
                .as_ref()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
            pass_no: String::new(),
            notes: String::new(),
        }
    }
}

/// Which index ranges a search box text is looked up in. Digits search phones (and, four of
/// them, ID endings); a province character starts a plate; text with digits may be a unit;
/// anything with a non-digit may be a name.
pub fn search_plan(input: &str) -> Vec<(&'static str, KeyRange)> {
    let s = input.trim();
    if s.is_empty() {
        return Vec::new();
    }
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let mut plan = Vec::new();
    let digits = compact.chars().all(|c| c.is_ascii_digit());
    if digits && compact.len() >= 3 {
        plan.push((ix::PHONE, KeyRange::Prefix(compact.clone())));
    }
    let upper = compact.to_uppercase();
    if upper.chars().count() == 4 && upper.chars().all(|c| c.is_ascii_alphanumeric()) {
        plan.push((ix::ID4, KeyRange::Exact(upper.clone())));
    }
    if upper.chars().next().is_some_and(|c| PROVINCES.contains(c)) {
        let plate: String = upper.chars().filter(|c| !matches!(c, '·' | '.')).collect();
        plan.push((ix::PLATE, KeyRange::Prefix(plate)));
    }
    if s.chars().any(|c| c.is_ascii_digit()) {
        plan.push((ix::HOST, KeyRange::Prefix(norm_host(s))));
    }
    if !digits {
        plan.push((ix::NAME, KeyRange::Prefix(norm_name(s))));
    }
    plan
}

/// Earlier visits to offer as "returning visitor", one per person (name and phone), newest first.
pub fn returning(mut visits: Vec<Visit>) -> Vec<Visit> {
    visits.sort_by(|a, b| b.time_in.cmp(&a.time_in));
    let mut seen = std::collections::HashSet::new();
    visits.retain(|v| seen.insert((v.name.clone(), v.phone.clone())));
    visits
}

use crate::actor::{Action, Role};
use crate::module::ModuleSpec;
use crate::spec::{KindSpec, Label, Mask};

/// Register visitors and sign them out.
pub const REGISTER_VISITOR: Action = Action::new(
    "register_visitor",
    &[Role::Clerk, Role::Supervisor],
    "登记访客",
    "register visitors",
);
/// Keep the watch list (重点人员).
pub const MANAGE_WATCH_LIST: Action = Action::new(
    "manage_watch_list",
    &[Role::Supervisor],
    "管理重点人员名单",
    "keep the watch list",
);

/// The visitors module: visits and the watch list.
pub const MODULE: ModuleSpec = ModuleSpec {
    slug: "visitors",
    zh: "访客",
    en: "Visitors",
    kinds: &[
        KindSpec::of::<Visit>("visitors", REGISTER_VISITOR)
            .values(visit_words)
            .named("访客登记", "Visit")
            .csv(csv::TABLE)
            .personal(&[
                ("name", Mask::Name),
                ("phone", Mask::Phone),
                ("id_doc.number", Mask::IdNumber),
                ("plate", Mask::Plate),
                ("host.person", Mask::Name),
                ("notes", Mask::Text),
                ("watch.reason", Mask::Text),
            ])
            .labels(&[
                Label::NAME,
                Label::new("signed_out_by", "签离经办人", "Signed out by"),
                Label::PHONE,
                Label::ID_DOC,
                Label::new("host", "被访", "Visiting"),
                Label::new("purpose", "事由", "Purpose"),
                Label::PLATE,
                Label::NOTES,
                Label::new("time_in", "到访时间", "Arrived"),
                Label::new("time_out", "离开时间", "Left"),
            ]),
        KindSpec::of::<watch::WatchEntry>("visitors", MANAGE_WATCH_LIST)
            .named("访客黑名单", "Watch list entry")
            .personal(&[
                ("name", Mask::Name),
                ("id_number", Mask::IdNumber),
                ("phone", Mask::Phone),
                ("plate", Mask::Plate),
                ("reason", Mask::Text),
            ])
            .labels(&[
                Label::NAME,
                Label::PHONE,
                Label::PLATE,
                Label::new("id_number", "证件号", "ID number"),
                Label::new("reason", "原因", "Reason"),
            ]),
    ],
    exportable: true,
    settings: &[
        crate::spec::Label::new("visit.cutoff", "访客自动签离时间", "Visitors signed out at"),
        crate::spec::Label::new(
            "visit.retention_days",
            "访客信息保留天数",
            "Visitor data kept (days)",
        ),
    ],
    demo: Some(crate::module::Demo {
        count: 300,
        make: demo::visit,
    }),
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap() // 10:00 in China
    }

    fn form() -> VisitForm {
        VisitForm {
            name: " 张伟 ".into(),
            phone: "138 0013 8000".into(),
            id_number: "11010519491231002x".into(),
            host_unit: "3-1-502".into(),
            host_person: "王女士".into(),
            plate: "京a12345".into(),
            ..VisitForm::default()
        }
    }

    #[test]
    fn a_complete_form_becomes_a_visit_on_site_now() {
        let v = form().parse(now(), "李娜").unwrap();
        assert_eq!(v.name, "张伟");
        assert_eq!(v.phone.as_ref().unwrap().digits(), "13800138000");
        assert_eq!(v.masked_id(), "110105********002X");
        assert_eq!(v.plate.as_ref().unwrap().as_str(), "京A12345");
        assert_eq!(v.time_in, now());
        assert!(v.on_site());
        assert_eq!(v.clerk, "李娜");
        assert_eq!(v.host.display(), "3-1-502 · 王女士");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let f = VisitForm {
            name: "  ".into(),
            phone: "12345".into(),
            id_number: "110105194912310021".into(),
            host_unit: String::new(),
            plate: "京A1234".into(),
            party_size: "0".into(),
            ..VisitForm::default()
        };
        let fields: Vec<Field> = f
            .parse(now(), "x")
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            vec![
                Field::Name,
                Field::Phone,
                Field::IdNumber,
                Field::Host,
                Field::PartySize,
                Field::Plate
            ]
        );
    }

    #[test]
    fn a_host_unit_is_kept_in_its_canonical_form() {
        let v = VisitForm {
            host_unit: "3栋1单元502室".into(),
            ..form()
        }
        .parse(now(), "x")
        .unwrap();
        assert_eq!(v.host.unit, "3-1-502");
        let w = VisitForm {
            host_unit: "物业办公室".into(),
            ..form()
        }
        .parse(now(), "x")
        .unwrap();
        assert_eq!(w.host.unit, "物业办公室");
    }

    #[test]
    fn id_and_plate_may_be_left_empty() {
        let f = VisitForm {
            id_number: " ".into(),
            plate: String::new(),
            ..form()
        };
        let v = f.parse(now(), "x").unwrap();
        assert!(v.id_doc.is_none() && v.plate.is_none());
    }

    #[test]
    fn a_visit_is_indexed_for_every_search_key() {
        let v = form().parse(now(), "x").unwrap();
        let ix = v.index_values();
        for (name, value) in [
            (ix::DAY, "2026-11-27"),
            (ix::ON_SITE, "1"),
            (ix::NAME, "张伟"),
            (ix::PHONE, "13800138000"),
            (ix::PLATE, "京A12345"),
            (ix::HOST, "3-1-502"),
            (ix::ID4, "002X"),
            (ix::PURPOSE_DAY, "visit|2026-11-27"),
        ] {
            assert!(
                ix.contains(&(name, value.to_string())),
                "{name}={value} missing in {ix:?}"
            );
        }
        let out = v.signed_out(now(), "x");
        assert!(!out.index_values().iter().any(|(n, _)| *n == ix::ON_SITE));
    }

    #[test]
    fn signing_out_twice_keeps_the_first_time() {
        let v = form().parse(now(), "x").unwrap();
        let later = now() + chrono::Duration::hours(1);
        let out = v
            .signed_out(later, "甲")
            .signed_out(later + chrono::Duration::hours(1), "乙");
        assert_eq!(out.time_out, Some(later));
        assert_eq!(out.signed_out_by, "甲");
    }

    #[test]
    fn auto_sign_out_is_due_after_the_first_cutoff_following_arrival() {
        let cutoff = NaiveTime::from_hms_opt(23, 59, 0).unwrap();
        let v = form().parse(now(), "x").unwrap(); // arrived 10:00 on the 27th
        assert_eq!(
            v.auto_sign_out_due(cutoff, now() + chrono::Duration::hours(5)),
            None
        );
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 15, 59, 0).unwrap();
        // Also when the app was not running at 23:59: noticed days later, closed at that 23:59.
        assert_eq!(
            v.auto_sign_out_due(cutoff, at + chrono::Duration::days(3)),
            Some(at)
        );
        let closed = v.auto_closed(at);
        assert!(closed.auto_signed_out && !closed.on_site());
        assert_eq!(
            closed.auto_sign_out_due(cutoff, at + chrono::Duration::days(3)),
            None
        );
    }

    #[test]
    fn a_visitor_arriving_after_the_cutoff_is_closed_the_next_night() {
        let cutoff = NaiveTime::from_hms_opt(22, 0, 0).unwrap();
        let late = Utc.with_ymd_and_hms(2026, 11, 27, 14, 30, 0).unwrap(); // 22:30 in China
        let v = VisitForm::default();
        let v = VisitForm {
            name: "夜归".into(),
            phone: "13800138000".into(),
            host_unit: "1-1-101".into(),
            ..v
        }
        .parse(late, "x")
        .unwrap();
        let next = Utc.with_ymd_and_hms(2026, 11, 28, 14, 0, 0).unwrap();
        assert_eq!(
            v.auto_sign_out_due(cutoff, late + chrono::Duration::hours(2)),
            None
        );
        assert_eq!(v.auto_sign_out_due(cutoff, next), Some(next));
    }

    #[test]
    fn the_search_box_looks_where_the_text_can_be() {
        let names = |s: &str| {
            search_plan(s)
                .into_iter()
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("1380"), vec![ix::PHONE, ix::ID4, ix::HOST]);
        assert_eq!(names("002x"), vec![ix::ID4, ix::HOST, ix::NAME]);
        assert_eq!(names("京A1"), vec![ix::PLATE, ix::HOST, ix::NAME]);
        assert_eq!(names("3-1-502"), vec![ix::PHONE, ix::HOST]);
        assert_eq!(names("张"), vec![ix::NAME]);
        assert!(search_plan("  ").is_empty());
        assert_eq!(search_plan("京a1")[0].1, KeyRange::Prefix("京A1".into()));
    }

    #[test]
    fn returning_visitors_are_offered_once_each_newest_first() {
        let a = form().parse(now(), "x").unwrap();
        let b = form()
            .parse(now() + chrono::Duration::days(1), "x")
            .unwrap();
        let c = VisitForm {
            name: "李四".into(),
            ..form()
        }
        .parse(now(), "x")
        .unwrap();
        let r = returning(vec![a, b.clone(), c]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0], b);
        let f = VisitForm::from_earlier(&r[0]);
        assert_eq!(f.id_number, "11010519491231002X");
        assert_eq!(f.pass_no, "");
    }

    #[test]
    fn the_retention_purge_removes_personal_data_and_keeps_the_statistics() {
        let v = form()
            .parse(now(), "x")
            .unwrap()
            .signed_out(now() + chrono::Duration::hours(1), "x");
        assert!(!v.purge_due(now() + chrono::Duration::days(180), 180));
        assert!(v.purge_due(now() + chrono::Duration::days(181), 180));
        let p = v.clone().purged();
        assert!(
            p.name.is_empty()
                && p.phone.is_none()
                && p.id_doc.is_none()
                && p.plate.is_none()
                && p.host.person.is_empty()
        );
        assert_eq!(
            (
                p.time_in,
                p.time_out,
                p.purpose,
                p.party_size,
                p.host.unit.as_str()
            ),
            (v.time_in, v.time_out, v.purpose, v.party_size, "3-1-502")
        );
        assert!(!p.purge_due(now() + chrono::Duration::days(400), 180));
        let ix = p.index_values();
        assert!(
            ix.iter()
                .all(|(n, _)| ![ix::NAME, ix::PHONE, ix::PLATE, ix::ID4, ix::PERSONAL].contains(n)),
            "{ix:?}"
        );
        assert!(ix.contains(&(ix::DAY, "2026-11-27".into())));
    }

    #[test]
    fn a_visit_stored_before_phones_were_optional_still_reads() {
        let v = form().parse(now(), "x").unwrap();
        let mut json: serde_json::Value = serde_json::to_value(&v).unwrap();
        json.as_object_mut().unwrap().remove("purged");
        assert_eq!(serde_json::from_value::<Visit>(json).unwrap(), v);
    }

    #[test]
    fn a_visit_round_trips_through_json() {
        let v = form().parse(now(), "x").unwrap();
        let s = serde_json::to_string(&v).unwrap();
        assert_eq!(serde_json::from_str::<Visit>(&s).unwrap(), v);
    }
}
