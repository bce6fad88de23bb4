//! Export, import, conflicts and CSV on the desk's store. The rules are the core's
//! (`lobbydesk_core::sync`, `exchange`, `tables`); this file reads and writes and moves bytes.

use crate::desk::Desk;
use crate::platform::clock::BrowserClock;
use crate::platform::{crypto, download, settings, storage_info};
use leptos::prelude::GetUntracked;
use lobbydesk_core::audit::{AuditAction, FieldChange};
use lobbydesk_core::clock::Clock;
use lobbydesk_core::exchange::{self, Checked, FileError};
use lobbydesk_core::merge::Merged;
use lobbydesk_core::permit::Action as Perm;
use lobbydesk_core::store::{KeyRange, ListQuery, RecordStore, StoreError, list_all};
use lobbydesk_core::sync::{self, ConflictSet, Direction, ExchangeEntry, Plan, Scope};
use lobbydesk_core::{DeviceId, Envelope, Lang, Localized, RecordError};

fn record_err(desk: &Desk, e: RecordError) -> String {
    desk.explain(&StoreError::from(e))
}

/// The exchange log, newest first.
pub async fn log(desk: Desk, limit: u32) -> Result<Vec<ExchangeEntry>, String> {
    let page = desk
        .store()
        .inner()
        .list(&ListQuery::recent(sync::EXCHANGE_KIND, limit))
        .await
        .map_err(|e| desk.explain(&e))?;
    Ok(page.items.iter().filter_map(|e| e.decode().ok()).collect())
}

/// The other tablets this one has exchanged files with: device and office, newest first.
pub async fn peers(desk: Desk) -> Result<Vec<(DeviceId, String)>, String> {
    let mut out: Vec<(DeviceId, String)> = Vec::new();
    for e in log(desk, 200).await? {
        if let Some(p) = e.peer
            && p != desk.device
            && !out.iter().any(|(d, _)| *d == p)
        {
            out.push((p, e.peer_office));
        }
    }
    Ok(out)
}

/// The mark of the last export made for `peer`.
async fn last_mark(desk: Desk, peer: DeviceId) -> Result<Option<String>, String> {
    let q = ListQuery::by(
        sync::EXCHANGE_KIND,
        "peer",
        KeyRange::Exact(format!("export|{peer}")),
        1,
    );
    let page = desk
        .store()
        .inner()
        .list(&q)
        .await
        .map_err(|e| desk.explain(&e))?;
    Ok(page
        .items
        .first()
        .and_then(|e| e.decode::<ExchangeEntry>().ok())
        .and_then(|e| e.mark))
}

/// What the supervisor chose to export.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// Everything; when made for a known tablet, the next "since" export to it starts here.
    All(Option<DeviceId>),
    Since(DeviceId),
    Module {
        module: String,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
}

/// The result of an export, for the clerk.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    pub file_name: String,
    pub records: usize,
    pub encrypted: bool,
    pub ms: f64,
}

