//! 住户 The residents directory: find by unit, name, phone or plate; a unit's page; importing the
//! office's spreadsheet.

pub mod data;
pub mod import;
pub mod unit;

use crate::components::form::SearchBox;
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::directory::Resident;

/// The tabs above every directory screen.
#[component]
pub fn ResidentTabs() -> impl IntoView {
    let desk = use_desk();
    view! {
        <nav class="tabs" aria-label=desk.tr(Msg::Residents)>
            <A href="/residents" attr:class="tab" attr:data-testid="tab-find" exact=true>{desk.tr(Msg::Find)}</A>
            <A href="/residents/import" attr:class="tab" attr:data-testid="tab-import" exact=true>{desk.tr(Msg::Import)}</A>
        </nav>
    }
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
            <ResidentTabs />
            <div class="card">
                <SearchBox id="res-search" label=Msg::Search value=text placeholder=Msg::SearchResidentsHint testid="res-search" />
            </div>
            <Transition>
                {move || Suspend::new(async move {
                    match found.await {
                        Err(e) => view! { <p class="field-error" role="alert">{desk.explain(&e)}</p> }.into_any(),
                        Ok(list) if list.is_empty() && !text.get_untracked().trim().is_empty() => view! {
                            <p class="empty card">{desk.tr(Msg::NoResidentsFound)}</p>
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
