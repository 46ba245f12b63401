//! Every data subject in their own language: the language chosen from the link, the
//! remembered choice, then `Accept-Language` by quality, among the form's (or organisation's)
//! languages; the pages, the widget's labels and the mails in it.

use consentry_words::subject::{self, MailWord, WidgetWord, Word};
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::{
    consent::form_and_record,
    helpers::{
        Options, SmtpSink, TestApp, error_body, new_client, newest_message_text, send_as,
        spawn_app, spawn_app_with,
    },
    signup::open_sign_up_of,
    widget::{SHOP, from_site},
};

/// The Newsletter form (English default, Dutch) with Polish and German added, German still the
/// untranslated copy; published, open for sign-ups. Its id.
async fn form_in_four_languages(app: &TestApp) -> String {
    let (form, _) = form_and_record(app, None).await;
    let current: Value = app
        .get(&format!("/api/v1/forms/{form}"))
        .await
        .json()
        .await
        .expect("json");
    let mut draft = current["draft"].clone();
    for lang in ["pl", "de"] {
        let mut texts = draft["texts"]["en"].clone();
        texts["title"] = json!(format!("Title in {lang}"));
        draft["texts"][lang] = texts;
    }
    draft["untranslated"] = json!(["de"]);
    let saved = app
        .send(Method::PUT, &format!("/api/v1/forms/{form}/draft"), &draft)
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
    let published = app
        .post(&format!("/api/v1/forms/{form}/publish"), &json!({}))
        .await;
    assert_eq!(published.status(), StatusCode::OK);
    open_sign_up_of(app, &form, Some(false)).await;
    form
}

/// The sign-up page's language for a request with these headers.
async fn sign_up_lang(app: &TestApp, query: &str, headers: &[(&str, &str)]) -> String {
    let mut request =
        new_client().get(app.url(&format!("/api/public/sign-up/acme/newsletter{query}")));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let page: Value = request
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    page["lang"].as_str().expect("lang").to_owned()
}

#[tokio::test]
async fn the_form_speaks_the_most_wanted_language_it_has_else_its_default() {
    let app = spawn_app().await;
    app.set_up().await;
    let form = form_in_four_languages(&app).await;
    let accept = |value| [("accept-language", value)];
    // Quality values, not header order, decide.
    assert_eq!(
        sign_up_lang(&app, "", &accept("pl;q=0.9, de;q=0.8")).await,
        "pl"
    );
    assert_eq!(
        sign_up_lang(&app, "", &accept("de;q=0.5, pl-PL;q=0.7")).await,
        "pl"
    );
    assert_eq!(sign_up_lang(&app, "", &accept("pl;q=0, de")).await, "de");
    // A language the form lacks, or no language at all, falls back to the form's default.
    assert_eq!(
        sign_up_lang(&app, "", &accept("fr-FR, it;q=0.8")).await,
        "en"
    );
    assert_eq!(
        sign_up_lang(&app, "", &accept("tlh;q=0.9, ;q=,,")).await,
        "en"
    );
    assert_eq!(sign_up_lang(&app, "", &[]).await, "en");
    // The link's `lang` first, then the remembered choice, then the browser.
    let both = [("accept-language", "pl"), ("cookie", "consentry_lang=de")];
    assert_eq!(sign_up_lang(&app, "?lang=nl", &both).await, "nl");
    assert_eq!(sign_up_lang(&app, "", &both).await, "de");
    assert_eq!(sign_up_lang(&app, "?lang=xx", &both).await, "de");
    // The published design says which texts are the untranslated copy.
    let page: Value = app
        .get("/api/public/sign-up/acme/newsletter")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(page["design"]["untranslated"], json!(["de"]));

    // A form whose default is Dutch: an unknown language gets Dutch.
    let current: Value = app
        .get(&format!("/api/v1/forms/{form}"))
        .await
        .json()
        .await
        .expect("json");
    let mut draft = current["draft"].clone();
    draft["default_lang"] = json!("nl");
    let saved = app
        .send(Method::PUT, &format!("/api/v1/forms/{form}/draft"), &draft)
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    app.post(&format!("/api/v1/forms/{form}/publish"), &json!({}))
        .await;
    assert_eq!(sign_up_lang(&app, "", &accept("sv, fi;q=0.5")).await, "nl");
}

