//! The clerk's pages: hearings with their responses waiting for moderation, a new hearing from
//! Markdown with a preview, and publishing or withholding each response.

use crate::api::{admin_hearing, admin_hearings, admin_latest_text, get_current_user};
use crate::components::staff::{LogoutForm, staff_or};
use crate::components::{
    FieldError, block_label, error_view, escape_html, form_echo, format_date, loading_view,
    publication_label, sender_kind_label, set_status, state_label,
};
use crate::forms::error_message;
use crate::i18n::*;
use crate::model::{AdminResponse, FormEcho, ModerationStatus, PartyListView, SectionView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn AdminHome() -> impl IntoView {
    let i18n = use_i18n();
    let user = Resource::new(|| (), |_| get_current_user());
    let hearings = Resource::new(|| (), |_| admin_hearings());
    let dashboard = Resource::new(|| (), |_| crate::api::admin_dashboard());
    view! {
        <Title text=move || t_string!(i18n, admin_title).to_string() />
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                let dashboard = match dashboard.await {
                    Ok(d) => d,
                    Err(_) => return error_view().into_any(),
                };
                match hearings.await {
                    Ok(list) => view! {
                        <LogoutForm user=user.clone() />
                        <h1>{t!(i18n, admin_title)}</h1>
                        <p>
                            <a class="button" href="/admin/hoeringer/ny">{t!(i18n, new_hearing)}</a>
                            " "
                            <a href=crate::routes::TEMPLATES>{td_string!(locale, templates_process_templates)}</a>
                            {user.role.may(hoering::staff::Permission::ManageCouncils).then(|| view! {
                                " · " <a href=crate::routes::COUNCILS>{td_string!(locale, council_councils)}</a>
                            })}
                            {user.role.may(hoering::staff::Permission::ReadMail).then(|| view! {
                                " · " <a href=crate::routes::OUTBOX>{td_string!(locale, outbox_outbox)}</a>
                            })}
                        </p>
                        <DashboardView dashboard=dashboard csrf=user.csrf.clone() />
                        <h2>{td_string!(locale, policy_hearings)}</h2>
                        <table class="data-table">
                            <caption class="visually-hidden">{t!(i18n, admin_title)}</caption>
                            <thead><tr>
                                <th scope="col">{t!(i18n, col_hearing)}</th>
                                <th scope="col">{t!(i18n, col_state)}</th>
                                <th scope="col">{t!(i18n, fact_deadline)}</th>
                                <th scope="col">{t!(i18n, status_pending)}</th>
                                <th scope="col">{t!(i18n, status_published)}</th>
                                <th scope="col">{t!(i18n, status_withheld)}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|h| view! {
                                    <tr>
                                        <td><a href=crate::routes::admin_hearing(&h.card.slug)>{h.card.title.clone()}</a></td>
                                        <td>{state_label(i18n, h.card.state)}</td>
                                        <td>{format_date(locale, &h.card.closes)}</td>
                                        <td>{h.pending}</td>
                                        <td>{h.published}</td>
                                        <td>{h.withheld}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(_) => error_view().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn NewHearingPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = Resource::new(|| (), |_| get_current_user());
    let echo = form_echo();
    view! {
        <Title text=move || t_string!(i18n, new_hearing).to_string() />
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                    let err = |f: &'static str| {
                        let msg = echo.error(f).map(|code| error_message(i18n, f, &code));
                        Signal::derive(move || msg.clone())
                    };
                    let described = |f: &'static str| echo.error(f).map(|_| format!("{f}-error"));
                    let invalid = |f: &'static str| echo.error(f).map(|_| "true");
                    let preview = echo.preview.clone().map(|p| view! {
                        <section class="preview" aria-labelledby="preview-title">
                            <h2 id="preview-title">{t!(i18n, preview_title)}</h2>
                            <p class="muted">{t!(i18n, preview_hint)}</p>
                            <h3>{p.title.clone()}</h3>
                            <PreviewSections sections=p.sections.clone() />
                            <PreviewSections sections=vec![SectionView { number: 0, level: 2, heading: String::new(), blocks: p.footnotes.clone() }] />
                        </section>
                    });
                    let has_errors = !echo.errors.is_empty();
                    view! {
                        <LogoutForm user=user.clone() />
                        <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
                        <h1>{t!(i18n, new_hearing)}</h1>
                        {has_errors.then(|| view! {
                            <div class="error-summary" role="alert"><p>{t!(i18n, error_summary_title)}</p></div>
                        })}
                        <form method="post" action="/admin/hoeringer/ny" enctype="multipart/form-data" class="admin-form">
                            <input type="hidden" name="csrf" value=user.csrf.clone() />
                            <div class="field">
                                <label for="markdown">{t!(i18n, label_markdown)}</label>
                                <p class="hint" id="markdown-hint">{t!(i18n, hint_markdown)}</p>
                                <FieldError id="markdown-error".to_string() message=err("markdown") />
                                <textarea id="markdown" name="markdown" rows="14" aria-describedby="markdown-hint" aria-invalid=invalid("markdown") inner_html=escape_html(&echo.value("markdown"))></textarea>
                            </div>
                            <div class="field">
                                <label for="file">{t!(i18n, label_file)}</label>
                                <input id="file" name="file" type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" />
                            </div>
                            <div class="field">
                                <label for="title">{t!(i18n, label_title)}</label>
                                <p class="hint" id="title-hint">{t!(i18n, hint_from_front_matter)}</p>
                                <FieldError id="title-error".to_string() message=err("title") />
                                <input id="title" name="title" type="text" value=echo.value("title") aria-invalid=invalid("title") aria-describedby=described("title") />
                            </div>
                            <div class="field">
                                <label for="slug">{t!(i18n, label_slug)}</label>
                                <p class="hint" id="slug-hint">{t!(i18n, hint_slug)}</p>
                                <FieldError id="slug-error".to_string() message=err("slug") />
                                <input id="slug" name="slug" type="text" value=echo.value("slug") aria-invalid=invalid("slug") aria-describedby=described("slug") />
                            </div>
                            <div class="field">
                                <label for="committee">{t!(i18n, fact_committee)}</label>
                                <FieldError id="committee-error".to_string() message=err("committee") />
                                <input id="committee" name="committee" type="text" value=echo.value("committee") aria-invalid=invalid("committee") aria-describedby=described("committee") />
                            </div>
                            <div class="field">
                                <label for="contact">{t!(i18n, fact_contact)}</label>
                                <FieldError id="contact-error".to_string() message=err("contact") />
                                <input id="contact" name="contact" type="text" value=echo.value("contact") aria-invalid=invalid("contact") aria-describedby=described("contact") />
                            </div>
                            <p class="hint">{t!(i18n, hint_dates_optional)}</p>
                            <div class="field-row">
                                <div class="field">
                                    <label for="opens">{t!(i18n, fact_opens)}</label>
                                    <FieldError id="opens-error".to_string() message=err("opens") />
                                    <input id="opens" name="opens" type="date" value=echo.value("opens") aria-invalid=invalid("opens") aria-describedby=described("opens") />
                                </div>
                                <div class="field">
                                    <label for="closes">{t!(i18n, fact_deadline)}</label>
                                    <FieldError id="closes-error".to_string() message=err("closes") />
                                    <input id="closes" name="closes" type="date" value=echo.value("closes") aria-invalid=invalid("closes") aria-describedby=described("closes") />
                                </div>
                                <div class="field">
                                    <label for="working_days">{td_string!(i18n.get_locale_untracked(), admin_policy_or_number_of_working_days)}</label>
                                    <FieldError id="working_days-error".to_string() message=err("working_days") />
                                    <input id="working_days" name="working_days" type="number" min="1" max="250" value=echo.value("working_days") aria-invalid=invalid("working_days") aria-describedby=described("working_days") />
                                </div>
                            </div>
                            <div class="button-row">
                                <button type="submit" name="action" value="preview" class="button button-secondary">{t!(i18n, preview_button)}</button>
                                <button type="submit" name="action" value="create" class="button">{t!(i18n, create_button)}</button>
                            </div>
                        </form>
                        {preview}
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

#[component]
fn PreviewSections(sections: Vec<SectionView>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    sections
        .into_iter()
        .map(|s| {
            view! {
                <div class="doc-section">
                    {(!s.heading.is_empty()).then(|| view! { <h4>{format!("{} {}", s.number, s.heading)}</h4> })}
                    {s.blocks.into_iter().map(|b| view! {
                        <div class="block">
                            <div class="block-number">{block_label(locale, &b.number)}</div>
                            <div class="block-body" inner_html=crate::components::block_html(b.kind, &b.html)></div>
                        </div>
                    }).collect_view()}
                </div>
            }
        })
        .collect_view()
}

#[component]
pub fn AdminHearingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let status = move || query.read().get("status").filter(|s| !s.is_empty());
    let tag = move || {
        query
            .read()
            .get("maerke")
            .and_then(|t| t.parse::<i64>().ok())
    };
    let page = move || {
        query
            .read()
            .get("side")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let user = Resource::new(|| (), |_| get_current_user());
    let data = Resource::new(
        move || (slug(), status(), tag(), page()),
        |(s, st, t, p)| admin_hearing(s, st, t, p),
    );
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
            let echo = echo.clone();
            Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                match data.await {
                    Ok(Some(view_data)) => {
                        let slug = view_data.card.card.slug.clone();
                        let filter = view_data.status_filter;
                        let per = i64::from(view_data.per_page.max(1));
                        let pages = ((view_data.total + per - 1) / per).max(1);
                        let current = i64::from(view_data.page);
                        let filter_link = |code: Option<&'static str>, label: &'static str| {
                            let href = match code { Some(c) => format!("?status={c}"), None => "?".to_string() };
                            let current = filter.map(ModerationStatus::as_str) == code;
                            view! { <li><a href=href aria-current=current.then_some("page")>{label}</a></li> }
                        };
                        let status_q = filter.map(|s| format!("status={}&", s.as_str())).unwrap_or_default();
                        view! {
                            <Title text=view_data.card.card.title.clone() />
                            <LogoutForm user=user.clone() />
                            <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
                            <h1>{view_data.card.card.title.clone()}</h1>
                            <p>
                                {state_label(i18n, view_data.card.card.state)} " · "
                                {t!(i18n, fact_deadline)} " " {format_date(locale, &view_data.card.card.closes)} " · "
                                <a href=crate::routes::hearing(&slug)>{t!(i18n, view_public_page)}</a>
                                " · "
                                <a href=crate::routes::new_version(&slug)>{t!(i18n, new_version)}</a>
                                " · "
                                <a href=crate::routes::admin_policy(&view_data.card.policy_slug)>{td_string!(locale, admin_the_policy_s_road)}</a>
                                " · "
                                <a href=crate::routes::admin_groups(&slug)>{td_string!(locale, admin_campaigns_and_copies)}</a>
                                " · "
                                <a href=format!("{}/soeg", crate::routes::admin_hearing(&slug))>{td_string!(locale, hearing_search)}</a>
                                " · "
                                <a href=format!("{}/overblik", crate::routes::admin_hearing(&slug))>{td_string!(locale, admin_overview)}</a>
                                " · "
                                <a href=crate::routes::admin_notat(&slug)>{td_string!(locale, outbox_consultation_report)}</a>
                            </p>
                            <nav aria-label=t_string!(i18n, filter_label)>
                                <ul class="filter-list">
                                    {filter_link(None, t_string!(i18n, filter_all))}
                                    {filter_link(Some("pending"), t_string!(i18n, status_pending))}
                                    {filter_link(Some("published"), t_string!(i18n, status_published))}
                                    {filter_link(Some("withheld"), t_string!(i18n, status_withheld))}
                                </ul>
                            </nav>
                            <TagPanel slug=slug.clone() csrf=user.csrf.clone() tags=view_data.tags.clone() suggested=view_data.suggested_tags.clone() current=view_data.tag_filter echo=echo.clone() />
                            <p>{t_string!(i18n, response_total, count = view_data.total).to_string()}</p>
                            {if view_data.responses.is_empty() {
                                view! { <p class="muted">{t!(i18n, no_responses_here)}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="admin-responses">
                                        {view_data.responses.into_iter().map(|r| view! {
                                            <li><AdminResponseItem response=r csrf=user.csrf.clone() slug=slug.clone() echo=echo.clone() back=None selectable=true /></li>
                                        }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                            {(pages > 1).then(|| view! {
                                <nav class="pager" aria-label=t_string!(i18n, pager_label)>
                                    {(current > 1).then(|| view! { <a rel="prev" href=format!("?{status_q}side={}", current - 1)>{t!(i18n, page_prev)}</a> })}
                                    <span>{t_string!(i18n, page_of, page = current, pages = pages).to_string()}</span>
                                    {(current < pages).then(|| view! { <a rel="next" href=format!("?{status_q}side={}", current + 1)>{t!(i18n, page_next)}</a> })}
                                </nav>
                            })}
                            <PartyList slug=slug.clone() list=view_data.parties.clone() csrf=user.csrf.clone() echo=echo.clone() />
                            <CouncilRounds slug=slug.clone() rounds=view_data.rounds.clone() councils=view_data.councils.clone() csrf=user.csrf.clone() echo=echo.clone() />
                        }
                        .into_any()
                    }
                    Ok(None) => {
                        set_status(404);
                        view! { <h1>{t!(i18n, not_found_title)}</h1><p>{t!(i18n, hearing_not_found)}</p> }.into_any()
                    }
                    Err(_) => error_view().into_any(),
                }
            })}}
        </Suspense>
    }
}

/// What kind of personal data a flag is, in the clerk's words.
fn flag_label(locale: Locale, kind: hoering::privacy::FlagKind) -> &'static str {
    use hoering::privacy::FlagKind;
    match kind {
        FlagKind::Cpr => td_string!(locale, admin_cpr_number),
        FlagKind::Phone => td_string!(locale, admin_phone_number),
        FlagKind::Email => td_string!(locale, admin_e_mail_address),
        FlagKind::Address => td_string!(locale, admin_address),
        FlagKind::Health => td_string!(locale, admin_health_next_to_a_name),
        FlagKind::Origin => td_string!(locale, admin_origin_or_faith_next_to_a),
    }
}

/// One response in the clerk's lists, with its moderation forms. An island: selecting words in
/// the response fills the passage to redact in the browser.
#[island]
pub fn AdminResponseItem(
    response: AdminResponse,
    csrf: String,
    slug: String,
    echo: FormEcho,
    /// Where the forms return to; the hearing's queue when `None`.
    back: Option<String>,
    /// A tick box for the queue's "tag the ticked responses" form.
    selectable: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let r = response;
    // Only this response's form gets the server's echo.
    let echo = if echo.value("response") == r.id.to_string() {
        echo
    } else {
        FormEcho::default()
    };
    let status_label = match r.status {
        ModerationStatus::Published => t_string!(i18n, status_published),
        ModerationStatus::Withheld => t_string!(i18n, status_withheld),
        ModerationStatus::Pending => t_string!(i18n, status_pending),
    };
    let about = r
        .block_number
        .as_ref()
        .map(|b| block_label(locale, b))
        .unwrap_or_else(|| t_string!(i18n, whole_draft).to_string());
    let heading_id = format!("r-{}", r.id);
    let action = crate::routes::moderate(r.id);
    let redact_action = crate::routes::redact(r.id);
    let back = back.unwrap_or_else(|| crate::routes::admin_hearing(&slug));
    let block_page = r
        .block_number
        .as_ref()
        .map(|n| crate::routes::admin_block(&slug, n));
    let labelled_by = heading_id.clone();
    let blocking = hoering::privacy::unhandled_blocking(&r.flags);
    let message = |field: &str| {
        echo.error(field)
            .map(|code| crate::forms::error_message(i18n, field, &code))
    };
    let moderate_error = message("moderate");
    let reason_error = message("reason");
    let passage_error = message("passage");
    let passage_open = passage_error.is_some();
    // With JavaScript, selecting words in the response fills the passage to redact and opens
    // the form; without, the clerk copies and pastes them.
    let typed_passage = echo.value("passage");
    let passage = RwSignal::new(typed_passage.clone());
    let opened = RwSignal::new(passage_open);
    let take_selection = move |_| {
        if let Some(words) = crate::components::selected_text() {
            passage.set(words);
            opened.set(true);
        }
    };
    let reason_id = format!("grund-{}", r.id);
    let passage_id = format!("passage-{}", r.id);
    let flags_id = format!("flag-{}", r.id);
    let flags = (!r.flags.is_empty()).then(|| {
        let csrf = csrf.clone();
        let back = back.clone();
        let redact_action = redact_action.clone();
        view! {
            <div class="privacy-flags" role="group" aria-labelledby=flags_id.clone()>
                <p id=flags_id.clone()><strong>{td_string!(locale, admin_possible_personal_data)}</strong>
                    {blocking.then(|| td_string!(locale, admin_a_cpr_number_must_be_redacted))}</p>
                <ul class="plain-list">
                    {r.flags.iter().map(|f| {
                        let label = flag_label(locale, f.kind);
                        view! {
                            <li class=format!("flag flag-{}", f.kind.code())>
                                {label} ": " <mark>{f.text.clone()}</mark> " "
                                <form method="post" action=redact_action.clone() class="inline-form">
                                    <input type="hidden" name="csrf" value=csrf.clone() />
                                    <input type="hidden" name="back" value=back.clone() />
                                    <input type="hidden" name="start" value=f.start.to_string() />
                                    <input type="hidden" name="end" value=f.end.to_string() />
                                    <input type="hidden" name="flagged" value=f.text.clone() />
                                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_redact)}<span class="visually-hidden">{format!(" {label} {}", f.text)}</span></button>
                                </form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    view! {
        <article class=format!("admin-response status-{}", r.status.as_str()) aria-labelledby=labelled_by>
            {selectable.then(|| {
                let tick = format!("vaelg-{}", r.id);
                view! {
                    <span class="choice select-response">
                        <input type="checkbox" id=tick.clone() name="response" value=r.id.to_string() form="maerk-form" />
                        <label for=tick>{td_string!(locale, admin_select)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></label>
                    </span>
                }
            })}
            <h2 class="admin-response-title" id=heading_id>
                {format!("{} · ", r.receipt_number)}
                {match block_page {
                    Some(href) => view! { <a href=href>{about}</a> }.into_any(),
                    None => view! { <span>{about}</span> }.into_any(),
                }}
            </h2>
            <p class="response-meta">
                <span class=format!("badge badge-{}", r.status.as_str())>{status_label}</span> " · "
                {format_date(locale, &r.received_at)} " · "
                {match r.meeting.clone() {
                    Some(m) => {
                        let table = m.table.clone().map(|t| format!(" · {t}")).unwrap_or_default();
                        view! { <span>{crate::components::response::meeting_label(locale, &m)}{table}</span> }.into_any()
                    }
                    None => view! {
                        <span>
                            {r.name.clone()} " <" {r.email.clone()} "> · "
                            {sender_kind_label(i18n, r.sender_kind)}
                            {r.organisation.clone().map(|o| format!(" ({o})"))} " · "
                            {publication_label(i18n, r.publication)}
                        </span>
                    }.into_any(),
                }}
                {r.redacted.then(|| view! {
                    " · " <span class="badge">{td_string!(locale, admin_redacted)}</span> " "
                    <a href=crate::routes::response_original(r.id)>{td_string!(locale, admin_see_the_original)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></a>
                })}
                // Meeting input is summarised in the notat's own section, not answered one by one.
                {r.meeting.is_none().then(|| view! {
                    " · "
                    <a href=crate::routes::remark_editor(&slug, Some(r.id), false, None)>{td_string!(locale, admin_write_a_remark)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></a>
                })}
            </p>
            {(!r.tags.is_empty()).then(|| view! {
                <p class="response-tags">{td_string!(locale, admin_tags_label)}
                    {r.tags.iter().map(|t| view! { <span class="badge badge-tag">{t.clone()}</span> " " }).collect_view()}
                </p>
            })}
            <p class="response-text" on:pointerup=take_selection>{r.text.clone()}</p>
            {r.withheld_reason.clone().filter(|_| r.status == ModerationStatus::Withheld).map(|why| view! {
                <p class="response-meta">{td_string!(locale, admin_reason_label)}{why}</p>
            })}
            {flags}
            <FieldError id=format!("moderate-{}-error", r.id) message=Signal::derive(move || moderate_error.clone()) />
            <div class="button-row">
                {(r.status != ModerationStatus::Published).then(|| {
                    let cpr_id = format!("cpr-{}", r.id);
                    view! {
                        <form method="post" action=action.clone() class="inline-form">
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="status" value="published" />
                            <input type="hidden" name="back" value=back.clone() />
                            {blocking.then(|| view! {
                                <span class="choice">
                                    <input type="checkbox" id=cpr_id.clone() name="confirm_cpr" />
                                    <label for=cpr_id.clone()>{td_string!(locale, admin_the_cpr_number_may_be_published)}</label>
                                </span>
                            })}
                            <button type="submit" class="button" id=format!("udgiv-{}", r.id)>{t!(i18n, publish_button)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></button>
                        </form>
                    }
                })}
                {(r.status != ModerationStatus::Withheld).then(|| {
                    let invalid = reason_error.as_ref().map(|_| "true");
                    let reason_error = reason_error.clone();
                    view! {
                        <form method="post" action=action.clone() class="inline-form withhold-form">
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="status" value="withheld" />
                            <input type="hidden" name="back" value=back.clone() />
                            <label for=reason_id.clone()>{td_string!(locale, admin_reason_sent_to_the_sender)}</label>
                            <FieldError id=format!("{reason_id}-error") message=Signal::derive(move || reason_error.clone()) />
                            <input id=reason_id.clone() name="reason" type="text" value=echo.value("reason")
                                aria-invalid=invalid aria-describedby=invalid.map(|_| format!("{reason_id}-error")) />
                            <button type="submit" class="button button-secondary">{t!(i18n, withhold_button)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></button>
                        </form>
                    }
                })}
            </div>
            <details class="redact-passage" open=passage_open prop:open=move || opened.get() id=format!("skjul-{}", r.id)>
                <summary>{td_string!(locale, admin_redact_a_passage)}<span class="visually-hidden">{format!(" {}", r.receipt_number)}</span></summary>
                <form method="post" action=redact_action.clone() class="admin-form">
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <input type="hidden" name="back" value=back.clone() />
                    <div class="field">
                        <label for=passage_id.clone()>{td_string!(locale, admin_the_words_to_redact)}</label>
                        <p class="hint" id=format!("{passage_id}-hint")>{td_string!(locale, admin_select_the_words_in_the_text)}</p>
                        <FieldError id=format!("{passage_id}-error") message=Signal::derive(move || passage_error.clone()) />
                        <input id=passage_id.clone() name="passage" type="text" value=typed_passage prop:value=move || passage.get()
                            on:input=move |ev| passage.set(event_target_value(&ev)) aria-describedby=format!("{passage_id}-hint") />
                    </div>
                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_redact_the_passage)}</button>
                </form>
            </details>
        </article>
    }
}

/// A redacted response's original text, for clerks; the server journals every reading.
#[component]
pub fn ResponseOriginalPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let user = Resource::new(|| (), |_| get_current_user());
    let original = Resource::new(id, crate::api::admin_response_original);
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                let o = match original.await {
                    Ok(Some(o)) => o,
                    Ok(None) => {
                        set_status(404);
                        return view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any();
                    }
                    Err(_) => {
                        set_status(403);
                        return view! { <h1>{td_string!(locale, admin_only_clerks_can_read_the_original)}</h1> }.into_any();
                    }
                };
                view! {
                    <Title text=format!("{} · {}", td_string!(locale, admin_original), o.receipt_number) />
                    <LogoutForm user=user.clone() />
                    <p class="eyebrow"><a href=crate::routes::admin_hearing(&o.hearing_slug)>{o.hearing_title.clone()}</a></p>
                    <h1>{format!("{} {}", td_string!(locale, admin_original_response), o.receipt_number)}</h1>
                    <p class="notice">{td_string!(locale, admin_your_reading_of_the_original_is)}</p>
                    <h2>{td_string!(locale, admin_as_it_was_sent)}</h2>
                    <p class="response-text joint-text">{o.original.clone()}</p>
                    <h2>{td_string!(locale, admin_as_it_is_shown)}</h2>
                    <p class="response-text joint-text">{o.current.clone()}</p>
                    <h2>{td_string!(locale, admin_policy_journal)}</h2>
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{td_string!(locale, admin_when)}</th>
                            <th scope="col">{td_string!(locale, admin_who)}</th>
                            <th scope="col">{td_string!(locale, admin_what)}</th>
                            <th scope="col">{td_string!(locale, admin_before)}</th>
                            <th scope="col">{td_string!(locale, admin_after)}</th>
                        </tr></thead>
                        <tbody>
                            {o.journal.into_iter().map(|e| view! {
                                <tr>
                                    <td>{e.at}</td>
                                    <td>{e.actor}</td>
                                    <td>{journal_action(locale, &e.action)}</td>
                                    <td>{journal_value(locale, e.before.as_deref())}</td>
                                    <td>{journal_value(locale, e.after.as_deref())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
        </Suspense>
    }
}

/// A journal entry's before or after in words: a status by name, a redaction's counts.
fn journal_value(locale: Locale, value: Option<&str>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    if let Some(status) = ModerationStatus::parse(value) {
        return match status {
            ModerationStatus::Pending => td_string!(locale, admin_pending),
            ModerationStatus::Published => td_string!(locale, council_published),
            ModerationStatus::Withheld => td_string!(locale, admin_withheld),
        }
        .to_string();
    }
    value
        .split(';')
        .map(|part| match part.split_once('=') {
            Some(("chars", n)) => format!("{n} {}", td_string!(locale, admin_characters)),
            Some(("passages", n)) => format!("{n} {}", td_string!(locale, admin_passages_redacted)),
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn journal_action(locale: Locale, action: &str) -> String {
    match action {
        "status_changed" => td_string!(locale, admin_status_changed),
        "cpr_confirmed" => td_string!(locale, admin_published_with_a_cpr_number_confirmed),
        "redacted" => td_string!(locale, admin_passage_redacted),
        "original_read" => td_string!(locale, admin_original_read),
        other => return other.to_string(),
    }
    .to_string()
}

/// A new version of the hearing's text: the newest text to edit, or a file to upload.
#[component]
pub fn NewVersionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let user = Resource::new(|| (), |_| get_current_user());
    let latest = Resource::new(slug, admin_latest_text);
    let echo = form_echo();
    view! {
        <Title text=move || t_string!(i18n, new_version).to_string() />
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                    let Ok(Some((number, markdown))) = latest.await else {
                        set_status(404);
                        return view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any();
                    };
                    let slug = slug();
                    let err = |f: &'static str| {
                        let msg = echo.error(f).map(|code| error_message(i18n, f, &code));
                        Signal::derive(move || msg.clone())
                    };
                    let text = if echo.values.is_empty() { markdown } else { echo.value("markdown") };
                    view! {
                        <LogoutForm user=user.clone() />
                        <p class="eyebrow"><a href=crate::routes::admin_hearing(&slug)>{t!(i18n, admin_title)}</a></p>
                        <h1>{t!(i18n, new_version)}</h1>
                        <p>{t_string!(i18n, new_version_intro, number = number).to_string()}</p>
                        <form method="post" action=crate::routes::new_version(&slug) enctype="multipart/form-data" class="admin-form">
                            <input type="hidden" name="csrf" value=user.csrf.clone() />
                            <div class="field">
                                <label for="label">{t!(i18n, label_version_label)}</label>
                                <p class="hint" id="label-hint">{t!(i18n, hint_version_label)}</p>
                                <FieldError id="label-error".to_string() message=err("label") />
                                <input id="label" name="label" type="text" value=echo.value("label") aria-describedby="label-hint" />
                            </div>
                            <div class="field">
                                <label for="note">{t!(i18n, label_version_note)}</label>
                                <input id="note" name="note" type="text" value=echo.value("note") />
                            </div>
                            <div class="field">
                                <label for="markdown">{t!(i18n, label_markdown)}</label>
                                <FieldError id="markdown-error".to_string() message=err("markdown") />
                                <textarea id="markdown" name="markdown" rows="18" inner_html=escape_html(&text)></textarea>
                            </div>
                            <div class="field">
                                <label for="file">{t!(i18n, label_file)}</label>
                                <input id="file" name="file" type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" />
                            </div>
                            <button type="submit" class="button">{t!(i18n, publish_version)}</button>
                        </form>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// The clerk's overview: policies by stage, what is due, questions waiting, hearings closing.
#[component]
fn DashboardView(dashboard: crate::model::Dashboard, csrf: String) -> impl IntoView {
    use crate::pages::policy::stage_name;
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let d = dashboard;
    let back = "/admin".to_string();
    view! {
        <section aria-labelledby="faser" class="policy-section">
            <h2 id="faser">{td_string!(locale, admin_policies_by_stage)}</h2>
            {if d.by_stage.is_empty() {
                view! { <p class="muted">{td_string!(locale, policy_no_policies_in_progress)}</p> }.into_any()
            } else {
                view! {
                    <dl class="stage-list">
                        {d.by_stage.into_iter().map(|(stage, cards)| view! {
                            <dt>{format!("{} ({})", stage_name(locale, stage), cards.len())}</dt>
                            {cards.into_iter().map(|c| view! {
                                <dd><a href=crate::routes::admin_policy(&c.slug)>{c.title.clone()}</a></dd>
                            }).collect_view()}
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="forfalder" class="policy-section">
            <h2 id="forfalder">{td_string!(locale, admin_planned_within_a_week_or_overdue)}</h2>
            {if d.due.is_empty() {
                view! { <p class="muted">{td_string!(locale, admin_nothing_planned_for_the_coming_week)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {d.due.into_iter().map(|x| view! {
                            <li>
                                {format_date(locale, &x.planned)} ": "
                                <a href=crate::routes::admin_policy(&x.slug)>{x.title.clone()}</a>
                                " – " {stage_name(locale, x.stage)}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <crate::components::staff::Inquiries list=d.inquiries csrf=csrf back=back echo=form_echo() />
        <section aria-labelledby="lukker" class="policy-section">
            <h2 id="lukker">{td_string!(locale, admin_hearings_closing_within_14_days)}</h2>
            {if d.closing_soon.is_empty() {
                view! { <p class="muted">{td_string!(locale, admin_none)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {d.closing_soon.into_iter().map(|h| view! {
                            <li>
                                <a href=crate::routes::admin_hearing(&h.slug)>{h.title.clone()}</a>
                                " · " {format_date(locale, &h.closes)}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The høringsliste: the invited parties with where each stands, and the forms to add them by
/// paste or CSV, reuse an earlier list, and set the reminder.
#[component]
fn PartyList(slug: String, list: PartyListView, csrf: String, echo: FormEcho) -> impl IntoView {
    use hoering::consultees::PartyStatus;
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let c = list.counts;
    let kind_name = move |k: hoering::consultees::PartyKind| crate::names::party_kind(locale, k);
    let status_name = move |s: PartyStatus| crate::names::party_status(locale, s);
    let error = |f: &str| {
        echo.error(f)
            .map(|code| crate::forms::error_message(i18n, f, &code))
    };
    let rejected = echo.error("parties").as_deref() == Some("rejected");
    let parties_error = if rejected {
        Some(
            td_string!(
                locale,
                admin_parties_added_rejected,
                added = echo.value("added"),
                lines = echo.value("rejected_lines")
            )
            .to_string(),
        )
    } else {
        error("parties")
    };
    let reminder_error = error("reminder_days");
    let from_error = error("from");
    let invalid = |e: &Option<String>| e.as_ref().map(|_| "true");
    let (parties_invalid, reminder_invalid) = (invalid(&parties_error), invalid(&reminder_error));
    let reminder_value = match echo.value("reminder_days") {
        v if v.is_empty() => list.reminder_days.to_string(),
        v => v,
    };
    view! {
        <section aria-labelledby="hoeringsliste" class="policy-section">
            <h2 id="hoeringsliste">{td_string!(locale, party_consultation_list)}</h2>
            <dl class="facts">
                <div><dt>{td_string!(locale, party_status_invited)}</dt><dd>{c.invited}</dd></div>
                <div><dt>{td_string!(locale, party_status_answered)}</dt><dd>{c.answered}</dd></div>
                <div><dt>{td_string!(locale, admin_no_comments)}</dt><dd>{c.declined}</dd></div>
                <div><dt>{td_string!(locale, admin_no_answer)}</dt><dd>{c.no_answer}</dd></div>
                <div><dt>{td_string!(locale, admin_not_invited_yet)}</dt><dd>{c.not_invited}</dd></div>
            </dl>
            {(!list.parties.is_empty()).then(|| view! {
                <table class="data-table">
                    <caption class="visually-hidden">{td_string!(locale, admin_parties_on_the_list)}</caption>
                    <thead><tr>
                        <th scope="col">{td_string!(locale, meeting_organisation)}</th>
                        <th scope="col">{td_string!(locale, fact_contact)}</th>
                        <th scope="col">{td_string!(locale, admin_kind)}</th>
                        <th scope="col">{td_string!(locale, admin_meeting_state)}</th>
                        <th scope="col"><span class="visually-hidden">{td_string!(locale, admin_action)}</span></th>
                    </tr></thead>
                    <tbody>
                        {list.parties.iter().map(|p| {
                            let removable = p.status == PartyStatus::NotInvited;
                            let org = p.organisation.clone();
                            view! {
                                <tr>
                                    <th scope="row">{p.organisation.clone()}</th>
                                    <td>{p.contact.clone().map(|c| format!("{c}, ")).unwrap_or_default()}{p.email.clone()}</td>
                                    <td>{kind_name(p.kind)}</td>
                                    <td>{status_name(p.status)}{(p.status == PartyStatus::Invited).then(|| p.invited_on.as_ref().map(|d| format!(" {}", format_date(locale, d)))).flatten()}{p.reminded_on.as_ref().map(|d| format!(", {} {}", td_string!(locale, admin_reminded), format_date(locale, d)))}</td>
                                    <td>{removable.then(|| view! {
                                        <form method="post" action=crate::routes::party_remove(&slug, p.id) class="inline-form">
                                            <input type="hidden" name="csrf" value=csrf.clone() />
                                            <button type="submit" class="button button-secondary">{td_string!(locale, council_remove)}<span class="visually-hidden">{format!(" {org}")}</span></button>
                                        </form>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <form method="post" action=crate::routes::party_list(&slug) class="admin-form">
                <input type="hidden" name="csrf" value=csrf.clone() />
                <div class="field">
                    <label for="parties">{td_string!(locale, admin_add_parties)}</label>
                    <p class="hint" id="parties-hint">{td_string!(locale, admin_paste_from_excel_or_word_one_text)}</p>
                    <FieldError id="parties-error".to_string() message=Signal::derive(move || parties_error.clone()) />
                    <textarea id="parties" name="parties" rows="5" aria-invalid=parties_invalid aria-describedby=if parties_invalid.is_some() { "parties-hint parties-error" } else { "parties-hint" }>{echo.value("parties")}</textarea>
                </div>
                <button type="submit" class="button">{td_string!(locale, admin_add_to_the_list)}</button>
            </form>
            {(!list.earlier.is_empty()).then(|| view! {
                <form method="post" action=crate::routes::party_list_reuse(&slug) class="admin-form">
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <div class="field">
                        <label for="from">{td_string!(locale, admin_reuse_the_list_of_an_earlier)}</label>
                        <FieldError id="from-error".to_string() message=Signal::derive(move || from_error.clone()) />
                        <select id="from" name="from">
                            {list.earlier.iter().map(|e| view! {
                                <option value=e.slug.clone()>{format!("{} ({} {})", e.title, e.parties, td_string!(locale, admin_parties))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button button-secondary">{td_string!(locale, admin_add_the_list)}</button>
                </form>
            })}
            <form method="post" action=crate::routes::party_list_reminder(&slug) class="admin-form">
                <input type="hidden" name="csrf" value=csrf />
                <div class="field">
                    <label for="reminder_days">{td_string!(locale, admin_reminder_working_days_before_the_deadline)}</label>
                    <p class="hint" id="reminder_days-hint">{match &list.reminder_on {
                        Some(d) => td_string!(locale, admin_reminder_on, day = format_date(locale, d)).to_string(),
                        None => String::new(),
                    }}</p>
                    <FieldError id="reminder_days-error".to_string() message=Signal::derive(move || reminder_error.clone()) />
                    <input id="reminder_days" name="reminder_days" type="number" min="0" max="30" inputmode="numeric" value=reminder_value aria-invalid=reminder_invalid aria-describedby="reminder_days-hint" />
                </div>
                <button type="submit" class="button button-secondary">{td_string!(locale, notat_save)}</button>
            </form>
        </section>
    }
}

/// The councils' own rounds on the hearing, and the form to open (or move) one.
#[component]
fn CouncilRounds(
    slug: String,
    rounds: Vec<crate::model::RoundCard>,
    councils: Vec<(String, String)>,
    csrf: String,
    echo: FormEcho,
) -> impl IntoView {
    use crate::components::fields::{FormState, TextField};
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let form = FormState {
        echo: echo.clone(),
        prefix: "runde",
    };
    let chosen = echo.value("round_council");
    view! {
        <section aria-labelledby="raadsrunder" class="policy-section">
            <h2 id="raadsrunder">{td_string!(locale, admin_the_councils_rounds)}</h2>
            {(!rounds.is_empty()).then(|| view! {
                <ul class="plain-list">
                    {rounds.iter().map(|r| view! {
                        <li>
                            <a href=crate::routes::council_workspace(&r.hearing_slug, &r.council_slug)>{r.council_name.clone()}</a>
                            " · " {crate::components::staff::round_text(locale, r)}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <form method="post" action=crate::routes::council_round(&slug) class="admin-form">
                <input type="hidden" name="csrf" value=csrf />
                <div class="field">
                    <label for="runde-round_council">{td_string!(locale, admin_council)}</label>
                    <select id="runde-round_council" name="round_council">
                        {councils.into_iter().map(|(s, n)| view! { <option value=s.clone() selected=s == chosen>{n}</option> }).collect_view()}
                    </select>
                </div>
                <TextField form=form.clone() name="round_opens" label=td_string!(locale, admin_the_round_opens) kind="date" required=true />
                <TextField form=form.clone() name="round_closes" label=td_string!(locale, admin_the_round_ends) kind="date" required=true
                    hint=td_string!(locale, admin_at_the_latest_the_hearing_s) />
                <button type="submit" class="button button-secondary">{td_string!(locale, admin_open_the_council_s_round)}</button>
            </form>
        </section>
    }
}

/// The clerk's reading keys on a list of input: j and k move between items; on an item, o
/// publishes, h goes to the reason for withholding, s opens "redact a passage". Ignored while
/// typing in a field. `items` are the response ids in page order. An island that shows nothing.
#[island]
pub fn ReadingKeys(items: Vec<i64>) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        use leptos::web_sys::{Element, HtmlElement};
        let current = StoredValue::new(None::<usize>);
        let element = |id: &str| document().get_element_by_id(id);
        let focus = move |id: &str| {
            if let Some(el) = element(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = el.focus();
            }
        };
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .map(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
                .unwrap_or(false);
            if typing || items.is_empty() {
                return;
            }
            let at = current.get_value();
            let key = ev.key();
            let moved = match key.as_str() {
                "j" => Some(at.map_or(0, |i| (i + 1).min(items.len() - 1))),
                "k" => Some(at.map_or(0, |i| i.saturating_sub(1))),
                _ => None,
            };
            if let Some(i) = moved {
                current.set_value(Some(i));
                focus(&format!("punkt-{}", items[i]));
                ev.prevent_default();
                return;
            }
            let Some(id) = at.and_then(|i| items.get(i)) else {
                return;
            };
            match key.as_str() {
                "o" => {
                    if let Some(el) = element(&format!("udgiv-{id}"))
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                    {
                        el.click();
                    }
                }
                "h" => focus(&format!("grund-{id}")),
                "s" => {
                    if let Some(details) = element(&format!("skjul-{id}")) {
                        let _ = details.set_attribute("open", "");
                    }
                    focus(&format!("passage-{id}"));
                }
                _ => return,
            }
            ev.prevent_default();
        });
        on_cleanup(move || handle.remove());
    }
    let _ = items;
}

/// Everything said about one paragraph: responses, meeting input and the councils' comments,
/// filtered by source and respondent type, with the paragraph's text and its later versions.
#[component]
pub fn AdminBlockPage() -> impl IntoView {
    use crate::model::{AdminBlockView, InputSource};
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let p = params.read();
        let q = query.read();
        (
            p.get("slug").unwrap_or_default(),
            p.get("number").unwrap_or_default(),
            q.get("kilde"),
            q.get("type"),
            q.get("maerke").and_then(|t| t.parse::<i64>().ok()),
            q.get("gruppe").and_then(|t| t.parse::<i64>().ok()),
        )
    };
    let user = Resource::new(|| (), |_| get_current_user());
    let block = Resource::new(key, |(slug, number, source, kind, tag, group)| {
        crate::api::admin_block(slug, number, source, kind, tag, group)
    });
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let locale = i18n.get_locale_untracked();
                    let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                    let b: AdminBlockView = match block.await {
                        Ok(Some(b)) => b,
                        Ok(None) => {
                            set_status(404);
                            return view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any();
                        }
                        Err(_) => return error_view().into_any(),
                    };
                    let base = crate::routes::admin_block(&b.hearing_slug, &b.number);
                    let page_here = base.clone();
                    let tag_filter = b.tag;
                    let tag_base = base.clone();
                    let link = move |source: Option<InputSource>, kind: Option<hoering::response::SenderKind>| {
                        let mut q = Vec::new();
                        if let Some(s) = source { q.push(format!("kilde={}", s.code())); }
                        if let Some(k) = kind { q.push(format!("type={}", k.as_str())); }
                        if let Some(t) = tag_filter { q.push(format!("maerke={t}")); }
                        if q.is_empty() { base.clone() } else { format!("{base}?{}", q.join("&")) }
                    };
                    let source_name = |s: InputSource| match s {
                        InputSource::Response => td_string!(locale, search_responses),
                        InputSource::Meeting => td_string!(locale, search_dialogue_meetings),
                        InputSource::Council => td_string!(locale, council_councils),
                    };
                    let total: usize = b.source_counts.iter().map(|(_, n)| n).sum();
                    let items: Vec<i64> = b.responses.iter().map(|r| r.id).collect();
                    let current = |on: bool| if on { Some("page") } else { None };
                    view! {
                        <Title text=format!("{} {} · {}", td_string!(locale, search_paragraph), b.number, b.hearing_title) />
                        <ReadingKeys items=items />
                        <LogoutForm user=user.clone() />
                        <p class="eyebrow"><a href=crate::routes::admin_hearing(&b.hearing_slug)>{b.hearing_title.clone()}</a></p>
                        <h1>{format!("{} {}", td_string!(locale, search_paragraph), b.number)}</h1>
                        <blockquote class="quoted-block">{b.text.clone()}</blockquote>
                        <nav class="pager" aria-label=td_string!(locale, admin_paragraphs)>
                            {b.previous.clone().map(|p| view! { <a rel="prev" href=crate::routes::admin_block(&b.hearing_slug, &p)>{format!("← {} {p}", td_string!(locale, search_paragraph))}</a> })}
                            {b.next.clone().map(|n| view! { <a rel="next" href=crate::routes::admin_block(&b.hearing_slug, &n)>{format!("{} {n} →", td_string!(locale, search_paragraph))}</a> })}
                        </nav>
                        {(!b.later.is_empty()).then(|| view! {
                            <section aria-labelledby="senere">
                                <h2 id="senere">{td_string!(locale, admin_the_paragraph_in_later_versions)}</h2>
                                <ul class="plain-list">
                                    {b.later.iter().map(|l| view! {
                                        <li>
                                            <strong>{format!("{} {} ({})", td_string!(locale, policy_version), l.version_number, l.version_label)}</strong> ": "
                                            {match (&l.diff, &l.number) {
                                                (Some(ops), Some(n)) => view! { <span>{format!("{} {n}: ", td_string!(locale, admin_meeting_paragraph))}<crate::components::version::WordDiff ops=ops.clone() /></span> }.into_any(),
                                                _ => view! { <span>{td_string!(locale, admin_removed)}</span> }.into_any(),
                                            }}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        })}
                        <nav aria-label=td_string!(locale, search_source)>
                            <ul class="filter-list">
                                <li><a href=link(None, b.kind) aria-current=current(b.source.is_none())>{format!("{} ({total})", td_string!(locale, admin_all_sources))}</a></li>
                                {b.source_counts.iter().map(|(s, n)| view! {
                                    <li><a href=link(Some(*s), b.kind) aria-current=current(b.source == Some(*s))>{format!("{} ({n})", source_name(*s))}</a></li>
                                }).collect_view()}
                            </ul>
                        </nav>
                        {(!b.kind_counts.is_empty()).then(|| view! {
                            <nav aria-label=td_string!(locale, search_respondent_type)>
                                <ul class="filter-list">
                                    <li><a href=link(b.source, None) aria-current=current(b.kind.is_none())>{td_string!(locale, admin_all_types)}</a></li>
                                    {b.kind_counts.iter().map(|(k, n)| view! {
                                        <li><a href=link(b.source, Some(*k)) aria-current=current(b.kind == Some(*k))>{format!("{} ({n})", sender_kind_label(i18n, *k))}</a></li>
                                    }).collect_view()}
                                </ul>
                            </nav>
                        })}
                        {(!b.tags.is_empty()).then(|| {
                            let mut base_q = Vec::new();
                            if let Some(s) = b.source { base_q.push(format!("kilde={}", s.code())); }
                            if let Some(k) = b.kind { base_q.push(format!("type={}", k.as_str())); }
                            let with = move |t: Option<i64>| {
                                let mut q = base_q.clone();
                                if let Some(t) = t { q.push(format!("maerke={t}")); }
                                if q.is_empty() { tag_base.clone() } else { format!("{tag_base}?{}", q.join("&")) }
                            };
                            view! {
                                <nav aria-label=td_string!(locale, admin_tag)>
                                    <ul class="filter-list">
                                        <li><a href=with(None) aria-current=current(b.tag.is_none())>{td_string!(locale, admin_all_tags)}</a></li>
                                        {b.tags.iter().map(|t| view! {
                                            <li><a href=with(Some(t.id)) aria-current=current(b.tag == Some(t.id))>{t.name.clone()}</a></li>
                                        }).collect_view()}
                                    </ul>
                                </nav>
                            }
                        })}
                        {b.group.map(|_| view! {
                            <p class="notice">{td_string!(locale, admin_showing_only_the_responses_of_one_text)}
                                <a href=page_here.clone()>{td_string!(locale, admin_show_all)}</a></p>
                        })}
                        <p class="hint">{td_string!(locale, admin_keyboard_j_and_k_go_to)}</p>
                        {if b.responses.is_empty() && b.council.is_empty() {
                            view! { <p class="muted">{td_string!(locale, admin_nothing_here_with_these_filters)}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="admin-responses">
                                    {b.responses.into_iter().map(|r| {
                                        let item = format!("punkt-{}", r.id);
                                        view! {
                                            <li id=item tabindex="-1" class="reading-item">
                                                <AdminResponseItem response=r csrf=user.csrf.clone() slug=b.hearing_slug.clone() echo=echo.clone() back=Some(page_here.clone()) selectable=false />
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                                {(!b.council.is_empty()).then(|| view! {
                                    <h2>{td_string!(locale, admin_the_councils_comments)}</h2>
                                    <ol class="plain-list council-comments">
                                        {b.council.iter().map(|c| view! {
                                            <li class="council-comment">
                                                <p class="response-meta"><span class="badge">{c.council.clone()}</span> " · " {c.author.clone()} " · " {c.at.clone()}</p>
                                                {(!c.quote.is_empty()).then(|| view! { <p class="response-quote"><q>{c.quote.clone()}</q></p> })}
                                                <p class="response-text">{c.text.clone()}</p>
                                            </li>
                                        }).collect_view()}
                                    </ol>
                                })}
                            }.into_any()
                        }}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// Campaigns and copies: the hearing's identical and near-identical responses, each group with
/// what differs between its members and the most typical one.
#[component]
pub fn AdminGroupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let user = Resource::new(|| (), |_| get_current_user());
    let groups = Resource::new(slug, crate::api::admin_groups);
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                let g = match groups.await {
                    Ok(Some(g)) => g,
                    Ok(None) => {
                        set_status(404);
                        return view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any();
                    }
                    Err(_) => return error_view().into_any(),
                };
                let grouped: usize = g.groups.iter().map(|x| x.size).sum();
                let status_name = |s: ModerationStatus| match s {
                    ModerationStatus::Published => t_string!(i18n, status_published),
                    ModerationStatus::Withheld => t_string!(i18n, status_withheld),
                    ModerationStatus::Pending => t_string!(i18n, status_pending),
                };
                view! {
                    <Title text=format!("{} · {}", td_string!(locale, admin_campaigns_and_copies), g.hearing_title) />
                    <LogoutForm user=user.clone() />
                    <p class="eyebrow"><a href=crate::routes::admin_hearing(&g.hearing_slug)>{g.hearing_title.clone()}</a></p>
                    <h1>{td_string!(locale, admin_campaigns_and_copies)}</h1>
                    <p class="lead">{td_string!(locale, admin_grouped_summary, grouped = grouped, responses = g.responses, groups = g.groups.len(), groups_word = if g.groups.len() == 1 { td_string!(locale, admin_group_word_singular) } else { td_string!(locale, admin_group_word_plural) }).to_string()}</p>
                    <p class="hint">{td_string!(locale, admin_groups_are_found_on_the_server)}</p>
                    {g.groups.into_iter().enumerate().map(|(n, group)| {
                        let hearing_slug = g.hearing_slug.clone();
                        let heading = format!("gruppe-{}", n + 1);
                        let labelled = heading.clone();
                        let rep = group.representative.clone();
                        let more = group.size.saturating_sub(1 + group.members.len());
                        view! {
                            <section class="policy-section group" aria-labelledby=labelled>
                                <h2 id=heading>{td_string!(locale, admin_group_heading, number = n + 1, size = group.size).to_string()}</h2>
                                <p class="response-meta">{td_string!(locale, admin_most_typical_response_label)}{rep.receipt_number.clone()} " · " {status_name(rep.status)}</p>
                                <p><a class="button button-secondary" href=crate::routes::remark_editor(&hearing_slug, Some(rep.id), true, None)>{td_string!(locale, admin_group_one_remark, size = group.size).to_string()}</a></p>
                                <p class="response-text joint-text">{group.representative_text.clone()}</p>
                                {(!group.blocks.is_empty()).then(|| view! {
                                    <p class="response-meta">{td_string!(locale, admin_on_paragraphs_label)}
                                        {group.blocks.iter().map(|(n, c)| view! {
                                            <a href=format!("{}?gruppe={}", crate::routes::admin_block(&hearing_slug, n), rep.id)>{format!("{} ({c})", block_label(locale, n))}</a> " "
                                        }).collect_view()}
                                    </p>
                                })}
                                <details>
                                    <summary>{td_string!(locale, admin_group_differences, count = group.size - 1).to_string()}</summary>
                                    <ol class="plain-list">
                                        {group.members.into_iter().map(|m| view! {
                                            <li class="group-member">
                                                <p class="response-meta">{m.receipt_number.clone()} " · " {status_name(m.status)} " · " {format!("{} % {}", m.similarity, td_string!(locale, admin_alike))}</p>
                                                <p class="joint-text"><crate::components::version::WordDiff ops=m.diff.clone() /></p>
                                            </li>
                                        }).collect_view()}
                                    </ol>
                                    {(more > 0).then(|| view! { <p class="muted">{td_string!(locale, admin_and_more, more = more).to_string()}</p> })}
                                </details>
                            </section>
                        }
                    }).collect_view()}
                }.into_any()
            })}
        </Suspense>
    }
}

/// Where the debate was: a hearing's input counted per paragraph and per respondent type, as
/// tables and a chart drawn on the server (readable without JavaScript).
#[component]
pub fn AdminOverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let user = Resource::new(|| (), |_| get_current_user());
    let overview = Resource::new(slug, crate::api::admin_overview);
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                let o = match overview.await {
                    Ok(Some(o)) => o,
                    Ok(None) => {
                        set_status(404);
                        return view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any();
                    }
                    Err(_) => return error_view().into_any(),
                };
                let slug = o.hearing_slug.clone();
                let label = |number: &Option<String>| match number {
                    Some(n) => block_label(locale, n),
                    None => t_string!(i18n, whole_draft).to_string(),
                };
                // The chart: the twelve paragraphs with most input, stacked by source.
                let mut top: Vec<_> = o.blocks.iter().filter(|b| b.total() > 0).cloned().collect();
                top.sort_by_key(|b| std::cmp::Reverse(b.total()));
                top.truncate(12);
                let max = top.first().map_or(1, |b| b.total()).max(1);
                const BAR_X: usize = 130;
                const BAR_W: usize = 400;
                const ROW: usize = 28;
                let height = top.len() * ROW + 40;
                let bars = top.iter().enumerate().map(|(i, b)| {
                    let y = i * ROW + 8;
                    let w = |n: usize| n * BAR_W / max;
                    let (r, m, c) = (w(b.responses), w(b.meeting), w(b.council));
                    view! {
                        <g>
                            <text x="0" y=(y + 15).to_string() class="chart-label">{label(&b.number)}</text>
                            <rect x=BAR_X.to_string() y=y.to_string() width=r.to_string() height="20" class="bar-responses" />
                            <rect x=(BAR_X + r).to_string() y=y.to_string() width=m.to_string() height="20" class="bar-meeting" />
                            <rect x=(BAR_X + r + m).to_string() y=y.to_string() width=c.to_string() height="20" class="bar-council" />
                            <text x=(BAR_X + r + m + c + 6).to_string() y=(y + 15).to_string() class="chart-value">{b.total().to_string()}</text>
                        </g>
                    }
                }).collect_view();
                let legend_y = (top.len() * ROW + 30).to_string();
                view! {
                    <Title text=format!("{} · {}", td_string!(locale, admin_overview), o.hearing_title) />
                    <LogoutForm user=user.clone() />
                    <p class="eyebrow"><a href=crate::routes::admin_hearing(&slug)>{o.hearing_title.clone()}</a></p>
                    <h1>{td_string!(locale, admin_where_was_the_debate)}</h1>
                    {(!top.is_empty()).then(|| view! {
                        <figure class="chart">
                            <svg viewBox=format!("0 0 600 {height}") width="100%" role="img" aria-labelledby="diagram-titel">
                                <title id="diagram-titel">{td_string!(locale, admin_the_paragraphs_with_most_input_by)}</title>
                                {bars}
                                <g>
                                    <rect x=BAR_X.to_string() y=legend_y.clone() width="12" height="12" class="bar-responses" transform="translate(0,-10)" />
                                    <text x=(BAR_X + 16).to_string() y=legend_y.clone() class="chart-label">{td_string!(locale, search_responses)}</text>
                                    <rect x=(BAR_X + 130).to_string() y=legend_y.clone() width="12" height="12" class="bar-meeting" transform="translate(0,-10)" />
                                    <text x=(BAR_X + 146).to_string() y=legend_y.clone() class="chart-label">{td_string!(locale, admin_meetings)}</text>
                                    <rect x=(BAR_X + 260).to_string() y=legend_y.clone() width="12" height="12" class="bar-council" transform="translate(0,-10)" />
                                    <text x=(BAR_X + 276).to_string() y=legend_y.clone() class="chart-label">{td_string!(locale, council_councils)}</text>
                                </g>
                            </svg>
                            <figcaption class="hint">{td_string!(locale, admin_the_figures_are_also_in_the)}</figcaption>
                        </figure>
                    })}
                    <h2>{td_string!(locale, admin_by_respondent_type)}</h2>
                    <table class="data-table">
                        <thead><tr><th scope="col">{td_string!(locale, search_respondent_type)}</th><th scope="col">{td_string!(locale, search_responses)}</th></tr></thead>
                        <tbody>
                            {o.kinds.iter().map(|(k, n)| view! { <tr><td>{sender_kind_label(i18n, *k)}</td><td>{n.to_string()}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                    <h2>{td_string!(locale, admin_by_paragraph)}</h2>
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{td_string!(locale, search_paragraph)}</th>
                            <th scope="col">{td_string!(locale, search_responses)}</th>
                            <th scope="col">{td_string!(locale, admin_meetings)}</th>
                            <th scope="col">{td_string!(locale, council_councils)}</th>
                        </tr></thead>
                        <tbody>
                            {o.blocks.iter().map(|b| view! {
                                <tr>
                                    <th scope="row">{match &b.number {
                                        Some(n) => view! { <a href=crate::routes::admin_block(&slug, n)>{block_label(locale, n)}</a> " " <span class="muted">{format!("{}…", b.excerpt)}</span> }.into_any(),
                                        None => view! { <span>{t_string!(i18n, whole_draft)}</span> }.into_any(),
                                    }}</th>
                                    <td>{b.responses.to_string()}</td>
                                    <td>{b.meeting.to_string()}</td>
                                    <td>{b.council.to_string()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
        </Suspense>
    }
}

/// The hearing's tags: filter by one, create one (or take a suggestion), and put one on the
/// ticked responses (or take it off).
#[component]
fn TagPanel(
    slug: String,
    csrf: String,
    tags: Vec<crate::model::TagView>,
    suggested: Vec<String>,
    current: Option<i64>,
    echo: FormEcho,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let page = crate::routes::admin_hearing(&slug);
    let create = format!("{page}/maerker");
    let apply = format!("{page}/maerk");
    let back = match current {
        Some(t) => format!("{page}?maerke={t}"),
        None => page.clone(),
    };
    let name_error = echo
        .error("tag_name")
        .map(|c| crate::forms::error_message(i18n, "tag_name", &c));
    let tag_error = echo
        .error("tag")
        .map(|c| crate::forms::error_message(i18n, "tag", &c));
    let name_invalid = name_error.as_ref().map(|_| "true");
    let on = |yes: bool| if yes { Some("page") } else { None };
    view! {
        <section id="maerker" aria-labelledby="maerker-titel" class="tag-panel">
            <h2 id="maerker-titel">{td_string!(locale, admin_tags)}</h2>
            {(!tags.is_empty()).then(|| view! {
                <nav aria-label=td_string!(locale, admin_show_responses_with_the_tag)>
                    <ul class="filter-list">
                        <li><a href=page.clone() aria-current=on(current.is_none())>{td_string!(locale, filter_all)}</a></li>
                        {tags.iter().map(|t| view! {
                            <li><a href=format!("{page}?maerke={}", t.id) aria-current=on(current == Some(t.id))>{format!("{} ({})", t.name, t.uses)}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
                <form method="post" action=apply.clone() id="maerk-form" class="inline-form tag-apply">
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <input type="hidden" name="back" value=back.clone() />
                    <label for="maerk-valg">{td_string!(locale, admin_tag_for_the_selected_responses)}</label>
                    <FieldError id="maerk-valg-error".to_string() message=Signal::derive(move || tag_error.clone()) />
                    <select id="maerk-valg" name="tag">
                        {tags.iter().map(|t| view! { <option value=t.id.to_string()>{t.name.clone()}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button">{td_string!(locale, admin_add_the_tag)}</button>
                    <button type="submit" name="remove" value="1" class="button button-secondary">{td_string!(locale, admin_remove_the_tag)}</button>
                </form>
            })}
            <form method="post" action=create.clone() class="inline-form tag-create">
                <input type="hidden" name="csrf" value=csrf.clone() />
                <input type="hidden" name="back" value=back.clone() />
                <label for="nyt-maerke">{td_string!(locale, admin_new_tag)}</label>
                <FieldError id="nyt-maerke-error".to_string() message=Signal::derive(move || name_error.clone()) />
                <input id="nyt-maerke" name="tag_name" type="text" value=echo.value("tag_name")
                    aria-invalid=name_invalid aria-describedby=name_invalid.map(|_| "nyt-maerke-error") />
                <button type="submit" class="button button-secondary">{td_string!(locale, admin_create_the_tag)}</button>
            </form>
            {(!suggested.is_empty()).then(|| view! {
                <div class="tag-suggestions">
                    <p class="hint">{td_string!(locale, admin_suggested_from_the_responses_words_label)}</p>
                    <ul class="plain-list inline-list">
                        {suggested.into_iter().map(|label| view! {
                            <li>
                                <form method="post" action=create.clone() class="inline-form">
                                    <input type="hidden" name="csrf" value=csrf.clone() />
                                    <input type="hidden" name="back" value=back.clone() />
                                    <input type="hidden" name="tag_name" value=label.clone() />
                                    <button type="submit" class="button button-secondary">{format!("+ {label}")}<span class="visually-hidden">{td_string!(locale, admin_create_the_tag_suffix)}</span></button>
                                </form>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </section>
    }
}
