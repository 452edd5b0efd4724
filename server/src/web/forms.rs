//! Form posts: sending a response, logging in and out, creating a hearing, moderating, choosing
//! the language. Each validates with the domain core, and on a mistake renders the same page
//! again with what was typed and a message by each field (no JavaScript needed).

use crate::auth::{self, SESSION_COOKIE, SESSION_SECONDS, cookie_value, db as auth_db, password};
use crate::hearing::{self, HearingFields, db as hearing_db};
use crate::response::{Status, db as response_db};
use crate::web::{AppState, render::page_with_echo};
use app::model::{BlockView, FormEcho, HearingPreview, HearingState, SectionView};
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use hoering::anchoring::TextQuote;
use hoering::response::{ResponseForm, ResponseSubmission};
use http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use serde::Deserialize;
use std::collections::BTreeMap;

fn internal(context: &str, err: impl std::fmt::Debug) -> Response {
    tracing::error!(error = ?err, "{context}");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Der skete en fejl hos os. Prøv igen om lidt.",
    )
        .into_response()
}

fn uri(path: String) -> Uri {
    path.parse().unwrap_or_else(|_| Uri::from_static("/"))
}

/// The response form as posted: the domain's fields plus the optional quoted words.
#[derive(Debug, Deserialize)]
pub struct ResponsePost {
    #[serde(flatten)]
    form: ResponseForm,
    #[serde(default)]
    quote: String,
}

/// Finds the quoted words in the block's text (whitespace as in the text, case as typed, else
/// any case) and builds the quote with its context, or says why not.
fn resolve_quote(block_text: &str, typed: &str) -> Result<Option<TextQuote>, &'static str> {
    let wanted = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if wanted.is_empty() {
        return Ok(None);
    }
    let at = block_text
        .find(&wanted)
        .or_else(|| block_text.to_lowercase().find(&wanted.to_lowercase()))
        .filter(|i| {
            block_text.is_char_boundary(*i) && block_text.is_char_boundary(i + wanted.len())
        });
    let Some(at) = at else {
        return Err("not_found");
    };
    let start = block_text[..at].chars().count();
    let end = start + block_text[at..at + wanted.len()].chars().count();
    TextQuote::from_selection(block_text, start, end)
        .map(Some)
        .map_err(|_| "too_long")
}

