//! The modules of DOMAIN.md, in navigation order, and which of them this build has.

use crate::i18n::Msg;

pub struct Module {
    /// URL path segment; `""` is the home screen.
    pub slug: &'static str,
    pub name: Msg,
    /// What the module covers, shown on its page while it is not built.
    pub about: Msg,
    pub built: bool,
}

const fn m(slug: &'static str, name: Msg, about: Msg, built: bool) -> Module {
    Module {
        slug,
        name,
        about,
        built,
    }
}

pub const MODULES: &[Module] = &[
    m("", Msg::Home, Msg::Memo, true),
    m("visitors", Msg::Visitors, Msg::AboutVisitors, true),
    m("parcels", Msg::Parcels, Msg::AboutParcels, true),
    m("inspections", Msg::Inspections, Msg::AboutInspections, true),
    m("work-orders", Msg::WorkOrders, Msg::AboutWorkOrders, true),
    m("complaints", Msg::Complaints, Msg::AboutComplaints, false),
    m("contacts", Msg::CallsWalkIns, Msg::AboutCallsWalkIns, false),
    m("handover", Msg::Handover, Msg::AboutHandover, false),
    m("keys", Msg::Keys, Msg::AboutKeys, false),
    m(
        "release-passes",
        Msg::ReleasePasses,
        Msg::AboutReleasePasses,
        false,
    ),
    m("residents", Msg::Residents, Msg::AboutResidents, true),
    m("reports", Msg::Reports, Msg::AboutReports, false),
    m("settings", Msg::Settings, Msg::Settings, true),
];

pub fn by_slug(slug: &str) -> Option<&'static Module> {
    MODULES.iter().find(|m| m.slug == slug)
}
