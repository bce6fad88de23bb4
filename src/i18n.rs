//! Every UI string, in Simplified Chinese and English, in one table.
//!
//! A string is added by one line of [`messages!`]; a missing translation does not compile.
//! Views read text through `Desk::t`, which tracks the language signal:
//!
//! ```ignore
//! let desk = use_desk();
//! view! { <h1>{desk.tr(Msg::Settings)}</h1> }
//! ```

pub use lobbydesk_core::Lang;

macro_rules! messages {
    ($($name:ident => $zh:literal, $en:literal;)+) => {
        /// A UI string. See the module docs.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),+ }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (Msg::$name, Lang::Zh) => $zh, (Msg::$name, Lang::En) => $en, )+
                }
            }
        }
    };
}

messages! {
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

    Home => "首页", "Home";
    Visitors => "访客", "Visitors";
    Parcels => "快递", "Parcels";
    Inspections => "巡检", "Inspections";
    WorkOrders => "工单", "Work orders";
    Complaints => "投诉", "Complaints";
    CallsWalkIns => "来电来访", "Calls & walk-ins";
    Handover => "交接班", "Shift handover";
    Keys => "钥匙", "Keys";
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

    Register => "登记", "Register";
    OnSite => "在场访客", "On site";
    VisitLog => "访客记录", "Visit log";
    RegisterVisitor => "访客登记", "Register a visitor";
    VisitorName => "访客姓名", "Visitor's name";
    Phone => "电话", "Phone";
    PhonePlaceholder => "手机或带区号座机", "Mobile, or landline with area code";
    IdKind => "证件类型", "Document";
    IdNumber => "证件号码", "Document number";
    HostUnit => "被访房号", "Unit visited";
    UnitPlaceholder => "如 3-1-502", "e.g. 3-1-502";
    HostCompany => "被访单位", "Company visited";
    HostPerson => "被访人", "Person visited";
    Host => "被访", "Visiting";
    PartySize => "人数", "People";
    People => "人", "people";
    Plate => "车牌", "Plate";
    PlatePlaceholder => "如 京A12345,可不填", "e.g. 京A12345 (optional)";
    PassNo => "访客证号", "Pass no.";
    Purpose => "来访事由", "Purpose";
    Notes => "备注", "Notes";
    Clear => "清空", "Clear";
    Registered => "已登记", "Registered";
    DetailsAndPass => "查看 / 打印访客证", "Details / print pass";
    ReturningVisitor => "曾来访,点选即可填入", "Visited before: tap to fill in";
    WatchWarning => "重点人员提醒", "Watch-list warning";
    MatchedOn => "匹配", "Matched on";
    AcknowledgeAndRegister => "已核实,继续登记", "Checked: register anyway";
    Cancel => "取消", "Cancel";
    Flagged => "重点人员", "Watch list";
    AcknowledgedBy => "确认人", "acknowledged by";
    TimeIn => "进入", "In";
    TimeOut => "离开", "Out";
    AutoSignedOut => "自动签离", "Auto sign-out";
    SignOut => "签离", "Sign out";
    SignedOut => "已签离", "Signed out";
    NobodyOnSite => "现在没有在场访客。", "Nobody is on site now.";
    Search => "搜索", "Search";
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
    SettingsSaved => "设置已保存", "Settings saved";
    BadSetting => "请填写有效的时间和 1 到 3650 之间的天数。", "Enter a valid time and a number of days from 1 to 3650.";
    WatchList => "重点人员名单", "Watch list";
    WatchHint => "登记时姓名、证件号、电话或车牌与名单相符,会提醒值班人员。", "A visitor matching a name, ID number, phone or plate here triggers a warning at registration.";
    WatchName => "姓名", "Name";
    WatchReason => "原因", "Reason";
    WatchAdd => "加入名单", "Add to list";
    WatchRemove => "移出", "Remove";
    WatchEmpty => "名单为空。", "The list is empty.";
    WatchAdded => "已加入重点人员名单", "Added to the watch list";
    AutoClosed => "位访客已自动签离", "visitors were signed out automatically";

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
    Security => "安全", "Security";
    IdleMinutes => "无操作自动锁屏(分钟)", "Lock after idle minutes";
    BadIdle => "请填写 1 到 240 之间的分钟数。", "Enter 1 to 240 minutes.";

    Find => "查找", "Find";
    Import => "导入", "Import";
    SearchResidentsHint => "房号、姓名、电话或车牌", "Unit, name, phone or plate";
    NoResidentsFound => "没有找到住户。", "No residents found.";
    UnitType => "房屋类型", "Unit type";
    UnitStatusLabel => "房屋状态", "Status";
    Area => "面积", "Area";
    RecentVisits => "最近访客", "Recent visits";
    ImportTitle => "从表格导入住户花名册", "Import the residents roster from a spreadsheet";
    ImportHint => "支持 Excel 的 .xlsx,以及 UTF-8 或 GBK 编码的 .csv。第一行为表头(如 楼栋、单元、房号、姓名、电话、车牌)。已有的房屋和住户会被更新,不会重复。", "Excel .xlsx, or .csv in UTF-8 or GBK. The first row holds the headers (楼栋, 单元, 房号, 姓名, 电话, 车牌...). Existing units and residents are updated, never duplicated.";
    ChooseFile => "选择文件", "Choose a file";
    ColumnMapping => "核对各列含义", "Check what each column holds";
    DoNotImport => "不导入", "Do not import";
    Rows => "行", "rows";
    Preview => "预览", "Preview";
    RowsReady => "行可导入", "rows ready";
    RowsWithProblems => "行有问题,不会导入", "rows with problems, not imported";
    FromDirectory => "住户档案:", "From the directory:";

    AddResident => "添加住户", "Add a resident";
    ResidentRoleLabel => "身份", "Role";
    ParkingSpace => "车位", "Parking space";

    Intake => "入库", "Intake";
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
    Overdue => "超期", "Overdue";
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
    InPerson => "本人领取", "Recipient in person";
    OnBehalf => "他人代领", "On their behalf";
    CollectorName => "代领人姓名", "Collector's name";
    Relation => "与收件人关系", "Relation to the recipient";
    IdChecked => "已核验领取人证件", "Collector's ID checked";
    ConfirmHandover => "确认交付", "Confirm hand-over";
    HandedOver => "已交付", "Handed over:";
    SignHere => "请领取人在此签名", "Collector signs here";
    ClearSignature => "重签", "Clear";
    LeaveForCourier => "住户寄件登记", "A parcel left for a courier";
    SenderUnit => "寄件房号", "Sender's unit";
    SenderName => "寄件人", "Sender";
    CourierName => "取件快递员(可填)", "Courier collecting (optional)";
    CourierCollected => "快递员已取走", "Courier collected it";
    ParcelSettings => "快递", "Parcels";
    OverdueDays => "超过几天算超期", "Overdue after days";
    OfficeName => "物业名称(用于通知消息)", "Office name (in messages)";
    DeskHours => "前台服务时间", "Desk hours";

    TakePhoto => "拍照/选图", "Photo";
    RemovePhoto => "删除照片", "Remove photo";
    NotAnImage => "这个文件不是图片。", "That file is not an image.";

    ScanWithCamera => "摄像头扫码", "Scan with the camera";
    CameraUnavailable => "无法打开摄像头,请用扫码枪或手动输入。", "The camera cannot be opened; use the barcode scanner or type the number.";

    Purged => "(个人信息已按期清除)", "(personal data purged)";

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
    PassphraseHint => "设置密码后文件会加密,导入时需输入同一密码。密码丢失将无法打开文件。", "With a passphrase the file is encrypted and the same passphrase opens it. A lost passphrase cannot be recovered.";
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
    CsvRows => "已导出行数:", "Rows exported:";
    ExchangeLog => "交换记录", "Exchange log";
    ReminderDays => "超过几天未导出时提醒", "Remind after days without an export";
    NoExchangesYet => "还没有导出或导入过。", "Nothing exported or imported yet.";
    LastExportDays => "距上次导出", "Since the last export";
    NeverExported => "本机数据从未导出备份。", "This tablet's data has never been exported.";
    ExportReminder => "请尽快导出一份数据备份。", "Please export a backup soon.";
    Days => "天", "days";

    InspectStart => "开始巡检", "Start";
    InspectLog => "巡检记录", "History";
    Templates => "检查模板", "Templates";
    Schedules => "巡检计划", "Schedules";
    ChooseTemplate => "请选择检查模板", "Choose a template";
    PlaceNeeded => "请填写巡检地点。", "Fill in where the inspection is.";
    Template => "检查模板", "Template";
    Place => "地点", "Place";
    PlaceHint => "如 3栋泵房、东门、地下车库", "e.g. pump room of building 3, east gate";
    UnitOptional => "房号(托管房、验房时填)", "Unit (custody house, move-in)";
    StartInspection => "开始", "Start";
    UnderWay => "进行中", "Under way";
    NoneUnderWay => "没有进行中的巡检。", "No inspection under way.";
    DueToday => "今日待巡检", "Due today";
    NothingDue => "今天的巡检计划都已完成。", "Every scheduled inspection is done for now.";
    DueNow => "待完成", "Due";
    AllTemplates => "全部模板", "All templates";
    AllResults => "全部结果", "All results";
    ResultPassed => "合格", "Passed";
    ResultFailed => "有不合格项", "Failures";
    Result => "结果", "Result";
    NoInspections => "没有符合条件的巡检。", "No inspections found.";
    Frequency => "频次", "Frequency";
    AddSchedule => "加入计划", "Add to schedule";
    DoneThisPeriod => "本期已完成", "Done this period";
    StopSchedule => "停止", "Stop";
    NoWorkOrders => "还没有工单。", "No work orders yet.";
    FromInspection => "查看巡检", "See the inspection";
    NotFailed => "只有不合格项才能转工单。", "Only a failed item becomes a work order.";
    CannotFinish => "还不能完成:", "Cannot finish yet: ";
    Answered => "已答", "Answered";
    FailedItems => "不合格", "failed";
    InspectionFinished => "巡检已完成并签名。", "Inspection finished and signed.";
    Report => "查看报告", "Report";
    SignOff => "签名确认", "Sign-off";
    FinishInspection => "完成巡检", "Finish inspection";
    Pass => "合格", "Pass";
    Fail => "不合格", "Fail";
    NotApplicable => "不适用", "N/A";
    Yes => "是", "Yes";
    No => "否", "No";
    AllowedRise => "允许增量", "allowed rise";
    NotANumber => "请输入数字。", "Enter a number.";
    Signed => "已签名", "Signed";
    SaveSignature => "保存签名", "Save signature";
    PhotoNeeded => "不合格须拍照", "needs a photo";
    NoteNeeded => "不合格须写明情况", "needs a note";
    FailureNote => "写明情况", "What is wrong";
    WorkOrderMade => "已生成工单", "Work order made";
    MakeWorkOrder => "转维修工单", "Make a work order";
    Item => "检查项", "Item";
    AnswerCol => "结果", "Answer";
    NotesAndPhotos => "说明与照片", "Notes and photos";
    PrintReport => "打印报告(A4)", "Print report (A4)";
    Inspector => "巡检人", "Inspector";
    Started => "开始时间", "Started";
    Finished => "完成时间", "Finished";
    TemplateVersion => "模板版本", "Template version";
    NewTemplate => "新建模板", "New template";
    ItemsCount => "项", "items";
    BuiltIn => "内置", "built in";
    Retired => "已停用", "retired";
    Edit => "编辑", "Edit";
    Copy => "复制", "Copy";
    Reinstate => "启用", "Reinstate";
    Retire => "停用", "Retire";
    BadLimits => "上下限须为数字:", "Limits must be numbers: ";
    TemplateSaved => "模板已保存为新版本。", "Template saved as a new version.";
    EditTemplate => "编辑模板", "Edit template";
    TemplateTitle => "模板名称", "Template name";
    Category => "类别", "Category";
    SectionTitle => "分组名称(如 给排水)", "Section (e.g. water supply)";
    ItemLabel => "检查项名称", "Item";
    Required => "必填", "Required";
    PhotoOnFail => "不合格须拍照", "Photo when failed";
    NoteOnFail => "不合格须说明", "Note when failed";
    RemoveItem => "删除此项", "Remove";
    Unit => "单位", "Unit";
    Min => "下限", "Min";
    Max => "上限", "Max";
    OptionsHint => "选项,用逗号分隔", "Options, comma-separated";
    FailingHint => "算不合格的选项,用逗号分隔", "Failing options, comma-separated";
    YesFails => "回答“是”算不合格", "\"Yes\" fails";
    AddItem => "添加检查项", "Add item";
    AddSection => "添加分组", "Add section";

    DemoTitle => "演示数据", "Demo data";
    DemoHint => "加入一批虚构的住户、访客、快递和巡检记录(姓名电话均为随机生成),用来熟悉各个页面;用完可一键删除,只删演示记录。",
        "Adds made-up residents, visitors, parcels and inspections (random names and phones) to try every screen; removable in one tap, and only the demo records go.";
    DemoLoad => "加入演示数据", "Load demo data";
    DemoRemove => "删除演示数据", "Remove demo data";

    StartupFailed => "LobbyDesk 无法启动", "LobbyDesk cannot start";
    TryAgain => "重试", "Try again";
}
