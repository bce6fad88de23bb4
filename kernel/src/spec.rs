//! Record-kind specs: what the desk-wide services (exchange, permissions, sync scopes, audit,
//! CSV, demo data) need to know of a kind, declared once beside the kind's record type. The
//! kernel defines the shape; the core's registry lists every module's specs; nothing else lists
//! kinds by hand.

use crate::actor::Action;
use crate::id::RecordId;
use crate::lang::Lang;
use crate::record::{Envelope, Record, RecordError};

/// How a personal field is masked in lists, CSV and audit entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mask {
    /// Keeps the first character: 张**.
    Name,
    /// Keeps the first 3 and last 4 digits: 138****8000.
    Phone,
    /// Keeps the last 4 characters of a document number.
    IdNumber,
    /// Keeps the first 2 characters of a plate: 京A*****.
    Plate,
    /// Shows nothing (PIN hashes and salts).
    Secret,
    /// Free text that may hold anything personal: kept, and cleared by retention purges.
    Text,
}

impl Mask {
    /// The masked form of `value`.
    pub fn apply(self, value: &str) -> String {
        let chars: Vec<char> = value.chars().collect();
        let n = chars.len();
        let tail = |k: usize| chars[n - k..].iter().collect::<String>();
        if value.is_empty() {
            return String::new();
        }
        match self {
            Mask::Secret => "••••".into(),
            Mask::Phone if n > 7 => {
                format!("{}****{}", chars[..3].iter().collect::<String>(), tail(4))
            }
            Mask::Phone => "*".repeat(n),
            Mask::IdNumber if n > 4 => format!("{}{}", "*".repeat(n - 4), tail(4)),
            Mask::IdNumber => "*".repeat(n),
            Mask::Plate => format!(
                "{}{}",
                chars.iter().take(2).collect::<String>(),
                "*".repeat(n.saturating_sub(2))
            ),
            Mask::Name => format!("{}{}", chars[0], "*".repeat(n - 1)),
            Mask::Text => value.to_string(),
        }
    }
}

/// A field path in a record's body, its segments joined by dots: `"phone"`, `"id_doc.number"`,
/// `"vehicles.*.plate"` (`*` is any one segment: a map key or a list position). A path names
/// the field and everything below it (`"host"` covers `"host.person"`).
pub type FieldPath = &'static str;

/// Whether `field` (a flattened path like `"host.person"` or `"phones.0"`) is `path` or lies
/// below it.
pub fn covers(path: &str, field: &str) -> bool {
    let mut f = field.split('.');
    path.split('.')
        .all(|p| f.next().is_some_and(|s| p == "*" || p == s))
}

/// A field's name as a clerk reads it, in both languages.
#[derive(Clone, Copy, Debug)]
pub struct Label {
    pub field: FieldPath,
    pub zh: &'static str,
    pub en: &'static str,
}

/// A kind's list as a CSV file for Excel (written by the kind's module).
#[derive(Clone, Copy)]
pub struct Csv {
    /// The choice's value and the file name's part (`visits`).
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// An index whose values are day keys (`2026-11-27`), to read a date span without a full
    /// scan; `None`: every record of the kind.
    pub day_index: Option<&'static str>,
    /// The time a record falls in a date span by; `None`: the list ignores dates.
    pub when: fn(&Envelope) -> Option<chrono::DateTime<chrono::Utc>>,
    /// The file's bytes, rows in the order given; ID numbers in full only when asked.
    pub write: fn(&[Envelope], Lang, bool) -> Vec<u8>,
}

