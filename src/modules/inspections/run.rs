//! Walking an inspection: every answer is saved the moment it is given (closing the tab or
//! losing power loses nothing), in any order, with big targets; photos from the camera; a
//! failed item can become a work order; sign-off is refused while anything required is missing.

use super::data::{self, Row};
use crate::components::photo::PhotoInput;
use crate::components::signature::SignaturePad;
use crate::desk::{Desk, use_desk};
use crate::modules::inspections::texts::{self, InspectionMsg};
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::modules::inspections::{Item, ItemKind, Outcome, Value};
use std::future::Future;

type Current = RwSignal<Option<Row>>;

/// Runs one save, puts the saved inspection in place and says how long it took.
fn save<F: Future<Output = Result<Row, String>> + 'static>(
    desk: Desk,
    cur: Current,
    last_ms: RwSignal<f64>,
    fut: F,
) {
    let started = js_sys::Date::now();
    leptos::task::spawn_local(async move {
        match fut.await {
            Ok(row) => {
                cur.set(Some(row));
                last_ms.set(js_sys::Date::now() - started);
            }
            Err(e) => desk.toasts.error(e),
        }
    });
}

/// Runs `f` once typing has paused for 700 ms (each keystroke starts the wait again).
fn after_pause(generation: StoredValue<u32>, f: impl Fn() + 'static) {
    let g = generation.get_value().wrapping_add(1);
    generation.set_value(g);
    set_timeout(
        move || {
            if generation.get_value() == g {
                f();
            }
        },
        std::time::Duration::from_millis(700),
    );
}

