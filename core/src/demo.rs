//! Realistic demo and benchmark data, deterministic from a seed: Chinese names, mainland
//! mobiles, resident ID numbers with valid check digits, plates, units; visits spread over a
//! year, parcels, residents and finished inspections with answers. Every record is built through
//! the modules' own constructors (so it passes the same checks as typed data) and carries an id
//! with the demo prefix, so "remove demo data" finds exactly these records.

use crate::clock::IdSource;
use crate::hlc::HlcClock;
use crate::modules::inspections::{self, Inspection, Value};
use crate::modules::parcels::{Carrier, Intake};
use crate::modules::residents::{Resident, ResidentRole, Unit};
use crate::modules::visitors::{Purpose, VisitForm};
use crate::record::{DeviceId, Envelope, RecordId, Stamp};
use crate::unit_no::UnitNo;
use chrono::{DateTime, Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The first 4 bytes of every demo record's id.
pub const DEMO_PREFIX: [u8; 4] = [0xde, 0x30, 0xda, 0x7a];

/// Whether a record is demo data.
pub fn is_demo(id: RecordId) -> bool {
    id.0.as_bytes()[..4] == DEMO_PREFIX
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "欧阳", "司马",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "晓东", "子涵", "浩然",
    "雨桐", "欣怡", "俊杰", "梓萱", "宇轩", "一诺", "思远",
];
const REGIONS: &[&str] = &[
    "110105", "110108", "310104", "310115", "440106", "440305", "330106", "320102", "510107",
    "420106", "610113", "120101", "370202", "350203",
];
const PREFIXES: &[&str] = &[
    "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "158",
    "159", "176", "177", "180", "182", "185", "186", "187", "188", "189", "191", "199",
];
const PROVINCES: &[&str] = &[
    "京", "沪", "粤", "浙", "苏", "川", "鄂", "陕", "津", "鲁", "闽",
];
const PLATE_LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const COMPANIES: &[&str] = &[
    "顺丰速运",
    "美团",
    "京东物流",
    "链家",
    "万科装饰",
    "海尔售后",
];

/// How much of each to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub visits: usize,
    pub parcels: usize,
    pub residents: usize,
    pub inspections: usize,
}

impl Counts {
    /// A small, varied set for a new user to try every screen.
    pub const DEMO: Counts = Counts {
        visits: 300,
        parcels: 150,
        residents: 120,
        inspections: 12,
    };

    pub fn visits(n: usize) -> Counts {
        Counts {
            visits: n,
            parcels: 0,
            residents: 0,
            inspections: 0,
        }
    }
}

/// Demo record ids: the demo prefix, then the generator's own sequence.
struct DemoIds {
    rng: std::cell::RefCell<ChaCha8Rng>,
}

impl IdSource for DemoIds {
    fn new_id(&self) -> uuid::Uuid {
        let mut b: [u8; 16] = self.rng.borrow_mut().random();
        b[..4].copy_from_slice(&DEMO_PREFIX);
        crate::clock::uuid_from_random_bytes(b)
    }
}

/// The generator: one seeded random stream, a clock walking through the year.
pub struct Generator {
    rng: ChaCha8Rng,
    ids: DemoIds,
    hlc: HlcClock,
    /// The newest time a record may carry.
    now: DateTime<Utc>,
}