/// A response from a citizen.
pub async fn submit_response(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Form(post): Form<ResponsePost>,
) -> Response {
    let ResponsePost { form, quote } = post;
    let pool = &state.db.pool;
    let page = uri(format!("/hoeringer/{slug}/svar"));
    let echo_values = |form: &ResponseForm| -> BTreeMap<String, String> {
        [
            ("text", &form.text),
            ("name", &form.name),
            ("email", &form.email),
            ("sender_kind", &form.sender_kind),
            ("organisation", &form.organisation),
            ("publication", &form.publication),
            ("block", &form.block),
            ("quote", &quote),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
    };
    let hearing = match hearing_db::by_slug(pool, &slug).await {
        Ok(Some(h)) => h,
        Ok(None) => {
            return page_with_echo(
                &state,
                &headers,
                page,
                FormEcho::default(),
                StatusCode::NOT_FOUND,
            )
            .await;
        }
        Err(e) => return internal("loading the hearing failed", e),
    };
    // Outside the window nothing is stored; the page explains that the hearing is closed.
    if crate::backend::card(&hearing).state != HearingState::Open {
        let echo = FormEcho {
            values: echo_values(&form),
            ..Default::default()
        };
        return page_with_echo(&state, &headers, page, echo, StatusCode::FORBIDDEN).await;
    }
    let submission = match ResponseSubmission::parse(&form) {
        Ok(s) => s,
        Err(errors) => {
            let echo = FormEcho {
                values: echo_values(&form),
                errors: app::forms::response_errors(&errors),
                preview: None,
            };
            return page_with_echo(
                &state,
                &headers,
                page,
                echo,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let mut text_quote = None;
    let block = match &submission.block {
        Some(number) => {
            match hearing_db::block_by_number(pool, hearing.version_id, &number.as_str()).await {
                Ok(Some(b)) => {
                    match resolve_quote(&b.text, &quote) {
                        Ok(q) => text_quote = q,
                        Err(code) => {
                            let echo = FormEcho {
                                values: echo_values(&form),
                                errors: [("quote".to_string(), code.to_string())].into(),
                                preview: None,
                            };
                            return page_with_echo(
                                &state,
                                &headers,
                                page,
                                echo,
                                StatusCode::UNPROCESSABLE_ENTITY,
                            )
                            .await;
                        }
                    }
                    Some((b.block_id, b.number))
                }
                Ok(None) => {
                    let echo = FormEcho {
                        values: echo_values(&form),
                        errors: [("block".to_string(), "invalid".to_string())].into(),
                        preview: None,
                    };
                    return page_with_echo(
                        &state,
                        &headers,
                        page,
                        echo,
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )
                    .await;
                }
                Err(e) => return internal("loading the block failed", e),
            }
        }
        None => None,
    };
    let token = match auth::random_token() {
        Ok(t) => t,
        Err(e) => return internal("no random token", e),
    };
    let target = response_db::Target {
        hearing_id: hearing.id,
        version_id: hearing.version_id,
        block,
        quote: text_quote,
    };
    match response_db::insert(pool, &target, &submission, &token).await {
        // Only now, with the response committed, does the citizen get a receipt.
        Ok((id, _)) => {
            tracing::info!(response = id, hearing = %slug, "response received");
            Redirect::to(&format!("/kvittering/{token}")).into_response()
        }
        Err(e) => internal("storing a response failed", e),
    }
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

fn safe_next(next: &str, default: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next.to_string()
    } else {
        default.to_string()
    }
}

fn session_cookie(token: &str, max_age: i64) -> HeaderValue {
    let value =
        format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}");
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let email = form.email.trim().to_lowercase();
    let next = safe_next(&form.next, "/admin");
    let mut errors = BTreeMap::new();
    if email.is_empty() {
        errors.insert("email".to_string(), "required".to_string());
    }
    if form.password.is_empty() {
        errors.insert("password".to_string(), "required".to_string());
    }
    let user = if errors.is_empty() {
        let found = match auth_db::find_credentials(&state.db.pool, &email).await {
            Ok(f) => f,
            Err(e) => return internal("loading credentials failed", e),
        };
        let (user, hash) = match found {
            Some((u, h)) => (Some(u), Some(h)),
            None => (None, None),
        };
        match password::verify(form.password.clone(), hash).await {
            Ok(true) => user,
            Ok(false) => None,
            Err(e) => return internal("verifying a password failed", e),
        }
    } else {
        None
    };
    let Some(user) = user else {
        if errors.is_empty() {
            errors.insert("login".to_string(), "failed".to_string());
            tracing::info!("failed login");
        }
        let echo = FormEcho {
            values: [
                ("email".to_string(), form.email.clone()),
                ("next".to_string(), next),
            ]
            .into(),
            errors,
            preview: None,
        };
        return page_with_echo(
            &state,
            &headers,
            uri("/login".into()),
            echo,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    };
    match auth_db::create_session(&state.db.pool, user.id).await {
        Ok(token) => {
            tracing::info!(user = user.id, "logged in");
            let mut res = Redirect::to(&next).into_response();
            res.headers_mut()
                .insert(header::SET_COOKIE, session_cookie(&token, SESSION_SECONDS));
            res
        }
        Err(e) => internal("creating a session failed", e),
    }
}

/// The session behind the request, if its CSRF token matches the form's.
async fn session_with_csrf(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
) -> Result<auth_db::Session, Response> {
    let Some(token) = cookie_value(headers, SESSION_COOKIE) else {
        return Err(Redirect::to("/login").into_response());
    };
    match auth_db::find_session(&state.db.pool, token).await {
        Ok(Some(s)) if auth::constant_time_eq(&s.csrf, csrf) => Ok(s),
        Ok(Some(_)) => {
            tracing::warn!("CSRF token mismatch");
            Err((
                StatusCode::FORBIDDEN,
                "Formularen er udløbet. Gå tilbage, genindlæs siden og prøv igen.",
            )
                .into_response())
        }
        Ok(None) => Err(Redirect::to("/login").into_response()),
        Err(e) => Err(internal("session lookup failed", e)),
    }
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Err(res) = session_with_csrf(&state, &headers, &form.csrf).await {
        return res;
    }
    if let Some(token) = cookie_value(&headers, SESSION_COOKIE)
        && let Err(e) = auth_db::delete_session(&state.db.pool, token).await
    {
        return internal("deleting a session failed", e);
    }
    let mut res = Redirect::to("/").into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie("", 0));
    res
}

#[derive(Debug, Deserialize)]
pub struct ModerateForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    back: String,
}

pub async fn moderate(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(form): Form<ModerateForm>,
) -> Response {
    let session = match session_with_csrf(&state, &headers, &form.csrf).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let Some(status) = Status::parse(&form.status) else {
        return (StatusCode::UNPROCESSABLE_ENTITY, "Ukendt status.").into_response();
    };
    match response_db::set_status(&state.db.pool, id, status, session.user.id).await {
        Ok(Some(slug)) => {
            let back = safe_next(&form.back, &format!("/admin/hoeringer/{slug}"));
            Redirect::to(&format!("{back}#r-{id}")).into_response()
        }
        Ok(None) => (StatusCode::NOT_FOUND, "Høringssvaret findes ikke.").into_response(),
        Err(e) => internal("moderating failed", e),
    }
}

/// The text fields of a multipart form, and its uploaded `file` if one was chosen.
async fn read_multipart(
    mut multipart: Multipart,
) -> Result<(BTreeMap<String, String>, Option<Vec<u8>>), Response> {
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let mut file: Option<Vec<u8>> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                match field.bytes().await {
                    Ok(bytes) if name == "file" => {
                        if !bytes.is_empty() {
                            file = Some(bytes.to_vec());
                        }
                    }
                    Ok(bytes) => {
                        fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
                    }
                    Err(e) => return Err((e.status(), e.body_text()).into_response()),
                }
            }
            Ok(None) => return Ok((fields, file)),
            Err(e) => return Err((e.status(), e.body_text()).into_response()),
        }
    }
}

