//! Toasts: short messages after an action. Errors stay until dismissed; others fade after 4 s.
//!
//! ```ignore
//! desk.toasts.info(desk.t(Msg::Saved));
//! desk.toasts.error(desk.explain(&store_error));
//! ```

use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub error: bool,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    list: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

impl Toasts {
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
        }
    }

    fn push(&self, text: String, error: bool) -> u64 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| l.push(Toast { id, text, error }));
        id
    }

    pub fn info(&self, text: impl Into<String>) {
        let id = self.push(text.into(), false);
        let list = self.list;
        set_timeout(
            move || list.update(|l| l.retain(|t| t.id != id)),
            Duration::from_secs(4),
        );
    }

    pub fn error(&self, text: impl Into<String>) {
        self.push(text.into(), true);
    }

    pub fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|t| t.id != id));
    }
}

/// Renders the toasts; mount once in the shell.
#[component]
pub fn ToastHost() -> impl IntoView {
    let desk = use_desk();
    let toasts = desk.toasts;
    view! {
        <div class="toasts" aria-live="polite">
            <For each=move || toasts.list.get() key=|t| t.id let:t>
                <div
                    class="toast"
                    class:error=t.error
                    role=if t.error { "alert" } else { "status" }
                    data-testid="toast"
                >
                    <span>{t.text.clone()}</span>
                    <button class="ghost" on:click=move |_| toasts.dismiss(t.id)>
                        {desk.tr(Msg::Dismiss)}
                    </button>
                </div>
            </For>
        </div>
    }
}
