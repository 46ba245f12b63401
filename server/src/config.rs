//! Typed configuration: defaults, then an optional TOML file, then `CONSENTRY__*` environment
//! variables (`CONSENTRY__SERVER__PORT=8080` sets `server.port`).

use std::path::{Path, PathBuf};

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};

/// Everything the server can be told.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Where and how the HTTP server listens.
    pub server: ServerSettings,
    /// Which database to use.
    pub database: DatabaseSettings,
    /// Sessions and sign-in protection.
    pub auth: AuthSettings,
    /// Outgoing e-mail.
    pub mail: MailSettings,
    /// Encryption at rest: where the master key comes from.
    pub encryption: EncryptionSettings,
    /// Webhook delivery.
    pub webhooks: WebhookSettings,
    /// The embeddable widget's public endpoints.
    pub widget: WidgetSettings,
    /// Where erasures are recorded outside the database.
    pub erasure: ErasureSettings,
    /// `GET /metrics` for Prometheus.
    pub metrics: MetricsSettings,
    /// How the log is written.
    pub log: LogSettings,
    /// Backups the server makes on a schedule.
    pub backup: BackupSettings,
}

/// Sealed backups of the SQLite database made by the server on a schedule (`consentry
/// backup --sealed`), the oldest pruned.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupSettings {
    /// Hours between backups; 0 (the default): none on a schedule.
    pub every_hours: u32,
    /// Where they go; by default `backups/` beside the database.
    pub dir: Option<PathBuf>,
    /// How many are kept: the oldest beyond these are deleted after each new one.
    pub keep: u32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            every_hours: 0,
            dir: None,
            keep: 7,
        }
    }
}

/// Who may read `GET /metrics`: off (404) unless a token or addresses are set.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricsSettings {
    /// A token that opens it from anywhere, sent as `Authorization: Bearer <token>`; at least
    /// 32 characters.
    pub token: Option<String>,
    /// Addresses or networks (`["10.0.0.0/8"]`) it answers without a token: the client's
    /// address, as `server.trusted_proxies` tells it.
    pub allow_from: crate::http::client::Networks,
}

impl MetricsSettings {
    /// Whether `GET /metrics` answers anyone at all.
    pub fn enabled(&self) -> bool {
        self.token.is_some() || !self.allow_from.is_empty()
    }

    /// Refuses a token short enough to guess.
    pub fn check(&self) -> Result<(), String> {
        match &self.token {
            Some(token) if token.chars().count() < 32 => Err(format!(
                "metrics.token is {} characters long; use at least 32 (e.g. `openssl rand -hex 32`)",
                token.chars().count()
            )),
            // What a client can send in a header, unchanged.
            Some(token) if !token.bytes().all(|b| b.is_ascii_graphic()) => Err(
                "metrics.token holds a space, a control character or a non-ASCII letter, \
                 which no client can send as it is; use letters, digits and punctuation only \
                 (e.g. `openssl rand -hex 32`)"
                    .into(),
            ),
            _ => Ok(()),
        }
    }
}

/// The log's format.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LogSettings {
    /// `text` (the default, for a terminal) or `json` (a JSON object a line, for a log
    /// collector).
    pub format: LogFormat,
}

/// How each log line is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The erasure ledger: every erasure appended to a file outside the database, so a restored
/// backup from before an erasure has it applied again (see [`crate::ledger`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ErasureSettings {
    /// The ledger file; by default `erasures.ledger` beside the key file (beside the database
    /// when the master key comes from `encryption.master_key`).
    pub ledger_file: Option<PathBuf>,
}

/// Limits of the widget's public endpoints.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct WidgetSettings {
    /// Banner decisions and sign-ups an hour from one client address.
    pub per_client_per_hour: u32,
    /// Banner decisions and sign-ups an hour to one form, from everyone.
    pub per_form_per_hour: u32,
    /// The header a trusted proxy (`server.trusted_proxies`) puts the visitor's country in,
    /// such as `CF-IPCountry` or `CloudFront-Viewer-Country`; none: the country is unknown
    /// and every visitor gets the opt-in banner.
    pub country_header: Option<String>,
    /// The header a trusted proxy puts the visitor's state or province in, alone (`CA`) or
    /// with the country (`US-CA`), such as `CloudFront-Viewer-Country-Region`.
    pub subdivision_header: Option<String>,
}

impl WidgetSettings {
    /// Refuses a region header no request could carry.
    pub fn check(&self) -> Result<(), String> {
        for (key, name) in [
            ("country_header", &self.country_header),
            ("subdivision_header", &self.subdivision_header),
        ] {
            if let Some(name) = name
                && axum::http::HeaderName::from_bytes(name.as_bytes()).is_err()
            {
                return Err(format!(
                    "widget.{key} {name:?} is not a header name; write it as a proxy sends it, \
                     such as CF-IPCountry"
                ));
            }
        }
        Ok(())
    }
}

