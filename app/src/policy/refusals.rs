//! Why the road or a template refuses, in the reader's language: the core's typed refusals
//! worded by the catalogue, with stages, bodies and dates in the same language.

use crate::i18n::*;
use hoering::process::{Refusal, Stage, TemplateError};

/// Why the road refuses a step: "Fasen »Høring« må ikke springes over i dette forløb."
pub fn refusal(locale: Locale, refused: &Refusal) -> String {
    let stage = |s: Stage| crate::names::stage(locale, s);
    let date = |d: &jiff::civil::Date| crate::dates::long_date(locale, *d);
    match *refused {
        Refusal::AlreadyPublished => td_string!(locale, refusal_already_published).into(),
        Refusal::RoadRejected => td_string!(locale, refusal_road_rejected).into(),
        Refusal::BeforeLastStep { last } => {
            td_string!(locale, refusal_before_last_step, last = date(&last)).to_string()
        }
        Refusal::NotInTemplate { stage: s } => {
            td_string!(locale, refusal_not_in_template, stage = stage(s)).to_string()
        }
        Refusal::OutOfOrder { from, to } => td_string!(
            locale,
            refusal_out_of_order,
            from = stage(from),
            to = stage(to)
        )
        .to_string(),
        Refusal::NotSkippable { stage: s } => {
            td_string!(locale, refusal_not_skippable, stage = stage(s)).to_string()
        }
        Refusal::ReasonRequired => td_string!(locale, refusal_reason_required).into(),
        Refusal::VersionAlreadyFrozen { number } => {
            td_string!(locale, refusal_version_already_frozen, number = number).to_string()
        }
        Refusal::NoFrozenVersion => td_string!(locale, refusal_no_frozen_version).into(),
        Refusal::VersionNotFrozen { number } => {
            td_string!(locale, refusal_version_not_frozen, number = number).to_string()
        }
        Refusal::HearingAlreadyOpen => td_string!(locale, refusal_hearing_already_open).into(),
        Refusal::HearingNotOpen => td_string!(locale, refusal_hearing_not_open).into(),
        Refusal::NoHearingSummary => td_string!(locale, refusal_no_hearing_summary).into(),
        Refusal::NoSummaryHere { stage: s } => {
            td_string!(locale, refusal_no_summary_here, stage = stage(s)).to_string()
        }
        Refusal::NoDecisionHere { stage: s } => {
            td_string!(locale, refusal_no_decision_here, stage = stage(s)).to_string()
        }
        Refusal::DecisionBodyMismatch { stage: s, body } => match s.deciding_body() {
            Some(deciding) => td_string!(
                locale,
                refusal_decision_body_mismatch,
                stage = stage(s),
                deciding = crate::names::body(locale, deciding),
                body = crate::names::body(locale, body)
            )
            .to_string(),
            None => refusal(locale, &Refusal::NoDecisionHere { stage: s }),
        },
        Refusal::DecisionInFuture { meeting } => {
            td_string!(locale, refusal_decision_in_future, meeting = date(&meeting)).to_string()
        }
        Refusal::AlreadyDecided { stage: s } => {
            td_string!(locale, refusal_already_decided, stage = stage(s)).to_string()
        }
        Refusal::DecisionPostponed { stage: s } => {
            td_string!(locale, refusal_decision_postponed, stage = stage(s)).to_string()
        }
        Refusal::SendBackNotEarlier { from, to } => td_string!(
            locale,
            refusal_send_back_not_earlier,
            from = stage(from),
            to = stage(to)
        )
        .to_string(),
        Refusal::NotAdopted => td_string!(locale, refusal_not_adopted).into(),
        Refusal::HearingStillOpen { last_day } => td_string!(
            locale,
            refusal_hearing_still_open,
            last_day = date(&last_day)
        )
        .to_string(),
    }
}

