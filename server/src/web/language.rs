//! The language switch: remembers the reader's choice in the cookie the i18n layer reads, then
//! goes back to the page they came from (when it is a page of this site).

use crate::web::redirect::see_other;
use axum::extract::Path;
use axum::response::Response;
use http::{HeaderMap, HeaderValue, header};

pub async fn set_language(Path(locale): Path<String>, headers: HeaderMap) -> Response {
    if app::messages::locale_by_code(&locale).is_none() {
        return crate::web::error::message_page(
            &headers,
            http::StatusCode::NOT_FOUND,
            app::messages::Message::NotFound,
        );
    }
    let back = crate::web::redirect::referring_page(&headers);
    let mut res = see_other(back.as_deref().unwrap_or("/"));
    if let Ok(v) = HeaderValue::from_str(&format!(
        "i18n_pref_locale={locale}; Path=/; SameSite=Lax; Max-Age=31536000"
    )) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

/// The reader's language for what this request makes outside a page (an e-mail, a document,
/// a refusal): the one they read the site in.
pub fn reader_locale(headers: &HeaderMap) -> app::i18n::Locale {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    app::messages::locale_from(text(header::COOKIE), text(header::ACCEPT_LANGUAGE))
}
