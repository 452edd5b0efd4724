//! A published response as the public reads it: who (as consent allows), when, the words it
//! quotes, and its text. Shown on the hearing page and on every version page.

use crate::components::{DANISH, long_date, sender_kind_label, text_lang};
use crate::i18n::*;
use crate::response::MeetingOrigin;
use crate::response::PublicResponse;
use leptos::prelude::*;

#[component]
pub fn ResponseItem(response: PublicResponse) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let who = match (&response.author, &response.organisation) {
        (Some(a), Some(o)) => format!("{a}, {o}"),
        (Some(a), None) => a.clone(),
        (None, Some(o)) => o.clone(),
        (None, None) => t_string!(i18n, anonymous_sender).to_string(),
    };
    let (lang, dir) = text_lang(&response.text);
    if let Some(meeting) = response.meeting.clone() {
        return view! {
            <article class="response meeting-input">
                <header class="response-meta">
                    <strong>{meeting_label(locale, &meeting)}</strong>
                    {meeting.table.clone().map(|t| view! { " · " <span lang=DANISH>{t}</span> })}
                </header>
                {response.quote.clone().map(|q| view! {
                    <p class="response-quote">{t!(i18n, quoted_words)} " " <q lang=DANISH dir="ltr">{q}</q></p>
                })}
                <p class="response-text" lang=lang dir=dir>{response.text.clone()}</p>
            </article>
        }
        .into_any();
    }
    view! {
        <article class="response">
            <header class="response-meta">
                <strong>{who}</strong>
                " · "
                {sender_kind_label(i18n, response.sender_kind)}
                " · "
                <time datetime=response.submitted_on.to_string()>{long_date(locale, response.submitted_on)}</time>
                " · "
                <span class="muted">{response.receipt_number.clone()}</span>
            </header>
            {response.quote.clone().map(|q| view! {
                <p class="response-quote">{t!(i18n, quoted_words)} " " <q lang=DANISH dir="ltr">{q}</q></p>
            })}
            <p class="response-text" lang=lang dir=dir>{response.text.clone()}</p>
            <crate::components::attachment::AttachmentList files=response.attachments.clone() />
        </article>
    }
    .into_any()
}

/// "Fra dialogmødet 12. september 2019 · Frivillige foreninger".
pub fn meeting_label(locale: Locale, meeting: &MeetingOrigin) -> String {
    td_string!(
        locale,
        meeting_input_label,
        day = long_date(locale, meeting.day),
        group = crate::names::group_plural(locale, meeting.group)
    )
    .to_string()
}

/// "Forrige side · Side 2 af 5 · Næste side": plain links, so paging works without JavaScript.
/// `href(n)` is the address of page `n`.
#[component]
pub fn Pager(current: u32, pages: u32, href: impl Fn(u32) -> String) -> impl IntoView {
    let i18n = use_i18n();
    (pages > 1).then(|| {
        let prev = (current > 1)
            .then(|| view! { <a rel="prev" href=href(current - 1)>{t!(i18n, page_prev)}</a> });
        let next = (current < pages)
            .then(|| view! { <a rel="next" href=href(current + 1)>{t!(i18n, page_next)}</a> });
        view! {
            <nav class="pager" aria-label=t_string!(i18n, pager_label)>
                {prev}
                <span>{t_string!(i18n, page_of, page = current, pages = pages).to_string()}</span>
                {next}
            </nav>
        }
    })
}

/// One page of the input shown under a block (`which`, at `#anchor`): the head with the link
/// that hides it, the items (the children, each an `<li>`), and the pager. `label` names the
/// region; `heading`, when there is one, stands in the head before the link.
#[component]
pub fn ShownInput(
    label: String,
    heading: Option<String>,
    which: String,
    anchor: String,
    current: u32,
    pages: u32,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let hide = format!("?#{anchor}");
    let href = move |n: u32| crate::routes::shown_page(&which, n, &anchor);
    view! {
        <section class="responses" aria-label=label>
            <p class="responses-head">
                {heading.map(|h| view! { <strong>{h}</strong> " " })}
                <a href=hide>{t!(i18n, hide_responses)}</a>
            </p>
            <ol class="response-list">{children()}</ol>
            <Pager current=current pages=pages href=href />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoering::meeting::ParticipantGroup;

    fn origin(day: &str, group: ParticipantGroup) -> MeetingOrigin {
        MeetingOrigin {
            day: day.parse().expect("an ISO date"),
            group,
            table: None,
        }
    }

    #[test]
    fn meeting_input_is_labelled_with_its_day_and_group() {
        let voluntary = origin("2019-09-12", ParticipantGroup::VoluntaryAssociation);
        let council = origin("2020-03-05", ParticipantGroup::IntegrationCouncil);
        for (locale, meeting, label) in [
            (
                Locale::da,
                &voluntary,
                "Fra dialogmødet 12. september 2019 · Frivillige foreninger",
            ),
            (
                Locale::en,
                &voluntary,
                "From the dialogue meeting on 12 September 2019 · Voluntary associations",
            ),
            (
                Locale::da,
                &council,
                "Fra dialogmødet 5. marts 2020 · Integrationsrådet",
            ),
        ] {
            assert_eq!(meeting_label(locale, meeting), label);
        }
    }
}
