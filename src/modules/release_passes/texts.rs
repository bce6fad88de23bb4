//! The release pass screens' texts.

use crate::i18n::messages;

messages! {
    /// A text of the release pass screens.
    pub enum PassMsg {
        Apply => "申请", "Apply";
        List => "放行条", "Passes";
        Gate => "门岗核验", "Gate check";
        ApplyTitle => "放行条申请", "Release pass application";
        Applicant => "申请人类别", "Applicant";
        Name => "申请人(姓名或单位)", "Applicant (person or company)";
        Phone => "电话", "Phone";
        Unit => "房号", "Unit";
        Items => "物品及数量", "Items and quantities";
        Item => "物品", "Item";
        Qty => "数量", "Quantity";
        AddLine => "再加一行", "Add a line";
        Plate => "车牌号", "Vehicle plate";
        Date => "放行日期", "Day";
        GateName => "出口", "Gate";
        Reason => "原因", "Reason";
        Note => "说明", "Note";
        ConsentTitle => "租户搬家:业主同意与费用", "Tenant moving out: owner's consent and fees";
        ConsentOwner => "业主姓名", "Owner's name";
        ConsentPhone => "业主电话", "Owner's phone";
        ConsentHow => "确认方式", "How it was given";
        FeesCleared => "已核实费用结清", "Fees checked as cleared";
        Submit => "提交申请", "Submit";
        Applied => "已登记放行条申请", "Application taken";
        Waiting => "待审批", "Waiting";
        Coming => "已批准", "Approved";
        All => "全部", "All";
        NoPasses => "没有放行条。", "No passes.";
        Approve => "批准", "Approve";
        Reject => "不批准", "Reject";
        RejectWhy => "不批准的原因", "Why not";
        Decided => "已处理", "Decided";
        Print => "打印放行条", "Print the pass";
        Code => "放行码", "Pass code";
        ValidOn => "仅限当日有效", "Valid on this day only";
        NotFound => "找不到这张放行条。", "No such pass.";
        CodeInput => "放行码(扫码或输入)", "Pass code (scan or type)";
        Look => "查询", "Look it up";
        NoSuchCode => "本机没有这个放行码的放行条。请核对后重输,或扫描放行条上的二维码离线核验。", "No pass on this device has this code. Check it and type it again, or scan the pass's QR to check it offline.";
        LetThrough => "放行", "Let it through";
        Refuse => "拒绝放行", "Refuse";
        RefuseWhy => "拒绝原因(如物品不符、车牌不符)", "Why (goods or plate differ)";
        LetGo => "已放行", "Let through";
        Refused => "已拒绝", "Refused";
        Approver => "审批", "Approved by";
        AppliedBy => "登记", "Taken by";
        GateSlip => "物品放行条", "Goods release pass";
        State => "状态", "State";
        SignFailed => "这台平板无法为放行条签章(浏览器不支持或存储已满),未批准。请在另一台平板上批准。", "This tablet could not sign the pass (the browser lacks it or storage is full): not approved. Approve it on another tablet.";
        FromQr => "本机没有这张放行条:按二维码离线核验,签章有效", "Not on this device: checked offline by its QR, signature valid";
        SignedBy => "签章", "Signed by key";
        Masked => "申请人", "Applicant";
        NextPlease => "请扫描下一张", "scan the next one";
        PartlySigned => "二维码只核验了上面列出的物品;其余物品以纸质放行条为准,有疑问请与前台核实。", "The QR vouches only for the items listed; check the rest against the paper pass, and with the desk when in doubt.";
        ByQrChecks => "门岗凭二维码核验的记录", "Checked at a gate by its QR";
        ShowGuard => "请出口时交门岗核验", "Show it to the gate guard on the way out";
    }
}
