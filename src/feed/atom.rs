//! An Atom (RFC 4287) writer: a feed of hearings for feed readers.

use jiff::Timestamp;

/// An Atom feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    /// A permanent IRI; readers use it to tell feeds apart.
    pub id: String,
    pub title: String,
    /// Where this feed is served.
    pub self_url: String,
    /// The web page the feed follows.
    pub alternate_url: String,
    /// The latest significant change, chosen by the caller (usually the newest entry's).
    pub updated: Timestamp,
    pub author: String,
    pub entries: Vec<Entry>,
}

/// One entry of a [`Feed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// A permanent IRI, so readers show a changed entry as changed rather than as new.
    pub id: String,
    pub title: String,
    /// The entry's web page.
    pub url: String,
    pub updated: Timestamp,
    pub published: Option<Timestamp>,
    /// Plain text; readers show it as is.
    pub summary: String,
    pub category: Option<String>,
}

impl Feed {
    /// The feed as an Atom document in UTF-8, every text and attribute escaped.
    pub fn to_xml(&self) -> String {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"da\">\n");
        element(&mut out, 1, "id", &self.id);
        element(&mut out, 1, "title", &self.title);
        element(&mut out, 1, "updated", &date(self.updated));
        link(&mut out, 1, "self", "application/atom+xml", &self.self_url);
        link(&mut out, 1, "alternate", "text/html", &self.alternate_url);
        out.push_str("  <author>\n");
        element(&mut out, 2, "name", &self.author);
        out.push_str("  </author>\n");
        for entry in &self.entries {
            entry.write(&mut out);
        }
        out.push_str("</feed>\n");
        out
    }
}

impl Entry {
    fn write(&self, out: &mut String) {
        out.push_str("  <entry>\n");
        element(out, 2, "id", &self.id);
        element(out, 2, "title", &self.title);
        link(out, 2, "alternate", "text/html", &self.url);
        element(out, 2, "updated", &date(self.updated));
        if let Some(published) = self.published {
            element(out, 2, "published", &date(published));
        }
        out.push_str(&format!(
            "    <summary type=\"text\">{}</summary>\n",
            escape(&self.summary)
        ));
        if let Some(category) = &self.category {
            out.push_str(&format!("    <category term=\"{}\"/>\n", escape(category)));
        }
        out.push_str("  </entry>\n");
    }
}

