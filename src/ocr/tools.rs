//! Running the external programs (poppler, tesseract): every run of every program takes a
//! permit from one semaphore (the process's OCR parallelism), has one fixed timeout, and
//! its output is read up to a cap; a program is killed on expiry, on overflow, or when the
//! caller goes away.

use std::ffi::OsStr;
use std::process::Stdio;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::process::Command;
use tokio::sync::Semaphore;

use super::OcrError;

/// Most of a program's error output kept (the rest is read and dropped).
const MAX_STDERR: usize = 64 * 1024;

/// Output of a finished program.
pub struct Ran {
    pub success: bool,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

/// The runner shared by every job of the process.
#[derive(Clone)]
pub struct Tools {
    permits: Arc<Semaphore>,
    timeout: Duration,
}

impl Tools {
    pub fn new(parallel: usize, timeout: Duration) -> Self {
        Self { permits: Arc::new(Semaphore::new(parallel.max(1))), timeout }
    }

    /// Runs `program args...` once a permit is free, with `OMP_THREAD_LIMIT=1` (Tesseract's
    /// OpenMP otherwise oversubscribes the cores; parallelism comes from running pages side
    /// by side). More than `max_stdout` bytes of output fail the run.
    pub async fn run<I, S>(&self, program: &'static str, args: I, max_stdout: usize) -> Result<Ran, OcrError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let _permit = self.permits.acquire().await.map_err(|e| OcrError::Engine(e.to_string()))?;
        let mut child = background(program)
            .args(args)
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| OcrError::Engine(format!("cannot start {program}: {e}")))?;
        let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
        let work = async {
            let (stdout, stderr) =
                tokio::try_join!(read_capped(stdout, max_stdout, program), async { Ok(read_head(stderr).await) },)?;
            let status = child.wait().await.map_err(|e| OcrError::Engine(format!("{program}: {e}")))?;
            Ok(Ran { success: status.success(), stdout, stderr: String::from_utf8_lossy(&stderr).into_owned() })
        };
        // On expiry or overflow, `child` is dropped with the future, which kills it.
        tokio::time::timeout(self.timeout, work).await.map_err(|_| OcrError::Timeout(self.timeout.as_secs()))?
    }
}

/// Niceness of the programs background jobs run (OCR, thumbnails): under load the API's
/// requests get the CPU first, and a backlog of jobs slows down rather than the requests.
const BACKGROUND_NICENESS: &str = "10";

/// `nice -n 10 program`: `nice` execs the program, so the child (its PID, its kill on drop)
/// is the program itself, at a lower CPU priority than the server.
pub fn background(program: &str) -> Command {
    let mut command = Command::new("nice");
    command.args(["-n", BACKGROUND_NICENESS, "--", program]);
    command
}

/// Reads a stream to its end, failing once it passes `max` bytes.
async fn read_capped(
    stream: Option<impl AsyncRead + Unpin>,
    max: usize,
    program: &'static str,
) -> Result<Vec<u8>, OcrError> {
    let Some(mut stream) = stream else { return Ok(Vec::new()) };
    let mut buf = Vec::new();
    (&mut stream).take(max as u64 + 1).read_to_end(&mut buf).await.map_err(|e| OcrError::Engine(e.to_string()))?;
    if buf.len() > max {
        return Err(OcrError::OutputTooLarge(program));
    }
    Ok(buf)
}

/// The first [`MAX_STDERR`] bytes of a stream; the rest is read and dropped, so the program
/// never blocks on a full pipe.
async fn read_head(stream: Option<impl AsyncRead + Unpin>) -> Vec<u8> {
    let Some(mut stream) = stream else { return Vec::new() };
    let mut buf = Vec::new();
    let _ = (&mut stream).take(MAX_STDERR as u64).read_to_end(&mut buf).await;
    let _ = tokio::io::copy(&mut stream, &mut tokio::io::sink()).await;
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn output_past_the_cap_fails_the_run() {
        let tools = Tools::new(1, Duration::from_secs(30));
        let ran = tools.run("head", ["-c", "1000000", "/dev/zero"], 1000).await;
        assert!(matches!(ran, Err(OcrError::OutputTooLarge("head"))));
        let ran = tools.run("head", ["-c", "1000", "/dev/zero"], 1000).await.expect("within the cap");
        assert_eq!(ran.stdout.len(), 1000);
    }

    #[tokio::test]
    async fn a_run_past_the_timeout_is_killed() {
        let tools = Tools::new(1, Duration::from_millis(200));
        let started = std::time::Instant::now();
        let ran = tools.run("sleep", ["5"], 1000).await;
        assert!(matches!(ran, Err(OcrError::Timeout(_))));
        assert!(started.elapsed() < Duration::from_secs(4));
    }

    #[tokio::test]
    async fn runs_share_one_limit() {
        let tools = Tools::new(1, Duration::from_secs(30));
        let started = std::time::Instant::now();
        let (a, b) = tokio::join!(tools.run("sleep", ["0.3"], 10), tools.run("sleep", ["0.3"], 10));
        assert!(a.is_ok() && b.is_ok());
        assert!(started.elapsed() >= Duration::from_millis(600), "one at a time");
    }

    /// Field 19 of /proc/PID/stat: the niceness.
    fn niceness(stat: &str) -> i64 {
        // The command name (field 2) may hold spaces: count from its closing parenthesis.
        let rest = &stat[stat.rfind(')').expect("a stat line") + 2..];
        rest.split_whitespace().nth(16).expect("field 19").parse().expect("a number")
    }

    #[tokio::test]
    async fn programs_run_at_a_lower_priority_than_the_server() {
        let tools = Tools::new(1, Duration::from_secs(30));
        let ran = tools.run("cat", ["/proc/self/stat"], 10_000).await.expect("cat runs");
        let mine = niceness(&std::fs::read_to_string("/proc/self/stat").expect("own stat"));
        let expected = (mine + 10).min(19);
        assert_eq!(niceness(&String::from_utf8_lossy(&ran.stdout)), expected);
    }
}
