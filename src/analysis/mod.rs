//! Grouping of identical and near-identical høringssvar (form letters, campaigns, texts copied
//! with small edits), so that a clerk reads a campaign once and sees only what each copy
//! changed.
//!
//! # Method
//!
//! 1. **Normalise**: lower case, every run of characters that are not letters or digits
//!    (punctuation, hyphens, line breaks) becomes one word break; æ, ø and å stay as they are.
//! 2. **Shingles**: every run of [`GroupParams::shingle_words`] consecutive words, hashed once
//!    (64-bit, deterministic, no random state).
//! 3. **MinHash** by one-permutation hashing: a shingle's hash picks one of
//!    [`GroupParams::slots`] bins and is a candidate for that bin's minimum, so a text costs
//!    one hash per shingle however many slots there are. Empty bins are filled by optimal
//!    densification. The share of equal slots of two signatures estimates the Jaccard
//!    similarity of the two texts' shingle sets ([`similarity`]).
//! 4. **Candidates** by LSH banding: [`GroupParams::bands`] bands of [`GroupParams::rows`]
//!    slots; texts agreeing on a whole band are candidates. Texts identical after
//!    normalisation are joined directly (by a hash of the whole normalised text), so short
//!    texts (fewer words than a shingle) group when identical, and only then.
//! 5. **Verify** each candidate pair: the estimated similarity must reach
//!    [`GroupParams::threshold`], and the two texts must share at least
//!    [`GroupParams::min_shared`] shingles (a popular sentence shared by two short responses
//!    is not a copied letter). Verified pairs are joined with union-find into components.
//! 6. **Centres**: a component is only a chain of verified pairs, and near-identical is not
//!    transitive: short, formulaic responses that share popular sentences link A to B to C
//!    until thousands with little in common are one component. So each component is cut
//!    into groups around centres (leader clustering): the text with the most others of the
//!    component within the threshold is the first centre, its group every text within the
//!    threshold of it; then the next centre among the texts left, and so on. Every member of
//!    a group is near-identical to its centre, the group's [`Group::representative`]. The
//!    price: a copy near other copies but not near the centre is left out, where union-find
//!    kept it through them.
//!
//! Texts without any word (empty, or punctuation only) are never grouped: there is nothing to
//! compare, and a "campaign" of empty responses would tell the clerk nothing.
//!
//! Each text is signed once ([`signature`]; the server can store the [`Signature`] with the
//! response) and groups are formed from signatures ([`group_signatures`]); [`group`] does both.
//! Everything is deterministic: the same texts and parameters always give the same groups,
//! on the server and in the browser. The cost is linear in the total length of the texts
//! plus a sort of all signatures per band, plus for each component of k distinct texts
//! k·min(k, 2,048) comparisons to pick centres; `cargo bench -p hoering --bench grouping`
//! prints the time and memory for a million responses, the `grouping_quality` test the
//! precision and recall on a generated hearing with hidden campaigns, and
//! `analysis::quality::cohesive_grouping_quality` the same figures against the union-find
//! groups on short, formulaic hearings where those chain.

mod grouping;
mod signature;

use serde::{Deserialize, Serialize};

use crate::text::DiffOp;

pub use signature::Signature;

/// How [`group`] decides that texts are near-identical. Out-of-range values are clamped
/// rather than refused, so no value makes grouping fail.
///
/// The defaults were chosen on a generated tuning set (5,000 responses, campaigns of 200 and
/// 40 copies and 32 pairs and trios among unrelated responses on the same topic; the
/// `tune_parameters` test prints the sweep) and then measured once on an evaluation set with
/// other templates and heavier edits (the `grouping_quality` test). The threshold and
/// `min_shared` were then set on one seed of a second kind of hearing, short formulaic
/// responses to a school closure (`analysis::quality::tune_min_shared` prints the sweep), and
/// measured on other seeds (`analysis::quality::cohesive_grouping_quality`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupParams {
    /// Words per shingle (clamped to 1..=32). Three: a changed word spoils only three
    /// shingles, while unrelated responses on the same topic, which share most of their words
    /// and many stock phrases, still share few runs of three. With four, each edit spoils
    /// more shingles and more copies were missed at the same banding (6 against 4).
    pub shingle_words: usize,
    /// The least estimated Jaccard similarity of two texts' shingle sets for them to be
    /// joined, and of a group's member to its centre. 0.46 is the middle of the range (0.40
    /// to 0.52) where the tuning set had neither an unrelated response grouped nor more
    /// copies missed. There, copies of a campaign letter scored a median 0.60 against
    /// another copy (5th percentile 0.41), unrelated responses a median 0.08 against each
    /// other (99th percentile 0.20, at most 0.29). Short campaign letters lose a larger share
    /// of their shingles to the same edits, and on the formulaic tuning hearing 0.42 found
    /// 164 of a campaign's 200 copies against 148, but in the million-response benchmark it
    /// put 3,173 unrelated responses in groups against 416: at a million texts the tail of
    /// chance similarities is long.
    pub threshold: f64,
    /// MinHash slots per signature (clamped to 1..=4096). With one-permutation hashing a
    /// text of 80 to 200 words has about as many shingles as 128 slots, so more slots would
    /// mostly repeat values, and a stored signature costs 4 bytes a slot.
    pub slots: usize,
    /// LSH bands; `bands * rows` slots take part in finding candidates (`bands` is lowered
    /// to `slots / rows` if needed).
    pub bands: usize,
    /// Slots per band (clamped to 1..=`slots`). Five: with four, chance candidates among
    /// unrelated responses were some 14 times as many (the verifying that costs time at a
    /// million responses); with six, more pairs of copies were never candidates.
    pub rows: usize,
    /// The least number of shingles two different texts must share (estimated from their
    /// similarity and lengths) to be joined. A share of a short text is little text: two
    /// responses of a dozen words that both open with the popular "Jeg er imod lukningen af
    /// Vindinge Skole" reach the threshold while saying different things, and a response
    /// that is only that sentence reaches it against every response that adds one more. A
    /// copied letter shares far more than that. Texts identical after normalisation are
    /// joined whatever their length. 20 (about 22 words in common): on the formulaic tuning
    /// hearing the largest false group was 83 responses without it, 10 at 16 and 3 at 20,
    /// with the same campaign copies found; at 25 copies were lost. The price: a campaign
    /// letter of fewer than about 25 words is found only in its identical copies.
    #[serde(default = "default_min_shared")]
    pub min_shared: usize,
}

