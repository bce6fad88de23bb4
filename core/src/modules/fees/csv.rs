//! Payments and arrears as CSVs for Excel (amounts in 元 with two decimals); payers masked unless
//! the supervisor asks for full data.

use super::money::{month_text, yuan};
use super::services::Owing;
use super::{Payment, ix};
use crate::csv_file::{h, time, write};
use crate::lang::Lang;
use crate::record::Envelope;
use crate::spec::{Csv, Mask};

/// A month as Excel leaves it alone (`2026-12` would become a date): 2026年12月, month 2026-12.
fn month_cell(m: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    match lang {
        Lang::Zh => format!("{}年{}月", m.year(), m.month()),
        Lang::En => format!("month {}", month_text(m)),
    }
}

fn taken(e: &Envelope) -> Option<chrono::DateTime<chrono::Utc>> {
    e.decode::<Payment>().ok().map(|p| p.taken.at)
}

/// The payments, by the day taken.
pub const PAYMENTS: Csv = Csv {
    name: "fee_payments",
    zh: "物业费收款",
    en: "Fee payments",
    day_index: Some(ix::DAY),
    when: taken,
    write: |envs, lang, full| {
        let headers = h(
            lang,
            &[
                ("收款时间", "Taken at"),
                ("房号", "Unit"),
                ("起始月份", "First month"),
                ("截止月份", "Last month"),
                ("应收(元)", "Due (yuan)"),
                ("实收(元)", "Paid (yuan)"),
                ("方式", "Method"),
                ("收据号", "Receipt"),
                ("缴费人", "Paid by"),
                ("备注", "Note"),
                ("经办人", "Taken by"),
            ],
        );
        let rows: Vec<Payment> = envs.iter().filter_map(|e| e.decode().ok()).collect();
        write(
            &headers,
            rows.iter().map(|p| {
                vec![
                    time(Some(p.taken.at)),
                    p.unit.clone(),
                    month_cell(p.first, lang),
                    month_cell(p.last, lang),
                    yuan(p.due_fen),
                    yuan(p.fen),
                    p.method.label(lang).into(),
                    p.receipt.clone(),
                    if full {
                        p.payer.clone()
                    } else {
                        Mask::Name.apply(&p.payer)
                    },
                    p.note.clone(),
                    p.taken.by.clone(),
                ]
            }),
        )
    },
};

/// The arrears list as shown: unit, months, amount, the last reminder.
pub fn arrears(owing: &[Owing], lang: Lang) -> Vec<u8> {
    let headers = h(
        lang,
        &[
            ("房号", "Unit"),
            ("欠费月数", "Months owed"),
            ("欠费月份", "Months"),
            ("欠费金额(元)", "Owed (yuan)"),
            ("托管中", "In custody"),
            ("最近催缴", "Last reminder"),
            ("方式", "How"),
            ("答复", "Answer"),
            ("承诺缴费日", "Promised by"),
        ],
    );
    write(
        &headers,
        owing.iter().map(|o| {
            let r = o.last_reminder.as_ref();
            vec![
                o.unit.clone(),
                o.months.len().to_string(),
                o.months
                    .iter()
                    .map(|m| month_cell(*m, lang))
                    .collect::<Vec<_>>()
                    .join(" "),
                yuan(o.fen),
                if o.in_custody {
                    lang.pick("是", "yes").into()
                } else {
                    String::new()
                },
                r.map(|r| time(Some(r.made.at))).unwrap_or_default(),
                r.map(|r| r.how.label(lang).to_string()).unwrap_or_default(),
                r.map(|r| r.answer.clone()).unwrap_or_default(),
                r.and_then(|r| r.promised)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]
        }),
    )
}
