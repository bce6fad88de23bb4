//! The work-order screens' texts.

use crate::i18n::messages;

messages! {
    /// A text of the work-order screens.
    pub enum WorkOrderMsg {
        NoWorkOrders => "还没有工单。", "No work orders yet.";
        FromInspection => "查看巡检", "See the inspection";
    }
}
