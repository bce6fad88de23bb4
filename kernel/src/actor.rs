//! Who acts: a person's roles, the reference kept on records and audit entries, and the actions
//! the guarded store checks. Modules declare their own actions (`Action` consts beside their
//! records); the ones here belong to the desk as a whole.

use crate::id::RecordId;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// What a person may do at the desk. A person can have several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 前台/客服
    Clerk,
    /// 主管/值班经理
    Supervisor,
    /// 巡检员
    Inspector,
    /// 门岗安护员: checks release passes at the gate, and nothing else.
    Gate,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Clerk, Role::Supervisor, Role::Inspector, Role::Gate];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Clerk => lang.pick("前台", "Clerk"),
            Role::Supervisor => lang.pick("主管", "Supervisor"),
            Role::Inspector => lang.pick("巡检", "Inspector"),
            Role::Gate => lang.pick("门岗", "Gate guard"),
        }
    }
}

/// Who did something: kept on records and audit entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRef {
    /// `None` for the app itself (automatic sign-out, retention purge).
    pub id: Option<RecordId>,
    pub name: String,
}

/// A guarded action: its code, the roles that may take it, and what it is in the refusal
/// ("当前值班人员无权{what}"). Declared as consts; two actions are the same when their codes are.
#[derive(Clone, Copy, Debug)]
pub struct Action {
    pub code: &'static str,
    pub roles: &'static [Role],
    zh: &'static str,
    en: &'static str,
}

impl PartialEq for Action {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}
impl Eq for Action {}
impl std::hash::Hash for Action {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state)
    }
}

use Role::*;

impl Action {
    /// `what_zh`/`what_en` complete "the person on duty may not …".
    pub const fn new(
        code: &'static str,
        roles: &'static [Role],
        what_zh: &'static str,
        what_en: &'static str,
    ) -> Self {
        Action {
            code,
            roles,
            zh: what_zh,
            en: what_en,
        }
    }

    /// Whether someone with `roles` may take this action.
    pub fn allowed(&self, roles: &[Role]) -> bool {
        self.roles.iter().any(|r| roles.contains(r))
    }

    /// The clerk-facing refusal.
    pub fn refusal(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("当前值班人员无权{},请主管操作。", self.zh),
            Lang::En => format!("The person on duty may not {}; ask a supervisor.", self.en),
        }
    }

    /// Read the desk's records: every kind whose spec names no read action of its own. The gate
    /// role is not here: it reads release passes and nothing else.
    pub const READ_RECORDS: Action = Action::new(
        "read_records",
        &[Clerk, Supervisor, Inspector],
        "查看前台记录",
        "read the desk's records",
    );
    /// Write memos (备忘录).
    pub const WRITE_MEMO: Action = Action::new(
        "write_memo",
        &[Clerk, Supervisor, Inspector],
        "写备忘",
        "write memos",
    );
    /// See a person's full ID number (detail views).
    pub const VIEW_FULL_ID: Action = Action::new(
        "view_full_id",
        &[Supervisor],
        "查看完整证件号",
        "see full ID numbers",
    );
    /// Change settings; also what writing a kind no module declared needs.
    pub const CHANGE_SETTINGS: Action = Action::new(
        "change_settings",
        &[Supervisor],
        "更改设置",
        "change settings",
    );
    /// Add staff, change roles, reset PINs.
    pub const MANAGE_STAFF: Action = Action::new(
        "manage_staff",
        &[Supervisor],
        "管理人员与 PIN",
        "manage staff and PINs",
    );
    /// Read the audit trail.
    pub const VIEW_AUDIT: Action = Action::new(
        "view_audit",
        &[Supervisor],
        "查看操作记录",
        "read the audit trail",
    );
    /// Export data files.
    pub const EXPORT: Action = Action::new("export", &[Supervisor], "导出数据", "export data");
    /// Import data files.
    pub const IMPORT: Action = Action::new("import", &[Supervisor], "导入数据", "import data");
    /// Resolve sync conflicts.
    pub const RESOLVE_CONFLICTS: Action = Action::new(
        "resolve_conflicts",
        &[Supervisor],
        "处理同步冲突",
        "resolve sync conflicts",
    );
    /// Change or remove an audit entry: nobody may, a file included.
    pub const CHANGE_AUDIT: Action = Action::new(
        "change_audit",
        &[],
        "修改或删除操作记录",
        "change or remove audit entries",
    );
    /// Purge personal data after the retention period.
    pub const PURGE: Action = Action::new(
        "purge",
        &[Supervisor],
        "清除个人信息",
        "purge personal data",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_compared_by_code_and_refused_in_plain_words() {
        assert_eq!(Action::EXPORT, Action::new("export", &[], "", ""));
        assert_ne!(Action::EXPORT, Action::IMPORT);
        assert!(Action::WRITE_MEMO.allowed(&[Inspector]));
        assert!(!Action::EXPORT.allowed(&[Clerk, Inspector]));
        assert!(Action::EXPORT.allowed(&[Clerk, Supervisor]));
        assert_eq!(
            Action::EXPORT.refusal(Lang::Zh),
            "当前值班人员无权导出数据,请主管操作。"
        );
        assert!(Action::EXPORT.refusal(Lang::En).contains("export data"));
    }
}
