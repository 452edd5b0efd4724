//! The hearing page: the draft, block by block, each with its number, a way to comment on it, and
//! its published responses, fetched only when the reader asks for them.

use crate::components::lists::plain_list;
use crate::components::page::{not_found_page, query_choice, query_page, route_param, suspended};
use crate::components::response::{ResponseItem, ShownInput};
use crate::components::{block_label, error_view, long_date, state_label};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::hearing::BlockView;
use crate::hearing::HearingView;
use crate::hearing::get_hearing;
use crate::response::ResponsePage;
use crate::response::get_responses;
use crate::routes::{SHOWN, WHOLE_DRAFT};
use hoering::hearing::HearingState;

#[component]
pub fn HearingPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = route_param("slug");
    let shown = query_choice(SHOWN);
    let page = query_page();
    let hearing = Resource::new(slug, get_hearing);
    let responses = Resource::new(
        move || (slug(), shown(), page()),
        |(slug, shown, page)| async move {
            match shown {
                None => Ok(None),
                Some(which) => {
                    let block = (which != WHOLE_DRAFT).then_some(which.clone());
                    get_responses(slug, block, page)
                        .await
                        .map(|r| r.map(|page| (which, page)))
                }
            }
        },
    );

    suspended(move || async move {
        Ok(match hearing.await {
            Ok(Some(h)) => {
                // A list that failed to load says so; it never shows as empty.
                let (shown, failed) = match responses.await {
                    Ok(shown) => (shown, false),
                    Err(_) => (None, true),
                };
                view! {
                    {failed.then(error_view)}
                    <HearingDocument hearing=h shown=shown />
                }
                .into_any()
            }
            Ok(None) => not_found_page(t!(i18n, hearing_not_found)),
            Err(_) => error_view().into_any(),
        })
    })
}

