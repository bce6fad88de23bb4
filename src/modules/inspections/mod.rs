//! 巡检 Inspections: start one from a template (place, unit), walk it answer by answer (each
//! saved as it is given, so closing the tab loses nothing), photos, failed items to work orders,
//! sign off; what is due today and overdue; the history; printable reports; templates and
//! schedules for supervisors.

pub mod data;
pub mod report;
pub mod run;
pub mod templates;
pub mod texts;

use crate::components::form::submit_once;
use crate::components::form::{SelectField, TextField};
use crate::components::loaded::{ListState, Loaded, rows};
use crate::components::tabs::{Tab, TabbedModule};
use crate::desk::{Desk, use_desk};
use crate::i18n::Msg;
use crate::pages::signin::Allowed;
use data::TemplateRow;
use leptos::prelude::*;
use leptos_router::components::{A, ParentRoute, Route};
use leptos_router::hooks::use_navigate;
use leptos_router::path;
use lobbydesk_core::modules::inspections::{
    Due, Frequency, INSPECT, InspectionResult, MANAGE_TEMPLATES, Schedule,
};
use lobbydesk_core::store::KeyRange;
use lobbydesk_core::time::{day_key, long};
use report::ReportPage;
use run::RunPage;
use templates::{TemplateEditPage, TemplatesPage};
use texts::InspectionMsg;

/// The `:id` of the current route (an inspection or a template).
fn route_id() -> Option<lobbydesk_core::RecordId> {
    leptos_router::hooks::use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|s| s.parse().ok())
}

/// The tabs above every inspection screen (and the work-order list).
pub const TABS: &[Tab] = &[
    Tab::new(
        "/inspections",
        InspectionMsg::InspectStart.tx(),
        "tab-insp-start",
    ),
    Tab::new(
        "/inspections/log",
        InspectionMsg::InspectLog.tx(),
        "tab-insp-log",
    ),
    Tab::new("/work-orders/list", Msg::WorkOrders.tx(), "tab-work-orders"),
    Tab::new(
        "/inspections/templates",
        InspectionMsg::Templates.tx(),
        "tab-templates",
    )
    .only_for(MANAGE_TEMPLATES),
    Tab::new(
        "/inspections/schedules",
        InspectionMsg::Schedules.tx(),
        "tab-schedules",
    )
    .only_for(MANAGE_TEMPLATES),
];

/// `/inspections`: start, the history, a run, a report, templates and schedules, under the
/// tab bar.
#[component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/inspections") view=|| view! { <TabbedModule label=Msg::Inspections tabs=TABS /> }>
            <Route path=path!("") view=|| view! { <Allowed needs=INSPECT><InspectionsPage /></Allowed> } />
            <Route path=path!("/log") view=InspectionLogPage />
            <Route path=path!("/run/:id") view=RunPage />
            <Route path=path!("/r/:id") view=ReportPage />
            <Route path=path!("/templates") view=|| view! { <Allowed needs=MANAGE_TEMPLATES><TemplatesPage /></Allowed> } />
            <Route path=path!("/templates/:id") view=|| view! { <Allowed needs=MANAGE_TEMPLATES><TemplateEditPage /></Allowed> } />
            <Route path=path!("/schedules") view=|| view! { <Allowed needs=MANAGE_TEMPLATES><SchedulesPage /></Allowed> } />
        </ParentRoute>
    }
    .into_inner()
}

/// The module's card on the home screen: what is due, for people who inspect.
pub fn home_card() -> AnyView {
    let desk = use_desk();
    view! {
        <Show when=move || desk.can(INSPECT)>
            <DueCard compact=true />
        </Show>
    }
    .into_any()
}

/// The template choices of a select: `first` (no template chosen), then every template in use.
fn template_options(
    desk: Desk,
    templates: LocalResource<Vec<TemplateRow>>,
    first: InspectionMsg,
) -> Signal<Vec<(String, String)>> {
    Signal::derive(move || {
        let lang = desk.lang.get();
        let rows = templates.get().unwrap_or_default();
        std::iter::once((String::new(), desk.t(first).to_string()))
            .chain(rows.iter().filter(|r| !r.template.retired).map(|r| {
                (
                    r.id.to_string(),
                    format!("{} · {}", r.template.category.label(lang), r.template.title),
                )
            }))
            .collect()
    })
}

