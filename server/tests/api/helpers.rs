use std::path::PathBuf;

use consentry_server::{Application, Settings};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

pub const ADMIN_EMAIL: &str = "admin@acme.example";
pub const ADMIN_PASSWORD: &str = "correct horse battery staple";

/// A running server and a browser-like client with a cookie jar.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub dir: tempfile::TempDir,
    /// Stops the server the way SIGTERM does (see [`TestApp::stop`]).
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

pub struct Options {
    pub session_ttl_seconds: u64,
    pub max_failed_sign_ins: u32,
    pub public_url: Option<String>,
    /// Deliver mail through an SMTP server on this local port (no TLS).
    pub smtp_port: Option<u16>,
    /// Widget answers an hour from one client address.
    pub widget_per_client_per_hour: u32,
    /// Failed sign-ins at one account before attempts at it are slowed down.
    pub account_free_failures: u32,
    /// The longest an attempt at an account is slowed down.
    pub account_max_delay_seconds: u64,
    /// Webhooks may post to this machine and plain http (the tests' receivers are local).
    pub allow_private_webhook_targets: bool,
    /// Seconds a webhook delivery is retried before it is dead.
    pub webhook_retry_for_seconds: u64,
    /// Changes any other setting last (short timeouts, say).
    pub tune: fn(&mut Settings),
    /// Seconds a message the SMTP server did not take is retried before it failed.
    pub mail_retry_for_seconds: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            session_ttl_seconds: 3600,
            max_failed_sign_ins: 5,
            public_url: None,
            smtp_port: None,
            widget_per_client_per_hour: 60,
            account_free_failures: 5,
            account_max_delay_seconds: 1,
            allow_private_webhook_targets: true,
            webhook_retry_for_seconds: 24 * 60 * 60,
            tune: |_| {},
            mail_retry_for_seconds: 24 * 60 * 60,
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

pub async fn spawn_app_with(options: Options) -> TestApp {
    spawn_app_in(tempfile::tempdir().expect("temp dir"), options).await
}

/// A server on `dir/test.db` (and the key file and erasure ledger beside it), which may exist.
pub async fn spawn_app_in(dir: tempfile::TempDir, options: Options) -> TestApp {
    install_log();
    let dist = dir.path().join("dist");
    write_fake_dist(&dist);
    let mut settings = Settings::default();
    settings.server.port = 0;
    settings.server.dist_dir = dist;
    settings.server.public_url = options.public_url;
    settings.database.url = database_url(dir.path()).await;
    // Beside the database file on SQLite; in the test's directory on PostgreSQL too.
    settings.encryption.key_file = Some(dir.path().join("consentry.key"));
    settings.erasure.ledger_file = Some(dir.path().join("erasures.ledger"));
    settings.auth.session_ttl_seconds = options.session_ttl_seconds;
    settings.auth.max_failed_sign_ins = options.max_failed_sign_ins;
    settings.auth.account_free_failures = options.account_free_failures;
    settings.auth.account_max_delay_seconds = options.account_max_delay_seconds;
    settings.widget.per_client_per_hour = options.widget_per_client_per_hour;
    // Webhook retries a second apart, so a test sees one; receivers on this machine.
    settings.webhooks.first_retry_seconds = 1;
    settings.webhooks.retry_for_seconds = options.webhook_retry_for_seconds;
    settings.webhooks.allow_private_targets = options.allow_private_webhook_targets;
    // Mail retries a second apart (doubling), so a test sees them.
    settings.mail.first_retry_seconds = 1;
    settings.mail.retry_for_seconds = options.mail_retry_for_seconds;
    if let Some(port) = options.smtp_port {
        settings.mail.smtp_host = Some("127.0.0.1".into());
        settings.mail.smtp_port = port;
        settings.mail.security = consentry_server::config::SmtpSecurity::None;
        settings.mail.from = "Acme privacy <privacy@acme.example>".into();
    }
    (options.tune)(&mut settings);
    let app = Application::build(settings).await.expect("server builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        address,
        client: new_client(),
        dir,
        stop: Some(stop),
        server: Some(server),
    }
}

/// The database of the app kept in `dir`: the SQLite file `dir/test.db`, or with
/// `CONSENTRY_TEST_BACKEND=postgres` a database of its own on the server
/// `CONSENTRY_TEST_POSTGRES_URL` names, made on first use (its URL kept in `dir`, so an app
/// started again in `dir` finds its data).
pub async fn database_url(dir: &std::path::Path) -> String {
    if let Ok(url) = std::fs::read_to_string(dir.join("database.url")) {
        return url;
    }
    if !on_postgres() {
        return format!("sqlite://{}", dir.join("test.db").display());
    }
    let admin = std::env::var("CONSENTRY_TEST_POSTGRES_URL").expect(
        "CONSENTRY_TEST_POSTGRES_URL names the PostgreSQL server (scripts/test.sh starts one)",
    );
    database_url_on_postgres(dir, &admin).await
}

/// A new, empty database on the PostgreSQL server `admin` names; its URL, kept in `dir`.
pub async fn database_url_on_postgres(dir: &std::path::Path, admin: &str) -> String {
    use sqlx::{Connection, Executor};
    let name = format!("consentry_api_{}", uuid::Uuid::new_v4().simple());
    let mut conn = sqlx::PgConnection::connect(admin)
        .await
        .expect("the test PostgreSQL server");
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("create database");
    let (server, _) = admin.rsplit_once('/').expect("a URL with a database");
    let url = format!("{server}/{name}");
    std::fs::write(dir.join("database.url"), &url).expect("keep the database URL");
    url
}

/// Whether the suite runs on PostgreSQL (`CONSENTRY_TEST_BACKEND=postgres`).
pub fn on_postgres() -> bool {
    std::env::var("CONSENTRY_TEST_BACKEND").is_ok_and(|b| b == "postgres")
}

/// Timeouts short enough for a test to see them run out: headers within 1 s, requests
/// answered within 1 s, connections quiet for 2 s closed, `Idempotency-Key` leases of 2 s.
pub fn short_timeouts(settings: &mut Settings) {
    settings.server.header_read_timeout_seconds = 1;
    settings.server.request_timeout_seconds = 1;
    settings.server.idle_timeout_seconds = 2;
    settings.server.idempotency_lease_seconds = 2;
}

/// What a raw HTTP/1.1 exchange read back: the status, the headers (names lower-cased) and
/// the body, and whether the server then closed the connection.
#[derive(Debug)]
pub struct RawAnswer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawAnswer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one answer from a raw connection (a `Content-Length` body), or `None` when the
/// server closes it first.
pub async fn read_answer<R: tokio::io::AsyncRead + Unpin>(stream: &mut R) -> Option<RawAnswer> {
    use tokio::io::AsyncReadExt;
    let mut buf = Vec::new();
    let head_end = loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.unwrap_or(0);
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end..].to_vec();
    while body.len() < length {
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.unwrap_or(0);
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(RawAnswer {
        status,
        headers,
        body,
    })
}

/// Waits up to `within` for the server to close a raw connection; true when it did (reading
/// nothing more, or only a `408` the server sends as it closes).
pub async fn closed_within(
    stream: &mut tokio::net::TcpStream,
    within: std::time::Duration,
) -> bool {
    use tokio::io::AsyncReadExt;
    let mut rest = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut rest)).await;
    match read {
        Ok(Ok(_)) => rest.is_empty() || rest.starts_with(b"HTTP/1.1 408"),
        // Reset by the server: closed too.
        Ok(Err(_)) => true,
        Err(_) => false,
    }
}

