//! A hearing's retention rule as the clerk's section shows it.

use hoering::privacy::retention::{Erased, RetentionStart};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The rule, the day it runs out, and what it will erase (or did).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetentionView {
    /// The hearing's own choice in months; `None`: the municipality's default.
    pub chosen: Option<u16>,
    pub default_months: u16,
    /// The municipality's choices, shortest first.
    pub choices: Vec<u16>,
    /// What the months count from; `None` while the hearing is open.
    pub start: Option<RetentionStart>,
    /// The day the erasure runs; `None` while the hearing is open.
    pub due: Option<Date>,
    /// The day it ran, in Copenhagen.
    pub erased_on: Option<Date>,
    /// What the erasure will clear (counted now), or nothing once it ran.
    pub pending: Erased,
}
