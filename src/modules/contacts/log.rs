//! 来电来访登记 One screen to fill while on the phone, keyboard only: the phone (the caller found
//! in the directory as it is typed), name, unit, what it is about, what they said, what was
//! answered; Enter moves on and saves from the last field. What cannot be answered now takes a
//! promised reply time (the caller's phone is required then) and whom it was passed to.

use super::data;
use super::texts::ContactMsg as T;
use crate::components::form::{SelectField, TextField, enter_moves_on, focus};
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use lobbydesk_core::modules::contacts::{CallForm, Topic, Way};
use lobbydesk_core::time;

/// A `datetime-local` value (China time) as a time.
pub fn local_time(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let t = chrono::NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()?;
    t.and_local_timezone(time::china())
        .single()
        .map(|t| t.with_timezone(&chrono::Utc))
}

#[component]
pub fn LogPage() -> impl IntoView {
    let desk = use_desk();
    let s = || RwSignal::new(String::new());
    let (phone, caller, unit, said, answer, due, what, passed_to, sent_to) =
        (s(), s(), s(), s(), s(), s(), s(), s(), s());
    let way = RwSignal::new(Way::Call);
    let topic = RwSignal::new(Topic::Inquiry.code().to_string());
    let not_answered = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    // The caller by the phone typed: the directory's residents with that number.
    let matches = LocalResource::new(move || {
        let p: String = phone.get().chars().filter(char::is_ascii_digit).collect();
        async move {
            if p.len() < 7 {
                return Vec::new();
            }
            crate::modules::residents::data::search(desk, &p, 4)
                .await
                .unwrap_or_default()
        }
    });
    // One resident with exactly that number fills an empty name and unit.
    Effect::new(move |_| {
        if let Some(list) = matches.get()
            && let [(_, r)] = list.as_slice()
            && caller.with_untracked(|c| c.trim().is_empty())
        {
            caller.set(r.name.clone());
            if let Some(u) = r.units.first() {
                unit.set(u.key());
            }
        }
    });
    let clear = move || {
        for f in [
            phone, caller, unit, said, answer, due, what, passed_to, sent_to,
        ] {
            f.set(String::new());
        }
        topic.set(Topic::Inquiry.code().to_string());
        way.set(Way::Call);
        not_answered.set(false);
        problem.set(None);
    };
    let save = Action::new_local(move |_: &()| {
        let form = CallForm {
            way: Some(way.get_untracked()),
            caller: caller.get_untracked(),
            phone: phone.get_untracked(),
            unit: unit.get_untracked(),
            topic: Topic::from_code(&topic.get_untracked()),
            said: said.get_untracked(),
            answer: answer.get_untracked(),
            answered: !not_answered.get_untracked(),
            passed_to: passed_to.get_untracked(),
            sent_to: sent_to.get_untracked(),
            promise_what: what.get_untracked(),
            promise_due: local_time(&due.get_untracked()),
        };
        async move {
            match data::log(desk, &form).await {
                Ok(c) => {
                    desk.toasts.info(format!(
                        "{} {} {}",
                        desk.t(T::Saved),
                        c.caller,
                        c.topic.label(desk.lang.get_untracked())
                    ));
                    desk.changed();
                    clear();
                    focus("ct-phone");
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !save.pending().get_untracked() {
            save.dispatch(());
        }
    };
    let topics = Signal::derive(move || {
        Topic::ALL
            .iter()
            .map(|t| (t.code().to_string(), t.label(desk.lang.get()).to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="page contacts">
            <form class="card" on:submit=submit on:keydown=enter_moves_on data-testid="ct-form">
                <h1>{desk.tr(T::LogTitle)}</h1>
                <fieldset class="choices">
                    <legend>{desk.tr(T::Way)}</legend>
                    {Way::ALL.iter().copied().map(|w| view! {
                        <button type="button" class="choice" data-testid=format!("ct-way-{}", w.code())
                            aria-pressed=move || (way.get() == w).to_string() on:click=move |_| way.set(w)>
                            {move || w.label(desk.lang.get())}
                        </button>
                    }).collect_view()}
                </fieldset>
                <div class="grid3">
                    <TextField id="ct-phone" label=Msg::Phone value=phone kind="tel" testid="ct-phone" maxlength=20 autofocus=true />
                    <TextField id="ct-caller" label=T::Caller value=caller testid="ct-caller" maxlength=40 />
                    <TextField id="ct-unit" label=T::Unit value=unit testid="ct-unit" maxlength=40 placeholder=Msg::UnitPlaceholder />
                </div>
                <Suspense>
                    {move || Suspend::new(async move {
                        let list = matches.await;
                        (!list.is_empty()).then(|| view! {
                            <div class="lookup" data-testid="ct-directory">
                                <span class="muted">{desk.tr(T::FromDirectory)}</span>
                                {list.into_iter().flat_map(|(_, r)| {
                                    r.units.clone().into_iter().map(move |u| {
                                        let (key, name) = (u.key(), r.name.clone());
                                        let (k2, n2) = (key.clone(), name.clone());
                                        view! {
                                            <button type="button" class="chip-button" data-testid="ct-directory-option"
                                                on:click=move |_| { caller.set(n2.clone()); unit.set(k2.clone()); }>
                                                <strong>{key}</strong> " " <span>{name}</span>
                                            </button>
                                        }
                                    }).collect::<Vec<_>>()
                                }).collect_view()}
                            </div>
                        })
                    })}
                </Suspense>
                <SelectField id="ct-topic" label=T::Topic value=topic options=topics testid="ct-topic" />
                <TextField id="ct-said" label=T::Said value=said testid="ct-said" maxlength=500 />
                <Show when=move || !not_answered.get()>
                    <TextField id="ct-answer" label=T::Answer value=answer testid="ct-answer" maxlength=500 />
                </Show>
                <Show when=move || topic.get() == Topic::Official.code()>
                    <TextField id="ct-sent-to" label=T::SentTo value=sent_to testid="ct-sent-to" maxlength=40 />
                </Show>
                <label class="check">
                    <input type="checkbox" class="big-check" data-testid="ct-not-answered"
                        prop:checked=move || not_answered.get()
                        on:change:target=move |ev| not_answered.set(ev.target().checked()) />
                    {desk.tr(T::NotAnswered)}
                </label>
                <Show when=move || not_answered.get()>
                    <div class="grid3">
                        <TextField id="ct-due" label=T::PromiseDue value=due kind="datetime-local" testid="ct-due" />
                        <TextField id="ct-passed" label=T::PassedTo value=passed_to testid="ct-passed" maxlength=40 />
                        <TextField id="ct-what" label=T::PromiseWhat value=what testid="ct-what" maxlength=200 />
                    </div>
                </Show>
                <p class="field-error" role="alert" data-testid="ct-error">{move || problem.get()}</p>
                <div class="action-bar">
                    <button type="submit" class="primary-big" data-testid="ct-submit" disabled=move || save.pending().get()>{desk.tr(T::Save)}</button>
                </div>
            </form>
        </section>
    }
}
