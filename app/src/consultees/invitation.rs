//! A party's own page on the høringsliste, reached by the link in its invitation: respond
//! (the answer is matched to the party) or say "ingen bemærkninger", which counts as an answer.

use crate::components::{error_view, format_date, loading_view, set_status};
use crate::consultees::get_party_invitation;
use crate::i18n::*;
use crate::routes;
use hoering::consultees::PartyStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PartyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let party = Resource::new(token, get_party_invitation);
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                match party.await {
                    Ok(Some(p)) => {
                        let closes = format_date(locale, &p.closes);
                        let state = match p.status {
                            PartyStatus::Answered => Some(td_string!(locale, party_answered_thanks).to_string()),
                            PartyStatus::Declined => Some(td_string!(locale, party_declined_thanks).to_string()),
                            _ => None,
                        };
                        let answered = p.status == PartyStatus::Answered;
                        view! {
                            <Title text=format!("{} – {}", p.hearing_title, p.organisation) />
                            <p class="eyebrow">{td_string!(locale, party_consultation_list)}</p>
                            <h1>{p.hearing_title.clone()}</h1>
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
