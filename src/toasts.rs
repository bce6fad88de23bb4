//! Toasts: short messages after an action. Errors stay until dismissed; others fade after 4 s.
//! At most [`SHOWN`] at once, the oldest giving way, and a message repeated replaces its twin, so
//! a run of quick steps never buries the screen. The desk holds the list;
//! `components::toast::ToastHost` shows it.
//!
//! ```ignore
//! desk.toasts.info(desk.t(Msg::Saved));
//! desk.toasts.error(desk.explain(&store_error));
//! ```

use leptos::prelude::*;
use std::time::Duration;

/// How many toasts show at once.
pub const SHOWN: usize = 3;

#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub error: bool,
    /// A button that takes back what was just done (its label, what it does).
    pub undo: Option<(String, Callback<()>)>,
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

    fn push(&self, text: String, error: bool, undo: Option<(String, Callback<()>)>) -> u64 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| {
            l.retain(|t| t.text != text || t.error != error || t.undo.is_some());
            l.push(Toast {
                id,
                text,
                error,
                undo,
            });
            if l.len() > SHOWN {
                l.drain(..l.len() - SHOWN);
            }
        });
        id
    }

    fn fade(&self, id: u64, after: Duration) {
        let list = self.list;
        set_timeout(move || list.update(|l| l.retain(|t| t.id != id)), after);
    }

    pub fn info(&self, text: impl Into<String>) {
        let id = self.push(text.into(), false, None);
        self.fade(id, Duration::from_secs(4));
    }

    /// A message with a button that takes the action back (`label`, `undo`), for 8 s; the
    /// toast goes when the button is used.
    pub fn undoable(
        &self,
        text: impl Into<String>,
        label: impl Into<String>,
        undo: impl Fn() + Send + Sync + 'static,
    ) {
        let id = self.push(
            text.into(),
            false,
            Some((label.into(), Callback::new(move |()| undo()))),
        );
        self.fade(id, Duration::from_secs(8));
    }

    pub fn error(&self, text: impl Into<String>) {
        self.push(text.into(), true, None);
    }

    /// The toasts showing now (tracks the list).
    pub fn list(&self) -> Vec<Toast> {
        self.list.get()
    }

    pub fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|t| t.id != id));
    }
}
