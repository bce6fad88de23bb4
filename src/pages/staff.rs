//! 人员 Staff (supervisors only): add people with roles and a PIN, reset a PIN, deactivate.

use super::signin::Refused;
use crate::components::form::submit_once;
use crate::components::form::{TextField, enter_moves_on};
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use lobbydesk_core::modules::staff::services::lift_lockout;
use lobbydesk_core::modules::staff::{Pin, PinHash, Role, Staff};
use lobbydesk_core::permit::Action as Perm;
use lobbydesk_core::{Envelope, ListQuery, Localized, Record, RecordStore, StoreError};

#[component]
pub fn StaffPage() -> impl IntoView {
    let desk = use_desk();
    move || {
        if desk.can(Perm::MANAGE_STAFF) {
            view! { <StaffCards /> }.into_any()
        } else {
            view! { <Refused /> }.into_any()
        }
    }
}

#[component]
fn StaffCards() -> impl IntoView {
    let desk = use_desk();
    let people = LocalResource::new(move || {
        desk.revision();
        async move {
            let page = desk
                .store()
                .list(&ListQuery::recent(Staff::KIND, 200))
                .await?;
            let mut v: Vec<(Envelope, Staff)> = page
                .items
                .into_iter()
                .filter_map(|e| e.decode().ok().map(|s| (e, s)))
                .collect();
            v.sort_by(|a, b| (!a.1.active, &a.1.name).cmp(&(!b.1.active, &b.1.name)));
            Ok::<_, StoreError>(v)
        }
    });
    let (name, pin, pin2) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let roles = RwSignal::new(vec![Role::Clerk]);
    let problem = RwSignal::new(None::<String>);
    let add = Action::new_local(move |_: &()| async move {
        let lang = desk.lang.get_untracked();
        let result = async {
            let pin = Pin::confirmed(&pin.get_untracked(), &pin2.get_untracked())
                .map_err(|e| e.message(lang))?;
            let staff = Staff::new(
                &name.get_untracked(),
                &roles.get_untracked(),
                PinHash::new(&pin, desk.salt()),
            )
            .map_err(|e| e.message(lang))?;
            let env = Envelope::create(&staff, desk.new_id(), desk.stamp())
                .map_err(|e| StoreError::from(e).message(lang))?;
            desk.store().put(&env).await.map_err(|e| e.message(lang))
        }
        .await;
        match result {
            Ok(()) => {
                for s in [name, pin, pin2] {
                    s.set(String::new());
                }
                problem.set(None);
                desk.toasts.info(desk.t(Msg::Saved));
                desk.changed();
            }
            Err(e) => problem.set(Some(e)),
        }
    });
    view! {
        <section class="page">
            <h1>{desk.tr(Msg::StaffTitle)}</h1>
            <form class="card" novalidate on:keydown=enter_moves_on on:submit=submit_once(add) data-testid="staff-form">
                <h2>{desk.tr(Msg::AddStaff)}</h2>
                <TextField id="st-name" label=Msg::WatchName value=name testid="staff-name" maxlength=20 />
                <fieldset class="choices">
                    <legend>{desk.tr(Msg::Roles)}</legend>
                    {Role::ALL.into_iter().map(|r| view! {
                        <button type="button" class="choice" data-testid=format!("role-{r:?}").to_lowercase()
                            aria-pressed=move || roles.with(|v| v.contains(&r)).to_string()
                            on:click=move |_| roles.update(|v| if let Some(i) = v.iter().position(|x| *x == r) { v.remove(i); } else { v.push(r); })>
                            {move || r.label(desk.lang.get())}
                        </button>
                    }).collect_view()}
                </fieldset>
                <div class="grid2">
                    <TextField id="st-pin" label=Msg::NewPin value=pin testid="staff-pin" kind="password" inputmode="numeric" maxlength=6 />
                    <TextField id="st-pin2" label=Msg::NewPinAgain value=pin2 testid="staff-pin2" kind="password" inputmode="numeric" maxlength=6 />
                </div>
                <p class="field-error" role="alert" data-testid="staff-error">{move || problem.get()}</p>
                <button type="submit" data-testid="staff-add">{desk.tr(Msg::AddStaff)}</button>
            </form>
            <Transition>
                {move || Suspend::new(async move {
                    match people.await {
                        Err(e) => view! { <p class="field-error">{desk.explain(&e)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="card staff-list" data-testid="staff-list">
                                {list.into_iter().map(|(env, s)| view! { <StaffRow env=env staff=s /> }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// One person, with PIN reset and (de)activation.
#[component]
fn StaffRow(env: Envelope, staff: Staff) -> impl IntoView {
    let desk = use_desk();
    let resetting = RwSignal::new(false);
    let (pin, pin2) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<String>);
    let id = env.meta.id;
    let save = Action::new_local(move |next: &Staff| {
        let (next, env) = (next.clone(), env.clone());
        async move {
            let lang = desk.lang.get_untracked();
            let r = match env.update(&next, desk.stamp()) {
                Ok(e) => desk.store().put(&e).await.map_err(|e| e.message(lang)),
                Err(e) => Err(StoreError::from(e).message(lang)),
            };
            match r {
                Ok(()) => {
                    // A new PIN also lifts a lockout.
                    let store = desk.store();
                    if let Err(e) = lift_lockout(store.inner(), id, || desk.stamp()).await {
                        desk.toasts.error(desk.explain(&e));
                    }
                    desk.toasts.info(desk.t(Msg::Saved));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        }
    });
    let s2 = staff.clone();
    let reset = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Pin::confirmed(&pin.get_untracked(), &pin2.get_untracked()) {
            Ok(p) => {
                let mut next = s2.clone();
                next.pin = PinHash::new(&p, desk.salt());
                save.dispatch(next);
            }
            Err(e) => problem.set(Some(desk.explain(&e))),
        }
    };
    let s3 = staff.clone();
    let roles = staff.roles.clone();
    let active = staff.active;
    view! {
        <li class="memo-item staff-row" data-testid="staff-row">
            <div class="memo-body">
                <strong>{staff.name.clone()}</strong> " "
                <span class="muted">{move || roles.iter().map(|r| r.label(desk.lang.get())).collect::<Vec<_>>().join("·")}</span>
                {(!active).then(|| view! { " " <span class="badge">{desk.tr(Msg::Inactive)}</span> })}
                <Show when=move || resetting.get()>
                    <form class="row" novalidate on:submit=reset.clone()>
                        <TextField id="rs-pin" label=Msg::NewPin value=pin testid="reset-pin" kind="password" inputmode="numeric" maxlength=6 />
                        <TextField id="rs-pin2" label=Msg::NewPinAgain value=pin2 testid="reset-pin2" kind="password" inputmode="numeric" maxlength=6 />
                        <button type="submit" data-testid="reset-save">{desk.tr(Msg::Save)}</button>
                    </form>
                </Show>
                <p class="field-error" role="alert">{move || problem.get()}</p>
            </div>
            <div class="row">
                <button class="secondary" data-testid="reset-pin-open" on:click=move |_| resetting.update(|r| *r = !*r)>{desk.tr(Msg::ResetPin)}</button>
                <button class="secondary" on:click=move |_| { let mut n = s3.clone(); n.active = !n.active; save.dispatch(n); }>
                    {if active { desk.tr(Msg::Deactivate) } else { desk.tr(Msg::Activate) }}
                </button>
            </div>
        </li>
    }
}
