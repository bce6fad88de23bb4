//! The record model every module shares.
//!
//! A stored record is an [`Envelope`]: the module's own data as JSON (`body`), the [`Meta`] every
//! record carries (id, times, writing device, merge version, schema version, tombstone flag), and
//! the index entries the store keeps it under. Modules define plain structs that implement
//! [`Record`]; [`Envelope::create`], [`Envelope::update`] and [`Envelope::tombstone`] are the only
//! ways to stamp one, so the meta is always consistent.

use crate::hlc::Hlc;
pub use crate::id::{DeviceId, RecordId};
use crate::lang::{Lang, Localized};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Name of the index every live record is listed under, newest first.
pub const RECENT_INDEX: &str = "recent";

/// What every record carries besides its own data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The record type, e.g. `"memo"`, `"visit"`.
    pub kind: String,
    pub id: RecordId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The device that wrote this version.
    pub device: DeviceId,
    /// Merge version: the newer one wins on import.
    pub version: Hlc,
    /// Schema version of `body`, for migrating old files and records.
    pub schema: u32,
    /// A tombstone: the record was deleted; its body is gone, its id stays so the delete syncs.
    #[serde(default)]
    pub deleted: bool,
    /// The person on duty who wrote this version (set by the guarded store).
    #[serde(default)]
    pub by: Option<crate::actor::StaffRef>,
    /// How many edits of this record each device has made, up to this version: the record's
    /// history, which tells an older version from a concurrent one on import (see `merge`).
    #[serde(default)]
    pub history: std::collections::BTreeMap<DeviceId, u64>,
    /// When this device stored this version, when that was after the version was made (an
    /// import): the order in which "what changed since" walks records, so a version relayed
    /// from a third tablet is still sent on. Local bookkeeping; a receiving tablet sets its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Hlc>,
}

impl Meta {
    /// The history after one more edit by `device`.
    fn next_history(&self, device: DeviceId) -> std::collections::BTreeMap<DeviceId, u64> {
        let mut h = self.history.clone();
        *h.entry(device).or_insert(0) += 1;
        h
    }
}

/// One entry of a record in a store index: listed under `name` with `value`, ordered by `sort`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub name: String,
    pub value: String,
    /// Milliseconds since the epoch; larger is newer.
    pub sort: i64,
}

/// A stored record: meta, the module's data as JSON, and its index entries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub meta: Meta,
    /// The module's record as JSON; `null` on a tombstone.
    pub body: serde_json::Value,
    /// Derived from `body` by [`Record::index_values`]; empty on a tombstone (it is listed nowhere).
    #[serde(default)]
    pub index: Vec<IndexEntry>,
}

/// A module's record type.
///
/// ```
/// use lobbydesk_kernel::record::{Meta, Record};
/// #[derive(Clone, serde::Serialize, serde::Deserialize)]
/// struct Note { text: String }
/// impl Record for Note {
///     const KIND: &'static str = "note";
///     const SCHEMA: u32 = 1;
///     fn index_values(&self) -> Vec<(&'static str, String)> { vec![("text", self.text.clone())] }
/// }
/// ```
pub trait Record: Serialize + DeserializeOwned + Clone {
    /// The record type's name in the store and in export files. Never change it.
    const KIND: &'static str;
    /// Current schema version of this type's JSON.
    const SCHEMA: u32;
    /// Secondary index entries `(index name, value)`. Every live record is also listed under
    /// [`RECENT_INDEX`] with an empty value.
    fn index_values(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
    /// The time lists order this record by (newest first); the creation time unless overridden.
    fn sort_time(&self, meta: &Meta) -> DateTime<Utc> {
        meta.created_at
    }
    /// Version of this type's index entries: raise it when `index_values` changes, and stores
    /// re-index the kind's records when they open ([`Envelope::upgraded`]).
    const INDEXES: u32 = 1;
    /// Brings a body written at schema `from` (older than [`Record::SCHEMA`]) to the current
    /// shape. Called by [`Envelope::decode`]; the default knows no older shape.
    fn upgrade(body: &mut serde_json::Value, from: u32) -> Result<(), String> {
        let _ = (body, from);
        Ok(())
    }
}

/// The time and version of one write, taken from the device's clock and [`crate::HlcClock`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub now: DateTime<Utc>,
    pub version: Hlc,
}

