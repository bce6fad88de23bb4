//! 交接班 The shift handover book (《前台交接班本》) on the tablet. The outgoing clerk starts a
//! handover; the core fills what the store knows ([`services::contents`]): parcels on the shelf
//! and overdue, keys out, items left at the desk, visitors on site, open promises and complaints,
//! work orders past their limit, inspections due, and the open memo items (which stay open, so
//! they are in the next shift's memo: nothing unfinished is lost). The clerks count the petty cash
//! by denomination against the float set in settings (a difference must be explained), enter the
//! cash and vouchers taken today and the valuables, and tick each carried item as checked or note
//! a discrepancy. Then three signatures, in order: the outgoing clerk, the incoming clerk (a
//! different person, who signs in with their own PIN), the duty manager (a supervisor, with a
//! PIN). Counting ends with the first signature; once all three signed it is read-only.
//!
//! What is carried is written as the desk says it, with residents' names and phones masked: the
//! book holds no personal data of residents, only the staff's names and signatures.

pub mod csv;
pub mod services;

use crate::actor::{Action, Role};
use crate::lang::{Lang, Localized, labelled_enum};
use crate::record::{Meta, Record, RecordId};
use crate::time::day_key;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

labelled_enum!(Section {
    Shelf => "shelf", "货架快递", "Parcels on the shelf", [];
    KeysOut => "keys_out", "借出钥匙", "Keys out", [];
    Deposits => "deposits", "寄存物品", "Items left at the desk", [];
    OnSite => "on_site", "在场访客", "Visitors on site", [];
    Promises => "promises", "未兑现承诺", "Open promises", [];
    Complaints => "complaints", "未关闭投诉", "Open complaints", [];
    LateOrders => "late_orders", "超时工单", "Work orders past their limit", [];
    Inspections => "inspections", "待巡检", "Inspections due", [];
    Memo => "memo", "备忘事项", "Memo items", [];
});

labelled_enum!(Stage {
    Counting => "counting", "清点中", "Counting", [];
    OutgoingSigned => "outgoing_signed", "交班人已签", "Outgoing clerk signed", [];
    IncomingSigned => "incoming_signed", "接班人已签", "Incoming clerk signed", [];
    Signed => "signed", "已交接", "Handed over", [];
    Voided => "voided", "已作废", "Voided", [];
});

/// The notes of money the float is counted in, in fen: 100, 50, 20, 10, 5, 1 yuan, 5 and 1 jiao.
pub const DENOMINATIONS: [u32; 8] = [10000, 5000, 2000, 1000, 500, 100, 50, 10];

/// The largest amount the book takes (10 million yuan), in fen.
pub const MAX_FEN: i64 = 1_000_000_000;

/// `¥1,234.50` without the grouping: `1234.50`.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let f = fen.unsigned_abs();
    format!("{sign}{}.{:02}", f / 100, f % 100)
}

/// `12.5`, `12`, `12.50` read as fen; `None` for anything else.
pub fn parse_yuan(text: &str) -> Option<i64> {
    let t = text.trim().trim_start_matches('¥');
    if t.is_empty() {
        return Some(0);
    }
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && frac.is_empty() || frac.len() > 2 {
        return None;
    }
    let w: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok().filter(|w: &i64| *w >= 0)?
    };
    let f: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    w.checked_mul(100)?.checked_add(f)
}

/// One thing handed over: what the desk knows of it, and what the clerks found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Carried {
    pub section: Section,
    /// As the desk says it (`3-1-502 王* · 顺丰 · 货架 A3 · 已放 4 天`).
    pub text: String,
    /// The record it is about (its kind and id), to open it.
    #[serde(default)]
    pub on: Option<(String, RecordId)>,
    /// Overdue, late, past its time.
    #[serde(default)]
    pub late: bool,
    #[serde(default)]
    pub checked: bool,
    /// A discrepancy found.
    #[serde(default)]
    pub note: String,
}

