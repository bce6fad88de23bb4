//! Lists as CSV files that open correctly in Excel: UTF-8 with a byte-order mark (without it
//! Excel on Chinese Windows reads the file as GBK and shows mojibake), headers in the chosen
//! language, times as local time (UTC+8). Written with the `csv` crate, which quotes commas,
//! quotes and line breaks. Each module writes its own list with these (`modules/<m>/csv.rs`).

use crate::lang::Lang;
use crate::time::long;
use chrono::{DateTime, Utc};

/// The UTF-8 byte-order mark Excel needs to read Chinese text.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The first characters that make Excel (or another spreadsheet) read a cell as a formula,
/// with their full-width forms: `=`, `+`, `-`, `@`, tab and carriage return.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// A cell as data, never as a formula: one that could start a formula is prefixed with `'`,
/// which spreadsheets show as text and do not run.
pub fn cell(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// The whole file: BOM, headers, rows; every cell through [`cell`].
pub fn write(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let _ = w.write_record(headers.iter().map(|h| cell(h).into_owned()));
    for r in rows {
        let _ = w.write_record(r.iter().map(|c| cell(c).into_owned()));
    }
    w.into_inner().unwrap_or_default()
}

pub fn time(t: Option<DateTime<Utc>>) -> String {
    t.map(long).unwrap_or_default()
}

pub fn h<'a>(lang: Lang, pairs: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    pairs.iter().map(|(zh, en)| lang.pick(zh, en)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(value: &str) -> String {
        let bytes = write(&["a"], std::iter::once(vec![value.to_string()]));
        let mut r = csv::Reader::from_reader(&bytes[BOM.len()..]);
        r.records().next().unwrap().unwrap()[0].to_string()
    }

    #[test]
    fn a_cell_that_could_start_a_formula_is_written_as_text() {
        for start in ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'] {
            let value = format!("{start}HYPERLINK(\"http://x\",\"x\")");
            assert_eq!(row(&value), format!("'{value}"), "{start:?}");
        }
        assert_eq!(row("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
    }

    #[test]
    fn ordinary_cells_are_left_alone() {
        for v in [
            "张伟",
            "2026-11-27 09:30",
            "3-1-502",
            "138****8000",
            "",
            "a=b",
        ] {
            assert_eq!(row(v), v);
        }
    }
}