impl Default for WidgetSettings {
    fn default() -> Self {
        Self {
            per_client_per_hour: 60,
            per_form_per_hour: 100_000,
            country_header: None,
            subdivision_header: None,
        }
    }
}

/// How webhook deliveries are sent and retried, and where they may go.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct WebhookSettings {
    /// Seconds before the first retry; each later pause doubles (at most an hour).
    pub first_retry_seconds: u64,
    /// Seconds a delivery is retried before it is dead (a dead letter, retried by hand).
    pub retry_for_seconds: u64,
    /// Also allow plain `http://` and receivers on this machine or a private network
    /// (loopback, RFC 1918, link-local, ...). Off: public `https://` receivers only.
    pub allow_private_targets: bool,
    /// Seconds resolving a receiver's name and connecting to it may take.
    pub connect_timeout_seconds: u64,
    /// Seconds a whole attempt may take, until the receiver's answer.
    pub timeout_seconds: u64,
    /// Deliveries in flight to one webhook at a time.
    pub per_webhook_in_flight: u32,
    /// Deliveries in flight for one organisation at a time.
    pub per_organisation_in_flight: u32,
    /// Deliveries in flight at a time in all.
    pub max_in_flight: u32,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        Self {
            first_retry_seconds: 30,
            retry_for_seconds: 24 * 60 * 60,
            allow_private_targets: false,
            connect_timeout_seconds: 5,
            timeout_seconds: 10,
            per_webhook_in_flight: 2,
            per_organisation_in_flight: 8,
            max_in_flight: 64,
        }
    }
}

impl WebhookSettings {
    /// Refuses a retry window in which nothing could be retried.
    pub fn check(&self) -> Result<(), String> {
        check_retry_window("webhooks", self.first_retry_seconds, self.retry_for_seconds)
    }

    /// Which receivers are allowed.
    pub fn target_policy(&self) -> consentry_model::webhooks::TargetPolicy {
        if self.allow_private_targets {
            consentry_model::webhooks::TargetPolicy::AllowPrivate
        } else {
            consentry_model::webhooks::TargetPolicy::PublicOnly
        }
    }

    /// The sender's settings, each at least 1 (a bound of 0 would send nothing).
    pub fn sender(&self) -> crate::domain::webhooks::SenderSettings {
        use std::time::Duration;
        crate::domain::webhooks::SenderSettings {
            first_retry: Duration::from_secs(self.first_retry_seconds.max(1)),
            retry_for: Duration::from_secs(self.retry_for_seconds),
            policy: self.target_policy(),
            connect_timeout: Duration::from_secs(self.connect_timeout_seconds.max(1)),
            timeout: Duration::from_secs(self.timeout_seconds.max(1)),
            per_webhook: self.per_webhook_in_flight.max(1),
            per_organisation: self.per_organisation_in_flight.max(1),
            in_flight: self.max_in_flight.max(1),
        }
    }
}

/// Where the master key (which wraps the keys that encrypt field values) comes from: the
/// environment or configuration (`master_key`), else a file created on first start.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EncryptionSettings {
    /// The master key itself, 32 bytes in base64 (prefer `CONSENTRY__ENCRYPTION__MASTER_KEY`
    /// over the file).
    pub master_key: Option<String>,
    /// The key file; by default `consentry.key` beside the database file. Created with mode
    /// 0600 when missing. Back it up: without it, encrypted values cannot be read.
    pub key_file: Option<std::path::PathBuf>,
}

impl Settings {
    /// The master key, from the settings or the key file (created when missing). A server
    /// start goes through [`crate::store::master_key`], which refuses to create a key file
    /// for a database that already holds data.
    pub fn master_key(&self) -> Result<crate::crypto::MasterKey, crate::crypto::MasterKeyError> {
        if let Some(key) = &self.encryption.master_key {
            return crate::crypto::MasterKey::from_base64(key);
        }
        crate::crypto::MasterKey::load_or_create(&self.key_file())
    }

    /// The database file named by `database.url` (empty for a PostgreSQL database).
    pub fn database_path(&self) -> PathBuf {
        match self.database.backend() {
            Some(Backend::Sqlite(path)) => path,
            _ => PathBuf::new(),
        }
    }

    /// Where the files that belong with the database go by default: beside a SQLite file,
    /// in `data/` for a PostgreSQL database.
    fn database_dir(&self) -> PathBuf {
        match self.database.backend() {
            Some(Backend::Sqlite(path)) => path.parent().unwrap_or(Path::new("")).to_owned(),
            _ => PathBuf::from("data"),
        }
    }

    /// The key file (used unless `encryption.master_key` is set).
    pub fn key_file(&self) -> PathBuf {
        self.encryption
            .key_file
            .clone()
            .unwrap_or_else(|| self.database_dir().join("consentry.key"))
    }

