//! `coffre import DIR --url URL --year ID`: a folder tree into a fiscal year, over the public
//! API only, resumable. See the README, "Bulk import".
//!
//! Order of work: walk the tree, hash every file (journal-assisted), ask the server which
//! hashes the organization holds, mirror the folders, collect pending records left by an
//! interrupted run, then upload what is missing, `--jobs` at a time.

mod api;
pub mod credentials;
mod remote;
mod report;
mod scan;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use clap::Args;
use futures_util::stream::{self, StreamExt};
use reqwest::Method;
use serde_json::{json, Value};

use api::{Api, Failure};
use remote::{Folders, Pending};
use report::{Outcome, Reporter, Status, EXIT_AUTH, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_NETWORK, EXIT_OK, EXIT_PARTIAL};
use scan::{Entry, Journal};

/// The API refuses content over this size (`file_too_large`).
const MAX_SIZE: u64 = crate::config::MAX_UPLOAD_BYTES;
/// Hashes per lookup request (the route's limit).
const LOOKUP_BATCH: usize = 1000;

#[derive(Debug, Args)]
pub struct ImportOpts {
    /// The directory whose files and subfolders are imported (not the directory itself).
    pub dir: PathBuf,
    /// The API's base URL, e.g. https://coffre.example.com
    #[arg(long)]
    pub url: String,
    /// The fiscal year to import into.
    #[arg(long)]
    pub year: String,
    /// A folder of the year to import under (default: the year's top level).
    #[arg(long)]
    pub folder: Option<String>,
    /// Uploads (and hashes) in parallel.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// One JSON line per file on stdout, then a summary line.
    #[arg(long)]
    pub json: bool,
    /// Say what would be done; create, upload and delete nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Retries of a request after a network error or a 429/502/503/504, with exponential
    /// backoff (the default, 6, gives up after about 30 s); 0 gives up at the first failure.
    #[arg(long, default_value_t = api::DEFAULT_RETRIES, value_parser = clap::value_parser!(u32).range(0..=20))]
    pub retries: u32,
}

/// Runs the import and exits with its code (0 done, 3 partial, 4 auth, 5 network, 130
/// interrupted); an error before any work is returned as usual.
pub async fn run(opts: ImportOpts) -> Result<(), String> {
    let reporter = Arc::new(Reporter::new(opts.json));
    let code = match import(&opts, &reporter).await {
        Ok(code) => reporter.finish(code, None),
        Err((code, message)) => {
            eprintln!("error: {message}");
            reporter.finish(code, Some(&message))
        }
    };
    if code != EXIT_OK {
        std::process::exit(code);
    }
    Ok(())
}

type Fatal = (i32, String);

fn fatal(e: Failure) -> Fatal {
    match e {
        Failure::Auth(m) => (EXIT_AUTH, format!("the API refused the key: {m}")),
        Failure::Network(m) => (EXIT_NETWORK, format!("the server cannot be reached: {m}")),
        other => (EXIT_ERROR, other.to_string()),
    }
}

/// Shared by the workers: Ctrl-C, or a failure that makes further work pointless.
#[derive(Default)]
struct Stop {
    interrupted: AtomicBool,
    fatal: Mutex<Option<Fatal>>,
}

impl Stop {
    fn stopped(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst) || self.fatal.lock().expect("stop").is_some()
    }
}

fn watch_ctrl_c(stop: Arc<Stop>) {
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!("interrupted: finishing the uploads in flight (Ctrl-C again to abort them)");
            stop.interrupted.store(true, Ordering::SeqCst);
        }
        if tokio::signal::ctrl_c().await.is_ok() {
            std::process::exit(EXIT_INTERRUPTED);
        }
    });
}

