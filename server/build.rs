//! Rebuilds the server when a migration is added (`sqlx::migrate!` embeds them at compile time,
//! and cargo would not otherwise notice new files), and embeds the browser files in a release
//! binary, so an installation is one file and its database.
//!
//! The browser files are embedded only when `cargo leptos build --release --precompress` built
//! them: that command builds the front end, writes `.gz` and `.br` beside each file, and only
//! then compiles the server. A plain build compiles the server alongside the front end, while
//! the files are still being written, so nothing is embedded and they are served from disk.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=../migrations");
    println!("cargo::rerun-if-env-changed=LEPTOS_SITE_ROOT");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = match std::env::var("LEPTOS_SITE_ROOT") {
        Ok(r) if Path::new(&r).is_absolute() => PathBuf::from(r),
        Ok(r) => manifest.join("..").join(r),
        Err(_) => manifest.join("../target/site"),
    };
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    // Only a release build watches the site: a debug build never embeds, and watching would
    // recompile the server (and every test) whenever the front end is rebuilt.
    if release {
        println!("cargo::rerun-if-changed={}", root.display());
    }
    let precompressed = root.join("pkg/hoering.wasm.br").is_file();
    let mut files = Vec::new();
    if release && precompressed {
        collect(&root, &root, &mut files);
    }
    files.sort();
    let mut code = String::from(
        "/// The browser files built with this binary: path under the site root, contents,\n/// gzip and brotli versions, and a tag of the contents.\npub static FILES: &[EmbeddedFile] = &[\n",
    );
    for (relative, path) in &files {
        let bytes = std::fs::read(path).unwrap_or_default();
        let variant = |ext: &str| {
            let p = PathBuf::from(format!("{}.{ext}", path.display()));
            if p.is_file() {
                format!("Some(include_bytes!({:?}))", p.display().to_string())
            } else {
                "None".to_string()
            }
        };
        let _ = writeln!(
            code,
            "    EmbeddedFile {{ path: {:?}, bytes: include_bytes!({:?}), gzip: {}, brotli: {}, tag: \"{:016x}\" }},",
            relative,
            path.display().to_string(),
            variant("gz"),
            variant("br"),
            fnv1a(&bytes)
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_site.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("could not write {}: {e}", out.display());
    }
}

/// Every file under `dir`, but not the compressed copies (they ride along with their original).
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if !matches!(path.extension().and_then(|e| e.to_str()), Some("gz" | "br")) {
            let relative = path
                .strip_prefix(root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            files.push((relative, path));
        }
    }
}

/// A 64-bit FNV-1a hash: enough to tell one build's file from another's in an ETag.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
