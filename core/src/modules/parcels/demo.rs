//! Demo parcels: the carriers' number formats, most handed over with a signature.

use super::{Carrier, Intake};
use crate::record::Envelope;
use crate::sample::Sample;
use chrono::Duration;
use rand::Rng;

/// One demo record, as a list (empty when the draw did not make a valid one).
pub fn parcel(s: &mut Sample) -> Vec<Envelope> {
    one(s).unwrap_or_default()
}

/// A parcel, and the signature's photo record when it was handed over.
fn one(s: &mut Sample) -> Option<Vec<Envelope>> {
    let at = s.time_in_year();
    let carriers = ["SF", "JD", "YT", "JT", "75", "73", "43", "98"];
    let prefix = carriers[s.rng().random_range(0..carriers.len())];
    let intake = Intake {
        tracking: format!(
            "{prefix}{:013}",
            s.rng().random_range(0..10_000_000_000_000u64)
        ),
        carrier: if prefix == "SF" {
            Some(Carrier::Sf)
        } else {
            None
        },
        unit: s.unit(),
        name: s.name(),
        phone: s.mobile(),
        shelf: format!(
            "{}-{}",
            (b'A' + s.rng().random_range(0..6u8)) as char,
            s.rng().random_range(1..10)
        ),
        ..Intake::default()
    };
    let code = format!("{:06}", s.rng().random_range(0..1_000_000u32));
    let mut p = intake.parse(at, "演示前台", code).ok()?;
    let mut out = Vec::new();
    if s.now() - at > Duration::days(3) || s.rng().random_bool(0.5) {
        let when = (at + Duration::hours(s.rng().random_range(1..60))).min(s.now());
        let signature = crate::modules::photos::demo_signature(s, when)?;
        let h = crate::modules::parcels::Handover {
            at: when,
            clerk: "演示前台".into(),
            collector: crate::modules::parcels::Collector {
                name: p.recipient.name.clone(),
                phone: p.recipient.phone.clone(),
                on_behalf: None,
            },
            id_checked: false,
            signature: signature.meta.id,
        };
        p = p.handed_over(h).ok()?;
        out.push(signature);
    }
    out.insert(0, s.wrap(&p, at)?);
    Some(out)
}
