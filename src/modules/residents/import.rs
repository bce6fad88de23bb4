//! 导入 Importing the office's 住户花名册 (.xlsx, or .csv in UTF-8 or GBK): read in the worker, map
//! the columns (guessed from the Chinese headers, correctable), see the rows that cannot be
//! imported and why, then import the good rows in one transaction. Existing units and residents
//! are updated, never duplicated.

use super::data;
use crate::components::form::first_file;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::residents::texts::{self, ResidentMsg};
use crate::platform::clock::BrowserClock;
use crate::platform::sheet_worker::read_spreadsheet;
use leptos::prelude::*;
use lobbydesk_core::Localized;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::residents::{self as directory, Column};
use lobbydesk_core::sheet::Table;
use lobbydesk_core::time::local_date;

#[component]
pub fn ImportPage() -> impl IntoView {
    let desk = use_desk();
    let table = RwSignal::new(None::<Table>);
    let mapping = RwSignal::new(Vec::<Option<Column>>::new());
    let problem = RwSignal::new(None::<String>);
    let summary = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = first_file(&ev) else { return };
        problem.set(None);
        summary.set(None);
        reading.set(true);
        leptos::task::spawn_local(async move {
            match read_spreadsheet(&file).await {
                Ok(t) => {
                    // A title row above the headers is found and skipped (and said so).
                    let t = directory::with_headers_found(t);
                    mapping.set(directory::guess_mapping(&t.headers));
                    table.set(Some(t));
                }
                Err(e) => {
                    table.set(None);
                    problem.set(Some(desk.explain(&e)));
                }
            }
            reading.set(false);
        });
    };
    let checked = Memo::new(move |_| {
        let today = local_date(BrowserClock.now());
        table.with(|t| {
            t.as_ref()
                .map(|t| directory::check_rows(t, &mapping.get(), today))
        })
    });
    let import = Action::new_local(move |_: &()| async move {
        let Some(c) = checked.get_untracked() else {
            return;
        };
        let started = js_sys::Date::now();
        let result = data::import_rows(desk, &c.good).await;
        let ms = js_sys::Date::now() - started;
        match result {
            Ok(plan) => {
                let text = texts::import_done(
                    desk.lang.get_untracked(),
                    plan.new_units(),
                    plan.updated_units(),
                    plan.new_residents(),
                    plan.updated_residents(),
                    plan.unchanged_units,
                    plan.unchanged_residents,
                    c.bad.len(),
                ) + &crate::i18n::took(desk.lang.get_untracked(), ms);
                summary.set(Some(text));
                table.set(None);
                desk.changed();
            }
            Err(e) => problem.set(Some(desk.explain(&e))),
        }
    });
    let column_options = move || {
        let lang = desk.lang.get();
        let mut v = vec![(String::new(), desk.t(ResidentMsg::DoNotImport).to_string())];
        v.extend(
            Column::ALL
                .iter()
                .map(|c| (c.code(), c.label(lang).to_string())),
        );
        v
    };

    view! {
        <section class="page residents">
            <div class="card">
                <h1>{desk.tr(ResidentMsg::ImportTitle)}</h1>
                <p class="hint">{desk.tr(ResidentMsg::ImportHint)}</p>
                <label for="import-file" class="button-link file-button">{desk.tr(Msg::ChooseFile)}</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".xlsx,.csv,.txt" data-testid="import-file" on:change=on_file />
                <Show when=move || reading.get()><p>{desk.tr(Msg::Loading)}</p></Show>
                <p class="field-error" role="alert" data-testid="import-error">{move || problem.get()}</p>
                <Show when=move || summary.get().is_some()>
                    <p class="notice ok-notice" role="status" data-testid="import-summary">{move || summary.get()}</p>
                </Show>
            </div>
            <Show when=move || table.with(|t| t.is_some())>
                <div class="card" data-testid="mapping">
                    <h2>{desk.tr(ResidentMsg::ColumnMapping)}</h2>
                    <p class="hint">
                        {move || table.with(|t| t.as_ref().map(|t| texts::file_rows(desk.lang.get(), &t.source, t.rows.len())))}
                        {move || table.with(|t| t.as_ref().filter(|t| t.skipped_above > 0).map(|t| {
                            let n = t.skipped_above;
                            view! { <span class="muted" data-testid="skipped-above">" · " {texts::title_rows_skipped(desk.lang.get(), n)}</span> }
                        }))}
                    </p>
                    <div class="grid3">
                        {move || table.with(|t| t.as_ref().map(|t| t.headers.clone()).unwrap_or_default()).into_iter().enumerate().map(|(i, h)| {
                            let current = move || mapping.with(|m| m.get(i).copied().flatten().map(|c| c.code()).unwrap_or_default());
                            view! {
                                <div class="field">
                                    <label for=format!("map-{i}")>{h.clone()}</label>
                                    <select id=format!("map-{i}") data-testid=format!("map-{i}")
                                        on:change:target=move |ev| {
                                            let c = Column::from_code(&ev.target().value());
                                            mapping.update(|m| if let Some(slot) = m.get_mut(i) { *slot = c; });
                                        }>
                                        {column_options().into_iter().map(|(v, l)| {
                                            let selected = v == current();
                                            view! { <option value=v selected=selected>{l}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </div>
                <div class="card" data-testid="preview">
                    <h2>{desk.tr(ResidentMsg::Preview)}</h2>
                    {move || checked.get().map(|c| {
                        let lang = desk.lang.get();
                        let good = c.good.len();
                        let bad = c.bad.clone();
                        view! {
                            <p data-testid="preview-counts">
                                {good} " " {desk.tr(ResidentMsg::RowsReady)} " · " {bad.len()} " " {desk.tr(ResidentMsg::RowsWithProblems)}
                            </p>
                            <ul class="row-errors" data-testid="row-errors">
                                {bad.into_iter().map(|b| {
                                    let text = b.problems.iter().map(|p| p.message(lang)).collect::<Vec<_>>().join(" ");
                                    let label = if b.name.is_empty() {
                                        texts::row_label(lang, b.line)
                                    } else {
                                        texts::row_label_named(lang, b.line, &b.name)
                                    };
                                    view! { <li data-testid="row-error"><strong>{label}</strong>{text}</li> }
                                }).collect_view()}
                            </ul>
                            <button class="primary-big" data-testid="import-confirm" disabled=move || good == 0 || import.pending().get()
                                on:click=move |_| { import.dispatch(()); }>
                                {texts::import_rows(lang, good)}
                            </button>
                        }
                    })}
                </div>
            </Show>
        </section>
    }
}
