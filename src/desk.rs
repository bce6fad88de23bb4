//! The desk: what every page needs, provided once as context by [`crate::app::App`].
//!
//! ```ignore
//! let desk = use_desk();
//! let at = desk.stamp();                       // time + merge version for a write
//! let id = desk.new_id();
//! desk.store().put(&Envelope::create(&memo, id, at)?).await?;   // as the person on duty
//! desk.changed();                              // lists that track desk.revision() reload
//! if desk.can(Action::CHANGE_SETTINGS) { ... }  // what the UI shows; the store checks again
//! ```

use crate::i18n::{Lang, Text};
use crate::platform::clock::{BrowserClock, CryptoIds};
use crate::platform::online;
use crate::platform::pwa::Pwa;
use crate::platform::settings;
use crate::storage::IdbStore;
use crate::toasts::Toasts;
use leptos::prelude::*;
use lobbydesk_core::audit::AuditAction;
use lobbydesk_core::clock::{Clock, IdSource};
use lobbydesk_core::modules::staff::services as staff_services;
use lobbydesk_core::modules::staff::{Role, Staff};
use lobbydesk_core::permit::{self, Action};
use lobbydesk_core::store::guard::{Actor, Guarded};
use lobbydesk_core::{DeviceId, HlcClock, Localized, RecordId, Stamp};
use std::cell::RefCell;
use std::rc::Rc;

/// The app's store: IndexedDB behind the permission guard and audit trail.
pub type Store = Guarded<IdbStore>;

/// The person on duty.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub staff: RecordId,
    pub name: String,
    pub roles: Vec<Role>,
}

#[derive(Clone, Copy)]
pub struct Desk {
    pub lang: RwSignal<Lang>,
    /// The person on duty; `None` while locked.
    pub session: RwSignal<Option<Session>>,
    /// Name of the person on duty (empty while locked); new records carry it.
    pub clerk: RwSignal<String>,
    pub online: ReadSignal<bool>,
    /// Whether the browser granted persistent storage (`None`: unknown or not asked yet).
    pub persisted: RwSignal<Option<bool>>,
    pub pwa: Pwa,
    pub toasts: Toasts,
    pub device: DeviceId,
    /// Bumped after every write, so lists reload.
    revision: RwSignal<u64>,
    store: StoredValue<Rc<Store>, LocalStorage>,
    hlc: StoredValue<RefCell<HlcClock>, LocalStorage>,
    last_saved_activity: StoredValue<f64>,
    /// The last touch or key while someone is on duty (milliseconds since the epoch).
    last_activity: StoredValue<f64>,
    /// The latest wall time (ms) this tablet had seen before this start, and whether a purge
    /// has run since (see `purge_time`).
    wall_seen_at_start: f64,
    purged_once: StoredValue<bool>,
    hlc_save_pending: StoredValue<bool>,
}

impl Desk {
    pub fn new(store: IdbStore) -> Self {
        let device = settings::device_id(&CryptoIds);
        Desk {
            lang: RwSignal::new(settings::lang()),
            session: RwSignal::new(None),
            clerk: RwSignal::new(String::new()),
            online: online::online_signal(),
            persisted: RwSignal::new(None),
            pwa: Pwa::start(),
            toasts: Toasts::new(),
            device,
            revision: RwSignal::new(0),
            store: StoredValue::new_local(Rc::new(Guarded::new(store, Box::new(CryptoIds)))),
            hlc: StoredValue::new_local(RefCell::new(settings::hlc(device))),
            last_saved_activity: StoredValue::new(0.0),
            last_activity: StoredValue::new(0.0),
            wall_seen_at_start: settings::wall_seen(),
            purged_once: StoredValue::new(false),
            hlc_save_pending: StoredValue::new(false),
        }
    }