/// A signature in the book.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signed {
    /// The staff member who signed (staff names, not residents' data).
    pub by: String,
    #[serde(default)]
    pub staff: Option<RecordId>,
    pub at: DateTime<Utc>,
    /// The drawn signature, a photo record.
    #[serde(default)]
    pub signature: Option<RecordId>,
}

/// A shift handover.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub started_at: DateTime<Utc>,
    /// The outgoing clerk, who started it.
    pub outgoing: String,
    pub stage: Stage,
    pub items: Vec<Carried>,
    /// The petty cash float expected (备用金), in fen.
    pub float_expected: i64,
    /// How many of each of [`DENOMINATIONS`] were counted.
    pub cash: Vec<(u32, u32)>,
    /// Why the counted cash differs from the float.
    #[serde(default)]
    pub cash_note: String,
    /// Cash taken on this shift (fees, deposits), in fen.
    #[serde(default)]
    pub takings: i64,
    /// Vouchers and receipts taken (票据), as written.
    #[serde(default)]
    pub vouchers: String,
    /// Valuables held (贵重物品), as written.
    #[serde(default)]
    pub valuables: String,
    #[serde(default)]
    pub outgoing_signed: Option<Signed>,
    #[serde(default)]
    pub incoming_signed: Option<Signed>,
    #[serde(default)]
    pub manager_signed: Option<Signed>,
    /// Why it was voided, by whom, when (`Stage::Voided` only).
    #[serde(default)]
    pub void_note: String,
}

/// Why a handover step was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoverError {
    /// Counting is over (the outgoing clerk signed).
    Locked,
    NoSuchItem,
    BadCount,
    BadAmount,
    /// Items neither ticked nor noted (how many).
    Unchecked(usize),
    /// The counted cash differs from the float (by this many fen) and nobody said why.
    CashUnexplained(i64),
    /// A signature in its wrong turn.
    NotNow,
    /// The incoming clerk or the manager is someone who already signed.
    SamePerson,
    /// The duty manager is a supervisor.
    NotManager,
    /// The outgoing signature is the outgoing clerk's, who started it (their name).
    NotOutgoing(String),
    /// Voiding says why.
    NoReason,
    NoSignature,
}

impl Localized for HandoverError {
    fn message(&self, lang: Lang) -> String {
        match self {
            HandoverError::Locked => lang
                .pick(
                    "交班人已签字,清点内容不能再改",
                    "The outgoing clerk signed: the counts are closed",
                )
                .into(),
            HandoverError::NoSuchItem => lang.pick("没有这一项", "No such item").into(),
            HandoverError::BadCount => lang
                .pick(
                    "张数请填 0 到 100000 的整数",
                    "Counts are whole numbers from 0 to 100000",
                )
                .into(),
            HandoverError::BadAmount => lang
                .pick(
                    "金额格式如 1250.50,不超过 1000 万元",
                    "Write an amount like 1250.50, at most 10 million",
                )
                .into(),
            HandoverError::Unchecked(n) => match lang {
                Lang::Zh => format!("还有 {n} 项未核对:请逐项勾选,或写明差异"),
                Lang::En => format!("{n} items not checked: tick each, or note what differs"),
            },
            HandoverError::CashUnexplained(d) => match lang {
                Lang::Zh => format!("备用金与应有数相差 {} 元,请写明原因", yuan(*d)),
                Lang::En => format!("The float is off by {} yuan: say why", yuan(*d)),
            },
            HandoverError::NotNow => lang
                .pick(
                    "请按顺序签字:交班人、接班人、值班经理",
                    "Sign in turn: outgoing clerk, incoming clerk, duty manager",
                )
                .into(),
            HandoverError::SamePerson => lang
                .pick(
                    "接班人和值班经理不能是已签字的人",
                    "The incoming clerk and the manager must be others than who signed",
                )
                .into(),
            HandoverError::NotManager => lang
                .pick(
                    "值班经理须由主管签字",
                    "The duty manager must be a supervisor",
                )
                .into(),
            HandoverError::NoSignature => lang.pick("请签名", "A signature is needed").into(),
            HandoverError::NotOutgoing(n) => match lang {
                Lang::Zh => format!("交班人签字须由开始交接的 {n} 本人签"),
                Lang::En => format!("The outgoing signature is {n}'s, who started the handover"),
            },
            HandoverError::NoReason => lang.pick("请写明作废原因", "Say why it is voided").into(),
        }
    }
}

