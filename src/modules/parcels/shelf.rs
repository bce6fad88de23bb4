//! 在架 The shelf: parcels waiting, newest first (overdue ones marked), found by pickup code,
//! tracking number, unit, name or phone; notify (a ready message, phone links); hand several over
//! at once, to the recipient or someone on their behalf, with ID check and signature; return or
//! record lost.

use super::ParcelSummary;
use super::data::{self, Row};
use crate::components::form::{SearchBox, TextField};
use crate::components::signature::SignaturePad;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::parcels::texts::{ParcelMsg, handed_over};
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::parcels::{Collector, Handover, NoticeHow, Outcome, Parcel, ix};
use lobbydesk_core::phone::PhoneNumber;
use lobbydesk_core::{KeyRange, ListQuery, Record, RecordId};

/// A parcel picked for hand-over, with what the panel shows of it (it stays picked, and listed,
/// while a search shows other rows).
#[derive(Clone, Debug, PartialEq)]
pub struct Picked {
    id: RecordId,
    parcel: Parcel,
}

#[component]
pub fn ShelfPage() -> impl IntoView {
    let desk = use_desk();
    let text = RwSignal::new(String::new());
    let only_unnotified = RwSignal::new(false);
    let selected = RwSignal::new(Vec::<Picked>::new());
    let list = LocalResource::new(move || {
        desk.revision();
        let (t, only) = (text.get(), only_unnotified.get());
        async move {
            let rows = if t.trim().is_empty() {
                data::all(
                    desk,
                    ListQuery::by(Parcel::KIND, ix::WAITING, KeyRange::All, 200),
                )
                .await?
            } else {
                data::search(desk, &t)
                    .await?
                    .into_iter()
                    .filter(|(_, p)| p.outcome.is_none() && !p.outgoing)
                    .collect()
            };
            Ok::<Vec<Row>, lobbydesk_core::StoreError>(
                rows.into_iter()
                    .filter(|(_, p)| !only || p.notices.is_empty())
                    .collect(),
            )
        }
    });
    view! {
        <section class="page parcels shelf-page" class:with-sheet=move || selected.with(|s| !s.is_empty())>
            <div class="card filters">
                <SearchBox id="shelf-search" label=Msg::Search value=text placeholder=ParcelMsg::ShelfSearchHint testid="shelf-search" />
                <label class="check">
                    <input type="checkbox" data-testid="only-unnotified" prop:checked=move || only_unnotified.get()
                        on:change:target=move |ev| only_unnotified.set(ev.target().checked()) />
                    {desk.tr(ParcelMsg::OnlyNotNotified)}
                </label>
            </div>
            // In landscape the pane is always there (empty, it says how to start), so ticking a
            // parcel never narrows the list under the finger.
            <Show when=move || selected.with(|s| !s.is_empty()) fallback=move || view! {
                <div class="card handover sheet idle" data-testid="handover-idle">
                    <h2>{desk.tr(ParcelMsg::HandOver)}</h2>
                    <p class="muted">{desk.tr(ParcelMsg::HandOverHint)}</p>
                </div>
            }>
                <HandoverPanel selected=selected />
            </Show>
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => view! { <p class="field-error" role="alert">{desk.explain(&e)}</p> }.into_any(),
                        Ok(rows) if rows.is_empty() => view! { <p class="empty card">{desk.tr(ParcelMsg::ShelfEmpty)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <p class="muted" data-testid="shelf-count">{rows.len()} " " {desk.tr(ParcelMsg::ParcelsWaiting)}</p>
                            <ul class="visit-list card" data-testid="shelf-list">
                                {rows.into_iter().map(|row| view! { <ShelfRow row=row selected=selected /> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One waiting parcel with its actions.
/// What a row's buttons do to its parcel: tell the recipient, or close it (returned, lost).
#[derive(Clone, Copy, Debug, PartialEq)]
enum RowAct {
    Notice(NoticeHow),
    Close(Outcome),
}

/// Which of a row's panels is open.
#[derive(Clone, Copy, Debug, PartialEq)]
enum RowPanel {
    Notify,
    Close,
}

#[component]
fn ShelfRow(row: Row, selected: RwSignal<Vec<Picked>>) -> impl IntoView {
    let desk = use_desk();
    let (env, p) = row;
    let id = env.meta.id;
    let panel = RwSignal::new(None::<RowPanel>);
    let open_panel = move |which: RowPanel| {
        panel.update(|x| *x = if *x == Some(which) { None } else { Some(which) })
    };
    let note = RwSignal::new(String::new());
    let act = Action::new_local(move |what: &(RowAct, String)| {
        let (what, note_text) = (what.0, what.1.clone());
        async move {
            let now = BrowserClock.now();
            let clerk = desk.clerk.get_untracked();
            let result = data::change(desk, &[id], |p| match what {
                RowAct::Notice(how) => p.notified(now, how, &clerk),
                RowAct::Close(outcome) => p.closed_as(outcome, now, &note_text, &clerk),
            })
            .await;
            match result {
                Ok(_) => {
                    panel.set(None);
                    note.set(String::new());
                    desk.toasts.info(desk.t(Msg::Saved));
                    desk.changed();
                }
                Err(e) => desk.toasts.error(e),
            }
        }
    });
    let message = data::notice_text(desk, &p);
    let phone = p.recipient.phone.as_ref().map(|ph| ph.digits().to_string());
    let copy = {
        let message = message.clone();
        move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&message);
            }
            act.dispatch((RowAct::Notice(NoticeHow::Message), String::new()));
        }
    };
    let is_picked = move || selected.with(|s| s.iter().any(|x| x.id == id));
    let picked = p.clone();
    let toggle = move |on: bool| {
        let parcel = picked.clone();
        selected.update(|s| {
            s.retain(|x| x.id != id);
            if on {
                s.push(Picked { id, parcel });
            }
        })
    };
    let toggle2 = toggle.clone();
    view! {
        <li class="visit-row parcel-row" class:picked=is_picked data-testid="shelf-row">
            <label class="pick" aria-label=desk.tr(ParcelMsg::Select)>
                <input type="checkbox" data-testid="select-parcel"
                    prop:checked=is_picked
                    on:change:target=move |ev| toggle(ev.target().checked()) />
            </label>
            <ParcelSummary parcel=p.clone() />
            <div class="visit-actions">
                <button class="primary" data-testid="pick-parcel" aria-pressed=move || is_picked().to_string()
                    on:click=move |_| toggle2(!is_picked())>{desk.tr(ParcelMsg::PickUp)}</button>
                <button class="secondary" data-testid="notify-open" on:click=move |_| open_panel(RowPanel::Notify)>{desk.tr(ParcelMsg::Notify)}</button>
                <button class="secondary" data-testid="close-open" on:click=move |_| open_panel(RowPanel::Close)>{desk.tr(ParcelMsg::ReturnOrLost)}</button>
            </div>
            <Show when=move || panel.get() == Some(RowPanel::Notify)>
                <div class="row-panel" data-testid="notify-panel">
                    <textarea readonly data-testid="notice-text" rows="3">{message.clone()}</textarea>
                    <div class="row">
                        <button on:click=copy.clone() data-testid="notice-copy">{desk.tr(ParcelMsg::CopyMessage)}</button>
                        {phone.clone().map(|ph| {
                            let (tel, sms) = (format!("tel:{ph}"), format!("sms:{ph}"));
                            view! {
                                <a class="button-link" href=tel data-testid="notice-call" on:click=move |_| { act.dispatch((RowAct::Notice(NoticeHow::Call), String::new())); }>{desk.tr(ParcelMsg::Call)}</a>
                                <a class="button-link" href=sms data-testid="notice-sms" on:click=move |_| { act.dispatch((RowAct::Notice(NoticeHow::Sms), String::new())); }>{desk.tr(ParcelMsg::Sms)}</a>
                            }
                        })}
                    </div>
                </div>
            </Show>
            <Show when=move || panel.get() == Some(RowPanel::Close)>
                <div class="row-panel" data-testid="close-panel">
                    <TextField id="close-note" label=ParcelMsg::NoteWhatHappened value=note testid="close-note" maxlength=200 />
                    <div class="row">
                        <button class="secondary" data-testid="mark-returned" on:click=move |_| { act.dispatch((RowAct::Close(Outcome::Returned), note.get_untracked())); }>{desk.tr(ParcelMsg::MarkReturned)}</button>
                        <button class="danger" data-testid="mark-lost" on:click=move |_| { act.dispatch((RowAct::Close(Outcome::Lost), note.get_untracked())); }>{desk.tr(ParcelMsg::MarkLost)}</button>
                    </div>
                </div>
            </Show>
        </li>
    }
}

/// Handing over the selected parcels, as a sheet fixed at the bottom of the screen (the list
/// under the finger never moves): every parcel it covers, each removable; recipient in person or
/// on their behalf (parcels of different recipients only so), ID check, signature.
#[component]
fn HandoverPanel(selected: RwSignal<Vec<Picked>>) -> impl IntoView {
    let desk = use_desk();
    let on_behalf = RwSignal::new(false);
    let (name, phone, relation) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let id_checked = RwSignal::new(false);
    let signature = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // Parcels of different recipients go only to someone collecting on their behalf: the panel
    // switches to that at once (the core refuses anything else).
    let several = Memo::new(move |_| {
        selected.with(|s| {
            s.split_first()
                .is_some_and(|(a, rest)| rest.iter().any(|b| !a.parcel.same_recipient(&b.parcel)))
        })
    });
    Effect::new(move |_| {
        if several.get() {
            on_behalf.set(true);
        }
    });
    let confirm = Action::new_local(move |_: &()| async move {
        let ids: Vec<RecordId> = selected.with_untracked(|s| s.iter().map(|p| p.id).collect());
        let now = BrowserClock.now();
        let clerk = desk.clerk.get_untracked();
        let collector_phone = PhoneNumber::parse(&phone.get_untracked()).ok();
        let (collector_name, rel) = (name.get_untracked(), relation.get_untracked());
        let behalf = on_behalf.get_untracked();
        let (sig, checked) = (signature.get_untracked(), id_checked.get_untracked());
        let result = data::hand_over(desk, &ids, &sig, |p, signature| {
            let who = if behalf || !collector_name.trim().is_empty() {
                collector_name.clone()
            } else {
                p.recipient.name.clone()
            };
            let recipient_phone = p.recipient.phone.clone();
            Handover {
                at: now,
                clerk: clerk.clone(),
                collector: Collector {
                    name: who,
                    phone: collector_phone
                        .clone()
                        .or_else(|| if behalf { None } else { recipient_phone }),
                    on_behalf: behalf.then(|| rel.clone()),
                },
                id_checked: checked,
                signature,
            }
        })
        .await;
        match result {
            Ok(n) => {
                selected.set(Vec::new());
                desk.toasts.info(handed_over(desk.lang.get_untracked(), n));
                desk.changed();
            }
            Err(e) => problem.set(Some(e)),
        }
    });
    view! {
        <div class="card handover sheet" data-testid="handover-panel" role="dialog" aria-label=desk.tr(ParcelMsg::HandOver)>
            <h2>{desk.tr(ParcelMsg::HandOver)} " (" {move || selected.with(|s| s.len())} ")"</h2>
            <ul class="picked-list" data-testid="handover-list">
                <For each=move || selected.get() key=|p| p.id let:p>
                    {
                        let id = p.id;
                        let tail: String = {
                            let t = &p.parcel.tracking;
                            t[t.len().saturating_sub(6)..].to_string()
                        };
                        let who = [p.parcel.recipient.unit.clone(), p.parcel.recipient.name.clone()]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <li data-testid="handover-item">
                                <span class="mono">"…" {tail}</span> " " <span>{who}</span>
                                <button type="button" class="icon-button" data-testid="handover-remove"
                                    aria-label=desk.tr(ParcelMsg::RemoveFromHandover)
                                    on:click=move |_| selected.update(|s| s.retain(|x| x.id != id))>"×"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <Show when=move || several.get()>
                <p class="notice" data-testid="handover-several">{desk.tr(ParcelMsg::SeveralRecipientsHint)}</p>
            </Show>
            <div class="row">
                <button type="button" class="choice" data-testid="in-person" aria-pressed=move || (!on_behalf.get()).to_string() disabled=move || several.get() on:click=move |_| on_behalf.set(false)>{desk.tr(ParcelMsg::InPerson)}</button>
                <button type="button" class="choice" data-testid="on-behalf" aria-pressed=move || on_behalf.get().to_string() on:click=move |_| on_behalf.set(true)>{desk.tr(ParcelMsg::OnBehalf)}</button>
            </div>
            <Show when=move || on_behalf.get()>
                <div class="grid3">
                    <TextField id="h-name" label=ParcelMsg::CollectorName value=name testid="h-name" maxlength=40 />
                    <TextField id="h-phone" label=Msg::Phone value=phone testid="h-phone" kind="tel" maxlength=20 />
                    <TextField id="h-relation" label=ParcelMsg::Relation value=relation testid="h-relation" maxlength=20 />
                </div>
            </Show>
            <label class="check">
                <input type="checkbox" data-testid="id-checked" prop:checked=move || id_checked.get() on:change:target=move |ev| id_checked.set(ev.target().checked()) />
                {desk.tr(ParcelMsg::IdChecked)}
            </label>
            <SignaturePad value=signature testid="signature" />
            <div class="sheet-foot">
                <p class="field-error" role="alert" data-testid="handover-error">{move || problem.get()}</p>
                <div class="row end">
                    <button class="secondary" on:click=move |_| selected.set(Vec::new())>{desk.tr(Msg::Cancel)}</button>
                    <button class="primary-big" data-testid="handover-confirm" disabled=move || confirm.pending().get() on:click=move |_| { confirm.dispatch(()); }>
                        {desk.tr(ParcelMsg::ConfirmHandover)}
                    </button>
                </div>
            </div>
        </div>
    }
}
