//! The two UI languages, and the trait every clerk-facing message implements.

use serde::{Deserialize, Serialize};

/// UI language. Simplified Chinese is the default; English is switchable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Picks the text for this language from a Chinese/English pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A message the clerk can read and act on, in either language.
pub trait Localized {
    fn message(&self, lang: Lang) -> String;
}

/// An enum of fixed choices with a stable code and a label in both languages, e.g.
/// `labelled_enum!(Kind { Shop => "shop", "商铺", "Shop", ["门面"]; })`. The bracketed aliases
/// are other words a spreadsheet may use for the choice.
#[macro_export]
macro_rules! labelled_enum {
    ($name:ident { $($v:ident => $code:literal, $zh:literal, $en:literal, [$($alias:literal),*];)+ }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            pub fn label(self, lang: $crate::lang::Lang) -> &'static str {
                match self { $($name::$v => lang.pick($zh, $en)),+ }
            }
            pub fn code(self) -> &'static str {
                match self { $($name::$v => $code),+ }
            }
            pub fn from_code(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == s)
            }
            /// From a spreadsheet cell: the Chinese or English label, the code, or a common alias.
            pub fn from_text(s: &str) -> Option<Self> {
                use $crate::lang::Lang;
                let s = s.trim();
                Self::ALL.iter().copied().find(|v| {
                    let t = s.to_lowercase();
                    t == v.code() || s == v.label(Lang::Zh) || t == v.label(Lang::En).to_lowercase()
                        || match v { $($name::$v => [$($alias),*].contains(&s)),+ }
                })
            }
        }
    };
}
pub use crate::labelled_enum;

/// The English message of an error: its `Display` text as a sentence (capital, full stop).
pub fn sentence(text: String) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect::<String>() + ".")
        .unwrap_or_default()
}
