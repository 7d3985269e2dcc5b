//! `coffre import` (the real binary, over HTTP) and the hash lookup route it relies on.

use std::collections::{HashMap, HashSet};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::helpers::{pdf, sha256_hex, Instance, TestApp};

/// The import command for `dir`, with a private state and config home under `home`. The
/// organization is not given: the import asks the server (`GET /me`).
fn import_command(app: &TestApp, year: &str, dir: &Path, home: &Path) -> Command {
    import_at(&app.base, &app.key, year, dir, home, &["--jobs", "4"])
}

/// The import command against the server at `base`, with `extra` arguments.
fn import_at(base: &str, key: &str, year: &str, dir: &Path, home: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coffre"));
    command
        .args(["import", dir.to_str().unwrap(), "--url", base, "--year", year, "--json"])
        .args(extra)
        .env("COFFRE_API_KEY", key)
        .env_remove("COFFRE_ORGANIZATION")
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("COFFRE_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    command
}

/// A tree of 200 files: 191 distinct PDFs in nested folders, 6 copies of some of them
/// elsewhere in the tree, a copy of a document already on the server, one file over 50 MB
/// (sparse) and one of a refused type; plus a hidden file, which is not imported.
fn build_tree(root: &Path, on_server: &[u8]) -> Vec<String> {
    let folders = ["", "Achats", "Achats/2026-01", "Achats/2026-02", "Ventes", "Ventes/Clients/Export", "Banque"];
    let mut paths = Vec::new();
    let mut write = |rel: String, bytes: &[u8]| {
        let path = root.join(&rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        paths.push(rel);
    };
    for i in 0..191 {
        let folder = folders[i % folders.len()];
        let rel = if folder.is_empty() { format!("piece-{i:03}.pdf") } else { format!("{folder}/piece-{i:03}.pdf") };
        write(rel, &pdf(&format!("import {i} {}", "x".repeat(i * 37))));
    }
    for (n, i) in [3, 10, 50, 77, 120, 190].into_iter().enumerate() {
        write(format!("Copies/copie-{n}.pdf"), &pdf(&format!("import {i} {}", "x".repeat(i * 37))));
    }
    write("Banque/deja-la.pdf".into(), on_server);
    write("notes.txt".into(), b"not a supporting document\n");
    let big = root.join("Achats/scan-geant.pdf");
    std::fs::File::create(&big).unwrap().set_len(60_000_000).unwrap();
    paths.push("Achats/scan-geant.pdf".into());
    std::fs::write(root.join(".DS_Store"), b"litter").unwrap();
    paths
}

/// The year's files of a status, by "folder path/name", with their SHA-256.
async fn year_files(app: &TestApp, year: &str, status: &str) -> Vec<(String, Option<String>)> {
    let folders = app.get(&app.year_path(year, "/folders")).await.ok(200).clone();
    let by_id: HashMap<String, (Option<String>, String)> = folders
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let parent = f["idFolderParent"].as_str().map(str::to_owned);
            (f["id"].as_str().unwrap().to_owned(), (parent, f["name"].as_str().unwrap().to_owned()))
        })
        .collect();
    let path_of = |mut id: Option<String>| {
        let mut parts = Vec::new();
        while let Some(current) = id {
            let (parent, name) = by_id[&current].clone();
            parts.push(name);
            id = parent;
        }
        parts.reverse();
        parts
    };
    let listed = app.get(&app.year_path(year, &format!("/files?status={status}&limit=1000"))).await;
    let files = listed.ok(200).as_array().unwrap().clone();
    assert!(files.len() < 1000, "one page is enough here");
    files
        .iter()
        .map(|f| {
            let mut parts = path_of(f["idFolder"].as_str().map(str::to_owned));
            parts.push(f["name"].as_str().unwrap().to_owned());
            (parts.join("/"), f["sha256"].as_str().map(str::to_owned))
        })
        .collect()
}

