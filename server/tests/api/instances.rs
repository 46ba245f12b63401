//! Three real server processes (`consentry serve`, each its own port) on one PostgreSQL
//! database and one key file, as a deployment behind a load balancer runs them: queued mail
//! reaches the mail server once, also when one instance is killed mid-delivery; per-client
//! limits hold for the three together; a form published through one is served by another
//! within a second; concurrent record changes keep the audit trail whole; a session started
//! on one works on the others.
//!
//! They need PostgreSQL, so they run in the suite's PostgreSQL pass only
//! (`CONSENTRY_TEST_BACKEND=postgres`, see scripts/test.sh) and return at once in the SQLite
//! pass: each runs once.

use std::{
    collections::HashMap,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::{
    consent::{form_and_record, send},
    helpers::{
        ADMIN_EMAIL, ADMIN_PASSWORD, Options, SmtpSink, TestApp, new_client, on_postgres, send_as,
        spawn_app_with,
    },
    imports::{finished, upload},
    widget::embeddable,
};

/// The site the widget forms allow (see [`embeddable`]).
const SHOP: &str = "https://shop.example.org";

/// The instances' names, in the order they are started.
const NAMES: [char; 3] = ['a', 'b', 'c'];

/// One `consentry serve` process, killed (`kill -9`) and reaped when dropped: also when an
/// assertion fails first, so no server outlives its test.
struct Instance {
    name: char,
    url: String,
    process: Child,
}

impl Instance {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// `kill -9`: no clean shutdown, its claims and in-memory state left as they were.
    fn kill(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.kill();
    }
}

/// What the three instances share (beyond the database), and what each is told.
struct Shared<'a> {
    app: &'a TestApp,
    database: String,
    sink: Option<&'a SmtpSink>,
    settings: &'a [(&'a str, &'a str)],
}

/// A port no one listens on now (the instance binds it a moment later).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The real binary on the shared database, key file, ledger and built app. Settings come
/// from the environment only: the working directory is the test's, with no `consentry.toml`.
fn consentry(shared: &Shared<'_>) -> Command {
    let dir = shared.app.dir.path();
    let mut command = Command::new(env!("CARGO_BIN_EXE_consentry"));
    command
        .current_dir(dir)
        .env("CONSENTRY__DATABASE__URL", &shared.database)
        .env("CONSENTRY__ENCRYPTION__KEY_FILE", dir.join("consentry.key"))
        .env(
            "CONSENTRY__ERASURE__LEDGER_FILE",
            dir.join("erasures.ledger"),
        )
        .env("CONSENTRY__SERVER__DIST_DIR", dir.join("dist"))
        .env("CONSENTRY_LOG", "error");
    command
}

