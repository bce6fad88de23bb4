//! One read-change-write at a time. An inspection's answers are saved as they are given: two
//! quick taps start two saves, and if both read the record before either wrote it, the second
//! write would drop the first answer. Saves that take this lock run one after the other, each
//! reading what the one before it wrote.

use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local!(static BUSY: Cell<bool> = const { Cell::new(false) });

/// Held while a read-change-write runs; the next waits for it to drop.
pub struct Turn(());

impl Drop for Turn {
    fn drop(&mut self) {
        BUSY.with(|b| b.set(false));
    }
}

async fn pause(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Waits for the running read-change-write, if any, then takes the turn.
pub async fn turn() -> Turn {
    // The page runs on one thread: nothing else runs between the check and the set.
    while BUSY.with(|b| b.get()) {
        pause(2).await;
    }
    BUSY.with(|b| b.set(true));
    Turn(())
}
