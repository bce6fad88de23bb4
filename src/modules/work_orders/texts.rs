//! The work-order screens' texts.

use crate::i18n::messages;

messages! {
    /// A text of the work-order screens.
    pub enum WorkOrderMsg {
        NoWorkOrders => "没有符合条件的工单。", "No work orders match.";
        FromInspection => "查看巡检", "See the inspection";
        Take => "报修登记", "Take a request";
        List => "工单列表", "Orders";
        FollowUps => "待回访", "To follow up";
        TakeTitle => "登记报修", "Take a repair request";
        Source => "报修来源", "Reported by way of";
        Where => "报修位置", "Where";
        UnitOrArea => "房号(或留空并选公共区域)", "Unit (or leave empty and choose a public area)";
        PublicArea => "公共区域", "Public area";
        PublicAreaHint => "如 大堂、3号楼电梯", "e.g. lobby, building 3 elevator";
        Reporter => "报修人", "Reported by";
        Category => "报修类别", "Category";
        Description => "报修内容", "What is wrong";
        Urgency => "紧急程度", "Urgency";
        WindowFrom => "预约上门 从", "Appointment from";
        WindowTo => "到", "to";
        PaidWork => "有偿服务(业主付费)", "Paid by the owner";
        Quote => "报价(元)", "Quote (yuan)";
        Save => "登记", "Save";
        Saved => "已登记工单", "Work order saved";
        UnitOpen => "这户还有未完成的工单,是同一件事吗?", "This unit has open orders: is it the same problem?";
        SameProblem => "是同一件事,关联", "Same problem: link it";
        Linked => "已关联", "Linked";
        Unlink => "取消关联", "Unlink";
        Search => "搜索(工单号、房号、姓名、电话)", "Search (number, unit, name, phone)";
        AllOpen => "未完成", "Open";
        Late => "超时", "Late";
        Dispatch => "派单", "Dispatch";
        Reassign => "改派", "Reassign";
        Department => "部门", "Department";
        Worker => "维修人员", "Worker";
        NoWorker => "(未指定)", "(not named)";
        Start => "开始处理", "Start";
        Complete => "完工确认", "Record completion";
        CompletionNote => "完工说明", "What was done";
        Materials => "材料", "Materials";
        Fee => "收费(元)", "Fee (yuan)";
        NobodyHome => "无人在家(不签字,写明情况)", "Nobody home (no signature; say what happened)";
        OwnerSigns => "请业主在此签名确认", "The owner signs here";
        FollowUp => "回访", "Follow up";
        Satisfaction => "满意度", "Satisfaction";
        Fixed => "已修好", "Fixed";
        NotFixed => "没修好", "Not fixed";
        Comment => "业主意见", "Owner's comment";
        Close => "关闭工单", "Close";
        Hold => "暂缓", "Hold";
        HoldReason => "暂缓原因", "Why it waits";
        HoldUntil => "恢复日期", "Resume on";
        Resume => "恢复", "Resume";
        Cancel => "取消工单", "Cancel the order";
        CancelReason => "取消原因", "Why it is cancelled";
        Steps => "处理记录", "Steps";
        Print => "打印派工单", "Print the job sheet";
        JobSheet => "派工单", "Job sheet";
        NotFound => "找不到这张工单。", "No such work order.";
        Rework => "返工", "Rework";
        Moved => "工单已更新", "Work order updated";
        SettingsTitle => "工单设置", "Work orders";
        WorkersList => "维修人员(每行一人)", "Workers (one per line)";
        UrgentArrive => "紧急:到场时限(分钟)", "Urgent: arrive within (min)";
        UrgentFinish => "紧急:完成时限(分钟)", "Urgent: finish within (min)";
        NormalArrive => "一般:到场时限(分钟)", "Normal: arrive within (min)";
        NormalFinish => "一般:完成时限(分钟)", "Normal: finish within (min)";
        KeepDays => "工单个人信息保留天数", "Keep reporters' data (days)";
        BadWorkSettings => "时限请填 1 到 10080 分钟,保留天数 30 到 3650。", "Limits take 1 to 10080 minutes; keep 30 to 3650 days.";
        HomeTitle => "工单", "Work orders";
        OpenCount => "未完成", "open";
        LateCount => "超时", "late";
        FollowUpCount => "待回访", "to follow up";
        Status => "状态", "Status";
        Contact => "联系人", "Contact";
        Taken => "报修时间", "Taken";
        Quoted => "报价", "Quote";
        Unpaid => "无偿", "Free";
        Paid => "有偿", "Paid";
        OtherOrders => "这户的工单", "This unit's orders";
        ReworkTimes => "返工次数", "Reworks";
    }
}
