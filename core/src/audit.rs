//! The audit trail: who did what, when, on which device, and which fields changed (personal data
//! masked). Entries are append-only records of their own kind, exported and merged like others;
//! only the guarded store writes them, in the same transaction as the change they describe.

use crate::actor::{Action, StaffRef};
use crate::hlc::Hlc;
use crate::lang::Lang;
use crate::record::{DeviceId, Envelope, Meta, Record, RecordId};
use crate::spec::{KindSpec, Label, Mask};
use crate::time::day_key;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const KIND: &str = "audit";

/// The field of a retention purge's own entry: how many records lost their personal data, and
/// after how many days.
pub const PURGED: &str = "purged";

/// Words for the fields audit entries name, shared by every kind (a kind's own labels come
/// first), with the fields of entries that record an event rather than a record's change (an
/// import, an export, demo data, a purge). A module's settings are labelled in its registration
/// (`ModuleSpec::settings`).
pub const FIELD_WORDS: &[Label] = &[
    Label::new(PURGED, "清除的记录", "Records purged"),
    Label::new("visits", "清除的记录", "Records purged"),
    Label::new("parcels", "清除的记录", "Records purged"),
    Label::new("file", "文件", "File"),
    Label::new("new", "新增", "New"),
    Label::new("newer", "较新", "Newer"),
    Label::new("older", "较旧", "Older"),
    Label::new("unchanged", "未变", "Unchanged"),
    Label::new("conflict", "冲突", "Conflicts"),
    Label::new("csv", "CSV 文件", "CSV file"),
    Label::new("full_ids", "完整证件号", "Full ID numbers"),
    Label::new("demo", "演示数据", "Demo data"),
    Label::new("name", "姓名", "Name"),
    Label::new("phone", "电话", "Phone"),
    Label::new("unit", "房号", "Unit"),
    Label::new("no", "房号", "Unit"),
    Label::new("person", "人员", "Person"),
    Label::new("at", "时间", "Time"),
    Label::new("by", "记录人", "By"),
    Label::new("kind", "类型", "Kind"),
    Label::new("type", "类型", "Type"),
    Label::new("number", "号码", "Number"),
    Label::new("label", "名称", "Label"),
    Label::new("title", "标题", "Title"),
    Label::new("key", "编号", "Key"),
    Label::new("required", "必填", "Required"),
    Label::new("place", "地点", "Place"),
    Label::new("category", "类别", "Category"),
    Label::new("active", "启用", "Active"),
    Label::new("status", "状态", "Status"),
    Label::new("created_at", "创建时间", "Created"),
    Label::new("created_by", "创建人", "Created by"),
    Label::new("clerk", "经办人", "Clerk"),
    Label::new("notes", "备注", "Notes"),
    Label::new("note", "备注", "Note"),
    Label::new("version", "版本", "Version"),
    Label::new("template", "模板", "Template"),
    Label::new("template_version", "模板版本", "Template version"),
    Label::new("description", "描述", "Description"),
    Label::new("signature", "签名", "Signature"),
    Label::new("photos", "照片", "Photos"),
    Label::new("photo", "照片", "Photo"),
    Label::new("data", "图片", "Picture"),
    Label::new("sha256", "校验值", "Checksum"),
    Label::new("taken_at", "拍摄时间", "Taken"),
    Label::new("answers", "检查结果", "Answers"),
    Label::new("value", "值", "Value"),
    Label::new("sections", "分区", "Sections"),
    Label::new("items", "检查项", "Items"),
    Label::new("note_on_fail", "不合格须备注", "Note when failed"),
    Label::new("photo_on_fail", "不合格须拍照", "Photo when failed"),
    Label::new("failing", "不合格选项", "Failing options"),
    Label::new("options", "选项", "Options"),
    Label::new("inspector", "检查人", "Inspector"),
    Label::new("started_at", "开始时间", "Started"),
    Label::new("carrier", "快递公司", "Carrier"),
    Label::new("closed_at", "离架时间", "Left the shelf"),
    Label::new("closed_by", "离架经办人", "Taken off by"),
    Label::new("collector", "取件人", "Collector"),
    Label::new("on_behalf", "代领", "On behalf"),
    Label::new("id_checked", "已核对证件", "ID checked"),
    Label::new("notices", "通知", "Notices"),
    Label::new("outgoing", "寄出", "Outgoing"),
    Label::new("pickup_code", "取件码", "Pickup code"),
    Label::new("received_at", "入库时间", "Received"),
    Label::new("received_by", "入库经办人", "Received by"),
    Label::new("tracking", "运单号", "Tracking number"),
    Label::new("plate", "车牌", "Plate"),
    Label::new("space", "车位", "Parking space"),
    Label::new("frequency", "频次", "Frequency"),
    Label::new("since", "开始日期", "Since"),
    Label::new("pin", "PIN", "PIN"),
    Label::new("hash", "散列值", "Hash"),
    Label::new("salt", "盐值", "Salt"),
    Label::new("rounds", "轮数", "Rounds"),
    Label::new("builtin", "内置", "Built in"),
    Label::new("retired", "停用", "Retired"),
    Label::new("area_m2", "面积(㎡)", "Area (m²)"),
    Label::new("auto_signed_out", "自动签离", "Signed out automatically"),
    Label::new("party_size", "人数", "Party size"),
    Label::new("item", "检查项", "Item"),
    Label::new("action", "操作", "Action"),
    Label::new("changes", "变更", "Changes"),
    Label::new("device", "设备", "Device"),
    Label::new("redacted", "已清除", "Redacted"),
];

