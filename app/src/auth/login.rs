//! Staff log in here; citizens never need an account.

use crate::components::FieldError;
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
    let err = |f: &'static str| echo.message_signal(i18n, f);
    let failed = echo.message(i18n, "login");
    let title = t_string!(i18n, login_title).to_string();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        {failed.map(|m| view! { <div class="error-summary" role="alert"><p>{m}</p></div> })}
        <form method="post" action="/login" class="narrow-form">
            <input type="hidden" name="next" value=next />
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
}
