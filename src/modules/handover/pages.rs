//! The handover screens: the open page (started by the outgoing clerk; each carried item ticked or
//! noted; the float counted by denomination; the three signatures in turn, the incoming clerk and
//! the duty manager confirming with their PINs), the book (searchable) and one page of it, read
//! only and printable on A4 like the paper book.

use super::data;
use super::texts::HandoverMsg as T;
use crate::components::form::{SearchBox, TextField};
use crate::components::photo::StoredPicture;
use crate::components::signature::SignaturePad;
use crate::desk::{Desk, use_desk};
use crate::i18n::Msg;
use crate::pages::signin::{active_staff, verify_pin};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use lobbydesk_core::audit::AuditAction;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::handover::{
    DENOMINATIONS, Handover, Section, Signed, Signer, Stage, parse_yuan, yuan,
};
use lobbydesk_core::modules::staff::{Role, Staff};
use lobbydesk_core::{Record, RecordId, time};

/// What the clerks typed on the open page and have not saved yet: the counts, the cash notes and
/// each item's discrepancy. Held by the page, not by the cards, so a save elsewhere on the page
/// (which reloads the handover and draws the cards again) never drops it.
#[derive(Clone, Copy)]
struct Drafts {
    of: StoredValue<Option<(RecordId, usize)>>,
    counts: [RwSignal<String>; DENOMINATIONS.len()],
    cash_note: RwSignal<String>,
    takings: RwSignal<String>,
    vouchers: RwSignal<String>,
    valuables: RwSignal<String>,
    notes: StoredValue<Vec<RwSignal<String>>>,
    /// The page's owner: the notes' signals are made under it, so they outlive the redraws.
    owner: StoredValue<Option<Owner>>,
}

