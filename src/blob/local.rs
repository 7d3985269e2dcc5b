//! The embedded object store: one file per object below a directory. Uploads go to a
//! temporary file, are fsynced, then renamed into place, so a crash never leaves a partial
//! object under a key.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use futures_util::{Stream, StreamExt};
use tokio::io::AsyncWriteExt;

use super::{BlobError, Digest, DigestBuilder, Listed, ObjectKey, UrlSigner};

const TMP_DIR: &str = ".tmp";

#[derive(Debug, Clone)]
pub struct LocalStore {
    root: PathBuf,
    signer: UrlSigner,
}

/// Why a streamed write did not produce an object.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the body was not the announced length")]
    LengthMismatch,
    #[error("the client stream failed: {0}")]
    Body(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl LocalStore {
    /// Opens (creating if needed) a store rooted at `root`.
    pub fn open(root: PathBuf, signer: UrlSigner) -> std::io::Result<Self> {
        std::fs::create_dir_all(root.join(TMP_DIR))?;
        Ok(Self { root, signer })
    }

    pub fn signer(&self) -> &UrlSigner {
        &self.signer
    }

    fn object_path(&self, key: &ObjectKey) -> PathBuf {
        self.root.join(key.path())
    }

    /// Where an object is (or would be) stored.
    pub fn path_of(&self, key: &ObjectKey) -> PathBuf {
        self.object_path(key)
    }

    /// Streams `body` into the object `key`, which appears only once complete and durable.
    pub async fn write<S, E>(&self, key: &ObjectKey, mut body: S, expected_len: u64) -> Result<(), WriteError>
    where
        S: Stream<Item = Result<bytes::Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let tmp = self.root.join(TMP_DIR).join(crate::domain::new_id());
        let result = async {
            let mut file = tokio::fs::File::create(&tmp).await?;
            let mut written: u64 = 0;
            while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(|e| WriteError::Body(e.to_string()))?;
                written += chunk.len() as u64;
                if written > expected_len {
                    return Err(WriteError::LengthMismatch);
                }
                file.write_all(&chunk).await?;
            }
            if written != expected_len {
                return Err(WriteError::LengthMismatch);
            }
            file.sync_all().await?;
            Ok(())
        }
        .await;
        if let Err(e) = result {
            let _ = tokio::fs::remove_file(&tmp).await;
            return Err(e);
        }
        let target = self.object_path(key);
        let dir = target.parent().map(Path::to_path_buf).unwrap_or_else(|| self.root.clone());
        tokio::fs::create_dir_all(&dir).await?;
        tokio::fs::rename(&tmp, &target).await?;
        // The rename itself must survive a crash too.
        tokio::task::spawn_blocking(move || std::fs::File::open(dir)?.sync_all())
            .await
            .map_err(std::io::Error::other)??;
        Ok(())
    }

    pub fn tmp_dir(&self) -> PathBuf {
        self.root.join(TMP_DIR)
    }

    /// Moves a complete file (in [`LocalStore::tmp_dir`]) into place as `key`, durably.
    pub async fn adopt(&self, key: &ObjectKey, file: tempfile::TempPath) -> Result<(), BlobError> {
        let synced = file.to_path_buf();
        tokio::task::spawn_blocking(move || std::fs::File::open(synced)?.sync_all()).await??;
        let target = self.object_path(key);
        let dir = target.parent().map(Path::to_path_buf).unwrap_or_else(|| self.root.clone());
        tokio::fs::create_dir_all(&dir).await?;
        file.persist(&target).map_err(|e| e.error)?;
        tokio::task::spawn_blocking(move || std::fs::File::open(dir)?.sync_all()).await??;
        Ok(())
    }

    /// A hard link: the new name shares the inode, and since objects are only ever replaced by
    /// renaming a new file into place (never written in place), `to` keeps the bytes `from`
    /// had when linked.
    pub async fn copy(&self, from: &ObjectKey, to: &ObjectKey) -> Result<bool, BlobError> {
        let (source, target) = (self.object_path(from), self.object_path(to));
        let run = move || -> std::io::Result<bool> {
            let dir = target.parent().map(Path::to_path_buf).unwrap_or_default();
            std::fs::create_dir_all(&dir)?;
            match std::fs::hard_link(&source, &target) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
                Err(e) => return Err(e),
            }
            // A fresh modification time: the sweeper never takes a copy being finalized for
            // an old orphan.
            std::fs::File::options().write(true).open(&target)?.set_modified(std::time::SystemTime::now())?;
            std::fs::File::open(dir)?.sync_all()?;
            Ok(true)
        };
        Ok(tokio::task::spawn_blocking(run).await??)
    }

    /// Opens an object for reading, with its length.
    pub async fn open_read(&self, key: &ObjectKey) -> std::io::Result<Option<(tokio::fs::File, u64)>> {
        match tokio::fs::File::open(self.object_path(key)).await {
            Ok(file) => {
                let len = file.metadata().await?.len();
                Ok(Some((file, len)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub async fn head(&self, key: &ObjectKey) -> Result<Option<u64>, BlobError> {
        match tokio::fs::metadata(self.object_path(key)).await {
            Ok(meta) => Ok(Some(meta.len())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn digest(&self, key: &ObjectKey) -> Result<Option<Digest>, BlobError> {
        let path = self.object_path(key);
        Ok(tokio::task::spawn_blocking(move || digest_file(&path)).await??)
    }

    pub async fn delete(&self, key: &ObjectKey) -> Result<(), BlobError> {
        match tokio::fs::remove_file(self.object_path(key)).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    pub async fn list(&self) -> Result<Vec<Listed>, BlobError> {
        let root = self.root.clone();
        Ok(tokio::task::spawn_blocking(move || list_dir(&root)).await??)
    }

    /// Removes temporary files older than `before`: uploads interrupted by a crash.
    pub async fn remove_stale_temporaries(&self, before: DateTime<Utc>) -> Result<usize, BlobError> {
        let dir = self.root.join(TMP_DIR);
        let run = move || -> std::io::Result<usize> {
            let mut removed = 0;
            for entry in std::fs::read_dir(dir)? {
                let entry = entry?;
                let modified: DateTime<Utc> = entry.metadata()?.modified()?.into();
                if modified < before && std::fs::remove_file(entry.path()).is_ok() {
                    removed += 1;
                }
            }
            Ok(removed)
        };
        Ok(tokio::task::spawn_blocking(run).await??)
    }

    pub async fn ping(&self) -> Result<(), BlobError> {
        tokio::fs::metadata(self.root.join(TMP_DIR)).await?;
        Ok(())
    }
}

fn digest_file(path: &Path) -> std::io::Result<Option<Digest>> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut digest = DigestBuilder::default();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(Some(digest.finish()));
        }
        digest.update(&buf[..n]);
    }
}

/// Walks `{root}/{org}/{file}/{upload}`; anything not shaped like a key is left alone.
fn list_dir(root: &Path) -> std::io::Result<Vec<Listed>> {
    let mut found = Vec::new();
    for org in std::fs::read_dir(root)? {
        let org = org?;
        if !org.file_type()?.is_dir() || org.file_name() == TMP_DIR {
            continue;
        }
        for file in std::fs::read_dir(org.path())? {
            let file = file?;
            if !file.file_type()?.is_dir() {
                continue;
            }
            for object in std::fs::read_dir(file.path())? {
                let object = object?;
                let raw = format!(
                    "{}/{}/{}",
                    org.file_name().to_string_lossy(),
                    file.file_name().to_string_lossy(),
                    object.file_name().to_string_lossy()
                );
                if let Some(key) = ObjectKey::parse(&raw) {
                    let modified = object.metadata()?.modified()?.into();
                    found.push(Listed { key, modified });
                }
            }
        }
    }
    Ok(found)
}
