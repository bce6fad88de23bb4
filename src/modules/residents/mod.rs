//! 住户 The residents directory: find by unit, name, phone or plate; a unit's page; importing the
//! office's spreadsheet.

pub mod data;
pub mod import;
pub mod texts;
pub mod unit;

use crate::components::form::submit_once;
use crate::components::form::{SearchBox, SelectField, TextField, enter_moves_on};
use crate::components::tabs::{Tab, TabbedModule};
use crate::desk::use_desk;
use crate::i18n::Msg;
use import::ImportPage;
use leptos::prelude::*;
use leptos_router::components::{A, ParentRoute, Route};
use leptos_router::path;
use lobbydesk_core::modules::residents::Resident;
use texts::ResidentMsg;
use unit::UnitPage;

/// The tabs above every directory screen.
pub const TABS: &[Tab] = &[
    Tab::new("/residents", ResidentMsg::Find.tx(), "tab-find"),
    Tab::new("/residents/import", ResidentMsg::Import.tx(), "tab-import"),
];

/// `/residents`: finding, importing and a unit's page, under the tab bar.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/residents") view=|| view! { <TabbedModule label=Msg::Residents tabs=TABS /> }>
            <Route path=path!("") view=ResidentsPage />
            <Route path=path!("/import") view=ImportPage />
            <Route path=path!("/u/:key") view=UnitPage />
        </ParentRoute>
    }
    .into_inner()
}

/// One resident in a list, with links to their units.
#[component]
pub fn ResidentRow(resident: Resident) -> impl IntoView {
    let desk = use_desk();
    let r = resident;
    let role = r.role;
    let phones = r
        .phones
        .iter()
        .map(|p| p.display())
        .collect::<Vec<_>>()
        .join(" / ");
    let plates = r
        .vehicles
        .iter()
        .map(|v| {
            if v.space.is_empty() {
                v.plate.as_str().to_string()
            } else {
                format!("{} ({})", v.plate.as_str(), v.space)
            }
        })
        .collect::<Vec<_>>()
        .join(" / ");
    view! {
        <li class="visit-row" data-testid="resident-row">
            <div class="visit-main">
                <div class="visit-line1">
                    <strong data-testid="resident-name">{r.name.clone()}</strong>
                    <span class="badge">{move || role.label(desk.lang.get())}</span>
                    <span class="muted">{phones}</span>
                    {r.id_doc.as_ref().map(|d| view! { <span class="muted mono">{d.masked()}</span> })}
                </div>
                <div class="visit-line2">
                    {r.units.iter().map(|u| {
                        let key = u.key();
                        view! { <A href=format!("/residents/u/{key}") attr:class="unit-link">{key.clone()}</A> " " }
                    }).collect_view()}
                    {(!plates.is_empty()).then(|| view! { <span class="muted mono">" · " {plates.clone()}</span> })}
                </div>
            </div>
        </li>
    }
}