/// Why a record could not be stamped, stored or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("record type mismatch: expected {expected}, found {found}")]
    WrongKind { expected: String, found: String },
    #[error("record {0} is deleted")]
    Deleted(RecordId),
    #[error("record data could not be read: {0}")]
    Unreadable(String),
    #[error("record schema {found} is newer than this app understands ({supported})")]
    FutureSchema { found: u32, supported: u32 },
    #[error("record meta is inconsistent: {0}")]
    BadMeta(String),
}

impl Localized for RecordError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (RecordError::WrongKind { expected, found }, Lang::Zh) => {
                format!("记录类型不符:应为 {expected},实为 {found}")
            }
            (RecordError::Deleted(_), Lang::Zh) => "这条记录已被删除。".into(),
            (RecordError::Unreadable(e), Lang::Zh) => format!("记录内容无法读取:{e}"),
            (RecordError::FutureSchema { .. }, Lang::Zh) => {
                "这条记录来自更新版本的 LobbyDesk,请先更新本机应用。".into()
            }
            (RecordError::BadMeta(e), Lang::Zh) => format!("记录的元数据不一致:{e}"),
            (RecordError::Deleted(_), Lang::En) => "This record has been deleted.".into(),
            (RecordError::FutureSchema { .. }, Lang::En) => {
                "This record comes from a newer LobbyDesk; update the app on this tablet first."
                    .into()
            }
            (e, Lang::En) => {
                let s = e.to_string();
                let mut c = s.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        }
    }
}

impl Envelope {
    /// Stamps a new record.
    pub fn create<R: Record>(rec: &R, id: RecordId, at: Stamp) -> Result<Self, RecordError> {
        let meta = Meta {
            kind: R::KIND.to_string(),
            id,
            created_at: at.now,
            updated_at: at.now,
            device: at.version.device,
            version: at.version,
            schema: R::SCHEMA,
            deleted: false,
            by: None,
            history: [(at.version.device, 1)].into_iter().collect(),
            received: None,
        };
        Self::with_body(meta, rec)
    }

    /// Stamps a new version of an existing record; id and creation time are kept.
    pub fn update<R: Record>(&self, rec: &R, at: Stamp) -> Result<Self, RecordError> {
        self.expect_kind(R::KIND)?;
        if self.meta.deleted {
            return Err(RecordError::Deleted(self.meta.id));
        }
        let meta = Meta {
            updated_at: at.now,
            device: at.version.device,
            version: at.version,
            schema: R::SCHEMA,
            history: self.meta.next_history(at.version.device),
            received: None,
            ..self.meta.clone()
        };
        Self::with_body(meta, rec)
    }

    /// The deleted version of this record: no body, no index entries, a newer version.
    pub fn tombstone(&self, at: Stamp) -> Self {
        Envelope {
            meta: Meta {
                updated_at: at.now,
                device: at.version.device,
                version: at.version,
                deleted: true,
                history: self.meta.next_history(at.version.device),
                received: None,
                ..self.meta.clone()
            },
            body: serde_json::Value::Null,
            index: Vec::new(),
        }
    }

    /// The same version with its body read as `R` and its index entries derived again (after a
    /// body was put together field by field, e.g. when a conflict is resolved).
    pub fn reindexed<R: Record>(&self) -> Result<Self, RecordError> {
        let rec: R = self.decode()?;
        Self::with_body(self.meta.clone(), &rec)
    }

    /// This record's place in the order of local changes: when this device got this version
    /// (received, else made), then kind and id. Fixed-width and text-sortable; stores keep an
    /// index on it for exports of what changed since an earlier exchange.
    pub fn change_key(&self) -> String {
        let m = &self.meta;
        format!("{}|{}|{}", m.received.unwrap_or(m.version), m.kind, m.id)
    }

