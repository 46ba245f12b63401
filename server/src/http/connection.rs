//! `Connection: close` on an answer given before the request's body was read to its end (a
//! 401, 413, 415 or 429 decided from the headers alone). The rest of that body is still on
//! the wire; a pooled client that sent its next request on the same connection would have it
//! read as garbage or lose it when the server closes. Saying so lets the client open a new
//! connection instead.

use std::{
    pin::Pin,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    task::{Context, Poll},
};

use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{HeaderMap, HeaderValue, Version, header},
    middleware::Next,
    response::Response,
};
use http_body::{Frame, SizeHint};

/// Closes the connection after an answer to a request whose declared body was left unread.
pub async fn close_after_unread_body(request: Request, next: Next) -> Response {
    // HTTP/2 ends a stream on its own and forbids the `Connection` header.
    let http1 = matches!(request.version(), Version::HTTP_10 | Version::HTTP_11);
    if !http1 || !declares_body(request.headers()) {
        return next.run(request).await;
    }
    let read_to_end = Arc::new(AtomicBool::new(false));
    let request = request.map(|body| {
        Body::new(Observed {
            inner: body,
            read_to_end: Arc::clone(&read_to_end),
        })
    });
    let mut response = next.run(request).await;
    if !read_to_end.load(Ordering::SeqCst) {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Whether the request comes with a body: chunked, or a `Content-Length` above zero.
fn declares_body(headers: &HeaderMap) -> bool {
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .is_some_and(|v| v.as_bytes().trim_ascii() != b"0")
}

/// A request body that notes when it was read to its end.
struct Observed {
    inner: Body,
    read_to_end: Arc<AtomicBool>,
}

impl http_body::Body for Observed {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        if matches!(polled, Poll::Ready(None)) || self.inner.is_end_stream() {
            self.read_to_end.store(true, Ordering::SeqCst);
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_declared_by_a_length_above_zero_or_chunking() {
        let with = |pairs: &[(header::HeaderName, &'static str)]| {
            let mut headers = HeaderMap::new();
            for (name, value) in pairs {
                headers.insert(name.clone(), HeaderValue::from_static(value));
            }
            declares_body(&headers)
        };
        assert!(!with(&[]));
        assert!(!with(&[(header::CONTENT_LENGTH, "0")]));
        assert!(with(&[(header::CONTENT_LENGTH, "12")]));
        assert!(with(&[(header::TRANSFER_ENCODING, "chunked")]));
    }
}