async fn import(opts: &ImportOpts, reporter: &Arc<Reporter>) -> Result<i32, Fatal> {
    let credentials = credentials::load().map_err(|e| (EXIT_AUTH, e))?;
    let mut api = Api::new(&opts.url, &credentials, &opts.year, opts.retries).map_err(|e| (EXIT_ERROR, e))?;
    api.org = organization(&api, credentials.organization.as_deref()).await?;
    let year = api.call(Method::GET, &api.year_path(""), None).await.map_err(fatal)?.0;
    if year["closed"].as_bool() == Some(true) {
        return Err((EXIT_ERROR, "the year is closed: nothing can be imported into it".into()));
    }
    let stop = Arc::new(Stop::default());
    watch_ctrl_c(stop.clone());
    let dir = opts.dir.clone();
    let walked =
        tokio::task::spawn_blocking(move || scan::walk(&dir)).await.map_err(|e| (EXIT_ERROR, e.to_string()))?;
    let (entries, passed, dirs) = walked.map_err(|e| (EXIT_ERROR, e))?;
    for p in passed {
        let mut outcome = Outcome::new(&p.rel, Status::Skipped, 0);
        outcome.detail = Some(p.reason.into());
        reporter.file(outcome);
    }
    let hashes = hash_all(&entries, opts, reporter, &stop).await;
    if stop.stopped() {
        return Ok(EXIT_INTERRUPTED);
    }
    let held = lookup(&api, hashes.values()).await.map_err(fatal)?;
    let mut folders = Folders::load(&api).await.map_err(fatal)?;
    if let Some(root) = &opts.folder {
        if !folders.contains_id(root) {
            return Err((EXIT_ERROR, format!("folder {root} is not a folder of this year")));
        }
    }
    let places = mirror_folders(&api, &mut folders, &opts.folder, &dirs, opts.dry_run).await.map_err(fatal)?;
    let plan = Plan::new(&entries, &hashes, &held, &places, &opts.year);
    let pending = collect_pending(&api, &plan).await.map_err(fatal)?;
    execute(&api, plan, pending, opts, reporter, &stop).await;
    if stop.interrupted.load(Ordering::SeqCst) {
        return Ok(EXIT_INTERRUPTED);
    }
    if let Some(fatal) = stop.fatal.lock().expect("stop").take() {
        return Err(fatal);
    }
    Ok(if reporter.failed_count() > 0 { EXIT_PARTIAL } else { EXIT_OK })
}

/// The key's organization, asked of the server (`GET /me`); an organization given in the
/// credentials must be the key's. A server without `/me` (404) is trusted with the one given.
async fn organization(api: &Api, given: Option<&str>) -> Result<String, Fatal> {
    let me = match api.call(Method::GET, "/me", None).await {
        Ok((me, _)) => me,
        Err(e) if e.is("not_found") && given.is_some() => return Ok(given.unwrap_or_default().to_owned()),
        Err(e) => return Err(fatal(e)),
    };
    let Some(own) = me["idOrganization"].as_str().filter(|o| !o.is_empty()) else {
        return Err((EXIT_ERROR, "GET /me did not name the key's organization".into()));
    };
    match given {
        Some(given) if given != own => Err((
            EXIT_AUTH,
            format!(
                "the key belongs to organization {own}, not to {given} (COFFRE_ORGANIZATION or the credentials file)"
            ),
        )),
        _ => Ok(own.to_owned()),
    }
}

/// Every file's SHA-256 (by index into `entries`), `--jobs` at a time off the runtime.
async fn hash_all(entries: &[Entry], opts: &ImportOpts, reporter: &Reporter, stop: &Stop) -> HashMap<usize, String> {
    let journal = Arc::new(Mutex::new(Journal::open(Journal::default_path(), !opts.dry_run)));
    let total: u64 = entries.iter().map(|e| e.size).sum();
    reporter.start_phase("hashing", entries.len() as u64, total);
    let done = AtomicU64::new(0);
    let count = entries.len() as u64;
    let results: Vec<(usize, Option<String>)> = stream::iter(entries.iter().enumerate())
        .map(|(i, entry)| {
            let journal = journal.clone();
            let done = &done;
            async move {
                if stop.stopped() {
                    return (i, None);
                }
                if entry.size > MAX_SIZE {
                    // Refused whatever it holds: not worth reading.
                    reporter.advance(done.fetch_add(1, Ordering::SeqCst) + 1, count, entry.size);
                    return (i, Some(String::new()));
                }
                let known = journal.lock().expect("journal").get(entry);
                let hash = match known {
                    Some(hash) => Some(hash),
                    None => {
                        let path = entry.path.clone();
                        let hash = tokio::task::spawn_blocking(move || scan::hash_file(&path)).await.ok();
                        let hash = hash.and_then(Result::ok);
                        if let Some(h) = &hash {
                            journal.lock().expect("journal").record(entry, h);
                        }
                        hash
                    }
                };
                reporter.advance(done.fetch_add(1, Ordering::SeqCst) + 1, count, entry.size);
                (i, hash)
            }
        })
        .buffer_unordered(usize::from(opts.jobs))
        .collect()
        .await;
    reporter.finish_phase();
    let mut hashes = HashMap::new();
    for (i, hash) in results {
        match hash {
            Some(h) => {
                hashes.insert(i, h);
            }
            None if !stop.stopped() => reporter.file(Outcome::failed(
                &entries[i].rel,
                entries[i].size,
                "unreadable",
                "the file cannot be read",
            )),
            None => {}
        }
    }
    hashes
}

