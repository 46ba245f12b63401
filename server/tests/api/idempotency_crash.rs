//! `Idempotency-Key` across `kill -9`: keyed writes in flight when the server is killed, the
//! server started again, every key retried after its lease. Each key has made its change
//! exactly once: a change that committed before the kill (its answer not yet kept) is never
//! made again by the retry, which is told `409 idempotency_interrupted` instead.

use std::{
    collections::{BTreeMap, HashMap},
    time::Duration,
};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    api_keys::key,
    crash::serve_with,
    helpers::{Options, spawn_app_with},
};

/// A 1 s request timeout and a 2 s lease, so retries need not wait a minute.
const SHORT: &[(&str, &str)] = &[
    ("CONSENTRY__SERVER__REQUEST_TIMEOUT_SECONDS", "1"),
    ("CONSENTRY__SERVER__IDEMPOTENCY_LEASE_SECONDS", "2"),
];

/// What became of one keyed request before the kill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// Answered 201.
    Created,
    /// Sent, never answered (the server was killed), or stopped by the request timeout.
    Unanswered,
}

fn body(module: &str, name: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({"module_id": module, "fields": {"last_name": name}})).expect("json")
}

async fn keyed_post(
    client: &reqwest::Client,
    url: &str,
    secret: &str,
    key: &str,
    body: &[u8],
) -> reqwest::Result<reqwest::Response> {
    client
        .post(format!("{url}/api/v1/records"))
        .bearer_auth(secret)
        .header("idempotency-key", key)
        .header("content-type", "application/json")
        .body(body.to_vec())
        .send()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn keyed_writes_in_flight_at_kill_9_each_make_their_change_once_when_retried() {
    let mut app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    let (_, secret) = key(&app, "Shop", &["records:write", "records:read"]).await;
    app.stop().await;

    // Every key sent, with its record's name and what its first request got.
    let mut sent: BTreeMap<String, (String, Before)> = BTreeMap::new();
    let mut interrupted = 0;
    let mut fresh_runs = 0;
    for cycle in 0..3u8 {
        let (mut child, url) = serve_with(&app, SHORT);
        let mut writers = tokio::task::JoinSet::new();
        for w in 0..16u8 {
            let (url, secret, leads) = (url.clone(), secret.clone(), leads.clone());
            writers.spawn(async move {
                let client = reqwest::Client::new();
                let mut mine = Vec::new();
                for n in 0u32.. {
                    let key = format!("kill-{cycle}-{w}-{n}");
                    let name = format!("Gestopt {cycle} {w} {n}");
                    let sent = body(&leads, &name);
                    let (before, killed) =
                        match keyed_post(&client, &url, &secret, &key, &sent).await {
                            Ok(answer) if answer.status() == StatusCode::CREATED => {
                                (Before::Created, false)
                            }
                            // Stopped by the 1 s request timeout (a busy debug build): whether
                            // its change was made is for the retry to find out.
                            Ok(answer) if answer.status() == StatusCode::SERVICE_UNAVAILABLE => {
                                (Before::Unanswered, false)
                            }
                            Ok(answer) => panic!("{key}: {}", answer.status()),
                            Err(_) => (Before::Unanswered, true),
                        };
                    mine.push((key, name, before));
                    if killed {
                        break;
                    }
                }
                mine
            });
        }
        tokio::time::sleep(Duration::from_millis(600 + 250 * u64::from(cycle))).await;
        child.kill().expect("kill -9");
        child.wait().expect("killed");
        for mine in writers.join_all().await {
            for (key, name, before) in mine {
                sent.insert(key, (name, before));
            }
        }

        // Started again; after the lease every key is retried, its unanswered ones too.
        let (mut child, url) = serve_with(&app, SHORT);
        tokio::time::sleep(Duration::from_millis(2500)).await;
        let client = reqwest::Client::new();
        for (key, (name, before)) in sent
            .iter()
            .filter(|(k, _)| k.starts_with(&format!("kill-{cycle}-")))
        {
            let answer = keyed_post(&client, &url, &secret, key, &body(&leads, name))
                .await
                .expect("retry");
            let status = answer.status();
            let replayed = answer.headers().contains_key("idempotent-replayed");
            let answer: Value = answer.json().await.expect("json");
            match (status, replayed) {
                (StatusCode::CREATED, true) => {}
                (StatusCode::CREATED, false) => {
                    assert_eq!(*before, Before::Unanswered, "{key} ran twice: {answer}");
                    fresh_runs += 1;
                }
                (StatusCode::CONFLICT, _) => {
                    assert_eq!(
                        answer["error"], "idempotency_interrupted",
                        "{key}: {answer}"
                    );
                    assert_eq!(answer["field"], "Idempotency-Key");
                    let message = answer["message"].as_str().unwrap_or_default();
                    assert!(
                        message.contains("record.created") && message.contains("audit entry"),
                        "{message}"
                    );
                    assert_eq!(*before, Before::Unanswered, "{key}: {answer}");
                    interrupted += 1;
                }
                other => panic!("{key}: {other:?} {answer}"),
            }
        }
        child.kill().expect("stop");
        child.wait().expect("stopped");
    }

    // Exactly one record per key sent and answered; at most one per key never answered.
    let rows = crate::rows::Rows::of(&app).await;
    let names = rows.texts("SELECT last_name FROM records").await;
    let created = rows
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'record.created'")
        .await;
    rows.close().await;
    let mut made: HashMap<String, usize> = HashMap::new();
    for name in names {
        *made.entry(name.unwrap_or_default()).or_default() += 1;
    }
    let twice: Vec<_> = made.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "keys that made two records: {twice:?}");
    for (key, (name, _)) in &sent {
        // After the retries every key made its record: before the kill, or on its retry.
        assert_eq!(made.get(name), Some(&1), "{key} made no record");
    }
    assert_eq!(
        usize::try_from(created).expect("count"),
        sent.len(),
        "one record.created audit entry per key"
    );
    println!(
        "{} keys over 3 kills: {} unanswered, {interrupted} interrupted (change made, answer \
         lost), {fresh_runs} run on retry",
        sent.len(),
        sent.values()
            .filter(|(_, b)| *b == Before::Unanswered)
            .count()
    );

    let verified = crate::crash::verify_audit(&app);
    assert!(verified, "verify-audit failed");
}
