//! Which plural form a count takes. A message that words a count has one catalogue key per
//! form its language has (CLDR: Danish and English `_one`/`_other`; Arabic `_zero`, `_one`,
//! `_two`, `_few`, `_many`, `_other`; Ukrainian `_one`, `_few`, `_many`, `_other`) and is
//! called with `count = n`; leptos_i18n picks the form with ICU's plural rules, which this
//! module supplies from ICU's compiled data.
//!
//! The server installs them before it serves ([`install`]). The browser does not: no island
//! words a count, and the rules would add some 20 KB gzip to the bundle. An island that needs
//! a plural message calls [`install`] in `hydrate` first.
use leptos_i18n::custom_provider::{IcuDataProvider, set_icu_data_provider};
use leptos_i18n::reexports::icu::locid::Locale;
use leptos_i18n::reexports::icu::plurals::{PluralRuleType, PluralRules, PluralRulesOptions};
use leptos_i18n::reexports::icu::provider::DataError;

/// ICU's plural rules for every language, from its compiled data.
struct CompiledRules;

impl IcuDataProvider for CompiledRules {
    fn try_new_plural_rules(
        &self,
        locale: &Locale,
        rule_type: PluralRuleType,
    ) -> Result<PluralRules, DataError> {
        PluralRules::try_new(
            locale.into(),
            PluralRulesOptions::default().with_type(rule_type),
        )
    }
}

/// Hands leptos_i18n the plural rules; before this, wording a count panics. Idempotent.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| set_icu_data_provider(CompiledRules));
}
