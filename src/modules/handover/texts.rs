//! The handover screens' texts.

use crate::i18n::messages;

messages! {
    /// A text of the handover screens.
    pub enum HandoverMsg {
        Current => "交接班", "Hand over";
        Book => "交接班本", "The book";
        Start => "开始交接班", "Start the handover";
        StartHint => "由交班人开始:系统列出货架快递、借出钥匙、寄存物品、在场访客、未兑现承诺、未关闭投诉、超时工单、待巡检和未完成的备忘事项,双方逐项核对。", "The outgoing clerk starts it: the desk lists parcels on the shelf, keys out, items left, visitors on site, open promises and complaints, late work orders, inspections due and open memo items, to be checked one by one.";
        StartedBy => "交班人", "Outgoing clerk";
        StartedAt => "开始", "Started";
        Nothing => "没有需要交接的事项。", "Nothing to hand over.";
        Check => "已核对", "Checked";
        Discrepancy => "差异说明", "What differs";
        SaveNote => "记下差异", "Note it";
        Late => "已超时", "Late";
        Cash => "备用金清点", "Petty cash";
        Denomination => "面额", "Note";
        Count => "张数", "Count";
        Counted => "实点", "Counted";
        Expected => "应有", "Expected";
        Difference => "差额", "Difference";
        CashNote => "差额原因", "Why it differs";
        Takings => "本班收款(元)", "Cash taken this shift (yuan)";
        Vouchers => "票据", "Vouchers";
        Valuables => "贵重物品", "Valuables";
        SaveCounts => "保存清点", "Save the counts";
        CountsSaved => "清点已保存", "Counts saved";
        Signatures => "签字", "Signatures";
        OutgoingSigns => "交班人签字", "Outgoing clerk signs";
        IncomingSigns => "接班人签字", "Incoming clerk signs";
        ManagerSigns => "值班经理签字", "Duty manager signs";
        WhoSigns => "签字人", "Who signs";
        Pin => "PIN", "PIN";
        SignHere => "请在此签名", "Sign here";
        Sign => "签字", "Sign";
        Signed => "已签字", "Signed";
        PickSigner => "请选择签字人", "Choose who signs";
        Done => "交接完成", "Handed over";
        NowOnDuty => "接班人已签字,现由接班人值班", "The incoming clerk signed and is now on duty";
        Search => "搜索(姓名或日期,如 2026-11-27)", "Search (a name or a day, e.g. 2026-11-27)";
        NoPages => "还没有交接班记录。", "No handovers yet.";
        Open => "查看", "Open";
        Print => "打印", "Print";
        Sheet => "前台交接班本", "Front desk handover book";
        NotFound => "找不到这次交接。", "No such handover.";
        Items => "交接事项", "Handed over";
        FloatSetting => "备用金应有数(元)", "Petty cash float (yuan)";
        SettingsTitle => "交接班设置", "Shift handover";
        BadFloat => "金额格式如 500 或 500.50,不超过 1000 万元", "Write an amount like 500 or 500.50, at most 10 million";
        Seen => "事项", "items";
        NotedCount => "有差异", "with a difference";
        Differs => "有差异", "differs";
        NoneFound => "没有找到符合的交接记录。", "No handover matches.";
        NeedSignature => "请先签名", "Sign first";
        PinShape => "PIN 为 4 到 6 位数字", "A PIN is 4 to 6 digits";
        Refresh => "按当前情况刷新清单", "Redraw the list from now";
        Refreshed => "清单已刷新,已核对的保留", "List redrawn; ticks kept";
        Void => "作废这次交接", "Void this handover";
        VoidWhy => "作废原因", "Why";
        Voided => "已作废", "Voided";
    }
}
