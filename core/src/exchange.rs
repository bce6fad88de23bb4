//! The export file two desks exchange: one self-describing, versioned JSON document with the
//! exporting device, time, the records (photos and signatures travel inside them) and a SHA-256
//! checksum of the records. Reading a file checks all of it before anything is applied, and every
//! problem has a message a clerk can act on. (Encryption wraps this document; it is done with the
//! browser's WebCrypto by the app.)

use crate::hlc::{Hlc, MAX_FORWARD_DRIFT_MS};
use crate::lang::{Lang, Localized};
use crate::record::{DeviceId, Envelope, RecordError, RecordId};
use crate::registry;
use crate::spec::KindSpec;
use chrono::{DateTime, Utc};
use pbkdf2::sha2::{Digest, Sha256};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

pub const FORMAT: &str = "lobbydesk-export";
/// The newest file format this build writes and reads. Version 2 added `scope`; version 1 files
/// (from the first release) are upgraded as they are read.
pub const FORMAT_VERSION: u32 = 2;
/// The least PBKDF2 work an encrypted file may ask for; files this build writes use exactly it.
pub const MIN_ITERATIONS: u32 = 600_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    pub format: String,
    pub format_version: u32,
    pub office: String,
    pub device: DeviceId,
    pub exported_at: DateTime<Utc>,
    /// Only what changed after this version, when the export was partial.
    pub since: Option<Hlc>,
    /// What the file holds: `all`, `since` (changes since an earlier exchange) or
    /// `module:<name>` (one module and time span).
    pub scope: String,
    pub record_count: usize,
    /// SHA-256 (hex) of the records array exactly as written in the file (from format 2; format
    /// 1 hashed the records as serialised, the same text when written by this app).
    pub checksum: String,
    pub records: Vec<Envelope>,
}

/// SHA-256 of the records' JSON, hex.
pub fn checksum(records: &[Envelope]) -> String {
    hex_sha256(&serde_json::to_vec(records).unwrap_or_default())
}

/// Writes an export file.
pub fn encode(
    office: &str,
    device: DeviceId,
    now: DateTime<Utc>,
    since: Option<Hlc>,
    scope: &str,
    mut records: Vec<Envelope>,
) -> String {
    for r in &mut records {
        // When this tablet received a version is its own bookkeeping.
        r.meta.received = None;
    }
    // The records are serialised once: their text is both hashed and written.
    let body = serde_json::to_string(&records).unwrap_or_default();
    let head = header(
        office,
        device,
        now,
        since,
        scope,
        records.len(),
        &hex_sha256(body.as_bytes()),
    );
    format!("{},\"records\":{body}}}", &head[..head.len() - 1])
}

/// A file's header fields as a JSON object, without the records (they follow as `"records"`).
/// Exports that assemble the records text elsewhere (the app's fast path) use it too.
pub fn header(
    office: &str,
    device: DeviceId,
    now: DateTime<Utc>,
    since: Option<Hlc>,
    scope: &str,
    record_count: usize,
    checksum: &str,
) -> String {
    #[derive(Serialize)]
    struct Head<'a> {
        format: &'a str,
        format_version: u32,
        office: &'a str,
        device: DeviceId,
        exported_at: DateTime<Utc>,
        since: Option<Hlc>,
        scope: &'a str,
        record_count: usize,
        checksum: &'a str,
    }
    serde_json::to_string(&Head {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        office,
        device,
        exported_at: now,
        since,
        scope,
        record_count,
        checksum,
    })
    .unwrap_or_default()
}

pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why a file was refused. Nothing is applied from a refused file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("the file is empty")]
    Empty,
    #[error("not a LobbyDesk export file")]
    NotOurFormat,
    #[error("the file is cut short")]
    Truncated,
    #[error("the checksum does not match the contents")]
    ChecksumMismatch,
    #[error("file format {0} is newer than this app reads")]
    FromTheFuture(u32),
    #[error("the file is encrypted and needs its passphrase")]
    Encrypted,
    #[error("fields are missing: {0}")]
    MissingFields(String),
    #[error("record {0} appears twice in the file")]
    DuplicateId(RecordId),
    #[error("record {index} ({kind}) is not valid: {reason}")]
    InvalidRecord {
        index: usize,
        kind: String,
        reason: String,
    },
    #[error("the passphrase is wrong")]
    WrongPassphrase,
    #[error("the encrypted contents have been altered or damaged")]
    Tampered,
    #[error("the file needs about {need_mb} MB and this tablet has {free_mb} MB free")]
    TooLarge { need_mb: u64, free_mb: u64 },
    #[error("record {0} refers to a photo that is neither in the file nor on this tablet")]
    PhotoMissing(RecordId),
}

