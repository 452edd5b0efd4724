//! The folder files are kept in, each under its SHA-256 (`ab/abcdef…`): written whole to a
//! temporary file in the same folder, flushed to disk, then renamed into place, so a file is
//! there complete or not at all. The same content sent twice is kept once.
//!
//! Why a folder rather than the database: files are up to 25 MB and never change, so they
//! would swell the database (and every backup, dump and `hoering export` of it) for no gain;
//! on disk they are read straight into a download. The database keeps each file's name, hash,
//! size, scan and text, beside its response, in the same transaction as the response.

use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Store {
    folder: PathBuf,
}

/// A file being received: removed when dropped unless [`Store::keep`] took it.
pub type Temp = tempfile::NamedTempFile;

impl Store {
    pub fn new(folder: impl Into<PathBuf>) -> Store {
        Store {
            folder: folder.into(),
        }
    }

    /// A new temporary file in the store's own folder (so keeping it is a rename).
    pub fn temp(&self) -> io::Result<Temp> {
        let dir = self.folder.join("tmp");
        std::fs::create_dir_all(&dir)?;
        tempfile::Builder::new().prefix("in-").tempfile_in(dir)
    }

    /// Where a file with this SHA-256 (64 lower-case hex digits) is kept; `None` for anything
    /// else, so no name from outside can reach another path.
    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        let valid = sha256.len() == 64
            && sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        valid.then(|| self.folder.join(&sha256[..2]).join(sha256))
    }

    /// Keeps a received file under its hash: on disk before this returns.
    pub fn keep(&self, temp: Temp, sha256: &str) -> io::Result<PathBuf> {
        let path = self
            .path_of(sha256)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a SHA-256"))?;
        if path.exists() {
            // The same bytes are there already; the temporary file goes.
            return Ok(path);
        }
        temp.as_file().sync_all()?;
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        temp.persist(&path).map_err(|e| e.error)?;
        // The rename itself is durable only once the folder is flushed.
        std::fs::File::open(dir)?.sync_all()?;
        Ok(path)
    }
}

impl Store {
    /// Removes temporary files older than `age`: what a server that stopped mid-upload left.
    /// Another server on the same folder is never receiving into a file that old (a form that
    /// goes quiet for 30 seconds is let go). Returns how many it removed.
    pub fn sweep(&self, age: std::time::Duration) -> usize {
        let Ok(entries) = std::fs::read_dir(self.folder.join("tmp")) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|elapsed| elapsed > age);
            if old && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}
