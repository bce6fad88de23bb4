//! The key register and the loans as CSVs for Excel; borrowers masked unless the supervisor asks
//! for full data.

use super::{Key, KeyLoan, ix};
use crate::csv_file::{h, time, write};
use crate::record::Envelope;
use crate::spec::{Csv, Mask};

/// The register.
pub const KEYS: Csv = Csv {
    name: "keys",
    zh: "钥匙登记",
    en: "Key register",
    day_index: None,
    // The whole register, whatever the dates asked.
    when: |_| None,
    write: |envs, lang, _full| {
        let headers = h(
            lang,
            &[
                ("钥匙名称", "Key"),
                ("用途", "Opens"),
                ("房号", "Unit"),
                ("位置", "Place"),
                ("挂钩号", "Hook"),
                ("份数", "Copies"),
                ("状态", "State"),
            ],
        );
        let rows: Vec<Key> = envs.iter().filter_map(|e| e.decode().ok()).collect();
        write(
            &headers,
            rows.iter().map(|k| {
                vec![
                    k.label.clone(),
                    k.opens.label(lang).into(),
                    k.unit.clone(),
                    k.place.clone(),
                    k.hook.clone(),
                    k.copies.to_string(),
                    if k.retired {
                        lang.pick("已停用", "No longer held").into()
                    } else {
                        lang.pick("在用", "Held").into()
                    },
                ]
            }),
        )
    },
};

fn lent(e: &Envelope) -> Option<chrono::DateTime<chrono::Utc>> {
    e.decode::<KeyLoan>().ok().map(|l| l.out_at)
}

/// The loans, by day lent.
pub const LOANS: Csv = Csv {
    name: "key_loans",
    zh: "钥匙借用",
    en: "Key loans",
    day_index: Some(ix::DAY),
    when: lent,
    write: |envs, lang, full| {
        let headers = h(
            lang,
            &[
                ("钥匙", "Key"),
                ("借用人类别", "Borrower"),
                ("借用人", "Name"),
                ("电话", "Phone"),
                ("房号", "Unit"),
                ("原因", "Reason"),
                ("借出时间", "Lent at"),
                ("应还时间", "Due back"),
                ("经办人", "Lent by"),
                ("归还时间", "Back at"),
                ("归还状况", "Condition"),
                ("说明", "Note"),
            ],
        );
        let rows: Vec<KeyLoan> = envs.iter().filter_map(|e| e.decode().ok()).collect();
        write(
            &headers,
            rows.iter().map(|l| {
                let phone = l
                    .phone
                    .as_ref()
                    .map(|p| p.digits().to_string())
                    .unwrap_or_default();
                let masked = |m: Mask, v: &str| {
                    if full || v.is_empty() {
                        v.to_string()
                    } else {
                        m.apply(v)
                    }
                };
                vec![
                    l.key_label.clone(),
                    l.borrower.label(lang).into(),
                    masked(Mask::Name, &l.name),
                    masked(Mask::Phone, &phone),
                    l.unit.clone(),
                    l.reason.clone(),
                    time(Some(l.out_at)),
                    time(Some(l.due)),
                    l.out_by.clone(),
                    time(l.returned.as_ref().map(|r| r.at)),
                    l.returned
                        .as_ref()
                        .map(|r| r.condition.label(lang).to_string())
                        .unwrap_or_default(),
                    l.returned
                        .as_ref()
                        .map(|r| r.note.clone())
                        .unwrap_or_default(),
                ]
            }),
        )
    },
};