#[tokio::test]
async fn an_import_killed_half_way_then_run_again_leaves_exactly_the_tree() {
    // Arrange: a document already on the server, and a tree that holds a copy of it.
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let on_server = pdf("already uploaded through the API");
    app.upload_file(&year, "Relevé.pdf", "application/pdf", on_server.clone()).await.ok(200);
    let work = tempfile::tempdir().unwrap();
    let tree = work.path().join("tree");
    let paths = build_tree(&tree, &on_server);
    assert_eq!(paths.len(), 200);

    // Act 1: SIGKILL the import once 60 files have been reported.
    let mut first = import_command(&app, &year, &tree, work.path()).spawn().expect("import starts");
    let mut lines = BufReader::new(first.stdout.take().unwrap()).lines();
    let mut seen = 0;
    while seen < 60 {
        let line = lines.next_line().await.unwrap().expect("the import reports files before it ends");
        assert!(!line.contains("\"summary\""), "the import ended before it could be killed: {line}");
        seen += 1;
    }
    first.start_kill().unwrap();
    let killed = first.wait().await.unwrap();
    assert_eq!(killed.code(), None, "killed by the signal, not finished: {killed:?}");

    // Act 2: run it again to the end.
    let second = import_command(&app, &year, &tree, work.path()).output().await.expect("import runs");
    let stdout = String::from_utf8_lossy(&second.stdout);
    let lines: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("JSON lines")).collect();

    // Assert: exit 3, the two refused files listed with their codes.
    assert_eq!(second.status.code(), Some(3), "stderr: {}", String::from_utf8_lossy(&second.stderr));
    let summary = &lines.last().unwrap()["summary"];
    let failed: HashSet<&str> =
        summary["failedPaths"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert_eq!(failed, HashSet::from(["notes.txt", "Achats/scan-geant.pdf"]));
    let codes: HashMap<&str, &str> = lines
        .iter()
        .filter(|l| l["status"] == "failed")
        .map(|l| (l["path"].as_str().unwrap(), l["code"].as_str().unwrap()))
        .collect();
    assert_eq!(codes["notes.txt"], "unsupported_media_type");
    assert_eq!(codes["Achats/scan-geant.pdf"], "file_too_large");
    let reported: HashSet<&str> = lines.iter().filter_map(|l| l["path"].as_str()).collect();
    assert_eq!(reported.len(), 200, "every file reported once by the second run");
    assert!(!reported.contains(".DS_Store"));
    let server_copy = lines.iter().find(|l| l["path"] == "Banque/deja-la.pdf").unwrap();
    assert_eq!(server_copy["status"], "duplicate");

    // Assert: the year holds each distinct content once, at the first path that has it.
    let mut expected: HashMap<String, String> = HashMap::new();
    let mut contents = HashSet::from([sha256_hex(&on_server)]);
    expected.insert("Relevé.pdf".into(), sha256_hex(&on_server));
    let mut sorted = paths.clone();
    sorted.sort_by_key(|p| p.split('/').map(str::to_owned).collect::<Vec<_>>());
    for rel in sorted.iter().filter(|p| p.ends_with(".pdf") && !p.contains("geant")) {
        let hash = sha256_hex(&std::fs::read(tree.join(rel)).unwrap());
        if contents.insert(hash.clone()) {
            expected.insert(rel.clone(), hash);
        }
    }
    let available = year_files(&app, &year, "available").await;
    let held: HashMap<String, String> = available.iter().map(|(p, h)| (p.clone(), h.clone().unwrap())).collect();
    assert_eq!(available.len(), held.len(), "no two files share a path");
    assert_eq!(held, expected);
    assert_eq!(expected.len(), 192);
    assert!(year_files(&app, &year, "pending").await.is_empty(), "no pending record left behind");
    assert!(year_files(&app, &year, "deleted").await.is_empty(), "nothing created then thrown away");

    // A third run finds everything in place and uploads nothing.
    let third = import_command(&app, &year, &tree, work.path()).output().await.expect("import runs");
    let third = String::from_utf8_lossy(&third.stdout);
    let summary: Value = serde_json::from_str(third.lines().last().unwrap()).unwrap();
    assert_eq!(summary["summary"]["uploaded"], 0, "{third}");
    assert_eq!(summary["summary"]["skipped"], 192 - 1, "{third}");
    app.stop().await;
}

#[tokio::test]
async fn a_credentials_file_readable_by_others_is_refused() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let work = tempfile::tempdir().unwrap();
    let config = work.path().join("config/coffre");
    std::fs::create_dir_all(&config).unwrap();
    let file = config.join("credentials");
    // No organization line: the import asks the server whose key it is.
    std::fs::write(&file, format!("api_key = {}\n", app.key)).unwrap();
    let tree = work.path().join("tree");
    std::fs::create_dir(&tree).unwrap();
    std::fs::write(tree.join("a.pdf"), pdf("credentials")).unwrap();
    let run = |mode: u32| {
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
        let mut command = import_command(&app, &year, &tree, work.path());
        command.env_remove("COFFRE_API_KEY").env_remove("COFFRE_ORGANIZATION");
        async move { command.output().await.unwrap() }
    };

    let open = run(0o644).await;
    assert_eq!(open.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&open.stderr).contains("chmod 600"));

    let private = run(0o600).await;
    assert_eq!(private.status.code(), Some(0), "{}", String::from_utf8_lossy(&private.stderr));
    app.stop().await;
}

