//! Full-text search (`q`), table-driven: the same cases run on SQLite and, when the
//! environment names one, on PostgreSQL. The documents are real PDFs with a text layer,
//! read by the real OCR pipeline (pdftotext and the field extraction).

use reqwest::Method;
use serde_json::json;

use crate::helpers::{Resp, TestApp};

/// A one-page PDF whose text layer holds `lines` (Helvetica, WinAnsi: French accents and €).
fn text_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = b"BT /F1 11 Tf 50 790 Td 16 TL\n".to_vec();
    for line in lines {
        content.push(b'(');
        for c in line.chars() {
            match c {
                '(' | ')' | '\\' => content.extend_from_slice(&[b'\\', c as u8]),
                '€' => content.push(0x80),
                'œ' => content.push(0x9c),
                c if (c as u32) < 256 => content.push(c as u32 as u8),
                _ => content.push(b'?'),
            }
        }
        content.extend_from_slice(b") Tj T*\n");
    }
    content.extend_from_slice(b"ET");
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).into_bytes(), content, b"\nendstream".to_vec()].concat(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let trailer = format!("trailer << /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    pdf.extend_from_slice(trailer.as_bytes());
    pdf
}

const EDF: &[&str] = &[
    "ÉLECTRICITÉ DE FRANCE",
    "SIREN : 552 081 317",
    "Facture N° FA-2024-0012",
    "Date : 15/03/2024",
    "Client : Société Générale des Eaux",
    "Fourniture d'électricité, période du 1er janvier au 28 février",
    "Total HT 1 028,80 €",
    "TVA 20 % 205,76 €",
    "Total TTC 1 234,56 €",
    "IBAN : FR14 2004 1010 0505 0001 3M02 606",
];

const ORANGE: &[&str] = &[
    "Orange SA",
    "Facture n° OR-7788",
    "Date : 02/04/2024",
    "Bon de commande 42 : forfait mobile illimité",
    "Total HT 49,99 €",
    "TVA 20 % 10,00 €",
    "Total TTC 59,99 €",
];

/// The year's files: E (EDF invoice, read), O (Orange invoice, read), N (no content, a user
/// reference, in a folder), T (in the trash). Another organization holds a file that would
/// match most queries.
struct World {
    app: TestApp,
    year: String,
    names: Vec<(String, &'static str)>,
}

impl World {
    async fn build() -> Self {
        let app = TestApp::spawn().await;
        app.add_credits(10).await;
        let year = app.create_year().await;
        let e = app.upload_file(&year, "edf-mars.pdf", "application/pdf", text_pdf(EDF)).await.id();
        let o = app.upload_file(&year, "orange.pdf", "application/pdf", text_pdf(ORANGE)).await.id();
        for file in [&e, &o] {
            app.post(&app.file_path(&year, file, "/ocr"), json!({})).await.ok(202);
        }
        app.drain_ocr().await;
        let folder = app.create_folder(&year, "Notes", None).await.id();
        let n = json!({"name": "Note de frais été.pdf", "reference": "NDF-2024-7", "idFolder": folder});
        let n = app.create_file(&year, n).await.id();
        let t = app
            .create_file(&year, json!({"name": "Électricité corbeille.pdf", "reference": "FA-2024-0012"}))
            .await
            .id();
        app.delete(&app.file_path(&year, &t, "")).await.ok(204);
        let (other, key) = app.other_org().await;
        let years = format!("/organizations/{other}/years");
        let body = json!({"label": "2026", "startingAt": "2026-01-01", "endingAt": "2026-12-31"});
        let other_year = app.request_as(Some(&key), Method::POST, &years, Some(body)).await.id();
        let body = json!({"name": "Électricité Orange note frais.pdf", "reference": "FA-2024-0012"});
        let path = format!("{years}/{other_year}/files");
        app.request_as(Some(&key), Method::POST, &path, Some(body)).await.ok(201);
        let names = vec![(e, "E"), (o, "O"), (n, "N"), (t, "T")];
        Self { app, year, names }
    }

    async fn search(&self, query: &[(&str, &str)]) -> Resp {
        let query: String = form_urlencoded::Serializer::new(String::new()).extend_pairs(query).finish();
        self.app.get(&self.app.year_path(&self.year, &format!("/files?{query}"))).await
    }

    /// The short names of the files found, in order.
    fn found(&self, resp: &Resp, query: &str) -> Vec<&'static str> {
        let files = resp.body.as_array().unwrap_or_else(|| panic!("{query:?}: {} {}", resp.status, resp.text));
        files.iter().map(|f| self.short(f["id"].as_str().unwrap()).unwrap_or("other")).collect()
    }

    fn short(&self, id: &str) -> Option<&'static str> {
        self.names.iter().find(|(i, _)| i == id).map(|(_, n)| *n)
    }

    fn id(&self, short: &str) -> &str {
        &self.names.iter().find(|(_, n)| *n == short).unwrap().0
    }
}

