//! 客户档案 The residents directory: units (楼栋-单元-房号) and residents with phones and vehicles,
//! the mapping of a spreadsheet's Chinese headers to fields, row checks, and the import plan that
//! updates existing units and residents instead of duplicating them.

pub mod csv;
pub mod demo;
pub mod services;

use crate::ident::{IdDocument, IdDocumentError, IdKind};
use crate::lang::{Lang, Localized, labelled_enum};
use crate::phone::{PhoneError, PhoneNumber};
use crate::plate::{PROVINCES, PlateError, PlateNumber};
use crate::record::{Record, RecordId};
use crate::sheet::Table;
use crate::store::KeyRange;
use crate::unit_no::{UnitError, UnitNo};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

labelled_enum!(UnitKind {
    Residential => "residential", "住宅", "Residential", ["住房", "公寓"];
    Shop => "shop", "商铺", "Shop", ["商业", "门面", "底商"];
    Office => "office", "办公", "Office", ["写字楼", "办公室"];
});

labelled_enum!(UnitStatus {
    Occupied => "occupied", "已入住", "Occupied", ["入住", "自住", "出租", "在住"];
    Vacant => "vacant", "空置", "Vacant", ["空房", "未入住"];
    Custody => "custody", "托管", "In custody", ["托管房"];
    Renovating => "renovating", "装修中", "Renovating", ["装修"];
});

labelled_enum!(ResidentRole {
    Owner => "owner", "业主", "Owner", ["房主", "产权人"];
    Tenant => "tenant", "租户", "Tenant", ["租客", "承租人"];
    Family => "family", "家属", "Family", ["家庭成员", "同住人"];
    CompanyContact => "company_contact", "单位联系人", "Company contact", ["公司联系人", "联系人"];
});

/// A unit (房屋).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub no: UnitNo,
    /// Floor area in m².
    pub area_m2: Option<f64>,
    pub kind: UnitKind,
    pub status: UnitStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vehicle {
    pub plate: PlateNumber,
    /// 车位
    pub space: String,
}

/// A resident (住户): owner, tenant, family member or company contact, of one or more units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resident {
    pub name: String,
    pub role: ResidentRole,
    pub phones: Vec<PhoneNumber>,
    pub id_doc: Option<IdDocument>,
    pub move_in: Option<NaiveDate>,
    pub notes: String,
    pub units: Vec<UnitNo>,
    pub vehicles: Vec<Vehicle>,
}

/// Index names of units and residents.
pub mod ix {
    pub const UNIT: &str = "unit";
    pub const BUILDING: &str = "building";
    pub const NAME: &str = "name";
    pub const PHONE: &str = "phone";
    pub const PLATE: &str = "plate";
    /// The room part of each of a resident's units (`1104` of `3-3-1104`).
    pub const ROOM: &str = "room";
}

impl Record for Unit {
    const KIND: &'static str = "unit";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        vec![
            (ix::UNIT, self.no.key()),
            (ix::BUILDING, self.no.building.clone()),
        ]
    }
}

impl Record for Resident {
    const KIND: &'static str = "resident";
    const SCHEMA: u32 = 1;
    /// 2: found by room number alone (`ix::ROOM`).
    const INDEXES: u32 = 2;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(ix::NAME, self.name.to_lowercase())];
        v.extend(
            self.phones
                .iter()
                .map(|p| (ix::PHONE, p.digits().to_string())),
        );
        v.extend(
            self.vehicles
                .iter()
                .map(|x| (ix::PLATE, x.plate.as_str().to_string())),
        );
        v.extend(self.units.iter().map(|u| (ix::UNIT, u.key())));
        v.extend(self.units.iter().map(|u| (ix::ROOM, u.room.clone())));
        v
    }
}

