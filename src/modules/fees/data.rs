//! Fees on the desk's store: the person on duty's name and roles go to the core services, which
//! check who may do what; errors come back in the desk's language.

use crate::desk::Desk;
use crate::platform::clock::{BrowserClock, random_u64};
use chrono::NaiveDate;
use leptos::prelude::*;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::fees::services::{self, FeesError, MeterForm, Owing, PayForm, Status};
use lobbydesk_core::modules::fees::{
    Custody, FeeError, FeeRates, Payment, RatesForm, ReminderHow, Use, today,
};
use lobbydesk_core::{Localized, RecordId, StoreError};

pub fn explain(desk: Desk, e: &FeesError) -> String {
    let lang = desk.lang.get_untracked();
    match e {
        FeesError::Fee(errs) => errs
            .iter()
            .map(|e| e.message(lang))
            .collect::<Vec<_>>()
            .join(" "),
        FeesError::NotAllowed(a) => desk.explain(&StoreError::Forbidden(*a)),
        FeesError::Store(e) => desk.explain(e),
    }
}

/// Today in China.
pub fn day() -> NaiveDate {
    today(BrowserClock.now())
}

pub async fn status(desk: Desk, unit: &str) -> Result<Status, String> {
    services::unit_status(&*desk.store(), unit, day())
        .await
        .map_err(|e| explain(desk, &e))
}

pub async fn open_account(desk: Desk, unit: &str, from: Option<NaiveDate>) -> Result<(), String> {
    let (name, roles) = desk.on_duty();
    services::open_account(
        &*desk.store(),
        unit,
        from,
        &name,
        &roles,
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|_| ())
    .map_err(|e| explain(desk, &e))
}

pub async fn pay(desk: Desk, form: &PayForm) -> Result<RecordId, String> {
    let (name, roles) = desk.on_duty();
    services::pay(
        &*desk.store(),
        form,
        &name,
        &roles,
        || desk.new_id(),
        random_u64,
        || desk.stamp(),
    )
    .await
    .map(|(id, _)| id)
    .map_err(|e| explain(desk, &e))
}

pub async fn payment(desk: Desk, id: RecordId) -> Result<Option<Payment>, String> {
    match services::payment(&*desk.store(), id).await {
        Ok(p) => Ok(Some(p)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(desk.explain(&e)),
    }
}

pub async fn remind(
    desk: Desk,
    unit: &str,
    how: Option<ReminderHow>,
    answer: &str,
    promised: Option<NaiveDate>,
) -> Result<(), String> {
    let (name, roles) = desk.on_duty();
    let lang = desk.lang.get_untracked();
    let how = how.ok_or_else(|| {
        lang.pick("请选择催缴方式", "Choose how the reminder was made")
            .to_string()
    })?;
    services::remind(
        &*desk.store(),
        unit,
        how,
        answer,
        promised,
        &name,
        &roles,
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|_| ())
    .map_err(|e| explain(desk, &e))
}

pub async fn arrears(desk: Desk) -> Result<(Vec<Owing>, Vec<(String, FeeError)>), String> {
    services::arrears(&*desk.store(), day())
        .await
        .map_err(|e| desk.explain(&e))
}

pub async fn day_payments(
    desk: Desk,
    on: NaiveDate,
) -> Result<
    (
        Vec<(RecordId, Payment)>,
        Vec<(lobbydesk_core::modules::fees::Method, i64)>,
    ),
    String,
> {
    services::day_payments(&*desk.store(), on)
        .await
        .map_err(|e| desk.explain(&e))
}

pub async fn rates(desk: Desk) -> Result<Vec<FeeRates>, String> {
    let mut v = services::rates(&*desk.store())
        .await
        .map_err(|e| desk.explain(&e))?;
    v.sort_by_key(|r| std::cmp::Reverse((r.from, r.set.at)));
    Ok(v)
}

pub async fn set_rates(desk: Desk, form: &RatesForm) -> Result<(), String> {
    let (name, roles) = desk.on_duty();
    services::set_rates(
        &*desk.store(),
        form,
        &name,
        &roles,
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|_| ())
    .map_err(|e| explain(desk, &e))
}

pub async fn start_custody(
    desk: Desk,
    unit: &str,
    agreement: bool,
    meters: &MeterForm,
) -> Result<(), String> {
    let (name, roles) = desk.on_duty();
    services::start_custody(
        &*desk.store(),
        unit,
        agreement,
        meters,
        &name,
        &roles,
        || desk.new_id(),
        || desk.stamp(),
    )
    .await
    .map(|_| ())
    .map_err(|e| explain(desk, &e))
}

pub async fn read_meters(
    desk: Desk,
    id: RecordId,
    meters: &MeterForm,
    end: bool,
) -> Result<(Custody, Use), String> {
    let (name, roles) = desk.on_duty();
    services::read_meters(&*desk.store(), id, meters, end, &name, &roles, || {
        desk.stamp()
    })
    .await
    .map_err(|e| explain(desk, &e))
}

pub async fn in_custody(desk: Desk) -> Result<Vec<(RecordId, Custody)>, String> {
    services::in_custody(&*desk.store())
        .await
        .map_err(|e| desk.explain(&e))
}
