//! Staff on duty: people, their roles, PINs (salted PBKDF2-HMAC-SHA256, never stored in clear),
//! the lockout after repeated wrong PINs (growing with each lockout) and who is on duty. The
//! lockouts and the person on duty are records of this tablet in IndexedDB (never exported),
//! written only by the sign-in services: editing localStorage by hand changes neither.

pub use crate::actor::{Role, StaffRef};
use crate::lang::{Lang, Localized};
use crate::record::Record;
use chrono::{DateTime, Duration, Utc};
use pbkdf2::{pbkdf2_hmac_array, sha2::Sha256};
use serde::{Deserialize, Serialize};

/// PBKDF2 rounds for a PIN: about a tenth of a second on a tablet. A 4-6 digit PIN cannot resist
/// an offline search whatever the rounds; what protects it is the lockout and the device.
pub const PIN_ROUNDS: u32 = 60_000;
/// Wrong PINs in a row before the person is locked out.
pub const MAX_FAILURES: u32 = 5;
/// How long the first lockout lasts; each further one in a row lasts twice as long as the one
/// before, up to [`LONGEST_LOCKOUT_HOURS`].
pub fn lockout_duration() -> Duration {
    Duration::minutes(5)
}
/// The longest lockout.
pub const LONGEST_LOCKOUT_HOURS: i64 = 24;

pub mod services;

/// A PIN as typed: 4 to 6 digits. Never stored; only its [`PinHash`] is.
pub struct Pin(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    #[error("a PIN is 4 to 6 digits")]
    BadForm,
    #[error("the two PINs differ")]
    Mismatch,
}

impl Localized for PinError {
    fn message(&self, lang: Lang) -> String {
        match self {
            PinError::BadForm => lang.pick("PIN 为 4 到 6 位数字。", "A PIN is 4 to 6 digits."),
            PinError::Mismatch => lang.pick("两次输入的 PIN 不一致。", "The two PINs differ."),
        }
        .into()
    }
}

impl Pin {
    pub fn parse(s: &str) -> Result<Self, PinError> {
        let s = s.trim();
        if (4..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Pin(s.to_string()))
        } else {
            Err(PinError::BadForm)
        }
    }

    /// A new PIN typed twice.
    pub fn confirmed(a: &str, b: &str) -> Result<Self, PinError> {
        let pin = Pin::parse(a)?;
        if a.trim() != b.trim() {
            return Err(PinError::Mismatch);
        }
        Ok(pin)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A salted PBKDF2-HMAC-SHA256 hash of a PIN.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    pub salt: String,
    pub rounds: u32,
    pub hash: String,
}

impl PinHash {
    /// Hashes with a random 16-byte salt (from the platform's random source).
    pub fn new(pin: &Pin, salt: [u8; 16]) -> Self {
        Self::with_rounds(pin, salt, PIN_ROUNDS)
    }

    pub fn with_rounds(pin: &Pin, salt: [u8; 16], rounds: u32) -> Self {
        let salt = hex(&salt);
        let hash = hex(&pbkdf2_hmac_array::<Sha256, 32>(
            pin.0.as_bytes(),
            salt.as_bytes(),
            rounds,
        ));
        PinHash { salt, rounds, hash }
    }

