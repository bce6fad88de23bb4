//! The app's modules (DOMAIN.md), one folder each: `src/modules/<name>/` holds the module's
//! routes (a parent route with its tab bar), screens, data access and texts.
//!
//! [`MODULES`] lists them in navigation order, one registration line per module; the navigation
//! rail, the settings page (module settings cards) and the home page (module cards) are drawn
//! from it. The routes cannot be a list (each route tree has its own type), so `app::Shell`
//! holds one line per module calling its `Routes`.
//!
//! A new module: its folder (`mod.rs` with `TABS` and `Routes`, `texts.rs`, screens), one
//! `pub mod` and one registration line here, one `<name::Routes />` line in `app.rs`.

pub mod complaints;
pub mod contacts;
pub mod deposits;
pub mod fees;
pub mod handover;
pub mod inspections;
pub mod keys;
pub mod parcels;
pub mod release_passes;
pub mod residents;
pub mod visitors;
pub mod work_orders;

use crate::components::tabs::Tab;
use crate::i18n::{Msg, Text};
use leptos::prelude::AnyView;
use lobbydesk_core::permit::Action;

pub struct Module {
    /// URL path segment; `""` is the home screen.
    pub slug: &'static str,
    pub name: Msg,
    /// What the module covers, shown on its page while it is not built.
    pub about: Text,
    pub built: bool,
    /// The tab bar above the module's screens.
    pub tabs: &'static [Tab],
    /// The module's card on the settings page.
    pub settings: Option<fn() -> AnyView>,
    /// The module's card on the home screen.
    pub home: Option<fn() -> AnyView>,
    /// Shown in the navigation only to people who may do this.
    pub needs: Option<Action>,
}

/// A screen of the app's own (home, settings) or a module this build does not have yet.
const fn plain(slug: &'static str, name: Msg, about: Msg, built: bool) -> Module {
    Module {
        slug,
        name,
        about: about.tx(),
        built,
        tabs: &[],
        settings: None,
        home: None,
        needs: None,
    }
}

/// A built module.
const fn built(
    slug: &'static str,
    name: Msg,
    about: Msg,
    tabs: &'static [Tab],
    settings: Option<fn() -> AnyView>,
    home: Option<fn() -> AnyView>,
) -> Module {
    Module {
        slug,
        name,
        about: about.tx(),
        built: true,
        tabs,
        settings,
        home,
        needs: None,
    }
}

#[rustfmt::skip]
pub const MODULES: &[Module] = &[
    plain("", Msg::Home, Msg::Memo, true),
    built("visitors", Msg::Visitors, Msg::AboutVisitors, visitors::TABS, Some(visitors::settings_card), None),
    built("parcels", Msg::Parcels, Msg::AboutParcels, parcels::TABS, Some(parcels::settings_card), None),
    built("deposits", Msg::Deposits, Msg::AboutDeposits, deposits::TABS, None, None),
    built("inspections", Msg::Inspections, Msg::AboutInspections, inspections::TABS, None, Some(inspections::home_card)),
    built("work-orders", Msg::WorkOrders, Msg::AboutWorkOrders, work_orders::TABS, Some(work_orders::settings_card), Some(work_orders::home_card)),
    built("complaints", Msg::Complaints, Msg::AboutComplaints, complaints::TABS, Some(complaints::settings_card), None),
    built("contacts", Msg::CallsWalkIns, Msg::AboutCallsWalkIns, contacts::TABS, Some(contacts::settings_card), Some(contacts::home_card)),
    built("handover", Msg::Handover, Msg::AboutHandover, handover::TABS, Some(handover::settings_card), None),
    built("keys", Msg::Keys, Msg::AboutKeys, keys::TABS, Some(keys::settings_card), Some(keys::home_card)),
    Module { needs: Some(lobbydesk_core::modules::release_passes::READ_PASSES), ..built("release-passes", Msg::ReleasePasses, Msg::AboutReleasePasses, release_passes::TABS, None, None) },
    built("fees", Msg::Fees, Msg::AboutFees, fees::TABS, Some(fees::settings_card), None),
    built("residents", Msg::Residents, Msg::AboutResidents, residents::TABS, None, None),
    plain("reports", Msg::Reports, Msg::AboutReports, false),
    Module { needs: Some(Action::CHANGE_SETTINGS), ..plain("settings", Msg::Settings, Msg::Settings, true) },
];

pub fn by_slug(slug: &str) -> Option<&'static Module> {
    MODULES.iter().find(|m| m.slug == slug)
}
