//! Counting what one client or one account does in a window of time, to slow down password
//! guessing and floods of responses. Kept in memory: each server counts its own requests, which
//! is enough to make guessing slow; a shared count would need the database on every request.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Beyond this many keys, windows that have ended are dropped before a new key is added.
const MAX_KEYS: usize = 100_000;

/// Events per key in fixed windows of `window`.
#[derive(Debug)]
pub struct Counter {
    window: Duration,
    keys: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Counter {
    pub fn new(window: Duration) -> Self {
        Counter {
            window,
            keys: Mutex::new(HashMap::new()),
        }
    }

    /// Events counted for `key` in its current window.
    pub fn count(&self, key: &str) -> u32 {
        let now = Instant::now();
        let keys = self
            .keys
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match keys.get(key) {
            Some((start, n)) if now.duration_since(*start) < self.window => *n,
            _ => 0,
        }
    }

    /// Counts one event for `key`; returns the count including it.
    pub fn add(&self, key: &str) -> u32 {
        let now = Instant::now();
        let mut keys = self
            .keys
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if keys.len() >= MAX_KEYS && !keys.contains_key(key) {
            let window = self.window;
            keys.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = keys.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        entry.1
    }

    pub fn reset(&self, key: &str) {
        let mut keys = self
            .keys
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        keys.remove(key);
    }

    /// Whole minutes until `key`'s window ends (at least 1), for the message to the user.
    pub fn minutes_left(&self, key: &str) -> u64 {
        let keys = self
            .keys
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let left = keys
            .get(key)
            .map(|(start, _)| self.window.saturating_sub(start.elapsed()))
            .unwrap_or(self.window);
        left.as_secs().div_ceil(60).max(1)
    }
}

/// The limits of one server.
#[derive(Debug)]
pub struct Limits {
    /// Failed logins per account (e-mail as typed, lowercased).
    pub login_accounts: Counter,
    /// Failed logins per client address.
    pub login_clients: Counter,
    /// Responses per client address and hearing.
    pub responses: Counter,
    /// How many responses `responses` allows in its window (0: no limit).
    pub responses_per_hour: u32,
}

/// After this many failed logins on an account in the window, each further try waits longer.
pub const LOGIN_FREE_FAILURES: u32 = 3;
/// After this many, the account refuses logins until the window ends.
pub const LOGIN_MAX_ACCOUNT_FAILURES: u32 = 10;
/// A whole office behind one address may mistype; a guesser tries far more.
pub const LOGIN_MAX_CLIENT_FAILURES: u32 = 100;
/// A library's shared computer may send many responses to one hearing in an hour; a script
/// sends thousands.
pub const RESPONSES_PER_CLIENT_HOUR: u32 = 60;

impl Limits {
    pub fn new(responses_per_hour: u32) -> Self {
        Limits {
            login_accounts: Counter::new(Duration::from_secs(15 * 60)),
            login_clients: Counter::new(Duration::from_secs(15 * 60)),
            responses: Counter::new(Duration::from_secs(60 * 60)),
            responses_per_hour,
        }
    }

    /// Counts a response from `key`; whether it is over the limit.
    pub fn response_over_limit(&self, key: &str) -> bool {
        self.responses_per_hour > 0 && self.responses.add(key) > self.responses_per_hour
    }
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
    fn counts_per_key_and_resets() {
        let c = Counter::new(Duration::from_secs(60));
        assert_eq!(c.add("a"), 1);
        assert_eq!(c.add("a"), 2);
        assert_eq!(c.add("b"), 1);
        assert_eq!(c.count("a"), 2);
        c.reset("a");
        assert_eq!(c.count("a"), 0);
        assert_eq!(c.minutes_left("b"), 1);
    }

    #[test]
    fn windows_end() {
        let c = Counter::new(Duration::from_millis(1));
        c.add("a");
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(c.count("a"), 0);
        assert_eq!(c.add("a"), 1);
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
