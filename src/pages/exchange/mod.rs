//! 数据交换 Data exchange between tablets (supervisor): export everything, what changed since the
//! last exchange with a tablet, or one module and time span, optionally encrypted; import with a
//! preview of what the file would do, applied in one transaction; the conflict list; CSV lists
//! for Excel; the exchange log and the backup reminder.

pub mod data;

use crate::components::form::submit_once;
use crate::components::form::{SelectField, TextField, first_file};
use crate::components::loaded::{ListState, Loaded, rows};
use crate::desk::use_desk;
use crate::i18n::{Msg, csv_rows, exported, file_from, imported};
use crate::pages::signin::Refused;
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use data::{Choice, Conflict, Preview};
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::permit::Action as Perm;
use lobbydesk_core::sync::{self, Direction};
use lobbydesk_core::time::{local_date, long};

#[component]
pub fn ExchangePage() -> impl IntoView {
    let desk = use_desk();
    move || {
        if !desk.can(Perm::EXPORT) {
            return view! { <Refused /> }.into_any();
        }
        view! {
            <section class="page exchange">
                <h1>{desk.tr(Msg::ExchangeTitle)}</h1>
                <p class="hint">{desk.tr(Msg::ExchangeHint)}</p>
                <ExportCard />
                <ImportCard />
                <ConflictsCard />
                <CsvCard />
                <LogCard />
            </section>
        }
        .into_any()
    }
}

fn today() -> chrono::NaiveDate {
    local_date(BrowserClock.now())
}

fn date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[component]
fn ExportCard() -> impl IntoView {
    let desk = use_desk();
    let scope = RwSignal::new("all".to_string());
    let peer = RwSignal::new(String::new());
    let module = RwSignal::new("visitors".to_string());
    let from = RwSignal::new((today() - chrono::Duration::days(30)).to_string());
    let to = RwSignal::new(today().to_string());
    let pass = RwSignal::new(String::new());
    let pass2 = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let peers = LocalResource::new(move || {
        desk.revision();
        async move { data::peers(desk).await.unwrap_or_default() }
    });
    let scope_options = Signal::derive(move || {
        vec![
            ("all".to_string(), desk.t(Msg::ExportAll).to_string()),
            ("since".to_string(), desk.t(Msg::ExportSince).to_string()),
            ("module".to_string(), desk.t(Msg::ExportModule).to_string()),
        ]
    });
    let peer_options = Signal::derive(move || {
        let mut v = vec![(String::new(), desk.t(Msg::AnyTablet).to_string())];
        v.extend(
            peers
                .get()
                .unwrap_or_default()
                .into_iter()
                .map(|(d, office)| (d.to_string(), format!("{office} · {}", d.short()))),
        );
        v
    });
    let module_options = Signal::derive(move || {
        let lang = desk.lang.get();
        sync::export_modules()
            .map(|m| (m.to_string(), sync::module_name(m, lang).to_string()))
            .collect::<Vec<_>>()
    });
    let run = Action::new_local(move |_: &()| async move {
        problem.set(None);
        done.set(None);
        let (p1, p2) = (pass.get_untracked(), pass2.get_untracked());
        if p1 != p2 {
            problem.set(Some(desk.t(Msg::PassphraseMismatch).into()));
            return;
        }
        if !p1.is_empty() && p1.chars().count() < 8 {
            problem.set(Some(desk.t(Msg::PassphraseShort).into()));
            return;
        }
        let choice = match scope.get_untracked().as_str() {
            "since" => match peer.get_untracked().parse() {
                Ok(d) => Choice::Since(d),
                Err(_) => {
                    problem.set(Some(desk.t(Msg::ChoosePeer).into()));
                    return;
                }
            },
            "module" => match (date(&from.get_untracked()), date(&to.get_untracked())) {
                (Some(f), Some(t)) if f <= t => Choice::Module {
                    module: module.get_untracked(),
                    from: f,
                    to: t,
                },
                _ => {
                    problem.set(Some(desk.t(Msg::BadDateRange).into()));
                    return;
                }
            },
            _ => Choice::All(peer.get_untracked().parse().ok()),
        };
        match data::export(desk, choice, Some(p1)).await {
            Ok(x) => {
                pass.set(String::new());
                pass2.set(String::new());
                done.set(Some(exported(
                    desk.lang.get_untracked(),
                    x.records,
                    x.encrypted,
                    &x.file_name,
                    x.ms / 1000.0,
                )));
                desk.changed();
            }
            Err(e) => problem.set(Some(e)),
        }
    });
    view! {
        <form class="card" data-testid="export-card" on:submit=submit_once(run)>
            <h2>{desk.tr(Msg::ExportTitle)}</h2>
            <SelectField id="export-scope" label=Msg::ExportWhat value=scope options=scope_options testid="export-scope" />
            <Show when=move || scope.get() != "module">
                <SelectField id="export-peer" label=Msg::ExportPeer value=peer options=peer_options testid="export-peer" />
                <p class="hint">{move || if peer_options.with(|p| p.len() < 2) { desk.t(Msg::NoPeersYet) } else { desk.t(Msg::PeerHint) }}</p>
            </Show>
            <Show when=move || scope.get() == "module">
                <div class="grid3">
                    <SelectField id="export-module" label=Msg::Module value=module options=module_options testid="export-module" />
                    <TextField id="export-from" label=Msg::FromDate value=from kind="date" testid="export-from" />
                    <TextField id="export-to" label=Msg::ToDate value=to kind="date" testid="export-to" />
                </div>
            </Show>
            <div class="grid2">
                <TextField id="export-pass" label=Msg::Passphrase value=pass kind="password" testid="export-pass" />
                <TextField id="export-pass2" label=Msg::PassphraseAgain value=pass2 kind="password" testid="export-pass2" />
            </div>
            <p class="hint">{desk.tr(Msg::PassphraseHint)}</p>
            <button type="submit" data-testid="export-run" disabled=move || run.pending().get()>
                {move || if run.pending().get() { desk.t(Msg::Working) } else { desk.t(Msg::ExportRun) }}
            </button>
            <p class="field-error" role="alert" data-testid="export-error">{move || problem.get()}</p>
            <Show when=move || done.with(|d| d.is_some())>
                <p class="notice ok-notice" role="status" data-testid="export-done">{move || done.get()}</p>
            </Show>
        </form>
    }
}

