//! The councils (Integrationsrådet and its like) and who sits in them; an admin creates a council,
//! adds members (users with the council role) and names the chair.

use super::admin::{LogoutForm, staff_or};
use super::policy::say;
use crate::api::{admin_councils, get_council_home, get_council_workspace, get_current_user};
use crate::components::fields::{FormState, TextField};
use crate::components::{FieldError, error_view, form_echo, loading_view, set_status};
use crate::i18n::*;
use crate::routes;
use hoering::staff::Permission;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CouncilsPage() -> impl IntoView {
    let i18n = use_i18n();
    let user = Resource::new(|| (), |_| get_current_user());
    let councils = Resource::new(|| (), |_| admin_councils());
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let locale = i18n.get_locale_untracked();
                    let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                    if !user.role.may(Permission::ManageCouncils) {
                        set_status(403);
                        return view! {
                            <h1>{say(locale, "Råd", "Councils")}</h1>
                            <p>{say(locale, "Kun en administrator kan oprette råd og bestemme, hvem der sidder i dem.", "Only an administrator can create councils and decide who sits in them.")}</p>
                        }.into_any();
                    }
                    let Ok(list) = councils.await else { return error_view().into_any() };
                    let failed_council = echo.value("council");
                    view! {
                        <Title text=say(locale, "Råd", "Councils") />
                        <LogoutForm user=user.clone() />
                        <p class="eyebrow"><a href="/admin">{t!(i18n, admin_title)}</a></p>
                        <h1>{say(locale, "Råd", "Councils")}</h1>
                        <p class="lead">{say(locale, "Et råd (fx Integrationsrådet) har sin egen runde i en høring og sender ét fælles høringssvar. Medlemmer er brugere med rollen råd; formanden indsender svaret.", "A council (e.g. Integrationsrådet) has its own round in a hearing and sends one joint response. Members are users with the council role; the chair submits the response.")}</p>
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
                            let email_error = form.echo.error("email").map(|code| crate::forms::error_message(i18n, "email", &code));
                            let email_invalid = email_error.as_ref().map(|_| "true");
                            let id_prefix = c.slug.clone();
                            view! {
                                <section aria-labelledby=labelled class="policy-section">
                                    <h2 id=heading_id>{c.name.clone()}</h2>
                                    {if c.members.is_empty() {
                                        view! { <p class="muted">{say(locale, "Ingen medlemmer endnu.", "No members yet.")}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="plain-list">
                                                {c.members.iter().map(|m| view! {
                                                    <li>
                                                        {m.email.clone()}
                                                        {m.chair.then(|| view! { " " <span class="badge">{say(locale, "Formand", "Chair")}</span> })}
                                                        <form method="post" action=routes::council_member_remove(&c.slug) class="inline-form">
                                                            <input type="hidden" name="csrf" value=user.csrf.clone() />
                                                            <input type="hidden" name="email" value=m.email.clone() />
                                                            <button type="submit" class="button-link">{say(locale, "Fjern", "Remove")}<span class="visually-hidden">{format!(" {}", m.email)}</span></button>
                                                        </form>
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                    <form method="post" action=routes::council_members(&c.slug) class="admin-form" id=format!("form-{id_prefix}")>
                                        <input type="hidden" name="csrf" value=user.csrf.clone() />
                                        <div class="field">
                                            <label for=format!("{id_prefix}-email")>{say(locale, "Tilføj medlem (e-mail)", "Add a member (e-mail)")}</label>
                                            <FieldError id=format!("{id_prefix}-email-error") message=Signal::derive(move || email_error.clone()) />
                                            <input id=format!("{id_prefix}-email") name="email" type="email" required=true value=form.value("email")
                                                aria-invalid=email_invalid aria-describedby=email_invalid.map(|_| format!("{id_prefix}-email-error")) />
                                        </div>
                                        <div class="field choice">
                                            <input type="checkbox" id=format!("{id_prefix}-chair") name="chair" checked=form.value("chair") == "on" />
                                            <label for=format!("{id_prefix}-chair")>{say(locale, "Formand", "Chair")}</label>
                                        </div>
                                        <button type="submit" class="button button-secondary">{say(locale, "Tilføj", "Add")}<span class="visually-hidden">{format!(" {}", c.name)}</span></button>
                                    </form>
                                </section>
                            }
                        }).collect_view()}
                        <section aria-labelledby="nyt-raad" class="policy-section">
                            <h2 id="nyt-raad">{say(locale, "Nyt råd", "New council")}</h2>
                            <form method="post" action=routes::COUNCILS class="admin-form">
                                <input type="hidden" name="csrf" value=user.csrf.clone() />
                                <TextField form=FormState { echo: echo.clone(), prefix: "raad" } name="name" label=say(locale, "Navn, fx Handicaprådet", "Name, e.g. Handicaprådet") required=true />
                                <button type="submit" class="button">{say(locale, "Opret rådet", "Create the council")}</button>
                            </form>
                        </section>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

/// A council member's start page: the councils they sit in.
#[component]
pub fn CouncilHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let user = Resource::new(|| (), |_| get_current_user());
    let home = Resource::new(|| (), |_| get_council_home());
    view! {
        <Suspense fallback=loading_view>
            {move || Suspend::new(async move {
                let locale = i18n.get_locale_untracked();
                let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                let Ok(home) = home.await else { return error_view().into_any() };
                view! {
                    <Title text=say(locale, "Dine råd", "Your councils") />
                    <LogoutForm user=user.clone() />
                    <h1>{say(locale, "Dine råd", "Your councils")}</h1>
                    {if home.councils.is_empty() {
                        view! { <p>{say(locale, "Du sidder ikke i et råd. En administrator tilføjer medlemmer.", "You do not sit in a council. An administrator adds members.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {home.councils.into_iter().map(|(name, chair)| view! {
                                    <li>{name}{chair.then(|| view! { " " <span class="badge">{say(locale, "Formand", "Chair")}</span> })}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <h2>{say(locale, "Rådets runder", "The council's rounds")}</h2>
                    {if home.rounds.is_empty() {
                        view! { <p class="hint">{say(locale, "Når sagsbehandleren åbner rådets runde i en høring, finder du den her: udkastet og rådets drøftelse.", "When the clerk opens the council's round in a hearing, you find it here: the draft and the council's discussion.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {home.rounds.into_iter().map(|r| view! {
                                    <li>
                                        <a href=routes::council_workspace(&r.hearing_slug, &r.council_slug)>{format!("{} · {}", r.hearing_title, r.council_name)}</a>
                                        <br /><span class="card-meta">{round_text(locale, &r)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <p><a href="/">{say(locale, "Alle høringer", "All hearings")}</a></p>
                }.into_any()
            })}
        </Suspense>
    }
}

/// "Åben 1. december – 12. december 2026" and the like.
pub fn round_text(locale: Locale, r: &crate::model::RoundCard) -> String {
    use hoering::council::RoundState;
    let (opens, closes) = (
        crate::components::format_date(locale, &r.opens),
        crate::components::format_date(locale, &r.closes),
    );
    match (r.state, locale) {
        (RoundState::Upcoming, Locale::da) => format!("Åbner {opens}, slutter {closes}"),
        (RoundState::Upcoming, Locale::en) => format!("Opens {opens}, ends {closes}"),
        (RoundState::Open, Locale::da) => format!("Åben til og med {closes}"),
        (RoundState::Open, Locale::en) => format!("Open through {closes}"),
        (RoundState::Closed, Locale::da) => format!("Sluttede {closes}"),
        (RoundState::Closed, Locale::en) => format!("Ended {closes}"),
    }
}

/// A council's workspace on a hearing: the draft's paragraphs with the members' discussion at
/// each, and the forms to comment, reply and agree. Private to the council and the clerks.
#[component]
pub fn CouncilWorkspacePage() -> impl IntoView {
    use leptos_router::hooks::use_params_map;
    let i18n = use_i18n();
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        (
            p.get("slug").unwrap_or_default(),
            p.get("council").unwrap_or_default(),
        )
    };
    let user = Resource::new(|| (), |_| get_current_user());
    let workspace = Resource::new(key, |(slug, council)| get_council_workspace(slug, council));
    let echo = form_echo();
    view! {
        <Suspense fallback=loading_view>
            {move || {
                let echo = echo.clone();
                Suspend::new(async move {
                    let locale = i18n.get_locale_untracked();
                    let user = match staff_or(user.await) { Ok(user) => user, Err(view) => return view };
                    let w = match workspace.await {
                        Ok(Some(w)) => w,
                        Ok(None) => {
                            set_status(404);
                            return view! { <h1>{t!(i18n, not_found_title)}</h1> }.into_any();
                        }
                        Err(_) => {
                            set_status(403);
                            return view! {
                                <h1>{say(locale, "Rådets drøftelse er privat", "The council's discussion is private")}</h1>
                                <p>{say(locale, "Kun rådets medlemmer og sagsbehandlerne kan læse den, indtil formanden offentliggør den.", "Only the council's members and the clerks can read it until the chair publishes it.")}</p>
                            }.into_any();
                        }
                    };
                    let r = w.round.clone();
                    let text_error = echo.error("text").map(|c| crate::forms::error_message(i18n, "text", &c));
                    let block_error = echo.error("block").map(|c| crate::forms::error_message(i18n, "block", &c));
                    let invalid_text = text_error.as_ref().map(|_| "true");
                    let quote_error = echo.error("quote").map(|c| crate::forms::error_message(i18n, "quote", &c));
                    let invalid_quote = quote_error.as_ref().map(|_| "true");
                    let invalid_block = block_error.as_ref().map(|_| "true");
                    let chosen = echo.value("block");
                    let comment_action = routes::council_comment(&r.hearing_slug, &r.council_slug);
                    view! {
                        <Title text=format!("{} · {}", r.council_name, r.hearing_title) />
                        <LogoutForm user=user.clone() />
                        <p class="eyebrow"><a href=routes::COUNCIL_HOME>{say(locale, "Dine råd", "Your councils")}</a> " · " {r.council_name.clone()}</p>
                        <h1>{r.hearing_title.clone()}</h1>
                        <p>{round_text(locale, &r)} " · " <a href=routes::hearing(&r.hearing_slug)>{say(locale, "Den offentlige høring", "The public hearing")}</a></p>
                        <p class="hint">{say(locale, "Drøftelsen her ses kun af rådets medlemmer og sagsbehandlerne.", "The discussion here is seen only by the council's members and the clerks.")}</p>
                        {w.may_comment.then(|| view! {
                            <section aria-labelledby="ny-kommentar">
                                <h2 id="ny-kommentar">{say(locale, "Ny kommentar", "New comment")}</h2>
                                <form method="post" action=comment_action.clone() class="admin-form">
                                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                                    <div class="field">
                                        <label for="kommentar-block">{say(locale, "Afsnit", "Paragraph")}</label>
                                        <FieldError id="kommentar-block-error".to_string() message=Signal::derive(move || block_error.clone()) />
                                        <select id="kommentar-block" name="block" aria-invalid=invalid_block>
                                            <option value="">{say(locale, "Hele udkastet", "The whole draft")}</option>
                                            {w.blocks.iter().map(|b| {
                                                let label = format!("{} · {}", b.number, b.text.chars().take(70).collect::<String>());
                                                view! { <option value=b.number.clone() selected=b.number == chosen>{label}</option> }
                                            }).collect_view()}
                                        </select>
                                    </div>
                                    <div class="field">
                                        <label for="kommentar-quote">{say(locale, "Citerede ord (valgfrit)", "Quoted words (optional)")}</label>
                                        <p class="hint" id="kommentar-quote-hint">{say(locale, "Kopiér de ord fra afsnittet, kommentaren handler om.", "Copy the words of the paragraph the comment is about.")}</p>
                                        <FieldError id="kommentar-quote-error".to_string() message=Signal::derive(move || quote_error.clone()) />
                                        <input id="kommentar-quote" name="quote" type="text" value=echo.value("quote") aria-invalid=invalid_quote aria-describedby="kommentar-quote-hint" />
                                    </div>
                                    <div class="field">
                                        <label for="kommentar-text">{say(locale, "Kommentar", "Comment")}</label>
                                        <FieldError id="kommentar-text-error".to_string() message=Signal::derive(move || text_error.clone()) />
                                        <textarea id="kommentar-text" name="text" rows="3" aria-invalid=invalid_text>{echo.value("text")}</textarea>
                                    </div>
                                    <button type="submit" class="button">{say(locale, "Skriv kommentaren", "Post the comment")}</button>
                                </form>
                            </section>
                        })}
                        <section aria-labelledby="droeftelse">
                            <h2 id="droeftelse">{say(locale, "Drøftelsen", "The discussion")}</h2>
                            {if w.comments.is_empty() {
                                view! { <p class="muted">{say(locale, "Ingen kommentarer endnu.", "No comments yet.")}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="plain-list council-comments">
                                        {w.comments.iter().map(|c| {
                                            let about = c.block_number.clone().map(|n| format!("{} {n}", say(locale, "Afsnit", "Paragraph"))).unwrap_or_else(|| say(locale, "Hele udkastet", "The whole draft").to_string());
                                            let agree_action = routes::council_agree(&r.hearing_slug, &r.council_slug, c.id);
                                            let reply_id = format!("svar-{}", c.id);
                                            view! {
                                                <li id=format!("k-{}", c.id) class="council-comment" style=format!("margin-left: {}rem", u32::from(c.depth) * 2)>
                                                    <p class="response-meta"><strong>{c.author.clone()}</strong> " · " {about}
                                                        {(c.agreed > 0).then(|| format!(" · {} {}", c.agreed, say(locale, "enige", "agree")))}</p>
                                                    {(!c.quote.is_empty()).then(|| view! { <p class="response-quote"><q>{c.quote.clone()}</q></p> })}
                                                    <p class="response-text">{c.text.clone()}</p>
                                                    {w.may_comment.then(|| view! {
                                                        <div class="button-row">
                                                            {(!c.mine).then(|| view! {
                                                                <form method="post" action=agree_action.clone() class="inline-form">
                                                                    <input type="hidden" name="csrf" value=user.csrf.clone() />
                                                                    <button type="submit" class="button button-secondary">{say(locale, "Enig", "Agree")}<span class="visually-hidden">{format!(" {}", c.author)}</span></button>
                                                                </form>
                                                            })}
                                                            <form method="post" action=comment_action.clone() class="inline-form">
                                                                <input type="hidden" name="csrf" value=user.csrf.clone() />
                                                                <input type="hidden" name="reply_to" value=c.id.to_string() />
                                                                <input type="hidden" name="block" value=c.block_number.clone().unwrap_or_default() />
                                                                <label for=reply_id.clone() class="visually-hidden">{format!("{} {}", say(locale, "Svar til", "Reply to"), c.author)}</label>
                                                                <input id=reply_id type="text" name="text" placeholder=say(locale, "Svar…", "Reply…") />
                                                                <button type="submit" class="button button-secondary">{say(locale, "Svar", "Reply")}</button>
                                                            </form>
                                                        </div>
                                                    })}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                        </section>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
