//! Running the external programs (poppler, tesseract) with a timeout, killed on expiry or
//! when the caller goes away.

use std::ffi::OsStr;
use std::process::Stdio;
use std::time::Duration;

use tokio::process::Command;

use super::OcrError;

/// Output of a finished program.
pub struct Ran {
    pub success: bool,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// Runs `program args...` with `OMP_THREAD_LIMIT=1` (Tesseract's OpenMP otherwise
/// oversubscribes the cores; parallelism comes from running pages side by side).
pub async fn run<I, S>(program: &str, args: I, timeout: Duration) -> Result<Ran, OcrError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let child = Command::new(program)
        .args(args)
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| OcrError::Engine(format!("cannot start {program}: {e}")))?;
    match tokio::time::timeout(timeout, child.wait_with_output()).await {
        Err(_) => Err(OcrError::Timeout(timeout.as_secs())),
        Ok(Err(e)) => Err(OcrError::Engine(format!("{program}: {e}"))),
        Ok(Ok(out)) => Ok(Ran {
            success: out.status.success(),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }),
    }
}
