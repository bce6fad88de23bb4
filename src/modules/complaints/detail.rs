//! One complaint worked by its procedure: the steps as a list, ticked ones with who and when,
//! the next one with what it records (the department, who went to the site, the fee status, the
//! satisfaction); raising a communicative complaint to 有效 or changing its kind with a reason;
//! a promise made on it (it then stays on the home screen); the fix as a linked work order.

use super::data;
use super::texts::ComplaintMsg as T;
use crate::components::form::{SelectField, TextField};
use crate::components::photo::StoredPicture;
use crate::desk::{Desk, use_desk};
use crate::i18n::Msg;
use crate::modules::contacts::log::local_time;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::RecordId;
use lobbydesk_core::modules::complaints::{
    CLOSE_COMPLAINTS, Complaint, Department, Kind, Move, Stage,
};
use lobbydesk_core::modules::work_orders::{Category, Satisfaction};
use lobbydesk_core::time;

#[component]
pub fn CasePage() -> impl IntoView {
    let desk = use_desk();
    let case = crate::components::route::record_of_url(data::get);
    view! {
        <section class="page complaints">
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match case.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(None) => view! { <p class="card">{desk.tr(T::NotFound)}</p> }.into_any(),
                        Ok(Some((id, c))) => view! { <Case id=id complaint=c /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn run(
    desk: Desk,
    id: RecordId,
    mv: Move,
    (problem, busy): (RwSignal<Option<String>>, RwSignal<bool>),
) {
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    leptos::task::spawn_local(async move {
        match data::make_move(desk, id, mv).await {
            Ok(_) => {
                problem.set(None);
                desk.toasts.info(desk.t(T::Updated));
                desk.changed();
            }
            Err(e) => problem.set(Some(e)),
        }
        busy.set(false);
    });
}

#[component]
fn Case(id: RecordId, complaint: Complaint) -> impl IntoView {
    let desk = use_desk();
    let c = complaint;
    let lang = move || desk.lang.get();
    let (kind, stage) = (c.kind, c.stage);
    let problem = RwSignal::new(None::<String>);
    let state = (problem, RwSignal::new(false));
    let next = c.next_stage();
    let needs_close = next == Some(Stage::Closed) && !kind.communicative();
    let may_next = next.is_some()
        && desk.can(if needs_close {
            CLOSE_COMPLAINTS
        } else {
            lobbydesk_core::modules::complaints::HANDLE_COMPLAINTS
        });
    let s = || RwSignal::new(String::new());
    let (note, with, reason, promise_what, promise_due) = (s(), s(), s(), s(), s());
    if c.anonymous && next == Some(Stage::IdentityConfirmed) {
        // Nobody to confirm: the step says so, and the clerk may add to it.
        note.set(desk.t(T::Anonymous).to_string());
    }
    // Passing a communicative complaint on names a department only when it was passed.
    let department = RwSignal::new(match (next, c.department) {
        (Some(Stage::Handled), None) => String::new(),
        (_, d) => d.unwrap_or(Department::Service).code().to_string(),
    });
    let satisfaction = RwSignal::new(None::<Satisfaction>);
    let departments = Signal::derive(move || {
        Department::ALL
            .iter()
            .map(|d| (d.code().to_string(), d.label(lang()).to_string()))
            .collect::<Vec<_>>()
    });
    let passed_to = Signal::derive(move || {
        std::iter::once((String::new(), desk.t(T::AnsweredHere).to_string()))
            .chain(departments.get())
            .collect::<Vec<_>>()
    });
    let category = RwSignal::new(Category::Facility.code().to_string());
    let categories = Signal::derive(move || {
        Category::ALL
            .iter()
            .map(|c| (c.code().to_string(), c.label(lang()).to_string()))
            .collect::<Vec<_>>()
    });
    let tick = move |_| {
        run(
            desk,
            id,
            Move::Next {
                note: note.get_untracked(),
                department: Department::from_code(&department.get_untracked()),
                with: with.get_untracked(),
                satisfaction: satisfaction.get_untracked(),
            },
            state,
        )
    };
    let busy = state.1;
    let make_promise = move |_| {
        let (what, due) = (
            promise_what.get_untracked(),
            local_time(&promise_due.get_untracked()),
        );
        let Some(due) = due else {
            return problem.set(Some(desk.t(T::NeedDue).to_string()));
        };
        // A double tap records one promise.
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match data::promise(desk, id, &what, due).await {
                Ok(()) => {
                    desk.toasts.info(desk.t(T::Promised));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let make_order = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let cat = Category::from_code(&category.get_untracked()).unwrap_or(Category::Other);
        leptos::task::spawn_local(async move {
            match data::to_work_order(desk, id, cat).await {
                Ok(_) => desk.changed(),
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let promises = LocalResource::new(move || {
        desk.revision();
        async move { data::promises(desk, id).await }
    });
    let procedure = kind.procedure();
    let done: Vec<Stage> = c.steps.iter().map(|s| s.stage).collect();
    view! {
        <div class="card" data-testid="cp-case">
            <h1><span data-testid="cp-kind">{move || kind.label(lang())}</span> " · " <span data-testid="cp-case-stage">{move || stage.label(lang())}</span></h1>
            <dl class="facts">
                <dt>{desk.tr(T::Who)}</dt><dd data-testid="cp-who">{if c.anonymous { desk.t(T::Anonymous).to_string() } else { format!("{} {} {}", c.unit, c.name, c.phone.as_ref().map(|p| p.digits().to_string()).unwrap_or_default()) }}</dd>
                {(!c.place.is_empty()).then(|| view! { <dt>{desk.tr(T::Place)}</dt><dd>{c.place.clone()}</dd> })}
                {(!c.happened.is_empty()).then(|| view! { <dt>{desk.tr(T::HappenedAt)}</dt><dd>{c.happened.clone()}</dd> })}
                {c.department.map(|d| view! { <dt>{desk.tr(T::Department)}</dt><dd data-testid="cp-department">{move || d.label(lang())}</dd> })}
                {c.visit.clone().map(|v| view! { <dt>{desk.tr(T::Found)}</dt><dd>{v.with} ": " {v.found}</dd> })}
                {(!c.fee_status.is_empty()).then(|| view! { <dt>{desk.tr(T::FeeStatus)}</dt><dd>{c.fee_status.clone()}</dd> })}
                {c.satisfaction.map(|s| view! { <dt>{desk.tr(T::Satisfaction)}</dt><dd>{move || s.label(lang())}</dd> })}
            </dl>
            <p class="wo-description">{c.what.clone()}</p>
            <div class="row">{c.photos.iter().map(|p| view! { <StoredPicture id=*p class="thumb" /> }).collect_view()}</div>
            {c.work_order.map(|w| view! { <p><A href=format!("/work-orders/o/{w}") attr:class="button-link" attr:data-testid="cp-work-order">{desk.tr(T::WorkOrder)}</A></p> })}
        </div>
        <div class="card">
            <h2>{desk.tr(T::Steps)}</h2>
            <ol class="steps" data-testid="cp-steps">
                {procedure.iter().map(|st| {
                    let st = *st;
                    let ticked = c.steps.iter().find(|s| s.stage == st).cloned();
                    let is_done = done.contains(&st);
                    view! {
                        <li class="step" class:done=is_done data-testid="cp-step">
                            <strong>{if is_done { "✓ " } else { "○ " }}{move || st.label(lang())}</strong>
                            {ticked.map(|s| view! { <span class="muted">" · " {time::short(s.at)} " · " {s.by} {(!s.note.is_empty()).then(|| format!(" · {}", s.note))}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <h3>{desk.tr(T::History)}</h3>
            <ol class="plain-list muted" data-testid="cp-history">
                {c.steps.iter().map(|s| {
                    let st = s.stage;
                    view! { <li>{time::short(s.at)} " · " {s.by.clone()} " · " {move || st.label(lang())} {(!s.note.is_empty()).then(|| format!(" · {}", s.note))}</li> }
                }).collect_view()}
            </ol>
            <Suspense>
                {move || Suspend::new(async move {
                    let list = promises.await;
                    (!list.is_empty()).then(|| view! {
                        <h3>{desk.tr(T::Promises)}</h3>
                        <ul class="plain-list" data-testid="cp-promises">
                            {list.into_iter().map(|p| view! {
                                <li>{time::long(p.due)} " · " {p.what.clone()} " · "
                                    {if p.open() { desk.t(T::PromiseOpen).to_string() } else { desk.t(T::PromiseSettled).to_string() }}</li>
                            }).collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
            {(may_next).then(|| {
                let st = next.unwrap_or(Stage::Closed);
                view! {
                    <div class="wo-move" data-testid="cp-next">
                        <h2>{desk.tr(T::NextStep)} ": " {move || st.label(lang())}</h2>
                        {(st == Stage::Assigned).then(|| view! { <SelectField id="cp-department" label=T::Department value=department options=departments testid="cp-department-pick" /> })}
                        {(st == Stage::Handled).then(|| view! { <SelectField id="cp-department" label=T::PassedTo value=department options=passed_to testid="cp-department-pick" /> })}
                        {(st == Stage::Visited).then(|| view! { <TextField id="cp-with" label=T::With value=with testid="cp-with" maxlength=40 /> })}
                        {(st == Stage::FollowedUp).then(|| view! {
                            <fieldset class="choices">
                                <legend>{desk.tr(T::Satisfaction)}</legend>
                                {Satisfaction::ALL.iter().copied().map(|v| view! {
                                    <button type="button" class="choice" data-testid=format!("cp-sat-{}", v.code())
                                        aria-pressed=move || (satisfaction.get() == Some(v)).to_string()
                                        on:click=move |_| satisfaction.set(Some(v))>{move || v.label(desk.lang.get())}</button>
                                }).collect_view()}
                            </fieldset>
                        })}
                        {(st != Stage::Assigned && st != Stage::Closed).then(|| view! {
                            <TextField id="cp-note" label=if st == Stage::FeesChecked { T::FeeStatus } else if st == Stage::Visited { T::Found } else { T::StepNote } value=note testid="cp-note" maxlength=300 />
                        })}
                        <button data-testid="cp-tick" on:click=tick>{desk.tr(T::Tick)}</button>
                    </div>
                }
            })}
            {(c.open() && kind.communicative()).then(|| view! {
                <details class="wo-move">
                    <summary data-testid="cp-kind-open">{desk.tr(T::Raise)} " / " {desk.tr(T::Reclassify)}</summary>
                    <TextField id="cp-reason" label=T::Reason value=reason testid="cp-reason" maxlength=200 />
                    <div class="row">
                        {desk.can(CLOSE_COMPLAINTS).then(|| view! {
                            <button class="secondary danger" data-testid="cp-raise" on:click=move |_| run(desk, id, Move::Raise { reason: reason.get_untracked() }, state)>{desk.tr(T::Raise)}</button>
                        })}
                        {Kind::ALL.iter().copied().filter(|k| k.communicative() && *k != kind).map(|k| view! {
                            <button class="secondary" data-testid=format!("cp-reclassify-{}", k.code())
                                on:click=move |_| run(desk, id, Move::Reclassify { kind: k, reason: reason.get_untracked() }, state)>
                                {desk.tr(T::Reclassify)} " " {move || k.label(desk.lang.get())}
                            </button>
                        }).collect_view()}
                    </div>
                </details>
            })}
            {(c.open() && c.work_order.is_none() && !kind.communicative()).then(|| view! {
                <div class="row wo-move">
                    <SelectField id="cp-category" label=T::Category value=category options=categories testid="cp-category" />
                    <button class="secondary" data-testid="cp-to-work-order" on:click=make_order>{desk.tr(T::ToWorkOrder)}</button>
                </div>
            })}
            {c.open().then(|| view! {
                <details class="wo-move">
                    <summary data-testid="cp-promise-open">{desk.tr(T::Promise)}</summary>
                    <div class="grid2">
                        <TextField id="cp-promise-what" label=T::PromiseWhat value=promise_what testid="cp-promise-what" maxlength=200 />
                        <TextField id="cp-promise-due" label=T::PromiseDue value=promise_due kind="datetime-local" testid="cp-promise-due" />
                    </div>
                    <button class="secondary" data-testid="cp-promise" on:click=make_promise>{desk.tr(T::MakePromise)}</button>
                </details>
            })}
            <p class="field-error" role="alert" data-testid="cp-move-error">{move || problem.get()}</p>
        </div>
    }
}
