use super::*;
use hoering::document::{BlockKind, parse};
use std::io::Write;

/// A zip of `parts`, as Word and LibreOffice write them.
fn zipped(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#;

fn para(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

fn item(num: u32, level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Listeafsnit"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A Word file as Danish Word writes it: localised style ids, nested numbering (1. / a)),
/// a table, a footnote, tracked changes, a comment, a picture, a text box and two links.
fn danish_word_file() -> Vec<u8> {
    let body = [
        para("Titel", "Integrationspolitik"),
        para("Overskrift1", "Sprog &amp; arbejde"),
        r#"<w:p><w:r><w:t xml:space="preserve">Alle skal have </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>lige</w:t></w:r><w:r><w:t xml:space="preserve"> muligheder</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:ins w:id="7" w:author="Sagsbehandler"><w:r><w:t xml:space="preserve"> for alle</w:t></w:r></w:ins><w:del w:id="8" w:author="Sagsbehandler"><w:r><w:delText> SLETTET</w:delText></w:r></w:del><w:commentRangeStart w:id="0"/><w:r><w:t>.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#
            .to_string(),
        item(1, 0, "Dansk før skolestart."),
        item(1, 1, "i vuggestuen"),
        item(1, 1, "i børnehaven"),
        item(1, 0, "Flere i job."),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mål</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2030</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Beskæftigelse</w:t></w:r></w:p><w:p><w:r><w:t>fuldtid</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>80 %</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_string(),
        r#"<w:p><w:r><w:t xml:space="preserve">Se </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>roskilde.dk</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> og </w:t></w:r><w:hyperlink r:id="rId10"><w:r><w:t>sagen</w:t></w:r></w:hyperlink><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Billede 1" descr="Kort over Roskilde"/></wp:inline></w:drawing></w:r></w:p>"#.to_string(),
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="2" name="Tekstfelt 2"/><wps:txbx><w:txbxContent><w:p><w:r><w:t>Tekst i en boks.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Tekst i en boks.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Ankret afsnit.</w:t></w:r></w:p>"#.to_string(),
        para("Overskrift2", "Tal"),
        item(2, 0, "Første med bogstav"),
    ]
    .concat();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="Overskrift 2"/><w:basedOn w:val="Overskrift1"/></w:style><w:style w:type="paragraph" w:styleId="Listeafsnit"><w:name w:val="List Paragraph"/></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Borgere med minoritetsbaggrund.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://roskilde.dk/integration" TargetMode="External"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="file:///C:/Sager/notat.docx" TargetMode="External"/><Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#;
    let header =
        format!(r#"<w:hdr {W}><w:p><w:r><w:t>Roskilde Kommune – UDKAST</w:t></w:r></w:p></w:hdr>"#);
    zipped(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", &document),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
        ("word/footnotes.xml", &footnotes),
        ("word/_rels/document.xml.rels", rels),
        ("word/header1.xml", &header),
    ])
}

#[test]
fn a_danish_word_file_becomes_the_draft_it_shows() {
    let imported = read(&danish_word_file()).unwrap();
    let markdown = &imported.markdown;
    let doc = parse(markdown).unwrap_or_else(|e| panic!("{e:?}\n{markdown}"));
    assert_eq!(doc.title, "Integrationspolitik", "{markdown}");
    let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading.as_str()).collect();
    assert!(
        headings.contains(&"Sprog & arbejde") && headings.contains(&"Tal"),
        "{markdown}"
    );
    let section = doc
        .sections
        .iter()
        .find(|s| s.heading == "Sprog & arbejde")
        .unwrap();
    let blocks = &section.blocks;
    // The tracked changes as accepted: the insertion in, the deletion out.
    assert_eq!(
        blocks[0].text, "Alle skal have lige muligheder for alle.",
        "{markdown}"
    );
    assert!(blocks[0].html.contains("<strong>lige</strong>") && blocks[0].html.contains("<sup"));
    assert!(!markdown.contains("SLETTET"));
    assert_eq!(blocks[1].kind, BlockKind::ListItem);
    assert_eq!(
        blocks[1].text,
        "Dansk før skolestart. i vuggestuen i børnehaven"
    );
    assert_eq!(blocks[2].text, "Flere i job.");
    assert_eq!(blocks[3].kind, BlockKind::Table);
    assert!(
        blocks[3].text.contains("Beskæftigelse fuldtid"),
        "{}",
        blocks[3].text
    );
    // Only the web link stays a link; the file link is text, and told.
    assert!(
        blocks[4]
            .html
            .contains("href=\"https://roskilde.dk/integration\"")
    );
    assert!(blocks[4].text.contains("sagen") && !blocks[4].html.contains("file:"));
    // The text box's text once (not its fallback copy too), after its paragraph.
    assert_eq!(
        markdown.matches("Tekst i en boks.").count(),
        1,
        "{markdown}"
    );
    assert_eq!(blocks[5].text, "Ankret afsnit.");
    assert_eq!(blocks[6].text, "Tekst i en boks.");
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].text, "Borgere med minoritetsbaggrund.");
    assert!(
        !markdown.contains("UDKAST"),
        "the header is not policy text"
    );
    assert_eq!(
        imported.left_out,
        vec![
            LeftOut::Link("file:///C:/Sager/notat.docx".into()),
            LeftOut::Image("Kort over Roskilde".into()),
            LeftOut::TextBox,
            LeftOut::Numbering("a)".into()),
            LeftOut::Comments(1),
            LeftOut::TrackedChanges(2),
            LeftOut::HeadersFooters,
        ]
    );
}

