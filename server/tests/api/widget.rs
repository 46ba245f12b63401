//! The embeddable widget's server side: CORS per form, configuration, banner decisions with
//! receipts and Global Privacy Control, limits, and the script itself.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::{
    consent::form_and_record,
    helpers::{Options, TestApp, error_body, second_tenant_client, spawn_app, spawn_app_with},
};

pub const SHOP: &str = "https://shop.example.org";

/// The published "Newsletter" form (purposes `service`, required, and `newsletter`), allowed
/// on the shop's site.
pub async fn embeddable(app: &TestApp) -> String {
    app.set_up().await;
    let (form, _) = form_and_record(app, None).await;
    let saved = app
        .send(
            Method::PUT,
            &format!("/api/v1/forms/{form}/widget"),
            &json!({"allowed_origins": ["HTTPS://Shop.example.org/"], "consent_mode": true}),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
    let saved: Value = saved.json().await.expect("json");
    assert_eq!(saved["widget"]["allowed_origins"], json!([SHOP]));
    form
}

/// A request as a page on `origin` sends it (no cookie).
pub fn from_site(
    method: Method,
    app: &TestApp,
    path: &str,
    origin: &str,
) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .request(method, app.url(path))
        .header(header::ORIGIN, origin)
        .header("sec-fetch-site", "cross-site")
}

#[tokio::test]
async fn a_form_answers_only_pages_on_its_allowed_sites() {
    let app = spawn_app().await;
    embeddable(&app).await;
    let config = from_site(
        Method::GET,
        &app,
        "/api/public/widget/acme/newsletter?lang=nl",
        SHOP,
    )
    .send()
    .await
    .expect("request");
    assert_eq!(config.status(), StatusCode::OK);
    assert_eq!(config.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], SHOP);
    let config: Value = config.json().await.expect("json");
    assert_eq!(config["lang"], "nl");
    assert_eq!(config["labels"]["accept_all"], "Alles accepteren");
    assert_eq!(config["widget"]["consent_mode"], true);
    assert_eq!(config["version"], 1);

    // The browser's preflight for a decision.
    let preflight = from_site(
        Method::OPTIONS,
        &app,
        "/api/public/widget/acme/newsletter/decisions",
        SHOP,
    )
    .header("access-control-request-method", "POST")
    .header("access-control-request-headers", "content-type")
    .send()
    .await
    .expect("request");
    assert_eq!(preflight.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        preflight.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        SHOP
    );
    assert!(
        preflight.headers()[header::ACCESS_CONTROL_ALLOW_HEADERS]
            .to_str()
            .expect("text")
            .contains("content-type")
    );

    // Another site gets neither the configuration nor a way to post, with no CORS grant.
    for (method, path) in [
        (Method::GET, "/api/public/widget/acme/newsletter"),
        (
            Method::OPTIONS,
            "/api/public/widget/acme/newsletter/decisions",
        ),
        (Method::POST, "/api/public/sign-up/acme/newsletter"),
    ] {
        let refused = from_site(method, &app, path, "https://evil.example")
            .json(&json!({}))
            .send()
            .await
            .expect("request");
        assert!(
            refused
                .headers()
                .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
                .is_none()
        );
        assert_eq!(
            error_body(refused, StatusCode::FORBIDDEN).await["error"],
            "origin_not_allowed",
            "{path}"
        );
    }
    // Settings name the origin at fault.
    let form: Vec<Value> = app.get("/api/v1/forms").await.json().await.expect("json");
    let id = form[0]["id"].as_str().expect("id");
    let bad = app
        .send(
            Method::PUT,
            &format!("/api/v1/forms/{id}/widget"),
            &json!({"allowed_origins": [SHOP, "http://shop.example.org/path"]}),
        )
        .await;
    assert_eq!(
        error_body(bad, StatusCode::BAD_REQUEST).await["field"],
        "allowed_origins[1]"
    );
    // The same settings again, in another spelling: nothing changes, nothing is audited.
    let audited = || async {
        let trail: Vec<Value> = app
            .get("/api/v1/audit?action=form.widget_changed")
            .await
            .json()
            .await
            .expect("json");
        trail.len()
    };
    let before = audited().await;
    let same = app
        .send(
            Method::PUT,
            &format!("/api/v1/forms/{id}/widget"),
            &json!({"allowed_origins": ["https://shop.example.org"], "consent_mode": true}),
        )
        .await;
    assert_eq!(same.status(), StatusCode::OK);
    assert_eq!(audited().await, before);
}

