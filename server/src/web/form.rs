//! Every URL-encoded form post as a struct of its own (`#[derive(Deserialize, Serialize)]`,
//! `#[serde(default)]`), read by [`Form`], and given back with a mistake by [`typed`].
//!
//! A form's fields are text: [`Line`] for a single-line field (trimmed here, once, for every
//! form), `String` for a text area (its own validator normalises it) and for a page to go
//! back to (`back`, `next`: exactly as sent, for the one safe-target check), `Vec<String>` for
//! a name the form repeats (ticked boxes: `response=1&response=2`). Reading such a struct never fails:
//! a field left out is empty and the handler's validator refuses it by its field, so the page
//! comes back in the reader's language; a field the struct does not name (the CSRF token, which
//! the security layer checked before the handler ran) is ignored.

use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use serde::de::value::{Error as ValueError, MapDeserializer, SeqDeserializer};
use serde::de::{DeserializeOwned, Deserializer, IntoDeserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A form post read into `T`.
pub struct Form<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Form<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        // axum's reader checks the content type and keeps a repeated name's every value.
        let axum::Form(pairs) = axum::Form::<Vec<(String, String)>>::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        from_pairs(pairs).map(Form).map_err(|e| {
            // Only a struct with a field that is not text can get here: a programming error.
            tracing::error!(error = %e, "a form struct could not be read");
            http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        })
    }
}

/// `T` from a form's name/value pairs: a text field takes its name's last value, a list every
/// value of its name.
pub fn from_pairs<T: DeserializeOwned>(pairs: Vec<(String, String)>) -> Result<T, ValueError> {
    let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, value) in pairs {
        by_name.entry(name).or_default().push(value);
    }
    T::deserialize(MapDeserializer::new(
        by_name
            .into_iter()
            .map(|(name, values)| (name, Values(values))),
    ))
}

/// The values a form posted under one name.
struct Values(Vec<String>);

impl IntoDeserializer<'_, ValueError> for Values {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> Deserializer<'de> for Values {
    type Error = ValueError;

    fn deserialize_any<V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, ValueError> {
        visitor.visit_string(self.0.pop().unwrap_or_default())
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        visitor.visit_seq(SeqDeserializer::new(self.0.into_iter()))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ValueError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ValueError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// A single-line field as typed, without the spaces around it. What it must hold is the
/// validator's to say (the core's `OneLine`, `PersonName`, `CouncilName`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Line(String);

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| Line::from(s.as_str()))
    }
}

impl From<&str> for Line {
    fn from(s: &str) -> Self {
        Line(s.trim().to_owned())
    }
}

impl std::ops::Deref for Line {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Line {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a checkbox was ticked.
    pub fn ticked(&self) -> bool {
        self.0 == "on"
    }
}

/// What was typed into `form`, by field name, to give back with a mistake: the struct's text
/// fields as read (a list of ticked boxes is not given back, nor a field marked
/// `#[serde(skip_serializing)]`, such as a password; the CSRF token is never a field).
pub fn typed(form: &impl Serialize) -> BTreeMap<String, String> {
    match serde_json::to_value(form) {
        Ok(serde_json::Value::Object(fields)) => fields
            .into_iter()
            .filter_map(|(name, value)| match value {
                serde_json::Value::String(s) => Some((name, s)),
                _ => None,
            })
            .collect(),
        _ => BTreeMap::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, Deserialize, Serialize)]
    #[serde(default)]
    struct Sample {
        name: Line,
        text: String,
        ticked: Vec<String>,
        #[serde(skip_serializing)]
        password: String,
    }

    fn read(pairs: &[(&str, &str)]) -> Sample {
        from_pairs(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn missing_fields_are_empty_and_unknown_ones_ignored() {
        let s = read(&[("csrf", "t"), ("other", "x")]);
        assert_eq!(s.name.as_str(), "");
        assert!(s.text.is_empty() && s.ticked.is_empty());
    }

    #[test]
    fn lines_are_trimmed_text_is_not_and_lists_keep_every_value() {
        let s = read(&[
            ("name", "  Ada \n"),
            ("text", " a\nb "),
            ("ticked", "1"),
            ("ticked", "2"),
            ("password", "secret"),
        ]);
        assert_eq!(s.name.as_str(), "Ada");
        assert_eq!(s.text, " a\nb ");
        assert_eq!(s.ticked, ["1", "2"]);
        let echo = typed(&s);
        assert_eq!(echo.get("name").map(String::as_str), Some("Ada"));
        assert!(!echo.contains_key("password") && !echo.contains_key("ticked"));
    }

    #[test]
    fn a_single_field_named_twice_takes_the_last_value() {
        assert_eq!(read(&[("name", "a"), ("name", "b")]).name.as_str(), "b");
    }
}
