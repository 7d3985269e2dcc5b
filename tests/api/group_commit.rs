//! Write transactions committed together (SQLite's group commit): each request's changes
//! stand or fall alone, and none is acknowledged before the batch's COMMIT.

use std::time::Duration;

use futures_util::future::join_all;
use serde_json::json;

use crate::helpers::TestApp;
use coffre::db::orgs::{self, Organization};

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