/// What was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    SignOut,
    Delete,
    Setting,
    SignIn,
    PinReset,
    Export,
    Import,
    Purge,
    Handover,
    /// A wrong PIN typed for the person named.
    WrongPin,
    /// Too many wrong PINs: the person named is locked out for a while.
    LockedOut,
}

impl AuditAction {
    pub fn label(self, lang: Lang) -> &'static str {
        use AuditAction::*;
        match self {
            Create => lang.pick("新建", "Created"),
            Update => lang.pick("修改", "Changed"),
            SignOut => lang.pick("签离", "Signed out"),
            Delete => lang.pick("删除", "Deleted"),
            Setting => lang.pick("设置", "Setting"),
            SignIn => lang.pick("上岗", "Signed in"),
            PinReset => lang.pick("重置 PIN", "PIN reset"),
            Export => lang.pick("导出", "Export"),
            Import => lang.pick("导入", "Import"),
            Purge => lang.pick("清除", "Purge"),
            Handover => lang.pick("交接班", "Handover"),
            WrongPin => lang.pick("PIN 输错", "Wrong PIN"),
            LockedOut => lang.pick("锁定(PIN 错误过多)", "Locked out (too many wrong PINs)"),
        }
    }

    pub fn code(self) -> &'static str {
        use AuditAction::*;
        match self {
            Create => "create",
            Update => "update",
            SignOut => "sign_out",
            Delete => "delete",
            Setting => "setting",
            SignIn => "sign_in",
            PinReset => "pin_reset",
            Export => "export",
            Import => "import",
            Purge => "purge",
            Handover => "handover",
            WrongPin => "wrong_pin",
            LockedOut => "locked_out",
        }
    }
}

/// One field's value before and after (masked where personal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub device: DeviceId,
    pub by: StaffRef,
    pub action: AuditAction,
    /// The kind of record concerned (`"visit"`), or a setting's name.
    pub kind: String,
    pub record: Option<RecordId>,
    pub changes: Vec<FieldChange>,
    /// The record's personal data was purged by retention: the changes were cleared with it
    /// (who did what, and when, stays).
    #[serde(default)]
    pub redacted: bool,
}

impl AuditEntry {
    /// The entry with its changes cleared, after its record's personal data was purged.
    pub fn redacted(mut self) -> Self {
        self.changes.clear();
        self.redacted = true;
        self
    }
}

