//! A form's mistakes, collected field by field, so that the form comes back with all of them at
//! once rather than one per try.

use crate::response::FieldError;
use std::collections::BTreeMap;

/// A mistake as a stable code, which the pages put into words.
pub(crate) trait Code {
    fn code(&self) -> &'static str;
}

impl Code for &'static str {
    fn code(&self) -> &'static str {
        self
    }
}

impl Code for FieldError {
    fn code(&self) -> &'static str {
        FieldError::code(*self)
    }
}

/// Each field's mistake (its code) by the field's name.
#[derive(Debug, Default)]
pub(crate) struct Mistakes(BTreeMap<String, String>);

impl Mistakes {
    /// Notes `code` against `field`.
    pub(crate) fn note(&mut self, field: &str, code: &str) {
        self.0.insert(field.to_owned(), code.to_owned());
    }

    /// The parsed value, or `None` with the mistake noted against `field`.
    pub(crate) fn check<T>(&mut self, field: &str, parsed: Result<T, impl Code>) -> Option<T> {
        parsed.map_err(|e| self.note(field, e.code())).ok()
    }

    /// A field that must be filled in: what `parse` makes of its trimmed `input`, or `None` with
    /// `required` (nothing typed) or `invalid` noted against `field`.
    pub(crate) fn required<T>(
        &mut self,
        field: &str,
        input: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let parsed = match input.trim() {
            "" => Err("required"),
            s => parse(s).ok_or("invalid"),
        };
        self.check(field, parsed)
    }

    /// A field that may be left empty: `default` then, else what `parse` makes of its trimmed
    /// `input`, or `None` with `parse`'s mistake noted against `field`.
    pub(crate) fn optional<T>(
        &mut self,
        field: &str,
        input: &str,
        default: Option<T>,
        parse: impl FnOnce(&str) -> Result<T, &'static str>,
    ) -> Option<T> {
        match input.trim() {
            "" => default,
            s => {
                let parsed = parse(s);
                self.check(field, parsed)
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every mistake, for the form to show by its fields.
    pub(crate) fn into_map(self) -> BTreeMap<String, String> {
        self.0
    }
}
