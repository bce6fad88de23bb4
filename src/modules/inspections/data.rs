//! Inspection reads and writes on the desk's store: templates (the built-in ones overlaid by
//! stored edits), inspections saved answer by answer, photos, work orders made from failed items
//! and schedules.

use crate::desk::Desk;
use crate::modules::inspections::texts::{self, InspectionMsg};
use crate::platform::clock::BrowserClock;
use leptos::prelude::GetUntracked;
use lobbydesk_core::clock::Clock;
use lobbydesk_core::modules::inspections::{
    self as inspection, Due, Inspection, Schedule, Template, Value,
};
use lobbydesk_core::modules::photos::Photo;
use lobbydesk_core::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all};
use lobbydesk_core::{Envelope, Record, RecordError, RecordId};

fn rec(desk: &Desk, e: RecordError) -> String {
    desk.explain(&StoreError::from(e))
}

/// The inspection, or the clerk's "not found" message.
async fn must_get(desk: Desk, id: RecordId) -> Result<Row, String> {
    get(desk, id).await?.ok_or_else(|| {
        desk.explain(&StoreError::NotFound {
            kind: Inspection::KIND.into(),
            id,
        })
    })
}

/// A template with its id and the stored version it came from (`None`: built in, never edited).
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateRow {
    pub id: RecordId,
    pub template: Template,
    pub env: Option<Envelope>,
}

/// Every template: the built-in ones (or their stored edits) and the office's own.
pub async fn templates(desk: Desk) -> Result<Vec<TemplateRow>, String> {
    let stored = list_all(&*desk.store(), ListQuery::recent(Template::KIND, 200))
        .await
        .map_err(|e| desk.explain(&e))?;
    let mut out: Vec<TemplateRow> = inspection::builtins()
        .into_iter()
        .map(|(id, template)| TemplateRow {
            id,
            template,
            env: None,
        })
        .collect();
    for env in stored {
        let Ok(t) = env.decode::<Template>() else {
            continue;
        };
        let row = TemplateRow {
            id: env.meta.id,
            template: t,
            env: Some(env),
        };
        match out.iter_mut().find(|r| r.id == row.id) {
            Some(slot) => *slot = row,
            None => out.push(row),
        }
    }
    Ok(out)
}

pub async fn template(desk: Desk, id: RecordId) -> Result<Option<TemplateRow>, String> {
    Ok(templates(desk).await?.into_iter().find(|r| r.id == id))
}

/// Saves a template: a new one, or the next version of an existing one.
pub async fn save_template(
    desk: Desk,
    row: Option<&TemplateRow>,
    t: Template,
) -> Result<RecordId, String> {
    let at = desk.stamp();
    let env = match row {
        Some(r) => {
            let t = t.edited(&r.template).map_err(|e| desk.explain(&e))?;
            match &r.env {
                Some(env) => env.update(&t, at),
                None => Envelope::create(&t, r.id, at),
            }
        }
        None => {
            let t = Template {
                version: 1,
                builtin: false,
                ..t
            }
            .checked()
            .map_err(|e| desk.explain(&e))?;
            Envelope::create(&t, desk.new_id(), at)
        }
    }
    .map_err(|e| rec(&desk, e))?;
    desk.store().put(&env).await.map_err(|e| desk.explain(&e))?;
    desk.changed();
    Ok(env.meta.id)
}

/// Retires a template (or brings it back): it is no longer offered for new inspections.
pub async fn set_retired(desk: Desk, row: &TemplateRow, retired: bool) -> Result<(), String> {
    let t = Template {
        retired,
        ..row.template.clone()
    };
    save_template(desk, Some(row), t).await.map(|_| ())
}

/// An inspection with its envelope.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub env: Envelope,
    pub insp: Inspection,
}

fn rows(items: Vec<Envelope>) -> Vec<Row> {
    items
        .into_iter()
        .filter_map(|env| env.decode().ok().map(|insp| Row { env, insp }))
        .collect()
}

