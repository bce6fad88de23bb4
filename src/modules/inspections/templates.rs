//! Checklist templates (supervisors): the list with copy and retire, and the editor. Saving an
//! edit makes the next template version; inspections already done keep the version they used.

use super::data::{self, TemplateRow};
use crate::components::form::submit_once;
use crate::components::form::{SelectField, TextField};
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::inspections::texts::{self, InspectionMsg};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use lobbydesk_core::modules::inspections::{Category, Item, ItemKind, Section, Template};

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let desk = use_desk();
    let list = LocalResource::new(move || {
        desk.revision();
        async move { data::templates(desk).await }
    });
    let navigate = use_navigate();
    let copy = Action::new_local(move |row: &TemplateRow| {
        let row = row.clone();
        let navigate = navigate.clone();
        async move {
            match data::save_template(desk, None, row.template.copy(desk.lang.get_untracked()))
                .await
            {
                Ok(id) => navigate(&format!("/inspections/templates/{id}"), Default::default()),
                Err(e) => desk.toasts.error(e),
            }
        }
    });
    view! {
        <section class="page inspections">
            <div class="card">
                <div class="row between">
                    <h1>{desk.tr(InspectionMsg::Templates)}</h1>
                    <A href="/inspections/templates/new" attr:class="button-link" attr:data-testid="tpl-new">{desk.tr(InspectionMsg::NewTemplate)}</A>
                </div>
                <Suspense fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                    {move || Suspend::new(async move {
                        let lang = desk.lang.get();
                        match list.await {
                            Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
                            Ok(v) => view! {
                                <ul class="plain-list" data-testid="tpl-list">
                                    {v.into_iter().map(|row| {
                                        let t = row.template.clone();
                                        let (r1, r2) = (row.clone(), row.clone());
                                        let retire = move |_| {
                                            let r = r1.clone();
                                            leptos::task::spawn_local(async move {
                                                if let Err(e) = data::set_retired(desk, &r, !r.template.retired).await {
                                                    desk.toasts.error(e);
                                                }
                                            });
                                        };
                                        view! {
                                            <li class="row between" data-testid="tpl-row" class:muted=t.retired>
                                                <span>
                                                    <strong>{t.title.clone()}</strong> " · " {t.category.label(lang)} " · "
                                                    {texts::items_and_version(desk.lang.get(), t.item_count(), t.version)}
                                                    {t.builtin.then(|| format!(" · {}", desk.t(InspectionMsg::BuiltIn)))}
                                                    {t.retired.then(|| format!(" · {}", desk.t(InspectionMsg::Retired)))}
                                                </span>
                                                <span class="row">
                                                    <A href=format!("/inspections/templates/{}", row.id) attr:class="button-link secondary" attr:data-testid="tpl-edit">{desk.tr(InspectionMsg::Edit)}</A>
                                                    <button class="secondary" data-testid="tpl-copy" on:click=move |_| { copy.dispatch(r2.clone()); }>{desk.tr(InspectionMsg::Copy)}</button>
                                                    <button class="secondary" data-testid="tpl-retire" on:click=retire>
                                                        {if t.retired { desk.t(InspectionMsg::Reinstate) } else { desk.t(InspectionMsg::Retire) }}
                                                    </button>
                                                </span>
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

/// One item in the editor, each field its own signal so typing never re-renders the form.
#[derive(Clone)]
struct ItemState {
    uid: u64,
    key: String,
    label: RwSignal<String>,
    kind: RwSignal<String>,
    required: RwSignal<bool>,
    photo_on_fail: RwSignal<bool>,
    note_on_fail: RwSignal<bool>,
    unit: RwSignal<String>,
    min: RwSignal<String>,
    max: RwSignal<String>,
    options: RwSignal<String>,
    failing: RwSignal<String>,
    fail_on_yes: RwSignal<bool>,
    /// Kept as they were (the custody-house meter rule).
    baseline: Option<String>,
    max_rise: Option<f64>,
}

#[derive(Clone)]
struct SectionState {
    uid: u64,
    title: RwSignal<String>,
    items: RwSignal<Vec<ItemState>>,
}

fn next_uid() -> u64 {
    thread_local!(static N: std::cell::Cell<u64> = const { std::cell::Cell::new(0) });
    N.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

fn split(s: &str) -> Vec<String> {
    s.split([',', ',', '、', '\n'])
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

impl ItemState {
    fn from(item: &Item) -> Self {
        let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        let (mut unit, mut min, mut max, mut options, mut failing, mut yes) = (
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            false,
        );
        let (mut baseline, mut max_rise) = (None, None);
        match &item.kind {
            ItemKind::Number {
                unit: u,
                min: a,
                max: b,
                baseline: bl,
                max_rise: r,
            } => {
                unit = u.clone();
                min = num(*a);
                max = num(*b);
                baseline = bl.clone();
                max_rise = *r;
            }
            ItemKind::Choice {
                options: o,
                failing: f,
            } => {
                options = o.join(",");
                failing = f.join(",");
            }
            ItemKind::YesNo { fail_on } => yes = *fail_on,
            _ => {}
        }
        ItemState {
            uid: next_uid(),
            key: item.key.clone(),
            label: RwSignal::new(item.label.clone()),
            kind: RwSignal::new(item.kind.code().to_string()),
            required: RwSignal::new(item.required),
            photo_on_fail: RwSignal::new(item.photo_on_fail),
            note_on_fail: RwSignal::new(item.note_on_fail),
            unit: RwSignal::new(unit),
            min: RwSignal::new(min),
            max: RwSignal::new(max),
            options: RwSignal::new(options),
            failing: RwSignal::new(failing),
            fail_on_yes: RwSignal::new(yes),
            baseline,
            max_rise,
        }
    }

    fn blank() -> Self {
        Self::from(&Item {
            key: String::new(),
            label: String::new(),
            kind: ItemKind::PassFail,
            required: true,
            photo_on_fail: false,
            note_on_fail: true,
            hint: String::new(),
        })
    }

    fn to_item(&self) -> Result<Item, String> {
        let label = self.label.get_untracked();
        let num = |s: String| -> Result<Option<f64>, String> {
            let s = s.trim().to_string();
            if s.is_empty() {
                return Ok(None);
            }
            s.parse::<f64>().map(Some).map_err(|_| label.clone())
        };
        let kind = match self.kind.get_untracked().as_str() {
            "number" => ItemKind::Number {
                unit: self.unit.get_untracked().trim().to_string(),
                min: num(self.min.get_untracked())?,
                max: num(self.max.get_untracked())?,
                baseline: self.baseline.clone(),
                max_rise: self.max_rise,
            },
            "choice" => ItemKind::Choice {
                options: split(&self.options.get_untracked()),
                failing: split(&self.failing.get_untracked()),
            },
            "yes_no" => ItemKind::YesNo {
                fail_on: self.fail_on_yes.get_untracked(),
            },
            code => ItemKind::blank(code).unwrap_or(ItemKind::PassFail),
        };
        Ok(Item {
            key: self.key.clone(),
            label,
            kind,
            required: self.required.get_untracked(),
            photo_on_fail: self.photo_on_fail.get_untracked(),
            note_on_fail: self.note_on_fail.get_untracked(),
            hint: String::new(),
        })
    }
}

fn section_state(s: &Section) -> SectionState {
    SectionState {
        uid: next_uid(),
        title: RwSignal::new(s.title.clone()),
        items: RwSignal::new(s.items.iter().map(ItemState::from).collect()),
    }
}

#[component]
pub fn TemplateEditPage() -> impl IntoView {
    let desk = use_desk();
    let id = super::route_id();
    let row = RwSignal::new(None::<TemplateRow>);
    let title = RwSignal::new(String::new());
    let category = RwSignal::new(Category::Other.code().to_string());
    let sections = RwSignal::new(vec![SectionState {
        uid: next_uid(),
        title: RwSignal::new(String::new()),
        items: RwSignal::new(vec![ItemState::blank()]),
    }]);
    if let Some(id) = id {
        leptos::task::spawn_local(async move {
            if let Ok(Some(r)) = data::template(desk, id).await {
                title.set(r.template.title.clone());
                category.set(r.template.category.code().to_string());
                sections.set(r.template.sections.iter().map(section_state).collect());
                row.set(Some(r));
            }
        });
    }
    let cat_options = Signal::derive(move || {
        let lang = desk.lang.get();
        Category::ALL
            .iter()
            .map(|c| (c.code().to_string(), c.label(lang).to_string()))
            .collect::<Vec<_>>()
    });
    let problem = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let save = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            problem.set(None);
            let mut secs = Vec::new();
            for s in sections.get_untracked() {
                let mut items = Vec::new();
                for i in s.items.get_untracked() {
                    match i.to_item() {
                        Ok(it) => items.push(it),
                        Err(label) => {
                            problem.set(Some(texts::bad_limits(desk.lang.get_untracked(), &label)));
                            return;
                        }
                    }
                }
                secs.push(Section {
                    title: s.title.get_untracked(),
                    items,
                });
            }
            let existing = row.get_untracked();
            let t = Template {
                title: title.get_untracked(),
                category: Category::from_code(&category.get_untracked()).unwrap_or(Category::Other),
                sections: secs,
                version: existing.as_ref().map(|r| r.template.version).unwrap_or(1),
                retired: existing.as_ref().is_some_and(|r| r.template.retired),
                builtin: false,
            };
            match data::save_template(desk, existing.as_ref(), t).await {
                Ok(_) => {
                    desk.toasts.info(desk.t(InspectionMsg::TemplateSaved));
                    navigate("/inspections/templates", Default::default());
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let kind_options = Signal::derive(move || {
        let lang = desk.lang.get();
        ItemKind::CODES
            .iter()
            .filter_map(|c| ItemKind::blank(c).map(|k| (c.to_string(), k.label(lang).to_string())))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="page inspections">
            <form class="card" data-testid="tpl-editor" on:submit=submit_once(save)>
                <h1>{move || row.with(|r| r.as_ref().map(|r| format!("{} · v{}", desk.t(InspectionMsg::EditTemplate), r.template.version + 1))).unwrap_or_else(|| desk.t(InspectionMsg::NewTemplate).to_string())}</h1>
                <div class="grid2">
                    <TextField id="tpl-title" label=InspectionMsg::TemplateTitle value=title testid="tpl-title" />
                    <SelectField id="tpl-category" label=InspectionMsg::Category value=category options=cat_options testid="tpl-category" />
                </div>
                <For each=move || sections.get() key=|s| s.uid let:sec>
                    <fieldset class="tpl-section" data-testid="tpl-section">
                        <input type="text" class="wide section-title" data-testid="tpl-section-title" placeholder=move || desk.t(InspectionMsg::SectionTitle)
                            bind:value={sec.title} />
                        <For each=move || sec.items.get() key=|i| i.uid let:item>
                            {
                                let it = item.clone();
                                let remove = move |_| sec.items.update(|v| v.retain(|x| x.uid != it.uid));
                                let kind = item.kind;
                                view! {
                                    <div class="tpl-item" data-testid="tpl-item">
                                        <input type="text" class="wide" data-testid="tpl-item-label" placeholder=move || desk.t(InspectionMsg::ItemLabel)
                                            bind:value={item.label} />
                                        <div class="row wrap">
                                            <select data-testid="tpl-item-kind" prop:value=move || kind.get() on:change:target=move |ev| kind.set(ev.target().value())>
                                                {move || kind_options.get().into_iter().map(|(v, l)| { let sel = v == kind.get_untracked(); view! { <option value=v selected=sel>{l}</option> } }).collect_view()}
                                            </select>
                                            <label class="check"><input type="checkbox" prop:checked=move || item.required.get() on:change:target=move |ev| item.required.set(ev.target().checked()) />{desk.tr(InspectionMsg::Required)}</label>
                                            <label class="check"><input type="checkbox" prop:checked=move || item.photo_on_fail.get() on:change:target=move |ev| item.photo_on_fail.set(ev.target().checked()) />{desk.tr(InspectionMsg::PhotoOnFail)}</label>
                                            <label class="check"><input type="checkbox" prop:checked=move || item.note_on_fail.get() on:change:target=move |ev| item.note_on_fail.set(ev.target().checked()) />{desk.tr(InspectionMsg::NoteOnFail)}</label>
                                            <button type="button" class="secondary" on:click=remove>{desk.tr(InspectionMsg::RemoveItem)}</button>
                                        </div>
                                        <Show when=move || kind.get() == "number">
                                            <div class="row wrap">
                                                <input type="text" placeholder=move || desk.t(InspectionMsg::Unit) data-testid="tpl-item-unit" bind:value={item.unit} />
                                                <input type="text" inputmode="decimal" placeholder=move || desk.t(InspectionMsg::Min) data-testid="tpl-item-min" bind:value={item.min} />
                                                <input type="text" inputmode="decimal" placeholder=move || desk.t(InspectionMsg::Max) data-testid="tpl-item-max" bind:value={item.max} />
                                            </div>
                                        </Show>
                                        <Show when=move || kind.get() == "choice">
                                            <div class="row wrap">
                                                <input type="text" class="wide" placeholder=move || desk.t(InspectionMsg::OptionsHint) bind:value={item.options} />
                                                <input type="text" class="wide" placeholder=move || desk.t(InspectionMsg::FailingHint) bind:value={item.failing} />
                                            </div>
                                        </Show>
                                        <Show when=move || kind.get() == "yes_no">
                                            <label class="check"><input type="checkbox" prop:checked=move || item.fail_on_yes.get() on:change:target=move |ev| item.fail_on_yes.set(ev.target().checked()) />{desk.tr(InspectionMsg::YesFails)}</label>
                                        </Show>
                                    </div>
                                }
                            }
                        </For>
                        <button type="button" class="secondary" data-testid="tpl-add-item" on:click=move |_| sec.items.update(|v| v.push(ItemState::blank()))>{desk.tr(InspectionMsg::AddItem)}</button>
                    </fieldset>
                </For>
                <div class="row">
                    <button type="button" class="secondary" data-testid="tpl-add-section" on:click=move |_| sections.update(|v| v.push(SectionState {
                        uid: next_uid(), title: RwSignal::new(String::new()), items: RwSignal::new(vec![ItemState::blank()]),
                    }))>{desk.tr(InspectionMsg::AddSection)}</button>
                    <button type="submit" data-testid="tpl-save">{desk.tr(Msg::Save)}</button>
                </div>
                <p class="field-error" role="alert" data-testid="tpl-error">{move || problem.get()}</p>
            </form>
        </section>
    }
}
