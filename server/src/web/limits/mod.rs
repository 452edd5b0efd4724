//! Counting what one client or one account does in a window of time, to slow down password
//! guessing and floods of responses. The counts live in the database, so every server on it
//! counts alike: a guesser gains nothing by being sent to another of several servers.

pub mod db;

use sqlx::AnyPool;
use std::time::Duration;

/// What is counted, each in its own fixed window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Failed logins per account (e-mail as typed, lowercased), from any address: they slow
    /// every login to the account down, but never refuse one on their own.
    LoginAccount,
    /// Failed logins per account and client address: these refuse.
    LoginPair,
    /// Failed logins per client address.
    LoginClient,
    /// Responses (and sign-ups, questions) per client address and what they were sent to.
    Responses,
}

impl Limit {
    fn window_seconds(self) -> i64 {
        match self {
            Limit::LoginAccount | Limit::LoginPair | Limit::LoginClient => 15 * 60,
            Limit::Responses => 60 * 60,
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Limit::LoginAccount => "login-account",
            Limit::LoginPair => "login-pair",
            Limit::LoginClient => "login-client",
            Limit::Responses => "responses",
        }
    }
}

/// The longest window: rows older than this are of no use and are deleted.
const LONGEST_WINDOW_SECONDS: i64 = 60 * 60;

/// A key's count in its current window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub hits: u32,
    /// Whole minutes until the window ends (at least 1), for the message to the user.
    pub minutes_left: u64,
}

impl Count {
    /// The count of a row whose window began at `start`, seen at `now`.
    fn of(hits: i64, start: i64, now: i64, limit: Limit) -> Count {
        let window = limit.window_seconds();
        let elapsed = now.saturating_sub(start).max(0);
        if elapsed >= window {
            return Count {
                hits: 0,
                minutes_left: minutes(window),
            };
        }
        Count {
            hits: u32::try_from(hits.max(0)).unwrap_or(u32::MAX),
            minutes_left: minutes(window - elapsed),
        }
    }
}

fn minutes(seconds: i64) -> u64 {
    u64::try_from(seconds.max(0))
        .unwrap_or(0)
        .div_ceil(60)
        .max(1)
}

/// Why responses could not be counted against their limit.
#[derive(Debug, thiserror::Error)]
pub enum LimitError {
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
    /// The count's upsert returned no row for a key it was given: a fault of ours.
    #[error("the limit of {0} was not counted")]
    Uncounted(String),
}

/// The limits of an installation.
#[derive(Debug, Clone)]
pub struct Limits {
    pool: AnyPool,
    /// How many responses a client may send to one hearing in an hour (0: no limit).
    pub responses_per_hour: u32,
}

/// After this many failed logins on an account in the window, each further try waits longer.
pub const LOGIN_FREE_FAILURES: u32 = 3;
/// After this many failures from one address on one account, that address may not try the
/// account again until the window ends. Other addresses are slowed down, not refused, so
/// whoever knows the admin's e-mail cannot lock the admin out.
pub const LOGIN_MAX_ACCOUNT_FAILURES: u32 = 10;
/// A whole office behind one address may mistype; a guesser tries far more.
pub const LOGIN_MAX_CLIENT_FAILURES: u32 = 100;
pub use crate::config::RESPONSES_PER_CLIENT_HOUR;

impl Limits {
    pub fn new(pool: AnyPool, responses_per_hour: u32) -> Self {
        Limits {
            pool,
            responses_per_hour,
        }
    }

    fn key(limit: Limit, key: &str) -> String {
        format!("{}|{key}", limit.prefix())
    }

    /// The count of `key` in its current window, without counting.
    pub async fn count(&self, limit: Limit, key: &str) -> Result<Count, sqlx::Error> {
        let now = crate::db::now();
        Ok(match db::get(&self.pool, &Self::key(limit, key)).await? {
            Some((hits, start)) => Count::of(hits, start, now, limit),
            None => Count::of(0, now, now, limit),
        })
    }

