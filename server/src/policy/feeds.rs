//! The public feeds: an iCalendar of hearing deadlines, dialogue meetings and decision meetings
//! (all policies, or one), and an Atom feed of new hearings, versions and decisions. Written by the core's
//! writers ([`hoering::feed`]), which escape every user-written text.

use super::db::{self as policy_db, PolicyRow};
use crate::hearing::db as hearing_db;
use crate::state::AppState;
use crate::version::db as version_db;
use crate::web::error::{WebError, WebResult};
use app::i18n::Locale;
use app::policy::feed_words as words;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use hoering::calendar::local_date_of;
use hoering::feed::atom::{Entry, Feed};
use hoering::feed::ical::{Calendar, Event, When};
use hoering::process::Step;
use http::{HeaderValue, header};
use jiff::Timestamp;

/// The most entries the Atom feed carries (the newest).
const FEED_ENTRIES: usize = 50;

/// The feeds' language: feed readers send no language cookie and the feed addresses carry
/// none, so Danish.
const LOCALE: Locale = Locale::da;

/// The site's address for absolute links: the configured one, never the request's `Host`
/// (a client could otherwise make our feed link to its own site).
fn base_url(state: &AppState) -> String {
    state.public_url.trim_end_matches('/').to_string()
}

/// The site's host name without a port: the authority of tag URIs (RFC 4151) and iCalendar UIDs.
fn host_of(base: &str) -> &str {
    let authority = base.split("://").nth(1).unwrap_or(base);
    authority
        .rsplit_once(':')
        .filter(|(_, port)| port.chars().all(|c| c.is_ascii_digit()))
        .map_or(authority, |(host, _)| host)
}

/// The events of one policy: its hearings' deadlines, its decisions' meetings and its planned
/// political meetings.
async fn events_of(
    state: &AppState,
    base: &str,
    row: &PolicyRow,
    stamp: Timestamp,
) -> Result<Vec<Event>, WebError> {
    let host = host_of(base);
    let road = row.road()?;
    let page = format!("{base}{}", app::routes::policy(&row.slug));
    let mut events = Vec::new();
    for h in hearing_db::of_policy(&state.db.pool, row.id).await? {
        let closes = local_date_of(Timestamp::from_second(h.closes_at)?);
        events.push(Event {
            uid: format!("hoering-{}-frist@{host}", h.slug),
            summary: words::deadline_summary(LOCALE, &row.title),
            description: Some(words::deadline_description(
                LOCALE,
                &row.title,
                &row.committee,
            )),
            location: None,
            url: Some(format!("{base}{}", app::routes::hearing(&h.slug))),
            when: When::AllDay(closes),
            stamp,
            categories: vec![words::deadline_category(LOCALE).into()],
        });
        // The day each edition of the høringsnotat was published.
        for e in crate::notat::edition::db::of_hearing(&state.db.pool, h.id).await? {
            events.push(Event {
                uid: format!("hoeringsnotat-{}-{}@{host}", h.slug, e.number),
                summary: words::notat_title(LOCALE, e.number, &row.title),
                description: Some(words::notat_summary(LOCALE, &row.title, &e.reason)),
                location: None,
                url: Some(format!(
                    "{base}{}",
                    app::routes::notat_edition(&h.slug, e.number)
                )),
                when: When::AllDay(local_date_of(Timestamp::from_second(e.published_at)?)),
                stamp,
                categories: vec![words::notat_category(LOCALE).into()],
            });
        }
    }
    let mut decided = std::collections::BTreeSet::new();
    for (i, step) in road.history().iter().enumerate() {
        if let Step::Decided {
            stage, decision, ..
        } = step
        {
            decided.insert(*stage);
            events.push(Event {
                uid: format!("politik-{}-beslutning-{i}@{host}", row.slug),
                summary: words::decision_summary(LOCALE, decision.body, &row.title),
                description: Some(words::decision_description(
                    LOCALE,
                    &decision.agenda_item_title,
                    decision.outcome,
                    &decision.text,
                )),
                location: None,
                url: Some(decision.minutes_url.clone().unwrap_or_else(|| page.clone())),
                when: When::AllDay(decision.meeting_date),
                stamp,
                categories: vec![app::names::stage(LOCALE, *stage).to_string()],
            });
        }
    }
    // Dialogue meetings, with their place; an end not given is taken as two hours on.
    for m in crate::meeting::db::of_policy(&state.db.pool, row.id).await? {
        let start = Timestamp::from_second(m.starts_at)?;
        let end = Timestamp::from_second(m.ends_at.unwrap_or(m.starts_at + 2 * 3600))?;
        events.push(Event {
            uid: format!("dialogmoede-{}@{host}", m.id),
            summary: words::meeting_summary(LOCALE, &m.title),
            description: Some(words::meeting_description(LOCALE, &row.title)),
            location: Some(m.place.clone()),
            url: Some(format!("{base}{}", app::routes::meeting(m.id))),
            when: When::Span { start, end },
            stamp,
            categories: vec![words::meeting_category(LOCALE).into()],
        });
    }
    // Planned political meetings not yet held.
    for s in road.template().stages.iter().map(|s| s.stage) {
        if let (Some(body), Some(planned)) = (s.deciding_body(), road.planned(s))
            && s >= road.stage()
            && !decided.contains(&s)
        {
            events.push(Event {
                uid: format!("politik-{}-plan-{}@{host}", row.slug, s.as_str()),
                summary: words::planned_summary(LOCALE, body, &row.title),
                description: None,
                location: None,
                url: Some(page.clone()),
                when: When::AllDay(planned),
                stamp,
                categories: vec![app::names::stage(LOCALE, s).to_string()],
            });
        }
    }
    Ok(events)
}