/// Audit entries: written only by the guarded store, read by supervisors.
pub const SPEC: KindSpec = KindSpec::of::<AuditEntry>("staff", Action::CHANGE_SETTINGS)
    .named("操作记录", "Audit entry")
    .read(Action::VIEW_AUDIT)
    .append_only();

/// Index names of audit entries.
pub mod ix {
    pub const DAY: &str = "day";
    pub const BY: &str = "by";
    pub const KIND: &str = "kind";
    /// The id of the record concerned, to find its entries when it is purged.
    pub const RECORD: &str = "record";
}

impl Record for AuditEntry {
    const KIND: &'static str = KIND;
    const SCHEMA: u32 = 1;
    /// 2: entries are found by their record's id (`ix::RECORD`).
    const INDEXES: u32 = 2;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            (ix::DAY, day_key(self.at)),
            (ix::BY, self.by.name.clone()),
            (ix::KIND, self.kind.clone()),
        ];
        if let Some(r) = self.record {
            v.push((ix::RECORD, r.0.to_string()));
        }
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.at
    }
}

/// Masks a personal value by the field it is in, for fields no spec declares (the kind's spec
/// comes first, see [`diff`]): names keep their first character, phones their first 3 and last
/// 4 digits, document numbers their last 4, plates their first 2; PINs show nothing.
pub fn mask(field: &str, value: &str) -> String {
    let f = field.to_lowercase();
    let last = f
        .rsplit('.')
        .find(|s| s.parse::<usize>().is_err())
        .unwrap_or(&f);
    let how = if f.starts_with("pin") {
        Mask::Secret
    } else if f.contains("phone") {
        Mask::Phone
    } else if f.contains("id_doc") || f.contains("id_number") {
        Mask::IdNumber
    } else if f.contains("plate") {
        Mask::Plate
    } else if last == "name" || last == "person" || last.ends_with("name") {
        Mask::Name
    } else {
        return value.to_string();
    };
    how.apply(value)
}

/// What an audit entry keeps of a picture: that it changed and its size, never the picture.
/// Stored language-neutral; [`shown`] words it for the reader.
fn picture(value: &str) -> String {
    format!("{PICTURE}{} KB", value.len().div_ceil(1024))
}

/// The stored form of a picture in an audit entry starts with this.
const PICTURE: &str = "[picture] ";

/// A recorded value as the audit page shows it in `lang`: a picture as "图片 12 KB".
pub fn shown(value: &str, lang: Lang) -> String {
    match value {
        "true" => return lang.pick("是", "yes").into(),
        "false" => return lang.pick("否", "no").into(),
        _ => {}
    }
    if let Some(size) = value.strip_prefix(PICTURE) {
        return format!("{} {size}", lang.pick("图片", "picture"));
    }
    // A time is shown as on the screens (China time), not as stored (UTC).
    match DateTime::parse_from_rfc3339(value) {
        Ok(t) => crate::time::long(t.with_timezone(&Utc)),
        Err(_) => value.to_string(),
    }
}

fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}.{i}"), v, out);
            }
        }
        Value::Null => out.push((prefix.to_string(), String::new())),
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// The fields that differ between two bodies of a kind (`spec`, when registered): personal
/// fields masked as the spec declares (by their names for a kind no spec describes), pictures
/// replaced by their size.
pub fn diff(spec: Option<&KindSpec>, before: &Value, after: &Value) -> Vec<FieldChange> {
    let shown = |field: &str, value: &str| {
        // Every picture, declared or not (the registry test checks that each is declared).
        if value.starts_with("data:") {
            return picture(value);
        }
        // A registered kind's spec is the authority (the registry walk checks that it declares
        // every personal field); only a kind no module registered is masked by field names.
        match spec {
            Some(s) => s
                .mask_of(field)
                .map_or_else(|| value.to_string(), |m| m.apply(value)),
            None => mask(field, value),
        }
    };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flatten("", before, &mut a);
    flatten("", after, &mut b);
    let a: std::collections::BTreeMap<_, _> = a.into_iter().collect();
    let b: std::collections::BTreeMap<_, _> = b.into_iter().collect();
    let keys: std::collections::BTreeSet<_> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (x, y) = (
                a.get(k).cloned().unwrap_or_default(),
                b.get(k).cloned().unwrap_or_default(),
            );
            (x != y).then(|| FieldChange {
                field: k.clone(),
                before: shown(k, &x),
                after: shown(k, &y),
            })
        })
        .collect()
}

