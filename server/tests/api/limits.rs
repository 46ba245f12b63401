//! Every limit holds under concurrent abuse: many requests at once count as many, and the
//! limited work (a password check, a code comparison, a write) runs at most the limit's times.

use std::{
    net::{IpAddr, Ipv4Addr},
    time::{Duration, Instant},
};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::{
    consent::{form_and_record, send},
    helpers::{
        ADMIN_EMAIL, ADMIN_PASSWORD, Options, TestApp, newest_message_text, send_as, spawn_app_with,
    },
    requests::{code_in, subject_in_two_modules},
    signup::{open_sign_up, submission},
    widget::{embeddable, from_site},
};

/// A client whose connections come from `127.0.0.<n>` (Linux routes all of 127/8 to the
/// loopback device), so the server sees another client address.
fn client_from(n: u8) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, n)))
        .cookie_store(true)
        .build()
        .expect("client")
}

/// Sends `body` to `path` `n` times at once from `client`; the statuses.
async fn at_once(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    body: Value,
    n: usize,
) -> Vec<StatusCode> {
    let mut requests = JoinSet::new();
    for _ in 0..n {
        let request = client.post(app.url(path)).json(&body);
        requests.spawn(async move { request.send().await.expect("request").status() });
    }
    requests.join_all().await
}

fn count(statuses: &[StatusCode], status: StatusCode) -> usize {
    statuses.iter().filter(|s| **s == status).count()
}

