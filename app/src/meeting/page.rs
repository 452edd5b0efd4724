//! A dialogue meeting as the public sees it: when and where, the agenda, the sign-up form, and
//! after the meeting its minutes and who came by group (never names). Also a participant's own
//! sign-up page.

use super::parts::{AttendanceTable, seats_text};
use crate::components::fields::{CheckField, FormState, RadioGroup, TextArea, TextField};
use crate::components::long_date;
use crate::components::page::{
    found_or, page_about, query_choice, route_id, route_param, suspended_form,
};
use crate::i18n::*;
use crate::meeting::MeetingCard;
use crate::meeting::get_meeting;
use crate::meeting::get_signup;
use crate::routes;
use hoering::meeting::{ParticipantGroup, SignupMode, SignupStatus};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MeetingPage() -> impl IntoView {
    let id = route_id("id");
    let invitation = query_choice(routes::INVITATION);
    let meeting = Resource::new(
        move || (id(), invitation()),
        |(id, inv)| get_meeting(id, inv),
    );
    let query = use_query_map();
    suspended_form(move |echo, locale| async move {
        let m = found_or(meeting.await)?;
        let card = m.card.clone();
        // Kept in the form, so a mistake does not lose the invitation.
        let invitation_token = query
            .with_untracked(|q| q.get(routes::INVITATION))
            .or_else(|| Some(echo.value("invitation")).filter(|t| !t.is_empty()));
        let form = FormState {
            echo,
            prefix: "tilmelding",
        };
        Ok(view! {
            <Title text=card.title.clone() />
            <p class="eyebrow">
                {td_string!(locale, meeting_dialogue_meeting_on)}
                <a lang="da" dir="ltr" href=routes::policy(&card.policy_slug)>{card.policy_title.clone()}</a>
            </p>
            <h1 lang="da" dir="ltr">{card.title.clone()}</h1>
            <dl class="facts">
                <div><dt>{td_string!(locale, meeting_when)}</dt><dd>{crate::dates::time_span(locale, card.starts_at, card.ends_at)}</dd></div>
                <div><dt>{td_string!(locale, meeting_where)}</dt><dd>{card.place.clone()}</dd></div>
                <div><dt>{td_string!(locale, meeting_access)}</dt><dd>{if card.step_free {
                    td_string!(locale, admin_meeting_step_free_access)
                } else {
                    td_string!(locale, meeting_no_step_free_access_write_to)
                }}</dd></div>
                <div><dt>{td_string!(locale, meeting_seats)}</dt><dd>{seats_text(locale, &card)}</dd></div>
            </dl>
            {(!m.agenda_html.trim().is_empty()).then(|| view! {
                <section aria-labelledby="dagsorden">
                    <h2 id="dagsorden">{td_string!(locale, meeting_agenda)}</h2>
                    <div class="note" lang="da" dir="ltr" inner_html=m.agenda_html.clone()></div>
                </section>
            })}
            {(m.minutes_html.is_some() || m.minutes_file.is_some()).then(|| view! {
                <section aria-labelledby="referat">
                    <h2 id="referat">{td_string!(locale, admin_meeting_minutes)}</h2>
                    {m.minutes_html.clone().map(|html| view! {
                        <div class="note" lang="da" dir="ltr" inner_html=html></div>
                    })}
                    {m.minutes_file.clone().map(|f| view! {
                        <p>
                            <a class="file-name" href=f.url.clone() download="" dir="auto">{td_string!(locale, meeting_minutes_file)}": " {f.name.clone()}</a>
                            " " <span class="muted">"(" {crate::components::attachment::kind_name(f.kind)} ", "
                            {crate::components::attachment::size_text(locale, f.size)} ")"</span>
                        </p>
                    })}
                </section>
            })}
            {(!m.attendance.is_empty()).then(|| view! {
                <section aria-labelledby="deltagere">
                    <h2 id="deltagere">{td_string!(locale, meeting_who_took_part)}</h2>
                    <AttendanceTable counts=m.attendance.clone() />
                </section>
            })}
            {(m.inputs > 0).then(|| view! {
                <p>
                    {td_string!(locale, meeting_inputs_by_paragraphs, count = m.inputs).to_string()}
                    <a href=routes::hearing(&m.hearing_slug)>{td_string!(locale, party_read_the_draft)}</a>
                </p>
            })}
            {if card.signup_open {
                view! { <SignupForm card=card.clone() form=form invitation=invitation_token.clone() /> }.into_any()
            } else if card.past {
                ().into_any()
            } else {
                view! { <p class="muted">{match card.mode {
                    SignupMode::Invitation => td_string!(locale, meeting_by_invitation),
                    SignupMode::Open => td_string!(locale, meeting_sign_up_is_closed),
                }}</p> }.into_any()
            }}
        }.into_any())
    })
}