/// The Python interpreter with the outside checkers (`standardwebhooks`, `prometheus-client`;
/// scripts/lib.sh installs them and sets `CONSENTRY_PYTHON`; the venv beside the build cache
/// otherwise).
pub fn python() -> std::path::PathBuf {
    std::env::var_os("CONSENTRY_PYTHON")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            let home = std::env::var_os("HOME").expect("HOME");
            std::path::Path::new(&home).join(".cache/consentry-venv/bin/python")
        })
}

pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// A stand-in for `cargo xtask build-spa` output: the server's job is to serve whatever the
/// build wrote, with the right headers.
fn write_fake_dist(dist: &std::path::Path) {
    let assets = dist.join("assets");
    std::fs::create_dir_all(&assets).expect("dist");
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><html><body><script type=\"module\" src=\"/assets/boot-0123abcd.js\"></script></body></html>",
    )
    .expect("index");
    std::fs::write(
        dist.join("site.html"),
        "<!doctype html><html><head><title>site</title></head><body></body></html>",
    )
    .expect("site");
    std::fs::write(
        dist.join("signup.html"),
        "<!doctype html><html><head><title>signup</title></head><body></body></html>",
    )
    .expect("signup");
    std::fs::write(
        dist.join("privacy.html"),
        "<!doctype html><html><head><title>privacy</title></head><body></body></html>",
    )
    .expect("privacy");
    std::fs::write(
        dist.join("favicon.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .expect("favicon");
    let js = "console.log('consentry');".repeat(40);
    std::fs::write(assets.join("boot-0123abcd.js"), &js).expect("js");
    let mut br = Vec::new();
    brotli::BrotliCompress(&mut js.as_bytes(), &mut br, &Default::default()).expect("brotli");
    std::fs::write(assets.join("boot-0123abcd.js.br"), br).expect("br");
}

impl TestApp {
    /// Stops the server as SIGTERM does: requests in flight are finished, the workers
    /// stopped, the WAL checkpointed and the database closed.
    pub async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            server
                .await
                .expect("server task")
                .expect("server stops cleanly");
        }
    }

    /// The app's store, opened beside it (same database, same key file).
    pub async fn store(&self) -> std::sync::Arc<dyn consentry_server::store::Store> {
        let mut settings = consentry_server::Settings::default();
        settings.database.url = self.database_url().await;
        settings.encryption.key_file = Some(self.dir.path().join("consentry.key"));
        consentry_server::store::open(&settings)
            .await
            .expect("store")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// The app's database URL (see [`database_url`]).
    pub async fn database_url(&self) -> String {
        database_url(self.dir.path()).await
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("test.db")
    }

    /// The records a search for `q` finds (first page), as the record list shows them.
    pub async fn search(&self, q: &str) -> Vec<Value> {
        let found: Value = self
            .get(&format!("/api/v1/records?q={q}"))
            .await
            .json()
            .await
            .expect("json");
        found["records"].as_array().cloned().unwrap_or_default()
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// The JSON answer of a GET that must succeed.
    pub async fn read(&self, path: &str) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK, "{path}");
        response.json().await.expect("json")
    }

    /// The requests of the queue's first page at `path` (`/api/v1/requests?...`).
    pub async fn queue(&self, path: &str) -> Vec<Value> {
        let page: Value = self.get(path).await.json().await.expect("json");
        page["requests"].as_array().expect("requests").clone()
    }

    /// A write as the SPA sends it: JSON with the CSRF header.
    pub async fn send(&self, method: reqwest::Method, path: &str, body: &Value) -> Response {
        send_as(&self.client, method, &self.url(path), body).await
    }

    /// What the audit trail's verification says now (`GET /api/v1/audit/verify`).
    pub async fn audit_verdict(&self) -> Value {
        self.get("/api/v1/audit/verify")
            .await
            .json()
            .await
            .expect("json")
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.send(reqwest::Method::POST, path, body).await
    }

    /// Switches compliance on for a module (`leads`, `contacts`, …) and returns its id.
    pub async fn with_compliance(&self, key: &str) -> String {
        let id = self.module_id(key).await;
        let switched = self
            .send(
                reqwest::Method::PUT,
                &format!("/api/v1/modules/{id}/compliance"),
                &serde_json::json!({"compliance_enabled": true}),
            )
            .await;
        assert_eq!(switched.status(), StatusCode::OK);
        id
    }

    /// Creates a record in `module` (an id) with these `fields`; its id.
    pub async fn create_record(&self, module: &str, fields: Value) -> String {
        let created = self
            .post(
                "/api/v1/records",
                &serde_json::json!({"module_id": module, "fields": fields}),
            )
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
        let record: Value = created.json().await.expect("json");
        record["id"].as_str().expect("id").to_owned()
    }

    /// The id of the module with this key (`leads`, `contacts`, ...).
    pub async fn module_id(&self, key: &str) -> String {
        let modules: Vec<Value> = self
            .get("/api/v1/modules")
            .await
            .json()
            .await
            .expect("json");
        modules
            .iter()
            .find(|m| m["key"] == key)
            .and_then(|m| m["id"].as_str())
            .unwrap_or_else(|| panic!("no module {key}"))
            .to_owned()
    }

    /// Signs the administrator made by [`TestApp::set_up`] in again (after a restart).
    pub async fn sign_in_admin(&self) {
        let signed_in = self
            .post(
                "/api/v1/session",
                &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
            )
            .await;
        assert_eq!(signed_in.status(), reqwest::StatusCode::OK);
    }

    /// Creates the first organisation (Acme) and signs its administrator in.
    pub async fn set_up(&self) -> Value {
        let response = self
            .post(
                "/api/v1/setup",
                &setup_body("Acme B.V.", "acme", ADMIN_EMAIL),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let session = response.json().await.expect("session json");
        // Every receipt carries the controller's details: no form is published without them.
        let profile = self
            .send(
                reqwest::Method::PUT,
                "/api/v1/compliance/controller",
                &controller_profile(),
            )
            .await;
        assert_eq!(
            profile.status(),
            StatusCode::OK,
            "{:?}",
            profile.text().await
        );
        session
    }

    /// Adds a user with a profile (as the signed-in admin) and returns a client signed in as
    /// that user.
    pub async fn user_client(&self, email: &str, profile: &str) -> reqwest::Client {
        let added = self
            .post(
                "/api/v1/users",
                &json!({"name": "Sam Staff", "email": email, "profile": profile,
                        "password": "another long password"}),
            )
            .await;
        assert_eq!(
            added.status(),
            StatusCode::CREATED,
            "{:?}",
            added.text().await
        );
        let client = new_client();
        let signed_in = send_as(
            &client,
            reqwest::Method::POST,
            &self.url("/api/v1/session"),
            &json!({"email": email, "password": "another long password"}),
        )
        .await;
        assert_eq!(signed_in.status(), StatusCode::OK);
        client
    }
}

