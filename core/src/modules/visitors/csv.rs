//! The visitor log as a CSV for Excel, ID numbers masked unless a supervisor asks.

use super::{Visit, ix};
use crate::csv_file::{h, time, write};
use crate::lang::Lang;
use crate::record::Envelope;
use crate::spec::Csv;
use chrono::{DateTime, Utc};

fn decode(envs: &[Envelope]) -> Vec<Visit> {
    envs.iter().filter_map(|e| e.decode().ok()).collect()
}

fn when(e: &Envelope) -> Option<DateTime<Utc>> {
    e.decode::<Visit>().ok().map(|v| v.time_in)
}

/// The visitor log's CSV, by arrival day.
pub const TABLE: Csv = Csv {
    name: "visits",
    zh: "访客",
    en: "Visitors",
    day_index: Some(ix::DAY),
    when,
    write: |envs, lang, full_ids| visits(&decode(envs), lang, full_ids),
};

/// The visitor log.
pub fn visits(visits: &[Visit], lang: Lang, full_ids: bool) -> Vec<u8> {
    let headers = h(
        lang,
        &[
            ("到访时间", "Arrived"),
            ("离开时间", "Left"),
            ("姓名", "Name"),
            ("电话", "Phone"),
            ("证件号", "ID number"),
            ("被访房号/单位", "Visiting"),
            ("事由", "Purpose"),
            ("人数", "Party"),
            ("车牌", "Plate"),
            ("登记人", "Registered by"),
            ("备注", "Notes"),
        ],
    );
    write(
        &headers,
        visits.iter().map(|v| {
            let id = match (&v.id_doc, full_ids) {
                (Some(d), true) => d.full_number().to_string(),
                (Some(d), false) => d.masked(),
                (None, _) => String::new(),
            };
            vec![
                time(Some(v.time_in)),
                time(v.time_out),
                v.name.clone(),
                v.phone
                    .as_ref()
                    .map(|p| p.digits().to_string())
                    .unwrap_or_default(),
                id,
                v.host.display(),
                v.purpose.label(lang).into(),
                v.party_size.to_string(),
                v.plate
                    .as_ref()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_default(),
                v.clerk.clone(),
                v.notes.clone(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv_file::BOM;
    use crate::modules::visitors::VisitForm;
    use chrono::TimeZone;

    fn visit(notes: &str) -> Visit {
        VisitForm {
            name: "张伟".into(),
            phone: "13800138000".into(),
            id_number: "11010519491231002X".into(),
            host_unit: "3-1-502".into(),
            notes: notes.into(),
            ..VisitForm::default()
        }
        .parse(
            Utc.with_ymd_and_hms(2026, 11, 27, 1, 30, 0).unwrap(),
            "李前台",
        )
        .unwrap()
    }

    fn read(bytes: &[u8]) -> Vec<Vec<String>> {
        assert!(bytes.starts_with(BOM), "Excel needs the BOM");
        csv::Reader::from_reader(&bytes[3..])
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn visits_open_in_excel_with_chinese_headers_local_times_and_masked_ids() {
        let bytes = visits(&[visit("送货, \"加急\"\n第二行")], Lang::Zh, false);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.starts_with("到访时间,离开时间,姓名,电话,证件号"));
        let rows = read(&bytes);
        assert_eq!(
            rows[0][0], "2026-11-27 09:30",
            "UTC 01:30 is 09:30 in China"
        );
        assert_eq!(rows[0][2], "张伟");
        assert_eq!(rows[0][4], "110105********002X");
        assert!(!text.contains("11010519491231002X"));
        assert_eq!(
            rows[0][10], "送货, \"加急\"\n第二行",
            "commas, quotes and lines survive"
        );
    }

    #[test]
    fn full_id_numbers_only_when_asked_and_english_headers_when_chosen() {
        let bytes = visits(&[visit("")], Lang::En, true);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.starts_with("Arrived,Left,Name"));
        assert_eq!(read(&bytes)[0][4], "11010519491231002X");
    }
}