/// (query, the files found, in rank order where it is given by identifiers).
const CASES: &[(&str, &[&str])] = &[
    // Accents and case are ignored both ways.
    ("electricite", &["E"]),
    ("ÉLECTRICITÉ", &["E"]),
    ("societe generale", &["E"]),
    ("ete", &["N"]),
    // Phrases: words next to each other, in order.
    ("\"bon de commande\"", &["O"]),
    ("commande bon", &["O"]),
    ("\"commande bon\"", &[]),
    // The last word is also a prefix; a `*` asks for one anywhere.
    ("fourn", &["E"]),
    ("forf", &["O"]),
    ("fourn* orange", &[]),
    ("fourn* electricite", &["E"]),
    ("fourniture x", &[]),
    // Exclusions.
    ("facture -orange", &["E"]),
    ("facture -\"forfait mobile\"", &["E"]),
    ("-facture", &["N"]),
    // Identifiers, typed any way: the file holding them exactly comes first.
    ("FA-2024-0012", &["E"]),
    ("fa20240012", &["E"]),
    ("fa 2024 0012", &["E"]),
    ("OR-7788", &["O"]),
    ("552081317", &["E"]),
    ("552 081 317", &["E"]),
    ("fr14 2004 1010 0505 0001 3m02 606", &["E"]),
    ("ndf-2024-7", &["N"]),
    ("NDF20247", &["N"]),
    // Amounts, French or English.
    ("1234.56", &["E"]),
    ("1 234,56", &["E"]),
    ("1234,56 €", &["E"]),
    ("59.99", &["O"]),
    ("1234.57", &[]),
    // Hostile input is plain text.
    ("electricite \"de france", &["E"]),
    ("\"unbalanced electricite", &[]),
    ("electricite AND orange", &[]),
    ("orange OR", &["O"]),
    ("NEAR(orange mobile)", &[]),
    ("(orange) mobile", &["O"]),
    ("name:orange", &[]),
    ("orange*", &["O"]),
    ("- orange", &["O"]),
    ("orange -", &["O"]),
    ("edf^ \u{0}\u{7}", &["E"]),
    ("%%zzz", &[]),
    ("'; DROP TABLE files; --", &[]),
];

