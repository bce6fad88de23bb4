//! Time and id sources, passed into the core so tests are deterministic.
//!
//! The app implements them with the browser's clock and `crypto.getRandomValues`;
//! tests use [`ManualClock`] and [`SeqIds`].

use chrono::{DateTime, TimeZone, Utc};
use std::cell::Cell;
use uuid::Uuid;

/// Wall-clock time.
pub trait Clock {
    fn now(&self) -> DateTime<Utc>;
}

/// New record ids.
pub trait IdSource {
    fn new_id(&self) -> Uuid;
}

/// Builds a random (version 4) UUID from 16 random bytes, for id sources backed by a platform RNG.
pub fn uuid_from_random_bytes(bytes: [u8; 16]) -> Uuid {
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// A clock that only moves when told to.
#[derive(Debug)]
pub struct ManualClock(Cell<DateTime<Utc>>);

impl ManualClock {
    pub fn at_millis(ms: i64) -> Self {
        Self(Cell::new(
            Utc.timestamp_millis_opt(ms).single().unwrap_or_default(),
        ))
    }
    pub fn advance_millis(&self, ms: i64) {
        self.0
            .set(self.0.get() + chrono::Duration::milliseconds(ms));
    }
    pub fn set(&self, t: DateTime<Utc>) {
        self.0.set(t);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.get()
    }
}

/// Sequential, distinct, valid v4-shaped UUIDs: 1, 2, 3, ... in the random bits.
#[derive(Debug, Default)]
pub struct SeqIds(Cell<u64>);

impl SeqIds {
    pub fn starting_at(n: u64) -> Self {
        Self(Cell::new(n))
    }
}

impl IdSource for SeqIds {
    fn new_id(&self) -> Uuid {
        let n = self.0.get() + 1;
        self.0.set(n);
        let mut bytes = [0u8; 16];
        bytes[8..].copy_from_slice(&n.to_be_bytes());
        uuid_from_random_bytes(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seq_ids_are_distinct_v4_uuids() {
        let ids = SeqIds::default();
        let a = ids.new_id();
        let b = ids.new_id();
        assert_ne!(a, b);
        assert_eq!(a.get_version_num(), 4);
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let c = ManualClock::at_millis(1_000);
        assert_eq!(c.now().timestamp_millis(), 1_000);
        c.advance_millis(500);
        assert_eq!(c.now().timestamp_millis(), 1_500);
    }
}
