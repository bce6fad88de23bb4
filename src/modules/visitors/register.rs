//! 访客登记 The registration form: fast by touch or keyboard (Enter moves on, the name has focus),
//! returning visitors offered as the phone or name is typed, the watch list checked before saving.

use super::data;
use super::onsite::OnSiteList;
use crate::components::form::focus;
use crate::components::form::{ConfirmDialog, SelectField, TextField, enter_moves_on};
use crate::components::lookup::HostLookup;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::visitors::texts::{self, VisitorMsg};
use crate::platform::clock::BrowserClock;
use crate::platform::settings;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::ident::IdKind;
use lobbydesk_core::modules::visitors::{
    Field, Purpose, Visit, VisitFieldError, VisitForm, WatchFlag,
};
use lobbydesk_core::time;
use lobbydesk_core::{Localized, RecordId};

/// The form's fields as signals.
#[derive(Clone, Copy)]
struct FormState {
    name: RwSignal<String>,
    phone: RwSignal<String>,
    id_kind: RwSignal<String>,
    id_number: RwSignal<String>,
    host_unit: RwSignal<String>,
    host_company: RwSignal<String>,
    host_person: RwSignal<String>,
    purpose: RwSignal<Purpose>,
    party_size: RwSignal<String>,
    plate: RwSignal<String>,
    pass_no: RwSignal<String>,
    notes: RwSignal<String>,
}

impl FormState {
    fn new() -> Self {
        let s = |v: &str| RwSignal::new(v.to_string());
        let d = VisitForm::default();
        FormState {
            name: s(&d.name),
            phone: s(&d.phone),
            id_kind: s(d.id_kind.code()),
            id_number: s(&d.id_number),
            host_unit: s(&d.host_unit),
            host_company: s(&d.host_company),
            host_person: s(&d.host_person),
            purpose: RwSignal::new(d.purpose),
            party_size: s(&d.party_size),
            plate: s(&d.plate),
            pass_no: s(&d.pass_no),
            notes: s(&d.notes),
        }
    }

    fn read(&self) -> VisitForm {
        VisitForm {
            name: self.name.get_untracked(),
            phone: self.phone.get_untracked(),
            id_kind: IdKind::from_code(&self.id_kind.get_untracked()).unwrap_or(IdKind::ResidentId),
            id_number: self.id_number.get_untracked(),
            host_unit: self.host_unit.get_untracked(),
            host_company: self.host_company.get_untracked(),
            host_person: self.host_person.get_untracked(),
            purpose: self.purpose.get_untracked(),
            party_size: self.party_size.get_untracked(),
            plate: self.plate.get_untracked(),
            pass_no: self.pass_no.get_untracked(),
            notes: self.notes.get_untracked(),
        }
    }

    fn fill(&self, f: &VisitForm) {
        self.name.set(f.name.clone());
        self.phone.set(f.phone.clone());
        self.id_kind.set(f.id_kind.code().into());
        self.id_number.set(f.id_number.clone());
        self.host_unit.set(f.host_unit.clone());
        self.host_company.set(f.host_company.clone());
        self.host_person.set(f.host_person.clone());
        self.purpose.set(f.purpose);
        self.party_size.set(f.party_size.clone());
        self.plate.set(f.plate.clone());
        self.pass_no.set(f.pass_no.clone());
        self.notes.set(f.notes.clone());
    }
}