const ODT_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/""#;

#[test]
fn a_libreoffice_file_becomes_the_draft_it_shows() {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/><text:list-level-style-bullet text:level="2" text:bullet-char="•"/></text:list-style></office:automatic-styles><office:body><office:text><text:sequence-decls><text:sequence-decl text:name="Figur"/></text:sequence-decls><text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>SLETTET</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p text:style-name="Title">Integrationspolitik</text:p><text:h text:outline-level="1">Sprog &amp; arbejde</text:h><text:p>Alle skal have <text:span text:style-name="T1">lige</text:span> muligheder<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Borgere med minoritetsbaggrund.</text:p></text:note-body></text:note><text:change text:change-id="c1"/>.<office:annotation><dc:creator>Sagsbehandler</dc:creator><text:p>Tjek tallet</text:p></office:annotation></text:p><text:list text:style-name="L1"><text:list-item><text:p>Dansk før skolestart.</text:p><text:list><text:list-item><text:p>i vuggestuen</text:p></text:list-item></text:list></text:list-item><text:list-item><text:p>Flere i job.</text:p></text:list-item></text:list><table:table><table:table-row><table:table-cell><text:p>Mål</text:p></table:table-cell><table:table-cell><text:p>2030</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Beskæftigelse</text:p></table:table-cell><table:table-cell><text:p>80 %</text:p></table:table-cell></table:table-row></table:table><text:p>Se <text:a xlink:href="https://roskilde.dk/integration">roskilde.dk</text:a> og <text:a xlink:href="javascript:alert(1)">mere</text:a><draw:frame draw:name="Kort"><draw:image xlink:href="Pictures/kort.png"/></draw:frame></text:p></office:text></office:body></office:document-content>"#
    );
    let styles = format!(
        r#"<office:document-styles {ODT_NS}><office:styles><style:style style:name="Title" style:display-name="Title" style:family="paragraph"/></office:styles><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Roskilde Kommune – UDKAST</text:p></style:header></style:master-page></office:master-styles></office:document-styles>"#
    );
    let bytes = zipped(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", &content),
        ("styles.xml", &styles),
    ]);
    assert_eq!(sniff(&bytes), Ok(Kind::Odt));
    let imported = read(&bytes).unwrap();
    let markdown = &imported.markdown;
    let doc = parse(markdown).unwrap();
    assert_eq!(doc.title, "Integrationspolitik", "{markdown}");
    let section = doc
        .sections
        .iter()
        .find(|s| s.heading == "Sprog & arbejde")
        .unwrap_or_else(|| panic!("{markdown}"));
    let blocks = &section.blocks;
    assert_eq!(
        blocks[0].text, "Alle skal have lige muligheder.",
        "{markdown}"
    );
    assert!(blocks[0].html.contains("<strong>lige</strong>") && blocks[0].html.contains("<sup"));
    assert!(
        !markdown.contains("SLETTET") && !markdown.contains("Tjek tallet"),
        "{markdown}"
    );
    assert!(
        markdown.contains("1. Dansk før skolestart.\n   - i vuggestuen\n2. Flere i job."),
        "{markdown}"
    );
    assert_eq!(blocks[1].text, "Dansk før skolestart. i vuggestuen");
    assert_eq!(blocks[3].kind, BlockKind::Table);
    assert!(
        blocks[4]
            .html
            .contains("href=\"https://roskilde.dk/integration\"")
    );
    assert!(!blocks[4].html.contains("javascript"));
    assert_eq!(doc.footnotes[0].text, "Borgere med minoritetsbaggrund.");
    assert_eq!(
        imported.left_out,
        vec![
            LeftOut::Link("javascript:alert(1)".into()),
            LeftOut::Image("Kort".into()),
            LeftOut::Comments(1),
            LeftOut::TrackedChanges(1),
            LeftOut::HeadersFooters,
        ]
    );
}