#[tokio::test]
async fn a_form_refuses_a_language_nobody_speaks_here_and_a_stray_untranslated_mark() {
    let app = spawn_app().await;
    app.set_up().await;
    let (form, _) = form_and_record(&app, None).await;
    let current: Value = app
        .get(&format!("/api/v1/forms/{form}"))
        .await
        .json()
        .await
        .expect("json");
    // Each change to the saved draft, and the field its refusal names.
    type Change = fn(&mut Value);
    let cases: [(Change, &str); 3] = [
        (|d| d["texts"]["xx"] = d["texts"]["en"].clone(), "texts.xx"),
        (|d| d["untranslated"] = json!(["fr"]), "untranslated.fr"),
        // The default language is never a copy.
        (|d| d["untranslated"] = json!(["en"]), "untranslated.en"),
    ];
    for (change, field) in cases {
        let mut draft = current["draft"].clone();
        change(&mut draft);
        let refused = app
            .send(Method::PUT, &format!("/api/v1/forms/{form}/draft"), &draft)
            .await;
        let body = error_body(refused, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["field"], field, "{body}");
    }
    // Nothing of it was saved.
    let after: Value = app
        .get(&format!("/api/v1/forms/{form}"))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(after["draft"], current["draft"]);
}

/// The page texts a public page carries as data, with the language it says they are in.
fn words_in(html: &str) -> (String, Vec<String>) {
    let start = html
        .find("<script type=\"application/json\" id=\"consentry-words\"")
        .expect("words");
    let tag_end = start + html[start..].find('>').expect("tag end");
    let lang = html[start..tag_end]
        .split("data-lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("data-lang")
        .to_owned();
    let end = tag_end + html[tag_end..].find("</script>").expect("script end");
    (
        lang,
        serde_json::from_str(&html[tag_end + 1..end]).expect("JSON words"),
    )
}

#[tokio::test]
async fn public_pages_open_in_the_readers_language_with_its_words_and_fetch_others() {
    let app = spawn_app().await;
    app.set_up().await;
    form_in_four_languages(&app).await;
    for (path, headers, expected) in [
        (
            "/f/acme/newsletter",
            vec![("accept-language", "pl;q=0.9, de;q=0.8")],
            "pl",
        ),
        // Opened in the language the form will be shown in: French is not on it.
        (
            "/f/acme/newsletter",
            vec![("accept-language", "fr, it;q=0.5")],
            "en",
        ),
        ("/f/acme/newsletter", vec![("accept-language", "tlh")], "en"),
        (
            "/privacy/acme",
            vec![("cookie", "consentry_lang=de"), ("accept-language", "pl")],
            "de",
        ),
        // Greek is no language of this organisation's forms: the next wish that is.
        (
            "/privacy/acme",
            vec![("cookie", "consentry_lang=el"), ("accept-language", "pl")],
            "pl",
        ),
        (
            "/receipts/verify?lang=bg",
            vec![("accept-language", "de")],
            "bg",
        ),
        // English refused, anything else welcome: the first other language.
        (
            "/receipts/verify",
            vec![("accept-language", "*, en;q=0")],
            "bg",
        ),
        // A link that is no link, a centre that is none: the reader's own language, to say so.
        (
            "/c/some-token",
            vec![("accept-language", "nn-NO, en;q=0.5")],
            "nb",
        ),
        ("/privacy/nobody", vec![("accept-language", "el")], "el"),
    ] {
        let mut request = new_client().get(app.url(path));
        for (name, value) in &headers {
            request = request.header(*name, *value);
        }
        let page = request.send().await.expect("request");
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        assert!(
            page.headers()[header::VARY]
                .to_str()
                .expect("vary")
                .contains("accept-language")
        );
        let html = page.text().await.expect("html");
        assert!(
            html.contains(&format!("<html lang=\"{expected}\">")),
            "{path}: {html}"
        );
        let (lang, words) = words_in(&html);
        assert_eq!(lang, expected);
        assert_eq!(words.len(), Word::COUNT);
        assert_eq!(words, subject::pages(expected), "{path}");
    }
    // Another language on demand, cacheable; a code not spoken here is refused by name.
    let greek = new_client()
        .get(app.url("/api/public/words/el"))
        .send()
        .await
        .expect("request");
    assert_eq!(greek.status(), StatusCode::OK);
    assert!(
        greek.headers()[header::CACHE_CONTROL]
            .to_str()
            .expect("cc")
            .contains("max-age")
    );
    let greek: Vec<String> = greek.json().await.expect("json");
    assert_eq!(greek[Word::LanguageName as usize], "Ελληνικά");
    assert_ne!(greek, subject::pages("en"));
    let refused = new_client()
        .get(app.url("/api/public/words/xx"))
        .send()
        .await
        .expect("request");
    assert_eq!(
        error_body(refused, StatusCode::BAD_REQUEST).await["field"],
        "lang"
    );
}

#[tokio::test]
async fn the_privacy_centre_offers_the_organisations_languages_and_mails_the_code_in_the_one_asked_in()
 {
    let mut sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_port: Some(sink.port),
        ..Options::default()
    })
    .await;
    app.set_up().await;
    form_in_four_languages(&app).await;
    let centre: Value = new_client()
        .get(app.url("/api/public/privacy/acme"))
        .header("accept-language", "pl, en;q=0.5")
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(centre["languages"], json!(["de", "en", "nl", "pl"]));
    assert_eq!(centre["lang"], "pl");

    let asked = send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/privacy/acme"),
        &json!({"kind": "erasure", "email": "zofia@example.pl", "lang": "pl"}),
    )
    .await;
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
    let raw = sink.wait_for(1).await.pop().expect("a mail");
    let mail = mail_parser::MessageParser::default()
        .parse(raw.as_bytes())
        .expect("a mail a mail client reads");
    let expected_subject = subject::fill(
        subject::mail("pl", MailWord::MailCodeSubject),
        &[("organisation", "Acme B.V.")],
    );
    assert_eq!(mail.subject(), Some(expected_subject.as_str()));
    let body = mail.body_text(0).expect("text").into_owned();
    assert!(
        body.contains(subject::mail("pl", MailWord::MailRightErasure)),
        "{body}"
    );
    assert!(body.contains("RODO"), "the Polish name of the GDPR: {body}");
    assert!(
        body.starts_with(subject::mail("pl", MailWord::MailHello)),
        "{body}"
    );
    let code = body
        .split_whitespace()
        .find(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()));
    assert!(code.is_some(), "the code is in the mail: {body}");

    // A language not spoken here is refused by name, nothing mailed.
    let refused = send_as(
        &new_client(),
        Method::POST,
        &app.url("/api/public/privacy/acme"),
        &json!({"kind": "access", "email": "zofia@example.pl", "lang": "xx"}),
    )
    .await;
    assert_eq!(
        error_body(refused, StatusCode::BAD_REQUEST).await["field"],
        "lang"
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), 1);
    sink.stop();
}

