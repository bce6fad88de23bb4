//! 备忘录 Memo: short notes the desk must not forget ("3-1-502 the plumber comes at 3 pm").
//! Open memos are what the shift handover carries to the next shift.

use crate::lang::{Lang, Localized};
use crate::record::Record;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest memo text, in characters.
pub const MAX_CHARS: usize = 500;

/// A memo. Build one with [`Memo::new`], which checks the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memo {
    text: String,
    /// Who wrote it (the clerk on duty).
    pub by: String,
    pub done_at: Option<DateTime<Utc>>,
}

/// Why a memo text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MemoError {
    #[error("memo is empty")]
    Empty,
    #[error("memo is {0} characters, more than {MAX_CHARS}")]
    TooLong(usize),
}

impl Localized for MemoError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MemoError::Empty, Lang::Zh) => "请先写下备忘内容。".into(),
            (MemoError::Empty, Lang::En) => "Write the memo first.".into(),
            (MemoError::TooLong(n), Lang::Zh) => {
                format!("备忘最多 {MAX_CHARS} 字,现在 {n} 字,请精简。")
            }
            (MemoError::TooLong(n), Lang::En) => format!(
                "A memo holds at most {MAX_CHARS} characters; this one has {n}. Shorten it."
            ),
        }
    }
}

impl Memo {
    /// A new open memo. Surrounding white space is trimmed.
    pub fn new(text: &str, by: &str) -> Result<Self, MemoError> {
        let text = text.trim();
        let n = text.chars().count();
        if n == 0 {
            return Err(MemoError::Empty);
        }
        if n > MAX_CHARS {
            return Err(MemoError::TooLong(n));
        }
        Ok(Self {
            text: text.to_string(),
            by: by.trim().to_string(),
            done_at: None,
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }

    /// The same memo, marked done at `at`.
    pub fn done(mut self, at: DateTime<Utc>) -> Self {
        self.done_at = Some(at);
        self
    }

    /// The same memo, open again.
    pub fn reopened(mut self) -> Self {
        self.done_at = None;
        self
    }
}

/// Index of memos by state: [`OPEN`] or [`DONE`].
pub const STATUS_INDEX: &str = "status";
pub const OPEN: &str = "open";
pub const DONE: &str = "done";

impl Record for Memo {
    const KIND: &'static str = "memo";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        vec![(
            STATUS_INDEX,
            if self.is_done() { DONE } else { OPEN }.to_string(),
        )]
    }
}

/// The memo module: the desk's 备忘录 on the home screen.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "home",
    zh: "备忘录",
    en: "Memos",
    kinds: &[
        crate::spec::KindSpec::of::<Memo>("home", crate::actor::Action::WRITE_MEMO)
            .named("备忘", "Memo")
            .labels(&[crate::spec::Label::new("text", "内容", "Text")]),
    ],
    exportable: true,
    settings: &[
        crate::spec::Label::new("office_name", "物业名称", "Office name"),
        crate::spec::Label::new("desk_hours", "前台服务时间", "Desk hours"),
    ],
    demo: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HlcClock;
    use crate::clock::{Clock, IdSource, ManualClock, SeqIds};
    use crate::record::{DeviceId, Envelope, RecordId, Stamp};
    use crate::store::conformance::block_on;
    use crate::store::memory::MemoryStore;
    use crate::store::{KeyRange, ListQuery, RecordStore};

    #[test]
    fn an_empty_memo_is_refused() {
        assert_eq!(Memo::new("  \n ", "王"), Err(MemoError::Empty));
    }

    #[test]
    fn a_too_long_memo_is_refused_with_its_length() {
        let err = Memo::new(&"水".repeat(501), "王").unwrap_err();
        assert_eq!(err, MemoError::TooLong(501));
        assert!(err.message(Lang::Zh).contains("501"));
    }

    #[test]
    fn text_is_trimmed_and_a_new_memo_is_open() {
        let m = Memo::new("  3-1-502 下午三点水电工上门 ", "王芳").unwrap();
        assert_eq!(m.text(), "3-1-502 下午三点水电工上门");
        assert!(!m.is_done());
    }

    #[test]
    fn marking_done_moves_a_memo_from_the_open_list_to_the_done_list() {
        let clock = ManualClock::at_millis(1_764_000_000_000);
        let ids = SeqIds::default();
        let mut hlc = HlcClock::new(DeviceId::from_bytes([1; 16]));
        let mut stamp = || {
            clock.advance_millis(1);
            Stamp {
                now: clock.now(),
                version: hlc.tick(clock.now().timestamp_millis() as u64),
            }
        };
        let store = MemoryStore::new();
        block_on(async {
            let m = Memo::new("交接:2号钥匙未还", "王").unwrap();
            let e = Envelope::create(&m, RecordId(ids.new_id()), stamp()).unwrap();
            store.put(&e).await.unwrap();
            let open = ListQuery::by(Memo::KIND, STATUS_INDEX, KeyRange::Exact(OPEN.into()), 10);
            let done = ListQuery::by(Memo::KIND, STATUS_INDEX, KeyRange::Exact(DONE.into()), 10);
            assert_eq!(store.list(&open).await.unwrap().items.len(), 1);
            let s = stamp();
            let e2 = e.update(&m.done(s.now), s).unwrap();
            store.put(&e2).await.unwrap();
            assert!(store.list(&open).await.unwrap().items.is_empty());
            assert_eq!(
                store.list(&done).await.unwrap().items[0]
                    .decode::<Memo>()
                    .unwrap()
                    .text(),
                "交接:2号钥匙未还"
            );
        });
    }
}
