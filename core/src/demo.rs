//! Realistic demo and benchmark data, deterministic from a seed: each registered module's own
//! demo records (visits over a year, parcels, residents, finished inspections ...), drawn from
//! one [`Sample`]. Every record is built through the modules' own constructors, so it passes
//! the same checks as typed data, and carries an id with the demo prefix.

use crate::record::{DeviceId, Envelope};
use crate::registry;
use chrono::{DateTime, Utc};

pub use crate::sample::{DEMO_PREFIX, Sample, is_demo};

/// How much of each module to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counts {
    /// A small, varied set for a new user to try every screen: each module's own count.
    Demo,
    /// Only one module's records, this many draws (the benchmark's visits).
    Only(&'static str, usize),
}

impl Counts {
    pub const DEMO: Counts = Counts::Demo;

    pub fn visits(n: usize) -> Counts {
        Counts::Only("visitors", n)
    }
}

/// The generator: the modules' demo makers on one sample.
pub struct Generator {
    sample: Sample,
}

impl std::ops::Deref for Generator {
    type Target = Sample;
    fn deref(&self) -> &Sample {
        &self.sample
    }
}

impl std::ops::DerefMut for Generator {
    fn deref_mut(&mut self) -> &mut Sample {
        &mut self.sample
    }
}

impl Generator {
    pub fn new(seed: u64, device: DeviceId, now: DateTime<Utc>) -> Self {
        Generator {
            sample: Sample::new(seed, device, now),
        }
    }

    /// The same records with other ids (from `salt`): a demo set loaded again after it was
    /// removed is new records, not the removed ones brought back.
    pub fn with_id_salt(self, salt: u64) -> Self {
        Generator {
            sample: self.sample.with_id_salt(salt),
        }
    }

    /// Everything asked for, module by module in the registry's order.
    pub fn generate(&mut self, c: Counts) -> Vec<Envelope> {
        let mut out = Vec::new();
        for m in registry::MODULES {
            let Some(demo) = m.demo else { continue };
            let n = match c {
                Counts::Demo => demo.count,
                Counts::Only(slug, n) if slug == m.slug => n,
                Counts::Only(..) => 0,
            };
            for _ in 0..n {
                out.extend((demo.make)(&mut self.sample));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RecordId;
    use crate::unit_no::UnitNo;
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
