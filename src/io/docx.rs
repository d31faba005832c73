//! The layout every document of the council shares (`.docx`, written with `docx-rs`), after
//! Nghị định 30/2020/NĐ-CP: A4, Times New Roman, 14 pt text (12 pt in the tables), margins top
//! and bottom 20 mm, left 30 mm, right 15 mm; the issuing body, the number, the national
//! heading and the place and date at the top; the signature at the end; page numbers from the
//! second page; the ledger's head in the footer. The notices, the minutes and the submission
//! are built from these pieces. Every text goes through [`xml_safe`](super::xmltext::xml_safe).

use crate::domain::Points;
use crate::domain::council::{Council, Issued};
use crate::domain::ledger::Head;
use crate::words::{Lang, letter as t, notices as n, numbers};
use docx_rs::{
    AlignmentType, Docx, Footer, Header, HeightRule, LineSpacing, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Table, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType,
    WidthType,
};
use std::path::{Path, PathBuf};

/// A4 in twentieths of a point, and the margins (1 mm = 56.7 twips).
const PAGE_W: u32 = 11_906;
const PAGE_H: u32 = 16_838;
const TOP: i32 = 1_134; // 20 mm
const BOTTOM: i32 = 1_134; // 20 mm
const LEFT: i32 = 1_701; // 30 mm
const RIGHT: i32 = 850; // 15 mm
/// The width between the margins: 165 mm.
pub(super) const TEXT_W: usize = (PAGE_W as usize) - (LEFT as usize) - (RIGHT as usize);
/// Font sizes in half points.
pub(super) const BODY: usize = 28; // 14 pt
pub(super) const TABLE: usize = 24; // 12 pt
const HEADING: usize = 26; // 13 pt
const SMALL_HEADING: usize = 24; // 12 pt: the national heading and the council's name
const FOOTER: usize = 18; // 9 pt: the ledger's head
const FONT: &str = "Times New Roman";

/// Points as the documents write them (`crate::words::numbers`): an item's score as short
/// as it is exact (`0,5`), sums with two decimals (`55,25`), a change with its sign.
pub(super) fn num(p: Points, lang: Lang) -> String {
    numbers::score(p, lang)
}

pub(super) fn num2(p: Points, lang: Lang) -> String {
    numbers::fixed(p, lang)
}

pub(super) fn signed(p: Points, lang: Lang) -> String {
    numbers::signed_score(p, lang)
}

pub(super) fn run(text: &str, size: usize) -> Run {
    Run::new()
        .add_text(super::xmltext::xml_safe(text).as_ref())
        .size(size)
}

/// Single line spacing (tables, headings), `after` twips after the paragraph.
pub(super) fn spacing(after: u32) -> LineSpacing {
    LineSpacing::new().before(0).after(after).line(240)
}

/// The text's line spacing: 1.2 lines (Nghị định 30 asks for single to 1.5), 6 pt after.
pub(super) fn body_spacing() -> LineSpacing {
    LineSpacing::new().before(0).after(120).line(288)
}

/// A body paragraph: justified, first line indented 10 mm, 6 pt after.
pub(super) fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY))
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(567)),
            None,
            None,
        )
        .line_spacing(body_spacing())
}

/// A centred line, 1.1 lines high (capitals with diacritics need the room).
pub(super) fn centered(r: Run) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0).line(264))
}

/// A section's heading, kept with what follows.
pub(super) fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY).bold())
        .line_spacing(LineSpacing::new().before(120).after(120).line(240))
        .keep_next(true)
}

/// An empty paragraph, `after` twips high.
pub(super) fn gap(after: u32) -> Paragraph {
    Paragraph::new().line_spacing(spacing(after))
}

/// A table cell of `width` twips holding `text` (lines split on `\n`).
pub(super) fn cell(text: &str, width: usize, align: AlignmentType, bold: bool) -> TableCell {
    indented_cell(text, width, align, bold, 0)
}

/// The same, the text indented by `indent` twips (a criterion under its parent).
pub(super) fn indented_cell(
    text: &str,
    width: usize,
    align: AlignmentType,
    bold: bool,
    indent: i32,
) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    for line in text.split('\n') {
        let mut r = run(line, TABLE);
        if bold {
            r = r.bold();
        }
        let mut p = Paragraph::new()
            .add_run(r)
            .align(align)
            .line_spacing(LineSpacing::new().before(40).after(40).line(240));
        if indent > 0 {
            p = p.indent(Some(indent), None, None, None);
        }
        c = c.add_paragraph(p);
    }
    c
}

/// A bordered table with fixed column widths; its first row repeats on every page.
pub(super) fn table(widths: &[usize], header: &[&str], rows: Vec<TableRow>) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, w)| cell(h, *w, AlignmentType::Center, true))
            .collect(),
    )
    .cant_split()
    .row_height(1.0)
    .height_rule(HeightRule::AtLeast);
    let mut all = vec![head];
    all.extend(rows.into_iter().map(TableRow::cant_split));
    Table::new(all)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
        .margins(cell_margins())
}