#[tokio::test]
async fn a_refusal_names_where_to_complain_in_the_language_of_the_request() {
    let app = spawn_app().await;
    app.set_up().await;
    form_in_four_languages(&app).await;
    let id = crate::export::verified_access_request_in(&app, "hans@example.de", "de", |mail| {
        assert!(mail.contains("DSGVO"), "{mail}")
    })
    .await;
    let refused = app
        .post(
            &format!("/api/v1/requests/{id}/actions"),
            &json!({"action": "reject", "reason": "Kein Konto"}),
        )
        .await;
    assert_eq!(
        refused.status(),
        StatusCode::OK,
        "{:?}",
        refused.text().await
    );
    let text = newest_message_text(&app).await;
    // The controller is in the Netherlands (the test organisation's address).
    assert!(text.contains("Autoriteit Persoonsgegevens"), "{text}");
    assert!(
        text.contains("https://www.autoriteitpersoonsgegevens.nl"),
        "{text}"
    );
    assert!(
        text.contains("Aufsichtsbehörde"),
        "German, in the law's words: {text}"
    );
    assert!(text.contains("Kein Konto"), "{text}");
    assert!(!text.contains("supervisory authority"), "{text}");
}

#[tokio::test]
async fn the_widget_labels_follow_the_site_then_the_browser_among_the_forms_languages() {
    let app = spawn_app().await;
    crate::widget::embeddable(&app).await;
    let labels = |query: &'static str, accept: &'static str| {
        let app = &app;
        async move {
            let config: Value = from_site(
                Method::GET,
                app,
                &format!("/api/public/widget/acme/newsletter{query}"),
                SHOP,
            )
            .header("accept-language", accept)
            .send()
            .await
            .expect("request")
            .json()
            .await
            .expect("json");
            (
                config["lang"].as_str().expect("lang").to_owned(),
                config["labels"]["accept_all"]
                    .as_str()
                    .expect("label")
                    .to_owned(),
            )
        }
    };
    // The site says Dutch: Dutch, whatever the browser.
    assert_eq!(
        labels("?lang=nl", "en").await,
        (
            "nl".into(),
            subject::widget("nl", WidgetWord::WidgetAcceptAll).into()
        )
    );
    // The site's language is not on the form: the browser's, by quality.
    assert_eq!(labels("?lang=fr", "de;q=0.4, nl;q=0.6").await.0, "nl");
    // Nothing matches: the form's default, English.
    assert_eq!(
        labels("", "pt-BR").await,
        ("en".into(), "Accept all".into())
    );
}

