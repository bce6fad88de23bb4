//! Calls and walk-ins as a CSV for Excel, by day; the caller masked unless the supervisor asks
//! for full data.

use super::{Contact, ix};
use crate::csv_file::{h, time, write};
use crate::lang::Lang;
use crate::record::Envelope;
use crate::spec::{Csv, Mask};
use chrono::{DateTime, Utc};

fn when(e: &Envelope) -> Option<DateTime<Utc>> {
    e.decode::<Contact>().ok().map(|c| c.at)
}

/// The calls' CSV.
pub const TABLE: Csv = Csv {
    name: "contacts",
    zh: "来电来访",
    en: "Calls and walk-ins",
    day_index: Some(ix::DAY),
    when,
    write: |envs, lang, full| {
        let rows: Vec<Contact> = envs.iter().filter_map(|e| e.decode().ok()).collect();
        contacts_csv(&rows, lang, full)
    },
};

pub fn contacts_csv(rows: &[Contact], lang: Lang, full: bool) -> Vec<u8> {
    let headers = h(
        lang,
        &[
            ("时间", "Time"),
            ("方式", "Way"),
            ("事由", "About"),
            ("来电人", "Caller"),
            ("电话", "Phone"),
            ("房号", "Unit"),
            ("内容", "What they said"),
            ("当场答复", "Answered"),
            ("转交", "Passed to"),
            ("答复时间", "Replied"),
            ("经办人", "Clerk"),
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
                time(Some(c.at)),
                c.way.label(lang).into(),
                c.topic.label(lang).into(),
                if full || c.caller.is_empty() {
                    c.caller.clone()
                } else {
                    Mask::Name.apply(&c.caller)
                },
                if full || phone.is_empty() {
                    phone
                } else {
                    Mask::Phone.apply(&phone)
                },
                c.unit.clone(),
                c.said.clone(),
                c.answer.clone(),
                c.passed_to.clone(),
                time(c.reply.as_ref().map(|r| r.at)),
                c.by.clone(),
            ]
        }),
    )
}
