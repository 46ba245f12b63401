use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{
    consent::{answer, form_and_record, send},
    helpers::{
        LogCapture, Options, SmtpSink, TestApp, error_body, new_client, newest_message_text,
        send_as, spawn_app, spawn_app_with,
    },
    imports::{finished, upload},
    requests::{answer as prove, ask, code_in, subject_in_two_modules},
    rows::stored,
    webhooks::{start_receiver, wait_for},
};

const EMAIL: &str = "zwaan.q7731@example.nl";
const FIRST: &str = "Zwaantje";
/// Starts with a capital outside ASCII: SQLite's `lower()` leaves it as it is.
const LAST: &str = "Ørquaquarelli";
const PHONE: &str = "+31 6 7731 9924";
const COMPANY: &str = "Zwaanvleugel Holding";
/// The import file is named after the subject, as a privacy officer might.
const FILE_NAME: &str = "ørquaquarelli-zwaantje.csv";

/// Every value of the subject that must be gone after erasure.
const VALUES: [&str; 6] = [EMAIL, FIRST, LAST, PHONE, COMPANY, FILE_NAME];

/// How often `needle` occurs in the database file and its WAL.
pub fn hits(app: &TestApp, needle: impl AsRef<[u8]>) -> usize {
    hits_in(&app.db_path(), needle)
}

/// How often `needle` occurs in a database file and its WAL (ASCII case ignored).
pub fn hits_in(db: &std::path::Path, needle: impl AsRef<[u8]>) -> usize {
    let needle = needle.as_ref();
    let db = db.to_owned();
    let mut wal = db.clone().into_os_string();
    wal.push("-wal");
    [db.into_os_string(), wal]
        .iter()
        .filter_map(|path| std::fs::read(path).ok())
        .map(|bytes| {
            bytes
                .windows(needle.len())
                .filter(|w| w.eq_ignore_ascii_case(needle))
                .count()
        })
        .sum()
}

/// A code from the newest outbox message.
pub async fn latest_code(app: &TestApp) -> String {
    newest_message_text(app)
        .await
        .split_whitespace()
        .find(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()))
        .expect("a code")
        .to_owned()
}

