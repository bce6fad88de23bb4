//! 工单 Work orders: a repair job the desk dispatches and follows up. Today one is made from a
//! failed inspection item (see the inspections module); the repairs module will grow it.

use crate::lang::labelled_enum;
use crate::record::{Meta, Record, RecordId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

labelled_enum!(WorkStatus {
    Pending => "pending", "待派单", "To dispatch", [];
    Dispatched => "dispatched", "已派单", "Dispatched", [];
    InProgress => "in_progress", "处理中", "In progress", [];
    Done => "done", "已完成", "Done", [];
    Closed => "closed", "已回访/关闭", "Closed", [];
    OnHold => "on_hold", "暂缓", "On hold", [];
    Cancelled => "cancelled", "已取消", "Cancelled", [];
});

/// A repair work order (the minimal record the service desk will grow): made from a failed
/// inspection item, linked both ways.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkOrder {
    pub place: String,
    #[serde(default)]
    pub unit: String,
    pub item: String,
    pub description: String,
    #[serde(default)]
    pub photos: Vec<RecordId>,
    pub status: WorkStatus,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    /// The inspection and item it came from.
    #[serde(default)]
    pub inspection: Option<RecordId>,
    #[serde(default)]
    pub item_key: String,
}

impl Record for WorkOrder {
    const KIND: &'static str = "work_order";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![("status", self.status.code().to_string())];
        if !self.unit.is_empty() {
            v.push(("unit", self.unit.clone()));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.created_at
    }
}

/// Make and work repair work orders.
pub const HANDLE_WORK_ORDERS: crate::actor::Action = crate::actor::Action::new(
    "handle_work_orders",
    &[
        crate::actor::Role::Inspector,
        crate::actor::Role::Supervisor,
        crate::actor::Role::Clerk,
    ],
    "处理工单",
    "handle work orders",
);

fn photos_of(env: &crate::record::Envelope) -> Vec<RecordId> {
    env.decode::<WorkOrder>()
        .map(|w| w.photos)
        .unwrap_or_default()
}

/// The work-orders module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "work-orders",
    zh: "工单",
    en: "Work orders",
    kinds: &[
        crate::spec::KindSpec::of::<WorkOrder>("work-orders", HANDLE_WORK_ORDERS)
            .named("工单", "Work order")
            .photos(photos_of),
    ],
    exportable: true,
    settings: &[],
    demo: None,
};
