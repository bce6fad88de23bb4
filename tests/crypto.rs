//! Encrypted export files through the browser's real WebCrypto, in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test crypto`).
#![cfg(target_arch = "wasm32")]

use lobbydesk::platform::crypto::{open, seal};
use lobbydesk_core::exchange::{FileError, MIN_ITERATIONS, Sealed, sealed};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const PLAIN: &str = r#"{"format":"lobbydesk-export","records":["张伟 13800138000"]}"#;

async fn sealed_file(pass: &str) -> Sealed {
    let text = seal(PLAIN.as_bytes(), pass).await.expect("seals");
    sealed(text.as_bytes())
        .expect("reads back")
        .expect("is sealed")
}

#[wasm_bindgen_test]
async fn a_sealed_file_opens_with_its_passphrase_and_hides_its_contents() {
    let s = sealed_file("前台 2580").await;
    assert_eq!(s.iterations, MIN_ITERATIONS);
    let text = s.to_json();
    assert!(!text.contains("张伟") && !text.contains("13800138000") && !text.contains("records"));
    assert_eq!(open(&s, "前台 2580").await.unwrap(), PLAIN.as_bytes());
}

#[wasm_bindgen_test]
async fn two_seals_of_the_same_file_differ() {
    let (a, b) = (sealed_file("x").await, sealed_file("x").await);
    assert_ne!(a.salt, b.salt);
    assert_ne!(a.iv, b.iv);
    assert_ne!(a.data, b.data);
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_is_named_as_such() {
    let s = sealed_file("right").await;
    assert_eq!(open(&s, "wrong").await, Err(FileError::WrongPassphrase));
    assert_eq!(open(&s, "").await, Err(FileError::WrongPassphrase));
}

#[wasm_bindgen_test]
async fn altered_ciphertext_is_refused_as_tampered() {
    use base64::Engine;
    let s = sealed_file("right").await;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut data = b64.decode(&s.data).unwrap();
    data[3] ^= 1;
    let tampered = Sealed {
        data: b64.encode(&data),
        ..s.clone()
    };
    assert_eq!(open(&tampered, "right").await, Err(FileError::Tampered));
    let cut = Sealed {
        data: b64.encode(&data[..data.len() - 4]),
        ..s
    };
    assert_eq!(open(&cut, "right").await, Err(FileError::Tampered));
}
