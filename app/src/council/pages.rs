//! The councils (Integrationsrådet and its like) and who sits in them; an admin creates a council,
//! adds members (users with the council role) and names the chair.

use crate::components::fields::{FormState, TextField};
use crate::components::lists::{none_or, plain_list, section};
use crate::components::page::{loaded_or, route_param, suspended_form};
use crate::components::staff::{
    AdminPageHead, LogoutForm, round_text, session, staff_form_page, staff_or,
};
use crate::components::{FieldError, error_view, set_status};
use crate::council::admin_councils;
use crate::council::get_council_home;
use crate::council::get_council_workspace;
use crate::i18n::*;
use crate::routes;
use hoering::response::ModerationStatus;
use hoering::staff::Permission;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CouncilsPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = session();
    let councils = Resource::new(|| (), |_| admin_councils());
    staff_form_page(user, move |user, echo, locale| async move {
        if !user.role.may(Permission::ManageCouncils) {
            set_status(403);
            return Err(view! {
                <h1>{td_string!(locale, council_councils)}</h1>
                <p>{td_string!(locale, council_only_an_administrator_can_create_councils)}</p>
            }
            .into_any());
        }
        let list = loaded_or(councils.await)?;
        let failed_council = echo.value("council");
        Ok(view! {
            <AdminPageHead user=user.clone() title=td_string!(locale, council_councils) />
            <p class="lead">{td_string!(locale, council_a_council_e_g_integrationsraadet_has)}</p>
            {list.into_iter().map(|c| {
                let heading_id = format!("raad-{}", c.slug);
                let labelled = heading_id.clone();
                let mine = failed_council == c.slug;
                let mut values = echo.clone();
                if !mine {
                    values.values.clear();
                    values.errors.clear();
                }
                let form = FormState { echo: values, prefix: "medlem" };
                let email_error = form.echo.message(i18n, "email");
                let email_invalid = email_error.as_ref().map(|_| "true");
                let name_error = form.echo.message(i18n, "display_name");
                let name_invalid = name_error.as_ref().map(|_| "true");
                let id_prefix = c.slug.clone();
                view! {
                    <section aria-labelledby=labelled class="policy-section">
                        <h2 id=heading_id>{c.name.clone()}</h2>
                        {none_or(c.members.is_empty(), td_string!(locale, council_no_members_yet), || view! {
                            {plain_list(c.members.iter(), |m| view! {
                                {if m.name.is_empty() {
                                    view! { <span class="muted">{format!("({})", td_string!(locale, council_no_name_yet))}</span> }.into_any()
                                } else {
                                    view! { <strong>{m.name.clone()}</strong> }.into_any()
                                }}
                                " · " {m.email.clone()}
                                {m.chair.then(|| view! { " " <span class="badge">{td_string!(locale, council_chair)}</span> })}
                                <form method="post" action=routes::council_member_remove(&c.slug) class="inline-form">
                                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                                    <input type="hidden" name="email" value=m.email.clone() />
                                    <button type="submit" class="button-link">{td_string!(locale, council_remove)}<span class="visually-hidden">{format!(" {}", m.email)}</span></button>
                                </form>
                            })}
                        })}
                        <form method="post" action=routes::council_members(&c.slug) class="admin-form" id=format!("form-{id_prefix}")>
                            <input type="hidden" name="csrf" value=user.csrf.clone() />
                            <div class="field">
                                <label for=format!("{id_prefix}-email")>{td_string!(locale, council_add_a_member_e_mail)}</label>
                                <FieldError id=format!("{id_prefix}-email-error") message=Signal::derive(move || email_error.clone()) />
                                <input id=format!("{id_prefix}-email") name="email" type="email" required=true value=form.value("email")
                                    aria-invalid=email_invalid aria-describedby=email_invalid.map(|_| format!("{id_prefix}-email-error")) />
                            </div>
                            <div class="field">
                                <label for=format!("{id_prefix}-name")>{td_string!(locale, council_member_name_optional)}</label>
                                <p class="hint" id=format!("{id_prefix}-name-hint")>{td_string!(locale, council_member_name_hint)}</p>
                                <FieldError id=format!("{id_prefix}-name-error") message=Signal::derive(move || name_error.clone()) />
                                <input id=format!("{id_prefix}-name") name="display_name" type="text" value=form.value("display_name")
                                    aria-invalid=name_invalid
                                    aria-describedby=if name_invalid.is_some() { format!("{id_prefix}-name-error {id_prefix}-name-hint") } else { format!("{id_prefix}-name-hint") } />
                            </div>
                            <div class="field choice">
                                <input type="checkbox" id=format!("{id_prefix}-chair") name="chair" checked=form.value("chair") == "on" />
                                <label for=format!("{id_prefix}-chair")>{td_string!(locale, council_chair)}</label>
                            </div>
                            <button type="submit" class="button button-secondary">{td_string!(locale, council_add)}<span class="visually-hidden">{format!(" {}", c.name)}</span></button>
                        </form>
                    </section>
                }
            }).collect_view()}
            {section("nyt-raad", td_string!(locale, council_new_council), view! {
                <form method="post" action=routes::COUNCILS class="admin-form">
                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                    <TextField form=FormState { echo: echo.clone(), prefix: "raad" } name="name" label=td_string!(locale, council_name_e_g_handicapraadet) required=true />
                    <button type="submit" class="button">{td_string!(locale, council_create_the_council)}</button>
                </form>
            })}
        }.into_any())
    })
}

