//! What every staff page shares: the session or the login prompt, the logout form, the head of a
//! page reached from the start page, the public's questions with their answer forms (the
//! dashboard and a policy's page), and a council round's dates in words (the clerk's and the
//! councils' pages).

use crate::auth::CurrentUser;
use crate::components::lists::{none_or, section};
use crate::components::page::{found_or, suspended};
use crate::components::{FieldError, error_view, escape_html, long_date, set_status};
use crate::forms::{FormEcho, form_echo};
use crate::i18n::*;
use crate::policy::InquiryView;
use crate::routes;
use hoering::process::InquiryStatus;
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};
use std::future::Future;

pub(crate) type Session = Resource<Result<Option<CurrentUser>, ServerFnError>>;

/// The session of whoever reads the page, for [`staff_or`].
pub(crate) fn session() -> Session {
    Resource::new(|| (), |_| crate::auth::get_current_user())
}

/// A staff page: its data once loaded, for the member of staff in the reader's locale; the login
/// prompt or the error box instead where [`staff_or`] says so. `user` is the page's [`session`],
/// made by the page beside its other resources.
pub(crate) fn staff_page<F, Fut>(user: Session, page: F) -> impl IntoView
where
    F: Fn(CurrentUser, Locale) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, AnyView>> + Send + 'static,
{
    let i18n = use_i18n();
    suspended(move || {
        let page = page.clone();
        async move {
            let locale = i18n.get_locale_untracked();
            let user = staff_or(user.await)?;
            page(user, locale).await
        }
    })
}

/// [`staff_page`] for a page with forms: also the echo of a form posted back to it.
pub(crate) fn staff_form_page<F, Fut>(user: Session, page: F) -> impl IntoView
where
    F: Fn(CurrentUser, FormEcho, Locale) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, AnyView>> + Send + 'static,
{
    let echo = form_echo();
    staff_page(user, move |user, locale| {
        page.clone()(user, echo.clone(), locale)
    })
}

/// A staff page about one thing: `key` says which (from the address), `fetch` reads it, and the
/// page is made of it; "not found" or the error box stands instead where [`found_or`] says so.
pub(crate) fn staff_page_about<K, T, Fetched, F, Fut>(
    key: impl Fn() -> K + Send + Sync + 'static,
    fetch: impl Fn(K) -> Fetched + Send + Sync + 'static,
    page: F,
) -> impl IntoView
where
    K: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Fetched: Future<Output = Result<Option<T>, ServerFnError>> + Send + 'static,
    F: Fn(CurrentUser, T, Locale) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, AnyView>> + Send + 'static,
{
    let user = session();
    let data = Resource::new(key, fetch);
    staff_page(user, move |user, locale| {
        let page = page.clone();
        async move { page(user, found_or(data.await)?, locale).await }
    })
}

/// The member of staff, or what to show instead: the login link to someone not logged in, an
/// error box when the session could not be read (never "log in" for a failure of ours).
pub(crate) fn staff_or(
    user: Result<Option<CurrentUser>, ServerFnError>,
) -> Result<CurrentUser, AnyView> {
    match user {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(login_required()),
        Err(_) => Err(error_view().into_any()),
    }
}

/// Shown instead of a staff page to someone who is not logged in.
fn login_required() -> AnyView {
    set_status(401);
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, login_required_title)}</h1>
        <p><a href="/login" rel="external">{t!(i18n, login_title)}</a></p>
    }
    .into_any()
}

#[component]
pub(crate) fn LogoutForm(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="post" action="/logout" class="inline-form user-bar">
            <span>{t_string!(i18n, logged_in_as, email = user.email.clone()).to_string()}</span>
            " "
            <input type="hidden" name="csrf" value=user.csrf.clone() />
            <button type="submit" class="button-link">{t!(i18n, logout_button)}</button>
        </form>
    }
}

