//! Pictures that older bodies held inline (the parcel intake photo, the collector's and the
//! inspector's signatures as data URLs), taken out into photo records when such a body is read:
//! by the layout upgrade when the app opens a store written by an older build, and by the import
//! of a file an older build wrote. The kind spec names the fields and the schema that moved them
//! ([`KindSpec::pictures_moved_at`]).
//!
//! The photo made for a picture is a pure function of its owner's id and creation time and of
//! the picture: two tablets that bring the same record over make the same photo record, byte
//! for byte, so merging their files later finds nothing to disagree on.

use super::Photo;
use crate::hlc::Hlc;
use crate::record::{DeviceId, Envelope, RecordId, Stamp};
use crate::spec::KindSpec;
use pbkdf2::sha2::{Digest, Sha256};
use serde_json::Value;

/// The id of the photo made for `picture` held by the record `owner`.
pub fn photo_id(owner: RecordId, picture: &str) -> RecordId {
    let mut h = Sha256::new();
    h.update(owner.0.as_bytes());
    h.update(picture.as_bytes());
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    // A version-8 (custom) UUID, so it never collides with the random version-4 ids.
    RecordId(uuid::Builder::from_custom_bytes(b).into_uuid())
}

/// Whether `env` was written before its kind moved its pictures out.
pub fn is_stale(spec: &KindSpec, env: &Envelope) -> bool {
    !env.meta.deleted && env.meta.schema < spec.moved_pictures.0
}

/// Takes the inline pictures out of `env` (of `spec`'s kind, written before the pictures
/// moved): each picture at a moved field is replaced by the id of a photo record made for it,
/// and those records are returned. The body keeps its schema (the kind's upgrade reads it from
/// there). A current body, or one without pictures, is left as it is.
pub fn take_out(spec: &KindSpec, env: &mut Envelope) -> Result<Vec<Envelope>, String> {
    if !is_stale(spec, env) {
        return Ok(Vec::new());
    }
    let mut pictures = Vec::new();
    for path in spec.moved_pictures.1 {
        let segments: Vec<&str> = path.split('.').collect();
        replace_at(&mut env.body, &segments, env.meta.id, &mut pictures);
    }
    let owner = &env.meta;
    let stamp = Stamp {
        now: owner.created_at,
        version: Hlc {
            wall_ms: owner.created_at.timestamp_millis().max(0) as u64,
            counter: 0,
            device: DeviceId::from_bytes(*owner.id.0.as_bytes()),
        },
    };
    let mut out: Vec<Envelope> = Vec::new();
    for (id, data) in pictures {
        if out.iter().any(|p| p.meta.id == id) {
            continue;
        }
        let photo = Photo::new(data, owner.created_at);
        out.push(Envelope::create(&photo, id, stamp).map_err(|e| e.to_string())?);
    }
    Ok(out)
}

fn replace_at(
    value: &mut Value,
    path: &[&str],
    owner: RecordId,
    found: &mut Vec<(RecordId, String)>,
) {
    let Some((first, rest)) = path.split_first() else {
        // Only pictures move; another value at the path (a text answer) stays, and a link where
        // a picture belongs is refused when the body is read in its new shape.
        if let Value::String(s) = value
            && s.starts_with("data:image/")
        {
            let id = photo_id(owner, s);
            found.push((id, std::mem::take(s)));
            *s = id.0.to_string();
        }
        return;
    };
    match (first, value) {
        (&"*", Value::Object(m)) => {
            for v in m.values_mut() {
                replace_at(v, rest, owner, found);
            }
        }
        (&"*", Value::Array(a)) => {
            for v in a.iter_mut() {
                replace_at(v, rest, owner, found);
            }
        }
        (key, Value::Object(m)) => {
            if let Some(v) = m.get_mut(*key) {
                replace_at(v, rest, owner, found);
            }
        }
        _ => {}
    }
}