impl Csv {
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

impl Label {
    pub const fn new(field: FieldPath, zh: &'static str, en: &'static str) -> Self {
        Label { field, zh, en }
    }
    /// Labels many kinds share.
    pub const NAME: Label = Label::new("name", "姓名", "Name");
    pub const PHONE: Label = Label::new("phone", "电话", "Phone");
    pub const PLATE: Label = Label::new("plate", "车牌", "Plate");
    pub const ID_DOC: Label = Label::new("id_doc", "证件", "ID");
    pub const NOTES: Label = Label::new("notes", "备注", "Notes");
}

/// Everything the desk-wide services know of one record kind.
#[derive(Clone, Copy)]
pub struct KindSpec {
    /// The kind's name in the store and in files ([`Record::KIND`]).
    pub kind: &'static str,
    /// The module it belongs to (its slug), for previews and partial exports.
    pub module: &'static str,
    /// What the clerk calls one (Chinese, English), as the audit trail names it.
    pub name: (&'static str, &'static str),
    /// What writing one needs.
    pub write: Action,
    /// What reading one needs, if anything beyond being signed in.
    pub read: Option<Action>,
    /// Whether it travels in export files (false: this tablet's own bookkeeping).
    pub travels: bool,
    /// Personal fields and how each is masked; purged by retention where the module purges.
    pub personal: &'static [(FieldPath, Mask)],
    /// Fields holding images or signatures: never copied into audit entries. Only the photo
    /// kind holds pictures; every other kind refers to photo records ([`KindSpec::photos`]).
    pub blobs: &'static [FieldPath],
    /// Fields that held pictures inline in bodies written before schema `.0`: such a body, read
    /// from the store or from a file, has them taken out into photo records first.
    pub moved_pictures: (u32, &'static [FieldPath]),
    /// Field names for the conflict list and CSV headers.
    pub labels: &'static [Label],
    /// A recorded value as words (`visit` → 拜访 for a visit's purpose): the audit trail shows
    /// codes of the kind's enumerations through this; `None` leaves the value as recorded.
    pub values: fn(&str, &str, Lang) -> Option<String>,
    /// Checks an imported version: readable as this kind, and valid.
    pub check: fn(&Envelope) -> Result<(), String>,
    /// The version in the current shape with its index entries derived again.
    pub reindex: fn(&Envelope) -> Result<Envelope, RecordError>,
    /// Version of the kind's body shape and of its index entries: a store whose records were
    /// written under other versions re-indexes them.
    pub layout: (u32, u32),
    /// The photo records a version refers to (they travel with it).
    pub photos: fn(&Envelope) -> Vec<RecordId>,
    /// Its list as a CSV file, if it has one.
    pub csv: Option<Csv>,
    /// Written once, never changed or removed (audit entries): an import may add new ones only.
    pub append_only: bool,
    /// Carries secrets (PIN hashes): travels only in encrypted files, never in a plain one.
    pub sealed_only: bool,
}

fn check_as<R: Record>(env: &Envelope) -> Result<(), String> {
    if env.meta.deleted {
        return Ok(());
    }
    env.decode::<R>().map(|_| ()).map_err(|e| e.to_string())
}

fn no_words(_: &str, _: &str, _: Lang) -> Option<String> {
    None
}

fn no_photos(_: &Envelope) -> Vec<RecordId> {
    Vec::new()
}

impl KindSpec {
    /// The spec of `R` in `module`, written with `write`; travels, nothing personal, no photos.
    /// Refine it with the builder methods below.
    pub const fn of<R: Record>(module: &'static str, write: Action) -> Self {
        KindSpec {
            kind: R::KIND,
            module,
            name: (R::KIND, R::KIND),
            write,
            read: None,
            travels: true,
            personal: &[],
            blobs: &[],
            moved_pictures: (0, &[]),
            labels: &[],
            values: no_words,
            check: check_as::<R>,
            reindex: Envelope::upgraded::<R>,
            layout: (R::SCHEMA, R::INDEXES),
            photos: no_photos,
            csv: None,
            append_only: false,
            sealed_only: false,
        }
    }
    /// What the clerk calls one record of the kind, in Chinese and English.
    pub const fn named(mut self, zh: &'static str, en: &'static str) -> Self {
        self.name = (zh, en);
        self
    }
    /// Travels only in encrypted files (it carries secrets such as PIN hashes).
    pub const fn sealed_only(mut self) -> Self {
        self.sealed_only = true;
        self
    }
    /// Whether a record of this kind goes into an export file, `sealed` or plain.
    pub fn goes_into(&self, sealed: bool) -> bool {
        self.travels && (sealed || !self.sealed_only)
    }
    /// Written once, never changed or removed by anyone, a file included.
    pub const fn append_only(mut self) -> Self {
        self.append_only = true;
        self
    }
    pub const fn csv(mut self, csv: Csv) -> Self {
        self.csv = Some(csv);
        self
    }
    pub const fn read(mut self, action: Action) -> Self {
        self.read = Some(action);
        self
    }
    /// This tablet's own bookkeeping: never exported.
    pub const fn local(mut self) -> Self {
        self.travels = false;
        self
    }
    pub const fn personal(mut self, fields: &'static [(FieldPath, Mask)]) -> Self {
        self.personal = fields;
        self
    }
    pub const fn blobs(mut self, fields: &'static [FieldPath]) -> Self {
        self.blobs = fields;
        self
    }
    /// Bodies older than `schema` held pictures inline at `fields`; they are taken out into
    /// photo records (by the core's `modules::photos::moved`) when such a body is read.
    pub const fn pictures_moved_at(mut self, schema: u32, fields: &'static [FieldPath]) -> Self {
        self.moved_pictures = (schema, fields);
        self
    }
    /// How the kind's coded values read (`field`, `value`, language), for the audit trail.
    pub const fn values(mut self, values: fn(&str, &str, Lang) -> Option<String>) -> Self {
        self.values = values;
        self
    }
    pub const fn labels(mut self, labels: &'static [Label]) -> Self {
        self.labels = labels;
        self
    }
    /// A stricter import check than "decodes as this kind".
    pub const fn check(mut self, check: fn(&Envelope) -> Result<(), String>) -> Self {
        self.check = check;
        self
    }
    pub const fn photos(mut self, photos: fn(&Envelope) -> Vec<RecordId>) -> Self {
        self.photos = photos;
        self
    }

