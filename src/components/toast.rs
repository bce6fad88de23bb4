//! Where the toasts show (the list itself is [`crate::toasts::Toasts`], held by the desk).

use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;

/// Renders the toasts; mount once in the shell.
#[component]
pub fn ToastHost() -> impl IntoView {
    let desk = use_desk();
    let toasts = desk.toasts;
    view! {
        <div class="toasts" aria-live="polite">
            <For each=move || toasts.list() key=|t| t.id let:t>
                <div
                    class="toast"
                    class:error=t.error
                    role=if t.error { "alert" } else { "status" }
                    data-testid="toast"
                >
                    <span>{t.text.clone()}</span>
                    {t.undo.clone().map(|(label, undo)| view! {
                        <button class="secondary undo" data-testid="toast-undo" on:click=move |_| {
                            toasts.dismiss(t.id);
                            undo.run(());
                        }>{label}</button>
                    })}
                    <button class="ghost" on:click=move |_| toasts.dismiss(t.id)>
                        {desk.tr(Msg::Dismiss)}
                    </button>
                </div>
            </For>
        </div>
    }
}
