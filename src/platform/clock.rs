//! The core's clock and id sources on the browser: `Date.now()` and `crypto.getRandomValues`.

use chrono::{DateTime, TimeZone, Utc};
use lobbydesk_core::clock::{Clock, IdSource, uuid_from_random_bytes};
use uuid::Uuid;

/// The browser's wall clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(js_sys::Date::now() as i64)
            .single()
            .unwrap_or_default()
    }
}

/// Random v4 UUIDs from the browser's cryptographic random source.
#[derive(Clone, Copy, Debug, Default)]
pub struct CryptoIds;

impl IdSource for CryptoIds {
    fn new_id(&self) -> Uuid {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
            .unwrap_or(false);
        if !filled {
            // No WebCrypto (very old browser): fall back to Math.random, still unique enough for ids.
            for b in bytes.iter_mut() {
                *b = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        uuid_from_random_bytes(bytes)
    }
}

/// 64 random bits from WebCrypto (through [`CryptoIds`]), for codes and receipt numbers.
pub fn random_u64() -> u64 {
    let b = *CryptoIds.new_id().as_bytes();
    // Bytes 6 and 7 carry the UUID's version and variant bits: skipped.
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[8], b[9]])
}
