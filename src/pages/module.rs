//! The page of a module this build does not have yet: it says so plainly, and what it will do.

use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::by_slug;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ModulePage() -> impl IntoView {
    let desk = use_desk();
    let params = use_params_map();
    move || {
        let slug = params.read().get("module").unwrap_or_default();
        match by_slug(&slug).filter(|m| !m.built) {
            Some(m) => view! {
                <section class="page not-built" data-testid="not-built">
                    <h1>{desk.tr(m.name)}</h1>
                    <div class="card">
                        <h2>{desk.tr(Msg::NotBuiltTitle)}</h2>
                        <p>{desk.tr(Msg::NotBuiltBody)}</p>
                        <p class="about">{desk.tr(m.about)}</p>
                    </div>
                </section>
            }
            .into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let desk = use_desk();
    view! {
        <section class="page">
            <h1>"404"</h1>
            <p>
                <a href="/">{desk.tr(Msg::Home)}</a>
            </p>
        </section>
    }
}