/// Builds the file, encrypts it when a passphrase is given, offers it as a download and logs it.
pub async fn export(
    desk: Desk,
    choice: Choice,
    passphrase: Option<String>,
) -> Result<Exported, String> {
    let started = js_sys::Date::now();
    let store = desk.store();
    let (scope, peer, code) = match &choice {
        Choice::All(peer) => (Scope::All, *peer, "all".to_string()),
        Choice::Since(p) => (
            Scope::Since(last_mark(desk, *p).await?),
            Some(*p),
            "since".into(),
        ),
        Choice::Module { module, from, to } => {
            let start = lobbydesk_core::time::at_local(*from, chrono::NaiveTime::MIN);
            let end = lobbydesk_core::time::at_local(*to, chrono::NaiveTime::MIN)
                + chrono::Duration::days(1)
                - chrono::Duration::milliseconds(1);
            (
                Scope::Module {
                    module: module.clone(),
                    from: start,
                    to: end,
                },
                None,
                format!("module:{module}"),
            )
        }
    };
    if !desk.actor().is_some_and(|a| a.may(Perm::EXPORT)) {
        return Err(desk.explain(&StoreError::Forbidden(Perm::EXPORT)));
    }
    let now = BrowserClock.now();
    let office = settings::office_name();
    let file_name = sync::file_name(&office, desk.device, now);
    let passphrase = passphrase.filter(|p| !p.is_empty());
    let encrypted = passphrase.is_some();
    let (count, mark) = match (&scope, passphrase) {
        // Plain "everything" and "since": the stored documents go into the file as they are.
        (Scope::All | Scope::Since(_), None) => {
            let after = match &scope {
                Scope::Since(m) => m.clone(),
                _ => None,
            };
            let t = store
                .inner()
                .export_text(after.as_deref(), |n| {
                    exchange::header(&office, desk.device, now, None, &code, n, "")
                })
                .await
                .map_err(|e| desk.explain(&e))?;
            download::save_parts(&file_name, &t.file, "application/json")?;
            (t.records, t.mark)
        }
        (_, passphrase) => {
            let sel = sync::select(&*store, &scope)
                .await
                .map_err(|e| desk.explain(&e))?;
            // Staff (PIN hashes) go only into encrypted files.
            let records = match passphrase {
                Some(_) => sel.records,
                None => sync::for_plain_file(sel.records),
            };
            let count = records.len();
            let text = exchange::encode(&office, desk.device, now, None, &code, records);
            let bytes = match passphrase {
                Some(p) => crypto::seal(text.as_bytes(), &p).await?.into_bytes(),
                None => text.into_bytes(),
            };
            download::save(&file_name, &bytes, "application/json")?;
            (count, sel.mark)
        }
    };
    let entry = ExchangeEntry {
        direction: Direction::Export,
        peer,
        peer_office: String::new(),
        at: now,
        mark,
        records: count,
        file_name: file_name.clone(),
        encrypted,
        tally: Default::default(),
    };
    let env =
        Envelope::create(&entry, desk.new_id(), desk.stamp()).map_err(|e| record_err(&desk, e))?;
    store.put(&env).await.map_err(|e| desk.explain(&e))?;
    settings::set_last_export(now);
    Ok(Exported {
        file_name,
        records: count,
        encrypted,
        ms: js_sys::Date::now() - started,
    })
}

/// A file read, checked and worked out, waiting for the supervisor to apply or cancel it.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub file_name: String,
    pub checked: Checked,
    pub plan: Plan,
    pub encrypted: bool,
    pub ms: f64,
}

/// Why a file could not be previewed: a refused file, or the passphrase it needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    File(FileError),
    Other(String),
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::File(e) => e.message(lang),
            Refusal::Other(s) => s.clone(),
        }
    }
}

/// Reads a chosen file: size against free space, decryption, every check, then the plan.
/// Nothing is written.
pub async fn preview(
    desk: Desk,
    file: web_sys::File,
    passphrase: String,
) -> Result<Preview, Refusal> {
    let started = js_sys::Date::now();
    let free = storage_info::estimate()
        .await
        .map(|e| (e.quota - e.usage).max(0.0) as u64);
    exchange::fits(file.size() as u64, free).map_err(Refusal::File)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| Refusal::Other(format!("{e:?}")))?;
    let mut bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let sealed = exchange::sealed(&bytes).map_err(Refusal::File)?;
    let encrypted = sealed.is_some();
    if let Some(s) = sealed {
        if passphrase.is_empty() {
            return Err(Refusal::File(FileError::Encrypted));
        }
        bytes = crypto::open(&s, &passphrase).await.map_err(Refusal::File)?;
    }
    let checked = exchange::read(&bytes, desk.device, BrowserClock.now()).map_err(Refusal::File)?;
    drop(bytes);
    match sync::missing_photo(&*desk.store(), &checked).await {
        Ok(Some(e)) => return Err(Refusal::File(e)),
        Ok(None) => {}
        Err(e) => return Err(Refusal::Other(desk.explain(&e))),
    }
    let at = desk.stamp();
    let plan = sync::plan_import(&*desk.store(), &checked, at, at.version)
        .await
        .map_err(|e| Refusal::Other(desk.explain(&e)))?;
    Ok(Preview {
        file_name: file.name(),
        checked,
        plan,
        encrypted,
        ms: js_sys::Date::now() - started,
    })
}

