//! What every page shares: the signed-in visitor ([`Page`]), the frame around the page
//! ([`Chrome`]), form bodies with their CSRF check, the error page, and sign-in/out.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::i18n::Tr;
use super::session;
use crate::app::App;
use crate::db::sessions::Session;
use crate::http::error::ApiError;
use crate::http::extract::Auth;

/// The frame of every page: language, CSRF token for forms, whether edits are allowed.
pub struct Chrome {
    pub tr: Tr,
    pub csrf: String,
    pub signed_in: bool,
    pub read_only: bool,
    /// The organization of the session (scripts call the API with it).
    pub org: String,
    /// The catalogue's strings for scripts, as JSON safe inside a `<script type="application/json">`.
    pub js_strings: String,
}

impl Chrome {
    fn new(tr: Tr, session: Option<&Session>) -> Self {
        Self {
            js_strings: tr.js_strings(),
            tr,
            csrf: session.map(|s| s.csrf.clone()).unwrap_or_default(),
            signed_in: session.is_some(),
            read_only: session.is_some_and(|s| s.read_only),
            org: session.map(|s| s.id_organization.clone()).unwrap_or_default(),
        }
    }
}

/// A signed-in visitor; pages without a session redirect to the sign-in form.
pub struct Page {
    pub app: App,
    pub session: Session,
    pub tr: Tr,
}

impl Page {
    pub fn auth(&self) -> Auth {
        Auth {
            id_organization: self.session.id_organization.clone(),
            id_key: self.session.id_key.clone(),
            read_only: self.session.read_only,
        }
    }

    pub fn org(&self) -> String {
        self.session.id_organization.clone()
    }

    pub fn chrome(&self) -> Chrome {
        Chrome::new(self.tr, Some(&self.session))
    }

    /// The error page for a refused action, with the API's message.
    pub fn error(&self, e: &ApiError) -> Response {
        error_page(self.chrome(), e)
    }
}

impl FromRequestParts<App> for Page {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let tr = Tr::from_headers(&parts.headers);
        match session::from_headers(app, &parts.headers).await {
            Ok(Some(session)) => Ok(Page { app: app.clone(), session, tr }),
            Ok(None) => Err(Redirect::to("/login").into_response()),
            Err(e) => Err(error_page(Chrome::new(tr, None), &ApiError::from(e))),
        }
    }
}

/// A `application/x-www-form-urlencoded` body, fields in order (repeated names allowed).
pub struct Form(pub Vec<(String, String)>);

impl Form {
    pub fn parse(body: &Bytes) -> Self {
        Self(form_urlencoded::parse(body).into_owned().collect())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The value of `name`, `None` when absent or blank.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// Refuses a state-changing form without the session's CSRF token.
    pub fn check_csrf(&self, page: &Page) -> Result<(), ApiError> {
        if session::csrf_matches(&page.session.csrf, self.get("_csrf").unwrap_or("")) {
            Ok(())
        } else {
            Err(ApiError::CsrfInvalid)
        }
    }
}

/// Renders a template into an HTML response.
pub fn render<T: Template>(template: &T) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    c: Chrome,
    code: &'static str,
    message: String,
}

pub fn error_page(c: Chrome, e: &ApiError) -> Response {
    if let ApiError::Internal(detail) = e {
        tracing::error!(error = %detail, "web page failed");
    }
    let status = e.status();
    let mut response = render(&ErrorPage { c, code: e.code(), message: e.public_detail() });
    *response.status_mut() = status;
    response
}

/// 303 to `to`, the answer to a form that succeeded.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

pub async fn home(State(app): State<App>, headers: HeaderMap) -> Response {
    match session::from_headers(&app, &headers).await {
        Ok(Some(_)) => see_other("/years"),
        _ => see_other("/login"),
    }
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    c: Chrome,
    token: String,
    failed: bool,
}

fn login_page(app: &App, tr: Tr, failed: bool) -> Response {
    let token = session::new_login_token();
    let cookie = session::set_cookie(app, session::LOGIN_COOKIE, &token, 3600);
    let mut response = render(&LoginPage { c: Chrome::new(tr, None), token, failed });
    if failed {
        *response.status_mut() = StatusCode::UNAUTHORIZED;
    }
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response
}

pub async fn login_form(State(app): State<App>, headers: HeaderMap) -> Response {
    login_page(&app, Tr::from_headers(&headers), false)
}

/// Exchanges the API key for a session. The form carries the token of its sign-in cookie,
/// so another site cannot sign a visitor in with its own key.
pub async fn login(State(app): State<App>, headers: HeaderMap, body: Bytes) -> Response {
    let tr = Tr::from_headers(&headers);
    let form = Form::parse(&body);
    let expected = session::cookie(&headers, session::LOGIN_COOKIE).unwrap_or("");
    if !session::csrf_matches(expected, form.get("_login").unwrap_or("")) {
        return error_page(Chrome::new(tr, None), &ApiError::CsrfInvalid);
    }
    match session::sign_in(&app, form.get("key").unwrap_or("")).await {
        Ok(Some(cookie)) => {
            let mut response = see_other("/years");
            response.headers_mut().append(header::SET_COOKIE, cookie);
            response.headers_mut().append(header::SET_COOKIE, session::set_cookie(&app, session::LOGIN_COOKIE, "", 0));
            response
        }
        Ok(None) => login_page(&app, tr, true),
        Err(e) => error_page(Chrome::new(tr, None), &ApiError::from(e)),
    }
}

pub async fn logout(page: Page, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(e) = Form::parse(&body).check_csrf(&page) {
        return page.error(&e);
    }
    match session::sign_out(&page.app, &headers).await {
        Ok(cookie) => {
            let mut response = see_other("/login");
            response.headers_mut().append(header::SET_COOKIE, cookie);
            response
        }
        Err(e) => page.error(&ApiError::from(e)),
    }
}

#[derive(serde::Deserialize)]
pub struct Back {
    back: Option<String>,
}

/// Remembers the chosen language in a cookie and goes back where the visitor was.
pub async fn switch_language(Path(lang): Path<String>, Query(q): Query<Back>) -> Response {
    let lang = if lang == "en" { "en" } else { "fr" };
    // Only a local path: never an open redirect.
    let back = q.back.filter(|b| b.starts_with('/') && !b.starts_with("//")).unwrap_or_else(|| "/".into());
    let mut response = see_other(&back);
    let cookie = format!("lang={lang}; Path=/; Max-Age=31536000; SameSite=Lax");
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}
