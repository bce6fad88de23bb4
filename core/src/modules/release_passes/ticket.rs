//! The pass's QR, signed by the office tablet, for a gate device that never received the pass.
//!
//! When a supervisor approves a pass, the approving tablet signs what the guard must see (the
//! code, the day, the unit, the applicant's masked name, the items, the plate, the gate, who
//! approved) with its own ECDSA P-256 key (WebCrypto, SHA-256; the private key never leaves the
//! tablet). The public key travels to every device as a [`SigningKey`] record, named by its
//! fingerprint ([`key_id`]). The QR reads
//!
//! ```text
//! LDP1.<base64url of the payload's JSON>.<base64url of the 64-byte signature, r then s>
//! ```
//!
//! and the gate checks the signature over exactly the payload's bytes (so no re-encoding can
//! change what was signed), then the day, then its own [`GateCheck`]s: a pass let through at
//! this gate is refused the second time. Verifying is the browser's job (WebCrypto); here is
//! everything around it, tested with RustCrypto's `p256` standing in for WebCrypto.

use super::{Mark, Pass, PassItem, Verdict};
use crate::lang::{Lang, Localized};
use crate::record::{Meta, Record};
use crate::spec::Mask;
use crate::time::{day_key, local_date};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What starts a signed pass's QR.
pub const PREFIX: &str = "LDP1.";

/// What starts the QR of a pass approved before passes were signed (the code only).
pub const CODE_PREFIX: &str = "LDPASS:";

/// The payload is kept under this many bytes (items beyond it are counted, not listed), so the
/// QR stays one a phone camera reads from an A5 slip.
const MAX_PAYLOAD: usize = 320;

/// What the guard sees from the QR alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    /// The signing key's fingerprint.
    #[serde(rename = "k")]
    pub key: String,
    #[serde(rename = "c")]
    pub code: String,
    #[serde(rename = "d")]
    pub date: NaiveDate,
    #[serde(rename = "u", default)]
    pub unit: String,
    /// The applicant's name, masked (张*).
    #[serde(rename = "n", default)]
    pub name: String,
    #[serde(rename = "i")]
    pub items: Vec<PassItem>,
    /// Items on the pass that did not fit in the QR.
    #[serde(rename = "m", default)]
    pub more: u32,
    #[serde(rename = "p", default)]
    pub plate: String,
    #[serde(rename = "g", default)]
    pub gate: String,
    /// Who approved it.
    #[serde(rename = "a", default)]
    pub approver: String,
}

/// Why a QR is not let through on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TicketError {
    /// It starts like a pass's QR but does not read as one.
    Unreadable,
    /// Signed by a key this device has not received (the gate needs the office's data once).
    UnknownKey(String),
    /// The signature does not match: altered, or not issued by this office.
    Forged,
}

impl Localized for TicketError {
    fn message(&self, lang: Lang) -> String {
        match self {
            TicketError::Unreadable => lang
                .pick(
                    "这个二维码读不出放行条,请输入放行码",
                    "This QR does not read as a pass: type the pass code",
                )
                .into(),
            TicketError::UnknownKey(k) => match lang {
                Lang::Zh => format!(
                    "本机不认识这个签章({k}):请先把物业前台的数据导入本机一次,或输入放行码到前台核实"
                ),
                Lang::En => format!(
                    "This device does not know the signature's key ({k}): import the office's data here once, or check the code with the desk"
                ),
            },
            TicketError::Forged => lang
                .pick(
                    "签章不符:二维码被改动过或不是本物业签发的,不能放行",
                    "The signature does not match: the QR was altered or not issued by this office. Do not let through",
                )
                .into(),
        }
    }
}