    /// A UI string in the current language (tracks the language signal).
    pub fn t(&self, msg: impl Into<Text>) -> &'static str {
        msg.into().text(self.lang.get())
    }

    /// A UI string as a signal, for views: every text shares this one type, which keeps the
    /// wasm small (a closure per text would be compiled into its own render code).
    pub fn tr(&self, msg: impl Into<Text>) -> Signal<&'static str> {
        let (msg, lang) = (msg.into(), self.lang);
        Signal::derive(move || msg.text(lang.get()))
    }

    /// A clerk-facing message for an error, in the current language (untracked: for toasts).
    pub fn explain(&self, e: &impl Localized) -> String {
        e.message(self.lang.get_untracked())
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Err(e) = settings::set_lang(lang) {
            self.toasts.error(e);
        }
    }

    pub fn store(&self) -> Rc<Store> {
        self.store.get_value()
    }

    /// Whether the person on duty may do `action` (tracks the session).
    pub fn can(&self, action: Action) -> bool {
        self.session.with(|s| {
            s.as_ref()
                .is_some_and(|s| permit::allowed(&s.roles, action))
        })
    }

    /// The name and roles of the person on duty, as the core's services take them (nobody: an
    /// empty name and no roles, which every service refuses).
    pub fn on_duty(&self) -> (String, Vec<lobbydesk_core::modules::staff::Role>) {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| (s.name.clone(), s.roles.clone())))
            .unwrap_or_default()
    }

    /// The person on duty as the store's actor.
    pub fn actor(&self) -> Option<Actor> {
        self.store.with_value(|s| s.actor())
    }

    /// Puts `staff` on duty (after their PIN was checked, or a session resumed): first in the
    /// on-duty record, so a reload at once resumes them, then on the screen.
    pub async fn sign_in(&self, id: RecordId, staff: &Staff) {
        let now = js_sys::Date::now();
        self.last_activity.set_value(now);
        self.last_saved_activity.set_value(now);
        let store = self.store();
        let desk = *self;
        if let Err(e) =
            staff_services::on_duty(store.inner(), id, BrowserClock.now(), || desk.stamp()).await
        {
            self.toasts.error(self.explain(&e));
        }
        self.store
            .with_value(|s| s.set_actor(Some(Actor::staff(id, staff))));
        self.clerk.set(staff.name.clone());
        self.session.set(Some(Session {
            staff: id,
            name: staff.name.clone(),
            roles: staff.roles.clone(),
        }));
    }

    /// Locks the screen: nobody is on duty until a PIN is entered.
    pub fn lock(&self) {
        self.store.with_value(|s| s.set_actor(None));
        self.session.set(None);
        self.clerk.set(String::new());
        let desk = *self;
        leptos::task::spawn_local(async move {
            let store = desk.store();
            if let Err(e) = staff_services::off_duty(store.inner(), || desk.stamp()).await {
                desk.toasts.error(desk.explain(&e));
            }
        });
    }

    /// Records activity for the idle lock (kept in IndexedDB at most every 5 s, so a reload
    /// within the idle time resumes the person on duty).
    pub fn touch(&self, force: bool) {
        let Some(staff) = self.session.with_untracked(|s| s.as_ref().map(|s| s.staff)) else {
            return;
        };
        let now = js_sys::Date::now();
        self.last_activity.set_value(now);
        if force || now - self.last_saved_activity.get_value() > 5_000.0 {
            self.last_saved_activity.set_value(now);
            let desk = *self;
            leptos::task::spawn_local(async move {
                let store = desk.store();
                let at = BrowserClock.now();
                if let Err(e) =
                    staff_services::on_duty(store.inner(), staff, at, || desk.stamp()).await
                {
                    desk.toasts.error(desk.explain(&e));
                }
            });
        }
    }

    /// Locks when the person on duty has been idle longer than the set minutes.
    pub fn lock_if_idle(&self) {
        if self.session.with_untracked(|s| s.is_none()) {
            return;
        }
        let idle_ms = f64::from(settings::idle_minutes()) * 60_000.0;
        if js_sys::Date::now() - self.last_activity.get_value() > idle_ms {
            self.lock();
        }
    }

    /// Audits an event that changes no record (a setting, a sign-in).
    pub async fn audit_event(
        &self,
        action: AuditAction,
        what: &str,
        changes: Vec<lobbydesk_core::audit::FieldChange>,
    ) {
        let Some(actor) = self.actor() else { return };
        let at = self.stamp();
        if let Err(e) = self
            .store()
            .record_event(&actor, action, what, changes, at)
            .await
        {
            self.toasts.error(self.explain(&e));
        }
    }

    /// Purges the personal data of the records of `R` past `days` (as the app itself, with the
    /// audit trail redacted and the purge recorded, all in one transaction); the lists refresh
    /// when any went. Errors show as a toast.
    pub async fn purge<R: lobbydesk_core::modules::retention::Retained>(
        &self,
        days: u32,
        now: chrono::DateTime<chrono::Utc>,
    ) {
        match self.store().purge::<R>(days, now, || self.stamp()).await {
            Ok(ids) if !ids.is_empty() => self.changed(),
            Ok(_) => {}
            Err(e) => self.toasts.error(self.explain(&e)),
        }
    }

    /// Audits the settings a save changed, as `(name, before, after)` with the names the module
    /// registrations label (`ModuleSpec::settings`); unchanged ones are left out.
    pub fn settings_changed(&self, changes: Vec<(&'static str, String, String)>) {
        let changes: Vec<lobbydesk_core::audit::FieldChange> = changes
            .into_iter()
            .filter(|(_, b, a)| b != a)
            .map(
                |(field, before, after)| lobbydesk_core::audit::FieldChange {
                    field: field.into(),
                    before,
                    after,
                },
            )
            .collect();
        if changes.is_empty() {
            return;
        }
        let desk = *self;
        leptos::task::spawn_local(async move {
            desk.audit_event(AuditAction::Setting, "settings", changes)
                .await
        });
    }

    /// The time a retention purge may count from (see `visitors::services::purge_time`), or
    /// `None`, with a warning on screen, while this tablet's clock is behind what it wrote.
    pub fn purge_time(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        use chrono::TimeZone;
        use lobbydesk_core::modules::visitors::services::{ClockDoubt, purge_time};
        let now = BrowserClock.now();
        let at = |ms: f64| chrono::Utc.timestamp_millis_opt(ms as i64).single();
        let at_start = !self.purged_once.get_value();
        self.purged_once.set_value(true);
        // Set back: against the latest time seen; far ahead: against the time seen before start.
        let seen = if at_start {
            self.wall_seen_at_start
        } else {
            settings::wall_seen()
        };
        if seen <= 0.0 {
            return Some(now);
        }
        let seen_now = at(settings::wall_seen().max(seen)).unwrap_or(now);
        let lang = self.lang.get_untracked();
        match purge_time(now, seen_now, false)
            .and_then(|_| purge_time(now, at(seen).unwrap_or(now), at_start))
        {
            Ok(t) => Some(t),
            Err(ClockDoubt::Back(hours)) => {
                self.toasts.error(crate::i18n::clock_went_back(lang, hours));
                None
            }
            Err(ClockDoubt::Ahead(days)) => {
                self.toasts
                    .error(crate::i18n::clock_jumped_ahead(lang, days));
                None
            }
        }
    }

    /// Time and a fresh merge version for one write.
    pub fn stamp(&self) -> Stamp {
        let now = BrowserClock.now();
        let version = self
            .hlc
            .with_value(|h| h.borrow_mut().tick(now.timestamp_millis().max(0) as u64));
        // Persist the clock once per task, not once per stamp: a batch of thousands of records
        // (an import) would otherwise write localStorage thousands of times.
        if !self.hlc_save_pending.get_value() {
            self.hlc_save_pending.set_value(true);
            let (hlc, pending) = (self.hlc, self.hlc_save_pending);
            set_timeout(
                move || {
                    pending.set_value(false);
                    hlc.with_value(|h| settings::save_hlc(h.borrow().last()));
                    settings::see_wall(js_sys::Date::now());
                },
                std::time::Duration::ZERO,
            );
        }
        Stamp { now, version }
    }

    /// Moves this tablet's merge clock past a version taken in from another tablet, so what is
    /// written next is newer than everything seen.
    pub fn observe(&self, remote: lobbydesk_core::Hlc) {
        let now = BrowserClock.now().timestamp_millis().max(0) as u64;
        let moved = self
            .hlc
            .with_value(|h| h.borrow_mut().observe(remote, now).is_ok());
        if moved {
            self.hlc
                .with_value(|h| settings::save_hlc(h.borrow().last()));
        }
    }

    pub fn new_id(&self) -> RecordId {
        RecordId(CryptoIds.new_id())
    }

    /// Random bytes for a salt.
    pub fn salt(&self) -> [u8; 16] {
        *CryptoIds.new_id().as_bytes()
    }

    /// Tracks writes: read it in a list's loader so the list reloads after a save.
    pub fn revision(&self) -> u64 {
        self.revision.get()
    }

    /// Tells lists that records changed.
    pub fn changed(&self) {
        self.revision.update(|r| *r += 1);
    }
}

/// The desk provided by the app root.
pub fn use_desk() -> Desk {
    expect_context::<Desk>()
}