/// A council member's start page: the councils they sit in.
#[component]
pub fn CouncilHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let user = session();
    let home = Resource::new(|| (), |_| get_council_home());
    staff_form_page(user, move |user, echo, locale| async move {
        let home = loaded_or(home.await)?;
        // Asked at the first sign-in (a member lands here) and editable after: the name the
        // member goes by in the room and in public, where the e-mail never appears.
        let unnamed = home.name.is_empty();
        let name_error = echo.message(i18n, "display_name");
        let name_invalid = name_error.as_ref().map(|_| "true");
        let typed = match echo.value("display_name") {
            v if v.is_empty() => home.name.clone(),
            v => v,
        };
        let name_form = view! {
            <section aria-labelledby="dit-navn" class=if unnamed { "notice" } else { "policy-section" }>
                <h2 id="dit-navn">{td_string!(locale, council_your_name)}</h2>
                {unnamed.then(|| view! { <p><strong>{td_string!(locale, council_name_yourself_first)}</strong></p> })}
                <form method="post" action=routes::COUNCIL_NAME class="admin-form">
                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                    <div class="field">
                        <label for="dit-navn-felt">{td_string!(locale, council_your_name)}</label>
                        <p class="hint" id="dit-navn-hint">{td_string!(locale, council_your_name_hint)}</p>
                        <FieldError id="dit-navn-error".to_string() message=Signal::derive(move || name_error.clone()) />
                        <input id="dit-navn-felt" name="display_name" type="text" autocomplete="name" required=true value=typed
                            aria-invalid=name_invalid
                            aria-describedby=if name_invalid.is_some() { "dit-navn-error dit-navn-hint" } else { "dit-navn-hint" } />
                    </div>
                    <button type="submit" class="button">{td_string!(locale, council_save_the_name)}</button>
                </form>
            </section>
        };
        // Until the member has a name it is the first thing on the page; after, it is last.
        let (name_first, name_last) = if unnamed {
            (Some(name_form), None)
        } else {
            (None, Some(name_form))
        };
        Ok(view! {
            <Title text=td_string!(locale, council_your_councils) />
            <LogoutForm user=user.clone() />
            <h1>{td_string!(locale, council_your_councils)}</h1>
            {name_first}
            {if home.councils.is_empty() {
                view! { <p>{td_string!(locale, council_you_do_not_sit_in_a)}</p> }.into_any()
            } else {
                view! {
                    {plain_list(home.councils.into_iter(), |(name, chair)| view! { {name}{chair.then(|| view! { " " <span class="badge">{td_string!(locale, council_chair)}</span> })} })}
                }.into_any()
            }}
            <h2>{td_string!(locale, council_the_council_s_rounds)}</h2>
            {if home.rounds.is_empty() {
                view! { <p class="hint">{td_string!(locale, council_when_the_clerk_opens_the_council)}</p> }.into_any()
            } else {
                view! {
                    {plain_list(home.rounds.into_iter(), |r| view! {
                        <a href=routes::council_workspace(&r.hearing_slug, &r.council_slug)>{format!("{} · {}", r.hearing_title, r.council_name)}</a>
                        <br /><span class="card-meta">{round_text(locale, &r)}</span>
                    })}
                }.into_any()
            }}
            {name_last}
            <p><a href="/">{td_string!(locale, council_all_hearings)}</a></p>
        }.into_any())
    })
}

