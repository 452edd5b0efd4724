//! Logging in and out: with a password kept by hoering, or through the municipality's identity
//! provider. Guessing a password is slowed per account and per client: a growing delay after a
//! few failures, then a clear refusal until the window ends.

use super::db::{self as auth_db};
use super::oidc::{self, Callback, FLOW_COOKIE, FLOW_SECONDS, Flow};
use super::{Role, SESSION_COOKIE, SESSION_SECONDS, Staff, cookie_value, password};
use crate::state::{AppState, ClientAddr};
use crate::web::error::{FieldErrors, WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::limits::{
    LOGIN_MAX_ACCOUNT_FAILURES, LOGIN_MAX_CLIENT_FAILURES, Limit, login_delay,
};
use crate::web::redirect::{see_other, target_or};
use app::messages::Message;
use axum::extract::{Query, State};
use axum::response::Response;
use hoering::staff::Permission;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde::{Deserialize, Serialize};

/// The login form; the password is never given back.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct LoginForm {
    email: Line,
    #[serde(skip_serializing)]
    password: String,
    next: String,
}

/// The session cookie; `Secure` when the site is served over HTTPS.
pub fn session_cookie(token: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let value = format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Where a member of staff starts when no page was asked for.
fn start_page(role: Role) -> &'static str {
    if role.may(Permission::ReadAdmin) {
        "/admin"
    } else if role == Role::Council {
        app::routes::COUNCIL_HOME
    } else {
        "/"
    }
}

pub async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Form(form): Form<LoginForm>,
) -> WebResult {
    try_login(&state, &client, form).await
}

async fn try_login(state: &AppState, client: &str, form: LoginForm) -> WebResult {
    if !state.sign_in.local {
        return Err(WebError::form_again(
            "/login",
            &form,
            one_error("login", "local_off"),
            StatusCode::FORBIDDEN,
        ));
    }
    let email = form.email.to_lowercase();
    let mut errors = FieldErrors::new();
    if email.is_empty() {
        errors.insert("email".to_string(), "required".to_string());
    }
    if form.password.is_empty() {
        errors.insert("password".to_string(), "required".to_string());
    }
    if !errors.is_empty() {
        return Err(WebError::refused("/login", &form, errors));
    }
    let limits = &state.limits;
    let account_key = format!("login:{email}");
    let pair_key = format!("login:{email}|{client}");
    let client_key = format!("login:{client}");
    let limit_failed = |e| WebError::internal("reading the login limits failed", e);
    let account = limits
        .count(Limit::LoginAccount, &account_key)
        .await
        .map_err(limit_failed)?;
    let pair = limits
        .count(Limit::LoginPair, &pair_key)
        .await
        .map_err(limit_failed)?;
    let client_count = limits
        .count(Limit::LoginClient, &client_key)
        .await
        .map_err(limit_failed)?;
    // Refused: an address that has guessed wrong on this account too often, or that has
    // failed on it at all while the account is under attack from elsewhere. An address with
    // no failures on the account is only slowed down, so the owner still gets in.
    let under_attack = account.hits >= LOGIN_MAX_ACCOUNT_FAILURES;
    if pair.hits >= LOGIN_MAX_ACCOUNT_FAILURES || (under_attack && pair.hits > 0) {
        tracing::warn!(client, "login refused: too many failures on the account");
        return Err(WebError::TooMany {
            retry_after: pair.minutes_left * 60,
            message: Message::TooManyLogins {
                minutes: pair.minutes_left,
            },
        });
    }
    if client_count.hits >= LOGIN_MAX_CLIENT_FAILURES {
        tracing::warn!(client, "login refused: too many failures from the client");
        return Err(WebError::TooMany {
            retry_after: client_count.minutes_left * 60,
            message: Message::TooManyLogins {
                minutes: client_count.minutes_left,
            },
        });
    }
    // A whole office may share an address, so the client's failures weigh a tenth.
    tokio::time::sleep(login_delay(
        account.hits.max(pair.hits).max(client_count.hits / 10),
    ))
    .await;

    let found = auth_db::find_credentials(&state.db.pool, &email).await?;
    let (user, hash) = match found {
        // An account that signs in through the identity provider has no password (an empty
        // hash): it is answered like an unknown address, in the same time.
        Some((_, h)) if h.is_empty() => (None, None),
        Some((u, h)) => (Some(u), Some(h)),
        None => (None, None),
    };
    let verified = match password::verify(form.password.clone(), hash).await {
        Ok(ok) => ok,
        Err(password::PasswordError::Busy) => {
            return Err(WebError::TooMany {
                retry_after: 5,
                message: Message::Busy,
            });
        }
        Err(e) => return Err(WebError::internal("verifying a password failed", e)),
    };
    let Some(user) = user.filter(|_| verified) else {
        limits
            .add(Limit::LoginAccount, &account_key)
            .await
            .map_err(limit_failed)?;
        limits
            .add(Limit::LoginPair, &pair_key)
            .await
            .map_err(limit_failed)?;
        limits
            .add(Limit::LoginClient, &client_key)
            .await
            .map_err(limit_failed)?;
        tracing::info!("failed login");
        return Err(WebError::form_again(
            "/login",
            &form,
            one_error("login", "failed"),
            StatusCode::UNAUTHORIZED,
        ));
    };
    // Only this address's failures are forgiven: the account's own count stays until its
    // window ends, so a guesser elsewhere gains nothing from the owner's success.
    limits
        .reset(Limit::LoginPair, &pair_key)
        .await
        .map_err(limit_failed)?;
    let token = auth_db::create_session(&state.db.pool, user.id).await?;
    tracing::info!(user = user.id, "logged in");
    let mut res = see_other(target_or(&form.next, start_page(user.role)));
    res.headers_mut().insert(
        header::SET_COOKIE,
        session_cookie(&token, SESSION_SECONDS, state.https),
    );
    Ok(res)
}

