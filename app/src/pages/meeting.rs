//! A dialogue meeting as the public sees it: when and where, the agenda, the sign-up form, and
//! after the meeting its minutes and who came by group (never names). Also a participant's own
//! sign-up page, reached by the link in their e-mail, where they can cancel.

use super::policy::say;
use crate::api::{get_meeting, get_signup};
use crate::components::fields::{CheckField, FormState, RadioGroup, TextArea, TextField};
use crate::components::{error_view, form_echo, format_date, loading_view, set_status};
use crate::i18n::*;
use crate::model::*;
use crate::routes;
use hoering::meeting::{GroupCount, ParticipantGroup, SignupMode, SignupStatus};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// "torsdag 12. september 2019 kl. 17.00–20.00".
pub fn when(locale: Locale, starts: i64, ends: Option<i64>) -> String {
    match locale {
        Locale::da => hoering::calendar::danish_time_span(starts, ends),
        Locale::en => hoering::calendar::english_time_span(starts, ends),
    }
}

pub fn group_name(locale: Locale, group: ParticipantGroup) -> &'static str {
    match locale {
        Locale::da => group.danish(),
        Locale::en => group.english(),
    }
}

fn group_plural(locale: Locale, group: ParticipantGroup) -> &'static str {
    match locale {
        Locale::da => group.danish_plural(),
        Locale::en => group.english_plural(),
    }
}

/// Seats left, the waiting list, and whether sign-up is open, in a sentence.
pub fn seats_text(locale: Locale, card: &MeetingCard) -> String {
    let left = (card.capacity - card.seated).max(0);
    match (card.mode, locale) {
        (SignupMode::Invitation, Locale::da) => "Deltagelse efter invitation.".into(),
        (SignupMode::Invitation, Locale::en) => "By invitation.".into(),
        (SignupMode::Open, Locale::da) if left == 0 => format!(
            "Mødet er fuldt ({} pladser); nye tilmeldinger kommer på venteliste ({} venter).",
            card.capacity, card.waiting
        ),
        (SignupMode::Open, Locale::en) if left == 0 => format!(
            "The meeting is full ({} seats); new sign-ups go on the waiting list ({} waiting).",
            card.capacity, card.waiting
        ),
        (SignupMode::Open, Locale::da) => {
            format!("{left} af {} pladser er ledige.", card.capacity)
        }
        (SignupMode::Open, Locale::en) => {
            format!("{left} of {} seats are free.", card.capacity)
        }
    }
}

