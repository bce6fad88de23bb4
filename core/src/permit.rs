//! Who may do what: one table, used by the UI to hide what a role may not do and by the
//! guarded store to refuse it.

use crate::lang::Lang;
use crate::staff::Role;

/// A guarded action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Write memos (备忘录).
    WriteMemo,
    /// Register visitors and sign them out.
    RegisterVisitor,
    /// Take in, hand over, return parcels.
    HandleParcels,
    /// Keep the residents directory: units, residents, vehicles, imports from spreadsheets.
    ManageDirectory,
    /// See a visitor's full ID number (the detail view).
    ViewFullId,
    /// Keep the watch list (重点人员).
    ManageWatchList,
    /// Change settings.
    ChangeSettings,
    /// Add staff, change roles, reset PINs.
    ManageStaff,
    /// Read the audit trail.
    ViewAudit,
    /// Export data files.
    Export,
    /// Import data files.
    Import,
    /// Resolve sync conflicts.
    ResolveConflicts,
    /// Purge personal data after the retention period.
    Purge,
    /// Walk inspections, take their photos, turn failed items into work orders.
    Inspect,
    /// Create, edit, copy and retire checklist templates; set inspection schedules.
    ManageTemplates,
}

use Role::*;

/// The permission table.
pub const TABLE: &[(Action, &[Role])] = &[
    (Action::WriteMemo, &[Clerk, Supervisor, Inspector]),
    (Action::RegisterVisitor, &[Clerk, Supervisor]),
    (Action::ManageDirectory, &[Clerk, Supervisor]),
    (Action::HandleParcels, &[Clerk, Supervisor]),
    (Action::ViewFullId, &[Supervisor]),
    (Action::ManageWatchList, &[Supervisor]),
    (Action::ChangeSettings, &[Supervisor]),
    (Action::ManageStaff, &[Supervisor]),
    (Action::ViewAudit, &[Supervisor]),
    (Action::Export, &[Supervisor]),
    (Action::Import, &[Supervisor]),
    (Action::ResolveConflicts, &[Supervisor]),
    (Action::Purge, &[Supervisor]),
    (Action::Inspect, &[Inspector, Supervisor, Clerk]),
    (Action::ManageTemplates, &[Supervisor]),
];

/// Whether someone with `roles` may do `action`.
pub fn allowed(roles: &[Role], action: Action) -> bool {
    TABLE
        .iter()
        .any(|(a, who)| *a == action && who.iter().any(|r| roles.contains(r)))
}

/// The action writing a record of `kind` needs. Kinds not listed need a supervisor.
pub fn write_action(kind: &str) -> Action {
    match kind {
        "memo" => Action::WriteMemo,
        "visit" => Action::RegisterVisitor,
        "unit" | "resident" => Action::ManageDirectory,
        "parcel" => Action::HandleParcels,
        "watch" => Action::ManageWatchList,
        "staff" => Action::ManageStaff,
        "inspection" | "photo" | "work_order" => Action::Inspect,
        "template" | "schedule" => Action::ManageTemplates,
        crate::sync::CONFLICT_KIND => Action::ResolveConflicts,
        crate::sync::EXCHANGE_KIND => Action::Export,
        _ => Action::ChangeSettings,
    }
}

/// The action reading records of `kind` needs, if any.
pub fn read_action(kind: &str) -> Option<Action> {
    match kind {
        crate::audit::KIND => Some(Action::ViewAudit),
        _ => None,
    }
}

