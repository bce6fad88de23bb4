//! 重点人员 Watch list: people the desk must be warned about (嫌疑人员 screening). An entry names
//! a person by any of name, ID number, phone or plate, with the reason; a visit that matches
//! any of them warns the clerk, who must acknowledge before the visit is saved.

use crate::lang::{Lang, Localized};
use crate::phone::PhoneNumber;
use crate::plate::PlateNumber;
use crate::record::Record;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchEntry {
    pub name: String,
    /// Uppercase, no spaces.
    pub id_number: String,
    /// Digits only.
    pub phone: String,
    /// Normalised plate.
    pub plate: String,
    pub reason: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WatchError {
    #[error("an entry needs a name, ID number, phone or plate")]
    NothingToMatch,
    #[error("an entry needs a reason")]
    NoReason,
    #[error("the phone number is not valid")]
    BadPhone,
    #[error("the plate is not valid")]
    BadPlate,
}

impl Localized for WatchError {
    fn message(&self, lang: Lang) -> String {
        match self {
            WatchError::NothingToMatch => lang.pick(
                "请至少填写姓名、证件号、电话或车牌之一。",
                "Fill in at least one of name, ID number, phone or plate.",
            ),
            WatchError::NoReason => {
                lang.pick("请写明列入名单的原因。", "Give the reason for the entry.")
            }
            WatchError::BadPhone => {
                lang.pick("电话号码格式不对。", "The phone number is not valid.")
            }
            WatchError::BadPlate => lang.pick("车牌格式不对。", "The plate is not valid."),
        }
        .into()
    }
}

fn norm_id(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

impl WatchEntry {
    pub fn new(
        name: &str,
        id_number: &str,
        phone: &str,
        plate: &str,
        reason: &str,
    ) -> Result<Self, WatchError> {
        let phone = match phone.trim() {
            "" => String::new(),
            p => PhoneNumber::parse(p)
                .map_err(|_| WatchError::BadPhone)?
                .digits()
                .to_string(),
        };
        let plate = match plate.trim() {
            "" => String::new(),
            p => PlateNumber::parse(p)
                .map_err(|_| WatchError::BadPlate)?
                .as_str()
                .to_string(),
        };
        let e = WatchEntry {
            name: name.trim().to_string(),
            id_number: norm_id(id_number),
            phone,
            plate,
            reason: reason.trim().to_string(),
            active: true,
        };
        if e.name.is_empty() && e.id_number.is_empty() && e.phone.is_empty() && e.plate.is_empty() {
            return Err(WatchError::NothingToMatch);
        }
        if e.reason.is_empty() {
            return Err(WatchError::NoReason);
        }
        Ok(e)
    }

    /// Which of this entry's keys the visitor's details match (empty: no match).
    pub fn matches(
        &self,
        name: &str,
        id_number: &str,
        phone_digits: &str,
        plate: &str,
    ) -> Vec<WatchKey> {
        if !self.active {
            return Vec::new();
        }
        let mut hits = Vec::new();
        let eq = |a: &str, b: &str| !a.is_empty() && a == b;
        if eq(&self.name, name.trim()) {
            hits.push(WatchKey::Name);
        }
        if eq(&self.id_number, &norm_id(id_number)) {
            hits.push(WatchKey::IdNumber);
        }
        if eq(&self.phone, phone_digits) {
            hits.push(WatchKey::Phone);
        }
        if eq(&self.plate, plate) {
            hits.push(WatchKey::Plate);
        }
        hits
    }

    /// The ID number as lists show it.
    pub fn masked_id(&self) -> String {
        let n = self.id_number.chars().count();
        if n <= 4 {
            return "*".repeat(n);
        }
        let tail: String = self.id_number.chars().skip(n - 4).collect();
        if n == 18 {
            format!("{}********{tail}", &self.id_number[..6])
        } else {
            format!("{}{tail}", "*".repeat(n - 4))
        }
    }
}

/// What a watch-list entry matched on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WatchKey {
    Name,
    IdNumber,
    Phone,
    Plate,
}

impl WatchKey {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            WatchKey::Name => lang.pick("姓名", "name"),
            WatchKey::IdNumber => lang.pick("证件号", "ID number"),
            WatchKey::Phone => lang.pick("电话", "phone"),
            WatchKey::Plate => lang.pick("车牌", "plate"),
        }
    }
}

pub const ACTIVE_INDEX: &str = "active";

impl Record for WatchEntry {
    const KIND: &'static str = "watch";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        if self.active {
            vec![(ACTIVE_INDEX, "1".into())]
        } else {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_needs_something_to_match_and_a_reason() {
        assert_eq!(
            WatchEntry::new("", "", "", "", "x"),
            Err(WatchError::NothingToMatch)
        );
        assert_eq!(
            WatchEntry::new("张三", "", "", "", " "),
            Err(WatchError::NoReason)
        );
        assert_eq!(
            WatchEntry::new("", "", "123", "", "x"),
            Err(WatchError::BadPhone)
        );
    }

    #[test]
    fn a_visitor_matches_on_any_key_after_normalising() {
        let e = WatchEntry::new(
            "",
            "11010519491231002x",
            "138 0013 8000",
            "京a12345",
            "曾冒充快递员",
        )
        .unwrap();
        assert_eq!(
            e.matches("李四", "", "13800138000", ""),
            vec![WatchKey::Phone]
        );
        assert_eq!(
            e.matches("李四", "11010519491231002X", "", "京A12345"),
            vec![WatchKey::IdNumber, WatchKey::Plate]
        );
        assert!(e.matches("李四", "", "13900000000", "").is_empty());
    }

    #[test]
    fn an_inactive_entry_matches_nothing() {
        let mut e = WatchEntry::new("张三", "", "", "", "旧记录").unwrap();
        e.active = false;
        assert!(e.matches("张三", "", "", "").is_empty());
    }

    #[test]
    fn id_numbers_are_masked_in_lists() {
        let e = WatchEntry::new("", "11010519491231002X", "", "", "r").unwrap();
        assert_eq!(e.masked_id(), "110105********002X");
    }
}
