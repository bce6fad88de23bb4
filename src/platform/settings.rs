//! Per-device settings in localStorage (gloo-storage): language, the idle lock's minutes, device
//! id, the last merge version this device issued, visitor settings. Records never live here;
//! they are in IndexedDB, and so are who is on duty and the wrong-PIN lockouts (see
//! `lobbydesk_core::modules::staff::services`): a hand edit of localStorage resumes nobody.

use gloo_storage::{LocalStorage, Storage};
use lobbydesk_core::clock::IdSource;
use lobbydesk_core::{DeviceId, Hlc, HlcClock, Lang};

const LANG: &str = "lobbydesk.lang";
const IDLE: &str = "lobbydesk.idle_minutes";
const DEVICE: &str = "lobbydesk.device";
const HLC: &str = "lobbydesk.hlc";

pub fn lang() -> Lang {
    LocalStorage::get(LANG).unwrap_or_default()
}

pub fn set_lang(lang: Lang) -> Result<(), String> {
    LocalStorage::set(LANG, lang).map_err(|e| e.to_string())
}

/// Minutes without a touch or key before the screen locks (default 10).
pub fn idle_minutes() -> u32 {
    LocalStorage::get(IDLE)
        .ok()
        .filter(|m| (1..=240).contains(m))
        .unwrap_or(10)
}

pub fn set_idle_minutes(m: u32) -> Result<(), String> {
    LocalStorage::set(IDLE, m).map_err(|e| e.to_string())
}

/// This device's id, created on first start.
pub fn device_id(ids: &impl IdSource) -> DeviceId {
    let stored: Option<String> = LocalStorage::get(DEVICE).ok();
    if let Some(id) = stored.and_then(|s| s.parse().ok()) {
        return id;
    }
    let id = DeviceId(ids.new_id());
    let _ = LocalStorage::set(DEVICE, id.to_string());
    id
}

/// The device's merge clock, resumed from the last version it issued.
pub fn hlc(device: DeviceId) -> HlcClock {
    let stored: Option<String> = LocalStorage::get(HLC).ok();
    match stored.and_then(|s| s.parse::<Hlc>().ok()) {
        Some(last) if last.device == device => HlcClock::resume(last),
        _ => HlcClock::new(device),
    }
}

pub fn save_hlc(last: Hlc) {
    let _ = LocalStorage::set(HLC, last.to_string());
}

const WALL_SEEN: &str = "lobbydesk.wall_seen";

/// The latest wall-clock time (ms) this tablet has seen while running (0: never recorded).
pub fn wall_seen() -> f64 {
    LocalStorage::get(WALL_SEEN).unwrap_or(0.0)
}

/// Records `ms` as seen, if it is later than what was.
pub fn see_wall(ms: f64) {
    if ms > wall_seen() {
        let _ = LocalStorage::set(WALL_SEEN, ms);
    }
}

const VISIT_CUTOFF: &str = "lobbydesk.visit.cutoff";
const RETENTION_DAYS: &str = "lobbydesk.visit.retention_days";

/// Local time at which visits still open are signed out automatically (default 23:59).
pub fn visit_cutoff() -> chrono::NaiveTime {
    LocalStorage::get::<String>(VISIT_CUTOFF)
        .ok()
        .and_then(|s| chrono::NaiveTime::parse_from_str(&s, "%H:%M").ok())
        .unwrap_or_else(|| chrono::NaiveTime::from_hms_opt(23, 59, 0).unwrap_or_default())
}

pub fn set_visit_cutoff(t: chrono::NaiveTime) -> Result<(), String> {
    LocalStorage::set(VISIT_CUTOFF, t.format("%H:%M").to_string()).map_err(|e| e.to_string())
}

/// Days visitor personal data is kept (default 180), shown in the privacy notice.
pub fn retention_days() -> u32 {
    LocalStorage::get(RETENTION_DAYS)
        .ok()
        .filter(|d| (1..=3650).contains(d))
        .unwrap_or(180)
}

pub fn set_retention_days(days: u32) -> Result<(), String> {
    LocalStorage::set(RETENTION_DAYS, days).map_err(|e| e.to_string())
}