    /// Counts one event for `key`; returns the count including it.
    pub async fn add(&self, limit: Limit, key: &str) -> Result<Count, sqlx::Error> {
        let now = crate::db::now();
        let (hits, start) = db::hit(
            &self.pool,
            &Self::key(limit, key),
            now,
            now - limit.window_seconds(),
        )
        .await?;
        Ok(Count::of(hits, start, now, limit))
    }

    pub async fn reset(&self, limit: Limit, key: &str) -> Result<(), sqlx::Error> {
        db::delete(&self.pool, &Self::key(limit, key)).await
    }

    /// Counts a response from `key`; if that is over the limit, the minutes until the client
    /// may send again.
    pub async fn response_over_limit(&self, key: &str) -> Result<Option<u64>, sqlx::Error> {
        if self.responses_per_hour == 0 {
            return Ok(None);
        }
        let count = self.add(Limit::Responses, key).await?;
        Ok((count.hits > self.responses_per_hour).then_some(count.minutes_left))
    }
}

impl Limits {
    /// Counts one response from each of `keys` (a key may come several times) in the caller's
    /// transaction, in order; for each, the minutes until that client may send again if this
    /// response is over the limit. Several from one key count one after the other, as they
    /// would have one by one.
    pub async fn responses_over_limit_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        keys: &[&str],
    ) -> Result<Vec<Option<u64>>, LimitError> {
        if self.responses_per_hour == 0 {
            return Ok(vec![None; keys.len()]);
        }
        let limit = Limit::Responses;
        let full: Vec<String> = keys.iter().map(|k| Self::key(limit, k)).collect();
        let mut grouped: Vec<(&str, i64)> = Vec::new();
        for key in &full {
            match grouped.iter_mut().find(|(k, _)| *k == key.as_str()) {
                Some((_, n)) => *n += 1,
                None => grouped.push((key.as_str(), 1)),
            }
        }
        let now = crate::db::now();
        let counted = db::hit_many(tx, &grouped, now, now - limit.window_seconds()).await?;
        let mut seen: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
        full.iter()
            .map(|key| {
                let added = grouped
                    .iter()
                    .find(|(k, _)| *k == key.as_str())
                    .map_or(1, |(_, n)| *n);
                let (_, hits, start) = counted
                    .iter()
                    .find(|(k, _, _)| k == key)
                    .ok_or_else(|| LimitError::Uncounted(key.clone()))?;
                let before = seen.entry(key.as_str()).or_insert(0);
                *before += 1;
                // The hits this one made, as if the key's responses had come one by one.
                let own = hits - added + *before;
                let count = Count::of(own, *start, now, limit);
                Ok((count.hits > self.responses_per_hour).then_some(count.minutes_left))
            })
            .collect()
    }
}

/// Deletes the counts whose windows have ended; returns how many.
pub async fn prune(pool: &AnyPool) -> Result<u64, sqlx::Error> {
    db::prune(pool, crate::db::now() - LONGEST_WINDOW_SECONDS).await
}

/// How long a login waits after `failures` failed tries: nothing for the first few, then
/// doubling from a quarter of a second, at most four seconds.
pub fn login_delay(failures: u32) -> Duration {
    match failures.checked_sub(LOGIN_FREE_FAILURES) {
        None => Duration::ZERO,
        Some(extra) => Duration::from_millis(250u64.saturating_mul(1 << extra.min(4))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_counts_until_it_ends() {
        let count = Count::of(5, 1_000, 1_000 + 60, Limit::LoginAccount);
        assert_eq!(count.hits, 5);
        assert_eq!(count.minutes_left, 14);
        let ended = Count::of(5, 1_000, 1_000 + 15 * 60, Limit::LoginAccount);
        assert_eq!(ended.hits, 0);
        let last_second = Count::of(7, 0, 3_599, Limit::Responses);
        assert_eq!((last_second.hits, last_second.minutes_left), (7, 1));
    }

    #[test]
    fn delay_grows_then_stops_growing() {
        assert_eq!(login_delay(0), Duration::ZERO);
        assert_eq!(login_delay(3), Duration::from_millis(250));
        assert_eq!(login_delay(4), Duration::from_millis(500));
        assert_eq!(login_delay(7), Duration::from_millis(4000));
        assert_eq!(login_delay(9), Duration::from_millis(4000));
    }
}
