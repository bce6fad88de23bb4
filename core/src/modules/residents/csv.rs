//! The residents directory as a CSV for Excel, ID numbers masked unless a supervisor asks.

use super::Resident;
use crate::csv_file::{h, write};
use crate::lang::Lang;
use crate::record::Envelope;
use crate::spec::Csv;

fn decode(envs: &[Envelope]) -> Vec<Resident> {
    envs.iter().filter_map(|e| e.decode().ok()).collect()
}

/// The whole directory (dates do not apply).
pub const TABLE: Csv = Csv {
    name: "residents",
    zh: "住户",
    en: "Residents",
    day_index: None,
    when: |_| None,
    write: |envs, lang, full_ids| residents(&decode(envs), lang, full_ids),
};

/// The residents directory.
pub fn residents(residents: &[Resident], lang: Lang, full_ids: bool) -> Vec<u8> {
    let headers = h(
        lang,
        &[
            ("房号", "Units"),
            ("姓名", "Name"),
            ("身份", "Role"),
            ("电话", "Phones"),
            ("证件号", "ID number"),
            ("入住日期", "Moved in"),
            ("车牌/车位", "Vehicles"),
            ("备注", "Notes"),
        ],
    );
    write(
        &headers,
        residents.iter().map(|r| {
            let join = |v: Vec<String>| v.join(" / ");
            vec![
                join(r.units.iter().map(|u| u.to_string()).collect()),
                r.name.clone(),
                r.role.label(lang).into(),
                join(r.phones.iter().map(|p| p.digits().to_string()).collect()),
                match (&r.id_doc, full_ids) {
                    (Some(d), true) => d.full_number().to_string(),
                    (Some(d), false) => d.masked(),
                    (None, _) => String::new(),
                },
                r.move_in.map(|d| d.to_string()).unwrap_or_default(),
                join(
                    r.vehicles
                        .iter()
                        .map(|v| {
                            format!("{} {}", v.plate.as_str(), v.space)
                                .trim()
                                .to_string()
                        })
                        .collect(),
                ),
                r.notes.clone(),
            ]
        }),
    )
}