fn ics_response(calendar: &Calendar) -> Response {
    let mut res = calendar.to_ics().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    res
}

/// `GET /kalender.ics`: every policy's deadlines and decision meetings.
pub async fn calendar(State(state): State<AppState>) -> WebResult {
    let base = base_url(&state);
    let stamp = Timestamp::now();
    let mut events = Vec::new();
    for row in policy_db::list(&state.db.pool).await? {
        events.extend(events_of(&state, &base, &row, stamp).await?);
    }
    Ok(ics_response(&Calendar {
        name: words::calendar_name(LOCALE).into(),
        description: Some(words::calendar_description(LOCALE).into()),
        events,
    }))
}

/// `GET /politikker/{slug}/kalender.ics`: one policy's deadlines and decision meetings.
pub async fn policy_calendar(State(state): State<AppState>, Path(slug): Path<String>) -> WebResult {
    let base = base_url(&state);
    let row = policy_db::by_slug(&state.db.pool, &slug)
        .await?
        .ok_or_else(WebError::not_found)?;
    let events = events_of(&state, &base, &row, Timestamp::now()).await?;
    Ok(ics_response(&Calendar {
        name: row.title.clone(),
        description: Some(format!("{} · {}", row.title, row.committee)),
        events,
    }))
}

/// `GET /feeds/politikker.atom`: new hearings, versions and decisions, newest first.
pub async fn atom(State(state): State<AppState>) -> WebResult {
    let base = base_url(&state);
    let host = host_of(&base).to_string();
    let pool = &state.db.pool;
    let fail = |what: &'static str| move |e: sqlx::Error| WebError::internal(what, e);
    let time = |seconds: i64| Timestamp::from_second(seconds).unwrap_or(Timestamp::UNIX_EPOCH);
    let noon = |day: jiff::civil::Date| {
        hoering::calendar::local_instant(day, 12, 0).unwrap_or(Timestamp::UNIX_EPOCH)
    };
    let mut entries = Vec::new();
    for row in policy_db::list(pool)
        .await
        .map_err(fail("listing policies failed"))?
    {
        let page = format!("{base}{}", app::routes::policy(&row.slug));
        for h in hearing_db::of_policy(pool, row.id)
            .await
            .map_err(fail("reading hearings failed"))?
        {
            entries.push(Entry {
                id: format!("tag:{host},2026:hoering/{}", h.slug),
                title: words::new_hearing_title(LOCALE, &row.title),
                url: format!("{base}{}", app::routes::hearing(&h.slug)),
                updated: time(h.opens_at),
                published: Some(time(h.opens_at)),
                summary: words::new_hearing_summary(
                    LOCALE,
                    &row.committee,
                    &row.title,
                    local_date_of(time(h.closes_at)),
                ),
                category: Some(words::hearing_category(LOCALE).into()),
            });
            for e in crate::notat::edition::db::of_hearing(pool, h.id)
                .await
                .map_err(fail("reading the notat's editions failed"))?
            {
                entries.push(Entry {
                    id: format!(
                        "tag:{host},2026:hoering/{}/hoeringsnotat/{}",
                        h.slug, e.number
                    ),
                    title: words::notat_title(LOCALE, e.number, &row.title),
                    url: format!("{base}{}", app::routes::notat_edition(&h.slug, e.number)),
                    updated: time(e.published_at),
                    published: Some(time(e.published_at)),
                    summary: words::notat_summary(LOCALE, &row.title, &e.reason),
                    category: Some(words::notat_category(LOCALE).into()),
                });
            }
        }
        for v in version_db::versions_of_policy(pool, row.id)
            .await
            .map_err(fail("reading versions failed"))?
        {
            entries.push(Entry {
                id: format!("tag:{host},2026:politik/{}/version/{}", row.slug, v.number),
                title: format!("{}: {}", row.title, v.label),
                url: page.clone(),
                updated: time(v.created_at),
                published: Some(time(v.created_at)),
                summary: if v.note.is_empty() {
                    words::version_summary(LOCALE, v.number, &row.title)
                } else {
                    v.note.clone()
                },
                category: Some(words::version_category(LOCALE).into()),
            });
        }
        let road = row.road()?;
        for (i, step) in road.history().iter().enumerate() {
            if let Step::Decided { decision, .. } = step {
                let when = noon(decision.meeting_date);
                entries.push(Entry {
                    id: format!("tag:{host},2026:politik/{}/beslutning/{i}", row.slug),
                    title: words::decision_title(
                        LOCALE,
                        decision.body,
                        &row.title,
                        decision.outcome,
                    ),
                    url: decision.minutes_url.clone().unwrap_or_else(|| page.clone()),
                    updated: when,
                    published: Some(when),
                    summary: format!("{} {}", decision.agenda_item_title, decision.text)
                        .trim()
                        .to_string(),
                    category: Some(words::decision_category(LOCALE).into()),
                });
            }
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    entries.truncate(FEED_ENTRIES);
    let updated = entries
        .first()
        .map(|e| e.updated)
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let feed = Feed {
        id: format!("tag:{host},2026:politikker"),
        title: words::title(LOCALE).into(),
        self_url: format!("{base}{}", app::routes::FEED),
        alternate_url: format!("{base}{}", app::routes::policies()),
        updated,
        author: "hoering".into(),
        entries,
    };
    let mut res = feed.to_xml().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(res)
}