#[tokio::test]
async fn lookup_reports_available_and_trashed_contents_of_the_organization() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let kept = pdf("kept");
    let trashed = pdf("trashed");
    let kept_id = app.upload_file(&year, "kept.pdf", "application/pdf", kept.clone()).await.id();
    let trashed_id = app.upload_file(&year, "trashed.pdf", "application/pdf", trashed.clone()).await.id();
    app.delete(&app.file_path(&year, &trashed_id, "")).await.ok(204);
    let unknown = sha256_hex(b"nobody has this");

    let body = json!({"sha256": [sha256_hex(&kept).to_uppercase(), sha256_hex(&trashed), unknown]});
    let found = app.post(&app.org_path("/files/lookup"), body.clone()).await;

    let matches = found.ok(200)["matches"].as_array().unwrap().clone();
    assert_eq!(matches.len(), 2);
    let by_id: HashMap<&str, &Value> = matches.iter().map(|m| (m["idFile"].as_str().unwrap(), m)).collect();
    assert_eq!(by_id[kept_id.as_str()]["status"], "available");
    assert_eq!(by_id[kept_id.as_str()]["sha256"], sha256_hex(&kept));
    assert_eq!(by_id[kept_id.as_str()]["idYear"], year.as_str());
    assert_eq!(by_id[kept_id.as_str()]["name"], "kept.pdf");
    assert_eq!(by_id[trashed_id.as_str()]["status"], "deleted");
    // Another organization's key sees nothing of this one.
    let (other_org, other_key) = app.other_org().await;
    let theirs =
        app.request_as(Some(&other_key), reqwest::Method::POST, &app.org_path("/files/lookup"), Some(body)).await;
    theirs.problem(404, "not_found");
    let own = format!("/organizations/{other_org}/files/lookup");
    let empty = app
        .request_as(Some(&other_key), reqwest::Method::POST, &own, Some(json!({"sha256": [sha256_hex(&kept)]})))
        .await;
    assert_eq!(empty.ok(200)["matches"], json!([]));
    app.stop().await;
}

#[tokio::test]
async fn lookup_refuses_malformed_hash_lists() {
    let app = TestApp::spawn().await;
    let path = app.org_path("/files/lookup");
    let too_many: Vec<String> = (0..1001).map(|i| sha256_hex(format!("{i}").as_bytes())).collect();
    let cases = [
        (json!({"sha256": []}), "sha256"),
        (json!({"sha256": too_many}), "sha256"),
        (json!({"sha256": [sha256_hex(b"a"), "not-a-hash"]}), "sha256[1]"),
        (json!({"sha256": ["a".repeat(63)]}), "sha256[0]"),
        (json!({"sha256": "abc"}), "sha256"),
        (json!({}), "sha256"),
        (json!({"sha256": [sha256_hex(b"a")], "extra": 1}), "extra"),
    ];
    for (body, field) in cases {
        let answer = app.post(&path, body.clone()).await;
        let problem = answer.problem(400, "invalid_request");
        assert_eq!(problem["field"], field, "{body}");
    }
    app.stop().await;
}

#[tokio::test]
async fn ctrl_c_finishes_the_uploads_in_flight_and_exits_130_then_a_run_completes() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let work = tempfile::tempdir().unwrap();
    let tree = work.path().join("tree");
    std::fs::create_dir_all(tree.join("Achats")).unwrap();
    for i in 0..60 {
        std::fs::write(tree.join(format!("Achats/f{i:02}.pdf")), pdf(&format!("ctrl-c {i} {}", "y".repeat(i * 500))))
            .unwrap();
    }

    // The organization given explicitly, as it may be: it must be the key's.
    let mut first =
        import_command(&app, &year, &tree, work.path()).env("COFFRE_ORGANIZATION", &app.org).spawn().expect("starts");
    let mut lines = BufReader::new(first.stdout.take().unwrap()).lines();
    for _ in 0..5 {
        lines.next_line().await.unwrap().expect("a file line");
    }
    let pid = first.id().unwrap().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().await.unwrap().success());
    let mut last = String::new();
    while let Some(line) = lines.next_line().await.unwrap() {
        last = line;
    }
    let status = first.wait().await.unwrap();

    if status.code() == Some(130) {
        let summary: Value = serde_json::from_str(&last).unwrap();
        assert_eq!(summary["summary"]["exitCode"], 130);
        assert!(summary["summary"]["uploaded"].as_u64().unwrap() < 60);
    } else {
        // The signal came after the last upload: nothing was left to interrupt.
        assert_eq!(status.code(), Some(0));
    }
    let second = import_command(&app, &year, &tree, work.path()).output().await.unwrap();
    assert_eq!(second.status.code(), Some(0), "{}", String::from_utf8_lossy(&second.stderr));
    assert_eq!(year_files(&app, &year, "available").await.len(), 60);
    assert!(year_files(&app, &year, "pending").await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_refused_key_exits_4() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("a.pdf"), pdf("refused key")).unwrap();
    let mut command = import_command(&app, &year, work.path(), work.path());
    command.env("COFFRE_API_KEY", "cof_not-a-key");

    let out = command.output().await.unwrap();

    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(year_files(&app, &year, "pending").await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn an_organization_other_than_the_keys_exits_4() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let (other_org, _) = app.other_org().await;
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("a.pdf"), pdf("wrong organization")).unwrap();
    let mut command = import_command(&app, &year, work.path(), work.path());
    command.env("COFFRE_ORGANIZATION", &other_org);

    let out = command.output().await.unwrap();

    assert_eq!(out.status.code(), Some(4), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("the key belongs to organization {}", app.org)), "{stderr}");
    assert!(year_files(&app, &year, "pending").await.is_empty());
    app.stop().await;
}