/// The clerk-facing refusal.
pub fn refusal(action: Action, lang: Lang) -> String {
    let what = match action {
        Action::WriteMemo => lang.pick("写备忘", "write memos"),
        Action::RegisterVisitor => lang.pick("登记访客", "register visitors"),
        Action::ManageDirectory => lang.pick("维护住户档案", "keep the residents directory"),
        Action::HandleParcels => lang.pick("收发快递", "handle parcels"),
        Action::ViewFullId => lang.pick("查看完整证件号", "see full ID numbers"),
        Action::ManageWatchList => lang.pick("管理重点人员名单", "keep the watch list"),
        Action::ChangeSettings => lang.pick("更改设置", "change settings"),
        Action::ManageStaff => lang.pick("管理人员与 PIN", "manage staff and PINs"),
        Action::ViewAudit => lang.pick("查看操作记录", "read the audit trail"),
        Action::Export => lang.pick("导出数据", "export data"),
        Action::Import => lang.pick("导入数据", "import data"),
        Action::ResolveConflicts => lang.pick("处理同步冲突", "resolve sync conflicts"),
        Action::Purge => lang.pick("清除个人信息", "purge personal data"),
        Action::Inspect => lang.pick("进行巡检", "carry out inspections"),
        Action::ManageTemplates => lang.pick(
            "管理巡检模板和计划",
            "manage checklist templates and schedules",
        ),
    };
    match lang {
        Lang::Zh => format!("当前值班人员无权{what},请主管操作。"),
        Lang::En => format!("The person on duty may not {what}; ask a supervisor."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_in_the_table_once() {
        let all = [
            Action::WriteMemo,
            Action::RegisterVisitor,
            Action::ManageDirectory,
            Action::HandleParcels,
            Action::ViewFullId,
            Action::ManageWatchList,
            Action::ChangeSettings,
            Action::ManageStaff,
            Action::ViewAudit,
            Action::Export,
            Action::Import,
            Action::ResolveConflicts,
            Action::Purge,
            Action::Inspect,
            Action::ManageTemplates,
        ];
        for a in all {
            assert_eq!(TABLE.iter().filter(|(b, _)| *b == a).count(), 1, "{a:?}");
        }
        assert_eq!(TABLE.len(), all.len());
    }

    #[test]
    fn inspectors_walk_inspections_and_only_supervisors_change_templates() {
        assert!(allowed(&[Inspector], Action::Inspect));
        assert!(!allowed(&[Inspector], Action::ManageTemplates));
        assert!(!allowed(&[Inspector], Action::RegisterVisitor));
        assert!(allowed(&[Supervisor], Action::ManageTemplates));
        assert_eq!(write_action("inspection"), Action::Inspect);
        assert_eq!(write_action("photo"), Action::Inspect);
        assert_eq!(write_action("template"), Action::ManageTemplates);
    }

    #[test]
    fn a_clerk_registers_visitors_but_may_not_export_change_settings_or_read_the_audit() {
        assert!(allowed(&[Clerk], Action::RegisterVisitor));
        assert!(allowed(&[Clerk], Action::WriteMemo));
        for a in [
            Action::Export,
            Action::Import,
            Action::ChangeSettings,
            Action::ViewAudit,
            Action::ManageStaff,
            Action::ViewFullId,
            Action::ManageWatchList,
            Action::Purge,
            Action::ResolveConflicts,
        ] {
            assert!(!allowed(&[Clerk], a), "{a:?}");
        }
    }

    #[test]
    fn a_supervisor_may_do_everything() {
        for (a, _) in TABLE {
            assert!(allowed(&[Supervisor], *a), "{a:?}");
        }
    }

    #[test]
    fn an_inspector_writes_memos_but_does_not_register_visitors() {
        assert!(allowed(&[Inspector], Action::WriteMemo));
        assert!(!allowed(&[Inspector], Action::RegisterVisitor));
        assert!(allowed(&[Inspector, Clerk], Action::RegisterVisitor));
    }

    #[test]
    fn unknown_kinds_need_a_supervisor_and_the_audit_needs_one_to_read() {
        assert_eq!(write_action("something-new"), Action::ChangeSettings);
        assert_eq!(read_action("audit"), Some(Action::ViewAudit));
        assert_eq!(read_action("visit"), None);
        assert!(refusal(Action::Export, Lang::Zh).contains("导出"));
    }
}
