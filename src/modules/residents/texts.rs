//! The residents directory screens' texts.

use crate::i18n::{messages, phrases};

messages! {
    /// A text of the residents directory screens.
    pub enum ResidentMsg {
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
        ColumnMapping => "核对各列含义", "Check what each column holds";
        DoNotImport => "不导入", "Do not import";
        Preview => "预览", "Preview";
        RowsReady => "行可导入", "rows ready";
        RowsWithProblems => "行有问题,不会导入", "rows with problems, not imported";
        AddResident => "添加住户", "Add a resident";
        ResidentRoleLabel => "身份", "Role";
        ParkingSpace => "车位", "Parking space";
        NameNeeded => "请填写姓名。", "Enter the name.";
    }
}

phrases! {
    /// A chosen spreadsheet: its name and size.
    fn file_rows(lang, file: &str, n: usize) => "{file} · {n} 行", "{file} · {n} rows";
    /// Where a row's problems are.
    fn row_label(lang, line: usize) => "第 {line} 行:", "Row {line}: ";
    /// The same, with the person the row names.
    fn row_label_named(lang, line: usize, name: &str) => "第 {line} 行({name}):", "Row {line} ({name}): ";
    /// Rows above the header row (a title) that were skipped.
    fn title_rows_skipped(lang, n: usize) => "表头上方的 {n} 行(标题)已跳过", "{n} rows above the headers (a title) skipped";
    /// The import button.
    fn import_rows(lang, n: usize) => "导入 {n} 行", "Import {n} rows";
    /// What an import did.
    #[allow(clippy::too_many_arguments)]
    fn import_done(
        lang,
        new_units: usize,
        updated_units: usize,
        new_residents: usize,
        updated_residents: usize,
        same_units: usize,
        same_residents: usize,
        skipped: usize
    ) =>
        "导入完成:房屋新增 {new_units},更新 {updated_units},未变 {same_units};住户新增 {new_residents},更新 {updated_residents},未变 {same_residents};跳过有问题的行 {skipped}。",
        "Imported: units {new_units} new, {updated_units} updated, {same_units} unchanged; residents {new_residents} new, {updated_residents} updated, {same_residents} unchanged; {skipped} rows with problems skipped.";
}
