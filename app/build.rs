//! Generates the `i18n` module (typed translation keys) from `locales/*.json` at build time.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    let i18n_mod_directory = PathBuf::from(out_dir).join("i18n");
    // interpolate_display lets `t_string!` fill values outside views (titles, attributes).
    // Adding a language: its file in locales/ and one line here (and its name in `lang_name`).
    let cfg = Config::new("da")?
        .add_locale("en")?
        .add_locale("ar")?
        .add_locale("uk")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let translations_infos = TranslationsInfos::parse(cfg)?;
    translations_infos.emit_diagnostics();
    translations_infos.rerun_if_locales_changed();
    translations_infos.generate_i18n_module(i18n_mod_directory)?;
    Ok(())
}