#[component]
pub fn SignupForm(card: MeetingCard, form: FormState, invitation: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let groups: Vec<(&'static str, &'static str)> = ParticipantGroup::ALL
        .into_iter()
        .map(|g| (g.as_str(), crate::names::group(locale, g)))
        .collect();
    let has_errors = !form.echo.errors.is_empty();
    let full = card.seated >= card.capacity;
    view! {
        <section aria-labelledby="tilmeld">
            <h2 id="tilmeld">{if full {
                td_string!(locale, meeting_join_the_waiting_list)
            } else {
                td_string!(locale, meeting_sign_up)
            }}</h2>
            <p>{td_string!(locale, meeting_sign_up_by_label)}{long_date(locale, card.signup_deadline)}</p>
            {has_errors.then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <p>{td_string!(locale, meeting_the_sign_up_was_not_sent)}</p>
                </div>
            })}
            <form method="post" action=routes::meeting_signup(card.id) class="admin-form" novalidate>
                {invitation.map(|t| view! { <input type="hidden" name="invitation" value=t /> })}
                <TextField form=form.clone() name="name" label=td_string!(locale, label_name) required=true autocomplete="name" />
                <TextField form=form.clone() name="email" label=td_string!(locale, label_email) kind="email" required=true autocomplete="email"
                    hint=td_string!(locale, meeting_you_get_a_confirmation_with_a) />
                <RadioGroup form=form.clone() name="group" legend=td_string!(locale, meeting_i_take_part_as) options=groups />
                <TextField form=form.clone() name="organisation" label=td_string!(locale, meeting_association_or_organisation) autocomplete="organization"
                    hint=td_string!(locale, meeting_only_if_you_come_for_an) />
                <fieldset class="field">
                    <legend>{td_string!(locale, meeting_needs_optional)}</legend>
                    <CheckField form=form.clone() name="interpreter" label=td_string!(locale, meeting_i_need_an_interpreter) />
                    <TextField form=form.clone() name="interpreter_language" label=td_string!(locale, meeting_interpreter_for_which_language) />
                    <CheckField form=form.clone() name="step_free" label=td_string!(locale, meeting_i_need_step_free_access) />
                    <TextArea form=form.clone() name="other_needs" label=td_string!(locale, meeting_other_needs) rows=2 />
                </fieldset>
                <CheckField form=form.clone() name="consent" label=td_string!(locale, meeting_i_consent_to_the_municipality_keeping)
                    hint=td_string!(locale, meeting_your_name_e_mail_and_needs) />
                <button type="submit" class="button">{if full {
                    td_string!(locale, meeting_put_me_on_the_waiting_list)
                } else {
                    td_string!(locale, meeting_sign_me_up)
                }}</button>
            </form>
        </section>
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let token = route_param("token");
    page_about(token, get_signup, move |s, locale| async move {
        let card = s.meeting.clone();
        let (heading, lead) = match s.signup.status {
            SignupStatus::Seated => (
                td_string!(locale, meeting_signed_up).to_string(),
                td_string!(locale, meeting_confirmation_sent).to_string(),
            ),
            SignupStatus::Waiting => (
                td_string!(locale, meeting_on_waiting_list).to_string(),
                td_string!(
                    locale,
                    meeting_waiting_place,
                    place = s.waiting_place.unwrap_or(1)
                )
                .to_string(),
            ),
            SignupStatus::Cancelled => (
                td_string!(locale, meeting_signup_cancelled).to_string(),
                td_string!(locale, meeting_thanks_for_letting_us_know).to_string(),
            ),
        };
        let active = s.signup.status != SignupStatus::Cancelled;
        Ok(view! {
            <Title text=heading.clone() />
            <div class="success-panel" role="status">
                <h1>{heading}</h1>
                <p>{lead}</p>
            </div>
            <dl class="summary-list">
                <div><dt>{td_string!(locale, meeting_meeting)}</dt><dd><a lang="da" dir="ltr" href=routes::meeting(card.id)>{card.title.clone()}</a></dd></div>
                <div><dt>{td_string!(locale, meeting_when)}</dt><dd>{crate::dates::time_span(locale, card.starts_at, card.ends_at)}</dd></div>
                <div><dt>{td_string!(locale, meeting_where)}</dt><dd>{card.place.clone()}</dd></div>
                <div><dt>{td_string!(locale, label_name)}</dt><dd>{s.signup.name.clone()}</dd></div>
                <div><dt>{td_string!(locale, label_email)}</dt><dd>{s.signup.email.clone()}</dd></div>
                <div><dt>{td_string!(locale, meeting_taking_part_as)}</dt><dd>{crate::names::group(locale, s.signup.group)}</dd></div>
                {s.signup.organisation.clone().map(|o| view! { <div><dt>{td_string!(locale, meeting_organisation)}</dt><dd>{o}</dd></div> })}
                {s.signup.needs.interpreter.clone().map(|l| view! { <div><dt>{td_string!(locale, meeting_interpreter)}</dt><dd>{l}</dd></div> })}
                {s.signup.needs.step_free.then(|| view! { <div><dt>{td_string!(locale, meeting_access)}</dt><dd>{td_string!(locale, admin_meeting_step_free_access)}</dd></div> })}
                {s.signup.needs.other.clone().map(|o| view! { <div><dt>{td_string!(locale, meeting_other_needs)}</dt><dd>{o}</dd></div> })}
            </dl>
            {(active && !card.past).then(|| view! {
                <form method="post" action=routes::signup_cancel(&s.token)>
                    <button type="submit" class="button button-secondary">{td_string!(locale, meeting_cancel_my_sign_up)}</button>
                </form>
            })}
        }.into_any())
    })
}
