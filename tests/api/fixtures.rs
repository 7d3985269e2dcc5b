//! Documents with known truth, generated once per test run by the project's generator
//! (`benches/ocr/generate.py --fixtures`, reportlab + Pillow + factur-x).

use std::path::PathBuf;

use serde_json::Value;
use tokio::sync::OnceCell;

pub struct Fixtures {
    pub dir: PathBuf,
    truth: Vec<Value>,
    _tmp: tempfile::TempDir,
}

impl Fixtures {
    pub fn bytes(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.dir.join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
    }

    /// The true fields of a fixture.
    pub fn truth(&self, name: &str) -> &Value {
        let entry = self.truth.iter().find(|t| t["file"] == name);
        &entry.unwrap_or_else(|| panic!("no truth for {name}"))["fields"]
    }
}

static FIXTURES: OnceCell<Fixtures> = OnceCell::const_new();

pub async fn fixtures() -> &'static Fixtures {
    FIXTURES.get_or_init(generate).await
}

async fn generate() -> Fixtures {
    let tmp = tempfile::tempdir().unwrap();
    let python = std::env::var("COFFRE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/ocr/generate.py");
    let out = tokio::process::Command::new(&python)
        .arg(script)
        .arg("--fixtures")
        .arg("--out")
        .arg(tmp.path())
        .output()
        .await
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    assert!(
        out.status.success(),
        "fixture generator failed (needs reportlab, Pillow, factur-x in {python}):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let truth = std::fs::read_to_string(tmp.path().join("truth.json")).expect("truth.json");
    Fixtures { dir: tmp.path().to_owned(), truth: serde_json::from_str(&truth).expect("truth is JSON"), _tmp: tmp }
}
