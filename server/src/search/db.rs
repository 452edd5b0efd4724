//! The search index in the database: one row per response and distinct stem.

use sqlx::{Any, AnyPool, AssertSqlSafe, Transaction};

/// The distinct stems a text is found under.
fn stems(text: &str) -> Vec<String> {
    let mut terms = hoering::language::terms(text);
    terms.sort();
    terms.dedup();
    terms
}

/// Indexes a response's text (anew: any earlier terms are replaced), in the caller's
/// transaction, so a response is findable exactly when it is stored.
pub async fn index(
    tx: &mut Transaction<'_, Any>,
    hearing_id: i64,
    response_id: i64,
    text: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM search_terms WHERE response_id = $1")
        .bind(response_id)
        .execute(&mut **tx)
        .await?;
    insert_terms(
        tx,
        "search_terms (hearing_id, response_id, term)",
        &[hearing_id, response_id],
        text,
    )
    .await
}

/// Stores `text`'s stems in `into` (a table and its columns, the term last), each row led by
/// `keys` (bound as `$1`, `$2`, …).
async fn insert_terms(
    tx: &mut Transaction<'_, Any>,
    into: &'static str,
    keys: &[i64],
    text: &str,
) -> Result<(), sqlx::Error> {
    let leading = (1..=keys.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    // One statement per few hundred terms keeps a long text to a handful of round trips.
    for chunk in stems(text).chunks(300) {
        let values = (0..chunk.len())
            .map(|i| format!("({leading}, ${})", keys.len() + i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("INSERT INTO {into} VALUES {values} ON CONFLICT DO NOTHING");
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for key in keys {
            query = query.bind(*key);
        }
        for term in chunk {
            query = query.bind(term.as_str());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Indexes responses that were just stored (and so have no terms yet) in a few statements,
/// whatever their number: `(hearing, response, text)` each.
pub async fn index_new(
    tx: &mut Transaction<'_, Any>,
    responses: &[(i64, i64, &str)],
) -> Result<(), sqlx::Error> {
    let rows: Vec<(i64, i64, String)> = responses
        .iter()
        .flat_map(|&(hearing, response, text)| {
            stems(text)
                .into_iter()
                .map(move |term| (hearing, response, term))
        })
        .collect();
    // 60 rows a statement: binding costs time in the square of the parameters on SQLite.
    for chunk in rows.chunks(60) {
        let sql = format!(
            "INSERT INTO search_terms (hearing_id, response_id, term) VALUES {}
             ON CONFLICT DO NOTHING",
            crate::db::placeholder_rows(chunk.len(), 3, 1)
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for (hearing, response, term) in chunk {
            query = query.bind(*hearing).bind(*response).bind(term.as_str());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Indexes the responses stored before search existed (or by an older version); returns how
/// many. Runs at start, in batches.
pub async fn backfill(pool: &AnyPool) -> Result<usize, sqlx::Error> {
    let mut done = 0;
    loop {
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT r.id, r.hearing_id, r.text FROM responses r
             WHERE NOT EXISTS (SELECT 1 FROM search_terms s WHERE s.response_id = r.id)
               AND r.text <> '' ORDER BY r.id LIMIT 500",
        )
        .fetch_all(pool)
        .await?;
        if rows.is_empty() {
            return Ok(done);
        }
        let mut tx = crate::db::begin_write(pool).await?;
        let mut indexed = 0;
        for (id, hearing_id, text) in &rows {
            if !stems(text).is_empty() {
                index(&mut tx, *hearing_id, *id, text).await?;
                indexed += 1;
            }
        }
        tx.commit().await?;
        done += rows.len();
        // Texts without a single term stay unindexed; stop rather than loop over them.
        if indexed == 0 {
            return Ok(done);
        }
    }
}

/// Indexes the text read out of a file sent with a response, in the response's transaction.
pub async fn index_attachment(
    tx: &mut Transaction<'_, Any>,
    hearing_id: i64,
    response_id: i64,
    attachment_id: i64,
    text: &str,
) -> Result<(), sqlx::Error> {
    insert_terms(
        tx,
        "attachment_terms (hearing_id, response_id, attachment_id, term)",
        &[hearing_id, response_id, attachment_id],
        text,
    )
    .await
}

/// Which files' words a search finds responses by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// Those the public may see (scanned, not withheld, sent by someone who published their
    /// name; the response's own state is checked after, as for its text).
    Shown,
    /// Every file: a clerk's search.
    All,
}

/// The responses of a hearing found under every one of `terms` (in their text, or all in the
/// text of one of their files), newest first, at most `limit`.
pub async fn find(
    pool: &AnyPool,
    hearing_id: i64,
    terms: &[String],
    files: Files,
    limit: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = (0..terms.len())
        .map(|i| format!("${}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let shown = match files {
        Files::Shown => {
            "AND a.withheld_reason IS NULL AND a.scan = 'clean' AND r.publication = 'with_name'"
        }
        Files::All => "",
    };
    let sql = format!(
        "SELECT response_id FROM (
            SELECT response_id FROM search_terms WHERE hearing_id = $1 AND term IN ({placeholders})
            GROUP BY response_id HAVING COUNT(*) = {n}
          UNION
            SELECT t.response_id FROM attachment_terms t
            JOIN attachments a ON a.id = t.attachment_id
            JOIN responses r ON r.id = t.response_id
            WHERE t.hearing_id = $1 AND t.term IN ({placeholders}) {shown}
            GROUP BY t.attachment_id, t.response_id HAVING COUNT(*) = {n}
         ) found ORDER BY response_id DESC LIMIT {limit}",
        n = terms.len(),
    );
    let mut query = sqlx::query_scalar(AssertSqlSafe(sql)).bind(hearing_id);
    for term in terms {
        query = query.bind(term.as_str());
    }
    query.fetch_all(pool).await
}
