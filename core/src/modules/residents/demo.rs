//! Demo residents: a unit and its resident.

use super::{Resident, ResidentRole, Unit};
use crate::record::Envelope;
use crate::sample::Sample;
use crate::unit_no::UnitNo;
use rand::Rng;

/// A unit and its resident.
pub fn resident(s: &mut Sample) -> Vec<Envelope> {
    let at = s.time_in_year();
    let Ok(unit) = UnitNo::parse(&s.unit()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let u = Unit {
        no: unit.clone(),
        area_m2: Some(f64::from(s.rng().random_range(60..160u32))),
        kind: crate::modules::residents::UnitKind::Residential,
        status: crate::modules::residents::UnitStatus::Occupied,
    };
    out.extend(s.wrap(&u, at));
    let r = Resident {
        name: s.name(),
        role: ResidentRole::ALL[s.rng().random_range(0..ResidentRole::ALL.len())],
        phones: crate::phone::PhoneNumber::parse(&s.mobile())
            .ok()
            .into_iter()
            .collect(),
        id_doc: None,
        move_in: None,
        notes: String::new(),
        units: vec![unit],
        vehicles: Vec::new(),
    };
    out.extend(s.wrap(&r, at));
    out
}
