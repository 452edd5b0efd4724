//! A policy's blocks as the anchoring quality tests and the benchmark model them: each
//! paragraph an item of its own, the items of one list together; and, for the quality tests,
//! sections of such items, words with their origin, and the Markdown the model stands for.
//! The benchmark includes this file by its path, so it uses nothing of the crate.

/// A paragraph, or the items of one list.
#[derive(Debug, Clone)]
pub enum Item<T> {
    Paragraph(T),
    List(Vec<T>),
}

/// A section's `blocks`, in order, as items. Each block comes as its list's position when it
/// is a list item (`None` for a paragraph) and its value; list items that follow one another at
/// the same position are one list.
pub fn items<T>(blocks: impl IntoIterator<Item = (Option<Option<u32>>, T)>) -> Vec<Item<T>> {
    let mut items: Vec<Item<T>> = Vec::new();
    let mut list_at = None;
    for (list, value) in blocks {
        let Some(position) = list else {
            list_at = None;
            items.push(Item::Paragraph(value));
            continue;
        };
        if list_at == position
            && let Some(Item::List(list)) = items.last_mut()
        {
            list.push(value);
            continue;
        }
        list_at = position;
        items.push(Item::List(vec![value]));
    }
    items
}

/// A word of a modelled block, with where it came from: (old block, word index) for a word of
/// the original version.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub origin: Option<(usize, usize)>,
}

/// The words of block `index` of the original version, whose text is `text`.
pub fn words(text: &str, index: usize) -> Vec<Word> {
    text.split(' ')
        .enumerate()
        .map(|(k, t)| Word {
            text: t.to_owned(),
            origin: Some((index, k)),
        })
        .collect()
}

/// A block's text: its words, one space apart.
pub fn text(words: &[Word]) -> String {
    let words: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    words.join(" ")
}

/// A modelled section: its heading and its items.
#[derive(Debug, Clone)]
pub struct Section<T> {
    pub level: usize,
    pub heading: String,
    pub items: Vec<Item<T>>,
}

/// The blocks of `sections`, in order.
pub fn blocks<T>(sections: &[Section<T>]) -> impl Iterator<Item = &T> {
    sections.iter().flat_map(|s| {
        s.items.iter().flat_map(|i| match i {
            Item::Paragraph(b) => std::slice::from_ref(b).iter(),
            Item::List(l) => l.iter(),
        })
    })
}

/// `sections` as Markdown, each block written as `text` gives it.
pub fn markdown<T>(sections: &[Section<T>], text: impl Fn(&T) -> String) -> String {
    let mut md = String::new();
    let mut lists = 0;
    for s in sections {
        md.push_str(&format!("{} {}\n\n", "#".repeat(s.level.max(1)), s.heading));
        for item in &s.items {
            match item {
                Item::Paragraph(b) => md.push_str(&format!("{}\n\n", text(b))),
                Item::List(items) => {
                    // Alternate markers, so two lists that end up adjacent stay two lists.
                    let marker = if lists % 2 == 0 { '-' } else { '*' };
                    lists += 1;
                    for b in items {
                        md.push_str(&format!("{marker} {}\n", text(b)));
                    }
                    md.push('\n');
                }
            }
        }
    }
    md
}