pub async fn start(
    desk: Desk,
    row: &TemplateRow,
    place: &str,
    unit: &str,
) -> Result<RecordId, String> {
    let insp = Inspection::start(
        row.id,
        &row.template,
        place,
        unit,
        &desk.clerk.get_untracked(),
        BrowserClock.now(),
    );
    let env = Envelope::create(&insp, desk.new_id(), desk.stamp()).map_err(|e| rec(&desk, e))?;
    desk.store().put(&env).await.map_err(|e| desk.explain(&e))?;
    desk.changed();
    Ok(env.meta.id)
}

pub async fn get(desk: Desk, id: RecordId) -> Result<Option<Row>, String> {
    let env = desk
        .store()
        .get(Inspection::KIND, id)
        .await
        .map_err(|e| desk.explain(&e))?;
    Ok(env
        .filter(|e| !e.meta.deleted)
        .and_then(|e| rows(vec![e]).pop()))
}

/// Applies one change to an inspection and saves it at once (re-read first, so two quick taps
/// never lose each other's answer). Returns the saved row.
pub async fn change(
    desk: Desk,
    id: RecordId,
    f: impl FnOnce(&mut Inspection) -> Result<(), String>,
) -> Result<Row, String> {
    let _turn = crate::platform::serial::turn().await;
    let mut row = must_get(desk, id).await?;
    let before = row.insp.clone();
    f(&mut row.insp)?;
    // Nothing changed (the same answer twice, a second sign-off): nothing to write.
    if row.insp == before {
        return Ok(row);
    }
    let env = row
        .env
        .update(&row.insp, desk.stamp())
        .map_err(|e| rec(&desk, e))?;
    desk.store().put(&env).await.map_err(|e| desk.explain(&e))?;
    Ok(Row {
        env,
        insp: row.insp,
    })
}

pub async fn answer(desk: Desk, id: RecordId, key: String, value: Value) -> Result<Row, String> {
    let now = BrowserClock.now();
    change(desk, id, move |i| {
        i.answer(&key, value, now).map_err(|e| desk.explain(&e))
    })
    .await
}

pub async fn note(desk: Desk, id: RecordId, key: String, note: String) -> Result<Row, String> {
    change(desk, id, move |i| {
        i.set_note(&key, &note).map_err(|e| desk.explain(&e))
    })
    .await
}

/// Stores a picture (a photo, a drawn signature) as a photo record and lets `f` put its id into
/// the inspection; both are written in one transaction, and `f`'s refusal writes nothing.
async fn with_picture(
    desk: Desk,
    id: RecordId,
    data: String,
    f: impl FnOnce(&mut Inspection, RecordId) -> Result<(), String>,
) -> Result<Row, String> {
    let _turn = crate::platform::serial::turn().await;
    let mut row = must_get(desk, id).await?;
    let now = BrowserClock.now();
    let photo = Envelope::create(&Photo::new(data, now), desk.new_id(), desk.stamp())
        .map_err(|e| rec(&desk, e))?;
    f(&mut row.insp, photo.meta.id)?;
    let env = row
        .env
        .update(&row.insp, desk.stamp())
        .map_err(|e| rec(&desk, e))?;
    desk.store()
        .put_all(&[photo, env.clone()])
        .await
        .map_err(|e| desk.explain(&e))?;
    Ok(Row {
        env,
        insp: row.insp,
    })
}

/// Adds a photo to an item (a photo item's answer, or a failure's evidence).
pub async fn add_photo(desk: Desk, id: RecordId, key: String, data: String) -> Result<Row, String> {
    let now = BrowserClock.now();
    with_picture(desk, id, data, move |i, photo| {
        i.add_photo(&key, photo, now).map_err(|e| desk.explain(&e))
    })
    .await
}

/// Answers a signature item with the signature drawn.
pub async fn sign_item(desk: Desk, id: RecordId, key: String, data: String) -> Result<Row, String> {
    let now = BrowserClock.now();
    with_picture(desk, id, data, move |i, photo| {
        i.answer(&key, Value::Signature(photo), now)
            .map_err(|e| desk.explain(&e))
    })
    .await
}

