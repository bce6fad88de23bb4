//! Identity documents: the 18-digit resident ID (GB 11643, check digit by ISO 7064 MOD 11-2)
//! and the other documents a visitor may show. Parse, don't validate: a [`ResidentId`] or an
//! [`IdDocument`] that exists is valid; display goes through [`IdDocument::masked`] except where
//! the full number may be shown.

use crate::lang::{Lang, Localized};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Weights of the first 17 digits (ISO 7064 MOD 11-2).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for `sum % 11`.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
/// Province-level region codes (first two digits); 83 is the residence permit of Taiwan residents.
const PROVINCES: [u32; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// The check character of the first 17 digits of a resident ID.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(CHECK[(sum % 11) as usize])
}

/// Why a resident ID number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResidentIdError {
    #[error("the ID number is empty")]
    Empty,
    #[error("a resident ID has 18 characters, this has {0}")]
    WrongLength(usize),
    #[error("only digits, and X as the last character, are allowed")]
    BadCharacters,
    #[error("region code {0} does not exist")]
    BadRegion(String),
    #[error("birth date {0} is not a real date")]
    BadBirthDate(String),
    #[error("birth date {0} is in the future")]
    FutureBirthDate(String),
    #[error("check digit is {found}, but the other digits give {expected}")]
    WrongCheckDigit { expected: char, found: char },
}

impl Localized for ResidentIdError {
    fn message(&self, lang: Lang) -> String {
        use ResidentIdError::*;
        match (self, lang) {
            (Empty, Lang::Zh) => "请填写身份证号。".into(),
            (WrongLength(n), Lang::Zh) => format!("身份证号应为18位,现在是{n}位。"),
            (BadCharacters, Lang::Zh) => "身份证号只能是数字,最后一位可以是 X。".into(),
            (BadRegion(c), Lang::Zh) => format!("身份证号前6位地区码 {c} 不存在,请核对。"),
            (BadBirthDate(d), Lang::Zh) => format!("身份证号中的出生日期 {d} 不是有效日期,请核对。"),
            (FutureBirthDate(d), Lang::Zh) => format!("身份证号中的出生日期 {d} 晚于今天,请核对。"),
            (WrongCheckDigit { .. }, Lang::Zh) => "身份证号校验位不符,可能有一位输错,请对照证件逐位核对。".into(),
            (Empty, Lang::En) => "Enter the ID number.".into(),
            (WrongLength(n), Lang::En) => format!("A resident ID has 18 characters; this one has {n}."),
            (BadCharacters, Lang::En) => "A resident ID is digits only, with X allowed as the last character.".into(),
            (BadRegion(c), Lang::En) => format!("Region code {c} (first 6 digits) does not exist; check the card."),
            (BadBirthDate(d), Lang::En) => format!("The birth date {d} in the ID number is not a real date; check the card."),
            (FutureBirthDate(d), Lang::En) => format!("The birth date {d} in the ID number is in the future; check the card."),
            (WrongCheckDigit { .. }, Lang::En) => {
                "The check digit does not match: a digit was probably mistyped. Compare it with the card digit by digit.".into()
            }
        }
    }
}

/// An 18-character resident ID number with a valid region, birth date and check digit.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ResidentId(String);

impl ResidentId {
    /// Parses a number as typed: spaces are ignored and a lowercase x is accepted. `today`
    /// bounds the birth date.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, ResidentIdError> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        if s.is_empty() {
            return Err(ResidentIdError::Empty);
        }
        let n = s.chars().count();
        if n != 18 {
            return Err(ResidentIdError::WrongLength(n));
        }
        let (body, last) = s.split_at(17);
        let last = last.chars().next().unwrap_or(' ');
        if !body.bytes().all(|b| b.is_ascii_digit()) || !(last.is_ascii_digit() || last == 'X') {
            return Err(ResidentIdError::BadCharacters);
        }
        let region = &s[..6];
        let province: u32 = region[..2].parse().unwrap_or(0);
        if !PROVINCES.contains(&province) || &region[2..] == "0000" {
            return Err(ResidentIdError::BadRegion(region.into()));
        }
        let birth = &s[6..14];
        let shown = format!("{}-{}-{}", &birth[..4], &birth[4..6], &birth[6..]);
        let date = NaiveDate::parse_from_str(birth, "%Y%m%d")
            .ok()
            .filter(|d| *d >= NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default())
            .ok_or_else(|| ResidentIdError::BadBirthDate(shown.clone()))?;
        if date > today {
            return Err(ResidentIdError::FutureBirthDate(shown));
        }
        let expected = check_char(body).unwrap_or(' ');
        if expected != last {
            return Err(ResidentIdError::WrongCheckDigit {
                expected,
                found: last,
            });
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `110105********1234`: region code and last four.
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.0[..6], &self.0[14..])
    }
}