/// Applies a previewed import in one transaction (records, conflict sets, the log line and the
/// audit line): all of it lands, or none of it does. Applied only over what the preview read:
/// if a record changed since (a sign-out in another tab, the auto sign-out), the file is
/// planned again against the tablet as it is now and applied then, so nothing done here in
/// between is overwritten. Returns the milliseconds taken and the plan applied.
pub async fn apply(
    desk: Desk,
    p: &Preview,
    staff_pin: Option<&str>,
) -> Result<(f64, sync::Plan), String> {
    let started = js_sys::Date::now();
    let f = &p.checked.file;
    let mut plan = p.plan.clone();
    for attempt in 0.. {
        let entry = ExchangeEntry {
            direction: Direction::Import,
            peer: Some(f.device),
            peer_office: f.office.clone(),
            at: BrowserClock.now(),
            mark: None,
            records: f.records.len(),
            file_name: p.file_name.clone(),
            encrypted: p.encrypted,
            tally: plan.tally.clone(),
        };
        let at = desk.stamp();
        let mut writes = plan.writes.clone();
        // Taken in now, not when the preview was made: an export made while the preview was
        // open must not count these versions as already sent.
        for w in &mut writes {
            if w.meta.received.is_some() {
                w.meta.received = Some(at.version);
            }
        }
        writes.push(Envelope::create(&entry, desk.new_id(), at).map_err(|e| record_err(&desk, e))?);
        let t = plan.total();
        let count = |field: &str, n: usize| FieldChange {
            field: field.into(),
            before: String::new(),
            after: n.to_string(),
        };
        let changes = vec![
            FieldChange {
                field: "file".into(),
                before: String::new(),
                after: format!("{} ({} {})", p.file_name, f.office, f.device.short()),
            },
            count("new", t.new),
            count("newer", t.newer),
            count("older", t.older),
            count("unchanged", t.unchanged),
            count("conflict", t.conflict),
        ];
        match desk
            .store()
            .import(
                &writes,
                &plan.expected,
                sync::EXCHANGE_KIND,
                changes,
                at,
                staff_pin,
            )
            .await
        {
            Ok(()) => break,
            Err(StoreError::Changed { .. }) if attempt < 3 => {
                let at = desk.stamp();
                plan = sync::plan_import(&*desk.store(), &p.checked, at, at.version)
                    .await
                    .map_err(|e| desk.explain(&e))?;
            }
            Err(e) => return Err(desk.explain(&e)),
        }
    }
    if let Some(v) = plan.newest {
        desk.observe(v);
    }
    desk.changed();
    Ok((js_sys::Date::now() - started, plan))
}

/// One open conflict: the record as it is now and the versions it lost to.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub set: Envelope,
    pub merged: Merged,
}

pub async fn conflicts(desk: Desk) -> Result<Vec<Conflict>, String> {
    let store = desk.store();
    let sets = list_all(
        &*store,
        ListQuery::by(sync::CONFLICT_KIND, "open", KeyRange::All, 100),
    )
    .await
    .map_err(|e| desk.explain(&e))?;
    let mut out = Vec::new();
    for set in sets {
        let Ok(c) = set.decode::<ConflictSet>() else {
            continue;
        };
        if let Some(current) = store
            .get(&c.kind, c.record)
            .await
            .map_err(|e| desk.explain(&e))?
        {
            out.push(Conflict {
                set,
                merged: Merged {
                    current,
                    conflicts: c.losers,
                },
            });
        }
    }
    Ok(out)
}

/// Resolves a conflict: keep `keep` (the current version or one that lost), optionally with
/// some fields taken from `take`.
pub async fn resolve(
    desk: Desk,
    c: &Conflict,
    keep: &Envelope,
    take: Option<(&Envelope, Vec<String>)>,
) -> Result<(), String> {
    let writes = sync::resolve(
        &c.merged,
        keep,
        take.as_ref().map(|(e, f)| (*e, f.as_slice())),
        &c.set,
        &desk.clerk.get_untracked(),
        desk.stamp(),
    )
    .map_err(|e| record_err(&desk, e))?;
    desk.store()
        .put_all(&writes)
        .await
        .map_err(|e| desk.explain(&e))?;
    desk.changed();
    Ok(())
}

/// Writes one list (a name from `tables::choices`) as a CSV for Excel and offers it as a
/// download. Returns the rows.
pub async fn csv(
    desk: Desk,
    table: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    full_ids: bool,
) -> Result<usize, String> {
    let lang = desk.lang.get_untracked();
    let Some(out) = lobbydesk_core::tables::export(&*desk.store(), table, from, to, lang, full_ids)
        .await
        .map_err(|e| desk.explain(&e))?
    else {
        return Ok(0);
    };
    let (name, file, bytes, rows) = (out.module, out.file_name, out.bytes, out.rows);
    download::save(&file, &bytes, "text/csv;charset=utf-8")?;
    desk.audit_event(
        AuditAction::Export,
        name,
        vec![
            FieldChange {
                field: "csv".into(),
                before: String::new(),
                after: format!("{file} ({rows})"),
            },
            FieldChange {
                field: "full_ids".into(),
                before: String::new(),
                after: full_ids.to_string(),
            },
        ],
    )
    .await;
    Ok(rows)
}
