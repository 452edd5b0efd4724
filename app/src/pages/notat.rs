//! The høringsnotat: the clerks' page (bemærkninger, approval, publication, downloads), the
//! editor of one bemærkning, the published notat, and "I sagde – vi gjorde" for the public.

use crate::api::get_current_user;
use crate::components::notat::{NotatBody, NotatItemView, outcome_text};
use crate::components::{
    FieldError, error_view, form_echo, format_date, loading_view, sender_kind_label, set_status,
};
use crate::forms::error_message;
use crate::i18n::*;
use crate::model::{FormEcho, RemarkCard};
use crate::pages::admin::{LogoutForm, staff_or};
use crate::pages::policy::say;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn state_name(locale: Locale, state: &str) -> &'static str {
    match state {
        "published" => say(locale, "Offentliggjort", "Published"),
        "approved" => say(locale, "Godkendt", "Approved"),
        _ => say(locale, "Udkast", "Draft"),
    }
}

fn outcome_name(locale: Locale, card: &RemarkCard) -> String {
    let outcome = match card.outcome.as_str() {
        "change" => hoering::notat::Outcome::Change {
            version: card
                .change_version
                .and_then(|v| u32::try_from(v).ok())
                .unwrap_or_default(),
            block: card.change_block.clone().unwrap_or_default(),
        },
        "no_change" => hoering::notat::Outcome::NoChange,
        _ => hoering::notat::Outcome::Noted,
    };
    outcome_text(locale, &outcome)
}