impl Resident {
    /// `3-1-502 / 5-2-1201`.
    pub fn units_text(&self) -> String {
        self.units
            .iter()
            .map(|u| u.key())
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// Where a directory search text is looked up among residents.
pub fn search_plan(input: &str) -> Vec<(&'static str, KeyRange)> {
    let s = input.trim();
    if s.is_empty() {
        return Vec::new();
    }
    let mut plan = Vec::new();
    if let Ok(u) = UnitNo::parse(s) {
        plan.push((ix::UNIT, KeyRange::Prefix(u.key())));
    } else if s.chars().any(|c| c.is_ascii_digit()) && s.contains(['-', '栋', '#', '幢', '座']) {
        let partial: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .replace(['栋', '#', '幢', '座'], "-");
        plan.push((ix::UNIT, KeyRange::Prefix(partial.to_uppercase())));
    }
    // A room number alone (`1104`) or a building alone (`3`, `A`): the clerk often knows no more.
    if s.len() <= 5 && s.chars().all(|c| c.is_ascii_alphanumeric()) {
        let up = s.to_uppercase();
        let room = if up.chars().all(|c| c.is_ascii_digit()) {
            up.trim_start_matches('0').to_string()
        } else {
            up.clone()
        };
        plan.push((ix::ROOM, KeyRange::Exact(room)));
        plan.push((ix::UNIT, KeyRange::Prefix(format!("{up}-"))));
    }
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if compact.len() >= 3 && compact.chars().all(|c| c.is_ascii_digit()) {
        plan.push((ix::PHONE, KeyRange::Prefix(compact.clone())));
    }
    let upper = compact.to_uppercase();
    if upper.chars().next().is_some_and(|c| PROVINCES.contains(c)) && upper.chars().count() >= 2 {
        plan.push((ix::PLATE, KeyRange::Prefix(upper)));
    }
    if !s.chars().all(|c| c.is_ascii_digit() || c == '-') {
        plan.push((ix::NAME, KeyRange::Prefix(s.to_lowercase())));
    }
    plan
}

/// What a spreadsheet column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    /// The whole unit number in one cell (`3-1-502`).
    Unit,
    Building,
    Entrance,
    Room,
    Area,
    UnitKind,
    UnitStatus,
    Name,
    Role,
    Phone,
    IdNumber,
    MoveIn,
    Plate,
    ParkingSpace,
    Notes,
}

impl Column {
    pub const ALL: [Column; 15] = [
        Column::Unit,
        Column::Building,
        Column::Entrance,
        Column::Room,
        Column::Area,
        Column::UnitKind,
        Column::UnitStatus,
        Column::Name,
        Column::Role,
        Column::Phone,
        Column::IdNumber,
        Column::MoveIn,
        Column::Plate,
        Column::ParkingSpace,
        Column::Notes,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        use Column::*;
        match self {
            Unit => lang.pick("房号(楼栋-单元-房号)", "Unit (building-entrance-room)"),
            Building => lang.pick("楼栋", "Building"),
            Entrance => lang.pick("单元", "Entrance"),
            Room => lang.pick("房号", "Room"),
            Area => lang.pick("面积(㎡)", "Area (m²)"),
            UnitKind => lang.pick("房屋类型", "Unit type"),
            UnitStatus => lang.pick("房屋状态", "Unit status"),
            Name => lang.pick("姓名", "Name"),
            Role => lang.pick("身份", "Role"),
            Phone => lang.pick("电话", "Phone"),
            IdNumber => lang.pick("身份证号", "ID number"),
            MoveIn => lang.pick("入住日期", "Move-in date"),
            Plate => lang.pick("车牌", "Plate"),
            ParkingSpace => lang.pick("车位", "Parking space"),
            Notes => lang.pick("备注", "Notes"),
        }
    }

    pub fn code(self) -> String {
        format!("{self:?}")
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == s)
    }

    /// The headers offices use for this column, most specific first.
    fn headers(self) -> &'static [&'static str] {
        use Column::*;
        match self {
            Unit => &[
                "房屋编号",
                "房号全称",
                "楼栋单元房号",
                "房屋",
                "户号",
                "单元房号",
            ],
            Building => &["楼栋", "楼号", "楼栋号", "栋", "幢", "楼"],
            Entrance => &["单元号", "单元"],
            Room => &["房号", "房间号", "门牌号", "室", "房间"],
            Area => &["建筑面积", "面积"],
            UnitKind => &["房屋类型", "房屋用途", "用途", "类型"],
            UnitStatus => &["房屋状态", "入住状态", "状态"],
            Name => &["业主姓名", "住户姓名", "姓名", "业主", "住户", "名称"],
            Role => &["与业主关系", "住户类型", "身份", "类别", "关系"],
            Phone => &[
                "联系电话",
                "手机号码",
                "手机号",
                "电话号码",
                "手机",
                "电话",
                "联系方式",
            ],
            IdNumber => &["身份证号码", "身份证号", "证件号码", "证件号", "身份证"],
            MoveIn => &["入住日期", "入住时间", "交房日期"],
            Plate => &["车牌号码", "车牌号", "车牌"],
            ParkingSpace => &["车位号", "车位"],
            Notes => &["备注", "说明"],
        }
    }
}

