//! E-mail addresses: `local@domain.tld`, where the domain may have Danish letters
//! ("domæne.dk") and a full stop ending the sentence is not part of the address.

use super::{FlagKind, Hit};

/// The longest local part and domain the standard allows; also what keeps a text full of
/// "@" from being scanned again and again.
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

pub(super) fn find(text: &str, hits: &mut Vec<Hit>) {
    let mut covered = 0;
    for (at, _) in text.match_indices('@') {
        if at < covered {
            continue;
        }
        if let Some((start, end)) = address_around(text, at) {
            hits.push(Hit {
                kind: FlagKind::Email,
                start,
                end,
            });
            covered = end;
        }
    }
}

fn address_around(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut start = at;
    let mut local = 0;
    for (i, c) in text.get(..at)?.char_indices().rev() {
        if !is_local_char(c) {
            break;
        }
        local += 1;
        if local > MAX_LOCAL {
            return None;
        }
        start = i;
    }
    while start < at && text[start..].starts_with(['.', '-', '+']) {
        start += 1;
    }
    if start == at || text[..at].ends_with('.') {
        return None;
    }

    let domain_start = at + 1;
    let mut end = domain_start;
    for (count, (i, c)) in text.get(domain_start..)?.char_indices().enumerate() {
        if !is_domain_char(c) || count >= MAX_DOMAIN {
            break;
        }
        end = domain_start + i + c.len_utf8();
    }
    while end > domain_start && text[..end].ends_with(['.', '-']) {
        end -= 1;
    }
    let domain = &text[domain_start..end];
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = *labels.last()?;
    let labels_ok = labels
        .iter()
        .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    let tld_ok = tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic);
    (labels_ok && labels.len() >= 2 && tld_ok).then_some((start, end))
}