    /// Reads the module's record back.
    pub fn decode<R: Record>(&self) -> Result<R, RecordError> {
        self.expect_kind(R::KIND)?;
        if self.meta.deleted {
            return Err(RecordError::Deleted(self.meta.id));
        }
        if self.meta.schema > R::SCHEMA {
            return Err(RecordError::FutureSchema {
                found: self.meta.schema,
                supported: R::SCHEMA,
            });
        }
        if self.meta.schema < R::SCHEMA {
            let mut body = self.body.clone();
            R::upgrade(&mut body, self.meta.schema).map_err(RecordError::Unreadable)?;
            return R::deserialize(&body).map_err(|e| RecordError::Unreadable(e.to_string()));
        }
        R::deserialize(&self.body).map_err(|e| RecordError::Unreadable(e.to_string()))
    }

    /// The same version in the current shape: the body upgraded to [`Record::SCHEMA`] and the
    /// index entries derived again. Not a new edit: meta (version, history) stays as it was, so
    /// every tablet upgrading the same version gets the same record.
    pub fn upgraded<R: Record>(&self) -> Result<Self, RecordError> {
        if self.meta.deleted {
            return Ok(self.clone());
        }
        let rec: R = self.decode()?;
        let meta = Meta {
            schema: R::SCHEMA,
            ..self.meta.clone()
        };
        Self::with_body(meta, &rec)
    }

    /// Checks what a store relies on: a kind, consistent times, and no index entries on a tombstone.
    pub fn check(&self) -> Result<(), RecordError> {
        let m = &self.meta;
        if m.kind.is_empty() || m.kind.len() > 64 {
            return Err(RecordError::BadMeta(
                "kind must be 1 to 64 characters".into(),
            ));
        }
        if m.updated_at < m.created_at {
            return Err(RecordError::BadMeta("updated before it was created".into()));
        }
        if m.device != m.version.device {
            return Err(RecordError::BadMeta(
                "device differs from the version's device".into(),
            ));
        }
        if m.deleted && !self.index.is_empty() {
            return Err(RecordError::BadMeta(
                "a deleted record cannot be indexed".into(),
            ));
        }
        Ok(())
    }

    fn expect_kind(&self, kind: &str) -> Result<(), RecordError> {
        if self.meta.kind == kind {
            Ok(())
        } else {
            Err(RecordError::WrongKind {
                expected: kind.into(),
                found: self.meta.kind.clone(),
            })
        }
    }

    fn with_body<R: Record>(meta: Meta, rec: &R) -> Result<Self, RecordError> {
        let body = serde_json::to_value(rec).map_err(|e| RecordError::Unreadable(e.to_string()))?;
        let sort = rec.sort_time(&meta).timestamp_millis();
        let mut index = vec![IndexEntry {
            name: RECENT_INDEX.into(),
            value: String::new(),
            sort,
        }];
        index.extend(
            rec.index_values()
                .into_iter()
                .map(|(name, value)| IndexEntry {
                    name: name.into(),
                    value,
                    sort,
                }),
        );
        Ok(Envelope { meta, body, index })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Clock, IdSource, ManualClock, SeqIds};
    use crate::hlc::HlcClock;

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Note {
        text: String,
    }
    impl Record for Note {
        const KIND: &'static str = "note";
        const SCHEMA: u32 = 2;
        fn index_values(&self) -> Vec<(&'static str, String)> {
            vec![("text", self.text.clone())]
        }
    }

    fn setup() -> (ManualClock, SeqIds, HlcClock) {
        (
            ManualClock::at_millis(1_700_000_000_000),
            SeqIds::default(),
            HlcClock::new(DeviceId::from_bytes([7; 16])),
        )
    }

    fn stamp(c: &ManualClock, h: &mut HlcClock) -> Stamp {
        let now = c.now();
        Stamp {
            now,
            version: h.tick(now.timestamp_millis() as u64),
        }
    }

