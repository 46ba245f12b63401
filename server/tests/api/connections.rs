//! Connections under abuse: headers sent too slowly, requests that take too long, bodies left
//! unread by an early answer, and paths that would redirect to another host.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::Value;
use tokio::{io::AsyncWriteExt, net::TcpStream};

use crate::helpers::{
    Options, TestApp, closed_within, read_answer, short_timeouts, spawn_app, spawn_app_with,
};

async fn connect(app: &TestApp) -> TcpStream {
    let address = app.address.trim_start_matches("http://");
    TcpStream::connect(address).await.expect("connect")
}

async fn short_timeouts_app() -> TestApp {
    spawn_app_with(Options {
        tune: short_timeouts,
        ..Options::default()
    })
    .await
}

#[tokio::test]
async fn partial_headers_are_closed_after_the_header_read_timeout() {
    let app = short_timeouts_app().await;
    // Each stalls: within the headers, within the request line, and before a byte.
    let stalls: [&[u8]; 3] = [
        b"GET /api/health HTTP/1.1\r\nHost: consentry\r\nX-Slow: ",
        b"GET /api/hea",
        b"",
    ];
    let mut waiting = Vec::new();
    for stall in stalls {
        let mut stream = connect(&app).await;
        stream.write_all(stall).await.expect("write");
        waiting.push(tokio::spawn(async move {
            let started = Instant::now();
            let closed = closed_within(&mut stream, Duration::from_secs(10)).await;
            (closed, started.elapsed())
        }));
    }
    for (stall, task) in stalls.iter().zip(waiting) {
        let (closed, after) = task.await.expect("task");
        let stall = String::from_utf8_lossy(stall);
        assert!(closed, "{stall:?} was not closed");
        assert!(
            after >= Duration::from_millis(800) && after < Duration::from_secs(5),
            "{stall:?} closed after {after:?}, not after the 1 s header timeout"
        );
    }
    // A client that sends its headers in time is answered.
    let mut stream = connect(&app).await;
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: consentry\r\n\r\n")
        .await
        .expect("write");
    let answer = read_answer(&mut stream).await.expect("an answer");
    assert_eq!(answer.status, 200);
}

#[tokio::test]
async fn a_keep_alive_connection_left_idle_is_closed() {
    let app = short_timeouts_app().await;
    let mut stream = connect(&app).await;
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: consentry\r\n\r\n")
        .await
        .expect("write");
    let answer = read_answer(&mut stream).await.expect("an answer");
    assert_eq!(answer.status, 200);
    assert_ne!(answer.header("connection"), Some("close"));
    assert!(
        closed_within(&mut stream, Duration::from_secs(5)).await,
        "an idle keep-alive connection stays open"
    );
}

#[tokio::test]
async fn a_request_whose_body_arrives_too_slowly_is_stopped_with_503() {
    let app = short_timeouts_app().await;
    let mut stream = connect(&app).await;
    // 10 of the 200 bytes promised, then nothing.
    stream
        .write_all(
            b"POST /api/v1/session HTTP/1.1\r\nHost: consentry\r\n\
              Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"email\":",
        )
        .await
        .expect("write");
    let started = Instant::now();
    let answer = tokio::time::timeout(Duration::from_secs(10), read_answer(&mut stream))
        .await
        .expect("answered in time")
        .expect("an answer");
    assert!(started.elapsed() >= Duration::from_millis(800));
    assert_eq!(answer.status, 503);
    let body: Value = serde_json::from_slice(&answer.body).expect("JSON");
    assert_eq!(body["error"], "request_timeout", "{body}");
    assert_eq!(
        answer.header("connection"),
        Some("close"),
        "the body was not read"
    );
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);
}

