//! The outbox: every e-mail hoering wrote, whether sent, waiting or given up on. Without a mail
//! server it is where an admin sees exactly what would have been sent.

use crate::components::lists::{captioned_table, none_or};
use crate::components::page::{found_or, loaded_or, query_choice, query_page, route_id};
use crate::components::page_count;
use crate::components::set_status;
use crate::components::staff::{AdminPageHead, LogoutForm, session, staff_page};
use crate::dates::iso_minute;
use crate::i18n::*;
use crate::mail::MailState;
use crate::mail::admin_outbox;
use crate::mail::admin_outbox_message;
use crate::routes;
use hoering::mail::MailKind;
use hoering::staff::Permission;
use leptos::prelude::*;
use leptos_meta::Title;

fn kind_name(locale: Locale, kind: Option<MailKind>) -> &'static str {
    match kind {
        Some(MailKind::Receipt) => td_string!(locale, outbox_receipt),
        Some(MailKind::SignupSeated) => td_string!(locale, outbox_sign_up),
        Some(MailKind::SignupWaiting) => td_string!(locale, admin_meeting_waiting_list),
        Some(MailKind::SeatOffered) => td_string!(locale, outbox_seat_offered),
        Some(MailKind::SignupCancelled) => td_string!(locale, outbox_cancellation),
        Some(MailKind::InquiryAnswered) => td_string!(locale, outbox_answer_to_a_question),
        Some(MailKind::Invitation) => td_string!(locale, outbox_invitation_to_respond),
        Some(MailKind::Reminder) => td_string!(locale, outbox_reminder),
        Some(MailKind::Withheld) => td_string!(locale, outbox_not_published),
        Some(MailKind::RemarksPublished | MailKind::NotatRevised) => {
            td_string!(locale, outbox_consultation_report)
        }
        None => td_string!(locale, outbox_other_text),
    }
}

fn state_name(locale: Locale, state: MailState) -> &'static str {
    match state {
        MailState::Waiting => td_string!(locale, outbox_waiting),
        MailState::Sent => td_string!(locale, outbox_sent),
        MailState::Failed => td_string!(locale, outbox_given_up),
    }
}

