//! The councils (Integrationsrådet and its like) and who sits in them; an admin creates a council,
//! adds members (users with the council role) and names the chair.

use super::admin::{LogoutForm, staff_or};
use super::policy::say;
use crate::api::{admin_councils, get_council_home, get_current_user};
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
                    <p class="hint">{say(locale, "Når sagsbehandleren åbner rådets runde i en høring, finder du den her: udkastet, rådets drøftelse og det fælles høringssvar.", "When the clerk opens the council's round in a hearing, you find it here: the draft, the council's discussion and the joint response.")}</p>
                    <p><a href="/">{say(locale, "Alle høringer", "All hearings")}</a></p>
                }.into_any()
            })}
        </Suspense>
    }
}
