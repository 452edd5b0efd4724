//! The clerk's access-request page: one e-mail address, and the ZIP of what is held under it.

use crate::components::FieldError;
use crate::components::staff::{LogoutForm, session, staff_form_page};
use crate::forms::error_message;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccessRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = session();
    staff_form_page(user, move |user, echo, locale| async move {
        let title = td_string!(locale, access_title);
        let error = echo
            .error("email")
            .map(|c| error_message(i18n, "email", &c));
        let invalid = error.as_ref().map(|_| "true");
        Ok(view! {
            <Title text=title />
            <LogoutForm user=user.clone() />
            <h1>{title}</h1>
            <p class="lead">{td_string!(locale, access_intro)}</p>
            <ul>
                <li>{td_string!(locale, access_holds_responses)}</li>
                <li>{td_string!(locale, access_holds_signups)}</li>
                <li>{td_string!(locale, access_holds_questions)}</li>
                <li>{td_string!(locale, access_holds_parties)}</li>
            </ul>
            <form method="post" action=crate::routes::ACCESS_REQUEST class="stacked-form" novalidate>
                <input type="hidden" name="csrf" value=user.csrf.clone() />
                <label for="indsigt-email">{td_string!(locale, label_email)}</label>
                <FieldError id="indsigt-email-fejl".to_string() message=Signal::derive(move || error.clone()) />
                <input id="indsigt-email" name="email" type="email" autocomplete="off" value=echo.value("email")
                    aria-invalid=invalid aria-describedby=invalid.map(|_| "indsigt-email-fejl") />
                <p class="hint">{td_string!(locale, access_journaled)}</p>
                <button type="submit" class="button">{td_string!(locale, access_button)}</button>
            </form>
        }.into_any())
    })
}