#[tokio::test]
async fn forty_wrong_passwords_at_once_are_checked_at_most_the_limit_times() {
    let app = spawn_app_with(Options {
        max_failed_sign_ins: 10,
        account_free_failures: 40,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let guess = json!({"email": ADMIN_EMAIL, "password": "guess guess guess"});
    let statuses = at_once(&client_from(2), &app, "/api/v1/session", guess, 40).await;
    let checked = count(&statuses, StatusCode::UNAUTHORIZED);
    let refused = count(&statuses, StatusCode::TOO_MANY_REQUESTS)
        + count(&statuses, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(checked + refused, 40, "{statuses:?}");
    assert!(
        checked <= 10,
        "{checked} passwords checked, the limit is 10"
    );
    // The address has spent its tries: even the right password is refused from it.
    let right = json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD});
    let after = at_once(&client_from(2), &app, "/api/v1/session", right, 1).await;
    assert_eq!(after, vec![StatusCode::TOO_MANY_REQUESTS]);
}

#[tokio::test]
async fn an_attackers_wrong_passwords_slow_the_account_but_never_lock_its_owner_out() {
    let app = spawn_app_with(Options {
        max_failed_sign_ins: 10,
        account_free_failures: 3,
        account_max_delay_seconds: 2,
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let attacker = client_from(66);
    let guess = json!({"email": ADMIN_EMAIL, "password": "guess guess guess"});
    for _ in 0..10 {
        let status = at_once(&attacker, &app, "/api/v1/session", guess.clone(), 1).await;
        assert_eq!(status, vec![StatusCode::UNAUTHORIZED]);
    }
    let stopped = at_once(&attacker, &app, "/api/v1/session", guess, 1).await;
    assert_eq!(
        stopped,
        vec![StatusCode::TOO_MANY_REQUESTS],
        "the attacker's address"
    );

    // The administrator, from a clean address: slowed down by the account's failures, never
    // refused.
    let started = Instant::now();
    let right = json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD});
    let owner = client_from(7);
    let signed_in = at_once(&owner, &app, "/api/v1/session", right.clone(), 1).await;
    assert_eq!(signed_in, vec![StatusCode::OK]);
    assert!(
        started.elapsed() >= Duration::from_millis(1900),
        "the account's failures slow every attempt at it ({:?})",
        started.elapsed()
    );
    // Signing in forgets the account's failures: the next attempt is not slowed.
    let started = Instant::now();
    let again = at_once(&client_from(8), &app, "/api/v1/session", right, 1).await;
    assert_eq!(again, vec![StatusCode::OK]);
    assert!(started.elapsed() < Duration::from_millis(1900));
}

#[tokio::test]
async fn forty_codes_at_once_spend_at_most_five_tries_and_the_right_code_is_then_refused() {
    let app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    subject_in_two_modules(&app, "eva@example.nl").await;
    let asked = send_as(
        &client_from(3),
        Method::POST,
        &app.url("/api/public/privacy/acme"),
        &json!({"kind": "access", "email": "eva@example.nl", "lang": "en"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let challenge = asked.json::<Value>().await.expect("json")["challenge"]
        .as_str()
        .expect("challenge")
        .to_owned();
    let code = code_in(&newest_message_text(&app).await);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let path = format!("/api/public/privacy/challenges/{challenge}");
    let statuses = at_once(&client_from(3), &app, &path, json!({"code": wrong}), 40).await;
    assert_eq!(count(&statuses, StatusCode::BAD_REQUEST), 5, "{statuses:?}");
    assert_eq!(count(&statuses, StatusCode::GONE), 35, "{statuses:?}");
    let right = at_once(&client_from(4), &app, &path, json!({"code": code}), 1).await;
    assert_eq!(
        right,
        vec![StatusCode::GONE],
        "no tries left, even for the right code"
    );
    let queue = app.queue("/api/v1/requests").await;
    assert!(queue.is_empty(), "nothing filed");
}

#[tokio::test]
async fn checking_codes_is_limited_per_client_across_challenges() {
    let app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    let path = format!("/api/public/privacy/challenges/{}", uuid::Uuid::new_v4());
    let statuses = at_once(&client_from(5), &app, &path, json!({"code": "123456"}), 60).await;
    assert_eq!(count(&statuses, StatusCode::NOT_FOUND), 50, "{statuses:?}");
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 10);
}

#[tokio::test]
async fn forty_sign_ups_at_once_for_one_address_write_at_most_five() {
    let app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    open_sign_up(&app, None).await;
    let statuses = at_once(
        &client_from(9),
        &app,
        "/api/public/sign-up/acme/newsletter",
        submission("flood@example.nl"),
        40,
    )
    .await;
    assert_eq!(count(&statuses, StatusCode::ACCEPTED), 5, "{statuses:?}");
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 35);
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let mails = outbox["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["recipient"] == "flood@example.nl")
        .count();
    assert!(mails <= 5, "{mails} confirmation mails to one address");
}

#[tokio::test]
async fn forty_widget_decisions_at_once_from_one_client_store_at_most_its_limit() {
    let app = spawn_app_with(Options {
        widget_per_client_per_hour: 10,
        ..Options::default()
    })
    .await;
    embeddable(&app).await;
    let path = "/api/public/widget/acme/newsletter/decisions";
    let decision = json!({"version": 1, "lang": "en", "granted": []});
    let mut requests = JoinSet::new();
    for _ in 0..40 {
        let request =
            from_site(Method::POST, &app, path, "https://shop.example.org").json(&decision);
        requests.spawn(async move { request.send().await.expect("request").status() });
    }
    let statuses = requests.join_all().await;
    assert_eq!(count(&statuses, StatusCode::CREATED), 10, "{statuses:?}");
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 30);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit_and_nobody_else_can_pick_one()
 {
    let app = spawn_app_with(Options {
        widget_per_client_per_hour: 10,
        tune: |settings| {
            settings.server.trusted_proxies =
                serde_json::from_value(json!(["127.0.0.1"])).expect("proxies");
        },
        ..Options::default()
    })
    .await;
    embeddable(&app).await;
    let path = "/api/public/widget/acme/newsletter/decisions";
    let decision = json!({"version": 1, "lang": "en", "granted": []});
    // Through the proxy (127.0.0.1): 20 decisions for each of two visitors, at once.
    let mut requests = JoinSet::new();
    for n in 0..40 {
        let visitor = ["203.0.113.1", "203.0.113.2"][n % 2];
        let request = from_site(Method::POST, &app, path, "https://shop.example.org")
            .header("x-forwarded-for", format!("198.51.100.66, {visitor}"))
            .json(&decision);
        requests.spawn(async move { (visitor, request.send().await.expect("request").status()) });
    }
    let answers = requests.join_all().await;
    for visitor in ["203.0.113.1", "203.0.113.2"] {
        let created = answers
            .iter()
            .filter(|(v, status)| *v == visitor && *status == StatusCode::CREATED)
            .count();
        assert_eq!(created, 10, "{visitor}: {answers:?}");
    }
    // Not through the proxy (127.0.0.9): whatever it forwards for, one client.
    let direct = client_from(9);
    let mut requests = JoinSet::new();
    for n in 0..20 {
        let request = direct
            .post(app.url(path))
            .header(reqwest::header::ORIGIN, "https://shop.example.org")
            .header("sec-fetch-site", "cross-site")
            .header("x-forwarded-for", format!("192.0.2.{n}"))
            .json(&decision);
        requests.spawn(async move { request.send().await.expect("request").status() });
    }
    let statuses = requests.join_all().await;
    assert_eq!(count(&statuses, StatusCode::CREATED), 10, "{statuses:?}");
}

#[tokio::test]
async fn forty_requests_for_a_new_consent_link_at_once_send_one_mail() {
    let app = spawn_app_with(Options::default()).await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("klaas@example.nl")).await;
    let token = send(&app, &form, &record).await;
    // Expired long ago.
    let rows = crate::rows::Rows::of(&app).await;
    for column in ["expires_at", "created_at"] {
        rows.set_time(
            "consent_links",
            column,
            "true",
            chrono::DateTime::UNIX_EPOCH,
        )
        .await;
    }
    let outbox = |v: Value| v["messages"].as_array().map_or(0, Vec::len);
    let before = outbox(app.get("/api/v1/outbox").await.json().await.expect("json"));
    let mut requests = JoinSet::new();
    for n in 0..40u8 {
        // From many client addresses, so the per-client limit does not hide a race.
        let request = client_from(20 + n)
            .post(app.url(&format!("/api/public/consent/{token}/renew")))
            .header("x-requested-with", "consentry");
        requests.spawn(async move { request.send().await.expect("request").status() });
    }
    let statuses = requests.join_all().await;
    assert_eq!(
        count(&statuses, StatusCode::ACCEPTED),
        40,
        "all answered alike"
    );
    let after = outbox(app.get("/api/v1/outbox").await.json().await.expect("json"));
    assert_eq!(
        after,
        before + 1,
        "one new link mailed, not {}",
        after - before
    );
}