/// Shown to staff whose role may not read the outbox.
fn admins_only(locale: Locale) -> AnyView {
    set_status(403);
    view! {
        <h1>{td_string!(locale, outbox_outbox)}</h1>
        <p>{td_string!(locale, outbox_only_an_administrator_can_read_the)}</p>
    }
    .into_any()
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let recipient = query_choice(routes::RECIPIENT);
    let page = query_page();
    let user = session();
    let data = Resource::new(move || (recipient(), page()), |(r, p)| admin_outbox(r, p));
    staff_page(user, move |user, locale| async move {
        if !user.role.may(Permission::ReadMail) {
            return Err(admins_only(locale));
        }
        let outbox = loaded_or(data.await)?;
        let filter = outbox.recipient.clone().unwrap_or_default();
        let pages = page_count(outbox.total, outbox.per_page).max(1);
        let current = outbox.page;
        let q = outbox
            .recipient
            .as_ref()
            .map(|r| {
                format!(
                    "{}={}&",
                    routes::RECIPIENT,
                    crate::components::encode_query(r)
                )
            })
            .unwrap_or_default();
        Ok(view! {
            <AdminPageHead user=user.clone() title=td_string!(locale, outbox_outbox) />
            <p class="lead">
                {if outbox.sending {
                    td_string!(locale, outbox_every_e_mail_is_written_here)
                } else {
                    td_string!(locale, outbox_no_mail_server_is_set_up)
                }}
            </p>
            <dl class="facts">
                <div><dt>{td_string!(locale, outbox_waiting)}</dt><dd>{outbox.waiting}</dd></div>
                <div><dt>{td_string!(locale, outbox_sent)}</dt><dd>{outbox.sent}</dd></div>
                <div><dt>{td_string!(locale, outbox_given_up)}</dt><dd>{outbox.failed}</dd></div>
            </dl>
            <form method="get" action=routes::OUTBOX class="search-form" role="search">
                <label for="til">{td_string!(locale, outbox_recipient)}</label>
                <input id="til" type="email" name=routes::RECIPIENT value=filter autocomplete="off" />
                <button type="submit" class="button button-secondary">{td_string!(locale, outbox_show)}</button>
            </form>
            {none_or(outbox.messages.is_empty(), td_string!(locale, outbox_no_e_mails_here), || view! {
                {captioned_table(
                    td_string!(locale, outbox_e_mails_newest_first),
                    [td_string!(locale, outbox_written), td_string!(locale, changes_to), td_string!(locale, outbox_subject), td_string!(locale, outbox_kind), td_string!(locale, admin_meeting_state)],
                    outbox.messages.into_iter().map(|m| view! {
                        <tr>
                            <td>{iso_minute(m.created_at)}</td>
                            <td>{m.recipient.clone()}</td>
                            <td><a href=routes::outbox_message(m.id)>{m.subject.clone()}</a></td>
                            <td>{kind_name(locale, m.kind)}</td>
                            <td>{state_name(locale, m.state)}</td>
                        </tr>
                    }).collect_view()
                )}
            })}
            {(pages > 1).then(|| view! {
                <nav class="pager" aria-label=t_string!(i18n, pager_label)>
                    {(current > 1).then(|| view! { <a rel="prev" href=format!("?{q}{}={}", routes::PAGE, current - 1)>{t!(i18n, page_prev)}</a> })}
                    <span>{t_string!(i18n, page_of, page = current, pages = pages).to_string()}</span>
                    {(current < pages).then(|| view! { <a rel="next" href=format!("?{q}{}={}", routes::PAGE, current + 1)>{t!(i18n, page_next)}</a> })}
                </nav>
            })}
        }.into_any())
    })
}

#[component]
pub fn OutboxMessagePage() -> impl IntoView {
    let id = route_id("id");
    let user = session();
    let data = Resource::new(id, admin_outbox_message);
    staff_page(user, move |user, locale| async move {
        if !user.role.may(Permission::ReadMail) {
            return Err(admins_only(locale));
        }
        let m = found_or(data.await)?;
        let item = m.item;
        let failed = item.state == MailState::Failed;
        Ok(view! {
            <Title text=item.subject.clone() />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a href=routes::OUTBOX>{td_string!(locale, outbox_outbox)}</a></p>
            <h1>{item.subject.clone()}</h1>
            <dl class="facts">
                <div><dt>{td_string!(locale, changes_to)}</dt><dd>{item.recipient.clone()}</dd></div>
                <div><dt>{td_string!(locale, outbox_kind)}</dt><dd>{kind_name(locale, item.kind)}</dd></div>
                <div><dt>{td_string!(locale, outbox_written)}</dt><dd>{iso_minute(item.created_at)}</dd></div>
                <div><dt>{td_string!(locale, admin_meeting_state)}</dt><dd>{state_name(locale, item.state)} " · " {iso_minute(item.when)}</dd></div>
                <div><dt>{td_string!(locale, outbox_attempts)}</dt><dd>{item.attempts}</dd></div>
                <div><dt>"Message-ID"</dt><dd><code>{m.message_id.clone()}</code></dd></div>
            </dl>
            {item.last_error.clone().map(|e| view! {
                <p class="error-box" role="status">{td_string!(locale, outbox_last_error_label)}{e}</p>
            })}
            {failed.then(|| view! {
                <form method="post" action=routes::outbox_retry(item.id)>
                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                    <button type="submit" class="button">{td_string!(locale, outbox_send_again)}</button>
                </form>
            })}
            <h2>{td_string!(locale, outbox_the_text)}</h2>
            <pre class="mail-text" tabindex="0" aria-label=td_string!(locale, outbox_the_e_mail_s_text)>{m.text.clone()}</pre>
        }.into_any())
    })
}