impl Generator {
    pub fn new(seed: u64, device: DeviceId, now: DateTime<Utc>) -> Self {
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            ids: DemoIds {
                rng: std::cell::RefCell::new(ChaCha8Rng::seed_from_u64(seed ^ 0x5eed)),
            },
            hlc: HlcClock::new(device),
            now,
        }
    }

    /// The same records with other ids (from `salt`): a demo set loaded again after it was
    /// removed is new records, not the removed ones brought back.
    pub fn with_id_salt(self, salt: u64) -> Self {
        Generator {
            ids: DemoIds {
                rng: std::cell::RefCell::new(ChaCha8Rng::seed_from_u64(salt)),
            },
            ..self
        }
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.rng.random_range(0..from.len())]
    }

    pub fn name(&mut self) -> String {
        format!("{}{}", self.pick(SURNAMES), self.pick(GIVEN))
    }

    pub fn mobile(&mut self) -> String {
        let p = self.pick(PREFIXES);
        format!("{p}{:08}", self.rng.random_range(0..100_000_000u32))
    }

    /// A resident ID number with a real region, a birth date between 1950 and 2005, and the
    /// right check digit.
    pub fn resident_id(&mut self) -> String {
        let region = self.pick(REGIONS);
        let y = self.rng.random_range(1950..2006);
        let m = self.rng.random_range(1..13);
        let d = self.rng.random_range(1..29);
        let seq = self.rng.random_range(0..1000);
        let body = format!("{region}{y:04}{m:02}{d:02}{seq:03}");
        let check = crate::ident::check_char(&body).unwrap_or('0');
        format!("{body}{check}")
    }

    pub fn plate(&mut self) -> String {
        let p = self.pick(PROVINCES);
        let l = PLATE_LETTERS[self.rng.random_range(0..PLATE_LETTERS.len())] as char;
        format!("{p}{l}{:05}", self.rng.random_range(0..100_000u32))
    }

    pub fn unit(&mut self) -> String {
        format!(
            "{}-{}-{}{:02}",
            self.rng.random_range(1..21),
            self.rng.random_range(1..5),
            self.rng.random_range(1..31),
            self.rng.random_range(1..5)
        )
    }

    /// A moment in the past year (more of them recent, as in a real log).
    fn time_in_year(&mut self) -> DateTime<Utc> {
        let x: f64 = self.rng.random();
        let secs = (x * x * 365.0 * 86_400.0) as i64;
        self.now - Duration::seconds(secs)
    }

    fn stamp(&mut self, at: DateTime<Utc>) -> Stamp {
        let at = at.min(self.now);
        Stamp {
            now: at,
            version: self.hlc.tick(at.timestamp_millis().max(0) as u64),
        }
    }

    fn id(&self) -> RecordId {
        RecordId(self.ids.new_id())
    }

    fn wrap<R: crate::record::Record>(&mut self, rec: &R, at: DateTime<Utc>) -> Option<Envelope> {
        let s = self.stamp(at);
        Envelope::create(rec, self.id(), s).ok()
    }

    pub fn visit(&mut self) -> Option<Envelope> {
        let at = self.time_in_year();
        let company = self.rng.random_bool(0.15);
        let purpose = [
            Purpose::Visit,
            Purpose::Visit,
            Purpose::Visit,
            Purpose::Delivery,
            Purpose::Renovation,
        ][self.rng.random_range(0..5)];
        let form = VisitForm {
            name: self.name(),
            phone: self.mobile(),
            id_number: if self.rng.random_bool(0.7) {
                self.resident_id()
            } else {
                String::new()
            },
            host_unit: if company { String::new() } else { self.unit() },
            host_company: if company {
                self.pick(COMPANIES).to_string()
            } else {
                String::new()
            },
            purpose,
            plate: if self.rng.random_bool(0.3) {
                self.plate()
            } else {
                String::new()
            },
            ..VisitForm::default()
        };
        let mut v = form.parse(at, "演示前台").ok()?;
        // All but the last few hours' visitors have left.
        if self.now - at > Duration::hours(4) {
            let out = at + Duration::minutes(self.rng.random_range(10..240));
            v = v.signed_out(out.min(self.now), "演示前台");
        }
        self.wrap(&v, at)
    }

    pub fn parcel(&mut self) -> Option<Envelope> {
        let at = self.time_in_year();
        let carriers = ["SF", "JD", "YT", "ZT", "JT", "75", "43", "98"];
        let prefix = carriers[self.rng.random_range(0..carriers.len())];
        let intake = Intake {
            tracking: format!(
                "{prefix}{:013}",
                self.rng.random_range(0..10_000_000_000_000u64)
            ),
            carrier: if prefix == "SF" {
                Some(Carrier::Sf)
            } else {
                None
            },
            unit: self.unit(),
            name: self.name(),
            phone: self.mobile(),
            shelf: format!(
                "{}-{}",
                (b'A' + self.rng.random_range(0..6u8)) as char,
                self.rng.random_range(1..10)
            ),
            ..Intake::default()
        };
        let code = format!("{:06}", self.rng.random_range(0..1_000_000u32));
        let mut p = intake.parse(at, "演示前台", code).ok()?;
        if self.now - at > Duration::days(3) || self.rng.random_bool(0.5) {
            let out = at + Duration::hours(self.rng.random_range(1..60));
            let h = crate::modules::parcels::Handover {
                at: out.min(self.now),
                clerk: "演示前台".into(),
                collector: crate::modules::parcels::Collector {
                    name: p.recipient.name.clone(),
                    phone: p.recipient.phone.clone(),
                    on_behalf: None,
                },
                id_checked: false,
                signature: "data:image/png;base64,iVBORw0KGgo=".into(),
            };
            p = p.handed_over(h).ok()?;
        }
        self.wrap(&p, at)
    }

    /// A unit and its resident.
    pub fn resident(&mut self) -> Vec<Envelope> {
        let at = self.time_in_year();
        let Ok(unit) = UnitNo::parse(&self.unit()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let u = Unit {
            no: unit.clone(),
            area_m2: Some(f64::from(self.rng.random_range(60..160u32))),
            kind: crate::modules::residents::UnitKind::Residential,
            status: crate::modules::residents::UnitStatus::Occupied,
        };
        out.extend(self.wrap(&u, at));
        let r = Resident {
            name: self.name(),
            role: ResidentRole::ALL[self.rng.random_range(0..ResidentRole::ALL.len())],
            phones: crate::phone::PhoneNumber::parse(&self.mobile())
                .ok()
                .into_iter()
                .collect(),
            id_doc: None,
            move_in: None,
            notes: String::new(),
            units: vec![unit],
            vehicles: Vec::new(),
        };
        out.extend(self.wrap(&r, at));
        out
    }

    /// A finished inspection of a built-in template, every item answered (a few failing).
    pub fn inspection(&mut self) -> Option<Envelope> {
        let at = self.time_in_year();
        let all = inspections::builtins();
        let (tid, t) = &all[self.rng.random_range(0..all.len())];
        let mut i = Inspection::start(
            *tid,
            t,
            &format!("{}栋", self.rng.random_range(1..21)),
            "",
            "演示巡检员",
            at,
        );
        let items: Vec<inspections::Item> = i.items().cloned().collect();
        for item in &items {
            let fail = self.rng.random_bool(0.05);
            let v = match &item.kind {
                inspections::ItemKind::PassFail => {
                    if fail {
                        Value::Fail
                    } else {
                        Value::Pass
                    }
                }
                inspections::ItemKind::YesNo { fail_on } => {
                    if fail == *fail_on {
                        Value::Yes
                    } else {
                        Value::No
                    }
                }
                inspections::ItemKind::Number { min, max, .. } => Value::Number(match (min, max) {
                    (Some(a), Some(b)) => (a + b) / 2.0,
                    (Some(a), None) => a + 1.0,
                    (None, Some(b)) => b - 1.0,
                    (None, None) => 1.0,
                }),
                inspections::ItemKind::Choice { options, .. } => Value::Choice(options[0].clone()),
                inspections::ItemKind::Text => Value::Text("正常".into()),
                inspections::ItemKind::Photo | inspections::ItemKind::Signature => {
                    Value::NotApplicable
                }
            };
            let _ = i.answer(&item.key, v, at);
            let _ = i.set_note(&item.key, if fail { "需维修" } else { "" });
        }
        for item in &items {
            if let Some(a) = i.answers.get_mut(&item.key)
                && item.photo_on_fail
                && a.photos.is_empty()
            {
                a.value = Value::NotApplicable;
            }
        }
        let sig = "data:image/png;base64,iVBORw0KGgo=";
        i.finish(sig, "演示巡检员", at + Duration::minutes(30))
            .ok()?;
        let done = i.finished_at.unwrap_or(at);
        self.wrap(&i, done)
    }

    /// Everything asked for, oldest and newest mixed as a real log would be.
    pub fn generate(&mut self, c: Counts) -> Vec<Envelope> {
        let mut out = Vec::with_capacity(c.visits + c.parcels + 2 * c.residents + c.inspections);
        for _ in 0..c.residents {
            out.extend(self.resident());
        }
        for _ in 0..c.visits {
            out.extend(self.visit());
        }
        for _ in 0..c.parcels {
            out.extend(self.parcel());
        }
        for _ in 0..c.inspections {
            out.extend(self.inspection());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn generator(seed: u64) -> Generator {
        Generator::new(
            seed,
            DeviceId::from_bytes([9; 16]),
            Utc.with_ymd_and_hms(2026, 11, 27, 4, 0, 0).unwrap(),
        )
    }

    #[test]
    fn the_same_seed_gives_the_same_records() {
        let a = generator(7).generate(Counts::DEMO);
        let b = generator(7).generate(Counts::DEMO);
        assert_eq!(a, b);
        assert_ne!(a, generator(8).generate(Counts::DEMO));
    }

    #[test]
    fn every_generated_record_is_valid_demo_data_of_the_asked_counts() {
        let recs = generator(1).generate(Counts::DEMO);
        let count = |k: &str| recs.iter().filter(|r| r.meta.kind == k).count();
        assert_eq!(count("visit"), 300);
        assert_eq!(count("parcel"), 150);
        assert_eq!(count("resident"), 120);
        assert_eq!(count("unit"), 120);
        assert_eq!(count("inspection"), 12);
        for r in &recs {
            assert!(is_demo(r.meta.id));
            r.check().unwrap();
        }
        // It reads back as an export file: every record passes the import checks.
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 4, 0, 0).unwrap();
        let file = crate::exchange::encode(
            "演示",
            DeviceId::from_bytes([9; 16]),
            now,
            None,
            "all",
            recs,
        );
        let checked =
            crate::exchange::read(file.as_bytes(), DeviceId::from_bytes([1; 16]), now).unwrap();
        assert!(checked.skipped.is_empty());
    }

    #[test]
    fn ids_names_phones_and_plates_look_real() {
        let mut g = generator(3);
        for _ in 0..200 {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
            crate::ident::ResidentId::parse(&g.resident_id(), today).unwrap();
            crate::phone::PhoneNumber::parse(&g.mobile()).unwrap();
            crate::plate::PlateNumber::parse(&g.plate()).unwrap();
            UnitNo::parse(&g.unit()).unwrap();
            let n = g.name();
            assert!((2..=4).contains(&n.chars().count()), "{n}");
        }
        assert!(!is_demo(RecordId(uuid::Uuid::from_u128(1))));
    }
}
