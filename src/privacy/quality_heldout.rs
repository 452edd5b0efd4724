//! The held-out evaluation set: templates and values written after the detectors were last
//! changed, and not run against them before these figures were first taken (the sentences,
//! spellings and word lists are in `quality_words.json`, under `heldout`). The set in
//! `quality_tests` served to find the detectors' gaps; this one measures them.

use super::FlagKind;
use super::quality_tests::{
    Rand, Sample, Set, around_term, cpr_number, phone, samples, street, templated,
    with_floor_and_town, word_list,
};

fn list(name: &str) -> &'static [String] {
    word_list(Heldout::NAME, name)
}

fn name(r: &mut Rand) -> String {
    match r.below(5) {
        0..=2 => format!("{} {}", r.word(list("first")), r.word(list("last"))),
        3 => format!(
            "{} {} {}",
            r.word(list("first")),
            r.word(list("last")),
            r.word(list("last"))
        ),
        _ => (*r.word(list("first"))).to_owned(),
    }
}

struct Heldout;

impl Set for Heldout {
    const NAME: &'static str = "heldout";
    const AFTER_NAME: &'static str = ", ";

    /// Someone born 1925–2024, the seventh digit as the CPR office assigns it.
    fn cpr(r: &mut Rand) -> String {
        let year = r.range(1925, 2024);
        let seventh = match year {
            1925..=1936 => r.range(0, 3),
            1937..=1999 => *r.pick(&[&0u64, &1, &2, &3, &4, &9]),
            2000..=2036 => *r.pick(&[&4u64, &5, &6, &7, &8, &9]),
            _ => 0,
        };
        cpr_number::<Self>(r, year, seventh)
    }

    fn address(r: &mut Rand) -> String {
        let mut a = format!("{} {}", street::<Self>(r, 35), r.range(1, 180));
        match r.below(10) {
            0 => a.push_str(&format!("{}", char::from(b'A' + r.below(6) as u8))),
            1 => a.push_str(&format!(" {}", char::from(b'A' + r.below(6) as u8))),
            _ => {}
        }
        with_floor_and_town::<Self>(r, a, 25, 30)
    }

    fn signed_name(r: &mut Rand) -> String {
        name(r)
    }

    fn before_email(r: &mut Rand) -> &'static str {
        r.word(list("email_labels"))
    }

    /// The term is drawn before the sentence, from the one list each kind has here.
    fn about_someone(r: &mut Rand, kind: FlagKind) -> Sample {
        let who = name(r);
        let words = if kind == FlagKind::Health {
            "health"
        } else {
            "origins"
        };
        let term = r.word(list(words));
        let (before, named, after) = around_term(Self::sentence(r, kind));
        assert_eq!(named, words, "a sentence about {words}");
        Sample::around(before, kind, term, after, &who)
    }

    /// One time in ten, two phone numbers with their labels.
    fn phone_sample(r: &mut Rand) -> Sample {
        if r.chance(10) {
            let mut s = Sample::default();
            s.text("hjemme: ")
                .gold(FlagKind::Phone, &phone::<Self>(r))
                .text(" / arbejde: ")
                .gold(FlagKind::Phone, &phone::<Self>(r));
            return s;
        }
        templated::<Self>(r, FlagKind::Phone, phone::<Self>)
    }
}

/// The held-out set: 480 snippets with something to flag and 320 without.
pub(super) fn heldout_set() -> Vec<Sample> {
    samples::<Heldout>(0x0dd_ba11_2026_1130, [110, 80, 50, 80, 60, 60, 40, 320])
}