fn not_found() -> AnyView {
    set_status(404);
    let i18n = use_i18n();
    view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any()
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
    let target = match card.kind.as_str() {
        "group" => match locale {
            Locale::da => format!(
                "Kampagne: {} ens svar (fx {})",
                card.members, card.receipt_number
            ),
            Locale::en => format!(
                "Campaign: {} identical responses (e.g. {})",
                card.members, card.receipt_number
            ),
        },
        "passage" => format!(
            "{} · {}",
            card.receipt_number,
            say(locale, "et punkt i svaret", "a point in the response")
        ),
        _ => card.receipt_number.clone(),
    };
    let section = if card.section.is_empty() {
        say(locale, "Forslaget som helhed", "The draft as a whole").to_owned()
    } else {
        format!("{} {}", say(locale, "Afsnit", "Section"), card.section)
    };
    view! {
        <li id=anchor class=format!("remark-card state-{}", card.state)>
            <article aria-labelledby=labelled>
                <h3 id=heading>{target} " · " {section}</h3>
                <p class="response-meta">
                    <span class="badge">{state_name(locale, &card.state)}</span>
                    " · " {say(locale, "Skrevet af ", "Written by ")}{card.author.clone()}
                    {card.approver.clone().map(|a| view! { " · " {say(locale, "godkendt af ", "approved by ")}{a} })}
                </p>
                {card.passage.clone().map(|p| view! {
                    <p class="label">{say(locale, "Punktet i svaret", "The point in the response")}</p>
                    <blockquote class="notat-said">{p}</blockquote>
                })}
                <p class="label">{say(locale, "Hvad blev sagt", "What was said")}</p>
                <p class="joint-text">{card.summary.clone()}</p>
                <p class="label">{say(locale, "Administrationens bemærkning", "The administration's comment")}</p>
                <p class="joint-text">{card.text.clone()}</p>
                <p><strong>{say(locale, "Konklusion: ", "Conclusion: ")}</strong>{outcome_name(locale, &card)}</p>
                <FieldError id=error_id.clone() message=Signal::derive(move || error.clone()) />
                {(card.state != "published").then(|| view! {
                    <p class="actions">
                        <a class="button button-secondary" href=crate::routes::remark_editor(&slug, None, false, Some(card.id))>{say(locale, "Ret", "Edit")}<span class="visually-hidden">{format!(" {}", card.receipt_number)}</span></a>
                        {(card.state == "draft" && !card.own).then(|| view! {
                            " "
                            <form method="post" action=format!("{}/bemaerkninger/{}/godkend", crate::routes::admin_hearing(&slug), card.id) class="inline-form">
                                <input type="hidden" name="csrf" value=csrf.clone() />
                                <input type="hidden" name="remark_id" value=card.id.to_string() />
                                <button type="submit" class="button">{say(locale, "Godkend", "Approve")}<span class="visually-hidden">{format!(" {}", card.receipt_number)}</span></button>
                            </form>
                        })}
                        {(card.state == "draft" && card.own).then(|| view! {
                            " " <span class="muted">{say(locale, "En anden sagsbehandler skal godkende din bemærkning.", "Another clerk must approve your remark.")}</span>
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
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let user = Resource::new(|| (), |_| get_current_user());
    let notat = Resource::new(slug, crate::api::admin_notat);
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                let n = match notat.await {
                    Ok(Some(n)) => n,
                    Ok(None) => return not_found(),
                    Err(_) => return error_view().into_any(),
                };
                let slug = n.hearing_slug.clone();
                let drafts = n.remarks.iter().filter(|r| r.state == "draft").count();
                let approved = n.remarks.iter().filter(|r| r.state == "approved").count();
                let title = say(locale, "Høringsnotat", "Consultation report");
                let field = |name: &'static str| {
                    echo.error(name).map(|c| error_message(i18n, name, &c))
                };
                let case_error = field("case_number");
                let announced_error = field("announced");
                let publish_error = field("publish");
                let case_value = if echo.values.contains_key("case_number") { echo.value("case_number") } else { n.case_number.clone() };
                let announced_value = if echo.values.contains_key("announced") { echo.value("announced") } else { n.announced.clone() };
                let download = |file: &str| crate::routes::admin_download(&slug, file);
                view! {
                    <Title text=format!("{title} · {}", n.hearing_title) />
                    <LogoutForm user=user.clone() />
                    <p class="eyebrow"><a href=crate::routes::admin_hearing(&slug)>{n.hearing_title.clone()}</a></p>
                    <h1>{title}</h1>
                    <p class="lead">{match locale {
                        Locale::da => format!("{} af {} høringssvar er besvaret i {} bemærkninger: {} udkast, {} godkendt.", n.answered, n.responses, n.remarks.len(), drafts, approved),
                        Locale::en => format!("{} of {} responses are answered in {} remarks: {} drafts, {} approved.", n.answered, n.responses, n.remarks.len(), drafts, approved),
                    }}</p>
                    <p class="hint">{say(locale, "Skriv bemærkninger fra det enkelte svar (\"Skriv bemærkning\") eller fra en kampagne på siden Kampagner og kopier. En anden sagsbehandler godkender hver bemærkning, og alle offentliggøres samlet.", "Write remarks from a single response (\"Write a remark\") or from a campaign on the Campaigns and copies page. Another clerk approves each remark, and all are published together.")}</p>

                    <section aria-labelledby="hent-titel">
                        <h2 id="hent-titel">{say(locale, "Hent", "Download")}</h2>
                        <ul class="plain-list downloads">
                            <li><a href=download("hoeringsnotat.docx") rel="external" download="">{say(locale, "Høringsnotat som Word (DOCX)", "Consultation report as Word (DOCX)")}</a>
                                {n.published.is_none().then(|| view! { " " <span class="muted">{say(locale, "(udkast med alle bemærkninger)", "(draft with every remark)")}</span> })}</li>
                            <li><a href=download("hoeringsnotat.pdf") rel="external" download="">{say(locale, "Høringsnotat som PDF", "Consultation report as PDF")}</a></li>
                            <li><a href=download("svar.xlsx") rel="external" download="">{say(locale, "Alle svar med mærker, grupper og bemærkninger (Excel)", "Every response with tags, groups and remarks (Excel)")}</a></li>
                            <li><a href=download("svar.csv") rel="external" download="">{say(locale, "Det samme som CSV", "The same as CSV")}</a></li>
                            <li><a href=download("journal.zip") rel="external" download="">{say(locale, "Journalisering: hvert svar som fil med journalnummer, og et manifest (ZIP)", "Records: each response as a file with its journal number, and a manifest (ZIP)")}</a>
                                " " <span class="muted">{match locale {
                                    Locale::da => format!("Første journalnummer: {}", n.journal_example),
                                    Locale::en => format!("First journal number: {}", n.journal_example),
                                }}</span></li>
                        </ul>
                    </section>

                    <section id="sag" aria-labelledby="sag-titel">
                        <h2 id="sag-titel">{say(locale, "Sagen", "The case")}</h2>
                        <form method="post" action=format!("{}/hoeringsnotat/sag", crate::routes::admin_hearing(&slug)) class="stacked-form">
                            <input type="hidden" name="csrf" value=user.csrf.clone() />
                            <label for="sagsnummer">{say(locale, "Sagsnummer", "Case number")}</label>
                            <FieldError id="sagsnummer-fejl".to_string() message=Signal::derive(move || case_error.clone()) />
                            <input id="sagsnummer" name="case_number" type="text" value=case_value aria-describedby="sagsnummer-hjaelp" />
                            <p class="hint" id="sagsnummer-hjaelp">{say(locale, "Bruges i journalnumrene.", "Used in the journal numbers.")}</p>
                            <label for="annonceret">{say(locale, "Sådan blev høringen annonceret", "How the hearing was announced")}</label>
                            <FieldError id="annonceret-fejl".to_string() message=Signal::derive(move || announced_error.clone()) />
                            <textarea id="annonceret" name="announced" rows="2" inner_html=crate::components::escape_html(&announced_value)></textarea>
                            <button type="submit" class="button button-secondary">{say(locale, "Gem", "Save")}</button>
                        </form>
                    </section>

                    <section aria-labelledby="bemaerkninger-titel">
                        <h2 id="bemaerkninger-titel">{say(locale, "Bemærkninger", "Remarks")}</h2>
                        {if n.remarks.is_empty() {
                            view! { <p>{say(locale, "Ingen bemærkninger endnu.", "No remarks yet.")}</p> }.into_any()
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

                    <section id="offentliggoer" aria-labelledby="offentliggoer-titel">
                        <h2 id="offentliggoer-titel">{say(locale, "Offentliggør", "Publish")}</h2>
                        {match n.published.clone() {
                            Some(day) => view! {
                                <p class="success-box" role="status">{match locale {
                                    Locale::da => format!("Bemærkningerne blev offentliggjort {}.", format_date(locale, &day)),
                                    Locale::en => format!("The remarks were published on {}.", format_date(locale, &day)),
                                }}</p>
                                <p>
                                    <a href=crate::routes::hearing_notat(&slug)>{say(locale, "Det offentlige høringsnotat", "The public consultation report")}</a>
                                    " · "
                                    <a href=crate::routes::hearing_result(&slug)>{say(locale, "I sagde – vi gjorde", "You said – we did")}</a>
                                </p>
                            }.into_any(),
                            None => ().into_any(),
                        }}
                        {(drafts + approved > 0).then(|| view! {
                            <form method="post" action=format!("{}/hoeringsnotat/offentliggoer", crate::routes::admin_hearing(&slug))>
                                <input type="hidden" name="csrf" value=user.csrf.clone() />
                                <p>{say(locale, "Alle godkendte bemærkninger offentliggøres samtidig, og hver afsender får en e-mail med et link.", "Every approved remark is published at once, and each sender gets an e-mail with a link.")}</p>
                                <FieldError id="offentliggoer-fejl".to_string() message=Signal::derive(move || publish_error.clone()) />
                                <button type="submit" class="button" aria-describedby="offentliggoer-fejl">{say(locale, "Offentliggør høringsnotatet", "Publish the consultation report")}</button>
                            </form>
                        })}
                    </section>
                }.into_any()
            })}}
        </Suspense>
    }
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
    let user = Resource::new(|| (), |_| get_current_user());
    let editor = Resource::new(key, |(slug, response, group, remark)| {
        crate::api::remark_editor(slug, response, group, remark)
    });
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                let e = match editor.await {
                    Ok(Some(e)) => e,
                    Ok(None) => return not_found(),
                    Err(_) => return error_view().into_any(),
                };
                let slug = e.hearing_slug.clone();
                let existing = e.existing.clone();
                let typed = |name: &str, stored: Option<String>| {
                    if echo.values.contains_key(name) { echo.value(name) } else { stored.unwrap_or_default() }
                };
                let summary = typed("summary", existing.as_ref().map(|r| r.summary.clone()));
                let text = typed("remark_text", existing.as_ref().map(|r| r.text.clone()));
                let outcome = typed("outcome", existing.as_ref().map(|r| r.outcome.clone()));
                let change = typed("change", existing.as_ref().and_then(|r| Some(format!("{}|{}", r.change_version?, r.change_block.clone()?))));
                let default_section = e.subject.block_number.as_deref().map(|b| b.split('.').next().unwrap_or_default().to_owned());
                let section = typed("section", existing.as_ref().map(|r| r.section.clone()).or(default_section));
                let quote = typed("quote", existing.as_ref().and_then(|r| r.passage.clone()));
                let error = |name: &'static str| echo.error(name).map(|c| error_message(i18n, name, &c));
                let (summary_error, text_error, outcome_error, change_error, section_error, quote_error) =
                    (error("summary"), error("remark_text"), error("outcome"), error("change"), error("section"), error("quote"));
                let invalid = |e: &Option<String>| e.as_ref().map(|_| "true");
                let group = e.subject.kind == "group";
                let title = match (&existing, group) {
                    (Some(_), _) => say(locale, "Ret bemærkning", "Edit remark"),
                    (None, true) => say(locale, "Bemærkning til en kampagne", "Remark on a campaign"),
                    (None, false) => say(locale, "Bemærkning til et høringssvar", "Remark on a response"),
                };
                let outcome_choice = |code: &'static str, da: &'static str, en: &'static str| {
                    let id = format!("udfald-{code}");
                    view! {
                        <span class="choice">
                            <input type="radio" id=id.clone() name="outcome" value=code checked={outcome == code} />
                            <label for=id>{say(locale, da, en)}</label>
                        </span>
                    }
                };
                view! {
                    <Title text=format!("{title} · {}", e.hearing_title) />
                    <LogoutForm user=user.clone() />
                    <p class="eyebrow"><a href=crate::routes::admin_notat(&slug)>{format!("{} · {}", say(locale, "Høringsnotat", "Consultation report"), e.hearing_title)}</a></p>
                    <h1>{title}</h1>
                    <section aria-labelledby="svaret-titel" class="remark-subject">
                        <h2 id="svaret-titel">{if group {
                            match locale {
                                Locale::da => format!("{} ens svar, fx {}", e.subject.members.len(), e.subject.receipt_number),
                                Locale::en => format!("{} identical responses, e.g. {}", e.subject.members.len(), e.subject.receipt_number),
                            }
                        } else {
                            format!("{} {}", say(locale, "Høringssvar", "Response"), e.subject.receipt_number)
                        }}</h2>
                        <p class="response-text joint-text">{e.subject.text.clone()}</p>
                        {group.then(|| view! {
                            <details>
                                <summary>{say(locale, "Svarene i kampagnen", "The responses in the campaign")}</summary>
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
                            <label for="citat">{say(locale, "Et bestemt punkt i svaret (valgfrit)", "A particular point in the response (optional)")}</label>
                            <p class="hint" id="citat-hjaelp">{say(locale, "Kopiér den del af svaret, bemærkningen handler om. Lad feltet stå tomt for at besvare hele svaret.", "Copy the part of the response the remark is about. Leave it empty to answer the whole response.")}</p>
                            <FieldError id="citat-fejl".to_string() message=Signal::derive({ let q = quote_error.clone(); move || q.clone() }) />
                            <textarea id="citat" name="quote" rows="2" aria-describedby="citat-hjaelp citat-fejl" aria-invalid=invalid(&quote_error) inner_html=crate::components::escape_html(&quote)></textarea>
                        })}
                        <label for="afsnit">{say(locale, "Forslagets afsnit", "The draft's section")}</label>
                        <FieldError id="afsnit-fejl".to_string() message=Signal::derive({ let s = section_error.clone(); move || s.clone() }) />
                        <select id="afsnit" name="section" aria-describedby="afsnit-fejl">
                            <option value="" selected={section.is_empty()}>{say(locale, "Forslaget som helhed", "The draft as a whole")}</option>
                            {e.sections.iter().map(|(number, heading)| view! {
                                <option value=number.clone() selected={*number == section}>{format!("{number}. {heading}")}</option>
                            }).collect_view()}
                        </select>
                        <label for="sammenfatning">{say(locale, "Hvad blev sagt (sammenfatning til høringsnotatet)", "What was said (summary for the report)")}</label>
                        <FieldError id="sammenfatning-fejl".to_string() message=Signal::derive({ let s = summary_error.clone(); move || s.clone() }) />
                        <textarea id="sammenfatning" name="summary" rows="3" required aria-describedby="sammenfatning-fejl" aria-invalid=invalid(&summary_error) inner_html=crate::components::escape_html(&summary)></textarea>
                        <label for="bemaerkning">{say(locale, "Administrationens bemærkning", "The administration's comment")}</label>
                        <FieldError id="bemaerkning-fejl".to_string() message=Signal::derive({ let s = text_error.clone(); move || s.clone() }) />
                        <textarea id="bemaerkning" name="remark_text" rows="5" required aria-describedby="bemaerkning-fejl" aria-invalid=invalid(&text_error) inner_html=crate::components::escape_html(&text)></textarea>
                        <fieldset aria-describedby="udfald-fejl">
                            <legend>{say(locale, "Konklusion", "Conclusion")}</legend>
                            <FieldError id="udfald-fejl".to_string() message=Signal::derive({ let s = outcome_error.clone(); move || s.clone() }) />
                            {outcome_choice("change", "Giver anledning til ændring", "Leads to a change")}
                            {outcome_choice("no_change", "Giver ikke anledning til ændring", "Does not lead to a change")}
                            {outcome_choice("noted", "Tages til efterretning", "Noted")}
                        </fieldset>
                        <label for="aendring">{say(locale, "Ændringen (ved \"giver anledning til ændring\")", "The change (for \"leads to a change\")")}</label>
                        <p class="hint" id="aendring-hjaelp">{if e.changes.is_empty() {
                            say(locale, "Der er endnu ingen ny version af forslaget. Læg den nye version ind først, så kan ændringen vælges her.", "There is no new version of the draft yet. Add the new version first; then the change can be chosen here.")
                        } else {
                            say(locale, "Vælg det ændrede afsnit i den nye version.", "Choose the changed paragraph in the new version.")
                        }}</p>
                        <FieldError id="aendring-fejl".to_string() message=Signal::derive({ let s = change_error.clone(); move || s.clone() }) />
                        <select id="aendring" name="change" aria-describedby="aendring-hjaelp aendring-fejl" aria-invalid=invalid(&change_error)>
                            <option value="">{say(locale, "Ingen", "None")}</option>
                            {e.changes.iter().map(|c| {
                                let value = format!("{}|{}", c.version, c.block);
                                let selected = value == change;
                                view! { <option value=value selected=selected>{format!("Version {} · § {} · {}", c.version, c.block, c.excerpt)}</option> }
                            }).collect_view()}
                        </select>
                        <p class="actions">
                            <button type="submit" class="button">{say(locale, "Gem som udkast", "Save as draft")}</button>
                            " "
                            <a href=crate::routes::admin_notat(&slug)>{say(locale, "Tilbage", "Back")}</a>
                        </p>
                        <p class="hint">{say(locale, "En bemærkning, der rettes, skal godkendes igen.", "An edited remark must be approved again.")}</p>
                    </form>
                }.into_any()
            })}}
        </Suspense>
    }
}

