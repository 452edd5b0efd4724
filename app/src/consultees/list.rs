//! The høringsliste on the clerk's hearing page: who is invited, and adding or reusing a list.

use crate::components::lists::section;
use crate::components::{FieldError, long_date};
use crate::consultees::PartyListView;
use crate::forms::FormEcho;
use crate::i18n::*;
use leptos::prelude::*;

/// The høringsliste: the invited parties with where each stands, and the forms to add them by
/// paste or CSV, reuse an earlier list, and set the reminder.
#[component]
pub fn PartyList(slug: String, list: PartyListView, csrf: String, echo: FormEcho) -> impl IntoView {
    use hoering::consultees::PartyStatus;
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let c = list.counts;
    let kind_name = move |k: hoering::consultees::PartyKind| crate::names::party_kind(locale, k);
    let status_name = move |s: PartyStatus| crate::names::party_status(locale, s);
    let error = |f: &str| echo.message(i18n, f);
    let rejected = echo.error("parties").as_deref() == Some("rejected");
    let parties_error = if rejected {
        Some(
            td_string!(
                locale,
                admin_parties_added_rejected,
                count = echo.value("added").parse::<u64>().unwrap_or(0),
                lines = {
                    // The server lists the lines it could not read as "3, 7, 9".
                    let lines = echo.value("rejected_lines");
                    let n = lines.split(',').filter(|l| !l.trim().is_empty()).count();
                    td_string!(
                        locale,
                        admin_parties_added_rejected_lines,
                        count = n,
                        lines = lines
                    )
                    .to_string()
                }
            )
            .to_string(),
        )
    } else {
        error("parties")
    };
    let reminder_error = error("reminder_days");
    let from_error = error("from");
    let invalid = |e: &Option<String>| e.as_ref().map(|_| "true");
    let (parties_invalid, reminder_invalid) = (invalid(&parties_error), invalid(&reminder_error));
    let reminder_value = match echo.value("reminder_days") {
        v if v.is_empty() => list.reminder_days.to_string(),
        v => v,
    };
    view! {
        {section("hoeringsliste", td_string!(locale, party_consultation_list), view! {
            <dl class="facts">
                <div><dt>{td_string!(locale, party_status_invited)}</dt><dd>{c.invited}</dd></div>
                <div><dt>{td_string!(locale, party_status_answered)}</dt><dd>{c.answered}</dd></div>
                <div><dt>{td_string!(locale, admin_no_comments)}</dt><dd>{c.declined}</dd></div>
                <div><dt>{td_string!(locale, admin_no_answer)}</dt><dd>{c.no_answer}</dd></div>
                <div><dt>{td_string!(locale, admin_not_invited_yet)}</dt><dd>{c.not_invited}</dd></div>
            </dl>
            {(!list.parties.is_empty()).then(|| view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=td_string!(locale, admin_parties_on_the_list)>
                <table class="data-table">
                    <caption class="visually-hidden">{td_string!(locale, admin_parties_on_the_list)}</caption>
                    <thead><tr>
                        <th scope="col">{td_string!(locale, meeting_organisation)}</th>
                        <th scope="col">{td_string!(locale, fact_contact)}</th>
                        <th scope="col">{td_string!(locale, admin_kind)}</th>
                        <th scope="col">{td_string!(locale, admin_meeting_state)}</th>
                        <th scope="col"><span class="visually-hidden">{td_string!(locale, admin_action)}</span></th>
                    </tr></thead>
                    <tbody>
                        {list.parties.iter().map(|p| {
                            let removable = p.status == PartyStatus::NotInvited;
                            let org = p.organisation.clone();
                            view! {
                                <tr>
                                    <th scope="row">{p.organisation.clone()}</th>
                                    <td>{p.contact.clone().map(|c| format!("{c}, ")).unwrap_or_default()}{p.email.clone()}</td>
                                    <td>{kind_name(p.kind)}</td>
                                    <td>{status_name(p.status)}{(p.status == PartyStatus::Invited).then(|| p.invited_on.map(|d| format!(" {}", long_date(locale, d)))).flatten()}{p.reminded_on.map(|d| format!(", {} {}", td_string!(locale, admin_reminded), long_date(locale, d)))}</td>
                                    <td>{p.suggestion.clone().filter(|_| matches!(p.status, PartyStatus::Invited | PartyStatus::NotInvited)).map(|s| view! {
                                        <form method="post" action=crate::routes::party_match(&slug, p.id) class="inline-form">
                                            <input type="hidden" name="csrf" value=csrf.clone() />
                                            <input type="hidden" name="response" value=s.response_id.to_string() />
                                            <button type="submit" class="button button-secondary">{td_string!(locale, admin_match_response, receipt = s.receipt_number.clone(), sender = s.sender.clone()).to_string()}</button>
                                        </form>
                                    })}
                                    {removable.then(|| view! {
                                        <form method="post" action=crate::routes::party_remove(&slug, p.id) class="inline-form">
                                            <input type="hidden" name="csrf" value=csrf.clone() />
                                            <button type="submit" class="button button-secondary">{td_string!(locale, council_remove)}<span class="visually-hidden">{format!(" {org}")}</span></button>
                                        </form>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            })}
            <form method="post" action=crate::routes::party_list(&slug) class="admin-form">
                <input type="hidden" name="csrf" value=csrf.clone() />
                <div class="field">
                    <label for="parties">{td_string!(locale, admin_add_parties)}</label>
                    <p class="hint" id="parties-hint">{td_string!(locale, admin_paste_from_excel_or_word_one_text)}</p>
                    <FieldError id="parties-error".to_string() message=Signal::derive(move || parties_error.clone()) />
                    <textarea id="parties" name="parties" rows="5" aria-invalid=parties_invalid aria-describedby=if parties_invalid.is_some() { "parties-hint parties-error" } else { "parties-hint" }>{echo.value("parties")}</textarea>
                </div>
                <button type="submit" class="button">{td_string!(locale, admin_add_to_the_list)}</button>
            </form>
            {(!list.earlier.is_empty()).then(|| view! {
                <form method="post" action=crate::routes::party_list_reuse(&slug) class="admin-form">
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <div class="field">
                        <label for="from">{td_string!(locale, admin_reuse_the_list_of_an_earlier)}</label>
                        <FieldError id="from-error".to_string() message=Signal::derive(move || from_error.clone()) />
                        <select id="from" name="from">
                            {list.earlier.iter().map(|e| view! {
                                <option value=e.slug.clone()>{format!("{} ({})", e.title, td_string!(locale, admin_parties, count = e.parties))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_add_the_list)}</button>
                </form>
            })}
            <form method="post" action=crate::routes::party_list_reminder(&slug) class="admin-form">
                <input type="hidden" name="csrf" value=csrf />
                <div class="field">
                    <label for="reminder_days">{td_string!(locale, admin_reminder_working_days_before_the_deadline)}</label>
                    <p class="hint" id="reminder_days-hint">{match list.reminder_on {
                        Some(d) => td_string!(locale, admin_reminder_on, day = long_date(locale, d)).to_string(),
                        None => String::new(),
                    }}</p>
                    <FieldError id="reminder_days-error".to_string() message=Signal::derive(move || reminder_error.clone()) />
                    <input id="reminder_days" name="reminder_days" type="number" min="0" max="30" inputmode="numeric" value=reminder_value aria-invalid=reminder_invalid aria-describedby="reminder_days-hint" />
                </div>
                <button type="submit" class="button button-secondary">{td_string!(locale, notat_save)}</button>
            </form>
        })}
    }
}