#[tokio::test]
async fn an_answer_given_before_the_body_was_read_closes_the_connection() {
    let app = spawn_app().await;
    app.set_up().await;
    // No session: 401 from the headers alone, with most of the body still unsent.
    let mut stream = connect(&app).await;
    let body = format!(
        "{{\"fields\":{{\"last_name\":\"{}\"}}}}",
        "x".repeat(100_000)
    );
    let head = format!(
        "POST /api/v1/records HTTP/1.1\r\nHost: consentry\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    stream
        .write_all(&body.as_bytes()[..1000])
        .await
        .expect("write");
    let answer = read_answer(&mut stream).await.expect("an answer");
    assert_eq!(answer.status, 401);
    assert_eq!(answer.header("connection"), Some("close"));
    assert!(closed_within(&mut stream, Duration::from_secs(5)).await);

    // An error given after the whole body was read keeps the connection for the next request.
    let mut stream = connect(&app).await;
    let wrong = r#"{"email":"admin@acme.example","password":"not the password at all"}"#;
    let request = format!(
        "POST /api/v1/session HTTP/1.1\r\nHost: consentry\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{wrong}",
        wrong.len()
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let refused = read_answer(&mut stream).await.expect("an answer");
    assert_eq!(refused.status, 401);
    assert_ne!(refused.header("connection"), Some("close"));
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: consentry\r\n\r\n")
        .await
        .expect("write");
    assert_eq!(read_answer(&mut stream).await.expect("answer").status, 200);

    // A pooled client alternating refused uploads and reads never fails on its next request.
    let client = reqwest::Client::new();
    let big = "y".repeat(300_000);
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let client = client.clone();
            let big = big.clone();
            let records = app.url("/api/v1/records");
            let health = app.url("/api/health");
            tokio::spawn(async move {
                for _ in 0..5 {
                    let refused = client
                        .post(&records)
                        .header("content-type", "application/json")
                        .body(big.clone())
                        .send()
                        .await
                        .expect("the refused upload is answered");
                    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
                    let next = client
                        .get(&health)
                        .send()
                        .await
                        .expect("the next request on the pool is answered");
                    assert_eq!(next.status(), StatusCode::OK);
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("no pooled request failed");
    }
}

#[tokio::test]
async fn a_double_slash_path_never_redirects_to_another_host() {
    let app = spawn_app().await;
    for path in [
        "//assets",
        "//assets/",
        "//evil.example/x",
        "//evil.example",
        "/assets",
        "/assets/",
        "//admin",
        "/\\evil.example",
    ] {
        let mut stream = connect(&app).await;
        let request = format!("GET {path} HTTP/1.1\r\nHost: consentry\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("write");
        let answer = read_answer(&mut stream).await.expect("an answer");
        let location = answer.header("location").unwrap_or_default();
        assert!(
            !(300..400).contains(&answer.status) || location.starts_with("/admin"),
            "{path}: {} to {location:?}",
            answer.status
        );
        assert!(
            !location.starts_with("//") && !location.starts_with("/\\"),
            "{path} redirects to another host: {location}"
        );
    }
    // The assets themselves are still served.
    let asset = app.get("/assets/boot-0123abcd.js").await;
    assert_eq!(asset.status(), StatusCode::OK);
}

/// A `GET /api/health` whose head (request line and headers) is exactly `bytes` long.
fn head_of(bytes: usize) -> Vec<u8> {
    let start = b"GET /api/health HTTP/1.1\r\nHost: consentry\r\nX-Padding: ".to_vec();
    let end = b"\r\n\r\n";
    let mut head = start;
    head.resize(bytes - end.len(), b'a');
    head.extend_from_slice(end);
    assert_eq!(head.len(), bytes);
    head
}

#[tokio::test]
async fn a_request_head_of_64_kib_is_read_and_one_byte_more_is_refused_with_431() {
    let app = spawn_app().await;
    for (bytes, status) in [(64 * 1024, 200), (64 * 1024 + 1, 431), (112 * 1024, 431)] {
        let mut stream = connect(&app).await;
        stream.write_all(&head_of(bytes)).await.expect("write");
        let answer = tokio::time::timeout(Duration::from_secs(5), read_answer(&mut stream))
            .await
            .expect("answered in time")
            .expect("an answer");
        assert_eq!(answer.status, status, "a head of {bytes} bytes");
    }
}