    #[test]
    fn a_created_record_reads_back_and_is_indexed() {
        let (c, ids, mut h) = setup();
        let e = Envelope::create(
            &Note {
                text: "钥匙".into(),
            },
            RecordId(ids.new_id()),
            stamp(&c, &mut h),
        )
        .unwrap();
        assert_eq!(e.decode::<Note>().unwrap().text, "钥匙");
        assert_eq!(e.meta.schema, 2);
        assert!(e.index.iter().any(|i| i.name == RECENT_INDEX));
        assert!(
            e.index
                .iter()
                .any(|i| i.name == "text" && i.value == "钥匙")
        );
        e.check().unwrap();
    }

    #[test]
    fn an_update_keeps_id_and_creation_and_gets_a_newer_version() {
        let (c, ids, mut h) = setup();
        let e = Envelope::create(
            &Note { text: "a".into() },
            RecordId(ids.new_id()),
            stamp(&c, &mut h),
        )
        .unwrap();
        c.advance_millis(10);
        let u = e
            .update(&Note { text: "b".into() }, stamp(&c, &mut h))
            .unwrap();
        assert_eq!(u.meta.id, e.meta.id);
        assert_eq!(u.meta.created_at, e.meta.created_at);
        assert!(u.meta.version > e.meta.version);
        assert!(u.meta.updated_at > e.meta.updated_at);
    }

    #[test]
    fn a_tombstone_has_no_body_no_index_and_cannot_be_decoded_or_updated() {
        let (c, ids, mut h) = setup();
        let e = Envelope::create(
            &Note { text: "a".into() },
            RecordId(ids.new_id()),
            stamp(&c, &mut h),
        )
        .unwrap();
        let t = e.tombstone(stamp(&c, &mut h));
        assert!(t.meta.deleted && t.index.is_empty() && t.body.is_null());
        assert!(t.meta.version > e.meta.version);
        assert_eq!(t.decode::<Note>(), Err(RecordError::Deleted(e.meta.id)));
        assert!(
            t.update(&Note { text: "x".into() }, stamp(&c, &mut h))
                .is_err()
        );
        t.check().unwrap();
    }

    #[test]
    fn a_record_from_a_newer_schema_is_refused_with_a_message() {
        let (c, ids, mut h) = setup();
        let mut e = Envelope::create(
            &Note { text: "a".into() },
            RecordId(ids.new_id()),
            stamp(&c, &mut h),
        )
        .unwrap();
        e.meta.schema = 9;
        let err = e.decode::<Note>().unwrap_err();
        assert!(err.message(Lang::Zh).contains("更新"));
        assert!(err.message(Lang::En).contains("newer"));
    }

    #[test]
    fn decoding_as_the_wrong_type_is_refused() {
        #[derive(Clone, Serialize, Deserialize)]
        struct Other;
        impl Record for Other {
            const KIND: &'static str = "other";
            const SCHEMA: u32 = 1;
        }
        let (c, ids, mut h) = setup();
        let e = Envelope::create(
            &Note { text: "a".into() },
            RecordId(ids.new_id()),
            stamp(&c, &mut h),
        )
        .unwrap();
        assert!(matches!(
            e.decode::<Other>(),
            Err(RecordError::WrongKind { .. })
        ));
    }

    #[test]
    fn inconsistent_meta_fails_the_check() {
        let (c, ids, mut h) = setup();
        let mut e = Envelope::create(
            &Note { text: "a".into() },
            RecordId(ids.new_id()),
            stamp(&c, &mut h),
        )
        .unwrap();
        e.meta.updated_at = e.meta.created_at - chrono::Duration::seconds(1);
        assert!(e.check().is_err());
        let mut e2 = e.clone();
        e2.meta.updated_at = e2.meta.created_at;
        e2.meta.kind = String::new();
        assert!(e2.check().is_err());
    }

    #[test]
    fn envelopes_round_trip_through_json() {
        let (c, ids, mut h) = setup();
        let e = Envelope::create(
            &Note {
                text: "快递".into(),
            },
            RecordId(ids.new_id()),
            stamp(&c, &mut h),
        )
        .unwrap();
        let s = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<Envelope>(&s).unwrap(), e);
    }
}
