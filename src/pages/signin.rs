//! First start (create the first supervisor) and the lock screen (choose the person on duty,
//! enter the PIN). Nothing personal shows behind either.

use crate::components::form::submit_once;
use crate::components::form::{TextField, enter_moves_on};
use crate::desk::{Desk, use_desk};
use crate::i18n::Msg;
use crate::platform::clock::BrowserClock;
use leptos::prelude::*;
use lobbydesk_core::audit::AuditAction;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::staff::services::{self, PinCheck};
use lobbydesk_core::modules::staff::{ACTIVE_INDEX, Pin, PinHash, Role, Staff};
use lobbydesk_core::store::RecordStore;
use lobbydesk_core::{
    Envelope, KeyRange, ListQuery, Localized, Record, RecordId, StoreError, time,
};

/// First start: nothing works until the first supervisor exists.
#[component]
pub fn FirstRun(
    /// Set when the supervisor was created.
    done: RwSignal<bool>,
) -> impl IntoView {
    let desk = use_desk();
    let (name, pin, pin2) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let problem = RwSignal::new(None::<String>);
    let create = Action::new_local(move |_: &()| async move {
        let lang = desk.lang.get_untracked();
        let pin = match Pin::confirmed(&pin.get_untracked(), &pin2.get_untracked()) {
            Ok(p) => p,
            Err(e) => return problem.set(Some(e.message(lang))),
        };
        let staff = match Staff::new(
            &name.get_untracked(),
            &[Role::Supervisor],
            PinHash::new(&pin, desk.salt()),
        ) {
            Ok(s) => s,
            Err(e) => return problem.set(Some(e.message(lang))),
        };
        let env = match Envelope::create(&staff, desk.new_id(), desk.stamp()) {
            Ok(e) => e,
            Err(e) => return problem.set(Some(StoreError::from(e).message(lang))),
        };
        match desk.store().bootstrap(&env).await {
            Ok(()) => {
                desk.sign_in(env.meta.id, &staff).await;
                desk.audit_event(AuditAction::SignIn, Staff::KIND, Vec::new())
                    .await;
                done.set(true);
            }
            Err(e) => problem.set(Some(e.message(lang))),
        }
    });
    view! {
        <div class="gate" data-testid="first-run">
            <form class="card gate-card" novalidate on:keydown=enter_moves_on
                on:submit=submit_once(create)>
                <h1>{desk.tr(Msg::FirstRunTitle)}</h1>
                <p class="hint">{desk.tr(Msg::FirstRunHint)}</p>
                <TextField id="fr-name" label=Msg::SupervisorName value=name testid="fr-name" autofocus=true maxlength=20 />
                <TextField id="fr-pin" label=Msg::NewPin value=pin testid="fr-pin" kind="password" inputmode="numeric" maxlength=6 />
                <TextField id="fr-pin2" label=Msg::NewPinAgain value=pin2 testid="fr-pin2" kind="password" inputmode="numeric" maxlength=6 />
                <p class="field-error" role="alert" data-testid="fr-error">{move || problem.get()}</p>
                <button type="submit" class="primary-big" data-testid="fr-submit" disabled=move || create.pending().get()>
                    {desk.tr(Msg::CreateSupervisor)}
                </button>
            </form>
        </div>
    }
}

pub(crate) async fn active_staff(desk: Desk) -> Result<Vec<(RecordId, Staff)>, StoreError> {
    let page = desk
        .store()
        .inner()
        .list(&ListQuery::by(
            Staff::KIND,
            ACTIVE_INDEX,
            KeyRange::Exact("1".into()),
            200,
        ))
        .await?;
    let mut v: Vec<_> = page
        .items
        .iter()
        .filter_map(|e| e.decode::<Staff>().ok().map(|s| (e.meta.id, s)))
        .collect();
    v.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    Ok(v)
}

/// Checks `typed` as the PIN of `staff` (record `id`): a wrong PIN counts towards a lockout and
/// is audited (`services::check_pin`); the refusal says how many tries are left or until when
/// it is locked. Used by the lock screen and wherever someone confirms who they are (the
/// handover's incoming clerk and duty manager).
pub(crate) async fn verify_pin(
    desk: Desk,
    id: RecordId,
    staff: &Staff,
    typed: &str,
) -> Result<(), String> {
    let now = BrowserClock.now();
    let zh = desk.lang.get_untracked() == crate::i18n::Lang::Zh;
    let store = desk.store();
    let checked = services::check_pin(store.inner(), id, staff, typed, now, desk.new_id(), || {
        desk.stamp()
    })
    .await;
    match checked {
        Err(e) => Err(desk.explain(&e)),
        Ok(PinCheck::Right) => Ok(()),
        Ok(PinCheck::Locked { until }) => {
            let t = time::short(until);
            Err(if zh {
                format!("PIN 错误次数过多,已锁定至 {t}。请稍后再试,或请主管重置 PIN。")
            } else {
                format!(
                    "Too many wrong PINs: locked until {t}. Try later or ask a supervisor to reset the PIN."
                )
            })
        }
        Ok(PinCheck::Wrong { left }) => Err(if zh {
            format!("PIN 不对,还可再试 {left} 次。")
        } else {
            format!("Wrong PIN; {left} tries left.")
        }),
    }
}