#[tokio::test]
async fn search_cases_agree_on_every_backend() {
    let world = World::build().await;
    let mut failures = Vec::new();
    for (query, expected) in CASES {
        let resp = world.search(&[("q", query)]).await;
        if resp.status != 200 {
            failures.push(format!("{query:?}: status {} {}", resp.status, resp.text));
            continue;
        }
        let found = world.found(&resp, query);
        let mut sorted = found.clone();
        sorted.sort_unstable();
        if &sorted != expected {
            failures.push(format!("{query:?}: found {found:?}, expected {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "{} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test]
async fn identifiers_come_first_with_snippets_for_text() {
    let world = World::build().await;
    // E holds FA-2024-0012 as its invoice number; O only says "facture".
    let resp = world.search(&[("q", "FA-2024-0012")]).await;
    let hit = &resp.ok(200)[0];
    assert_eq!(world.short(hit["id"].as_str().unwrap()), Some("E"));
    assert_eq!(hit["search"]["identifier"], true);
    assert_eq!(hit["name"], "edf-mars.pdf", "the usual fields are all there");
    assert!(hit["status"].is_string() && hit["createdAt"].is_string());

    let resp = world.search(&[("q", "électricité")]).await;
    let hit = &resp.ok(200)[0];
    assert_eq!(hit["search"]["identifier"], false);
    assert!(hit["search"]["score"].as_f64().unwrap() > 0.0);
    let snippet = hit["search"]["snippet"].as_str().unwrap().to_lowercase();
    assert!(snippet.contains("<mark>") && snippet.contains("lectricit"), "{snippet}");

    let plain = world.app.get(&world.app.year_path(&world.year, "/files")).await;
    assert!(plain.ok(200).as_array().unwrap().iter().all(|f| f.get("search").is_none()));
}

#[tokio::test]
async fn wordless_or_huge_queries_are_refused_with_a_stable_code() {
    let world = World::build().await;
    for query in ["-", "*", ":", "\"\"", "( ) - *", "\u{1}"] {
        let resp = world.search(&[("q", query)]).await;
        assert_eq!(resp.problem(400, "invalid_search_query")["field"], "q", "{query:?}");
    }
    let resp = world.search(&[("q", &"a".repeat(600))]).await;
    resp.problem(400, "invalid_search_query");
    let resp = world.search(&[("q", &"ab ".repeat(40))]).await;
    resp.problem(400, "invalid_search_query");
    // Blank is no search at all.
    let blank = world.search(&[("q", "  ")]).await;
    assert_eq!(world.found(&blank, "blank").len(), 3);
}

#[tokio::test]
async fn filters_trash_renames_and_pages_work_with_q() {
    let world = World::build().await;
    let app = &world.app;
    // The trash is searched only when asked for; other organizations never.
    let trash = world.search(&[("q", "electricite"), ("status", "deleted")]).await;
    assert_eq!(world.found(&trash, "trash"), vec!["T"]);
    let at_root = world.search(&[("q", "ete"), ("idFolder", "root")]).await;
    assert!(world.found(&at_root, "root").is_empty());

    // A rename is searchable at once: the index is kept by the database.
    let path = app.file_path(&world.year, world.id("O"), "");
    app.patch(&path, json!({"name": "Orange électricité.pdf"})).await.ok(200);
    let both = world.search(&[("q", "electricite")]).await;
    let mut found = world.found(&both, "rename");
    found.sort_unstable();
    assert_eq!(found, vec!["E", "O"]);

    // Ranked pages: every match once, the next page through the Link header.
    let first = world.search(&[("q", "facture"), ("limit", "1")]).await;
    let link = first.headers.get("link").expect("a next page").to_str().unwrap().to_owned();
    let next = link.trim_start_matches('<').split('>').next().unwrap().to_owned();
    assert!(next.contains("cursor=o1"), "{link}");
    let second = app.get(&next).await;
    let mut all = world.found(&first, "page 1");
    all.extend(world.found(&second, "page 2"));
    all.sort_unstable();
    assert_eq!(all, vec!["E", "O"]);
    assert!(second.headers.get("link").is_none());
}

/// Files stored before migration 0008 are found once it ran: it indexes them.
#[tokio::test]
async fn the_migration_indexes_existing_files() {
    use coffre::db::files::ListFilter;
    use sqlx::Executor;
    let dir = tempfile::tempdir().unwrap();
    let (url, backend) = match std::env::var("COFFRE_TEST_DATABASE_URL") {
        Ok(admin) => (crate::helpers::fresh_postgres_database(&admin).await, "postgres"),
        Err(_) => (format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display()), "sqlite"),
    };
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    pool.execute("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)")
        .await
        .unwrap();
    let migrations = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
    for version in 1..=6 {
        let name = std::fs::read_dir(&migrations)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(&format!("{version:04}_")))
            .unwrap();
        sqlx::raw_sql(&std::fs::read_to_string(name).unwrap()).execute(&pool).await.unwrap();
        pool.execute(format!("INSERT INTO schema_migrations VALUES ({version}, 0)").as_str()).await.unwrap();
    }
    let result = json!({"pages": [{"number": 1, "text": "Fourniture d'ÉLECTRICITÉ, mars", "source": "text-layer"}],
        "fields": {"totalIncludingTax": {"value": "1234.56"}, "invoiceNumber": {"value": "FA-2024-0012"}}});
    let seed = format!(
        "INSERT INTO organizations (id, name, quota_bytes, created_at) VALUES ('o', 'Old', 1000, 0); \
         INSERT INTO years (id, id_organization, label, starting_at, ending_at, created_at) \
           VALUES ('y', 'o', '2024', '2024-01-01', '2024-12-31', 0); \
         INSERT INTO ocr_jobs (id, id_organization, sha256, content_key, content_type, status, pages, pages_reserved, \
           result, created_at) VALUES ('j', 'o', 'aa', 'k', 'application/pdf', 'done', 1, 1, '{}', 0); \
         INSERT INTO files (id, id_organization, id_year, name, status, sha256, id_ocr_job, created_at, last_updated_at) \
           VALUES ('01m8na8tj6eg52p8bt906vyspa', 'o', 'y', 'mars.pdf', 'available', 'aa', 'j', 0, 0);",
        result.to_string().replace('\'', "''")
    );
    sqlx::raw_sql(&seed).execute(&pool).await.unwrap();
    pool.close().await;

    let db = coffre::db::Db::connect(&url, coffre::db::PoolSettings::admin()).await.unwrap();

    let filter = ListFilter { limit: 10, ..ListFilter::default() };
    for query in ["electricite", "1 234,56", "fa20240012"] {
        let query = coffre::search::parse(query).unwrap();
        let hits = coffre::db::search::list(&db, "o", "y", &filter, &query).await.unwrap();
        assert_eq!(hits.iter().map(|h| h.file.name.as_str()).collect::<Vec<_>>(), vec!["mars.pdf"], "{query:?}");
    }
}

/// Counts rows of `table`.
async fn count(db: &coffre::db::Db, table: &str) -> i64 {
    let mut conn = db.acquire().await.unwrap();
    sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut *conn).await.unwrap()
}

/// On SQLite a file's search document is rebuilt after its write (migration 0014): the
/// triggers queue the file, and a search takes the queue first. A database with no background
/// work running shows both halves: the queue holds the new file, and the search finds it.
#[tokio::test]
async fn a_search_finds_every_file_written_before_it_even_with_the_rebuild_still_queued() {
    use coffre::db::files::ListFilter;
    let dir = tempfile::tempdir().unwrap();
    let (url, sqlite) = match std::env::var("COFFRE_TEST_DATABASE_URL") {
        Ok(admin) => (crate::helpers::fresh_postgres_database(&admin).await, false),
        Err(_) => (format!("sqlite://{}?mode=rwc", dir.path().join("q.db").display()), true),
    };
    // No server: nothing takes the queue in the background.
    let db = coffre::db::Db::connect(&url, coffre::db::PoolSettings::admin()).await.unwrap();
    let (org, _key) = coffre::admin::create_organization(&db, "Queue SARL", 1 << 20).await.unwrap();
    let mut tx = db.begin_write().await.unwrap();
    sqlx::query(
        "INSERT INTO years (id, id_organization, label, starting_at, ending_at, created_at) \
         VALUES ('y', $1, '2026', '2026-01-01', '2026-12-31', 0)",
    )
    .bind(&org)
    .execute(&mut *tx)
    .await
    .unwrap();
    for (id, name) in [("01m8na8tj6eg52p8bt906vyspa", "quittance-loyer.pdf"), ("01m8na8tj6eg52p8bt906vyspb", "edf.pdf")]
    {
        sqlx::query(
            "INSERT INTO files (id, id_organization, id_year, name, reference, status, created_at, last_updated_at) \
             VALUES ($1, $2, 'y', $3, 'REF-77', 'pending', 0, 0)",
        )
        .bind(id)
        .bind(&org)
        .bind(name)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    // A rename queues the file again; one rebuild reads its current name.
    sqlx::query("UPDATE files SET name = 'quittance-mars.pdf' WHERE id = '01m8na8tj6eg52p8bt906vyspa'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    if sqlite {
        assert_eq!(count(&db, "search_queue").await, 3, "two creates and a rename queued");
        assert_eq!(count(&db, "search_docs").await, 0, "nothing rebuilt yet");
    }
    let filter = ListFilter { limit: 10, ..ListFilter::default() };
    let names = |hits: Vec<coffre::db::search::Hit>| hits.into_iter().map(|h| h.file.name).collect::<Vec<_>>();
    let query = coffre::search::parse("quittance").unwrap();
    let hits = coffre::db::search::list(&db, &org, "y", &filter, &query).await.unwrap();
    assert_eq!(names(hits), vec!["quittance-mars.pdf"]);
    let query = coffre::search::parse("ref77").unwrap();
    assert_eq!(coffre::db::search::list(&db, &org, "y", &filter, &query).await.unwrap().len(), 2, "the references");
    if sqlite {
        assert_eq!(count(&db, "search_queue").await, 0);
        assert_eq!(count(&db, "search_docs").await, 2, "one document a file");
    }
    assert_eq!(coffre::db::search::index_queued(&db).await.unwrap(), 0, "nothing left to take");
}

/// Without any search, the server's background work empties SQLite's queue on its own.
#[tokio::test]
async fn the_server_rebuilds_queued_search_documents_without_a_search() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    for k in 0..5 {
        app.create_file(&year, json!({"name": format!("releve-{k}.pdf")})).await.ok(201);
    }
    if app.app.db().backend() == coffre::db::Backend::Sqlite {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while count(app.app.db(), "search_queue").await > 0 {
            assert!(std::time::Instant::now() < deadline, "the queue was not emptied in 10 s");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
    assert_eq!(count(app.app.db(), "search_docs").await, 5);
    app.stop().await;
}
