//! What demo and benchmark data is drawn from, deterministic from a seed: Chinese names,
//! mainland mobiles, resident ID numbers with valid check digits, plates, units, times over the
//! past year, and ids with the demo prefix (so "remove demo data" finds exactly these records).
//! Each module makes its own demo records from a [`Sample`] (`modules/<name>/demo.rs`).

use crate::clock::IdSource;
use crate::hlc::HlcClock;
use crate::record::{DeviceId, Envelope, RecordId, Stamp};
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

/// One seeded random stream, ids with the demo prefix and a clock walking through the year:
/// what every module's demo records are drawn from.
pub struct Sample {
    rng: ChaCha8Rng,
    ids: DemoIds,
    hlc: HlcClock,
    /// The newest time a record may carry.
    now: DateTime<Utc>,
}

impl Sample {
    pub fn new(seed: u64, device: DeviceId, now: DateTime<Utc>) -> Self {
        Sample {
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
        Sample {
            ids: DemoIds {
                rng: std::cell::RefCell::new(ChaCha8Rng::seed_from_u64(salt)),
            },
            ..self
        }
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.rng.random_range(0..from.len())]
    }

    /// The random stream, for a module's own choices.
    pub fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }

    /// The newest time a record may carry.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
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
    pub fn time_in_year(&mut self) -> DateTime<Utc> {
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

    pub fn id(&self) -> RecordId {
        RecordId(self.ids.new_id())
    }

    pub fn wrap<R: crate::record::Record>(
        &mut self,
        rec: &R,
        at: DateTime<Utc>,
    ) -> Option<Envelope> {
        let s = self.stamp(at);
        Envelope::create(rec, self.id(), s).ok()
    }
}