#[tokio::test]
async fn a_banner_decision_is_stored_with_a_receipt_and_global_privacy_control() {
    let app = spawn_app().await;
    let form = embeddable(&app).await;
    let path = "/api/public/widget/acme/newsletter/decisions";
    let decided = from_site(Method::POST, &app, path, SHOP)
        .header("sec-gpc", "1")
        .json(&json!({"version": 1, "lang": "en", "granted": []}))
        .send()
        .await
        .expect("request");
    assert_eq!(decided.status(), StatusCode::CREATED);
    assert_eq!(decided.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN], SHOP);
    let decided: Value = decided.json().await.expect("json");
    assert_eq!(decided["gpc"], true, "the Sec-GPC header counts");
    assert_eq!(
        decided["granted"],
        json!(["service"]),
        "required ones always"
    );
    let checked: Value = app
        .post(
            "/api/public/receipts/verify",
            &json!({"receipt": decided["receipt"]}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(checked["receipt_id"], decided["receipt_id"]);
    assert_eq!(checked["decision"], "refused");
    assert_eq!(checked["form_version"], 1);

    let accepted = from_site(Method::POST, &app, path, SHOP)
        .json(&json!({"version": 1, "lang": "nl", "granted": ["newsletter"], "gpc": false}))
        .send()
        .await
        .expect("request");
    assert_eq!(accepted.status(), StatusCode::CREATED);
    let summary: Value = app
        .get(&format!("/api/v1/forms/{form}/visitor-consents/summary"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        summary,
        json!({"decisions": 2, "accepted_all": 1, "rejected_all": 1, "gpc": 1})
    );

    // The consent log: newest first, by receipt id, by page.
    let log = |query: String| {
        let app = &app;
        let form = form.clone();
        async move {
            let page: Value = app
                .get(&format!("/api/v1/forms/{form}/visitor-consents?{query}"))
                .await
                .json()
                .await
                .expect("json");
            page
        }
    };
    let newest = log("limit=1".into()).await;
    assert_eq!(newest["consents"][0]["choice"], "accepted_all");
    assert_eq!(newest["consents"][0]["origin"], SHOP);
    assert!(newest["consents"][0].get("ip").is_none());
    let next = newest["next"].as_str().expect("a next page").to_owned();
    let older = log(format!("limit=1&after={next}")).await;
    assert_eq!(older["consents"][0]["receipt_id"], decided["receipt_id"]);
    assert_eq!(older["consents"][0]["gpc"], true);
    assert!(older["next"].is_null());
    let receipt = decided["receipt_id"].as_str().expect("id");
    let found = log(format!("receipt={receipt}")).await;
    assert_eq!(found["consents"].as_array().map(Vec::len), Some(1));
    assert_eq!(found["consents"][0]["choice"], "rejected_all");
    let too_many = app
        .get(&format!("/api/v1/forms/{form}/visitor-consents?limit=500"))
        .await;
    assert_eq!(
        error_body(too_many, StatusCode::BAD_REQUEST).await["field"],
        "limit"
    );

    // Another organisation does not see the log.
    let other = second_tenant_client(&app).await;
    for path in ["visitor-consents", "visitor-consents/summary"] {
        let hidden = other
            .get(app.url(&format!("/api/v1/forms/{form}/{path}")))
            .send()
            .await
            .expect("request");
        assert_eq!(hidden.status(), StatusCode::NOT_FOUND, "{path}");
    }

    // Refusals, each naming what to fix; nothing stored.
    let unknown = from_site(Method::POST, &app, path, SHOP)
        .json(&json!({"version": 1, "lang": "en", "granted": ["tracking"]}))
        .send()
        .await
        .expect("request");
    assert_eq!(
        error_body(unknown, StatusCode::BAD_REQUEST).await["field"],
        "granted"
    );
    // Versions count from 1: version 0 was never shown (an older one is 410 form_changed).
    let never = from_site(Method::POST, &app, path, SHOP)
        .json(&json!({"version": 0, "lang": "en", "granted": []}))
        .send()
        .await
        .expect("request");
    assert_eq!(
        error_body(never, StatusCode::BAD_REQUEST).await["field"],
        "version"
    );
    let huge = from_site(Method::POST, &app, path, SHOP)
        .json(&json!({"version": 1, "lang": "en", "granted": ["x".repeat(5000)]}))
        .send()
        .await
        .expect("request");
    assert_eq!(huge.status(), StatusCode::PAYLOAD_TOO_LARGE);

    // The decisions are evidence: the database itself refuses to change or remove them.
    let rows = crate::rows::Rows::of(&app).await;
    for change in [
        "UPDATE visitor_consents SET decision = 'accepted_all'",
        "DELETE FROM visitor_consents",
    ] {
        let refused = rows.execute(change).await.expect_err(change).to_string();
        assert!(refused.contains("append-only"), "{change}: {refused}");
    }
    if let crate::rows::Rows::Postgres(_) = rows {
        assert!(rows.execute("TRUNCATE visitor_consents").await.is_err());
    }
    let summary: Value = app
        .get(&format!("/api/v1/forms/{form}/visitor-consents/summary"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(summary["decisions"], 2);
}

#[tokio::test]
async fn rewording_keeps_the_purposes_fingerprint_and_a_new_purpose_changes_it() {
    let app = spawn_app().await;
    let form = embeddable(&app).await;
    let fingerprint = |app: &TestApp| {
        let url = app.url("/api/public/widget/acme/newsletter");
        async move {
            let config: Value = reqwest::get(url)
                .await
                .expect("request")
                .json()
                .await
                .expect("json");
            (
                config["version"].as_u64().expect("version"),
                config["purposes_fingerprint"]
                    .as_str()
                    .expect("fingerprint")
                    .to_owned(),
            )
        }
    };
    let (_, first) = fingerprint(&app).await;
    let current: Value = app
        .get(&format!("/api/v1/forms/{form}"))
        .await
        .json()
        .await
        .expect("json");
    let mut draft = current["draft"].clone();
    draft["texts"]["en"]["intro"] = json!("We would like to keep in touch, now in other words.");
    let republish = |draft: Value| {
        let app = &app;
        let form = form.clone();
        async move {
            let saved = app
                .send(Method::PUT, &format!("/api/v1/forms/{form}/draft"), &draft)
                .await;
            assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
            let published = app
                .post(&format!("/api/v1/forms/{form}/publish"), &json!({}))
                .await;
            assert!(published.status().is_success());
        }
    };
    republish(draft.clone()).await;
    let (version, reworded) = fingerprint(&app).await;
    assert_eq!((version, reworded.as_str()), (2, first.as_str()));
    draft["purposes"]
        .as_array_mut()
        .expect("purposes")
        .push(json!({"key": "ads", "required": false, "category": "advertising"}));
    for lang in ["en", "nl"] {
        draft["texts"][lang]["purposes"]["ads"] =
            json!({"title": "Ads", "description": "Personalised advertising"});
    }
    republish(draft).await;
    let (version, added) = fingerprint(&app).await;
    assert_eq!(version, 3);
    assert_ne!(added, first);
}

#[tokio::test]
async fn the_inline_sign_up_says_until_when_an_unconfirmed_sign_up_is_kept() {
    let app = spawn_app().await;
    let form = embeddable(&app).await;
    let leads = app.module_id("leads").await;
    let config = |lang: &'static str| {
        let app = &app;
        async move {
            from_site(
                Method::GET,
                app,
                &format!("/api/public/widget/acme/newsletter?lang={lang}"),
                SHOP,
            )
            .send()
            .await
            .expect("request")
            .json::<Value>()
            .await
            .expect("json")
        }
    };
    // No sign-ups, or no double opt-in: nothing waits, nothing to say.
    assert!(config("en").await.get("kept_until").is_none());
    let path = format!("/api/v1/forms/{form}/sign-up");
    let open = |double_opt_in: bool| json!({"module_id": leads, "double_opt_in": double_opt_in});
    assert_eq!(
        app.send(Method::PUT, &path, &open(false)).await.status(),
        StatusCode::OK
    );
    assert!(config("en").await.get("kept_until").is_none());
    // With double opt-in: the waiting period from today, and the words to say it.
    assert_eq!(
        app.send(Method::PUT, &path, &open(true)).await.status(),
        StatusCode::OK
    );
    let settings: Value = app
        .get("/api/v1/compliance/settings")
        .await
        .json()
        .await
        .expect("json");
    let days = settings["waiting_period_days"].as_i64().expect("days");
    let until = (chrono::Utc::now() + chrono::Duration::days(days)).date_naive();
    let en = config("en").await;
    assert_eq!(en["kept_until"], json!(until.to_string()));
    assert!(
        en["labels"]["kept_until"]
            .as_str()
            .is_some_and(|t| t.starts_with("We keep your sign-up") && t.contains("{date}")),
        "{en}"
    );
    let nl = config("nl").await;
    assert!(
        nl["labels"]["kept_until"]
            .as_str()
            .is_some_and(|t| t.starts_with("We bewaren uw aanmelding") && t.contains("{date}")),
        "{nl}"
    );
}

#[tokio::test]
async fn decisions_are_limited_per_client_and_sign_ups_pass_from_allowed_sites() {
    let app = spawn_app_with(Options {
        widget_per_client_per_hour: 2,
        ..Options::default()
    })
    .await;
    let form = embeddable(&app).await;
    let leads = app.module_id("leads").await;
    app.send(
        Method::PUT,
        &format!("/api/v1/forms/{form}/sign-up"),
        &json!({"module_id": leads, "double_opt_in": false}),
    )
    .await;
    let signed_up = from_site(
        Method::POST,
        &app,
        "/api/public/sign-up/acme/newsletter",
        SHOP,
    )
    .json(
        &json!({"lang": "en", "version": 1, "email": "visitor@example.nl",
                      "choices": {"granted": ["service"], "channels": ["email"]}}),
    )
    .send()
    .await
    .expect("request");
    assert_eq!(signed_up.status(), StatusCode::ACCEPTED);
    assert_eq!(
        signed_up.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        SHOP
    );
    let decision = json!({"version": 1, "lang": "en", "granted": []});
    let path = "/api/public/widget/acme/newsletter/decisions";
    let second = from_site(Method::POST, &app, path, SHOP)
        .json(&decision)
        .send()
        .await
        .expect("request");
    assert_eq!(second.status(), StatusCode::CREATED);
    let third = from_site(Method::POST, &app, path, SHOP)
        .json(&decision)
        .send()
        .await
        .expect("request");
    assert_eq!(
        error_body(third, StatusCode::TOO_MANY_REQUESTS).await["error"],
        "too_many_requests"
    );
}

#[tokio::test]
async fn the_script_its_style_and_the_gpc_declaration_are_served() {
    let app = spawn_app().await;
    let script = reqwest::get(app.url("/widget.js")).await.expect("request");
    assert_eq!(script.status(), StatusCode::OK);
    assert!(
        script.headers()[header::CONTENT_TYPE]
            .to_str()
            .expect("text")
            .starts_with("text/javascript")
    );
    assert_eq!(
        script.headers()["cross-origin-resource-policy"],
        "cross-origin"
    );
    let body = script.text().await.expect("text");
    assert!(body.contains("globalPrivacyControl"));
    assert!(!body.contains("eval("), "no eval under a strict CSP");
    let style = reqwest::get(app.url("/widget.css")).await.expect("request");
    assert!(
        style.headers()[header::CONTENT_TYPE]
            .to_str()
            .expect("text")
            .starts_with("text/css")
    );
    let gpc: Value = reqwest::get(app.url("/.well-known/gpc.json"))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(gpc["gpc"], true);
}

#[tokio::test]
async fn several_sec_gpc_fields_count_as_gpc_when_any_is_exactly_1() {
    let app = spawn_app().await;
    embeddable(&app).await;
    let config = |fields: &'static [&'static str]| {
        let app = &app;
        async move {
            let mut request =
                from_site(Method::GET, app, "/api/public/widget/acme/newsletter", SHOP);
            for field in fields {
                request = request.header("sec-gpc", *field);
            }
            let config: Value = request
                .send()
                .await
                .expect("request")
                .json()
                .await
                .expect("json");
            config["gpc"].clone()
        }
    };
    for fields in [&["0", "1"][..], &["1", "0"], &["0, 1"], &["1"]] {
        assert_eq!(config(fields).await, true, "{fields:?}");
    }
    for fields in [&["0"][..], &["0", "0"], &["10"], &["true"], &[]] {
        assert_eq!(config(fields).await, false, "{fields:?}");
    }
    // A decision sent with a 0 field and a 1 field is recorded under Global Privacy Control.
    let decided: Value = from_site(
        Method::POST,
        &app,
        "/api/public/widget/acme/newsletter/decisions",
        SHOP,
    )
    .header("sec-gpc", "0")
    .header("sec-gpc", "1")
    .json(&json!({"version": 1, "lang": "en", "granted": ["newsletter"]}))
    .send()
    .await
    .expect("request")
    .json()
    .await
    .expect("json");
    assert_eq!(decided["gpc"], true, "{decided}");
}
