//! Process templates: the ordered stages a committee sets for its policies, versioned so that a
//! later edit never rewrites the road a policy already followed.

use serde::{Deserialize, Serialize};

use super::stage::Stage;

/// One stage of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateStage {
    pub stage: Stage,
    /// Whether a policy may pass this stage by with a recorded reason.
    pub skippable: bool,
    /// The body responsible, as free text ("Forvaltningen", "Beskæftigelses- og
    /// Socialudvalget").
    pub responsible: String,
}

/// A committee's process: ordered stages, each possibly skippable. Every edit makes a new
/// version; a policy keeps a snapshot of the version it follows (and a [`TemplateRef`] to it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// The template's name, unique per installation (by default the committee's name).
    pub name: String,
    /// The standing committee (fagudvalg) whose process this is.
    pub committee: String,
    /// 1 for the first version, one more for each edit.
    pub version: u32,
    pub stages: Vec<TemplateStage>,
}

/// Which template, in which version, a policy follows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TemplateRef {
    pub name: String,
    pub version: u32,
}

/// Why a list of stages is not a usable template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum TemplateError {
    /// A stage every road needs is missing (see [`Stage::is_required`]).
    Missing { stage: Stage },
    /// A stage repeats, or comes before one that precedes it in the default order: the rules
    /// (no hearing before a draft, no Byråd before the høringsnotat) rely on that order.
    Order { stage: Stage },
    /// A required stage is marked skippable.
    MustNotBeSkippable { stage: Stage },
}

impl TemplateError {
    /// The stable code, as serde writes it in `reason`.
    pub fn code(&self) -> &'static str {
        match self {
            TemplateError::Missing { .. } => "missing",
            TemplateError::Order { .. } => "order",
            TemplateError::MustNotBeSkippable { .. } => "must_not_be_skippable",
        }
    }
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // For logs and errors: the code and the facts (`app::names::template_error` words it).
        write!(f, "{}: {self:?}", self.code())
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// The default road (DOMAIN.md) for `committee`'s policies, version 1: every stage in the
    /// default order, with Dialogmøde and Økonomiudvalget skippable.
    pub fn default_for(committee: &str) -> Template {
        let stage = |stage, skippable, responsible: &str| TemplateStage {
            stage,
            skippable,
            responsible: responsible.to_string(),
        };
        let administration = "Forvaltningen";
        Template {
            name: committee.to_string(),
            committee: committee.to_string(),
            version: 1,
            stages: vec![
                stage(Stage::Drafting, false, administration),
                stage(Stage::DialogueMeeting, true, administration),
                stage(Stage::CommitteeForHearing, false, committee),
                stage(Stage::Hearing, false, administration),
                stage(Stage::HearingSummary, false, administration),
                stage(Stage::CommitteeRecommendation, false, committee),
                stage(Stage::FinanceCommittee, true, "Økonomiudvalget"),
                stage(Stage::CityCouncil, false, "Byrådet"),
                stage(Stage::Published, false, administration),
            ],
        }
    }

    pub fn reference(&self) -> TemplateRef {
        TemplateRef {
            name: self.name.clone(),
            version: self.version,
        }
    }

    /// The stages strictly in the default order, each at most once, all required ones present
    /// and none of those skippable.
    pub fn check(&self) -> Result<(), TemplateError> {
        let mut previous: Option<Stage> = None;
        for s in &self.stages {
            if previous.is_some_and(|p| p >= s.stage) {
                return Err(TemplateError::Order { stage: s.stage });
            }
            if s.skippable && s.stage.is_required() {
                return Err(TemplateError::MustNotBeSkippable { stage: s.stage });
            }
            previous = Some(s.stage);
        }
        match Stage::ALL
            .into_iter()
            .find(|stage| stage.is_required() && !self.contains(*stage))
        {
            Some(stage) => Err(TemplateError::Missing { stage }),
            None => Ok(()),
        }
    }

    /// A new version of this template with `stages`, checked. Policies that follow the old
    /// version keep their own snapshot.
    pub fn edited(&self, stages: Vec<TemplateStage>) -> Result<Template, TemplateError> {
        let next = Template {
            stages,
            version: self.version.saturating_add(1),
            ..self.clone()
        };
        next.check()?;
        Ok(next)
    }

    pub fn get(&self, stage: Stage) -> Option<&TemplateStage> {
        self.stages.iter().find(|s| s.stage == stage)
    }

    pub fn contains(&self, stage: Stage) -> bool {
        self.get(stage).is_some()
    }

    pub fn is_skippable(&self, stage: Stage) -> bool {
        self.get(stage).is_some_and(|s| s.skippable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_is_valid_and_in_order() {
        let t = Template::default_for("Beskæftigelses- og Socialudvalget");
        assert_eq!(t.check(), Ok(()));
        let order: Vec<Stage> = t.stages.iter().map(|s| s.stage).collect();
        assert_eq!(order, Stage::ALL.to_vec());
        let skippable: Vec<Stage> = t
            .stages
            .iter()
            .filter(|s| s.skippable)
            .map(|s| s.stage)
            .collect();
        assert_eq!(skippable, [Stage::DialogueMeeting, Stage::FinanceCommittee]);
        assert_eq!(
            t.get(Stage::CommitteeRecommendation).unwrap().responsible,
            "Beskæftigelses- og Socialudvalget"
        );
        assert_eq!(
            t.reference(),
            TemplateRef {
                name: "Beskæftigelses- og Socialudvalget".into(),
                version: 1
            }
        );
    }

    #[test]
    fn edits_make_a_new_version_and_are_checked() {
        let t = Template::default_for("Kulturudvalget");
        // Leaving the dialogue meeting out altogether is allowed.
        let mut stages = t.stages.clone();
        stages.retain(|s| s.stage != Stage::DialogueMeeting);
        let edited = t.edited(stages).unwrap();
        assert_eq!(edited.version, 2);
        assert!(!edited.contains(Stage::DialogueMeeting));
        assert_eq!(t.version, 1);

        let mut stages = t.stages.clone();
        stages.retain(|s| s.stage != Stage::HearingSummary);
        assert_eq!(
            t.edited(stages),
            Err(TemplateError::Missing {
                stage: Stage::HearingSummary
            })
        );

        let mut stages = t.stages.clone();
        stages.swap(3, 4);
        assert_eq!(
            t.edited(stages),
            Err(TemplateError::Order {
                stage: Stage::Hearing
            })
        );

        let mut stages = t.stages.clone();
        stages[3].skippable = true;
        let refused = t.edited(stages).unwrap_err();
        assert_eq!(
            refused,
            TemplateError::MustNotBeSkippable {
                stage: Stage::Hearing
            }
        );
        assert_eq!(refused.code(), "must_not_be_skippable");
    }
}