/// Starts instance `name`; it answers once [`ready`]. With a sink, it delivers mail there as
/// `privacy-{name}@acme.example`, so the sink tells which instance sent a message.
fn spawn(shared: &Shared<'_>, name: char) -> Instance {
    let port = free_port();
    let mut command = consentry(shared);
    command
        .arg("serve")
        .env("CONSENTRY__SERVER__PORT", port.to_string())
        .envs(shared.settings.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    if let Some(sink) = shared.sink {
        command
            .env("CONSENTRY__MAIL__SMTP_HOST", "127.0.0.1")
            .env("CONSENTRY__MAIL__SMTP_PORT", sink.port.to_string())
            .env("CONSENTRY__MAIL__SECURITY", "none")
            .env(
                "CONSENTRY__MAIL__FROM",
                format!("Acme privacy <privacy-{name}@acme.example>"),
            );
    }
    Instance {
        name,
        url: format!("http://127.0.0.1:{port}"),
        process: command.spawn().expect("consentry serve starts"),
    }
}

/// Waits (up to 30 s) until the instance answers `/api/health`; fails when it exits first.
async fn ready(instance: &mut Instance) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let client = reqwest::Client::new();
    loop {
        if let Some(status) = instance.process.try_wait().expect("wait") {
            panic!(
                "instance {} exited before it was ready: {status}",
                instance.name
            );
        }
        let health = client.get(instance.url("/api/health")).send().await;
        if health.is_ok_and(|h| h.status() == StatusCode::OK) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "instance {} not ready in 30 s",
            instance.name
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Three instances (a, b, c) on the database the stopped `app` prepared, all answering.
async fn three(shared: &Shared<'_>) -> Vec<Instance> {
    let mut instances: Vec<Instance> = NAMES.iter().map(|&n| spawn(shared, n)).collect();
    for instance in &mut instances {
        ready(instance).await;
    }
    instances
}

/// A PostgreSQL test app to prepare the database in, and the database's URL. The caller
/// stops it before the instances start, so only they work on the database.
async fn preparing() -> (TestApp, String) {
    let app = spawn_app_with(Options::default()).await;
    let database = app.database_url().await;
    assert!(database.starts_with("postgres"), "{database}");
    (app, database)
}

/// A client signed in as the administrator through `instance`.
async fn signed_in(instance: &Instance) -> reqwest::Client {
    let client = new_client();
    let session = send_as(
        &client,
        Method::POST,
        &instance.url("/api/v1/session"),
        &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(session.status(), StatusCode::OK);
    client
}

/// `consentry verify-audit` on the shared database: whether it passed, and what it said.
fn verify_audit(shared: &Shared<'_>) -> (bool, String) {
    let verified = consentry(shared)
        .arg("verify-audit")
        .output()
        .expect("verify-audit runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&verified.stdout),
        String::from_utf8_lossy(&verified.stderr)
    );
    (verified.status.success(), said)
}

// ----- Mail: the outbox shared by three senders -------------------------------------------

/// Messages queued in the mail tests: the number the issue asks for.
const MESSAGES: usize = 500;

/// The published form and `n` imported Leads records on basis Consent (Pending), each with its
/// own address `lid{i}@example.nl`: ready to be asked.
async fn records_to_ask(app: &TestApp, n: usize) -> (String, Vec<String>) {
    let (form, _) = form_and_record(app, None).await;
    let leads = app.module_id("leads").await;
    let mut csv = String::from("First name,Last name,E-mail\n");
    for i in 0..n {
        csv.push_str(&format!("Lid,Nummer {i},lid{i}@example.nl\n"));
    }
    let started = upload(app, &leads, "file_name=leden.csv", csv.into()).await;
    assert_eq!(started.status(), StatusCode::ACCEPTED);
    let started: Value = started.json().await.expect("json");
    let done = finished(app, started["id"].as_str().expect("id")).await;
    assert_eq!(done["imported"], n, "{done}");
    let changed = app
        .post(
            "/api/v1/records/bulk-basis",
            &json!({"filter": {"module": leads, "source": "import"},
                    "change": {"basis": "consent"}, "confirmed_count": n}),
        )
        .await;
    assert_eq!(changed.status(), StatusCode::OK);
    (form, imported_records(app).await)
}

/// The ids of every imported record, page by page, in the order of their addresses: the
/// `i`th is `lid{i}@example.nl`'s.
async fn imported_records(app: &TestApp) -> Vec<String> {
    let mut ids = Vec::new();
    let mut after = String::new();
    loop {
        let page: Value = app
            .get(&format!("/api/v1/records?source=import&limit=200{after}"))
            .await
            .json()
            .await
            .expect("json");
        for record in page["records"].as_array().expect("records") {
            let number: usize = record["fields"]["email"]
                .as_str()
                .and_then(|e| e.strip_prefix("lid")?.split('@').next()?.parse().ok())
                .unwrap_or_else(|| panic!("an imported address: {record}"));
            ids.push((number, record["id"].as_str().expect("id").to_owned()));
        }
        match page["next"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => break,
        }
    }
    ids.sort();
    ids.into_iter().map(|(_, id)| id).collect()
}

/// Asks every record for consent, the requests spread over `through` (each instance's sender
/// is woken by the requests it queues), 24 at a time.
async fn ask_all(client: &reqwest::Client, through: &[&Instance], form: &str, records: &[String]) {
    let mut asking = tokio::task::JoinSet::new();
    for lane in 0..24 {
        let lane_requests: Vec<(String, String)> = records
            .iter()
            .enumerate()
            .skip(lane)
            .step_by(24)
            .map(|(i, id)| {
                let path = format!("/api/v1/records/{id}/consent-requests");
                (through[i % through.len()].url(&path), form.to_owned())
            })
            .collect();
        let client = client.clone();
        asking.spawn(async move {
            for (url, form) in lane_requests {
                let asked = send_as(&client, Method::POST, &url, &json!({"form_id": form})).await;
                assert_eq!(asked.status(), StatusCode::CREATED, "{url}");
            }
        });
    }
    asking.join_all().await;
}

/// A header's value in a received message (unfolded headers: `To`, `From`, `Message-ID`).
fn header_of<'m>(raw: &'m str, name: &str) -> &'m str {
    raw.lines()
        .take_while(|l| !l.is_empty())
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("no {name} in {raw}"))
        .trim()
}

