//! The Snowball Danish stemmer, written from the algorithm's published description.
//!
//! This follows the current definition (Snowball 3.1): undoubling only touches the consonants
//! that double in Danish (b d f g k l m n p r s t), and an apostrophe marks where R1 starts
//! and is dropped at the end. Older releases undoubled every ASCII consonant ("jazz" became
//! "jaz"); otherwise the two agree.
//!
//! Every step of the algorithm only ever shortens the word from its end (the one replacement,
//! "løst" to "løs", is a shortening too), so the stem is always a prefix of the word. That is
//! what lets `stem_len` work on the word in place and allocate nothing.

use super::words::changes_in_lower_case;

/// The Snowball Danish stem of one lower-case word.
///
/// Upper-case letters are lowered first, as the algorithm is defined on lower-case text.
/// Anything else that is not Danish (digits, other scripts, emoji) is simply not a vowel, so
/// the function is total: it never panics, and a non-empty word never gets an empty stem.
pub fn stem(word: &str) -> String {
    if word.chars().any(changes_in_lower_case) {
        let lower = word.to_lowercase();
        lower[..stem_len(&lower)].to_owned()
    } else {
        word[..stem_len(word)].to_owned()
    }
}

/// The stem of a lower-case word as a slice of it.
pub(crate) fn stem_str(word: &str) -> &str {
    &word[..stem_len(word)]
}

/// The byte length of the stem of `word` (lower-case), which is a prefix of `word`.
pub(crate) fn stem_len(word: &str) -> usize {
    // The region before R1 holds at least three letters; shorter words have no R1 at all, and
    // the algorithm leaves them alone.
    let Some(after_three) = word
        .char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(word.len()))
        .nth(3)
    else {
        return word.len();
    };
    let p1 = r1_start(word).max(after_three);

    let mut end = word.len();
    end = main_suffix(word, end, p1);
    end = consonant_pair(word, end, p1);
    end = other_suffix(word, end, p1);
    end = undouble(word, end, p1);
    if word[..end].ends_with('\'') {
        end -= 1;
    }
    end
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'æ' | 'å' | 'ø')
}

/// Letters before which a final "s" is an ending (a genitive or passive), not part of the stem.
fn is_s_ending(c: char) -> bool {
    matches!(
        c,
        '\'' | 'a'
            | 'b'
            | 'c'
            | 'd'
            | 'f'
            | 'g'
            | 'h'
            | 'j'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'o'
            | 'p'
            | 'r'
            | 't'
            | 'v'
            | 'y'
            | 'z'
            | 'å'
    )
}

/// Consonants that Danish spelling doubles, and so the only ones the last step undoubles.
fn is_undoublable(b: u8) -> bool {
    matches!(
        b,
        b'b' | b'd' | b'f' | b'g' | b'k' | b'l' | b'm' | b'n' | b'p' | b'r' | b's' | b't'
    )
}

/// Where R1 starts before the three-letter minimum is applied: just after the first
/// apostrophe if there is one, else after the first non-vowel that follows a vowel, else at
/// the end.
fn r1_start(word: &str) -> usize {
    if let Some(at) = word.find('\'') {
        return at + 1;
    }
    let mut seen_vowel = false;
    for (at, c) in word.char_indices() {
        if is_vowel(c) {
            seen_vowel = true;
        } else if seen_vowel {
            return at + c.len_utf8();
        }
    }
    word.len()
}

/// Whether `word[..end]` ends with `suffix` lying wholly within R1.
fn ends_in_r1(word: &str, end: usize, p1: usize, suffix: &str) -> bool {
    end >= p1 + suffix.len() && word[..end].ends_with(suffix)
}

/// Step 1's endings, longest first so that the first one found is the longest in R1.
const MAIN_SUFFIXES: [&str; 31] = [
    "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens",
    "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene",
    "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e",
];

fn main_suffix(word: &str, end: usize, p1: usize) -> usize {
    if let Some(suffix) = MAIN_SUFFIXES.iter().find(|s| ends_in_r1(word, end, p1, s)) {
        return end - suffix.len();
    }
    // The "s" itself must be in R1; the letter before it need not be.
    if ends_in_r1(word, end, p1, "s")
        && word[..end - 1].chars().next_back().is_some_and(is_s_ending)
    {
        return end - 1;
    }
    end
}

/// Step 2: "gd", "dt", "gt" or "kt" in R1 loses its last letter.
fn consonant_pair(word: &str, end: usize, p1: usize) -> usize {
    if ["gd", "dt", "gt", "kt"]
        .iter()
        .any(|pair| ends_in_r1(word, end, p1, pair))
    {
        end - 1
    } else {
        end
    }
}

/// Step 3: "igst" anywhere becomes "ig"; then "ig", "lig", "elig" or "els" in R1 goes (and
/// step 2 is tried again), or "løst" in R1 becomes "løs".
fn other_suffix(word: &str, mut end: usize, p1: usize) -> usize {
    if word[..end].ends_with("igst") {
        end -= 2;
    }
    if ends_in_r1(word, end, p1, "løst") {
        return end - 1;
    }
    match ["elig", "lig", "els", "ig"]
        .iter()
        .find(|s| ends_in_r1(word, end, p1, s))
    {
        Some(suffix) => consonant_pair(word, end - suffix.len(), p1),
        None => end,
    }
}

/// Step 4: a doubled consonant at the end, the last of the two in R1, is made single.
fn undouble(word: &str, end: usize, p1: usize) -> usize {
    let bytes = word.as_bytes();
    if end >= 2 && end > p1 && is_undoublable(bytes[end - 1]) && bytes[end - 2] == bytes[end - 1] {
        end - 1
    } else {
        end
    }
}
