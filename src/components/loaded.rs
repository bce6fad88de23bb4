//! A list read from the store, shown the same way everywhere: "loading", then the error the
//! clerk can read, a hint when there is nothing, or the rows.
//!
//! ```ignore
//! let list = LocalResource::new(move || async move { data::work_orders(desk).await });
//! view! { <Loaded list=list empty=Msg::NoWorkOrders rows=|v| view! { <ul>...</ul> } /> }
//! ```

use crate::desk::use_desk;
use crate::i18n::{Msg, Text};
use leptos::prelude::*;

#[component]
pub fn Loaded<T, F, V>(
    list: LocalResource<Result<Vec<T>, String>>,
    /// Shown when the list is empty.
    #[prop(into)]
    empty: Text,
    /// `data-testid` of the empty hint.
    #[prop(optional)]
    empty_testid: &'static str,
    /// Renders a non-empty list.
    rows: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(Vec<T>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let desk = use_desk();
    view! {
        <Suspense fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
            {move || {
                let rows = rows.clone();
                Suspend::new(async move {
                    match list.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="hint" data-testid=empty_testid>{desk.tr(empty)}</p> }.into_any(),
                        Ok(v) => rows(v).into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
