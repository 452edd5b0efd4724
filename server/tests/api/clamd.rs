//! A real clamd for the tests, started on a signature database of one line that detects the
//! EICAR test file (the machine cannot download ClamAV's signatures).

use server::attachment::scan::{Clamd, ping};
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The standard anti-virus test file: harmless, and detected by every scanner.
pub const EICAR: &str = r"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/// A clamd of our own, stopped when dropped.
pub struct Daemon {
    child: Child,
    dir: std::path::PathBuf,
    pub clamd: Clamd,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub async fn daemon(name: &str) -> Daemon {
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
    if crate::handmade::running_as_root() {
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

fn clamd_binary() -> &'static str {
    if std::path::Path::new("/usr/sbin/clamd").exists() {
        "/usr/sbin/clamd"
    } else {
        "clamd"
    }
}

/// The app on `engine` scanning with a clamd of its own (named `name`), which lives as long as
/// the returned daemon; `None` when PostgreSQL is not there and not required.
pub async fn app_with_clamd(
    engine: crate::helpers::Engine,
    name: &str,
) -> Option<(Daemon, crate::helpers::TestApp)> {
    let daemon = daemon(&format!("{name}-{engine:?}")).await;
    let scanner = daemon.clamd.clone();
    let app = crate::helpers::app_on(engine, move |c| c.files.clamd = scanner).await?;
    Some((daemon, app))
}