/// `POST /logout`: any role may log out; the security layer has checked the form's token.
pub async fn logout(State(state): State<AppState>, _staff: Staff, headers: HeaderMap) -> WebResult {
    if let Some(token) = cookie_value(&headers, SESSION_COOKIE) {
        auth_db::delete_session(&state.db.pool, token).await?;
    }
    // With an identity provider, the login page says the person is out of hoering and offers
    // to sign out at the provider too (its own session would sign them straight in again).
    let to = if state.sign_in.provider.is_some() {
        "/login?ud=1"
    } else {
        "/"
    };
    let mut res = see_other(to);
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie("", 0, state.https));
    Ok(res)
}

/// The cookie that keeps a sign-in's flow while the person is at the provider: only sent back
/// to the callback, gone after ten minutes or once used.
fn flow_cookie(value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let value = format!(
        "{FLOW_COOKIE}={value}; Path=/login/oidc; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The login page again, explaining why the provider's sign-in did not go through.
fn provider_refusal(next: &str, code: &str, status: StatusCode) -> WebError {
    let form = LoginForm {
        next: next.to_string(),
        ..LoginForm::default()
    };
    WebError::form_again("/login", &form, one_error("login", code), status)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BeginQuery {
    next: String,
}

/// `GET /login/oidc`: off to the identity provider, with this attempt's flow in a cookie.
pub async fn begin_provider(
    State(state): State<AppState>,
    Query(query): Query<BeginQuery>,
) -> WebResult {
    let Some(provider) = state.sign_in.provider.as_ref() else {
        return Err(WebError::not_found());
    };
    let next = crate::web::redirect::safe_target(&query.next)
        .unwrap_or("")
        .to_string();
    let (url, flow) = provider.begin(next.clone()).await.map_err(|e| {
        tracing::error!(error = %crate::report::chain(&e), "sign-in: the identity provider is unavailable");
        provider_refusal(&next, e.code(), StatusCode::SERVICE_UNAVAILABLE)
    })?;
    let mut res = crate::web::redirect::see_other_to_provider(&url, provider.issuer());
    res.headers_mut().insert(
        header::SET_COOKIE,
        flow_cookie(&flow.encode(), FLOW_SECONDS, state.https),
    );
    Ok(res)
}

/// `GET /login/oidc/callback`: the provider's answer. The flow's cookie is spent whatever
/// happens; a person none of whose roles is mapped is refused, and any session they still
/// have ends (their access was taken away at the provider).
pub async fn provider_callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(callback): Query<Callback>,
) -> Response {
    let spent = flow_cookie("", 0, state.https);
    let mut res = match finish_provider(&state, &headers, callback).await {
        Ok(res) => res,
        Err(refusal) => refusal.respond(&state, &headers).await,
    };
    res.headers_mut().append(header::SET_COOKIE, spent);
    res
}

async fn finish_provider(state: &AppState, headers: &HeaderMap, callback: Callback) -> WebResult {
    let Some(provider) = state.sign_in.provider.as_ref() else {
        return Err(WebError::not_found());
    };
    let flow = cookie_value(headers, FLOW_COOKIE).and_then(Flow::decode);
    let next = flow.as_ref().map(|f| f.next.clone()).unwrap_or_default();
    let identity = provider.finish(callback, flow).await.map_err(|e| {
        tracing::warn!(error = %crate::report::chain(&e), "sign-in through the identity provider refused");
        let status = match e {
            oidc::SignInError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            oidc::SignInError::State => StatusCode::BAD_REQUEST,
            _ => StatusCode::UNAUTHORIZED,
        };
        provider_refusal(&next, e.code(), status)
    })?;
    let Some(granted) = identity.granted else {
        let revoked =
            auth_db::revoke_provider_account(&state.db.pool, &identity.issuer, &identity.subject)
                .await?;
        if let Some(user_id) = revoked {
            crate::council::db::set_provider_seats(&state.db.pool, user_id, &[]).await?;
        }
        tracing::warn!(
            subject = identity.subject,
            "sign-in refused: no role is mapped"
        );
        return Err(provider_refusal(
            &next,
            "oidc_no_role",
            StatusCode::FORBIDDEN,
        ));
    };
    let user_id = auth_db::provider_account(
        &state.db.pool,
        &identity.issuer,
        &identity.subject,
        &identity.email,
        identity.name.as_deref(),
        granted.role,
    )
    .await
    .map_err(|e| match e {
        auth_db::ProviderAccountError::EmailTaken => {
            tracing::warn!(
                subject = identity.subject,
                "sign-in refused: the e-mail address belongs to another person's account"
            );
            provider_refusal(&next, "oidc_email_taken", StatusCode::CONFLICT)
        }
        auth_db::ProviderAccountError::Db(e) => WebError::from(e),
    })?;
    let seats: Vec<&str> = granted.seats.iter().map(|s| s.as_str()).collect();
    let unknown = crate::council::db::set_provider_seats(&state.db.pool, user_id, &seats).await?;
    if !unknown.is_empty() {
        tracing::warn!(
            ?unknown,
            "HOERING_OIDC_ROLES names councils that do not exist"
        );
    }
    let token = auth_db::create_session(&state.db.pool, user_id).await?;
    tracing::info!(
        user = user_id,
        role = granted.role.as_str(),
        "signed in through the identity provider"
    );
    let mut res = see_other(target_or(&next, start_page(granted.role)));
    res.headers_mut().insert(
        header::SET_COOKIE,
        session_cookie(&token, SESSION_SECONDS, state.https),
    );
    Ok(res)
}

/// `GET /login/oidc/logout`: on to the provider's own sign-out, when it has one.
pub async fn provider_logout(State(state): State<AppState>) -> Response {
    let Some(provider) = state.sign_in.provider.as_ref() else {
        return see_other("/login");
    };
    match provider.end_session().await {
        Some(url) => crate::web::redirect::see_other_to_provider(&url, provider.issuer()),
        None => see_other("/login"),
    }
}