/// A two-column table without a header: label, value (the value in bold).
pub(super) fn label_table(lines: &[(String, String)]) -> Table {
    let widths = [3_600, TEXT_W - 3_600];
    let rows = lines
        .iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                cell(label, widths[0], AlignmentType::Left, false),
                cell(value, widths[1], AlignmentType::Left, true),
            ])
            .cant_split()
        })
        .collect();
    Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
        .margins(cell_margins())
}

/// 1 mm on either side of a cell's text, none above and below (the paragraphs have some).
fn cell_margins() -> TableCellMargins {
    TableCellMargins::new().margin(0, 57, 0, 57)
}

/// Who issues a document and under which number: the council's settings (its name replaced
/// by `--council` for one export, when given), the document's number when it has one, and
/// the symbol of its kind.
pub struct Letterhead<'a> {
    pub council: &'a Council,
    /// `--council`: the issuing body for this export (lines: the bodies above, then it).
    pub name_override: Option<&'a str>,
    /// The number issued; none for a draft.
    pub issued: Option<&'a Issued>,
    /// The symbol of the kind, for a draft's blank number.
    pub series: &'a str,
}

impl Letterhead<'_> {
    /// The lines of the issuing body: the bodies above it, then the council.
    fn body_lines(&self, lang: Lang) -> Vec<String> {
        if let Some(text) = self.name_override.filter(|t| !t.trim().is_empty()) {
            return text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
        }
        let mut lines = Vec::new();
        if !self.council.parent.trim().is_empty() {
            lines.push(self.council.parent.trim().to_string());
        }
        lines.push(if self.council.name.trim().is_empty() {
            t::default_council(lang).to_string()
        } else {
            self.council.name.trim().to_string()
        });
        lines
    }
}

/// The heading block: the issuing body and the document's number on the left, the national
/// heading and the place and date on the right.
pub(super) fn heading_block(head: &Letterhead<'_>, lang: Lang) -> Table {
    let left_w = 3_500; // 62 mm
    let right_w = TEXT_W - left_w;
    let line = |text: &str, size: usize, bold: bool, italic: bool| {
        let mut r = run(text, size);
        if bold {
            r = r.bold();
        }
        if italic {
            r = r.italic();
        }
        centered(r)
    };
    let mut left = TableCell::new().width(left_w, WidthType::Dxa);
    // The issuing body in bold; the bodies above it in plain capitals.
    let lines = head.body_lines(lang);
    for (i, l) in lines.iter().enumerate() {
        let bold = i + 1 == lines.len();
        left = left.add_paragraph(line(&l.to_uppercase(), SMALL_HEADING, bold, false));
    }
    let reference = head.issued.map(Issued::reference);
    left = left
        .add_paragraph(line("―――――", HEADING, false, false))
        .add_paragraph(line(
            &t::number_line(reference.as_deref(), head.series, lang),
            HEADING,
            false,
            false,
        ));
    let day = head.issued.map(|i| i.date);
    let right = TableCell::new()
        .width(right_w, WidthType::Dxa)
        .add_paragraph(line(n::national_heading(lang), SMALL_HEADING, true, false))
        .add_paragraph(line(n::motto(lang), HEADING, true, false))
        .add_paragraph(line("―――――――――――", HEADING, false, false))
        .add_paragraph(line(
            &t::date_line(&head.council.place, day, lang),
            BODY,
            false,
            true,
        ));
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![left_w, right_w])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
}

/// The title of a document: `DỰ THẢO` above it for a draft, then the title and its subject
/// in bold, and a short rule.
pub(super) fn title(doc: Docx, draft: bool, title: &str, subject: &str, lang: Lang) -> Docx {
    let mut doc = doc.add_paragraph(gap(0));
    if draft {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(run(t::draft(lang), BODY).bold())
                .align(AlignmentType::Right)
                .line_spacing(spacing(0)),
        );
    }
    doc.add_paragraph(
        centered(run(title, BODY).bold())
            .line_spacing(LineSpacing::new().before(240).after(60).line(288)),
    )
    .add_paragraph(
        centered(run(subject, BODY).bold())
            .line_spacing(LineSpacing::new().before(0).after(0).line(288)),
    )
    .add_paragraph(centered(run("―――――", BODY)))
}

/// The signing side: who signs for the council, as what, and their name.
fn council_signature(council: &Council, width: usize, lang: Lang) -> TableCell {
    let title = if council.title.trim().is_empty() {
        t::default_title(lang).to_string()
    } else {
        council.title.trim().to_uppercase()
    };
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(centered(run(t::signer_for(lang), BODY).bold()));
    for line in title.split(" / ") {
        c = c.add_paragraph(centered(run(line.trim(), BODY).bold()));
    }
    c = c
        .add_paragraph(centered(run(t::sign_here(lang), BODY).italic()))
        // Room for the signature and the seal.
        .add_paragraph(centered(run("", BODY)))
        .add_paragraph(centered(run("", BODY)))
        .add_paragraph(centered(run("", BODY)));
    if !council.signer.trim().is_empty() {
        c = c.add_paragraph(centered(run(council.signer.trim(), BODY).bold()));
    }
    c
}

