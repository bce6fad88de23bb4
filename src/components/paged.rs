//! A list of records from one store query, one page at a time, that reloads after any write.
//!
//! ```ignore
//! let open = use_paged(|| ListQuery::by(Memo::KIND, STATUS_INDEX, KeyRange::Exact(OPEN.into()), 20));
//! view! {
//!     <For each=move || open.items.get() key=|e| (e.meta.id, e.meta.version) let:e> ... </For>
//!     <Show when=move || open.has_more()><button on:click=move |_| open.load_more()>...</button></Show>
//! }
//! ```

use crate::desk::use_desk;
use leptos::prelude::*;
use lobbydesk_core::{Envelope, ListQuery, PageCursor, RecordStore, StoreError};

#[derive(Clone, Copy)]
pub struct Paged {
    pub items: RwSignal<Vec<Envelope>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<StoreError>>,
    next: RwSignal<Option<PageCursor>>,
    query: StoredValue<Option<ListQuery>>,
    generation: StoredValue<u64>,
}

impl Paged {
    pub fn has_more(&self) -> bool {
        self.next.with(|n| n.is_some())
    }

    fn load(self, reset: bool) {
        let desk = use_desk();
        let Some(q) = self.query.get_value() else {
            return;
        };
        let after = if reset {
            None
        } else {
            self.next.get_untracked()
        };
        if !reset && after.is_none() {
            return;
        }
        let generation = self.generation.get_value() + u64::from(reset);
        self.generation.set_value(generation);
        self.loading.set(true);
        let store = desk.store();
        leptos::task::spawn_local(async move {
            let result = store.list(&q.after(after)).await;
            // A newer reload started meanwhile: its result wins.
            if self.generation.get_value() != generation {
                return;
            }
            match result {
                Ok(page) => {
                    self.items.update(|v| {
                        if reset {
                            *v = page.items
                        } else {
                            v.extend(page.items)
                        }
                    });
                    self.next.set(page.next);
                    self.error.set(None);
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.loading.set(false);
        });
    }

    /// Appends the next page.
    pub fn load_more(&self) {
        self.load(false);
    }
}

/// Starts a paged listing; `query` is re-run (from the first page) whenever the signals it reads
/// change or the desk's records change.
pub fn use_paged(query: impl Fn() -> ListQuery + 'static) -> Paged {
    let desk = use_desk();
    let paged = Paged {
        items: RwSignal::new(Vec::new()),
        loading: RwSignal::new(true),
        error: RwSignal::new(None),
        next: RwSignal::new(None),
        query: StoredValue::new(None),
        generation: StoredValue::new(0),
    };
    Effect::new(move |_| {
        desk.revision();
        paged.query.set_value(Some(query()));
        paged.load(true);
    });
    paged
}

/// A listing's error, and once loaded, the text for an empty list. Put it above the list.
///
/// ```ignore
/// <PagedStatus list=open empty=Msg::NoOpenMemos />
/// ```
#[component]
pub fn PagedStatus(
    list: Paged,
    /// Shown when the list is loaded and empty; nothing when `None`.
    #[prop(optional, into)]
    empty: Option<crate::i18n::Text>,
    /// CSS class of the empty text (`empty card` unless given).
    #[prop(optional)]
    empty_class: Option<&'static str>,
) -> impl IntoView {
    let desk = use_desk();
    view! {
        <Show when=move || list.error.with(|e| e.is_some())>
            <p class="field-error" role="alert">{move || list.error.get().map(|e| desk.explain(&e))}</p>
        </Show>
        {empty.map(|msg| view! {
            <Show when=move || !list.loading.get() && list.items.with(|i| i.is_empty())>
                <p class=empty_class.unwrap_or("empty card")>{desk.tr(msg)}</p>
            </Show>
        })}
    }
}

/// The "load more" button under a listing, shown while more pages exist.
#[component]
pub fn LoadMore(list: Paged, #[prop(optional)] testid: &'static str) -> impl IntoView {
    let desk = use_desk();
    view! {
        <Show when=move || list.has_more()>
            <button class="secondary more" data-testid=testid on:click=move |_| list.load_more()>
                {desk.tr(crate::i18n::Msg::LoadMore)}
            </button>
        </Show>
    }
}