    /// How `field` (a flattened path) is masked, if it is personal.
    pub fn mask_of(&self, field: &str) -> Option<Mask> {
        self.personal
            .iter()
            .find(|(p, _)| covers(p, field))
            .map(|(_, m)| *m)
    }

    /// Whether `field` holds an image or a signature.
    pub fn is_blob(&self, field: &str) -> bool {
        self.blobs.iter().any(|p| covers(p, field))
    }

    /// What the clerk calls one record of the kind.
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.name.0, self.name.1)
    }

    /// The clerk's name for a field, if the kind labels it.
    pub fn label(&self, field: &str, lang: Lang) -> Option<&'static str> {
        self.labels
            .iter()
            .find(|l| l.field == field)
            .map(|l| lang.pick(l.zh, l.en))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_what_a_clerk_needs_to_tell_people_apart() {
        assert_eq!(Mask::Phone.apply("13800138000"), "138****8000");
        assert_eq!(
            Mask::IdNumber.apply("11010519491231002X"),
            "**************002X"
        );
        assert_eq!(Mask::Name.apply("张伟"), "张*");
        assert_eq!(Mask::Plate.apply("京A12345"), "京A*****");
        assert_eq!(Mask::Secret.apply("ab12"), "••••");
        assert_eq!(Mask::Phone.apply(""), "");
    }

    #[test]
    fn a_path_covers_itself_and_what_lies_below() {
        assert!(covers("host", "host"));
        assert!(covers("host", "host.person"));
        assert!(!covers("host", "hostel"));
        assert!(covers("id_doc", "id_doc.number"));
        assert!(covers("vehicles.*.plate", "vehicles.1.plate"));
        assert!(!covers("vehicles.*.plate", "vehicles.1.space"));
        assert!(!covers("vehicles.*.plate", "vehicles"));
    }
}
