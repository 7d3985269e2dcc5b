//! Write transactions committed together (SQLite's group commit): each request's changes
//! stand or fall alone, and none is acknowledged before the batch's COMMIT.

use std::time::Duration;

use futures_util::future::join_all;
use serde_json::json;

use crate::helpers::TestApp;
use coffre::db::orgs::{self, Organization};

/// POSTs `body` to `path` in a task of its own, which answers the response's status.
fn spawn_post(app: &TestApp, path: &str, body: serde_json::Value) -> tokio::task::JoinHandle<reqwest::StatusCode> {
    let (client, url, key) = (app.client.clone(), app.url(path), app.key.clone());
    tokio::spawn(async move { client.post(url).bearer_auth(key).json(&body).send().await.unwrap().status() })
}

fn org(id: &str) -> Organization {
    Organization {
        id: id.into(),
        name: id.into(),
        quota_bytes: 1,
        used_bytes: 0,
        ocr_pages_available: 0,
        ocr_pages_used: 0,
        created_at: 0,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_failing_request_in_a_batch_rolls_back_alone() {
    let app = TestApp::spawn().await;
    let db = app.app.db().clone();
    let before = db.group_commits();
    // A first transaction holds the writer while the next 12 queue behind it: they form the
    // next batch.
    let first = db.begin_write().await.unwrap();
    let waiting_before = db.pool_state().waiting;
    let tasks: Vec<_> = (0..12)
        .map(|i| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut tx = db.begin_write().await.unwrap();
                orgs::insert(&mut tx, &org(&format!("batch-{i}"))).await.unwrap();
                if i == 5 {
                    // Writes, then fails (its own id again: a unique violation) and gives up.
                    let again = orgs::insert(&mut tx, &org("batch-5")).await;
                    assert!(again.is_err_and(|e| e.is_unique_violation()));
                    drop(tx);
                    return false;
                }
                tx.commit().await.unwrap();
                true
            })
        })
        .collect();
    if before.is_some() {
        while db.pool_state().waiting < waiting_before + 12 {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }
    first.commit().await.unwrap();
    let committed: Vec<bool> = join_all(tasks).await.into_iter().map(Result::unwrap).collect();

    assert_eq!(committed.iter().filter(|c| **c).count(), 11);
    for i in 0..12 {
        let found = orgs::get(&db, &format!("batch-{i}")).await.unwrap();
        assert_eq!(found.is_some(), i != 5, "batch-{i}: only the failing request is undone");
    }
    if let (Some((c0, r0)), Some((c1, r1))) = (before, db.group_commits()) {
        // The server's own workers (sweeper, job leases, webhook deliveries) may commit
        // transactions meanwhile, each at most one COMMIT of its own.
        let background = (r1 - r0).checked_sub(12).expect("the first transaction and 11 queued ones committed");
        assert!(
            c1 - c0 <= 2 + background,
            "the 11 queued transactions shared one COMMIT: {} COMMITs for {} transactions",
            c1 - c0,
            r1 - r0
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_creates_commit_together_each_with_its_audit_entry() {
    // What is checked is which requests commit, not how fast: on a loaded machine 48 writes
    // queued on one organization may wait longer than the default 3 s for a connection.
    let app = TestApp::spawn_with(|c| c.db_acquire_timeout_secs = 30).await;
    let year = app.create_year().await;
    let missing_folder = coffre::domain::new_id();
    let before = app.app.db().group_commits();

    // Every 8th names a folder that does not exist: refused inside its transaction, in the
    // middle of the others.
    let results = join_all((0..48).map(|i| {
        let body = if i % 8 == 3 {
            json!({"name": format!("g{i}.pdf"), "idFolder": missing_folder})
        } else {
            json!({"name": format!("g{i}.pdf")})
        };
        app.create_file(&year, body)
    }))
    .await;

    let mut created = Vec::new();
    for (i, r) in results.iter().enumerate() {
        if i % 8 == 3 {
            r.problem(404, "not_found");
        } else {
            created.push(r.ok(201)["id"].as_str().unwrap().to_owned());
        }
    }
    let listed = app.get(&app.year_path(&year, "/files?limit=1000")).await;
    let mut listed: Vec<String> =
        listed.ok(200).as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_owned()).collect();
    listed.sort();
    created.sort();
    assert_eq!(listed, created, "exactly the acknowledged creates are there");
    let audit = app.get(&app.org_path("/audit?limit=1000")).await;
    let mut audited: Vec<String> = audit
        .ok(200)
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "file.create")
        .map(|e| e["idFile"].as_str().unwrap().to_owned())
        .collect();
    audited.sort();
    assert_eq!(audited, created, "one audit entry per committed create, none for the refused");
    let (ok, out, err) = app.cli(&["audit", "verify"], false, &["--org", &app.org]).await;
    assert!(ok, "the audit chain holds: {out} {err}");
    if let (Some((c0, r0)), Some((c1, r1))) = (before, app.app.db().group_commits()) {
        eprintln!("{} write transactions in {} commits", r1 - r0, c1 - c0);
        assert!(r1 - r0 >= 42);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_background_write_queues_for_the_writer_instead_of_the_file_lock() {
    // A database of its own, without a server: nothing else queues for its writer.
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("coffre.db").display());
    let db = coffre::db::Db::connect(&url, coffre::db::PoolSettings::admin()).await.unwrap();
    let mut setup = db.begin_write().await.unwrap();
    orgs::insert(&mut setup, &org("background")).await.unwrap();
    setup.commit().await.unwrap();

    // A request's transaction holds the writer; a background statement (here the admin's
    // quota change) must wait in the writer's queue, not take SQLite's lock on its own.
    let first = db.begin_write().await.unwrap();
    let waiting_before = db.pool_state().waiting;
    let background = tokio::spawn({
        let db = db.clone();
        async move { orgs::set_quota(&db, "background", 42).await.unwrap() }
    });
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while db.pool_state().waiting < waiting_before + 1 {
        assert!(
            tokio::time::Instant::now() < deadline && !background.is_finished(),
            "the background write never queued for the writer"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    // And it stays queued there (not holding a pooled connection in SQLite's busy loop) for
    // as long as the writer is held.
    for _ in 0..50 {
        assert!(!background.is_finished(), "it cannot be done while the writer is held");
        assert!(db.pool_state().waiting > waiting_before, "the background write left the writer's queue");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    first.commit().await.unwrap();
    assert!(background.await.unwrap(), "the organization exists");
    assert_eq!(orgs::get(&db, "background").await.unwrap().unwrap().quota_bytes, 42);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_audit_chain_stays_linked_across_writers_and_rollbacks() {
    // The SQLite writer remembers each chain's last entry; entries appended by another
    // connection (a second instance, a worker, an admin command) or undone by a rollback must
    // not make it link a new entry to a stale one.
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    app.create_file(&year, json!({"name": "a.pdf"})).await.ok(201);
    let other = app.second_instance().await;
    for _ in 0..2 {
        let mut tx = other.app.db().begin_write().await.unwrap();
        coffre::audit::record(&mut tx, &app.org, "admin", coffre::audit::Event::new("test.other")).await.unwrap();
        tx.commit().await.unwrap();
    }
    app.create_file(&year, json!({"name": "b.pdf"})).await.ok(201);
    let mut tx = app.app.db().begin_write().await.unwrap();
    coffre::audit::record(&mut tx, &app.org, "admin", coffre::audit::Event::new("test.undone")).await.unwrap();
    tx.rollback().await.unwrap();
    app.create_file(&year, json!({"name": "c.pdf"})).await.ok(201);

    let audit = app.get(&app.org_path("/audit?limit=1000")).await;
    let actions: Vec<String> =
        audit.ok(200).as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect();
    let expected = ["file.create", "test.other", "test.other", "file.create", "file.create"];
    assert!(actions.ends_with(&expected.map(String::from)), "{actions:?}");
    assert!(!actions.contains(&"test.undone".to_owned()));
    let (ok, out, err) = app.cli(&["audit", "verify"], false, &["--org", &app.org]).await;
    assert!(ok, "the audit chain holds: {out} {err}");
    other.stop().await;
}

#[tokio::test]
async fn the_writer_links_audit_entries_without_reading_the_chain() {
    let app = TestApp::spawn().await;
    let year = app.create_year().await;
    app.create_file(&year, json!({"name": "warm.pdf"})).await.ok(201);
    let Some(before) = app.app.db().audit_tail_reads() else { return };
    for i in 0..20 {
        app.create_file(&year, json!({"name": format!("c{i}.pdf")})).await.ok(201);
    }
    let reads = app.app.db().audit_tail_reads().unwrap() - before;
    // Only another connection's commit (none here) makes the writer read the tail again.
    assert_eq!(reads, 0, "20 creates after the first read their chain's tail {reads} times");
    let (ok, out, err) = app.cli(&["audit", "verify"], false, &["--org", &app.org]).await;
    assert!(ok, "the audit chain holds: {out} {err}");
}

/// A request's audit entry goes to SQLite with its `RELEASE`, in one call: when that insert
/// fails, the request alone is undone (its file too) and refused, the batch commits the
/// others, and the chain links across the gap.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_request_whose_audit_entry_fails_at_commit_is_undone_alone() {
    use coffre::db::audit::{self, Entry};
    let app = TestApp::spawn().await;
    let db = app.app.db().clone();
    if db.group_commits().is_none() {
        return; // SQLite's writer only.
    }
    sqlx::query(
        "CREATE TRIGGER poisoned_audit BEFORE INSERT ON audit_entries WHEN NEW.action = 'test.poison' \
         BEGIN SELECT RAISE(ABORT, 'poisoned'); END",
    )
    .execute(db.pool())
    .await
    .unwrap();
    let before = audit::verify(&db, &app.org).await.unwrap().expect("a valid chain");
    let first = db.begin_write().await.unwrap();
    let waiting_before = db.pool_state().waiting;
    let tasks: Vec<_> = (0..12)
        .map(|i| {
            let (db, id_organization) = (db.clone(), app.org.clone());
            tokio::spawn(async move {
                let mut tx = db.begin_write().await.unwrap();
                orgs::insert(&mut tx, &org(&format!("poison-{i}"))).await.unwrap();
                let action = if i == 5 { "test.poison" } else { "test.ok" };
                let entry = Entry {
                    seq: 0,
                    id: format!("entry-{i}"),
                    at: 0,
                    actor: "test".into(),
                    action: action.into(),
                    id_year: None,
                    id_folder: None,
                    id_file: None,
                    sha256: None,
                    details: "{}".into(),
                    prev_hash: String::new(),
                    hash: String::new(),
                };
                audit::append(&mut tx, &id_organization, entry).await.unwrap();
                tx.commit().await.is_ok()
            })
        })
        .collect();
    while db.pool_state().waiting < waiting_before + 12 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    first.commit().await.unwrap();
    let committed: Vec<bool> = join_all(tasks).await.into_iter().map(Result::unwrap).collect();

    for (i, ok) in committed.iter().enumerate() {
        assert_eq!(*ok, i != 5, "request {i}");
        let found = orgs::get(&db, &format!("poison-{i}")).await.unwrap();
        assert_eq!(found.is_some(), i != 5, "poison-{i}: only the failing request is undone");
    }
    let after = audit::verify(&db, &app.org).await.unwrap().expect("the chain links across the failed entry");
    assert_eq!(after, before + 11);
}

/// On SQLite a create with nothing to check first is a plan the writer runs itself (see
/// `group.rs`). In one batch, with requests that borrow the connection: a create into a
/// closed year does not apply and is undone (423), a create whose insert fails is undone
/// alone, one refused inside its transaction (missing folder) too, and every other request
/// commits with its audit entry, in one COMMIT.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn plans_that_fail_or_do_not_apply_are_undone_alone_in_their_batch() {
    let app = TestApp::spawn_with(|c| c.db_acquire_timeout_secs = 30).await;
    let db = app.app.db().clone();
    let Some(before) = db.group_commits() else { return }; // SQLite's writer only.
    let (open, closed) = (app.create_year().await, app.create_year().await);
    app.post(&app.year_path(&closed, "/close"), json!({})).await.ok(200);
    sqlx::query(
        "CREATE TRIGGER poisoned_file BEFORE INSERT ON files WHEN NEW.name = 'poison.pdf' \
         BEGIN SELECT RAISE(ABORT, 'poisoned'); END",
    )
    .execute(db.pool())
    .await
    .unwrap();
    let missing_folder = coffre::domain::new_id();
    let first = db.begin_write().await.unwrap();
    let waiting_before = db.pool_state().waiting;
    let requests: Vec<(&str, serde_json::Value)> = (0..16)
        .map(|i| match i % 4 {
            1 => (closed.as_str(), json!({"name": format!("closed-{i}.pdf")})),
            2 if i == 6 => (open.as_str(), json!({"name": "poison.pdf"})),
            3 => (open.as_str(), json!({"name": format!("f-{i}.pdf"), "idFolder": missing_folder})),
            _ => (open.as_str(), json!({"name": format!("ok-{i}.pdf")})),
        })
        .collect();
    let tasks: Vec<_> =
        requests.iter().map(|(year, body)| spawn_post(&app, &app.year_path(year, "/files"), body.clone())).collect();
    while db.pool_state().waiting < waiting_before + 16 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    first.commit().await.unwrap();
    let statuses: Vec<u16> = join_all(tasks).await.into_iter().map(|s| s.unwrap().as_u16()).collect();

    for (i, status) in statuses.iter().enumerate() {
        let expected = match i % 4 {
            1 => 423,
            2 if i == 6 => 500,
            3 => 404,
            _ => 201,
        };
        assert_eq!(*status, expected, "request {i}: {:?}", requests[i].1);
    }
    let listed = app.get(&app.year_path(&open, "/files?limit=1000")).await;
    let mut names: Vec<String> =
        listed.ok(200).as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_owned()).collect();
    names.sort();
    let mut expected: Vec<String> =
        (0..16).filter(|i| i % 4 == 0 || (i % 4 == 2 && *i != 6)).map(|i| format!("ok-{i}.pdf")).collect();
    expected.sort();
    assert_eq!(names, expected, "exactly the acknowledged creates are there");
    let closed_files = app.get(&app.year_path(&closed, "/files?limit=1000")).await;
    assert_eq!(closed_files.ok(200).as_array().unwrap().len(), 0);
    let audit = app.get(&app.org_path("/audit?limit=1000")).await;
    let audited = audit.ok(200).as_array().unwrap().iter().filter(|e| e["action"] == "file.create").count();
    assert_eq!(audited, expected.len(), "one audit entry per committed create, none for the others");
    let (ok, out, err) = app.cli(&["audit", "verify"], false, &["--org", &app.org]).await;
    assert!(ok, "the audit chain holds: {out} {err}");
    let (c1, r1) = db.group_commits().unwrap();
    let background = (r1 - before.1).checked_sub(1 + expected.len() as u64).expect("every acknowledged create counted");
    assert!(c1 - before.0 <= 2 + background + 3, "the queued creates shared a COMMIT: {} COMMITs", c1 - before.0);
}

/// A plan still queued when the acquire timeout passes is refused (503) and never runs, as a
/// request waiting to borrow the connection would be.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_plan_that_waited_past_the_acquire_timeout_never_runs() {
    let app = TestApp::spawn_with(|c| c.db_acquire_timeout_secs = 1).await;
    let db = app.app.db().clone();
    if db.group_commits().is_none() {
        return;
    }
    let year = app.create_year().await;
    let first = db.begin_write().await.unwrap();
    // Answered while the writer is still held: the route stopped waiting.
    let refused = app.create_file(&year, json!({"name": "late.pdf"})).await;
    refused.problem(503, "service_unavailable");
    first.commit().await.unwrap();
    // The writer has served its queue once the next request is answered.
    app.create_file(&year, json!({"name": "next.pdf"})).await.ok(201);
    let listed = app.get(&app.year_path(&year, "/files")).await;
    let names: Vec<String> =
        listed.ok(200).as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap().to_owned()).collect();
    assert_eq!(names, ["next.pdf"], "the refused create never ran");
}

/// An upload URL's plan re-checks, in its own statement, what the route read before queuing:
/// no URL is granted after the year's close in commit order, even one read while the year was
/// open and queued behind the close. The queue's order is not observable from here (background
/// writes queue too), so the check is on the outcome: every granted URL's audit entry comes
/// before the close's, every refused one is a 423 with no entry, and only the granted reserve.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn upload_urls_queued_behind_a_years_close_reserve_nothing() {
    let app = TestApp::spawn_with(|c| c.db_acquire_timeout_secs = 30).await;
    let db = app.app.db().clone();
    if db.group_commits().is_none() {
        return;
    }
    let year = app.create_year().await;
    let mut files = Vec::new();
    for i in 0..12 {
        files.push(app.create_file(&year, json!({"name": format!("u{i}.pdf")})).await.id());
    }
    let first = db.begin_write().await.unwrap();
    let waiting = db.pool_state().waiting;
    let spawn_url = |file: &String| {
        let path = app.year_path(&year, &format!("/files/{file}/upload-url"));
        spawn_post(&app, &path, json!({"type": "application/pdf", "size": 1000}))
    };
    let until_waiting = |n: i64| {
        let db = db.clone();
        async move {
            while db.pool_state().waiting < n {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        }
    };
    let before: Vec<_> = files[..6].iter().map(spawn_url).collect();
    until_waiting(waiting + 6).await;
    let close = spawn_post(&app, &app.year_path(&year, "/close"), json!({}));
    until_waiting(waiting + 7).await;
    let after: Vec<_> = files[6..].iter().map(spawn_url).collect();
    until_waiting(waiting + 13).await;
    first.commit().await.unwrap();

    let mut granted = Vec::new();
    for (file, status) in files.iter().zip(join_all(before.into_iter().chain(after)).await) {
        let status = status.unwrap().as_u16();
        assert!(status == 200 || status == 423, "{status}");
        if status == 200 {
            granted.push(file.clone());
        }
    }
    assert!(granted.len() < files.len(), "some URLs were queued behind the close");
    assert_eq!(close.await.unwrap().as_u16(), 200);
    let audit = app.get(&app.org_path("/audit?limit=1000")).await;
    let entries = audit.ok(200).as_array().unwrap().clone();
    let seq_of = |action: &str, file: Option<&str>| {
        entries
            .iter()
            .filter(|e| e["action"] == action && file.is_none_or(|f| e["idFile"] == f))
            .map(|e| e["seq"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    let closed_at = seq_of("year.close", None)[0];
    for file in &files {
        let urls = seq_of("file.upload_url", Some(file));
        if granted.contains(file) {
            assert!(urls.len() == 1 && urls[0] < closed_at, "{file}: granted before the close {urls:?} < {closed_at}");
        } else {
            assert!(urls.is_empty(), "{file}: refused, not audited");
        }
    }
    let usage = app.get(&app.org_path("/usage")).await;
    let reserved = usage.ok(200)["storage"]["reservedBytes"].as_u64().unwrap();
    assert_eq!(reserved, granted.len() as u64 * 1000, "only the granted URLs reserve");
    let (ok, out, err) = app.cli(&["audit", "verify"], false, &["--org", &app.org]).await;
    assert!(ok, "the audit chain holds: {out} {err}");
}
