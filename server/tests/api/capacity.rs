//! Bounded under many connections: open connections capped overall and per client address,
//! request bodies held within a budget, a body too large for its route refused from its
//! declared length before a byte of it is read, and the real server's memory bounded with a
//! thousand clients trickling bodies.

use std::{
    net::{IpAddr, Ipv4Addr, SocketAddr},
    time::{Duration, Instant},
};

use serde_json::Value;
use tokio::{
    io::AsyncWriteExt,
    net::{TcpSocket, TcpStream},
};

use crate::helpers::{
    ADMIN_EMAIL, ADMIN_PASSWORD, Options, RawAnswer, TestApp, closed_within, read_answer,
    spawn_app, spawn_app_with,
};

fn address(app: &TestApp) -> SocketAddr {
    app.address
        .trim_start_matches("http://")
        .parse()
        .expect("a socket address")
}

/// A raw connection from the loopback address `from` (all of 127/8 is loopback).
async fn connect_from(to: SocketAddr, from: Ipv4Addr) -> TcpStream {
    let socket = TcpSocket::new_v4().expect("socket");
    socket
        .bind(SocketAddr::new(IpAddr::V4(from), 0))
        .expect("bind");
    socket.connect(to).await.expect("connect")
}

/// The answer a connection gets without sending anything, if one comes within 2 s.
async fn answered_unasked(stream: &mut TcpStream) -> Option<RawAnswer> {
    tokio::time::timeout(Duration::from_secs(2), read_answer(stream))
        .await
        .ok()
        .flatten()
}

fn assert_busy(answer: &RawAnswer) {
    assert_eq!(answer.status, 503);
    assert!(answer.header("retry-after").is_some(), "{answer:?}");
    assert_eq!(answer.header("connection"), Some("close"));
    let body: Value = serde_json::from_slice(&answer.body).expect("JSON");
    assert_eq!(body["error"], "busy", "{body}");
}

async fn health(stream: &mut TcpStream) -> u16 {
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: consentry\r\n\r\n")
        .await
        .expect("write");
    read_answer(stream).await.map_or(0, |a| a.status)
}

fn capped(settings: &mut consentry_server::Settings) {
    settings.server.max_connections = 6;
    settings.server.max_connections_per_client = 3;
}

#[tokio::test]
async fn connections_beyond_the_overall_and_the_per_client_bound_are_answered_busy_and_closed() {
    let app = spawn_app_with(Options {
        tune: capped,
        ..Options::default()
    })
    .await;
    let to = address(&app);
    let one = Ipv4Addr::new(127, 0, 0, 1);
    // Three from one client: open and served.
    let mut first = Vec::new();
    for _ in 0..3 {
        let mut stream = connect_from(to, one).await;
        assert_eq!(health(&mut stream).await, 200);
        first.push(stream);
    }
    // A fourth from the same client: 503 at once, and closed.
    let mut fourth = connect_from(to, one).await;
    let refused = answered_unasked(&mut fourth)
        .await
        .expect("answered at once");
    assert_busy(&refused);
    assert!(closed_within(&mut fourth, Duration::from_secs(3)).await);
    // Another client still gets in, up to the overall bound of six.
    let mut second = Vec::new();
    for _ in 0..3 {
        let mut stream = connect_from(to, Ipv4Addr::new(127, 0, 0, 2)).await;
        assert_eq!(health(&mut stream).await, 200);
        second.push(stream);
    }
    let mut seventh = connect_from(to, Ipv4Addr::new(127, 0, 0, 3)).await;
    assert_busy(
        &answered_unasked(&mut seventh)
            .await
            .expect("answered at once"),
    );
    // A connection that closes frees its place.
    drop(first.pop());
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let mut stream = connect_from(to, Ipv4Addr::new(127, 0, 0, 3)).await;
        if health(&mut stream).await == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the closed connection's place stayed taken"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn small_budget(settings: &mut consentry_server::Settings) {
    // Room for 26 bodies of 1,040,000 bytes (just under the general limit of 1 MiB); the
    // import limit is 25 MiB.
    settings.server.request_body_budget_bytes = 26 * 1024 * 1024;
}

/// A sign-in declaring a 1 MiB body, of which only its start arrives.
async fn stalled_body(to: SocketAddr, from: Ipv4Addr) -> TcpStream {
    let mut stream = connect_from(to, from).await;
    stream
        .write_all(
            b"POST /api/v1/session HTTP/1.1\r\nHost: consentry\r\n\
              Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{\"email\":",
        )
        .await
        .expect("write");
    stream
}

