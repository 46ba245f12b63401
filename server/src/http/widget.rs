//! The embeddable widget over HTTP: its script and style, its public configuration and
//! decision endpoints (CORS limited to each form's allowed sites), the form's widget settings,
//! and `/.well-known/gpc.json`.

use super::responses::{ManageComplianceSettingsOnly, NoSuchForm};
use crate::domain::language::Preferred;
use axum::{
    Extension, Json, Router,
    extract::{DefaultBodyLimit, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
    routing::get,
};
use consentry_model::{
    ErrorBody, FormId,
    forms::{ConsentForm, FormLang},
    routes,
    widget::{
        BannerReport, BannerShown, Region, RegionRule, VisitorConsentPage, VisitorConsentSummary,
        VisitorDecision, VisitorReceipt, WidgetConfig, WidgetSettings,
    },
};
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{
    AppState,
    client::FromTrustedProxy,
    error::ApiError,
    extract::{
        ApiJson, ApiPath, ApiQuery, Authorized, ClientAddr, InPerson, ManageComplianceSettings,
    },
};
use uuid::Uuid;

use crate::{
    domain::widget::{self, Visit},
    store::VisitorConsentQuery,
};

/// The script other sites load.
const SCRIPT: &str = include_str!("../../../widget/widget.js");
/// Its style, loaded into the widget's shadow root.
const STYLE: &str = include_str!("../../../widget/widget.css");

/// Widget routes of the JSON API.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(settings))
        .routes(routes!(summary))
        .routes(routes!(log))
        .routes(routes!(config))
        .routes(routes!(decide))
        .routes(routes!(shown))
        .routes(routes!(figures))
        .layer(DefaultBodyLimit::max(super::bodies::MAX_WIDGET_BYTES))
}

/// The script, its style and the Global Privacy Control declaration.
pub fn assets() -> Router<AppState> {
    Router::new()
        .route(
            "/widget.js",
            get(|| asset(SCRIPT, "text/javascript; charset=utf-8")),
        )
        .route(
            "/widget.css",
            get(|| asset(STYLE, "text/css; charset=utf-8")),
        )
        .route(
            "/.well-known/gpc.json",
            get(|| async { Json(serde_json::json!({ "gpc": true, "lastUpdate": "2026-11-29" })) }),
        )
}

async fn asset(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=300"),
            (
                header::HeaderName::from_static("cross-origin-resource-policy"),
                "cross-origin",
            ),
        ],
        body,
    )
        .into_response()
}

/// The organisation and form a public widget address names, if it is one.
fn widget_path(path: &str) -> Option<(&str, &str)> {
    let rest = path
        .strip_prefix("/api/public/widget/")
        .or_else(|| path.strip_prefix("/api/public/sign-up/"))?;
    let mut parts = rest.split('/');
    Some((parts.next()?, parts.next()?))
}

/// A request a form's widget sent from an allowed site: CSRF checks do not apply to it.
#[derive(Debug, Clone)]
pub struct AllowedOrigin;

/// CORS for the widget's public addresses: a page on one of the form's allowed sites gets
/// its preflight answered and `Access-Control-Allow-Origin`; any other site gets 403.
/// Requests without an `Origin`, or from Consentry's own pages, pass untouched.
pub async fn cors(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let Some((organisation, form)) = widget_path(&path) else {
        return next.run(request).await;
    };
    let headers = request.headers();
    let Some(origin) = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
    else {
        return next.run(request).await;
    };
    if super::security::is_own_origin(
        &origin,
        headers,
        state.settings.server.public_url.as_deref(),
    ) {
        return next.run(request).await;
    }
    let allowed = match widget::published(state.store.as_ref(), organisation, form).await {
        Ok(found) => widget::allows(&found, &origin),
        Err(e) => return ApiError::from(e).into_response(),
    };
    if !allowed {
        return ApiError::OriginNotAllowed(origin).into_response();
    }
    let Ok(allow) = HeaderValue::from_str(&origin) else {
        return ApiError::OriginNotAllowed(origin).into_response();
    };
    let mut response = if request.method() == Method::OPTIONS {
        let mut preflight = StatusCode::NO_CONTENT.into_response();
        let h = preflight.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("content-type"),
        );
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        preflight
    } else {
        request.extensions_mut().insert(AllowedOrigin);
        next.run(request).await
    };
    let h = response.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, allow);
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    response
}