impl Localized for FileError {
    fn message(&self, lang: Lang) -> String {
        use FileError::*;
        match (self, lang) {
            (Empty, Lang::Zh) => "文件是空的。".into(),
            (NotOurFormat, Lang::Zh) => "这不是 LobbyDesk 导出的文件。".into(),
            (Truncated, Lang::Zh) => "文件不完整(可能没有复制完),请重新导出或重新复制。".into(),
            (ChecksumMismatch, Lang::Zh) => {
                "文件内容与校验码不符,可能被修改或损坏,已拒绝导入。".into()
            }
            (FromTheFuture(v), Lang::Zh) => {
                format!("文件格式版本 {v} 比本机应用新,请先更新本机 LobbyDesk。")
            }
            (Encrypted, Lang::Zh) => "文件已加密,请输入导出时设置的密码。".into(),
            (MissingFields(f), Lang::Zh) => format!("文件缺少必要内容:{f}。"),
            (DuplicateId(id), Lang::Zh) => format!("文件中记录 {id} 出现了两次,文件有误。"),
            (
                InvalidRecord {
                    index,
                    kind,
                    reason,
                },
                Lang::Zh,
            ) => format!("第 {} 条记录({kind})无效:{reason}。", index + 1),
            (WrongPassphrase, Lang::Zh) => "密码不对,请输入导出时设置的密码。".into(),
            (Tampered, Lang::Zh) => "加密内容被改动或已损坏,已拒绝导入。请重新导出。".into(),
            (PhotoMissing(_), Lang::Zh) => {
                "文件中的记录引用了一张照片,但文件里和本机都没有这张照片(导出可能不完整),已拒绝导入。".into()
            }
            (TooLarge { need_mb, free_mb }, Lang::Zh) => format!(
                "导入这个文件约需 {need_mb} MB 空间,本机只剩 {free_mb} MB。请先导出并清理旧照片。"
            ),
            (e, Lang::En) => crate::lang::sentence(e.to_string()),
        }
    }
}

/// The spec of a kind that travels between tablets (registered, and not local bookkeeping).
fn travelling(kind: &str) -> Option<&'static KindSpec> {
    registry::kind(kind).filter(|k| k.travels)
}

/// Takes the inline pictures of a body written before its kind moved them out into photo records
/// (see [`crate::modules::photos::moved`]), and returns those records: for a record of such a
/// kind, and for a conflict set, whose kept versions may be such bodies. Other records, and
/// current ones, are left as they are. Used on the store when the app opens it
/// ([`crate::layout::upgrade_stale`]) and on every file read.
pub fn take_out_pictures(env: &mut Envelope) -> Result<Vec<Envelope>, String> {
    use crate::modules::photos::moved;
    if env.meta.deleted {
        return Ok(Vec::new());
    }
    if env.meta.kind == crate::conflict::CONFLICT_KIND {
        let mut made = Vec::new();
        if let Some(serde_json::Value::Array(losers)) = env.body.get_mut("losers") {
            for slot in losers.iter_mut() {
                let mut loser: Envelope =
                    serde_json::from_value(slot.clone()).map_err(|e| e.to_string())?;
                let photos = take_out_pictures(&mut loser)?;
                if !photos.is_empty() {
                    *slot = serde_json::to_value(&loser).map_err(|e| e.to_string())?;
                    made.extend(photos);
                }
            }
        }
        return Ok(made);
    }
    match registry::kind(&env.meta.kind) {
        Some(spec) => moved::take_out(spec, env),
        None => Ok(Vec::new()),
    }
}

/// Whether this build knows records of `kind` as ones that travel.
pub fn known_kind(kind: &str) -> bool {
    travelling(kind).is_some()
}

/// A record of a known kind in its current shape, with its index entries derived again.
pub fn reindex(env: &Envelope) -> Result<Envelope, RecordError> {
    match registry::kind(&env.meta.kind) {
        Some(k) => (k.reindex)(env),
        None => Err(RecordError::Unreadable(format!(
            "unknown record kind {}",
            env.meta.kind
        ))),
    }
}