/// The address in `Name <address>` (or the bare address).
fn address(value: &str) -> &str {
    value
        .rsplit_once('<')
        .map_or(value, |(_, rest)| rest.trim_end_matches('>'))
}

/// What the sink received: per recipient, the instance (`a`, `b`, `c`) of each copy, and the
/// Message-IDs seen.
#[derive(Debug, Default)]
struct Received {
    copies: HashMap<String, Vec<char>>,
    message_ids: HashMap<String, Vec<String>>,
}

impl Received {
    fn of(sink: &SmtpSink) -> Received {
        let mut received = Received::default();
        for raw in sink.messages() {
            let to = address(header_of(&raw, "To")).to_owned();
            let from = address(header_of(&raw, "From"));
            let sender = from
                .strip_prefix("privacy-")
                .and_then(|rest| rest.chars().next())
                .unwrap_or_else(|| panic!("a sender of the test: {from}"));
            received.copies.entry(to.clone()).or_default().push(sender);
            let id = header_of(&raw, "Message-ID").to_owned();
            received.message_ids.entry(to).or_default().push(id);
        }
        received
    }

    /// Recipients with at least one copy.
    fn recipients(&self) -> usize {
        self.copies.len()
    }

    /// Recipients who got more than one copy.
    fn duplicated(&self) -> Vec<(&String, &Vec<char>)> {
        self.copies.iter().filter(|(_, c)| c.len() > 1).collect()
    }

    /// Copies sent by one instance.
    fn sent_by(&self, name: char) -> usize {
        self.copies
            .values()
            .flatten()
            .filter(|&&n| n == name)
            .count()
    }

    /// The recipients `lid{i}@example.nl` for `i` below `n` who got nothing.
    fn missing(&self, n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("lid{i}@example.nl"))
            .filter(|to| !self.copies.contains_key(to))
            .collect()
    }
}

/// The outbox as the database holds it: messages still queued, and of those the ones a
/// sender claimed (`sending_until` ahead).
async fn outbox_counts(pool: &sqlx::PgPool) -> (i64, i64) {
    sqlx::query_as(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE sending_until > now()) FROM outbox
         WHERE status = 'queued'",
    )
    .fetch_one(pool)
    .await
    .expect("outbox")
}