/// The lock screen: who is on duty, and their PIN.
#[component]
pub fn LockScreen() -> impl IntoView {
    let desk = use_desk();
    let people = LocalResource::new(move || async move { active_staff(desk).await });
    let chosen = RwSignal::new(None::<(RecordId, Staff)>);
    let pin = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let check = Action::new_local(move |_: &()| async move {
        let Some((id, staff)) = chosen.get_untracked() else {
            return;
        };
        let typed = pin.get_untracked();
        pin.set(String::new());
        match verify_pin(desk, id, &staff, &typed).await {
            Err(e) => problem.set(Some(e)),
            Ok(()) => {
                problem.set(None);
                desk.sign_in(id, &staff).await;
                desk.audit_event(AuditAction::SignIn, Staff::KIND, Vec::new())
                    .await;
            }
        }
    });
    let key = move |d: &'static str| {
        view! {
            <button type="button" class="key" on:click=move |_| pin.update(|p| if p.len() < 6 { p.push_str(d) })>{d}</button>
        }
    };
    view! {
        <div class="gate" data-testid="lock-screen">
            <div class="card gate-card">
                <h1>{desk.tr(Msg::WhoIsOnDuty)}</h1>
                <Transition>
                    {move || Suspend::new(async move {
                        match people.await {
                            Err(e) => view! { <p class="field-error">{desk.explain(&e)}</p> }.into_any(),
                            Ok(list) => view! {
                                <div class="chips">
                                    {list.into_iter().map(|(id, s)| {
                                        let s2 = s.clone();
                                        let roles = s.roles.iter().map(|r| r.label(desk.lang.get_untracked())).collect::<Vec<_>>().join("·");
                                        view! {
                                            <button type="button" class="choice" data-testid="staff-choice"
                                                aria-pressed=move || chosen.with(|c| c.as_ref().is_some_and(|(c, _)| *c == id)).to_string()
                                                on:click=move |_| { chosen.set(Some((id, s2.clone()))); problem.set(None); pin.set(String::new()); }>
                                                <strong>{s.name.clone()}</strong> " " <span class="muted">{roles}</span>
                                            </button>
                                        }
                                    }).collect_view()}
                                </div>
                            }.into_any(),
                        }
                    })}
                </Transition>
                <Show when=move || chosen.with(|c| c.is_some())>
                    <form class="pin-form" novalidate on:submit=submit_once(check)>
                        <label for="pin">{desk.tr(Msg::EnterPin)} " · " {move || chosen.get().map(|(_, s)| s.name)}</label>
                        <input id="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="6" data-testid="pin-input"
                            bind:value=pin />
                        <div class="keypad">
                            {key("1")}{key("2")}{key("3")}{key("4")}{key("5")}{key("6")}{key("7")}{key("8")}{key("9")}
                            <button type="button" class="key secondary" on:click=move |_| pin.update(|p| { p.pop(); })>"⌫"</button>
                            {key("0")}
                            <button type="submit" class="key" data-testid="pin-submit" disabled=move || check.pending().get()>{desk.tr(Msg::Enter)}</button>
                        </div>
                        <p class="field-error" role="alert" data-testid="pin-error">{move || problem.get()}</p>
                    </form>
                </Show>
            </div>
        </div>
    }
}

/// Shown in place of a page the person on duty may not open.
/// The page for people who may do `needs`; the refusal for everyone else (nothing of the page
/// is built for them).
#[component]
pub fn Allowed(needs: lobbydesk_core::permit::Action, children: ChildrenFn) -> impl IntoView {
    let desk = use_desk();
    move || {
        if desk.can(needs) {
            children().into_any()
        } else {
            view! { <Refused /> }.into_any()
        }
    }
}

#[component]
pub fn Refused() -> impl IntoView {
    let desk = use_desk();
    view! {
        <section class="page">
            <div class="card" data-testid="refused">
                <h1>{desk.tr(Msg::NotAllowed)}</h1>
                <p>{desk.tr(Msg::NotAllowedHint)}</p>
            </div>
        </section>
    }
}
