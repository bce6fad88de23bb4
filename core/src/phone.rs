//! Phone numbers: an 11-digit mainland mobile, or a landline with its area code.

use crate::lang::{Lang, Localized};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("the phone number is empty")]
    Empty,
    #[error("not a mobile (11 digits from 1) or a landline with area code")]
    BadForm,
}

impl Localized for PhoneError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PhoneError::Empty, Lang::Zh) => "请填写电话。".into(),
            (PhoneError::Empty, Lang::En) => "Enter a phone number.".into(),
            (PhoneError::BadForm, Lang::Zh) => "电话号码不对:手机为1开头的11位数字;座机请带区号,如 010-12345678。".into(),
            (PhoneError::BadForm, Lang::En) => {
                "Not a phone number: a mobile is 11 digits starting with 1; a landline needs its area code, e.g. 010-12345678.".into()
            }
        }
    }
}

/// A valid phone number, kept as digits only (`13800138000`, `01012345678`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Accepts spaces, hyphens, brackets and a +86/0086 country code.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let kept: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '\u{3000}'))
            .collect();
        if kept.is_empty() {
            return Err(PhoneError::Empty);
        }
        let digits = kept.strip_prefix('+').unwrap_or(&kept);
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PhoneError::BadForm);
        }
        let local = match digits {
            d if d.len() == 13 && d.starts_with("86") => &d[2..],
            d if d.len() == 15 && d.starts_with("0086") => &d[4..],
            d => d,
        };
        let b = local.as_bytes();
        let mobile = b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
        let landline = b.first() == Some(&b'0') && b.get(1) != Some(&b'0') && {
            // 010 and 02x have 3-digit area codes followed by 8 digits; others 4 then 7 or 8.
            let three = b.get(1) == Some(&b'1') || b.get(1) == Some(&b'2');
            if three {
                b.len() == 11
            } else {
                b.len() == 11 || b.len() == 12
            }
        };
        if mobile || landline {
            Ok(Self(local.to_string()))
        } else {
            Err(PhoneError::BadForm)
        }
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    pub fn is_mobile(&self) -> bool {
        self.0.starts_with('1')
    }

    /// `138 0013 8000` or `010-12345678`.
    pub fn display(&self) -> String {
        let s = &self.0;
        if self.is_mobile() {
            format!("{} {} {}", &s[..3], &s[3..7], &s[7..])
        } else {
            let area = if matches!(s.as_bytes()[1], b'1' | b'2') {
                3
            } else {
                4
            };
            format!("{}-{}", &s[..area], &s[area..])
        }
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        PhoneNumber::parse(&s).map_err(|e| e.to_string())
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mobiles_are_accepted_with_spaces_hyphens_and_country_code() {
        for s in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "008613800138000",
        ] {
            assert_eq!(
                PhoneNumber::parse(s).unwrap().digits(),
                "13800138000",
                "{s}"
            );
        }
    }

    #[test]
    fn landlines_need_their_area_code() {
        assert_eq!(
            PhoneNumber::parse("010-12345678").unwrap().display(),
            "010-12345678"
        );
        assert_eq!(
            PhoneNumber::parse("0755-2345678").unwrap().display(),
            "0755-2345678"
        );
        assert_eq!(
            PhoneNumber::parse("0571 87654321").unwrap().digits(),
            "057187654321"
        );
        assert_eq!(PhoneNumber::parse("12345678"), Err(PhoneError::BadForm));
    }

    #[test]
    fn bad_numbers_are_refused() {
        for s in [
            "1380013800",
            "23800138000",
            "12800138000",
            "138001380001",
            "abc",
            "0012345678",
        ] {
            assert_eq!(PhoneNumber::parse(s), Err(PhoneError::BadForm), "{s}");
        }
        assert_eq!(PhoneNumber::parse("  "), Err(PhoneError::Empty));
    }

    #[test]
    fn mobiles_display_in_groups() {
        assert_eq!(
            PhoneNumber::parse("13800138000").unwrap().display(),
            "138 0013 8000"
        );
    }

    proptest! {
        #[test]
        fn display_parses_back_to_the_same_number(second in 3u8..=9, rest in "[0-9]{9}") {
            let p = PhoneNumber::parse(&format!("1{second}{rest}")).unwrap();
            prop_assert_eq!(PhoneNumber::parse(&p.display()).unwrap(), p);
        }
    }
}