/// Waits (up to `within`) until nothing is queued any more: every attempt recorded, so the
/// sink holds every copy that will ever be sent.
async fn outbox_emptied(pool: &sqlx::PgPool, within: Duration) {
    let deadline = Instant::now() + within;
    loop {
        let (queued, claimed) = outbox_counts(pool).await;
        if queued == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{queued} messages still queued ({claimed} claimed) after {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Everything the mail tests run on: the sink, the stopped preparing app (its directory and
/// database), the three instances delivering to the sink, and the form and records to ask.
struct MailSetup {
    sink: SmtpSink,
    app: TestApp,
    database: String,
    form: String,
    records: Vec<String>,
}

/// Prepares `n` records to ask; the instances start after.
async fn mail_setup(n: usize) -> MailSetup {
    let sink = SmtpSink::start();
    let (mut app, database) = preparing().await;
    app.set_up().await;
    let (form, records) = records_to_ask(&app, n).await;
    app.stop().await;
    MailSetup {
        sink,
        app,
        database,
        form,
        records,
    }
}

impl MailSetup {
    fn shared(&self) -> Shared<'_> {
        Shared {
            app: &self.app,
            database: self.database.clone(),
            sink: Some(&self.sink),
            settings: &[],
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn five_hundred_queued_mails_reach_the_mail_server_once_each_from_three_instances() {
    if !on_postgres() {
        // Several instances need a shared PostgreSQL database: the PostgreSQL pass runs it.
        return;
    }
    let setup = mail_setup(MESSAGES).await;
    let shared = setup.shared();
    let instances = three(&shared).await;
    let started = Instant::now();
    let admin = signed_in(&instances[0]).await;
    let all: Vec<&Instance> = instances.iter().collect();
    ask_all(&admin, &all, &setup.form, &setup.records).await;
    let queued_in = started.elapsed();
    let pool = sqlx::PgPool::connect(&setup.database).await.expect("pool");
    outbox_emptied(&pool, Duration::from_secs(60)).await;
    let (sent,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")
        .fetch_one(&pool)
        .await
        .expect("sent");
    pool.close().await;

    let received = Received::of(&setup.sink);
    eprintln!(
        "{MESSAGES} messages queued in {queued_in:?}, all delivered in {:?}: {} by a, {} by b, \
         {} by c",
        started.elapsed(),
        received.sent_by('a'),
        received.sent_by('b'),
        received.sent_by('c')
    );
    assert_eq!(sent, MESSAGES as i64, "every message recorded as sent");
    assert_eq!(received.missing(MESSAGES), Vec::<String>::new());
    assert_eq!(received.recipients(), MESSAGES);
    assert_eq!(
        received.duplicated(),
        Vec::new(),
        "a message reached the mail server twice"
    );
    for name in NAMES {
        assert!(
            received.sent_by(name) > 0,
            "instance {name} delivered nothing: the senders did not compete ({received:?})"
        );
    }
}

/// Waits until instance `name` delivers a message after the ones already seen from it (it is
/// sending right now); fails when everything was delivered first.
async fn sending_now(sink: &SmtpSink, name: char) {
    let before = Received::of(sink).sent_by(name);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let received = Received::of(sink);
        if received.sent_by(name) > before {
            return;
        }
        assert!(
            received.recipients() < MESSAGES && Instant::now() < deadline,
            "instance {name} sent nothing more before the deliveries ended: \
             nothing to kill it in the middle of"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The instances' lease in the kill test: a killed instance's claims are free this long
/// after its last renewal at the latest.
const LEASE_SECONDS: &str = "4";

/// The claims each instance holds on unsent messages now, by instance id.
async fn claims_now(pool: &sqlx::PgPool) -> Vec<(uuid::Uuid, uuid::Uuid)> {
    sqlx::query_as(
        "SELECT id, sending_by FROM outbox
         WHERE status = 'queued' AND sending_until > now() AND sending_by IS NOT NULL",
    )
    .fetch_all(pool)
    .await
    .expect("claims")
}

/// The instances alive now.
async fn alive(pool: &sqlx::PgPool) -> Vec<uuid::Uuid> {
    let alive: Vec<(uuid::Uuid,)> =
        sqlx::query_as("SELECT id FROM instances WHERE alive_until >= now()")
            .fetch_all(pool)
            .await
            .expect("instances");
    alive.into_iter().map(|(id,)| id).collect()
}

/// Waits until exactly one of the instances that were `alive` stopped renewing its lease
/// (the killed one): its id.
async fn lease_run_out(pool: &sqlx::PgPool, were_alive: &[uuid::Uuid]) -> uuid::Uuid {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let now_alive = alive(pool).await;
        let dead: Vec<(uuid::Uuid,)> = were_alive
            .iter()
            .filter(|id| !now_alive.contains(id))
            .map(|id| (*id,))
            .collect();
        if let [(id,)] = dead[..] {
            return id;
        }
        assert!(
            dead.len() < 2,
            "more than the killed instance stopped: {dead:?}"
        );
        assert!(
            Instant::now() < deadline,
            "the killed instance's lease never ran out"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_instance_killed_mid_delivery_leaves_its_messages_to_the_others_and_each_arrives() {
    if !on_postgres() {
        // Several instances need a shared PostgreSQL database: the PostgreSQL pass runs it.
        return;
    }
    // One record more than the messages counted: asked last, its request wakes a living
    // sender once the killed instance's claims ran out.
    let setup = mail_setup(MESSAGES + 1).await;
    let (records, bell) = setup.records.split_at(MESSAGES);
    let shared = Shared {
        settings: &[("CONSENTRY__DATABASE__INSTANCE_LEASE_SECONDS", LEASE_SECONDS)],
        ..setup.shared()
    };
    let mut instances = three(&shared).await;
    let admin = signed_in(&instances[0]).await;
    let all: Vec<&Instance> = instances.iter().collect();
    ask_all(&admin, &all, &setup.form, records).await;

    let pool = sqlx::PgPool::connect(&setup.database).await.expect("pool");
    let were_alive = alive(&pool).await;
    assert_eq!(were_alive.len(), 3, "three instances registered");
    // Killed while it sends: its last message may have reached the sink unrecorded.
    sending_now(&setup.sink, 'b').await;
    instances[1].kill();
    let at_kill = Received::of(&setup.sink);
    let left = MESSAGES - at_kill.recipients();
    assert!(
        left >= MESSAGES / 10,
        "only {left} messages left at the kill: the others had little to finish"
    );

    // What it had claimed and not recorded: taken as it died, long before its lease (renewed
    // every second) runs out and the others may take them over.
    let claims = claims_now(&pool).await;
    let killed = lease_run_out(&pool, &were_alive).await;
    let in_flight = claims.iter().filter(|(_, by)| *by == killed).count() as i64;
    let before_run_out = Received::of(&setup.sink);
    // A survivor's sender, woken by a new message, finds the dead instance's claims free.
    let survivors = [&instances[0], &instances[2]];
    ask_all(&admin, &survivors, &setup.form, bell).await;
    outbox_emptied(&pool, Duration::from_secs(30)).await;
    pool.close().await;

    let received = Received::of(&setup.sink);
    let duplicated = received.duplicated();
    eprintln!(
        "kill -9 of instance b with {left} of {MESSAGES} messages undelivered; b left \
         {in_flight} claimed and unrecorded, {} messages were missing when its lease ran out; \
         duplicates: {} {duplicated:?}",
        before_run_out.missing(MESSAGES).len(),
        duplicated.len(),
    );
    assert_eq!(received.missing(MESSAGES), Vec::<String>::new());
    assert!(
        duplicated.len() as i64 <= in_flight,
        "{} duplicates, but the killed instance had only {in_flight} in flight",
        duplicated.len()
    );
    for (to, senders) in &duplicated {
        assert!(
            senders.contains(&'b'),
            "{to} arrived twice, neither copy from the killed instance: {senders:?}"
        );
        let ids = &received.message_ids[*to];
        assert!(
            ids.iter().all(|id| id == &ids[0]),
            "a duplicate is the same message (one Message-ID): {ids:?}"
        );
    }
    assert!(
        received.sent_by('a') > 0 && received.sent_by('c') > 0,
        "both living instances delivered"
    );
}

// ----- Limits kept across the instances ---------------------------------------------------

/// A client of its own address (one client to every per-client limit, whichever instance it
/// reaches), without cookies.
fn client_at(address: [u8; 4]) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(std::net::IpAddr::from(address))
        .build()
        .expect("client")
}

/// Fires every request at once and counts the answers by status.
async fn statuses(requests: Vec<reqwest::RequestBuilder>) -> HashMap<StatusCode, usize> {
    let mut firing = tokio::task::JoinSet::new();
    for request in requests {
        firing.spawn(async move { request.send().await.expect("request").status() });
    }
    let mut counted = HashMap::new();
    for status in firing.join_all().await {
        *counted.entry(status).or_default() += 1;
    }
    counted
}

/// Banner decisions an hour from one client address, in the limits test.
const DECISIONS_PER_CLIENT: usize = 9;

/// Banner decisions sent at once from that address: more than each instance alone allows,
/// so an instance counting only its own share refuses some too.
const DECISIONS: usize = 30;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_client_s_banner_decisions_are_limited_once_across_the_three_instances() {
    if !on_postgres() {
        // Several instances need a shared PostgreSQL database: the PostgreSQL pass runs it.
        return;
    }
    let (mut app, database) = preparing().await;
    embeddable(&app).await;
    app.stop().await;
    let per_client = DECISIONS_PER_CLIENT.to_string();
    let shared = Shared {
        app: &app,
        database,
        sink: None,
        settings: &[("CONSENTRY__WIDGET__PER_CLIENT_PER_HOUR", &per_client)],
    };
    let instances = three(&shared).await;
    let visitor = client_at([127, 0, 9, 9]);
    let decisions = (0..DECISIONS)
        .map(|i| {
            visitor
                .post(instances[i % 3].url("/api/public/widget/acme/newsletter/decisions"))
                .header(header::ORIGIN, SHOP)
                .header("sec-fetch-site", "cross-site")
                .json(&json!({"version": 1, "lang": "en", "granted": ["newsletter"]}))
        })
        .collect();
    let answered = statuses(decisions).await;
    eprintln!("{DECISIONS} decisions from one client over three instances: {answered:?}");
    assert_eq!(
        (
            answered.get(&StatusCode::CREATED).copied().unwrap_or(0),
            answered
                .get(&StatusCode::TOO_MANY_REQUESTS)
                .copied()
                .unwrap_or(0)
        ),
        (DECISIONS_PER_CLIENT, DECISIONS - DECISIONS_PER_CLIENT),
        "the limit per client holds for the three instances together: {answered:?}"
    );
}

/// Failed sign-ins from one client address before it must wait, in the limits test.
const FAILED_SIGN_INS: usize = 5;

/// Wrong passwords tried from that address: more than each instance alone allows, so an
/// instance counting only its own share refuses some too.
const GUESSES: usize = 18;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_client_s_failed_sign_ins_are_limited_once_across_the_three_instances() {
    if !on_postgres() {
        // Several instances need a shared PostgreSQL database: the PostgreSQL pass runs it.
        return;
    }
    let (mut app, database) = preparing().await;
    app.set_up().await;
    app.stop().await;
    let failures = FAILED_SIGN_INS.to_string();
    let shared = Shared {
        app: &app,
        database,
        sink: None,
        settings: &[("CONSENTRY__AUTH__MAX_FAILED_SIGN_INS", &failures)],
    };
    let instances = three(&shared).await;
    let guesser = client_at([127, 0, 9, 10]);
    // A different unknown address each time: no account's own slow-down is involved.
    let guesses = (0..GUESSES)
        .map(|i| {
            guesser
                .post(instances[i % 3].url("/api/v1/session"))
                .header("x-requested-with", "consentry")
                .json(&json!({"email": format!("guess{i}@acme.example"),
                              "password": "not the password at all"}))
        })
        .collect();
    let answered = statuses(guesses).await;
    eprintln!("{GUESSES} failed sign-ins from one client over three instances: {answered:?}");
    assert_eq!(
        (
            answered
                .get(&StatusCode::UNAUTHORIZED)
                .copied()
                .unwrap_or(0),
            answered
                .get(&StatusCode::TOO_MANY_REQUESTS)
                .copied()
                .unwrap_or(0)
        ),
        (FAILED_SIGN_INS, GUESSES - FAILED_SIGN_INS),
        "the limit per client holds for the three instances together: {answered:?}"
    );
}

// ----- Forms, the audit trail and sessions across the instances ---------------------------

/// The form version instance `instance` shows on the hosted consent page of `token` (the
/// latest published version of the link's form, which each instance keeps in memory).
async fn page_version(instance: &Instance, token: &str) -> Option<u64> {
    let page = reqwest::get(instance.url(&format!("/api/public/consent/{token}")))
        .await
        .expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let page: Value = page.json().await.expect("json");
    page["version"].as_u64()
}

/// Waits (up to 6 s, longer than an instance keeps a form without reading it again) until
/// `instance` shows `version` on the page; how long that took.
async fn shown_within(instance: &Instance, token: &str, version: u64) -> Duration {
    let started = Instant::now();
    loop {
        let shown = page_version(instance, token).await;
        if shown == Some(version) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(6),
            "instance {} still shows version {shown:?}",
            instance.name
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Changes the draft's English description of the `service` purpose and publishes it through
/// `instance`: a new version.
async fn publish_changed(client: &reqwest::Client, instance: &Instance, form: &str) {
    let path = instance.url(&format!("/api/v1/forms/{form}"));
    let current: Value = client
        .get(&path)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let mut draft = current["draft"].clone();
    draft["texts"]["en"]["purposes"]["service"]["description"] = json!("Account messages");
    let saved = send_as(client, Method::PUT, &format!("{path}/draft"), &draft).await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
    let published = send_as(client, Method::POST, &format!("{path}/publish"), &json!({})).await;
    assert_eq!(published.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_form_published_through_one_instance_is_served_by_another_within_a_second() {
    if !on_postgres() {
        // Several instances need a shared PostgreSQL database: the PostgreSQL pass runs it.
        return;
    }
    let (mut app, database) = preparing().await;
    app.set_up().await;
    let (form, record) = form_and_record(&app, Some("jan@example.nl")).await;
    let token = send(&app, &form, &record).await;
    app.stop().await;
    let shared = Shared {
        app: &app,
        database,
        sink: None,
        settings: &[],
    };
    let instances = three(&shared).await;
    let (a, c) = (&instances[0], &instances[2]);
    // Jan opens his link on c: version 1, which c now keeps.
    assert_eq!(page_version(c, &token).await, Some(1));

    let admin = signed_in(a).await;
    publish_changed(&admin, a, &form).await;
    let after = shown_within(c, &token, 2).await;
    eprintln!("version 2, published through a, shown by c after {after:?}");
    assert!(
        after < Duration::from_secs(1),
        "c showed version 1 for {after:?} after version 2 was published"
    );
}

/// Record changes made at once through the three instances in the audit test.
const CHANGES: usize = 60;

/// How many audit entries of `action` the database holds.
async fn audited(pool: &sqlx::PgPool, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(pool)
        .await
        .expect("count");
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn record_changes_at_once_through_three_instances_leave_the_audit_trail_verifying() {
    if !on_postgres() {
        // Several instances need a shared PostgreSQL database: the PostgreSQL pass runs it.
        return;
    }
    let (mut app, database) = preparing().await;
    app.set_up().await;
    let leads = app.with_compliance("leads").await;
    let mut records = Vec::new();
    for i in 0..4 {
        records.push(
            app.create_record(&leads, json!({"last_name": format!("Klant {i}")}))
                .await,
        );
    }
    app.stop().await;
    let shared = Shared {
        app: &app,
        database: database.clone(),
        sink: None,
        settings: &[],
    };
    let instances = three(&shared).await;
    let admin = signed_in(&instances[0]).await;

    // Field changes and basis changes, each record changed through every instance at once.
    let mut changing = tokio::task::JoinSet::new();
    for i in 0..CHANGES {
        let record = &records[i % records.len()];
        let (path, body) = if i % 2 == 0 {
            (
                format!("/api/v1/records/{record}"),
                json!({"last_name": format!("Klant {i}"), "first_name": "Anna"}),
            )
        } else {
            // A reason of its own: each change changes something, so each is audited.
            let basis = ["contract", "legitimate_interests"][i / 4 % 2];
            (
                format!("/api/v1/records/{record}/basis"),
                json!({"basis": basis, "lawful_reason": format!("Reason {i}")}),
            )
        };
        let url = instances[i % 3].url(&path);
        let admin = admin.clone();
        changing.spawn(async move {
            let changed = send_as(&admin, Method::PUT, &url, &body).await;
            let status = changed.status();
            assert_eq!(status, StatusCode::OK, "{url}: {:?}", changed.text().await);
        });
    }
    changing.join_all().await;

    let pool = sqlx::PgPool::connect(&database).await.expect("pool");
    let updated = audited(&pool, "record.updated").await;
    let basis_changed = audited(&pool, "record.basis_changed").await;
    pool.close().await;
    assert_eq!(
        (updated, basis_changed),
        (CHANGES as i64 / 2, CHANGES as i64 / 2),
        "every acknowledged change audited once"
    );
    let (intact, said) = verify_audit(&shared);
    eprintln!("verify-audit after {CHANGES} changes at once: {said}");
    assert!(intact, "verify-audit: {said}");
    assert!(said.contains("acme: intact"), "{said}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_session_started_on_one_instance_works_on_the_others_and_ends_on_all() {
    if !on_postgres() {
        // Several instances need a shared PostgreSQL database: the PostgreSQL pass runs it.
        return;
    }
    let (mut app, database) = preparing().await;
    app.set_up().await;
    let leads = app.module_id("leads").await;
    app.stop().await;
    let shared = Shared {
        app: &app,
        database,
        sink: None,
        settings: &[],
    };
    let instances = three(&shared).await;
    // Signed in on a; the session's cookie is sent to whichever instance a request reaches.
    let signed_in = send_as(
        &new_client(),
        Method::POST,
        &instances[0].url("/api/v1/session"),
        &json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}),
    )
    .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let cookie = signed_in.headers()[header::SET_COOKIE]
        .to_str()
        .expect("ascii")
        .split(';')
        .next()
        .expect("name=value")
        .to_owned();
    let with_cookie = |method: Method, instance: &Instance, path: &str| {
        reqwest::Client::new()
            .request(method, instance.url(path))
            .header(header::COOKIE, &cookie)
            .header("x-requested-with", "consentry")
    };
    let me: Value = with_cookie(Method::GET, &instances[1], "/api/v1/session")
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(me["user"]["email"], ADMIN_EMAIL, "{me}");
    let created = with_cookie(Method::POST, &instances[2], "/api/v1/records")
        .json(&json!({"module_id": leads, "fields": {"last_name": "Via C"}}))
        .send()
        .await
        .expect("request");
    assert_eq!(created.status(), StatusCode::CREATED, "a write through c");

    // Signed out through b: the same cookie is refused by a and c too.
    let out = with_cookie(Method::DELETE, &instances[1], "/api/v1/session")
        .send()
        .await
        .expect("request");
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    for instance in [&instances[0], &instances[2]] {
        let after = with_cookie(Method::GET, instance, "/api/v1/session")
            .send()
            .await
            .expect("request");
        assert_eq!(
            after.status(),
            StatusCode::UNAUTHORIZED,
            "instance {} still takes the session",
            instance.name
        );
    }
}