#[tokio::test]
async fn the_privacy_centre_link_is_mailed_in_the_language_the_subject_last_answered_in() {
    let app = spawn_app().await;
    app.set_up().await;
    let form = form_in_four_languages(&app).await;
    let leads = app.module_id("leads").await;
    let with_consent = |email: &str| {
        json!({"module_id": leads, "basis": {"basis": "consent"},
               "fields": {"first_name": "Jan", "last_name": "Kowalski", "email": email}})
    };
    let created: Value = app
        .post("/api/v1/records", &with_consent("jan.kowalski@example.pl"))
        .await
        .json()
        .await
        .expect("json");
    let record = created["id"].as_str().expect("id").to_owned();
    let token = crate::consent::send(&app, &form, &record).await;
    let answered = crate::consent::answer(
        &app,
        &token,
        json!({"lang": "pl", "decision": "save",
               "choices": {"granted": ["service"], "channels": ["email"]}}),
    )
    .await;
    assert_eq!(answered.status(), StatusCode::OK);
    let sent = app
        .post(
            &format!("/api/v1/records/{record}/data-request-link"),
            &json!({}),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::ACCEPTED);
    let text = newest_message_text(&app).await;
    assert!(text.contains(&app.url("/privacy/acme?lang=pl")), "{text}");
    assert!(
        text.starts_with(subject::mail("pl", MailWord::MailHello)),
        "{text}"
    );
    assert!(!text.contains("Hello") && !text.contains("Hallo"), "{text}");

    // Someone who never answered gets the centre's default language.
    let created: Value = app
        .post("/api/v1/records", &with_consent("ann@example.org"))
        .await
        .json()
        .await
        .expect("json");
    let other = created["id"].as_str().expect("id").to_owned();
    app.post(
        &format!("/api/v1/records/{other}/data-request-link"),
        &json!({}),
    )
    .await;
    let text = newest_message_text(&app).await;
    assert!(text.contains(&app.url("/privacy/acme?lang=en")), "{text}");
    assert!(text.starts_with("Hello,"), "{text}");
}

/// A receipt's claims.
fn claims(receipt: &str) -> Value {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    let payload = receipt.split('.').nth(1).expect("a compact JWS");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64url")).expect("JSON")
}

#[tokio::test]
async fn evidence_names_the_language_of_the_text_read_and_the_widget_offers_no_untranslated_copy() {
    let app = spawn_app().await;
    app.set_up().await;
    let form = form_in_four_languages(&app).await;
    let leads = app.module_id("leads").await;
    let mut receipts = Vec::new();
    for (email, lang) in [("ada@example.de", "de"), ("ola@example.pl", "pl")] {
        let created: Value = app
            .post(
                "/api/v1/records",
                &json!({"module_id": leads, "basis": {"basis": "consent"},
                        "fields": {"first_name": "A", "last_name": "B", "email": email}}),
            )
            .await
            .json()
            .await
            .expect("json");
        let record = created["id"].as_str().expect("id").to_owned();
        let token = crate::consent::send(&app, &form, &record).await;
        let answered: Value = crate::consent::answer(
            &app,
            &token,
            json!({"lang": lang, "decision": "save",
                   "choices": {"granted": ["service"], "channels": ["email"]}}),
        )
        .await
        .json()
        .await
        .expect("json");
        receipts.push(claims(answered["receipt"].as_str().expect("receipt")));
    }
    // German is still the English copy: the subject read English, and the evidence says so.
    assert_eq!(receipts[0]["language"], "en", "{}", receipts[0]);
    assert_eq!(receipts[1]["language"], "pl", "{}", receipts[1]);

    // The widget never shows the copy under German labels: a German site gets English.
    let saved = app
        .send(
            Method::PUT,
            &format!("/api/v1/forms/{form}/widget"),
            &json!({"allowed_origins": [SHOP]}),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
    for (query, expected) in [("?lang=de", "en"), ("?lang=pl", "pl")] {
        let config: Value = from_site(
            Method::GET,
            &app,
            &format!("/api/public/widget/acme/newsletter{query}"),
            SHOP,
        )
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
        assert_eq!(config["lang"], expected, "{query}");
        assert_eq!(
            config["labels"]["accept_all"],
            subject::widget(expected, WidgetWord::WidgetAcceptAll)
        );
    }
}