const PARCEL_OVERDUE_DAYS: &str = "lobbydesk.parcel.overdue_days";
const OFFICE_NAME: &str = "lobbydesk.office_name";
const DESK_HOURS: &str = "lobbydesk.desk_hours";

/// Days on the shelf after which a parcel is overdue (default 3).
pub fn parcel_overdue_days() -> u32 {
    LocalStorage::get(PARCEL_OVERDUE_DAYS)
        .ok()
        .filter(|d| (1..=60).contains(d))
        .unwrap_or(3)
}

pub fn set_parcel_overdue_days(d: u32) -> Result<(), String> {
    LocalStorage::set(PARCEL_OVERDUE_DAYS, d).map_err(|e| e.to_string())
}

const PARCEL_RETENTION_DAYS: &str = "lobbydesk.parcel.retention_days";

/// Days after a parcel left the shelf before its personal data is purged (default 90).
pub fn parcel_retention_days() -> u32 {
    LocalStorage::get(PARCEL_RETENTION_DAYS)
        .ok()
        .filter(|d| (7..=3650).contains(d))
        .unwrap_or(90)
}

pub fn set_parcel_retention_days(d: u32) -> Result<(), String> {
    LocalStorage::set(PARCEL_RETENTION_DAYS, d).map_err(|e| e.to_string())
}

/// The office's name in messages to residents (default 物业服务中心).
pub fn office_name() -> String {
    LocalStorage::get::<String>(OFFICE_NAME)
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "物业服务中心".into())
}

pub fn set_office_name(s: &str) -> Result<(), String> {
    LocalStorage::set(OFFICE_NAME, s.trim()).map_err(|e| e.to_string())
}

/// The desk's hours in messages to residents (default 8:00-20:00).
pub fn desk_hours() -> String {
    LocalStorage::get::<String>(DESK_HOURS)
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "8:00-20:00".into())
}

pub fn set_desk_hours(s: &str) -> Result<(), String> {
    LocalStorage::set(DESK_HOURS, s.trim()).map_err(|e| e.to_string())
}

const LAST_EXPORT: &str = "lobbydesk.last_export_ms";
const EXPORT_REMINDER_DAYS: &str = "lobbydesk.export_reminder_days";

/// When this tablet last exported its data (any export file).
pub fn last_export() -> Option<chrono::DateTime<chrono::Utc>> {
    LocalStorage::get::<i64>(LAST_EXPORT)
        .ok()
        .and_then(chrono::DateTime::from_timestamp_millis)
}

pub fn set_last_export(t: chrono::DateTime<chrono::Utc>) {
    let _ = LocalStorage::set(LAST_EXPORT, t.timestamp_millis());
}

/// Days without an export after which the home screen reminds the desk (default 7).
pub fn export_reminder_days() -> u32 {
    LocalStorage::get(EXPORT_REMINDER_DAYS)
        .ok()
        .filter(|d| (1..=365).contains(d))
        .unwrap_or(7)
}

pub fn set_export_reminder_days(d: u32) -> Result<(), String> {
    LocalStorage::set(EXPORT_REMINDER_DAYS, d).map_err(|e| e.to_string())
}

const WORK_LIMITS: &str = "lobbydesk.work.limits";
const WORKERS: &str = "lobbydesk.work.workers";
const WORK_RETENTION_DAYS: &str = "lobbydesk.work.retention_days";

/// The work orders' time limits per urgency (default: urgent 30 min / 4 h, normal 4 h / 24 h).
pub fn work_limits() -> lobbydesk_core::modules::work_orders::Limits {
    LocalStorage::get(WORK_LIMITS).unwrap_or_default()
}

pub fn set_work_limits(l: lobbydesk_core::modules::work_orders::Limits) -> Result<(), String> {
    LocalStorage::set(WORK_LIMITS, l).map_err(|e| e.to_string())
}

/// The named workers orders are dispatched to (李师傅, 王师傅 ...), in the order the office keeps.
pub fn workers() -> Vec<String> {
    LocalStorage::get(WORKERS).unwrap_or_default()
}