    /// Whether `pin` is the PIN, compared in constant time.
    pub fn verify(&self, pin: &str) -> bool {
        let got = hex(&pbkdf2_hmac_array::<Sha256, 32>(
            pin.trim().as_bytes(),
            self.salt.as_bytes(),
            self.rounds,
        ));
        got.len() == self.hash.len()
            && got
                .bytes()
                .zip(self.hash.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// A member of staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub pin: PinHash,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StaffError {
    #[error("name is empty or longer than 20 characters")]
    BadName,
    #[error("a person needs at least one role")]
    NoRole,
}

impl Localized for StaffError {
    fn message(&self, lang: Lang) -> String {
        match self {
            StaffError::BadName => lang.pick(
                "请填写姓名(最多20字)。",
                "Enter a name (at most 20 characters).",
            ),
            StaffError::NoRole => lang.pick("请至少选择一个岗位。", "Choose at least one role."),
        }
        .into()
    }
}

pub const ACTIVE_INDEX: &str = "active";

impl Staff {
    pub fn new(name: &str, roles: &[Role], pin: PinHash) -> Result<Self, StaffError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 20 {
            return Err(StaffError::BadName);
        }
        let mut roles = roles.to_vec();
        roles.sort();
        roles.dedup();
        if roles.is_empty() {
            return Err(StaffError::NoRole);
        }
        Ok(Staff {
            name: name.to_string(),
            roles,
            active: true,
            pin,
        })
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

impl Record for Staff {
    const KIND: &'static str = "staff";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        vec![(ACTIVE_INDEX, if self.active { "1" } else { "0" }.into())]
    }
}

/// Wrong-PIN count and lockout of one person on one device (its record's id is the person's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lockout {
    pub failures: u32,
    pub locked_until: Option<DateTime<Utc>>,
    /// Lockouts in a row since the last right PIN: each lasts twice as long as the one before.
    #[serde(default)]
    pub lockouts: u32,
}

impl Record for Lockout {
    const KIND: &'static str = "pin_lockout";
    const SCHEMA: u32 = 1;
}

/// Who is on duty on this tablet and when they last touched it: a reload resumes them only
/// within the idle time. One record ([`ON_DUTY_ID`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnDuty {
    pub staff: crate::record::RecordId,
    pub last_active: DateTime<Utc>,
}

impl Record for OnDuty {
    const KIND: &'static str = "on_duty";
    const SCHEMA: u32 = 1;
}

/// The one on-duty record's id.
pub const ON_DUTY_ID: crate::record::RecordId =
    crate::record::RecordId(uuid::Uuid::from_u128(0x0d07_7));

impl Lockout {
    /// `Some(until)` while locked out.
    pub fn locked(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.locked_until.filter(|u| *u > now)
    }

    /// After a wrong PIN: the fifth in a row locks the person out.
    pub fn failed(self, now: DateTime<Utc>) -> Self {
        let failures = if self.locked_until.is_some_and(|u| u <= now) {
            1
        } else {
            self.failures + 1
        };
        if failures >= MAX_FAILURES {
            let lockouts = self.lockouts + 1;
            let longest = Duration::hours(LONGEST_LOCKOUT_HOURS);
            let doubled = lockout_duration() * 2i32.saturating_pow(lockouts.min(16) - 1);
            Lockout {
                failures,
                locked_until: Some(now + doubled.min(longest)),
                lockouts,
            }
        } else {
            Lockout {
                failures,
                locked_until: None,
                lockouts: self.lockouts,
            }
        }
    }

    /// After the right PIN, or a supervisor's reset.
    pub fn cleared() -> Self {
        Self::default()
    }
}

