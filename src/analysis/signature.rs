//! A text's signature: its normalised words hashed, word shingles, and a one-permutation
//! MinHash with optimal densification, so that each shingle is hashed once.

use serde::{Deserialize, Serialize};

use super::Scheme;

/// FxHash's multiplier: a cheap, well-spread way to fold bytes and hashes together.
const FOLD: u64 = 0x517c_c1b7_2722_0a95;

/// Arbitrary odd constants that keep the hashes of words, shingles, texts and densification
/// probes apart from each other.
const SHINGLE_SEED: u64 = 0x2545_f491_4f6c_dd1d;
const TEXT_SEED: u64 = 0x9e37_79b9_7f4a_7c15;
const PROBE_SEED: u64 = 0xd6e8_feb8_6659_fd93;

/// SplitMix64's finaliser: every input bit affects every output bit, which the bin choice
/// (high bits) and the slot value (low bits) of a shingle rely on.
pub(super) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

pub(super) fn fold(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(FOLD)
}

/// A text reduced to what [`super::group`] compares: made once per text (when a response
/// arrives, say), stored, and grouped later with [`super::group_signatures`].
///
/// It holds the number of words after normalisation, a 64-bit hash of the normalised text
/// (equal for texts that are identical after normalisation) and, for texts of at least
/// `shingle_words` words, `slots` MinHash values of their word shingles. A signature is only
/// comparable with signatures made with the same `shingle_words` and `slots`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    words: u32,
    text_hash: u64,
    shingle_words: u32,
    slots: Vec<u32>,
}

impl Signature {
    /// Words of the text after normalisation; a text without any is never grouped.
    pub fn words(&self) -> usize {
        self.words as usize
    }

    /// The shingle size the signature was made with.
    pub fn shingle_words(&self) -> usize {
        self.shingle_words as usize
    }