pub fn set_workers(names: &[String]) -> Result<(), String> {
    LocalStorage::set(WORKERS, names).map_err(|e| e.to_string())
}

/// Days after a work order ended before the reporter's data and its pictures are purged
/// (default 365).
pub fn work_retention_days() -> u32 {
    LocalStorage::get(WORK_RETENTION_DAYS)
        .ok()
        .filter(|d| (30..=3650).contains(d))
        .unwrap_or(365)
}

pub fn set_work_retention_days(d: u32) -> Result<(), String> {
    LocalStorage::set(WORK_RETENTION_DAYS, d).map_err(|e| e.to_string())
}

/// A number of days kept under `key`: `default` unless a value within `lo..=hi` was saved.
fn days(key: &str, lo: u32, hi: u32, default: u32) -> u32 {
    LocalStorage::get(key)
        .ok()
        .filter(|d| (lo..=hi).contains(d))
        .unwrap_or(default)
}

fn set_days(key: &str, d: u32) -> Result<(), String> {
    LocalStorage::set(key, d).map_err(|e| e.to_string())
}

const CONTACT_RETENTION_DAYS: &str = "lobbydesk.contact.retention_days";

/// Days after a call was settled before the caller's data (and a settled promise's) is purged
/// (default 180, as visitors).
pub fn contact_retention_days() -> u32 {
    days(CONTACT_RETENTION_DAYS, 30, 3650, 180)
}

pub fn set_contact_retention_days(d: u32) -> Result<(), String> {
    set_days(CONTACT_RETENTION_DAYS, d)
}

const COMPLAINT_RETENTION_DAYS: &str = "lobbydesk.complaint.retention_days";

/// Days after a complaint was closed before the complainant's data is purged (default 365).
pub fn complaint_retention_days() -> u32 {
    days(COMPLAINT_RETENTION_DAYS, 30, 3650, 365)
}

pub fn set_complaint_retention_days(d: u32) -> Result<(), String> {
    set_days(COMPLAINT_RETENTION_DAYS, d)
}

const COMPLAINT_LIMIT_DAYS: &str = "lobbydesk.complaint.limit_days";

/// The office's time limit for closing a complaint (投诉处理时限), in days: 1 to 90, 7 unless set.
pub fn complaint_limit_days() -> u32 {
    days(COMPLAINT_LIMIT_DAYS, 1, 90, 7)
}

pub fn set_complaint_limit_days(d: u32) -> Result<(), String> {
    set_days(COMPLAINT_LIMIT_DAYS, d)
}

const KEY_RETENTION_DAYS: &str = "lobbydesk.key.retention_days";

/// Days after a key came back before its borrower's name, phone and signatures are purged
/// (default 365: a key's history is asked about long after).
pub fn key_retention_days() -> u32 {
    days(KEY_RETENTION_DAYS, 30, 3650, 365)
}

pub fn set_key_retention_days(d: u32) -> Result<(), String> {
    set_days(KEY_RETENTION_DAYS, d)
}

const FEE_RETENTION_DAYS: &str = "lobbydesk.fee.retention_days";

/// Days after a payment before the payer's name is purged (default 1095: receipts are asked
/// about for years; what was paid for which months stays).
pub fn fee_retention_days() -> u32 {
    days(FEE_RETENTION_DAYS, 30, 3650, 1095)
}

pub fn set_fee_retention_days(d: u32) -> Result<(), String> {
    set_days(FEE_RETENTION_DAYS, d)
}

const HANDOVER_FLOAT_FEN: &str = "lobbydesk.handover.float_fen";

/// The petty cash float the handover counts against (备用金), in fen; 0 until set.
pub fn handover_float_fen() -> i64 {
    LocalStorage::get::<i64>(HANDOVER_FLOAT_FEN)
        .ok()
        .filter(|f| (0..=100_000_000).contains(f))
        .unwrap_or(0)
}

pub fn set_handover_float_fen(fen: i64) -> Result<(), String> {
    LocalStorage::set(HANDOVER_FLOAT_FEN, fen).map_err(|e| e.to_string())
}
