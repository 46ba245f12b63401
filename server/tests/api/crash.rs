//! Killed mid-write (`kill -9`, no clean shutdown) and started again, a few times over: every
//! public write the server acknowledged is still there, and the audit trail verifies.

use std::{
    collections::HashSet,
    io::BufRead,
    net::{IpAddr, Ipv4Addr},
    process::{Child, Command, Stdio},
    time::Duration,
};

use reqwest::{StatusCode, header};
use serde_json::{Value, json};

use crate::{
    helpers::{Options, TestApp, spawn_app_with},
    signup::{open_sign_up_of, submission},
    widget::embeddable,
};

const SHOP: &str = "https://shop.example.org";

/// The test app's database URL (its SQLite file, or its PostgreSQL database: see
/// [`crate::helpers::database_url`]). Found on a thread of its own, with a runtime of its own:
/// callers are sync functions, called from inside the tests' runtimes.
fn database_url(app: &TestApp) -> String {
    let dir = app.dir.path();
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime")
                    .block_on(crate::helpers::database_url(dir))
            })
            .join()
            .expect("the database URL")
    })
}

/// The real binary on the test app's database, key file and ledger (on PostgreSQL there is
/// no database file for them to default to being beside).
pub(crate) fn consentry(app: &TestApp) -> Command {
    let dir = app.dir.path();
    let mut command = Command::new(env!("CARGO_BIN_EXE_consentry"));
    command
        .env("CONSENTRY__DATABASE__URL", database_url(app))
        .env("CONSENTRY__ENCRYPTION__KEY_FILE", dir.join("consentry.key"))
        .env(
            "CONSENTRY__ERASURE__LEDGER_FILE",
            dir.join("erasures.ledger"),
        )
        .env("CONSENTRY__SERVER__DIST_DIR", dir.join("dist"))
        .env("CONSENTRY__WIDGET__PER_CLIENT_PER_HOUR", "1000000")
        .env("CONSENTRY__WIDGET__PER_FORM_PER_HOUR", "1000000")
        .env("CONSENTRY_LOG", "error");
    command
}

/// `consentry serve` on a free port; the address it answers on.
pub(crate) fn serve(app: &TestApp) -> (Child, String) {
    serve_with(app, &[])
}