/// Start, count and sign handovers; read the book.
pub const HAND_OVER: Action = Action::new(
    "hand_over",
    &[Role::Clerk, Role::Supervisor],
    "交接班",
    "hand over the shift",
);

/// Who signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signer {
    Outgoing,
    Incoming,
    Manager,
}

impl Handover {
    /// A new handover by `outgoing` at `now` carrying `items`, the float expected being
    /// `float_expected` fen.
    pub fn new(
        outgoing: &str,
        items: Vec<Carried>,
        float_expected: i64,
        now: DateTime<Utc>,
    ) -> Self {
        Handover {
            started_at: now,
            outgoing: outgoing.to_string(),
            stage: Stage::Counting,
            items,
            float_expected,
            cash: DENOMINATIONS.iter().map(|d| (*d, 0)).collect(),
            cash_note: String::new(),
            takings: 0,
            vouchers: String::new(),
            valuables: String::new(),
            outgoing_signed: None,
            incoming_signed: None,
            manager_signed: None,
            void_note: String::new(),
        }
    }

    /// The petty cash counted, in fen.
    pub fn counted(&self) -> i64 {
        self.cash
            .iter()
            .map(|(d, n)| i64::from(*d) * i64::from(*n))
            .sum()
    }

    /// Counted less expected, in fen.
    pub fn difference(&self) -> i64 {
        self.counted() - self.float_expected
    }

    fn counting(&self) -> Result<Handover, HandoverError> {
        if self.stage != Stage::Counting {
            return Err(HandoverError::Locked);
        }
        Ok(self.clone())
    }

    /// Item `i` ticked as checked, or noted with what differs.
    pub fn check(&self, i: usize, checked: bool, note: &str) -> Result<Handover, HandoverError> {
        let mut h = self.counting()?;
        let item = h.items.get_mut(i).ok_or(HandoverError::NoSuchItem)?;
        item.checked = checked;
        item.note = note.trim().to_string();
        Ok(h)
    }

