//! Demo work orders: the desk's usual repairs at every stage of the status machine.

use super::{Category, Completion, FollowUp, Move, Request, Satisfaction, Source, Urgency};
use crate::actor::Role;
use crate::modules::work_orders::Department;
use crate::record::Envelope;
use crate::sample::Sample;
use chrono::Duration;
use rand::Rng;

const PROBLEMS: &[(Category, &str)] = &[
    (Category::Water, "卫生间水龙头漏水"),
    (Category::Drain, "厨房下水道堵塞"),
    (Category::Electric, "客厅插座没电"),
    (Category::DoorWindow, "阳台推拉门关不上"),
    (Category::Lock, "入户门锁芯卡住"),
    (Category::Wall, "卧室墙面渗水起皮"),
    (Category::Facility, "单元门禁刷卡无反应"),
    (Category::Elevator, "电梯按钮失灵"),
];

/// One demo order (with its owner's signature when it got that far), as a list.
pub fn order(s: &mut Sample) -> Vec<Envelope> {
    one(s).unwrap_or_default()
}

fn one(s: &mut Sample) -> Option<Vec<Envelope>> {
    let at = s.time_in_year();
    let (category, text) = PROBLEMS[s.rng().random_range(0..PROBLEMS.len())];
    let public = category == Category::Elevator || category == Category::Facility;
    let request = Request {
        source: Some(
            [Source::Phone, Source::Visit, Source::OwnersGroup][s.rng().random_range(0..3)],
        ),
        unit: if public { String::new() } else { s.unit() },
        place: if public {
            "大堂".into()
        } else {
            String::new()
        },
        reporter: s.name(),
        phone: s.mobile(),
        category: Some(category),
        description: text.into(),
        urgency: Some(if s.rng().random_bool(0.2) {
            Urgency::Urgent
        } else {
            Urgency::Normal
        }),
        ..Request::default()
    };
    let day = at.with_timezone(&crate::time::china()).date_naive();
    let number = super::number(day, "demo", s.rng().random_range(1..999));
    let mut o = request.parse(number, at, "演示前台").ok()?;
    let roles = [Role::Supervisor];
    let mut t = at;
    let mut out = Vec::new();
    let stage = s.rng().random_range(0..5u8);
    let moves = [Move::Dispatch {
        department: Some(Department::Maintenance),
        worker: "李师傅".into(),
    }];
    for n in 1..=stage {
        t = (t + Duration::minutes(s.rng().random_range(20..600))).min(s.now());
        let mv = match n {
            1 => moves[0].clone(),
            2 => {
                let signature = crate::modules::photos::demo_signature(s, t)?;
                let c = Completion {
                    note: "已更换配件,试用正常".into(),
                    signature: Some(signature.meta.id),
                    ..Completion::default()
                };
                out.push(signature);
                Move::Complete(c)
            }
            3 => Move::FollowUp(FollowUp {
                satisfaction: Satisfaction::Satisfied,
                fixed: true,
                comment: String::new(),
            }),
            _ => Move::Close,
        };
        o = o.apply(&mv, "演示前台", &roles, t).ok()?;
    }
    out.insert(0, s.wrap(&o, at)?);
    Some(out)
}
