//! The documents' XML as a flat stream of opened and closed elements and text, by local name
//! (Word writes `w:p`, LibreOffice `text:p`: the prefixes carry nothing the readers need).

use super::ImportError;
use quick_xml::events::{BytesStart, Event};

/// One step through a part.
pub(crate) enum Node<'a> {
    Open(Element<'a>),
    Close(&'a str),
    Text(&'a str),
}

/// An opened element: its local name and attributes.
pub(crate) struct Element<'a> {
    pub name: &'a str,
    attrs: Vec<(String, String)>,
}

impl Element<'_> {
    /// The attribute with this local name ("val" for `w:val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.into_owned(),
    }
}

fn element(start: &BytesStart<'_>) -> Result<(String, Vec<(String, String)>), ImportError> {
    let damaged = |e: String| ImportError::Damaged(e);
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| damaged(e.to_string()))?;
        let value = attr
            .unescape_value()
            .map_err(|e| damaged(e.to_string()))?
            .into_owned();
        attrs.push((local(attr.key.as_ref()), value));
    }
    Ok((local(start.name().as_ref()), attrs))
}

/// Calls `visit` for every element opened and closed (an empty element is both) and every
/// piece of text, entities resolved.
pub(crate) fn walk(xml: &str, mut visit: impl FnMut(Node<'_>)) -> Result<(), ImportError> {
    let damaged = |e: String| ImportError::Damaged(e);
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event().map_err(|e| damaged(e.to_string()))? {
            Event::Start(start) => {
                let (name, attrs) = element(&start)?;
                visit(Node::Open(Element { name: &name, attrs }));
            }
            Event::Empty(start) => {
                let (name, attrs) = element(&start)?;
                visit(Node::Open(Element { name: &name, attrs }));
                visit(Node::Close(&name));
            }
            Event::End(end) => visit(Node::Close(&local(end.name().as_ref()))),
            Event::Text(text) => {
                let text = text.decode().map_err(|e| damaged(e.to_string()))?;
                visit(Node::Text(&text));
            }
            Event::CData(text) => {
                let text = text.decode().map_err(|e| damaged(e.to_string()))?;
                visit(Node::Text(&text));
            }
            Event::GeneralRef(entity) => {
                let resolved = match entity.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    Ok(None) => match entity
                        .decode()
                        .map_err(|e| damaged(e.to_string()))?
                        .as_ref()
                    {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                    Err(e) => return Err(damaged(e.to_string())),
                };
                if let Some(c) = resolved {
                    visit(Node::Text(c.encode_utf8(&mut [0; 4])));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}
