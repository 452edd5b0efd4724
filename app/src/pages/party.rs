//! A party's own page on the høringsliste, reached by the link in its invitation: respond
//! (the answer is matched to the party) or say "ingen bemærkninger", which counts as an answer.

use super::policy::say;
use crate::api::get_party_invitation;
use crate::components::{error_view, format_date, loading_view, set_status};
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
                        let state = match (p.status, locale) {
                            (PartyStatus::Answered, Locale::da) => Some("Tak for jeres høringssvar. Det er registreret som jeres svar.".to_string()),
                            (PartyStatus::Answered, Locale::en) => Some("Thank you for your response. It is recorded as your answer.".to_string()),
                            (PartyStatus::Declined, Locale::da) => Some("Tak. I har meldt, at I ingen bemærkninger har. Vil I alligevel svare, kan I gøre det indtil fristen.".to_string()),
                            (PartyStatus::Declined, Locale::en) => Some("Thank you. You have said you have no comments. You may still respond until the deadline.".to_string()),
                            _ => None,
                        };
                        let answered = p.status == PartyStatus::Answered;
                        view! {
                            <Title text=format!("{} – {}", p.hearing_title, p.organisation) />
                            <p class="eyebrow">{say(locale, "Høringsliste", "Consultation list")}</p>
                            <h1>{p.hearing_title.clone()}</h1>
                            <p class="lead">{match locale {
                                Locale::da => format!("{} er inviteret til at give høringssvar. Fristen er {closes}.", p.organisation),
                                Locale::en => format!("{} is invited to respond. The deadline is {closes}.", p.organisation),
                            }}</p>
                            {state.map(|s| view! { <div class="success-panel" role="status"><p>{s}</p></div> })}
                            {(p.open && !answered).then(|| view! {
                                <p>
                                    <a class="button" href=routes::respond_as_party(&p.hearing_slug, &p.token)>{say(locale, "Giv høringssvar", "Respond")}</a>
                                    " "
                                    <a href=routes::hearing(&p.hearing_slug)>{say(locale, "Læs udkastet", "Read the draft")}</a>
                                </p>
                                {(p.status != PartyStatus::Declined).then(|| view! {
                                    <form method="post" action=routes::party_decline(&p.token)>
                                        <p>{say(locale, "Har I ingen bemærkninger, så meld det her; det tæller som jeres svar.", "If you have no comments, say so here; it counts as your answer.")}</p>
                                        <button type="submit" class="button button-secondary">{say(locale, "Vi har ingen bemærkninger", "We have no comments")}</button>
                                    </form>
                                })}
                            })}
                            {(!p.open).then(|| view! {
                                <p class="muted">{say(locale, "Høringen er ikke åben.", "The hearing is not open.")}</p>
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