    /// The erasure ledger file.
    pub fn ledger_file(&self) -> PathBuf {
        if let Some(path) = &self.erasure.ledger_file {
            return path.clone();
        }
        let dir = if self.encryption.master_key.is_some() {
            self.database_dir()
        } else {
            self.key_file().parent().unwrap_or(Path::new("")).to_owned()
        };
        dir.join("erasures.ledger")
    }

    /// Where scheduled backups go.
    pub fn backup_dir(&self) -> PathBuf {
        self.backup
            .dir
            .clone()
            .unwrap_or_else(|| self.database_dir().join("backups"))
    }

    /// Refuses a `server.dist_dir` that holds the database, the key file, the erasure ledger,
    /// the checkpoint log or the backups: every file under it is served to anyone.
    pub fn check_dist_dir(&self) -> Result<(), String> {
        let absolute = |path: &Path| {
            path.canonicalize()
                .or_else(|_| std::path::absolute(path))
                .unwrap_or_else(|_| path.to_owned())
        };
        let dist = absolute(&self.server.dist_dir);
        let kept = [
            ("the database", self.database_path()),
            ("the key file", self.key_file()),
            ("the erasure ledger", self.ledger_file()),
            ("the audit checkpoint log", self.checkpoint_log_file()),
            ("the backups", self.backup_dir()),
        ];
        for (what, path) in kept {
            if !path.as_os_str().is_empty() && absolute(&path).starts_with(&dist) {
                return Err(format!(
                    "server.dist_dir ({}) holds {what} ({}), and every file under it is served \
                     to anyone: point it at the built app (`dist`) alone",
                    self.server.dist_dir.display(),
                    path.display()
                ));
            }
        }
        Ok(())
    }

    /// Refuses a schedule that cannot work: on PostgreSQL (its own tools back it up), or
    /// keeping none.
    pub fn check_backups(&self) -> Result<(), String> {
        if self.backup.every_hours == 0 {
            return Ok(());
        }
        if self.database.backend() == Some(Backend::Postgres) {
            return Err(
                "backup.every_hours: the database is on PostgreSQL; schedule pg_dump \
                        instead (see the README's PostgreSQL section) and set it to 0"
                    .into(),
            );
        }
        if self.backup.keep == 0 {
            return Err(
                "backup.keep is 0: every backup would be deleted as soon as it is \
                        made; keep at least 1"
                    .into(),
            );
        }
        Ok(())
    }

    /// The copy of every audit checkpoint kept outside the database, beside the erasure
    /// ledger.
    pub fn checkpoint_log_file(&self) -> PathBuf {
        self.ledger_file().with_file_name("audit-checkpoints.log")
    }
}

/// How connections to the SMTP server are secured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS (port 587).
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or a test sink.
    None,
}

/// Outgoing e-mail. Without `smtp_host`, messages are kept in the outbox only.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct MailSettings {
    /// The SMTP server; unset means no delivery (the outbox is the delivery).
    pub smtp_host: Option<String>,
    /// Its port.
    pub smtp_port: u16,
    /// How the connection is secured.
    pub security: SmtpSecurity,
    /// User name, when the server wants one.
    pub username: Option<String>,
    /// Password (prefer `CONSENTRY__MAIL__PASSWORD` over the file).
    pub password: Option<String>,
    /// The sender, e.g. `Acme privacy <privacy@acme.example>`.
    pub from: String,
    /// Seconds before a message the SMTP server did not take is tried again; each later
    /// pause doubles (at most an hour).
    pub first_retry_seconds: u64,
    /// Seconds a message is retried before it is given up as failed (a refusal for good, a
    /// 5xx answer, is not retried at all).
    pub retry_for_seconds: u64,
}

/// Refuses a retry window too short for a single retry: a message (or delivery) the server
/// cannot take now would be given up after its first attempt, with "the retries ran out".
fn check_retry_window(section: &str, first_retry: u64, retry_for: u64) -> Result<(), String> {
    let first_retry = first_retry.max(1);
    if retry_for < first_retry {
        return Err(format!(
            "{section}.retry_for_seconds ({retry_for}) is shorter than \
             {section}.first_retry_seconds ({first_retry}): nothing would ever be retried. Set \
             it to at least {first_retry}."
        ));
    }
    Ok(())
}

impl MailSettings {
    /// Refuses a retry window in which nothing could be retried.
    pub fn check(&self) -> Result<(), String> {
        check_retry_window("mail", self.first_retry_seconds, self.retry_for_seconds)
    }

    /// How undelivered messages are retried.
    pub fn schedule(&self) -> crate::backoff::RetrySchedule {
        use std::time::Duration;
        crate::backoff::RetrySchedule {
            first_retry: Duration::from_secs(self.first_retry_seconds.max(1)),
            retry_for: Duration::from_secs(self.retry_for_seconds),
        }
    }
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_host: None,
            smtp_port: 587,
            security: SmtpSecurity::Starttls,
            username: None,
            password: None,
            from: "Consentry <consentry@localhost>".into(),
            first_retry_seconds: 30,
            retry_for_seconds: 24 * 60 * 60,
        }
    }
}

