//! Who may do what. Each action carries the roles that may take it ([`Action`]); each record
//! kind's spec names the actions its writes and reads need. The UI hides what a role may not do
//! and the guarded store refuses it, both from here.

pub use crate::actor::Action;
use crate::actor::Role;
use crate::registry;

/// Whether someone with `roles` may do `action`.
pub fn allowed(roles: &[Role], action: Action) -> bool {
    action.allowed(roles)
}

/// The action writing a record of `kind` needs. Kinds no module registered need a supervisor.
pub fn write_action(kind: &str) -> Action {
    registry::kind(kind).map_or(Action::CHANGE_SETTINGS, |k| k.write)
}

/// The action reading records of `kind` needs, if any.
pub fn read_action(kind: &str) -> Option<Action> {
    registry::kind(kind).and_then(|k| k.read)
}

/// Every action a registered kind needs, and the desk's own, once each.
pub fn actions() -> Vec<Action> {
    let mut all = vec![
        Action::READ_RECORDS,
        Action::WRITE_MEMO,
        Action::VIEW_FULL_ID,
        Action::CHANGE_SETTINGS,
        Action::MANAGE_STAFF,
        Action::VIEW_AUDIT,
        Action::EXPORT,
        Action::IMPORT,
        Action::RESOLVE_CONFLICTS,
        Action::PURGE,
    ];
    for k in registry::kinds() {
        for a in std::iter::once(k.write).chain(k.read) {
            if !all.contains(&a) {
                all.push(a);
            }
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::modules::{inspections, parcels, residents, visitors};
    use Role::*;

    #[test]
    fn no_two_actions_share_a_code_and_a_supervisor_may_take_each() {
        let all = actions();
        for a in &all {
            assert_eq!(all.iter().filter(|b| b.code == a.code).count(), 1, "{a:?}");
            assert!(allowed(&[Supervisor], *a), "{a:?}");
        }
    }

    #[test]
    fn inspectors_walk_inspections_and_only_supervisors_change_templates() {
        assert!(allowed(&[Inspector], inspections::INSPECT));
        assert!(!allowed(&[Inspector], inspections::MANAGE_TEMPLATES));
        assert!(!allowed(&[Inspector], visitors::REGISTER_VISITOR));
        assert!(allowed(&[Supervisor], inspections::MANAGE_TEMPLATES));
        assert_eq!(write_action("inspection"), inspections::INSPECT);
        assert!(allowed(&[Inspector], write_action("photo")));
        assert!(allowed(&[Inspector], write_action("work_order")));
        assert_eq!(write_action("template"), inspections::MANAGE_TEMPLATES);
    }

    #[test]
    fn a_clerk_registers_visitors_but_may_not_export_change_settings_or_read_the_audit() {
        assert!(allowed(&[Clerk], visitors::REGISTER_VISITOR));
        assert!(allowed(&[Clerk], parcels::HANDLE_PARCELS));
        assert!(allowed(&[Clerk], residents::MANAGE_DIRECTORY));
        assert!(allowed(&[Clerk], Action::WRITE_MEMO));
        for a in [
            Action::EXPORT,
            Action::IMPORT,
            Action::CHANGE_SETTINGS,
            Action::VIEW_AUDIT,
            Action::MANAGE_STAFF,
            Action::VIEW_FULL_ID,
            visitors::MANAGE_WATCH_LIST,
            Action::PURGE,
            Action::RESOLVE_CONFLICTS,
        ] {
            assert!(!allowed(&[Clerk], a), "{a:?}");
        }
    }

    #[test]
    fn an_inspector_writes_memos_but_does_not_register_visitors() {
        assert!(allowed(&[Inspector], Action::WRITE_MEMO));
        assert!(!allowed(&[Inspector], visitors::REGISTER_VISITOR));
        assert!(allowed(&[Inspector, Clerk], visitors::REGISTER_VISITOR));
    }

    #[test]
    fn unknown_kinds_need_a_supervisor_and_the_audit_needs_one_to_read() {
        assert_eq!(write_action("something-new"), Action::CHANGE_SETTINGS);
        assert_eq!(read_action("audit"), Some(Action::VIEW_AUDIT));
        assert_eq!(read_action("visit"), None);
        assert_eq!(write_action("conflict"), Action::RESOLVE_CONFLICTS);
        assert_eq!(write_action("exchange"), Action::EXPORT);
        assert!(Action::EXPORT.refusal(Lang::Zh).contains("导出"));
    }
}
