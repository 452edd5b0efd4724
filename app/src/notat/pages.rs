//! The høringsnotat: the clerks' page (bemærkninger, approval, publication, downloads), the
//! editor of one bemærkning, the published notat, and "I sagde – vi gjorde" for the public.

use crate::components::notat::{NotatItemView, outcome_text};
use crate::components::page::{found_or, page_about, route_param};
use crate::components::staff::{LogoutForm, session, staff_form_page};
use crate::components::{FieldError, long_date, sender_kind_label};
use crate::forms::FormEcho;
use crate::forms::error_message;
use crate::i18n::*;
use crate::notat::RemarkCard;
use crate::notat::edition::EditionsAdminSection;
use crate::retention::section::RetentionSection;
use hoering::notat::{Outcome, RemarkStage, TargetKind};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn state_name(locale: Locale, state: RemarkStage) -> &'static str {
    match state {
        RemarkStage::Published => td_string!(locale, status_published),
        RemarkStage::Approved => td_string!(locale, notat_approved),
        RemarkStage::Draft => td_string!(locale, notat_draft),
    }
}

/// A remark in the clerks' list, with its approval form.
#[component]
fn RemarkItem(card: RemarkCard, slug: String, csrf: String, echo: FormEcho) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let id = format!("bemaerkning-{}", card.id);
    let heading = format!("{id}-titel");
    let labelled = heading.clone();
    let anchor = id.clone();
    let error = (echo.value("remark_id") == card.id.to_string())
        .then(|| echo.error("remark"))
        .flatten()
        .map(|c| error_message(i18n, "remark", &c));
    let error_id = format!("{id}-fejl");
    let target = match card.kind {
        TargetKind::Group => td_string!(
            locale,
            notat_campaign_target,
            count = card.members,
            receipt = card.receipt_number.clone()
        )
        .to_string(),
        TargetKind::Passage => format!(
            "{} · {}",
            card.receipt_number,
            td_string!(locale, notat_a_point_in_the_response)
        ),
        TargetKind::Response => card.receipt_number.clone(),
    };
    let section = if card.section.is_empty() {
        td_string!(locale, notat_the_draft_as_a_whole).to_owned()
    } else {
        format!("{} {}", td_string!(locale, notat_section), card.section)
    };
    view! {
        <li id=anchor class=format!("remark-card state-{}", card.state.code())>
            <article aria-labelledby=labelled>
                <h3 id=heading>{target} " · " {section}</h3>
                <p class="response-meta">
                    <span class="badge">{state_name(locale, card.state)}</span>
                    " · " {td_string!(locale, notat_written_by)}{card.author.clone()}
                    {card.approver.clone().map(|a| view! { " · " {td_string!(locale, notat_approved_by)}{a} })}
                </p>
                {card.passage.clone().map(|p| view! {
                    <p class="label">{td_string!(locale, notat_the_point_in_the_response)}</p>
                    <blockquote class="notat-said">{p}</blockquote>
                })}
                <p class="label">{td_string!(locale, notat_what_was_said)}</p>
                <p class="joint-text">{card.summary.clone()}</p>
                <p class="label">{td_string!(locale, notat_the_administration_s_comment)}</p>
                <p class="joint-text">{card.text.clone()}</p>
                <p><strong>{td_string!(locale, notat_conclusion_label)}</strong>{outcome_text(locale, &card.outcome)}</p>
                <FieldError id=error_id.clone() message=Signal::derive(move || error.clone()) />
                {(card.state != RemarkStage::Published).then(|| view! {
                    <p class="actions">
                        <a class="button button-secondary" href=crate::routes::remark_editor(&slug, None, false, Some(card.id))>{td_string!(locale, notat_edit)}<span class="visually-hidden">{format!(" {}", card.receipt_number)}</span></a>
                        {(card.state == RemarkStage::Draft && !card.own).then(|| view! {
                            " "
                            <form method="post" action=format!("{}/bemaerkninger/{}/godkend", crate::routes::admin_hearing(&slug), card.id) class="inline-form">
                                <input type="hidden" name="csrf" value=csrf.clone() />
                                <input type="hidden" name="remark_id" value=card.id.to_string() />
                                <button type="submit" class="button">{td_string!(locale, notat_approve)}<span class="visually-hidden">{format!(" {}", card.receipt_number)}</span></button>
                            </form>
                        })}
                        {(card.state == RemarkStage::Draft && card.own).then(|| view! {
                            " " <span class="muted">{td_string!(locale, notat_another_clerk_must_approve_your_remark)}</span>
                        })}
                    </p>
                })}
            </article>
        </li>
    }
}

