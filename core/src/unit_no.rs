//! 楼栋-单元-房号 Unit numbers as the office writes them: "3-1-502", "3栋1单元502室", "3#1-502",
//! "3号楼1单元502", "3-502" (no entrance), "A座1201". One canonical form, `3-1-502`, is what is
//! stored, indexed and shown.

use crate::lang::{Lang, Localized};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UnitNo {
    /// 楼栋: `3`, `A`, `12`.
    pub building: String,
    /// 单元 (entrance), when the building has several.
    pub entrance: Option<String>,
    /// 房号: `502`, `1201`, `B1`.
    pub room: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitError {
    #[error("empty unit number")]
    Empty,
    #[error("not a unit number: {0}")]
    BadForm(String),
}

impl Localized for UnitError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (UnitError::Empty, Lang::Zh) => "请填写房号。".into(),
            (UnitError::Empty, Lang::En) => "Enter the unit number.".into(),
            (UnitError::BadForm(s), Lang::Zh) => {
                format!("房号“{s}”看不懂,请写成 楼栋-单元-房号,如 3-1-502 或 3栋1单元502室。")
            }
            (UnitError::BadForm(s), Lang::En) => format!(
                "“{s}” is not a unit number; write building-entrance-room, e.g. 3-1-502 or 3栋1单元502室."
            ),
        }
    }
}

fn part_ok(p: &str) -> bool {
    !p.is_empty() && p.chars().count() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric())
}

impl UnitNo {
    pub fn parse(input: &str) -> Result<Self, UnitError> {
        let parts = split(input);
        if parts.is_empty() {
            return Err(UnitError::Empty);
        }
        let bad = || UnitError::BadForm(input.trim().to_string());
        match parts.as_slice() {
            [b, e, r] if part_ok(b) && part_ok(e) && part_ok(r) => Ok(UnitNo {
                building: norm(b),
                entrance: Some(norm(e)),
                room: norm(r),
            }),
            [b, r] if part_ok(b) && part_ok(r) => Ok(UnitNo {
                building: norm(b),
                entrance: None,
                room: norm(r),
            }),
            _ => Err(bad()),
        }
    }

    /// Whether `input` reads as more than one unit run together (`3-1-5025-2-1202`: a scan or a
    /// typed unit landing in a field that already held one), rather than one odd unit name.
    pub fn looks_like_several(input: &str) -> bool {
        let parts = split(input);
        parts.len() >= 4
            && parts
                .iter()
                .filter(|p| p.chars().any(|c| c.is_ascii_digit()))
                .count()
                >= 4
    }

    /// The canonical key, `3-1-502` or `3-502`.
    pub fn key(&self) -> String {
        self.to_string()
    }
}

/// The parts of a unit as written: building, entrance, room (marks and words that separate them
/// taken out, a trailing 室/号 dropped, upper case, no spaces).
fn split(input: &str) -> Vec<String> {
    let s: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let mut t = s.trim_end_matches(['室', '号', '房']).to_string();
    for sep in [
        "号楼", "栋", "幢", "座", "#", "单元", "楼", "—", "－", "_", "/", "、", ".",
    ] {
        t = t.replace(sep, "-");
    }
    t.split('-')
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// Leading zeros go from numbers (`03` is `3`); letters stay.
fn norm(p: &str) -> String {
    if p.chars().all(|c| c.is_ascii_digit()) {
        let t = p.trim_start_matches('0');
        if t.is_empty() { "0".into() } else { t.into() }
    } else {
        p.to_string()
    }
}

impl fmt::Display for UnitNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entrance {
            Some(e) => write!(f, "{}-{}-{}", self.building, e, self.room),
            None => write!(f, "{}-{}", self.building, self.room),
        }
    }
}

impl TryFrom<String> for UnitNo {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        UnitNo::parse(&s).map_err(|e| e.to_string())
    }
}

impl From<UnitNo> for String {
    fn from(u: UnitNo) -> String {
        u.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_ways_offices_write_a_unit_all_mean_the_same_unit() {
        for s in [
            "3-1-502",
            "3栋1单元502室",
            "3#1-502",
            "3号楼1单元502",
            " 3 - 1 - 502 ",
            "03-01-0502",
            "3栋1单元502",
            "3幢1单元502号",
        ] {
            assert_eq!(UnitNo::parse(s).unwrap().key(), "3-1-502", "{s}");
        }
    }

    #[test]
    fn buildings_without_entrances_and_lettered_buildings() {
        assert_eq!(UnitNo::parse("3-502").unwrap().key(), "3-502");
        assert_eq!(UnitNo::parse("12栋1201").unwrap().key(), "12-1201");
        assert_eq!(UnitNo::parse("A座1201").unwrap().key(), "A-1201");
        assert_eq!(UnitNo::parse("b座2单元301").unwrap().key(), "B-2-301");
    }

    #[test]
    fn what_is_not_a_unit_is_refused() {
        assert_eq!(UnitNo::parse(" "), Err(UnitError::Empty));
        for s in ["502", "3-1-5-02", "张三", "3栋-", "3-1-五零二"] {
            assert!(UnitNo::parse(s).is_err(), "{s}");
        }
    }

    proptest! {
        #[test]
        fn the_canonical_form_parses_back_to_itself(b in 1u32..99, e in proptest::option::of(1u32..9), r in 101u32..3399) {
            let u = UnitNo { building: b.to_string(), entrance: e.map(|e| e.to_string()), room: r.to_string() };
            prop_assert_eq!(UnitNo::parse(&u.key()).unwrap(), u);
        }
    }
}
