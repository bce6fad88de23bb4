//! 首页 Home: today's date and the desk's memo (备忘录), the open items the shift must not forget.

use crate::components::paged::{LoadMore, Paged, PagedStatus, use_paged};
use crate::desk::{Desk, use_desk};
use crate::i18n::{Msg, days_since_export, export_overdue, long_date};
use crate::modules::MODULES;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::memo::{DONE, Memo, OPEN, STATUS_INDEX};
use lobbydesk_core::{Envelope, KeyRange, ListQuery, Record, RecordStore, StoreError};

const PAGE: u32 = 20;

#[component]
pub fn HomePage() -> impl IntoView {
    let desk = use_desk();
    let today = move || long_date(desk.lang.get(), crate::platform::clock::BrowserClock.now());
    // The gate reads passes and nothing else: its home is the way to the gate check.
    let gate_home = move || {
        view! {
            <div class="card" data-testid="gate-home">
                <leptos_router::components::A href="/release-passes/gate" attr:class="button-link primary-big" attr:data-testid="gate-home-go">
                    {desk.tr(crate::modules::release_passes::texts::PassMsg::Gate)}
                </leptos_router::components::A>
            </div>
        }
    };
    view! {
        <section class="page home">
            <h1>{desk.tr(Msg::Today)} " · " {today}</h1>
            <Show when=move || desk.can(lobbydesk_core::permit::Action::READ_RECORDS) fallback=gate_home>
                <BackupReminder />
                {MODULES.iter().filter_map(|m| m.home).map(|card| card()).collect_view()}
                <MemoPanel />
            </Show>
        </section>
    }
}

/// Days since this tablet's data was last exported, with a reminder past the set number of days:
/// a tablet that is lost or broken takes with it whatever was never exported.
#[component]
fn BackupReminder() -> impl IntoView {
    let desk = use_desk();
    let last = crate::platform::settings::last_export();
    let days = last.map(|t| (chrono::Utc::now() - t).num_days().max(0));
    let limit = i64::from(crate::platform::settings::export_reminder_days());
    let overdue = days.is_none_or(|d| d >= limit);
    let text = move || {
        let lang = desk.lang.get();
        match days {
            Some(d) if overdue => export_overdue(lang, d),
            Some(d) => days_since_export(lang, d),
            None => desk.t(Msg::NeverExported).to_string(),
        }
    };
    view! {
        <p class="notice backup row" class:warn=overdue data-testid="backup-reminder">
            {text}
            <Show when=move || desk.can(lobbydesk_core::permit::Action::EXPORT)>
                " " <leptos_router::components::A href="/exchange" attr:class="button-link" attr:data-testid="backup-go">{desk.tr(Msg::ExportTitle)}</leptos_router::components::A>
            </Show>
        </p>
    }
}

async fn add_memo(desk: Desk, text: String) -> Result<(), String> {
    let memo = Memo::new(&text, &desk.clerk.get_untracked()).map_err(|e| desk.explain(&e))?;
    let env = Envelope::create(&memo, desk.new_id(), desk.stamp())
        .map_err(|e| desk.explain(&StoreError::from(e)))?;
    desk.store().put(&env).await.map_err(|e| desk.explain(&e))
}

async fn set_done(desk: Desk, env: Envelope, done: bool) -> Result<(), String> {
    let store = desk.store();
    // Re-read: another write may have changed it since the list was loaded.
    let current = store
        .get(Memo::KIND, env.meta.id)
        .await
        .map_err(|e| desk.explain(&e))?
        .unwrap_or(env);
    let memo: Memo = current
        .decode()
        .map_err(|e| desk.explain(&StoreError::from(e)))?;
    let at = desk.stamp();
    let memo = if done {
        memo.done(at.now)
    } else {
        memo.reopened()
    };
    let next = current
        .update(&memo, at)
        .map_err(|e| desk.explain(&StoreError::from(e)))?;
    store.put(&next).await.map_err(|e| desk.explain(&e))
}