impl TryFrom<String> for ResidentId {
    type Error = String;
    /// For stored data: the number was checked when entered, so only the shape and the check
    /// digit are checked again (a birth date cannot move into the future).
    fn try_from(s: String) -> Result<Self, String> {
        let far_future = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
        ResidentId::parse(&s, far_future).map_err(|e| e.to_string())
    }
}

impl From<ResidentId> for String {
    fn from(id: ResidentId) -> String {
        id.0
    }
}

/// The kinds of identity document the desk records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// 居民身份证
    ResidentId,
    /// 护照
    Passport,
    /// 港澳居民来往内地通行证
    HkMacauPermit,
    /// 台湾居民来往大陆通行证
    TaiwanPermit,
    /// 其他
    Other,
}

impl IdKind {
    pub const ALL: [IdKind; 5] = [
        IdKind::ResidentId,
        IdKind::Passport,
        IdKind::HkMacauPermit,
        IdKind::TaiwanPermit,
        IdKind::Other,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            IdKind::ResidentId => lang.pick("居民身份证", "Resident ID card"),
            IdKind::Passport => lang.pick("护照", "Passport"),
            IdKind::HkMacauPermit => lang.pick("港澳居民来往内地通行证", "Hong Kong/Macau permit"),
            IdKind::TaiwanPermit => lang.pick("台湾居民来往大陆通行证", "Taiwan permit"),
            IdKind::Other => lang.pick("其他证件", "Other document"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            IdKind::ResidentId => "resident_id",
            IdKind::Passport => "passport",
            IdKind::HkMacauPermit => "hk_macau_permit",
            IdKind::TaiwanPermit => "taiwan_permit",
            IdKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Why a document number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdDocumentError {
    #[error(transparent)]
    Resident(#[from] ResidentIdError),
    #[error("{kind:?} number has the wrong form")]
    BadForm { kind: IdKind },
}

impl Localized for IdDocumentError {
    fn message(&self, lang: Lang) -> String {
        match self {
            IdDocumentError::Resident(e) => e.message(lang),
            IdDocumentError::BadForm { kind } => match (kind, lang) {
                (IdKind::Passport, Lang::Zh) => "护照号应为5到17位字母或数字。".into(),
                (IdKind::HkMacauPermit, Lang::Zh) => {
                    "港澳通行证号应为 H 或 M 开头,后接8位或10位数字。".into()
                }
                (IdKind::TaiwanPermit, Lang::Zh) => "台湾居民通行证号应为8位或10位数字。".into(),
                (_, Lang::Zh) => "证件号应为1到30个字符。".into(),
                (IdKind::Passport, Lang::En) => {
                    "A passport number is 5 to 17 letters or digits.".into()
                }
                (IdKind::HkMacauPermit, Lang::En) => {
                    "A Hong Kong/Macau permit number is H or M followed by 8 or 10 digits.".into()
                }
                (IdKind::TaiwanPermit, Lang::En) => {
                    "A Taiwan permit number is 8 or 10 digits.".into()
                }
                (_, Lang::En) => "A document number is 1 to 30 characters.".into(),
            },
        }
    }
}

/// A document kind and a number valid for that kind. Stored and imported ones are checked again
/// when read, so an invalid number cannot enter through a file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawIdDocument")]
pub struct IdDocument {
    pub kind: IdKind,
    number: String,
}

#[derive(Deserialize)]
struct RawIdDocument {
    kind: IdKind,
    number: String,
}

impl TryFrom<RawIdDocument> for IdDocument {
    type Error = String;
    fn try_from(raw: RawIdDocument) -> Result<Self, String> {
        // A birth date checked at entry cannot move into the future; only the form is re-checked.
        let far_future = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
        IdDocument::parse(raw.kind, &raw.number, far_future).map_err(|e| e.to_string())
    }
}

impl IdDocument {
    /// Parses a number of the given kind; spaces are dropped and letters uppercased.
    pub fn parse(kind: IdKind, input: &str, today: NaiveDate) -> Result<Self, IdDocumentError> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        let digits = |r: &str| r.bytes().all(|b| b.is_ascii_digit());
        let ok = match kind {
            IdKind::ResidentId => {
                return Ok(Self {
                    kind,
                    number: ResidentId::parse(&s, today)?.0,
                });
            }
            IdKind::Passport => {
                (5..=17).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
            }
            IdKind::HkMacauPermit => {
                (s.starts_with('H') || s.starts_with('M'))
                    && matches!(s.len(), 9 | 11)
                    && digits(&s[1..])
            }
            IdKind::TaiwanPermit => matches!(s.len(), 8 | 10) && digits(&s),
            IdKind::Other => (1..=30).contains(&s.chars().count()),
        };
        if ok {
            Ok(Self { kind, number: s })
        } else {
            Err(IdDocumentError::BadForm { kind })
        }
    }

    /// The full number: only for the detail view and for those allowed to see it.
    pub fn full_number(&self) -> &str {
        &self.number
    }

    /// The number as every list, search result and print shows it.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.number.chars().collect();
        match self.kind {
            IdKind::ResidentId if chars.len() == 18 => {
                format!(
                    "{}********{}",
                    chars[..6].iter().collect::<String>(),
                    chars[14..].iter().collect::<String>()
                )
            }
            _ => {
                let keep = chars.len().min(4).min(chars.len().saturating_sub(2));
                let hidden = chars.len() - keep;
                format!(
                    "{}{}",
                    "*".repeat(hidden),
                    chars[hidden..].iter().collect::<String>()
                )
            }
        }
    }

    /// The last four characters, the key clerks search by.
    pub fn last4(&self) -> String {
        let chars: Vec<char> = self.number.chars().collect();
        chars[chars.len().saturating_sub(4)..].iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    /// A valid ID from region, birth date and sequence.
    fn make(region: &str, birth: &str, seq: &str) -> String {
        let body = format!("{region}{birth}{seq}");
        format!("{body}{}", check_char(&body).unwrap())
    }

    #[test]
    fn a_known_valid_id_is_accepted_and_masked() {
        let id = ResidentId::parse("11010519491231002X", today()).unwrap();
        assert_eq!(id.masked(), "110105********002X");
    }

    #[test]
    fn lowercase_x_and_spaces_are_accepted() {
        let id = ResidentId::parse(" 110105 19491231 002x ", today()).unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
    }

    #[test]
    fn id_number_with_wrong_check_digit_is_rejected() {
        let err = ResidentId::parse("110105194912310021", today()).unwrap_err();
        assert_eq!(
            err,
            ResidentIdError::WrongCheckDigit {
                expected: 'X',
                found: '1'
            }
        );
        assert!(err.message(Lang::Zh).contains("校验位"));
    }

    #[test]
    fn a_short_number_says_how_long_it_is() {
        assert_eq!(
            ResidentId::parse("1101051949", today()),
            Err(ResidentIdError::WrongLength(10))
        );
        assert!(
            ResidentIdError::WrongLength(10)
                .message(Lang::Zh)
                .contains("10位")
        );
    }

    #[test]
    fn letters_inside_are_rejected() {
        assert_eq!(
            ResidentId::parse("1101051949A231002X", today()),
            Err(ResidentIdError::BadCharacters)
        );
    }

    #[test]
    fn an_unknown_region_is_rejected() {
        let id = make("990105", "19800101", "123");
        assert!(matches!(
            ResidentId::parse(&id, today()),
            Err(ResidentIdError::BadRegion(_))
        ));
    }

    #[test]
    fn a_valid_check_digit_on_an_impossible_date_is_rejected() {
        let id = make("110105", "19990230", "123");
        assert_eq!(
            ResidentId::parse(&id, today()),
            Err(ResidentIdError::BadBirthDate("1999-02-30".into()))
        );
    }

    #[test]
    fn a_birth_date_after_today_is_rejected() {
        let id = make("110105", "20261128", "123");
        assert!(matches!(
            ResidentId::parse(&id, today()),
            Err(ResidentIdError::FutureBirthDate(_))
        ));
    }

    #[test]
    fn other_documents_have_their_own_forms() {
        assert!(IdDocument::parse(IdKind::Passport, "e12345678", today()).is_ok());
        assert!(IdDocument::parse(IdKind::Passport, "E1", today()).is_err());
        assert!(IdDocument::parse(IdKind::HkMacauPermit, "H12345678", today()).is_ok());
        assert!(IdDocument::parse(IdKind::HkMacauPermit, "X12345678", today()).is_err());
        assert!(IdDocument::parse(IdKind::TaiwanPermit, "12345678", today()).is_ok());
        assert!(IdDocument::parse(IdKind::TaiwanPermit, "1234567", today()).is_err());
        assert!(IdDocument::parse(IdKind::Other, "军官证 123", today()).is_ok());
    }

    #[test]
    fn every_document_is_masked_and_searchable_by_its_last_four() {
        let p = IdDocument::parse(IdKind::Passport, "E12345678", today()).unwrap();
        assert_eq!(p.masked(), "*****5678");
        assert_eq!(p.last4(), "5678");
        let r = IdDocument::parse(IdKind::ResidentId, "11010519491231002X", today()).unwrap();
        assert_eq!(r.masked(), "110105********002X");
        assert_eq!(r.last4(), "002X");
        let short = IdDocument::parse(IdKind::Other, "A1", today()).unwrap();
        assert_eq!(short.masked(), "**");
    }

    #[test]
    fn stored_documents_deserialize_only_when_valid() {
        let ok = IdDocument::parse(IdKind::ResidentId, "11010519491231002X", today()).unwrap();
        let json = serde_json::to_string(&ok).unwrap();
        assert_eq!(serde_json::from_str::<IdDocument>(&json).unwrap(), ok);
        let bad = json.replace("002X", "0021");
        assert!(serde_json::from_str::<IdDocument>(&bad).is_err());
    }

    #[test]
    fn stored_ids_deserialize_only_when_valid() {
        assert!(serde_json::from_str::<ResidentId>("\"11010519491231002X\"").is_ok());
        assert!(serde_json::from_str::<ResidentId>("\"110105194912310021\"").is_err());
    }

    fn valid_id() -> impl Strategy<Value = String> {
        (
            prop::sample::select(PROVINCES.to_vec()),
            1u32..=99,
            1u32..=99,
            1900i32..=2025,
            1u32..=12,
            1u32..=28,
            0u32..=999,
        )
            .prop_map(|(p, c, d, y, m, day, seq)| {
                make(
                    &format!("{p:02}{c:02}{d:02}"),
                    &format!("{y:04}{m:02}{day:02}"),
                    &format!("{seq:03}"),
                )
            })
    }

    proptest! {
        #[test]
        fn every_valid_id_passes(id in valid_id()) {
            prop_assert!(ResidentId::parse(&id, today()).is_ok(), "{}", id);
        }

        #[test]
        fn changing_any_one_digit_of_a_valid_id_fails(id in valid_id(), pos in 0usize..18, delta in 1u8..10) {
            let mut bytes = id.clone().into_bytes();
            let c = bytes[pos];
            bytes[pos] = if c == b'X' { b'0' + delta % 10 } else { b'0' + (c - b'0' + delta) % 10 };
            let changed = String::from_utf8(bytes).unwrap();
            prop_assume!(changed != id);
            prop_assert!(ResidentId::parse(&changed, today()).is_err(), "{} -> {}", id, changed);
        }
    }
}
