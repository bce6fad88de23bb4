//! 照片 Photos: a picture taken at the desk or on a round (a small JPEG data URL) or a signature
//! drawn on the screen (a PNG data URL), kept as a record of its own so the record that shows it
//! saves without rewriting the picture, and checked against its SHA-256 whenever it travels.
//! This is the one way pictures are stored: parcels, inspections and work orders refer to photos
//! by id, and the kind spec of each owner says which photos go with it (`KindSpec::photos`).
//! Bodies written before a kind moved its pictures out are brought over by [`moved`].

use crate::record::Record;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A photo or a signature (an image data URL), kept as its own record so its owner saves without
/// rewriting the picture, and checked by its hash when it travels.
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

pub mod moved;

/// A drawn signature for demo records (an SVG squiggle), as a photo record made at `at`.
pub fn demo_signature(
    s: &mut crate::sample::Sample,
    at: DateTime<Utc>,
) -> Option<crate::record::Envelope> {
    use rand::Rng;
    let (a, b, c) = (
        s.rng().random_range(10..40),
        s.rng().random_range(10..50),
        s.rng().random_range(20..60),
    );
    let svg = format!(
        "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 200 80'%3E\
         %3Cpath d='M10 60 C{a} 10,{b} 10,60 50 S{c} 70,110 30 S150 10,190 50' fill='none' \
         stroke='%23123' stroke-width='3'/%3E%3C/svg%3E"
    );
    s.wrap(&Photo::new(svg, at), at)
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
    kinds: &[crate::spec::KindSpec::of::<Photo>("photos", TAKE_PHOTOS)
        .named("照片", "Photo")
        .blobs(&["data"])],
    exportable: false,
    settings: &[],
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
