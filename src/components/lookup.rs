//! Looking up a unit or resident in the directory while typing, for forms that name a unit and a
//! person (the visitor's host; the parcel's recipient). Free text stays allowed for people who are
//! not in the directory.
//!
//! ```ignore
//! <HostLookup unit=form.host_unit person=form.host_person />
//! ```

use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::residents::data;
use leptos::prelude::*;

#[component]
pub fn HostLookup(
    /// The unit field's text; set to the picked resident's unit.
    unit: RwSignal<String>,
    /// The person field's text; set to the picked resident's name.
    person: RwSignal<String>,
    /// A phone field, set to the picked resident's first phone (a repair request's contact).
    #[prop(optional)]
    phone: Option<RwSignal<String>>,
) -> impl IntoView {
    let desk = use_desk();
    let picked = RwSignal::new(None::<(String, String)>);
    let matches = LocalResource::new(move || {
        let (u, p) = (unit.get(), person.get());
        let done = picked.with(|x| x.as_ref().is_some_and(|(a, b)| *a == u && *b == p));
        async move {
            let text = if !u.trim().is_empty() { u } else { p };
            if done || text.trim().is_empty() {
                return Vec::new();
            }
            data::search(desk, &text, 6).await.unwrap_or_default()
        }
    });
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let list = matches.await;
                (!list.is_empty()).then(|| view! {
                    <div class="lookup" data-testid="host-lookup">
                        <span class="muted">{desk.tr(Msg::FromDirectory)}</span>
                        {list.into_iter().flat_map(|(_, r)| {
                            let units = r.units.clone();
                            units.into_iter().map(move |u| {
                                let (key, name, role) = (u.key(), r.name.clone(), r.role);
                                let (k2, n2) = (key.clone(), name.clone());
                                let tel = r.phones.first().map(|p| p.digits().to_string());
                                view! {
                                    <button type="button" class="chip-button" data-testid="host-option"
                                        on:click=move |_| {
                                            unit.set(k2.clone());
                                            person.set(n2.clone());
                                            if let (Some(field), Some(t)) = (phone, tel.clone()) {
                                                field.set(t);
                                            }
                                            picked.set(Some((k2.clone(), n2.clone())));
                                        }>
                                        <strong>{key}</strong> <span>{name}</span>
                                        <span class="muted">{move || role.label(desk.lang.get())}</span>
                                    </button>
                                }
                            }).collect::<Vec<_>>()
                        }).collect_view()}
                    </div>
                })
            })}
        </Transition>
    }
}
