//! The years screen: list, create, close (after a confirmation page), export and download.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;

use super::page::{render, see_other, Chrome, Form, Page};
use crate::http::exports::{ExportDto, ExportPath};
use crate::http::extract::{ApiJson, ApiPath};
use crate::http::years::{self as api, CreateYear, OrgPath, YearDto, YearPath};

#[derive(Template)]
#[template(path = "years.html")]
struct YearsPage {
    c: Chrome,
    years: Vec<YearDto>,
}

pub async fn years_page(page: Page) -> Response {
    let path = OrgPath { id_organization: page.org() };
    match api::list_years(State(page.app.clone()), page.auth(), ApiPath(path)).await {
        Ok(Json(years)) => render(&YearsPage { c: page.chrome(), years }),
        Err(e) => page.error(&e),
    }
}

pub async fn create_year(page: Page, body: Bytes) -> Response {
    let form = Form::parse(&body);
    if let Err(e) = form.check_csrf(&page) {
        return page.error(&e);
    }
    let body = CreateYear {
        label: form.get("label").unwrap_or_default().to_owned(),
        starting_at: form.get("startingAt").unwrap_or_default().to_owned(),
        ending_at: form.get("endingAt").unwrap_or_default().to_owned(),
    };
    let path = OrgPath { id_organization: page.org() };
    match api::create_year(State(page.app.clone()), page.auth(), ApiPath(path), ApiJson(body)).await {
        Ok((_, Json(year))) => see_other(&format!("/years/{}", year.id)),
        Err(e) => page.error(&e),
    }
}

fn year_path(page: &Page, id_year: String) -> YearPath {
    YearPath { id_organization: page.org(), id_year }
}

#[derive(Template)]
#[template(path = "close.html")]
struct ClosePage {
    c: Chrome,
    year: YearDto,
}

pub async fn close_confirm(page: Page, Path(id_year): Path<String>) -> Response {
    let path = year_path(&page, id_year);
    match api::get_year(State(page.app.clone()), page.auth(), ApiPath(path)).await {
        Ok(Json(year)) => render(&ClosePage { c: page.chrome(), year }),
        Err(e) => page.error(&e),
    }
}

pub async fn close_year(page: Page, Path(id_year): Path<String>, body: Bytes) -> Response {
    if let Err(e) = Form::parse(&body).check_csrf(&page) {
        return page.error(&e);
    }
    let path = year_path(&page, id_year.clone());
    match api::close_year(State(page.app.clone()), page.auth(), ApiPath(path)).await {
        Ok(_) => see_other(&format!("/years/{id_year}")),
        Err(e) => page.error(&e),
    }
}

pub async fn export_year(page: Page, Path(id_year): Path<String>, body: Bytes) -> Response {
    if let Err(e) = Form::parse(&body).check_csrf(&page) {
        return page.error(&e);
    }
    let path = year_path(&page, id_year.clone());
    match crate::http::exports::create_export(State(page.app.clone()), page.auth(), ApiPath(path)).await {
        Ok((_, Json(export))) => see_other(&format!("/years/{id_year}/exports/{}", export.id)),
        Err(e) => page.error(&e),
    }
}

#[derive(Template)]
#[template(path = "export.html")]
struct ExportPage {
    c: Chrome,
    export: ExportDto,
    waiting: bool,
}

impl ExportPage {
    fn status_key(&self) -> String {
        format!("status.{}", self.export.status)
    }
}

/// The export's state; the page refreshes itself until the archive is ready or failed.
pub async fn export_page(page: Page, Path((id_year, id_export)): Path<(String, String)>) -> Response {
    let path = ExportPath { id_organization: page.org(), id_year, id_export };
    match crate::http::exports::get_export(State(page.app.clone()), page.auth(), ApiPath(path)).await {
        Ok(Json(export)) => {
            let waiting = matches!(export.status.as_str(), "queued" | "running");
            render(&ExportPage { c: page.chrome(), export, waiting })
        }
        Err(e) => page.error(&e),
    }
}