/// What the server holds of these contents: hash -> matches.
async fn lookup<'a>(
    api: &Api,
    hashes: impl Iterator<Item = &'a String>,
) -> Result<HashMap<String, Vec<Value>>, Failure> {
    // Files too large to import were not hashed (empty).
    let unique: Vec<&String> = hashes.filter(|h| !h.is_empty()).collect::<HashSet<_>>().into_iter().collect();
    let mut held: HashMap<String, Vec<Value>> = HashMap::new();
    for batch in unique.chunks(LOOKUP_BATCH) {
        let body = json!({ "sha256": batch });
        let (answer, _) = api.call(Method::POST, &api.org_path("/files/lookup"), Some(&body)).await?;
        for m in answer["matches"].as_array().into_iter().flatten() {
            let hash = m["sha256"].as_str().unwrap_or_default().to_owned();
            held.entry(hash).or_default().push(m.clone());
        }
    }
    Ok(held)
}

/// Local folder path -> server folder id (`None`: the top level, or not created in a dry run).
type Places = HashMap<Vec<String>, Option<String>>;

/// Creates (or finds) a folder for each local directory, parents first.
async fn mirror_folders(
    api: &Api,
    folders: &mut Folders,
    root: &Option<String>,
    dirs: &[Vec<String>],
    dry_run: bool,
) -> Result<Places, Failure> {
    let mut places: Places = HashMap::from([(Vec::new(), root.clone())]);
    for dir in dirs {
        let parent = places.get(&dir[..dir.len() - 1]).cloned().flatten();
        let parent_known = dir.len() == 1 || parent.is_some();
        let name = dir.last().expect("a directory has a name");
        let id = match (parent_known, dry_run) {
            (true, false) => Some(folders.ensure(api, &parent, name).await?),
            (true, true) => folders.find(&parent, name),
            (false, _) => None,
        };
        places.insert(dir.clone(), id);
    }
    Ok(places)
}

/// What to do with each hashed file.
enum Action {
    Done(Outcome),
    Upload {
        folder: Option<String>,
        exists: bool,
    },
    /// Same content as the file at this index, which goes first.
    Follow(usize),
}

struct Plan<'a> {
    entries: &'a [Entry],
    hashes: &'a HashMap<usize, String>,
    actions: Vec<(usize, Action)>,
}

impl<'a> Plan<'a> {
    fn new(
        entries: &'a [Entry],
        hashes: &'a HashMap<usize, String>,
        held: &HashMap<String, Vec<Value>>,
        places: &Places,
        id_year: &str,
    ) -> Self {
        let mut leaders: HashMap<&str, usize> = HashMap::new();
        let mut actions = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let Some(hash) = hashes.get(&i) else { continue };
            let folder = places.get(&entry.folders).cloned().flatten();
            let exists = entry.folders.is_empty() || folder.is_some();
            let action = if entry.size > MAX_SIZE {
                Action::Done(too_large(entry))
            } else if let Some(matches) = held.get(hash) {
                Action::Done(already_held(entry, matches, &folder, id_year))
            } else if remote::mime_for(&entry.name).is_none() {
                Action::Done(Outcome::failed(
                    &entry.rel,
                    entry.size,
                    "unsupported_media_type",
                    "not a type the API accepts",
                ))
            } else if let Some(&leader) = leaders.get(hash.as_str()) {
                Action::Follow(leader)
            } else {
                leaders.insert(hash, i);
                Action::Upload { folder, exists }
            };
            actions.push((i, action));
        }
        Self { entries, hashes, actions }
    }
}

fn too_large(entry: &Entry) -> Outcome {
    let detail = format!("{} bytes, over the maximum of {MAX_SIZE}", entry.size);
    Outcome::failed(&entry.rel, entry.size, "file_too_large", detail)
}

/// A content the organization holds: already imported here (same year, folder and name),
/// else a duplicate of the first available copy, else of one in the trash.
fn already_held(entry: &Entry, matches: &[Value], folder: &Option<String>, id_year: &str) -> Outcome {
    let same_place = matches.iter().find(|m| {
        m["status"] == "available"
            && m["idYear"] == id_year
            && m["idFolder"].as_str() == folder.as_deref()
            && m["name"] == entry.name.as_str()
    });
    let available = matches.iter().find(|m| m["status"] == "available");
    let (status, found) = match (same_place, available) {
        (Some(m), _) => (Status::Skipped, m),
        (None, Some(m)) => (Status::Duplicate, m),
        (None, None) => (Status::Duplicate, &matches[0]),
    };
    let mut outcome = Outcome::new(&entry.rel, status, entry.size);
    outcome.id_file = found["idFile"].as_str().map(str::to_owned);
    outcome.trashed = found["status"] == "deleted";
    if status == Status::Skipped {
        outcome.detail = Some("already_imported".into());
    }
    outcome
}

/// Pending records in the folders files go to, by (folder, name).
type PendingMap = HashMap<(Option<String>, String), Vec<Pending>>;

