//! Rebuilds the server when a migration is added: `sqlx::migrate!` embeds them at compile time,
//! and cargo would not otherwise notice new files.
fn main() {
    println!("cargo::rerun-if-changed=../migrations");
}
