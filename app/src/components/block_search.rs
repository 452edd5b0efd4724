//! Choosing a paragraph of the draft: the meeting input's and the council room's field. Without
//! JavaScript it is a select (type the number to jump to it); with, a search as you type
//! (number or words, the core's `find_blocks`). Either way the chosen paragraph's whole text
//! stands under the field, so nobody picks a paragraph from a truncated label unseen.

use crate::components::block_label;
use crate::i18n::*;
use leptos::prelude::*;

/// The first words of a block, for its option in the list.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 70;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

/// The block `value` names, as the server reads the field: its number, with or without "§".
fn chosen(pairs: &[(String, String)], value: &str) -> Option<(String, String)> {
    let number = value.trim().trim_start_matches('§').trim();
    pairs.iter().find(|(n, _)| n == number).cloned()
}

/// The field (`id`, posted as `name`) bound to `block`, and the chosen paragraph's text under
/// it. `pairs` are the draft's (number, plain text); `hydrated` switches the select for the
/// search; `invalid` and `described` come from the form's errors.
#[component]
pub fn BlockSearch(
    id: &'static str,
    name: &'static str,
    pairs: StoredValue<Vec<(String, String)>>,
    block: RwSignal<String>,
    hydrated: RwSignal<bool>,
    #[prop(into)] invalid: Signal<Option<&'static str>>,
    #[prop(into)] described: Signal<Option<String>>,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let results = Memo::new(move |_| {
        let query = block.get();
        pairs.with_value(|p| hoering::meeting::find_blocks(p, &query, 8))
    });
    let choose = move |i: usize| {
        if let Some(number) = pairs.with_value(|p| p.get(i).map(|(n, _)| n.clone())) {
            block.set(number);
        }
        open.set(false);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = results.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                if open.get() {
                    active.update(|a| *a = (*a + 1).min(n - 1));
                } else {
                    open.set(true);
                    active.set(0);
                }
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = a.saturating_sub(1));
            }
            "Enter" if open.get() && n > 0 => {
                ev.prevent_default();
                if let Some(i) = results.with(|r| r.get(active.get()).copied()) {
                    choose(i);
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    let options_id = format!("{id}-options");
    let text_id = format!("{id}-text");
    let shown = move || pairs.with_value(|p| chosen(p, &block.get()));
    let field = move || {
        let options_id = options_id.clone();
        if hydrated.get() {
            view! {
                <input
                    id=id
                    name=name
                    type="text"
                    autocomplete="off"
                    role="combobox"
                    aria-autocomplete="list"
                    aria-controls=options_id.clone()
                    aria-expanded=move || if open.get() && results.with(|r| !r.is_empty()) { "true" } else { "false" }
                    aria-activedescendant=move || (open.get() && results.with(|r| !r.is_empty())).then(|| format!("{id}-option-{}", active.get()))
                    aria-invalid=move || invalid.get()
                    aria-describedby=move || described.get()
                    placeholder=td_string!(locale, admin_meeting_e_g_2_3_or_words)
                    prop:value=move || block.get()
                    on:input=move |ev| {
                        block.set(event_target_value(&ev));
                        open.set(true);
                        active.set(0);
                    }
                    on:keydown=on_key
                    on:blur=move |_| open.set(false)
                />
                <ul id=options_id role="listbox" class="combobox-options" hidden=move || !open.get() || results.with(Vec::is_empty)
                    aria-label=td_string!(locale, admin_meeting_matching_paragraphs)>
                    {move || results.get().into_iter().enumerate().map(|(pos, i)| {
                        let (number, text) = pairs.with_value(|p| p.get(i).cloned().unwrap_or_default());
                        view! {
                            <li
                                id=format!("{id}-option-{pos}")
                                role="option"
                                aria-selected=move || if active.get() == pos { "true" } else { "false" }
                                on:mousedown=move |ev| {
                                    ev.prevent_default();
                                    choose(i);
                                }
                            >
                                <strong>{block_label(locale, &number)}</strong> " " {excerpt(&text)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        } else {
            view! {
                <select id=id name=name autofocus=autofocus aria-invalid=move || invalid.get() aria-describedby=move || described.get()
                    on:change=move |ev| block.set(event_target_value(&ev))>
                    <option value="" selected=block.get_untracked().is_empty()>{td_string!(locale, whole_draft)}</option>
                    {pairs.with_value(|p| p.iter().map(|(number, text)| {
                        let selected = *number == block.get_untracked();
                        let label = format!("{} · {}", block_label(locale, number), excerpt(text));
                        view! { <option value=number.clone() selected=selected>{label}</option> }
                    }).collect_view())}
                </select>
            }
            .into_any()
        }
    };
    view! {
        {field}
        {move || shown().map(|(number, text)| view! {
            <div class="chosen-block" id=text_id.clone()>
                <p class="hint">{td_string!(locale, block_search_chosen, label = block_label(locale, &number)).to_string()}</p>
                <blockquote lang="da" dir="ltr">{text}</blockquote>
            </div>
        })}
    }
}

/// The council room's paragraph field (`kommentar-block`, posted as `block`): [`BlockSearch`]
/// in a plain form, which posts the comment itself. `chosen` is the number a refused form had.
#[island]
pub fn BlockPicker(
    blocks: Vec<(String, String)>,
    chosen: String,
    invalid: bool,
    described: Option<String>,
) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let block = RwSignal::new(chosen);
    let pairs = StoredValue::new(blocks);
    view! {
        <BlockSearch
            id="kommentar-block"
            name="block"
            pairs=pairs
            block=block
            hydrated=hydrated
            invalid=Signal::derive(move || invalid.then_some("true"))
            described=Signal::derive(move || described.clone())
        />
    }
}
