//! Which of the UI's four languages a piece of user text is written in, guessed cheaply, so a
//! page can mark it with `lang` (WCAG 3.1.2, language of parts) and a screen reader reads a
//! Danish response in an English page with Danish pronunciation.
//!
//! Detected rather than asked for: responses, council comments and meeting input already exist
//! without a language, a sender would have one more question to answer, and the four languages
//! are easy to tell apart. Arabic and Ukrainian by their script, Danish and English by their
//! function words (and Danish by æ, ø, å). When the text is too short or the evidence is mixed
//! the answer is `None`, and the page leaves the text without a `lang` of its own: guessing
//! wrong would be worse than the page's language.

/// A language text can be detected as (the UI's four).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextLanguage {
    Danish,
    English,
    Arabic,
    Ukrainian,
}

impl TextLanguage {
    /// The BCP 47 code for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            TextLanguage::Danish => "da",
            TextLanguage::English => "en",
            TextLanguage::Arabic => "ar",
            TextLanguage::Ukrainian => "uk",
        }
    }
}

/// Words frequent in Danish prose and not English words (so "to", "i", "for", "den" are left
/// out: they are both, or common English names and abbreviations).
const DANISH: &[&str] = &[
    "af", "alle", "at", "bliver", "blive", "børn", "da", "de", "dem", "der", "det", "dette",
    "disse", "eller", "en", "er", "et", "fra", "har", "hvad", "hvis", "hvor", "ikke", "jeg", "kan",
    "kommunen", "med", "meget", "men", "mere", "mig", "og", "også", "om", "os", "på", "sig",
    "skal", "skulle", "som", "så", "til", "ud", "vi", "vil", "vores", "være", "når",
];

/// Words frequent in English prose and not Danish words.
const ENGLISH: &[&str] = &[
    "a", "about", "all", "also", "and", "are", "be", "been", "but", "by", "can", "do", "does",
    "from", "has", "have", "in", "is", "it", "more", "not", "of", "on", "or", "our", "should",
    "that", "the", "their", "there", "they", "this", "was", "we", "were", "what", "which", "will",
    "with", "would", "you",
];

/// At least this many letters before a script decides, and this many function words before
/// Danish or English does.
const MIN_LETTERS: usize = 8;
const MIN_EVIDENCE: usize = 2;

/// The language `text` is most likely written in, or `None` when it cannot tell.
pub fn detect(text: &str) -> Option<TextLanguage> {
    let (mut latin, mut arabic, mut cyrillic) = (0usize, 0usize, 0usize);
    let (mut ukrainian_only, mut russian_only) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            '\u{0400}'..='\u{04FF}' => {
                cyrillic += 1;
                match c {
                    'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => ukrainian_only += 1,
                    'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => russian_only += 1,
                    _ => {}
                }
            }
            _ if c.is_ascii_alphabetic() || matches!(c, 'æ' | 'ø' | 'å' | 'Æ' | 'Ø' | 'Å') => {
                latin += 1
            }
            _ => {}
        }
    }
    let letters = latin + arabic + cyrillic;
    if letters < MIN_LETTERS {
        return None;
    }
    // A script decides when it holds most of the letters (a Danish place name in an Arabic
    // response does not make it Danish).
    if arabic * 2 > letters {
        return Some(TextLanguage::Arabic);
    }
    if cyrillic * 2 > letters {
        // Cyrillic that is plainly Russian is not Ukrainian; plain Cyrillic without either's
        // own letters is taken as Ukrainian, the UI's one Cyrillic language.
        return (russian_only == 0 || ukrainian_only > russian_only)
            .then_some(TextLanguage::Ukrainian);
    }
    if latin * 2 <= letters {
        return None;
    }
    let (mut danish, mut english) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        if DANISH.contains(&word.as_str()) || word.contains(['æ', 'ø', 'å']) {
            danish += 1;
        } else if ENGLISH.contains(&word.as_str()) {
            english += 1;
        }
    }
    // One language must have real evidence and clearly more than the other.
    if danish >= MIN_EVIDENCE && danish >= 2 * english.max(1) {
        Some(TextLanguage::Danish)
    } else if english >= MIN_EVIDENCE && english >= 2 * danish.max(1) {
        Some(TextLanguage::English)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_responses_are_danish() {
        for text in [
            "Jeg synes, at sprogstøtten skal starte tidligere, og at forældrene også skal med.",
            "Integrationsrådet støtter politikkens vision om, at alle borgere skal kunne deltage.",
            "Mentorer til nye elever og deres forældre.",
            "Det er vigtigt for os.",
        ] {
            assert_eq!(detect(text), Some(TextLanguage::Danish), "{text}");
        }
    }

    #[test]
    fn english_responses_are_english() {
        for text in [
            "I think the language support should start earlier, and parents should be included.",
            "We would like more evening classes in Danish.",
            "This is important to our association.",
        ] {
            assert_eq!(detect(text), Some(TextLanguage::English), "{text}");
        }
    }

    #[test]
    fn arabic_and_ukrainian_by_their_script() {
        assert_eq!(
            detect("نحن ندعم هذه السياسة ونأمل أن تشمل دروس اللغة الدنماركية الأهل أيضا."),
            Some(TextLanguage::Arabic)
        );
        // A Danish name inside Arabic text does not change its language.
        assert_eq!(
            detect("أسكن في Roskilde منذ عشر سنوات وأريد دروسا مسائية"),
            Some(TextLanguage::Arabic)
        );
        assert_eq!(
            detect("Ми підтримуємо політику інтеграції і просимо більше вечірніх курсів."),
            Some(TextLanguage::Ukrainian)
        );
    }

    #[test]
    fn russian_is_not_taken_for_ukrainian() {
        assert_eq!(
            detect("Мы поддерживаем эту политику и просим больше вечерних курсов языка."),
            None
        );
    }

    #[test]
    fn too_little_or_mixed_evidence_is_unknown() {
        for text in [
            "",
            "OK",
            "12345 67890 !!!",
            "Roskilde Kommune",
            // One function word each: no language clearly ahead.
            "Jeg agree",
            // Names and numbers only.
            "Hans Jensen, Algade 12, 4000 Roskilde",
        ] {
            assert_eq!(detect(text), None, "{text:?}");
        }
    }

    #[test]
    fn codes_are_bcp47() {
        assert_eq!(TextLanguage::Danish.code(), "da");
        assert_eq!(TextLanguage::English.code(), "en");
        assert_eq!(TextLanguage::Arabic.code(), "ar");
        assert_eq!(TextLanguage::Ukrainian.code(), "uk");
    }
}
