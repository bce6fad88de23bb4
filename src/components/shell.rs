//! The frame around every screen: header (clerk on duty, online state, language, install),
//! the module navigation, and the new-version banner.

use crate::desk::use_desk;
use crate::i18n::{Lang, Msg};
use crate::modules::MODULES;
use leptos::prelude::*;
use leptos_router::components::A;

/// The header. `menu`: whether the navigation is open (portrait, where it folds behind the menu
/// button; landscape shows it always).
#[component]
pub fn Header(menu: RwSignal<bool>) -> impl IntoView {
    let desk = use_desk();
    let toggle = move |_| {
        desk.set_lang(match desk.lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        })
    };
    let clerk = move || {
        let lang = desk.lang.get();
        desk.session.with(|s| match s {
            Some(s) => {
                let roles = s
                    .roles
                    .iter()
                    .map(|r| r.label(lang))
                    .collect::<Vec<_>>()
                    .join("·");
                // The "on duty" word folds away where the header is narrow (portrait).
                view! {
                    <span class="chip-word">{format!("{} ·", Msg::OnDuty.text(lang))}</span>
                    {format!("{} ({roles})", s.name)}
                }
                .into_any()
            }
            None => Msg::NoClerk.text(lang).into_any(),
        })
    };
    view! {
        <header class="topbar">
            <button
                class="secondary menu-button"
                data-testid="menu-button"
                aria-controls="navrail"
                aria-expanded=move || menu.get().to_string()
                on:click=move |_| menu.update(|m| *m = !*m)
            >
                {desk.tr(Msg::Menu)}
            </button>
            <A href="/" attr:class="brand">
                <img src="/icons/icon-192.png" alt="" width="36" height="36" />
                <span>{desk.tr(Msg::AppName)}</span>
            </A>
            <div class="topbar-right">
                <span class="chip clerk" data-testid="clerk-chip">{clerk}</span>
                <button class="secondary" data-testid="lock-button" on:click=move |_| desk.lock()>
                    {desk.tr(Msg::LockSwitch)}
                </button>
                <span
                    class="chip net"
                    class:offline=move || !desk.online.get()
                    data-testid="online-status"
                    role="status"
                >
                    {move || if desk.online.get() { desk.t(Msg::Online) } else { desk.t(Msg::Offline) }}
                </span>
                <Show when=move || desk.pwa.can_install.get()>
                    <button class="secondary" data-testid="install-button" on:click=move |_| desk.pwa.install()>
                        {desk.tr(Msg::Install)}
                    </button>
                </Show>
                <button
                    class="secondary"
                    data-testid="lang-toggle"
                    aria-label=desk.tr(Msg::SwitchLanguage)
                    on:click=toggle
                >
                    {desk.tr(Msg::OtherLanguage)}
                </button>
            </div>
        </header>
    }
}

/// The module navigation: a rail in landscape; in portrait a panel the menu button opens
/// (`menu`), closed again by choosing a screen.
#[component]
pub fn NavRail(menu: RwSignal<bool>) -> impl IntoView {
    let desk = use_desk();
    view! {
        <nav class="navrail" id="navrail" class:open=move || menu.get() aria-label=desk.tr(Msg::MainNav)>
            {MODULES
                .iter()
                .map(|m| {
                    // Home is everyone's (the gate's leads to its check).
                    let (needs, home) = (m.needs, m.slug.is_empty());
                    let href = format!("/{}", m.slug);
                    view! {
                        <A href=href attr:class=move || if !home && !desk.can(needs.unwrap_or(lobbydesk_core::permit::Action::READ_RECORDS)) { "navlink hidden" } else { "navlink" } attr:data-testid=format!("nav-{}", if m.slug.is_empty() { "home" } else { m.slug })>
                            <span>{desk.tr(m.name)}</span>
                            {(!m.built).then(|| view! { <span class="soon" aria-hidden="true"></span> })}
                        </A>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// Shown when a newer build is installed and waiting.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let desk = use_desk();
    view! {
        <Show when=move || desk.pwa.update_ready.get()>
            <div class="banner" role="alert" data-testid="update-banner">
                <span>{desk.tr(Msg::UpdateReady)}</span>
                <button on:click=move |_| desk.pwa.apply_update()>{desk.tr(Msg::ReloadNow)}</button>
            </div>
        </Show>
    }
}

/// Keeps the field being typed in visible when the screen gets shorter (an on-screen keyboard
/// opening over the lower part): scrolls it into the middle of what is left.
pub fn keep_focus_in_view() {
    use wasm_bindgen::JsCast;
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return;
    };
    if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
    {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Scrolls the page area (`main#main`, the one scrolling element of the shell) to the top.
pub fn scroll_to_top() {
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
    {
        main.set_scroll_top(0);
    }
}
