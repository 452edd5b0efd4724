//! Dialogue meetings (dialogmøder): the clerk's meeting, the public's sign-up with a waiting
//! list, attendance, the input recorded at the tables on the draft's blocks, and the minutes.

pub mod db;
pub mod forms;
pub mod pages;
