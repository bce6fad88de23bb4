//! The shared UI strings, in Simplified Chinese and English; each module keeps its own in
//! `src/modules/<name>/texts.rs`, made with the same [`messages!`] macro.
//!
//! A string is added by one line of [`messages!`]; a missing translation does not compile. A
//! text with a count, name or time in it is a function made by [`phrases!`], so the words and
//! the number stay in the order each language needs. Views read text through `Desk::t` or
//! `Desk::tr`, which take any module's messages and track the language signal:
//!
//! ```ignore
//! let desk = use_desk();
//! view! { <h1>{desk.tr(Msg::Settings)}</h1> }
//! ```

pub use lobbydesk_core::Lang;

/// A text in both languages: what every module's messages turn into, so shared widgets (the
/// form kit, `Desk::tr`) take any of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    zh: &'static str,
    en: &'static str,
}

impl Text {
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Text { zh, en }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A table of UI strings: `messages! { pub enum Name { Key => "中文", "English"; ... } }`.
macro_rules! messages {
    ($(#[$doc:meta])* pub enum $enum:ident { $($name:ident => $zh:literal, $en:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $enum { $($name),+ }

        impl $enum {
            /// Both languages, usable in constants (the module list).
            pub const fn tx(self) -> $crate::i18n::Text {
                match self {
                    $( $enum::$name => $crate::i18n::Text::new($zh, $en), )+
                }
            }

            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                self.tx().text(lang)
            }
        }

        impl From<$enum> for $crate::i18n::Text {
            fn from(m: $enum) -> Self {
                m.tx()
            }
        }
    };
}
pub(crate) use messages;

/// Texts with values in them: `phrases! { fn name(lang, n: usize) => "{n} 件", "{n} items"; }`
/// makes `pub fn name(lang: Lang, n: usize) -> String`.
macro_rules! phrases {
    ($($(#[$doc:meta])* fn $name:ident($lang:ident $(, $arg:ident: $ty:ty)*) => $zh:literal, $en:literal;)+) => {
        $(
            $(#[$doc])*
            pub fn $name($lang: $crate::i18n::Lang $(, $arg: $ty)*) -> String {
                match $lang {
                    $crate::i18n::Lang::Zh => format!($zh),
                    $crate::i18n::Lang::En => format!($en),
                }
            }
        )+
    };
}
pub(crate) use phrases;

messages! {
    /// A shared UI string. See the module docs.
    pub enum Msg {
    AppName => "物业前台", "LobbyDesk";
    Online => "在线", "Online";
    Offline => "离线", "Offline";
    OnDuty => "值班", "On duty";
    NoClerk => "未设置值班人员", "No clerk on duty";
    OtherLanguage => "English", "中文";
    SwitchLanguage => "切换到英文", "Switch to Chinese";
    Install => "安装到桌面", "Install app";
    UpdateReady => "新版本已就绪,刷新后使用。", "A new version is ready; reload to use it.";
    ReloadNow => "立即刷新", "Reload now";
    MainNav => "功能导航", "Modules";
    Menu => "菜单", "Menu";

    Home => "首页", "Home";
    Visitors => "访客", "Visitors";
    Parcels => "快递", "Parcels";
    Inspections => "巡检", "Inspections";
    WorkOrders => "工单", "Work orders";
    Complaints => "投诉", "Complaints";
    CallsWalkIns => "来电来访", "Calls & walk-ins";
    Handover => "交接班", "Shift handover";
    Keys => "钥匙", "Keys";
    Fees => "物业费", "Fees";
    ScanWithCamera => "摄像头扫码", "Scan with the camera";
    CameraUnavailable => "无法打开摄像头,请用扫码枪或手动输入。", "The camera cannot be opened; use the barcode scanner or type the number.";
    Deposits => "寄存转交", "Left at the desk";
    ReleasePasses => "放行条", "Release passes";
    Residents => "住户", "Residents";
    Reports => "统计", "Reports";
    Settings => "设置", "Settings";

    AboutVisitors => "访客登记、在场访客、签离、回访客快速填写、重点人员提醒、访客证打印。",
        "Visitor registration, who is on site, sign-out, returning-visitor quick fill, watch-list warnings, printed passes.";
    AboutParcels => "快递入库、取件码、通知住户、代领签收、超期提醒、退回。",
        "Parcel intake, pickup codes, notifying residents, hand-over with signature, overdue reminders, returns.";
    AboutInspections => "离线巡检清单:设施设备、消防、绿化、保洁、安全巡逻、托管房、入住验房;不合格项转工单。",
        "Offline inspection checklists: facilities, fire, greening, cleaning, patrol, custody houses, move-in acceptance; failed items become work orders.";
    AboutWorkOrders => "报修登记、派单、跟踪、完工签字、回访满意度。",
        "Repair requests: dispatch, tracking, sign-off on completion, follow-up call with satisfaction.";
    AboutComplaints => "有效投诉与沟通性投诉的记录、定性、处理部门、回访。",
        "Real and communicative complaints: record, judge, route to the department, follow up.";
    AboutCallsWalkIns => "来电与来访记录,未能当场答复的承诺在答复前一直提醒。",
        "Calls and walk-ins; promises not answered on the spot stay on the list until answered.";
    AboutHandover => "交接班:备用金、钥匙、借出物品、寄存物品、货架快递、备忘事项,双方与值班经理签字。",
        "Shift handover: petty cash, keys, lent and deposited items, parcels on the shelf, open memos, signed by both clerks and the duty manager.";
    AboutDeposits => "寄存与转交物品:取件码、照片、存放位置,凭码或核对证件签字领取。",
        "Items left at the desk for someone: pickup code, photo, where kept; collected with the code or an ID check and a signature.";
    AboutFees => "物业费收取、欠费催缴、托管房抄表和收费标准。", "Fees: payments, arrears and reminders, units in custody, the rates.";
    AboutKeys => "钥匙登记、借出与归还、超期未还。",
        "Key register, lending and return, overdue keys.";
    AboutReleasePasses => "物品放行申请、业主或物业批准、放行码,门岗核验。",
        "Goods release applications, owner or office approval, a pass code the gate guard checks.";
    AboutResidents => "楼栋、房屋、业主与租户、车辆;可从表格导入。",
        "Buildings, units, owners and tenants, vehicles; importable from spreadsheets.";
    AboutReports => "每日报表与统计:访客、快递、工单、投诉、巡检。",
        "Daily report and statistics: visitors, parcels, work orders, complaints, inspections.";
    NotBuiltTitle => "此模块尚未建成", "This module is not built yet";
    NotBuiltBody => "这一版 LobbyDesk 还不能办理此项业务,请暂用纸质登记簿。建成后将包括:",
        "This version of LobbyDesk cannot do this yet; keep using the paper register for now. When built it will cover:";

    Today => "今天", "Today";
    Memo => "备忘录", "Memo";
    MemoHint => "写下需要记住或交接给下一班的事项", "What the desk must remember or hand over to the next shift";
    MemoPlaceholder => "例如:3-1-502 下午三点水电工上门", "e.g. 3-1-502: the electrician comes at 3 pm";
    Add => "添加", "Add";
    MarkDone => "完成", "Done";
    Reopen => "恢复", "Reopen";
    OpenMemos => "未完成", "Open";
    DoneMemos => "已完成", "Done";
    NoOpenMemos => "没有未完成的备忘。", "No open memos.";
    NoDoneMemos => "还没有已完成的备忘。", "No finished memos yet.";
    LoadMore => "加载更多", "Load more";
    Saved => "已保存", "Saved";
    Loading => "加载中…", "Loading…";
    By => "记录人", "By";
    Dismiss => "关闭", "Dismiss";

    Language => "界面语言", "Language";
    ClerkName => "值班人员姓名", "Name of the clerk on duty";
    ClerkNameHint => "新记录会记下此姓名。", "New records carry this name.";
    Save => "保存", "Save";
    ClerkSaved => "值班人员已更新", "Clerk on duty updated";
    StorageTitle => "本机存储", "Storage on this tablet";
    Persisted => "已获准持久保存:浏览器不会自行清除本机数据。",
        "Persistent storage granted: the browser will not clear the data on its own.";
    NotPersisted => "未获准持久保存:空间紧张时浏览器可能清除数据。请安装到桌面并定期导出。",
        "Persistent storage not granted: the browser may clear the data when space runs low. Install the app and export regularly.";
    AskPersist => "申请持久保存", "Ask for persistent storage";
    Used => "已用", "Used";
    Available => "可用", "Available";
    Unknown => "未知", "Unknown";
    Device => "本机编号", "Device";
    AppVersion => "版本", "Version";
    SchemaVersion => "数据库结构版本", "Database schema";
    CheckUpdate => "检查更新", "Check for updates";
    UpToDate => "已是最新版本", "This is the latest version";
    UpdateCheckFailed => "现在无法检查更新(可能离线)。", "Cannot check for updates now (offline?).";
    PwaTitle => "离线应用", "Offline app";
    SwActive => "离线缓存已就绪:断网也能打开。", "Offline cache ready: the app opens without a network.";
    SwMissing => "离线缓存尚未就绪。", "Offline cache not ready yet.";

    VisitorName => "访客姓名", "Visitor's name";
    Phone => "电话", "Phone";
    HostUnit => "被访房号", "Unit visited";
    UnitPlaceholder => "如 3-1-502", "e.g. 3-1-502";
    Plate => "车牌", "Plate";
    Purpose => "来访事由", "Purpose";
    Cancel => "取消", "Cancel";
    Search => "搜索", "Search";
    SettingsSaved => "设置已保存", "Settings saved";
    BadSetting => "请填写有效的时间和 1 到 3650 之间的天数。", "Enter a valid time and a number of days from 1 to 3650.";
    BadKeepDays => "保留天数请填 30 到 3650。", "Keep 30 to 3650 days.";
    WatchName => "姓名", "Name";

    LockSwitch => "锁定/换人", "Lock / switch";
    FirstRunTitle => "首次使用:创建主管账号", "First start: create the supervisor";
    FirstRunHint => "主管可添加其他值班人员、设置权限并查看操作记录。PIN 为 4 到 6 位数字。", "The supervisor adds the other staff, sets their roles and reads the audit trail. A PIN is 4 to 6 digits.";
    SupervisorName => "主管姓名", "Supervisor's name";
    NewPin => "PIN(4-6位数字)", "PIN (4-6 digits)";
    NewPinAgain => "再输一次 PIN", "PIN again";
    CreateSupervisor => "创建并上岗", "Create and sign in";
    WhoIsOnDuty => "谁在值班?", "Who is on duty?";
    EnterPin => "输入 PIN", "Enter PIN";
    Enter => "确定", "OK";
    NotAllowed => "需要主管权限", "A supervisor is needed";
    NotAllowedHint => "当前值班人员不能打开此页。请主管登录后操作。", "The person on duty may not open this page. Ask a supervisor to sign in.";
    StaffTitle => "人员与权限", "Staff and roles";
    AddStaff => "添加人员", "Add a person";
    Roles => "岗位", "Roles";
    ResetPin => "重置 PIN", "Reset PIN";
    Deactivate => "停用", "Deactivate";
    Activate => "启用", "Activate";
    Inactive => "已停用", "inactive";
    AuditTitle => "操作记录", "Audit trail";
    AuditPerson => "操作人", "Person";
    AuditDay => "日期", "Date";
    StaffChangesInFile => "文件里有人员变动。核对无误后,值班主管输入自己的 PIN 才能导入:", "The file changes staff. Once checked, the supervisor on duty enters their own PIN to import:";
    StaffChangesPin => "值班主管 PIN(确认人员变动)", "Supervisor's PIN (confirms the staff changes)";
    StaffNew => "新增人员", "new person";
    StaffRolesChanged => "身份变动", "role changed";
    StaffPinChanged => "PIN 变动", "PIN changed";
    StaffOtherChange => "资料变动", "details changed";
    AuditRedacted => "(该记录的个人信息已按保留期限清除)", "(the record's personal data was purged by retention)";
    Security => "安全", "Security";
    IdleMinutes => "无操作自动锁屏(分钟)", "Lock after idle minutes";
    BadIdle => "请填写 1 到 240 之间的分钟数。", "Enter 1 to 240 minutes.";

    ChooseFile => "选择文件", "Choose a file";
    FromDirectory => "住户档案:", "From the directory:";


    Overdue => "超期", "Overdue";
    SignHere => "请领取人在此签名", "Collector signs here";
    ClearSignature => "重签", "Clear";

    TakePhoto => "拍照/选图", "Photo";
    RemovePhoto => "删除照片", "Remove photo";
    NotAnImage => "这个文件不是图片。", "That file is not an image.";



    ExchangeTitle => "数据交换", "Data exchange";
    ExchangeHint => "多台平板之间用文件交换数据(U 盘、共享文件夹或聊天软件传文件)。导入时逐条合并,不会覆盖对方的工作。",
        "Tablets exchange data by file (USB stick, shared folder or a chat app). Imports merge record by record and never overwrite the other desk's work.";
    ExportTitle => "导出", "Export";
    ExportWhat => "导出内容", "What to export";
    ExportAll => "全部数据", "Everything";
    ExportSince => "与某台设备上次交换后的变更", "What changed since the last exchange with a tablet";
    ExportModule => "某个模块的某段时间", "One module and time span";
    ExportPeer => "交给哪台设备", "For which tablet";
    AnyTablet => "不指定", "Not said";
    NoPeersYet => "导入过其他设备的文件后,这里可以选它。第一次与一台设备交换请导出全部数据。", "Tablets whose files were imported here can be chosen. The first exchange with a tablet exports everything.";
    PeerHint => "指定设备后,下次可以只导出此后的变更;第一次给某台设备请导出全部数据。", "Name the tablet, and the next export to it can hold only what changed since; the first one to a tablet holds everything.";
    ChoosePeer => "请选择交换对象。", "Choose the tablet.";
    Module => "模块", "Module";
    FromDate => "开始日期", "From";
    ToDate => "结束日期", "To";
    BadDateRange => "日期范围不对:请填写开始和结束日期,开始不能晚于结束。", "The dates are not right: fill in both, and the start cannot be after the end.";
    Passphrase => "密码(可不填)", "Passphrase (optional)";
    PassphraseAgain => "再输一次密码", "Passphrase again";
    PassphraseHint => "设置密码后文件会加密,导入时需输入同一密码。密码丢失将无法打开文件。人员和 PIN 只放进加密的文件。", "With a passphrase the file is encrypted and the same passphrase opens it. A lost passphrase cannot be recovered. Staff and PINs go only into encrypted files.";
    PassphraseMismatch => "两次输入的密码不一致。", "The two passphrases differ.";
    PassphraseShort => "密码至少 8 个字符。", "The passphrase needs at least 8 characters.";
    ExportRun => "导出文件", "Export file";
    Working => "处理中…", "Working…";
    ImportFileTitle => "导入", "Import";
    Unlock => "解密", "Decrypt";
    ApplyImport => "确认导入", "Import now";
    ImportCancelled => "已取消,数据没有改动。", "Cancelled; nothing was changed.";
    SkippedKinds => "本机不认识的记录类型,已跳过:", "Record types this app does not know, skipped:";
    OwnFile => "这是本机自己导出的文件,导入不会有任何改动。", "This is this tablet's own export; importing it changes nothing.";
    TallyNew => "新增", "New";
    TallyNewer => "更新", "Newer";
    TallyOlder => "较旧(忽略)", "Older (ignored)";
    TallyUnchanged => "未变", "Unchanged";
    TallyConflict => "冲突", "Conflict";
    ConflictsTitle => "同步冲突", "Sync conflicts";
    NoConflicts => "没有待处理的冲突。", "No conflicts to resolve.";
    Field => "字段", "Field";
    CurrentVersion => "当前版本", "Current version";
    OtherVersion => "另一版本", "Other version";
    TakeOther => "采用另一版本", "Take the other";
    KeepCurrent => "保留当前版本", "Keep current";
    KeepOther => "改用另一版本", "Use the other version";
    KeepMerged => "当前版本 + 勾选字段", "Current with ticked fields";
    ConflictResolved => "冲突已处理。", "Conflict resolved.";
    CsvTitle => "导出表格(Excel)", "Lists for Excel (CSV)";
    CsvFullIds => "包含完整证件号(仅主管)", "Full ID numbers (supervisors only)";
    CsvRun => "导出 CSV", "Export CSV";
    ExchangeLog => "交换记录", "Exchange log";
    ReminderDays => "超过几天未导出时提醒", "Remind after days without an export";
    NoExchangesYet => "还没有导出或导入过。", "Nothing exported or imported yet.";
    NeverExported => "本机数据从未导出备份。", "This tablet's data has never been exported.";


    DemoTitle => "演示数据", "Demo data";
    DemoHint => "加入一批虚构的住户、访客、快递和巡检记录(姓名电话均为随机生成),用来熟悉各个页面;用完可一键删除,只删演示记录。",
        "Adds made-up residents, visitors, parcels and inspections (random names and phones) to try every screen; removable in one tap, and only the demo records go.";
    DemoLoad => "加入演示数据", "Load demo data";
    DemoRemove => "删除演示数据", "Remove demo data";

    StartupFailed => "LobbyDesk 无法启动", "LobbyDesk cannot start";
    TryAgain => "重试", "Try again";
}
}

phrases! {
    /// Rows written to a CSV list.
    fn csv_rows(lang, n: usize) => "已导出行数: {n}", "Rows exported: {n}";
    /// Days since this tablet last exported its data.
    fn days_since_export(lang, d: i64) => "距上次导出 {d} 天", "Since the last export {d} days";
    /// The same, past the reminder limit.
    fn export_overdue(lang, d: i64) =>
        "距上次导出 {d} 天 · 请尽快导出一份数据备份。",
        "Since the last export {d} days · Please export a backup soon.";
    /// Records of a file set aside because the other tablet's clock ran ahead.
    fn records_ahead(lang, n: usize) =>
        "{n} 条记录的时间比本机时钟快一天以上(导出的设备时钟可能不准),这些记录不会导入;请校准那台设备的时间后重新导出。其余记录可以导入。",
        "{n} records are dated more than a day ahead of this tablet's clock (the exporting tablet's clock may be wrong) and will not be imported; set that tablet's time right and export again. The rest can be imported.";
    /// This tablet's clock is days past the last time it was used: the first purge waits.
    fn clock_jumped_ahead(lang, days: i64) =>
        "本机时钟比上次使用时晚了 {days} 天。如果日期不对,请主管校准;本次启动暂不清除到期的个人信息(下次启动时再清除)。",
        "This tablet's clock is {days} days past the last time it was used. If the date is wrong, a supervisor should set it; expired personal data is not purged at this start (it will be at the next).";
    /// This tablet's clock is behind the newest time it has written: purges wait.
    fn clock_went_back(lang, hours: i64) =>
        "本机时钟比上次使用时早了约 {hours} 小时,请主管校准日期和时间。在校准之前,到期个人信息的清除暂停。",
        "This tablet's clock is about {hours} hours behind the last time it was used; a supervisor should set the date and time. Until then, purging expired personal data is on hold.";
}

/// Today's date as the home screen heads it: the desk's day (UTC+8), as every other screen
/// counts days, whatever zone the tablet is set to.
pub fn long_date(lang: Lang, now: chrono::DateTime<chrono::Utc>) -> String {
    let day = lobbydesk_core::time::local_date(now);
    match lang {
        Lang::Zh => day.format("%Y年%-m月%-d日").to_string(),
        Lang::En => day.format("%A, %-d %B %Y").to_string(),
    }
}

/// What an export wrote.
/// How long something took: milliseconds under a second (a tenth of a second says "0.0").
pub fn took(lang: Lang, ms: f64) -> String {
    match (lang, ms < 1000.0) {
        (Lang::Zh, true) => format!(" 用时 {ms:.0} 毫秒。"),
        (Lang::Zh, false) => format!(" 用时 {:.1} 秒。", ms / 1000.0),
        (Lang::En, true) => format!(" {ms:.0} ms."),
        (Lang::En, false) => format!(" {:.1} s.", ms / 1000.0),
    }
}

pub fn exported(lang: Lang, records: usize, encrypted: bool, file: &str, secs: f64) -> String {
    match lang {
        Lang::Zh => {
            let sealed = if encrypted { ",已加密" } else { "" };
            format!("已导出 {records} 条记录{sealed}:{file}(用时 {secs:.1} 秒)")
        }
        Lang::En => {
            let sealed = if encrypted { ", encrypted" } else { "" };
            format!("Exported {records} records{sealed}: {file} ({secs:.1} s)")
        }
    }
}

/// What an import merged: new, newer, in conflict, older, unchanged.
pub fn imported(
    lang: Lang,
    [new, newer, conflict, older, unchanged]: [usize; 5],
    secs: f64,
) -> String {
    let kept = match (lang, conflict) {
        (_, 0) => "",
        (Lang::Zh, _) => "(已保留两个版本)",
        (Lang::En, _) => " (both versions kept)",
    };
    match lang {
        Lang::Zh => format!(
            "导入完成:新增 {new},更新 {newer},冲突 {conflict}{kept},忽略较旧 {older},未变 {unchanged}。用时 {secs:.1} 秒。"
        ),
        Lang::En => format!(
            "Imported: {new} new, {newer} updated, {conflict} in conflict{kept}, {older} older ignored, {unchanged} unchanged. {secs:.1} s."
        ),
    }
}

/// Where a file to import comes from.
pub fn file_from(
    lang: Lang,
    office: &str,
    device: &str,
    exported_at: &str,
    records: usize,
    decrypted: bool,
) -> String {
    match lang {
        Lang::Zh => {
            let opened = if decrypted { ",已解密" } else { "" };
            format!("来自 {office}(设备 {device}),导出于 {exported_at},共 {records} 条记录{opened}")
        }
        Lang::En => {
            let opened = if decrypted { ", decrypted" } else { "" };
            format!(
                "From {office} (device {device}), exported {exported_at}, {records} records{opened}"
            )
        }
    }
}
