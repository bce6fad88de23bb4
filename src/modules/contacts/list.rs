//! 记录 and 待答复: calls and walk-ins by search (phone, unit, name), newest first; those waiting
//! for their promised reply, oldest first, each with the reply to record. A repair call turns
//! into a work order in one tap.

use super::data;
use super::texts::ContactMsg as T;
use crate::components::form::{SearchBox, SelectField, TextField};
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::modules::contacts::services::WithPromise;
use lobbydesk_core::modules::contacts::{Contact, Topic};
use lobbydesk_core::modules::promises::{Outcome, Promise};
use lobbydesk_core::modules::work_orders::Category;
use lobbydesk_core::{Envelope, time};

#[component]
pub fn HistoryPage() -> impl IntoView {
    let desk = use_desk();
    let search = RwSignal::new(String::new());
    let rows = LocalResource::new(move || {
        desk.revision();
        let text = search.get();
        async move { data::find_with_promises(desk, &text).await }
    });
    view! {
        <section class="page contacts">
            <div class="card">
                <h1>{desk.tr(T::History)}</h1>
                <SearchBox id="ct-search" label=T::Search value=search testid="ct-search" />
            </div>
            <Rows rows=rows empty=T::NoContacts />
        </section>
    }
}

#[component]
pub fn WaitingPage() -> impl IntoView {
    let desk = use_desk();
    let rows = LocalResource::new(move || {
        desk.revision();
        async move { data::waiting(desk).await }
    });
    view! {
        <section class="page contacts">
            <div class="card"><h1>{desk.tr(T::Waiting)}</h1></div>
            <Rows rows=rows empty=T::NoneWaiting />
        </section>
    }
}

