//! The report of a finished inspection: header, every answer, failures highlighted, photos as
//! thumbnails, the signature; prints on A4.

use super::data;
use crate::desk::use_desk;
use crate::i18n::Msg;
use crate::modules::inspections::texts::{InspectionMsg, photo_count, work_order_made};
use leptos::prelude::*;
use lobbydesk_core::RecordId;
use lobbydesk_core::modules::inspections::{Item, ItemKind, Outcome, Value};
use lobbydesk_core::time::long;
use std::collections::HashMap;

fn shown(item: &Item, v: &Value, lang: crate::i18n::Lang) -> String {
    match v {
        Value::Pass => InspectionMsg::Pass.text(lang).into(),
        Value::Fail => InspectionMsg::Fail.text(lang).into(),
        Value::NotApplicable => InspectionMsg::NotApplicable.text(lang).into(),
        Value::Yes => InspectionMsg::Yes.text(lang).into(),
        Value::No => InspectionMsg::No.text(lang).into(),
        Value::Number(n) => match &item.kind {
            ItemKind::Number { unit, .. } => format!("{n} {unit}"),
            _ => n.to_string(),
        },
        Value::Choice(c) | Value::Text(c) => c.clone(),
        Value::Photos(p) => photo_count(lang, p.len()),
        Value::Signature(_) => InspectionMsg::Signed.text(lang).into(),
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let desk = use_desk();
    let id = super::route_id();
    let report = LocalResource::new(move || async move {
        let Some(id) = id else { return Ok(None) };
        let Some(row) = data::get(desk, id).await? else {
            return Ok(None);
        };
        let mut ids: Vec<RecordId> = row
            .insp
            .answers
            .values()
            .flat_map(|a| {
                let mut v = a.photos.clone();
                match &a.value {
                    Value::Photos(p) => v.extend(p.iter().copied()),
                    Value::Signature(s) => v.push(*s),
                    _ => {}
                }
                v
            })
            .collect();
        ids.extend(row.insp.signature);
        let photos: HashMap<RecordId, String> = crate::components::photo::load(desk, &ids)
            .await
            .into_iter()
            .collect();
        Ok::<_, String>(Some((row, photos)))
    });
    let print = move |_| crate::platform::print_page();
    view! {
        <section class="page inspections">
            <Suspense fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let lang = desk.lang.get();
                    match report.await {
                        Err(e) => view! { <p class="field-error">{e}</p> }.into_any(),
                        Ok(None) => view! { <p class="card">{desk.tr(InspectionMsg::NoInspections)}</p> }.into_any(),
                        Ok(Some((row, photos))) => {
                            let i = row.insp;
                            let s = i.score();
                            let result = i.result().label(lang);
                            let sections = i.sections.iter().map(|sec| {
                                let rows = sec.items.iter().map(|item| {
                                    let out = i.outcome(item);
                                    let a = i.answers.get(&item.key);
                                    let answer = a.map(|a| shown(item, &a.value, lang)).unwrap_or_else(|| "—".into());
                                    let note = a.map(|a| a.note.clone()).unwrap_or_default();
                                    let mut pics: Vec<String> = a.map(|a| {
                                        let mut v = a.photos.clone();
                                        if let Value::Photos(p) = &a.value { v.extend(p.iter().copied()); }
                                        v
                                    }).unwrap_or_default().iter().filter_map(|p| photos.get(p).cloned()).collect();
                                    if let Some(Value::Signature(sig)) = a.map(|a| &a.value) { pics.extend(photos.get(sig).cloned()); }
                                    let wo = a.and_then(|a| a.work_order).map(|w| work_order_made(desk.lang.get(), &w.to_string()[..8]));
                                    view! {
                                        <tr class:fail={out == Outcome::Failed} data-testid=format!("report-{}", item.key)>
                                            <td>{item.label.clone()}</td>
                                            <td class="answer">{answer}</td>
                                            <td>{note}{wo.map(|w| view! { <br/><small>{w}</small> })}
                                                <div class="thumbs">{pics.into_iter().map(|u| view! { <img class="thumb" src=u alt="" /> }).collect_view()}</div>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view();
                                view! {
                                    <h2>{sec.title.clone()}</h2>
                                    <table class="table report-table">
                                        <thead><tr><th>{desk.tr(InspectionMsg::Item)}</th><th>{desk.tr(InspectionMsg::AnswerCol)}</th><th>{desk.tr(InspectionMsg::NotesAndPhotos)}</th></tr></thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                }
                            }).collect_view();
                            view! {
                                <div class="row no-print">
                                    <button data-testid="report-print" on:click=print>{desk.tr(InspectionMsg::PrintReport)}</button>
                                </div>
                                <article class="card report" data-testid="report">
                                    <h1>{i.title.clone()}</h1>
                                    <dl class="facts">
                                        <dt>{desk.tr(InspectionMsg::Place)}</dt><dd>{i.place.clone()} {(!i.unit.is_empty()).then(|| format!(" · {}", i.unit))}</dd>
                                        <dt>{desk.tr(InspectionMsg::Inspector)}</dt><dd>{i.inspector.clone()}</dd>
                                        <dt>{desk.tr(InspectionMsg::Started)}</dt><dd>{long(i.started_at)}</dd>
                                        <dt>{desk.tr(InspectionMsg::Finished)}</dt><dd>{i.finished_at.map(long).unwrap_or_default()}</dd>
                                        <dt>{desk.tr(InspectionMsg::Result)}</dt>
                                        <dd data-testid="report-result"><strong class:warn={s.failed > 0}>{result}</strong>
                                            {format!(" · {} {} · {} {} · {} {}", desk.t(InspectionMsg::ResultPassed), s.ok, desk.t(InspectionMsg::Fail), s.failed, desk.t(InspectionMsg::NotApplicable), s.not_applicable)}</dd>
                                        <dt>{desk.tr(InspectionMsg::TemplateVersion)}</dt><dd>{i.template_version}</dd>
                                    </dl>
                                    {sections}
                                    {i.signature.and_then(|sig| photos.get(&sig).cloned()).map(|sig| view! {
                                        <div class="report-sign"><span>{desk.tr(InspectionMsg::SignOff)} " · " {i.signed_by.clone()}</span><img src=sig alt="" data-testid="report-signature" /></div>
                                    })}
                                </article>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}
