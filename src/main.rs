use clap::Parser;
use tracing_subscriber::EnvFilter;

fn main() -> std::process::ExitCode {
    bound_malloc_arenas();
    let cli = coffre::cli::Cli::parse();
    init_logs();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let outcome = runtime.block_on(coffre::cli::run(cli));
    // A blocking task cut short by shutdown (hashing, a program's output) is not waited for.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `COFFRE_LOG` filters (default `info`); `COFFRE_LOG_FORMAT=json` writes one JSON object a
/// line, with the request span's fields (its id, method and route).
fn init_logs() {
    let filter = EnvFilter::try_from_env("COFFRE_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match std::env::var("COFFRE_LOG_FORMAT").as_deref() {
        Ok("json") => builder.json().flatten_event(true).init(),
        _ => builder.init(),
    }
}

/// glibc's allocator gives threads that allocate at once arenas of their own, up to 8 per
/// core, and keeps what they free: the blocking threads that copy and hash uploads and run
/// SQLite reads left the server at 105 MB after `benches/api.sh` on SQLite at 100 000 files,
/// against 70 MB with two arenas, for the same throughput (benches/results/api.md). The
/// variable is read when the process starts, so the process runs itself again with it set
/// (`exec`: same PID, same arguments), unless it is set already (an operator's own value is
/// kept) or the `exec` fails (then it runs as it is).
fn bound_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::unix::process::CommandExt;
        const VAR: &str = "MALLOC_ARENA_MAX";
        if std::env::var_os(VAR).is_some() {
            return;
        }
        let Ok(exe) = std::env::current_exe() else { return };
        let mut args = std::env::args_os();
        let arg0 = args.next().unwrap_or_else(|| exe.clone().into_os_string());
        // Returns only if the exec failed.
        let _ = std::process::Command::new(exe).arg0(arg0).args(args).env(VAR, "2").exec();
    }
}