/// What a write did: created, deleted, a visitor signed out, or changed.
pub fn classify(before: Option<&Envelope>, after: &Envelope) -> AuditAction {
    match before {
        None if after.meta.deleted => AuditAction::Delete,
        None => AuditAction::Create,
        Some(_) if after.meta.deleted => AuditAction::Delete,
        Some(b) => {
            let out = |e: &Envelope| e.body.get("time_out").is_some_and(|t| !t.is_null());
            if after.meta.kind == "visit" && !out(b) && out(after) {
                AuditAction::SignOut
            } else {
                AuditAction::Update
            }
        }
    }
}

/// The entry describing one write of `after` (over `before`) by `by`; `spec` is the kind's.
pub fn entry_for(
    spec: Option<&KindSpec>,
    before: Option<&Envelope>,
    after: &Envelope,
    by: &StaffRef,
) -> AuditEntry {
    let empty = Value::Object(Default::default());
    let changes = diff(spec, before.map(|b| &b.body).unwrap_or(&empty), &after.body);
    AuditEntry {
        at: after.meta.updated_at,
        device: after.meta.device,
        by: by.clone(),
        action: classify(before, after),
        kind: after.meta.kind.clone(),
        record: Some(after.meta.id),
        changes,
        redacted: false,
    }
}

/// The version an audit entry is written with: that of the change it records.
pub fn version_of(after: &Envelope) -> Hlc {
    after.meta.version
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn personal_values_are_masked_by_field() {
        assert_eq!(mask("phone", "13800138000"), "138****8000");
        assert_eq!(
            mask("id_doc.number", "11010519491231002X"),
            "**************002X"
        );
        assert_eq!(mask("name", "张伟"), "张*");
        assert_eq!(mask("host.person", "王女士"), "王**");
        assert_eq!(mask("plate", "京A12345"), "京A*****");
        assert_eq!(mask("pin.hash", "ab12"), "••••");
        assert_eq!(mask("purpose", "visit"), "visit");
    }

    #[test]
    fn a_picture_is_recorded_by_its_size_and_worded_in_the_readers_language() {
        let d = diff(
            None,
            &json!({"signature": ""}),
            &json!({"signature": format!("data:image/png;base64,{}", "A".repeat(3000))}),
        );
        assert_eq!(d[0].after, "[picture] 3 KB");
        assert_eq!(shown(&d[0].after, Lang::Zh), "图片 3 KB");
        assert_eq!(shown(&d[0].after, Lang::En), "picture 3 KB");
        assert_eq!(shown("3-1-502", Lang::Zh), "3-1-502");
    }

    #[test]
    fn a_diff_lists_changed_fields_only_masked() {
        let a = json!({"name": "张伟", "phone": "13800138000", "time_out": null, "host": {"unit": "3-1-502"}});
        let b = json!({"name": "张伟", "phone": "13900139000", "time_out": "2026-11-27T10:00:00Z", "host": {"unit": "3-1-502"}});
        let d = diff(None, &a, &b);
        assert_eq!(d.len(), 2);
        assert_eq!(
            d[0],
            FieldChange {
                field: "phone".into(),
                before: "138****8000".into(),
                after: "139****9000".into()
            }
        );
        assert_eq!(d[1].field, "time_out");
        assert_eq!(d[1].before, "");
    }
}
