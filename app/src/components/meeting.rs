//! Lists of dialogue meetings, shown on the front page and on a policy's page.

use crate::i18n::*;
use crate::meeting::MeetingCard;
use crate::routes;
use leptos::prelude::*;

/// Meetings as a list of links with when and where (the policy page, the home page).
#[component]
pub fn MeetingList(meetings: Vec<MeetingCard>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    view! {
        <ul class="plain-list meeting-list">
            {meetings.into_iter().map(|m| {
                let when = crate::components::time_span(locale, m.starts_at, m.ends_at);
                let signup = m.signup_open.then(|| td_string!(locale, policy_sign_up_open));
                view! {
                    <li>
                        <a lang="da" dir="ltr" href=routes::meeting(m.id)>{m.title.clone()}</a>
                        <br />
                        <span class="card-meta">{when} " · " {m.place.clone()}</span>
                        {signup.map(|s| view! { " " <span class="badge">{s}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