/// The year's files of a status on the server at `base`, by id.
async fn files_at(base: &str, key: &str, org: &str, year: &str, status: &str) -> Vec<Value> {
    let url = format!("{base}/organizations/{org}/years/{year}/files?status={status}&limit=1000");
    let response = reqwest::Client::new().get(url).bearer_auth(key).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap().as_array().unwrap().clone()
}

#[tokio::test]
async fn a_server_gone_mid_run_exits_5_then_a_run_against_it_restarted_completes() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    let work = tempfile::tempdir().unwrap();
    let tree = work.path().join("tree");
    std::fs::create_dir_all(tree.join("Ventes")).unwrap();
    for i in 0..150 {
        std::fs::write(tree.join(format!("Ventes/v{i:03}.pdf")), pdf(&format!("network {i} {}", "z".repeat(i * 300))))
            .unwrap();
    }
    let (key, org, config) = (app.key.clone(), app.org.clone(), app.app.config().clone());
    let retries = ["--jobs", "1", "--retries", "2"];

    // Act 1: the server stops for good after 5 files.
    let mut first = import_at(&app.base, &key, &year, &tree, work.path(), &retries).spawn().expect("starts");
    let mut lines = BufReader::new(first.stdout.take().unwrap()).lines();
    for _ in 0..5 {
        let line = lines.next_line().await.unwrap().expect("a file line");
        assert!(!line.contains("\"summary\""), "the import ended before the server went away: {line}");
    }
    let _data = app.stop_keeping_data().await;
    let mut last = String::new();
    while let Some(line) = lines.next_line().await.unwrap() {
        last = line;
    }
    let status = first.wait().await.unwrap();
    let mut stderr = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut first.stderr.take().unwrap(), &mut stderr).await.unwrap();

    assert_eq!(status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("the server cannot be reached"), "{stderr}");
    let summary: Value = serde_json::from_str(&last).unwrap();
    assert_eq!(summary["summary"]["exitCode"], 5);
    assert!(summary["error"].as_str().unwrap().contains("cannot be reached"), "{last}");
    let uploaded_first = summary["summary"]["uploaded"].as_u64().unwrap();
    assert!((5..150).contains(&uploaded_first), "{last}");

    // Act 2: the server is back (another port, the same data); run again.
    let restarted = Instance::start(config).await;
    let second = import_at(&restarted.base, &key, &year, &tree, work.path(), &retries).output().await.unwrap();

    assert_eq!(second.status.code(), Some(0), "{}", String::from_utf8_lossy(&second.stderr));
    let summary: Value = serde_json::from_str(String::from_utf8_lossy(&second.stdout).lines().last().unwrap()).unwrap();
    assert_eq!(summary["summary"]["uploaded"].as_u64().unwrap() + uploaded_first, 150, "{summary}");
    assert_eq!(summary["summary"]["skipped"].as_u64().unwrap(), uploaded_first, "{summary}");
    let available = files_at(&restarted.base, &key, &org, &year, "available").await;
    let names: HashSet<&str> = available.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!((available.len(), names.len()), (150, 150), "each file once");
    assert!(files_at(&restarted.base, &key, &org, &year, "pending").await.is_empty());
    assert!(files_at(&restarted.base, &key, &org, &year, "deleted").await.is_empty());
    restarted.stop().await;
}
