//! The desk: what every page needs, provided once as context by [`crate::app::App`].
//!
//! ```ignore
//! let desk = use_desk();
//! let at = desk.stamp();                       // time + merge version for a write
//! let id = desk.new_id();
//! desk.store().put(&Envelope::create(&memo, id, at)?).await?;
//! desk.changed();                              // lists that track desk.revision() reload
//! ```

use crate::components::toast::Toasts;
use crate::i18n::{Lang, Msg};
use crate::platform::clock::{BrowserClock, CryptoIds};
use crate::platform::pwa::Pwa;
use crate::platform::{online, settings};
use crate::storage::IdbStore;
use leptos::prelude::*;
use lobbydesk_core::clock::{Clock, IdSource};
use lobbydesk_core::{DeviceId, HlcClock, Localized, RecordId, Stamp};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Copy)]
pub struct Desk {
    pub lang: RwSignal<Lang>,
    /// Name of the clerk on duty; new records carry it.
    pub clerk: RwSignal<String>,
    pub online: ReadSignal<bool>,
    /// Whether the browser granted persistent storage (`None`: unknown or not asked yet).
    pub persisted: RwSignal<Option<bool>>,
    pub pwa: Pwa,
    pub toasts: Toasts,
    pub device: DeviceId,
    /// Bumped after every write, so lists reload.
    revision: RwSignal<u64>,
    store: StoredValue<Rc<IdbStore>, LocalStorage>,
    hlc: StoredValue<RefCell<HlcClock>, LocalStorage>,
}

impl Desk {
    pub fn new(store: IdbStore) -> Self {
        let device = settings::device_id(&CryptoIds);
        Desk {
            lang: RwSignal::new(settings::lang()),
            clerk: RwSignal::new(settings::clerk()),
            online: online::online_signal(),
            persisted: RwSignal::new(None),
            pwa: Pwa::start(),
            toasts: Toasts::new(),
            device,
            revision: RwSignal::new(0),
            store: StoredValue::new_local(Rc::new(store)),
            hlc: StoredValue::new_local(RefCell::new(settings::hlc(device))),
        }
    }

    /// A UI string in the current language (tracks the language signal).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A UI string as a signal, for views: every text shares this one type, which keeps the
    /// wasm small (a closure per text would be compiled into its own render code).
    pub fn tr(&self, msg: Msg) -> Signal<&'static str> {
        let lang = self.lang;
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

    pub fn store(&self) -> Rc<IdbStore> {
        self.store.get_value()
    }

    /// Time and a fresh merge version for one write.
    pub fn stamp(&self) -> Stamp {
        let now = BrowserClock.now();
        let version = self
            .hlc
            .with_value(|h| h.borrow_mut().tick(now.timestamp_millis().max(0) as u64));
        settings::save_hlc(version);
        Stamp { now, version }
    }

    pub fn new_id(&self) -> RecordId {
        RecordId(CryptoIds.new_id())
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
