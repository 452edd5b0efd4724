//! The language a høringsnotat is laid out in. The notat's own words (headings, outcomes)
//! are still worded here in Danish and English, until they move into the app's catalogue.

use serde::{Deserialize, Serialize};

/// Danish, or English for a reader of the site in another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }
}
