//! Demo inspections: a built-in template walked, every item answered, a few failing.

use super::{Inspection, Value};
use crate::modules::inspections;
use crate::record::Envelope;
use crate::sample::Sample;
use chrono::Duration;
use rand::Rng;

/// A finished inspection of a built-in template, every item answered (a few failing).
/// One demo record, as a list (empty when the draw did not make a valid one).
pub fn inspection(s: &mut Sample) -> Vec<Envelope> {
    one(s).unwrap_or_default()
}

/// An inspection and its signature's photo record.
fn one(s: &mut Sample) -> Option<Vec<Envelope>> {
    let at = s.time_in_year();
    let all = inspections::builtins();
    let (tid, t) = &all[s.rng().random_range(0..all.len())];
    let mut i = Inspection::start(
        *tid,
        t,
        &format!("{}栋", s.rng().random_range(1..21)),
        "",
        "演示巡检员",
        at,
    );
    let items: Vec<inspections::Item> = i.items().cloned().collect();
    for item in &items {
        let fail = s.rng().random_bool(0.05);
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
            inspections::ItemKind::Photo | inspections::ItemKind::Signature => Value::NotApplicable,
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
    let done = at + Duration::minutes(30);
    let sig = crate::modules::photos::demo_signature(s, done)?;
    i.finish(Some(sig.meta.id), "演示巡检员", done).ok()?;
    Some(vec![s.wrap(&i, done)?, sig])
}
