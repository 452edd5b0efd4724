//! The shapes lists and tables share on the staff and public pages: a page's section under its
//! heading, the muted line that stands where a list has nothing in it, a plain list, and a data
//! table with its row of column headings.

use leptos::prelude::*;

/// A section's list, or, when there is nothing to list, the muted line that says so. The list is
/// only built when there is something in it.
pub fn none_or<V>(empty: bool, none: impl IntoView + 'static, list: impl FnOnce() -> V) -> AnyView
where
    V: IntoView + 'static,
{
    if empty {
        view! { <p class="muted">{none}</p> }.into_any()
    } else {
        list().into_any()
    }
}

/// A data table's head: one column heading (`<th scope="col">`) for each name, in order.
pub fn column_heads<V>(names: impl IntoIterator<Item = V>) -> impl IntoView
where
    V: IntoView + 'static,
{
    let cells = names
        .into_iter()
        .map(|name| view! { <th scope="col">{name}</th> })
        .collect_view();
    view! { <thead><tr>{cells}</tr></thead> }
}

/// A data table in a region of its own, named `label` for screen readers and reachable by the
/// keyboard, so that on a narrow screen the table scrolls sideways and not the page: its column
/// headings, then its rows.
pub fn data_table<H>(
    label: impl Into<String>,
    heads: impl IntoIterator<Item = H>,
    rows: impl IntoView + 'static,
) -> impl IntoView
where
    H: IntoView + 'static,
{
    table_region(label.into(), None, heads, rows)
}

/// [`data_table`] with a caption for screen readers only, which says what `label` says.
pub fn captioned_table<H>(
    caption: &'static str,
    heads: impl IntoIterator<Item = H>,
    rows: impl IntoView + 'static,
) -> impl IntoView
where
    H: IntoView + 'static,
{
    table_region(caption.to_string(), Some(caption), heads, rows)
}

fn table_region<H>(
    label: String,
    hidden_caption: Option<&'static str>,
    heads: impl IntoIterator<Item = H>,
    rows: impl IntoView + 'static,
) -> impl IntoView
where
    H: IntoView + 'static,
{
    let caption = hidden_caption.map(|c| view! { <caption class="visually-hidden">{c}</caption> });
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="data-table">
                {caption}
                {column_heads(heads)}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A part of a page under its own heading (`id` is the heading's), which names the section for
/// screen readers.
pub fn section(
    id: &'static str,
    heading: &'static str,
    content: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id class="policy-section">
            <h2 id=id>{heading}</h2>
            {content}
        </section>
    }
}

/// A `<ul class="plain-list">` with one `<li>` for each item, holding what `item` makes of it.
/// (An `AnyView`, so the list does not hold on to the borrowed items it was made from.)
pub fn plain_list<T, V>(items: impl IntoIterator<Item = T>, mut item: impl FnMut(T) -> V) -> AnyView
where
    V: IntoView + 'static,
{
    let rows = items
        .into_iter()
        .map(|x| view! { <li>{item(x)}</li> })
        .collect_view();
    view! { <ul class="plain-list">{rows}</ul> }.into_any()
}
