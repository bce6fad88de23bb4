//! Hybrid logical clock: the merge version every record carries.
//!
//! A version is (wall milliseconds, counter, device). Versions from one device strictly increase
//! even when the wall clock stalls or steps back; versions from different devices are totally
//! ordered, ties broken by device id, so every device picking between two versions picks the same.
//! The text form is fixed-width lowercase hex, so sorting the strings sorts the versions
//! (IndexedDB indexes the text form).

use crate::id::DeviceId;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// How far ahead of this device's clock a received version may be before it is refused.
pub const MAX_FORWARD_DRIFT_MS: u64 = 24 * 60 * 60 * 1000;

const COUNTER_MAX: u32 = 0xff_ffff;

/// One version stamp. Ordered by wall time, then counter, then device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
    pub device: DeviceId,
}

impl Hlc {
    /// The smallest version a device can have; the starting point of a new clock.
    pub fn zero(device: DeviceId) -> Self {
        Self {
            wall_ms: 0,
            counter: 0,
            device,
        }
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:012x}-{:06x}-{}",
            self.wall_ms, self.counter, self.device
        )
    }
}

/// Why a version string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a version stamp: {0:?}")]
pub struct HlcParseError(pub String);

impl FromStr for Hlc {
    type Err = HlcParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || HlcParseError(s.chars().take(80).collect());
        let mut parts = s.splitn(3, '-');
        let (Some(w), Some(c), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if w.len() != 12 || c.len() != 6 {
            return Err(bad());
        }
        let wall_ms = u64::from_str_radix(w, 16).map_err(|_| bad())?;
        let counter = u32::from_str_radix(c, 16).map_err(|_| bad())?;
        let device = d.parse::<DeviceId>().map_err(|_| bad())?;
        Ok(Self {
            wall_ms,
            counter,
            device,
        })
    }
}

impl Serialize for Hlc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hlc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A received version was too far ahead of this device's clock to be trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("version {remote} is {ahead_ms} ms ahead of this device's clock")]
pub struct ClockDriftError {
    pub remote: Hlc,
    pub ahead_ms: u64,
}

/// The clock of one device. Keep one per device and persist [`HlcClock::last`] between runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HlcClock {
    last: Hlc,
}

impl HlcClock {
    pub fn new(device: DeviceId) -> Self {
        Self {
            last: Hlc::zero(device),
        }
    }

    /// Resumes from the last version this device issued (or saw).
    pub fn resume(last: Hlc) -> Self {
        Self { last }
    }

    pub fn last(&self) -> Hlc {
        self.last
    }

    pub fn device(&self) -> DeviceId {
        self.last.device
    }

    /// A new version for a local write at wall time `now_ms`: strictly greater than every
    /// version this clock has issued or observed.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        let last = self.last;
        let next = if now_ms > last.wall_ms {
            Hlc {
                wall_ms: now_ms,
                counter: 0,
                device: last.device,
            }
        } else if last.counter < COUNTER_MAX {
            Hlc {
                wall_ms: last.wall_ms,
                counter: last.counter + 1,
                device: last.device,
            }
        } else {
            Hlc {
                wall_ms: last.wall_ms + 1,
                counter: 0,
                device: last.device,
            }
        };
        self.last = next;
        next
    }

    /// Takes in a version received from another device, so later local versions sort after it.
    /// A version more than [`MAX_FORWARD_DRIFT_MS`] ahead of `now_ms` is refused and changes nothing.
    pub fn observe(&mut self, remote: Hlc, now_ms: u64) -> Result<(), ClockDriftError> {
        if remote.wall_ms > now_ms.saturating_add(MAX_FORWARD_DRIFT_MS) {
            return Err(ClockDriftError {
                remote,
                ahead_ms: remote.wall_ms - now_ms,
            });
        }
        if (remote.wall_ms, remote.counter) > (self.last.wall_ms, self.last.counter) {
            self.last = Hlc {
                wall_ms: remote.wall_ms,
                counter: remote.counter,
                device: self.last.device,
            };
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dev(n: u8) -> DeviceId {
        DeviceId::from_bytes([n; 16])
    }

    #[test]
    fn versions_increase_when_the_wall_clock_steps_back() {
        let mut c = HlcClock::new(dev(1));
        let a = c.tick(5_000);
        let b = c.tick(4_000);
        let d = c.tick(4_000);
        assert!(a < b && b < d);
    }

    #[test]
    fn observed_versions_are_overtaken_by_the_next_local_one() {
        let mut c = HlcClock::new(dev(1));
        let remote = Hlc {
            wall_ms: 9_000,
            counter: 7,
            device: dev(2),
        };
        c.observe(remote, 8_000).unwrap();
        let next = c.tick(8_000);
        assert!(next > remote);
        assert_eq!(next.device, dev(1));
    }

    #[test]
    fn a_version_a_day_ahead_is_refused_and_changes_nothing() {
        let mut c = HlcClock::new(dev(1));
        let before = c.last();
        let remote = Hlc {
            wall_ms: 1_000 + MAX_FORWARD_DRIFT_MS + 1,
            counter: 0,
            device: dev(2),
        };
        assert!(c.observe(remote, 1_000).is_err());
        assert_eq!(c.last(), before);
    }

    #[test]
    fn equal_times_are_ordered_by_device() {
        let a = Hlc {
            wall_ms: 1,
            counter: 0,
            device: dev(1),
        };
        let b = Hlc {
            wall_ms: 1,
            counter: 0,
            device: dev(2),
        };
        assert!(a < b);
        assert!(a.to_string() < b.to_string());
    }

    #[test]
    fn garbage_is_not_a_version() {
        for s in [
            "",
            "x",
            "00000000000g-000000-00000000-0000-0000-0000-000000000000",
            "1-2-3",
        ] {
            assert!(s.parse::<Hlc>().is_err(), "{s}");
        }
    }

    proptest! {
        #[test]
        fn text_form_round_trips_and_sorts_like_the_value(
            w1 in 0u64..(1 << 47), c1 in 0u32..=COUNTER_MAX, d1 in any::<[u8; 16]>(),
            w2 in 0u64..(1 << 47), c2 in 0u32..=COUNTER_MAX, d2 in any::<[u8; 16]>(),
        ) {
            let a = Hlc { wall_ms: w1, counter: c1, device: DeviceId::from_bytes(d1) };
            let b = Hlc { wall_ms: w2, counter: c2, device: DeviceId::from_bytes(d2) };
            prop_assert_eq!(a.to_string().parse::<Hlc>().unwrap(), a);
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
        }

        #[test]
        fn ticks_strictly_increase(times in proptest::collection::vec(0u64..10_000, 1..50)) {
            let mut c = HlcClock::new(dev(3));
            let mut prev = c.last();
            for t in times {
                let v = c.tick(t);
                prop_assert!(v > prev);
                prev = v;
            }
        }
    }
}