/// Whether the browser sent Global Privacy Control: any `Sec-GPC` field, or any item of a
/// comma-joined one, that is exactly `1` (a proxy may join repeated fields, and a later `0`
/// must not hide a `1`).
pub fn gpc_header(headers: &HeaderMap) -> bool {
    headers
        .get_all("sec-gpc")
        .iter()
        .flat_map(|v| v.as_bytes().split(|b| *b == b','))
        .any(|item| item.trim_ascii() == b"1")
}

/// The language of a widget's texts, and where the visitor is when testing.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConfigQuery {
    /// A two-letter language code; the form's default language when it lacks this one.
    pub lang: Option<FormLang>,
    /// Where the visitor is, for testing (`DE`, `US-CA`; the page's `?consentry_region=`):
    /// overrides what a trusted proxy said when the form's `region_testing` is on.
    #[param(value_type = Option<String>)]
    pub region: Option<String>,
}

/// A region a page asked for (`?consentry_region=`), or 400 naming `region`.
fn asked_region(asked: Option<&str>) -> Result<Option<Region>, ApiError> {
    asked
        .map(|text| {
            Region::parse(text).ok_or_else(|| ApiError::Invalid {
                field: Some("region".into()),
                message: format!(
                    "{:?} is not a region: write a country code (DE) or a country and state \
                     (US-CA).",
                    text.chars().take(20).collect::<String>()
                ),
            })
        })
        .transpose()
}

/// Where a trusted proxy says the visitor is, in the headers the configuration names (never a
/// header from anyone else). A subdivision naming another country than the country header
/// is ignored.
fn proxied_region(
    settings: &crate::config::WidgetSettings,
    headers: &HeaderMap,
    from_trusted_proxy: bool,
) -> Option<Region> {
    if !from_trusted_proxy {
        return None;
    }
    let header = |name: &Option<String>| {
        name.as_deref()
            .and_then(|name| headers.get(name))
            .and_then(|v| v.to_str().ok())
    };
    let country = header(&settings.country_header).and_then(Region::parse)?;
    Some(match header(&settings.subdivision_header) {
        Some(sub) => match sub.split_once('-') {
            // `US-CA` only under the country the country header named.
            Some((of, sub)) if of.trim().eq_ignore_ascii_case(country.country()) => {
                country.with_subdivision(sub)
            }
            Some(_) => country,
            None => country.with_subdivision(sub),
        },
        None => country,
    })
}

/// Where the visitor is and the rule they get, for a form: the page's `?consentry_region=`
/// when the form allows it for testing, else the trusted proxy's headers.
fn visitor(
    state: &AppState,
    form: &crate::store::PublicForm,
    asked: Option<&str>,
    headers: &HeaderMap,
    from_trusted_proxy: bool,
) -> Result<(Option<Region>, RegionRule), ApiError> {
    // Looked at only while the form allows it: otherwise a link's region, even a bad one,
    // changes nothing.
    let asked = match form.widget.region_testing {
        true => asked_region(asked)?,
        false => None,
    };
    let proxied = proxied_region(&state.settings.widget, headers, from_trusted_proxy);
    let region = widget::visitor_region(form, asked, proxied);
    let rule = widget::rule_for(form, region.as_ref());
    Ok((region, rule))
}

