//! The registry: every module, each registered once, and through them every record kind's spec.
//! Exchange, permissions, sync scopes, audit masking, CSV and demo data read this; none of them
//! lists kinds by hand. Adding a module: one line in `MODULES`.

use crate::module::ModuleSpec;
use crate::modules::*;
use crate::spec::KindSpec;

/// The modules, in the order previews and the export choice list them.
pub const MODULES: &[ModuleSpec] = &[
    visitors::MODULE,
    parcels::MODULE,
    deposits::MODULE,
    residents::MODULE,
    inspections::MODULE,
    work_orders::MODULE,
    complaints::MODULE,
    contacts::MODULE,
    keys::MODULE,
    handover::MODULE,
    release_passes::MODULE,
    fees::MODULE,
    promises::MODULE,
    photos::MODULE,
    memo::MODULE,
    staff::MODULE,
    EXCHANGE,
];

/// The exchange's own bookkeeping (conflict sets, the exchange log): this tablet's alone.
const EXCHANGE: ModuleSpec = ModuleSpec {
    slug: "exchange",
    zh: "数据交换",
    en: "Data exchange",
    kinds: &[
        crate::conflict::SPEC,
        crate::exchange_log::SPEC,
        crate::layout::SPEC,
    ],
    exportable: false,
    settings: &[crate::spec::Label::new(
        "export_reminder_days",
        "导出提醒天数",
        "Export reminder (days)",
    )],
    demo: None,
};

/// Every registered kind, module by module.
pub fn kinds() -> impl Iterator<Item = &'static KindSpec> {
    MODULES.iter().flat_map(|m| m.kinds.iter())
}

/// The spec of `kind`, if a module registered it.
pub fn kind(kind: &str) -> Option<&'static KindSpec> {
    kinds().find(|k| k.kind == kind)
}

/// The module registered under `slug`.
pub fn module(slug: &str) -> Option<&'static ModuleSpec> {
    MODULES.iter().find(|m| m.slug == slug)
}

#[cfg(test)]
mod tests {
    //! The registry walk: every registered kind has what export, audit and permissions need.
    //! A new kind fails `every_travelling_kind_has_a_sample` until it gets a sample below, and
    //! then the checks on the sample tell what its spec lacks.

    use super::*;
    use crate::actor::Role;
    use crate::audit::{self, AuditAction, AuditEntry};
    use crate::exchange;
    use crate::hlc::HlcClock;
    use crate::modules::inspections::{Frequency, Inspection, Schedule, Template, builtins};
    use crate::modules::memo::Memo;
    use crate::modules::parcels::{Collector, Handover, Intake, pickup_code};
    use crate::modules::photos::Photo;
    use crate::modules::residents::{Resident, ResidentRole, Unit, UnitKind, UnitStatus, Vehicle};
    use crate::modules::staff::{Pin, PinHash, Staff, StaffRef};
    use crate::modules::visitors::watch::WatchEntry;
    use crate::modules::visitors::{Purpose, VisitForm};
    use crate::modules::work_orders::{FollowUp, Satisfaction, WorkOrder};
    use crate::phone::PhoneNumber;
    use crate::plate::{PROVINCES, PlateNumber};
    use crate::record::{DeviceId, Envelope, RecordId, Stamp};
    use crate::unit_no::UnitNo;
    use chrono::{DateTime, TimeZone, Utc};
    use serde_json::Value;
    use std::collections::BTreeMap;

