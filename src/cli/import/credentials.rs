//! Where `coffre import` finds its API key and organization: `COFFRE_API_KEY` and
//! `COFFRE_ORGANIZATION`, else the credentials file `$XDG_CONFIG_HOME/coffre/credentials`
//! (default `~/.config/coffre/credentials`), which must not be readable by group or others.
//!
//! The file holds `name = value` lines (`#` starts a comment, values may be quoted):
//! `api_key = cof_...` and, optionally, `organization = 01...`. Without an organization,
//! the import asks the server whose key it is (`GET /me`).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// A key and, when given, the organization it belongs to. `Debug` hides the key.
#[derive(Clone)]
pub struct Credentials {
    pub api_key: String,
    pub organization: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("api_key", &"<redacted>").field("organization", &self.organization).finish()
    }
}

/// The credentials file's path from the environment.
pub fn default_path() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".config"),
    };
    Some(base.join("coffre").join("credentials"))
}

/// The environment first, then the file; each value may come from either. Only the key is
/// required.
pub fn load() -> Result<Credentials, String> {
    let env = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let (mut api_key, mut organization) = (env("COFFRE_API_KEY"), env("COFFRE_ORGANIZATION"));
    if api_key.is_none() || organization.is_none() {
        if let Some(path) = default_path().filter(|p| p.exists()) {
            let file = read_file(&path)?;
            api_key = api_key.or(file.0);
            organization = organization.or(file.1);
        }
    }
    match api_key {
        Some(api_key) => Ok(Credentials { api_key, organization }),
        None => Err("no API key: set COFFRE_API_KEY or write api_key in the credentials file".into()),
    }
}

/// Reads `(api_key, organization)` from a credentials file, refusing one that group or
/// others may read: a key in such a file is as good as leaked.
pub fn read_file(path: &Path) -> Result<(Option<String>, Option<String>), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(format!(
            "{} is readable by others (mode {mode:o}); run: chmod 600 {}",
            path.display(),
            path.display()
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(parse(&text))
}

fn parse(text: &str) -> (Option<String>, Option<String>) {
    let (mut key, mut org) = (None, None);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let Some((name, value)) = line.split_once('=') else { continue };
        let value = value.trim().trim_matches('"').trim_matches('\'').to_owned();
        match name.trim() {
            "api_key" => key = Some(value),
            "organization" => org = Some(value),
            _ => {}
        }
    }
    (key, org)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, mode: u32) -> PathBuf {
        let path = dir.join("credentials");
        std::fs::write(&path, "# Coffre\napi_key = \"cof_secret\"\norganization = 01ORG\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        path
    }

    #[test]
    fn a_private_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), 0o600);
        assert_eq!(read_file(&path).unwrap(), (Some("cof_secret".into()), Some("01ORG".into())));
    }

    #[test]
    fn a_file_readable_by_group_or_others_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for mode in [0o640, 0o604, 0o644, 0o660] {
            let path = write(dir.path(), mode);
            let err = read_file(&path).unwrap_err();
            assert!(err.contains("chmod 600"), "{mode:o}: {err}");
        }
    }

    #[test]
    fn debug_hides_the_key() {
        let c = Credentials { api_key: "cof_secret".into(), organization: Some("o".into()) };
        assert!(!format!("{c:?}").contains("cof_secret"));
    }
}