/// Brings an older file up to the current format, step by step.
fn upgrade(value: &mut serde_json::Value, from: u32) {
    let Some(obj) = value.as_object_mut() else {
        return;
    };
    if from < 2 {
        // Version 1 had no scope: a file with `since` held changes since an exchange.
        let scope = if obj.get("since").is_some_and(|s| !s.is_null()) {
            "since"
        } else {
            "all"
        };
        obj.insert("scope".into(), scope.into());
    }
    obj.insert("format_version".into(), FORMAT_VERSION.into());
}

/// Refuses a file that would not fit: an import takes about three times the file's size while it
/// is checked and written. `free` is the browser's quota less its usage, when it says.
pub fn fits(file_len: u64, free: Option<u64>) -> Result<(), FileError> {
    const MB: u64 = 1024 * 1024;
    match free {
        Some(free) if file_len.saturating_mul(3) > free => Err(FileError::TooLarge {
            need_mb: (file_len.saturating_mul(3)).div_ceil(MB),
            free_mb: free / MB,
        }),
        _ => Ok(()),
    }
}

/// An encrypted export: the file says it is encrypted and how, never what is inside. The
/// contents (a whole export file) are AES-256-GCM encrypted under the first 32 bytes of
/// PBKDF2-HMAC-SHA256(passphrase, salt, iterations, 64 bytes); the other 32 bytes are `check`,
/// which tells a wrong passphrase from altered contents without weakening the key (finding
/// them costs the same PBKDF2 work). The sealing itself is WebCrypto's, in the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub format: String,
    pub format_version: u32,
    pub encrypted: bool,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub cipher: String,
    pub iv: String,
    pub check: String,
    pub data: String,
}

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

impl Sealed {
    pub const KDF: &str = "PBKDF2-SHA256";
    pub const CIPHER: &str = "AES-256-GCM";

    pub fn new(salt: &[u8], iv: &[u8], check: &[u8], data: &[u8]) -> Self {
        use base64::Engine;
        Sealed {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            encrypted: true,
            kdf: Self::KDF.into(),
            iterations: MIN_ITERATIONS,
            salt: b64().encode(salt),
            cipher: Self::CIPHER.into(),
            iv: b64().encode(iv),
            check: b64().encode(check),
            data: b64().encode(data),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `(salt, iv, check, data)`, decoded.
    pub fn parts(&self) -> Result<(Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>), FileError> {
        use base64::Engine;
        let d = |s: &str, what: &str| {
            b64()
                .decode(s)
                .map_err(|_| FileError::MissingFields(what.to_string()))
        };
        let parts = (
            d(&self.salt, "salt")?,
            d(&self.iv, "iv")?,
            d(&self.check, "check")?,
            d(&self.data, "data").map_err(|_| FileError::Tampered)?,
        );
        if parts.0.len() < 16 || parts.1.len() != 12 || parts.2.len() != 32 {
            return Err(FileError::MissingFields("salt, iv, check".into()));
        }
        Ok(parts)
    }
}

/// Whether a file is an encrypted export: `Ok(None)` when it is not (read it with [`read`]),
/// an error when it says it is encrypted but its header is not usable.
pub fn sealed(bytes: &[u8]) -> Result<Option<Sealed>, FileError> {
    // Only the start is looked at before parsing: a plain export starts with its header too.
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    if !head.contains("\"encrypted\":true") {
        return Ok(None);
    }
    let s: Sealed = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            FileError::Truncated
        } else {
            FileError::MissingFields(e.to_string())
        }
    })?;
    if s.format != FORMAT {
        return Err(FileError::NotOurFormat);
    }
    if s.format_version > FORMAT_VERSION {
        return Err(FileError::FromTheFuture(s.format_version));
    }
    if s.kdf != Sealed::KDF || s.cipher != Sealed::CIPHER || s.iterations < MIN_ITERATIONS {
        return Err(FileError::MissingFields(format!(
            "{} / {} / {}",
            s.kdf, s.cipher, s.iterations
        )));
    }
    s.parts()?;
    Ok(Some(s))
}

