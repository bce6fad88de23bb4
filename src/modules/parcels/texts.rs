//! The parcel screens' texts.

use crate::i18n::{messages, phrases};

messages! {
    /// A text of the parcel screens.
    pub enum ParcelMsg {
        Intake => "入库", "Intake";
        HandOverHint => "勾选要交付的快递,或点它的「取件」,在这里核对后交付。", "Tick the parcels to hand over, or tap 取件 on one; check them here and hand them over.";
        Shelf => "在架", "On the shelf";
        Outgoing => "寄件", "Outgoing";
        TakeInParcel => "快递入库", "Take in a parcel";
        TrackingNo => "运单号", "Tracking number";
        ScanHint => "扫码枪扫描或手动输入", "Scan with the barcode scanner, or type";
        Carrier => "快递公司", "Carrier";
        AutoDetect => "自动识别", "Detect";
        ParcelKindLabel => "类型", "Kind";
        RecipientUnit => "收件房号", "Recipient's unit";
        RecipientName => "收件人", "Recipient";
        ShelfSpot => "货架位", "Shelf";
        TakeIn => "入库", "Take in";
        TakenIn => "已入库", "Taken in";
        PickupCode => "取件码", "Pickup code";
        ReceivedToday => "今日收件", "Received today";
        HandedOverToday => "今日取件", "Handed over today";
        ParcelsWaiting => "件在架", "waiting";
        DaysOnShelf => "天", " days";
        ShelfSearchHint => "取件码、运单号、房号、姓名或电话", "Pickup code, tracking number, unit, name or phone";
        OnlyNotNotified => "只看待通知", "Only those not yet notified";
        ShelfEmpty => "货架上没有快递。", "Nothing on the shelf.";
        Select => "选择", "Select";
        Notify => "通知", "Notify";
        ReturnOrLost => "退回/遗失", "Return / lost";
        CopyMessage => "复制通知消息", "Copy the message";
        Call => "打电话", "Call";
        Sms => "发短信", "Text";
        NoteWhatHappened => "情况说明", "What happened";
        MarkReturned => "退回寄件人", "Returned to sender";
        MarkLost => "遗失/损坏", "Lost / damaged";
        HandOver => "取件交付", "Hand over";
        PickUp => "取件", "Pick up";
        RetentionDays => "取走后保留个人信息天数", "Days personal data is kept after pickup";
        BadParcelDays => "逾期天数请填 1 到 60,保留天数请填 7 到 3650。", "Overdue days must be 1 to 60, and days kept 7 to 3650.";
        RemoveFromHandover => "不交付这件", "Leave this one out";
        SeveralRecipientsHint => "这些快递属于不同的收件人或房号,只能按代领办理。", "These parcels are for different recipients or units: hand them over as a collection on their behalf.";
        InPerson => "本人领取", "Recipient in person";
        OnBehalf => "他人代领", "On their behalf";
        CollectorName => "代领人姓名", "Collector's name";
        Relation => "与收件人关系", "Relation to the recipient";
        IdChecked => "已核验领取人证件", "Collector's ID checked";
        ConfirmHandover => "确认交付", "Confirm hand-over";
        LeaveForCourier => "住户寄件登记", "A parcel left for a courier";
        SenderUnit => "寄件房号", "Sender's unit";
        SenderName => "寄件人", "Sender";
        CourierName => "取件快递员(可填)", "Courier collecting (optional)";
        CourierCollected => "快递员已取走", "Courier collected it";
        ParcelSettings => "快递", "Parcels";
        OverdueDays => "超过几天算超期", "Overdue after days";
        OfficeName => "物业名称(用于通知消息)", "Office name (in messages)";
        DeskHours => "前台服务时间", "Desk hours";
    }
}

phrases! {
    /// Parcels handed over in one go.
    fn handed_over(lang, n: usize) => "已交付 {n}", "Handed over: {n}";
}