/// Why a list of stages is not a usable template.
pub fn template_error(locale: Locale, error: &TemplateError) -> String {
    let stage = |s: &Stage| crate::names::stage(locale, *s);
    match error {
        TemplateError::Missing { stage: s } => {
            td_string!(locale, template_error_missing, stage = stage(s)).to_string()
        }
        TemplateError::Order { stage: s } => {
            td_string!(locale, template_error_order, stage = stage(s)).to_string()
        }
        TemplateError::MustNotBeSkippable { stage: s } => td_string!(
            locale,
            template_error_must_not_be_skippable,
            stage = stage(s)
        )
        .to_string(),
    }
}

/// Someone else saved the template first: the page shows theirs, to be edited again.
pub fn template_stale(locale: Locale) -> String {
    td_string!(locale, template_error_stale).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoering::process::Body;
    use jiff::civil::date;

    #[test]
    fn every_refusal_reads_in_every_language() {
        for refusal in hoering::process::fixture::every_refusal() {
            let da = super::refusal(Locale::da, &refusal);
            let en = super::refusal(Locale::en, &refusal);
            assert!(da.ends_with('.') && en.ends_with('.'), "{da} / {en}");
            assert_ne!(da, en);
            for &locale in Locale::get_all() {
                let text = super::refusal(locale, &refusal);
                assert!(
                    !text.is_empty() && !text.contains("{{"),
                    "{locale:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn danish_refusals_say_what_the_core_said() {
        let da = |r: Refusal| refusal(Locale::da, &r);
        assert_eq!(
            da(Refusal::NoHearingSummary),
            "Byrådet kan ikke beslutte, før høringsnotatet findes."
        );
        assert_eq!(
            da(Refusal::NotAdopted),
            "Politikken kan ikke offentliggøres, før Byrådet har vedtaget den."
        );
        assert!(
            da(Refusal::HearingStillOpen {
                last_day: date(2026, 12, 14)
            })
            .contains("14. december 2026")
        );
        assert_eq!(
            da(Refusal::DecisionBodyMismatch {
                stage: Stage::CityCouncil,
                body: Body::Committee
            }),
            "I fasen »Byrådet« er det Byrådet, ikke Fagudvalget, der beslutter."
        );
        assert_eq!(
            da(Refusal::DecisionInFuture {
                meeting: date(2020, 1, 29)
            }),
            "Mødet den 29. januar 2020 har ikke fundet sted endnu."
        );
        // A body in a stage without a decision is refused as "no decision here".
        assert_eq!(
            da(Refusal::DecisionBodyMismatch {
                stage: Stage::Hearing,
                body: Body::Committee
            }),
            da(Refusal::NoDecisionHere {
                stage: Stage::Hearing
            })
        );
    }

    #[test]
    fn template_errors_read_in_every_language() {
        let refused = TemplateError::MustNotBeSkippable {
            stage: Stage::Hearing,
        };
        assert_eq!(
            template_error(Locale::da, &refused),
            "Fasen »Høring« kan ikke gøres valgfri."
        );
        assert_eq!(
            template_error(Locale::en, &refused),
            "The stage “Hearing” cannot be made optional."
        );
        assert_eq!(
            template_error(
                Locale::da,
                &TemplateError::Missing {
                    stage: Stage::Drafting
                }
            ),
            "Fasen »Udarbejdelse« skal være med i forløbet."
        );
        for &locale in Locale::get_all() {
            for e in [
                refused,
                TemplateError::Missing {
                    stage: Stage::Drafting,
                },
                TemplateError::Order {
                    stage: Stage::Hearing,
                },
            ] {
                let text = template_error(locale, &e);
                assert!(
                    text.contains(crate::names::stage(locale, e_stage(&e))),
                    "{text}"
                );
            }
        }
    }

    fn e_stage(e: &TemplateError) -> Stage {
        match e {
            TemplateError::Missing { stage }
            | TemplateError::Order { stage }
            | TemplateError::MustNotBeSkippable { stage } => *stage,
        }
    }
}