/// On SQLite every byte of the file and its WAL is searched; on PostgreSQL, whose files are
/// the server's, every stored value of every table (see the README for what it keeps).
#[tokio::test]
async fn after_erasure_no_byte_of_the_subject_remains_in_the_database_its_wal_or_the_log() {
    let log = LogCapture::start();
    let app = spawn_app().await;
    app.set_up().await;
    // A webhook receiver outside: it hears of the subject's changes as they happen.
    let (hook, receiver) = start_receiver(&[]).await;
    let subscribed = app
        .post(
            "/api/v1/webhooks",
            &json!({"url": hook, "events": ["consent.changed", "record.basis_changed", "dsr.created"]}),
        )
        .await;
    assert_eq!(subscribed.status(), StatusCode::CREATED);
    // The subject everywhere: two records in two modules, a consent request and answer, a
    // request filed by hand, and the privacy-centre request that asks for erasure.
    let (form, record) = form_and_record(&app, Some(EMAIL)).await;
    let fields = json!({"first_name": FIRST, "last_name": LAST, "email": EMAIL, "phone": PHONE});
    let updated = app
        .send(Method::PUT, &format!("/api/v1/records/{record}"), &fields)
        .await;
    assert_eq!(
        updated.status(),
        StatusCode::OK,
        "{:?}",
        updated.text().await
    );
    let contacts = app.with_compliance("contacts").await;
    let second = app
        .post(
            "/api/v1/records",
            &json!({"module_id": contacts, "fields": fields}),
        )
        .await;
    assert_eq!(second.status(), StatusCode::CREATED);
    let token = send(&app, &form, &record).await;
    let granted = answer(
        &app,
        &token,
        json!({"lang": "en", "decision": "save",
               "choices": {"granted": ["service"], "channels": ["email"]}}),
    )
    .await;
    assert_eq!(granted.status(), StatusCode::OK);
    let by_hand = app
        .post(
            &format!("/api/v1/records/{record}/requests"),
            &json!({"kind": "access", "source": "phone", "requested_by": format!("{FIRST} {LAST}"),
                    "requested_on": "2026-11-01", "details": format!("Call {PHONE}")}),
        )
        .await;
    assert_eq!(by_hand.status(), StatusCode::CREATED);
    wait_for(&receiver, 1).await;
    // Stop processing, then lift it with a reason that names them.
    let stop: Value = app
        .post(
            &format!("/api/v1/records/{record}/requests"),
            &json!({"kind": "stop_processing", "source": "email", "requested_by": EMAIL,
                    "requested_on": "2026-11-02"}),
        )
        .await
        .json()
        .await
        .expect("json");
    let stop = stop["id"].as_str().expect("id").to_owned();
    for (path, body) in [
        (
            format!("/api/v1/requests/{stop}/actions"),
            json!({"action": "verify"}),
        ),
        (
            format!("/api/v1/requests/{stop}/stop-processing"),
            json!({}),
        ),
        (
            format!("/api/v1/records/{record}/resume-processing"),
            json!({"reason": format!("{FIRST} {LAST} phoned from {PHONE}: mistake")}),
        ),
        // Consent recorded from elsewhere, its evidence naming them (kept with its event).
        (
            format!("/api/v1/records/{record}/consent"),
            json!({"decision": "granted", "date": "2026-11-03", "through": "phone",
                   "contact_through": ["email"],
                   "evidence": format!("{FIRST} {LAST} called from {PHONE}, {COMPANY}")}),
        ),
    ] {
        let done = app.post(&path, &body).await;
        assert_eq!(done.status(), StatusCode::OK, "{path}");
    }
    // An import of a file named after them, holding them.
    let uploaded = upload(
        &app,
        &contacts,
        &format!("file_name={FILE_NAME}"),
        format!(
            "First name,Last name,E-mail,Phone,Company\n{FIRST},{LAST},{EMAIL},{PHONE},{COMPANY}\n\
             Other,Person,other.person@ok.example,,\n"
        )
        .into_bytes(),
    )
    .await;
    assert_eq!(uploaded.status(), StatusCode::ACCEPTED);
    let job: Value = uploaded.json().await.expect("json");
    let import = job["id"].as_str().expect("id").to_owned();
    let done = finished(&app, &import).await;
    // The same address in the same module: refused as a duplicate, and the report says so;
    // someone else in the file is imported, with the file's name as the data source.
    assert_eq!(done["error_count"], 1, "{done}");
    assert_eq!(done["imported"], 1, "{done}");
    // A staff export filtered by their address.
    for q in [EMAIL, LAST] {
        let exported = app
            .get(&format!("/api/v1/records/export?q={q}&format=csv"))
            .await;
        assert_eq!(exported.status(), StatusCode::OK);
        assert!(exported.text().await.expect("csv").contains(LAST), "{q}");
    }
    // An API write with an Idempotency-Key: its answer is kept for replays.
    let vendors = app.with_compliance("vendors").await;
    let idempotent = || {
        app.client
            .post(app.url("/api/v1/records"))
            .header("x-requested-with", "consentry")
            .header("idempotency-key", "zwaan-vendor-1")
            .json(
                &json!({"module_id": vendors, "fields": {"last_name": LAST, "email": EMAIL,
                          "company": COMPANY}}),
            )
            .send()
    };
    let kept = idempotent().await.expect("request");
    assert_eq!(kept.status(), StatusCode::CREATED);
    let replayed = idempotent().await.expect("request");
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    assert!(replayed.text().await.expect("body").contains(COMPANY));
    let asked: Value = send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/privacy/acme"),
        &json!({"kind": "erasure", "email": EMAIL, "lang": "en",
                "details": format!("I am {FIRST} {LAST}")}),
    )
    .await
    .json()
    .await
    .expect("json");
    let code = latest_code(&app).await;
    let filed = send_as(
        &new_client(),
        Method::POST,
        &app.url(&format!(
            "/api/public/privacy/challenges/{}",
            asked["challenge"].as_str().expect("id")
        )),
        &json!({"code": code}),
    )
    .await;
    assert_eq!(filed.status(), StatusCode::OK);
    let queue = app.queue("/api/v1/requests?kind=erasure").await;
    let request = queue[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(queue[0]["records"].as_array().map(Vec::len), Some(3));
    for needle in VALUES {
        assert!(stored(&app, needle).await > 0, "{needle} is there before");
    }

    // Only an erasure request erases.
    let access = app.queue("/api/v1/requests?kind=access").await;
    let wrong = app
        .post(
            &format!(
                "/api/v1/requests/{}/erase",
                access[0]["id"].as_str().expect("id")
            ),
            &json!({}),
        )
        .await;
    assert_eq!(
        error_body(wrong, StatusCode::CONFLICT).await["error"],
        "not_an_erasure"
    );
    // Officers write names into the reasons of a request's steps.
    let access = access[0]["id"].as_str().expect("id").to_owned();
    for step in [
        json!({"action": "verify"}),
        json!({"action": "extend", "months": 1, "reason": format!("Backlog for {LAST}")}),
        json!({"action": "reject", "reason": format!("{FIRST} {LAST} is not who asked")}),
    ] {
        let taken = app
            .post(&format!("/api/v1/requests/{access}/actions"), &step)
            .await;
        assert_eq!(taken.status(), StatusCode::OK, "{step}");
    }

    let erased = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await;
    assert_eq!(erased.status(), StatusCode::OK);
    let erased: Value = erased.json().await.expect("json");
    // Without an SMTP server nobody can be told, and nothing is kept to tell them later.
    assert_eq!(erased["confirmation"], "no_smtp_server");
    let erased = &erased["request"];
    assert_eq!(erased["status"], "completed");
    assert!(
        erased["requested_by"]
            .as_str()
            .is_some_and(|r| r.starts_with("erased · ")),
        "{erased}"
    );
    for needle in VALUES {
        assert_eq!(stored(&app, needle).await, 0, "{needle} is still kept");
    }
    assert_eq!(
        app.get(&format!("/api/v1/records/{record}")).await.status(),
        StatusCode::NOT_FOUND
    );
    // The reasons that named them say only that an erasure took what they said.
    let access: Value = app
        .get(&format!("/api/v1/requests/{access}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(access["extension_reason"], "erasure", "{access}");
    assert_eq!(access["rejection_reason"], "erasure", "{access}");
    // The suppression list's key is wrapped by the master key: the file alone does not hold it.
    let store = app.store().await;
    let organisation = store.organisations().await.expect("list")[0].id;
    let hash_key = store.hash_key(organisation).await.expect("key");
    assert_eq!(
        stored(&app, hash_key).await,
        0,
        "the hash key is in the database"
    );
    // A retry of the kept API write learns it was done once, and nothing about them.
    let replayed = idempotent().await.expect("request");
    assert_eq!(replayed.status(), StatusCode::GONE);
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    let body = replayed.text().await.expect("body");
    assert!(body.contains("subject_erased"), "{body}");
    for needle in VALUES {
        assert!(
            !body.to_lowercase().contains(&needle.to_lowercase()),
            "{needle} replayed"
        );
    }
    // The import's report in memory went with them.
    assert_eq!(
        app.get(&format!("/api/v1/imports/{import}")).await.status(),
        StatusCode::NOT_FOUND
    );
    // Nothing of them was ever logged, at any level (paths and queries included).
    let logged = log.text().to_lowercase();
    assert!(
        logged.contains("/api/v1/records/{id}"),
        "the log names routes"
    );
    for needle in VALUES.iter().copied().chain([token.as_str()]) {
        assert!(
            !logged.contains(&needle.to_lowercase()),
            "{needle} is in the log"
        );
    }
    // What shows the law was followed stays: the request with its dates, and the audit chain.
    let kept: Value = app
        .get(&format!("/api/v1/requests/{request}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(kept["kind"], "erasure");
    assert!(kept["closed_on"].is_string());
    let verdict = app.audit_verdict().await;
    assert_eq!(verdict["status"], "intact", "{verdict}");
    // Details about them were redacted, and the trail says so rather than breaking.
    assert!(verdict["redacted"].as_u64() > Some(0), "{verdict}");
    let trail: Vec<Value> = app
        .get("/api/v1/audit?limit=500")
        .await
        .json()
        .await
        .expect("json");
    let redaction = trail
        .iter()
        .find(|e| e["action"] == "audit.redacted")
        .expect("a redaction entry");
    assert_eq!(redaction["after"]["reason"], "erasure");
    assert!(
        trail
            .iter()
            .any(|e| e["redacted"]["by_seq"] == redaction["seq"])
    );

    // The address comes back: an import leaves it out and says why; a sign-up is flagged.
    let leads = app.module_id("leads").await;
    let uploaded = upload(
        &app,
        &leads,
        "file_name=old-list.csv",
        format!(
            "Last name,E-mail\nSomeone,{}\nOther,other@example.nl\n",
            EMAIL.to_uppercase()
        )
        .into_bytes(),
    )
    .await;
    assert_eq!(uploaded.status(), StatusCode::ACCEPTED);
    let job: Value = uploaded.json().await.expect("json");
    let done = finished(&app, job["id"].as_str().expect("id")).await;
    assert_eq!(done["imported"], 1);
    assert_eq!(done["error_count"], 1);
    assert!(
        done["errors"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("erased")),
        "{done}"
    );
    app.send(
        Method::PUT,
        &format!("/api/v1/forms/{form}/sign-up"),
        &json!({"module_id": leads, "double_opt_in": false}),
    )
    .await;
    let signed = send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/sign-up/acme/newsletter"),
        &json!({"lang": "en", "version": 1, "email": EMAIL,
                "choices": {"granted": ["service"], "channels": []}}),
    )
    .await;
    assert_eq!(signed.status(), StatusCode::ACCEPTED);
    let found: Value = app
        .get(&format!("/api/v1/records?q={EMAIL}"))
        .await
        .json()
        .await
        .expect("json");
    assert!(
        found["records"][0]["created"]["detail"]
            .as_str()
            .is_some_and(|d| d.contains("erased on request before")),
        "{found}"
    );
}

#[tokio::test]
async fn the_erased_subject_is_told_in_their_language_and_the_message_is_not_kept() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    subject_in_two_modules(&app, EMAIL).await;
    let asked = ask(
        &app,
        &json!({"kind": "erasure", "email": EMAIL, "lang": "nl"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let challenge = asked.json::<Value>().await.expect("json")["challenge"]
        .as_str()
        .expect("challenge")
        .to_owned();
    let mail = sink.wait_for(1).await.remove(0);
    let code = code_in(&mail.replace("=\r\n", "").replace("=\n", ""));
    assert_eq!(
        prove(&app, &challenge, &code).await.status(),
        StatusCode::OK
    );
    let queue = app.queue("/api/v1/requests?kind=erasure").await;
    let request = queue[0]["id"].as_str().expect("id").to_owned();

    let erased: Value = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(erased["confirmation"], "sent", "{erased}");
    let messages = sink.wait_for(2).await;
    let told = messages
        .iter()
        .find(|m| m.contains("afgehandeld"))
        .expect("the confirmation");
    assert!(told.contains(&format!("To: {EMAIL}")), "{told}");
    let told = told.replace("=\r\n", "").replace("=\n", "");
    assert!(
        told.contains("We hebben uw persoonsgegevens gewist"),
        "{told}"
    );
    // Sent, yet no copy: not in the outbox, not in the files.
    assert_eq!(hits(&app, EMAIL), 0, "the address is still in the files");
    let outbox: Value = app.get("/api/v1/outbox").await.json().await.expect("json");
    assert!(
        !outbox.to_string().contains(EMAIL),
        "the outbox still has the address"
    );
    // The trail says the subject was told.
    let trail: Vec<Value> = app.get("/api/v1/audit").await.json().await.expect("json");
    let told = trail
        .iter()
        .find(|e| e["action"] == "subject.erasure_confirmed")
        .expect("an audit entry");
    assert_eq!(told["subject"], request.as_str());
    assert_eq!(told["after"]["confirmation"], "sent");
}

/// A verified erasure request of [`EMAIL`], its code read from the mail `sink` received.
async fn verified_erasure(app: &TestApp, sink: &SmtpSink) -> String {
    subject_in_two_modules(app, EMAIL).await;
    let asked = ask(
        app,
        &json!({"kind": "erasure", "email": EMAIL, "lang": "nl"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let challenge = asked.json::<Value>().await.expect("json")["challenge"]
        .as_str()
        .expect("challenge")
        .to_owned();
    let mail = sink.wait_for(1).await.remove(0);
    let code = code_in(&mail.replace("=\r\n", "").replace("=\n", ""));
    assert_eq!(prove(app, &challenge, &code).await.status(), StatusCode::OK);
    let queue = app.queue("/api/v1/requests?kind=erasure").await;
    queue[0]["id"].as_str().expect("id").to_owned()
}

/// The `subject.erasure_confirmed` entries, oldest first.
async fn confirmations(app: &TestApp) -> Vec<Value> {
    let mut trail: Vec<Value> = app
        .get("/api/v1/audit?action=subject.erasure_confirmed")
        .await
        .json()
        .await
        .expect("json");
    trail.sort_by_key(|e| e["seq"].as_u64());
    trail
}

#[tokio::test]
async fn an_erasure_confirmation_the_server_cannot_take_yet_is_retried_and_the_trail_says_how_it_ended()
 {
    let mut sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let request = verified_erasure(&app, &sink).await;

    // The mail server is down when the subject is erased: not "told", but retrying.
    sink.stop();
    let erased: Value = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(erased["confirmation"], "retrying", "{erased}");
    let first = confirmations(&app).await;
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0]["after"]["confirmation"], "retrying");
    // Held in memory only: no copy of the address anywhere while it is retried.
    assert_eq!(hits(&app, EMAIL), 0, "the address is in the files");

    // Back again: the retry delivers it, and the trail says so, by Consentry.
    sink.resume();
    let messages = sink.wait_for(2).await;
    assert!(
        messages.iter().any(|m| m.contains("afgehandeld")),
        "the confirmation arrived"
    );
    let mut trail = confirmations(&app).await;
    for _ in 0..100 {
        if trail.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        trail = confirmations(&app).await;
    }
    assert_eq!(trail.len(), 2, "{trail:?}");
    assert_eq!(trail[1]["after"]["confirmation"], "sent");
    assert_eq!(trail[1]["actor"], "Consentry");
    assert!(
        trail[1]["after"]["attempts"].as_u64() >= Some(2),
        "{trail:?}"
    );
    assert_eq!(trail[1]["subject"], request.as_str());
    assert_eq!(hits(&app, EMAIL), 0, "the address is in the files");
}

#[tokio::test]
async fn an_erasure_confirmation_refused_for_good_is_recorded_as_not_delivered() {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    let request = verified_erasure(&app, &sink).await;
    sink.answer_with(Some("550 5.1.1 No such mailbox"));
    let erased: Value = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(erased["confirmation"], "delivery_failed", "{erased}");
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(sink.refusals(), 1, "a refusal for good is not retried");
    let trail = confirmations(&app).await;
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0]["after"]["confirmation"], "delivery_failed");
    // The request says so too, for as long as it is kept.
    let kept: Value = app
        .get(&format!("/api/v1/requests/{request}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(kept["erasure_confirmation"], "delivery_failed", "{kept}");
}

#[tokio::test]
async fn an_erasure_confirmation_still_retried_when_the_server_stops_is_recorded_as_not_delivered()
{
    let mut sink = SmtpSink::start();
    let port = sink.port;
    let options = || Options {
        smtp_port: Some(port),
        ..Options::default()
    };
    let mut app = spawn_app_with(options()).await;
    app.set_up().await;
    let request = verified_erasure(&app, &sink).await;
    sink.stop();
    let erased: Value = app
        .post(&format!("/api/v1/requests/{request}/erase"), &json!({}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(erased["confirmation"], "retrying", "{erased}");

    // The retries live in memory: the server stops before the mail server is back.
    app.stop().await;
    let dir = std::mem::replace(&mut app.dir, tempfile::tempdir().expect("temp dir"));
    let restarted = crate::helpers::spawn_app_in(dir, options()).await;
    restarted.sign_in_admin().await;
    let trail = confirmations(&restarted).await;
    assert_eq!(trail.len(), 2, "{trail:?}");
    assert_eq!(
        trail[1]["after"]["confirmation"], "interrupted",
        "{trail:?}"
    );
    assert_eq!(trail[1]["actor"], "Consentry");
    assert_eq!(trail[1]["subject"], request.as_str());
    let kept: Value = restarted
        .get(&format!("/api/v1/requests/{request}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(kept["erasure_confirmation"], "interrupted", "{kept}");

    // Noted once: a second start adds nothing.
    let mut restarted = restarted;
    restarted.stop().await;
    let dir = std::mem::replace(&mut restarted.dir, tempfile::tempdir().expect("temp dir"));
    let again = crate::helpers::spawn_app_in(dir, options()).await;
    again.sign_in_admin().await;
    assert_eq!(confirmations(&again).await.len(), 2);
    assert_eq!(hits(&again, EMAIL), 0, "the address is in the files");
}
