//! Logging in and out. Guessing is slowed per account and per client: a growing delay after a
//! few failures, then a clear refusal until the window ends.

use super::db::{self as auth_db};
use super::{Role, SESSION_COOKIE, SESSION_SECONDS, Staff, cookie_value, password};
use crate::state::{AppState, ClientAddr};
use crate::web::error::{FieldErrors, WebError, WebResult, one_error};
use crate::web::form::{Form, Line};
use crate::web::limits::{
    LOGIN_MAX_ACCOUNT_FAILURES, LOGIN_MAX_CLIENT_FAILURES, Limit, login_delay,
};
use crate::web::redirect::{see_other, target_or};
use app::messages::Message;
use axum::extract::State;
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
    let mut res = see_other("/");
    res.headers_mut()
        .insert(header::SET_COOKIE, session_cookie("", 0, state.https));
    Ok(res)
}
