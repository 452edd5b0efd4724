//! A party's own page on the høringsliste, reached by the link in its invitation: respond
//! (the answer is matched to the party) or say "ingen bemærkninger", which counts as an answer.

use crate::components::long_date;
use crate::components::page::{page_about, route_param};
use crate::consultees::get_party_invitation;
use crate::i18n::*;
use crate::routes;
use hoering::consultees::PartyStatus;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PartyPage() -> impl IntoView {
    let token = route_param("token");
    page_about(token, get_party_invitation, move |p, locale| async move {
        let closes = long_date(locale, p.closes);
        let state = match p.status {
            PartyStatus::Answered => Some(td_string!(locale, party_answered_thanks).to_string()),
            PartyStatus::Declined => Some(td_string!(locale, party_declined_thanks).to_string()),
            _ => None,
        };
        let answered = p.status == PartyStatus::Answered;
        Ok(view! {
            <Title text=format!("{} – {}", p.hearing_title, p.organisation) />
            <p class="eyebrow">{td_string!(locale, party_consultation_list)}</p>
            <h1 lang="da" dir="ltr">{p.hearing_title.clone()}</h1>
            <p class="lead">{td_string!(locale, party_invited_lead, organisation = p.organisation.clone(), closes = closes.clone()).to_string()}</p>
            {state.map(|s| view! { <div class="success-panel" role="status"><p>{s}</p></div> })}
            {(p.open && !answered).then(|| view! {
                <p>
                    <a class="button" href=routes::respond_as_party(&p.hearing_slug, &p.token)>{td_string!(locale, party_respond)}</a>
                    " "
                    <a href=routes::hearing(&p.hearing_slug)>{td_string!(locale, party_read_the_draft)}</a>
                </p>
                {(p.status != PartyStatus::Declined).then(|| view! {
                    <form method="post" action=routes::party_decline(&p.token)>
                        <p>{td_string!(locale, party_if_you_have_no_comments_say)}</p>
                        <button type="submit" class="button button-secondary">{td_string!(locale, party_we_have_no_comments)}</button>
                    </form>
                })}
            })}
            {(!p.open).then(|| view! {
                <p class="muted">{td_string!(locale, party_the_hearing_is_not_open)}</p>
            })}
        }.into_any())
    })
}
