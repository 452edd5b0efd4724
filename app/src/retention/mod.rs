//! How long a hearing keeps its senders' personal data: the clerk's section on the høringsnotat
//! page, where the rule is chosen and the erasure's day and outcome are shown.

mod model;
pub use model::*;

pub mod section;
