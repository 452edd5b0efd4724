//! The `hoering` binary.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    match server::cli::run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // The whole cause chain, so an operator sees why, not only what.
            let mut message = format!("error: {err}");
            let mut source = std::error::Error::source(&err);
            while let Some(cause) = source {
                message.push_str(&format!("\n  caused by: {cause}"));
                source = cause.source();
            }
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