fn field_id(f: Field) -> &'static str {
    match f {
        Field::Name => "v-name",
        Field::Phone => "v-phone",
        Field::IdNumber => "v-id",
        Field::Host => "v-unit",
        Field::PartySize => "v-party",
        Field::Plate => "v-plate",
        Field::PassNo => "v-pass",
        Field::Notes => "v-notes",
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let desk = use_desk();
    let form = FormState::new();
    let errors = RwSignal::new(Vec::<(Field, VisitFieldError)>::new());
    let error_of = move |f: Field| {
        Signal::derive(move || {
            let lang = desk.lang.get();
            errors.with(|e| {
                e.iter()
                    .find(|(g, _)| *g == f)
                    .map(|(_, err)| err.message(lang))
            })
        })
    };
    let name_ref = NodeRef::<html::Input>::new();
    // Set once a returning visitor was picked, so the offer does not come back for this entry.
    let prefilled = RwSignal::new(false);
    let saved = RwSignal::new(None::<(RecordId, String)>);
    // A visit waiting for the clerk to acknowledge a watch-list warning.
    let pending = StoredValue::new(None::<Visit>);
    let warning = RwSignal::new(None::<String>);

    let suggestions = LocalResource::new(move || {
        let (phone, name, done) = (form.phone.get(), form.name.get(), prefilled.get());
        async move {
            if done {
                return Vec::new();
            }
            data::returning(desk, &phone, &name)
                .await
                .unwrap_or_default()
        }
    });

    let store_visit = Action::new_local(move |v: &Visit| {
        let v = v.clone();
        async move {
            match data::save_new(desk, &v).await {
                Ok(id) => {
                    saved.set(Some((id, v.name.clone())));
                    desk.toasts
                        .info(texts::registered(desk.lang.get_untracked(), &v.name));
                    // On a slow tablet the clerk may already be typing the next visitor: only
                    // the form that was saved is cleared.
                    if form.name.get_untracked().trim() == v.name {
                        form.fill(&VisitForm::default());
                        errors.set(Vec::new());
                        prefilled.set(false);
                        focus(field_id(Field::Name));
                    }
                    desk.changed();
                }
                Err(e) => desk.toasts.error(e),
            }
        }
    });

    let submit = Action::new_local(move |_: &()| async move {
        let now = BrowserClock.now();
        let visit = match form.read().parse(now, &desk.clerk.get_untracked()) {
            Ok(v) => v,
            Err(errs) => {
                if let Some((f, _)) = errs.first() {
                    focus(field_id(*f));
                }
                errors.set(errs);
                return;
            }
        };
        errors.set(Vec::new());
        let entries = match data::watch_list(desk).await {
            Ok(e) => e,
            Err(e) => {
                desk.toasts.error(desk.explain(&e));
                return;
            }
        };
        let lang = desk.lang.get_untracked();
        let id_number = visit
            .id_doc
            .as_ref()
            .map(|d| d.full_number().to_string())
            .unwrap_or_default();
        let plate = visit
            .plate
            .as_ref()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default();
        let hits: Vec<_> = entries
            .iter()
            .filter_map(|(_, w)| {
                let keys = w.matches(
                    &visit.name,
                    &id_number,
                    visit.phone.as_ref().map(|p| p.digits()).unwrap_or(""),
                    &plate,
                );
                (!keys.is_empty()).then(|| (w.reason.clone(), keys))
            })
            .collect();
        if hits.is_empty() {
            store_visit.dispatch(visit);
            return;
        }
        let text = hits
            .iter()
            .map(|(reason, keys)| {
                let on: Vec<_> = keys.iter().map(|k| k.label(lang)).collect();
                format!(
                    "{} {}: {reason}",
                    desk.t(VisitorMsg::MatchedOn),
                    on.join("、")
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut flagged = visit;
        flagged.watch = Some(WatchFlag {
            reason: hits
                .iter()
                .map(|(r, _)| r.clone())
                .collect::<Vec<_>>()
                .join(";"),
            matched: hits.iter().flat_map(|(_, k)| k.clone()).collect(),
            acknowledged_by: desk.clerk.get_untracked(),
        });
        pending.set_value(Some(flagged));
        warning.set(Some(text));
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit.dispatch(());
    };
    let acknowledge = Callback::new(move |_| {
        if let Some(v) = pending.get_value() {
            pending.set_value(None);
            store_visit.dispatch(v);
        }
    });
    let id_kinds = Signal::derive(move || {
        let lang = desk.lang.get();
        IdKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label(lang).to_string()))
            .collect::<Vec<_>>()
    });
    let retention = settings::retention_days();

    view! {
        <section class="page visitors">
            <Show when=move || saved.get().is_some()>
                <div class="notice ok-notice" role="status" data-testid="saved-notice">
                    {move || saved.get().map(|(id, name)| view! {
                        <span>{desk.tr(VisitorMsg::Registered)} " " <strong>{name.clone()}</strong></span>
                        <A href=format!("/visitors/v/{id}") attr:class="button-link" attr:data-testid="open-saved">
                            {desk.tr(VisitorMsg::DetailsAndPass)}
                        </A>
                    })}
                </div>
            </Show>
            <Suspense>
                {move || Suspend::new(async move {
                    let list = suggestions.await;
                    (!list.is_empty()).then(|| view! {
                        <div class="card returning" data-testid="returning-list">
                            <h2>{desk.tr(VisitorMsg::ReturningVisitor)}</h2>
                            <div class="chips">
                                {list.into_iter().map(|v| {
                                    let f = VisitForm::from_earlier(&v);
                                    view! {
                                        <button type="button" class="chip-button" data-testid="returning"
                                            on:click=move |_| {
                                                form.fill(&f);
                                                prefilled.set(true);
                                                errors.set(Vec::new());
                                                focus(field_id(Field::PassNo));
                                            }>
                                            <strong>{v.name.clone()}</strong>
                                            <span>{v.phone.as_ref().map(|p| p.display())}</span>
                                            <span class="mono">{v.masked_id()}</span>
                                            <span>{v.host.display()}</span>
                                            <span class="muted">{time::short(v.time_in)}</span>
                                        </button>
                                    }
                                }).collect_view()}
                            </div>
                        </div>
                    })
                })}
            </Suspense>
            <form class="card visit-form" novalidate on:keydown=enter_moves_on on:submit=on_submit data-testid="visit-form">
                <h1>{desk.tr(VisitorMsg::RegisterVisitor)}</h1>
                <div class="grid2">
                    <TextField id="v-name" label=Msg::VisitorName value=form.name error=error_of(Field::Name)
                        testid="visit-name" required=true autofocus=true maxlength=40 node_ref=name_ref />
                    <TextField id="v-phone" label=Msg::Phone value=form.phone error=error_of(Field::Phone)
                        testid="visit-phone" kind="tel" inputmode="tel" required=true maxlength=20
                        placeholder=VisitorMsg::PhonePlaceholder />
                    <SelectField id="v-idkind" label=VisitorMsg::IdKind value=form.id_kind options=id_kinds testid="visit-idkind" />
                    <TextField id="v-id" label=VisitorMsg::IdNumber value=form.id_number error=error_of(Field::IdNumber)
                        testid="visit-id" maxlength=30 />
                    <TextField id="v-unit" label=Msg::HostUnit value=form.host_unit error=error_of(Field::Host)
                        testid="visit-unit" maxlength=40 placeholder=Msg::UnitPlaceholder />
                    <TextField id="v-company" label=VisitorMsg::HostCompany value=form.host_company testid="visit-company" maxlength=60 />
                    <TextField id="v-person" label=VisitorMsg::HostPerson value=form.host_person testid="visit-person" maxlength=40 />
                    <div class="span2"><HostLookup unit=form.host_unit person=form.host_person /></div>
                    <TextField id="v-party" label=VisitorMsg::PartySize value=form.party_size error=error_of(Field::PartySize)
                        testid="visit-party" kind="number" inputmode="numeric" maxlength=2 />
                    <TextField id="v-plate" label=Msg::Plate value=form.plate error=error_of(Field::Plate)
                        testid="visit-plate" maxlength=12 placeholder=VisitorMsg::PlatePlaceholder />
                    <TextField id="v-pass" label=VisitorMsg::PassNo value=form.pass_no error=error_of(Field::PassNo)
                        testid="visit-pass" maxlength=20 />
                </div>
                <fieldset class="choices">
                    <legend>{desk.tr(Msg::Purpose)}</legend>
                    {Purpose::ALL.into_iter().map(|p| view! {
                        <button type="button" class="choice" data-testid=format!("purpose-{}", p.code())
                            aria-pressed=move || (form.purpose.get() == p).to_string()
                            on:click=move |_| form.purpose.set(p)>
                            {move || p.label(desk.lang.get())}
                        </button>
                    }).collect_view()}
                </fieldset>
                <TextField id="v-notes" label=VisitorMsg::Notes value=form.notes error=error_of(Field::Notes) testid="visit-notes" maxlength=500 />
                <p class="notice privacy" data-testid="privacy-notice">
                    {move || texts::privacy_notice(desk.lang.get(), retention)}
                </p>
                <div class="action-bar">
                    <button type="button" class="secondary" on:click=move |_| {
                        form.fill(&VisitForm::default());
                        errors.set(Vec::new());
                        prefilled.set(false);
                        focus(field_id(Field::Name));
                    }>{desk.tr(VisitorMsg::Clear)}</button>
                    <button type="submit" class="primary-big" data-testid="visit-submit"
                        disabled=move || submit.pending().get() || store_visit.pending().get()>
                        {desk.tr(VisitorMsg::Register)}
                    </button>
                </div>
            </form>
            <h2 class="section-title">{desk.tr(VisitorMsg::OnSite)}</h2>
            <OnSiteList />
            <ConfirmDialog open=warning title=VisitorMsg::WatchWarning confirm=VisitorMsg::AcknowledgeAndRegister
                on_confirm=acknowledge testid="watch-dialog" />
        </section>
    }
}
