//! A policy's blocks as the anchoring quality tests and the benchmark model them: each
//! paragraph an item of its own, the items of one list together. The benchmark includes this
//! file by its path, so it uses nothing of the crate.

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
