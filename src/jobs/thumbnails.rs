//! Thumbnails: a small JPEG of each available file's first page, made in the background
//! after finalize and stored as an object beside the content. The file row says whether one
//! is due (`thumbnail_state` NULL), made (`done`) or impossible (`none`); recording it is
//! conditional on the content it was made from, so concurrent workers or a new content
//! never leave a wrong thumbnail.

use std::path::Path;
use std::time::Duration;

use crate::app::App;
use crate::blob::ObjectKey;
use crate::db::files::{self, File};

/// Longest side of a thumbnail, in pixels.
pub const THUMBNAIL_SIZE: u32 = 300;
/// How long one thumbnail may take (pdftoppm of a hostile PDF is killed after this).
const TIMEOUT: Duration = Duration::from_secs(20);
/// Biggest image decoded in process: larger pictures get no thumbnail.
const MAX_IMAGE_BYTES: u64 = 64 << 20;
const BATCH: i64 = 20;

/// Makes thumbnails until `stop`, woken by finalize (through the job wake-up) or every 30 s.
pub async fn run(app: App, mut stop: tokio::sync::watch::Receiver<bool>) {
    loop {
        let wake = app.ocr_wake().notified();
        match drain(&app).await {
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "thumbnails: cannot list due files"),
        }
        tokio::select! {
            () = wake => {}
            () = tokio::time::sleep(Duration::from_secs(30)) => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// Makes every due thumbnail; returns how many files were handled. Tests call it directly.
pub async fn drain(app: &App) -> Result<usize, crate::db::DbError> {
    let mut handled = 0;
    loop {
        let due = files::thumbnails_due(app.db(), BATCH).await?;
        if due.is_empty() {
            return Ok(handled);
        }
        for file in &due {
            make_one(app, file).await;
            handled += 1;
        }
    }
}

async fn make_one(app: &App, file: &File) {
    let Some(content) = file.content_key.clone() else { return };
    let made = match tokio::time::timeout(TIMEOUT, render(app, file, &content)).await {
        Ok(Ok(made)) => made,
        Ok(Err(e)) => {
            tracing::info!(error = %e, id_file = %file.id, "no thumbnail");
            None
        }
        Err(_) => {
            tracing::info!(id_file = %file.id, "thumbnail timed out");
            None
        }
    };
    let recorded = files::set_thumbnail(app.db(), &file.id, &content, made.as_ref().map(ObjectKey::as_str)).await;
    if !matches!(recorded, Ok(true)) {
        if let Some(key) = &made {
            let _ = app.blob().delete(key).await;
        }
    }
    if let Err(e) = recorded {
        tracing::warn!(error = %e, id_file = %file.id, "thumbnail not recorded");
    }
}

/// Renders and stores the thumbnail; `None` when the type has none.
async fn render(app: &App, file: &File, content: &str) -> Result<Option<ObjectKey>, String> {
    let kind = file.content_type.as_deref().unwrap_or_default();
    if !matches!(kind, "application/pdf" | "image/jpeg" | "image/png") {
        return Ok(None);
    }
    let copy = app.blob().local_copy(&ObjectKey::from_stored(content.to_owned())).await.map_err(|e| e.to_string())?;
    let Some(copy) = copy else { return Ok(None) };
    let out = app.blob().scratch_file().map_err(|e| e.to_string())?.into_temp_path();
    if kind == "application/pdf" {
        first_page_jpeg(copy.path(), &out).await?;
    } else {
        let (input, output) = (copy.path().to_owned(), out.to_path_buf());
        tokio::task::spawn_blocking(move || scale_image(&input, &output)).await.map_err(|e| e.to_string())??;
    }
    let key = ObjectKey::new_content(&file.id_organization, &file.id);
    app.blob().put_file(&key, out, "image/jpeg").await.map_err(|e| e.to_string())?;
    Ok(Some(key))
}

/// `pdftoppm -f 1 -l 1 -scale-to 300 -jpeg -singlefile`, written to `out`.
async fn first_page_jpeg(pdf: &Path, out: &Path) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let prefix = dir.path().join("thumb");
    let size = THUMBNAIL_SIZE.to_string();
    let status = crate::ocr::tools::background("pdftoppm")
        .args(["-f", "1", "-l", "1", "-scale-to", &size, "-jpeg", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .status()
        .await
        .map_err(|e| format!("cannot start pdftoppm: {e}"))?;
    if !status.success() {
        return Err(format!("pdftoppm failed: {status}"));
    }
    tokio::fs::copy(prefix.with_extension("jpg"), out).await.map_err(|e| e.to_string())?;
    Ok(())
}

/// Scales a JPEG or PNG to fit in the thumbnail size, in process, with decoding limits.
fn scale_image(input: &Path, output: &Path) -> Result<(), String> {
    if std::fs::metadata(input).map_err(|e| e.to_string())?.len() > MAX_IMAGE_BYTES {
        return Err("image too large for a thumbnail".into());
    }
    let mut reader =
        image::ImageReader::open(input).map_err(|e| e.to_string())?.with_guessed_format().map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(512 << 20);
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    reader.limits(limits);
    let picture = reader.decode().map_err(|e| e.to_string())?;
    let small = picture.thumbnail(THUMBNAIL_SIZE, THUMBNAIL_SIZE).into_rgb8();
    let mut out = std::io::BufWriter::new(std::fs::File::create(output).map_err(|e| e.to_string())?);
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80).encode_image(&small).map_err(|e| e.to_string())?;
    Ok(())
}