#[component]
pub fn ResidentsPage() -> impl IntoView {
    let desk = use_desk();
    let text = RwSignal::new(String::new());
    let found = LocalResource::new(move || {
        desk.revision();
        let t = text.get();
        async move {
            if t.trim().is_empty() {
                Ok(Vec::new())
            } else {
                data::search(desk, &t, 50).await
            }
        }
    });
    view! {
        <section class="page residents">
            <div class="card">
                <SearchBox id="res-search" label=Msg::Search value=text placeholder=ResidentMsg::SearchResidentsHint testid="res-search" />
            </div>
            <AddResident />
            <Transition>
                {move || Suspend::new(async move {
                    match found.await {
                        Err(e) => view! { <p class="field-error" role="alert">{desk.explain(&e)}</p> }.into_any(),
                        Ok(list) if list.is_empty() && !text.get_untracked().trim().is_empty() => view! {
                            <p class="empty card">{desk.tr(ResidentMsg::NoResidentsFound)}</p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ul class="visit-list card" data-testid="resident-list">
                                {list.into_iter().map(|(_, r)| view! { <ResidentRow resident=r /> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Adding one resident at the desk (a new tenant moves in). The row goes through the same checks
/// and the same plan as an imported roster, so an existing person or unit is updated, not doubled.
#[component]
fn AddResident() -> impl IntoView {
    use crate::platform::clock::BrowserClock;
    use lobbydesk_core::Localized;
    use lobbydesk_core::clock::Clock;
    use lobbydesk_core::modules::residents::{Column, ResidentRole, check_rows};
    use lobbydesk_core::sheet::Table;

    let desk = use_desk();
    let open = RwSignal::new(false);
    let (unit, name, role, phone, plate, space) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(ResidentRole::Owner.code().to_string()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let problem = RwSignal::new(None::<String>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = desk.lang.get_untracked();
        let role_label = ResidentRole::ALL
            .iter()
            .find(|r| r.code() == role.get_untracked())
            .map(|r| r.code())
            .unwrap_or("owner");
        let table = Table {
            headers: Vec::new(),
            rows: vec![vec![
                unit.get_untracked(),
                name.get_untracked(),
                role_label.into(),
                phone.get_untracked(),
                plate.get_untracked(),
                space.get_untracked(),
            ]],
            source: String::new(),
            skipped_above: 0,
        };
        let mapping = [
            Column::Unit,
            Column::Name,
            Column::Role,
            Column::Phone,
            Column::Plate,
            Column::ParkingSpace,
        ]
        .map(Some);
        let checked = check_rows(
            &table,
            &mapping,
            lobbydesk_core::time::local_date(BrowserClock.now()),
        );
        if let Some(bad) = checked.bad.first() {
            return problem.set(Some(
                bad.problems
                    .iter()
                    .map(|p| p.message(lang))
                    .collect::<Vec<_>>()
                    .join(" "),
            ));
        }
        if name.get_untracked().trim().is_empty() {
            return problem.set(Some(ResidentMsg::NameNeeded.text(lang).into()));
        }
        let result = data::import_rows(desk, &checked.good).await;
        match result {
            Ok(_) => {
                for s in [unit, name, phone, plate, space] {
                    s.set(String::new());
                }
                problem.set(None);
                open.set(false);
                desk.toasts.info(desk.t(Msg::Saved));
                desk.changed();
            }
            Err(e) => problem.set(Some(desk.explain(&e))),
        }
    });
    let roles = Signal::derive(move || {
        let lang = desk.lang.get();
        ResidentRole::ALL
            .iter()
            .map(|r| (r.code().to_string(), r.label(lang).to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || !open.get()>
            <button class="secondary" data-testid="add-resident-open" on:click=move |_| open.set(true)>{desk.tr(ResidentMsg::AddResident)}</button>
        </Show>
        <Show when=move || open.get()>
            <form class="card" novalidate on:keydown=enter_moves_on data-testid="add-resident"
                on:submit=submit_once(save)>
                <h2>{desk.tr(ResidentMsg::AddResident)}</h2>
                <div class="grid2">
                    <TextField id="ar-unit" label=Msg::HostUnit value=unit testid="ar-unit" placeholder=Msg::UnitPlaceholder maxlength=40 />
                    <TextField id="ar-name" label=Msg::WatchName value=name testid="ar-name" maxlength=40 />
                    <SelectField id="ar-role" label=ResidentMsg::ResidentRoleLabel value=role options=roles testid="ar-role" />
                    <TextField id="ar-phone" label=Msg::Phone value=phone testid="ar-phone" kind="tel" maxlength=40 />
                    <TextField id="ar-plate" label=Msg::Plate value=plate testid="ar-plate" maxlength=12 />
                    <TextField id="ar-space" label=ResidentMsg::ParkingSpace value=space testid="ar-space" maxlength=20 />
                </div>
                <p class="field-error" role="alert" data-testid="ar-error">{move || problem.get()}</p>
                <div class="row end">
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>{desk.tr(Msg::Cancel)}</button>
                    <button type="submit" data-testid="ar-save" disabled=move || save.pending().get()>{desk.tr(Msg::Save)}</button>
                </div>
            </form>
        </Show>
    }
}
