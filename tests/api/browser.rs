//! The web interface in a real browser: Debian's headless Chromium driven through
//! chromedriver (fantoccini). One scenario walks every screen, with screenshots of each at
//! 1280 px and 390 px wide (saved under `$COFFRE_SCREENSHOTS`, by default
//! `target/screenshots`). Background work (thumbnails, OCR) is run by the test itself.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::helpers::*;

pub const WIDE: (u32, u32) = (1280, 900);
pub const NARROW: (u32, u32) = (390, 844);

/// chromedriver on a free port, and a headless Chromium session with a fresh profile.
pub struct Driver {
    pub client: Client,
    process: tokio::process::Child,
    _profile: tempfile::TempDir,
}

impl Driver {
    pub async fn start() -> Self {
        let (mut process, mut lines, port) = start_chromedriver().await;
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let _ = &mut process;
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--lang=fr-FR",
            &format!("--user-data-dir={}", profile.path().display()),
            &format!("--window-size={},{}", WIDE.0, WIDE.1),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({"binary": "/usr/bin/chromium", "args": args, "prefs": {"intl.accept_languages": "fr-FR,fr"}}),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session");
        Self { client, process, _profile: profile }
    }

    pub async fn stop(mut self) {
        let _ = self.client.close().await;
        let _ = self.process.kill().await;
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("goto {url}: {e}"));
    }

    /// Runs `script` (a function body) and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script {script}: {e}"))
    }

    /// Polls `expression` until it is true; fails with `what` after `limit`.
    pub async fn until(&self, expression: &str, what: &str, limit: Duration) {
        let start = Instant::now();
        loop {
            if self.js(&format!("return !!({expression});")).await == json!(true) {
                return;
            }
            if start.elapsed() > limit {
                let body = self.js("return document.body.innerText").await;
                panic!("timed out waiting for {what}; page text:\n{}", body.as_str().unwrap_or(""));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).click().await.unwrap();
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}"));
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Clicks and waits for the next page to load.
    pub async fn click_and_load(&self, css: &str) {
        self.js("window.__before_click = true;").await;
        self.click(css).await;
        self.until("!window.__before_click && document.readyState === 'complete'", css, Duration::from_secs(15)).await;
    }

    /// Sets an input's value directly (date inputs take typed text by locale).
    pub async fn set(&self, css: &str, value: &str) {
        let script = format!("document.querySelector({}).value = {};", json!(css), json!(value));
        self.js(&script).await;
    }

    pub async fn text(&self) -> String {
        self.js("return document.body.innerText").await.as_str().unwrap_or_default().to_owned()
    }

    pub async fn path(&self) -> String {
        self.client.current_url().await.unwrap().path().to_owned()
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.unwrap().len()
    }

    /// Drops `files` on the element `target` as a person would: a `drop` event whose
    /// DataTransfer holds the files (put there through a file input, as WebDriver can).
    pub async fn drop_files(&self, target: &str, files: &[PathBuf]) {
        self.js("const i = document.createElement('input'); i.type = 'file'; i.multiple = true; i.id = 'wd-files'; i.hidden = true; document.body.append(i);").await;
        let input = self.client.find(Locator::Id("wd-files")).await.unwrap();
        let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        input.send_keys(&paths.join("\n")).await.unwrap();
        let script = format!(
            "const t = new DataTransfer(); for (const f of document.getElementById('wd-files').files) t.items.add(f);
             document.querySelector({}).dispatchEvent(new DragEvent('drop', {{dataTransfer: t, bubbles: true, cancelable: true}}));
             document.getElementById('wd-files').remove();",
            json!(target)
        );
        self.js(&script).await;
    }

    /// Screenshots of the current page at both widths.
    pub async fn shoot(&self, dir: &Path, name: &str) {
        for (label, (w, h)) in [("1280", WIDE), ("390", NARROW)] {
            self.client.set_window_size(w, h).await.unwrap();
            let png = self.client.screenshot().await.unwrap();
            std::fs::write(dir.join(format!("{name}-{label}.png")), png).unwrap();
        }
        self.client.set_window_size(WIDE.0, WIDE.1).await.unwrap();
    }
}

type Lines = tokio::io::Lines<BufReader<tokio::process::ChildStdout>>;

