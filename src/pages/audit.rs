//! 操作记录 The audit trail (supervisors only): who did what, when, on which device, and the
//! fields before and after (personal data masked). Read-only: no screen edits or deletes it.

use super::signin::Refused;
use crate::components::form::{SearchBox, TextField};
use crate::components::paged::{LoadMore, PagedStatus, use_paged};
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use lobbydesk_core::audit::{self, AuditEntry, ix};
use lobbydesk_core::permit::Action as Perm;
use lobbydesk_core::sync;
use lobbydesk_core::{KeyRange, ListQuery, time};

#[component]
pub fn AuditPage() -> impl IntoView {
    let desk = use_desk();
    move || {
        if desk.can(Perm::VIEW_AUDIT) {
            view! { <AuditList /> }.into_any()
        } else {
            view! { <Refused /> }.into_any()
        }
    }
}

#[component]
fn AuditList() -> impl IntoView {
    let desk = use_desk();
    let person = RwSignal::new(String::new());
    let day = RwSignal::new(String::new());
    let list = use_paged(move || {
        let (p, d) = (person.get(), day.get());
        if !p.trim().is_empty() {
            ListQuery::by(
                audit::KIND,
                ix::BY,
                KeyRange::Prefix(p.trim().to_string()),
                50,
            )
        } else if !d.is_empty() {
            ListQuery::by(audit::KIND, ix::DAY, KeyRange::Exact(d), 50)
        } else {
            ListQuery::recent(audit::KIND, 50)
        }
    });
    view! {
        <section class="page">
            <h1>{desk.tr(Msg::AuditTitle)}</h1>
            <div class="card grid2">
                <SearchBox id="au-person" label=Msg::AuditPerson value=person testid="audit-person" />
                <TextField id="au-day" label=Msg::AuditDay value=day kind="date" testid="audit-day" />
            </div>
            <PagedStatus list=list />
            <ul class="card audit-list" data-testid="audit-list">
                <For each=move || list.items.get() key=|e| (e.meta.id, e.meta.version) let:env>
                    {
                        let e: Option<AuditEntry> = env.decode().ok();
                        e.map(|e| {
                            let action = e.action;
                            let recorded = e.changes.clone();
                            let kind = e.kind.clone();
                            let subject = e.kind.clone();
                            let redacted = e.redacted;
                            let changes = move || {
                                let lang = desk.lang.get();
                                recorded.iter().map(|c| {
                                    let field = sync::audit_field_label(&kind, &c.field, lang);
                                    view! { <li><span data-testid="audit-field">{field}</span>{format!(": {} → {}", sync::audit_value(&kind, &c.field, &c.before, lang), sync::audit_value(&kind, &c.field, &c.after, lang))}</li> }
                                }).collect_view()
                            };
                            view! {
                                <li class="audit-row" data-testid="audit-row">
                                    <div>
                                        <strong>{e.by.name.clone()}</strong> " · "
                                        {move || action.label(desk.lang.get())} " · " <span data-testid="audit-subject">{move || lobbydesk_core::sync::audit_subject(&subject, desk.lang.get())}</span>
                                        {e.record.map(|r| view! { " " <span class="mono muted" data-testid="audit-record">{format!("#{}", &r.0.simple().to_string()[..8])}</span> })}
                                        <span class="muted">" · " {time::long(e.at)} " · " {e.device.short()}</span>
                                    </div>
                                    <ul class="changes muted">{changes}</ul>
                                    {redacted.then(|| view! { <p class="muted" data-testid="audit-redacted">{desk.tr(Msg::AuditRedacted)}</p> })}
                                </li>
                            }
                        })
                    }
                </For>
            </ul>
        <LoadMore list=list />
        </section>
    }
}