/// HTTP listener and what it serves.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerSettings {
    /// Address to bind.
    pub host: String,
    /// Port to bind; 0 picks a free one (tests).
    pub port: u16,
    /// The URL people reach the server at. When it starts with `https://`, cookies get
    /// `Secure` and responses carry HSTS.
    pub public_url: Option<String>,
    /// Folder with the built SPA (`index.html`, `assets/`), written by `cargo xtask build-spa`.
    pub dist_dir: PathBuf,
    /// Largest accepted request body in bytes.
    pub max_body_bytes: usize,
    /// Seconds a client has to send a request's headers, counted from when the connection
    /// opens or the previous answer went out: a connection that sends them too slowly (or an
    /// HTTP/1 keep-alive connection that waits this long for its next request) is closed.
    pub header_read_timeout_seconds: u64,
    /// Seconds a connection may pass without a byte moving either way (a client that stops
    /// reading an answer) before it is closed. Longer than
    /// `request_timeout_seconds`, so a slow request is answered before its connection goes.
    pub idle_timeout_seconds: u64,
    /// Seconds a request may take, reading its body included; then it is cancelled and
    /// answered `503 request_timeout`.
    pub request_timeout_seconds: u64,
    /// Seconds an `Idempotency-Key` stays claimed by a request that never finished (its
    /// server was killed) before a retry may run it. Longer than `request_timeout_seconds`:
    /// a request still running is cancelled by then, so it can never run twice.
    pub idempotency_lease_seconds: u64,
    /// Connections open at once, from everyone; one more is answered `503 busy` (with
    /// `Retry-After`) and closed at once.
    pub max_connections: usize,
    /// Connections open at once from one client address; one more is answered `503 busy`
    /// and closed, so one client cannot take every connection.
    pub max_connections_per_client: usize,
    /// Request-body bytes the server holds at once, over all requests: each body takes its
    /// bytes as they arrive and holds them until its request is answered; a body whose next
    /// bytes do not fit is answered `503 busy` and its connection closed. At least the largest
    /// body a route takes (an import, 25 MiB).
    pub request_body_budget_bytes: usize,
    /// Of that budget, the bytes one client address may hold at once (over all its
    /// connections). 0: a quarter of the budget, but at least the largest body a route takes,
    /// so one import always fits. Otherwise at least that largest body and at most the budget.
    pub request_body_budget_per_client_bytes: usize,
    /// The slowest a request body may arrive, on average, once `min_body_rate_grace_seconds`
    /// of waiting for it have passed; a slower body is answered `408 body_too_slow` and its
    /// connection closed. 0: no minimum.
    pub min_body_bytes_per_second: u64,
    /// Seconds of waiting for a body before its rate counts.
    pub min_body_rate_grace_seconds: u64,
    /// The reverse proxies and load balancers in front of the server, as addresses or
    /// networks (`["10.0.0.0/8"]`): a request from one of them is counted, by every
    /// per-client limit, for the address it adds to `X-Forwarded-For`. Empty (the default):
    /// that header is ignored, and each request counts for its connection's address.
    pub trusted_proxies: crate::http::client::Networks,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".into(),
            port: 8080,
            public_url: None,
            dist_dir: PathBuf::from("dist"),
            max_body_bytes: 1024 * 1024,
            header_read_timeout_seconds: 10,
            idle_timeout_seconds: 60,
            request_timeout_seconds: 30,
            idempotency_lease_seconds: 60,
            max_connections: 1024,
            max_connections_per_client: 64,
            request_body_budget_bytes: 64 * 1024 * 1024,
            request_body_budget_per_client_bytes: 0,
            min_body_bytes_per_second: 1024,
            min_body_rate_grace_seconds: 10,
            trusted_proxies: crate::http::client::Networks::default(),
        }
    }
}

impl ServerSettings {
    /// Refuses timeouts that would break a promise: a zero timeout, an idle timeout that could
    /// cut a request still within its time, or an `Idempotency-Key` lease that could run out
    /// while its request is still running (a retry would then run it a second time).
    pub fn check_timeouts(&self) -> Result<(), String> {
        for (key, value) in [
            (
                "server.header_read_timeout_seconds",
                self.header_read_timeout_seconds,
            ),
            ("server.idle_timeout_seconds", self.idle_timeout_seconds),
            (
                "server.request_timeout_seconds",
                self.request_timeout_seconds,
            ),
            (
                "server.idempotency_lease_seconds",
                self.idempotency_lease_seconds,
            ),
        ] {
            if value == 0 {
                return Err(format!(
                    "{key} is 0; set it to a number of seconds above 0."
                ));
            }
        }
        if self.idempotency_lease_seconds <= self.request_timeout_seconds {
            return Err(format!(
                "server.idempotency_lease_seconds ({}) must be longer than \
                 server.request_timeout_seconds ({}): a request still running when its \
                 Idempotency-Key's lease ran out could be run a second time by a retry. Raise \
                 the lease or lower the request timeout.",
                self.idempotency_lease_seconds, self.request_timeout_seconds
            ));
        }
        if self.idle_timeout_seconds <= self.request_timeout_seconds {
            return Err(format!(
                "server.idle_timeout_seconds ({}) must be longer than \
                 server.request_timeout_seconds ({}): a request still within its time would \
                 lose its connection before it is answered. Raise the idle timeout or lower \
                 the request timeout.",
                self.idle_timeout_seconds, self.request_timeout_seconds
            ));
        }
        self.check_capacity()
    }

