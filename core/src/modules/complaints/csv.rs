//! Complaints as a CSV for Excel, by day recorded; the complainant masked unless the
//! supervisor asks for full data.

use super::{Complaint, ix};
use crate::csv_file::{h, time, write};
use crate::lang::Lang;
use crate::record::Envelope;
use crate::spec::{Csv, Mask};
use chrono::{DateTime, Utc};

fn when(e: &Envelope) -> Option<DateTime<Utc>> {
    e.decode::<Complaint>().ok().map(|c| c.created_at)
}

/// The complaints' CSV.
pub const TABLE: Csv = Csv {
    name: "complaints",
    zh: "投诉",
    en: "Complaints",
    day_index: Some(ix::DAY),
    when,
    write: |envs, lang, full| {
        let rows: Vec<Complaint> = envs.iter().filter_map(|e| e.decode().ok()).collect();
        complaints_csv(&rows, lang, full)
    },
};

pub fn complaints_csv(rows: &[Complaint], lang: Lang, full: bool) -> Vec<u8> {
    let headers = h(
        lang,
        &[
            ("登记时间", "Recorded"),
            ("性质", "Kind"),
            ("进度", "Stage"),
            ("房号", "Unit"),
            ("投诉人", "Who"),
            ("电话", "Phone"),
            ("内容", "Complaint"),
            ("地点", "Where"),
            ("负责部门", "Department"),
            ("满意度", "Satisfaction"),
            ("完成时间", "Last step"),
            ("登记人", "Recorded by"),
        ],
    );
    write(
        &headers,
        rows.iter().map(|c| {
            let phone = c
                .phone
                .as_ref()
                .map(|p| p.digits().to_string())
                .unwrap_or_default();
            vec![
                time(Some(c.created_at)),
                c.kind.label(lang).into(),
                c.stage.label(lang).into(),
                c.unit.clone(),
                if full || c.name.is_empty() {
                    c.name.clone()
                } else {
                    Mask::Name.apply(&c.name)
                },
                if full || phone.is_empty() {
                    phone
                } else {
                    Mask::Phone.apply(&phone)
                },
                c.what.clone(),
                c.place.clone(),
                c.department
                    .map(|d| d.label(lang).to_string())
                    .unwrap_or_default(),
                c.satisfaction
                    .map(|s| s.label(lang).to_string())
                    .unwrap_or_default(),
                time(c.steps.last().map(|s| s.at)),
                c.created_by.clone(),
            ]
        }),
    )
}
