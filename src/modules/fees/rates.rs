//! 收费标准: the rates a supervisor sets from a month on, and those set before.

use super::data;
use super::texts::FeeMsg as T;
use crate::components::form::TextField;
use crate::desk::use_desk;
use crate::i18n::Msg;
use leptos::prelude::*;
use lobbydesk_core::modules::fees::money::{month_text, yuan};
use lobbydesk_core::modules::fees::{RatesForm, SET_RATES};
use lobbydesk_core::time;

#[component]
pub fn RatesPage() -> impl IntoView {
    let desk = use_desk();
    let s = |v: &str| RwSignal::new(v.to_string());
    let from = s(&lobbydesk_core::modules::fees::money::month_text(
        data::day(),
    ));
    let (residential, shop, office, energy, percent) = (s(""), s(""), s(""), s("0.30"), s("70"));
    let fixed: RwSignal<Vec<(RwSignal<String>, RwSignal<String>)>> =
        RwSignal::new(vec![(s(""), s(""))]);
    let problem = RwSignal::new(None::<String>);
    // The form starts from the rates in force, so a change is typed, not the whole table.
    let owner = Owner::current();
    leptos::task::spawn_local(async move {
        let Some(r) = data::rates(desk)
            .await
            .ok()
            .and_then(|v| v.into_iter().next())
        else {
            return;
        };
        residential.set(yuan(r.residential));
        shop.set(yuan(r.shop));
        office.set(yuan(r.office));
        energy.set(yuan(r.energy));
        percent.set(r.custody_percent.to_string());
        let make = move || {
            r.fixed
                .iter()
                .map(|f| (RwSignal::new(f.item.clone()), RwSignal::new(yuan(f.fen))))
                .chain(std::iter::once((
                    RwSignal::new(String::new()),
                    RwSignal::new(String::new()),
                )))
                .collect::<Vec<_>>()
        };
        fixed.set(match &owner {
            Some(o) => o.with(make),
            None => make(),
        });
    });
    let lines = move || fixed.get().into_iter().enumerate().collect::<Vec<_>>();
    let rows = LocalResource::new(move || {
        desk.revision();
        async move { data::rates(desk).await }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = RatesForm {
            from: from.get_untracked(),
            residential: residential.get_untracked(),
            shop: shop.get_untracked(),
            office: office.get_untracked(),
            energy: energy.get_untracked(),
            custody_percent: percent.get_untracked(),
            fixed: fixed
                .get_untracked()
                .iter()
                .map(|(n, a)| (n.get_untracked(), a.get_untracked()))
                .collect(),
        };
        leptos::task::spawn_local(async move {
            match data::set_rates(desk, &form).await {
                Ok(()) => {
                    problem.set(None);
                    desk.toasts.info(desk.t(T::RatesSaved));
                    desk.changed();
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <section class="page fees">
            {desk.can(SET_RATES).then(|| view! {
                <form class="card" novalidate on:submit=save data-testid="fee-rates-form">
                    <h1>{desk.tr(T::RatesTitle)}</h1>
                    <div class="grid3">
                        <TextField id="rt-from" label=T::RatesFrom value=from kind="month" testid="rt-from" />
                        <TextField id="rt-residential" label=T::Residential value=residential inputmode="decimal" testid="rt-residential" maxlength=10 />
                        <TextField id="rt-shop" label=T::Shop value=shop inputmode="decimal" testid="rt-shop" maxlength=10 />
                        <TextField id="rt-office" label=T::Office value=office inputmode="decimal" testid="rt-office" maxlength=10 />
                        <TextField id="rt-energy" label=T::EnergyRate value=energy inputmode="decimal" testid="rt-energy" maxlength=10 />
                        <TextField id="rt-percent" label=T::CustodyPercent value=percent inputmode="numeric" testid="rt-percent" maxlength=3 />
                    </div>
                    <For each=lines key=|(_, (n, _))| *n let:line>
                        <div class="row">
                            <TextField id=format!("rt-fixed-{}", line.0) label=T::FixedItem value=line.1.0 testid="rt-fixed" maxlength=40 />
                            <TextField id=format!("rt-fixed-amount-{}", line.0) label=T::FixedAmount value=line.1.1 inputmode="decimal" testid="rt-fixed-amount" maxlength=10 />
                        </div>
                    </For>
                    <button type="button" class="secondary" data-testid="rt-add" on:click=move |_| fixed.update(|v| v.push((RwSignal::new(String::new()), RwSignal::new(String::new()))))>{desk.tr(T::AddLine)}</button>
                    <p class="muted small">{desk.tr(T::Rounding)}</p>
                    <p class="field-error" role="alert" data-testid="rt-error">{move || problem.get()}</p>
                    <div class="action-bar">
                        <button type="submit" class="primary-big" data-testid="rt-save">{desk.tr(T::SaveRates)}</button>
                    </div>
                </form>
            })}
            <Transition fallback=move || view! { <p>{desk.tr(Msg::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
                        Ok(v) if v.is_empty() => view! { <p class="card empty" data-testid="rt-none">{desk.tr(T::NoRates)}</p> }.into_any(),
                        Ok(v) => view! {
                            <div class="card">
                                <h2>{desk.tr(T::RatesHistory)}</h2>
                                <div class="table-wrap"><table class="table" data-testid="rt-list">
                                    <thead><tr>
                                        <th>{desk.tr(T::Month)}</th><th>{desk.tr(T::Residential)}</th><th>{desk.tr(T::Shop)}</th>
                                        <th>{desk.tr(T::Office)}</th><th>{desk.tr(T::EnergyRate)}</th><th>{desk.tr(T::CustodyPercent)}</th><th>{desk.tr(T::Fixed)}</th><th></th>
                                    </tr></thead>
                                    <tbody>
                                        {v.into_iter().map(|r| view! {
                                            <tr data-testid="rt-row">
                                                <td>{month_text(r.from)}</td><td class="num">{yuan(r.residential)}</td><td class="num">{yuan(r.shop)}</td>
                                                <td class="num">{yuan(r.office)}</td><td class="num">{yuan(r.energy)}</td><td class="num">{r.custody_percent}</td>
                                                <td>{r.fixed.iter().map(|f| format!("{} {}", f.item, yuan(f.fen))).collect::<Vec<_>>().join("、")}</td>
                                                <td class="muted">{r.set.by.clone()} " " {time::short(r.set.at)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table></div>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
