//! The scanner against a real clamd, started here on a signature database of one line that
//! detects the EICAR test file (the machine cannot download ClamAV's signatures).

use super::scan::{Clamd, ScanError, Verdict, ping, scan};
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The standard anti-virus test file: harmless, and detected by every scanner.
pub const EICAR: &str = r"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/// A clamd of our own, stopped when dropped.
struct Daemon {
    child: Child,
    dir: std::path::PathBuf,
    clamd: Clamd,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn daemon(name: &str) -> Daemon {
    let dir = std::env::temp_dir().join(format!("hoering-clamd-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("db")).unwrap();
    let hex: String = EICAR.bytes().map(|b| format!("{b:02x}")).collect();
    std::fs::write(
        dir.join("db/eicar.ndb"),
        format!("Hoering.Test.EICAR:0:*:{hex}\n"),
    )
    .unwrap();
    let socket = dir.join("clamd.sock");
    let mut conf = std::fs::File::create(dir.join("clamd.conf")).unwrap();
    write!(
        conf,
        "DatabaseDirectory {db}\nLocalSocket {socket}\nForeground yes\nLogFile {log}\nStreamMaxLength 30M\n",
        db = dir.join("db").display(),
        socket = socket.display(),
        log = dir.join("clamd.log").display(),
    )
    .unwrap();
    // Debian runs clamd as its own user; as root it must be told to stay root.
    if running_as_root() {
        writeln!(conf, "User root").unwrap();
    }
    drop(conf);
    let child = Command::new(clamd_binary())
        .arg("-c")
        .arg(dir.join("clamd.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("clamd (Debian's clamav-daemon; .ci/setup --test installs it)");
    let clamd = Clamd::Unix(socket);
    let daemon = Daemon { child, dir, clamd };
    for _ in 0..300 {
        if ping(&daemon.clamd).await {
            return daemon;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("clamd did not start within a minute");
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

fn clamd_binary() -> &'static str {
    if std::path::Path::new("/usr/sbin/clamd").exists() {
        "/usr/sbin/clamd"
    } else {
        "clamd"
    }
}

#[test]
fn clamd_addresses_are_read_as_the_readme_writes_them() {
    assert_eq!(Clamd::parse("off"), Ok(Clamd::Off));
    assert_eq!(
        Clamd::parse("unix:/run/clamav/clamd.ctl"),
        Ok(Clamd::Unix("/run/clamav/clamd.ctl".into()))
    );
    assert_eq!(
        Clamd::parse("tcp://127.0.0.1:3310"),
        Ok(Clamd::Tcp("127.0.0.1:3310".into()))
    );
    for bad in [
        "",
        "clamd",
        "unix:relative/path",
        "tcp://127.0.0.1",
        "tcp://:3310",
        "http://x:1",
    ] {
        assert!(Clamd::parse(bad).is_err(), "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_clamd_finds_the_test_virus_and_passes_clean_files() {
    tokio::time::timeout(Duration::from_secs(120), async {
        let daemon = daemon("scan").await;
        let clamd = &daemon.clamd;
        assert_eq!(
            scan(clamd, EICAR.as_bytes()).await.unwrap(),
            Some(Verdict::Infected("Hoering.Test.EICAR.UNOFFICIAL".into()))
        );
        // Inside a Word file (a zip) too: clamd unpacks it.
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(EICAR.as_bytes()).unwrap();
        let docx = zip.finish().unwrap().into_inner();
        assert!(matches!(
            scan(clamd, &docx).await.unwrap(),
            Some(Verdict::Infected(_))
        ));
        // A clean file of several chunks.
        let letter = "Kære Roskilde Kommune, vi har følgende bemærkninger. ".repeat(20_000);
        assert_eq!(
            scan(clamd, letter.as_bytes()).await.unwrap(),
            Some(Verdict::Clean)
        );
        // Scanning switched off says so instead of calling the file clean.
        assert_eq!(scan(&Clamd::Off, EICAR.as_bytes()).await.unwrap(), None);
    })
    .await
    .expect("the scans finish");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clamd_down_is_an_error_not_a_clean_file() {
    let gone = Clamd::Unix(std::env::temp_dir().join("hoering-no-clamd-here.sock"));
    assert!(matches!(
        scan(&gone, EICAR.as_bytes()).await,
        Err(ScanError::Unreachable(_))
    ));
    let closed = Clamd::Tcp("127.0.0.1:1".into());
    assert!(matches!(
        scan(&closed, b"x").await,
        Err(ScanError::Unreachable(_))
    ));
    assert!(!ping(&gone).await);
}
