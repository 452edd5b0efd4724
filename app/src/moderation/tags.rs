//! The clerk's tags on a hearing: the panel that adds, renames and suggests them.

use crate::components::FieldError;
use crate::forms::FormEcho;
use crate::i18n::*;
use leptos::prelude::*;

/// The hearing's tags: filter by one, create one (or take a suggestion), and put one on the
/// ticked responses (or take it off).
#[component]
pub fn TagPanel(
    slug: String,
    csrf: String,
    tags: Vec<crate::moderation::TagView>,
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
    let name_error = echo.message(i18n, "tag_name");
    let tag_error = echo.message(i18n, "tag");
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