pub async fn send_as(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: &str,
    body: &Value,
) -> Response {
    keep_receipts(body);
    let response = client
        .request(method, url)
        .header("x-requested-with", "consentry")
        .json(body)
        .send()
        .await
        .expect("request");
    seen(response).await
}

/// Keeps the receipts of an answer, then hands it on unchanged.
pub async fn seen(response: Response) -> Response {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("body");
    if let Ok(json) = serde_json::from_slice::<Value>(&bytes) {
        keep_receipts(&json);
    }
    let mut rebuilt = axum::http::Response::new(bytes);
    *rebuilt.status_mut() = status;
    *rebuilt.headers_mut() = headers;
    Response::from(rebuilt)
}

/// Writes the claims of every signed receipt in `value` (a compact JWS whose payload has a
/// `consentReceiptID`) to `$CONSENTRY_RECEIPTS_DIR`, where scripts/validate-receipts.py
/// checks them against schemas/consent-receipt.schema.json and
/// schemas/kantara-cr-1.1.schema.json after the tests.
pub fn keep_receipts(value: &Value) {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    let Some(dir) = std::env::var_os("CONSENTRY_RECEIPTS_DIR") else {
        return;
    };
    match value {
        Value::String(text) => {
            let parts: Vec<&str> = text.split('.').collect();
            let claims = (parts.len() == 3)
                .then(|| URL_SAFE_NO_PAD.decode(parts[1]).ok())
                .flatten()
                .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok());
            if let Some(claims) = claims
                && let Some(id) = claims["consentReceiptID"].as_str()
            {
                let dir = PathBuf::from(dir);
                std::fs::create_dir_all(&dir).expect("receipts dir");
                std::fs::write(dir.join(format!("{id}.json")), claims.to_string())
                    .expect("write receipt");
            }
        }
        Value::Array(items) => items.iter().for_each(keep_receipts),
        Value::Object(map) => map.values().for_each(keep_receipts),
        _ => {}
    }
}