/// A public key's fingerprint: the first 4 bytes of its SHA-256, in hex.
pub fn key_id(public: &[u8]) -> String {
    Sha256::digest(public)[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Ticket {
    /// What the QR of `pass`, approved by `approver`, says; signed by the key `key`.
    pub fn of(pass: &Pass, key: &str, approver: &str) -> Ticket {
        let mut t = Ticket {
            key: key.to_string(),
            code: pass.code.clone(),
            date: pass.date,
            unit: pass.unit.clone(),
            name: Mask::Name.apply(&pass.name),
            items: pass.items.clone(),
            more: 0,
            plate: pass
                .plate
                .as_ref()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default(),
            gate: pass.gate.clone(),
            approver: approver.to_string(),
        };
        while t.items.len() > 1 && t.payload().len() > MAX_PAYLOAD {
            t.items.pop();
            t.more += 1;
        }
        t
    }

    /// The bytes that are signed.
    pub fn payload(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The QR's text: the payload and its signature.
    pub fn qr_text(payload: &[u8], signature: &[u8]) -> String {
        format!("{PREFIX}{}.{}", B64.encode(payload), B64.encode(signature))
    }

    /// The items as the guard reads them.
    pub fn items_line(&self, lang: Lang) -> String {
        let mut s = self
            .items
            .iter()
            .map(|i| format!("{} × {}", i.what, i.qty))
            .collect::<Vec<_>>()
            .join("、");
        if self.more > 0 {
            s += &match lang {
                Lang::Zh => format!(" 等另 {} 项(见纸质放行条)", self.more),
                Lang::En => format!(" and {} more (see the paper pass)", self.more),
            };
        }
        s
    }
}

/// A QR as read, before its signature is checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Scanned {
    pub payload: Vec<u8>,
    pub signature: Vec<u8>,
    pub ticket: Ticket,
}

/// What a scanned or typed text is.
#[derive(Clone, Debug, PartialEq)]
pub enum Typed {
    /// A signed pass's QR.
    Signed(Scanned),
    /// A pass code (typed, or from an unsigned QR).
    Code(String),
}

/// Reads what the guard scanned or typed.
pub fn read(text: &str) -> Result<Typed, TicketError> {
    let text = text.trim();
    let Some(rest) = text.strip_prefix(PREFIX) else {
        let code = text.strip_prefix(CODE_PREFIX).unwrap_or(text);
        return Ok(Typed::Code(super::normalize_code(code)));
    };
    let (p, s) = rest.split_once('.').ok_or(TicketError::Unreadable)?;
    let payload = B64.decode(p).map_err(|_| TicketError::Unreadable)?;
    let signature = B64.decode(s).map_err(|_| TicketError::Unreadable)?;
    if signature.len() != 64 {
        return Err(TicketError::Unreadable);
    }
    let ticket: Ticket = serde_json::from_slice(&payload).map_err(|_| TicketError::Unreadable)?;
    Ok(Typed::Signed(Scanned {
        payload,
        signature,
        ticket,
    }))
}

/// A tablet's public key for passes, travelling to the gates with the office's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigningKey {
    /// [`key_id`] of `public`.
    pub key: String,
    /// The uncompressed P-256 point (65 bytes), base64url.
    pub public: String,
    /// Who approved the first pass it signed, and when.
    pub made: Mark,
}

impl SigningKey {
    pub fn new(public: &[u8], by: &str, now: DateTime<Utc>) -> SigningKey {
        SigningKey {
            key: key_id(public),
            public: B64.encode(public),
            made: Mark {
                at: now,
                by: by.to_string(),
                note: String::new(),
            },
        }
    }

    /// The public key's bytes, if they are whole and match the fingerprint.
    pub fn public_bytes(&self) -> Option<Vec<u8>> {
        B64.decode(&self.public)
            .ok()
            .filter(|b| b.len() == 65 && key_id(b) == self.key)
    }
}

/// Index names of signing keys and gate checks.
pub mod ix {
    pub const KEY: &str = "key";
    pub const CODE: &str = "code";
    pub const PERSONAL: &str = crate::modules::retention::PERSONAL;
}

impl Record for SigningKey {
    const KIND: &'static str = "pass_signing_key";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        vec![(ix::KEY, self.key.clone())]
    }
}

/// The gate's mark on a pass it knows from the QR alone: let through, or refused with why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateCheck {
    /// What the QR said (the name masked already; the plate until purged).
    pub ticket: Ticket,
    /// Let through (`true`) or refused.
    pub used: bool,
    pub mark: Mark,
    #[serde(default)]
    pub purged: bool,
}

impl Record for GateCheck {
    const KIND: &'static str = "pass_gate_check";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(ix::CODE, self.ticket.code.clone())];
        if !self.purged {
            v.push((ix::PERSONAL, day_key(self.mark.at)));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.mark.at
    }
}

impl crate::modules::retention::Retained for GateCheck {
    fn purge_due(&self, now: DateTime<Utc>, days: u32) -> bool {
        !self.purged && now - self.mark.at >= Duration::days(i64::from(days))
    }
    fn purged(mut self) -> Self {
        self.ticket.name.clear();
        self.ticket.plate.clear();
        self.purged = true;
        self
    }
}

/// What the gate finds for a signed QR whose signature checked, at `now`, given this gate's
/// earlier checks of the same code (any order).
pub fn verdict(ticket: &Ticket, checks: &[GateCheck], now: DateTime<Utc>) -> Verdict {
    if let Some(v) = earlier(checks) {
        return v;
    }
    if local_date(now) != ticket.date {
        return Verdict::WrongDay(ticket.date);
    }
    Verdict::Valid
}

/// The check that counts among the gates' checks of one code: the first use, else the first
/// refusal.
pub fn deciding(checks: &[GateCheck]) -> Option<&GateCheck> {
    let first = |used: bool| {
        checks
            .iter()
            .filter(|c| c.used == used)
            .min_by_key(|c| c.mark.at)
    };
    first(true).or_else(|| first(false))
}

/// Used or refused already, by the gate's checks of one code (the first use wins).
pub fn earlier(checks: &[GateCheck]) -> Option<Verdict> {
    deciding(checks).map(|c| match c.used {
        true => Verdict::Used {
            at: c.mark.at,
            by: c.mark.by.clone(),
        },
        false => Verdict::Refused {
            reason: c.mark.note.clone(),
        },
    })
}

impl Pass {
    /// The pass as the gates left it: an approved pass used or refused from its QR alone (a
    /// check that came back by sync or file) reads as used or refused, with the guard's mark.
    pub fn seen_with(mut self, checks: &[GateCheck]) -> Pass {
        let mine: Vec<GateCheck> = checks
            .iter()
            .filter(|c| c.ticket.code == self.code)
            .cloned()
            .collect();
        if self.state == super::PassState::Approved
            && let Some(c) = deciding(&mine)
        {
            self.state = if c.used {
                super::PassState::Used
            } else {
                super::PassState::Refused
            };
            self.gate_mark = Some(c.mark.clone());
        }
        self
    }
}