fn default_min_shared() -> usize {
    GroupParams::default().min_shared
}

impl Default for GroupParams {
    fn default() -> Self {
        GroupParams {
            shingle_words: 3,
            threshold: 0.46,
            slots: 128,
            bands: 25,
            rows: 5,
            min_shared: 20,
        }
    }
}

/// Near-identical texts: a campaign, a form letter, a text copied with small edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Indices into the input, ascending.
    pub members: Vec<usize>,
    /// The group's centre, the member the others are compared with: every other member's
    /// [`similarity`] to it reaches the threshold. It is the text with the most near-identical
    /// texts around it (then the most typical, then the earliest), which for a campaign is
    /// usually the letter as its organisers wrote it.
    pub representative: usize,
}

/// Signatures given to [`group_signatures`] were made with other parameters than those asked
/// for, so they cannot be compared: the texts must be signed again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("signature {index} was made with other grouping parameters; sign its text again")]
pub struct SignatureMismatch {
    /// The first signature that does not fit.
    pub index: usize,
}

/// The parameters clamped into a usable range, with the threshold as a count of equal slots.
#[derive(Debug, Clone, PartialEq)]
struct Scheme {
    shingle_words: usize,
    slots: usize,
    bands: usize,
    rows: usize,
    /// The least number of equal slots with `needed / slots >= threshold`.
    needed: usize,
    min_shared: usize,
}

impl Scheme {
    fn of(params: &GroupParams) -> Self {
        let slots = params.slots.clamp(1, 4096);
        let rows = params.rows.clamp(1, slots);
        let bands = params.bands.min(slots / rows);
        // Found by counting rather than rounding threshold × slots, so that "joined" and
        // "similarity ≥ threshold" never disagree by a rounding error.
        let reaches = |equal: usize| equal as f64 / slots as f64 >= params.threshold;
        let needed = (0..=slots).find(|&e| reaches(e)).unwrap_or(slots + 1);
        Scheme {
            shingle_words: params.shingle_words.clamp(1, 32),
            slots,
            bands,
            rows,
            needed,
            min_shared: params.min_shared,
        }
    }
}

/// Groups of two or more near-identical texts, largest first (ties by first member); texts in
/// no group are left out.
pub fn group(texts: &[&str], params: &GroupParams) -> Vec<Group> {
    let scheme = Scheme::of(params);
    let mut signer = signature::Signer::default();
    let signatures: Vec<Signature> = texts.iter().map(|t| signer.sign(t, &scheme)).collect();
    grouping::group_signatures(&signatures, &scheme)
}

/// The signature of `text` under `params`, to store and group later with
/// [`group_signatures`] under the same parameters.
pub fn signature(text: &str, params: &GroupParams) -> Signature {
    signature::Signer::default().sign(text, &Scheme::of(params))
}

/// [`group`] from stored signatures: the same groups as `group` gives for the texts the
/// signatures were made from. Fails if any signature was made with another shingle size or
/// slot count than `params` asks for.
pub fn group_signatures(
    signatures: &[Signature],
    params: &GroupParams,
) -> Result<Vec<Group>, SignatureMismatch> {
    let scheme = Scheme::of(params);
    let mismatch = signatures.iter().position(|s| {
        s.shingle_words() != scheme.shingle_words
            || (!s.slots().is_empty() && s.slots().len() != scheme.slots)
    });
    match mismatch {
        Some(index) => Err(SignatureMismatch { index }),
        None => Ok(grouping::group_signatures(signatures, &scheme)),
    }
}

/// What differs between a member and its group's representative, word by word, for the clerk:
/// `Equal` runs are the shared text, `Delete` what only the representative has, `Insert`
/// what only the member has.
pub fn differences(representative: &str, member: &str) -> Vec<DiffOp> {
    crate::text::word_diff(representative, member)
}

/// The similarity of two texts as [`group`] measures it (for showing "93 % ens"): the
/// estimated Jaccard similarity of their shingle sets, 1 for texts identical after
/// normalisation, 0 if either has no words. Every member of a group reaches the threshold
/// against the group's representative; two members may be further apart from each other.
pub fn similarity(a: &str, b: &str, params: &GroupParams) -> f64 {
    let scheme = Scheme::of(params);
    let mut signer = signature::Signer::default();
    let (a, b) = (signer.sign(a, &scheme), signer.sign(b, &scheme));
    a.similarity(&b).unwrap_or(0.0)
}

/// The groups the union-find components alone would give (the method before centres), for
/// the quality tests' comparison.
#[cfg(test)]
fn group_chained(texts: &[&str], params: &GroupParams) -> Vec<Group> {
    let scheme = Scheme::of(params);
    let mut signer = signature::Signer::default();
    let signatures: Vec<Signature> = texts.iter().map(|t| signer.sign(t, &scheme)).collect();
    grouping::chained_groups(&signatures, &scheme)
}

#[cfg(test)]
mod corpus;
#[cfg(test)]
mod formulaic;
#[cfg(test)]
mod quality;
#[cfg(test)]
mod tests;
