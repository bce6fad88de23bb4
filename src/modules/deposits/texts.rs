//! The deposit screens' texts.

use crate::i18n::messages;

messages! {
    /// A text of the deposit screens.
    pub enum DepositMsg {
        TakeIn => "寄存登记", "Take in";
        Waiting => "待领取", "Waiting";
        History => "记录", "History";
        TakeInTitle => "寄存/转交物品登记", "An item left at the desk";
        What => "物品", "Item";
        From => "寄存人", "Left by";
        FromPhone => "寄存人电话", "Their phone";
        To => "转交给", "For";
        ToPhone => "收件人电话", "Recipient's phone";
        Unit => "房号", "Unit";
        KeptAt => "存放位置", "Kept at";
        Save => "登记", "Take in";
        TakenIn => "已登记寄存", "Item taken in";
        PickupCode => "取件码", "Pickup code";
        TellCode => "请把取件码告诉寄存人,转交给收件人", "Give the code to the person who left it, for the recipient";
        Search => "搜索(取件码、收件人、房号)", "Search (code, recipient, unit)";
        NoneWaiting => "没有待领取的物品。", "Nothing is waiting.";
        NoHistory => "还没有寄存记录。", "Nothing left yet.";
        HandOver => "领取", "Hand over";
        TakenBack => "寄存人取回", "Taken back by who left it";
        Taker => "领取人", "Taken by";
        Code => "取件码", "Code";
        IdChecked => "没有取件码,已核对身份证件", "No code: ID checked";
        TakerSigns => "请领取人在此签名", "The taker signs here";
        Done => "物品已领取", "Item handed over";
        LeftAt => "寄存", "Left";
        By => "经办", "by";
        ByCode => "凭取件码", "with the code";
        ByIdCheck => "核对证件", "ID checked";
    }
}
