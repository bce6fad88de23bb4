//! Per-device settings in localStorage (gloo-storage): language, clerk on duty, device id, and
//! the last merge version this device issued. Records never live here; they are in IndexedDB.

use gloo_storage::{LocalStorage, Storage};
use lobbydesk_core::clock::IdSource;
use lobbydesk_core::{DeviceId, Hlc, HlcClock, Lang};

const LANG: &str = "lobbydesk.lang";
const CLERK: &str = "lobbydesk.clerk";
const DEVICE: &str = "lobbydesk.device";
const HLC: &str = "lobbydesk.hlc";

pub fn lang() -> Lang {
    LocalStorage::get(LANG).unwrap_or_default()
}

pub fn set_lang(lang: Lang) -> Result<(), String> {
    LocalStorage::set(LANG, lang).map_err(|e| e.to_string())
}

pub fn clerk() -> String {
    LocalStorage::get(CLERK).unwrap_or_default()
}

pub fn set_clerk(name: &str) -> Result<(), String> {
    LocalStorage::set(CLERK, name).map_err(|e| e.to_string())
}

/// This device's id, created on first start.
pub fn device_id(ids: &impl IdSource) -> DeviceId {
    let stored: Option<String> = LocalStorage::get(DEVICE).ok();
    if let Some(id) = stored.and_then(|s| s.parse().ok()) {
        return id;
    }
    let id = DeviceId(ids.new_id());
    let _ = LocalStorage::set(DEVICE, id.to_string());
    id
}

/// The device's merge clock, resumed from the last version it issued.
pub fn hlc(device: DeviceId) -> HlcClock {
    let stored: Option<String> = LocalStorage::get(HLC).ok();
    match stored.and_then(|s| s.parse::<Hlc>().ok()) {
        Some(last) if last.device == device => HlcClock::resume(last),
        _ => HlcClock::new(device),
    }
}

pub fn save_hlc(last: Hlc) {
    let _ = LocalStorage::set(HLC, last.to_string());
}