/// `/hoeringer/{slug}/hoeringsnotat`: the published notat, with its downloads.
#[component]
pub fn NotatPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        (
            params.read().get("slug").unwrap_or_default(),
            i18n.get_locale_untracked() == Locale::en,
        )
    };
    let notat = Resource::new(key, |(slug, english)| {
        crate::api::hearing_notat(slug, english)
    });
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let n = match notat.await {
                    Ok(Some(n)) => n,
                    Ok(None) => return not_found(),
                    Err(_) => return error_view().into_any(),
                };
                let slug = n.hearing_slug.clone();
                let title = say(locale, "Høringsnotat", "Consultation report");
                match n.published.clone() {
                    None => view! {
                        <Title text=format!("{title} · {}", n.hearing_title) />
                        <p class="eyebrow"><a href=crate::routes::hearing(&slug)>{n.hearing_title.clone()}</a></p>
                        <h1>{title}</h1>
                        <p>{say(locale, "Høringsnotatet er ikke offentliggjort endnu. Det kommer, når kommunen har gennemgået alle høringssvar.", "The consultation report has not been published yet. It comes when the municipality has gone through every response.")}</p>
                    }.into_any(),
                    Some(day) => view! {
                        <Title text=n.notat.title.clone() />
                        <p class="eyebrow"><a href=crate::routes::hearing(&slug)>{n.hearing_title.clone()}</a></p>
                        <h1>{n.notat.title.clone()}</h1>
                        <p class="lead">{match locale {
                            Locale::da => format!("Offentliggjort {}.", format_date(locale, &day)),
                            Locale::en => format!("Published on {}.", format_date(locale, &day)),
                        }}</p>
                        <p>
                            <a href=format!("{}.docx", crate::routes::hearing_notat(&slug)) rel="external" download="">{say(locale, "Hent som Word (DOCX)", "Download as Word (DOCX)")}</a>
                            " · "
                            <a href=format!("{}.pdf", crate::routes::hearing_notat(&slug)) rel="external" download="">{say(locale, "Hent som PDF", "Download as PDF")}</a>
                            " · "
                            <a href=crate::routes::hearing_result(&slug)>{say(locale, "I sagde – vi gjorde", "You said – we did")}</a>
                        </p>
                        <NotatBody notat=n.notat.clone() />
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/hoeringer/{slug}/resultat`: "I sagde – vi gjorde".
#[component]
pub fn ResultPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        (
            params.read().get("slug").unwrap_or_default(),
            i18n.get_locale_untracked() == Locale::en,
        )
    };
    let result = Resource::new(key, |(slug, english)| {
        crate::api::hearing_result(slug, english)
    });
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let r = match result.await {
                    Ok(Some(r)) => r,
                    Ok(None) => return not_found(),
                    Err(_) => return error_view().into_any(),
                };
                let slug = r.card.slug.clone();
                let title = say(locale, "I sagde – vi gjorde", "You said – we did");
                view! {
                    <Title text=format!("{title} · {}", r.card.title) />
                    <p class="eyebrow"><a href=crate::routes::hearing(&slug)>{r.card.title.clone()}</a></p>
                    <h1>{title}</h1>
                    <p class="lead">{match (locale, r.card.state == crate::model::HearingState::Closed) {
                        (Locale::da, true) => format!("{} høringssvar kom ind i høringen, der sluttede {}. Her er, hvad der blev sagt, hvad kommunen svarer, og hvad der er ændret i forslaget.", r.responses, format_date(locale, &r.card.closes)),
                        (Locale::en, true) => format!("{} responses came in during the hearing, which ended on {}. Here is what was said, what the municipality answers, and what changed in the draft.", r.responses, format_date(locale, &r.card.closes)),
                        (Locale::da, false) => format!("Høringen slutter {}. Indtil nu er der kommet {} høringssvar. Her er, hvad der er sagt, og hvad kommunen svarer, når svarene er gennemgået.", format_date(locale, &r.card.closes), r.responses),
                        (Locale::en, false) => format!("The hearing ends on {}. So far {} responses have come in. Here is what has been said, and what the municipality answers once the responses are read.", format_date(locale, &r.card.closes), r.responses),
                    }}</p>

                    <section class="policy-section" aria-labelledby="sagt-titel">
                        <h2 id="sagt-titel">{say(locale, "Hvad blev sagt", "What was said")}</h2>
                        <div class="result-facts">
                            <table class="data-table">
                                <caption>{say(locale, "Svar efter afsender", "Responses by sender")}</caption>
                                <thead><tr><th scope="col">{say(locale, "Afsender", "Sender")}</th><th scope="col">{say(locale, "Svar", "Responses")}</th></tr></thead>
                                <tbody>{r.by_kind.iter().map(|(k, n)| view! { <tr><th scope="row">{sender_kind_label(i18n, *k)}</th><td>{*n}</td></tr> }).collect_view()}</tbody>
                            </table>
                            {(!r.by_section.is_empty()).then(|| view! {
                                <table class="data-table">
                                    <caption>{say(locale, "Svar efter afsnit", "Responses by section")}</caption>
                                    <thead><tr><th scope="col">{say(locale, "Afsnit", "Section")}</th><th scope="col">{say(locale, "Svar", "Responses")}</th></tr></thead>
                                    <tbody>{r.by_section.iter().map(|(s, n)| view! { <tr><th scope="row">{s.clone()}</th><td>{*n}</td></tr> }).collect_view()}</tbody>
                                </table>
                            })}
                        </div>
                        {(!r.themes.is_empty()).then(|| view! {
                            <h3>{say(locale, "Temaer", "Themes")}</h3>
                            <ul class="tag-list">{r.themes.iter().map(|(t, n)| view! { <li>{format!("{t} ({n})")}</li> }).collect_view()}</ul>
                        })}
                        {(!r.groups.is_empty()).then(|| view! {
                            <h3>{say(locale, "Kampagner", "Campaigns")}</h3>
                            <p class="hint">{say(locale, "Svar, som mange sendte med samme ordlyd, tæller hver for sig og besvares samlet.", "Responses many sent in the same words count one by one and are answered together.")}</p>
                            <ul class="plain-list">{r.groups.iter().map(|(n, text)| view! {
                                <li><p class="response-meta">{match locale {
                                    Locale::da => format!("{n} ens svar"),
                                    Locale::en => format!("{n} identical responses"),
                                }}</p><blockquote class="notat-said">{text.clone()}</blockquote></li>
                            }).collect_view()}</ul>
                        })}
                    </section>

                    <section class="policy-section" aria-labelledby="svar-titel">
                        <h2 id="svar-titel">{say(locale, "Kommunens svar", "The municipality's answers")}</h2>
                        {match r.published.clone() {
                            None => view! { <p>{say(locale, "Kommunens bemærkninger til høringssvarene er ikke offentliggjort endnu.", "The municipality's remarks on the responses have not been published yet.")}</p> }.into_any(),
                            Some(day) => view! {
                                <p>{match locale {
                                    Locale::da => format!("Offentliggjort {} i høringsnotatet. ", format_date(locale, &day)),
                                    Locale::en => format!("Published on {} in the consultation report. ", format_date(locale, &day)),
                                }}<a href=crate::routes::hearing_notat(&slug)>{say(locale, "Læs hele høringsnotatet", "Read the whole consultation report")}</a></p>
                                {r.points.iter().cloned().map(|item| view! { <NotatItemView item=item level=2 /> }).collect_view()}
                            }.into_any(),
                        }}
                    </section>

                    <section class="policy-section" aria-labelledby="aendret-titel">
                        <h2 id="aendret-titel">{say(locale, "Hvad er ændret i forslaget", "What changed in the draft")}</h2>
                        {match r.compared {
                            None => view! { <p>{say(locale, "Forslaget er ikke ændret efter høringen.", "The draft has not been changed after the hearing.")}</p> }.into_any(),
                            Some((from, to)) => view! {
                                <p>{match locale {
                                    Locale::da => format!("Fra version {from} (høringens) til version {to}. "),
                                    Locale::en => format!("From version {from} (the hearing's) to version {to}. "),
                                }}<a href=crate::routes::changes(&slug)>{say(locale, "Se alle ændringer", "See every change")}</a></p>
                                <p class="hint">{say(locale, "Tilføjet tekst er understreget, slettet tekst er gennemstreget.", "Added text is underlined, deleted text is struck through.")}</p>
                                {r.changes.iter().cloned().map(|item| view! { <NotatItemView item=item level=2 /> }).collect_view()}
                            }.into_any(),
                        }}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}
