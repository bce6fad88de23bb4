//! The visitor screens' texts.

use crate::i18n::{messages, phrases};

messages! {
    /// A text of the visitor screens.
    pub enum VisitorMsg {
        Register => "登记", "Register";
        OnSite => "在场访客", "On site";
        VisitLog => "访客记录", "Visit log";
        RegisterVisitor => "访客登记", "Register a visitor";
        PhonePlaceholder => "手机或带区号座机", "Mobile, or landline with area code";
        IdKind => "证件类型", "Document";
        IdNumber => "证件号码", "Document number";
        HostCompany => "被访单位", "Company visited";
        HostPerson => "被访人", "Person visited";
        Host => "被访", "Visiting";
        PartySize => "人数", "People";
        People => "人", "people";
        PlatePlaceholder => "如 京A12345,可不填", "e.g. 京A12345 (optional)";
        PassNo => "访客证号", "Pass no.";
        Notes => "备注", "Notes";
        Clear => "清空", "Clear";
        Registered => "已登记", "Registered";
        DetailsAndPass => "查看 / 打印访客证", "Details / print pass";
        ReturningVisitor => "曾来访,点选即可填入", "Visited before: tap to fill in";
        WatchWarning => "重点人员提醒", "Watch-list warning";
        MatchedOn => "匹配", "Matched on";
        AcknowledgeAndRegister => "已核实,继续登记", "Checked: register anyway";
        Flagged => "重点人员", "Watch list";
        AcknowledgedBy => "确认人", "acknowledged by";
        TimeIn => "进入", "In";
        TimeOut => "离开", "Out";
        AutoSignedOut => "自动签离", "Auto sign-out";
        SignOut => "签离", "Sign out";
        UndoSignOut => "撤销", "Undo";
        SignedOut => "已签离", "Signed out";
        NobodyOnSite => "现在没有在场访客。", "Nobody is on site now.";
        SearchVisitsHint => "姓名、电话、车牌、房号或证件后4位", "Name, phone, plate, unit or last 4 of the ID";
        DateFrom => "从", "From";
        DateTo => "到", "To";
        AllPurposes => "全部事由", "All purposes";
        Results => "条结果", "results";
        NewestOnly => "只显示最近的", "newest only";
        NoVisits => "这段时间没有访客记录。", "No visits in this period.";
        VisitNotFound => "找不到这条访客记录。", "That visit was not found.";
        Clerk => "登记人", "Registered by";
        PrintPass => "打印访客证", "Print pass";
        VisitorPass => "访客证", "Visitor pass";
        VisitorSettings => "访客登记", "Visitor registration";
        AutoSignOutAt => "未签离访客自动签离时间", "Sign out visitors still on site at";
        RetentionDays => "访客个人信息保存天数", "Days visitor personal data is kept";
        WatchList => "重点人员名单", "Watch list";
        WatchHint => "登记时姓名、证件号、电话或车牌与名单相符,会提醒值班人员。", "A visitor matching a name, ID number, phone or plate here triggers a warning at registration.";
        WatchReason => "原因", "Reason";
        WatchAdd => "加入名单", "Add to list";
        WatchRemove => "移出", "Remove";
        WatchEmpty => "名单为空。", "The list is empty.";
        WatchAdded => "已加入重点人员名单", "Added to the watch list";
        Purged => "(个人信息已按期清除)", "(personal data purged)";
    }
}

phrases! {
    /// The toast after a registration.
    fn registered(lang, name: &str) => "已登记 {name}", "Registered {name}";
    /// What the visitor is told about their data.
    fn privacy_notice(lang, days: u32) =>
        "告知:访客的姓名、电话、证件与车牌仅用于本小区的安全与访客管理,不作他用;保存期限为 {days} 天,到期后删除个人信息。",
        "Notice: the visitor's name, phone, ID and plate are used only for this property's security and visitor management; they are kept for {days} days, then the personal data is deleted.";
    /// Visits still open at the cutoff that the app closed itself.
    fn visitors_auto_closed(lang, n: usize) =>
        "{n} 位访客已自动签离", "{n} visitors were signed out automatically";
}