/// A file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub file: ExportFile,
    /// Records of kinds this build does not know, skipped and reported: `kind → count`.
    pub skipped: BTreeMap<String, usize>,
    /// The file is this tablet's own export: importing it changes nothing.
    pub own: bool,
    /// Records dated further ahead of this tablet's clock than any clock may be (the other
    /// tablet's clock was wrong): set aside, not imported, and shown in the preview.
    pub ahead: Vec<(String, RecordId)>,
}

/// Reads and checks a whole file before anything is applied.
pub fn read(bytes: &[u8], this_device: DeviceId, now: DateTime<Utc>) -> Result<Checked, FileError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::Empty);
    }
    // A first pass reads only the header fields (the rest is skipped, not built).
    #[derive(Deserialize)]
    struct Peek {
        format: Option<String>,
        format_version: Option<u64>,
        encrypted: Option<bool>,
    }
    let peek: Peek = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            FileError::Truncated
        } else {
            FileError::NotOurFormat
        }
    })?;
    if peek.format.as_deref() != Some(FORMAT) {
        return Err(FileError::NotOurFormat);
    }
    if peek.encrypted == Some(true) {
        return Err(FileError::Encrypted);
    }
    let version = peek.format_version.unwrap_or(0) as u32;
    if version > FORMAT_VERSION {
        return Err(FileError::FromTheFuture(version));
    }
    let missing = |e: serde_json::Error| FileError::MissingFields(e.to_string());
    let (file, sum) = if version == FORMAT_VERSION {
        // The checksum covers the records exactly as written in the file.
        #[derive(Deserialize)]
        struct Raw {
            format: String,
            format_version: u32,
            office: String,
            device: DeviceId,
            exported_at: DateTime<Utc>,
            since: Option<Hlc>,
            scope: String,
            record_count: usize,
            checksum: String,
            records: Box<serde_json::value::RawValue>,
        }
        let raw: Raw = serde_json::from_slice(bytes).map_err(missing)?;
        let sum = hex_sha256(raw.records.get().as_bytes());
        let records: Vec<Envelope> = serde_json::from_str(raw.records.get()).map_err(missing)?;
        let file = ExportFile {
            format: raw.format,
            format_version: raw.format_version,
            office: raw.office,
            device: raw.device,
            exported_at: raw.exported_at,
            since: raw.since,
            scope: raw.scope,
            record_count: raw.record_count,
            checksum: raw.checksum,
            records,
        };
        (file, sum)
    } else {
        let mut value: serde_json::Value = serde_json::from_slice(bytes).map_err(missing)?;
        upgrade(&mut value, version);
        let file: ExportFile = serde_json::from_value(value).map_err(missing)?;
        let sum = checksum(&file.records);
        (file, sum)
    };
    if file.records.len() != file.record_count {
        return Err(FileError::Truncated);
    }
    if sum != file.checksum {
        return Err(FileError::ChecksumMismatch);
    }
    let mut seen = HashSet::new();
    let mut skipped = BTreeMap::new();
    let limit = (now.timestamp_millis().max(0) as u64).saturating_add(MAX_FORWARD_DRIFT_MS);
    let mut file = file;
    // A file from an older build may hold pictures inline: they become photo records here, the
    // same ones the older tablet makes when it is updated (made from the owner and the picture).
    let mut made: Vec<Envelope> = Vec::new();
    for (index, slot) in file.records.iter_mut().enumerate() {
        let photos = take_out_pictures(slot).map_err(|reason| FileError::InvalidRecord {
            index,
            kind: slot.meta.kind.clone(),
            reason,
        })?;
        for p in photos {
            if !made.iter().any(|m| m.meta.id == p.meta.id) {
                made.push(p);
            }
        }
    }
    file.records.extend(made);
    // A version from a clock far ahead would drag this tablet's clock along: such records are
    // set aside and named in the preview, the rest of the file still imports.
    let mut ahead = Vec::new();
    file.records.retain(|r| {
        let keep = r.meta.version.wall_ms <= limit;
        if !keep {
            ahead.push((r.meta.kind.clone(), r.meta.id));
        }
        keep
    });
    for (index, slot) in file.records.iter_mut().enumerate() {
        let env = &*slot;
        // One record may appear once per head (kept conflicts); the same version twice is an error.
        if !seen.insert((env.meta.kind.clone(), env.meta.id, env.meta.version)) {
            return Err(FileError::DuplicateId(env.meta.id));
        }
        let invalid = |reason: String| FileError::InvalidRecord {
            index,
            kind: env.meta.kind.clone(),
            reason,
        };
        env.check().map_err(|e| invalid(e.to_string()))?;
        match travelling(&env.meta.kind) {
            Some(k) => {
                (k.check)(env).map_err(invalid)?;
                // Index entries are derived here from the body, never taken from the file: a
                // record that left one out would escape the lists and purges that read it.
                let derived = (k.reindex)(env).map_err(|e| invalid(e.to_string()))?;
                slot.index = derived.index;
            }
            None => *skipped.entry(env.meta.kind.clone()).or_insert(0) += 1,
        }
    }
    let own = file.device == this_device;
    Ok(Checked {
        file,
        skipped,
        own,
        ahead,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HlcClock;
    use crate::clock::{Clock, IdSource, ManualClock, SeqIds};
    use crate::modules::memo::Memo;
    use crate::modules::visitors::{Visit, VisitForm};
    use crate::record::{Record, Stamp};

    struct World {
        clock: ManualClock,
        ids: SeqIds,
        hlc: std::cell::RefCell<HlcClock>,
    }

    fn dev(n: u8) -> DeviceId {
        DeviceId::from_bytes([n; 16])
    }

    impl World {
        fn new() -> Self {
            World {
                clock: ManualClock::at_millis(1_764_000_000_000),
                ids: SeqIds::default(),
                hlc: std::cell::RefCell::new(HlcClock::new(dev(1))),
            }
        }
        fn stamp(&self) -> Stamp {
            self.clock.advance_millis(1);
            let now = self.clock.now();
            Stamp {
                now,
                version: self.hlc.borrow_mut().tick(now.timestamp_millis() as u64),
            }
        }
        fn memo(&self, t: &str) -> Envelope {
            Envelope::create(
                &Memo::new(t, "x").unwrap(),
                RecordId(self.ids.new_id()),
                self.stamp(),
            )
            .unwrap()
        }
        fn visit(&self) -> Envelope {
            let v = VisitForm {
                name: "张伟".into(),
                phone: "13800138000".into(),
                id_number: "11010519491231002X".into(),
                host_unit: "3-1-502".into(),
                ..VisitForm::default()
            }
            .parse(self.clock.now(), "x")
            .unwrap();
            Envelope::create(&v, RecordId(self.ids.new_id()), self.stamp()).unwrap()
        }
        fn file(&self, records: Vec<Envelope>) -> String {
            encode("阳光物业", dev(1), self.clock.now(), None, "all", records)
        }
        fn read(&self, s: &str) -> Result<Checked, FileError> {
            read(s.as_bytes(), dev(2), self.clock.now())
        }
    }

    fn edit(s: &str, f: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
        f(&mut v);
        serde_json::to_string(&v).unwrap()
    }

    #[test]
    fn a_file_round_trips_with_its_records() {
        let w = World::new();
        let recs = vec![w.memo("a"), w.visit()];
        let c = w.read(&w.file(recs.clone())).unwrap();
        assert_eq!(c.file.records, recs);
        assert!(!c.own && c.skipped.is_empty());
        assert_eq!(c.file.office, "阳光物业");
    }

    #[test]
    fn an_empty_file_is_refused() {
        let w = World::new();
        assert_eq!(w.read(""), Err(FileError::Empty));
        assert_eq!(w.read(" \n"), Err(FileError::Empty));
    }

    #[test]
    fn a_file_of_another_kind_is_refused() {
        let w = World::new();
        assert_eq!(w.read("<html></html>"), Err(FileError::NotOurFormat));
        assert_eq!(
            w.read(r#"{"format":"something-else","records":[]}"#),
            Err(FileError::NotOurFormat)
        );
        assert_eq!(w.read("[1,2,3]"), Err(FileError::NotOurFormat));
    }

    #[test]
    fn a_truncated_file_is_refused() {
        let w = World::new();
        let f = w.file(vec![w.memo("a"), w.memo("b")]);
        assert_eq!(w.read(&f[..f.len() - 40]), Err(FileError::Truncated));
        let fewer = edit(&f, |v| {
            v["records"].as_array_mut().unwrap().pop();
        });
        assert_eq!(w.read(&fewer), Err(FileError::Truncated));
    }

    #[test]
    fn a_changed_record_fails_the_checksum() {
        let w = World::new();
        let f = w.file(vec![w.memo("a")]);
        let tampered = edit(&f, |v| v["records"][0]["body"]["text"] = "改过".into());
        assert_eq!(w.read(&tampered), Err(FileError::ChecksumMismatch));
    }

    #[test]
    fn a_file_from_a_newer_app_is_refused_with_advice() {
        let w = World::new();
        let f = edit(&w.file(vec![]), |v| v["format_version"] = 9.into());
        let e = w.read(&f).unwrap_err();
        assert_eq!(e, FileError::FromTheFuture(9));
        assert!(e.message(Lang::Zh).contains("更新"));
    }

    #[test]
    fn a_file_from_the_first_release_is_upgraded_not_refused() {
        let w = World::new();
        let m = w.memo("v1 备忘");
        let v1 = edit(&w.file(vec![m.clone()]), |v| {
            v["format_version"] = 1.into();
            v.as_object_mut().unwrap().remove("scope");
        });
        let c = w.read(&v1).unwrap();
        assert_eq!(c.file.format_version, FORMAT_VERSION);
        assert_eq!(c.file.scope, "all");
        assert_eq!(c.file.records, vec![m]);
        // A current file without its scope is missing a field.
        let broken = edit(&w.file(vec![]), |v| {
            v.as_object_mut().unwrap().remove("scope");
        });
        assert!(matches!(w.read(&broken), Err(FileError::MissingFields(f)) if f.contains("scope")));
    }

    #[test]
    fn when_this_tablet_received_a_version_does_not_travel() {
        let w = World::new();
        let mut m = w.memo("relayed");
        m.meta.received = Some(w.stamp().version);
        let c = w.read(&w.file(vec![m.clone()])).unwrap();
        assert_eq!(c.file.records[0].meta.received, None);
        m.meta.received = None;
        assert_eq!(c.file.records[0], m);
    }

    #[test]
    fn a_file_larger_than_the_free_space_is_refused_before_reading() {
        let e = fits(300 * 1024 * 1024, Some(500 * 1024 * 1024)).unwrap_err();
        assert_eq!(
            e,
            FileError::TooLarge {
                need_mb: 900,
                free_mb: 500
            }
        );
        assert!(e.message(Lang::Zh).contains("900 MB"));
        assert!(fits(1024, Some(500 * 1024 * 1024)).is_ok());
        assert!(
            fits(1024, None).is_ok(),
            "a browser that does not say is not refused"
        );
    }

    #[test]
    fn an_encrypted_file_says_so_and_nothing_of_its_contents() {
        let s = Sealed::new(&[1; 16], &[2; 12], &[3; 32], b"ciphertext");
        let json = s.to_json();
        assert!(!json.contains("阳光") && !json.contains("record"));
        assert_eq!(sealed(json.as_bytes()).unwrap(), Some(s.clone()));
        assert_eq!(s.parts().unwrap().3, b"ciphertext");
        let w = World::new();
        assert_eq!(w.read(&json), Err(FileError::Encrypted));
        // A plain export is not sealed.
        assert_eq!(sealed(w.file(vec![]).as_bytes()).unwrap(), None);
    }

    #[test]
    fn a_sealed_file_asking_for_weak_keys_or_cut_short_is_refused() {
        let s = Sealed::new(&[1; 16], &[2; 12], &[3; 32], b"ciphertext");
        let weak = Sealed {
            iterations: 1000,
            ..s.clone()
        };
        assert!(matches!(
            sealed(weak.to_json().as_bytes()),
            Err(FileError::MissingFields(_))
        ));
        let json = s.to_json();
        assert_eq!(
            sealed(&json.as_bytes()[..json.len() - 10]),
            Err(FileError::Truncated)
        );
        let bad_iv = Sealed {
            iv: "AAAA".into(),
            ..s.clone()
        };
        assert!(sealed(bad_iv.to_json().as_bytes()).is_err());
        let newer = Sealed {
            format_version: 7,
            ..s
        };
        assert_eq!(
            sealed(newer.to_json().as_bytes()),
            Err(FileError::FromTheFuture(7))
        );
    }

    #[test]
    fn an_encrypted_file_without_its_passphrase_is_refused() {
        let w = World::new();
        assert_eq!(
            w.read(r#"{"format":"lobbydesk-export","encrypted":true,"ciphertext":"AAAA"}"#),
            Err(FileError::Encrypted)
        );
    }

    #[test]
    fn missing_fields_are_named() {
        let w = World::new();
        let f = edit(&w.file(vec![]), |v| {
            v.as_object_mut().unwrap().remove("device");
        });
        assert!(matches!(w.read(&f), Err(FileError::MissingFields(m)) if m.contains("device")));
    }

    #[test]
    fn the_same_record_twice_is_refused() {
        let w = World::new();
        let m = w.memo("a");
        let f = w.file(vec![m.clone(), m.clone()]);
        assert_eq!(w.read(&f), Err(FileError::DuplicateId(m.meta.id)));
    }

    #[test]
    fn a_record_failing_validation_is_refused_with_its_position() {
        let w = World::new();
        let mut v = w.visit();
        v.body["id_doc"]["number"] = "110105194912310021".into(); // wrong check digit
        let f = w.file(vec![w.memo("ok"), v]);
        let e = w.read(&f).unwrap_err();
        assert!(
            matches!(&e, FileError::InvalidRecord { index: 1, kind, .. } if kind == Visit::KIND),
            "{e:?}"
        );
        assert!(e.message(Lang::Zh).starts_with("第 2 条记录"));
        let mut bad_meta = w.memo("x");
        bad_meta.meta.updated_at = bad_meta.meta.created_at - chrono::Duration::seconds(1);
        assert!(matches!(
            w.read(&w.file(vec![bad_meta])),
            Err(FileError::InvalidRecord { .. })
        ));
    }

    #[test]
    fn a_record_with_kept_conflicts_may_appear_once_per_version() {
        let w = World::new();
        let m = w.memo("a");
        let mut other_side = m.update(&Memo::new("b", "x").unwrap(), w.stamp()).unwrap();
        other_side.meta.history = [(dev(3), 1)].into_iter().collect();
        other_side.meta.device = dev(1);
        assert!(w.read(&w.file(vec![m, other_side])).is_ok());
    }

    #[test]
    fn records_of_unknown_kinds_are_skipped_and_reported() {
        let w = World::new();
        let mut other = w.memo("x");
        other.meta.kind = "a_later_kind".into();
        let c = w.read(&w.file(vec![w.memo("a"), other])).unwrap();
        assert_eq!(c.skipped.get("a_later_kind"), Some(&1));
    }

    #[test]
    fn a_record_dated_far_in_the_future_is_set_aside_and_the_rest_of_the_file_reads() {
        let w = World::new();
        let mut m = w.memo("x");
        m.meta.version.wall_ms += MAX_FORWARD_DRIFT_MS + 60_000;
        let fine = w.memo("y");
        let c = w.read(&w.file(vec![m.clone(), fine.clone()])).unwrap();
        assert_eq!(c.ahead, vec![(m.meta.kind.clone(), m.meta.id)]);
        assert_eq!(c.file.records, vec![fine]);
    }

    #[test]
    fn the_tablets_own_export_is_recognised() {
        let w = World::new();
        let f = w.file(vec![w.memo("a")]);
        assert!(read(f.as_bytes(), dev(1), w.clock.now()).unwrap().own);
    }

    #[test]
    fn a_record_from_a_newer_schema_is_refused() {
        let w = World::new();
        let mut m = w.memo("x");
        m.meta.schema = 99;
        assert!(matches!(
            w.read(&w.file(vec![m])),
            Err(FileError::InvalidRecord { .. })
        ));
    }

    #[test]
    fn index_entries_are_derived_on_import_never_taken_from_the_file() {
        let w = World::new();
        let mut v = w.visit();
        let honest = v.index.clone();
        // A file that leaves out the index the retention purge reads, and adds one of its own.
        v.index.retain(|i| i.name != "personal");
        v.index.push(crate::record::IndexEntry {
            name: "onsite".into(),
            value: "forged".into(),
            sort: 0,
        });
        let checked = w.read(&w.file(vec![v])).unwrap();
        assert_eq!(checked.file.records[0].index, honest);
        assert!(honest.iter().any(|i| i.name == "personal"));
    }

    #[test]
    fn photos_and_signatures_travel_inside_their_records() {
        let w = World::new();
        let mut m = w.memo("x");
        m.body["photo"] = "data:image/jpeg;base64,/9j/4AAQ".into();
        let c = w.read(&w.file(vec![m.clone()])).unwrap();
        assert_eq!(c.file.records[0].body["photo"], m.body["photo"]);
    }
}
