//! Demo visits: spread over the past year, most signed out, some from companies.

use super::{Purpose, VisitForm};
use crate::record::Envelope;
use crate::sample::Sample;
use chrono::Duration;
use rand::Rng;

const COMPANIES: &[&str] = &[
    "顺丰速运",
    "美团",
    "京东物流",
    "链家",
    "万科装饰",
    "海尔售后",
];

/// One demo record, as a list (empty when the draw did not make a valid one).
pub fn visit(s: &mut Sample) -> Vec<Envelope> {
    one(s).into_iter().collect()
}

fn one(s: &mut Sample) -> Option<Envelope> {
    let at = s.time_in_year();
    let company = s.rng().random_bool(0.15);
    let purpose = [
        Purpose::Visit,
        Purpose::Visit,
        Purpose::Visit,
        Purpose::Delivery,
        Purpose::Renovation,
    ][s.rng().random_range(0..5)];
    let form = VisitForm {
        name: s.name(),
        phone: s.mobile(),
        id_number: if s.rng().random_bool(0.7) {
            s.resident_id()
        } else {
            String::new()
        },
        host_unit: if company { String::new() } else { s.unit() },
        host_company: if company {
            s.pick(COMPANIES).to_string()
        } else {
            String::new()
        },
        purpose,
        plate: if s.rng().random_bool(0.3) {
            s.plate()
        } else {
            String::new()
        },
        ..VisitForm::default()
    };
    let mut v = form.parse(at, "演示前台").ok()?;
    // All but the last few hours' visitors have left.
    if s.now() - at > Duration::hours(4) {
        let out = at + Duration::minutes(s.rng().random_range(10..240));
        v = v.signed_out(out.min(s.now()), "演示前台");
    }
    s.wrap(&v, at)
}