/// Starts chromedriver on a port of its choosing and reads which one once it listens (no
/// waiting on a guess). Tried three times: a driver that dies at start says why.
async fn start_chromedriver() -> (tokio::process::Child, Lines, String) {
    let mut why = String::new();
    for _ in 0..3 {
        let mut process = tokio::process::Command::new("chromedriver")
            .arg("--port=0")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver (Debian package chromium-driver; scripts/test installs it)");
        let mut lines = BufReader::new(process.stdout.take().unwrap()).lines();
        let mut seen = String::new();
        while let Ok(Some(line)) = lines.next_line().await {
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                let port = rest.trim_end_matches('.').trim().to_owned();
                return (process, lines, port);
            }
            seen.push_str(&line);
            seen.push('\n');
        }
        let mut stderr = String::new();
        if let Some(mut err) = process.stderr.take() {
            use tokio::io::AsyncReadExt as _;
            let _ = err.read_to_string(&mut stderr).await;
        }
        why = format!("{seen}{stderr}");
    }
    panic!("chromedriver exited before listening:\n{why}");
}

pub fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("COFFRE_SCREENSHOTS").map(PathBuf::from).unwrap_or_else(|| {
        let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from);
        target.unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target"))).join("screenshots")
    });
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs thumbnails and OCR jobs as a worker would, until the test ends.
pub fn background_worker(app: &coffre::app::App) -> tokio::task::JoinHandle<()> {
    let app = app.clone();
    tokio::spawn(async move {
        loop {
            let _ = coffre::jobs::thumbnails::drain(&app).await;
            while coffre::jobs::ocr::run_one(&app).await.unwrap_or(false) {}
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
}

pub async fn sign_in(driver: &Driver, base: &str, key: &str) {
    driver.goto(&format!("{base}/login")).await;
    driver.fill("#key", key).await;
    driver.click("#login").await;
    driver.until("location.pathname === '/years'", "the years page", Duration::from_secs(10)).await;
}

const LONG: Duration = Duration::from_secs(90);
const SHORT: Duration = Duration::from_secs(15);

#[tokio::test(flavor = "multi_thread")]
async fn an_accountant_files_checks_and_closes_a_year_in_the_browser() {
    // The embedded store whatever the environment: a browser's PUT is then same-origin, while
    // an external S3 would need the CORS rule the README gives.
    let app = TestApp::spawn_embedded_store().await;
    app.add_credits(100).await;
    let worker = background_worker(&app.app);
    let fixtures = crate::fixtures::fixtures().await;
    let shots = screenshot_dir();
    let files = tempfile::tempdir().unwrap();
    let invoice = fixtures.bytes("facturx.pdf");
    let pdf_path = files.path().join("facture-opale.pdf");
    std::fs::write(&pdf_path, &invoice).unwrap();
    let jpeg_path = files.path().join("ticket.jpg");
    std::fs::write(&jpeg_path, fixtures.bytes("photo.jpg")).unwrap();
    let copy_path = files.path().join("copie-facture.pdf");
    std::fs::write(&copy_path, &invoice).unwrap();
    let big_path = files.path().join("archive-enorme.pdf");
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(50_000_001 + 1024, b'0');
    std::fs::write(&big_path, big).unwrap();
    let driver = Driver::start().await;
    let base = app.base.clone();

    // Sign in.
    driver.goto(&format!("{base}/login")).await;
    driver.shoot(&shots, "01-login").await;
    sign_in(&driver, &base, &app.key).await;

    // Create a year, then a folder.
    driver.fill("#label", "Exercice 2026").await;
    driver.set("#startingAt", "2026-01-01").await;
    driver.set("#endingAt", "2026-12-31").await;
    driver.click("#create-year button[type=submit]").await;
    driver.until("location.pathname.startsWith('/years/')", "the new year", SHORT).await;
    let year = driver.path().await.trim_start_matches("/years/").to_owned();
    driver.fill("#folder-name", "Achats").await;
    driver.click("#new-folder button").await;
    driver.until("location.search.includes('folder=')", "the new folder", SHORT).await;
    assert!(driver.text().await.contains("Achats"));

    // Drop four files at once: two go in, one duplicate, one too large.
    driver.drop_files("#drop", &[pdf_path, jpeg_path, copy_path, big_path]).await;
    let settled = "document.querySelectorAll('#uploads li').length === 4 && [...document.querySelectorAll('#uploads li')].every(li => ['available', 'duplicate', 'refused'].includes(li.dataset.state))";
    driver.until(settled, "four settled upload rows", LONG).await;
    let states = driver.js("return [...document.querySelectorAll('#uploads li')].map(li => [li.dataset.name, li.dataset.state, li.innerText])").await;
    let state_of = |name: &str| {
        let row = states
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("no row {name}: {states}"));
        (row[1].as_str().unwrap().to_owned(), row[2].as_str().unwrap().to_owned())
    };
    assert_eq!(state_of("facture-opale.pdf").0, "available", "{states}");
    assert_eq!(state_of("ticket.jpg").0, "available", "{states}");
    assert_eq!(state_of("copie-facture.pdf").0, "duplicate", "{states}");
    let (big_state, big_text) = state_of("archive-enorme.pdf");
    assert_eq!(big_state, "refused");
    assert!(big_text.contains("larger than the maximum of 50000000 bytes"), "the API's own message: {big_text}");
    assert_eq!(
        driver.count("#uploads li[data-state=duplicate] a.existing").await,
        1,
        "a link to the existing document"
    );
    driver.until("document.querySelectorAll('#uploads .thumb[data-ready]').length === 2", "two thumbnails", LONG).await;
    driver
        .until(
            "document.querySelector('#uploads li[data-name=\"facture-opale.pdf\"]').dataset.ocr === 'done'",
            "the invoice read",
            LONG,
        )
        .await;
    driver.shoot(&shots, "02-upload").await;

    // The year view lists them with thumbnails.
    driver.goto(&format!("{base}/years/{year}?folder={}", folder_of(&driver).await)).await;
    assert_eq!(driver.count("#files tbody tr").await, 2);
    driver.until("[...document.querySelectorAll('#files td.thumb img')].filter(i => i.complete && i.naturalWidth > 0).length === 2", "thumbnails in the list", SHORT).await;
    let supplier = fixtures.truth("facturx.pdf")["supplierName"].as_str().unwrap().to_owned();
    assert!(driver.text().await.contains(&supplier), "the supplier read from the e-invoice");
    driver.shoot(&shots, "03-year").await;

    // Open the PDF: preview, fields after OCR.
    let href = driver.js("return [...document.querySelectorAll('#files a.name')].find(a => a.textContent === 'facture-opale.pdf').href").await;
    driver.goto(href.as_str().expect("a link to the invoice")).await;
    driver.until("document.getElementById('fields') !== null", "the extracted fields", SHORT).await;
    assert_eq!(driver.count("iframe#preview").await, 1, "the PDF is shown inline");
    assert_eq!(driver.count("#fields tr[data-field=totalIncludingTax]").await, 1);
    assert!(driver.text().await.contains("Champs extraits"), "French by default");
    // The PDF viewer draws inside its frame after the page's load event; a screenshot is only
    // an artifact, so a short pause is all it needs.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    driver.shoot(&shots, "04-file").await;

    // Edit the date.
    driver.set("#date", "2026-03-15").await;
    driver.click_and_load("#save").await;
    assert_eq!(driver.js("return document.getElementById('date').value").await, json!("2026-03-15"));
    let text = driver.text().await;
    assert!(text.contains("Modification"), "the history shows the change: {text}");
    let file_url = driver.client.current_url().await.unwrap().to_string();

    // Search finds it.
    driver.goto(&format!("{base}/years/{year}")).await;
    driver.fill("#q", "facture-opale").await;
    driver.click_and_load("form[role=search] button").await;
    assert!(driver.js("return location.search").await.as_str().unwrap().contains("q=facture-opale"));
    assert_eq!(driver.count("#files tbody tr").await, 1);
    assert!(driver.text().await.contains("facture-opale.pdf"));
    driver.shoot(&shots, "05-search").await;

    // Trash, then restore from the trash.
    driver.goto(&file_url).await;
    driver.click("#trash").await;
    driver.until("document.getElementById('restore') !== null", "the trashed file", SHORT).await;
    driver.goto(&format!("{base}/trash")).await;
    assert_eq!(driver.count("#trash tbody tr").await, 1);
    driver.shoot(&shots, "06-trash").await;
    driver.click_and_load("#trash tbody button").await;
    assert_eq!(driver.count("#trash-empty").await, 1, "an empty trash");
    driver.goto(&file_url).await;
    assert_eq!(driver.count("#trash").await, 1, "restored: it can be trashed again");

    // A hostile name shows as text.
    let xss = "<img src=x onerror=alert(1)>";
    app.upload_file(&year, xss, "application/pdf", pdf("xss-browser")).await.ok(200);
    driver.goto(&format!("{base}/years/{year}")).await;
    assert!(driver.text().await.contains(xss));
    assert_eq!(driver.count("img[src=x]").await, 0);

    // Usage.
    driver.goto(&format!("{base}/usage")).await;
    assert_eq!(driver.count("#credits").await, 1);
    driver.shoot(&shots, "07-usage").await;

    // Close the year: every edit control goes.
    driver.goto(&format!("{base}/years")).await;
    driver.shoot(&shots, "08-years").await;
    driver.click("a[data-close]").await;
    driver.until("document.getElementById('confirm-close') !== null", "the confirmation", SHORT).await;
    driver.shoot(&shots, "09-close").await;
    driver.click("#confirm-close").await;
    driver.until("document.getElementById('year-closed') !== null", "the closed year", SHORT).await;
    for control in ["#drop", "#bulk-apply", "#new-folder", "input[name=ids]"] {
        assert_eq!(driver.count(control).await, 0, "{control} left on a closed year");
    }
    driver.goto(&file_url).await;
    for control in ["#edit", "#trash", "#restore", "#run-ocr"] {
        assert_eq!(driver.count(control).await, 0, "{control} left on a closed year's file");
    }

    // English.
    driver.click("a[lang=en]").await;
    driver.until("document.documentElement.lang === 'en'", "the English page", SHORT).await;
    assert!(driver.text().await.contains("Extracted fields"));
    driver.shoot(&shots, "10-file-closed-en").await;

    // Sign out, and be refused.
    driver.click("#logout").await;
    driver.until("location.pathname === '/login'", "the sign-in page", SHORT).await;
    driver.goto(&format!("{base}/years/{year}")).await;
    assert_eq!(driver.path().await, "/login");
    let refused = driver.js(&format!("return fetch('/organizations/{}/years').then(r => r.status)", app.org)).await;
    assert_eq!(refused, json!(401));

    println!("screenshots in {}", shots.display());
    worker.abort();
    driver.stop().await;
}

async fn folder_of(driver: &Driver) -> String {
    let value =
        driver.js("return document.getElementById('drop') ? document.getElementById('drop').dataset.folder : ''").await;
    value.as_str().unwrap_or_default().to_owned()
}

/// A real PDF made unique by a trailing comment (readers ignore bytes after `%%EOF`), padded
/// to `size` bytes.
fn unique_pdf(base: &[u8], tag: &str, size: usize) -> Vec<u8> {
    let mut bytes = base.to_vec();
    bytes.extend_from_slice(format!("\n% {tag}\n").as_bytes());
    while bytes.len() < size {
        bytes.extend_from_slice(b"% padding padding padding padding padding padding padding padding\n");
    }
    bytes.truncate(size.max(base.len() + tag.len() + 4));
    bytes
}

/// The figures of benches/results/web.md: 20 one-megabyte PDFs dropped in the browser against
/// the same uploads with curl, and the weight and load times of a year view of 100 files.
/// Run by `benches/web.sh` (ignored in the suite: it measures, it does not check).
#[tokio::test(flavor = "multi_thread")]
#[ignore]
async fn bench_web_interface() {
    let app = TestApp::spawn_embedded_store().await;
    let worker = background_worker(&app.app);
    let fixtures = crate::fixtures::fixtures().await;
    let invoice = fixtures.bytes("facturx.pdf");
    let dir = tempfile::tempdir().unwrap();
    let (browser_dir, curl_dir) = (dir.path().join("browser"), dir.path().join("curl"));
    std::fs::create_dir_all(&browser_dir).unwrap();
    std::fs::create_dir_all(&curl_dir).unwrap();
    let mut paths = Vec::new();
    for i in 0..20 {
        let path = browser_dir.join(format!("facture-{i:02}.pdf"));
        std::fs::write(&path, unique_pdf(&invoice, &format!("browser {i}"), 1_000_000)).unwrap();
        paths.push(path);
        std::fs::write(
            curl_dir.join(format!("facture-{i:02}.pdf")),
            unique_pdf(&invoice, &format!("curl {i}"), 1_000_000),
        )
        .unwrap();
    }
    let year = app.create_year().await;
    let driver = Driver::start().await;
    sign_in(&driver, &app.base, &app.key).await;
    driver.goto(&format!("{}/years/{year}", app.base)).await;
    driver
        .js("window.__done = null; const t0 = performance.now(); window.__t0 = t0;
             new MutationObserver(() => { if (!window.__done && document.querySelectorAll('#uploads li[data-state=available]').length === 20) window.__done = performance.now() - window.__t0; })
               .observe(document.getElementById('uploads'), {subtree: true, attributes: true, childList: true});")
        .await;
    driver.js("window.__t0 = performance.now();").await;
    driver.drop_files("#drop", &paths).await;
    driver.until("window.__done !== null", "20 available", Duration::from_secs(300)).await;
    let browser_ms = driver.js("return window.__done").await.as_f64().unwrap();

    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/web/curl_upload.sh");
    let start = Instant::now();
    let status = tokio::process::Command::new("bash")
        .args([script, &app.base, &app.key, &app.org, &year, curl_dir.to_str().unwrap()])
        .status()
        .await
        .unwrap();
    let curl_ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(status.success());

    // A year of 100 documents, read, with thumbnails.
    app.add_credits(1000).await;
    let big_year = app.create_year().await;
    for i in 0..100 {
        let id = app
            .upload_file(
                &big_year,
                &format!("facture-{i:03}.pdf"),
                "application/pdf",
                unique_pdf(&invoice, &format!("year {i}"), 0),
            )
            .await
            .id();
        app.post(&app.file_path(&big_year, &id, "/ocr"), json!({})).await;
    }
    while coffre::jobs::ocr::run_one(&app.app).await.unwrap() {}
    coffre::jobs::thumbnails::drain(&app.app).await.unwrap();
    let measure = "const n = performance.getEntriesByType('navigation')[0];
        const r = performance.getEntriesByType('resource');
        const sum = (f) => r.filter(f).reduce((a, e) => a + e.encodedBodySize, 0);
        const sent = n.transferSize + r.reduce((a, e) => a + e.transferSize, 0);
        return {sent, html: n.encodedBodySize, htmlBody: n.decodedBodySize, interactive: n.domInteractive, contentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,
          js: sum(e => e.name.endsWith('.js')), css: sum(e => e.name.endsWith('.css')), thumbs: sum(e => e.initiatorType === 'img'), images: r.filter(e => e.initiatorType === 'img').length};";
    let url = format!("{}/years/{big_year}", app.base);
    driver.goto(&url).await;
    driver.until("document.readyState === 'complete'", "loaded", Duration::from_secs(30)).await;
    // Lazy thumbnails below the fold load as the list scrolls: scroll to the end, then count.
    let first = driver.js(measure).await;
    let visible_loaded = "[...document.querySelectorAll('#files img')].filter(i => { const b = i.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight; }).every(i => i.complete)";
    for _ in 0..60 {
        driver.until(visible_loaded, "visible thumbnails", Duration::from_secs(30)).await;
        if driver.js("return innerHeight + scrollY >= document.body.scrollHeight - 2").await == json!(true) {
            break;
        }
        driver.js("window.scrollBy(0, innerHeight);").await;
    }
    let cold = driver.js(measure).await;
    driver.goto(&url).await;
    driver.until("document.readyState === 'complete'", "loaded again", Duration::from_secs(30)).await;
    let warm = driver.js(measure).await;
    let rows = driver.count("#files tbody tr").await;
    assert_eq!(rows, 100);

    let kb = |v: &Value| v.as_f64().unwrap_or(0.0) / 1024.0;
    let total = |v: &Value| kb(&v["html"]) + kb(&v["js"]) + kb(&v["css"]) + kb(&v["thumbs"]);
    let report = format!(
        "| measure | value |\n|---|---|\n\
         | 20 × 1 MB PDFs dropped in Chromium → all 20 shown available | {browser_ms:.0} ms |\n\
         | the same 20 uploads with curl (3 at a time, create + upload-url + PUT + finalize) | {curl_ms:.0} ms |\n\
         | year view, 100 files, first visit: HTML | {:.1} KiB ({:.1} KiB decoded) |\n\
         | … JS / CSS | {:.1} KiB / {:.1} KiB |\n\
         | … thumbnails ({} images) | {:.1} KiB |\n\
         | … total | {:.1} KiB |\n\
         | … DOM interactive / DOMContentLoaded / load | {:.0} / {:.0} / {:.0} ms |\n\
         | … of which loaded before any scrolling (lazy thumbnails) | {:.1} KiB, {} thumbnails |\n\
         | year view, revisit (cached JS, CSS, thumbnails): bytes transferred | {:.1} KiB, interactive at {:.0} ms |\n",
        kb(&cold["html"]),
        kb(&cold["htmlBody"]),
        kb(&cold["js"]),
        kb(&cold["css"]),
        cold["images"],
        kb(&cold["thumbs"]),
        total(&cold),
        cold["interactive"].as_f64().unwrap_or(0.0),
        cold["contentLoaded"].as_f64().unwrap_or(0.0),
        cold["load"].as_f64().unwrap_or(0.0),
        total(&first),
        first["images"],
        kb(&warm["sent"]),
        warm["interactive"].as_f64().unwrap_or(0.0),
    );
    println!("{report}");
    if let Some(out) = std::env::var_os("COFFRE_BENCH_OUT") {
        std::fs::write(out, &report).unwrap();
    }
    worker.abort();
    driver.stop().await;
}