#[component]
fn HearingDocument(hearing: HearingView, shown: Option<(String, ResponsePage)>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let card = hearing.card.clone();
    let slug = card.slug.clone();
    let open = card.state == HearingState::Open;
    let closed = card.state == HearingState::Closed;
    let deadline = long_date(locale, card.closes);
    let days_left = match card.days_left {
        Some(0) if open => Some(t_string!(i18n, days_left_today).to_string()),
        Some(n) if open => Some(t_string!(i18n, days_left, count = n).to_string()),
        _ => None,
    };
    let title = card.title.clone();
    let whole_label = t_string!(i18n, whole_draft).to_string();

    let ctx = BlockCtx {
        slug: slug.clone(),
        open,
        shown: shown.clone(),
    };
    let sections = hearing
        .sections
        .iter()
        .map(|section| {
            let heading_level = section.level.clamp(2, 6);
            let heading = format!(
                "{}{}",
                if section.number > 0 {
                    format!("{} ", section.number)
                } else {
                    String::new()
                },
                section.heading
            );
            let heading_view = match heading_level {
                2 => view! { <h2>{heading}</h2> }.into_any(),
                3 => view! { <h3>{heading}</h3> }.into_any(),
                4 => view! { <h4>{heading}</h4> }.into_any(),
                _ => view! { <h5>{heading}</h5> }.into_any(),
            };
            view! {
                <section class="doc-section" id=format!("s-{}", section.number)>
                    {heading_view}
                    {render_blocks(&ctx, &section.blocks)}
                </section>
            }
        })
        .collect_view();
    let footnotes = (!hearing.footnotes.is_empty()).then(|| {
        view! {
            <section class="doc-section footnotes" aria-labelledby="noter">
                <h2 id="noter">{t!(i18n, footnotes_heading)}</h2>
                {render_blocks(&ctx, &hearing.footnotes)}
            </section>
        }
    });
    let whole_shown = shown
        .as_ref()
        .filter(|(which, _)| which == WHOLE_DRAFT)
        .map(|(_, page)| page.clone());

    view! {
        <Title text=title.clone() />
        <article class="hearing">
            <p class="eyebrow">
                <span class=format!("state state-{}", match card.state {
                    HearingState::Open => "open",
                    HearingState::Upcoming => "upcoming",
                    HearingState::Closed => "closed",
                })>{state_label(i18n, card.state)}</span>
                " · "
                <span lang="da" dir="ltr">{hearing.version_label.clone()}</span>
            </p>
            <h1 lang="da" dir="ltr">{title}</h1>
            <crate::components::DanishDraftNotice />
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, fact_deadline)}</dt>
                    <dd>
                        {deadline}
                        {days_left.map(|d| view! { <span class="days-left">{format!(" ({d})")}</span> })}
                    </dd>
                </div>
                <div>
                    <dt>{t!(i18n, fact_opens)}</dt>
                    <dd>{long_date(locale, card.opens)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, fact_published)}</dt>
                    <dd id="offentliggjort">{crate::components::published_counts(locale, card.published)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, fact_committee)}</dt>
                    <dd lang="da" dir="ltr">{card.committee.clone()}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, fact_contact)}</dt>
                    <dd lang="da" dir="ltr">{hearing.contact.clone()}</dd>
                </div>
            </dl>
            <p class="policy-link">
                <a href=crate::routes::policy(&hearing.policy_slug)>{t!(i18n, policy_link)}</a>
            </p>
            <div class="whole-draft" id="b-hele">
                {if open {
                    view! {
                        <p>
                            <a class="button" href=crate::routes::respond(&slug)>
                                {t!(i18n, respond_whole)}
                            </a>
                        </p>
                        <p class="muted">{t!(i18n, respond_block_hint)}</p>
                    }
                        .into_any()
                } else {
                    let locale = i18n.get_locale_untracked();
                    view! {
                        <p class="notice">{t!(i18n, hearing_not_open_notice)}</p>
                        {closed.then(|| view! {
                            <p>
                                <a href=crate::routes::hearing_result(&slug)>{td_string!(locale, hearing_you_said_we_did)}</a>
                                " · "
                                <a href=crate::routes::hearing_notat(&slug)>{td_string!(locale, hearing_the_consultation_report)}</a>
                            </p>
                        })}
                    }.into_any()
                }}
                <ResponsesToggle
                    slug=slug.clone()
                    which=WHOLE_DRAFT.to_string()
                    label=whole_label
                    count=hearing.whole_draft_responses
                    shown=whole_shown
                />
            </div>
            <crate::components::version::VersionNav slug=slug.clone() versions=hearing.versions.clone() current=None />
            <form method="get" action=format!("{}/soeg", crate::routes::hearing(&slug)) role="search" class="inline-form hearing-search">
                <label for="hoering-soeg">{td_string!(i18n.get_locale_untracked(), hearing_search_the_draft_and_the_responses)}</label>
                " "
                <input id="hoering-soeg" name="q" type="search" />
                " "
                <button type="submit" class="button button-secondary">{td_string!(i18n.get_locale_untracked(), hearing_search)}</button>
            </form>
            {if open {
                view! { <DraftSelection><div class="document" lang="da" dir="ltr">{sections} {footnotes}</div></DraftSelection> }.into_any()
            } else {
                view! { <div class="document" lang="da" dir="ltr">{sections} {footnotes}</div> }.into_any()
            }}
            {(!hearing.consultees.is_empty()).then(|| {
                let locale = i18n.get_locale_untracked();
                view! {
                    <section class="doc-section" aria-labelledby="hoeringsliste">
                        <h2 id="hoeringsliste">{td_string!(locale, party_consultation_list)}</h2>
                        <p class="hint">{td_string!(locale, hearing_these_parties_are_invited_to_respond)}</p>
                        <ul class="plain-list party-list">
                            {hearing.consultees.iter().map(|p| view! {
                                <li>{p.organisation.clone()} " "
                                    <span class="muted">{format!("({})", crate::names::party_kind(locale, p.kind))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
            {(!hearing.published_discussions.is_empty()).then(|| {
                let locale = i18n.get_locale_untracked();
                view! {
                    <section class="doc-section" aria-labelledby="raadenes-droeftelser">
                        <h2 id="raadenes-droeftelser">{td_string!(locale, hearing_the_councils_discussions)}</h2>
                        {plain_list(hearing.published_discussions.iter(), |(name, path)| view! { <a href=path.clone()>{format!("{} {name}", td_string!(locale, hearing_the_discussion_in))}</a> })}
                    </section>
                }
            })}
        </article>
    }
}

/// What every block on the page needs to know about the page.
struct BlockCtx {
    slug: String,
    open: bool,
    shown: Option<(String, ResponsePage)>,
}

/// The words the reader selected in the draft, and in which block (with JavaScript only).
#[derive(Clone, Copy)]
struct Selected(RwSignal<Option<(String, String)>>);

/// Follows the reader's selection in an open hearing's draft, so that the block holding it
/// offers to comment on exactly those words. The draft itself stays server-rendered HTML inside
/// it: only this listener and the blocks' [`QuoteLink`]s run in the browser.
#[island]
pub fn DraftSelection(children: Children) -> impl IntoView {
    let selection = RwSignal::new(None);
    provide_context(Selected(selection));
    let take = move || selection.set(crate::components::selected_block_text());
    view! {
        <div class="draft" on:pointerup=move |_| take() on:keyup=move |_| take()>
            {children()}
        </div>
    }
}

/// "Comment on the selected words", shown in a block while the reader has words of it selected.
#[island]
pub fn QuoteLink(slug: String, number: String) -> impl IntoView {
    let i18n = use_i18n();
    let selection = use_context::<Selected>();
    move || {
        selection
            .and_then(|s| s.0.get())
            .filter(|(n, _)| *n == number)
            .map(|(n, text)| {
                view! {
                    <a class="quote-link" href=crate::routes::respond_to_block(&slug, &n, Some(&text))>
                        {t!(i18n, comment_on_selection)}
                    </a>
                }
            })
    }
}

/// Blocks in order; consecutive items of one list stay together in a real list for screen readers.
fn render_blocks(ctx: &BlockCtx, blocks: &[BlockView]) -> AnyView {
    let mut groups: Vec<Vec<&BlockView>> = Vec::new();
    for block in blocks {
        let list_of = |b: &BlockView| {
            (b.kind == hoering::document::BlockKind::ListItem)
                .then(|| b.number.rsplit_once('.').map(|(l, _)| l.to_string()))
        };
        match groups.last_mut() {
            Some(last)
                if list_of(block).flatten().is_some()
                    && last.first().and_then(|b| list_of(b).flatten())
                        == list_of(block).flatten() =>
            {
                last.push(block)
            }
            _ => groups.push(vec![block]),
        }
    }
    groups
        .into_iter()
        .map(|group| {
            if group
                .first()
                .is_some_and(|b| b.kind == hoering::document::BlockKind::ListItem)
            {
                let items = group
                    .into_iter()
                    .map(|b| view! { <li class="block-li">{block_view(ctx, b)}</li> })
                    .collect_view();
                view! { <ul class="block-list">{items}</ul> }.into_any()
            } else {
                group
                    .into_iter()
                    .map(|b| block_view(ctx, b))
                    .collect_view()
                    .into_any()
            }
        })
        .collect_view()
        .into_any()
}

fn block_view(ctx: &BlockCtx, block: &BlockView) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let label = block_label(locale, &block.number);
    let shown = ctx
        .shown
        .as_ref()
        .filter(|(which, _)| *which == block.number)
        .map(|(_, page)| page.clone());
    let comment_link = ctx.open.then(|| {
        view! {
            <a class="comment-link" href=crate::routes::respond_to_block(&ctx.slug, &block.number, None)>
                {t!(i18n, comment_on_block)}
                <span class="visually-hidden">{format!(" {label}")}</span>
            </a>
        }
    });
    // Selecting words in an open hearing's block offers to comment on exactly those words.
    let quote_link = ctx
        .open
        .then(|| view! { <QuoteLink slug=ctx.slug.clone() number=block.number.clone() /> });
    view! {
        <div class=format!("block block-{}", block.kind.as_str()) id=format!("b-{}", block.number) data-block-id=block.id.clone()>
            <div class="block-number" aria-hidden="true">{label.clone()}</div>
            <div class="block-body" inner_html=crate::components::block_html(block.kind, &block.html)></div>
            <div class="block-actions">
                {comment_link}
                {quote_link}
                <ResponsesToggle
                    slug=ctx.slug.clone()
                    which=block.number.clone()
                    label=label
                    count=block.published_responses
                    shown=shown
                />
            </div>
        </div>
    }
}

/// The count of published responses, a link that opens them, and the open list with its pages.
#[component]
fn ResponsesToggle(
    slug: String,
    which: String,
    label: String,
    count: i64,
    shown: Option<ResponsePage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let _ = slug;
    if count == 0 {
        // Under the whole draft, "no responses" would read as the hearing's total, which the
        // facts above give; here it is only those on the draft as a whole.
        let none = if which == WHOLE_DRAFT {
            t_string!(i18n, no_responses_on_the_whole_draft)
        } else {
            t_string!(i18n, no_responses_yet)
        };
        return view! { <span class="response-count muted">{none}</span> }.into_any();
    }
    let anchor = format!("b-{which}");
    match shown {
        None => view! {
            <a class="response-count" href=crate::routes::shown_page(&which, 1, &anchor)>
                {t_string!(i18n, show_responses, count = count).to_string()}
                <span class="visually-hidden">{format!(" ({label})")}</span>
            </a>
        }
        .into_any(),
        Some(page) => {
            let (pages, current) = (page.pages(), page.page);
            let heading = t_string!(
                i18n,
                responses_to,
                label = label.clone(),
                count = page.total
            )
            .to_string();
            view! {
                <ShownInput label=heading.clone() heading=Some(heading) which=which anchor=anchor current=current pages=pages>
                    {page.responses.into_iter().map(|r| view! { <li><ResponseItem response=r /></li> }).collect_view()}
                </ShownInput>
            }
            .into_any()
        }
    }
}
