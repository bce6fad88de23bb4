//! The key screens' texts.

use crate::i18n::messages;

messages! {
    /// A text of the key screens.
    pub enum KeyMsg {
        Register => "钥匙登记", "Key register";
        Out => "借出中", "Out";
        NewKey => "新增钥匙", "Add a key";
        Search => "搜索(名称、挂钩号、房号)", "Search (name, hook, unit)";
        NoKeys => "没有符合条件的钥匙。", "No keys match.";
        NoneOut => "没有借出的钥匙。", "No key is out.";
        Label => "钥匙名称", "Key";
        Opens => "用途", "Opens";
        Unit => "房号", "Unit";
        Place => "位置", "Place";
        Hook => "挂钩号", "Hook";
        Copies => "前台存放份数", "Copies at the desk";
        Save => "保存", "Save";
        Saved => "钥匙已登记", "Key added";
        Changed => "钥匙已更新", "Key updated";
        Retire => "停用(不再保管)", "No longer held";
        Retired => "已停用", "No longer held";
        Reinstate => "恢复在用", "Held again";
        AtDesk => "在前台", "At the desk";
        AllOut => "已借出", "Out";
        Overdue => "逾期未还", "Overdue";
        OverdueKeys => "逾期未还的钥匙", "Keys overdue";
        OutOf => "借出", "out of";
        Lend => "借出", "Lend";
        LendTitle => "借出钥匙", "Lend the key";
        Borrower => "借用人", "Borrower";
        Name => "姓名", "Name";
        Phone => "电话", "Phone";
        Reason => "借用原因", "Reason";
        Due => "应还时间", "Due back";
        BorrowerSigns => "请借用人在此签名", "The borrower signs here";
        Lent => "钥匙已借出", "Key lent";
        TakeBack => "归还", "Take back";
        Condition => "归还状况", "Condition";
        Note => "情况说明(损坏或丢失必填)", "What happened (damaged or lost)";
        ReturnerSigns => "请归还人在此签名(丢失可不签)", "The returner signs here (not for a lost key)";
        Back => "钥匙已归还", "Key taken back";
        History => "借还记录", "Loans";
        NoHistory => "还没有借出过。", "Never lent.";
        LentBy => "经办", "lent by";
        BackAt => "归还", "back";
        NotFound => "找不到这把钥匙。", "No such key.";
        Open => "查看", "Open";
        KeepDays => "钥匙借用人信息保留天数", "Keep key borrowers' data (days)";
        SettingsTitle => "钥匙设置", "Keys";
        FromStaff => "值班员工", "Staff";
        UnitKeys => "本户钥匙", "Keys of this unit";
    }
}