/// A council's workspace on a hearing: the draft's paragraphs with the members' discussion at
/// each, and the forms to comment, reply and agree. Private to the council and the clerks.
#[component]
pub fn CouncilWorkspacePage() -> impl IntoView {
    let i18n = use_i18n();
    let (slug, council) = (route_param("slug"), route_param("council"));
    let key = move || (slug(), council());
    let user = session();
    let workspace = Resource::new(key, |(slug, council)| get_council_workspace(slug, council));
    suspended_form(move |echo, locale| async move {
        // Anyone may read a published discussion; until then the server function
        // refuses, and a reader without a session is asked to log in.
        let user = match user.await {
            Ok(user) => user,
            Err(_) => return Err(error_view().into_any()),
        };
        let w = match workspace.await {
            Ok(Some(w)) => w,
            Ok(None) => {
                set_status(404);
                return Err(view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any());
            }
            Err(_) if user.is_none() => {
                return Err(staff_or(Ok(None))
                    .err()
                    .unwrap_or_else(|| error_view().into_any()));
            }
            Err(_) => {
                set_status(403);
                return Err(view! {
                    <h1>{td_string!(locale, council_the_council_s_discussion_is_private)}</h1>
                    <p>{td_string!(locale, council_only_the_council_s_members_and)}</p>
                }
                .into_any());
            }
        };
        let r = w.round.clone();
        let text_error = echo.message(i18n, "text");
        let block_error = echo.message(i18n, "block");
        let invalid_text = text_error.as_ref().map(|_| "true");
        let quote_error = echo.message(i18n, "quote");
        let invalid_quote = quote_error.as_ref().map(|_| "true");
        let invalid_block = block_error.as_ref().map(|_| "true");
        let chosen = echo.value("block");
        let comment_action = routes::council_comment(&r.hearing_slug, &r.council_slug);
        let csrf = user.as_ref().map(|u| u.csrf.clone()).unwrap_or_default();
        let joint = joint_section(locale, &w, &csrf, &echo);
        let history = history_section(locale, &w);
        Ok(view! {
            <Title text=format!("{} · {}", r.council_name, r.hearing_title) />
            {user.clone().map(|user| view! { <LogoutForm user=user /> })}
            <p class="eyebrow">
                {user.is_some().then(|| view! { <a href=routes::COUNCIL_HOME>{td_string!(locale, council_your_councils)}</a> " · " })}
                {r.council_name.clone()}
            </p>
            <h1 lang="da" dir="ltr">{r.hearing_title.clone()}</h1>
            <p>{round_text(locale, &r)} " · " <a href=routes::hearing(&r.hearing_slug)>{td_string!(locale, council_the_public_hearing)}</a></p>
            {if w.published {
                view! { <p class="notice">{td_string!(locale, council_the_council_has_published_its_discussion)}</p> }.into_any()
            } else {
                view! { <p class="hint">{td_string!(locale, council_the_discussion_here_is_seen_only)}</p> }.into_any()
            }}
            {joint}
            {history}
            {w.may_comment.then(|| view! {
                <section aria-labelledby="ny-kommentar">
                    <h2 id="ny-kommentar">{td_string!(locale, council_new_comment)}</h2>
                    <form method="post" action=comment_action.clone() class="admin-form">
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        <div class="field combobox-field">
                            <label for="kommentar-block">{td_string!(locale, search_paragraph)}</label>
                            <FieldError id="kommentar-block-error".to_string() message=Signal::derive(move || block_error.clone()) />
                            // The meeting input's field: search or select, the chosen paragraph's
                            // whole text under it.
                            <crate::components::block_search::BlockPicker
                                blocks=w.blocks.iter().map(|b| (b.number.clone(), b.text.clone())).collect()
                                chosen=chosen.clone()
                                invalid=invalid_block.is_some()
                                described=invalid_block.map(|_| "kommentar-block-error".to_string())
                            />
                        </div>
                        <div class="field">
                            <label for="kommentar-quote">{td_string!(locale, council_quoted_words_optional)}</label>
                            <p class="hint" id="kommentar-quote-hint">{td_string!(locale, council_copy_the_words_of_the_paragraph)}</p>
                            <FieldError id="kommentar-quote-error".to_string() message=Signal::derive(move || quote_error.clone()) />
                            <input id="kommentar-quote" name="quote" type="text" value=echo.value("quote") aria-invalid=invalid_quote aria-describedby="kommentar-quote-hint" />
                        </div>
                        <div class="field">
                            <label for="kommentar-text">{td_string!(locale, council_comment)}</label>
                            <FieldError id="kommentar-text-error".to_string() message=Signal::derive(move || text_error.clone()) />
                            <textarea id="kommentar-text" name="text" rows="3" aria-invalid=invalid_text>{echo.value("text")}</textarea>
                        </div>
                        <button type="submit" class="button">{td_string!(locale, council_post_the_comment)}</button>
                    </form>
                </section>
            })}
            <section aria-labelledby="droeftelse">
                <h2 id="droeftelse">{td_string!(locale, council_the_discussion)}</h2>
                {none_or(w.comments.is_empty(), td_string!(locale, council_no_comments_yet), || view! {
                    <ol class="plain-list council-comments">
                        {w.comments.iter().map(|c| {
                            let author = member_name(locale, &c.author);
                            let about = c.block_number.as_deref().map(|n| format!("{} {}", td_string!(locale, search_paragraph), crate::components::block_label(locale, n))).unwrap_or_else(|| td_string!(locale, whole_draft).to_string());
                            let agree_action = routes::council_agree(&r.hearing_slug, &r.council_slug, c.id);
                            let reply_id = format!("svar-{}", c.id);
                            view! {
                                <li id=format!("k-{}", c.id) class=format!("council-comment depth-{}", c.depth)>
                                    <p class="response-meta"><strong>{author.clone()}</strong> " · " {about}
                                        {(c.agreed > 0).then(|| format!(" · {} {}", c.agreed, td_string!(locale, council_agreed)))}</p>
                                    {(!c.quote.is_empty()).then(|| view! { <p class="response-quote"><q lang="da" dir="ltr">{c.quote.clone()}</q></p> })}
                                    <p lang=crate::components::text_lang(&c.text).0 dir=crate::components::text_lang(&c.text).1 class="response-text">{c.text.clone()}</p>
                                    {w.may_comment.then(|| view! {
                                        <div class="button-row">
                                            {(!c.mine).then(|| view! {
                                                <form method="post" action=agree_action.clone() class="inline-form">
                                                    <input type="hidden" name="csrf" value=csrf.clone() />
                                                    <button type="submit" class="button button-secondary">{td_string!(locale, council_agree_button)}<span class="visually-hidden">{format!(" {author}")}</span></button>
                                                </form>
                                            })}
                                            <form method="post" action=comment_action.clone() class="inline-form">
                                                <input type="hidden" name="csrf" value=csrf.clone() />
                                                <input type="hidden" name="reply_to" value=c.id.to_string() />
                                                <input type="hidden" name="block" value=c.block_number.clone().unwrap_or_default() />
                                                <label for=reply_id.clone() class="visually-hidden">{format!("{} {author}", td_string!(locale, council_reply_to))}</label>
                                                <input id=reply_id type="text" name="text" placeholder=td_string!(locale, council_reply_placeholder) />
                                                <button type="submit" class="button button-secondary">{td_string!(locale, council_reply_button)}</button>
                                            </form>
                                        </div>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                })}
            </section>
        }.into_any())
    })
}

/// When a revision was saved, in the reader's language.
fn saved_at(locale: Locale, at: i64) -> String {
    crate::components::time_span(locale, at, None)
}

/// A member as the room and the public see them: their display name, or "unnamed member"
/// until they have one (never their e-mail, which stays on staff pages).
fn member_name(locale: Locale, name: &str) -> String {
    if name.is_empty() {
        td_string!(locale, council_unnamed_member).to_string()
    } else {
        name.to_string()
    }
}

fn person(locale: Locale, w: &crate::council::CouncilWorkspace, id: i64) -> String {
    let name = w
        .people
        .iter()
        .find(|(p, _)| *p == id)
        .map(|(_, e)| e.as_str())
        .unwrap_or_default();
    member_name(locale, name)
}

/// "Version 3 · Anna Jensen · tirsdag 1. december 2026 kl. 10.12".
fn revision_line(
    locale: Locale,
    w: &crate::council::CouncilWorkspace,
    r: &hoering::council::Revision,
) -> String {
    format!(
        "{} {} · {} · {}",
        td_string!(locale, policy_version),
        r.number,
        person(locale, w, r.author.0),
        saved_at(locale, r.at)
    )
}

fn status_text(locale: Locale, status: Option<ModerationStatus>) -> &'static str {
    match status {
        Some(ModerationStatus::Published) => td_string!(locale, council_published),
        Some(ModerationStatus::Withheld) => td_string!(locale, council_withheld_by_the_clerk),
        Some(ModerationStatus::Pending) | None => {
            td_string!(locale, council_awaiting_the_clerk_s_review)
        }
    }
}

/// The joint response: its text, the form to save it (with the refusal of a stale copy), the
/// chair's submission and publication of the discussion.
fn joint_section(
    locale: Locale,
    w: &crate::council::CouncilWorkspace,
    csrf: &str,
    echo: &crate::forms::FormEcho,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let r = &w.round;
    let current = w.joint.current().cloned();
    let current_number = current.as_ref().map_or(0, |c| c.number);
    let error = echo.error("joint_text");
    let stale = error.as_deref() == Some("stale");
    let message = error
        .as_ref()
        .map(|code| crate::forms::error_message(i18n, "joint_text", code));
    let invalid = message.as_ref().map(|_| "true");
    // After a refusal the member's own text stays in the field. A stale copy is now based on
    // the newest version, which the member has in front of them; any other refusal keeps the
    // version the member started from, so that saving again is still checked.
    let (text, based_on) = match &error {
        Some(_) if stale => (echo.value("joint_text"), current_number.to_string()),
        Some(_) => (echo.value("joint_text"), echo.value("joint_based_on")),
        None => (
            current.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
            current_number.to_string(),
        ),
    };
    let refusal = stale.then(|| {
        let newest = current.clone().unwrap_or(hoering::council::Revision {
            number: 0,
            author: hoering::council::UserId(0),
            at: 0,
            text: String::new(),
        });
        let diff = hoering::text::word_diff(&newest.text, &echo.value("joint_text"));
        view! {
            <div class="notice stale-edit" role="alert" aria-labelledby="stale-heading">
                <h3 id="stale-heading">{td_string!(locale, council_someone_saved_a_newer_version_while)}</h3>
                <p>{td_string!(locale, council_your_text_was_not_saved_and)}</p>
                <h4>{td_string!(locale, council_the_newest_version)} " " <span class="card-meta">{format!("({})", revision_line(locale, w, &newest))}</span></h4>
                <div lang=crate::components::text_lang(&newest.text).0 dir=crate::components::text_lang(&newest.text).1 class="joint-text">{newest.text.clone()}</div>
                <h4>{td_string!(locale, council_the_difference_from_the_newest_version)}</h4>
                <div class="joint-text"><crate::components::version::WordDiff ops=diff /></div>
            </div>
        }
    });
    let status = match (&w.joint.submitted, &current) {
        (Some(sub), _) => format!(
            "{} {} {} {} ({} {}). {}: {}.",
            td_string!(locale, council_submitted),
            saved_at(locale, sub.at),
            td_string!(locale, council_by),
            person(locale, w, sub.by.0),
            td_string!(locale, council_version),
            sub.revision,
            td_string!(locale, col_state),
            status_text(locale, w.response_status)
        ),
        (None, Some(c)) => revision_line(locale, w, c),
        (None, None) => td_string!(locale, council_no_text_yet_write_the_council).to_string(),
    };
    let form = w.may_edit.then(|| {
        let message = message.clone();
        let text_lang = crate::components::text_lang(&text);
        view! {
            <form method="post" action=routes::council_joint(&r.hearing_slug, &r.council_slug) class="admin-form" id="faelles-form">
                <input type="hidden" name="csrf" value=csrf.to_string() />
                <input type="hidden" name="joint_based_on" value=based_on />
                <div class="field">
                    <label for="faelles-tekst">{td_string!(locale, council_the_council_s_response)}</label>
                    <p class="hint" id="faelles-tekst-hint">{td_string!(locale, council_write_paragraph_by_paragraph_if_you)}</p>
                    <FieldError id="faelles-tekst-error".to_string() message=Signal::derive(move || message.clone()) />
                    <textarea id="faelles-tekst" name="joint_text" rows="12" aria-invalid=invalid lang=text_lang.0 dir=text_lang.1
                        aria-describedby=if invalid.is_some() { "faelles-tekst-error faelles-tekst-hint" } else { "faelles-tekst-hint" }>{text}</textarea>
                </div>
                <button type="submit" class="button">{td_string!(locale, council_save_the_council_s_response)}</button>
            </form>
        }
    });
    let read_only = (!w.may_edit).then(|| {
        current.as_ref().map(
            |c| view! { <div lang=crate::components::text_lang(&c.text).0 dir=crate::components::text_lang(&c.text).1 class="joint-text" id="faelles-tekst-laest">{c.text.clone()}</div> },
        )
    });
    let stale_without_form = (!w.may_edit)
        .then(|| message.clone())
        .flatten()
        .map(|m| view! { <p class="field-error" role="alert">{m}</p> });
    let submit = (w.member && w.chair && w.joint.submitted.is_none()).then(|| {
        let submit_error = echo.message(i18n, "submit");
        let name_error = echo.message(i18n, "submit_name");
        let name_invalid = name_error.as_ref().map(|_| "true");
        let blocked = w
            .submit_refusal
            .map(|reason| crate::forms::error_message(i18n, "submit", reason.code()));
        view! {
            <section aria-labelledby="indsend" class="policy-section">
                <h3 id="indsend">{td_string!(locale, council_submit_as_the_council_s_response)}</h3>
                <p>{format!("{} {} {}", td_string!(locale, council_the_response_is_sent_as_the), r.council_name, td_string!(locale, council_sender_council_or_board_with_the))}</p>
                {match blocked {
                    Some(why) => view! { <p class="hint">{why}</p> }.into_any(),
                    None => {
                        let submit_error = submit_error.clone();
                        let name_error = name_error.clone();
                        view! {
                            <form method="post" action=routes::council_submit(&r.hearing_slug, &r.council_slug) class="admin-form">
                                <input type="hidden" name="csrf" value=csrf.to_string() />
                                <input type="hidden" name="submit_revision" value=current_number.to_string() />
                                <FieldError id="indsend-error".to_string() message=Signal::derive(move || submit_error.clone()) />
                                <div class="field">
                                    <label for="indsend-navn">{td_string!(locale, council_your_name_the_council_s_contact)}</label>
                                    <FieldError id="indsend-navn-error".to_string() message=Signal::derive(move || name_error.clone()) />
                                    <input id="indsend-navn" name="submit_name" type="text" autocomplete="name" required=true value=echo.value("submit_name")
                                        aria-invalid=name_invalid aria-describedby=name_invalid.map(|_| "indsend-navn-error") />
                                </div>
                                <button type="submit" class="button">{td_string!(locale, council_submit_the_council_s_response)}</button>
                            </form>
                        }.into_any()
                    }
                }}
            </section>
        }
    });
    let publish = (w.member && w.chair && !w.published).then(|| {
        let publish_error = echo
            .error("publish")
            .or_else(|| echo.error("publish_confirm"))
            .map(|code| {
                let field = if echo.error("publish").is_some() { "publish" } else { "publish_confirm" };
                crate::forms::error_message(i18n, field, &code)
            });
        let invalid = publish_error.as_ref().map(|_| "true");
        view! {
            <section aria-labelledby="offentliggoer" class="policy-section">
                <h3 id="offentliggoer">{td_string!(locale, council_publish_the_discussion)}</h3>
                <p>{td_string!(locale, council_if_the_council_has_decided_so)}</p>
                {match w.publish_refusal {
                    Some(reason) => view! { <p class="hint">{crate::forms::error_message(i18n, "publish", reason.code())}</p> }.into_any(),
                    None => {
                        let publish_error = publish_error.clone();
                        view! {
                            <form method="post" action=routes::council_publish(&r.hearing_slug, &r.council_slug) class="admin-form">
                                <input type="hidden" name="csrf" value=csrf.to_string() />
                                <FieldError id="offentliggoer-error".to_string() message=Signal::derive(move || publish_error.clone()) />
                                <div class="field choice">
                                    <input type="checkbox" id="offentliggoer-bekraeft" name="publish_confirm" required=true aria-invalid=invalid aria-describedby=invalid.map(|_| "offentliggoer-error") />
                                    <label for="offentliggoer-bekraeft">{td_string!(locale, council_the_council_has_decided_to_publish)}</label>
                                </div>
                                <button type="submit" class="button button-secondary">{td_string!(locale, council_publish_the_discussion)}</button>
                            </form>
                        }.into_any()
                    }
                }}
            </section>
        }
    });
    view! {
        <section aria-labelledby="faelles" id="faelles-svar">
            <h2 id="faelles">{td_string!(locale, council_the_council_s_joint_response)}</h2>
            <p class="card-meta" id="faelles-status">{status}</p>
            {refusal}
            {stale_without_form}
            {form}
            {read_only}
            {submit}
            {publish}
        </section>
    }
}

/// Every saved version, newest first, and any two compared word by word (`?fra=&til=`).
fn history_section(locale: Locale, w: &crate::council::CouncilWorkspace) -> impl IntoView + use<> {
    use leptos_router::hooks::use_query_map;
    if w.joint.revisions.is_empty() {
        return None;
    }
    let query = use_query_map();
    let mut revisions = w.joint.revisions.clone();
    revisions.sort_by_key(|r| std::cmp::Reverse(r.number));
    let lines: Vec<(u32, String)> = revisions
        .iter()
        .map(|r| (r.number, revision_line(locale, w, r)))
        .collect();
    let numbers: Vec<u32> = revisions.iter().map(|r| r.number).collect();
    let joint = w.joint.clone();
    let newest = numbers.first().copied().unwrap_or(0);
    let compared = move || {
        let q = query.read();
        let pick = |k: &str| q.get(k).and_then(|v| v.parse::<u32>().ok());
        let (a, b) = (pick("fra")?, pick("til")?);
        let diff = joint.compare(a, b)?;
        Some(view! {
            <div id="sammenlign" class="policy-section">
                <h3>{format!("{} {a} {} {b}", td_string!(locale, council_from_version), td_string!(locale, council_to_version))}</h3>
                <div class="joint-text"><crate::components::version::WordDiff ops=diff /></div>
            </div>
        })
    };
    let options = move |selected: u32| {
        std::iter::once(0)
            .chain(numbers.iter().rev().copied())
            .map(|n| {
                let label = if n == 0 {
                    td_string!(locale, council_empty_text_before_the_first_version).to_string()
                } else {
                    format!("{} {n}", td_string!(locale, policy_version))
                };
                view! { <option value=n.to_string() selected=n == selected>{label}</option> }
            })
            .collect_view()
    };
    Some(view! {
        <section aria-labelledby="historik">
            <h2 id="historik">{td_string!(locale, council_the_response_s_history)}</h2>
            <ol class="plain-list" reversed=true>
                {lines.into_iter().map(|(n, line)| view! {
                    <li>
                        {line} " · "
                        <a href=format!("?fra={}&til={n}#sammenlign", n - 1)>{td_string!(locale, council_see_the_change)}<span class="visually-hidden">{format!(" {n}")}</span></a>
                    </li>
                }).collect_view()}
            </ol>
            <form method="get" class="admin-form inline-fields" action="#sammenlign">
                <div class="field">
                    <label for="sammenlign-fra">{td_string!(locale, council_compare_from)}</label>
                    <select id="sammenlign-fra" name="fra">{options(newest.saturating_sub(1))}</select>
                </div>
                <div class="field">
                    <label for="sammenlign-til">{td_string!(locale, council_to)}</label>
                    <select id="sammenlign-til" name="til">{options(newest)}</select>
                </div>
                <button type="submit" class="button button-secondary">{td_string!(locale, council_compare)}</button>
            </form>
            {compared}
        </section>
    })
}
