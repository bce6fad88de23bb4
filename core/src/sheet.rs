//! Reading the office's spreadsheets: `.xlsx` (calamine) and `.csv` in UTF-8 or GBK (Excel on
//! Chinese Windows saves CSV in GBK; detected, decoded with encoding_rs). Bytes in, a table of
//! strings out; what the columns mean is `directory`'s business.
//!
//! These readers are large (GBK tables, zip, XML): only the import worker calls them, so the main
//! app's wasm does not carry them.

use crate::lang::{Lang, Localized};
use serde::{Deserialize, Serialize};

/// A sheet: the first non-empty row as headers, then the data rows (empty rows dropped).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// How the file was encoded (`UTF-8`, `GBK`, `xlsx`).
    pub source: String,
    /// Rows above the header row that were not data (a title row), skipped.
    #[serde(default)]
    pub skipped_above: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum SheetError {
    #[error("the file is empty")]
    Empty,
    #[error("not an .xlsx or .csv file")]
    NotASpreadsheet,
    #[error("the spreadsheet could not be read: {0}")]
    Unreadable(String),
}

impl Localized for SheetError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SheetError::Empty, Lang::Zh) => "文件是空的,没有可导入的内容。".into(),
            (SheetError::Empty, Lang::En) => "The file is empty: nothing to import.".into(),
            (SheetError::NotASpreadsheet, Lang::Zh) => {
                "只能导入 .xlsx 或 .csv 文件。请在 Excel 中“另存为”其中一种。".into()
            }
            (SheetError::NotASpreadsheet, Lang::En) => {
                "Only .xlsx or .csv files can be imported; use Save As in Excel.".into()
            }
            (SheetError::Unreadable(e), Lang::Zh) => format!("表格无法读取,文件可能已损坏({e})。"),
            (SheetError::Unreadable(e), Lang::En) => {
                format!("The spreadsheet cannot be read; the file may be damaged ({e}).")
            }
        }
    }
}

/// Text from CSV bytes: UTF-8 (with or without BOM) when valid, otherwise GBK.
pub fn decode_text(bytes: &[u8]) -> (String, &'static str) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => (encoding_rs::GBK.decode(bytes).0.into_owned(), "GBK"),
    }
}

fn table_from_rows(
    rows: impl Iterator<Item = Vec<String>>,
    source: &str,
) -> Result<Table, SheetError> {
    let mut rows = rows
        .map(|r| {
            r.into_iter()
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|r| r.iter().any(|c| !c.is_empty()));
    let headers = rows.next().ok_or(SheetError::Empty)?;
    Ok(Table {
        headers,
        rows: rows.collect(),
        source: source.into(),
        skipped_above: 0,
    })
}

pub fn read_csv(bytes: &[u8]) -> Result<Table, SheetError> {
    if bytes.is_empty() {
        return Err(SheetError::Empty);
    }
    let (text, source) = decode_text(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let rows: Result<Vec<Vec<String>>, _> = reader
        .records()
        .map(|r| r.map(|rec| rec.iter().map(str::to_string).collect()))
        .collect();
    table_from_rows(
        rows.map_err(|e| SheetError::Unreadable(e.to_string()))?
            .into_iter(),
        source,
    )
}

/// A cell as the office meant it: whole numbers without `.0` (phones are often numbers in
/// Excel), dates as `2026-11-27`.
fn cell_text(c: &calamine::Data) -> String {
    use calamine::Data;
    match c {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e16 => format!("{}", *f as i64),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| d.to_string()),
        other => other.to_string(),
    }
}

pub fn read_xlsx(bytes: &[u8]) -> Result<Table, SheetError> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(SheetError::Empty)?
        .map_err(|e| SheetError::Unreadable(e.to_string()))?;
    table_from_rows(
        range.rows().map(|r| r.iter().map(cell_text).collect()),
        "xlsx",
    )
}

/// Reads a file by its content (an xlsx is a zip) and name.
pub fn read(name: &str, bytes: &[u8]) -> Result<Table, SheetError> {
    if bytes.is_empty() {
        return Err(SheetError::Empty);
    }
    let lower = name.to_lowercase();
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)
    } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
        read_csv(bytes)
    } else {
        Err(SheetError::NotASpreadsheet)
    }
}

/// Test fixtures: a minimal .xlsx written with the zip crate, as Excel would save it.
#[cfg(test)]
pub mod fixtures {
    use std::io::Write;

    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    /// An .xlsx whose first sheet holds `rows`; cells that parse as numbers are written as numbers.
    pub fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
        let mut sheet = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        for (i, row) in rows.iter().enumerate() {
            sheet.push_str(&format!(r#"<row r="{}">"#, i + 1));
            for (j, cell) in row.iter().enumerate() {
                let col = (b'A' + j as u8) as char;
                if cell.parse::<f64>().is_ok() {
                    sheet.push_str(&format!(r#"<c r="{col}{}"><v>{cell}</v></c>"#, i + 1));
                } else {
                    sheet.push_str(&format!(
                        r#"<c r="{col}{}" t="inlineStr"><is><t>{}</t></is></c>"#,
                        i + 1,
                        esc(cell)
                    ));
                }
            }
            sheet.push_str("</row>");
        }
        sheet.push_str("</sheetData></worksheet>");
        let files = [
            ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="住户" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
            ("xl/worksheets/sheet1.xml", sheet),
        ];
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            for (name, body) in files {
                zip.start_file(name, opts).expect("zip entry");
                zip.write_all(body.as_bytes()).expect("zip write");
            }
            zip.finish().expect("zip finish");
        }
        out.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gbk_csv_from_excel_is_detected_and_decoded() {
        let text = "楼栋,单元,房号,姓名,电话\r\n3,1,502,张伟,13800138000\r\n";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let t = read("住户花名册.csv", &bytes).unwrap();
        assert_eq!(t.source, "GBK");
        assert_eq!(t.headers, ["楼栋", "单元", "房号", "姓名", "电话"]);
        assert_eq!(t.rows, vec![vec!["3", "1", "502", "张伟", "13800138000"]]);
    }

    #[test]
    fn a_utf8_csv_with_bom_and_quoted_commas_is_read() {
        let t = read(
            "a.csv",
            "\u{feff}姓名,备注\n\"李四\",\"车位 A-12, 地下\"\n\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(t.source, "UTF-8");
        assert_eq!(t.rows, vec![vec!["李四", "车位 A-12, 地下"]]);
    }

    #[test]
    fn an_xlsx_is_read_with_numbers_as_the_office_typed_them() {
        let bytes = fixtures::xlsx(&[
            &["房号", "姓名", "手机", "面积"],
            &["3-1-502", "张伟", "13800138000", "89.5"],
        ]);
        let t = read("roster.xlsx", &bytes).unwrap();
        assert_eq!(t.source, "xlsx");
        assert_eq!(t.headers, ["房号", "姓名", "手机", "面积"]);
        assert_eq!(t.rows, vec![vec!["3-1-502", "张伟", "13800138000", "89.5"]]);
    }

    #[test]
    fn what_is_not_a_spreadsheet_says_so() {
        assert_eq!(read("a.csv", b""), Err(SheetError::Empty));
        assert_eq!(
            read("photo.jpg", b"\xFF\xD8\xFF"),
            Err(SheetError::NotASpreadsheet)
        );
        assert!(matches!(
            read("x.xlsx", b"PK\x03\x04broken"),
            Err(SheetError::Unreadable(_))
        ));
        assert_eq!(read("a.csv", b"\n,,\n"), Err(SheetError::Empty));
    }
}
