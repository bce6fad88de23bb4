//! The handover book as a CSV for Excel: a row per handover, by day started.

use super::{Handover, ix, yuan};
use crate::csv_file::{h, time, write};
use crate::spec::Csv;

/// The book's CSV.
pub const TABLE: Csv = Csv {
    name: "handovers",
    zh: "交接班记录",
    en: "Shift handovers",
    day_index: Some(ix::DAY),
    when: |e| e.decode::<Handover>().ok().map(|h| h.started_at),
    write: |envs, lang, _full| {
        let headers = h(
            lang,
            &[
                ("开始时间", "Started"),
                ("交班人", "Outgoing"),
                ("接班人", "Incoming"),
                ("值班经理", "Duty manager"),
                ("状态", "Stage"),
                ("交接事项", "Items"),
                ("有差异", "With a discrepancy"),
                ("备用金应有(元)", "Float expected (yuan)"),
                ("备用金实点(元)", "Float counted (yuan)"),
                ("差额说明", "Why it differs"),
                ("本班收款(元)", "Taken (yuan)"),
                ("票据", "Vouchers"),
                ("贵重物品", "Valuables"),
                ("完成时间", "Signed off"),
            ],
        );
        let rows: Vec<Handover> = envs.iter().filter_map(|e| e.decode().ok()).collect();
        write(
            &headers,
            rows.iter().map(|x| {
                let who = |s: &Option<super::Signed>| {
                    s.as_ref().map(|s| s.by.clone()).unwrap_or_default()
                };
                vec![
                    time(Some(x.started_at)),
                    x.outgoing.clone(),
                    who(&x.incoming_signed),
                    who(&x.manager_signed),
                    x.stage.label(lang).into(),
                    x.items.len().to_string(),
                    x.items
                        .iter()
                        .filter(|i| !i.note.is_empty())
                        .count()
                        .to_string(),
                    yuan(x.float_expected),
                    yuan(x.counted()),
                    x.cash_note.clone(),
                    yuan(x.takings),
                    x.vouchers.clone(),
                    x.valuables.clone(),
                    time(x.manager_signed.as_ref().map(|s| s.at)),
                ]
            }),
        )
    },
};