/// The signature block: recipients on the left, the council's signer on the right.
pub(super) fn signature_block(recipients: &[String], council: &Council, lang: Lang) -> Table {
    let left_w = 4_500;
    let right_w = TEXT_W - left_w;
    let small = |text: &str| {
        Paragraph::new()
            .add_run(run(text, 22))
            .line_spacing(spacing(0))
    };
    let mut left = TableCell::new()
        .width(left_w, WidthType::Dxa)
        .add_paragraph(
            Paragraph::new()
                .add_run(run(t::recipients(lang), 24).bold().italic())
                .line_spacing(spacing(0)),
        );
    for r in recipients {
        left = left.add_paragraph(small(r));
    }
    left = left.add_paragraph(small(t::archive(lang)));
    let right = council_signature(council, right_w, lang);
    Table::without_borders(vec![TableRow::new(vec![left, right]).cant_split()])
        .set_grid(vec![left_w, right_w])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
}

/// Two signatures side by side (the minutes): another party on the left, with the line in
/// brackets under it, and the council's signer on the right.
pub(super) fn two_signatures(left_title: &str, council: &Council, lang: Lang) -> Table {
    let half = TEXT_W / 2;
    let left = TableCell::new()
        .width(half, WidthType::Dxa)
        .add_paragraph(centered(run(left_title, BODY).bold()))
        .add_paragraph(centered(run(t::sign_here(lang), BODY).italic()));
    let right = council_signature(council, TEXT_W - half, lang);
    Table::without_borders(vec![TableRow::new(vec![left, right]).cant_split()])
        .set_grid(vec![half, TEXT_W - half])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
}

/// What the footer of every page says: the ledger's head the figures were read at, and that
/// the set is illustrative when it is.
pub struct Foot {
    pub ledger: Head,
    pub illustrative: bool,
}

/// A new A4 document with the council's fonts and margins, page numbers from the second
/// page, and `foot` on every page.
pub(super) fn document(foot: &Foot, lang: Lang) -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let page_number = Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center)
            .size(BODY),
    );
    let footer = || {
        let f = Footer::new().add_paragraph(
            Paragraph::new()
                .add_run(run(
                    &n::ledger_footer(foot.ledger.entries, &foot.ledger.printed(), lang),
                    FOOTER,
                ))
                .align(AlignmentType::Center),
        );
        if foot.illustrative {
            f.add_paragraph(
                Paragraph::new()
                    .add_run(run(n::illustrative_footer(lang), FOOTER))
                    .align(AlignmentType::Center),
            )
        } else {
            f
        }
    };
    Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            PageMargin::new()
                .top(TOP)
                .bottom(BOTTOM)
                .left(LEFT)
                .right(RIGHT)
                .header(567)
                .footer(567),
        )
        .default_fonts(fonts)
        .default_size(BODY)
        .header(page_number)
        .first_header(Header::new())
        .footer(footer())
        .first_footer(footer())
}

/// The document's bytes: built, its header rows marked to repeat, packed and compressed.
pub(super) fn finish(doc: Docx) -> std::io::Result<Vec<u8>> {
    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(std::io::Error::other)?;
    deflate(&out.into_inner())
}

/// The same package with its parts compressed: `docx-rs` stores them as they are, which
/// makes a notice ten times larger than it needs to be.
fn deflate(stored: &[u8]) -> std::io::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let mut part = src.by_index(i)?;
        let name = part.name().to_string();
        if part.is_dir() {
            out.add_directory(name, opts)?;
        } else {
            out.start_file(name, opts)?;
            std::io::copy(&mut part, &mut out)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// A header row is marked by a height of 1 twip "at least" (which changes nothing), since
/// `docx-rs` has no call for `<w:tblHeader/>`; the mark is then replaced by it.
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// Makes every marked row a header row, repeated at the top of each page its table runs
/// onto.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(document) {
        Ok(text) => text.replace(HEADER_MARK, "<w:tblHeader />").into_bytes(),
        Err(_) => document.to_vec(),
    }
}

/// Writes a document through a temporary file and a rename (a reader never sees half of
/// it), then reads it back: every XML part well formed and free of what XML 1.0 forbids.
pub(super) fn write_checked(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    super::replace_file(path, |tmp| std::io::Write::write_all(tmp, bytes))?;
    super::xmltext::check_package(path).map_err(|why| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: {why}", path.display()),
        )
    })
}

/// Writes each document into `dir` (made if missing) under its name; the paths written, in
/// order; on a failure, the file that could not be written and why.
pub(super) fn write_all(
    dir: &Path,
    docs: impl Iterator<Item = (String, std::io::Result<Vec<u8>>)>,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    std::fs::create_dir_all(dir).map_err(|e| (dir.to_path_buf(), e))?;
    let mut written = Vec::new();
    for (name, bytes) in docs {
        progress.advance(1);
        let path = dir.join(name);
        if let Err(e) = bytes.and_then(|b| write_checked(&path, &b)) {
            return Err((path, e));
        }
        written.push(path);
    }
    Ok(written)
}