    /// The cash counted: one count per denomination, as typed (empty is 0).
    pub fn count_cash(&self, counts: &[String]) -> Result<Handover, HandoverError> {
        let mut h = self.counting()?;
        let mut cash = Vec::new();
        for (d, n) in DENOMINATIONS.iter().zip(
            counts
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat("")),
        ) {
            let n = match n.trim() {
                "" => 0,
                t => t
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n <= 100_000)
                    .ok_or(HandoverError::BadCount)?,
            };
            cash.push((*d, n));
        }
        h.cash = cash;
        Ok(h)
    }

    /// Why the cash differs, what was taken, the valuables.
    pub fn noted(
        &self,
        cash_note: &str,
        takings: &str,
        vouchers: &str,
        valuables: &str,
    ) -> Result<Handover, HandoverError> {
        let mut h = self.counting()?;
        h.cash_note = cash_note.trim().to_string();
        h.takings = parse_yuan(takings)
            .filter(|f| *f <= MAX_FEN)
            .ok_or(HandoverError::BadAmount)?;
        h.vouchers = vouchers.trim().to_string();
        h.valuables = valuables.trim().to_string();
        Ok(h)
    }

    /// Signed by `who` (`name`, `staff`, with `roles`) at `now`. The outgoing clerk signs only
    /// when every item is ticked or noted and a cash difference is explained.
    pub fn sign(
        &self,
        who: Signer,
        name: &str,
        staff: Option<RecordId>,
        roles: &[Role],
        signature: Option<RecordId>,
        now: DateTime<Utc>,
    ) -> Result<Handover, HandoverError> {
        let mut h = self.clone();
        let expected = match who {
            Signer::Outgoing => Stage::Counting,
            Signer::Incoming => Stage::OutgoingSigned,
            Signer::Manager => Stage::IncomingSigned,
        };
        if h.stage != expected {
            return Err(HandoverError::NotNow);
        }
        if signature.is_none() {
            return Err(HandoverError::NoSignature);
        }
        let signed = Some(Signed {
            by: name.trim().to_string(),
            staff,
            at: now,
            signature,
        });
        let already: Vec<&Signed> = [&h.outgoing_signed, &h.incoming_signed]
            .into_iter()
            .flatten()
            .collect();
        let same = |s: &&Signed| {
            s.by == name.trim() || (staff.is_some() && s.staff.is_some() && s.staff == staff)
        };
        if who != Signer::Outgoing && name.trim() == h.outgoing {
            return Err(HandoverError::SamePerson);
        }
        match who {
            Signer::Outgoing => {
                if name.trim() != h.outgoing {
                    return Err(HandoverError::NotOutgoing(h.outgoing.clone()));
                }
                let open = h
                    .items
                    .iter()
                    .filter(|i| !i.checked && i.note.is_empty())
                    .count();
                if open > 0 {
                    return Err(HandoverError::Unchecked(open));
                }
                if h.difference() != 0 && h.cash_note.is_empty() {
                    return Err(HandoverError::CashUnexplained(h.difference()));
                }
                h.outgoing_signed = signed;
                h.stage = Stage::OutgoingSigned;
            }
            Signer::Incoming => {
                if already.iter().any(same) {
                    return Err(HandoverError::SamePerson);
                }
                h.incoming_signed = signed;
                h.stage = Stage::IncomingSigned;
            }
            Signer::Manager => {
                if !roles.contains(&Role::Supervisor) {
                    return Err(HandoverError::NotManager);
                }
                if already.iter().any(same) {
                    return Err(HandoverError::SamePerson);
                }
                h.manager_signed = signed;
                h.stage = Stage::Signed;
            }
        }
        Ok(h)
    }

    /// Voided while counting (started twice, started by mistake), with why; kept in the book.
    pub fn voided(
        &self,
        why: &str,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<Handover, HandoverError> {
        let mut h = self.counting()?;
        if why.trim().is_empty() {
            return Err(HandoverError::NoReason);
        }
        h.stage = Stage::Voided;
        h.void_note = format!("{}({by} {})", why.trim(), crate::time::short(now));
        Ok(h)
    }

    /// The list redrawn from what the store holds now (`fresh`), keeping what was ticked or
    /// noted on the items still there.
    pub fn refreshed(&self, fresh: Vec<Carried>) -> Result<Handover, HandoverError> {
        let mut h = self.counting()?;
        h.items = fresh
            .into_iter()
            .map(|mut c| {
                if let Some(old) = self.items.iter().find(|o| {
                    o.section == c.section && o.on == c.on && (o.on.is_some() || o.text == c.text)
                }) {
                    c.checked = old.checked;
                    c.note = old.note.clone();
                }
                c
            })
            .collect();
        Ok(h)
    }

    /// The open memo items it carried into the next shift.
    pub fn carried_memos(&self) -> impl Iterator<Item = &Carried> {
        self.items.iter().filter(|i| i.section == Section::Memo)
    }
}

/// Index names of handovers.
pub mod ix {
    /// The day started (the book's pages, the CSV).
    pub const DAY: &str = "day";
    /// `1` while not signed by all three.
    pub const OPEN: &str = "open";
    /// Each signer's name, for the search.
    pub const PEOPLE: &str = "people";
}