/// RFC 3339 in UTC, whole seconds (`2026-05-01T08:00:00Z`).
fn date(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn element(out: &mut String, depth: usize, name: &str, text: &str) {
    out.push_str(&format!(
        "{}<{name}>{}</{name}>\n",
        "  ".repeat(depth),
        escape(text)
    ));
}

fn link(out: &mut String, depth: usize, rel: &str, kind: &str, href: &str) {
    out.push_str(&format!(
        "{}<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
        "  ".repeat(depth),
        escape(href)
    ));
}

/// Text safe both as element content and inside a double- or single-quoted attribute. Also
/// drops what XML 1.0 forbids outright (control characters other than tab, LF and CR; U+FFFE
/// and U+FFFF), since a single one makes the whole feed unreadable to a conforming parser.
/// C1 controls go too: XML allows them but they never belong in a title.
fn escape(text: &str) -> String {
    const ESCAPES: &[(char, &str)] = &[
        ('&', "&amp;"),
        ('<', "&lt;"),
        ('>', "&gt;"),
        ('"', "&quot;"),
        ('\'', "&apos;"),
        ('\u{fffe}', ""),
        ('\u{ffff}', ""),
    ];
    super::escape_with(text, ESCAPES, &['\t', '\n', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn feed(entries: Vec<Entry>) -> Feed {
        Feed {
            id: "https://hoering.example/feed.atom".into(),
            title: "Høringer".into(),
            self_url: "https://hoering.example/feed.atom".into(),
            alternate_url: "https://hoering.example/".into(),
            updated: at("2026-05-01T08:00:00Z"),
            author: "Aarhus Kommune".into(),
            entries,
        }
    }

    fn entry(title: &str) -> Entry {
        Entry {
            id: "https://hoering.example/h/1".into(),
            title: title.into(),
            url: "https://hoering.example/h/1".into(),
            updated: at("2026-05-01T08:00:00.75Z"),
            published: None,
            summary: title.into(),
            category: None,
        }
    }

    /// Undoes [`escape`] (only the five entities it writes).
    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }

    /// The text of every `<name>` element with no attributes, unescaped.
    fn texts(xml: &str, name: &str) -> Vec<String> {
        let (open, close) = (format!("<{name}>"), format!("</{name}>"));
        xml.split(&open)
            .skip(1)
            .filter_map(|rest| rest.split_once(&close))
            .map(|(inner, _)| unescape(inner))
            .collect()
    }

    /// A small well-formedness check, enough for what the writer emits: tags nest and close,
    /// one root, every `&` starts one of the five entities, no `<` or stray `>` in text or
    /// attribute values, and only characters XML 1.0 allows.
    fn assert_well_formed(xml: &str) {
        let body = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
            .unwrap();
        assert!(
            body.chars()
                .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        );
        assert!(!body.contains(['\u{fffe}', '\u{ffff}']));
        let entity_ok = |s: &str| {
            s.match_indices('&').all(|(i, _)| {
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| s[i..].starts_with(e))
            })
        };
        let mut open: Vec<&str> = Vec::new();
        let mut roots = 0;
        let mut rest = body;
        while let Some(lt) = rest.find('<') {
            let text = &rest[..lt];
            assert!(entity_ok(text) && !text.contains('>'), "text {text:?}");
            assert!(
                !open.is_empty() || text.trim().is_empty(),
                "text outside the root"
            );
            let gt = rest[lt..].find('>').unwrap() + lt;
            let tag = &rest[lt + 1..gt];
            rest = &rest[gt + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name), "closing {name}");
                continue;
            }
            let (tag, empty) = match tag.strip_suffix('/') {
                Some(tag) => (tag, true),
                None => (tag, false),
            };
            let (name, attributes) = tag.split_once(' ').unwrap_or((tag, ""));
            assert!(!name.is_empty() && !name.contains(['"', '\'', '&']));
            // Attributes: name="value" pairs, the values free of quotes, `<` and bad `&`.
            let mut attributes = attributes.trim();
            while !attributes.is_empty() {
                let (_, after) = attributes.split_once("=\"").unwrap();
                let (value, after) = after.split_once('"').unwrap();
                assert!(
                    entity_ok(value) && !value.contains(['<', '\'']),
                    "{value:?}"
                );
                attributes = after.trim_start();
            }
            if open.is_empty() {
                roots += 1;
            }
            if !empty {
                open.push(name);
            }
        }
        assert!(open.is_empty() && rest.trim().is_empty() && roots == 1);
    }

    #[test]
    fn hostile_titles_are_escaped_and_round_trip() {
        let hostile = [
            "</title><script>alert(1)</script>",
            "\"&'",
            "Æbler & pærer <i>\"på\"</i> 'Ærø'",
            "&amp; stays &amp;",
        ];
        let xml = feed(hostile.iter().map(|t| entry(t)).collect()).to_xml();
        assert_well_formed(&xml);
        assert!(!xml.contains("<script>") && !xml.contains("<i>"));
        assert!(xml.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(xml.contains("<title>&quot;&amp;&apos;</title>"));
        let titles = texts(&xml, "title");
        assert_eq!(titles[0], "Høringer");
        assert_eq!(titles[1..], hostile);
    }

    #[test]
    fn attributes_are_escaped() {
        let mut hostile = entry("x");
        hostile.url = "https://hoering.example/s?a=1&b=\"2\"><script>'".into();
        hostile.category = Some("Natur & \"miljø\"".into());
        let xml = feed(vec![hostile]).to_xml();
        assert_well_formed(&xml);
        assert!(xml.contains(
            "href=\"https://hoering.example/s?a=1&amp;b=&quot;2&quot;&gt;&lt;script&gt;&apos;\""
        ));
        assert!(xml.contains("<category term=\"Natur &amp; &quot;miljø&quot;\"/>"));
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        let xml = feed(vec![entry(
            "a\u{0}b\u{1}c\u{8}d\u{b}e\u{c}f\u{1f}g\u{7f}h\u{85}i\u{fffe}j\u{ffff}k\tl\nm",
        )])
        .to_xml();
        assert_well_formed(&xml);
        assert_eq!(texts(&xml, "title")[1], "abcdefghijk\tl\nm");
        // Letters outside the BMP are fine and kept.
        let xml = feed(vec![entry("Høring 🌳")]).to_xml();
        assert_eq!(texts(&xml, "title")[1], "Høring 🌳");
    }

    #[test]
    fn dates_are_rfc3339_utc_and_the_frame_is_complete() {
        let mut e = entry("Høring om æbletræer");
        e.published = Some(at("2026-04-01T06:30:00Z"));
        e.category = Some("Natur".into());
        let xml = feed(vec![e]).to_xml();
        assert_well_formed(&xml);
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
             <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"da\">\n\
             \x20 <id>https://hoering.example/feed.atom</id>\n\
             \x20 <title>Høringer</title>\n\
             \x20 <updated>2026-05-01T08:00:00Z</updated>\n\
             \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"https://hoering.example/feed.atom\"/>\n\
             \x20 <link rel=\"alternate\" type=\"text/html\" href=\"https://hoering.example/\"/>\n\
             \x20 <author>\n\
             \x20   <name>Aarhus Kommune</name>\n\
             \x20 </author>\n\
             \x20 <entry>\n\
             \x20   <id>https://hoering.example/h/1</id>\n\
             \x20   <title>Høring om æbletræer</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"https://hoering.example/h/1\"/>\n\
             \x20   <updated>2026-05-01T08:00:00Z</updated>\n\
             \x20   <published>2026-04-01T06:30:00Z</published>\n\
             \x20   <summary type=\"text\">Høring om æbletræer</summary>\n\
             \x20   <category term=\"Natur\"/>\n\
             \x20 </entry>\n\
             </feed>\n"
        );
    }

    #[test]
    fn an_empty_feed_is_well_formed() {
        let xml = feed(Vec::new()).to_xml();
        assert_well_formed(&xml);
        assert!(!xml.contains("<entry>"));
    }
}
