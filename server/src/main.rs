//! The `hoering` binary.

use std::process::ExitCode;

fn main() -> ExitCode {
    // The server runs itself to read an attached file's text (see `attachment::read`): that
    // process starts no runtime, reads no configuration and limits itself first.
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some(server::attachment::read::COMMAND) {
        return server::attachment::read::command(&args.next().unwrap_or_default());
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: the runtime could not be started: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(server::cli::run()) {
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
