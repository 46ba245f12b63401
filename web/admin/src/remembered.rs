//! What this browser remembers for the person between visits (their language, the page size,
//! hidden columns, whether the navigation is open, the form they sent last): local storage,
//! where a browser that refuses it simply remembers nothing.

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value kept under `key`, if any.
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key` (nothing happens when the browser refuses).
pub fn set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}
