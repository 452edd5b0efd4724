//! The outbox: every e-mail hoering wrote, whether sent, waiting or given up on. Without a mail
//! server it is where an admin sees exactly what would have been sent.

use super::admin::{LogoutForm, staff_or};
use super::policy::say;
use crate::api::{admin_outbox, admin_outbox_message, get_current_user};
use crate::components::{error_view, loading_view, set_status};
use crate::i18n::*;
use crate::model::*;
use crate::routes;
use hoering::staff::Permission;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn kind_name(locale: Locale, kind: &str) -> &'static str {
    use hoering::mail::MailKind;
    match MailKind::parse(kind) {
        Some(MailKind::Receipt) => say(locale, "Kvittering", "Receipt"),
        Some(MailKind::SignupSeated) => say(locale, "Tilmelding", "Sign-up"),
        Some(MailKind::SignupWaiting) => say(locale, "Venteliste", "Waiting list"),
        Some(MailKind::SeatOffered) => say(locale, "Plads ledig", "Seat offered"),
        Some(MailKind::SignupCancelled) => say(locale, "Afmelding", "Cancellation"),
        Some(MailKind::InquiryAnswered) => say(locale, "Svar på spørgsmål", "Answer to a question"),
        Some(MailKind::Invitation) => say(locale, "Invitation til høring", "Invitation to respond"),
        Some(MailKind::Reminder) => say(locale, "Påmindelse", "Reminder"),
        Some(MailKind::Withheld) => say(locale, "Ikke offentliggjort", "Not published"),
        Some(MailKind::RemarksPublished) => say(locale, "Høringsnotat", "Consultation report"),
        None => say(locale, "Anden", "Other"),
    }
}

fn state_name(locale: Locale, state: MailState) -> &'static str {
    match state {
        MailState::Waiting => say(locale, "Venter", "Waiting"),
        MailState::Sent => say(locale, "Sendt", "Sent"),
        MailState::Failed => say(locale, "Opgivet", "Given up"),
    }
}

