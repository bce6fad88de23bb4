//! One work order: what, where, who reported it, its steps, and the moves open to it for the
//! person on duty (派单/改派, 开始, 完工 with the owner's signature, 回访, 暂缓/恢复, 取消, 关闭);
//! a move the machine or the person's rights do not allow is not offered, and the core refuses
//! it anyway. The job sheet (派工单) prints on A6 or 80 mm paper with a QR code of the order.

use super::data;
use super::texts::WorkOrderMsg as T;
use crate::components::form::{SelectField, TextField};
use crate::components::photo::{PhotoInput, StoredPicture};
use crate::components::qr::qr_svg;
use crate::components::signature::SignaturePad;
use crate::desk::{Desk, use_desk};
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::work_orders::{
    Completion, Department, FollowUp, Move, Satisfaction, WorkOrder, WorkStatus, parse_yuan, yuan,
};
use lobbydesk_core::{Localized, RecordId, time};

#[component]
pub fn OrderPage() -> impl IntoView {
    let desk = use_desk();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<RecordId>().ok())
    };
    let order = LocalResource::new(move || {
        desk.revision();
        let id = id();
        async move {
            match id {
                Some(id) => data::get(desk, id).await.map(|o| o.map(|o| (id, o))),
                None => Ok(None),
            }
        }
    });
    view! {
        <section class="page work-orders">
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match order.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(None) => view! { <p class="card">{desk.tr(T::NotFound)}</p> }.into_any(),
                        Ok(Some((id, o))) => view! { <Order id=id order=o /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Order(id: RecordId, order: WorkOrder) -> impl IntoView {
    let desk = use_desk();
    let o = order;
    let lang = move || desk.lang.get();
    let late = o.late(BrowserClock.now(), &settings::work_limits());
    let number = o.shown_number(id);
    let place = if o.unit.is_empty() {
        o.place.clone()
    } else {
        o.unit.clone()
    };
    let contact = format!(
        "{} {}",
        o.reporter,
        o.phone
            .as_ref()
            .map(|p| p.digits().to_string())
            .unwrap_or_default()
    );
    let (status, urgency, category, source) = (o.status, o.urgency, o.category, o.source);
    let window = o
        .window
        .map(|(a, b)| format!("{} – {}", time::long(a), time::short(b)));
    let sheet_window = window.clone().map(|w| format!(" · {w}"));
    let qr = qr_svg(&format!("lobbydesk:work_order:{id}"));
    let print = move |_| crate::platform::print_page();
    let completion = o.completion.clone();
    let follow = o.follow_up.clone();
    let hold = o.hold.clone();
    view! {
        <div class="card" data-testid="wo-detail">
            <h1><span class="mono" data-testid="wo-number">{number.clone()}</span></h1>
            <p>
                <strong data-testid="wo-detail-status">{move || status.label(lang())}</strong>
                {late.map(|l| view! { " · " <span class="badge bad" data-testid="wo-late">{move || l.label(lang())}</span> })}
                {(o.rework > 0).then(|| view! { " · " <span class="warn" data-testid="wo-rework">{desk.tr(T::Rework)} {format!(" {}", o.rework)}</span> })}
            </p>
            <dl class="facts">
                <dt>{desk.tr(T::Where)}</dt><dd data-testid="wo-where">{place.clone()}</dd>
                <dt>{desk.tr(T::Category)}</dt><dd>{move || category.label(lang())}</dd>
                <dt>{desk.tr(T::Urgency)}</dt><dd>{move || urgency.label(lang())} {window.clone().map(|w| format!(" · {w}"))}</dd>
                <dt>{desk.tr(T::Contact)}</dt><dd data-testid="wo-contact">{contact.clone()}</dd>
                <dt>{desk.tr(T::Source)}</dt><dd>{move || source.label(lang())}</dd>
                <dt>{desk.tr(T::Taken)}</dt><dd>{time::long(o.created_at)} " · " {o.created_by.clone()}</dd>
                <dt>{desk.tr(T::Quoted)}</dt><dd>{if o.paid { format!("{} {} 元", desk.t(T::Paid), yuan(o.quote_fen)) } else { desk.t(T::Unpaid).to_string() }}</dd>
                {o.department.map(|d| view! { <dt>{desk.tr(T::Worker)}</dt><dd data-testid="wo-worker">{move || d.label(lang())} " " {o.worker.clone()}</dd> })}
            </dl>
            <p class="wo-description" data-testid="wo-description-shown">{o.description.clone()}</p>
            <div class="row">
                {o.photos.iter().map(|p| view! { <StoredPicture id=*p class="thumb" /> }).collect_view()}
            </div>
            {o.linked_to.map(|l| view! { <p><A href=format!("/work-orders/o/{l}") attr:data-testid="wo-linked-to">{desk.tr(T::Linked)}</A></p> })}
            {o.inspection.map(|i| view! { <p><A href=format!("/inspections/r/{i}") attr:class="button-link" attr:data-testid="wo-inspection">{desk.tr(T::FromInspection)}</A></p> })}
            {hold.map(|h| view! { <p class="notice warn-notice">{desk.tr(T::Hold)} ": " {h.reason} " · " {h.until.to_string()}</p> })}
            {completion.map(|c| view! {
                <div class="notice" data-testid="wo-completion">
                    <p>{desk.tr(T::CompletionNote)} ": " {c.note.clone()}
                        {(!c.materials.is_empty()).then(|| format!(" · {}", c.materials))}
                        {(c.fee_fen > 0).then(|| format!(" · {} 元", yuan(c.fee_fen)))}</p>
                    {c.signature.map(|s| view! { <StoredPicture id=s class="thumb" testid="wo-signature" /> })}
                    {c.nobody_home.then(|| view! { <p>{desk.tr(T::NobodyHomeShown)}</p> })}
                </div>
            })}
            {o.earlier.iter().map(|c| view! {
                <div class="notice muted" data-testid="wo-earlier">
                    <p>{desk.tr(T::EarlierCompletion)} ": " {c.note.clone()}</p>
                    {c.signature.map(|s| view! { <StoredPicture id=s class="thumb" /> })}
                </div>
            }).collect_view()}
            {follow.map(|f| view! {
                <p data-testid="wo-follow-up-shown">{desk.tr(T::FollowUp)} ": " {move || f.satisfaction.label(lang())}
                    {(!f.comment.is_empty()).then(|| format!(" · {}", f.comment))}</p>
            })}
            <button class="secondary" data-testid="wo-print" on:click=print>{desk.tr(T::Print)}</button>
        </div>
        <Moves id=id order=o.clone() />
        <div class="card">
            <h2>{desk.tr(T::Steps)}</h2>
            <ol class="plain-list" data-testid="wo-steps">
                {o.steps.iter().map(|s| {
                    let to = s.to;
                    view! { <li data-testid="wo-step">{time::long(s.at)} " · " {s.by.clone()} " · " <strong>{move || to.label(lang())}</strong>
                        {(!s.note.is_empty()).then(|| format!(" · {}", s.note))}</li> }
                }).collect_view()}
            </ol>
        </div>
        <div class="pass print-only" data-testid="job-sheet">
            <div class="pass-title">{desk.tr(T::JobSheet)}</div>
            <div class="pass-name mono">{number}</div>
            <div>{desk.tr(T::Where)} ": " {place}</div>
            <div>{desk.tr(T::Contact)} ": " {contact}</div>
            <div>{desk.tr(T::Category)} ": " {move || category.label(lang())}</div>
            <div>{desk.tr(T::Urgency)} ": " {move || urgency.label(lang())} {sheet_window}</div>
            <div>{desk.tr(T::Taken)} ": " {time::long(o.created_at)}</div>
            <div>{o.description.clone()}</div>
            <div>{desk.tr(T::Worker)} ": " {move || o.department.map(|d| d.label(lang()).to_string()).unwrap_or_default()} " " {o.worker.clone()}</div>
            <div>{desk.tr(T::Quoted)} ": " {if o.paid { format!("{} {} 元", desk.t(T::Paid), yuan(o.quote_fen)) } else { desk.t(T::Unpaid).to_string() }}</div>
            <div class="pass-qr" inner_html=qr></div>
        </div>
    }
}

/// Runs a move and says how it went.
fn run(
    desk: Desk,
    id: RecordId,
    mv: Move,
    signature: Option<String>,
    photos: Vec<String>,
    (problem, busy): (RwSignal<Option<String>>, RwSignal<bool>),
) {
    // A double tap makes the move once.
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    leptos::task::spawn_local(async move {
        match data::make_move(desk, id, mv, signature, photos).await {
            Ok(o) => {
                problem.set(None);
                desk.toasts.info(format!(
                    "{} · {}",
                    desk.t(T::Moved),
                    o.status.label(desk.lang.get_untracked())
                ));
                desk.changed();
            }
            Err(e) => problem.set(Some(e)),
        }
        busy.set(false);
    });
}

/// The moves open to this order for the person on duty.
#[component]
fn Moves(id: RecordId, order: WorkOrder) -> impl IntoView {
    use WorkStatus::*;
    let desk = use_desk();
    let status = order.status;
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let state = (problem, busy);
    let can = move |mv: &Move| desk.can(mv.needs());
    let sample = Move::Dispatch {
        department: None,
        worker: String::new(),
    };
    let dispatchable = matches!(status, Pending | Dispatched | InProgress) && can(&sample);
    let startable = status == Dispatched && can(&Move::Start);
    let completable =
        matches!(status, Dispatched | InProgress) && can(&Move::Complete(Completion::default()));
    let followable =
        status == Done && desk.can(lobbydesk_core::modules::work_orders::FOLLOW_UP_WORK_ORDERS);
    let closable = status == FollowedUp && can(&Move::Close);
    let holdable = matches!(status, Pending | Dispatched | InProgress) && can(&Move::Resume);
    let resumable = status == OnHold && can(&Move::Resume);
    let cancellable = order.open() && can(&Move::Close);
    let any = dispatchable
        || startable
        || completable
        || followable
        || closable
        || holdable
        || resumable
        || cancellable;
    let s = || RwSignal::new(String::new());
    view! {
        <Show when=move || any>
            <div class="card" data-testid="wo-moves">
                {dispatchable.then(|| {
                    let department = RwSignal::new(order.department.unwrap_or(Department::Maintenance).code().to_string());
                    let worker = RwSignal::new(order.worker.clone());
                    let departments = Signal::derive(move || Department::ALL.iter().map(|d| (d.code().to_string(), d.label(desk.lang.get()).to_string())).collect::<Vec<_>>());
                    let mut names = settings::workers();
                    if !order.worker.is_empty() && !names.contains(&order.worker) { names.insert(0, order.worker.clone()); }
                    let workers = Signal::derive(move || std::iter::once((String::new(), desk.t(T::NoWorker).to_string())).chain(names.iter().map(|n| (n.clone(), n.clone()))).collect::<Vec<_>>());
                    let label = if status == Pending { T::Dispatch } else { T::Reassign };
                    view! {
                        <div class="row wo-move">
                            <SelectField id="wo-department" label=T::Department value=department options=departments testid="wo-department" />
                            <SelectField id="wo-worker" label=T::Worker value=worker options=workers testid="wo-worker-pick" />
                            <button data-testid="wo-dispatch" on:click=move |_| run(desk, id, Move::Dispatch {
                                department: Department::from_code(&department.get_untracked()),
                                worker: worker.get_untracked(),
                            }, None, Vec::new(), state)>{desk.tr(label)}</button>
                        </div>
                    }
                })}
                {startable.then(|| view! {
                    <button class="secondary" data-testid="wo-start" on:click=move |_| run(desk, id, Move::Start, None, Vec::new(), state)>{desk.tr(T::Start)}</button>
                })}
                {completable.then(|| {
                    let (note, materials, fee) = (s(), s(), s());
                    let signature = RwSignal::new(String::new());
                    let photo = RwSignal::new(None::<String>);
                    let nobody = RwSignal::new(false);
                    let complete = move |_| {
                        let fee_fen = match parse_yuan(&fee.get_untracked()) {
                            Ok(f) => f,
                            Err(e) => return problem.set(Some(e.message(desk.lang.get_untracked()))),
                        };
                        let sig = signature.get_untracked();
                        let c = Completion {
                            note: note.get_untracked(),
                            materials: materials.get_untracked().trim().to_string(),
                            fee_fen,
                            nobody_home: nobody.get_untracked(),
                            // The drawn signature becomes a photo record in data::make_move.
                            ..Completion::default()
                        };
                        run(desk, id, Move::Complete(c), (!sig.is_empty()).then_some(sig), photo.get_untracked().into_iter().collect(), state);
                    };
                    view! {
                        <div class="wo-move" data-testid="wo-complete-form">
                            <h2>{desk.tr(T::Complete)}</h2>
                            <div class="grid2">
                                <TextField id="wo-note" label=T::CompletionNote value=note testid="wo-note" maxlength=300 />
                                <TextField id="wo-materials" label=T::Materials value=materials testid="wo-materials" maxlength=200 />
                                <TextField id="wo-fee" label=T::Fee value=fee testid="wo-fee" inputmode="decimal" maxlength=10 />
                            </div>
                            <PhotoInput value=photo testid="wo-after-photo" />
                            <label class="check">
                                <input type="checkbox" class="big-check" data-testid="wo-nobody-home"
                                    prop:checked=move || nobody.get() on:change:target=move |ev| nobody.set(ev.target().checked()) />
                                {desk.tr(T::NobodyHome)}
                            </label>
                            <Show when=move || !nobody.get()>
                                <SignaturePad value=signature testid="wo-sig" label=T::OwnerSigns.tx() />
                            </Show>
                            <button data-testid="wo-complete" on:click=complete>{desk.tr(T::Complete)}</button>
                        </div>
                    }
                })}
                {followable.then(|| {
                    let satisfaction = RwSignal::new(None::<Satisfaction>);
                    let fixed = RwSignal::new(true);
                    let comment = s();
                    view! {
                        <div class="wo-move" data-testid="wo-follow-up-form">
                            <h2>{desk.tr(T::FollowUp)}</h2>
                            <fieldset class="choices">
                                <legend>{desk.tr(T::Satisfaction)}</legend>
                                {Satisfaction::ALL.iter().copied().map(|v| view! {
                                    <button type="button" class="choice" data-testid=format!("wo-sat-{}", v.code())
                                        aria-pressed=move || (satisfaction.get() == Some(v)).to_string()
                                        on:click=move |_| satisfaction.set(Some(v))>{move || v.label(desk.lang.get())}</button>
                                }).collect_view()}
                            </fieldset>
                            <fieldset class="choices">
                                <button type="button" class="choice" data-testid="wo-fixed" aria-pressed=move || fixed.get().to_string() on:click=move |_| fixed.set(true)>{desk.tr(T::Fixed)}</button>
                                <button type="button" class="choice" data-testid="wo-not-fixed" aria-pressed=move || (!fixed.get()).to_string() on:click=move |_| fixed.set(false)>{desk.tr(T::NotFixed)}</button>
                            </fieldset>
                            <TextField id="wo-comment" label=T::Comment value=comment testid="wo-comment" maxlength=300 />
                            <button data-testid="wo-follow-up" disabled=move || satisfaction.get().is_none() on:click=move |_| {
                                if let Some(sat) = satisfaction.get_untracked() {
                                    run(desk, id, Move::FollowUp(FollowUp { satisfaction: sat, fixed: fixed.get_untracked(), comment: comment.get_untracked() }), None, Vec::new(), state);
                                }
                            }>{desk.tr(T::FollowUp)}</button>
                        </div>
                    }
                })}
                {closable.then(|| view! {
                    <button data-testid="wo-close" on:click=move |_| run(desk, id, Move::Close, None, Vec::new(), state)>{desk.tr(T::Close)}</button>
                })}
                {resumable.then(|| view! {
                    <button class="secondary" data-testid="wo-resume" on:click=move |_| run(desk, id, Move::Resume, None, Vec::new(), state)>{desk.tr(T::Resume)}</button>
                })}
                {holdable.then(|| {
                    let (reason, until) = (s(), s());
                    view! {
                        <details class="wo-move">
                            <summary data-testid="wo-hold-open">{desk.tr(T::Hold)}</summary>
                            <div class="grid2">
                                <TextField id="wo-hold-reason" label=T::HoldReason value=reason testid="wo-hold-reason" maxlength=200 />
                                <TextField id="wo-hold-until" label=T::HoldUntil value=until kind="date" testid="wo-hold-until" />
                            </div>
                            <button class="secondary" data-testid="wo-hold" on:click=move |_| {
                                match chrono::NaiveDate::parse_from_str(&until.get_untracked(), "%Y-%m-%d") {
                                    Ok(d) => run(desk, id, Move::Hold { reason: reason.get_untracked(), until: d }, None, Vec::new(), state),
                                    Err(_) => problem.set(Some(desk.t(T::NeedDate).to_string())),
                                }
                            }>{desk.tr(T::Hold)}</button>
                        </details>
                    }
                })}
                {cancellable.then(|| {
                    let reason = s();
                    view! {
                        <details class="wo-move">
                            <summary data-testid="wo-cancel-open">{desk.tr(T::Cancel)}</summary>
                            <TextField id="wo-cancel-reason" label=T::CancelReason value=reason testid="wo-cancel-reason" maxlength=200 />
                            <button class="secondary danger" data-testid="wo-cancel" on:click=move |_| run(desk, id, Move::Cancel { reason: reason.get_untracked() }, None, Vec::new(), state)>{desk.tr(T::Cancel)}</button>
                        </details>
                    }
                })}
                <p class="field-error" role="alert" data-testid="wo-move-error">{move || problem.get()}</p>
            </div>
        </Show>
    }
}
