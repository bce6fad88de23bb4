//! Lists as CSV files that open correctly in Excel: UTF-8 with a byte-order mark (without it
//! Excel on Chinese Windows reads the file as GBK and shows mojibake), headers in the chosen
//! language, times as local time (UTC+8). Written with the `csv` crate, which quotes commas,
//! quotes and line breaks. Each module writes its own list with these (`modules/<m>/csv.rs`).

use crate::lang::Lang;
use crate::time::long;
use chrono::{DateTime, Utc};

/// The UTF-8 byte-order mark Excel needs to read Chinese text.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn write(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let _ = w.write_record(headers);
    for r in rows {
        let _ = w.write_record(&r);
    }
    w.into_inner().unwrap_or_default()
}

pub fn time(t: Option<DateTime<Utc>>) -> String {
    t.map(long).unwrap_or_default()
}

pub fn h<'a>(lang: Lang, pairs: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    pairs.iter().map(|(zh, en)| lang.pick(zh, en)).collect()
}
