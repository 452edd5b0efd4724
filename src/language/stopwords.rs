//! Danish stop words: the words too common to search for or to suggest as tags.

/// The Snowball Danish stop-word list (94 words), sorted by bytes for binary search.
pub(crate) const SNOWBALL: &[&str] = &[
    "ad", "af", "alle", "alt", "anden", "at", "blev", "blive", "bliver", "da", "de", "dem", "den",
    "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du", "efter", "eller",
    "en", "end", "er", "et", "for", "fra", "ham", "han", "hans", "har", "havde", "have", "hende",
    "hendes", "her", "hos", "hun", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jeg", "jer", "jo",
    "kunne", "man", "mange", "med", "meget", "men", "mig", "min", "mine", "mit", "mod", "ned",
    "noget", "nogle", "nu", "når", "og", "også", "om", "op", "os", "over", "på", "selv", "sig",
    "sin", "sine", "sit", "skal", "skulle", "som", "sådan", "thi", "til", "ud", "under", "var",
    "vi", "vil", "ville", "vor", "være", "været",
];

/// Our additions, sorted by bytes. Two kinds, both words a clerk would never search for and
/// that would otherwise crowd the suggested tags:
///
/// - Function words the Snowball list lacks but consultation prose is full of: modal verbs
///   ("kan", "må", "bør", "får", "fik"), pronouns and determiners ("vores", "jeres",
///   "andre", "ingen", "hvilke", "flere"), conjunctions and adverbs ("samt", "fordi",
///   "derfor", "desuden").
/// - The fillers of a letter to the municipality: the greeting and sign-off ("hilsen",
///   "venlig", "mvh", "kære", "tak"), "vedr"/"vedrørende", "hermed", and "høringssvar"
///   itself, which every response is.
///
/// Words of the policy's subject ("kommune", "borger", "integration") are not stop words even
/// where they are everywhere: searching for them must still work, and the tag suggestions
/// weigh them down by how many documents they are in instead.
pub(crate) const ADDED: &[&str] = &[
    "allerede",
    "andet",
    "andre",
    "bare",
    "blandt",
    "både",
    "bør",
    "derfor",
    "dermed",
    "desuden",
    "dine",
    "dit",
    "eks",
    "endnu",
    "enhver",
    "fik",
    "flere",
    "fleste",
    "fordi",
    "fx",
    "få",
    "får",
    "gennem",
    "hermed",
    "hilsen",
    "hver",
    "hvert",
    "hvilke",
    "hvilken",
    "hvilket",
    "hvordan",
    "hvorfor",
    "hvornår",
    "høringssvar",
    "igen",
    "ingen",
    "intet",
    "jeres",
    "kan",
    "kun",
    "kære",
    "mellem",
    "mere",
    "mest",
    "mv",
    "mvh",
    "må",
    "nogen",
    "osv",
    "samt",
    "så",
    "således",
    "tak",
    "uden",
    "ved",
    "vedr",
    "vedrørende",
    "venlig",
    "venligst",
    "via",
    "vores",
];

/// Whether `word` (lower-case) is a stop word: on the Snowball Danish list, or one of our
/// additions (function words the list lacks, and the greetings and fillers of a letter to
/// the municipality).
pub fn is_stop_word(word: &str) -> bool {
    SNOWBALL.binary_search(&word).is_ok() || ADDED.binary_search(&word).is_ok()
}