/// Staff and the audit trail.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "staff",
    zh: "人员与操作记录",
    en: "Staff and audit",
    kinds: &[
        // PIN hashes and salts never leave the tablet in a plain file: a 6-digit PIN falls to a
        // brute force of its hash in hours. Staff travel in encrypted exports only.
        crate::spec::KindSpec::of::<Staff>("staff", crate::actor::Action::MANAGE_STAFF)
            .named("员工", "Staff member")
            .values(|field, value, lang| {
                (field == "roles" || field.starts_with("roles."))
                    .then(|| {
                        crate::actor::Role::ALL.into_iter().find(|r| {
                            serde_json::to_value(r)
                                .ok()
                                .and_then(|v| v.as_str().map(|s| s == value))
                                == Some(true)
                        })
                    })
                    .flatten()
                    .map(|r| r.label(lang).to_string())
            })
            .sealed_only()
            .personal(&[
                ("name", crate::spec::Mask::Name),
                ("pin", crate::spec::Mask::Secret),
            ])
            .labels(&[
                crate::spec::Label::NAME,
                crate::spec::Label::new("roles", "身份", "Role"),
            ]),
        crate::audit::SPEC,
        // This tablet's own: never exported, written only by the sign-in services.
        crate::spec::KindSpec::of::<Lockout>("staff", crate::actor::Action::MANAGE_STAFF)
            .named("PIN 锁定", "PIN lockout")
            .local(),
        crate::spec::KindSpec::of::<OnDuty>("staff", crate::actor::Action::MANAGE_STAFF)
            .named("值班", "On duty")
            .local(),
    ],
    exportable: true,
    settings: &[crate::spec::Label::new(
        "idle_minutes",
        "无操作锁屏(分钟)",
        "Lock after idle (minutes)",
    )],
    demo: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn pins_are_four_to_six_digits() {
        assert!(Pin::parse("1234").is_ok() && Pin::parse("123456").is_ok());
        for bad in ["123", "1234567", "12a4", ""] {
            assert!(Pin::parse(bad).is_err(), "{bad}");
        }
        assert!(matches!(
            Pin::confirmed("1234", "1243"),
            Err(PinError::Mismatch)
        ));
    }

    #[test]
    fn a_pin_verifies_against_its_hash_only() {
        let h = PinHash::with_rounds(&Pin::parse("2468").unwrap(), [7; 16], 1_000);
        assert!(h.verify("2468"));
        assert!(!h.verify("2469"));
        assert!(!h.verify(""));
    }

    #[test]
    fn the_hash_is_salted_and_never_holds_the_pin() {
        let pin = Pin::parse("2468").unwrap();
        let a = PinHash::with_rounds(&pin, [1; 16], 1_000);
        let b = PinHash::with_rounds(&pin, [2; 16], 1_000);
        assert_ne!(a.hash, b.hash);
        let json = serde_json::to_string(&a).unwrap();
        assert!(!json.contains("2468"));
        assert_eq!(a.hash.len(), 64);
    }

    #[test]
    fn the_default_rounds_are_used() {
        let h = PinHash::new(&Pin::parse("1357").unwrap(), [3; 16]);
        assert_eq!(h.rounds, PIN_ROUNDS);
        assert!(h.verify("1357"));
    }

    #[test]
    fn staff_need_a_name_and_a_role() {
        let pin = PinHash::with_rounds(&Pin::parse("1234").unwrap(), [0; 16], 10);
        assert_eq!(
            Staff::new(" ", &[Role::Clerk], pin.clone()),
            Err(StaffError::BadName)
        );
        assert_eq!(
            Staff::new("王芳", &[], pin.clone()),
            Err(StaffError::NoRole)
        );
        let s = Staff::new("王芳", &[Role::Supervisor, Role::Clerk, Role::Clerk], pin).unwrap();
        assert_eq!(s.roles, vec![Role::Clerk, Role::Supervisor]);
    }

    #[test]
    fn five_wrong_pins_in_a_row_lock_out_for_a_while() {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
        let mut l = Lockout::default();
        for _ in 0..4 {
            l = l.failed(t0);
            assert_eq!(l.locked(t0), None);
        }
        l = l.failed(t0);
        assert_eq!(l.locked(t0), Some(t0 + lockout_duration()));
        let later = t0 + lockout_duration() + Duration::seconds(1);
        assert_eq!(l.locked(later), None);
        // After the lockout the count starts again; the next lockout lasts twice as long.
        let mut again = l.failed(later);
        assert_eq!(again.failures, 1);
        for _ in 0..4 {
            again = again.failed(later);
        }
        assert_eq!(again.locked(later), Some(later + lockout_duration() * 2));
        assert_eq!(Lockout::cleared(), Lockout::default());
        // However many, never more than a day.
        let mut many = Lockout {
            lockouts: 30,
            ..Lockout::default()
        };
        for _ in 0..5 {
            many = many.failed(t0);
        }
        assert_eq!(
            many.locked(t0),
            Some(t0 + Duration::hours(LONGEST_LOCKOUT_HOURS))
        );
    }
}