#[component]
pub fn AdminNotatPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = route_param("slug");
    let user = session();
    let notat = Resource::new(slug, crate::notat::admin_notat);
    staff_form_page(user, move |user, echo, locale| async move {
        let n = found_or(notat.await)?;
        let slug = n.hearing_slug.clone();
        let drafts = n
            .remarks
            .iter()
            .filter(|r| r.state == RemarkStage::Draft)
            .count();
        let approved = n
            .remarks
            .iter()
            .filter(|r| r.state == RemarkStage::Approved)
            .count();
        let title = td_string!(locale, outbox_consultation_report);
        let field = |name: &'static str| echo.error(name).map(|c| error_message(i18n, name, &c));
        let case_error = field("case_number");
        let announced_error = field("announced");
        let case_value = if echo.values.contains_key("case_number") {
            echo.value("case_number")
        } else {
            n.case_number.clone()
        };
        let announced_value = if echo.values.contains_key("announced") {
            echo.value("announced")
        } else {
            n.announced.clone()
        };
        let typed_or = |name: &str, stored: &str| {
            if echo.values.contains_key(name) {
                echo.value(name)
            } else {
                stored.to_owned()
            }
        };
        let summary_value = typed_or("notat_summary", &n.notat_summary);
        let recommendation_value = typed_or("recommendation", &n.recommendation);
        let summary_error = field("notat_summary");
        let recommendation_error = field("recommendation");
        let set_aside_error = field("set_aside");
        let publish_refused = field("publish").or_else(|| field("edition_reason"));
        let download = |file: &str| crate::routes::admin_download(&slug, file);
        Ok(view! {
            <Title text=format!("{title} · {}", n.hearing_title) />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::admin_hearing(&slug)>{n.hearing_title.clone()}</a></p>
            <h1>{title}</h1>
            // A refused publication is told here at the top, with focus on it: the publish
            // form is at the end of a long page, and the browser shows the page from its top.
            {publish_refused.map(|message| view! {
                <div class="error-summary" id="offentliggoer-afvist" role="alert" tabindex="-1" autofocus=true>
                    <h2>{td_string!(locale, error_summary_title)}</h2>
                    <p><a href="#offentliggoer">{message}</a></p>
                </div>
            })}
            <p class="lead">{td_string!(locale, notat_answered_summary, answered = n.answered, count = n.responses, remarks = td_string!(locale, notat_answered_summary_remarks, count = n.remarks.len()).to_string(), drafts = drafts, approved = approved).to_string()}</p>
            <p class="hint">{td_string!(locale, notat_write_remarks_from_a_single_response)}</p>

            <section aria-labelledby="hent-titel">
                <h2 id="hent-titel">{td_string!(locale, notat_download)}</h2>
                <ul class="plain-list downloads">
                    <li><a href=download("hoeringsnotat.docx") rel="external" download="">{td_string!(locale, notat_consultation_report_as_word_docx)}</a>
                        {n.published.is_none().then(|| view! { " " <span class="muted">{td_string!(locale, notat_draft_with_every_remark)}</span> })}</li>
                    <li><a href=download("hoeringsnotat.pdf") rel="external" download="">{td_string!(locale, notat_consultation_report_as_pdf)}</a></li>
                    <li><a href=download("svar.xlsx") rel="external" download="">{td_string!(locale, notat_every_response_with_tags_groups_and)}</a></li>
                    <li><a href=download("svar.csv") rel="external" download="">{td_string!(locale, notat_the_same_as_csv)}</a></li>
                    <li><a href=download("journal.zip") rel="external" download="">{td_string!(locale, notat_records_each_response_as_a_file)}</a>
                        " " <span class="muted">{td_string!(locale, notat_first_journal_number, example = n.journal_example.clone()).to_string()}</span></li>
                </ul>
            </section>

            <section id="sag" aria-labelledby="sag-titel">
                <h2 id="sag-titel">{td_string!(locale, notat_the_case)}</h2>
                <form method="post" action=format!("{}/hoeringsnotat/sag", crate::routes::admin_hearing(&slug)) class="stacked-form">
                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                    <label for="sagsnummer">{td_string!(locale, notat_case_number)}</label>
                    <FieldError id="sagsnummer-fejl".to_string() message=Signal::derive(move || case_error.clone()) />
                    <input id="sagsnummer" name="case_number" type="text" value=case_value aria-describedby="sagsnummer-hjaelp" />
                    <p class="hint" id="sagsnummer-hjaelp">{td_string!(locale, notat_used_in_the_journal_numbers)}</p>
                    <label for="annonceret">{td_string!(locale, notat_how_the_hearing_was_announced)}</label>
                    <FieldError id="annonceret-fejl".to_string() message=Signal::derive(move || announced_error.clone()) />
                    <textarea id="annonceret" name="announced" rows="2" inner_html=crate::components::escape_html(&announced_value)></textarea>
                    <label for="sammenfatning">{td_string!(locale, notat_summary_label)}</label>
                    <FieldError id="sammenfatning-fejl".to_string() message=Signal::derive(move || summary_error.clone()) />
                    <textarea id="sammenfatning" name="notat_summary" rows="6" aria-describedby="sammenfatning-hjaelp" inner_html=crate::components::escape_html(&summary_value)></textarea>
                    <p class="hint" id="sammenfatning-hjaelp">{td_string!(locale, notat_summary_hint)}</p>
                    <label for="indstilling">{td_string!(locale, notat_recommendation_label)}</label>
                    <FieldError id="indstilling-fejl".to_string() message=Signal::derive(move || recommendation_error.clone()) />
                    <textarea id="indstilling" name="recommendation" rows="3" aria-describedby="indstilling-hjaelp" inner_html=crate::components::escape_html(&recommendation_value)></textarea>
                    <p class="hint" id="indstilling-hjaelp">{td_string!(locale, notat_recommendation_hint)}</p>
                    <button type="submit" class="button button-secondary">{td_string!(locale, notat_save)}</button>
                </form>
            </section>

            <section aria-labelledby="bemaerkninger-titel">
                <h2 id="bemaerkninger-titel">{td_string!(locale, notat_remarks)}</h2>
                {if n.remarks.is_empty() {
                    view! { <p>{td_string!(locale, notat_no_remarks_yet)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="plain-list remark-list">
                            {n.remarks.iter().cloned().map(|card| view! {
                                <RemarkItem card=card slug=slug.clone() csrf=user.csrf.clone() echo=echo.clone() />
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>

            <section id="uden-bemaerkning" aria-labelledby="uden-bemaerkning-titel">
                <h2 id="uden-bemaerkning-titel">{td_string!(locale, notat_without_remark)}</h2>
                <p class="hint">{td_string!(locale, notat_without_remark_intro)}</p>
                <FieldError id="til-side-fejl".to_string() message=Signal::derive(move || set_aside_error.clone()) />
                {if n.open_responses.is_empty() {
                    view! { <p class="success-box">{td_string!(locale, notat_none_missing)}</p> }.into_any()
                } else {
                    view! {
                        <h3>{td_string!(locale, notat_missing_responses)} " (" {n.open_responses.len()} ")"</h3>
                        <ul class="plain-list aside-list">
                            {n.open_responses.iter().map(|card| {
                                let id = card.response_id;
                                let select_id = format!("begrundelse-{id}");
                                view! {
                                    <li>
                                        <p><strong>{card.receipt_number.clone()}</strong> " " {card.excerpt.clone()}</p>
                                        <p><a href=crate::routes::remark_editor(&slug, Some(id), false, None)>{td_string!(locale, notat_write_remark)}</a></p>
                                        <form method="post" action=format!("{}/hoeringsnotat/til-side", crate::routes::admin_hearing(&slug)) class="inline-form">
                                            <input type="hidden" name="csrf" value=user.csrf.clone() />
                                            <input type="hidden" name="response" value=id.to_string() />
                                            <label for=select_id.clone()>{td_string!(locale, notat_reason_for, receipt = card.receipt_number.clone()).to_string()}</label>
                                            <select id=select_id name="reason">
                                                {hoering::notat::SetAsideReason::CHOSEN.into_iter().map(|r| view! {
                                                    <option value=r.code()>{crate::names::set_aside_reason(locale, r)}</option>
                                                }).collect_view()}
                                            </select>
                                            <button type="submit" class="button button-secondary">{td_string!(locale, notat_set_aside_button)}</button>
                                        </form>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {(!n.set_aside.is_empty()).then(|| view! {
                    <h3>{td_string!(locale, notat_set_aside_list)} " (" {n.set_aside.len()} ")"</h3>
                    <ul class="plain-list aside-list">
                        {n.set_aside.iter().map(|card| {
                            let reason = card.reason;
                            view! {
                                <li>
                                    <p><strong>{card.receipt_number.clone()}</strong> " " {card.excerpt.clone()}</p>
                                    <p class="muted">{reason.map(|r| crate::names::set_aside_reason(locale, r))}</p>
                                    {(reason != Some(hoering::notat::SetAsideReason::Withheld)).then(|| view! {
                                        <form method="post" action=format!("{}/hoeringsnotat/til-side", crate::routes::admin_hearing(&slug)) class="inline-form">
                                            <input type="hidden" name="csrf" value=user.csrf.clone() />
                                            <input type="hidden" name="response" value=card.response_id.to_string() />
                                            <input type="hidden" name="reason" value="" />
                                            <button type="submit" class="button button-secondary">{td_string!(locale, notat_take_back)}</button>
                                        </form>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
            </section>

            <section id="offentliggoer" aria-labelledby="offentliggoer-titel">
                <h2 id="offentliggoer-titel">{td_string!(locale, publish_button)}</h2>
                <EditionsAdminSection slug=slug.clone() csrf=user.csrf.clone() echo=echo.clone() editions=n.editions.clone() remarks=n.remarks.len() />
            </section>

            <RetentionSection rule=n.retention.clone() slug=slug.clone() csrf=user.csrf.clone() echo=echo.clone() />
        }.into_any())
    })
}

#[component]
pub fn RemarkEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            params.read().get("slug").unwrap_or_default(),
            q.get("svar").and_then(|v| v.parse::<i64>().ok()),
            q.get("gruppe").as_deref() == Some("1"),
            q.get("bemaerkning").and_then(|v| v.parse::<i64>().ok()),
        )
    };
    let user = session();
    let editor = Resource::new(key, |(slug, response, group, remark)| {
        crate::notat::remark_editor(slug, response, group, remark)
    });
    staff_form_page(user, move |user, echo, locale| async move {
        let e = found_or(editor.await)?;
        let slug = e.hearing_slug.clone();
        let existing = e.existing.clone();
        let typed = |name: &str, stored: Option<String>| {
            if echo.values.contains_key(name) {
                echo.value(name)
            } else {
                stored.unwrap_or_default()
            }
        };
        let summary = typed("summary", existing.as_ref().map(|r| r.summary.clone()));
        let text = typed("remark_text", existing.as_ref().map(|r| r.text.clone()));
        let outcome = typed(
            "outcome",
            existing.as_ref().map(|r| r.outcome.code().to_string()),
        );
        let change = typed(
            "change",
            existing.as_ref().and_then(|r| match &r.outcome {
                Outcome::Change { version, block } => Some(format!("{version}|{block}")),
                _ => None,
            }),
        );
        let default_section = e
            .subject
            .block_number
            .as_deref()
            .map(|b| b.split('.').next().unwrap_or_default().to_owned());
        let section = typed(
            "section",
            existing
                .as_ref()
                .map(|r| r.section.clone())
                .or(default_section),
        );
        let quote = typed("quote", existing.as_ref().and_then(|r| r.passage.clone()));
        let error = |name: &'static str| echo.error(name).map(|c| error_message(i18n, name, &c));
        let (summary_error, text_error, outcome_error, change_error, section_error, quote_error) = (
            error("summary"),
            error("remark_text"),
            error("outcome"),
            error("change"),
            error("section"),
            error("quote"),
        );
        let invalid = |e: &Option<String>| e.as_ref().map(|_| "true");
        let group = e.subject.kind == TargetKind::Group;
        let title = match (&existing, group) {
            (Some(_), _) => td_string!(locale, notat_edit_remark),
            (None, true) => td_string!(locale, notat_remark_on_a_campaign),
            (None, false) => td_string!(locale, notat_remark_on_a_response),
        };
        let outcome_choice = |code: &'static str, label: &'static str| {
            let id = format!("udfald-{code}");
            view! {
                <span class="choice">
                    <input type="radio" id=id.clone() name="outcome" value=code checked={outcome == code} />
                    <label for=id>{label}</label>
                </span>
            }
        };
        Ok(view! {
            <Title text=format!("{title} · {}", e.hearing_title) />
            <LogoutForm user=user.clone() />
            <p class="eyebrow"><a href=crate::routes::admin_notat(&slug)>{format!("{} · {}", td_string!(locale, outbox_consultation_report), e.hearing_title)}</a></p>
            <h1>{title}</h1>
            <section aria-labelledby="svaret-titel" class="remark-subject">
                <h2 id="svaret-titel">{if group {
                    td_string!(locale, notat_identical_eg, count = e.subject.members.len(), receipt = e.subject.receipt_number.clone()).to_string()
                } else {
                    format!("{} {}", td_string!(locale, notat_response), e.subject.receipt_number)
                }}</h2>
                <p lang=crate::components::text_lang(&e.subject.text).0 dir=crate::components::text_lang(&e.subject.text).1 class="response-text joint-text">{e.subject.text.clone()}</p>
                {group.then(|| view! {
                    <details>
                        <summary>{td_string!(locale, notat_the_responses_in_the_campaign)}</summary>
                        <p class="response-meta">{e.subject.members.join(", ")}</p>
                    </details>
                })}
            </section>
            <form method="post" action=format!("{}/bemaerkninger", crate::routes::admin_hearing(&slug)) class="stacked-form remark-form">
                <input type="hidden" name="csrf" value=user.csrf.clone() />
                {match &existing {
                    Some(r) => view! { <input type="hidden" name="remark" value=r.id.to_string() /> }.into_any(),
                    None => view! {
                        <input type="hidden" name="response" value=e.subject.response_id.to_string() />
                        {group.then(|| view! { <input type="hidden" name="group" value="1" /> })}
                    }.into_any(),
                }}
                {(existing.is_none() && !group).then(|| view! {
                    <label for="citat">{td_string!(locale, notat_a_particular_point_in_the_response)}</label>
                    <p class="hint" id="citat-hjaelp">{td_string!(locale, notat_copy_the_part_of_the_response)}</p>
                    <FieldError id="citat-fejl".to_string() message=Signal::derive({ let q = quote_error.clone(); move || q.clone() }) />
                    <textarea id="citat" name="quote" rows="2" aria-describedby="citat-hjaelp citat-fejl" aria-invalid=invalid(&quote_error) inner_html=crate::components::escape_html(&quote)></textarea>
                })}
                <label for="afsnit">{td_string!(locale, notat_the_draft_s_section)}</label>
                <FieldError id="afsnit-fejl".to_string() message=Signal::derive({ let s = section_error.clone(); move || s.clone() }) />
                <select id="afsnit" name="section" aria-describedby="afsnit-fejl">
                    <option value="" selected={section.is_empty()}>{td_string!(locale, notat_the_draft_as_a_whole)}</option>
                    {e.sections.iter().map(|(number, heading)| view! {
                        <option value=number.clone() selected={*number == section}>{format!("{number}. {heading}")}</option>
                    }).collect_view()}
                </select>
                <label for="sammenfatning">{td_string!(locale, notat_what_was_said_summary_for_the)}</label>
                <FieldError id="sammenfatning-fejl".to_string() message=Signal::derive({ let s = summary_error.clone(); move || s.clone() }) />
                <textarea id="sammenfatning" name="summary" rows="3" required aria-describedby="sammenfatning-fejl" aria-invalid=invalid(&summary_error) inner_html=crate::components::escape_html(&summary)></textarea>
                <label for="bemaerkning">{td_string!(locale, notat_the_administration_s_comment)}</label>
                <FieldError id="bemaerkning-fejl".to_string() message=Signal::derive({ let s = text_error.clone(); move || s.clone() }) />
                <textarea id="bemaerkning" name="remark_text" rows="5" required aria-describedby="bemaerkning-fejl" aria-invalid=invalid(&text_error) inner_html=crate::components::escape_html(&text)></textarea>
                <fieldset aria-describedby="udfald-fejl">
                    <legend>{td_string!(locale, notat_conclusion)}</legend>
                    <FieldError id="udfald-fejl".to_string() message=Signal::derive({ let s = outcome_error.clone(); move || s.clone() }) />
                    {outcome_choice("change", td_string!(locale, notat_outcome_change))}
                    {outcome_choice("no_change", td_string!(locale, notat_outcome_no_change))}
                    {outcome_choice("noted", td_string!(locale, notat_outcome_noted))}
                </fieldset>
                <label for="aendring">{td_string!(locale, notat_the_change_for_leads_to_a)}</label>
                <p class="hint" id="aendring-hjaelp">{if e.changes.is_empty() {
                    td_string!(locale, notat_there_is_no_new_version_of)
                } else {
                    td_string!(locale, notat_choose_the_changed_paragraph_in_the)
                }}</p>
                <FieldError id="aendring-fejl".to_string() message=Signal::derive({ let s = change_error.clone(); move || s.clone() }) />
                <select id="aendring" name="change" aria-describedby="aendring-hjaelp aendring-fejl" aria-invalid=invalid(&change_error)>
                    <option value="">{td_string!(locale, notat_none)}</option>
                    {e.changes.iter().map(|c| {
                        let value = format!("{}|{}", c.version, c.block);
                        let selected = value == change;
                        view! { <option value=value selected=selected>{format!("Version {} · § {} · {}", c.version, c.block, c.excerpt)}</option> }
                    }).collect_view()}
                </select>
                <p class="actions">
                    <button type="submit" class="button">{td_string!(locale, notat_save_as_draft)}</button>
                    " "
                    <a href=crate::routes::admin_notat(&slug)>{td_string!(locale, notat_back)}</a>
                </p>
                <p class="hint">{td_string!(locale, notat_an_edited_remark_must_be_approved)}</p>
            </form>
        }.into_any())
    })
}

/// `/hoeringer/{slug}/resultat`: "I sagde – vi gjorde".
#[component]
pub fn ResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        (
            params.read().get("slug").unwrap_or_default(),
            i18n.get_locale_untracked().as_str().to_owned(),
        )
    };
    let read = |(slug, locale): (String, String)| crate::notat::hearing_result(slug, locale);
    page_about(key, read, move |r, locale| async move {
        let slug = r.card.slug.clone();
        let title = td_string!(locale, hearing_you_said_we_did);
        Ok(view! {
            <Title text=format!("{title} · {}", r.card.title) />
            <p class="eyebrow"><a lang="da" dir="ltr" href=crate::routes::hearing(&slug)>{r.card.title.clone()}</a></p>
            <h1>{title}</h1>
            <p class="lead">{if r.card.state == hoering::hearing::HearingState::Closed {
                td_string!(locale, notat_result_closed, count = r.responses, closes = long_date(locale, r.card.closes)).to_string()
            } else {
                td_string!(locale, notat_result_open, closes = long_date(locale, r.card.closes), count = r.responses).to_string()
            }}</p>
            // What is published, by source: the same words and counts as every other page.
            <p id="offentliggjort">{format!("{}: {}", td_string!(locale, fact_published), crate::components::published_counts(locale, r.card.published))}</p>

            <section class="policy-section" aria-labelledby="sagt-titel">
                <h2 id="sagt-titel">{td_string!(locale, notat_what_was_said)}</h2>
                <div class="result-facts">
                    <div class="table-scroll" tabindex="0" role="region" aria-label=td_string!(locale, notat_responses_by_sender)>
                    <table class="data-table">
                        <caption>{td_string!(locale, notat_responses_by_sender)}</caption>
                        <thead><tr><th scope="col">{td_string!(locale, notat_sender)}</th><th scope="col">{td_string!(locale, notat_responses)}</th></tr></thead>
                        <tbody>{r.by_kind.iter().map(|(k, n)| view! { <tr><th scope="row">{sender_kind_label(i18n, *k)}</th><td>{*n}</td></tr> }).collect_view()}</tbody>
                    </table>
                    </div>
                    {(!r.by_section.is_empty()).then(|| view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label=td_string!(locale, notat_responses_by_section)>
                        <table class="data-table">
                            <caption>{td_string!(locale, notat_responses_by_section)}</caption>
                            <thead><tr><th scope="col">{td_string!(locale, notat_section)}</th><th scope="col">{td_string!(locale, notat_responses)}</th></tr></thead>
                            <tbody>{r.by_section.iter().map(|(s, n)| view! { <tr><th scope="row">{s.clone()}</th><td>{*n}</td></tr> }).collect_view()}</tbody>
                        </table>
                        </div>
                    })}
                </div>
                {(!r.themes.is_empty()).then(|| view! {
                    <h3>{td_string!(locale, notat_themes)}</h3>
                    <ul class="tag-list">{r.themes.iter().map(|(t, n)| view! { <li>{format!("{t} ({n})")}</li> }).collect_view()}</ul>
                })}
                {(!r.groups.is_empty()).then(|| view! {
                    <h3>{td_string!(locale, notat_campaigns)}</h3>
                    <p class="hint">{td_string!(locale, notat_responses_many_sent_in_the_same)}</p>
                    <ul class="plain-list">{r.groups.iter().map(|(n, text)| view! {
                        <li><p class="response-meta">{td_string!(locale, notat_identical_count, count = *n).to_string()}</p><blockquote class="notat-said">{text.clone()}</blockquote></li>
                    }).collect_view()}</ul>
                })}
            </section>

            <section class="policy-section" aria-labelledby="svar-titel">
                <h2 id="svar-titel">{td_string!(locale, notat_the_municipality_s_answers)}</h2>
                {match r.published {
                    None => view! { <p>{td_string!(locale, notat_the_municipality_s_remarks_on_the)}</p> }.into_any(),
                    Some(day) => view! {
                        <p>{td_string!(locale, notat_published_in_report, day = long_date(locale, day)).to_string()}<a href=crate::routes::hearing_notat(&slug)>{td_string!(locale, notat_read_the_whole_consultation_report)}</a></p>
                        {r.points.iter().cloned().map(|item| view! { <NotatItemView item=item level=2 /> }).collect_view()}
                    }.into_any(),
                }}
            </section>

            <section class="policy-section" aria-labelledby="aendret-titel">
                <h2 id="aendret-titel">{td_string!(locale, notat_what_changed_in_the_draft)}</h2>
                {match r.compared {
                    None => view! { <p>{td_string!(locale, notat_the_draft_has_not_been_changed)}</p> }.into_any(),
                    Some((from, to)) => view! {
                        <p>{td_string!(locale, notat_from_version_to, from = from, to = to).to_string()}<a href=crate::routes::changes(&slug)>{td_string!(locale, notat_see_every_change)}</a></p>
                        <p class="hint">{td_string!(locale, notat_added_text_is_underlined_deleted_text)}</p>
                        {r.changes.iter().cloned().map(|item| view! { <NotatItemView item=item level=2 /> }).collect_view()}
                    }.into_any(),
                }}
            </section>
        }.into_any())
    })
}
