//! The local side of an import: which files a tree holds, and their SHA-256s. The journal
//! under `$XDG_STATE_HOME/coffre/` remembers hashes by path, size and modification time, so
//! a second run does not read unchanged files again; it decides nothing else.

use std::collections::HashMap;
use std::io::{BufRead, Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// A regular file to import.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Relative to the imported directory, `/`-separated, for reports.
    pub rel: String,
    pub path: PathBuf,
    /// Folder names from the imported directory down to the file's parent.
    pub folders: Vec<String>,
    pub name: String,
    pub size: u64,
    pub mtime_ns: i64,
}

/// What the walk passed over, and why.
#[derive(Debug, Clone)]
pub struct Passed {
    pub rel: String,
    pub reason: &'static str,
}

/// Files to import, entries passed over, and every directory (as folder names from the root).
pub type Walked = (Vec<Entry>, Vec<Passed>, Vec<Vec<String>>);

/// Names nobody means to file: operating-system litter.
const LITTER: [&str; 3] = ["thumbs.db", "desktop.ini", "icon\r"];

/// Every regular file under `root`, in path order. Hidden entries (a name starting with `.`)
/// and system litter are left out silently; symbolic links are not followed and reported.
pub fn walk(root: &Path) -> Result<Walked, String> {
    let (mut files, mut passed, mut dirs) = (Vec::new(), Vec::new(), Vec::new());
    walk_dir(root, &mut Vec::new(), &mut files, &mut passed, &mut dirs)?;
    Ok((files, passed, dirs))
}

fn walk_dir(
    dir: &Path,
    folders: &mut Vec<String>,
    files: &mut Vec<Entry>,
    passed: &mut Vec<Passed>,
    dirs: &mut Vec<Vec<String>>,
) -> Result<(), String> {
    let read = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut children: Vec<_> = read.filter_map(Result::ok).collect();
    children.sort_by_key(|c| c.file_name());
    for child in children {
        let Some(name) = child.file_name().to_str().map(str::to_owned) else {
            passed.push(Passed { rel: child.path().display().to_string(), reason: "name_not_utf8" });
            continue;
        };
        if name.starts_with('.') || LITTER.contains(&name.to_lowercase().as_str()) {
            continue;
        }
        let rel = folders.iter().chain([&name]).cloned().collect::<Vec<_>>().join("/");
        let meta = std::fs::symlink_metadata(child.path()).map_err(|e| format!("{rel}: {e}"))?;
        if meta.file_type().is_symlink() {
            passed.push(Passed { rel, reason: "symlink" });
        } else if meta.is_dir() {
            folders.push(name);
            dirs.push(folders.clone());
            walk_dir(&child.path(), folders, files, passed, dirs)?;
            folders.pop();
        } else if meta.is_file() {
            let (size, mtime_ns) = (meta.len(), meta.mtime() * 1_000_000_000 + meta.mtime_nsec());
            files.push(Entry { rel, path: child.path(), folders: folders.clone(), name, size, mtime_ns });
        } else {
            passed.push(Passed { rel, reason: "not_a_regular_file" });
        }
    }
    Ok(())
}

/// Streams a file through SHA-256 (call off the async runtime).
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 256 * 1024];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            return Ok(hex::encode(hasher.finalize()));
        }
        hasher.update(&buffer[..n]);
    }
}

/// Hashes already computed, by (absolute path, size, mtime). One line a hash, appended as
/// they are computed: a run killed mid-way keeps what it hashed, and a torn last line is
/// ignored.
pub struct Journal {
    known: HashMap<(String, u64, i64), String>,
    file: Option<std::fs::File>,
}

impl Journal {
    /// `$XDG_STATE_HOME/coffre/import-hashes` (default `~/.local/state/coffre/`).
    pub fn default_path() -> Option<PathBuf> {
        let base = match std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => PathBuf::from(std::env::var_os("HOME")?).join(".local").join("state"),
        };
        Some(base.join("coffre").join("import-hashes"))
    }

    /// Opens (or starts) the journal; without one, every file is hashed each run.
    pub fn open(path: Option<PathBuf>, writable: bool) -> Self {
        let mut known = HashMap::new();
        let Some(path) = path else { return Self { known, file: None } };
        if let Ok(file) = std::fs::File::open(&path) {
            for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
                let mut parts = line.splitn(4, '\t');
                let (Some(hash), Some(size), Some(mtime), Some(p)) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                if let (64, Ok(size), Ok(mtime)) = (hash.len(), size.parse(), mtime.parse()) {
                    known.insert((p.to_owned(), size, mtime), hash.to_owned());
                }
            }
        }
        let file = writable.then(|| open_append(&path)).flatten();
        Self { known, file }
    }

    pub fn get(&self, entry: &Entry) -> Option<String> {
        self.known.get(&key(entry)).cloned()
    }

    pub fn record(&mut self, entry: &Entry, hash: &str) {
        let k = key(entry);
        if let Some(file) = &mut self.file {
            // Paths with a newline cannot be journaled; they are just hashed again.
            if !k.0.contains('\n') {
                let _ = writeln!(file, "{hash}\t{}\t{}\t{}", k.1, k.2, k.0);
            }
        }
        self.known.insert(k, hash.to_owned());
    }
}

fn key(entry: &Entry) -> (String, u64, i64) {
    let path = std::fs::canonicalize(&entry.path).unwrap_or_else(|_| entry.path.clone());
    (path.display().to_string(), entry.size, entry.mtime_ns)
}

fn open_append(path: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::create_dir_all(path.parent()?).ok()?;
    std::fs::OpenOptions::new().create(true).append(true).mode(0o600).open(path).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_skips_hidden_files_and_reports_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("a/b/f.pdf"), b"x").unwrap();
        std::fs::write(dir.path().join(".hidden.pdf"), b"x").unwrap();
        std::fs::write(dir.path().join("Thumbs.db"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("a/b/f.pdf"), dir.path().join("link.pdf")).unwrap();
        let (files, passed, dirs) = walk(dir.path()).unwrap();
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].rel, "a/b/f.pdf");
        assert_eq!(files[0].folders, vec!["a", "b"]);
        assert_eq!(passed.len(), 1);
        assert_eq!(passed[0].reason, "symlink");
        assert_eq!(dirs, vec![vec!["a".to_owned()], vec!["a".to_owned(), "b".to_owned()]]);
    }

    #[test]
    fn the_journal_remembers_hashes_by_path_size_and_mtime() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("f.pdf"), b"abc").unwrap();
        let (files, _, _) = walk(dir.path()).unwrap();
        let journal_path = dir.path().join("state/journal");
        let mut journal = Journal::open(Some(journal_path.clone()), true);
        let hash = hash_file(&files[0].path).unwrap();
        journal.record(&files[0], &hash);
        let reopened = Journal::open(Some(journal_path), false);
        assert_eq!(reopened.get(&files[0]), Some(hash));
        let mut changed = files[0].clone();
        changed.size += 1;
        assert_eq!(reopened.get(&changed), None);
    }
}