#[component]
fn Rows(rows: LocalResource<Result<Vec<WithPromise>, String>>, empty: T) -> impl IntoView {
    let desk = use_desk();
    view! {
        <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                    Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="ct-empty">{desk.tr(empty)}</p> }.into_any(),
                    Ok(v) => view! {
                        <ul class="visit-list card" data-testid="ct-list">
                            {v.into_iter().map(|(e, c, p)| view! { <ContactRow env=e contact=c promise=p /> }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A call: who, when, about what, what was said and answered; the reply to record while one is
/// promised; a repair made into a work order.
#[component]
fn ContactRow(env: Envelope, contact: Contact, promise: Option<Promise>) -> impl IntoView {
    let desk = use_desk();
    let busy = RwSignal::new(false);
    let c = contact;
    let id = env.meta.id;
    let (way, topic) = (c.way, c.topic);
    let reply = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let send = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let text = reply.get_untracked();
        leptos::task::spawn_local(async move {
            match data::reply(desk, id, &text).await {
                Ok(_) => {
                    desk.toasts.info(desk.t(T::Replied));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let category = RwSignal::new(Category::Other.code().to_string());
    let categories = Signal::derive(move || {
        Category::ALL
            .iter()
            .map(|c| (c.code().to_string(), c.label(desk.lang.get()).to_string()))
            .collect::<Vec<_>>()
    });
    let make_order = move |_| {
        // A double tap makes one order.
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let cat = Category::from_code(&category.get_untracked()).unwrap_or(Category::Other);
        leptos::task::spawn_local(async move {
            match data::to_work_order(desk, id, cat).await {
                Ok(_) => {
                    desk.toasts.info(desk.t(T::WorkOrderMade));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let waiting = c.reply.is_none() && promise.as_ref().is_some_and(|p| p.open());
    let promised = promise.map(|p| match p.outcome {
        None => format!("{} {}", desk.t(T::Due), time::long(p.due)),
        Some(Outcome::Kept { .. }) => desk.t(T::Keep).to_string(),
        Some(Outcome::Withdrawn { reason, by, .. }) => {
            format!("{} · {by} · {reason}", desk.t(T::Withdrawn))
        }
    });
    // The phone in full only while a reply is owed (the clerk calls back); masked otherwise.
    let phone = c.phone.as_ref().map(|p| {
        if waiting {
            p.digits().to_string()
        } else {
            lobbydesk_core::spec::Mask::Phone.apply(p.digits())
        }
    });
    let who = match (&c.caller, phone) {
        (n, Some(p)) if !n.is_empty() => format!("{n} {p}"),
        (n, None) => n.clone(),
        (_, Some(p)) => p,
    };
    view! {
        <li class="visit-row" data-testid="ct-row">
            <div class="memo-body">
                <strong>{move || topic.label(desk.lang.get())}</strong> " · " {move || way.label(desk.lang.get())}
                " · " <span class="muted">{time::short(c.at)} " · " {c.by.clone()}</span>
                {waiting.then(|| view! { " · " <span class="badge bad" data-testid="ct-waiting">{desk.tr(T::Waiting)}</span> })}
                <br/><span>{who}</span> {(!c.unit.is_empty()).then(|| format!(" · {}", c.unit))}
                <br/><span>{c.said.clone()}</span>
                {(!c.answer.is_empty()).then(|| view! { <br/><span class="ok">{desk.tr(T::Answer)} ": " {c.answer.clone()}</span> })}
                {(!c.passed_to.is_empty()).then(|| view! { <br/><span class="muted">{desk.tr(T::PassedTo)} ": " {c.passed_to.clone()}</span> })}
                {(!c.sent_to.is_empty()).then(|| view! { <br/><span class="muted">{desk.tr(T::SentTo)} ": " {c.sent_to.clone()}</span> })}
                {promised.map(|p| view! { <br/><span class="warn" data-testid="ct-promise">{p}</span> })}
                {(topic == Topic::Complaint).then(|| view! { <br/><A href=format!("/complaints?call={id}") attr:class="button-link" attr:data-testid="ct-to-complaint">{desk.tr(T::ToComplaint)}</A> })}
                {c.reply.clone().map(|r| view! { <br/><span class="ok" data-testid="ct-reply">{desk.tr(T::Replied)} " " {time::short(r.at)} " · " {r.by} ": " {r.text}</span> })}
                {c.work_order.map(|w| view! { <br/><A href=format!("/work-orders/o/{w}") attr:class="button-link" attr:data-testid="ct-work-order">{desk.tr(T::WorkOrderMade)}</A> })}
                {waiting.then(|| view! {
                    <div class="row">
                        <TextField id=format!("ct-reply-text-{id}") label=T::ReplyText value=reply testid="ct-reply-text" maxlength=300 />
                        <button data-testid="ct-reply-send" on:click=send>{desk.tr(T::Reply)}</button>
                    </div>
                })}
                {(topic == Topic::Repair && c.work_order.is_none()).then(|| view! {
                    <div class="row">
                        <SelectField id="ct-wo-category" label=T::Category value=category options=categories testid="ct-wo-category" />
                        <button class="secondary" data-testid="ct-to-work-order" on:click=make_order>{desk.tr(T::ToWorkOrder)}</button>
                    </div>
                })}
                <p class="field-error" role="alert">{move || problem.get()}</p>
            </div>
        </li>
    }
}

/// 回访 Everything due a follow-up call, in one list: calls replied to (the result recorded here),
/// complaints dealt with or answered, and work orders done (each opened on its own page, where
/// its follow-up is recorded with the rest of its procedure).
#[component]
pub fn FollowUpPage() -> impl IntoView {
    let desk = use_desk();
    let due = LocalResource::new(move || {
        desk.revision();
        async move {
            let calls = data::to_follow_up(desk).await.unwrap_or_default();
            let complaints = crate::modules::complaints::data::to_follow_up(desk)
                .await
                .unwrap_or_default();
            let orders = crate::modules::work_orders::data::to_follow_up(desk)
                .await
                .unwrap_or_default();
            (calls, complaints, orders)
        }
    });
    view! {
        <section class="page contacts">
            <div class="card"><h1>{desk.tr(T::FollowUpAll)}</h1></div>
            <Suspense>
                {move || Suspend::new(async move {
                    let (calls, complaints, orders) = due.await;
                    let lang = desk.lang.get_untracked();
                    let none = calls.is_empty() && complaints.is_empty() && orders.is_empty();
                    view! {
                        {none.then(|| view! { <p class="card empty" data-testid="fu-empty">{desk.tr(T::NothingToFollowUp)}</p> })}
                        <ul class="visit-list card" data-testid="fu-list">
                            {calls.into_iter().map(|(e, c)| view! { <CallFollowUpRow id=e.meta.id contact=c /> }).collect_view()}
                            {complaints.into_iter().map(|(e, c)| view! {
                                <li class="visit-row" data-testid="fu-row">
                                    <strong>{desk.tr(T::ComplaintWord)}</strong> " · " {c.kind.label(lang)} " · " {c.unit.clone()}
                                    <br/><span>{c.what.clone()}</span>
                                    <br/><A href=format!("/complaints/c/{}", e.meta.id) attr:class="button-link" attr:data-testid="fu-open">{desk.tr(T::FollowUp)}</A>
                                </li>
                            }).collect_view()}
                            {orders.into_iter().map(|(e, o)| view! {
                                <li class="visit-row" data-testid="fu-row">
                                    <strong>{desk.tr(T::WorkOrderWord)}</strong> " · " <span class="mono">{o.shown_number(e.meta.id)}</span> " · " {if o.unit.is_empty() { o.place.clone() } else { o.unit.clone() }}
                                    <br/><span>{o.description.clone()}</span>
                                    <br/><A href=format!("/work-orders/o/{}", e.meta.id) attr:class="button-link" attr:data-testid="fu-open">{desk.tr(T::FollowUp)}</A>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A call due its follow-up: the satisfaction and a comment, recorded in place.
#[component]
fn CallFollowUpRow(id: lobbydesk_core::RecordId, contact: Contact) -> impl IntoView {
    use lobbydesk_core::modules::work_orders::Satisfaction;
    let desk = use_desk();
    let c = contact;
    let satisfaction = RwSignal::new(None::<Satisfaction>);
    let comment = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let save = move |_| {
        let Some(sat) = satisfaction.get_untracked() else {
            return problem.set(Some(desk.t(T::ChooseSatisfaction).to_string()));
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let text = comment.get_untracked();
        leptos::task::spawn_local(async move {
            match data::follow_up(desk, id, sat, &text).await {
                Ok(()) => desk.changed(),
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let topic = c.topic;
    view! {
        <li class="visit-row" data-testid="fu-row">
            <div class="memo-body">
                <strong>{desk.tr(T::CallWord)}</strong> " · " {move || topic.label(desk.lang.get())} " · " {c.caller.clone()}
                {c.phone.as_ref().map(|p| format!(" {}", p.digits()))}
                <br/><span>{c.said.clone()}</span>
                {c.reply.clone().map(|r| view! { <br/><span class="ok">{desk.tr(T::Replied)} ": " {r.text}</span> })}
                <fieldset class="choices">
                    {Satisfaction::ALL.iter().copied().map(|v| view! {
                        <button type="button" class="choice" data-testid=format!("fu-sat-{}", v.code())
                            aria-pressed=move || (satisfaction.get() == Some(v)).to_string()
                            on:click=move |_| satisfaction.set(Some(v))>{move || v.label(desk.lang.get())}</button>
                    }).collect_view()}
                </fieldset>
                <div class="row">
                    <TextField id="fu-comment" label=T::FollowUpComment value=comment testid="fu-comment" maxlength=200 />
                    <button data-testid="fu-save" on:click=save>{desk.tr(T::FollowUp)}</button>
                </div>
                <p class="field-error" role="alert">{move || problem.get()}</p>
            </div>
        </li>
    }
}
