//! Sealing export files with a passphrase through the browser's WebCrypto: PBKDF2-HMAC-SHA256
//! (600,000 iterations, 16 random bytes of salt) gives 64 bytes; the first 32 are the AES-256-GCM
//! key, the other 32 the check that tells a wrong passphrase from altered contents (see
//! [`lobbydesk_core::exchange::Sealed`]). Nothing here is hand-rolled cryptography: WebCrypto
//! does the work; this module only moves bytes in and out.

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use lobbydesk_core::exchange::{FileError, MIN_ITERATIONS, Sealed};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

fn crypto() -> Result<web_sys::Crypto, JsValue> {
    web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .crypto()
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(crypto()?.subtle())
}

fn random(n: usize) -> Result<Vec<u8>, JsValue> {
    let mut b = vec![0u8; n];
    crypto()?.get_random_values_with_u8_array(&mut b)?;
    Ok(b)
}

fn obj(pairs: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v)?;
    }
    Ok(o)
}

fn bytes(v: JsValue) -> Vec<u8> {
    Uint8Array::new(&v.unchecked_into::<ArrayBuffer>()).to_vec()
}

async fn derive(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<(CryptoKey, Vec<u8>), JsValue> {
    let s = subtle()?;
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base: CryptoKey =
        JsFuture::from(s.import_key_with_str("raw", &raw, "PBKDF2", false, &usages)?)
            .await?
            .unchecked_into();
    let alg = obj(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ])?;
    let bits = bytes(JsFuture::from(s.derive_bits_with_object(&alg, &base, 512)?).await?);
    let usages = Array::of2(&JsValue::from_str("encrypt"), &JsValue::from_str("decrypt"));
    let key: CryptoKey = JsFuture::from(s.import_key_with_str(
        "raw",
        &Uint8Array::from(&bits[..32]),
        "AES-GCM",
        false,
        &usages,
    )?)
    .await?
    .unchecked_into();
    Ok((key, bits[32..].to_vec()))
}

fn gcm(iv: &[u8]) -> Result<Object, JsValue> {
    obj(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv).into()),
    ])
}

/// Encrypts a whole export file under `passphrase`; the result is the sealed file's text.
pub async fn seal(plain: &[u8], passphrase: &str) -> Result<String, String> {
    let run = async {
        let (salt, iv) = (random(16)?, random(12)?);
        let (key, check) = derive(passphrase, &salt, MIN_ITERATIONS).await?;
        let data = bytes(
            JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(&gcm(&iv)?, &key, plain)?)
                .await?,
        );
        Ok::<_, JsValue>(Sealed::new(&salt, &iv, &check, &data).to_json())
    };
    run.await.map_err(|e| format!("{e:?}"))
}

/// Decrypts a sealed file: a wrong passphrase and altered contents are told apart.
pub async fn open(sealed: &Sealed, passphrase: &str) -> Result<Vec<u8>, FileError> {
    let (salt, iv, check, data) = sealed.parts()?;
    let (key, mine) = derive(passphrase, &salt, sealed.iterations)
        .await
        .map_err(|_| FileError::WrongPassphrase)?;
    // Compared without stopping at the first difference.
    if mine.len() != check.len() || mine.iter().zip(&check).fold(0u8, |d, (a, b)| d | (a ^ b)) != 0
    {
        return Err(FileError::WrongPassphrase);
    }
    let promise = subtle()
        .and_then(|s| s.decrypt_with_object_and_u8_array(&gcm(&iv)?, &key, &data))
        .map_err(|_| FileError::Tampered)?;
    JsFuture::from(promise)
        .await
        .map(bytes)
        .map_err(|_| FileError::Tampered)
}
