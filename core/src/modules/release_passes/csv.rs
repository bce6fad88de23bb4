//! Passes as a CSV for Excel, by the day each is for; applicants, owners and plates masked unless
//! the supervisor asks for full data.

use super::{Pass, ix};
use crate::csv_file::{h, time, write};
use crate::record::Envelope;
use crate::spec::{Csv, Mask};

fn day_of(e: &Envelope) -> Option<chrono::DateTime<chrono::Utc>> {
    e.decode::<Pass>()
        .ok()
        .map(|p| crate::time::at_local(p.date, chrono::NaiveTime::MIN))
}

/// The passes, by their day.
pub const PASSES: Csv = Csv {
    name: "release_passes",
    zh: "放行条",
    en: "Release passes",
    day_index: Some(ix::DATE),
    when: day_of,
    write: |envs, lang, full| {
        let headers = h(
            lang,
            &[
                ("放行日期", "Day"),
                ("放行码", "Code"),
                ("申请人类别", "Applicant"),
                ("房号", "Unit"),
                ("申请人", "Name"),
                ("物品", "Items"),
                ("车牌号", "Plate"),
                ("出口", "Gate"),
                ("原因", "Reason"),
                ("状态", "State"),
                ("登记", "Taken by"),
                ("审批", "Decided by"),
                ("门岗核验", "At the gate"),
            ],
        );
        let mask = |m: Mask, v: &str| if full { v.to_string() } else { m.apply(v) };
        let rows: Vec<Pass> = envs.iter().filter_map(|e| e.decode().ok()).collect();
        write(
            &headers,
            rows.iter().map(|p| {
                vec![
                    p.date.to_string(),
                    p.code.clone(),
                    p.applicant.label(lang).into(),
                    p.unit.clone(),
                    mask(Mask::Name, &p.name),
                    p.items
                        .iter()
                        .map(|i| format!("{} × {}", i.what, i.qty))
                        .collect::<Vec<_>>()
                        .join("、"),
                    p.plate
                        .as_ref()
                        .map(|x| mask(Mask::Plate, x.as_str()))
                        .unwrap_or_default(),
                    p.gate.clone(),
                    p.reason.label(lang).into(),
                    p.state.label(lang).into(),
                    format!("{} {}", p.applied.by, time(Some(p.applied.at))),
                    p.decided
                        .as_ref()
                        .map(|d| format!("{} {}", d.by, time(Some(d.at))))
                        .unwrap_or_default(),
                    p.gate_mark
                        .as_ref()
                        .map(|m| format!("{} {} {}", m.by, time(Some(m.at)), m.note))
                        .unwrap_or_default(),
                ]
            }),
        )
    },
};