/// The template chosen in a form, with a place given: what starting an inspection and adding a
/// schedule both need, or the message saying which is missing.
fn chosen_template(
    desk: Desk,
    templates: LocalResource<Vec<TemplateRow>>,
    chosen: RwSignal<String>,
    place: RwSignal<String>,
) -> Result<TemplateRow, String> {
    let id = chosen.get_untracked();
    let row = templates
        .get_untracked()
        .unwrap_or_default()
        .into_iter()
        .find(|r| r.id.to_string() == id)
        .ok_or_else(|| desk.t(InspectionMsg::ChooseTemplate).to_string())?;
    if place.get_untracked().trim().is_empty() {
        return Err(desk.t(InspectionMsg::PlaceNeeded).into());
    }
    Ok(row)
}

/// Start an inspection, see what is due and what is under way.
#[component]
pub fn InspectionsPage() -> impl IntoView {
    let desk = use_desk();
    let templates = LocalResource::new(move || {
        desk.revision();
        async move { data::templates(desk).await.unwrap_or_default() }
    });
    let chosen = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let options = template_options(desk, templates, InspectionMsg::ChooseTemplate);
    let navigate = use_navigate();
    let start = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            problem.set(None);
            let row = match chosen_template(desk, templates, chosen, place) {
                Ok(row) => row,
                Err(e) => return problem.set(Some(e)),
            };
            match data::start(desk, &row, &place.get_untracked(), &unit.get_untracked()).await {
                Ok(id) => navigate(&format!("/inspections/run/{id}"), Default::default()),
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let open = LocalResource::new(move || {
        desk.revision();
        async move {
            let open = InspectionResult::Open.code().to_string();
            data::list(desk, "result", KeyRange::Exact(open), 50).await
        }
    });
    view! {
        <section class="page inspections">
            <form class="card" data-testid="insp-start-form" on:submit=submit_once(start)>
                <h1>{desk.tr(InspectionMsg::InspectStart)}</h1>
                <SelectField id="insp-template" label=InspectionMsg::Template value=chosen options=options testid="insp-template" />
                <div class="grid2">
                    <TextField id="insp-place" label=InspectionMsg::Place value=place testid="insp-place" placeholder=InspectionMsg::PlaceHint />
                    <TextField id="insp-unit" label=InspectionMsg::UnitOptional value=unit testid="insp-unit" />
                </div>
                <button type="submit" data-testid="insp-start">{desk.tr(InspectionMsg::StartInspection)}</button>
                <p class="field-error" role="alert" data-testid="insp-start-error">{move || problem.get()}</p>
            </form>
            <DueCard />
            <div class="card">
                <h2>{desk.tr(InspectionMsg::UnderWay)}</h2>
                <Loaded state=ListState::watch(open) empty=InspectionMsg::NoneUnderWay>
                {move || rows(open).map(|v: Vec<data::Row>| view! {
                    <ul class="plain-list" data-testid="open-list">
                        {v.into_iter().map(|r| {
                            let s = r.insp.score();
                            view! {
                                <li data-testid="open-row">
                                    <A href=format!("/inspections/run/{}", r.env.meta.id)>
                                        {r.insp.title.clone()} " · " {r.insp.place.clone()} " · " {long(r.insp.started_at)}
                                        " · " {format!("{}/{}", s.answered(), s.total())}
                                    </A>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                </Loaded>
            </div>
        </section>
    }
}

/// What is due today and overdue, by schedule.
#[component]
pub fn DueCard(
    /// On the home screen: shown only when there are schedules, with a link to start.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let desk = use_desk();
    let due = LocalResource::new(move || {
        desk.revision();
        async move { data::due(desk).await }
    });
    let any = LocalResource::new(move || {
        desk.revision();
        async move {
            data::schedules(desk)
                .await
                .map(|v| !v.is_empty())
                .unwrap_or(false)
        }
    });
    let shown = move || !compact || any.get().unwrap_or(false);
    view! {
        <Show when=shown>
        <div class="card" data-testid="due-card">
            <h2>{desk.tr(InspectionMsg::DueToday)}</h2>
            <Suspense fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let lang = desk.lang.get();
                    match due.await {
                        Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
                        Ok(v) => {
                            let pending: Vec<_> = v.into_iter().filter(|(_, _, d)| *d != Due::Done).collect();
                            if pending.is_empty() {
                                return view! { <p class="hint" data-testid="nothing-due">{desk.tr(InspectionMsg::NothingDue)}</p> }.into_any();
                            }
                            view! {
                                <ul class="plain-list" data-testid="due-list">
                                    {pending.into_iter().map(|(_, s, d)| {
                                        let overdue = d == Due::Overdue;
                                        view! {
                                            <li data-testid="due-row" class:warn=overdue>
                                                {if overdue { desk.t(Msg::Overdue) } else { desk.t(InspectionMsg::DueNow) }} " · "
                                                {s.title.clone()} " · " {s.place.clone()} " · " {s.frequency.label(lang)}
                                                {compact.then(|| view! { " · " <A href="/inspections">{desk.tr(InspectionMsg::StartInspection)}</A> })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
        </Show>
    }
}

/// The history: by date range, template, place and result.
#[component]
pub fn InspectionLogPage() -> impl IntoView {
    let desk = use_desk();
    let today = lobbydesk_core::time::local_date(chrono::Utc::now());
    let from = RwSignal::new((today - chrono::Duration::days(30)).to_string());
    let to = RwSignal::new(today.to_string());
    let template = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let result = RwSignal::new(String::new());
    let templates =
        LocalResource::new(move || async move { data::templates(desk).await.unwrap_or_default() });
    let t_options = template_options(desk, templates, InspectionMsg::AllTemplates);
    let r_options = Signal::derive(move || {
        let lang = desk.lang.get();
        let all = (String::new(), desk.t(InspectionMsg::AllResults).to_string());
        std::iter::once(all)
            .chain(
                [
                    InspectionResult::Passed,
                    InspectionResult::Failed,
                    InspectionResult::Open,
                ]
                .map(|r| (r.code().to_string(), r.label(lang).to_string())),
            )
            .collect::<Vec<_>>()
    });
    let rows = LocalResource::new(move || {
        desk.revision();
        let (f, t) = (from.get(), to.get());
        let (tpl, pl, res) = (template.get(), place.get(), result.get());
        async move {
            let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            let (Some(f), Some(t)) = (parse(&f), parse(&t)) else {
                return Err(desk.t(Msg::BadDateRange).to_string());
            };
            let day = |d: chrono::NaiveDate| {
                day_key(lobbydesk_core::time::at_local(d, chrono::NaiveTime::MIN))
            };
            let v = data::list(desk, "day", KeyRange::Between(day(f), day(t)), 500).await?;
            Ok(v.into_iter()
                .filter(|r| tpl.is_empty() || r.insp.template.to_string() == tpl)
                .filter(|r| pl.trim().is_empty() || r.insp.place.contains(pl.trim()))
                .filter(|r| res.is_empty() || r.insp.result_code() == res)
                .collect::<Vec<_>>())
        }
    });
    view! {
        <section class="page inspections">
            <div class="card filters">
                <h1>{desk.tr(InspectionMsg::InspectLog)}</h1>
                <div class="grid3">
                    <TextField id="ilog-from" label=Msg::FromDate value=from kind="date" testid="ilog-from" />
                    <TextField id="ilog-to" label=Msg::ToDate value=to kind="date" testid="ilog-to" />
                    <TextField id="ilog-place" label=InspectionMsg::Place value=place testid="ilog-place" />
                    <SelectField id="ilog-template" label=InspectionMsg::Template value=template options=t_options testid="ilog-template" />
                    <SelectField id="ilog-result" label=InspectionMsg::Result value=result options=r_options testid="ilog-result" />
                </div>
            </div>
            <div class="card">
                <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                    {move || Suspend::new(async move {
                        match rows.await {
                            Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
                            Ok(v) if v.is_empty() => view! { <p class="hint" data-testid="ilog-empty">{desk.tr(InspectionMsg::NoInspections)}</p> }.into_any(),
                            Ok(v) => view! {
                                <ul class="plain-list" data-testid="ilog-list">
                                    {v.into_iter().map(|r| {
                                        let result = r.insp.result();
                                        let label = result.label(desk.lang.get());
                                        let href = if result == InspectionResult::Open {
                                            format!("/inspections/run/{}", r.env.meta.id)
                                        } else {
                                            format!("/inspections/r/{}", r.env.meta.id)
                                        };
                                        view! {
                                            <li data-testid="ilog-row" class:warn={result == InspectionResult::Failed}>
                                                <A href=href>
                                                    {long(r.insp.started_at)} " · " {r.insp.title.clone()} " · " {r.insp.place.clone()}
                                                    " · " {r.insp.inspector.clone()} " · " <strong>{label}</strong>
                                                </A>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        </section>
    }
}

/// Schedules: a template due at a place daily, weekly or monthly (supervisors).
#[component]
pub fn SchedulesPage() -> impl IntoView {
    let desk = use_desk();
    let templates =
        LocalResource::new(move || async move { data::templates(desk).await.unwrap_or_default() });
    let template = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let freq = RwSignal::new("daily".to_string());
    let problem = RwSignal::new(None::<String>);
    let t_options = template_options(desk, templates, InspectionMsg::ChooseTemplate);
    let f_options = Signal::derive(move || {
        let lang = desk.lang.get();
        Frequency::ALL
            .iter()
            .map(|f| (f.code().to_string(), f.label(lang).to_string()))
            .collect::<Vec<_>>()
    });
    let add = Action::new_local(move |_: &()| async move {
        problem.set(None);
        let row = match chosen_template(desk, templates, template, place) {
            Ok(row) => row,
            Err(e) => return problem.set(Some(e)),
        };
        let s = Schedule {
            template: row.id,
            title: row.template.title.clone(),
            place: place.get_untracked().trim().to_string(),
            frequency: Frequency::from_code(&freq.get_untracked()).unwrap_or(Frequency::Daily),
            since: chrono::Utc::now(),
            active: true,
        };
        match data::add_schedule(desk, s).await {
            Ok(()) => place.set(String::new()),
            Err(e) => problem.set(Some(e)),
        }
    });
    let due = LocalResource::new(move || {
        desk.revision();
        async move { data::due(desk).await }
    });
    view! {
        <section class="page inspections">
            <form class="card" data-testid="schedule-form" on:submit=submit_once(add)>
                <h1>{desk.tr(InspectionMsg::Schedules)}</h1>
                <div class="grid3">
                    <SelectField id="sch-template" label=InspectionMsg::Template value=template options=t_options testid="sch-template" />
                    <TextField id="sch-place" label=InspectionMsg::Place value=place testid="sch-place" />
                    <SelectField id="sch-freq" label=InspectionMsg::Frequency value=freq options=f_options testid="sch-freq" />
                </div>
                <button type="submit" data-testid="sch-add">{desk.tr(InspectionMsg::AddSchedule)}</button>
                <p class="field-error" role="alert">{move || problem.get()}</p>
            </form>
            <div class="card">
                <Suspense fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                    {move || Suspend::new(async move {
                        let lang = desk.lang.get();
                        match due.await {
                            Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
                            Ok(v) => view! {
                                <ul class="plain-list" data-testid="schedule-list">
                                    {v.into_iter().map(|(env, s, d)| {
                                        let state = match d {
                                            Due::Done => desk.t(InspectionMsg::DoneThisPeriod),
                                            Due::DueNow => desk.t(InspectionMsg::DueNow),
                                            Due::Overdue => desk.t(Msg::Overdue),
                                        };
                                        let (env2, s2) = (env.clone(), s.clone());
                                        let stop = move |_| {
                                            let (env, s) = (env2.clone(), s2.clone());
                                            leptos::task::spawn_local(async move {
                                                if let Err(e) = data::stop_schedule(desk, &env, &s).await {
                                                    desk.toasts.error(e);
                                                }
                                            });
                                        };
                                        view! {
                                            <li class="row between" data-testid="schedule-row">
                                                <span>{s.title.clone()} " · " {s.place.clone()} " · " {s.frequency.label(lang)} " · " <strong class:warn={d == Due::Overdue}>{state}</strong></span>
                                                <button class="secondary" on:click=stop>{desk.tr(InspectionMsg::StopSchedule)}</button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </section>
    }
}
