//! How an error reaches the log: with its whole cause chain on one line (never shown to a
//! reader). A leaf module: anything may use it.

/// An error and its causes on one line, for the log.
pub fn chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}