#[component]
pub fn RunPage() -> impl IntoView {
    let desk = use_desk();
    let id = super::route_id();
    let cur: Current = RwSignal::new(None);
    let loaded = RwSignal::new(false);
    let last_ms = RwSignal::new(0.0);
    if let Some(id) = id {
        leptos::task::spawn_local(async move {
            match data::get(desk, id).await {
                Ok(r) => cur.set(r),
                Err(e) => desk.toasts.error(e),
            }
            loaded.set(true);
        });
    }
    let sections = Memo::new(move |_| {
        cur.with(|r| {
            r.as_ref()
                .map(|r| r.insp.sections.clone())
                .unwrap_or_default()
        })
    });
    let progress = move || {
        cur.with(|r| {
            r.as_ref().map(|r| {
                let s = r.insp.score();
                texts::progress(desk.lang.get(), s.answered(), s.total(), s.failed)
            })
        })
    };
    let finished = move || cur.with(|r| r.as_ref().is_some_and(|r| r.insp.is_finished()));
    let signature = RwSignal::new(String::new());
    let finish_problem = RwSignal::new(None::<String>);
    let finish = move |_| {
        let Some(id) = id else { return };
        finish_problem.set(None);
        let sig = signature.get_untracked();
        leptos::task::spawn_local(async move {
            match data::finish(desk, id, sig).await {
                Ok(row) => cur.set(Some(row)),
                Err(e) => {
                    finish_problem.set(Some(e));
                    // What is missing, in the middle of the screen: clear of the sticky bar.
                    request_animation_frame(|| {
                        if let Some(el) =
                            web_sys::window().and_then(|w| w.document()).and_then(|d| {
                                d.query_selector("[data-testid=finish-error]")
                                    .ok()
                                    .flatten()
                            })
                        {
                            let opts = web_sys::ScrollIntoViewOptions::new();
                            opts.set_block(web_sys::ScrollLogicalPosition::Center);
                            el.scroll_into_view_with_scroll_into_view_options(&opts);
                        }
                    });
                }
            }
        });
    };
    // Scrolls to the sign-off card.
    let to_finish = || {
        if let Some(card) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=finish-card]").ok().flatten())
        {
            card.scroll_into_view();
        }
    };
    view! {
        <section class="page inspections run" data-testid="insp-run" data-last-save-ms=move || last_ms.get().to_string()>
            <Show when=move || loaded.get() && cur.with(|c| c.is_none())>
                <p class="card">{desk.tr(InspectionMsg::NoInspections)}</p>
            </Show>
            {move || cur.with(|r| r.as_ref().map(|r| {
                let i = &r.insp;
                view! {
                    <div class="card run-head">
                        <h1>{i.title.clone()}</h1>
                        <p>{i.place.clone()} {(!i.unit.is_empty()).then(|| format!(" · {}", i.unit))} " · " {i.inspector.clone()}</p>
                        <p class="progress" data-testid="insp-progress">{progress}</p>
                    </div>
                }
            }))}
            <For each=move || sections.get().into_iter().enumerate() key=|(n, s)| (*n, s.title.clone()) let:((_, section))>
                <div class="card">
                    <h2>{section.title.clone()}</h2>
                    {section.items.into_iter().map(|item| view! { <ItemCard item=item cur=cur last_ms=last_ms /> }).collect_view()}
                </div>
            </For>
            <Show when=move || cur.with(|c| c.is_some())>
                <div class="card" data-testid="finish-card">
                    <Show when=move || !finished() fallback=move || {
                        let href = id.map(|i| format!("/inspections/r/{i}")).unwrap_or_default();
                        view! {
                            <p class="notice ok-notice" data-testid="insp-finished">{desk.tr(InspectionMsg::InspectionFinished)}</p>
                            <A href=href attr:class="button-link" attr:data-testid="open-report">{desk.tr(InspectionMsg::Report)}</A>
                        }
                    }>
                        <h2>{desk.tr(InspectionMsg::SignOff)}</h2>
                        <SignaturePad value=signature testid="finish-sig" label=InspectionMsg::InspectorSignsHere.tx() />
                        <p class="field-error" role="alert" data-testid="finish-error">{move || finish_problem.get()}</p>
                        <button data-testid="insp-finish" on:click=finish>{desk.tr(InspectionMsg::FinishInspection)}</button>
                    </Show>
                </div>
            </Show>
            // How far along, and the way to the sign-off, stay on screen while answering.
            <Show when=move || cur.with(|c| c.is_some()) && !finished() && finish_problem.with(|p| p.is_none())>
                <div class="action-bar page-bar" data-testid="insp-bar">
                    <p class="progress">{progress}</p>
                    <button class="secondary" data-testid="insp-go-finish" on:click=move |_| to_finish()>
                        {desk.tr(InspectionMsg::SignOff)} " ↓"
                    </button>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn ItemCard(item: Item, cur: Current, last_ms: RwSignal<f64>) -> impl IntoView {
    let desk = use_desk();
    let key = item.key.clone();
    let id = move || cur.with_untracked(|r| r.as_ref().map(|r| r.env.meta.id));
    let answer = {
        let key = key.clone();
        Memo::new(move |_| cur.with(|r| r.as_ref().and_then(|r| r.insp.answers.get(&key).cloned())))
    };
    let outcome = {
        let item = item.clone();
        Memo::new(move |_| {
            cur.with(|r| {
                r.as_ref()
                    .map(|r| r.insp.outcome(&item))
                    .unwrap_or(Outcome::Unanswered)
            })
        })
    };
    let locked = move || cur.with(|r| r.as_ref().is_some_and(|r| r.insp.is_finished()));
    let give = {
        let key = key.clone();
        Callback::new(move |v: Value| {
            if let Some(id) = id() {
                save(desk, cur, last_ms, data::answer(desk, id, key.clone(), v));
            }
        })
    };
    let k = key.clone();
    let button = move |label: InspectionMsg, v: Value, suffix: &'static str| {
        let v2 = v.clone();
        let pressed = move || answer.with(|a| a.as_ref().is_some_and(|a| a.value == v2));
        view! {
            <button type="button" class="choice answer" data-testid=format!("ans-{k}-{suffix}")
                aria-pressed=move || pressed().to_string() disabled=locked
                on:click=move |_| give.run(v.clone())>{desk.tr(label)}</button>
        }
    };
    let controls = match &item.kind {
        ItemKind::PassFail => view! {
            <div class="row">{button(InspectionMsg::Pass, Value::Pass, "pass")}{button(InspectionMsg::Fail, Value::Fail, "fail")}{button(InspectionMsg::NotApplicable, Value::NotApplicable, "na")}</div>
        }.into_any(),
        ItemKind::YesNo { .. } => view! {
            <div class="row">{button(InspectionMsg::Yes, Value::Yes, "yes")}{button(InspectionMsg::No, Value::No, "no")}{button(InspectionMsg::NotApplicable, Value::NotApplicable, "na")}</div>
        }.into_any(),
        ItemKind::Choice { options, .. } => {
            let k = key.clone();
            view! {
                <div class="row wrap">
                    {options.iter().enumerate().map(|(n, o)| {
                        let (o, o2) = (o.clone(), o.clone());
                        let pressed = move || answer.with(|a| matches!(a.as_ref().map(|a| &a.value), Some(Value::Choice(c)) if *c == o2));
                        view! {
                            <button type="button" class="choice answer" data-testid=format!("ans-{k}-opt-{n}")
                                aria-pressed=move || pressed().to_string() disabled=locked
                                on:click=move |_| give.run(Value::Choice(o.clone()))>{o.clone()}</button>
                        }
                    }).collect_view()}
                </div>
            }.into_any()
        }
        ItemKind::Number { unit, min, max, baseline, max_rise } => {
            let text = RwSignal::new(answer.get_untracked().and_then(|a| match a.value { Value::Number(n) => Some(n.to_string()), _ => None }).unwrap_or_default());
            let typing = StoredValue::new(0u32);
            let bad = RwSignal::new(false);
            let commit = move || {
                let t = text.get_untracked().trim().replace(',', ".");
                if t.is_empty() { return; }
                match t.parse::<f64>() {
                    Ok(n) if n.is_finite() => { bad.set(false); give.run(Value::Number(n)); }
                    _ => bad.set(true),
                }
            };
            let commit2 = commit.clone();
            let range = match (min, max) {
                (Some(a), Some(b)) => format!("{a} – {b} {unit}"),
                (Some(a), None) => format!("≥ {a} {unit}"),
                (None, Some(b)) => format!("≤ {b} {unit}"),
                (None, None) => unit.clone(),
            };
            let rise = baseline.as_ref().zip(*max_rise).map(|(_, r)| format!(" · {}", texts::allowed_rise(desk.lang.get(), r, unit)));
            view! {
                <div class="row number-answer">
                    <input type="text" inputmode="decimal" class="num" data-testid=format!("num-{key}") disabled=locked
                        bind:value=text
                        on:input=move |_| after_pause(typing, move || {
                            // Saved as typed, once typing pauses: a reload with the field still
                            // focused loses nothing. A half-typed value ("-") waits quietly.
                            let t = text.get_untracked().trim().replace(',', ".");
                            if let Ok(n) = t.parse::<f64>() && n.is_finite() {
                                bad.set(false);
                                give.run(Value::Number(n));
                            }
                        })
                        on:change=move |_| commit()
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); commit2(); } />
                    <span class="hint">{range}{rise}</span>
                    <button type="button" class="secondary" disabled=locked on:click={move |_| give.run(Value::NotApplicable)}>{desk.tr(InspectionMsg::NotApplicable)}</button>
                </div>
                <Show when=move || bad.get()><p class="field-error">{desk.tr(InspectionMsg::NotANumber)}</p></Show>
            }.into_any()
        }
        ItemKind::Text => {
            let text = RwSignal::new(answer.get_untracked().and_then(|a| match a.value { Value::Text(t) => Some(t), _ => None }).unwrap_or_default());
            let typing = StoredValue::new(0u32);
            view! {
                <input type="text" class="wide" data-testid=format!("text-{key}") disabled=locked
                    bind:value=text
                    on:input=move |_| after_pause(typing, move || {
                        let t = text.get_untracked().trim().to_string();
                        if !t.is_empty() {
                            give.run(Value::Text(t));
                        }
                    })
                    on:change=move |_| give.run(Value::Text(text.get_untracked().trim().to_string())) />
            }.into_any()
        }
        ItemKind::Photo => view! { <span></span> }.into_any(),
        ItemKind::Signature => {
            let sig = RwSignal::new(String::new());
            let (k1, k2) = (format!("sig-{key}"), format!("sig-{key}-save"));
            let has = move || answer.with(|a| matches!(a.as_ref().map(|a| &a.value), Some(Value::Signature(_))));
            let key = key.clone();
            let sign = Callback::new(move |_: ()| {
                if let Some(id) = id() {
                    save(desk, cur, last_ms, data::sign_item(desk, id, key.clone(), sig.get_untracked()));
                }
            });
            view! {
                <Show when=move || !has() fallback=move || view! { <p class="ok">{desk.tr(InspectionMsg::Signed)}</p> }>
                    <SignaturePad value=sig testid=k1.clone() label=InspectionMsg::SignerSignsHere.tx() />
                </Show>
                <Show when=move || !sig.with(|s| s.is_empty()) && !has()>
                    <button type="button" data-testid=k2.clone() on:click=move |_| sign.run(())>{desk.tr(InspectionMsg::SaveSignature)}</button>
                </Show>
            }.into_any()
        }
    };
    // Photos: the answer of a photo item, or the evidence of a failure.
    let is_photo_item = matches!(item.kind, ItemKind::Photo);
    let photo_ids = Memo::new(move |_| {
        answer.with(|a| {
            let mut v = a.as_ref().map(|a| a.photos.clone()).unwrap_or_default();
            if let Some(Value::Photos(p)) = a.as_ref().map(|a| &a.value) {
                v.extend(p.iter().copied());
            }
            v
        })
    });
    let thumbs = LocalResource::new(move || {
        let ids = photo_ids.get();
        async move { crate::components::photo::load(desk, &ids).await }
    });
    let new_photo = RwSignal::new(None::<String>);
    {
        let key = key.clone();
        Effect::new(move |_| {
            if let Some(url) = new_photo.get() {
                new_photo.set(None);
                if let Some(id) = id() {
                    save(
                        desk,
                        cur,
                        last_ms,
                        data::add_photo(desk, id, key.clone(), url),
                    );
                }
            }
        });
    }
    let failed = move || outcome.get() == Outcome::Failed;
    let note = RwSignal::new(answer.get_untracked().map(|a| a.note).unwrap_or_default());
    let save_note = {
        let key = key.clone();
        move || {
            if let Some(id) = id() {
                save(
                    desk,
                    cur,
                    last_ms,
                    data::note(desk, id, key.clone(), note.get_untracked()),
                );
            }
        }
    };
    let make_wo = {
        let key = key.clone();
        move |_| {
            if let Some(id) = id() {
                save(
                    desk,
                    cur,
                    last_ms,
                    data::make_work_order(desk, id, key.clone()),
                );
            }
        }
    };
    let wo = Memo::new(move |_| answer.with(|a| a.as_ref().and_then(|a| a.work_order)));
    let wo_view = {
        let key = key.clone();
        move || {
            match wo.get() {
            Some(w) => view! { <A href=format!("/work-orders/o/{w}") attr:class="wo-link" attr:data-testid=format!("wo-link-{key}")>{desk.tr(InspectionMsg::WorkOrderMade)}</A> }.into_any(),
            None => view! { <button type="button" class="secondary" data-testid=format!("wo-{key}") on:click=make_wo.clone()>{desk.tr(InspectionMsg::MakeWorkOrder)}</button> }.into_any(),
        }
        }
    };
    let state_label = move || match outcome.get() {
        Outcome::Ok => desk.t(InspectionMsg::ResultPassed),
        Outcome::Failed => desk.t(InspectionMsg::Fail),
        Outcome::NotApplicable => desk.t(InspectionMsg::NotApplicable),
        Outcome::Unanswered => "",
    };
    let needs = {
        let item = item.clone();
        move || {
            let mut v = Vec::new();
            if item.photo_on_fail {
                v.push(desk.t(InspectionMsg::PhotoNeeded));
            }
            if item.note_on_fail {
                v.push(desk.t(InspectionMsg::NoteNeeded));
            }
            v.join(" · ")
        }
    };
    let (photo_id, note_id, item_id, state_id) = (
        format!("photo-{key}"),
        format!("note-{key}"),
        format!("item-{key}"),
        format!("state-{key}"),
    );
    view! {
        <div class="insp-item" data-testid=item_id
            class:failed=failed class:ok=move || outcome.get() == Outcome::Ok class:done=move || outcome.get() != Outcome::Unanswered>
            <div class="item-head">
                <span class="item-label">{item.label.clone()}{item.required.then(|| view! { <span class="req">" *"</span> })}</span>
                <span class="item-state" data-testid=state_id>{state_label}</span>
            </div>
            {controls}
            <Show when=move || (is_photo_item || failed()) && !locked()>
                <PhotoInput value=new_photo testid=photo_id.clone() />
            </Show>
            <div class="thumbs">
                {move || thumbs.get().unwrap_or_default().into_iter().map(|(_, url)| view! { <img class="thumb" src=url alt="" /> }).collect_view()}
            </div>
            <Show when=failed>
                <p class="hint">{needs.clone()}</p>
                <input type="text" class="wide" data-testid=note_id.clone() placeholder=move || desk.t(InspectionMsg::FailureNote) disabled=locked
                    bind:value=note
                    on:change={let s = save_note.clone(); move |_| s()} />
                {wo_view.clone()}
            </Show>
        </div>
    }
}