    const PICTURE: &str = "data:image/png;base64,iVBORw0KGgo";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap()
    }

    /// One full record of every kind: every personal field and picture filled in.
    fn samples() -> Vec<Envelope> {
        let mut hlc = HlcClock::new(DeviceId::from_bytes([3; 16]));
        let mut n = 0u128;
        let mut out = Vec::new();
        let mut put = |e: Result<Envelope, crate::record::RecordError>| out.push(e.unwrap());
        let mut stamp = || {
            n += 1;
            (
                RecordId(uuid::Uuid::from_u128(n)),
                Stamp {
                    now: now(),
                    version: hlc.tick(now().timestamp_millis() as u64),
                },
            )
        };
        let mut create =
            |r: &dyn Fn(RecordId, Stamp) -> Result<Envelope, crate::record::RecordError>| {
                let (id, at) = stamp();
                r(id, at)
            };
        let visit = VisitForm {
            name: "张伟".into(),
            phone: "13800138000".into(),
            id_number: "11010519491231002X".into(),
            host_unit: "3-1-502".into(),
            host_person: "王芳".into(),
            purpose: Purpose::ALL[0],
            plate: "京A12345".into(),
            notes: "送货".into(),
            ..VisitForm::default()
        }
        .parse(now(), "小李")
        .unwrap();
        put(create(&|id, at| Envelope::create(&visit, id, at)));
        let watch =
            WatchEntry::new("赵六", "11010519491231002X", "13800138000", "京A12345", "x").unwrap();
        put(create(&|id, at| Envelope::create(&watch, id, at)));
        let mut parcel = Intake {
            tracking: "SF1234567890123".into(),
            unit: "3-1-502".into(),
            name: "张伟".into(),
            phone: "13800138000".into(),
            shelf: "A-3".into(),
            ..Intake::default()
        }
        .parse(now(), "小李", pickup_code(123_456_789))
        .unwrap();
        let parcel_photo = Photo::new(PICTURE.into(), now());
        let parcel_photo = create(&|id, at| Envelope::create(&parcel_photo, id, at)).unwrap();
        parcel.photo = Some(parcel_photo.meta.id);
        let parcel = parcel
            .handed_over(Handover {
                at: now(),
                clerk: "小李".into(),
                collector: Collector {
                    name: "王芳".into(),
                    phone: PhoneNumber::parse("13900139000").ok(),
                    on_behalf: Some("家人".into()),
                },
                id_checked: true,
                signature: parcel_photo.meta.id,
            })
            .unwrap();
        put(Ok(parcel_photo));
        put(create(&|id, at| Envelope::create(&parcel, id, at)));
        let unit = Unit {
            no: UnitNo::parse("3-1-502").unwrap(),
            area_m2: Some(89.0),
            kind: UnitKind::Residential,
            status: UnitStatus::Occupied,
        };
        put(create(&|id, at| Envelope::create(&unit, id, at)));
        let resident = Resident {
            name: "张伟".into(),
            role: ResidentRole::ALL[0],
            phones: vec![PhoneNumber::parse("13800138000").unwrap()],
            id_doc: Some(
                crate::ident::IdDocument::parse(
                    crate::ident::IdKind::ResidentId,
                    "11010519491231002X",
                    now().date_naive(),
                )
                .unwrap(),
            ),
            move_in: None,
            notes: "x".into(),
            units: vec![UnitNo::parse("3-1-502").unwrap()],
            vehicles: vec![Vehicle {
                plate: PlateNumber::parse("京A12345").unwrap(),
                space: "B-12".into(),
            }],
        };
        put(create(&|id, at| Envelope::create(&resident, id, at)));
        let (tid, template): (RecordId, Template) = builtins().remove(2);
        put(create(&|id, at| Envelope::create(&template, id, at)));
        let mut insp = Inspection::start(tid, &template, "3-1-502", "3-1-502", "李巡检", now());
        let photo = Photo::new(PICTURE.into(), now());
        let photo = create(&|id, at| Envelope::create(&photo, id, at)).unwrap();
        let photo_id = photo.meta.id;
        put(Ok(photo));
        let first_photo_item = insp
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| matches!(i.kind, crate::modules::inspections::ItemKind::Photo))
            .map(|i| i.key.clone())
            .expect("the greening template has a photo item");
        insp.add_photo(&first_photo_item, photo_id, now()).unwrap();
        insp.signature = Some(photo_id);
        put(create(&|id, at| Envelope::create(&insp, id, at)));
        let schedule = Schedule {
            template: tid,
            title: template.title.clone(),
            place: "大堂".into(),
            frequency: Frequency::Daily,
            since: now(),
            active: true,
        };
        put(create(&|id, at| Envelope::create(&schedule, id, at)));
        let order = WorkOrder {
            unit: "3-1-502".into(),
            reporter: "王芳".into(),
            phone: Some(PhoneNumber::parse("13800138000").unwrap()),
            item: "灯".into(),
            photos: vec![photo_id],
            follow_up: Some(FollowUp {
                satisfaction: Satisfaction::Unsatisfied,
                fixed: false,
                comment: "还是不亮,王芳 13800138000".into(),
            }),
            ..WorkOrder::new("大堂", "灯不亮".into(), now(), "李巡检")
        };
        put(create(&|id, at| Envelope::create(&order, id, at)));
        let (mut call, _) = crate::modules::contacts::CallForm {
            caller: "王芳".into(),
            phone: "13800138000".into(),
            unit: "3-1-502".into(),
            topic: Some(crate::modules::contacts::Topic::Inquiry),
            said: "问停水,王芳 13800138000".into(),
            answered: true,
            answer: "明早恢复".into(),
            ..crate::modules::contacts::CallForm::default()
        }
        .parse(now(), "小李")
        .unwrap();
        call.passed_to = "工程部".into();
        put(create(&|id, at| Envelope::create(&call, id, at)));
        let promise = crate::modules::promises::Promise::new(
            "回电",
            now() + chrono::Duration::hours(18),
            "王芳",
            Some(PhoneNumber::parse("13800138000").unwrap()),
            ("contact".into(), photo_id),
            "小李",
            now(),
        )
        .unwrap();
        put(create(&|id, at| Envelope::create(&promise, id, at)));
        let mut complaint = crate::modules::complaints::ComplaintForm {
            kind: Some(crate::modules::complaints::Kind::Venting),
            name: "王芳".into(),
            phone: "13800138000".into(),
            unit: "3-1-502".into(),
            what: "保洁不干净,王芳 13800138000".into(),
            place: "3号楼大堂".into(),
            happened: "昨天晚上".into(),
            photos: vec![photo_id],
            ..crate::modules::complaints::ComplaintForm::default()
        }
        .parse(now(), "小李")
        .unwrap();
        complaint.department = Some(crate::modules::complaints::Department::Cleaning);
        complaint.visit = Some(crate::modules::complaints::Visit {
            with: "保洁主管刘".into(),
            found: "确有垃圾".into(),
        });
        complaint.fee_status = "已缴清".into();
        complaint.satisfaction = Some(Satisfaction::Satisfied);
        put(create(&|id, at| Envelope::create(&complaint, id, at)));
        let deposit = crate::modules::deposits::DepositForm {
            what: "一袋文件".into(),
            from: "张伟".into(),
            from_phone: "13800138000".into(),
            to: "王芳".into(),
            to_phone: "13900139000".into(),
            unit: "3-1-502".into(),
            kept_at: "前台柜 2 号格".into(),
        }
        .parse(now(), "小李", "123456".into())
        .unwrap();
        let mut deposit = deposit
            .release(
                crate::modules::deposits::Outcome::HandedOver,
                "王芳",
                "123456",
                false,
                Some(photo_id),
                "小王",
                now(),
            )
            .unwrap();
        deposit.photo = Some(photo_id);
        put(create(&|id, at| Envelope::create(&deposit, id, at)));
        {
            use crate::modules::handover::{Carried, Handover, Section, Signer};
            let item = Carried {
                section: Section::Memo,
                text: "3 号楼电梯明早维保".into(),
                on: Some(("memo".into(), photo_id)),
                late: true,
                checked: false,
                note: "已电话确认".into(),
            };
            let sig = Some(photo_id);
            let h = Handover::new("小李", vec![item], 50_000, now())
                .count_cash(&["4".into(), "2".into()])
                .unwrap()
                .noted("多出 100 元为代收快递费", "320.5", "收据 2 张", "钥匙 1 把")
                .unwrap()
                .sign(Signer::Outgoing, "小李", None, &[Role::Clerk], sig, now())
                .unwrap()
                .sign(
                    Signer::Incoming,
                    "小王",
                    Some(photo_id),
                    &[Role::Clerk],
                    sig,
                    now(),
                )
                .unwrap()
                .sign(
                    Signer::Manager,
                    "王主管",
                    None,
                    &[Role::Supervisor],
                    sig,
                    now(),
                )
                .unwrap();
            put(create(&|id, at| Envelope::create(&h, id, at)));
        }
        {
            use crate::modules::release_passes::{Applicant, ConsentHow, PassForm, Reason};
            let pass = PassForm {
                applicant: Some(Applicant::Tenant),
                name: "李雷".into(),
                phone: "13912345678".into(),
                unit: "5-2-1202".into(),
                items: vec![("冰箱".into(), "1".into())],
                plate: "京A12345".into(),
                date: Some(crate::time::local_date(now())),
                gate: "北门".into(),
                reason: Some(Reason::Moving),
                note: "x".into(),
                consent_owner: "韩梅梅".into(),
                consent_phone: "13800138000".into(),
                consent_how: Some(ConsentHow::Phone),
                fees_cleared: true,
            }
            .parse(now(), "小李", "K7M2P9QX".into())
            .unwrap()
            .approved("王主管", &[Role::Supervisor], now())
            .unwrap()
            .used("门岗老张", now())
            .unwrap();
            use crate::modules::release_passes::ticket::{GateCheck, SigningKey, Ticket};
            let public = [4u8; 65];
            let key = SigningKey::new(&public, "王主管", now());
            let check = GateCheck {
                ticket: Ticket::of(&pass, &key.key, "王主管"),
                used: true,
                mark: crate::modules::release_passes::Mark {
                    at: now(),
                    by: "门岗老张".into(),
                    note: String::new(),
                },
                purged: false,
            };
            put(create(&|id, at| Envelope::create(&pass, id, at)));
            put(create(&|id, at| Envelope::create(&key, id, at)));
            put(create(&|id, at| Envelope::create(&check, id, at)));
        }
        {
            use crate::modules::fees::{
                Custody, FeeAccount, FeeRates, FixedItem, Mark, Method, Payment, Reading, Reminder,
                ReminderHow,
            };
            let mark = || Mark {
                at: now(),
                by: "小李".into(),
            };
            let day = crate::time::local_date(now());
            let rates = FeeRates {
                from: day,
                residential: 150,
                shop: 500,
                office: 400,
                energy: 30,
                custody_percent: 70,
                fixed: vec![FixedItem {
                    item: "垃圾清运费".into(),
                    fen: 1000,
                }],
                set: mark(),
            };
            let account = FeeAccount {
                unit: "3-1-502".into(),
                from: day,
                opened: mark(),
            };
            let reading = Reading {
                on: day,
                water: 1000,
                power: 20000,
                by: "小李".into(),
            };
            let custody = Custody {
                unit: "3-1-502".into(),
                agreement: true,
                start: day,
                readings: vec![reading.clone(), reading],
                end: Some(day),
                opened: mark(),
                closed: Some(mark()),
            };
            let payment = Payment {
                unit: "3-1-502".into(),
                first: day,
                last: day,
                fen: 17000,
                due_fen: 18000,
                method: Method::Wechat,
                receipt: "SF20261128-Q433".into(),
                payer: "张伟".into(),
                note: "优惠".into(),
                taken: mark(),
                purged: false,
            };
            let reminder = Reminder {
                unit: "3-1-502".into(),
                how: ReminderHow::Call,
                answer: "月底前交".into(),
                promised: Some(day),
                months: 2,
                fen: 36000,
                made: mark(),
            };
            put(create(&|id, at| Envelope::create(&rates, id, at)));
            put(create(&|id, at| Envelope::create(&account, id, at)));
            put(create(&|id, at| Envelope::create(&custody, id, at)));
            put(create(&|id, at| Envelope::create(&payment, id, at)));
            put(create(&|id, at| Envelope::create(&reminder, id, at)));
        }
        use crate::modules::keys::{Borrower, Condition, KeyForm, LoanForm, Opens};
        let key = KeyForm {
            label: "3-1-502 户门".into(),
            opens: Some(Opens::Unit),
            unit: "3-1-502".into(),
            place: "3 号楼".into(),
            hook: "A-12".into(),
            copies: "2".into(),
        }
        .parse(now(), "王主管")
        .unwrap();
        let sig = photo_id;
        let loan = LoanForm {
            borrower: Some(Borrower::Resident),
            name: "王芳".into(),
            phone: "13800138000".into(),
            unit: "3-1-502".into(),
            reason: "忘带钥匙".into(),
            due: Some(now() + chrono::Duration::hours(2)),
            signature: Some(sig),
        }
        .parse(RecordId(uuid::Uuid::from_u128(90)), &key, now(), "小李")
        .unwrap()
        .back(
            Some(Condition::Damaged),
            "齿口磨损",
            Some(sig),
            "小王",
            now(),
        )
        .unwrap();
        put(create(&|id, at| Envelope::create(&key, id, at)));
        put(create(&|id, at| Envelope::create(&loan, id, at)));
        let memo = Memo::new("3-1-502 的钥匙在抽屉", "小李").unwrap();
        put(create(&|id, at| Envelope::create(&memo, id, at)));
        let staff = Staff::new(
            "王主管",
            &[Role::Supervisor],
            PinHash::with_rounds(&Pin::parse("1234").unwrap(), [1; 16], 10),
        )
        .unwrap();
        put(create(&|id, at| Envelope::create(&staff, id, at)));
        let entry = AuditEntry {
            at: now(),
            device: DeviceId::from_bytes([3; 16]),
            by: StaffRef {
                id: None,
                name: "王主管".into(),
            },
            action: AuditAction::Create,
            kind: "visit".into(),
            record: None,
            changes: Vec::new(),
            redacted: false,
        };
        put(create(&|id, at| Envelope::create(&entry, id, at)));
        out
    }

    fn flatten(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out)
            }),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, v)| flatten(&format!("{prefix}.{i}"), v, out)),
            Value::String(s) => out.push((prefix.to_string(), s.clone())),
            _ => {}
        }
    }

    /// What a value looks like, if it looks personal or like a picture.
    fn looks(value: &str) -> Option<&'static str> {
        let chars: Vec<char> = value.chars().collect();
        let digits = chars.iter().all(char::is_ascii_digit);
        if value.starts_with("data:") {
            Some("picture")
        } else if digits && chars.len() == 11 && chars[0] == '1' {
            Some("mobile number")
        } else if chars.len() == 18 && chars[..17].iter().all(char::is_ascii_digit) {
            Some("ID number")
        } else if (7..=8).contains(&chars.len())
            && PROVINCES.contains(chars[0])
            && chars[1..].iter().all(char::is_ascii_alphanumeric)
        {
            Some("plate")
        } else {
            None
        }
    }

    #[test]
    fn kinds_and_modules_are_registered_once_and_consistently() {
        let mut seen = BTreeMap::new();
        for m in MODULES {
            for k in m.kinds {
                assert_eq!(k.module, m.slug, "{} sits in {}", k.kind, m.slug);
                assert!(seen.insert(k.kind, m.slug).is_none(), "{} twice", k.kind);
                assert!(k.write.allowed(&[Role::Supervisor]), "{}", k.kind);
            }
            assert_eq!(MODULES.iter().filter(|n| n.slug == m.slug).count(), 1);
            assert!(!m.zh.is_empty() && !m.en.is_empty());
        }
        assert_eq!(kind("photo").map(|k| k.module), Some("photos"));
        assert!(kind("nothing").is_none());
    }

    #[test]
    fn every_travelling_kind_has_a_sample() {
        let samples = samples();
        for k in kinds().filter(|k| k.travels) {
            assert!(
                samples.iter().any(|s| s.meta.kind == k.kind),
                "kind {} has no sample in registry::tests::samples()",
                k.kind
            );
        }
    }

    #[test]
    fn every_sample_passes_its_import_check_and_travels_through_a_file() {
        let samples = samples();
        for s in &samples {
            let spec = kind(&s.meta.kind).expect("registered");
            assert_eq!((spec.check)(s), Ok(()), "{}", s.meta.kind);
            assert_eq!((spec.reindex)(s).unwrap(), *s, "{}", s.meta.kind);
        }
        let file = exchange::encode(
            "x",
            DeviceId::from_bytes([1; 16]),
            now(),
            None,
            "all",
            samples.clone(),
        );
        let read = exchange::read(file.as_bytes(), DeviceId::from_bytes([2; 16]), now()).unwrap();
        assert_eq!(read.file.records.len(), samples.len());
        assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    }

    #[test]
    fn every_photo_a_sample_refers_to_is_a_photo_record_among_the_samples() {
        let samples = samples();
        let photos: Vec<RecordId> = samples
            .iter()
            .filter(|s| s.meta.kind == <Photo as crate::record::Record>::KIND)
            .map(|s| s.meta.id)
            .collect();
        let mut referring = 0;
        for s in &samples {
            for p in (kind(&s.meta.kind).unwrap().photos)(s) {
                assert!(
                    photos.contains(&p),
                    "{} refers to a photo not there",
                    s.meta.kind
                );
                referring += 1;
            }
        }
        assert!(
            referring >= 4,
            "parcel photo and signature, inspection photo and signature"
        );
    }

    #[test]
    fn every_personal_value_and_picture_in_a_sample_is_declared() {
        for s in samples() {
            let spec = kind(&s.meta.kind).unwrap();
            let mut fields = Vec::new();
            flatten("", &s.body, &mut fields);
            for (field, value) in fields {
                let last = field.rsplit('.').next().unwrap_or_default();
                match looks(&value) {
                    Some("picture") => assert!(
                        spec.is_blob(&field),
                        "{}.{field} holds a picture: keep it in a photo record, refer to its id \
                         and list it in the spec's photos",
                        spec.kind
                    ),
                    Some(what) => assert!(
                        spec.mask_of(&field).is_some(),
                        "{}.{field} holds a {what}: declare it in the spec's personal fields",
                        spec.kind
                    ),
                    // Staff names (who did it) are not residents' personal data.
                    None if matches!(last, "name" | "person")
                        && spec.kind != "staff"
                        && field != "by.name" =>
                    {
                        assert!(
                            spec.mask_of(&field).is_some(),
                            "{}.{field} holds a person's name: declare it personal",
                            spec.kind
                        )
                    }
                    None => {}
                }
            }
        }
    }

    /// Every change an audit entry of each sample's creation records: `(kind, change)`.
    fn audited_samples() -> Vec<(String, audit::FieldChange)> {
        let by = StaffRef {
            id: None,
            name: "小李".into(),
        };
        samples()
            .into_iter()
            .flat_map(|s| {
                let entry = audit::entry_for(kind(&s.meta.kind), None, &s, &by);
                entry
                    .changes
                    .into_iter()
                    .map(move |c| (s.meta.kind.clone(), c))
            })
            .collect()
    }

    #[test]
    fn audit_entries_show_codes_ids_and_file_names_that_are_not_personal_in_clear() {
        for (kind, c) in audited_samples() {
            if matches!(
                c.field.as_str(),
                "id_doc.kind" | "template" | "kind" | "unit"
            ) {
                assert!(!c.after.contains('*'), "{kind}.{}: {}", c.field, c.after);
            }
        }
    }

    #[test]
    fn audit_entries_of_every_sample_hold_no_picture_and_no_personal_value_in_clear() {
        for (kind, c) in audited_samples() {
            assert!(
                looks(&c.after).is_none(),
                "{kind}.{}: {} in the audit trail",
                c.field,
                c.after
            );
        }
    }

    /// Whether a label shows an identifier from the code (`host_unit`, `visit`) rather than
    /// words: Latin letters other than a few that are words in Chinese too.
    fn code_like(label: &str) -> bool {
        let rest = ["PIN", "CSV", "ID"]
            .iter()
            .fold(label.to_string(), |l, w| l.replace(w, ""));
        rest.chars().any(|c| c.is_ascii_alphabetic())
    }

    #[test]
    fn the_chinese_audit_trail_names_every_kind_and_every_recorded_field_in_words() {
        for k in kinds() {
            let name = crate::sync::audit_subject(k.kind, crate::lang::Lang::Zh);
            assert!(!code_like(&name), "kind {} is named {name}", k.kind);
        }
        // The samples, every built-in template and an inspection of each, and a visit signed
        // out: the fields and values the desk's daily entries record.
        let by = StaffRef {
            id: None,
            name: "小李".into(),
        };
        let mut extra = Vec::new();
        for (n, (tid, t)) in builtins().into_iter().enumerate() {
            let id = RecordId(uuid::Uuid::from_u128(9000 + n as u128));
            let at = Stamp {
                now: now(),
                version: crate::hlc::Hlc::zero(DeviceId::from_bytes([4; 16])),
            };
            extra.push(Envelope::create(&t, tid, at).unwrap());
            let insp = Inspection::start(tid, &t, "1栋", "", "李巡检", now());
            extra.push(Envelope::create(&insp, id, at).unwrap());
        }
        let visit = VisitForm {
            name: "张伟".into(),
            phone: "13800138000".into(),
            host_unit: "3-1-502".into(),
            ..VisitForm::default()
        }
        .parse(now(), "小李")
        .unwrap()
        .signed_out(now(), "小王");
        extra.push(
            Envelope::create(
                &visit,
                RecordId(uuid::Uuid::from_u128(8999)),
                Stamp {
                    now: now(),
                    version: crate::hlc::Hlc::zero(DeviceId::from_bytes([4; 16])),
                },
            )
            .unwrap(),
        );
        let recorded: Vec<(String, audit::FieldChange)> = audited_samples()
            .into_iter()
            .chain(extra.iter().flat_map(|s| {
                audit::entry_for(kind(&s.meta.kind), None, s, &by)
                    .changes
                    .into_iter()
                    .map(move |c| (s.meta.kind.clone(), c))
            }))
            .filter(|(k, _)| k != audit::KIND)
            .collect();
        let codes: BTreeMap<String, String> = recorded
            .iter()
            .map(|(kind, c)| {
                let v = crate::sync::audit_value(kind, &c.field, &c.after, crate::lang::Lang::Zh);
                (format!("{kind}.{} = {}", c.field, c.after), v)
            })
            .filter(|(_, v)| {
                v == "[]" || (v.len() > 2 && v.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            })
            .collect();
        assert!(codes.is_empty(), "values shown as code: {codes:#?}");
        let unlabelled: BTreeMap<String, String> = recorded
            .into_iter()
            .map(|(kind, c)| {
                let label = crate::sync::audit_field_label(&kind, &c.field, crate::lang::Lang::Zh);
                (format!("{kind}.{}", c.field), label)
            })
            .filter(|(_, label)| code_like(label))
            .collect();
        assert!(
            unlabelled.is_empty(),
            "fields shown as code: {unlabelled:#?}"
        );
        for f in MODULES
            .iter()
            .flat_map(|m| m.settings.iter())
            .chain(audit::FIELD_WORDS)
        {
            let label = crate::sync::audit_field_label("settings", f.field, crate::lang::Lang::Zh);
            assert!(!code_like(&label), "{} is labelled {label}", f.field);
        }
    }
}
