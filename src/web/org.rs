//! The organization's screens: the trash (every year's deleted files) and usage.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::Json;

use super::page::{render, Chrome, Page};
use crate::db::files::{self, ListFilter, STATUS_DELETED};
use crate::db::years;
use crate::domain::time::rfc3339;
use crate::http::error::ApiError;
use crate::http::extract::ApiPath;
use crate::http::org::UsageDto;
use crate::http::years::OrgPath;

pub struct TrashRow {
    pub id: String,
    pub id_year: String,
    pub year: String,
    pub name: String,
    pub deleted_at: String,
    pub restorable: bool,
}

#[derive(Template)]
#[template(path = "trash.html")]
struct TrashPage {
    c: Chrome,
    rows: Vec<TrashRow>,
    trash_days: u32,
}

pub async fn trash_page(page: Page) -> Response {
    match trash_rows(&page).await {
        Ok(rows) => render(&TrashPage { c: page.chrome(), rows, trash_days: page.app.config().trash_days }),
        Err(e) => page.error(&e),
    }
}

async fn trash_rows(page: &Page) -> Result<Vec<TrashRow>, ApiError> {
    let org = page.org();
    let mut rows = Vec::new();
    for year in years::list(page.app.db(), &org).await? {
        let filter = ListFilter { status: Some(STATUS_DELETED.into()), limit: 1000, ..ListFilter::default() };
        // A pending file never had content (an upload the browser gave up on): nothing to restore.
        let trashed = files::list(page.app.db(), &org, &year.id, &filter).await?;
        for file in trashed.into_iter().filter(|f| f.sha256.is_some()) {
            rows.push(TrashRow {
                id: file.id,
                id_year: year.id.clone(),
                year: year.label.clone(),
                name: file.name,
                deleted_at: file.deleted_at.map(rfc3339).unwrap_or_default(),
                restorable: !year.closed && !page.session.read_only,
            });
        }
    }
    Ok(rows)
}

#[derive(Template)]
#[template(path = "usage.html")]
struct UsagePage {
    c: Chrome,
    usage: UsageDto,
    percent: i64,
}

pub async fn usage_page(page: Page) -> Response {
    let path = OrgPath { id_organization: page.org() };
    match crate::http::org::get_usage(State(page.app.clone()), page.auth(), ApiPath(path)).await {
        Ok(Json(usage)) => {
            let percent =
                (usage.storage.used_bytes * 100).checked_div(usage.storage.limit_bytes).unwrap_or(0).clamp(0, 100);
            render(&UsagePage { c: page.chrome(), usage, percent })
        }
        Err(e) => page.error(&e),
    }
}