#[component]
fn MemoPanel() -> impl IntoView {
    let desk = use_desk();
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = Action::new_local(move |t: &String| {
        let t = t.clone();
        async move {
            let r = add_memo(desk, t).await;
            match &r {
                Ok(()) => {
                    text.set(String::new());
                    problem.set(None);
                    desk.toasts.info(desk.t(Msg::Saved));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e.clone())),
            }
            r
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add.dispatch(text.get_untracked());
    };
    let open =
        use_paged(|| ListQuery::by(Memo::KIND, STATUS_INDEX, KeyRange::Exact(OPEN.into()), PAGE));
    let done =
        use_paged(|| ListQuery::by(Memo::KIND, STATUS_INDEX, KeyRange::Exact(DONE.into()), PAGE));

    view! {
        <div class="card memo">
            <h2>{desk.tr(Msg::Memo)}</h2>
            <form class="memo-form" on:submit=submit novalidate>
                <label for="memo-text">{desk.tr(Msg::MemoHint)}</label>
                <div class="row">
                    <input
                        id="memo-text"
                        data-testid="memo-input"
                        autocomplete="off"
                        maxlength="600"
                        aria-invalid=move || problem.get().is_some().to_string()
                        aria-describedby="memo-error"
                        placeholder=desk.tr(Msg::MemoPlaceholder)
                        bind:value=text
                    />
                    <button type="submit" data-testid="memo-add" disabled=move || add.pending().get()>
                        {desk.tr(Msg::Add)}
                    </button>
                </div>
                <p id="memo-error" class="field-error" role="alert" data-testid="memo-error">
                    {move || problem.get()}
                </p>
            </form>
            <h3>{desk.tr(Msg::OpenMemos)}</h3>
            <MemoList list=open empty=Msg::NoOpenMemos testid="memo-open" />
            <h3>{desk.tr(Msg::DoneMemos)}</h3>
            <MemoList list=done empty=Msg::NoDoneMemos testid="memo-done" />
        </div>
    }
}

/// One memo list with its load-more button.
#[component]
fn MemoList(
    /// The listing to show.
    list: Paged,
    /// Text when it is empty.
    empty: Msg,
    /// `data-testid` of the `<ul>`.
    testid: &'static str,
) -> impl IntoView {
    let desk = use_desk();
    let toggle = Action::new_local(move |(env, done): &(Envelope, bool)| {
        let (env, done) = (env.clone(), *done);
        async move {
            match set_done(desk, env, done).await {
                Ok(()) => desk.changed(),
                Err(e) => desk.toasts.error(e),
            }
        }
    });
    view! {
        <PagedStatus list=list empty=empty empty_class="empty" />
        <ul class="memo-list" data-testid=testid>
            <For each=move || list.items.get() key=|e| (e.meta.id, e.meta.version) let:env>
                {
                    let memo = env.decode::<Memo>().ok();
                    let is_done = memo.as_ref().is_some_and(|m| m.is_done());
                    let when = lobbydesk_core::time::short(env.meta.created_at);
                    let by = memo.as_ref().map(|m| m.by.clone()).unwrap_or_default();
                    let text = memo.as_ref().map(|m| m.text().to_string()).unwrap_or_default();
                    view! {
                        <li class="memo-item" class:done=is_done data-testid="memo-item">
                            <div class="memo-body">
                                <div class="memo-text">{text}</div>
                                <div class="memo-meta">
                                    {when} {(!by.is_empty()).then(|| view! { " · " {desk.tr(Msg::By)} " " {by.clone()} })}
                                </div>
                            </div>
                            <button
                                class="secondary"
                                on:click=move |_| { toggle.dispatch((env.clone(), !is_done)); }
                            >
                                {move || if is_done { desk.t(Msg::Reopen) } else { desk.t(Msg::MarkDone) }}
                            </button>
                        </li>
                    }
                }
            </For>
        </ul>
        <LoadMore list=list />
    }
}
