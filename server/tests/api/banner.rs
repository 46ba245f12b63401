//! The widget governing a page, server side: its settings (consent domain checked against the
//! Public Suffix List, cookies per purpose, lifetime, Consent Mode and UET), the region rule
//! from trusted proxy headers or the test override, and consent-rate figures counted without
//! tracking anyone.

use futures::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    helpers::{Options, TestApp, error_body, spawn_app, spawn_app_with},
    widget::{SHOP, embeddable, from_site},
};

const CONFIG: &str = "/api/public/widget/acme/newsletter";

async fn set_widget(app: &TestApp, form: &str, settings: &Value) -> reqwest::Response {
    app.send(
        Method::PUT,
        &format!("/api/v1/forms/{form}/widget"),
        settings,
    )
    .await
}

async fn config(app: &TestApp, query: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = from_site(Method::GET, app, &format!("{CONFIG}{query}"), SHOP);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("request")
}

fn governing() -> Value {
    json!({
        "allowed_origins": [SHOP, "https://www.example.org"],
        "consent_mode": true,
        "google": {"advanced": true, "wait_for_update_ms": 800,
                   "ads_data_redaction": true, "url_passthrough": true},
        "microsoft_uet": true,
        "consent_domain": " Example.ORG ",
        "cookies": {"newsletter": ["_ga*", " _fbp", "_ga*"]},
        "elsewhere": "notice",
        "lifetime": {"days": 180, "refusal_days": 30}
    })
}

