//! The front page: open hearings first, with their deadlines, then upcoming and closed ones.

use crate::components::lists::none_or;
use crate::components::{error_view, loading_view, long_date};
use crate::hearing::HearingCard;
use crate::hearing::list_hearings;
use crate::i18n::*;
use crate::meeting::upcoming_meetings;
use hoering::hearing::HearingState;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let hearings = Resource::new(|| (), |_| list_hearings());
    let meetings = Resource::new(|| (), |_| upcoming_meetings());
    view! {
        <Title text=move || t_string!(i18n, home_title).to_string() />
        <h1>{t!(i18n, home_title)}</h1>
        <p class="lead">{t!(i18n, home_intro)}</p>
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                match hearings.await {
                    Ok(list) => {
                        let of = |state: HearingState| -> Vec<HearingCard> {
                            list.iter().filter(|h| h.state == state).cloned().collect()
                        };
                        view! {
                            <HearingList
                                heading=t_string!(i18n, home_open).to_string()
                                empty=t_string!(i18n, home_none_open).to_string()
                                items=of(HearingState::Open)
                            />
                            {meetings.await.ok().filter(|m| !m.is_empty()).map(|m| {
                                let locale = i18n.get_locale_untracked();
                                view! {
                                    <section aria-labelledby="kommende-moeder">
                                        <h2 id="kommende-moeder">{td_string!(locale, home_upcoming_dialogue_meetings)}</h2>
                                        <crate::components::meeting::MeetingList meetings=m />
                                    </section>
                                }
                            })}
                            <HearingList
                                heading=t_string!(i18n, home_upcoming).to_string()
                                empty=t_string!(i18n, home_none_upcoming).to_string()
                                items=of(HearingState::Upcoming)
                            />
                            <HearingList
                                heading=t_string!(i18n, home_closed).to_string()
                                empty=t_string!(i18n, home_none_closed).to_string()
                                items=of(HearingState::Closed)
                            />
                        }
                            .into_any()
                    }
                    Err(_) => error_view().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HearingList(heading: String, empty: String, items: Vec<HearingCard>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let body = none_or(items.is_empty(), empty, || {
        view! {
            <ul class="card-list">
                {items
                    .into_iter()
                    .map(|h| {
                        let deadline = long_date(locale, h.closes);
                        let opens = long_date(locale, h.opens);
                        let when = match (h.state, h.days_left) {
                            (HearingState::Open, Some(0)) => {
                                t_string!(i18n, deadline_today, date = deadline.clone()).to_string()
                            }
                            (HearingState::Open, Some(n)) => {
                                t_string!(i18n, deadline_days, date = deadline.clone(), count = n).to_string()
                            }
                            (HearingState::Upcoming, _) => {
                                t_string!(i18n, opens_on, date = opens, deadline = deadline.clone()).to_string()
                            }
                            _ => t_string!(i18n, closed_on, date = deadline.clone()).to_string(),
                        };
                        view! {
                            <li class="card">
                                <h3>
                                    <a lang="da" dir="ltr" href=crate::routes::hearing(&h.slug)>{h.title.clone()}</a>
                                </h3>
                                <p class="card-meta">{h.committee.clone()}</p>
                                <p class="card-deadline">{when}</p>
                                <p class="card-meta">
                                    {crate::components::published_counts(i18n.get_locale_untracked(), h.published)}
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <section class="hearing-group">
            <h2>{heading}</h2>
            {body}
        </section>
    }
}
