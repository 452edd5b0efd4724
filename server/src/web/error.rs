//! One error type for every HTTP handler. The user sees the form again with a message by each
//! field, or a short translated page; the log gets the whole cause chain (never a secret).

use crate::state::AppState;
use crate::web::form::typed;
use crate::web::redirect::see_other;
use crate::web::render::page_with_echo;
use app::forms::FormEcho;
use app::messages::{Message, home_link, locale_from, text};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, Uri, header};

pub type WebResult = Result<Response, WebError>;
type Cause = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug)]
pub enum WebError {
    /// The form had mistakes: the same page again, with what was typed and the error codes.
    Form {
        page: Uri,
        // Boxed: the echo is large, and every `Result<_, WebError>` would carry its size.
        echo: Box<FormEcho>,
        status: StatusCode,
    },
    /// No session: to the login page, then back to `next`.
    LoginRequired { next: String },
    /// A refusal the user can understand, as a short page in their language.
    Refused {
        status: StatusCode,
        message: Message,
    },
    /// A limit was reached; the client may try again after `retry_after` seconds.
    TooMany { retry_after: u64, message: Message },
    /// Our fault: logged with its causes and where it was raised, shown as an opaque 500.
    Internal {
        context: &'static str,
        at: &'static std::panic::Location<'static>,
        cause: Cause,
    },
}

/// Any error of ours becomes an opaque 500 with `?`; the log gets its cause chain and the line
/// of the `?` that raised it. (`WebError` is not itself an `Error`, so this cannot swallow one.)
impl<E: std::error::Error + Send + Sync + 'static> From<E> for WebError {
    #[track_caller]
    fn from(cause: E) -> Self {
        WebError::Internal {
            context: "request failed",
            at: std::panic::Location::caller(),
            cause: Box::new(cause),
        }
    }
}

/// Each field's error code, by the field's name on the page.
pub type FieldErrors = std::collections::BTreeMap<String, String>;

/// One field's error code.
pub fn one_error(field: &str, code: &str) -> FieldErrors {
    [(field.to_string(), code.to_string())].into()
}

impl WebError {
    /// The one way a form goes back: `page` again with `status`, what was typed into `form`
    /// (its struct's text fields, [`typed`]; never the CSRF token, which the page writes
    /// afresh) and each field's error code, which the page shows by its field in the reader's
    /// language.
    pub fn form_again(
        page: &str,
        form: &impl serde::Serialize,
        errors: FieldErrors,
        status: StatusCode,
    ) -> Self {
        let mut values = typed(form);
        values.remove("csrf");
        Self::form(
            page,
            FormEcho {
                values,
                errors,
                preview: None,
            },
            status,
        )
    }

    /// [`WebError::form_again`] with `422 Unprocessable Entity`, the usual answer to a mistake.
    pub fn refused(page: &str, form: &impl serde::Serialize, errors: FieldErrors) -> Self {
        Self::form_again(page, form, errors, StatusCode::UNPROCESSABLE_ENTITY)
    }

    /// A form going back carries `value` as `name` beside what was typed: which of a page's
    /// many forms it was (`response`, `inquiry`), or what the server made of it.
    pub fn with_value(mut self, name: &str, value: impl Into<String>) -> Self {
        if let WebError::Form { echo, .. } = &mut self {
            echo.values.insert(name.to_string(), value.into());
        }
        self
    }

    pub fn form(page: &str, echo: FormEcho, status: StatusCode) -> Self {
        WebError::Form {
            page: page.parse().unwrap_or_else(|_| Uri::from_static("/")),
            echo: Box::new(echo),
            status,
        }
    }

    #[track_caller]
    pub fn internal(
        context: &'static str,
        cause: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        WebError::Internal {
            context,
            at: std::panic::Location::caller(),
            cause: Box::new(cause),
        }
    }

    pub fn not_found() -> Self {
        WebError::Refused {
            status: StatusCode::NOT_FOUND,
            message: Message::NotFound,
        }
    }

    pub fn forbidden() -> Self {
        WebError::Refused {
            status: StatusCode::FORBIDDEN,
            message: Message::Forbidden,
        }
    }

    /// The response for the request whose `headers` are given (for its language and cookies).
    pub async fn respond(self, state: &AppState, headers: &HeaderMap) -> Response {
        match self {
            WebError::Form { page, echo, status } => {
                page_with_echo(state, headers, page, *echo, status).await
            }
            WebError::LoginRequired { next } => see_other(&format!(
                "/login?next={}",
                crate::web::redirect::encode_query(&next)
            )),
            WebError::Refused { status, message } => message_page(headers, status, message),
            WebError::TooMany {
                retry_after,
                message,
            } => {
                let mut res = message_page(headers, StatusCode::TOO_MANY_REQUESTS, message);
                if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
                    res.headers_mut().insert(header::RETRY_AFTER, v);
                }
                res
            }
            WebError::Internal { context, at, cause } => {
                tracing::error!(error = %chain(&*cause), at = %at, "{context}");
                message_page(
                    headers,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Message::Internal,
                )
            }
        }
    }
}

/// A handler's mistake, carried in its response to [`render_errors`]: rendering it needs the
/// state and the request's headers (the reader's language, the session), which
/// `IntoResponse` does not have.
#[derive(Clone)]
struct Unrendered(std::sync::Arc<std::sync::Mutex<Option<WebError>>>);

/// A handler returns `Result<Response, WebError>` ([`WebResult`]); its error is answered by
/// [`render_errors`], the layer around every handler's route.
impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let mut res = StatusCode::INTERNAL_SERVER_ERROR.into_response();
        res.extensions_mut()
            .insert(Unrendered(std::sync::Arc::new(std::sync::Mutex::new(
                Some(self),
            ))));
        res
    }
}

/// The layer that answers a handler's [`WebError`]: the form page again, a short page in the
/// reader's language, the way to the login page, or an opaque 500 with its cause logged.
pub async fn render_errors(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let headers = req.headers().clone();
    let mut res = next.run(req).await;
    let error = res
        .extensions_mut()
        .remove::<Unrendered>()
        .and_then(|u| u.0.lock().ok()?.take());
    match error {
        Some(error) => error.respond(&state, &headers).await,
        None => res,
    }
}

pub use crate::report::chain;

/// A small page with one message in the reader's language (no JavaScript, no user text).
pub fn message_page(headers: &HeaderMap, status: StatusCode, message: Message) -> Response {
    let header_text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let locale = locale_from(
        header_text(header::COOKIE),
        header_text(header::ACCEPT_LANGUAGE),
    );
    let lang = app::messages::locale_code(locale);
    let dir = if locale == app::i18n::Locale::ar {
        "rtl"
    } else {
        "ltr"
    };
    let msg = app::components::escape_html(&text(locale, message));
    let home = app::components::escape_html(&home_link(locale));
    let body = format!(
        "<!DOCTYPE html><html lang=\"{lang}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{msg}</title>\
         <link rel=\"stylesheet\" href=\"/pkg/hoering.css\"></head><body><main id=\"main\" class=\"wrap\">\
         <h1>{msg}</h1><p><a href=\"/\">{home}</a></p></main></body></html>"
    );
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        body,
    )
        .into_response()
}
