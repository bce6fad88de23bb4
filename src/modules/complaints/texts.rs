//! The complaint screens' texts.

use crate::i18n::messages;

messages! {
    /// A text of the complaint screens.
    pub enum ComplaintMsg {
        Record => "登记", "Record";
        List => "投诉列表", "Complaints";
        FollowUps => "待回访", "To follow up";
        RecordTitle => "登记投诉", "Record a complaint";
        Who => "投诉人", "Who";
        Anonymous => "匿名投诉", "Anonymous";
        Unit => "房号", "Unit";
        What => "投诉内容", "The complaint";
        Place => "地点", "Where";
        Happened => "发生时间(如 昨晚 9 点)", "When it happened (e.g. last night at 9)";
        Kind => "投诉性质", "Kind";
        KindQuestion => "是物业服务本身出了问题吗(保洁、车管、乱收费、维修失职、违规)?是 → 有效投诉;否 → 沟通性投诉,再看是求助、咨询还是发泄。", "Did the office's own service fail (cleaning, parking, wrong fees, neglected maintenance, rules broken)? Yes: a valid complaint. No: a communicative one: asking for help, a question, or venting.";
        Save => "登记", "Record";
        Saved => "已登记投诉", "Complaint recorded";
        NoComplaints => "没有符合条件的投诉。", "No complaints match.";
        Search => "搜索(房号、姓名、电话)", "Search (unit, name, phone)";
        OpenOnly => "未关闭", "Open";
        All => "全部", "All";
        Steps => "处理步骤", "Steps";
        NextStep => "下一步", "Next step";
        StepNote => "情况说明", "What was done";
        FeeStatus => "缴费情况", "Fee status";
        With => "会同的部门主管", "With the department's supervisor";
        Found => "现场情况", "Found on site";
        Department => "负责部门", "Department";
        Satisfaction => "满意度", "Satisfaction";
        Tick => "完成这一步", "Done";
        Raise => "升级为有效投诉", "Raise to a valid complaint";
        Reason => "原因", "Reason";
        Reclassify => "改为", "Change to";
        Promise => "承诺(不轻易承诺)", "Promise (never lightly)";
        PromiseWhat => "答应做什么", "What is promised";
        PromiseDue => "何时前", "By when";
        MakePromise => "登记承诺", "Record the promise";
        Promised => "已登记承诺", "Promise recorded";
        ToWorkOrder => "派维修工单", "Make a repair work order";
        WorkOrder => "查看工单", "See the work order";
        Category => "报修类别", "Category";
        NotFound => "找不到这条投诉。", "No such complaint.";
        Updated => "投诉已更新", "Complaint updated";
        KeepDays => "投诉个人信息保留天数", "Keep complainants' data (days)";
        SettingsTitle => "投诉设置", "Complaints";
        Closed => "已关闭", "Closed";
        HappenedAt => "发生时间", "When it happened";
        History => "全部记录", "Everything done";
        Promises => "在这条投诉上的承诺", "Promises made on it";
        PromiseOpen => "未兑现", "open";
        PromiseSettled => "已办结", "settled";
        NeedDue => "请填写承诺的时间", "Say by when";
        ClosedOnly => "已关闭", "Closed";
        AnyKind => "全部性质", "Any kind";
        AnyDepartment => "全部部门", "Any department";
        From => "登记日期从", "Recorded from";
        To => "到", "to";
        Report => "统计", "Counts";
        Month => "月份", "Month";
        BadMonth => "请选择月份(如 2026-11)。", "Choose a month (e.g. 2026-11).";
        Total => "投诉总数", "Complaints";
        ByKind => "按性质", "By kind";
        ByDepartment => "按负责部门", "By department";
        NoDepartment => "未转部门(前台直接答复或未处理到)", "No department (answered at the desk, or not yet)";
        ClosedCount => "已关闭", "Closed";
        InTime => "时限内关闭", "Closed within the limit";
        InTimeShare => "时限内关闭率", "Share closed within the limit";
        LimitIs => "处理时限(天),可在设置中修改", "Time limit (days), set in Settings";
        LimitTitle => "投诉处理时限", "Complaint time limit";
        LimitDays => "投诉处理时限(天)", "Time limit to close a complaint (days)";
        BadLimit => "处理时限请填 1 到 90 天。", "The time limit is 1 to 90 days.";
        PassedTo => "转交部门", "Passed to";
        AnsweredHere => "前台直接答复", "Answered at the desk";
    }
}
