//! The data subject's language on the public side: read from the request (the link's
//! `?lang=`, the remembered choice, `Accept-Language`), and one language's page texts for a
//! public page that switches to it.

use axum::{
    Json,
    extract::FromRequestParts,
    http::{HeaderValue, header, request::Parts},
    response::IntoResponse,
};
use axum_extra::extract::CookieJar;
use consentry_model::{ErrorBody, routes};
use consentry_words::subject;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{AppState, error::ApiError, extract::ApiPath};
use crate::domain::language::{CHOICE_COOKIE, Preferred};

impl<S: Send + Sync> FromRequestParts<S> for Preferred {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let link = parts.uri.query().and_then(|query| {
            url::form_urlencoded::parse(query.as_bytes())
                .find(|(name, _)| name == "lang")
                .map(|(_, value)| value.into_owned())
        });
        let jar = CookieJar::from_headers(&parts.headers);
        let accept = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Ok(Preferred::new(
            link.as_deref(),
            jar.get(CHOICE_COOKIE).map(|c| c.value()),
            accept,
        ))
    }
}

/// The public words route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(words))
}

/// One language's texts of the data subject's pages, in the order the pages know them
/// (public; a page fetches the language its reader switches to).
#[utoipa::path(
    get,
    path = routes::PUBLIC_WORDS,
    tag = "consent",
    params(("lang" = String, Path, description = "A two-letter language code of the EU and EEA languages Consentry speaks")),
    responses(
        (status = 200, description = "The page texts", body = Vec<String>),
        (status = 400, description = "Not a language spoken here", body = ErrorBody),
    )
)]
async fn words(ApiPath(lang): ApiPath<String>) -> Result<impl IntoResponse, ApiError> {
    if !subject::speaks(&lang) {
        return Err(ApiError::Invalid {
            field: Some("lang".into()),
            message: format!(
                "Not a language spoken here; use one of {}.",
                subject::LANGUAGES.map(|(code, _)| code).join(", ")
            ),
        });
    }
    Ok((
        [(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        )],
        Json(subject::pages(&lang)),
    ))
}

/// A public page's HTML with its language (one spoken here) in `<html lang>` and that
/// language's texts as data (`<script type="application/json" id="consentry-words">`), so the
/// page speaks it from its first paint without another request.
pub fn localise(html: &str, lang: &str) -> String {
    let texts = serde_json::to_string(subject::pages(lang)).unwrap_or_else(|_| "[]".into());
    // JSON inside a script element: `<` is written as its escape, so no text can close it.
    let texts = texts.replace('<', "\\u003c");
    let data = format!(
        "<script type=\"application/json\" id=\"consentry-words\" data-lang=\"{lang}\">{texts}</script>\n</head>"
    );
    let html = html.replacen("</head>", &data, 1);
    // The page's own `<html ...>` tag becomes `<html lang="...">`.
    match html
        .find("<html")
        .and_then(|at| Some((at, at + html[at..].find('>')?)))
    {
        Some((start, end)) => format!(
            "{}<html lang=\"{lang}\">{}",
            &html[..start],
            &html[end + 1..]
        ),
        None => html,
    }
}
