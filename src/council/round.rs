//! The council's round: the days in which its members discuss a draft and write their joint
//! response, set by the clerk within the public hearing.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::CouncilErrors;
use crate::hearing::parse_date;

/// The round form exactly as posted: every field a string, missing fields empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundFields {
    /// The round's first day, `YYYY-MM-DD`.
    pub opens: String,
    /// The round's last day, `YYYY-MM-DD`; on or before the public hearing's last day.
    pub closes: String,
}

/// Where a council's round stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundState {
    Upcoming,
    Open,
    Closed,
}

impl RoundState {
    pub const ALL: [Self; 3] = [Self::Upcoming, Self::Open, Self::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upcoming => "upcoming",
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }
}

/// Why two dates do not make a council's round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundWindowError {
    #[error("the round closes before it opens")]
    Order,
    #[error("the round ends after the public hearing")]
    AfterHearing,
}

impl RoundWindowError {
    /// The field error code the form shows on `closes`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Order => "order",
            Self::AfterHearing => "after_hearing",
        }
    }
}

/// The council's round from `opens` through `closes`, both included, ending no later than the
/// public hearing's last day, which it keeps: the chair may still submit after the round
/// until then (see [`super::may_submit`]).
///
/// Dates are Danish calendar days, as the clerk sets them; the caller gives today's date in
/// Danish time (e.g. from [`crate::hearing::copenhagen`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "WindowRepr", into = "WindowRepr")]
pub struct RoundWindow {
    opens: Date,
    closes: Date,
    hearing_last_day: Date,
}

#[derive(Serialize, Deserialize)]
struct WindowRepr {
    opens: Date,
    closes: Date,
    hearing_last_day: Date,
}

impl TryFrom<WindowRepr> for RoundWindow {
    type Error = RoundWindowError;

    fn try_from(value: WindowRepr) -> Result<Self, Self::Error> {
        RoundWindow::new(value.opens, value.closes, value.hearing_last_day)
    }
}

impl From<RoundWindow> for WindowRepr {
    fn from(value: RoundWindow) -> Self {
        WindowRepr {
            opens: value.opens,
            closes: value.closes,
            hearing_last_day: value.hearing_last_day,
        }
    }
}

impl RoundWindow {
    /// A one-day round (`opens == closes`) is allowed.
    pub fn new(
        opens: Date,
        closes: Date,
        hearing_last_day: Date,
    ) -> Result<Self, RoundWindowError> {
        if closes < opens {
            return Err(RoundWindowError::Order);
        }
        if closes > hearing_last_day {
            return Err(RoundWindowError::AfterHearing);
        }
        Ok(RoundWindow {
            opens,
            closes,
            hearing_last_day,
        })
    }

    pub fn opens(&self) -> Date {
        self.opens
    }

    pub fn closes(&self) -> Date {
        self.closes
    }

    /// The public hearing's last day: the last day the chair may submit.
    pub fn hearing_last_day(&self) -> Date {
        self.hearing_last_day
    }

    pub fn state_on(&self, today: Date) -> RoundState {
        if today < self.opens {
            RoundState::Upcoming
        } else if today <= self.closes {
            RoundState::Open
        } else {
            RoundState::Closed
        }
    }
}

impl RoundFields {
    /// The round within a public hearing whose last day is `hearing_last_day`, or every
    /// mistake at once. A round may open before the public hearing does: councils are often
    /// given the draft first.
    pub fn parse(&self, hearing_last_day: Date) -> Result<RoundWindow, CouncilErrors> {
        let mut errors = CouncilErrors::new();
        let mut day = |field: &str, input: &str| match input.trim() {
            "" => {
                errors.insert(field.to_owned(), "required".to_owned());
                None
            }
            s => parse_date(s)
                .map_err(|_| {
                    errors.insert(field.to_owned(), "invalid".to_owned());
                })
                .ok(),
        };
        let opens = day("opens", &self.opens);
        let closes = day("closes", &self.closes);

        // A round opening after the hearing has closed cannot end within it either; saying so
        // on `opens` too points at the date to change.
        if opens.is_some_and(|d| d > hearing_last_day) {
            errors.insert("opens".to_owned(), "after_hearing".to_owned());
        }
        if let Some(closes) = closes {
            let code = if closes > hearing_last_day {
                Some(RoundWindowError::AfterHearing)
            } else if opens.is_some_and(|opens| closes < opens) {
                Some(RoundWindowError::Order)
            } else {
                None
            };
            if let Some(code) = code {
                errors.insert("closes".to_owned(), code.code().to_owned());
            }
        }

        match (opens, closes) {
            (Some(opens), Some(closes)) if errors.is_empty() => {
                RoundWindow::new(opens, closes, hearing_last_day).map_err(|e| {
                    errors.insert("closes".to_owned(), e.code().to_owned());
                    errors
                })
            }
            _ => Err(errors),
        }
    }
}