/// The top of a staff page reached from the start page: the window's title and the heading, both
/// `title`, with the logout form and the way back to the start page between them.
#[component]
pub(crate) fn AdminPageHead(user: CurrentUser, title: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <leptos_meta::Title text=title />
        <LogoutForm user=user />
        <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
        <h1>{title}</h1>
    }
}

/// "Åben 1. december – 12. december 2026" and the like.
pub fn round_text(locale: Locale, r: &crate::council::RoundCard) -> String {
    use hoering::council::RoundState;
    let (opens, closes) = (long_date(locale, r.opens), long_date(locale, r.closes));
    match r.state {
        RoundState::Upcoming => td_string!(
            locale,
            council_round_upcoming,
            opens = opens,
            closes = closes
        )
        .to_string(),
        RoundState::Open => td_string!(locale, council_round_open, closes = closes).to_string(),
        RoundState::Closed => td_string!(locale, council_round_closed, closes = closes).to_string(),
    }
}

/// Questions from the public, each with its answer or a form to answer it.
#[component]
pub fn Inquiries(
    list: Vec<InquiryView>,
    csrf: String,
    back: String,
    echo: FormEcho,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        {section("spoergsmaal-h", td_string!(locale, admin_policy_questions_from_the_public), view! {
            {none_or(list.is_empty(), td_string!(locale, admin_policy_no_questions), || view! {
                <ul class="response-list">
                    {list.into_iter().map(|q| {
                        let status = crate::names::inquiry_status(locale, q.status);
                        let badge = match q.status {
                            InquiryStatus::Overdue | InquiryStatus::AnsweredLate => "badge badge-withheld",
                            InquiryStatus::DueSoon => "badge badge-pending",
                            _ => "badge badge-published",
                        };
                        let id = format!("spoergsmaal-{}", q.id);
                        let field_id = format!("answer-{}", q.id);
                        let mine = echo.value("inquiry") == q.id.to_string();
                        let error = if mine { echo.message(i18n, "answer") } else { None };
                        let typed = if mine { echo.value("answer") } else { String::new() };
                        view! {
                            <li class="response" id=id>
                                <p class="card-meta">
                                    <span class=badge>{status}</span> " "
                                    <a href=routes::admin_policy(&q.policy_slug)>{q.policy_title.clone()}</a>
                                    {format!(" · {} {} · {} {}", td_string!(locale, admin_policy_received), long_date(locale, q.received), td_string!(locale, admin_policy_due), long_date(locale, q.due))}
                                </p>
                                <p><strong>{q.name.clone()}</strong> " <" {q.email.clone()} ">"</p>
                                <p lang=crate::components::text_lang(&q.question).0 dir=crate::components::text_lang(&q.question).1 class="response-text">{q.question.clone()}</p>
                                {match (q.answered, q.answer.clone()) {
                                    (Some(day), Some(answer)) => view! {
                                        <p class="card-meta">{format!("{} {}", td_string!(locale, admin_policy_answered), long_date(locale, day))}</p>
                                        <p class="response-text">{answer}</p>
                                    }.into_any(),
                                    _ => view! {
                                        <form method="post" action=routes::answer_inquiry(q.id) class="admin-form">
                                            <input type="hidden" name="csrf" value=csrf.clone() />
                                            <input type="hidden" name="back" value=back.clone() />
                                            <div class="field">
                                                <label for=field_id.clone()>{td_string!(locale, admin_policy_answer)}</label>
                                                <p class="hint">{td_string!(locale, admin_policy_e_mail_the_answer_to_the)}</p>
                                                <FieldError id=format!("{field_id}-error") message=Signal::derive(move || error.clone()) />
                                                <textarea id=field_id name="answer" rows="3" inner_html=escape_html(&typed)></textarea>
                                            </div>
                                            <button type="submit" class="button">{td_string!(locale, admin_policy_record_the_answer)}</button>
                                        </form>
                                    }.into_any(),
                                }}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        })}
    }
}