    /// Refuses connection and body bounds the server could not work under: no connections at
    /// all, a per-client bound above the overall one, a body budget (or a client's share of
    /// it) smaller than a body a route takes (that route would always answer `503 busy`), or
    /// a minimum body rate without a grace.
    fn check_capacity(&self) -> Result<(), String> {
        if self.max_connections == 0 || self.max_connections_per_client == 0 {
            return Err(
                "server.max_connections and server.max_connections_per_client must be \
                        above 0; set them to how many connections may be open at once."
                    .into(),
            );
        }
        if self.max_connections_per_client > self.max_connections {
            return Err(format!(
                "server.max_connections_per_client ({}) is above server.max_connections ({}); \
                 lower it or raise the overall bound.",
                self.max_connections_per_client, self.max_connections
            ));
        }
        let largest = self
            .max_body_bytes
            .max(crate::http::bodies::MAX_IMPORT_BYTES);
        if self.request_body_budget_bytes < largest {
            return Err(format!(
                "server.request_body_budget_bytes ({}) is below the largest body a route takes \
                 ({largest} bytes): raise it to at least that.",
                self.request_body_budget_bytes
            ));
        }
        let share = self.request_body_budget_per_client_bytes;
        if share != 0 && (share < largest || share > self.request_body_budget_bytes) {
            return Err(format!(
                "server.request_body_budget_per_client_bytes ({share}) must be at least the \
                 largest body a route takes ({largest} bytes) and at most \
                 server.request_body_budget_bytes ({}); set it between them, or to 0 for a \
                 quarter of the budget.",
                self.request_body_budget_bytes
            ));
        }
        if self.min_body_bytes_per_second != 0 && self.min_body_rate_grace_seconds == 0 {
            return Err(
                "server.min_body_rate_grace_seconds is 0: every body would be too slow before \
                 its first bytes arrive. Set it to a number of seconds above 0 (or \
                 server.min_body_bytes_per_second to 0 for no minimum)."
                    .into(),
            );
        }
        Ok(())
    }

    /// The bytes of the body budget one client address may hold at once.
    pub fn request_body_budget_per_client(&self) -> usize {
        match self.request_body_budget_per_client_bytes {
            0 => (self.request_body_budget_bytes / 4)
                .max(
                    self.max_body_bytes
                        .max(crate::http::bodies::MAX_IMPORT_BYTES),
                )
                .min(self.request_body_budget_bytes),
            share => share,
        }
    }

    /// Whether people reach us over TLS (directly or through a terminating proxy).
    pub fn behind_tls(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://"))
    }
}

/// Database location.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct DatabaseSettings {
    /// `sqlite://path/to/file.db` (created when missing, the default) or
    /// `postgres://user:password@host:port/database` (PostgreSQL 15 or newer, an existing
    /// database; several instances may share it).
    pub url: String,
    /// Seconds a process working on the database (a server, a command-line import) counts as
    /// alive after it last said so; it says so every quarter of this. A background job whose
    /// process stopped saying so this long is marked interrupted. At least 4.
    pub instance_lease_seconds: u64,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: "sqlite://data/consentry.db".into(),
            instance_lease_seconds: 60,
        }
    }
}

/// The backend a database URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// One SQLite file, for one machine.
    Sqlite(PathBuf),
    /// A PostgreSQL database, which several server instances may share.
    Postgres,
}

impl DatabaseSettings {
    /// The backend `url` names; `None` for a URL of no backend this build has.
    pub fn backend(&self) -> Option<Backend> {
        let url = self.url.as_str();
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            return Some(Backend::Sqlite(PathBuf::from(
                path.split('?').next().unwrap_or_default(),
            )));
        }
        // A PostgreSQL URL names its database: without one the driver would fall back to
        // the user's default database (often `postgres`) and put the schema there.
        let rest = url
            .strip_prefix("postgres://")
            .or_else(|| url.strip_prefix("postgresql://"))?;
        let database = rest.split_once('/').map(|(_, path)| path)?;
        (!database.split('?').next().unwrap_or_default().is_empty()).then_some(Backend::Postgres)
    }

    /// How long this process counts as alive after it said so (see
    /// [`Self::instance_lease_seconds`]), refused when too short to renew in time.
    pub fn instance_lease(&self) -> Result<std::time::Duration, String> {
        if self.instance_lease_seconds < 4 {
            return Err(format!(
                "database.instance_lease_seconds ({}) must be at least 4: a process renews \
                 its lease every quarter of it, at most once a second.",
                self.instance_lease_seconds
            ));
        }
        Ok(std::time::Duration::from_secs(self.instance_lease_seconds))
    }
}

