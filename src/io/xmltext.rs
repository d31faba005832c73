//! Text in the XML of the documents written (`.docx`, `.xlsx`): XML 1.0 forbids the C0
//! control characters other than tab, line feed and carriage return, and U+FFFE / U+FFFF.
//! A vertical tab (Word's line break pasted into Excel) or an ESC in a note or a name made a
//! notice that Word and LibreOffice refuse to open. Every text a writer puts in a document
//! goes through [`xml_safe`]; [`check_package`] reads a written document back and says
//! whether each XML part is well formed and holds only allowed characters.

use quick_xml::events::Event;
use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

/// Whether XML 1.0 allows the character.
pub fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `s` with what XML 1.0 forbids replaced: a vertical tab or a form feed (line breaks in
/// Word and Excel) by a line feed, any other by U+FFFD (�), so that it shows it was there.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(xml_allowed) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{0B}' | '\u{0C}' => '\n',
                c if xml_allowed(c) => c,
                _ => '\u{FFFD}',
            })
            .collect(),
    )
}

/// Checks one XML part: well formed (every element closed, by its name), and no character
/// XML 1.0 forbids, written out or as a reference (`&#27;`).
pub fn check_xml(xml: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(xml).map_err(|e| format!("not UTF-8: {e}"))?;
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| !xml_allowed(c)) {
        return Err(format!("character U+{:04X} at byte {at}", c as u32));
    }
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let mut roots = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
                check_attributes(&e)?;
            }
            Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                }
                check_attributes(&e)?;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) => {
                let s = t.xml10_content();
                forbidden(&s)?;
            }
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
                    forbidden(&c.to_string())?;
                }
            }
            _ => {}
        }
    }
    if depth != 0 || roots != 1 {
        return Err(format!("{roots} root elements, {depth} left open"));
    }
    Ok(())
}

fn check_attributes(e: &quick_xml::events::BytesStart<'_>) -> Result<(), String> {
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let v = quick_xml::escape::unescape(&a.value).map_err(|e| e.to_string())?;
        forbidden(&v)?;
    }
    Ok(())
}

fn forbidden(s: &str) -> Result<(), String> {
    match s.chars().find(|&c| !xml_allowed(c)) {
        Some(c) => Err(format!("character U+{:04X}", c as u32)),
        None => Ok(()),
    }
}

/// Checks every XML part of a written `.docx` or `.xlsx`: the first bad part and why.
pub fn check_package(path: &Path) -> Result<(), String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| e.to_string())?;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = part.name().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        check_xml(&bytes).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_replaced_and_allowed_ones_kept() {
        assert_eq!(xml_safe("Sở Nội vụ\tA\nB"), "Sở Nội vụ\tA\nB");
        assert_eq!(xml_safe("a\u{0B}b"), "a\nb");
        assert_eq!(xml_safe("a\u{1B}[2Jb\u{FFFF}"), "a\u{FFFD}[2Jb\u{FFFD}");
        assert!(matches!(xml_safe("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_check_refuses_what_xml_forbids() {
        assert_eq!(check_xml(b"<a x=\"1\"><b>t</b></a>"), Ok(()));
        assert!(check_xml(b"<a>\x1b</a>").is_err());
        assert!(check_xml(b"<a>&#27;</a>").is_err());
        assert!(check_xml(b"<a x=\"&#x1B;\"/>").is_err());
        assert!(check_xml(b"<a><b></a>").is_err());
        assert!(check_xml("<a>\u{FFFF}</a>".as_bytes()).is_err());
        assert!(check_xml(b"<a/><b/>").is_err());
    }
}