/// `consentry serve` on a free port with these settings (environment variables) too.
pub(crate) fn serve_with(app: &TestApp, settings: &[(&str, &str)]) -> (Child, String) {
    let mut child = consentry(app)
        .arg("serve")
        .env("CONSENTRY__SERVER__PORT", "0")
        .envs(settings.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("serve starts");
    let mut lines = std::io::BufReader::new(child.stdout.take().expect("stdout")).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("serve said where it listens")
            .expect("a line");
        if let Some(rest) = line.trim().strip_prefix("Consentry is running at ") {
            break rest.trim_end_matches("/admin").to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines.by_ref() {});
    (child, url)
}

/// What the server acknowledged: banner decisions by receipt id, sign-ups by address.
#[derive(Default)]
struct Acknowledged {
    decisions: Vec<String>,
    sign_ups: Vec<String>,
}

/// Writers send banner decisions and sign-ups until the server stops answering.
async fn write_until_killed(url: &str, cycle: u8, child: &mut Child) -> Acknowledged {
    let mut writers = tokio::task::JoinSet::new();
    for w in 0..8u8 {
        let url = url.to_owned();
        writers.spawn(async move {
            // Each writer its own client address: sign-ups are limited per address.
            let client = reqwest::Client::builder()
                .local_address(IpAddr::V4(Ipv4Addr::new(127, 10 + cycle, w, 1)))
                .build()
                .expect("client");
            let mut acknowledged = Acknowledged::default();
            for n in 0u32.. {
                let written = if n % 2 == 0 {
                    decide(&client, &url)
                        .await
                        .map(|id| acknowledged.decisions.push(id))
                } else {
                    let email = format!("crash{cycle}w{w}n{n}@example.nl");
                    sign_up(&client, &url, &email)
                        .await
                        .map(|()| acknowledged.sign_ups.push(email))
                };
                if written.is_none() {
                    break;
                }
            }
            acknowledged
        });
    }
    tokio::time::sleep(Duration::from_millis(700 + 300 * u64::from(cycle))).await;
    child.kill().expect("kill -9");
    child.wait().expect("killed");
    let mut all = Acknowledged::default();
    for done in writers.join_all().await {
        all.decisions.extend(done.decisions);
        all.sign_ups.extend(done.sign_ups);
    }
    all
}

/// A banner decision; its receipt id once the server answered 201 in full.
async fn decide(client: &reqwest::Client, url: &str) -> Option<String> {
    let answer = client
        .post(format!("{url}/api/public/widget/acme/newsletter/decisions"))
        .header(header::ORIGIN, SHOP)
        .header("sec-fetch-site", "cross-site")
        .json(&json!({"version": 1, "lang": "en", "granted": ["newsletter"]}))
        .send()
        .await
        .ok()?;
    if answer.status() != StatusCode::CREATED {
        return None;
    }
    let body: Value = answer.json().await.ok()?;
    Some(body["receipt_id"].as_str()?.to_owned())
}

/// A sign-up (no double opt-in: consent counts at once); `Some` once answered 202.
async fn sign_up(client: &reqwest::Client, url: &str, email: &str) -> Option<()> {
    let answer = client
        .post(format!("{url}/api/public/sign-up/acme/newsletter"))
        .json(&submission(email))
        .send()
        .await
        .ok()?;
    (answer.status() == StatusCode::ACCEPTED).then_some(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn after_kill_9_and_a_restart_every_acknowledged_public_write_is_there() {
    let mut app = spawn_app_with(Options::default()).await;
    let form = embeddable(&app).await;
    open_sign_up_of(&app, &form, Some(false)).await;
    app.stop().await;

    let mut acknowledged = Acknowledged::default();
    for cycle in 0..3 {
        let (mut child, url) = serve(&app);
        let written = write_until_killed(&url, cycle, &mut child).await;
        assert!(
            written.decisions.len() + written.sign_ups.len() > 10,
            "cycle {cycle}: only {} decisions and {} sign-ups before the kill",
            written.decisions.len(),
            written.sign_ups.len()
        );
        acknowledged.decisions.extend(written.decisions);
        acknowledged.sign_ups.extend(written.sign_ups);
    }

    // Started once more after the last kill: what it holds is what survived.
    let (mut child, _url) = serve(&app);
    child.kill().expect("stop");
    child.wait().expect("stopped");
    let rows = crate::rows::Rows::of(&app).await;
    let events: HashSet<String> = rows
        .ids("SELECT id FROM visitor_consents")
        .await
        .into_iter()
        .map(|id| id.to_string())
        .collect();
    let addresses: HashSet<String> = rows
        .texts("SELECT email FROM records")
        .await
        .into_iter()
        .flatten()
        .collect();
    rows.close().await;
    let lost_decisions: Vec<_> = acknowledged
        .decisions
        .iter()
        .filter(|id| !events.contains(*id))
        .collect();
    let lost_sign_ups: Vec<_> = acknowledged
        .sign_ups
        .iter()
        .filter(|email| !addresses.contains(*email))
        .collect();
    println!(
        "{} decisions and {} sign-ups acknowledged over 3 kills",
        acknowledged.decisions.len(),
        acknowledged.sign_ups.len()
    );
    assert!(
        lost_decisions.is_empty(),
        "lost decisions: {lost_decisions:?}"
    );
    assert!(lost_sign_ups.is_empty(), "lost sign-ups: {lost_sign_ups:?}");

    let verified = consentry(&app)
        .arg("verify-audit")
        .output()
        .expect("verify-audit runs");
    assert!(
        verified.status.success(),
        "verify-audit: {}{}",
        String::from_utf8_lossy(&verified.stdout),
        String::from_utf8_lossy(&verified.stderr)
    );
}

/// Whether `consentry verify-audit` finds the test app's audit trail whole.
pub(crate) fn verify_audit(app: &TestApp) -> bool {
    let verified = consentry(app)
        .arg("verify-audit")
        .output()
        .expect("verify-audit runs");
    if !verified.status.success() {
        eprintln!(
            "verify-audit: {}{}",
            String::from_utf8_lossy(&verified.stdout),
            String::from_utf8_lossy(&verified.stderr)
        );
    }
    verified.status.success()
}