/// A staff form with a draft: its fields, the Markdown (an uploaded file wins over the pasted
/// text), and an error if the file was not UTF-8. Refuses the request without a valid session
/// and CSRF token.
struct StaffDraft {
    fields: BTreeMap<String, String>,
    markdown: String,
    errors: BTreeMap<String, String>,
}

impl StaffDraft {
    fn get(&self, k: &str) -> String {
        self.fields.get(k).cloned().unwrap_or_default()
    }
}

async fn read_staff_draft(
    state: &AppState,
    headers: &HeaderMap,
    multipart: Multipart,
) -> Result<StaffDraft, Response> {
    let (fields, file) = read_multipart(multipart).await?;
    let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
    session_with_csrf(state, headers, &get("csrf")).await?;
    let mut errors = BTreeMap::new();
    let markdown = match file.map(String::from_utf8) {
        Some(Ok(text)) => text,
        Some(Err(_)) => {
            errors.insert("markdown".to_string(), "invalid".to_string());
            get("markdown")
        }
        None => get("markdown"),
    };
    Ok(StaffDraft {
        fields,
        markdown,
        errors,
    })
}

/// The clerk's next version of a hearing's text, pasted or uploaded; then what changed.
pub async fn create_version(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let draft = match read_staff_draft(&state, &headers, multipart).await {
        Ok(d) => d,
        Err(res) => return res,
    };
    let get = |k: &str| draft.get(k);
    let (markdown, mut errors) = (draft.markdown.clone(), draft.errors.clone());
    if let Err(code) = hearing::parse_markdown(&markdown) {
        errors
            .entry("markdown".to_string())
            .or_insert(code.to_string());
    }
    let label = get("label").trim().to_string();
    if label.is_empty() {
        errors.insert("label".to_string(), "required".to_string());
    }
    let page = uri(format!("/admin/hoeringer/{slug}/version/ny"));
    if !errors.is_empty() {
        let values = [
            ("label", label),
            ("note", get("note")),
            ("markdown", markdown),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let echo = FormEcho {
            values,
            errors,
            preview: None,
        };
        return page_with_echo(
            &state,
            &headers,
            page,
            echo,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let policy: Option<String> = match sqlx::query_scalar(
        "SELECT p.slug FROM policies p JOIN hearings h ON h.policy_id = p.id WHERE h.slug = $1",
    )
    .bind(&slug)
    .fetch_optional(&state.db.pool)
    .await
    {
        Ok(p) => p,
        Err(e) => return internal("finding the policy failed", e),
    };
    let Some(policy) = policy else {
        return (StatusCode::NOT_FOUND, "Høringen findes ikke.").into_response();
    };
    let note = get("note");
    match crate::version::db::add_version(&state.db.pool, &policy, &label, note.trim(), &markdown)
        .await
    {
        Ok(added) => {
            tracing::info!(hearing = %slug, version = added.number, "version added");
            Redirect::to(&format!(
                "/hoeringer/{slug}/aendringer?til={}",
                added.number
            ))
            .into_response()
        }
        Err(e) => internal("adding a version failed", e),
    }
}

/// The clerk's new hearing: preview or create, from pasted or uploaded Markdown.
pub async fn create_hearing(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let draft = match read_staff_draft(&state, &headers, multipart).await {
        Ok(d) => d,
        Err(res) => return res,
    };
    let get = |k: &str| draft.get(k);
    let (markdown, errors) = (draft.markdown.clone(), draft.errors.clone());
    let input = HearingFields {
        markdown: markdown.clone(),
        title: get("title"),
        slug: get("slug"),
        committee: get("committee"),
        contact: get("contact"),
        opens: get("opens"),
        closes: get("closes"),
    };
    let values: BTreeMap<String, String> = [
        ("markdown", markdown),
        ("title", input.title.clone()),
        ("slug", input.slug.clone()),
        ("committee", input.committee.clone()),
        ("contact", input.contact.clone()),
        ("opens", input.opens.clone()),
        ("closes", input.closes.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let page = uri("/admin/hoeringer/ny".into());
    let prepared = hearing::prepare(&input, true);
    let preview_of = |doc: &hoering::document::Document| HearingPreview {
        title: doc.title.clone(),
        sections: doc
            .sections
            .iter()
            .map(|s| SectionView {
                number: s.number,
                level: s.level,
                heading: s.heading.clone(),
                blocks: s.blocks.iter().map(block_view).collect(),
            })
            .collect(),
        footnotes: doc.footnotes.iter().map(block_view).collect(),
    };
    if get("action") == "preview" {
        let (preview, mut field_errors) = match &prepared {
            Ok(h) => (Some(preview_of(&h.document)), BTreeMap::new()),
            Err(rejected) => (
                rejected.document.as_ref().map(preview_of),
                rejected.errors.clone(),
            ),
        };
        // A preview only complains about the draft itself; the rest may be filled in later.
        field_errors.retain(|k, _| k == "markdown");
        field_errors.extend(errors);
        let echo = FormEcho {
            values,
            errors: field_errors,
            preview,
        };
        let status = if echo.errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        return page_with_echo(&state, &headers, page, echo, status).await;
    }
    match prepared {
        Ok(new) if errors.is_empty() => match hearing_db::store(&state.db.pool, &new).await {
            Ok(_) => {
                Redirect::to(&format!("/admin/hoeringer/{}", new.slug.as_ref())).into_response()
            }
            Err(hearing_db::StoreError::SlugTaken(_)) => {
                let echo = FormEcho {
                    values,
                    errors: [("slug".to_string(), "taken".to_string())].into(),
                    preview: Some(preview_of(&new.document)),
                };
                page_with_echo(&state, &headers, page, echo, StatusCode::CONFLICT).await
            }
            Err(e) => internal("storing a hearing failed", e),
        },
        Ok(new) => {
            let echo = FormEcho {
                values,
                errors,
                preview: Some(preview_of(&new.document)),
            };
            page_with_echo(
                &state,
                &headers,
                page,
                echo,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(rejected) => {
            let mut field_errors = rejected.errors;
            field_errors.extend(errors);
            let echo = FormEcho {
                values,
                errors: field_errors,
                preview: rejected.document.as_ref().map(preview_of),
            };
            page_with_echo(
                &state,
                &headers,
                page,
                echo,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

fn block_view(b: &hoering::document::Block) -> BlockView {
    BlockView {
        id: b.id.as_str().to_string(),
        number: b.number.as_str(),
        kind: b.kind.as_str().to_string(),
        html: b.html.clone(),
        published_responses: 0,
    }
}

/// Remembers the reader's language in the cookie the i18n layer reads, then goes back.
pub async fn set_language(Path(locale): Path<String>, headers: HeaderMap) -> Response {
    let locale = match locale.as_str() {
        "da" | "en" => locale,
        _ => return (StatusCode::NOT_FOUND, "Ukendt sprog.").into_response(),
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    // Back to the page the reader came from, if it was on this site.
    let back = headers
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest.to_string()))
        .and_then(|rest| rest.strip_prefix(host).map(str::to_string))
        .filter(|p| p.starts_with('/'))
        .unwrap_or_else(|| "/".to_string());
    let mut res = Redirect::to(&back).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "i18n_pref_locale={locale}; Path=/; SameSite=Lax; Max-Age=31536000"
    )) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}
