//! Waiting in the browser without blocking it.

use wasm_bindgen_futures::JsFuture;

use crate::NotLoaded;

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// How long an area's code and words may take to arrive before the page says they could not
/// be fetched (a connection that stalls would otherwise leave "Loading…" for good).
pub const AREA_WAIT_MS: i32 = 30_000;

/// How long the frame's words in the reader's language may take at the start, before the
/// sign-in page shows in English (they are a few kilobytes).
pub const FRAME_WAIT_MS: i32 = 10_000;

/// `work`, or [`NotLoaded`] when it has not finished within `ms` milliseconds.
pub async fn within<T>(
    ms: i32,
    work: impl Future<Output = Result<T, NotLoaded>>,
) -> Result<T, NotLoaded> {
    use futures::future::{Either, select};
    let work = std::pin::pin!(work);
    let waited = std::pin::pin!(sleep(ms));
    match select(work, waited).await {
        Either::Left((done, _)) => done,
        Either::Right(((), _)) => Err(NotLoaded),
    }
}