async fn collect_pending(api: &Api, plan: &Plan<'_>) -> Result<PendingMap, Failure> {
    let mut seen = HashSet::new();
    let mut map = PendingMap::new();
    for (_, action) in &plan.actions {
        let Action::Upload { folder, exists: true } = action else { continue };
        if seen.insert(folder.clone()) {
            for (name, records) in remote::pending_in(api, folder).await? {
                map.insert((folder.clone(), name), records);
            }
        }
    }
    // Only records named like a file this run uploads are its business; others may be
    // someone's upload in progress.
    let uploading: HashSet<(Option<String>, &str)> = plan
        .actions
        .iter()
        .filter_map(|(i, action)| match action {
            Action::Upload { folder, .. } => Some((folder.clone(), plan.entries[*i].name.as_str())),
            _ => None,
        })
        .collect();
    map.retain(|(folder, name), _| uploading.contains(&(folder.clone(), name.as_str())));
    Ok(map)
}

/// Uploads the plan's files `--jobs` at a time, then reports the duplicates within the tree.
async fn execute(api: &Api, plan: Plan<'_>, pending: PendingMap, opts: &ImportOpts, reporter: &Reporter, stop: &Stop) {
    let pending = Mutex::new(pending);
    let mut uploads = Vec::new();
    let mut followers = Vec::new();
    for (i, action) in plan.actions {
        match action {
            Action::Done(mut outcome) => {
                outcome.sha256 = plan.hashes.get(&i).filter(|h| !h.is_empty()).cloned();
                reporter.file(outcome);
            }
            Action::Upload { folder, .. } => uploads.push((i, folder)),
            Action::Follow(leader) => followers.push((i, leader)),
        }
    }
    let total: u64 = uploads.iter().map(|(i, _)| plan.entries[*i].size).sum();
    reporter.start_phase("uploading", uploads.len() as u64, total);
    let done = AtomicU64::new(0);
    let count = uploads.len() as u64;
    let leaders: HashMap<usize, Outcome> = stream::iter(uploads)
        .map(|(i, folder)| {
            let (entry, hash) = (&plan.entries[i], &plan.hashes[&i]);
            let pending = &pending;
            let done = &done;
            async move {
                if stop.stopped() {
                    return None;
                }
                let outcome = upload_one(api, entry, hash, &folder, pending, opts.dry_run, stop).await?;
                reporter.advance(done.fetch_add(1, Ordering::SeqCst) + 1, count, entry.size);
                reporter.file(outcome.clone());
                Some((i, outcome))
            }
        })
        .buffer_unordered(usize::from(opts.jobs))
        .filter_map(|x| async move { x })
        .collect()
        .await;
    reporter.finish_phase();
    for (i, leader) in followers {
        let Some(first) = leaders.get(&leader) else { continue };
        let entry = &plan.entries[i];
        let mut outcome = match (&first.status, &first.code) {
            // The same bytes meet the same refusal.
            (Status::Failed, Some(code)) => Outcome::failed(&entry.rel, entry.size, code, format!("as {}", first.path)),
            _ => Outcome::new(&entry.rel, Status::Duplicate, entry.size),
        };
        outcome.id_file = first.id_file.clone();
        outcome.sha256 = plan.hashes.get(&i).cloned();
        outcome.duplicate_of = Some(first.path.clone());
        outcome.dry_run = opts.dry_run;
        reporter.file(outcome);
    }
    if !opts.dry_run && !stop.stopped() {
        // Records of an earlier run that this one did not reuse (their content changed).
        for records in pending.into_inner().expect("pending").into_values() {
            for record in records {
                remote::discard(api, &record.id).await;
            }
        }
    }
}

/// One file: reuse the earlier run's pending record of the same name and content if any.
async fn upload_one(
    api: &Api,
    entry: &Entry,
    hash: &str,
    folder: &Option<String>,
    pending: &Mutex<PendingMap>,
    dry_run: bool,
    stop: &Stop,
) -> Option<Outcome> {
    let reuse = {
        let mut map = pending.lock().expect("pending");
        let records = map.entry((folder.clone(), entry.name.clone())).or_default();
        let position = records.iter().position(|r| r.hash.as_deref() == Some(hash));
        position.map(|p| records.remove(p).id)
    };
    if dry_run {
        let mut outcome = Outcome::new(&entry.rel, Status::Uploaded, entry.size);
        outcome.sha256 = Some(hash.to_owned());
        outcome.dry_run = true;
        return Some(outcome);
    }
    match remote::upload(api, entry, hash, folder, reuse).await {
        Ok(mut outcome) => {
            outcome.sha256 = Some(hash.to_owned());
            Some(outcome)
        }
        Err(e) => {
            let fatal = fatal(e);
            stop.fatal.lock().expect("stop").get_or_insert(fatal.clone());
            Some(Outcome::failed(
                &entry.rel,
                entry.size,
                if fatal.0 == EXIT_AUTH { "unauthorized" } else { "network" },
                fatal.1,
            ))
        }
    }
}