/// What the widget script renders: the published form in one language, with the widget's
/// own labels (public; a page on another site needs the site among the form's allowed
/// origins).
#[utoipa::path(
    get,
    path = routes::PUBLIC_WIDGET,
    tag = "widget",
    params(
        ("organisation" = String, Path, description = "The organisation's short name"),
        ("form" = String, Path, description = "The form's short name"),
        ConfigQuery,
    ),
    responses(
        (status = 200, description = "The configuration", body = WidgetConfig),
        (status = 400, description = "`lang` is not a two-letter code", body = ErrorBody),
        (status = 403, description = "origin_not_allowed: the page's site may not embed this form", body = ErrorBody),
        (status = 404, description = "No such form, or not published", body = ErrorBody),
    )
)]
async fn config(
    State(state): State<AppState>,
    ApiPath((organisation, form)): ApiPath<(String, String)>,
    ApiQuery(query): ApiQuery<ConfigQuery>,
    trusted: Option<Extension<FromTrustedProxy>>,
    headers: HeaderMap,
    preferred: Preferred,
) -> Result<Json<WidgetConfig>, ApiError> {
    let found = widget::published(state.store.as_ref(), &organisation, &form).await?;
    // The site's language (`lang`), else the visitor's browser languages, among the form's.
    // A language whose texts are still the untranslated copy is not offered: the banner would
    // show the default language's words under labels in another.
    let offered: Vec<FormLang> = found
        .design
        .languages()
        .into_iter()
        .filter(|l| !found.design.untranslated.contains(l))
        .collect();
    let lang = preferred.choose(&offered, &found.design.default_lang);
    let (region, _) = visitor(
        &state,
        &found,
        query.region.as_deref(),
        &headers,
        trusted.is_some(),
    )?;
    Ok(Json(
        widget::config(
            state.store.as_ref(),
            &found,
            Some(&lang),
            region,
            gpc_header(&headers),
        )
        .await?,
    ))
}

/// Counts a banner or notice shown to a visitor, for the form's consent-rate figures: a
/// counter per version, rule and day; no identifier, cookie or address is kept.
#[utoipa::path(
    post,
    path = routes::PUBLIC_WIDGET_IMPRESSIONS,
    tag = "widget",
    params(
        ("organisation" = String, Path, description = "The organisation's short name"),
        ("form" = String, Path, description = "The form's short name"),
    ),
    request_body = BannerShown,
    responses(
        (status = 204, description = "Counted"),
        (status = 400, description = "A field is invalid (`field` names it)", body = ErrorBody),
        (status = 403, description = "origin_not_allowed: the page's site may not embed this form", body = ErrorBody),
        (status = 404, description = "No such form, or not published", body = ErrorBody),
        (status = 413, description = "The body is larger than 4 KiB", body = ErrorBody),
        (status = 429, description = "Too many from this client or for this form", body = ErrorBody),
    )
)]
async fn shown(
    State(state): State<AppState>,
    ApiPath((organisation, form)): ApiPath<(String, String)>,
    ClientAddr(ip): ClientAddr,
    trusted: Option<Extension<FromTrustedProxy>>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<BannerShown>,
) -> Result<StatusCode, ApiError> {
    state
        .limits
        .banners_shown
        .admit(&ip, &format!("{organisation}/{form}"))
        .await?;
    let found = widget::published(state.store.as_ref(), &organisation, &form).await?;
    let (_, rule) = visitor(
        &state,
        &found,
        body.region.as_deref(),
        &headers,
        trusted.is_some(),
    )?;
    widget::count_shown(state.store.as_ref(), &found, body.version, rule).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Stores a site visitor's banner decision as an anonymous consent event and returns its
/// signed receipt. Required purposes are granted anyway; `Sec-GPC: 1` or `gpc: true`
/// records that Global Privacy Control applied.
#[utoipa::path(
    post,
    path = routes::PUBLIC_WIDGET_DECISIONS,
    tag = "widget",
    params(
        ("organisation" = String, Path, description = "The organisation's short name"),
        ("form" = String, Path, description = "The form's short name"),
    ),
    request_body = VisitorDecision,
    responses(
        (status = 201, description = "Stored; the receipt", body = VisitorReceipt),
        (status = 400, description = "A field is invalid (`field` names it)", body = ErrorBody),
        (status = 403, description = "origin_not_allowed: the page's site may not embed this form", body = ErrorBody),
        (status = 404, description = "No such form, or not published", body = ErrorBody),
        (status = 410, description = "form_changed: a newer version was published; show it", body = ErrorBody),
        (status = 413, description = "The body is larger than 4 KiB", body = ErrorBody),
        (status = 429, description = "Too many decisions from this client or for this form", body = ErrorBody),
    )
)]
async fn decide(
    State(state): State<AppState>,
    ApiPath((organisation, form)): ApiPath<(String, String)>,
    ClientAddr(ip): ClientAddr,
    trusted: Option<Extension<FromTrustedProxy>>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<VisitorDecision>,
) -> Result<(StatusCode, Json<VisitorReceipt>), ApiError> {
    state
        .limits
        .widget_answers
        .admit(&ip, &format!("{organisation}/{form}"))
        .await?;
    let found = widget::published(state.store.as_ref(), &organisation, &form).await?;
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let visit = Visit {
        origin: text(header::ORIGIN),
        ip: &ip,
        user_agent: text(header::USER_AGENT),
        gpc_header: gpc_header(&headers),
        rule: visitor(
            &state,
            &found,
            body.region.as_deref(),
            &headers,
            trusted.is_some(),
        )?
        .1,
    };
    let receipt = widget::decide(state.store.as_ref(), &found, body, visit).await?;
    Ok((StatusCode::CREATED, Json(receipt)))
}

