//! The calls and walk-ins screens' texts.

use crate::i18n::messages;

messages! {
    /// A text of the calls and walk-ins screens.
    pub enum ContactMsg {
        Log => "登记", "Log";
        History => "记录", "History";
        Waiting => "待答复", "To reply";
        LogTitle => "来电来访登记", "Log a call or walk-in";
        Way => "方式", "Way";
        Caller => "来电人", "Caller";
        Unit => "房号", "Unit";
        Topic => "事由", "About";
        Said => "对方说了什么", "What they said";
        Answer => "当场答复", "Answer given";
        NotAnswered => "不能当场答复(留下电话、约定答复时间)", "Could not answer now (take their phone, promise a reply time)";
        PromiseDue => "约定答复时间", "Reply promised by";
        PromiseWhat => "答应做什么(可不填)", "What was promised (optional)";
        PassedTo => "转交给", "Passed to";
        SentTo => "已引导至(公务)", "Sent to (official)";
        Save => "保存", "Save";
        Saved => "已登记", "Logged";
        FromDirectory => "住户档案中的这个电话:", "This phone in the directory:";
        NoContacts => "没有来电来访记录。", "No calls or walk-ins.";
        NoneWaiting => "没有待答复的来电。", "Nothing waits for a reply.";
        Search => "搜索(电话、房号、姓名)", "Search (phone, unit, name)";
        Reply => "答复", "Reply";
        ReplyText => "答复内容", "The reply";
        Replied => "已答复", "Replied";
        ToWorkOrder => "转为工单", "Make a work order";
        ToComplaint => "转为投诉", "Record as a complaint";
        Withdrawn => "承诺已撤回", "Promise withdrawn";
        FollowUpAll => "待回访(来电、投诉、工单)", "To follow up (calls, complaints, work orders)";
        FollowUpTab => "回访", "Follow-ups";
        FollowUp => "回访", "Follow up";
        FollowUpComment => "回访意见", "What they said";
        ChooseSatisfaction => "请选择满意度", "Choose the satisfaction";
        NothingToFollowUp => "没有需要回访的事项。", "Nothing to follow up.";
        CallWord => "来电", "Call";
        ComplaintWord => "投诉", "Complaint";
        WorkOrderWord => "工单", "Work order";
        Category => "报修类别", "Category";
        WorkOrderMade => "已转工单", "Work order made";
        OpenPromises => "未兑现的承诺", "Promises open";
        NoPromises => "没有未兑现的承诺。", "No open promises.";
        Overdue => "已逾期", "Overdue";
        Due => "答复时间", "Due";
        Withdraw => "撤回", "Withdraw";
        WithdrawReason => "撤回原因", "Why it is withdrawn";
        Keep => "已兑现", "Kept";
        KeepNote => "做了什么", "What was done";
        KeepDays => "来电来访个人信息保留天数", "Keep callers' data (days)";
        SettingsTitle => "来电来访设置", "Calls and walk-ins";
    }
}
