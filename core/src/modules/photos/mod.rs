//! 照片 Photos: a picture taken at the desk or on a round (a small JPEG data URL), kept as a
//! record of its own so the record that shows it saves without rewriting the picture, and
//! checked against its SHA-256 whenever it travels. Inspections and work orders refer to photos
//! by id; the kind spec of each owner says which photos go with it.

use crate::record::Record;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A photo taken during an inspection (a small JPEG data URL), kept as its own record so an
/// answer saves without rewriting every photo, and checked by its hash when it travels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PhotoRaw")]
pub struct Photo {
    pub data: String,
    /// SHA-256 (hex) of `data`.
    pub sha256: String,
    pub taken_at: DateTime<Utc>,
}

#[derive(Deserialize)]
struct PhotoRaw {
    data: String,
    sha256: String,
    taken_at: DateTime<Utc>,
}

impl TryFrom<PhotoRaw> for Photo {
    type Error = String;
    fn try_from(r: PhotoRaw) -> Result<Self, String> {
        if !r.data.starts_with("data:image/") {
            return Err("a photo must be an image".into());
        }
        if hash(&r.data) != r.sha256 {
            return Err("the photo does not match its hash (damaged or altered)".into());
        }
        Ok(Photo {
            data: r.data,
            sha256: r.sha256,
            taken_at: r.taken_at,
        })
    }
}

fn hash(s: &str) -> String {
    use pbkdf2::sha2::{Digest, Sha256};
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Photo {
    pub fn new(data: String, now: DateTime<Utc>) -> Photo {
        Photo {
            sha256: hash(&data),
            data,
            taken_at: now,
        }
    }
}

impl Record for Photo {
    const KIND: &'static str = "photo";
    const SCHEMA: u32 = 1;
    fn index_values(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
}

/// Pictures kept inline in a record (signatures, the parcel intake photo) are checked when read,
/// like photo records: an image data URL, never a link a tablet would fetch.
pub mod inline {
    use serde::{Deserialize, Deserializer, de::Error};

    /// Whether `value` may stand in a picture field: empty, or an image data URL.
    pub fn is_picture(value: &str) -> bool {
        value.is_empty() || value.starts_with("data:image/")
    }

    fn checked<E: Error>(value: String) -> Result<String, E> {
        if is_picture(&value) {
            Ok(value)
        } else {
            Err(E::custom("a picture must be an image data URL"))
        }
    }

    /// For `#[serde(deserialize_with = "inline::picture")]` on a `String`.
    pub fn picture<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        checked(String::deserialize(d)?)
    }

    /// For `#[serde(deserialize_with = "inline::optional_picture")]` on an `Option<String>`.
    pub fn optional_picture<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Option::<String>::deserialize(d)?.map(checked).transpose()
    }
}

/// Take photos (of a failed item, a parcel, a document).
pub const TAKE_PHOTOS: crate::actor::Action = crate::actor::Action::new(
    "take_photos",
    &[
        crate::actor::Role::Clerk,
        crate::actor::Role::Supervisor,
        crate::actor::Role::Inspector,
    ],
    "拍照",
    "take photos",
);

/// Photos are carried by the records that refer to them (each owner's spec names them), so a
/// module export takes its photos along; on their own they are not a choice.
pub const MODULE: crate::module::ModuleSpec = crate::module::ModuleSpec {
    slug: "photos",
    zh: "照片",
    en: "Photos",
    kinds: &[crate::spec::KindSpec::of::<Photo>("photos", TAKE_PHOTOS).blobs(&["data"])],
    exportable: false,
    demo: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 2, 0, 0).unwrap()
    }

    #[test]
    fn a_photo_is_checked_against_its_hash_when_read() {
        let p = Photo::new("data:image/jpeg;base64,/9j/AAAA".into(), t0());
        let mut v = serde_json::to_value(&p).unwrap();
        assert_eq!(serde_json::from_value::<Photo>(v.clone()).unwrap(), p);
        v["data"] = "data:image/jpeg;base64,/9j/BBBB".into();
        assert!(
            serde_json::from_value::<Photo>(v.clone())
                .unwrap_err()
                .to_string()
                .contains("hash")
        );
        v["data"] = "javascript:alert(1)".into();
        assert!(serde_json::from_value::<Photo>(v).is_err());
    }
}
