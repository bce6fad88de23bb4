//! LobbyDesk, the browser app. `main.rs` only calls [`start`].
pub mod storage;