/// Makes a work order from a failed item and links both ways, in one transaction.
pub async fn make_work_order(desk: Desk, id: RecordId, key: String) -> Result<Row, String> {
    use lobbydesk_core::modules::inspections::services::{self, WorkOrderError};
    let _turn = crate::platform::serial::turn().await;
    let (env, insp) = services::make_work_order(
        &*desk.store(),
        id,
        &key,
        &desk.clerk.get_untracked(),
        (desk.new_id(), &desk.device.short()),
        BrowserClock.now(),
        desk.lang.get_untracked(),
        || desk.stamp(),
    )
    .await
    .map_err(|e| match e {
        WorkOrderError::NotFailed => desk.t(InspectionMsg::NotFailed).to_string(),
        WorkOrderError::Store(e) => desk.explain(&e),
    })?;
    desk.changed();
    Ok(Row { env, insp })
}

/// Signs the inspection off with the inspector's drawn signature (stored as a photo record);
/// refused, with what is missing, while required answers or the signature are.
pub async fn finish(desk: Desk, id: RecordId, signature: String) -> Result<Row, String> {
    let now = BrowserClock.now();
    let lang = desk.lang.get_untracked();
    let by = desk.clerk.get_untracked();
    let why = move |m: Vec<lobbydesk_core::modules::inspections::Missing>| {
        let list: Vec<String> = m.iter().map(|x| x.message(lang)).collect();
        texts::cannot_finish(lang, &list)
    };
    let r = if signature.is_empty() {
        change(desk, id, move |i| i.finish(None, &by, now).map_err(why)).await
    } else if must_get(desk, id).await?.insp.is_finished() {
        // A second sign-off (a double tap) keeps the first, and stores no second picture.
        must_get(desk, id).await
    } else {
        with_picture(desk, id, signature, move |i, photo| {
            i.finish(Some(photo), &by, now).map_err(why)
        })
        .await
    };
    desk.changed();
    r
}

/// Inspections by an index, newest first.
pub async fn list(
    desk: Desk,
    index: &str,
    range: KeyRange,
    limit: u32,
) -> Result<Vec<Row>, String> {
    let page = desk
        .store()
        .list(&ListQuery::by(Inspection::KIND, index, range, limit))
        .await
        .map_err(|e| desk.explain(&e))?;
    Ok(rows(page.items))
}

pub async fn schedules(desk: Desk) -> Result<Vec<(Envelope, Schedule)>, String> {
    let items = list_all(
        &*desk.store(),
        ListQuery::by(Schedule::KIND, "active", KeyRange::Exact("1".into()), 200),
    )
    .await
    .map_err(|e| desk.explain(&e))?;
    Ok(items
        .into_iter()
        .filter_map(|e| e.decode().ok().map(|s| (e, s)))
        .collect())
}

pub async fn add_schedule(desk: Desk, s: Schedule) -> Result<(), String> {
    let env = Envelope::create(&s, desk.new_id(), desk.stamp()).map_err(|e| rec(&desk, e))?;
    desk.store().put(&env).await.map_err(|e| desk.explain(&e))?;
    desk.changed();
    Ok(())
}

pub async fn stop_schedule(desk: Desk, env: &Envelope, s: &Schedule) -> Result<(), String> {
    let next = env
        .update(
            &Schedule {
                active: false,
                ..s.clone()
            },
            desk.stamp(),
        )
        .map_err(|e| rec(&desk, e))?;
    desk.store()
        .put(&next)
        .await
        .map_err(|e| desk.explain(&e))?;
    desk.changed();
    Ok(())
}

/// Every active schedule with where it stands today (from the last finished inspection of its
/// template at its place).
pub async fn due(desk: Desk) -> Result<Vec<(Envelope, Schedule, Due)>, String> {
    lobbydesk_core::modules::inspections::services::due(&*desk.store(), BrowserClock.now())
        .await
        .map_err(|e| desk.explain(&e))
}