/// Bytes of a body that arrive in [`sent_body`]: just under 1 MiB.
const SENT: usize = 1_040_000;

/// A sign-in declaring a 1 MiB body, of which [`SENT`] bytes arrive (while the server takes
/// them), then nothing more.
async fn sent_body(to: SocketAddr, from: Ipv4Addr) -> TcpStream {
    let mut stream = connect_from(to, from).await;
    let mut request = b"POST /api/v1/session HTTP/1.1\r\nHost: consentry\r\n\
              Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n"
        .to_vec();
    request.resize(request.len() + SENT, b' ');
    // A body the server stops reading is not written to its end: its answer is what counts.
    let _ = tokio::time::timeout(Duration::from_secs(3), stream.write_all(&request)).await;
    stream
}

#[tokio::test]
async fn bodies_beyond_the_budget_are_answered_busy_until_bodies_in_flight_end() {
    let app = spawn_app_with(Options {
        tune: small_budget,
        ..Options::default()
    })
    .await;
    let to = address(&app);
    let mut held = Vec::new();
    for n in 0..26u8 {
        held.push(sent_body(to, Ipv4Addr::new(127, 1, n, 1)).await);
    }
    // Each is read, and waits for the rest of its body: none answered yet.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for stream in &mut held {
        assert!(answered_unasked_quickly(stream).await.is_none());
    }
    let mut over = sent_body(to, Ipv4Addr::new(127, 1, 100, 1)).await;
    let refused = answered_unasked(&mut over).await.expect("answered");
    assert_busy(&refused);
    assert!(closed_within(&mut over, Duration::from_secs(4)).await);
    // A request without a body is not held up by the budget.
    let mut stream = connect_from(to, Ipv4Addr::new(127, 1, 101, 1)).await;
    assert_eq!(health(&mut stream).await, 200);
    // A body in flight that ends (its client gives up) returns what it held.
    drop(held.pop());
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        let mut next = sent_body(to, Ipv4Addr::new(127, 1, 102, 1)).await;
        match answered_unasked_quickly(&mut next).await {
            None => break,
            Some(answer) => assert_busy(&answer),
        }
        assert!(
            Instant::now() < deadline,
            "the ended body's share was not returned"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The request head of a sign-in declaring a 1 MiB body.
const SIGN_IN_HEAD: &[u8] = b"POST /api/v1/session HTTP/1.1\r\nHost: consentry\r\n\
    Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n";

#[tokio::test]
async fn one_client_trickling_bodies_on_all_its_connections_does_not_starve_anyone_else() {
    // The defaults: a 64 MiB budget, 64 connections per client.
    let app = spawn_app().await;
    app.set_up().await;
    let to = address(&app);
    let attacker = Ipv4Addr::new(127, 2, 0, 1);
    // 64 connections, each declaring a 1 MiB body and sending a byte of it a second.
    let mut trickling = tokio::task::JoinSet::new();
    for _ in 0..64 {
        let mut stream = connect_from(to, attacker).await;
        stream.write_all(SIGN_IN_HEAD).await.expect("write");
        trickling.spawn(async move {
            for _ in 0..5 {
                if stream.write_all(b" ").await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            stream
        });
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    // Meanwhile another client signs in, at once.
    let started = Instant::now();
    let signed_in = app
        .client
        .post(app.url("/api/v1/session"))
        .header("x-requested-with", "consentry")
        .json(&serde_json::json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(
        signed_in.status(),
        reqwest::StatusCode::OK,
        "{:?}",
        signed_in.text().await
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let mut held = trickling.join_all().await;
    // The trickling bodies were still being read, not refused.
    let answers = futures::future::join_all(held.iter_mut().map(answered_unasked_quickly)).await;
    let answered: Vec<u16> = answers.iter().flatten().map(|a| a.status).collect();
    assert!(
        answered.is_empty(),
        "trickling bodies answered: {answered:?}"
    );
}

#[tokio::test]
async fn a_client_past_its_share_of_the_budget_is_answered_busy_while_another_imports() {
    // The defaults: a 64 MiB budget, of which one client may hold 25 MiB (an import's limit).
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let to = address(&app);
    let greedy = Ipv4Addr::new(127, 3, 0, 1);
    // 30 bodies of [`SENT`] bytes from one address: room for 25 of them in its share.
    let mut bodies = tokio::task::JoinSet::new();
    for _ in 0..30 {
        bodies.spawn(async move {
            let mut stream = sent_body(to, greedy).await;
            let answer = answered_unasked(&mut stream).await;
            (stream, answer)
        });
    }
    let outcomes = bodies.join_all().await;
    let mut refused = 0;
    for (_, answer) in &outcomes {
        if let Some(answer) = answer {
            assert_busy(answer);
            refused += 1;
        }
    }
    let held = outcomes.len() - refused;
    assert!(held * SENT <= 25 * 1024 * 1024, "{held} bodies held");
    assert!(refused >= 5, "only {refused} of 30 bodies refused");
    // Another client's import of 5 MiB goes through meanwhile.
    let csv = padded_csv(5 * 1024 * 1024);
    let started = crate::imports::upload(&app, &module, "file_name=five.csv", csv).await;
    assert_eq!(
        started.status(),
        reqwest::StatusCode::ACCEPTED,
        "{:?}",
        started.text().await
    );
    drop(outcomes);
}

/// A CSV file of exactly `bytes` bytes holding one record: the rest is a blank row.
fn padded_csv(bytes: usize) -> Vec<u8> {
    let mut csv = b"Voornaam;Achternaam;E-mail\nJan;Jansen;jan@example.nl\n;;".to_vec();
    csv.resize(bytes, b' ');
    csv
}

#[tokio::test]
async fn a_body_of_the_whole_import_limit_sent_at_once_is_read_whole() {
    let app = spawn_app().await;
    app.set_up().await;
    let module = app.module_id("leads").await;
    let csv = padded_csv(25 * 1024 * 1024);
    let started = crate::imports::upload(&app, &module, "file_name=full.csv", csv).await;
    assert_eq!(
        started.status(),
        reqwest::StatusCode::ACCEPTED,
        "{:?}",
        started.text().await
    );
    let id = started.json::<Value>().await.expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let done = crate::imports::finished(&app, &id).await;
    assert_eq!(done["imported"], 1, "{done}");
}

fn two_second_grace(settings: &mut consentry_server::Settings) {
    settings.server.min_body_rate_grace_seconds = 2;
    settings.server.min_body_bytes_per_second = 1024;
}

#[tokio::test]
async fn a_body_slower_than_the_minimum_rate_is_answered_408_after_the_grace() {
    let app = spawn_app_with(Options {
        tune: two_second_grace,
        ..Options::default()
    })
    .await;
    let to = address(&app);
    let mut stream = connect_from(to, Ipv4Addr::LOCALHOST).await;
    stream.write_all(SIGN_IN_HEAD).await.expect("write");
    let started = Instant::now();
    // 40 bytes a second.
    let (mut reader, mut writer) = stream.into_split();
    let trickle = tokio::spawn(async move {
        while writer.write_all(b"          ").await.is_ok() {
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    });
    let answer = tokio::time::timeout(Duration::from_secs(5), read_answer(&mut reader))
        .await
        .expect("answered within 5 s")
        .expect("an answer");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(2),
        "stopped within the grace: {took:?}"
    );
    assert_eq!(answer.status, 408, "{answer:?}");
    assert_eq!(answer.header("connection"), Some("close"));
    let body: Value = serde_json::from_slice(&answer.body).expect("JSON");
    assert_eq!(body["error"], "body_too_slow", "{body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(message.contains("1024 bytes a second"), "{message}");
    trickle.abort();
}

#[tokio::test]
async fn a_slow_body_at_the_minimum_rate_is_read_to_its_end() {
    let app = spawn_app_with(Options {
        tune: two_second_grace,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let to = address(&app);
    // 16 KiB at 4 KiB a second: four seconds, twice the grace.
    let json = format!(r#"{{"email":"{ADMIN_EMAIL}","password":"{ADMIN_PASSWORD}"}}"#);
    let mut body = vec![b' '; 16 * 1024 - json.len()];
    body.extend_from_slice(json.as_bytes());
    let mut stream = connect_from(to, Ipv4Addr::LOCALHOST).await;
    let head = format!(
        "POST /api/v1/session HTTP/1.1\r\nHost: consentry\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    for chunk in body.chunks(1024) {
        tokio::time::sleep(Duration::from_millis(250)).await;
        stream.write_all(chunk).await.expect("write");
    }
    let answer = answered_unasked(&mut stream).await.expect("an answer");
    assert_eq!(answer.status, 200, "{answer:?}");
}

/// The answer a connection gets within 300 ms, if any.
async fn answered_unasked_quickly(stream: &mut TcpStream) -> Option<RawAnswer> {
    tokio::time::timeout(Duration::from_millis(300), read_answer(stream))
        .await
        .ok()
        .flatten()
}

#[tokio::test]
async fn a_declared_body_too_large_for_its_route_is_refused_at_once_without_100_continue() {
    let app = spawn_app().await;
    app.set_up().await;
    let to = address(&app);
    for (path, length, limit) in [
        ("/api/v1/records", 1024 * 1024 + 1, "1 MiB"),
        (
            "/api/v1/imports?module=x&file_name=a.csv",
            25 * 1024 * 1024 + 1,
            "25 MiB",
        ),
        (
            "/api/public/widget/acme/cookies/decisions",
            4 * 1024 + 1,
            "4 KiB",
        ),
    ] {
        let mut stream = connect_from(to, Ipv4Addr::LOCALHOST).await;
        // Headers only, asking for `100 Continue` before sending the body.
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: consentry\r\nContent-Type: application/json\r\n\
             Expect: 100-continue\r\nContent-Length: {length}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.expect("write");
        let started = Instant::now();
        let answer = answered_unasked(&mut stream)
            .await
            .expect("answered at once");
        assert!(started.elapsed() < Duration::from_secs(1), "{path}");
        // Not `100 Continue` first: the first status line read is the 413.
        assert_eq!(answer.status, 413, "{path}: {answer:?}");
        assert_eq!(answer.header("connection"), Some("close"), "{path}");
        let body: Value = serde_json::from_slice(&answer.body).expect("JSON");
        assert_eq!(body["error"], "payload_too_large");
        let message = body["message"].as_str().unwrap_or_default();
        assert!(message.contains(limit), "{path}: {message}");
        assert!(
            closed_within(&mut stream, Duration::from_secs(3)).await,
            "{path}"
        );
    }
    // An import just over the general limit is not refused from its length.
    let mut stream = connect_from(to, Ipv4Addr::LOCALHOST).await;
    stream
        .write_all(
            b"POST /api/v1/imports?module=x&file_name=a.csv HTTP/1.1\r\nHost: consentry\r\n\
              Content-Type: text/csv\r\nExpect: 100-continue\r\nContent-Length: 2097152\r\n\r\n",
        )
        .await
        .expect("write");
    let answer = answered_unasked(&mut stream).await.expect("an answer");
    assert_ne!(answer.status, 413, "{answer:?}");
}

#[test]
fn a_thousand_clients_trickling_bodies_leave_the_server_within_a_memory_bound() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let mut app = spawn_app_with(Options::default()).await;
        app.set_up().await;
        app.stop().await;
        let (mut child, url) = crate::crash::serve_with(&app, &[]);
        let pid = child.id();
        let to: SocketAddr = url.trim_start_matches("http://").parse().expect("address");
        // Warm up: a sign-in, so the baseline includes what the first request sets up.
        let warm = reqwest::Client::new()
            .post(format!("{url}/api/v1/session"))
            .json(&serde_json::json!({"email": "warm@example.org", "password": "not it at all"}))
            .send()
            .await
            .expect("warm up");
        assert_eq!(warm.status(), reqwest::StatusCode::UNAUTHORIZED);
        let before = memory_kib(pid, "VmRSS");
        // 1,000 connections from 20 addresses (50 each, within the per-client bound), each
        // declaring a 1 MiB body and sending 384 KiB of it, then stalling.
        let chunk = vec![b' '; 384 * 1024];
        let mut clients = tokio::task::JoinSet::new();
        for n in 0..1000u32 {
            let chunk = chunk.clone();
            let from = Ipv4Addr::new(127, 30, u8::try_from(n % 20).expect("n"), 1);
            clients.spawn(async move {
                let mut stream = stalled_body(to, from).await;
                let _ =
                    tokio::time::timeout(Duration::from_secs(5), stream.write_all(&chunk)).await;
                stream
            });
        }
        let held: Vec<TcpStream> = clients.join_all().await;
        tokio::time::sleep(Duration::from_secs(2)).await;
        let during = memory_kib(pid, "VmRSS");
        let peak = memory_kib(pid, "VmHWM");
        drop(held);
        child.kill().expect("stop");
        child.wait().expect("stopped");
        println!(
            "VmRSS {before} KiB before, {during} KiB with 1,000 stalled bodies, peak {peak} KiB"
        );
        // The budget (64 MiB) bounds the bodies; the rest is the connections themselves. Held
        // whole, the bodies alone would be 375 MiB.
        assert!(
            peak.saturating_sub(before) < 160 * 1024,
            "the server grew from {before} KiB to {peak} KiB"
        );
    });
}

/// A figure from `/proc/{pid}/status` in KiB (`VmRSS`, `VmHWM`).
fn memory_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a figure")
}