/// The controller's details of the test organisation.
pub fn controller_profile() -> Value {
    json!({
        "contact": "Privacy officer",
        "street_address": "Herengracht 1",
        "postal_code": "1015 BA",
        "locality": "Amsterdam",
        "country": "NL",
        "email": "privacy@acme.example",
        "phone": "+31 20 123 4567",
        "url": "https://acme.example",
    })
}

pub fn setup_body(organisation: &str, slug: &str, email: &str) -> Value {
    json!({
        "organisation_name": organisation,
        "organisation_slug": slug,
        "admin_name": "Ada Admin",
        "admin_email": email,
        "admin_password": ADMIN_PASSWORD,
    })
}

/// Asserts the house error shape and returns it.
/// The newest outbox message's text as its recipient reads it. Stored bodies hold codes and
/// links masked, so a message kept in the Outbox (no SMTP server) is handed over first, as the
/// privacy officer sends it by hand; a message for a mail server is read from the sink.
pub async fn newest_message_text(app: &TestApp) -> String {
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    let newest = &outbox["messages"][0];
    assert_eq!(
        newest["status"], "stored",
        "read a message for the mail server from the sink: {newest}"
    );
    let id = newest["id"].as_str().expect("id");
    let handed = app
        .post(&format!("/api/v1/outbox/{id}/hand-over"), &json!({}))
        .await;
    assert_eq!(handed.status(), StatusCode::OK);
    let handed: Value = handed.json().await.expect("json");
    handed["body_text"].as_str().expect("body").to_owned()
}