impl Record for Handover {
    const KIND: &'static str = "shift_handover";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![(ix::DAY, day_key(self.started_at))];
        if !matches!(self.stage, Stage::Signed | Stage::Voided) {
            v.push((ix::OPEN, "1".into()));
        }
        let mut names = vec![self.outgoing.clone()];
        names.extend(
            [&self.incoming_signed, &self.manager_signed]
                .into_iter()
                .flatten()
                .map(|s| s.by.clone()),
        );
        names.dedup();
        v.extend(names.into_iter().map(|n| (ix::PEOPLE, n)));
        v
    }
    fn sort_time(&self, _meta: &Meta) -> DateTime<Utc> {
        self.started_at
    }
}

fn signatures_of(env: &crate::record::Envelope) -> Vec<RecordId> {
    env.decode::<Handover>()
        .map(|h| {
            [h.outgoing_signed, h.incoming_signed, h.manager_signed]
                .into_iter()
                .flatten()
                .filter_map(|s| s.signature)
                .collect()
        })
        .unwrap_or_default()
}

fn handover_words(field: &str, value: &str, lang: Lang) -> Option<String> {
    match field.rsplit('.').next().unwrap_or(field) {
        "stage" => Stage::from_code(value).map(|s| s.label(lang).to_string()),
        "section" => Section::from_code(value).map(|s| s.label(lang).to_string()),
        _ => None,
    }
}

/// The handover module.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "handover",
    zh: "交接班",
    en: "Shift handover",
    kinds: &[crate::spec::KindSpec::of::<Handover>("handover", HAND_OVER)
        .named("交接班记录", "Shift handover")
        .csv(csv::TABLE)
        .values(handover_words)
        .photos(signatures_of)
        // Residents' names and phones are masked when an item is written; the book keeps only
        // the staff's names and signatures, as the paper book did.
        .personal(&[])
        .labels(&[
            crate::spec::Label::new("started_at", "开始时间", "Started"),
            crate::spec::Label::new("outgoing", "交班人", "Outgoing clerk"),
            crate::spec::Label::new("stage", "状态", "Stage"),
            crate::spec::Label::new("items", "交接事项", "Carried"),
            crate::spec::Label::new("section", "类别", "Section"),
            crate::spec::Label::new("text", "内容", "What"),
            crate::spec::Label::new("on", "所属记录", "Record"),
            crate::spec::Label::new("late", "已超时", "Late"),
            crate::spec::Label::new("checked", "已核对", "Checked"),
            crate::spec::Label::new("note", "差异说明", "Discrepancy"),
            crate::spec::Label::new("float_expected", "备用金应有数(分)", "Float expected (fen)"),
            crate::spec::Label::new("cash", "备用金清点", "Cash counted"),
            crate::spec::Label::new("cash_note", "差额说明", "Why the cash differs"),
            crate::spec::Label::new("takings", "本班收款(分)", "Taken this shift (fen)"),
            crate::spec::Label::new("vouchers", "票据", "Vouchers"),
            crate::spec::Label::new("valuables", "贵重物品", "Valuables"),
            crate::spec::Label::new(
                "outgoing_signed",
                "交班人签字",
                "Outgoing clerk's signature",
            ),
            crate::spec::Label::new(
                "incoming_signed",
                "接班人签字",
                "Incoming clerk's signature",
            ),
            crate::spec::Label::new("manager_signed", "值班经理签字", "Duty manager's signature"),
            crate::spec::Label::new("staff", "员工", "Staff"),
            crate::spec::Label::new("by", "签字人", "Signed by"),
            crate::spec::Label::new("void_note", "作废原因", "Why it was voided"),
            crate::spec::Label::new("signature", "签名", "Signature"),
        ])],
    exportable: true,
    settings: &[crate::spec::Label::new(
        "handover.float_fen",
        "备用金应有数",
        "Petty cash float",
    )],
    demo: None,
};

#[cfg(test)]
mod tests;