/// Shown to staff whose role may not read the outbox.
fn admins_only(locale: Locale) -> AnyView {
    set_status(403);
    view! {
        <h1>{say(locale, "Udbakke", "Outbox")}</h1>
        <p>{say(locale, "Kun en administrator kan læse udbakken: den rummer kopier af borgernes henvendelser.", "Only an administrator can read the outbox: it holds copies of what citizens wrote.")}</p>
    }
    .into_any()
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let recipient = move || {
        query
            .read()
            .get(routes::RECIPIENT)
            .filter(|r| !r.is_empty())
    };
    let page = move || {
        query
            .read()
            .get(routes::PAGE)
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let user = Resource::new(|| (), |_| get_current_user());
    let data = Resource::new(move || (recipient(), page()), |(r, p)| admin_outbox(r, p));
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                if !user.role.may(Permission::ReadMail) {
                    return admins_only(locale);
                }
                let Ok(outbox) = data.await else { return error_view().into_any() };
                let filter = outbox.recipient.clone().unwrap_or_default();
                let pages = page_count(outbox.total, outbox.per_page).max(1);
                let current = outbox.page;
                let q = outbox
                    .recipient
                    .as_ref()
                    .map(|r| format!("{}={}&", routes::RECIPIENT, crate::components::encode_query(r)))
                    .unwrap_or_default();
                view! {
                    <Title text=say(locale, "Udbakke", "Outbox") />
                    <LogoutForm user=user.clone() />
                    <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
                    <h1>{say(locale, "Udbakke", "Outbox")}</h1>
                    <p class="lead">
                        {if outbox.sending {
                            say(locale, "Hver e-mail skrives her først og sendes derefter til mailserveren; en besked, serveren ikke tog imod, prøves igen med stigende mellemrum.", "Every e-mail is written here first and then handed to the mail server; a message the server did not take is tried again at growing intervals.")
                        } else {
                            say(locale, "Der er ingen mailserver sat op (HOERING_SMTP_URL), så intet sendes: her ses præcis, hvad der ville være sendt.", "No mail server is set up (HOERING_SMTP_URL), so nothing is sent: here you see exactly what would have been sent.")
                        }}
                    </p>
                    <dl class="facts">
                        <div><dt>{say(locale, "Venter", "Waiting")}</dt><dd>{outbox.waiting}</dd></div>
                        <div><dt>{say(locale, "Sendt", "Sent")}</dt><dd>{outbox.sent}</dd></div>
                        <div><dt>{say(locale, "Opgivet", "Given up")}</dt><dd>{outbox.failed}</dd></div>
                    </dl>
                    <form method="get" action=routes::OUTBOX class="search-form" role="search">
                        <label for="til">{say(locale, "Modtager", "Recipient")}</label>
                        <input id="til" type="email" name=routes::RECIPIENT value=filter autocomplete="off" />
                        <button type="submit" class="button button-secondary">{say(locale, "Vis", "Show")}</button>
                    </form>
                    {if outbox.messages.is_empty() {
                        view! { <p class="muted">{say(locale, "Ingen e-mails her.", "No e-mails here.")}</p> }.into_any()
                    } else {
                        view! {
                            <table class="data-table">
                                <caption class="visually-hidden">{say(locale, "E-mails, nyeste først", "E-mails, newest first")}</caption>
                                <thead><tr>
                                    <th scope="col">{say(locale, "Skrevet", "Written")}</th>
                                    <th scope="col">{say(locale, "Til", "To")}</th>
                                    <th scope="col">{say(locale, "Emne", "Subject")}</th>
                                    <th scope="col">{say(locale, "Slags", "Kind")}</th>
                                    <th scope="col">{say(locale, "Status", "State")}</th>
                                </tr></thead>
                                <tbody>
                                    {outbox.messages.into_iter().map(|m| view! {
                                        <tr>
                                            <td>{m.created_at.clone()}</td>
                                            <td>{m.recipient.clone()}</td>
                                            <td><a href=routes::outbox_message(m.id)>{m.subject.clone()}</a></td>
                                            <td>{kind_name(locale, &m.kind)}</td>
                                            <td>{state_name(locale, m.state)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    {(pages > 1).then(|| view! {
                        <nav class="pager" aria-label=t_string!(i18n, pager_label)>
                            {(current > 1).then(|| view! { <a rel="prev" href=format!("?{q}{}={}", routes::PAGE, current - 1)>{t!(i18n, page_prev)}</a> })}
                            <span>{t_string!(i18n, page_of, page = current, pages = pages).to_string()}</span>
                            {(current < pages).then(|| view! { <a rel="next" href=format!("?{q}{}={}", routes::PAGE, current + 1)>{t!(i18n, page_next)}</a> })}
                        </nav>
                    })}
                }.into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn OutboxMessagePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let user = Resource::new(|| (), |_| get_current_user());
    let data = Resource::new(id, admin_outbox_message);
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                if !user.role.may(Permission::ReadMail) {
                    return admins_only(locale);
                }
                match data.await {
                    Ok(Some(m)) => {
                        let item = m.item;
                        let failed = item.state == MailState::Failed;
                        view! {
                            <Title text=item.subject.clone() />
                            <LogoutForm user=user.clone() />
                            <p class="eyebrow"><a href=routes::OUTBOX>{say(locale, "Udbakke", "Outbox")}</a></p>
                            <h1>{item.subject.clone()}</h1>
                            <dl class="facts">
                                <div><dt>{say(locale, "Til", "To")}</dt><dd>{item.recipient.clone()}</dd></div>
                                <div><dt>{say(locale, "Slags", "Kind")}</dt><dd>{kind_name(locale, &item.kind)}</dd></div>
                                <div><dt>{say(locale, "Skrevet", "Written")}</dt><dd>{item.created_at.clone()}</dd></div>
                                <div><dt>{say(locale, "Status", "State")}</dt><dd>{state_name(locale, item.state)} " · " {item.when.clone()}</dd></div>
                                <div><dt>{say(locale, "Forsøg", "Attempts")}</dt><dd>{item.attempts}</dd></div>
                                <div><dt>"Message-ID"</dt><dd><code>{m.message_id.clone()}</code></dd></div>
                            </dl>
                            {item.last_error.clone().map(|e| view! {
                                <p class="error-box" role="status">{say(locale, "Seneste fejl: ", "Last error: ")}{e}</p>
                            })}
                            {failed.then(|| view! {
                                <form method="post" action=routes::outbox_retry(item.id)>
                                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                                    <button type="submit" class="button">{say(locale, "Send igen", "Send again")}</button>
                                </form>
                            })}
                            <h2>{say(locale, "Teksten", "The text")}</h2>
                            <pre class="mail-text" tabindex="0" aria-label=say(locale, "E-mailens tekst", "The e-mail's text")>{m.text.clone()}</pre>
                        }.into_any()
                    }
                    Ok(None) => {
                        set_status(404);
                        view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any()
                    }
                    Err(_) => error_view().into_any(),
                }
            })}
        </Suspense>
    }
}