/// The attendance by group, as a table.
#[component]
pub fn AttendanceTable(counts: Vec<GroupCount>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let signed: u32 = counts.iter().map(|c| c.signed_up).sum();
    let came: u32 = counts.iter().map(|c| c.attended).sum();
    view! {
        <table class="data-table">
            <caption>{say(locale, "Deltagere fordelt på grupper", "Participants by group")}</caption>
            <thead><tr>
                <th scope="col">{say(locale, "Gruppe", "Group")}</th>
                <th scope="col" class="num">{say(locale, "Tilmeldt", "Signed up")}</th>
                <th scope="col" class="num">{say(locale, "Mødt", "Came")}</th>
            </tr></thead>
            <tbody>
                {counts.into_iter().map(|c| view! {
                    <tr>
                        <th scope="row">{group_plural(locale, c.group)}</th>
                        <td class="num">{c.signed_up}</td>
                        <td class="num">{c.attended}</td>
                    </tr>
                }).collect_view()}
            </tbody>
            <tfoot><tr>
                <th scope="row">{say(locale, "I alt", "Total")}</th>
                <td class="num">{signed}</td>
                <td class="num">{came}</td>
            </tr></tfoot>
        </table>
    }
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|i| i.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let query = use_query_map();
    let invitation = move || {
        query
            .read()
            .get(routes::INVITATION)
            .filter(|t| !t.is_empty())
    };
    let meeting = Resource::new(
        move || (id(), invitation()),
        |(id, inv)| get_meeting(id, inv),
    );
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let locale = i18n.get_locale_untracked();
                    match meeting.await {
                        Ok(Some(m)) => {
                            let card = m.card.clone();
                            // Kept in the form, so a mistake does not lose the invitation.
                            let invitation_token = query.with_untracked(|q| q.get(routes::INVITATION)).or_else(|| {
                                Some(echo.value("invitation")).filter(|t| !t.is_empty())
                            });
                            let form = FormState { echo, prefix: "tilmelding" };
                            view! {
                                <Title text=card.title.clone() />
                                <p class="eyebrow">
                                    {say(locale, "Dialogmøde om ", "Dialogue meeting on ")}
                                    <a href=routes::policy(&card.policy_slug)>{card.policy_title.clone()}</a>
                                </p>
                                <h1>{card.title.clone()}</h1>
                                <dl class="facts">
                                    <div><dt>{say(locale, "Tid", "When")}</dt><dd>{when(locale, card.starts_at, card.ends_at)}</dd></div>
                                    <div><dt>{say(locale, "Sted", "Where")}</dt><dd>{card.place.clone()}</dd></div>
                                    <div><dt>{say(locale, "Adgang", "Access")}</dt><dd>{if card.step_free {
                                        say(locale, "Trinfri adgang", "Step-free access")
                                    } else {
                                        say(locale, "Ikke trinfri adgang – skriv til os, så finder vi en løsning", "No step-free access – write to us and we will find a way")
                                    }}</dd></div>
                                    <div><dt>{say(locale, "Pladser", "Seats")}</dt><dd>{seats_text(locale, &card)}</dd></div>
                                </dl>
                                {(!m.agenda_html.trim().is_empty()).then(|| view! {
                                    <section aria-labelledby="dagsorden">
                                        <h2 id="dagsorden">{say(locale, "Dagsorden", "Agenda")}</h2>
                                        <div class="note" inner_html=m.agenda_html.clone()></div>
                                    </section>
                                })}
                                {m.minutes_html.clone().map(|html| view! {
                                    <section aria-labelledby="referat">
                                        <h2 id="referat">{say(locale, "Referat", "Minutes")}</h2>
                                        <div class="note" inner_html=html></div>
                                    </section>
                                })}
                                {(!m.attendance.is_empty()).then(|| view! {
                                    <section aria-labelledby="deltagere">
                                        <h2 id="deltagere">{say(locale, "Hvem deltog", "Who took part")}</h2>
                                        <AttendanceTable counts=m.attendance.clone() />
                                    </section>
                                })}
                                {(m.inputs > 0).then(|| view! {
                                    <p>
                                        {match locale {
                                            Locale::da => format!("{} input fra mødet står ved de afsnit i udkastet, de handler om. ", m.inputs),
                                            Locale::en => format!("{} inputs from the meeting stand by the paragraphs of the draft they concern. ", m.inputs),
                                        }}
                                        <a href=routes::hearing(&m.hearing_slug)>{say(locale, "Læs udkastet", "Read the draft")}</a>
                                    </p>
                                })}
                                {if card.signup_open {
                                    view! { <SignupForm card=card.clone() form=form invitation=invitation_token.clone() /> }.into_any()
                                } else if card.past {
                                    ().into_any()
                                } else {
                                    view! { <p class="muted">{match card.mode {
                                        SignupMode::Invitation => say(locale, "Deltagelse efter invitation.", "By invitation."),
                                        SignupMode::Open => say(locale, "Tilmeldingen er lukket.", "Sign-up is closed."),
                                    }}</p> }.into_any()
                                }}
                            }.into_any()
                        }
                        Ok(None) => {
                            set_status(404);
                            view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any()
                        }
                        Err(_) => error_view().into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn SignupForm(card: MeetingCard, form: FormState, invitation: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let groups: Vec<(&'static str, &'static str)> = ParticipantGroup::ALL
        .into_iter()
        .map(|g| (g.as_str(), group_name(locale, g)))
        .collect();
    let has_errors = !form.echo.errors.is_empty();
    let full = card.seated >= card.capacity;
    view! {
        <section aria-labelledby="tilmeld">
            <h2 id="tilmeld">{if full {
                say(locale, "Skriv dig på ventelisten", "Join the waiting list")
            } else {
                say(locale, "Tilmeld dig", "Sign up")
            }}</h2>
            <p>{say(locale, "Tilmeldingsfrist: ", "Sign up by: ")}{format_date(locale, &card.signup_deadline)}</p>
            {has_errors.then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <p>{say(locale, "Tilmeldingen er ikke sendt. Ret det markerede nedenfor.", "The sign-up was not sent. Correct what is marked below.")}</p>
                </div>
            })}
            <form method="post" action=routes::meeting_signup(card.id) class="admin-form" novalidate>
                {invitation.map(|t| view! { <input type="hidden" name="invitation" value=t /> })}
                <TextField form=form.clone() name="name" label=say(locale, "Navn", "Name") required=true autocomplete="name" />
                <TextField form=form.clone() name="email" label=say(locale, "E-mail", "E-mail") kind="email" required=true autocomplete="email"
                    hint=say(locale, "Du får en bekræftelse med et link, hvor du kan se eller afmelde din tilmelding.", "You get a confirmation with a link where you can see or cancel your sign-up.") />
                <RadioGroup form=form.clone() name="group" legend=say(locale, "Jeg deltager som", "I take part as") options=groups />
                <TextField form=form.clone() name="organisation" label=say(locale, "Forening eller organisation", "Association or organisation") autocomplete="organization"
                    hint=say(locale, "Kun hvis du kommer for en forening.", "Only if you come for an association.") />
                <fieldset class="field">
                    <legend>{say(locale, "Behov (frivilligt)", "Needs (optional)")}</legend>
                    <CheckField form=form.clone() name="interpreter" label=say(locale, "Jeg har brug for tolk", "I need an interpreter") />
                    <TextField form=form.clone() name="interpreter_language" label=say(locale, "Tolk til hvilket sprog", "Interpreter for which language") />
                    <CheckField form=form.clone() name="step_free" label=say(locale, "Jeg har brug for trinfri adgang", "I need step-free access") />
                    <TextArea form=form.clone() name="other_needs" label=say(locale, "Andre behov", "Other needs") rows=2 />
                </fieldset>
                <CheckField form=form.clone() name="consent" label=say(locale, "Jeg giver samtykke til, at kommunen gemmer mine oplysninger til brug for mødet", "I consent to the municipality keeping my details for the meeting")
                    hint=say(locale, "Navn, e-mail og behov ses kun af kommunens medarbejdere og slettes 30 dage efter mødet. Offentligt vises kun, hvor mange der deltog fra hver gruppe.", "Your name, e-mail and needs are seen only by the municipality's staff and deleted 30 days after the meeting. Publicly, only how many took part from each group is shown.") />
                <button type="submit" class="button">{if full {
                    say(locale, "Skriv mig på ventelisten", "Put me on the waiting list")
                } else {
                    say(locale, "Tilmeld mig", "Sign me up")
                }}</button>
            </form>
        </section>
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let signup = Resource::new(token, get_signup);
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                match signup.await {
                    Ok(Some(s)) => {
                        let card = s.meeting.clone();
                        let (heading, lead) = match (s.status, locale) {
                            (SignupStatus::Seated, Locale::da) => ("Du er tilmeldt".to_string(), "Vi har sendt en bekræftelse til din e-mail.".to_string()),
                            (SignupStatus::Seated, Locale::en) => ("You are signed up".to_string(), "We have sent a confirmation to your e-mail.".to_string()),
                            (SignupStatus::Waiting, Locale::da) => ("Du er på ventelisten".to_string(), format!("Du er nummer {} på ventelisten. Bliver en plads ledig, får du den og besked på e-mail.", s.waiting_place.unwrap_or(1))),
                            (SignupStatus::Waiting, Locale::en) => ("You are on the waiting list".to_string(), format!("You are number {} on the waiting list. If a seat comes free, it is yours, and we will e-mail you.", s.waiting_place.unwrap_or(1))),
                            (SignupStatus::Cancelled, Locale::da) => ("Din tilmelding er afmeldt".to_string(), "Tak, fordi du gav besked.".to_string()),
                            (SignupStatus::Cancelled, Locale::en) => ("Your sign-up is cancelled".to_string(), "Thank you for letting us know.".to_string()),
                        };
                        let active = s.status != SignupStatus::Cancelled;
                        view! {
                            <Title text=heading.clone() />
                            <div class="success-panel" role="status">
                                <h1>{heading}</h1>
                                <p>{lead}</p>
                            </div>
                            <dl class="summary-list">
                                <div><dt>{say(locale, "Møde", "Meeting")}</dt><dd><a href=routes::meeting(card.id)>{card.title.clone()}</a></dd></div>
                                <div><dt>{say(locale, "Tid", "When")}</dt><dd>{when(locale, card.starts_at, card.ends_at)}</dd></div>
                                <div><dt>{say(locale, "Sted", "Where")}</dt><dd>{card.place.clone()}</dd></div>
                                <div><dt>{say(locale, "Navn", "Name")}</dt><dd>{s.name.clone()}</dd></div>
                                <div><dt>{say(locale, "E-mail", "E-mail")}</dt><dd>{s.email.clone()}</dd></div>
                                <div><dt>{say(locale, "Deltager som", "Taking part as")}</dt><dd>{group_name(locale, s.group)}</dd></div>
                                {s.organisation.clone().map(|o| view! { <div><dt>{say(locale, "Organisation", "Organisation")}</dt><dd>{o}</dd></div> })}
                                {s.needs.interpreter.clone().map(|l| view! { <div><dt>{say(locale, "Tolk", "Interpreter")}</dt><dd>{l}</dd></div> })}
                                {s.needs.step_free.then(|| view! { <div><dt>{say(locale, "Adgang", "Access")}</dt><dd>{say(locale, "Trinfri adgang", "Step-free access")}</dd></div> })}
                                {s.needs.other.clone().map(|o| view! { <div><dt>{say(locale, "Andre behov", "Other needs")}</dt><dd>{o}</dd></div> })}
                            </dl>
                            {(active && !card.past).then(|| view! {
                                <form method="post" action=routes::signup_cancel(&s.token)>
                                    <button type="submit" class="button button-secondary">{say(locale, "Afmeld mig", "Cancel my sign-up")}</button>
                                </form>
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