#[test]
fn files_that_are_not_drafts_are_refused_by_their_content() {
    assert_eq!(
        sniff(b"MZ\x90\x00 a program renamed .docx"),
        Err(ImportError::Program)
    );
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0; 64]);
    assert_eq!(read(&ole), Err(ImportError::Protected));
    assert_eq!(read(b"%PDF-1.7 ..."), Err(ImportError::Pdf));
    assert_eq!(sniff("# Politik\n\nTekst.".as_bytes()), Ok(Kind::Markdown));
    assert_eq!(read(&[0xff, 0xfe, 0x00, 0x01]), Err(ImportError::Unknown));
    assert!(matches!(
        read(b"PK\x03\x04 broken zip"),
        Err(ImportError::Damaged(_))
    ));
    // A zip that is not a document (an XLSX, say).
    let sheet = zipped(&[("xl/workbook.xml", "<workbook/>")]);
    assert_eq!(read(&sheet), Err(ImportError::Unknown));
}

#[test]
fn a_zip_bomb_is_refused_without_unpacking_it_all() {
    // 80 MB of spaces inside the document's XML: a few hundred KB packed.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>")
        .unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..80 {
        zip.write_all(&chunk).unwrap();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 2 * 1024 * 1024, "{}", bytes.len());
    assert_eq!(read(&bytes), Err(ImportError::TooLarge));
}

/// The real policy, made into .docx and .odt by LibreOffice (fixtures/make.py), reads back as
/// the draft the Markdown is: the same sections, passages, list items, table and footnote.
#[test]
fn the_policy_made_by_libreoffice_reads_back_as_its_markdown() {
    let original = parse(include_str!(
        "../../../src/document/fixtures/integrationspolitik.md"
    ))
    .unwrap();
    for (name, bytes) in [
        (
            "docx",
            include_bytes!("fixtures/integrationspolitik.docx").as_slice(),
        ),
        (
            "odt",
            include_bytes!("fixtures/integrationspolitik.odt").as_slice(),
        ),
    ] {
        let imported = read(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The Markdown as the clerk will edit it: headings plain, not bold by their style.
        assert!(
            imported
                .markdown
                .starts_with("# Muligheder og medborgerskab\n"),
            "{name}: {}",
            imported.markdown
        );
        let doc = parse(&imported.markdown).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let shape = |d: &hoering::document::Document| {
            d.sections
                .iter()
                .map(|s| {
                    (
                        s.heading.clone(),
                        s.blocks
                            .iter()
                            .map(|b| (b.number.as_str(), b.kind, b.text.clone()))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            shape(&doc),
            shape(&original),
            "{name}:\n{}",
            imported.markdown
        );
        let notes = |d: &hoering::document::Document| {
            d.footnotes
                .iter()
                .map(|b| b.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(notes(&doc), notes(&original), "{name}");
        assert_eq!(imported.left_out, vec![], "{name}");
    }
}
