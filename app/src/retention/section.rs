//! The høringsnotat page's section on the senders' personal data: how long it is kept, from
//! which day, and the clerk's choice among the municipality's retention periods.

use crate::components::{FieldError, long_date};
use crate::forms::{FormEcho, error_message};
use crate::i18n::*;
use crate::retention::RetentionView;
use hoering::privacy::retention::RetentionStart;
use leptos::prelude::*;

#[component]
pub fn RetentionSection(
    rule: RetentionView,
    slug: String,
    csrf: String,
    echo: FormEcho,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let error = echo
        .error("retention_months")
        .map(|c| error_message(i18n, "retention_months", &c));
    let period =
        |months: u16| td_string!(locale, retention_months_option, count = months).to_string();
    let months = period(rule.chosen.unwrap_or(rule.default_months));
    let said = match rule.start {
        None => td_string!(locale, retention_rule_open, period = months).to_string(),
        Some(RetentionStart::Decision(on)) => td_string!(
            locale,
            retention_rule_decision,
            period = months.clone(),
            decided = long_date(locale, on),
            due = rule.due.map(|d| long_date(locale, d)).unwrap_or_default()
        )
        .to_string(),
        Some(RetentionStart::HearingClosed(on)) => td_string!(
            locale,
            retention_rule_closed,
            period = months.clone(),
            closed = long_date(locale, on),
            due = rule.due.map(|d| long_date(locale, d)).unwrap_or_default()
        )
        .to_string(),
    };
    let pending = rule.pending;
    let status = match rule.erased_on {
        Some(on) => view! {
            <p class="success-box">{td_string!(locale, retention_erased_on, on = long_date(locale, on)).to_string()}</p>
        }
        .into_any(),
        None => view! {
            <p>{td_string!(locale, retention_what_goes)}</p>
            <ul>
                <li>{td_string!(locale, retention_pending_senders, count = pending.senders).to_string()}</li>
                <li>{td_string!(locale, retention_pending_originals, count = pending.originals).to_string()}</li>
                <li>{td_string!(locale, retention_pending_files, count = pending.file_names).to_string()}</li>
            </ul>
            <p class="hint">{td_string!(locale, retention_what_stays)}</p>
        }
        .into_any(),
    };
    // Refused once the erasure has run, when the form is gone: the reason stands in its place.
    let late_error = rule.erased_on.is_some().then(|| error.clone()).flatten();
    let typed = echo
        .values
        .contains_key("retention_months")
        .then(|| echo.value("retention_months"));
    let current = typed.unwrap_or_else(|| rule.chosen.map(|m| m.to_string()).unwrap_or_default());
    let default_months = rule.default_months;
    let form = rule.erased_on.is_none().then(|| {
        let options = rule
            .choices
            .iter()
            .map(|&m| {
                let value = m.to_string();
                let selected = current == value;
                view! { <option value=value selected=selected>{period(m)}</option> }
            })
            .collect_view();
        view! {
            <form method="post" action=format!("{}/opbevaring", crate::routes::admin_hearing(&slug)) class="stacked-form">
                <input type="hidden" name="csrf" value=csrf />
                <label for="opbevaring-maaneder">{td_string!(locale, retention_label)}</label>
                <FieldError id="opbevaring-maaneder-fejl".to_string() message=Signal::derive(move || error.clone()) />
                <select id="opbevaring-maaneder" name="retention_months">
                    <option value="" selected=current.is_empty()>{td_string!(locale, retention_default_option, period = period(default_months)).to_string()}</option>
                    {options}
                </select>
                <button type="submit" class="button button-secondary">{td_string!(locale, notat_save)}</button>
            </form>
        }
    });
    view! {
        <section id="opbevaring" aria-labelledby="opbevaring-titel">
            <h2 id="opbevaring-titel">{td_string!(locale, retention_heading)}</h2>
            <p>{said}</p>
            {status}
            <FieldError id="opbevaring-fejl".to_string() message=Signal::derive(move || late_error.clone()) />
            {form}
        </section>
    }
}
