//! The inspection screens' texts.

use crate::i18n::{Lang, messages, phrases};

messages! {
    /// A text of the inspection screens.
    pub enum InspectionMsg {
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
        Result => "结果", "Result";
        NoInspections => "没有符合条件的巡检。", "No inspections found.";
        Frequency => "频次", "Frequency";
        AddSchedule => "加入计划", "Add to schedule";
        DoneThisPeriod => "本期已完成", "Done this period";
        StopSchedule => "停止", "Stop";
        NotFailed => "只有不合格项才能转工单。", "Only a failed item becomes a work order.";
        InspectionFinished => "巡检已完成并签名。", "Inspection finished and signed.";
        Report => "查看报告", "Report";
        SignOff => "签名确认", "Sign-off";
        InspectorSignsHere => "请巡检人在此签名", "Inspector signs here";
        SignerSignsHere => "请签字人在此签名", "Signer signs here";
        FinishInspection => "完成巡检", "Finish inspection";
        Pass => "合格", "Pass";
        Fail => "不合格", "Fail";
        NotApplicable => "不适用", "N/A";
        Yes => "是", "Yes";
        No => "否", "No";
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
        BuiltIn => "内置", "built in";
        Retired => "已停用", "retired";
        Edit => "编辑", "Edit";
        Copy => "复制", "Copy";
        Reinstate => "启用", "Reinstate";
        Retire => "停用", "Retire";
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
    }
}

phrases! {
    /// A run's progress line.
    fn progress(lang, answered: usize, total: usize, failed: usize) =>
        "已答 {answered}/{total} · 不合格 {failed}", "Answered {answered}/{total} · failed {failed}";
    /// How far a reading may rise over the last one.
    fn allowed_rise(lang, rise: impl std::fmt::Display, unit: &str) =>
        "允许增量 ≤ {rise} {unit}", "allowed rise ≤ {rise} {unit}";
    /// The work order made from an item, by the start of its id.
    fn work_order_made(lang, id: &str) => "已生成工单 {id}", "Work order made {id}";
    /// A template's size and version.
    fn items_and_version(lang, n: usize, version: u32) => "{n} 项 · v{version}", "{n} items · v{version}";
    /// An item's limits that are not numbers.
    fn bad_limits(lang, item: &str) => "上下限须为数字:{item}", "Limits must be numbers: {item}";
}

/// Photos given as an answer.
pub fn photo_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{n} 张照片"),
        Lang::En if n == 1 => "1 photo".into(),
        Lang::En => format!("{n} photos"),
    }
}

/// Why an inspection cannot be finished yet: the problems, listed.
pub fn cannot_finish(lang: Lang, problems: &[String]) -> String {
    match lang {
        Lang::Zh => format!("还不能完成:{}", problems.join(";")),
        Lang::En => format!("Cannot finish yet: {}", problems.join("; ")),
    }
}
