//! Browser storage failures, mapped to the core's [`StoreError`].

use indexed_db_futures::error::{DomException, Error, OpenDbError};
use lobbydesk_core::StoreError;
use wasm_bindgen::{JsCast, JsValue};

/// Maps an IndexedDB failure to a clerk-facing error. Quota and blocked upgrades get their own
/// variants; everything else keeps the browser's text for the details line.
pub fn from_idb(e: Error) -> StoreError {
    match &e {
        Error::DomException(DomException::Other(d)) if d.name() == "QuotaExceededError" => {
            StoreError::QuotaExceeded
        }
        Error::DomException(DomException::DataCloneError(_)) => StoreError::Failed(e.to_string()),
        _ => {
            let text = e.to_string();
            if text.contains("QuotaExceeded") || text.contains("quota") {
                StoreError::QuotaExceeded
            } else {
                StoreError::Failed(text)
            }
        }
    }
}

pub fn from_open(e: OpenDbError) -> StoreError {
    match e {
        OpenDbError::Base(b) => match from_idb(b) {
            StoreError::Failed(t) => StoreError::Unavailable(t),
            other => other,
        },
        other => StoreError::Unavailable(other.to_string()),
    }
}

/// A raw `JsValue` thrown by a web-sys call.
pub fn from_js(v: JsValue) -> StoreError {
    if let Some(d) = v.dyn_ref::<web_sys::DomException>() {
        if d.name() == "QuotaExceededError" {
            return StoreError::QuotaExceeded;
        }
        return StoreError::Failed(format!("{}: {}", d.name(), d.message()));
    }
    StoreError::Failed(format!("{v:?}"))
}
