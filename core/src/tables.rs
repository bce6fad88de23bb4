//! Lists as CSV files that open correctly in Excel: UTF-8 with a byte-order mark (without it
//! Excel on Chinese Windows reads the file as GBK and shows mojibake), headers in the chosen
//! language, times as local time (UTC+8), ID numbers masked unless the supervisor asks for full
//! numbers. Written with the `csv` crate, which quotes commas, quotes and line breaks.

use crate::lang::Lang;
use crate::modules::parcels::{Outcome, Parcel, ParcelState};
use crate::modules::residents::Resident;
use crate::modules::visitors::Visit;
use crate::time::long;
use chrono::{DateTime, Utc};

/// The UTF-8 byte-order mark Excel needs to read Chinese text.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

fn write(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let _ = w.write_record(headers);
    for r in rows {
        let _ = w.write_record(&r);
    }
    w.into_inner().unwrap_or_default()
}

fn time(t: Option<DateTime<Utc>>) -> String {
    t.map(long).unwrap_or_default()
}

fn h<'a>(lang: Lang, pairs: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    pairs.iter().map(|(zh, en)| lang.pick(zh, en)).collect()
}

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

fn parcel_state(p: &Parcel, lang: Lang) -> &'static str {
    match p.state() {
        ParcelState::Received => lang.pick("待领取", "On the shelf"),
        ParcelState::Notified => lang.pick("已通知", "Notified"),
        ParcelState::Closed(Outcome::PickedUp) => lang.pick("已领取", "Picked up"),
        ParcelState::Closed(Outcome::Returned) => lang.pick("已退回", "Returned"),
        ParcelState::Closed(Outcome::Lost) => lang.pick("丢失", "Lost"),
        ParcelState::Closed(Outcome::Collected) => lang.pick("已寄出", "Collected"),
    }
}

/// Parcels received and left at the desk.
pub fn parcels(parcels: &[Parcel], lang: Lang) -> Vec<u8> {
    let headers = h(
        lang,
        &[
            ("入库时间", "Received"),
            ("快递单号", "Tracking number"),
            ("快递公司", "Carrier"),
            ("类型", "Type"),
            ("房号", "Unit"),
            ("收件人", "Recipient"),
            ("电话", "Phone"),
            ("货架", "Shelf"),
            ("取件码", "Pickup code"),
            ("状态", "Status"),
            ("完成时间", "Closed"),
            ("经办人", "Handled by"),
        ],
    );
    write(
        &headers,
        parcels.iter().map(|p| {
            vec![
                time(Some(p.received_at)),
                p.tracking.clone(),
                p.carrier.label(lang).into(),
                p.kind.label(lang).into(),
                p.recipient.unit.clone(),
                p.recipient.name.clone(),
                p.recipient
                    .phone
                    .as_ref()
                    .map(|x| x.digits().to_string())
                    .unwrap_or_default(),
                p.shelf.clone(),
                p.pickup_code.clone(),
                parcel_state(p, lang).into(),
                time(p.closed_at),
                p.received_by.clone(),
            ]
        }),
    )
}

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

#[cfg(test)]
mod tests {
    use super::*;
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
