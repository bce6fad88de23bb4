//! A list read from the store, shown the same way everywhere: "loading", then the error the
//! clerk can read, a hint when there is nothing, or the rows. The wrapper is one component for
//! every list (not generic over the rows: it reads only where the list stands); the rows are
//! the caller's children.
//!
//! ```ignore
//! let list = LocalResource::new(move || async move { data::work_orders(desk).await });
//! view! {
//!     <Loaded state=ListState::watch(list) empty=Msg::NoWorkOrders>
//!         {move || rows(list).map(|v| view! { <ul>...</ul> })}
//!     </Loaded>
//! }
//! ```

use crate::desk::use_desk;
use crate::i18n::{Msg, Text};
use leptos::prelude::*;

/// Where a list read from the store stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ListState {
    Loading,
    Failed(String),
    Empty,
    Ready,
}

impl ListState {
    /// The state of a list resource, followed as it loads and reloads.
    pub fn watch<T: Clone + 'static>(
        list: LocalResource<Result<Vec<T>, String>>,
    ) -> Signal<ListState> {
        Signal::derive(move || match list.get() {
            None => ListState::Loading,
            Some(Err(e)) => ListState::Failed(e),
            Some(Ok(v)) if v.is_empty() => ListState::Empty,
            Some(Ok(_)) => ListState::Ready,
        })
    }
}

/// The rows of a list resource once it has loaded without error.
pub fn rows<T: Clone + 'static>(list: LocalResource<Result<Vec<T>, String>>) -> Option<Vec<T>> {
    list.get().and_then(Result::ok)
}

#[component]
pub fn Loaded(
    state: Signal<ListState>,
    /// Shown when the list is empty.
    #[prop(into)]
    empty: Text,
    /// `data-testid` of the empty hint.
    #[prop(optional)]
    empty_testid: &'static str,
    /// The rows, shown when the list has some.
    children: ChildrenFn,
) -> impl IntoView {
    let desk = use_desk();
    move || match state.get() {
        ListState::Loading => view! { <p>{desk.tr(Msg::Loading)}</p> }.into_any(),
        ListState::Failed(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
        ListState::Empty => {
            view! { <p class="hint" data-testid=empty_testid>{desk.tr(empty)}</p> }.into_any()
        }
        ListState::Ready => children().into_any(),
    }
}
