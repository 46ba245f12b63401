//! A file to download: its type, its name in `Content-Disposition`, and never cached (what a
//! download holds is one signed-in caller's or one subject's).

use axum::{
    body::Body,
    http::header,
    response::{IntoResponse, Response},
};

/// `body` as a download named `name`.
pub fn download(content_type: &str, name: &str, body: impl Into<Body>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body.into(),
    )
        .into_response()
}
