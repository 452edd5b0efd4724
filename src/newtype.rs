//! What every string newtype of the core shares: it reads as a `&str`, shows as its text, and
//! is made only by its own `parse` (from a `&str`, a `String`, or serde's `try_from`); and what
//! a value kept as its text shares with them for serde.

/// `AsRef<str>`, `Display`, `TryFrom<String>`, `From<T> for String` and `FromStr` for each
/// `T: Error`, a newtype around a `String` (its field `.0`) whose one constructor is
/// `T::parse(&str) -> Result<T, Error>`.
macro_rules! string_newtype {
    ($($t:ident: $err:ty),* $(,)?) => {$(
        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $t {
            type Error = $err;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                $t::parse(&value)
            }
        }

        impl From<$t> for String {
            fn from(value: $t) -> Self {
                value.0
            }
        }

        impl ::std::str::FromStr for $t {
            type Err = $err;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $t::parse(s)
            }
        }
    )*};
}

pub(crate) use string_newtype;

/// `TryFrom<String>` by `FromStr` and `From<T> for String` by `Display`, for each `T: Error`: what
/// serde's `try_from = "String", into = "String"` needs of a value that is kept as its text
/// but is not a string inside (a block number, a receipt number).
macro_rules! text_serde {
    ($($t:ident: $err:ty),* $(,)?) => {$(
        impl TryFrom<String> for $t {
            type Error = $err;

            fn try_from(value: String) -> Result<Self, Self::Error> {
                value.parse()
            }
        }

        impl From<$t> for String {
            fn from(value: $t) -> Self {
                value.to_string()
            }
        }
    )*};
}

pub(crate) use text_serde;

/// The inherent part of a text field's newtype `T` (a `String` in its field `.0`): its longest
/// length `T::MAX_CHARS`, `T::parse`, which keeps what `rule` makes of the input, and
/// `T::as_str`. `rule` is a `fn(&str) -> Result<String, FieldError>`.
macro_rules! text_field {
    ($t:ident, max: $max:expr, rule: $rule:expr) => {
        impl $t {
            pub const MAX_CHARS: usize = $max;

            pub fn parse(input: &str) -> Result<Self, FieldError> {
                let rule: fn(&str) -> Result<String, FieldError> = $rule;
                rule(input).map($t)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

pub(crate) use text_field;
