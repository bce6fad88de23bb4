//! Vehicle plates: 7-character ordinary plates and 8-character new-energy plates.

use crate::lang::{Lang, Localized};
use serde::{Deserialize, Serialize};

/// Province abbreviations that begin a plate.
pub const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
/// Last characters of special ordinary plates (trailer, coach, police, HK, Macau, consulate).
const SPECIAL_ENDINGS: &str = "挂学警港澳领";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlateError {
    #[error("a plate has 7 characters (8 for new energy), this has {0}")]
    WrongLength(usize),
    #[error("{0} is not a province abbreviation")]
    UnknownProvince(char),
    #[error("the letters and digits after the province are not a plate")]
    BadCharacters,
}

impl Localized for PlateError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PlateError::WrongLength(n), Lang::Zh) => {
                format!("车牌应为7位(新能源8位),现在是{n}位。例:京A12345、京AD12345。")
            }
            (PlateError::UnknownProvince(c), Lang::Zh) => format!("车牌第一位“{c}”不是省份简称,例:京、沪、粤。"),
            (PlateError::BadCharacters, Lang::Zh) => {
                "车牌格式不对:省份简称后接一个字母,再接5位字母或数字(不含 I、O);新能源为 D 或 F 开头的6位。".into()
            }
            (PlateError::WrongLength(n), Lang::En) => {
                format!("A plate has 7 characters (8 for new energy); this has {n}. E.g. 京A12345, 京AD12345.")
            }
            (PlateError::UnknownProvince(c), Lang::En) => format!("“{c}” is not a province abbreviation (e.g. 京, 沪, 粤)."),
            (PlateError::BadCharacters, Lang::En) => {
                "Not a plate: after the province come a letter and 5 letters or digits (no I or O); new-energy plates have 6, with D or F.".into()
            }
        }
    }
}

/// A valid plate, normalised: uppercase, no spaces or separators (`京A12345`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PlateNumber(String);

fn plate_char(c: char) -> bool {
    (c.is_ascii_uppercase() && c != 'I' && c != 'O') || c.is_ascii_digit()
}

impl PlateNumber {
    /// Lowercase letters, spaces and the separators `·`, `-`, `.` are accepted and normalised.
    pub fn parse(input: &str) -> Result<Self, PlateError> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '•' | '-' | '.' | '・'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let chars: Vec<char> = s.chars().collect();
        if chars.len() != 7 && chars.len() != 8 {
            return Err(PlateError::WrongLength(chars.len()));
        }
        if !PROVINCES.contains(chars[0]) {
            return Err(PlateError::UnknownProvince(chars[0]));
        }
        if !chars[1].is_ascii_uppercase() {
            return Err(PlateError::BadCharacters);
        }
        let rest = &chars[2..];
        let ok = match rest.len() {
            5 => {
                rest.iter().all(|c| plate_char(*c))
                    || (rest[..4].iter().all(|c| plate_char(*c))
                        && SPECIAL_ENDINGS.contains(rest[4]))
            }
            6 => {
                // Small new-energy cars: D/F, a letter or digit, four digits. Large: five digits, D/F.
                let small = matches!(rest[0], 'D' | 'F')
                    && plate_char(rest[1])
                    && rest[2..].iter().all(char::is_ascii_digit);
                let large =
                    rest[..5].iter().all(char::is_ascii_digit) && matches!(rest[5], 'D' | 'F');
                small || large
            }
            _ => false,
        };
        if ok {
            Ok(Self(s))
        } else {
            Err(PlateError::BadCharacters)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_new_energy(&self) -> bool {
        self.0.chars().count() == 8
    }
}

impl TryFrom<String> for PlateNumber {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        PlateNumber::parse(&s).map_err(|e| e.to_string())
    }
}

impl From<PlateNumber> for String {
    fn from(p: PlateNumber) -> String {
        p.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ordinary_plates_are_accepted_and_normalised() {
        assert_eq!(
            PlateNumber::parse("京a 12345").unwrap().as_str(),
            "京A12345"
        );
        assert_eq!(
            PlateNumber::parse("沪B·C8K92").unwrap().as_str(),
            "沪BC8K92"
        );
        assert_eq!(
            PlateNumber::parse("粤B1234挂").unwrap().as_str(),
            "粤B1234挂"
        );
    }

    #[test]
    fn new_energy_plates_have_eight_characters() {
        assert!(PlateNumber::parse("京AD12345").unwrap().is_new_energy());
        assert!(PlateNumber::parse("粤B12345F").is_ok());
        assert_eq!(
            PlateNumber::parse("京AX12345"),
            Err(PlateError::BadCharacters)
        );
    }

    #[test]
    fn bad_plates_say_what_is_wrong() {
        assert_eq!(
            PlateNumber::parse("京A1234"),
            Err(PlateError::WrongLength(6))
        );
        assert_eq!(
            PlateNumber::parse("X A12345"),
            Err(PlateError::UnknownProvince('X'))
        );
        assert_eq!(
            PlateNumber::parse("京AI2345"),
            Err(PlateError::BadCharacters)
        );
        assert_eq!(
            PlateNumber::parse("京112345"),
            Err(PlateError::BadCharacters)
        );
        assert!(PlateError::WrongLength(6).message(Lang::Zh).contains("6位"));
    }

    proptest! {
        #[test]
        fn a_parsed_plate_parses_again_to_itself(p in prop::sample::select(PROVINCES.chars().collect::<Vec<_>>()), l in "[A-Z]", rest in "[A-HJ-NP-Z0-9]{5}") {
            let plate = PlateNumber::parse(&format!("{p}{l}{rest}")).unwrap();
            prop_assert_eq!(PlateNumber::parse(plate.as_str()).unwrap(), plate);
        }
    }
}