impl Drafts {
    fn new() -> Self {
        let s = || RwSignal::new(String::new());
        Drafts {
            of: StoredValue::new(None),
            counts: std::array::from_fn(|_| s()),
            cash_note: s(),
            takings: s(),
            vouchers: s(),
            valuables: s(),
            notes: StoredValue::new(Vec::new()),
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// Filled from `h` (page `id`) the first time it is shown; kept as typed after that.
    fn load(self, id: RecordId, h: &Handover) -> Self {
        if self.of.get_value() == Some((id, h.items.len())) {
            return self;
        }
        self.of.set_value(Some((id, h.items.len())));
        for (signal, (_, n)) in self.counts.iter().zip(h.cash.iter()) {
            signal.set(if *n == 0 {
                String::new()
            } else {
                n.to_string()
            });
        }
        self.cash_note.set(h.cash_note.clone());
        self.takings.set(if h.takings == 0 {
            String::new()
        } else {
            yuan(h.takings)
        });
        self.vouchers.set(h.vouchers.clone());
        self.valuables.set(h.valuables.clone());
        let make = || {
            h.items
                .iter()
                .map(|i| RwSignal::new(i.note.clone()))
                .collect::<Vec<_>>()
        };
        let notes = match self.owner.get_value() {
            Some(o) => o.with(make),
            None => make(),
        };
        self.notes.set_value(notes);
        self
    }

    fn note(self, i: usize) -> RwSignal<String> {
        self.notes
            .with_value(|n| n.get(i).copied())
            .unwrap_or_else(|| RwSignal::new(String::new()))
    }
}

/// `/handover`: the open page, or the button starting one.
#[component]
pub fn CurrentPage() -> impl IntoView {
    let desk = use_desk();
    let open = LocalResource::new(move || {
        desk.revision();
        async move { data::open(desk).await }
    });
    let problem = RwSignal::new(None::<String>);
    let drafts = Drafts::new();
    let start = Action::new_local(move |_: &()| async move {
        match data::start(desk).await {
            Ok(_) => desk.changed(),
            Err(e) => problem.set(Some(e)),
        }
    });
    view! {
        <section class="page handover">
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match open.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(None) => view! {
                            <div class="card" data-testid="ho-start-card">
                                <h1>{desk.tr(T::Current)}</h1>
                                <p class="hint">{desk.tr(T::StartHint)}</p>
                                <p class="field-error" role="alert">{move || problem.get()}</p>
                                <button class="primary-big" data-testid="ho-start" disabled=move || start.pending().get()
                                    on:click=move |_| { start.dispatch(()); }>{desk.tr(T::Start)}</button>
                            </div>
                        }.into_any(),
                        Ok(Some((id, h))) => {
                            let drafts = drafts.load(id, &h);
                            view! { <OpenPage id=id handover=h drafts=drafts /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OpenPage(id: RecordId, handover: Handover, drafts: Drafts) -> impl IntoView {
    let desk = use_desk();
    let editable = (handover.stage == Stage::Counting).then_some(id);
    let stage = handover.stage;
    view! {
        <div class="card">
            <h1>{desk.tr(T::Current)} " · " <span data-testid="ho-stage">{move || stage.label(desk.lang.get())}</span></h1>
            <p class="muted">{desk.tr(T::StartedBy)} " " {handover.outgoing.clone()} " · " {desk.tr(T::StartedAt)} " " {time::long(handover.started_at)}</p>
        </div>
        {editable.map(|id| view! { <PageTools id=id /> })}
        <Items handover=handover.clone() editable=editable drafts=drafts />
        <CashCard handover=handover.clone() editable=editable drafts=drafts />
        <SignCard id=id handover=handover />
    }
}

/// While counting: the list redrawn from the desk now (keeping ticks and notes), or the page
/// voided with why (started twice, by mistake).
#[component]
fn PageTools(id: RecordId) -> impl IntoView {
    let desk = use_desk();
    let why = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let refresh = move |_| {
        leptos::task::spawn_local(async move {
            match data::refresh(desk, id).await {
                Ok(_) => {
                    desk.toasts.info(desk.t(T::Refreshed));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let void = move |_| {
        let w = why.get_untracked();
        let by = desk.clerk.get_untracked();
        leptos::task::spawn_local(async move {
            let now = crate::platform::clock::BrowserClock.now();
            match data::change(desk, id, |h| h.voided(&w, &by, now)).await {
                Ok(_) => {
                    desk.toasts.info(desk.t(T::Voided));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <div class="card row">
            <button class="secondary" data-testid="ho-refresh" on:click=refresh>{desk.tr(T::Refresh)}</button>
            <details>
                <summary data-testid="ho-void-open">{desk.tr(T::Void)}</summary>
                <TextField id="ho-void-why" label=T::VoidWhy value=why testid="ho-void-why" maxlength=100 />
                <button class="secondary danger" data-testid="ho-void" on:click=void>{desk.tr(T::Void)}</button>
            </details>
            <p class="field-error" role="alert">{move || problem.get()}</p>
        </div>
    }
}

/// The carried items, section by section; ticked or noted in place while counting.
#[component]
fn Items(handover: Handover, editable: Option<RecordId>, drafts: Drafts) -> impl IntoView {
    let desk = use_desk();
    let lang = move || desk.lang.get();
    let sections: Vec<Section> = Section::ALL
        .iter()
        .copied()
        .filter(|s| handover.items.iter().any(|i| i.section == *s))
        .collect();
    let empty = handover.items.is_empty();
    view! {
        <div class="card" data-testid="ho-items">
            <h2>{desk.tr(T::Items)}</h2>
            {empty.then(|| view! { <p class="empty">{desk.tr(T::Nothing)}</p> })}
            {sections.into_iter().map(|s| {
                let rows: Vec<(usize, lobbydesk_core::modules::handover::Carried)> = handover.items.iter().cloned().enumerate().filter(|(_, i)| i.section == s).collect();
                view! {
                    <h3 data-testid=format!("ho-section-{}", s.code())>{move || s.label(lang())} " " <span class="muted">{rows.len()}</span></h3>
                    <ul class="plain-list">
                        {rows.into_iter().map(|(i, item)| view! { <ItemRow index=i item=item editable=editable note=drafts.note(i) /> }).collect_view()}
                    </ul>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn ItemRow(
    index: usize,
    item: lobbydesk_core::modules::handover::Carried,
    editable: Option<RecordId>,
    /// The discrepancy as typed (kept by the page).
    note: RwSignal<String>,
) -> impl IntoView {
    let desk = use_desk();
    let problem = RwSignal::new(None::<String>);
    let (checked, late) = (item.checked, item.late);
    let save = move |checked: bool, text: String| {
        let Some(id) = editable else { return };
        leptos::task::spawn_local(async move {
            match data::change(desk, id, |h| h.check(index, checked, &text)).await {
                Ok(_) => desk.changed(),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let noted = !item.note.is_empty();
    view! {
        <li class="ho-item" class:late=late data-testid="ho-item">
            <span data-testid="ho-item-text">{item.text.clone()}</span>
            {late.then(|| view! { " " <span class="badge bad">{desk.tr(T::Late)}</span> })}
            {(editable.is_some() && noted).then(|| view! { " " <span class="badge bad" data-testid="ho-differs">{desk.tr(T::Differs)}</span> })}
            {match editable {
                Some(_) => view! {
                    <div class="row">
                        <button type="button" class="choice" data-testid="ho-check" aria-pressed=checked.to_string()
                            on:click=move |_| save(!checked, note.get_untracked())>{desk.tr(T::Check)}</button>
                        <details open=noted || !note.get_untracked().is_empty()>
                            <summary data-testid="ho-note-open">{desk.tr(T::Discrepancy)}</summary>
                            <TextField id=format!("ho-note-{index}") label=T::Discrepancy value=note testid="ho-note" maxlength=200 />
                            <button type="button" class="secondary" data-testid="ho-note-save"
                                on:click=move |_| save(checked, note.get_untracked())>{desk.tr(T::SaveNote)}</button>
                        </details>
                    </div>
                    <p class="field-error" role="alert">{move || problem.get()}</p>
                }.into_any(),
                None => view! {
                    " " {checked.then(|| view! { <span class="badge" data-testid="ho-checked">"✓ " {desk.tr(T::Check)}</span> })}
                    {noted.then(|| view! { <br/><span class="bad" data-testid="ho-noted">{desk.tr(T::Discrepancy)} ": " {item.note.clone()}</span> })}
                }.into_any(),
            }}
        </li>
    }
}

/// The float by denomination with its total against the expected, and the shift's takings.
#[component]
fn CashCard(handover: Handover, editable: Option<RecordId>, drafts: Drafts) -> impl IntoView {
    let desk = use_desk();
    let counts: Vec<RwSignal<String>> = drafts.counts.to_vec();
    let (cash_note, takings, vouchers, valuables) = (
        drafts.cash_note,
        drafts.takings,
        drafts.vouchers,
        drafts.valuables,
    );
    let expected = handover.float_expected;
    let counted = {
        let counts = counts.clone();
        Signal::derive(move || {
            DENOMINATIONS
                .iter()
                .zip(counts.iter())
                .map(|(d, n)| i64::from(*d) * n.get().trim().parse::<i64>().unwrap_or(0))
                .sum::<i64>()
        })
    };
    let problem = RwSignal::new(None::<String>);
    let save = {
        let counts = counts.clone();
        move |_| {
            let Some(id) = editable else { return };
            let typed: Vec<String> = counts.iter().map(|c| c.get_untracked()).collect();
            let (n, t, v, val) = (
                cash_note.get_untracked(),
                takings.get_untracked(),
                vouchers.get_untracked(),
                valuables.get_untracked(),
            );
            leptos::task::spawn_local(async move {
                match data::change(desk, id, |h| h.count_cash(&typed)?.noted(&n, &t, &v, &val))
                    .await
                {
                    Ok(_) => {
                        problem.set(None);
                        desk.toasts.info(desk.t(T::CountsSaved));
                        desk.changed();
                    }
                    Err(e) => problem.set(Some(e)),
                }
            });
        }
    };
    let read_only = editable.is_none();
    view! {
        <div class="card" data-testid="ho-cash">
            <h2>{desk.tr(T::Cash)}</h2>
            <div class="grid4 cash-grid">
                {DENOMINATIONS.iter().zip(counts.into_iter()).map(|(d, n)| {
                    let label = format!("{} {}", yuan(i64::from(*d)), desk.t(T::Count));
                    view! {
                        <div class="field">
                            <label for=format!("ho-cash-{d}")>{label}</label>
                            <input id=format!("ho-cash-{d}") type="text" inputmode="numeric" maxlength="6" autocomplete="off" data-testid=format!("ho-cash-{d}")
                                disabled=read_only bind:value=n />
                        </div>
                    }
                }).collect_view()}
            </div>
            <p data-testid="ho-cash-sum">
                {desk.tr(T::Counted)} " " <strong>{move || yuan(counted.get())}</strong>
                " · " {desk.tr(T::Expected)} " " {yuan(expected)}
                " · " {desk.tr(T::Difference)} " " <strong class:bad=move || counted.get() != expected data-testid="ho-cash-diff">{move || yuan(counted.get() - expected)}</strong>
            </p>
            {if read_only {
                view! {
                    <dl class="facts">
                        <dt>{desk.tr(T::CashNote)}</dt><dd data-testid="ho-cash-note">{cash_note.get_untracked()}</dd>
                        <dt>{desk.tr(T::Takings)}</dt><dd>{takings.get_untracked()}</dd>
                        <dt>{desk.tr(T::Vouchers)}</dt><dd>{vouchers.get_untracked()}</dd>
                        <dt>{desk.tr(T::Valuables)}</dt><dd>{valuables.get_untracked()}</dd>
                    </dl>
                }.into_any()
            } else {
                view! {
                    <div class="grid3">
                        <TextField id="ho-cash-note" label=T::CashNote value=cash_note testid="ho-cash-note" maxlength=200 />
                        <TextField id="ho-takings" label=T::Takings value=takings testid="ho-takings" inputmode="decimal" maxlength=12 />
                        <TextField id="ho-vouchers" label=T::Vouchers value=vouchers testid="ho-vouchers" maxlength=200 />
                        <TextField id="ho-valuables" label=T::Valuables value=valuables testid="ho-valuables" maxlength=200 />
                    </div>
                    <crate::modules::fees::DayTakings />
                    <p class="field-error" role="alert" data-testid="ho-cash-error">{move || problem.get()}</p>
                    <button class="secondary" data-testid="ho-cash-save" on:click=save>{desk.tr(T::SaveCounts)}</button>
                }.into_any()
            }}
        </div>
    }
}

/// The signature due now: the outgoing clerk on duty; then the incoming clerk and the duty
/// manager, each chosen and confirmed by PIN.
#[component]
fn SignCard(id: RecordId, handover: Handover) -> impl IntoView {
    let desk = use_desk();
    let who = match handover.stage {
        Stage::Counting => Signer::Outgoing,
        Stage::OutgoingSigned => Signer::Incoming,
        _ => Signer::Manager,
    };
    let title = match who {
        Signer::Outgoing => T::OutgoingSigns,
        Signer::Incoming => T::IncomingSigns,
        Signer::Manager => T::ManagerSigns,
    };
    let signed: Vec<String> = [&handover.outgoing_signed, &handover.incoming_signed]
        .into_iter()
        .flatten()
        .map(|s| s.by.clone())
        .collect();
    let people =
        LocalResource::new(move || async move { active_staff(desk).await.unwrap_or_default() });
    let chosen = RwSignal::new(None::<(RecordId, Staff)>);
    let (pin, signature) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let sign = move |_| {
        if busy.get_untracked() {
            return;
        }
        let drawn = signature.get_untracked();
        let typed = pin.get_untracked();
        let picked = chosen.get_untracked();
        let navigate = navigate.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = sign_now(desk, id, who, picked, &typed, &drawn).await;
            if result.is_ok() {
                pin.set(String::new());
            }
            match result {
                Ok(h) => {
                    problem.set(None);
                    if h.stage == Stage::Signed {
                        desk.toasts.info(desk.t(T::Done));
                        navigate(&format!("/handover/h/{id}"), Default::default());
                    } else if who == Signer::Incoming {
                        desk.toasts.info(desk.t(T::NowOnDuty));
                    }
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <div class="card" data-testid="ho-sign">
            <h2>{desk.tr(title)}</h2>
            <Signatures handover=handover.clone() />
            {match who {
                Signer::Outgoing => view! { <p>{desk.tr(T::WhoSigns)} ": " <strong>{move || desk.clerk.get()}</strong></p> }.into_any(),
                _ => view! {
                    <Suspense>
                        {move || {
                            let signed = signed.clone();
                            Suspend::new(async move {
                                let list = people.await;
                                view! {
                                    <div class="chips" data-testid="ho-signers">
                                        {list.into_iter()
                                            .filter(|(_, s)| !signed.contains(&s.name) && (who != Signer::Manager || s.roles.contains(&Role::Supervisor)))
                                            .map(|(sid, s)| {
                                                let s2 = s.clone();
                                                view! {
                                                    <button type="button" class="choice" data-testid="ho-signer"
                                                        aria-pressed=move || chosen.with(|c| c.as_ref().is_some_and(|(c, _)| *c == sid)).to_string()
                                                        on:click=move |_| chosen.set(Some((sid, s2.clone())))>{s.name.clone()}</button>
                                                }
                                            }).collect_view()}
                                    </div>
                                }
                            })
                        }}
                    </Suspense>
                    <TextField id="ho-pin" label=T::Pin value=pin kind="password" inputmode="numeric" testid="ho-pin" maxlength=6 />
                }.into_any(),
            }}
            <SignaturePad value=signature testid="ho-sig" label=T::SignHere.tx() />
            <p class="field-error" role="alert" data-testid="ho-sign-error">{move || problem.get()}</p>
            <button class="primary-big" data-testid="ho-sign-save" on:click=sign disabled=move || busy.get()>{desk.tr(T::Sign)}</button>
        </div>
    }
}

async fn sign_now(
    desk: Desk,
    id: RecordId,
    who: Signer,
    picked: Option<(RecordId, Staff)>,
    pin: &str,
    drawn: &str,
) -> Result<Handover, String> {
    let signer = match who {
        Signer::Outgoing => desk
            .session
            .with_untracked(|s| {
                s.as_ref()
                    .map(|s| (s.name.clone(), Some(s.staff), s.roles.clone()))
            })
            .unwrap_or_default(),
        _ => {
            let Some((sid, staff)) = picked else {
                return Err(desk.t(T::PickSigner).to_string());
            };
            // Nothing that is not a PIN, and nothing unsigned, costs a try.
            if !drawn.starts_with("data:image/") {
                return Err(desk.t(T::NeedSignature).to_string());
            }
            if !(4..=6).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
                return Err(desk.t(T::PinShape).to_string());
            }
            verify_pin(desk, sid, &staff, pin).await?;
            (staff.name.clone(), Some(sid), staff.roles.clone())
        }
    };
    let h = data::sign(desk, id, who, signer.clone(), drawn).await?;
    // The incoming clerk signed with their PIN: they are on duty now.
    if who == Signer::Incoming {
        if let Some(sid) = signer.1 {
            if let Some(staff) = active_staff(desk)
                .await
                .ok()
                .and_then(|v| v.into_iter().find(|(i, _)| *i == sid))
            {
                desk.sign_in(sid, &staff.1).await;
                desk.audit_event(AuditAction::SignIn, Staff::KIND, Vec::new())
                    .await;
            }
        }
    }
    Ok(h)
}

/// The signatures given so far: who, when, the drawn picture.
#[component]
fn Signatures(handover: Handover) -> impl IntoView {
    let desk = use_desk();
    let rows: Vec<(T, Signed)> = [
        (T::OutgoingSigns, handover.outgoing_signed),
        (T::IncomingSigns, handover.incoming_signed),
        (T::ManagerSigns, handover.manager_signed),
    ]
    .into_iter()
    .filter_map(|(t, s)| s.map(|s| (t, s)))
    .collect();
    view! {
        <div class="ho-signatures">
            {rows.into_iter().map(|(t, s)| view! {
                <div class="ho-signed" data-testid="ho-signed">
                    <span>{desk.tr(t)} ": " <strong>{s.by.clone()}</strong> " · " {time::long(s.at)}</span>
                    {s.signature.map(|p| view! { <StoredPicture id=p class="ho-sig-picture" /> })}
                </div>
            }).collect_view()}
        </div>
    }
}

/// `/handover/book`: the pages, newest first, found by a name or a day.
#[component]
pub fn BookPage() -> impl IntoView {
    let desk = use_desk();
    let search = RwSignal::new(String::new());
    let rows = LocalResource::new(move || {
        desk.revision();
        let t = search.get();
        async move { data::book(desk, &t).await }
    });
    view! {
        <section class="page handover">
            <div class="card">
                <h1>{desk.tr(T::Book)}</h1>
                <SearchBox id="ho-search" label=T::Search value=search testid="ho-search" />
            </div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="ho-book-empty">{move || desk.tr(if search.get().trim().is_empty() { T::NoPages } else { T::NoneFound })}</p> }.into_any(),
                        Ok(v) => view! {
                            <ul class="visit-list card" data-testid="ho-book">
                                {v.into_iter().map(|(e, h)| {
                                    let stage = h.stage;
                                    let names = [Some(h.outgoing.clone()), h.incoming_signed.as_ref().map(|s| s.by.clone()), h.manager_signed.as_ref().map(|s| s.by.clone())]
                                        .into_iter().flatten().collect::<Vec<_>>().join(" → ");
                                    let noted = h.items.iter().filter(|i| !i.note.is_empty()).count();
                                    view! {
                                        <li class="visit-row" data-testid="ho-page">
                                            <A href=format!("/handover/h/{}", e.meta.id) attr:class="wo-open" attr:data-testid="ho-page-open"><strong>{time::long(h.started_at)}</strong></A>
                                            " · " <span>{move || stage.label(desk.lang.get())}</span>
                                            <br/><span>{names}</span>
                                            <br/><span class="muted">{h.items.len()} " " {desk.tr(T::Seen)}
                                                {(noted > 0).then(|| view! { " · " <span class="bad">{noted} " " {desk.tr(T::NotedCount)}</span> })}
                                                " · " {desk.tr(T::Difference)} " " {yuan(h.difference())}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/handover/h/:id`: one page of the book, read only, printable.
#[component]
pub fn SheetPage() -> impl IntoView {
    let desk = use_desk();
    let page = crate::components::route::record_of_url(data::get);
    view! {
        <section class="page handover">
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(None) => view! { <p class="card">{desk.tr(T::NotFound)}</p> }.into_any(),
                        Ok(Some((id, h))) => {
                            let stage = h.stage;
                            view! {
                                <div class="report ho-sheet" data-testid="ho-sheet">
                                    <div class="row no-print">
                                        <button class="secondary" data-testid="ho-print" on:click=move |_| crate::platform::print_page()>{desk.tr(T::Print)}</button>
                                    </div>
                                    <h1>{desk.tr(T::Sheet)}</h1>
                                    <p>{desk.tr(T::StartedBy)} " " {h.outgoing.clone()} " · " {time::long(h.started_at)} " · "
                                        <span data-testid="ho-stage">{move || stage.label(desk.lang.get())}</span></p>
                                    {(!h.void_note.is_empty()).then(|| view! { <p class="bad" data-testid="ho-void-note">{desk.tr(T::VoidWhy)} ": " {h.void_note.clone()}</p> })}
                                    <Items handover=h.clone() editable=None drafts=Drafts::new().load(id, &h) />
                                    <CashCard handover=h.clone() editable=None drafts=Drafts::new().load(id, &h) />
                                    <div class="card">
                                        <h2>{desk.tr(T::Signatures)}</h2>
                                        <Signatures handover=h />
                                    </div>
                                </div>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// The settings card: the petty cash float the count is checked against.
#[component]
pub fn FloatCard() -> impl IntoView {
    let desk = use_desk();
    let before = crate::platform::settings::handover_float_fen();
    let value = RwSignal::new(yuan(before));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(fen) = parse_yuan(&value.get_untracked())
            .filter(|f| *f <= lobbydesk_core::modules::handover::MAX_FEN)
        else {
            return desk.toasts.error(desk.t(T::BadFloat));
        };
        let was = crate::platform::settings::handover_float_fen();
        match crate::platform::settings::set_handover_float_fen(fen) {
            Ok(()) => {
                desk.toasts.info(desk.t(Msg::SettingsSaved));
                desk.settings_changed(vec![("handover.float_fen", yuan(was), yuan(fen))]);
            }
            Err(e) => desk.toasts.error(e),
        }
    };
    view! {
        <form class="card" on:submit=save data-testid="ho-settings">
            <h2>{desk.tr(T::SettingsTitle)}</h2>
            <TextField id="ho-float" label=T::FloatSetting value=value inputmode="decimal" testid="ho-float" maxlength=12 />
            <button type="submit">{desk.tr(Msg::Save)}</button>
        </form>
    }
}
