use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn admin_routes_fall_back_to_an_uncached_index_html() {
    let app = spawn_app().await;
    for path in ["/admin", "/admin/sign-in", "/admin/setup/compliance"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache");
        let html = response.text().await.expect("body");
        assert!(html.contains("/assets/boot-0123abcd.js"), "{path}");
    }
    let root = app.get("/").await;
    assert!(root.status().is_redirection());
    assert_eq!(root.headers()["location"], "/admin");
}

#[tokio::test]
async fn fingerprinted_assets_are_immutable_and_served_precompressed() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/assets/boot-0123abcd.js"))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()["content-encoding"], "br");
    // A shared cache must not hand the brotli copy to a client that cannot read it.
    assert_eq!(response.headers()["vary"], "accept-encoding");
    assert!(
        response.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.contains("javascript"))
    );

    // Asked again with the date it was kept at: 304, still cached for good.
    let modified = response.headers()["last-modified"].clone();
    let again = app
        .client
        .get(app.url("/assets/boot-0123abcd.js"))
        .header("if-modified-since", modified)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(
        again.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn a_missing_file_is_never_cached() {
    // While a deploy is copied, a file may be missing for a moment: a browser that kept that
    // 404 for a year could never open the area it belongs to.
    let app = spawn_app().await;
    for path in [
        "/assets/areas-0123456789abcdef/pack_records.bin",
        "/assets/boot-ffffffff.js",
        "/favicon-missing.svg",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    let served = app.get("/favicon.svg").await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["cache-control"], "public, max-age=3600");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in [
        "/admin",
        "/api/v1/setup",
        "/assets/boot-0123abcd.js",
        "/api/nope",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert!(
            !headers.contains_key("strict-transport-security"),
            "no HSTS over plain HTTP"
        );
    }
    let api = app.get("/api/v1/setup").await;
    assert_eq!(api.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn json_answers_are_compressed_when_the_client_accepts_it() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/api/openapi.json"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(response.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn the_openapi_document_is_3_1_and_describes_every_api_route() {
    let app = spawn_app().await;
    let doc: Value = app
        .get("/api/openapi.json")
        .await
        .json()
        .await
        .expect("json");
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
    let paths = doc["paths"].as_object().expect("paths");
    // The paths are defined once, in `model::routes`, for the server and the browser apps: the
    // document lists exactly those, so an app never calls a path the server does not route.
    let documented: std::collections::BTreeSet<&str> = paths.keys().map(String::as_str).collect();
    let defined: std::collections::BTreeSet<&str> =
        consentry_model::routes::ALL.iter().copied().collect();
    assert_eq!(documented, defined);
    for (path, method) in [
        ("/api/v1/setup", "get"),
        ("/api/v1/setup", "post"),
        ("/api/v1/session", "post"),
        ("/api/v1/session", "get"),
        ("/api/v1/session", "delete"),
        ("/api/v1/users", "get"),
        ("/api/v1/users", "post"),
        ("/api/v1/users/{id}", "patch"),
        ("/api/v1/users/{id}", "delete"),
        ("/api/v1/compliance/settings", "put"),
        ("/api/v1/outbox", "get"),
        ("/api/v1/outbox/{id}/retry", "post"),
        ("/api/v1/outbox/retry-failed", "post"),
        ("/api/v1/outbox/{id}/hand-over", "post"),
    ] {
        assert!(
            paths[path].get(method).is_some(),
            "{method} {path} is undocumented"
        );
    }
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
    assert!(doc["components"]["securitySchemes"]["session"].is_object());
    assert_eq!(
        doc["components"]["securitySchemes"]["api_key"]["scheme"],
        "bearer"
    );
    // Text types carry the rules their parsers enforce.
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Email"]["format"], "email");
    assert_eq!(schemas["Email"]["maxLength"], 254);
    assert_eq!(schemas["OrgSlug"]["pattern"], "^[a-z0-9]+(-[a-z0-9]+)*$");
    assert_eq!(schemas["FormLang"]["pattern"], "^[a-z]{2}$");
    assert_eq!(schemas["Password"]["minLength"], 10);
    // Where a record's consent request stands: one shape per state, told apart by `state`.
    let states: Vec<&str> = schemas["RequestDelivery"]["oneOf"]
        .as_array()
        .expect("RequestDelivery is documented")
        .iter()
        .filter_map(|s| s["properties"]["state"]["enum"][0].as_str())
        .collect();
    assert_eq!(
        states,
        ["queued", "stored", "delivered", "failed"],
        "{}",
        schemas["RequestDelivery"]
    );
    // Every operation has an id of its own.
    let mut ids = std::collections::BTreeSet::new();
    for item in paths.values() {
        for operation in item.as_object().expect("path item").values() {
            if let Some(id) = operation["operationId"].as_str() {
                assert!(ids.insert(id.to_owned()), "operationId {id} repeats");
            }
        }
    }
    assert!(ids.contains("delete_v1_users_id"), "{ids:?}");
    // Routes open to API keys say so; every POST documents Idempotency-Key.
    let list = &paths["/api/v1/records"]["get"]["security"];
    assert!(list.to_string().contains("api_key"), "{list}");
    for (path, item) in paths {
        if let Some(post) = item.get("post").filter(|_| path.starts_with("/api/v1/")) {
            assert!(
                post["parameters"]
                    .as_array()
                    .is_some_and(|ps| ps.iter().any(|p| p["name"] == "Idempotency-Key")),
                "POST {path} does not document Idempotency-Key"
            );
        }
    }
}

#[tokio::test]
async fn a_consent_link_opens_the_public_pages_not_the_admin_app() {
    let app = spawn_app().await;
    let response = reqwest::get(app.url("/c/some-token"))
        .await
        .expect("request");
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-cache")
    );
    assert!(
        response.headers().get("content-security-policy").is_some(),
        "the same strict CSP as the admin app"
    );
    let body = response.text().await.expect("body");
    assert!(body.contains("<title>site</title>"), "{body}");
    let receipts = reqwest::get(app.url("/receipts/verify"))
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(receipts.contains("<title>site</title>"), "{receipts}");
    // Sign-up forms and their confirmation links have a bundle of their own.
    for path in ["/f/acme/newsletter", "/confirm/some-token"] {
        let body = reqwest::get(app.url(path))
            .await
            .expect("request")
            .text()
            .await
            .expect("body");
        assert!(body.contains("<title>signup</title>"), "{path}: {body}");
    }
    let privacy = reqwest::get(app.url("/privacy/acme"))
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(privacy.contains("<title>privacy</title>"), "{privacy}");
}

#[tokio::test]
async fn every_guarded_operation_documents_its_401_and_403_and_every_error_code() {
    let app = spawn_app().await;
    let doc: Value = app
        .get("/api/openapi.json")
        .await
        .json()
        .await
        .expect("json");
    let error_body = |response: &Value| {
        response["content"]["application/json"]["schema"]["$ref"]
            == "#/components/schemas/ErrorBody"
    };
    let mut guarded = 0;
    for (path, operations) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in operations.as_object().expect("operations") {
            let signed_in = operation["security"]
                .as_array()
                .is_some_and(|s| s.iter().any(|r| r.get("session").is_some()));
            if !signed_in {
                continue;
            }
            guarded += 1;
            let responses = &operation["responses"];
            assert!(
                error_body(&responses["401"]),
                "{method} {path}: a signed-in route answers 401 with an ErrorBody"
            );
            for (status, response) in responses.as_object().expect("responses") {
                if status.starts_with('4') {
                    assert!(
                        error_body(response),
                        "{method} {path} {status}: an ErrorBody"
                    );
                }
            }
        }
    }
    assert!(guarded > 80, "{guarded} signed-in operations found");
    let codes: Vec<&str> = doc["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .expect("the error codes are an enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for code in [
        "invalid_field",
        "unauthenticated",
        "forbidden",
        "link_spent",
        "busy",
    ] {
        assert!(codes.contains(&code), "{code} is documented");
    }
}

#[tokio::test]
async fn the_api_reference_page_lists_every_operation_from_the_same_document() {
    let app = spawn_app().await;
    let doc: Value = app
        .get("/api/openapi.json")
        .await
        .json()
        .await
        .expect("json");
    let page = app.get("/api/docs").await;
    assert_eq!(page.status(), reqwest::StatusCode::OK);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.starts_with("text/html"))
    );
    let html = page.text().await.expect("html");
    assert!(!html.contains("<script"), "no scripts");
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                let heading = format!("<code>{} {}</code>", method.to_uppercase(), path);
                assert!(html.contains(&heading), "{heading} is missing");
            }
        }
    }
    assert!(html.contains("Idempotency-Key"));
    assert!(html.contains("session or API key"));
}