/// Sets the sites that may embed a form (their origins) and whether its banner drives
/// Google Consent Mode v2.
#[utoipa::path(
    put,
    path = routes::FORM_WIDGET,
    tag = "widget",
    params(("id" = FormId, Path, description = "Form id")),
    request_body = WidgetSettings,
    responses(
        (status = 200, description = "The form after the change", body = ConsentForm),
        (status = 400, description = "An origin is not one (`field` names it)", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn settings(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ManageComplianceSettings>>,
    ApiPath(id): ApiPath<FormId>,
    ApiJson(body): ApiJson<WidgetSettings>,
) -> Result<Json<ConsentForm>, ApiError> {
    Ok(Json(
        widget::set_settings(state.store.as_ref(), &session, id, body).await?,
    ))
}

/// How a form's banner has been answered by site visitors.
#[utoipa::path(
    get,
    path = routes::FORM_VISITOR_CONSENTS_SUMMARY,
    tag = "widget",
    params(("id" = FormId, Path, description = "Form id")),
    responses(
        (status = 200, description = "Counts of decisions", body = VisitorConsentSummary),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn summary(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ManageComplianceSettings>>,
    ApiPath(id): ApiPath<FormId>,
) -> Result<Json<VisitorConsentSummary>, ApiError> {
    Ok(Json(
        widget::summary(state.store.as_ref(), &session, id).await?,
    ))
}

/// Which part of a form's consent log to read.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LogQuery {
    /// Only the decision with this receipt id.
    pub receipt: Option<Uuid>,
    /// The `next` of the previous page.
    pub after: Option<Uuid>,
    /// Page size, 1–200 (default 50).
    pub limit: Option<u32>,
}

/// A form's consent log: site visitors' banner decisions, newest first, with their receipt
/// ids (the visitor's address and browser are kept as evidence but not listed).
#[utoipa::path(
    get,
    path = routes::FORM_VISITOR_CONSENTS,
    tag = "widget",
    params(("id" = FormId, Path, description = "Form id"), LogQuery),
    responses(
        (status = 200, description = "A page of decisions", body = VisitorConsentPage),
        (status = 400, description = "A parameter is invalid (`field` names it)", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn log(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ManageComplianceSettings>>,
    ApiPath(id): ApiPath<FormId>,
    ApiQuery(query): ApiQuery<LogQuery>,
) -> Result<Json<VisitorConsentPage>, ApiError> {
    let query = VisitorConsentQuery {
        receipt: query.receipt,
        after: query.after,
        limit: query.limit.unwrap_or(50),
    };
    Ok(Json(
        widget::log(state.store.as_ref(), &session, id, query).await?,
    ))
}

/// Which days of banner figures, and how.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FiguresQuery {
    /// The first day (UTC, `YYYY-MM-DD`); 29 days before `to` when left out.
    pub from: Option<chrono::NaiveDate>,
    /// The last day (UTC); today when left out.
    pub to: Option<chrono::NaiveDate>,
    /// `csv` for a spreadsheet; JSON otherwise.
    #[param(inline)]
    pub format: Option<FiguresFormat>,
}

/// How banner figures are sent.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FiguresFormat {
    /// JSON.
    Json,
    /// CSV, one row per version and rule.
    Csv,
}

/// A form's consent-rate figures per version and region rule: banners shown (counted without
/// identifying anyone), decisions by kind, and per purpose how many granted it.
#[utoipa::path(
    get,
    path = routes::FORM_WIDGET_FIGURES,
    tag = "widget",
    params(("id" = FormId, Path, description = "Form id"), FiguresQuery),
    responses(
        (status = 200, description = "The figures, as JSON or (`format=csv`) CSV", content(
            (BannerReport = "application/json"),
            (String = "text/csv; charset=utf-8"),
        )),
        (status = 400, description = "A parameter is invalid (`field` names it)", body = ErrorBody),
        ManageComplianceSettingsOnly,
        NoSuchForm,
    ),
    security(("session" = []))
)]
async fn figures(
    State(state): State<AppState>,
    Authorized { session, .. }: Authorized<InPerson<ManageComplianceSettings>>,
    ApiPath(id): ApiPath<FormId>,
    ApiQuery(query): ApiQuery<FiguresQuery>,
) -> Result<Response, ApiError> {
    let report = widget::figures(state.store.as_ref(), &session, id, query.from, query.to).await?;
    Ok(match query.format {
        Some(FiguresFormat::Csv) => super::download::download(
            "text/csv; charset=utf-8",
            &format!("banner-figures-{}-{}.csv", report.from, report.to),
            widget::figures_csv(&report)?,
        ),
        _ => Json(report).into_response(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_widget_addresses_are_widget_paths() {
        assert_eq!(
            widget_path("/api/public/widget/acme/newsletter/decisions"),
            Some(("acme", "newsletter"))
        );
        assert_eq!(
            widget_path("/api/public/sign-up/acme/newsletter"),
            Some(("acme", "newsletter"))
        );
        assert_eq!(widget_path("/api/public/widget/acme"), None);
        assert_eq!(widget_path("/api/v1/forms"), None);
    }

    #[test]
    fn gpc_applies_when_any_sec_gpc_field_is_exactly_1() {
        let gpc = |fields: &[&'static str]| {
            let mut headers = HeaderMap::new();
            for field in fields {
                headers.append("sec-gpc", HeaderValue::from_static(field));
            }
            gpc_header(&headers)
        };
        assert!(!gpc(&[]));
        assert!(gpc(&["1"]));
        assert!(gpc(&[" 1 "]));
        assert!(gpc(&["0", "1"]), "a later field");
        assert!(gpc(&["1", "0"]), "an earlier field");
        assert!(gpc(&["0, 1"]), "joined by a proxy");
        assert!(!gpc(&["0"]));
        assert!(!gpc(&["0", "0"]));
        assert!(!gpc(&["10"]));
        assert!(!gpc(&["1x", "true"]));
        assert!(!gpc(&[""]));
    }
}