/// Office spreadsheets often carry a title row or two above the headers ("XX小区业主信息表"):
/// the header row is the first row (of the first ten) whose cells name at least two known
/// columns; the rows above it are dropped and counted in [`Table::skipped_above`].
pub fn with_headers_found(mut t: Table) -> Table {
    let known = |r: &[String]| guess_mapping(r).iter().filter(|m| m.is_some()).count();
    if known(&t.headers) >= 2 {
        return t;
    }
    if let Some(i) = t.rows.iter().take(10).position(|r| known(r) >= 2) {
        t.headers = t.rows[i].clone();
        t.rows.drain(..=i);
        t.skipped_above += i + 1;
    }
    t
}

/// Guesses what each header means; `None` where unknown (not imported). "房号" alone means the
/// whole unit number unless there is a separate building column.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Column>> {
    let clean = |h: &str| -> String {
        h.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '*' | ':' | '\u{ff1a}'))
            .collect::<String>()
    };
    let mut used = std::collections::HashSet::new();
    let mut out: Vec<Option<Column>> = headers
        .iter()
        .map(|h| {
            let h = clean(h);
            let exact = Column::ALL
                .into_iter()
                .find(|c| !used.contains(c) && c.headers().contains(&h.as_str()));
            let found = exact.or_else(|| {
                Column::ALL.into_iter().find(|c| {
                    !used.contains(c)
                        && c.headers()
                            .iter()
                            .any(|syn| syn.chars().count() >= 2 && h.contains(syn))
                })
            });
            if let Some(c) = found {
                used.insert(c);
            }
            found
        })
        .collect();
    if !out.contains(&Some(Column::Building)) {
        for c in out.iter_mut() {
            if *c == Some(Column::Room) {
                *c = Some(Column::Unit);
            }
        }
    }
    out
}

/// A problem with one cell of a row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    #[error(transparent)]
    Unit(#[from] UnitError),
    #[error("no unit number")]
    NoUnit,
    #[error("phone {0}: {1}")]
    Phone(String, PhoneError),
    #[error(transparent)]
    Id(#[from] IdDocumentError),
    #[error(transparent)]
    Plate(#[from] PlateError),
    #[error("area {0} is not a number of m²")]
    Area(String),
    #[error("date {0} is not a date")]
    Date(String),
    #[error("unknown value {0}")]
    Unknown(String),
    #[error("the same person and unit as row {0}")]
    Duplicate(usize),
    #[error("the same unit as row {0} with another area")]
    ConflictingUnit(usize),
}

impl Localized for RowProblem {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RowProblem::Unit(e), _) => e.message(lang),
            (RowProblem::NoUnit, Lang::Zh) => "没有房号。".into(),
            (RowProblem::NoUnit, Lang::En) => "No unit number.".into(),
            (RowProblem::Phone(v, _), Lang::Zh) => {
                format!("电话 {v} 不对:手机为1开头的11位数字;座机请带区号,如 010-12345678。")
            }
            (RowProblem::Phone(v, _), Lang::En) => format!(
                "Phone {v} is not a phone number: a mobile is 11 digits starting with 1; a landline needs its area code, e.g. 010-12345678."
            ),
            (RowProblem::Id(e), _) => e.message(lang),
            (RowProblem::Plate(e), _) => e.message(lang),
            (RowProblem::Area(a), Lang::Zh) => format!("面积“{a}”不是数字。"),
            (RowProblem::Area(a), Lang::En) => format!("Area “{a}” is not a number."),
            (RowProblem::Date(d), Lang::Zh) => format!("日期“{d}”看不懂,请写成 2026-11-27。"),
            (RowProblem::Date(d), Lang::En) => {
                format!("Date “{d}” is not a date; write 2026-11-27.")
            }
            (RowProblem::Unknown(v), Lang::Zh) => format!("“{v}”不是可选的值。"),
            (RowProblem::Unknown(v), Lang::En) => format!("“{v}” is not one of the choices."),
            (RowProblem::Duplicate(r), Lang::Zh) => format!("与第 {r} 行是同一房屋的同一人,重复。"),
            (RowProblem::Duplicate(r), Lang::En) => {
                format!("Same person and unit as row {r}: a duplicate.")
            }
            (RowProblem::ConflictingUnit(r), Lang::Zh) => {
                format!("与第 {r} 行是同一房屋,但面积不同。")
            }
            (RowProblem::ConflictingUnit(r), Lang::En) => {
                format!("Same unit as row {r} with a different area.")
            }
        }
    }
}

