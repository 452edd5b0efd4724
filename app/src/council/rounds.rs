//! The councils' rounds on the clerk's hearing page.

use crate::components::lists::{plain_list, section};
use crate::forms::FormEcho;
use crate::i18n::*;
use leptos::prelude::*;

/// The councils' own rounds on the hearing, and the form to open (or move) one.
#[component]
pub fn CouncilRounds(
    slug: String,
    rounds: Vec<crate::council::RoundCard>,
    councils: Vec<(String, String)>,
    csrf: String,
    echo: FormEcho,
) -> impl IntoView {
    use crate::components::fields::{FormState, TextField};
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let form = FormState {
        echo: echo.clone(),
        prefix: "runde",
    };
    let chosen = echo.value("round_council");
    view! {
        {section("raadsrunder", td_string!(locale, admin_the_councils_rounds), view! {
            {(!rounds.is_empty()).then(|| view! {
                {plain_list(rounds.iter(), |r| view! {
                    <a href=crate::routes::council_workspace(&r.hearing_slug, &r.council_slug)>{r.council_name.clone()}</a>
                    " · " {crate::components::staff::round_text(locale, r)}
                })}
            })}
            <form method="post" action=crate::routes::council_round(&slug) class="admin-form">
                <input type="hidden" name="csrf" value=csrf />
                <div class="field">
                    <label for="runde-round_council">{td_string!(locale, admin_council)}</label>
                    <select id="runde-round_council" name="round_council">
                        {councils.into_iter().map(|(s, n)| view! { <option value=s.clone() selected=s == chosen>{n}</option> }).collect_view()}
                    </select>
                </div>
                <TextField form=form.clone() name="round_opens" label=td_string!(locale, admin_the_round_opens) kind="date" required=true />
                <TextField form=form.clone() name="round_closes" label=td_string!(locale, admin_the_round_ends) kind="date" required=true
                    hint=td_string!(locale, admin_at_the_latest_the_hearing_s) />
                <button type="submit" class="button button-secondary">{td_string!(locale, admin_open_the_council_s_round)}</button>
            </form>
        })}
    }
}