pub async fn error_body(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    let body: Value = response.json().await.expect("error body is JSON");
    assert!(body["error"].is_string(), "{body}");
    assert!(body["message"].is_string(), "{body}");
    body
}

/// A client signed in as the administrator of a second organisation (Globex).
pub async fn second_tenant_client(app: &TestApp) -> reqwest::Client {
    let store = app.store().await;
    let request: consentry_model::auth::SetupRequest =
        serde_json::from_value(setup_body("Globex", "globex", "boss@globex.example"))
            .expect("valid");
    let passwords = consentry_server::domain::passwords::Passwords::new(1, 0);
    consentry_server::domain::setup::create_tenant(store.as_ref(), &passwords, request, false)
        .await
        .expect("second tenant");
    let client = new_client();
    let signed_in = send_as(
        &client,
        reqwest::Method::POST,
        &app.url("/api/v1/session"),
        &json!({"email": "boss@globex.example", "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    client
}

/// The sink's handler (shared with the browser tests): aiosmtpd's Maildir handler, which
/// answers with the reply written in the file `refuse` beside the maildir instead.
const SINK_HANDLER: &str = include_str!("../../../scripts/smtp_sink.py");

/// A real SMTP server (Python's aiosmtpd, from Debian's python3-aiosmtpd) that stores every
/// message it accepts in a maildir. It can be stopped and started again on the same port (the
/// mail server briefly unreachable), and told to answer every message with a reply of the
/// test's choosing (a 5xx refusal, a 4xx "try later"). Stopped when dropped.
pub struct SmtpSink {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Option<std::process::Child>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let dir = tempfile::tempdir().expect("sink dir");
        std::fs::write(dir.path().join("smtp_sink.py"), SINK_HANDLER).expect("handler");
        let mut sink = SmtpSink {
            port,
            dir,
            child: None,
        };
        sink.resume();
        sink
    }

    /// Stops the server: connections are refused until [`SmtpSink::resume`].
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the server (again) on its port, with the messages received so far.
    pub fn resume(&mut self) {
        self.stop();
        // Debian's interpreter has the aiosmtpd package; a pyenv or venv python may not.
        let python = std::env::var("CONSENTRY_TEST_PYTHON").unwrap_or_else(|_| {
            if std::path::Path::new("/usr/bin/python3").exists() {
                "/usr/bin/python3".into()
            } else {
                "python3".into()
            }
        });
        let port = self.port;
        let child = std::process::Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "smtp_sink.Sink"])
            // A path that does not exist yet: Maildir creates it with new/, cur/ and tmp/.
            .arg(self.dir.path().join("mail"))
            .env("PYTHONPATH", self.dir.path())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {python} -m aiosmtpd (apt-get install python3-aiosmtpd): {e}")
            });
        // Owned from here on, so the process is stopped even when waiting fails.
        self.child = Some(child);
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("aiosmtpd did not start listening on port {port}");
    }

    /// Answers every message with `reply` (e.g. `550 5.1.1 No such mailbox`) instead of
    /// taking it; `None` takes messages again.
    pub fn answer_with(&self, reply: Option<&str>) {
        let control = self.dir.path().join("refuse");
        match reply {
            Some(reply) => std::fs::write(control, reply).expect("reply"),
            None => {
                let _ = std::fs::remove_file(control);
            }
        }
    }

    /// How many messages were answered with the reply of [`SmtpSink::answer_with`].
    pub fn refusals(&self) -> usize {
        std::fs::read_to_string(self.dir.path().join("refused.log"))
            .map(|log| log.lines().count())
            .unwrap_or(0)
    }

    /// Every message received so far, raw.
    pub fn messages(&self) -> Vec<String> {
        let new = self.dir.path().join("mail").join("new");
        let Ok(entries) = std::fs::read_dir(new) else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect()
    }

    /// Waits (up to 10 s) for `n` messages, each checked by Python's `email` package.
    pub async fn wait_for(&self, n: usize) -> Vec<String> {
        for _ in 0..200 {
            let messages = self.messages();
            if messages.len() >= n {
                messages.iter().for_each(|m| assert_well_formed(m));
                return messages;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!(
            "the SMTP server received {} of {n} messages",
            self.messages().len()
        );
    }
}

/// Parses a received message with Python's `email` package (policy `default`, as a mail
/// provider's parser would) and fails on any defect or a missing Message-ID, Date or
/// MIME-Version.
pub fn assert_well_formed(raw: &str) {
    use std::io::Write;
    let check = "import email, sys\n\
        from email import policy\n\
        m = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)\n\
        problems = [repr(d) for part in m.walk() for d in part.defects]\n\
        problems += [h for h in ('Message-ID', 'Date', 'MIME-Version') if m[h] is None]\n\
        print('; '.join(problems))\n\
        sys.exit(1 if problems else 0)\n";
    let mut child = std::process::Command::new("/usr/bin/python3")
        .args(["-c", check])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(raw.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3 runs");
    assert!(
        out.status.success(),
        "a received message is not well formed: {}\n{raw}",
        String::from_utf8_lossy(&out.stdout)
    );
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Installs the test binary's log subscriber (once): every line at debug level to a
/// [`LogCapture`] while one is alive, and — when `CONSENTRY_TEST_LOG_FILE` names a file — the
/// server's lines as JSON, as `log.format = "json"` writes them, to that file for the whole
/// run (scripts/test.sh searches it for the test subjects' values afterwards). The test's
/// own HTTP client is not the server: its lines are left out (and its cookie store's), and so
/// are the database driver's in the file (the tests' own SQL names values; the server's binds
/// them).
pub fn install_log() {
    use tracing_subscriber::{
        EnvFilter, Layer, fmt, layer::SubscriberExt, util::SubscriberInitExt,
    };
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let capture = fmt::layer()
            .with_writer(|| CaptureWriter)
            .with_ansi(false)
            .with_filter(EnvFilter::new("debug,reqwest=off"));
        let file = std::env::var_os("CONSENTRY_TEST_LOG_FILE").map(|path| {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.to_string_lossy()));
            consentry_server::telemetry::json_log(std::sync::Mutex::new(file)).with_filter(
                EnvFilter::new("debug,reqwest=off,hyper_util=off,cookie_store=off,sqlx=warn"),
            )
        });
        let _ = tracing_subscriber::registry()
            .with(capture)
            .with(file)
            .try_init();
    });
}

/// Everything the server logs at debug level (its own lines and its libraries'), kept while
/// a [`LogCapture`] is alive: tests search it for values that must never be logged.
pub struct LogCapture {
    _private: (),
}

static CAPTURING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static CAPTURED: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

#[derive(Clone, Copy)]
struct CaptureWriter;

impl std::io::Write for CaptureWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if CAPTURING.load(std::sync::atomic::Ordering::SeqCst) > 0 {
            CAPTURED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl LogCapture {
    /// Starts capturing.
    pub fn start() -> LogCapture {
        install_log();
        CAPTURING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        LogCapture { _private: () }
    }

    /// What was logged so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&CAPTURED.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

impl Drop for LogCapture {
    fn drop(&mut self) {
        CAPTURING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}
