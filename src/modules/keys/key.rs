//! One key: what it opens and where it hangs; lending it (borrower from the staff, the directory
//! or typed; reason; due back; signature) while a copy is at the desk; each copy out taken back
//! with its condition and a signature; its loans; a supervisor retires or reinstates it. And the
//! form adding a key to the register.

use super::data;
use super::texts::KeyMsg as T;
use crate::components::form::{SelectField, TextField};
use crate::components::lookup::HostLookup;
use crate::components::signature::SignaturePad;
use crate::desk::{Desk, use_desk};
use crate::i18n::Msg;
use crate::modules::contacts::log::local_time;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::keys::services::KeyRow;
use lobbydesk_core::modules::keys::{
    Borrower, Condition, KeyForm, KeyLoan, LEND_KEYS, LoanForm, MANAGE_KEYS, Opens,
};
use lobbydesk_core::{Envelope, RecordId, time};

#[component]
pub fn NewKeyPage() -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (label, unit, place, hook) = (s(), s(), s(), s());
    let copies = RwSignal::new("1".to_string());
    let opens = RwSignal::new(Opens::Unit.code().to_string());
    let problem = RwSignal::new(None::<String>);
    let options = Signal::derive(move || {
        Opens::ALL
            .iter()
            .map(|o| (o.code().to_string(), o.label(desk.lang.get()).to_string()))
            .collect::<Vec<_>>()
    });
    let navigate = use_navigate();
    let save = Action::new_local(move |form: &KeyForm| {
        let (form, navigate) = (form.clone(), navigate.clone());
        async move {
            match data::register(desk, &form).await {
                Ok(id) => {
                    desk.toasts.info(desk.t(T::Saved));
                    desk.changed();
                    navigate(&format!("/keys/k/{id}"), Default::default());
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(KeyForm {
            label: label.get_untracked(),
            opens: Opens::from_code(&opens.get_untracked()),
            unit: unit.get_untracked(),
            place: place.get_untracked(),
            hook: hook.get_untracked(),
            copies: copies.get_untracked(),
        });
    };
    view! {
        <section class="page keys">
            <form class="card" novalidate on:submit=submit data-testid="key-form">
                <h1>{desk.tr(T::NewKey)}</h1>
                <div class="grid3">
                    <TextField id="key-label" label=T::Label value=label testid="key-label" maxlength=60 required=true autofocus=true />
                    <SelectField id="key-opens" label=T::Opens value=opens options=options testid="key-opens" />
                    <Show when=move || opens.get() == Opens::Unit.code()>
                        <TextField id="key-unit" label=T::Unit value=unit testid="key-unit" maxlength=20 />
                    </Show>
                    <TextField id="key-place" label=T::Place value=place testid="key-place" maxlength=60 />
                    <TextField id="key-hook" label=T::Hook value=hook testid="key-hook" maxlength=20 />
                    <TextField id="key-copies" label=T::Copies value=copies kind="number" inputmode="numeric" testid="key-copies" />
                </div>
                <p class="field-error" role="alert" data-testid="key-error">{move || problem.get()}</p>
                <div class="action-bar">
                    <button type="submit" class="primary-big" data-testid="key-save" disabled=move || save.pending().get()>{desk.tr(T::Save)}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn KeyPage() -> impl IntoView {
    let desk = use_desk();
    let key = crate::components::route::record_of_url(data::key);
    view! {
        <section class="page keys">
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match key.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(None) => view! { <p class="card">{desk.tr(T::NotFound)}</p> }.into_any(),
                        Ok(Some((_, (row, loans)))) => view! { <OneKey row=row loans=loans /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OneKey(row: KeyRow, loans: Vec<(Envelope, KeyLoan)>) -> impl IntoView {
    let desk = use_desk();
    let now = BrowserClock.now();
    let (id, key) = (row.id, row.key.clone());
    let opens = key.opens;
    let may_lend = !key.retired && !row.all_out() && desk.can(LEND_KEYS);
    let retire = {
        let form = key.form();
        let retired = !key.retired;
        move |_| {
            let form = form.clone();
            leptos::task::spawn_local(async move {
                match data::change(desk, id, &form, retired).await {
                    Ok(_) => {
                        desk.toasts.info(desk.t(T::Changed));
                        desk.changed();
                    }
                    Err(e) => desk.toasts.error(e),
                }
            });
        }
    };
    let out: Vec<(Envelope, KeyLoan)> = loans.iter().filter(|(_, l)| l.out()).cloned().collect();
    view! {
        <div class="card" data-testid="key-card">
            <h1 data-testid="key-title">{key.label.clone()}</h1>
            <dl class="facts">
                <dt>{desk.tr(T::Opens)}</dt><dd>{move || opens.label(desk.lang.get())}</dd>
                {(!key.unit.is_empty()).then(|| view! { <dt>{desk.tr(T::Unit)}</dt><dd>{key.unit.clone()}</dd> })}
                {(!key.place.is_empty()).then(|| view! { <dt>{desk.tr(T::Place)}</dt><dd>{key.place.clone()}</dd> })}
                {(!key.hook.is_empty()).then(|| view! { <dt>{desk.tr(T::Hook)}</dt><dd>{key.hook.clone()}</dd> })}
                <dt>{desk.tr(T::Copies)}</dt><dd data-testid="key-copies-out">{format!("{} {} / {}", desk.t(T::OutOf), row.out.len(), key.copies)}</dd>
            </dl>
            {key.retired.then(|| view! { <p class="badge">{desk.tr(T::Retired)}</p> })}
            {desk.can(MANAGE_KEYS).then(|| view! {
                <button class="secondary" data-testid="key-retire" on:click=retire>
                    {desk.tr(if key.retired { T::Reinstate } else { T::Retire })}
                </button>
            })}
        </div>
        {out.into_iter().map(|(e, l)| view! { <TakeBack id=e.meta.id loan=l /> }.into_any()).collect_view()}
        {may_lend.then(|| view! { <Lend id=id /> })}
        <div class="card">
            <h2>{desk.tr(T::History)}</h2>
            {loans.is_empty().then(|| view! { <p class="empty">{desk.tr(T::NoHistory)}</p> })}
            <ul class="plain-list" data-testid="key-history">
                {loans.into_iter().map(|(_, l)| {
                    let late = l.overdue(now);
                    let back = l.returned.clone().map(|r| {
                        let c = r.condition;
                        view! { " · " {desk.tr(T::BackAt)} " " {time::short(r.at)} " · " {move || c.label(desk.lang.get())} {(!r.note.is_empty()).then(|| format!(" · {}", r.note))} }
                    });
                    let b = l.borrower;
                    view! {
                        <li data-testid="key-loan" class:bad=late>
                            {time::short(l.out_at)} " · " {move || b.label(desk.lang.get())} " " {lobbydesk_core::spec::Mask::Name.apply(&l.name)}
                            " · " {l.reason.clone()} " · " {desk.tr(T::Due)} " " {time::short(l.due)}
                            {back}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Two hours from now, on the hour, as the due field's text.
fn in_two_hours() -> String {
    let t = BrowserClock.now() + chrono::Duration::hours(2);
    t.with_timezone(&time::china())
        .format("%Y-%m-%dT%H:00")
        .to_string()
}

#[component]
fn Lend(id: RecordId) -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (name, phone, unit, reason, signature) = (s(), s(), s(), s(), s());
    let due = RwSignal::new(in_two_hours());
    let borrower = RwSignal::new(None::<Borrower>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let staff = LocalResource::new(move || async move {
        crate::pages::signin::active_staff(desk)
            .await
            .map(|v| v.into_iter().map(|(_, s)| s.name).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let lend = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let form = LoanForm {
            borrower: borrower.get_untracked(),
            name: name.get_untracked(),
            phone: phone.get_untracked(),
            unit: unit.get_untracked(),
            reason: reason.get_untracked(),
            due: local_time(&due.get_untracked()),
            signature: None,
        };
        let drawn = signature.get_untracked();
        leptos::task::spawn_local(async move {
            lend_now(desk, id, form, drawn, problem).await;
            busy.set(false);
        });
    };
    view! {
        <div class="card" data-testid="key-lend">
            <h2>{desk.tr(T::LendTitle)}</h2>
            <fieldset class="choices">
                <legend>{desk.tr(T::Borrower)}</legend>
                {Borrower::ALL.iter().copied().map(|b| view! {
                    <button type="button" class="choice" data-testid=format!("key-borrower-{}", b.code())
                        aria-pressed=move || (borrower.get() == Some(b)).to_string()
                        on:click=move |_| borrower.set(Some(b))>{move || b.label(desk.lang.get())}</button>
                }).collect_view()}
            </fieldset>
            <Show when=move || borrower.get() == Some(Borrower::Staff)>
                <Suspense>
                    {move || Suspend::new(async move {
                        let names = staff.await;
                        view! {
                            <div class="chips" data-testid="key-staff">
                                <span class="muted">{desk.tr(T::FromStaff)}</span>
                                {names.into_iter().map(|n| {
                                    let n2 = n.clone();
                                    view! { <button type="button" class="choice" aria-pressed=move || (name.get() == n2).to_string()
                                        on:click=move |_| name.set(n.clone())>{n.clone()}</button> }
                                }).collect_view()}
                            </div>
                        }
                    })}
                </Suspense>
            </Show>
            <div class="grid3">
                <Show when=move || borrower.get() == Some(Borrower::Resident)>
                    <TextField id="key-loan-unit" label=T::Unit value=unit testid="key-loan-unit" maxlength=20 />
                </Show>
                <TextField id="key-loan-name" label=T::Name value=name testid="key-loan-name" maxlength=40 />
                <TextField id="key-loan-phone" label=T::Phone value=phone kind="tel" inputmode="tel" testid="key-loan-phone" maxlength=20 />
                <Show when=move || borrower.get() == Some(Borrower::Resident)>
                    <div class="span2"><HostLookup unit=unit person=name phone=phone /></div>
                </Show>
                <TextField id="key-loan-reason" label=T::Reason value=reason testid="key-loan-reason" maxlength=100 />
                <TextField id="key-loan-due" label=T::Due value=due kind="datetime-local" testid="key-loan-due" />
            </div>
            <SignaturePad value=signature testid="key-lend-sig" label=T::BorrowerSigns.tx() />
            <p class="field-error" role="alert" data-testid="key-lend-error">{move || problem.get()}</p>
            <button class="primary-big" data-testid="key-lend-save" on:click=lend disabled=move || busy.get()>{desk.tr(T::Lend)}</button>
        </div>
    }
}

async fn lend_now(
    desk: Desk,
    id: RecordId,
    form: LoanForm,
    drawn: String,
    problem: RwSignal<Option<String>>,
) {
    match data::lend(desk, id, &form, &drawn).await {
        Ok(_) => {
            problem.set(None);
            desk.toasts.info(desk.t(T::Lent));
            desk.changed();
        }
        Err(e) => problem.set(Some(e)),
    }
}

#[component]
fn TakeBack(id: RecordId, loan: KeyLoan) -> impl IntoView {
    let desk = use_desk();
    let late = loan.overdue(BrowserClock.now());
    let condition = RwSignal::new(None::<Condition>);
    let (note, signature) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let back = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let (c, n, s) = (
            condition.get_untracked(),
            note.get_untracked(),
            signature.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            match data::take_back(desk, id, c, &n, &s).await {
                Ok(_) => {
                    problem.set(None);
                    desk.toasts.info(desk.t(T::Back));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let phone = loan
        .phone
        .as_ref()
        .map(|p| lobbydesk_core::spec::Mask::Phone.apply(p.digits()))
        .unwrap_or_default();
    let b = loan.borrower;
    view! {
        <div class="card" class:late=late data-testid="key-out">
            <h2>{desk.tr(T::AllOut)} " · " {move || b.label(desk.lang.get())} " " {lobbydesk_core::spec::Mask::Name.apply(&loan.name)}
                {late.then(|| view! { " " <span class="badge bad" data-testid="key-late">{desk.tr(T::Overdue)}</span> })}
            </h2>
            <p>
                {[phone, loan.unit.clone(), loan.reason.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")}
                <br/><span class:bad=late>{desk.tr(T::Due)} " " {time::long(loan.due)}</span>
                " · " <span class="muted">{desk.tr(T::LentBy)} " " {loan.out_by.clone()} " " {time::short(loan.out_at)}</span>
            </p>
            <details>
                <summary data-testid="key-back-open">{desk.tr(T::TakeBack)}</summary>
                <fieldset class="choices">
                    <legend>{desk.tr(T::Condition)}</legend>
                    {Condition::ALL.iter().copied().map(|c| view! {
                        <button type="button" class="choice" data-testid=format!("key-cond-{}", c.code())
                            aria-pressed=move || (condition.get() == Some(c)).to_string()
                            on:click=move |_| condition.set(Some(c))>{move || c.label(desk.lang.get())}</button>
                    }).collect_view()}
                </fieldset>
                <TextField id=format!("key-back-note-{id}") label=T::Note value=note testid="key-back-note" maxlength=200 />
                <SignaturePad value=signature testid="key-back-sig" label=T::ReturnerSigns.tx() />
                <p class="field-error" role="alert" data-testid="key-back-error">{move || problem.get()}</p>
                <button class="primary-big" data-testid="key-back-save" on:click=back disabled=move || busy.get()>{desk.tr(T::TakeBack)}</button>
            </details>
        </div>
    }
}