/// One good row: a unit, and the resident on it if the row names one.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedRow {
    /// Spreadsheet row number (the header is row 1).
    pub line: usize,
    pub unit: Unit,
    pub resident: Option<Resident>,
}

/// The outcome of checking every row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checked {
    pub good: Vec<ParsedRow>,
    /// Rows that will not be imported.
    pub bad: Vec<BadRow>,
}

/// A row that will not be imported, with the person it names (to tell rows apart).
#[derive(Clone, Debug, PartialEq)]
pub struct BadRow {
    /// Spreadsheet row number.
    pub line: usize,
    pub name: String,
    pub problems: Vec<RowProblem>,
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// Checks every row with the chosen mapping. `today` bounds ID birth dates.
pub fn check_rows(table: &Table, mapping: &[Option<Column>], today: NaiveDate) -> Checked {
    let mut out = Checked::default();
    let mut seen_person: HashMap<(String, String), usize> = HashMap::new();
    let mut seen_area: HashMap<String, (usize, Option<f64>)> = HashMap::new();
    for (i, row) in table.rows.iter().enumerate() {
        let line = i + 2 + table.skipped_above;
        let get = |c: Column| -> &str {
            mapping
                .iter()
                .position(|m| *m == Some(c))
                .and_then(|j| row.get(j))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let mut problems = Vec::new();
        let unit_text = if !get(Column::Unit).is_empty() {
            get(Column::Unit).to_string()
        } else {
            [
                get(Column::Building),
                get(Column::Entrance),
                get(Column::Room),
            ]
            .iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("-")
        };
        let no = if unit_text.is_empty() {
            problems.push(RowProblem::NoUnit);
            None
        } else {
            UnitNo::parse(&unit_text)
                .map_err(|e| problems.push(e.into()))
                .ok()
        };
        let area = match get(Column::Area).trim_end_matches(['㎡', 'm', '²', '平']) {
            "" => None,
            a => a
                .parse::<f64>()
                .ok()
                .filter(|v| *v > 0.0 && *v < 100_000.0)
                .or_else(|| {
                    problems.push(RowProblem::Area(a.into()));
                    None
                }),
        };
        let kind = match get(Column::UnitKind) {
            "" => UnitKind::Residential,
            k => UnitKind::from_text(k).unwrap_or_else(|| {
                problems.push(RowProblem::Unknown(k.into()));
                UnitKind::Residential
            }),
        };
        let name = get(Column::Name).to_string();
        let status = match get(Column::UnitStatus) {
            "" if name.is_empty() => UnitStatus::Vacant,
            "" => UnitStatus::Occupied,
            s => UnitStatus::from_text(s).unwrap_or_else(|| {
                problems.push(RowProblem::Unknown(s.into()));
                UnitStatus::Occupied
            }),
        };
        let resident = if name.is_empty() {
            None
        } else {
            let role = match get(Column::Role) {
                "" => ResidentRole::Owner,
                r => ResidentRole::from_text(r).unwrap_or_else(|| {
                    problems.push(RowProblem::Unknown(r.into()));
                    ResidentRole::Owner
                }),
            };
            let phones: Vec<PhoneNumber> = get(Column::Phone)
                .split(['/', ',', ',', ';', ';', '、'])
                .filter(|p| !p.trim().is_empty())
                .filter_map(|p| {
                    PhoneNumber::parse(p)
                        .map_err(|e| problems.push(RowProblem::Phone(p.trim().to_string(), e)))
                        .ok()
                })
                .collect();
            let id_doc = match get(Column::IdNumber) {
                "" => None,
                n => IdDocument::parse(IdKind::ResidentId, n, today)
                    .map_err(|e| problems.push(e.into()))
                    .ok(),
            };
            let move_in = match get(Column::MoveIn) {
                "" => None,
                d => parse_date(d).or_else(|| {
                    problems.push(RowProblem::Date(d.into()));
                    None
                }),
            };
            let vehicles = match get(Column::Plate) {
                "" => Vec::new(),
                p => PlateNumber::parse(p)
                    .map(|plate| {
                        vec![Vehicle {
                            plate,
                            space: get(Column::ParkingSpace).to_string(),
                        }]
                    })
                    .unwrap_or_else(|e| {
                        problems.push(e.into());
                        Vec::new()
                    }),
            };
            Some(Resident {
                name: name.clone(),
                role,
                phones,
                id_doc,
                move_in,
                notes: get(Column::Notes).to_string(),
                units: no.iter().cloned().collect(),
                vehicles,
            })
        };
        if let Some(no) = &no {
            if !name.is_empty() {
                if let Some(first) = seen_person.insert((no.key(), name.clone()), line) {
                    problems.push(RowProblem::Duplicate(first));
                }
            }
            match seen_area.get(&no.key()) {
                Some((first, Some(a))) if area.is_some_and(|b| (b - a).abs() > 0.001) => {
                    problems.push(RowProblem::ConflictingUnit(*first))
                }
                Some(_) => {}
                None => {
                    seen_area.insert(no.key(), (line, area));
                }
            }
        }
        match (no, problems.is_empty()) {
            (Some(no), true) => out.good.push(ParsedRow {
                line,
                unit: Unit {
                    no,
                    area_m2: area,
                    kind,
                    status,
                },
                resident,
            }),
            _ => out.bad.push(BadRow {
                line,
                name: get(Column::Name).to_string(),
                problems,
            }),
        }
    }
    out
}

/// What an import will write: new records (`None` id) and updates of existing ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub units: Vec<(Option<RecordId>, Unit)>,
    pub residents: Vec<(Option<RecordId>, Resident)>,
    /// Units and residents already stored exactly as the file has them.
    pub unchanged_units: usize,
    pub unchanged_residents: usize,
}

impl ImportPlan {
    pub fn new_units(&self) -> usize {
        self.units.iter().filter(|(id, _)| id.is_none()).count()
    }
    pub fn updated_units(&self) -> usize {
        self.units.len() - self.new_units()
    }
    pub fn new_residents(&self) -> usize {
        self.residents.iter().filter(|(id, _)| id.is_none()).count()
    }
    pub fn updated_residents(&self) -> usize {
        self.residents.len() - self.new_residents()
    }
}

fn merge_resident(into: &mut Resident, from: &Resident) {
    for u in &from.units {
        if !into.units.contains(u) {
            into.units.push(u.clone());
        }
    }
    for p in &from.phones {
        if !into.phones.contains(p) {
            into.phones.push(p.clone());
        }
    }
    for v in &from.vehicles {
        if let Some(existing) = into.vehicles.iter_mut().find(|x| x.plate == v.plate) {
            if !v.space.is_empty() {
                existing.space = v.space.clone();
            }
        } else {
            into.vehicles.push(v.clone());
        }
    }
    into.role = from.role;
    if from.id_doc.is_some() {
        into.id_doc = from.id_doc.clone();
    }
    if from.move_in.is_some() {
        into.move_in = from.move_in;
    }
    if !from.notes.is_empty() {
        into.notes = from.notes.clone();
    }
}

/// Plans an import against what is stored: a unit is the same unit by its number; a resident is
/// the same person by name on a shared unit, or by name and phone. Existing records are updated,
/// never duplicated; records the file does not change are left alone.
pub fn plan_import(
    rows: &[ParsedRow],
    units: &[(RecordId, Unit)],
    residents: &[(RecordId, Resident)],
) -> ImportPlan {
    let mut plan_units: Vec<(Option<RecordId>, Unit)> = Vec::new();
    let mut unit_at: HashMap<String, usize> = HashMap::new();
    let stored_units: HashMap<String, &(RecordId, Unit)> =
        units.iter().map(|u| (u.1.no.key(), u)).collect();
    let mut plan_res: Vec<(Option<RecordId>, Resident)> = Vec::new();
    for row in rows {
        let key = row.unit.no.key();
        if !unit_at.contains_key(&key) {
            let entry = match stored_units.get(&key) {
                Some((id, u)) => {
                    let mut merged = u.clone();
                    merged.area_m2 = row.unit.area_m2.or(u.area_m2);
                    merged.kind = row.unit.kind;
                    merged.status = row.unit.status;
                    (Some(*id), merged)
                }
                None => (None, row.unit.clone()),
            };
            unit_at.insert(key.clone(), plan_units.len());
            plan_units.push(entry);
        }
        let Some(r) = &row.resident else { continue };
        let same = |x: &Resident| {
            x.name == r.name
                && (x.units.iter().any(|u| r.units.contains(u))
                    || x.phones.iter().any(|p| r.phones.contains(p)))
        };
        if let Some(i) = plan_res.iter().position(|(_, x)| same(x)) {
            merge_resident(&mut plan_res[i].1, r);
        } else if let Some((id, x)) = residents.iter().find(|(_, x)| same(x)) {
            let mut merged = x.clone();
            merge_resident(&mut merged, r);
            plan_res.push((Some(*id), merged));
        } else {
            plan_res.push((None, r.clone()));
        }
    }
    let (units_before, residents_before) = (plan_units.len(), plan_res.len());
    plan_units.retain(|(id, u)| {
        id.is_none()
            || units
                .iter()
                .find(|(i, _)| Some(*i) == *id)
                .is_none_or(|(_, old)| old != u)
    });
    plan_res.retain(|(id, r)| {
        id.is_none()
            || residents
                .iter()
                .find(|(i, _)| Some(*i) == *id)
                .is_none_or(|(_, old)| old != r)
    });
    ImportPlan {
        unchanged_units: units_before - plan_units.len(),
        unchanged_residents: residents_before - plan_res.len(),
        units: plan_units,
        residents: plan_res,
    }
}

use crate::actor::{Action, Role};
use crate::module::ModuleSpec;
use crate::spec::{KindSpec, Label, Mask};

/// Keep the residents directory: units, residents, vehicles, imports from spreadsheets.
pub const MANAGE_DIRECTORY: Action = Action::new(
    "manage_directory",
    &[Role::Clerk, Role::Supervisor],
    "维护住户档案",
    "keep the residents directory",
);

/// The residents directory.
/// The directory's coded values as words (the audit trail).
fn directory_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    if field == "id_doc.kind" {
        return crate::ident::IdKind::from_code(value).map(|k| k.label(lang).to_string());
    }
    match field.rsplit('.').next().unwrap_or(field) {
        "kind" => UnitKind::from_code(value).map(|k| k.label(lang).to_string()),
        "status" => UnitStatus::from_code(value).map(|k| k.label(lang).to_string()),
        "role" => ResidentRole::from_code(value).map(|k| k.label(lang).to_string()),
        _ => None,
    }
}