#[component]
fn ImportCard() -> impl IntoView {
    let desk = use_desk();
    let file = RwSignal::new_local(None::<web_sys::File>);
    let pass = RwSignal::new(String::new());
    let needs_pass = RwSignal::new(false);
    let preview = RwSignal::new(None::<Preview>);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let read = Action::new_local(move |_: &()| async move {
        problem.set(None);
        done.set(None);
        preview.set(None);
        let Some(f) = file.get_untracked() else {
            return;
        };
        match data::preview(desk, f, pass.get_untracked()).await {
            Ok(p) => preview.set(Some(p)),
            Err(e) => {
                use lobbydesk_core::exchange::FileError;
                if matches!(
                    e,
                    data::Refusal::File(FileError::Encrypted | FileError::WrongPassphrase)
                ) {
                    needs_pass.set(true);
                }
                problem.set(Some(e.message(desk.lang.get_untracked())));
            }
        }
    });
    let on_file = move |ev: leptos::ev::Event| {
        let f = first_file(&ev);
        file.set(f);
        needs_pass.set(false);
        pass.set(String::new());
        read.dispatch(());
    };
    let staff_pin = RwSignal::new(String::new());
    let apply = Action::new_local(move |_: &()| async move {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        let pin = staff_pin.get_untracked();
        staff_pin.set(String::new());
        match data::apply(desk, &p, (!pin.is_empty()).then_some(pin.as_str())).await {
            Ok((ms, applied)) => {
                // What landed (planned again if the tablet changed after the preview).
                let t = applied.total();
                done.set(Some(imported(
                    desk.lang.get_untracked(),
                    [t.new, t.newer, t.conflict, t.older, t.unchanged],
                    (ms + p.ms) / 1000.0,
                )));
                preview.set(None);
            }
            Err(e) => problem.set(Some(e)),
        }
    });
    let cancel = move |_| {
        preview.set(None);
        file.set(None);
        done.set(Some(desk.t(Msg::ImportCancelled).into()));
    };
    view! {
        <div class="card" data-testid="import-card">
            <h2>{desk.tr(Msg::ImportFileTitle)}</h2>
            <label for="exchange-file" class="button-link file-button">{desk.tr(Msg::ChooseFile)}</label>
            <input id="exchange-file" class="visually-hidden" type="file" accept=".json,application/json" data-testid="exchange-file" on:change=on_file />
            <Show when=move || needs_pass.get()>
                <form class="row" on:submit=submit_once(read)>
                    <TextField id="import-pass" label=Msg::Passphrase value=pass kind="password" testid="import-pass" autofocus=true />
                    <button type="submit" data-testid="import-unlock">{desk.tr(Msg::Unlock)}</button>
                </form>
            </Show>
            <Show when=move || read.pending().get()><p>{desk.tr(Msg::Loading)}</p></Show>
            <p class="field-error" role="alert" data-testid="import-error">{move || problem.get()}</p>
            <Show when=move || done.with(|d| d.is_some())>
                <p class="notice ok-notice" role="status" data-testid="import-done">{move || done.get()}</p>
            </Show>
            {move || preview.get().map(|p| view! { <PreviewTable p=p /> })}
            <Show when=move || preview.with(|p| p.as_ref().is_some_and(|p| !p.plan.staff.is_empty()))>
                <TextField id="import-staff-pin" label=Msg::StaffChangesPin value=staff_pin kind="password"
                    inputmode="numeric" testid="import-staff-pin" maxlength=6 />
            </Show>
            <Show when=move || preview.with(|p| p.is_some())>
                <div class="row">
                    <button data-testid="import-apply" disabled=move || apply.pending().get()
                        on:click=move |_| { apply.dispatch(()); }>
                        {desk.tr(Msg::ApplyImport)}
                    </button>
                    <button class="secondary" data-testid="import-cancel" on:click=cancel>{desk.tr(Msg::Cancel)}</button>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn PreviewTable(p: Preview) -> impl IntoView {
    let desk = use_desk();
    let lang = desk.lang.get_untracked();
    let f = &p.checked.file;
    let head = file_from(
        lang,
        &f.office,
        &f.device.short(),
        &long(f.exported_at),
        f.records.len(),
        p.encrypted,
    );

    let rows = p
        .plan
        .tally
        .iter()
        .map(|(m, t)| {
            view! {
                <tr data-testid=format!("preview-{m}")>
                    <th>{sync::module_name(m, lang)}</th>
                    <td>{t.new}</td><td>{t.newer}</td><td>{t.older}</td><td>{t.unchanged}</td>
                    <td class:warn={t.conflict > 0}>{t.conflict}</td>
                </tr>
            }
        })
        .collect_view();
    let ahead = (!p.checked.ahead.is_empty()).then(|| {
        let n = p.checked.ahead.len();
        view! { <p class="notice warn" data-testid="preview-ahead">{move || crate::i18n::records_ahead(desk.lang.get(), n)}</p> }
    });
    let skipped = (!p.checked.skipped.is_empty()).then(|| {
        let kinds = p
            .checked
            .skipped
            .iter()
            .map(|(k, n)| format!("{k} × {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p class="notice" data-testid="preview-skipped">{desk.tr(Msg::SkippedKinds)} " " {kinds}</p> }
    });
    let own = p
        .checked
        .own
        .then(|| view! { <p class="notice" data-testid="preview-own">{desk.tr(Msg::OwnFile)}</p> });
    // The preview appears below the fold on a tablet: bring it, and its buttons, into view.
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            el.scroll_into_view();
        }
    });
    // People the file adds or changes, by name and role: applied only with the PIN of the
    // supervisor on duty.
    let staff = (!p.plan.staff.is_empty()).then(|| {
        let items = p
            .plan
            .staff
            .iter()
            .map(|c| {
                let roles = c.roles.iter().map(|r| r.label(lang)).collect::<Vec<_>>().join("·");
                let what = if c.new {
                    Msg::StaffNew
                } else if c.roles_changed {
                    Msg::StaffRolesChanged
                } else if c.pin_changed {
                    Msg::StaffPinChanged
                } else {
                    Msg::StaffOtherChange
                };
                view! { <li data-testid="preview-staff-item"><strong>{c.name.clone()}</strong> " · " {roles} " · " {desk.tr(what)}</li> }
            })
            .collect_view();
        view! {
            <div class="notice warn" data-testid="preview-staff">
                <p>{desk.tr(Msg::StaffChangesInFile)}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    view! {
        <div data-testid="import-preview" node_ref=node>
            <p>{head}</p>
            {own}
            {skipped}
            {ahead}
            {staff}
            <table class="table">
                <thead><tr>
                    <th>{desk.tr(Msg::Module)}</th><th>{desk.tr(Msg::TallyNew)}</th><th>{desk.tr(Msg::TallyNewer)}</th>
                    <th>{desk.tr(Msg::TallyOlder)}</th><th>{desk.tr(Msg::TallyUnchanged)}</th><th>{desk.tr(Msg::TallyConflict)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn short_value(v: Option<&serde_json::Value>) -> String {
    let s = match v {
        None | Some(serde_json::Value::Null) => "—".to_string(),
        Some(serde_json::Value::String(s)) => match s.parse::<chrono::DateTime<chrono::Utc>>() {
            Ok(t) => long(t),
            Err(_) => s.clone(),
        },
        Some(other) => other.to_string(),
    };
    if s.chars().count() > 80 {
        s.chars().take(79).collect::<String>() + "…"
    } else {
        s
    }
}

#[component]
fn ConflictsCard() -> impl IntoView {
    let desk = use_desk();
    let list = LocalResource::new(move || {
        desk.revision();
        async move { data::conflicts(desk).await }
    });
    view! {
        <div class="card" data-testid="conflicts-card">
            <h2>{desk.tr(Msg::ConflictsTitle)}</h2>
            <Loaded state=ListState::watch(list) empty=Msg::NoConflicts empty_testid="no-conflicts">
                {move || rows(list).map(|v: Vec<Conflict>| v.into_iter().map(|c| view! { <ConflictItem c=c /> }).collect_view())}
            </Loaded>
        </div>
    }
}

#[component]
fn ConflictItem(c: Conflict) -> impl IntoView {
    let desk = use_desk();
    let lang = desk.lang.get_untracked();
    let current = c.merged.current.clone();
    let other = c
        .merged
        .conflicts
        .first()
        .cloned()
        .unwrap_or_else(|| current.clone());
    let fields = sync::differing_fields(&current, &other);
    let picked = RwSignal::new(Vec::<String>::new());
    let problem = RwSignal::new(None::<String>);
    let c = StoredValue::new(c);
    let (cur_s, oth_s) = (
        StoredValue::new(current.clone()),
        StoredValue::new(other.clone()),
    );
    let run = Action::new_local(move |how: &u8| {
        let how = *how;
        async move {
            let c = c.get_value();
            let (cur, oth) = (cur_s.get_value(), oth_s.get_value());
            let r = match how {
                0 => data::resolve(desk, &c, &cur, None).await,
                1 => data::resolve(desk, &c, &oth, None).await,
                _ => data::resolve(desk, &c, &cur, Some((&oth, picked.get_untracked()))).await,
            };
            match r {
                Ok(()) => desk.toasts.info(desk.t(Msg::ConflictResolved)),
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let who = |e: &lobbydesk_core::Envelope| {
        format!(
            "{} · {} · {}",
            e.meta
                .by
                .as_ref()
                .map(|b| b.name.clone())
                .unwrap_or_default(),
            e.meta.device.short(),
            long(e.meta.updated_at)
        )
    };
    let rows = fields
        .iter()
        .map(|f| {
            let name = f.clone();
            let checked = {
                let name = name.clone();
                move || picked.with(|p| p.contains(&name))
            };
            let toggle = {
                let name = name.clone();
                move |_| {
                    picked.update(|p| {
                        if let Some(i) = p.iter().position(|x| *x == name) {
                            p.remove(i);
                        } else {
                            p.push(name.clone());
                        }
                    })
                }
            };
            view! {
                <tr>
                    <th>{sync::field_label(&current.meta.kind, f, lang)}</th>
                    <td>{short_value(current.body.get(f))}</td>
                    <td>{short_value(other.body.get(f))}</td>
                    <td><input type="checkbox" class="big-check" data-testid=format!("take-{f}") prop:checked=checked on:change=toggle /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="conflict" data-testid="conflict">
            <h3>{sync::module_name(sync::module_of(&current.meta.kind), lang)} " · " {current.meta.kind.clone()} " · " {current.meta.id.to_string()[..8].to_string()}</h3>
            <table class="table">
                <thead><tr>
                    <th>{desk.tr(Msg::Field)}</th>
                    <th>{desk.tr(Msg::CurrentVersion)} <br/><small>{who(&current)}</small></th>
                    <th>{desk.tr(Msg::OtherVersion)} <br/><small>{who(&other)}</small></th>
                    <th>{desk.tr(Msg::TakeOther)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="row">
                <button class="secondary" data-testid="keep-current" on:click=move |_| { run.dispatch(0); }>{desk.tr(Msg::KeepCurrent)}</button>
                <button class="secondary" data-testid="keep-other" on:click=move |_| { run.dispatch(1); }>{desk.tr(Msg::KeepOther)}</button>
                <button data-testid="keep-merged" disabled=move || picked.with(|p| p.is_empty()) on:click=move |_| { run.dispatch(2); }>{desk.tr(Msg::KeepMerged)}</button>
            </div>
            <p class="field-error" role="alert">{move || problem.get()}</p>
        </div>
    }
}

#[component]
fn CsvCard() -> impl IntoView {
    let desk = use_desk();
    let table = RwSignal::new("visits".to_string());
    let from = RwSignal::new((today() - chrono::Duration::days(30)).to_string());
    let to = RwSignal::new(today().to_string());
    let full = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let options = Signal::derive(move || {
        let lang = desk.lang.get();
        lobbydesk_core::tables::choices()
            .into_iter()
            .map(|c| (c.name.to_string(), c.label(lang).to_string()))
            .collect::<Vec<_>>()
    });
    let run = Action::new_local(move |_: &()| async move {
        problem.set(None);
        done.set(None);
        let (Some(f), Some(t)) = (date(&from.get_untracked()), date(&to.get_untracked())) else {
            problem.set(Some(desk.t(Msg::BadDateRange).into()));
            return;
        };
        if f > t {
            problem.set(Some(desk.t(Msg::BadDateRange).into()));
            return;
        }
        let which = table.get_untracked();
        let full_ids = full.get_untracked() && desk.can(Perm::VIEW_FULL_ID);
        match data::csv(desk, &which, f, t, full_ids).await {
            Ok(n) => done.set(Some(csv_rows(desk.lang.get_untracked(), n))),
            Err(e) => problem.set(Some(e)),
        }
    });
    view! {
        <form class="card" data-testid="csv-card" on:submit=submit_once(run)>
            <h2>{desk.tr(Msg::CsvTitle)}</h2>
            <div class="grid3">
                <SelectField id="csv-table" label=Msg::Module value=table options=options testid="csv-table" />
                <TextField id="csv-from" label=Msg::FromDate value=from kind="date" testid="csv-from" />
                <TextField id="csv-to" label=Msg::ToDate value=to kind="date" testid="csv-to" />
            </div>
            <label class="check">
                <input type="checkbox" class="big-check" data-testid="csv-full-ids" prop:checked=move || full.get()
                    on:change:target=move |ev| full.set(ev.target().checked()) />
                {desk.tr(Msg::CsvFullIds)}
            </label>
            <button type="submit" data-testid="csv-run">{desk.tr(Msg::CsvRun)}</button>
            <p class="field-error" role="alert">{move || problem.get()}</p>
            <p class="hint" role="status" data-testid="csv-done">{move || done.get()}</p>
        </form>
    }
}

#[component]
fn LogCard() -> impl IntoView {
    let desk = use_desk();
    let days = RwSignal::new(settings::export_reminder_days().to_string());
    let log = LocalResource::new(move || {
        desk.revision();
        async move { data::log(desk, 20).await }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match days
            .get_untracked()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=365).contains(d))
        {
            Some(d) => {
                let before = settings::export_reminder_days();
                match settings::set_export_reminder_days(d) {
                    Ok(()) => {
                        desk.toasts.info(desk.t(Msg::SettingsSaved));
                        desk.settings_changed(vec![(
                            "export_reminder_days",
                            before.to_string(),
                            d.to_string(),
                        )]);
                    }
                    Err(e) => desk.toasts.error(e),
                }
            }
            None => desk.toasts.error(desk.t(Msg::BadSetting)),
        }
    };
    view! {
        <div class="card" data-testid="exchange-log">
            <h2>{desk.tr(Msg::ExchangeLog)}</h2>
            <form class="row" on:submit=save>
                <TextField id="reminder-days" label=Msg::ReminderDays value=days kind="number" inputmode="numeric" testid="reminder-days" />
                <button type="submit" class="secondary">{desk.tr(Msg::Save)}</button>
            </form>
            <Loaded state=ListState::watch(log) empty=Msg::NoExchangesYet>
            {move || rows(log).map(|v: Vec<lobbydesk_core::sync::ExchangeEntry>| {
                let lang = desk.lang.get();
                view! {
                    <ul class="plain-list">
                        {v.into_iter().map(|e| {
                            let dir = match e.direction {
                                Direction::Export => Msg::ExportTitle,
                                Direction::Import => Msg::ImportFileTitle,
                            };
                            let who = e.peer.map(|p| format!(" · {} {}", e.peer_office, p.short())).unwrap_or_default();
                            view! {
                                <li data-testid="log-entry">
                                    {long(e.at)} " · " {dir.text(lang)} " · " {e.records} " · " {e.file_name} {who}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })}
            </Loaded>
        </div>
    }
}
