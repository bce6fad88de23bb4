//! Parcels received and left at the desk as a CSV for Excel.

use super::{Parcel, ix};
use crate::csv_file::{h, time, write};
use crate::lang::Lang;
use crate::record::Envelope;
use crate::spec::Csv;
use chrono::{DateTime, Utc};

fn decode(envs: &[Envelope]) -> Vec<Parcel> {
    envs.iter().filter_map(|e| e.decode().ok()).collect()
}

fn when(e: &Envelope) -> Option<DateTime<Utc>> {
    e.decode::<Parcel>().ok().map(|p| p.received_at)
}

/// The parcels' CSV, by day received.
pub const TABLE: Csv = Csv {
    name: "parcels",
    zh: "快递",
    en: "Parcels",
    day_index: Some(ix::DAY),
    when,
    write: |envs, lang, _| parcels(&decode(envs), lang),
};

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
                p.state().label(lang).into(),
                time(p.closed_at),
                p.received_by.clone(),
            ]
        }),
    )
}
