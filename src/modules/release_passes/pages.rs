//! The pass screens: the application form, the lists, one pass (decided by a supervisor, printed
//! on A5 or an 80 mm slip with its code and its QR signed by the approving tablet), and the gate
//! check by code or QR (a pass this device never received is checked by its QR's signature).

use super::data::{self, AtGateFound};
use super::texts::PassMsg as T;
use crate::components::form::{TextField, chips};
use crate::components::lookup::HostLookup;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::release_passes::services::{AtGate, Which};
use lobbydesk_core::modules::release_passes::ticket::{self, GateCheck, Ticket, Typed};
use lobbydesk_core::modules::release_passes::{
    APPLY_PASSES, APPROVE_PASSES, Applicant, ConsentHow, Pass, PassForm, PassState, Reason, Verdict,
};
use lobbydesk_core::spec::Mask;
use lobbydesk_core::{Localized, RecordId, time};

/// `/release-passes`: the application at the desk; the gate's own way in is its check.
#[component]
pub fn ApplyOrGate() -> impl IntoView {
    let desk = use_desk();
    move || {
        if desk.can(APPLY_PASSES) {
            view! { <ApplyPage /> }.into_any()
        } else {
            view! { <GatePage /> }.into_any()
        }
    }
}

#[component]
fn ApplyPage() -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (name, phone, unit, plate, gate, note) = (s(), s(), s(), s(), s(), s());
    let (owner, owner_phone) = (s(), s());
    let date = RwSignal::new(
        time::local_date(BrowserClock.now())
            .format("%Y-%m-%d")
            .to_string(),
    );
    let applicant = RwSignal::new(None::<Applicant>);
    let reason = RwSignal::new(None::<Reason>);
    let how = RwSignal::new(None::<ConsentHow>);
    let fees = RwSignal::new(false);
    let lines = RwSignal::new(
        (0..3)
            .map(|_| (RwSignal::new(String::new()), RwSignal::new(String::new())))
            .collect::<Vec<_>>(),
    );
    let problem = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let save = Action::new_local(move |form: &PassForm| {
        let (form, navigate) = (form.clone(), navigate.clone());
        async move {
            match data::apply(desk, &form).await {
                Ok(id) => {
                    desk.toasts.info(desk.t(T::Applied));
                    desk.changed();
                    navigate(&format!("/release-passes/p/{id}"), Default::default());
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if save.pending().get_untracked() {
            return;
        }
        save.dispatch(PassForm {
            applicant: applicant.get_untracked(),
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            unit: unit.get_untracked(),
            items: lines
                .get_untracked()
                .iter()
                .map(|(w, q)| (w.get_untracked(), q.get_untracked()))
                .collect(),
            plate: plate.get_untracked(),
            date: chrono::NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d").ok(),
            gate: gate.get_untracked(),
            reason: reason.get_untracked(),
            note: note.get_untracked(),
            consent_owner: owner.get_untracked(),
            consent_phone: owner_phone.get_untracked(),
            consent_how: how.get_untracked(),
            fees_cleared: fees.get_untracked(),
        });
    };
    let tenant_moving =
        move || applicant.get() == Some(Applicant::Tenant) && reason.get() == Some(Reason::Moving);
    view! {
        <section class="page passes">
            <form class="card" novalidate on:submit=submit data-testid="rp-form">
                <h1>{desk.tr(T::ApplyTitle)}</h1>
                <fieldset class="choices">
                    <legend>{desk.tr(T::Applicant)}</legend>
                    {chips(Applicant::ALL, applicant, Applicant::code, Applicant::label, "rp-applicant")}
                </fieldset>
                <div class="grid3">
                    <TextField id="rp-unit" label=T::Unit value=unit testid="rp-unit" maxlength=20 />
                    <TextField id="rp-name" label=T::Name value=name testid="rp-name" maxlength=40 />
                    <TextField id="rp-phone" label=T::Phone value=phone kind="tel" inputmode="tel" testid="rp-phone" maxlength=20 />
                    <div class="span2"><HostLookup unit=unit person=name phone=phone /></div>
                </div>
                <fieldset class="rp-items" data-testid="rp-items">
                    <legend>{desk.tr(T::Items)}</legend>
                    {move || lines.get().into_iter().enumerate().map(|(i, (w, q))| view! {
                        <div class="grid3">
                            <TextField id=format!("rp-item-{i}") label=T::Item value=w testid="rp-item" maxlength=40 />
                            <TextField id=format!("rp-qty-{i}") label=T::Qty value=q kind="number" inputmode="numeric" testid="rp-qty" maxlength=4 />
                        </div>
                    }).collect_view()}
                    <button type="button" class="secondary" data-testid="rp-add-line"
                        on:click=move |_| lines.update(|l| l.push((RwSignal::new(String::new()), RwSignal::new(String::new()))))>{desk.tr(T::AddLine)}</button>
                </fieldset>
                <div class="grid3">
                    <TextField id="rp-plate" label=T::Plate value=plate testid="rp-plate" maxlength=10 />
                    <TextField id="rp-date" label=T::Date value=date kind="date" testid="rp-date" />
                    <TextField id="rp-gate" label=T::GateName value=gate testid="rp-gate" maxlength=20 />
                </div>
                <fieldset class="choices">
                    <legend>{desk.tr(T::Reason)}</legend>
                    {chips(Reason::ALL, reason, Reason::code, Reason::label, "rp-reason")}
                </fieldset>
                <TextField id="rp-note" label=T::Note value=note testid="rp-note" maxlength=200 />
                <Show when=tenant_moving>
                    <fieldset class="rp-consent" data-testid="rp-consent">
                        <legend>{desk.tr(T::ConsentTitle)}</legend>
                        <div class="grid3">
                            <TextField id="rp-owner" label=T::ConsentOwner value=owner testid="rp-owner" maxlength=40 />
                            <TextField id="rp-owner-phone" label=T::ConsentPhone value=owner_phone kind="tel" inputmode="tel" testid="rp-owner-phone" maxlength=20 />
                        </div>
                        <div class="choices">
                            <span class="muted">{desk.tr(T::ConsentHow)}</span>
                            {chips(ConsentHow::ALL, how, ConsentHow::code, ConsentHow::label, "rp-how")}
                        </div>
                        <label class="check">
                            <input type="checkbox" class="big-check" data-testid="rp-fees"
                                prop:checked=move || fees.get() on:change:target=move |ev| fees.set(ev.target().checked()) />
                            {desk.tr(T::FeesCleared)}
                        </label>
                        <crate::modules::fees::FeeHint unit=unit />
                    </fieldset>
                </Show>
                <p class="field-error" role="alert" data-testid="rp-error">{move || problem.get()}</p>
                <div class="action-bar">
                    <button type="submit" class="primary-big" data-testid="rp-submit" disabled=move || save.pending().get()>{desk.tr(T::Submit)}</button>
                </div>
            </form>
        </section>
    }
}

fn items_line(p: &Pass) -> String {
    p.items
        .iter()
        .map(|i| format!("{} × {}", i.what, i.qty))
        .collect::<Vec<_>>()
        .join("、")
}

#[component]
pub fn ListPage() -> impl IntoView {
    let desk = use_desk();
    let which = RwSignal::new(Which::Waiting);
    let rows = LocalResource::new(move || {
        desk.revision();
        let w = which.get();
        async move { data::list(desk, w).await }
    });
    let chip = move |w: Which, label: T, testid: &'static str| {
        view! {
            <button type="button" class="choice" data-testid=testid aria-pressed=move || (which.get() == w).to_string()
                on:click=move |_| which.set(w)>{desk.tr(label)}</button>
        }
    };
    view! {
        <section class="page passes">
            <div class="card">
                <h1>{desk.tr(T::List)}</h1>
                <div class="chips">
                    {chip(Which::Waiting, T::Waiting, "rp-filter-waiting")}
                    {chip(Which::Coming, T::Coming, "rp-filter-coming")}
                    {chip(Which::All, T::All, "rp-filter-all")}
                </div>
            </div>
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="rp-empty">{desk.tr(T::NoPasses)}</p> }.into_any(),
                        Ok(v) => view! {
                            <ul class="visit-list card" data-testid="rp-list">
                                {v.into_iter().map(|(e, p)| {
                                    let (state, applicant) = (p.state, p.applicant);
                                    view! {
                                        <li class="visit-row" data-testid="rp-row">
                                            <A href=format!("/release-passes/p/{}", e.meta.id) attr:class="wo-open" attr:data-testid="rp-open">
                                                <strong>{p.date.to_string()}</strong>
                                            </A>
                                            " · " <span data-testid="rp-state">{move || state.label(desk.lang.get())}</span>
                                            " · " {move || applicant.label(desk.lang.get())} " " {p.unit.clone()} " " {Mask::Name.apply(&p.name)}
                                            <br/><span>{items_line(&p)}</span>
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

/// A pass as the desk and the gate read it.
#[component]
fn PassFacts(pass: Pass) -> impl IntoView {
    let desk = use_desk();
    let (state, applicant, reason) = (pass.state, pass.applicant, pass.reason);
    let lang = move || desk.lang.get();
    view! {
        <dl class="facts">
            <dt>{desk.tr(T::Code)}</dt><dd class="mono" data-testid="rp-code">{pass.code.clone()}</dd>
            <dt>{desk.tr(T::Date)}</dt><dd data-testid="rp-date-shown">{pass.date.to_string()}</dd>
            <dt>{desk.tr(T::Applicant)}</dt><dd>{move || applicant.label(lang())} " " {pass.unit.clone()} " " {Mask::Name.apply(&pass.name)}</dd>
            <dt>{desk.tr(T::Items)}</dt><dd data-testid="rp-items-shown">{items_line(&pass)}</dd>
            <dt>{desk.tr(T::Plate)}</dt><dd data-testid="rp-plate-shown">{pass.plate.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default()}</dd>
            <dt>{desk.tr(T::GateName)}</dt><dd>{pass.gate.clone()}</dd>
            <dt>{desk.tr(T::Reason)}</dt><dd>{move || reason.label(lang())} {(!pass.note.is_empty()).then(|| format!(" · {}", pass.note))}</dd>
            {pass.consent.clone().map(|c| {
                let how = c.how;
                view! { <dt>{desk.tr(T::ConsentOwner)}</dt><dd>{Mask::Name.apply(&c.owner)} " · " {move || how.label(lang())}</dd> }
            })}
            <dt>{desk.tr(T::AppliedBy)}</dt><dd>{pass.applied.by.clone()} " " {time::short(pass.applied.at)}</dd>
            {pass.decided.clone().map(|d| view! { <dt>{desk.tr(T::Approver)}</dt><dd>{d.by} " " {time::short(d.at)} {(!d.note.is_empty()).then(|| format!(" · {}", d.note))}</dd> })}
            <dt>{desk.tr(T::State)}</dt><dd data-testid="rp-state">{move || state.label(lang())}
                {pass.gate_mark.clone().map(|m| format!(" · {} {} {}", m.by, time::short(m.at), m.note))}</dd>
        </dl>
    }
}

#[component]
pub fn PassPage() -> impl IntoView {
    let desk = use_desk();
    let pass = crate::components::route::record_of_url(data::get);
    view! {
        <section class="page passes">
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match pass.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(None) => view! { <p class="card">{desk.tr(T::NotFound)}</p> }.into_any(),
                        Ok(Some((id, (p, checks)))) => view! { <OnePass id=id pass=p checks=checks /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OnePass(id: RecordId, pass: Pass, checks: Vec<GateCheck>) -> impl IntoView {
    let desk = use_desk();
    let why = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let decide = move |approve: bool| {
        let w = why.get_untracked();
        leptos::task::spawn_local(async move {
            match data::decide(desk, id, approve, &w).await {
                Ok(_) => {
                    desk.toasts.info(desk.t(T::Decided));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let waiting = pass.state == PassState::Applied;
    let approved = pass.state == PassState::Approved;
    let applicant = pass.applicant;
    // Passes approved before passes were signed carry their code only.
    let signed_by = match ticket::read(&pass.qr) {
        Ok(Typed::Signed(s)) if !pass.qr.is_empty() => Some(s.ticket.key),
        _ => None,
    };
    let qr = crate::components::qr::qr_svg(&if pass.qr.is_empty() {
        format!("{}{}", ticket::CODE_PREFIX, pass.code)
    } else {
        pass.qr.clone()
    });
    view! {
        <div class="card no-print" data-testid="rp-pass">
            <h1>{desk.tr(T::List)}</h1>
            <PassFacts pass=pass.clone() />
            {(!checks.is_empty()).then(|| view! {
                <h2>{desk.tr(T::ByQrChecks)}</h2>
                <ul class="plain-list" data-testid="rp-gate-checks">
                    {checks.into_iter().map(|c| {
                        let what = if c.used { desk.t(T::LetGo).to_string() } else { format!("{} · {}", desk.t(T::Refused), c.mark.note) };
                        view! { <li data-testid="rp-gate-check">{time::short(c.mark.at)} " " {c.mark.by} " · " {what}</li> }
                    }).collect_view()}
                </ul>
            })}
            {(waiting && desk.can(APPROVE_PASSES)).then(|| view! {
                <div class="row">
                    <button class="primary-big" data-testid="rp-approve" on:click=move |_| decide(true)>{desk.tr(T::Approve)}</button>
                </div>
                <div class="row">
                    <TextField id="rp-why" label=T::RejectWhy value=why testid="rp-why" maxlength=200 />
                    <button class="secondary danger" data-testid="rp-reject" on:click=move |_| decide(false)>{desk.tr(T::Reject)}</button>
                </div>
            })}
            <p class="field-error" role="alert" data-testid="rp-decide-error">{move || problem.get()}</p>
            {approved.then(|| view! {
                <button class="secondary" data-testid="rp-print" on:click=move |_| crate::platform::print_page()>{desk.tr(T::Print)}</button>
            })}
        </div>
        {approved.then(|| view! {
            <div class="report rp-slip" data-testid="rp-slip">
                <h2>{desk.tr(T::GateSlip)}</h2>
                <div class="rp-slip-code">
                    <div class="qr" inner_html=qr></div>
                    <div>
                        <p class="muted">{desk.tr(T::Code)}</p>
                        <p class="mono big" data-testid="rp-slip-code">{pass.code.clone()}</p>
                        <p><strong>{pass.date.to_string()}</strong> " " {desk.tr(T::ValidOn)}</p>
                        {signed_by.map(|k| view! { <p class="muted small" data-testid="rp-signed-by">{desk.tr(T::SignedBy)} " " <span class="mono">{k}</span></p> })}
                    </div>
                </div>
                <p>{move || applicant.label(desk.lang.get())} " " {pass.unit.clone()} " " {Mask::Name.apply(&pass.name)}
                    {pass.decided.as_ref().map(|d| format!(" · {} {}", desk.t(T::Approver), d.by))}</p>
                <ol class="rp-slip-items" data-testid="rp-slip-items">
                    {pass.items.iter().map(|i| view! { <li>{i.what.clone()} " × " {i.qty}</li> }).collect_view()}
                </ol>
                <p>{desk.tr(T::Plate)} " " {pass.plate.as_ref().map(|p| p.as_str().to_string()).unwrap_or_default()} " · " {desk.tr(T::GateName)} " " {pass.gate.clone()}</p>
                <p class="muted">{desk.tr(T::ShowGuard)}</p>
            </div>
        })}
    }
}

/// A pass the gate knows from its signed QR alone.
#[component]
fn TicketFacts(ticket: Ticket) -> impl IntoView {
    let desk = use_desk();
    let items = {
        let t = ticket.clone();
        move || t.items_line(desk.lang.get())
    };
    view! {
        <dl class="facts">
            <dt>{desk.tr(T::Code)}</dt><dd class="mono" data-testid="rp-code">{ticket.code.clone()}</dd>
            <dt>{desk.tr(T::Date)}</dt><dd data-testid="rp-date-shown">{ticket.date.to_string()}</dd>
            <dt>{desk.tr(T::Masked)}</dt><dd>{ticket.unit.clone()} " " {ticket.name.clone()}</dd>
            <dt>{desk.tr(T::Items)}</dt><dd data-testid="rp-items-shown">{items}
                {(ticket.more > 0).then(|| view! { <p class="warn-notice" data-testid="rp-partial">{desk.tr(T::PartlySigned)}</p> })}</dd>
            <dt>{desk.tr(T::Plate)}</dt><dd data-testid="rp-plate-shown">{ticket.plate.clone()}</dd>
            <dt>{desk.tr(T::GateName)}</dt><dd>{ticket.gate.clone()}</dd>
            <dt>{desk.tr(T::Approver)}</dt><dd>{ticket.approver.clone()}</dd>
            <dt>{desk.tr(T::SignedBy)}</dt><dd class="mono" data-testid="rp-key">{ticket.key.clone()}</dd>
        </dl>
    }
}

/// `/release-passes/gate`: the guard types (or scans, by a scanner that types) the code, sees
/// the goods and the plate with the verdict, and lets it through once or refuses it.
#[component]
pub fn GatePage() -> impl IntoView {
    let desk = use_desk();
    let code = RwSignal::new(String::new());
    let found = RwSignal::new(None::<AtGateFound>);
    let problem = RwSignal::new(None::<String>);
    let why = RwSignal::new(String::new());
    // What the guard just did to the pass shown (let through, refused), shown in its place.
    let done = RwSignal::new(None::<bool>);
    let field = NodeRef::<leptos::html::Input>::new();
    // Ready for the next scan: the field empty and focused (a scanner types into it).
    let ready = move || {
        code.set(String::new());
        if let Some(el) = field.get_untracked() {
            let _ = el.focus();
        }
    };
    let look = move || {
        let c = code.get_untracked();
        done.set(None);
        ready();
        leptos::task::spawn_local(async move {
            match data::look(desk, &c).await {
                Ok(Some(f)) => {
                    problem.set(None);
                    found.set(Some(f));
                }
                Ok(None) => {
                    found.set(None);
                    problem.set(Some(desk.t(T::NoSuchCode).to_string()));
                }
                Err(e) => {
                    found.set(None);
                    problem.set(Some(e));
                }
            }
        });
    };
    let mark = move |what: AtGate| {
        let Some(f) = found.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let outcome = match f {
                AtGateFound::Here(id, _, _) => data::at_gate(desk, id, what).await.map(|p| {
                    let v = p.verdict(BrowserClock.now());
                    AtGateFound::Here(id, p, v)
                }),
                AtGateFound::Signed(qr, _) => data::at_gate_scanned(desk, &qr, what)
                    .await
                    .map(|v| AtGateFound::Signed(qr, v)),
            };
            match outcome {
                Ok(f) => {
                    problem.set(None);
                    let used = match &f {
                        AtGateFound::Here(_, p, _) => p.state == PassState::Used,
                        AtGateFound::Signed(_, v) => matches!(v, Verdict::Used { .. }),
                    };
                    desk.toasts
                        .info(desk.t(if used { T::LetGo } else { T::Refused }));
                    found.set(Some(f));
                    done.set(Some(used));
                    ready();
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page passes">
            <form class="card" novalidate data-testid="rp-gate-form"
                on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); look(); }>
                <h1>{desk.tr(T::Gate)}</h1>
                <TextField id="rp-gate-code" label=T::CodeInput value=code testid="rp-gate-code" maxlength=1000 autofocus=true node_ref=field />
                {crate::platform::barcode::available(crate::platform::barcode::Codes::Qr).then(|| view! { <crate::components::camera::CameraScan into=code qr=true then=Callback::new(move |()| look()) /> })}
                <button type="submit" class="primary-big" data-testid="rp-look">{desk.tr(T::Look)}</button>
            </form>
            <p class="field-error big-alert" role="alert" data-testid="rp-gate-error">{move || problem.get()}</p>
            {move || found.get().map(|f| {
                let (verdict, facts, by_qr) = match f {
                    AtGateFound::Here(_, p, v) => (v, view! { <PassFacts pass=p /> }.into_any(), false),
                    AtGateFound::Signed(qr, v) => (v, view! { <TicketFacts ticket=qr.ticket /> }.into_any(), true),
                };
                let ok = verdict == Verdict::Valid;
                let said = verdict.message(desk.lang.get());
                let just = done.get();
                view! {
                    <div class="card" data-testid="rp-gate-pass">
                        {match just {
                            Some(used) => view! {
                                <p class="verdict ok" data-testid="rp-done">{desk.tr(if used { T::LetGo } else { T::Refused })} " · " {desk.tr(T::NextPlease)}</p>
                            }.into_any(),
                            None => view! { <p class="verdict" class:ok=ok class:bad=!ok data-testid="rp-verdict">{said}</p> }.into_any(),
                        }}
                        {(ok && just.is_none()).then(|| view! {
                            <div class="row">
                                <button class="primary-big" data-testid="rp-let-through" on:click=move |_| mark(AtGate::Use)>{desk.tr(T::LetThrough)}</button>
                            </div>
                            <div class="row">
                                <TextField id="rp-refuse-why" label=T::RefuseWhy value=why testid="rp-refuse-why" maxlength=200 />
                                <button class="secondary danger" data-testid="rp-refuse" on:click=move |_| mark(AtGate::Refuse(why.get_untracked()))>{desk.tr(T::Refuse)}</button>
                            </div>
                        })}
                        {by_qr.then(|| view! { <p class="muted" data-testid="rp-from-qr">{desk.tr(T::FromQr)}</p> })}
                        {facts}
                    </div>
                }
            })}
        </section>
    }
}
