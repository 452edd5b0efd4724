//! Form errors: the domain core's error codes, as field names and codes the server can echo, and
//! the translated message a reader sees next to each field.

use crate::i18n::*;
use leptos_i18n::I18nContext;
use std::collections::BTreeMap;

/// The message for an error `code` on `field`, in the reader's language.
pub fn error_message(i18n: I18nContext<Locale>, field: &str, code: &str) -> String {
    let s: &str = match (field, code) {
        ("text", "required") => t_string!(i18n, err_text_required),
        ("text", "too_long") => {
            let max = crate::components::format_count(
                i18n.get_locale_untracked(),
                hoering::response::ResponseText::MAX_CHARS,
            );
            return t_string!(i18n, err_text_too_long, max = max).to_string();
        }
        ("name", "required") => t_string!(i18n, err_name_required),
        ("name", _) => t_string!(i18n, err_name_invalid),
        ("email", "required") => t_string!(i18n, err_email_required),
        ("email", _) => t_string!(i18n, err_email_invalid),
        ("sender_kind", _) => t_string!(i18n, err_sender_kind),
        ("organisation", "required") => t_string!(i18n, err_organisation_required),
        ("organisation", _) => t_string!(i18n, err_organisation_invalid),
        ("publication", _) => t_string!(i18n, err_publication_required),
        ("block", _) => t_string!(i18n, block_not_found),
        ("quote", "not_found") => t_string!(i18n, err_quote_not_found),
        ("quote", _) => t_string!(i18n, err_quote_too_long),
        ("login", _) => t_string!(i18n, err_login_failed),
        ("password", _) => t_string!(i18n, err_password_required),
        ("markdown", "required") => t_string!(i18n, err_markdown_required),
        ("markdown", "too_long") => t_string!(i18n, err_markdown_too_long),
        ("markdown", _) => t_string!(i18n, err_markdown_invalid),
        ("url", _) | ("minutes_url", _) => t_string!(i18n, err_link),
        ("title", "too_long") => t_string!(i18n, err_too_long),
        ("title", _) => t_string!(i18n, err_title_required),
        ("label", _) => t_string!(i18n, err_version_label_required),
        ("slug", "taken") => t_string!(i18n, err_slug_taken),
        ("slug", _) => t_string!(i18n, err_slug_invalid),
        ("committee", _) => t_string!(i18n, err_committee_required),
        ("opens", "required") | ("closes", "required") => t_string!(i18n, err_date_required),
        ("closes", "order") => t_string!(i18n, err_date_order),
        ("opens", _) | ("closes", _) => t_string!(i18n, err_date_invalid),
        ("revision", _) => t_string!(i18n, err_stale),
        (_, "future") => t_string!(i18n, err_date_future),
        (_, "order") => t_string!(i18n, err_date_order),
        (_, "required") => t_string!(i18n, err_required),
        (_, "too_long") => t_string!(i18n, err_too_long),
        _ => t_string!(i18n, err_invalid),
    };
    s.to_string()
}

/// The code the UI and the server's echo use for a domain error.
pub fn error_code(error: &hoering::response::FieldError) -> &'static str {
    use hoering::response::FieldError;
    match error {
        FieldError::Required => "required",
        FieldError::TooLong { .. } => "too_long",
        FieldError::Invalid => "invalid",
    }
}

/// A response form's errors as field name to error code.
pub fn response_errors(errors: &hoering::response::FieldErrors) -> BTreeMap<String, String> {
    errors
        .iter()
        .map(|(field, error)| (field.as_str().to_string(), error_code(&error).to_string()))
        .collect()
}
