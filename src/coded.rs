//! Enums kept by a stable code (in forms, the database and serde): each variant's code written
//! once, in a table that gives the list of variants, the code of a variant and the variant of
//! a code.

/// `ALL` (the variants in the order given), `as_str` (a variant's code) and `parse` (the
/// variant of a code: `exact`ly as given, or once `trimmed`) for an enum, from a table of its
/// variants and their codes.
macro_rules! coded_enum {
    (@input exact, $code:ident) => {
        $code
    };
    (@input trimmed, $code:ident) => {
        $code.trim()
    };
    ($t:ident, parse: $how:ident, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $t {
            pub const ALL: [Self; [$($text),+].len()] = [$(Self::$variant),+];

            /// The stable code used in forms, the database and serde.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }

            pub fn parse(code: &str) -> Option<Self> {
                let code = $crate::coded::coded_enum!(@input $how, code);
                Self::ALL.into_iter().find(|v| v.as_str() == code)
            }
        }
    };
}

pub(crate) use coded_enum;