/// Session lifetime and brute-force protection.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthSettings {
    /// How long a sign-in lasts, in seconds.
    pub session_ttl_seconds: u64,
    /// Failed sign-ins allowed per client address within the window; then that address waits.
    pub max_failed_sign_ins: u32,
    /// The window for failed sign-ins (per address and per account), in seconds.
    pub failed_sign_in_window_seconds: u64,
    /// Failed sign-ins at one account within the window before further attempts at it are
    /// slowed down (never refused): 1, 2, 4, … seconds.
    pub account_free_failures: u32,
    /// The longest an attempt at an account is slowed down, in seconds.
    pub account_max_delay_seconds: u64,
    /// Password hashes computed at once (Argon2id, 19 MiB each); 0 means one per core.
    pub hashing_permits: usize,
    /// Password checks that may wait for a free hashing slot; beyond that the answer is 503
    /// with `Retry-After`.
    pub hashing_queue: usize,
}

impl AuthSettings {
    /// How many hashes run at once: the setting, or one per core.
    pub fn hashing_permits(&self) -> usize {
        match self.hashing_permits {
            0 => std::thread::available_parallelism().map_or(1, usize::from),
            n => n,
        }
    }
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            session_ttl_seconds: 12 * 60 * 60,
            max_failed_sign_ins: 10,
            failed_sign_in_window_seconds: 15 * 60,
            account_free_failures: 5,
            account_max_delay_seconds: 8,
            hashing_permits: 0,
            hashing_queue: 16,
        }
    }
}

impl Settings {
    /// Loads defaults, then `file` (when given, it must exist; otherwise `consentry.toml` is
    /// read if present), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Settings, Box<figment::Error>> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        figment = match file {
            Some(path) => figment.merge(Toml::file_exact(path)),
            None => figment.merge(Toml::file("consentry.toml")),
        };
        figment
            .merge(Env::prefixed("CONSENTRY__").split("__"))
            .extract()
            .map_err(Box::new)
    }
}