pub const MODULE: ModuleSpec = ModuleSpec {
    slug: "residents",
    zh: "住户",
    en: "Residents",
    kinds: &[
        KindSpec::of::<Unit>("residents", MANAGE_DIRECTORY)
            .named("房屋", "Unit")
            .values(directory_words),
        KindSpec::of::<Resident>("residents", MANAGE_DIRECTORY)
            .named("住户", "Resident")
            .values(directory_words)
            .csv(csv::TABLE)
            .personal(&[
                ("name", Mask::Name),
                ("phones", Mask::Phone),
                ("id_doc.number", Mask::IdNumber),
                ("vehicles.*.plate", Mask::Plate),
                ("notes", Mask::Text),
            ])
            .labels(&[
                Label::NAME,
                Label::new("phones", "电话", "Phone"),
                Label::ID_DOC,
                Label::new("units", "房号", "Units"),
                Label::new("vehicles", "车辆", "Vehicles"),
                Label::new("role", "身份", "Role"),
                Label::NOTES,
            ]),
    ],
    exportable: true,
    settings: &[],
    demo: Some(crate::module::Demo {
        count: 120,
        make: demo::resident,
    }),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::{self, Table};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            headers: headers.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
            source: "test".into(),
            skipped_above: 0,
        }
    }

    #[test]
    fn a_title_row_above_the_headers_is_skipped_and_row_numbers_stay_the_sheets() {
        let t = table(
            &["阳光小区业主信息表", "", ""],
            &[
                &["房号", "姓名", "手机"],
                &["3-1-502", "王芳", "0213456789"],
                &["3-1-503", "张伟", "13800138000"],
            ],
        );
        let t = with_headers_found(t);
        assert_eq!(t.skipped_above, 1);
        assert_eq!(t.headers, vec!["房号", "姓名", "手机"]);
        let c = check_rows(&t, &guess_mapping(&t.headers), today());
        assert_eq!(c.good.len(), 1);
        assert_eq!(c.bad.len(), 1);
        // Row 3 of the sheet (title, headers, then Wang Fang), named, with the bad value.
        assert_eq!((c.bad[0].line, c.bad[0].name.as_str()), (3, "王芳"));
        assert!(
            c.bad[0].problems[0]
                .message(Lang::Zh)
                .contains("0213456789")
        );
        // A sheet with its headers on top is left as it is.
        let plain = table(&["房号", "姓名"], &[&["3-1-502", "王芳"]]);
        assert_eq!(with_headers_found(plain.clone()), plain);
    }

    #[test]
    fn chinese_headers_map_to_fields() {
        let t = table(
            &[
                "楼栋",
                "单元",
                "房号",
                "建筑面积(㎡)",
                "业主姓名",
                "联系电话",
                "身份证号码",
                "车牌号",
                "车位",
                "备注",
            ],
            &[],
        );
        use Column::*;
        assert_eq!(
            guess_mapping(&t.headers),
            vec![
                Some(Building),
                Some(Entrance),
                Some(Room),
                Some(Area),
                Some(Name),
                Some(Phone),
                Some(IdNumber),
                Some(Plate),
                Some(ParkingSpace),
                Some(Notes)
            ]
        );
    }

    #[test]
    fn a_lone_room_column_is_the_whole_unit_and_unknown_headers_are_not_imported() {
        let headers: Vec<String> = ["房号", "姓名", "手机", "物业费余额"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            guess_mapping(&headers),
            vec![
                Some(Column::Unit),
                Some(Column::Name),
                Some(Column::Phone),
                None
            ]
        );
    }

    #[test]
    fn good_rows_become_units_and_residents_and_bad_rows_say_why() {
        let t = table(
            &["房号", "姓名", "身份", "电话", "面积", "车牌", "车位"],
            &[
                &[
                    "3栋1单元502室",
                    "张伟",
                    "业主",
                    "13800138000",
                    "89.5",
                    "京A12345",
                    "B-12",
                ],
                &[
                    "3-1-502",
                    "李娜",
                    "家属",
                    "139 0013 9000 / 010-12345678",
                    "89.5",
                    "",
                    "",
                ],
                &["3-1-503", "王五", "业主", "12345", "", "", ""],
                &["三栋", "赵六", "", "", "", "", ""],
                &["3-1-502", "张伟", "业主", "13800138000", "", "", ""],
                &["4-1-101", "", "", "", "120", "", ""],
            ],
        );
        let c = check_rows(&t, &guess_mapping(&t.headers), today());
        assert_eq!(c.good.len(), 3);
        assert_eq!(c.good[0].unit.no.key(), "3-1-502");
        assert_eq!(
            c.good[0].resident.as_ref().unwrap().vehicles[0].space,
            "B-12"
        );
        assert_eq!(c.good[1].resident.as_ref().unwrap().phones.len(), 2);
        assert_eq!(c.good[2].unit.status, UnitStatus::Vacant);
        assert!(c.good[2].resident.is_none());
        let bad: Vec<usize> = c.bad.iter().map(|b| b.line).collect();
        assert_eq!(bad, vec![4, 5, 6]);
        assert!(matches!(c.bad[0].problems[0], RowProblem::Phone(..)));
        let said = c.bad[0].problems[0].message(Lang::Zh);
        assert!(said.contains("手机"), "{said}");
        assert!(matches!(c.bad[1].problems[0], RowProblem::Unit(_)));
        assert_eq!(c.bad[2].problems, vec![RowProblem::Duplicate(2)]);
    }

    #[test]
    fn a_gbk_csv_imports_end_to_end() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("楼栋,单元,房号,姓名,手机\n3,1,502,张伟,13800138000\n");
        let t = sheet::read("roster.csv", &bytes).unwrap();
        let c = check_rows(&t, &guess_mapping(&t.headers), today());
        assert_eq!(c.good[0].unit.no.key(), "3-1-502");
        assert_eq!(c.good[0].resident.as_ref().unwrap().name, "张伟");
    }

    #[test]
    fn an_xlsx_imports_end_to_end() {
        let bytes = sheet::fixtures::xlsx(&[
            &["房屋编号", "业主姓名", "手机号码", "入住日期"],
            &["5-2-1201", "刘洋", "13712345678", "2024-03-01"],
        ]);
        let t = sheet::read("roster.xlsx", &bytes).unwrap();
        let c = check_rows(&t, &guess_mapping(&t.headers), today());
        assert!(c.bad.is_empty(), "{:?}", c.bad);
        assert_eq!(
            c.good[0].resident.as_ref().unwrap().move_in,
            NaiveDate::from_ymd_opt(2024, 3, 1)
        );
    }

    #[test]
    fn importing_again_updates_instead_of_duplicating() {
        let t = table(
            &["房号", "姓名", "电话"],
            &[
                &["3-1-502", "张伟", "13800138000"],
                &["3-1-502", "李娜", "13900139000"],
            ],
        );
        let rows = check_rows(&t, &guess_mapping(&t.headers), today()).good;
        let first = plan_import(&rows, &[], &[]);
        assert_eq!((first.new_units(), first.new_residents()), (1, 2));
        // Store what the first import planned.
        let units: Vec<(RecordId, Unit)> = first
            .units
            .iter()
            .enumerate()
            .map(|(i, (_, u))| (RecordId(uuid::Uuid::from_u128(i as u128 + 1)), u.clone()))
            .collect();
        let residents: Vec<(RecordId, Resident)> = first
            .residents
            .iter()
            .enumerate()
            .map(|(i, (_, r))| (RecordId(uuid::Uuid::from_u128(i as u128 + 100)), r.clone()))
            .collect();
        // The same file again changes nothing.
        let again = plan_import(&rows, &units, &residents);
        assert_eq!(
            (
                again.units.len(),
                again.residents.len(),
                again.unchanged_units + again.unchanged_residents
            ),
            (0, 0, 3)
        );
        // A new phone for 张伟 and a second unit update him.
        let t2 = table(
            &["房号", "姓名", "电话"],
            &[
                &["3-1-502", "张伟", "13700000000"],
                &["8-1-101", "张伟", "13800138000"],
            ],
        );
        let rows2 = check_rows(&t2, &guess_mapping(&t2.headers), today()).good;
        let p = plan_import(&rows2, &units, &residents);
        assert_eq!(p.new_residents(), 0);
        assert_eq!(p.updated_residents(), 1);
        let zhang = &p.residents[0].1;
        assert_eq!(zhang.phones.len(), 2);
        assert_eq!(zhang.units_text(), "3-1-502 / 8-1-101");
        assert_eq!(p.new_units(), 1);
    }

    #[test]
    fn the_directory_search_looks_where_the_text_can_be() {
        let names = |s: &str| {
            search_plan(s)
                .into_iter()
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("3栋1单元502"), vec![ix::UNIT, ix::NAME]);
        assert_eq!(
            search_plan("3-1-502")[0].1,
            KeyRange::Prefix("3-1-502".into())
        );
        assert_eq!(names("1380013"), vec![ix::PHONE]);
        assert_eq!(names("京A1"), vec![ix::PLATE, ix::NAME]);
        assert_eq!(names("张"), vec![ix::NAME]);
    }
}
