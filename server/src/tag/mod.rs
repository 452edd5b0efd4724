//! Themes: clerk-defined tags per hearing, put on one or many responses at once, with tags
//! suggested from the words of the responses by the core (TF-IDF with Danish and English stop
//! words). A tag's name is the core's `TagName`: trimmed, and case-insensitive (the database
//! keeps its folded form unique per hearing).

pub mod db;
pub mod forms;

/// How long suggested themes are kept at most, so a server also sees what another server's
/// redaction changed.
const SUGGESTIONS_KEPT: std::time::Duration = std::time::Duration::from_secs(600);

/// Each hearing's suggested themes, with the count of responses they were computed from and
/// when. Computing them reads and stems the newest 2,000 texts, which cost the clerk's queue
/// most of its time; the themes change only when responses arrive or are redacted.
type SuggestionCache = std::collections::HashMap<i64, (i64, std::time::Instant, Vec<String>)>;
static SUGGESTIONS: std::sync::Mutex<Option<SuggestionCache>> = std::sync::Mutex::new(None);

/// Why the suggested themes could not be had: the texts could not be read, or the task that
/// stems them died.
#[derive(Debug, thiserror::Error)]
pub enum SuggestError {
    #[error("reading the responses' texts failed")]
    Sql(#[from] sqlx::Error),
    #[error("the task suggesting themes failed")]
    Task(#[from] tokio::task::JoinError),
}

/// Up to 8 themes suggested from the hearing's newest responses, not counting `have` (tags
/// the hearing has already); `responses` is the hearing's count of responses, which says
/// whether the kept suggestions are still current.
pub async fn suggested(
    pool: &sqlx::AnyPool,
    hearing_id: i64,
    responses: i64,
    have: &[String],
) -> Result<Vec<String>, SuggestError> {
    let kept = {
        let cache = SUGGESTIONS.lock().unwrap_or_else(|p| p.into_inner());
        cache
            .as_ref()
            .and_then(|c| c.get(&hearing_id))
            .filter(|(n, at, _)| *n == responses && at.elapsed() < SUGGESTIONS_KEPT)
            .map(|(_, _, labels)| labels.clone())
    };
    let labels = match kept {
        Some(labels) => labels,
        None => {
            let texts = crate::response::db::latest_texts(pool, hearing_id, 2_000).await?;
            let labels = tokio::task::spawn_blocking(move || {
                let docs: Vec<&str> = texts.iter().map(String::as_str).collect();
                hoering::language::suggest_tags(&docs, 12)
                    .into_iter()
                    .map(|s| s.label)
                    .collect::<Vec<_>>()
            })
            .await?;
            let mut cache = SUGGESTIONS.lock().unwrap_or_else(|p| p.into_inner());
            cache.get_or_insert_with(Default::default).insert(
                hearing_id,
                (responses, std::time::Instant::now(), labels.clone()),
            );
            labels
        }
    };
    let have: Vec<String> = have.iter().map(|t| t.to_lowercase()).collect();
    Ok(labels
        .into_iter()
        .filter(|l| !have.contains(&l.to_lowercase()))
        .take(8)
        .collect())
}

/// Drops every kept suggestion (a redaction may have removed words they came from).
pub fn forget_suggestions() {
    let mut cache = SUGGESTIONS.lock().unwrap_or_else(|p| p.into_inner());
    *cache = None;
}
