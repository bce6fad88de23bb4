//! Work orders as a CSV for Excel: one row per order, by day taken. The reporter's phone is
//! masked unless the supervisor asks for full data.

use super::{WorkOrder, ix, yuan};
use crate::csv_file::{h, time, write};
use crate::lang::Lang;
use crate::record::Envelope;
use crate::spec::{Csv, Mask};
use chrono::{DateTime, Utc};

fn when(e: &Envelope) -> Option<DateTime<Utc>> {
    e.decode::<WorkOrder>().ok().map(|o| o.created_at)
}

/// The work orders' CSV, by day taken.
pub const TABLE: Csv = Csv {
    name: "work_orders",
    zh: "工单",
    en: "Work orders",
    day_index: Some(ix::DAY),
    when,
    write: |envs, lang, full| {
        let orders: Vec<(Envelope, WorkOrder)> = envs
            .iter()
            .filter_map(|e| e.decode().ok().map(|o| (e.clone(), o)))
            .collect();
        orders_csv(&orders, lang, full)
    },
};

/// Work orders with their number, place, problem, status, people and times.
pub fn orders_csv(orders: &[(Envelope, WorkOrder)], lang: Lang, full: bool) -> Vec<u8> {
    let headers = h(
        lang,
        &[
            ("工单号", "Number"),
            ("报修时间", "Taken"),
            ("来源", "Source"),
            ("房号/区域", "Unit or area"),
            ("报修人", "Reported by"),
            ("电话", "Phone"),
            ("类别", "Category"),
            ("内容", "Problem"),
            ("紧急程度", "Urgency"),
            ("状态", "Status"),
            ("部门", "Department"),
            ("维修人员", "Worker"),
            ("返工次数", "Reworks"),
            ("满意度", "Satisfaction"),
            ("有偿报价(元)", "Quote (yuan)"),
            ("材料", "Materials"),
            ("收费(元)", "Fee (yuan)"),
            ("回访意见", "Follow-up comment"),
            ("完成时间", "Done"),
            ("登记人", "Taken by"),
        ],
    );
    write(
        &headers,
        orders.iter().map(|(e, o)| {
            let phone = o
                .phone
                .as_ref()
                .map(|p| p.digits().to_string())
                .unwrap_or_default();
            let done = o
                .steps
                .iter()
                .rev()
                .find(|s| s.to == super::WorkStatus::Done)
                .map(|s| s.at);
            vec![
                o.shown_number(e.meta.id),
                time(Some(o.created_at)),
                o.source.label(lang).into(),
                if o.unit.is_empty() {
                    o.place.clone()
                } else {
                    o.unit.clone()
                },
                if full || o.reporter.is_empty() {
                    o.reporter.clone()
                } else {
                    Mask::Name.apply(&o.reporter)
                },
                if full || phone.is_empty() {
                    phone
                } else {
                    Mask::Phone.apply(&phone)
                },
                o.category.label(lang).into(),
                o.description.clone(),
                o.urgency.label(lang).into(),
                o.status.label(lang).into(),
                o.department
                    .map(|d| d.label(lang).to_string())
                    .unwrap_or_default(),
                o.worker.clone(),
                o.rework.to_string(),
                o.follow_up
                    .as_ref()
                    .map(|f| f.satisfaction.label(lang).to_string())
                    .unwrap_or_default(),
                if o.paid {
                    yuan(o.quote_fen)
                } else {
                    String::new()
                },
                o.completion
                    .as_ref()
                    .map(|c| c.materials.clone())
                    .unwrap_or_default(),
                o.completion
                    .as_ref()
                    .filter(|c| c.fee_fen > 0)
                    .map(|c| yuan(c.fee_fen))
                    .unwrap_or_default(),
                // Free text may name people: only when the supervisor asks for full data.
                o.follow_up
                    .as_ref()
                    .filter(|_| full)
                    .map(|f| f.comment.clone())
                    .unwrap_or_default(),
                time(done),
                o.created_by.clone(),
            ]
        }),
    )
}