#[tokio::test]
async fn the_widget_settings_reach_the_banner_and_bad_ones_are_refused_naming_the_field() {
    let app = spawn_app().await;
    let form = embeddable(&app).await;
    let saved = set_widget(&app, &form, &governing()).await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
    let saved: Value = saved.json().await.expect("json");
    let widget = &saved["widget"];
    assert_eq!(widget["consent_domain"], "example.org");
    assert_eq!(widget["cookies"], json!({"newsletter": ["_ga*", "_fbp"]}));
    assert_eq!(widget["lifetime"], json!({"days": 180, "refusal_days": 30}));

    let answered = config(&app, "", &[]).await;
    assert_eq!(answered.status(), StatusCode::OK);
    let config: Value = answered.json().await.expect("json");
    let shown = &config["widget"];
    assert_eq!(shown["consent_domain"], "example.org");
    assert_eq!(shown["google"]["advanced"], true);
    assert_eq!(shown["google"]["wait_for_update_ms"], 800);
    assert_eq!(shown["microsoft_uet"], true);
    assert_eq!(shown["cookies"]["newsletter"], json!(["_ga*", "_fbp"]));
    assert_eq!(
        shown["allowed_origins"],
        json!([]),
        "the sites are not told"
    );
    // Nobody said where the visitor is: the opt-in banner.
    assert_eq!(config["rule"], "opt_in");
    assert!(config.get("region").is_none());
    assert_eq!(config["labels"]["load_once"], "Load it");

    // Each refusal names its field and changes nothing.
    let refusals = [
        (
            json!({"consent_domain": "co.uk"}),
            "consent_domain",
            "public suffix",
        ),
        (
            json!({"consent_domain": "github.io"}),
            "consent_domain",
            "public suffix",
        ),
        (
            json!({"consent_domain": "org"}),
            "consent_domain",
            "public suffix",
        ),
        (
            json!({"consent_domain": "example.com"}),
            "consent_domain",
            "None of the form's sites",
        ),
        (
            json!({"consent_domain": "https://example.org/"}),
            "consent_domain",
            "not a domain",
        ),
        (
            json!({"cookies": {"newsletter": ["_ga", "bad name"]}}),
            "cookies.newsletter[1]",
            "cookie name",
        ),
        (json!({"lifetime": {"days": 0}}), "lifetime.days", ""),
        (json!({"lifetime": {"days": 400}}), "lifetime.days", ""),
        (
            json!({"lifetime": {"days": 30, "refusal_days": 31}}),
            "lifetime.refusal_days",
            "",
        ),
        (
            json!({"google": {"wait_for_update_ms": 20000}}),
            "google.wait_for_update_ms",
            "",
        ),
        (json!({"elsewhere": "maybe"}), "elsewhere", ""),
    ];
    for (change, field, says) in refusals {
        let mut settings = governing();
        for (key, value) in change.as_object().expect("object") {
            settings[key] = value.clone();
        }
        let body = error_body(
            set_widget(&app, &form, &settings).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
        assert_eq!(body["field"], field, "{change}: {body}");
        assert!(
            body["message"].as_str().expect("message").contains(says),
            "{body}"
        );
    }
    let kept: Value = app
        .get(&format!("/api/v1/forms/{form}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        kept["widget"], saved["widget"],
        "no refusal changed anything"
    );
}

#[tokio::test]
async fn the_rule_follows_the_region_a_trusted_proxy_names_or_the_test_override() {
    let app = spawn_app_with(Options {
        tune: |settings| {
            settings.server.trusted_proxies =
                serde_json::from_value(json!(["127.0.0.1"])).expect("proxies");
            settings.widget.country_header = Some("CF-IPCountry".into());
            settings.widget.subdivision_header = Some("CloudFront-Viewer-Country-Region".into());
        },
        ..Options::default()
    })
    .await;
    let form = embeddable(&app).await;
    let saved = set_widget(&app, &form, &governing()).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let rule_of = |query: &'static str, headers: &'static [(&'static str, &'static str)]| {
        let app = &app;
        async move {
            let answered = config(app, query, headers).await;
            assert_eq!(answered.status(), StatusCode::OK, "{query} {headers:?}");
            let config: Value = answered.json().await.expect("json");
            (
                config["rule"].as_str().expect("rule").to_owned(),
                config["region"].as_str().map(str::to_owned),
            )
        }
    };
    let region = |r: &str| Some(r.to_owned());
    assert_eq!(
        rule_of("", &[("cf-ipcountry", "DE")]).await,
        ("opt_in".into(), region("DE"))
    );
    assert_eq!(
        rule_of("", &[("cf-ipcountry", "gb")]).await,
        ("opt_in".into(), region("GB"))
    );
    assert_eq!(
        rule_of(
            "",
            &[
                ("cf-ipcountry", "US"),
                ("cloudfront-viewer-country-region", "CA")
            ]
        )
        .await,
        ("opt_out".into(), region("US-CA"))
    );
    assert_eq!(
        rule_of(
            "",
            &[
                ("cf-ipcountry", "US"),
                ("cloudfront-viewer-country-region", "US-VA")
            ]
        )
        .await,
        ("opt_out".into(), region("US-VA"))
    );
    // No opt-out law there, or somewhere else: what the form says for elsewhere.
    assert_eq!(
        rule_of(
            "",
            &[
                ("cf-ipcountry", "US"),
                ("cloudfront-viewer-country-region", "NY")
            ]
        )
        .await,
        ("notice".into(), region("US-NY"))
    );
    assert_eq!(
        rule_of("", &[("cf-ipcountry", "JP")]).await,
        ("notice".into(), region("JP"))
    );
    // Unknown (Cloudflare's XX, Tor's T1): the opt-in banner.
    assert_eq!(
        rule_of("", &[("cf-ipcountry", "XX")]).await,
        ("opt_in".into(), None)
    );
    assert_eq!(
        rule_of("", &[("cf-ipcountry", "T1")]).await,
        ("opt_in".into(), None)
    );
    // A subdivision of another country than the country header's is not believed.
    assert_eq!(
        rule_of(
            "",
            &[
                ("cf-ipcountry", "DE"),
                ("cloudfront-viewer-country-region", "US-CA")
            ]
        )
        .await,
        ("opt_in".into(), region("DE"))
    );
    // A page's ?consentry_region= changes nothing unless the form allows it for testing: a
    // link cannot take an EU visitor out of the opt-in banner.
    assert_eq!(
        rule_of("?region=us-ca", &[("cf-ipcountry", "DE")]).await,
        ("opt_in".into(), region("DE"))
    );
    // …nor does a bad one: the banner still shows.
    assert_eq!(
        rule_of("?region=Narnia", &[("cf-ipcountry", "DE")]).await,
        ("opt_in".into(), region("DE"))
    );
    let mut testing = governing();
    testing["region_testing"] = json!(true);
    assert_eq!(
        set_widget(&app, &form, &testing).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        rule_of("?region=us-ca", &[("cf-ipcountry", "DE")]).await,
        ("opt_out".into(), region("US-CA"))
    );
    let bad = error_body(
        config(&app, "?region=Narnia", &[]).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    assert_eq!(bad["field"], "region");
    // What a page sends with a decision is checked the same way; the server decides the rule.
    let decided = from_site(Method::POST, &app, &format!("{CONFIG}/decisions"), SHOP)
        .header("cf-ipcountry", "DE")
        .json(&json!({"version": 1, "lang": "en", "granted": [], "region": "x".repeat(3000)}))
        .send()
        .await
        .expect("request");
    let refused = error_body(decided, StatusCode::BAD_REQUEST).await;
    assert_eq!(refused["field"], "region");
    assert!(
        refused["message"].as_str().expect("message").len() < 200,
        "not echoed whole"
    );
}

#[tokio::test]
async fn region_headers_are_believed_only_from_a_trusted_proxy_and_only_those_named() {
    // The headers are named, but the request does not come from a trusted proxy.
    let untrusted = spawn_app_with(Options {
        tune: |settings| {
            settings.widget.country_header = Some("CF-IPCountry".into());
            settings.widget.subdivision_header = Some("CloudFront-Viewer-Country-Region".into());
        },
        ..Options::default()
    })
    .await;
    // A trusted proxy, but a header the configuration does not name.
    let unnamed = spawn_app_with(Options {
        tune: |settings| {
            settings.server.trusted_proxies =
                serde_json::from_value(json!(["127.0.0.1"])).expect("proxies");
            settings.widget.country_header = Some("CF-IPCountry".into());
        },
        ..Options::default()
    })
    .await;
    for (app, headers) in [
        (
            &untrusted,
            vec![
                ("cf-ipcountry", "US"),
                ("cloudfront-viewer-country-region", "CA"),
            ],
        ),
        (&unnamed, vec![("x-country", "US"), ("x-region", "US-CA")]),
    ] {
        embeddable(app).await;
        let config: Value = config(app, "", &headers).await.json().await.expect("json");
        assert_eq!(config["rule"], "opt_in", "{headers:?}");
        assert!(config.get("region").is_none());
    }
}

async fn shown(app: &TestApp, body: Value) -> StatusCode {
    from_site(Method::POST, app, &format!("{CONFIG}/impressions"), SHOP)
        .json(&body)
        .send()
        .await
        .expect("request")
        .status()
}

/// A decision from a visitor in `region` (the page's test override).
async fn decided(app: &TestApp, granted: &[&str], region: &str) -> StatusCode {
    from_site(Method::POST, app, &format!("{CONFIG}/decisions"), SHOP)
        .json(&json!({"version": 1, "lang": "en", "granted": granted, "region": region}))
        .send()
        .await
        .expect("request")
        .status()
}

#[tokio::test]
async fn banners_shown_and_decisions_are_counted_per_version_and_rule_when_they_arrive_at_once() {
    let app = spawn_app_with(Options {
        widget_per_client_per_hour: 1_000,
        ..Options::default()
    })
    .await;
    let form = embeddable(&app).await;
    // Without the form's permission a page's region changes nothing: counted as opt-in.
    let us = json!({"version": 1, "region": "US-CA"});
    assert_eq!(shown(&app, us.clone()).await, StatusCode::NO_CONTENT);
    assert_eq!(
        decided(&app, &["newsletter"], "US-CA").await,
        StatusCode::CREATED
    );
    let mut testing = governing();
    testing["region_testing"] = json!(true);
    assert_eq!(
        set_widget(&app, &form, &testing).await.status(),
        StatusCode::OK
    );
    let opt_in = json!({"version": 1, "region": "NL"});
    let opt_out = us;
    let statuses = join_all(
        (0..39)
            .map(|_| shown(&app, opt_in.clone()))
            .chain((0..10).map(|_| shown(&app, opt_out.clone()))),
    )
    .await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::NO_CONTENT),
        "{statuses:?}"
    );
    let statuses = join_all(
        (0..4)
            .map(|_| decided(&app, &["newsletter"], "FR"))
            .chain((0..4).map(|_| decided(&app, &[], "DE")))
            .chain((0..3).map(|_| decided(&app, &["newsletter"], "US-CA"))),
    )
    .await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::CREATED),
        "{statuses:?}"
    );

    let report: Value = app
        .get(&format!("/api/v1/forms/{form}/widget/figures"))
        .await
        .json()
        .await
        .expect("json");
    let figures = report["figures"].as_array().expect("figures");
    let of = |rule: &str| {
        figures
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap_or_else(|| panic!("{rule} in {report}"))
            .clone()
    };
    let opt_in_figures = of("opt_in");
    assert_eq!(opt_in_figures["version"], 1);
    assert_eq!(opt_in_figures["shown"], 40);
    assert_eq!(opt_in_figures["decisions"], 9);
    assert_eq!(opt_in_figures["accepted_all"], 5);
    assert_eq!(opt_in_figures["rejected_all"], 4);
    assert_eq!(opt_in_figures["customised"], 0);
    assert_eq!(
        opt_in_figures["granted"],
        json!({"service": 9, "newsletter": 5})
    );
    let opt_out_figures = of("opt_out");
    assert_eq!(
        (
            opt_out_figures["shown"].as_u64(),
            opt_out_figures["decisions"].as_u64()
        ),
        (Some(10), Some(3))
    );

    // The consent log names the rule of each decision.
    let log: Value = app
        .get(&format!("/api/v1/forms/{form}/visitor-consents?limit=20"))
        .await
        .json()
        .await
        .expect("json");
    let rules: Vec<&str> = log["consents"]
        .as_array()
        .expect("consents")
        .iter()
        .map(|c| c["rule"].as_str().expect("rule"))
        .collect();
    assert_eq!(rules.iter().filter(|r| **r == "opt_out").count(), 3);
    assert_eq!(rules.len(), 12);

    // The CSV: a row per version and rule, with each purpose's opt-in rate.
    let csv = app
        .get(&format!("/api/v1/forms/{form}/widget/figures?format=csv"))
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/csv")
    );
    let text = csv.text().await.expect("text");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "version",
            "rule",
            "shown",
            "decisions",
            "accepted_all",
            "rejected_all",
            "customised",
            "granted_newsletter",
            "opt_in_percent_newsletter",
            "granted_service",
            "opt_in_percent_service"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    assert!(
        rows.contains(
            &[
                "1", "opt_in", "40", "9", "5", "4", "0", "5", "55.6", "9", "100.0"
            ]
            .map(str::to_owned)
            .to_vec()
        ),
        "{text}"
    );

    // Bad counts and spans are refused, naming the field.
    for (body, field) in [
        (json!({"version": 2}), "version"),
        (json!({"version": 1, "region": "everywhere"}), "region"),
        (json!({"version": 1, "rule": "opt_out"}), "rule"),
    ] {
        let refused = from_site(Method::POST, &app, &format!("{CONFIG}/impressions"), SHOP)
            .json(&body)
            .send()
            .await
            .expect("request");
        assert_eq!(
            error_body(refused, StatusCode::BAD_REQUEST).await["field"],
            field
        );
    }
    let backwards = app
        .get(&format!(
            "/api/v1/forms/{form}/widget/figures?from=2026-12-02&to=2026-12-01"
        ))
        .await;
    assert_eq!(
        error_body(backwards, StatusCode::BAD_REQUEST).await["field"],
        "from"
    );
    // A span before anything was counted has nothing.
    let before: Value = app
        .get(&format!(
            "/api/v1/forms/{form}/widget/figures?from=2020-01-01&to=2020-01-31"
        ))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(before["figures"], json!([]));
}