#[cfg(test)]
// figment::Jail's closures must return figment::Error, whose size we cannot change.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn the_database_url_names_the_backend_and_where_its_files_go() {
        let mut settings = Settings::default();
        assert_eq!(
            settings.database.backend(),
            Some(Backend::Sqlite(PathBuf::from("data/consentry.db")))
        );
        assert_eq!(settings.key_file(), PathBuf::from("data/consentry.key"));
        settings.database.url = "postgres://consentry@db.internal/consentry".into();
        assert_eq!(settings.database.backend(), Some(Backend::Postgres));
        assert_eq!(settings.database_path(), PathBuf::new());
        assert_eq!(settings.key_file(), PathBuf::from("data/consentry.key"));
        assert_eq!(
            settings.ledger_file(),
            PathBuf::from("data/erasures.ledger")
        );
        settings.database.url = "postgresql://db/consentry".into();
        assert_eq!(settings.database.backend(), Some(Backend::Postgres));
        settings.database.url = "mysql://db/consentry".into();
        assert_eq!(settings.database.backend(), None);
        for without_database in [
            "postgres://db",
            "postgres://db/",
            "postgres://db/?sslmode=require",
        ] {
            settings.database.url = without_database.into();
            assert_eq!(settings.database.backend(), None, "{without_database}");
        }
    }

    #[test]
    fn a_dist_dir_holding_the_database_or_its_keys_is_refused() {
        let mut settings = Settings::default();
        assert_eq!(settings.check_dist_dir(), Ok(()), "dist beside data");
        for (dist, what) in [(".", "the database"), ("data", "the database")] {
            settings.server.dist_dir = PathBuf::from(dist);
            let refused = settings.check_dist_dir().expect_err(dist);
            assert!(
                refused.contains(what) && refused.contains("server.dist_dir"),
                "{refused}"
            );
        }
        settings.server.dist_dir = PathBuf::from("/srv/consentry/dist");
        settings.encryption.key_file = Some(PathBuf::from("/srv/consentry/dist/../dist/k.key"));
        assert!(
            settings
                .check_dist_dir()
                .is_err_and(|e| e.contains("the key file"))
        );
    }

    #[test]
    fn scheduled_backups_are_refused_on_postgresql_and_when_none_would_be_kept() {
        let mut settings = Settings::default();
        settings.backup.every_hours = 24;
        assert_eq!(settings.check_backups(), Ok(()));
        settings.backup.keep = 0;
        assert!(
            settings
                .check_backups()
                .is_err_and(|e| e.contains("backup.keep"))
        );
        settings.backup.keep = 3;
        settings.database.url = "postgres://db/consentry".into();
        assert!(
            settings
                .check_backups()
                .is_err_and(|e| e.contains("pg_dump") && e.contains("backup.every_hours"))
        );
        settings.backup.every_hours = 0;
        assert_eq!(
            settings.check_backups(),
            Ok(()),
            "no schedule, nothing to refuse"
        );
        assert_eq!(
            Settings::default().backup_dir(),
            PathBuf::from("data/backups")
        );
    }

    #[test]
    fn a_retry_window_shorter_than_the_first_retry_is_refused_naming_both_settings() {
        let mut mail = MailSettings::default();
        assert_eq!(mail.check(), Ok(()));
        mail.first_retry_seconds = 30;
        mail.retry_for_seconds = 1;
        let refused = mail.check().expect_err("nothing would be retried");
        assert!(
            refused.contains("mail.retry_for_seconds (1)")
                && refused.contains("mail.first_retry_seconds (30)"),
            "{refused}"
        );
        mail.retry_for_seconds = 30;
        assert_eq!(mail.check(), Ok(()));
        let webhooks = WebhookSettings {
            retry_for_seconds: 0,
            ..WebhookSettings::default()
        };
        assert!(webhooks.check().is_err());
    }

    #[test]
    fn environment_overrides_file_which_overrides_defaults() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("c.toml", "[server]\nport = 9000\nhost = \"0.0.0.0\"")?;
            jail.set_env("CONSENTRY__SERVER__PORT", "9100");
            let settings = Settings::load(Some(Path::new("c.toml"))).map_err(|e| *e)?;
            assert_eq!(settings.server.port, 9100);
            assert_eq!(settings.server.host, "0.0.0.0");
            assert_eq!(settings.database.url, "sqlite://data/consentry.db");
            Ok(())
        });
    }

    #[test]
    fn trusted_proxies_come_from_the_file_or_the_environment_and_a_bad_one_is_named() {
        figment::Jail::expect_with(|jail| {
            let settings = Settings::load(None).map_err(|e| *e)?;
            assert_eq!(settings.server.trusted_proxies, Default::default());
            jail.create_file("c.toml", "[server]\ntrusted_proxies = [\"10.0.0.0/8\"]")?;
            jail.set_env(
                "CONSENTRY__SERVER__TRUSTED_PROXIES",
                r#"["10.0.0.0/8", "::1"]"#,
            );
            let settings = Settings::load(Some(Path::new("c.toml"))).map_err(|e| *e)?;
            assert_eq!(
                Vec::<String>::from(settings.server.trusted_proxies),
                vec!["10.0.0.0/8", "::1/128"]
            );
            jail.set_env("CONSENTRY__SERVER__TRUSTED_PROXIES", r#"["lb.internal"]"#);
            let refused = Settings::load(None)
                .expect_err("not an address")
                .to_string();
            assert!(
                refused.contains("lb.internal")
                    && refused.to_lowercase().contains("trusted_proxies"),
                "{refused}"
            );
            Ok(())
        });
    }

    #[test]
    fn webhooks_go_to_public_https_receivers_unless_the_operator_allows_private_ones() {
        figment::Jail::expect_with(|jail| {
            let settings = Settings::load(None).map_err(|e| *e)?;
            assert_eq!(
                settings.webhooks.target_policy(),
                consentry_model::webhooks::TargetPolicy::PublicOnly
            );
            let sender = settings.webhooks.sender();
            assert_eq!(sender.connect_timeout.as_secs(), 5);
            assert_eq!(sender.timeout.as_secs(), 10);
            assert_eq!((sender.per_webhook, sender.per_organisation), (2, 8));
            jail.set_env("CONSENTRY__WEBHOOKS__ALLOW_PRIVATE_TARGETS", "true");
            let settings = Settings::load(None).map_err(|e| *e)?;
            assert_eq!(
                settings.webhooks.target_policy(),
                consentry_model::webhooks::TargetPolicy::AllowPrivate
            );
            Ok(())
        });
    }

    #[test]
    fn an_idempotency_lease_not_longer_than_the_request_timeout_is_refused() {
        let mut server = ServerSettings::default();
        assert_eq!(server.check_timeouts(), Ok(()));
        server.request_timeout_seconds = 60;
        let refused = server
            .check_timeouts()
            .expect_err("lease = request timeout");
        assert!(
            refused.contains("server.idempotency_lease_seconds (60)")
                && refused.contains("server.request_timeout_seconds (60)"),
            "{refused}"
        );
        server.idempotency_lease_seconds = 61;
        server.idle_timeout_seconds = 61;
        assert_eq!(server.check_timeouts(), Ok(()));
        server.idle_timeout_seconds = 30;
        let refused = server.check_timeouts().expect_err("idle < request timeout");
        assert!(
            refused.contains("server.idle_timeout_seconds (30)"),
            "{refused}"
        );
        server.idle_timeout_seconds = 61;
        server.header_read_timeout_seconds = 0;
        let refused = server.check_timeouts().expect_err("zero");
        assert!(
            refused.contains("server.header_read_timeout_seconds is 0"),
            "{refused}"
        );
    }

    #[test]
    fn connection_and_body_bounds_the_server_cannot_work_under_are_refused() {
        let mut server = ServerSettings::default();
        assert_eq!(server.check_timeouts(), Ok(()));
        server.max_connections_per_client = 2000;
        let refused = server.check_timeouts().expect_err("per client > overall");
        assert!(
            refused.contains("server.max_connections_per_client (2000)"),
            "{refused}"
        );
        server.max_connections_per_client = 0;
        assert!(server.check_timeouts().is_err());
        server.max_connections_per_client = 64;
        server.request_body_budget_bytes = 1024 * 1024;
        let refused = server.check_timeouts().expect_err("budget < an import");
        assert!(
            refused.contains("server.request_body_budget_bytes (1048576)")
                && refused.contains("26214400"),
            "{refused}"
        );
        figment::Jail::expect_with(|jail| {
            jail.set_env("CONSENTRY__SERVER__MAX_CONNECTIONS", "10");
            jail.set_env("CONSENTRY__SERVER__MAX_CONNECTIONS_PER_CLIENT", "5");
            jail.set_env("CONSENTRY__SERVER__REQUEST_BODY_BUDGET_BYTES", "30000000");
            let settings = Settings::load(None).map_err(|e| *e)?;
            assert_eq!(settings.server.max_connections, 10);
            assert_eq!(settings.server.max_connections_per_client, 5);
            assert_eq!(settings.server.request_body_budget_bytes, 30_000_000);
            assert_eq!(settings.server.check_timeouts(), Ok(()));
            Ok(())
        });
    }

    #[test]
    fn a_client_holds_a_quarter_of_the_body_budget_but_always_room_for_an_import() {
        const MIB: usize = 1024 * 1024;
        let mut server = ServerSettings::default();
        // 64 MiB: a quarter is 16 MiB, below an import's 25 MiB.
        assert_eq!(server.request_body_budget_per_client(), 25 * MIB);
        server.request_body_budget_bytes = 200 * MIB;
        assert_eq!(server.request_body_budget_per_client(), 50 * MIB);
        server.request_body_budget_per_client_bytes = 30 * MIB;
        assert_eq!(server.request_body_budget_per_client(), 30 * MIB);
        assert_eq!(server.check_timeouts(), Ok(()));
        server.request_body_budget_per_client_bytes = MIB;
        let refused = server.check_timeouts().expect_err("share < an import");
        assert!(
            refused.contains("server.request_body_budget_per_client_bytes (1048576)"),
            "{refused}"
        );
        server.request_body_budget_per_client_bytes = 201 * MIB;
        assert!(server.check_timeouts().is_err(), "share > the budget");
        server.request_body_budget_per_client_bytes = 0;
        server.min_body_rate_grace_seconds = 0;
        let refused = server.check_timeouts().expect_err("no grace");
        assert!(
            refused.contains("server.min_body_rate_grace_seconds"),
            "{refused}"
        );
        server.min_body_bytes_per_second = 0;
        assert_eq!(server.check_timeouts(), Ok(()));
        figment::Jail::expect_with(|jail| {
            jail.set_env(
                "CONSENTRY__SERVER__REQUEST_BODY_BUDGET_PER_CLIENT_BYTES",
                "30000000",
            );
            jail.set_env("CONSENTRY__SERVER__MIN_BODY_BYTES_PER_SECOND", "2048");
            jail.set_env("CONSENTRY__SERVER__MIN_BODY_RATE_GRACE_SECONDS", "5");
            let settings = Settings::load(None).map_err(|e| *e)?;
            assert_eq!(settings.server.request_body_budget_per_client(), 30_000_000);
            assert_eq!(settings.server.min_body_bytes_per_second, 2048);
            assert_eq!(settings.server.min_body_rate_grace_seconds, 5);
            Ok(())
        });
    }

    #[test]
    fn timeouts_come_from_the_environment() {
        figment::Jail::expect_with(|jail| {
            jail.set_env("CONSENTRY__SERVER__REQUEST_TIMEOUT_SECONDS", "5");
            jail.set_env("CONSENTRY__SERVER__IDEMPOTENCY_LEASE_SECONDS", "9");
            let settings = Settings::load(None).map_err(|e| *e)?;
            assert_eq!(settings.server.request_timeout_seconds, 5);
            assert_eq!(settings.server.idempotency_lease_seconds, 9);
            assert_eq!(settings.server.header_read_timeout_seconds, 10);
            Ok(())
        });
    }

    #[test]
    fn a_named_config_file_that_is_missing_is_an_error() {
        figment::Jail::expect_with(|_| {
            assert!(Settings::load(Some(Path::new("nope.toml"))).is_err());
            Ok(())
        });
    }
}
