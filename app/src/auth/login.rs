//! Staff log in here, through the municipality's identity provider or with a password kept by
//! hoering (or both); citizens never need an account.

use crate::components::{FieldError, encode_query};
use crate::forms::form_echo;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let echo = form_echo();
    let query = use_query_map();
    let next = echo
        .values
        .get("next")
        .cloned()
        .or_else(|| query.read_untracked().get("next"))
        .filter(|n| n.starts_with('/') && !n.starts_with("//"))
        // Empty: the server sends each role to its own start page (clerks /admin, councils /raad).
        .unwrap_or_default();
    let logged_out = query.read_untracked().get("ud").is_some();
    // Server-rendered only: the page has no island, so the configuration is read where it is.
    let sign_in = use_context::<crate::site::Site>()
        .unwrap_or_default()
        .sign_in;
    let err = |f: &'static str| echo.message_signal(i18n, f);
    let failed = echo.message(i18n, "login");
    let title = t_string!(i18n, login_title).to_string();
    let provider_name = sign_in.provider.clone();
    let out = logged_out.then(|| {
        let offer = provider_name.clone().map(|provider| {
            view! {
                <p><a href="/login/oidc/logout">{t_string!(i18n, logout_provider, provider = provider.clone()).to_string()}</a></p>
            }
        });
        view! {
            <div class="notice" role="status">
                <p>{t!(i18n, logged_out)}</p>
                {offer}
            </div>
        }
    });
    let provider = provider_name.map(|provider| {
        let href = if next.is_empty() {
            "/login/oidc".to_string()
        } else {
            format!("/login/oidc?next={}", encode_query(&next))
        };
        view! {
            <p><a class="button" href=href>{t_string!(i18n, login_with, provider = provider.clone()).to_string()}</a></p>
        }
    });
    let both = sign_in.local && sign_in.provider.is_some();
    let password = sign_in.local.then(|| {
        view! {
            {both.then(|| view! { <h2>{t!(i18n, login_with_password)}</h2> })}
            <form method="post" action="/login" class="narrow-form">
                <input type="hidden" name="next" value=next.clone() />
                <div class="field">
                    <label for="email">{t!(i18n, label_email)}</label>
                    <FieldError id="email-error".to_string() message=err("email") />
                    <input id="email" name="email" type="email" autocomplete="username" value=echo.value("email") />
                </div>
                <div class="field">
                    <label for="password">{t!(i18n, label_password)}</label>
                    <FieldError id="password-error".to_string() message=err("password") />
                    <input id="password" name="password" type="password" autocomplete="current-password" />
                </div>
                <button type="submit" class="button">{t!(i18n, login_button)}</button>
            </form>
        }
    });
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        {out}
        {failed.map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
        {provider}
        {password}
    }
}