    /// The MinHash values; empty for a text shorter than one shingle, which can only be
    /// grouped with texts identical to it.
    pub fn slots(&self) -> &[u32] {
        &self.slots
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets, as
    /// [`super::group`] measures it: 1 for texts identical after normalisation, the share of
    /// equal MinHash slots otherwise, 0 if either text has no words or is shorter than a
    /// shingle (and they differ). `None` if the signatures were made with different
    /// parameters and so cannot be compared.
    pub fn similarity(&self, other: &Signature) -> Option<f64> {
        if self.shingle_words != other.shingle_words
            || (!self.slots.is_empty()
                && !other.slots.is_empty()
                && self.slots.len() != other.slots.len())
        {
            return None;
        }
        if self.words == 0 || other.words == 0 {
            return Some(0.0);
        }
        if self.same_text(other) {
            return Some(1.0);
        }
        if self.slots.is_empty() || other.slots.is_empty() {
            return Some(0.0);
        }
        Some(equal_slots(&self.slots, &other.slots) as f64 / self.slots.len() as f64)
    }

    /// Whether the two texts are (up to a 64-bit hash collision) identical after
    /// normalisation.
    pub(super) fn same_text(&self, other: &Signature) -> bool {
        self.words == other.words && self.text_hash == other.text_hash
    }

    pub(super) fn text_hash(&self) -> u64 {
        self.text_hash
    }
}

/// Slots at which the two signatures agree. Summed as 0/1 in `u32` lanes, which the compiler
/// turns into vector compares: grouping calls this for every pair it verifies.
pub(super) fn equal_slots(a: &[u32], b: &[u32]) -> usize {
    a.iter().zip(b).map(|(x, y)| u32::from(x == y)).sum::<u32>() as usize
}

/// Scratch space reused across texts, so that signing many texts allocates little.
#[derive(Default)]
pub(super) struct Signer {
    word: String,
    word_hashes: Vec<u64>,
    filled: Vec<bool>,
}

impl Signer {
    pub(super) fn sign(&mut self, text: &str, scheme: &Scheme) -> Signature {
        self.word_hashes.clear();
        normalised_words(text, &mut self.word, &mut self.word_hashes);
        let words = &self.word_hashes;
        let text_hash = mix(words.iter().fold(TEXT_SEED, |h, &w| fold(h, w)) ^ words.len() as u64);
        let k = scheme.shingle_words;
        let slots = if words.len() >= k {
            let mut slots = vec![u32::MAX; scheme.slots];
            self.filled.clear();
            self.filled.resize(scheme.slots, false);
            for window in words.windows(k) {
                let h = mix(window.iter().fold(SHINGLE_SEED, |h, &w| fold(h, w)));
                // The high half picks the bin (a multiply-shift, uniform for any bin count),
                // the low half is the value: independent halves of one hash.
                let bin = (((h >> 32) * scheme.slots as u64) >> 32) as usize;
                let value = h as u32;
                if !self.filled[bin] || value < slots[bin] {
                    slots[bin] = value;
                    self.filled[bin] = true;
                }
            }
            densify(&mut slots, &self.filled);
            slots
        } else {
            Vec::new()
        };
        Signature {
            words: u32::try_from(words.len()).unwrap_or(u32::MAX),
            text_hash,
            shingle_words: u32::try_from(k).unwrap_or(u32::MAX),
            slots,
        }
    }
}

/// Fills each empty bin from a non-empty one chosen by a probe sequence that depends on the
/// bin only (Shrivastava 2017, "optimal densification"): two texts with the same non-empty
/// bins fill their empty ones from the same places, which keeps the share of equal slots an
/// unbiased estimate of the Jaccard similarity even when a text has fewer shingles than bins.
fn densify(slots: &mut [u32], filled: &[bool]) {
    let m = slots.len();
    let Some(first) = filled.iter().position(|&f| f) else {
        return;
    };
    // Enough probes that giving up is rare (e^-8 with one filled bin); the fallback is
    // deterministic too, so both texts still agree when they get there.
    let max_probes = 8 * m as u64;
    for i in 0..m {
        if filled[i] {
            continue;
        }
        let mut source = None;
        for attempt in 1..=max_probes {
            let h = mix(PROBE_SEED ^ ((i as u64) << 32) ^ attempt);
            let j = (((h >> 32) * m as u64) >> 32) as usize;
            if filled[j] {
                source = Some(j);
                break;
            }
        }
        let j = source
            .or_else(|| (i + 1..m).find(|&j| filled[j]))
            .unwrap_or(first);
        slots[i] = slots[j];
    }
}

/// Pushes the hash of each word of `text` after normalisation: lower-cased, with everything
/// that is not a letter or digit (punctuation, hyphens, apostrophes, whitespace) separating
/// words, so that "Roskilde-Kommune's" and "roskilde kommune s" are the same three words.
///
/// This does not use `crate::text::tokens`: that keeps "it-system" whole and allocates a string
/// per word, while grouping wants punctuation folded away and runs over a million texts. An
/// "å" written as "a" plus a combining ring is folded into "å"; other combining marks stay
/// part of their word.
fn normalised_words(text: &str, word: &mut String, out: &mut Vec<u64>) {
    word.clear();
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else {
                end_word(word, out);
            }
        } else if c == '\u{30a}' && word.ends_with('a') {
            word.pop();
            word.push('å');
        } else if c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c) {
            word.extend(c.to_lowercase());
        } else {
            end_word(word, out);
        }
    }
    end_word(word, out);
}

fn end_word(word: &mut String, out: &mut Vec<u64>) {
    if word.is_empty() {
        return;
    }
    let bytes = word.as_bytes();
    let mut h = bytes.len() as u64;
    for chunk in bytes.chunks(8) {
        let mut buf = [0u8; 8];
        buf[..chunk.len()].copy_from_slice(chunk);
        h = fold(h, u64::from_le_bytes(buf));
    }
    out.push(mix(h));
    word.clear();
}
