//! The commands that print: init, import, decide, rank, export, close, reopen, and the demo
//! database. Each returns its output as text, or an error with a sentence for the user.

use crate::domain::{Mode, Points, Ranking, Verdict};
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use crate::io::Problem;
use crate::service::{AppError, FileKind, ImportKind, IoDoing, Workspace};
pub use crate::service::{CriteriaCsvArgs, NoticeArgs};
pub use crate::view::ranking::rank_table;
pub use crate::view::said::{
    assign, export_decisions, export_notices, export_ranking, imported, init, new_year,
};
use std::path::Path;

pub mod progress;
mod years;
pub use years::{HistoryOf, history_csv, history_text, publish, unpublish};

pub fn import(
    ws: &mut Workspace,
    kind: ImportKind,
    file: &Path,
    sheet: Option<&str>,
    lang: Lang,
) -> Result<String, AppError> {
    let done = ws.import_any(kind.into(), file, sheet, CriteriaCsvArgs::default())?;
    Ok(imported(&done, lang))
}

pub fn import_criteria(
    ws: &mut Workspace,
    file: &Path,
    args: CriteriaCsvArgs,
    lang: Lang,
) -> Result<String, AppError> {
    let done = ws.import_any(FileKind::Criteria, file, None, args)?;
    Ok(imported(&done, lang))
}

/// `decide UNIT ITEM SCORE|agree|na|flag`.
pub fn decide(
    ws: &mut Workspace,
    unit: &str,
    item: &str,
    what: &str,
    comment: &str,
    appraiser: &str,
    lang: Lang,
) -> Result<String, AppError> {
    let verdict = match what.trim().to_lowercase().as_str() {
        "agree" | "a" | "dong-y" | "đồng-ý" => Verdict::Agree,
        "na" | "n/a" | "x" => Verdict::NotApplicable,
        "flag" | "f" => Verdict::RequestExplanation,
        other => Verdict::Score(Points::parse(other).map_err(|why| {
            let what = Problem::BadPoints {
                text: what.to_string(),
                why,
            }
            .describe(lang);
            AppError::Refused(crate::i18n::errors::decision_not_recorded(
                unit, item, &what, lang,
            ))
        })?),
    };
    let (unit_code, item_code) = Workspace::codes(unit, item)?;
    let decided = ws.decide(&unit_code, &item_code, verdict, comment, appraiser)?;
    let (unit, item, d) = (decided.unit, decided.item, decided.decision);
    let score = d.score.map(|p| p.to_string()).unwrap_or_else(|| "—".into());
    Ok(msg::recorded(
        unit.code.as_str(),
        item.as_str(),
        &score,
        crate::i18n::state_label(d.state, lang),
        lang,
    ))
}

/// Splits off the first word of a line: (word, the rest).
fn first_word(s: &str) -> (&str, &str) {
    let t = s.trim_start();
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    t.split_at(end)
}

/// `decide --batch FILE` (`-`: standard input): one decision per line,
/// `UNIT ITEM SCORE|agree|na|flag [COMMENT]` (the comment is the rest of the line); blank lines
/// and lines starting with `#` are skipped. Every decision is its own transaction, and its
/// acknowledgement line (the one `decide` prints) is written and flushed only after the
/// commit returned. A refused line is reported on `err` as `FILE:LINE: sentence` and the next
/// lines go on. Returns how many decisions were recorded and how many refused.
pub fn decide_batch(
    ws: &mut Workspace,
    name: &str,
    input: &mut dyn std::io::BufRead,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
    appraiser: &str,
    lang: Lang,
) -> Result<(usize, usize), AppError> {
    let broken = |e: std::io::Error| AppError::io(IoDoing::WriteOutput, "-", e);
    let (mut recorded, mut refused) = (0, 0);
    let mut buf = Vec::new();
    for number in 1.. {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| AppError::io(IoDoing::Read, name, e))?;
        if n == 0 {
            break;
        }
        let result = match std::str::from_utf8(&buf) {
            Err(_) => Err(AppError::Refused(msg::line_not_utf8(lang).into())),
            Ok(line) => {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let (unit, rest) = first_word(line);
                let (item, rest) = first_word(rest);
                let (what, rest) = first_word(rest);
                if what.is_empty() {
                    Err(AppError::Refused(msg::batch_line_shape(lang).into()))
                } else {
                    decide(ws, unit, item, what, rest.trim(), appraiser, lang)
                }
            }
        };
        match result {
            Ok(ack) => {
                writeln!(out, "{ack}").map_err(broken)?;
                out.flush().map_err(broken)?;
                recorded += 1;
            }
            Err(e) => {
                writeln!(err, "{name}:{number}: {}", e.render(lang)).map_err(broken)?;
                refused += 1;
            }
        }
    }
    Ok((recorded, refused))
}

pub fn rankings(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
) -> Result<Vec<(String, String, Ranking)>, AppError> {
    ws.group_rankings(group, mode)
}

pub fn rank_csv(ws: &Workspace, group: Option<&str>, mode: Mode) -> Result<Vec<u8>, AppError> {
    ws.rank_csv(group, mode)
}

/// The rankings as text tables; the last line is the ledger's head the rankings were read at.
pub fn rank_text(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    lang: Lang,
) -> Result<String, AppError> {
    let (tables, head) = ws.at_head(|ws| rankings(ws, group, mode))?;
    let mut out = String::new();
    for (code, name, r) in tables? {
        out.push_str(&rank_table(&code, &name, &r, lang));
        out.push('\n');
    }
    out.push_str(&msg::ledger_line(head.entries, &head.printed(), lang));
    Ok(out)
}

/// `verify [--head N:HEX]`: the full check of the ledger (of `year`'s decisions, or all);
/// with a printed head, whether the result it was printed with matches the file. The report,
/// and the mark to remember when all holds; a refusal naming what breaks otherwise.
pub fn verify(
    ws: &Workspace,
    year: Option<i32>,
    printed: Option<&str>,
    lang: Lang,
) -> Result<(String, Option<crate::store::Mark>), AppError> {
    use crate::domain::ledger::PrintedHead;
    use crate::i18n::errors;
    let printed = printed
        .map(|p| PrintedHead::parse(p).ok_or_else(|| AppError::Refused(errors::bad_head(p, lang))))
        .transpose()?;
    let v = ws.verify_ledger(year)?;
    let head = v.head.printed();
    let mut lines: Vec<String> = v
        .breaks
        .iter()
        .map(|b| errors::ledger_break(b, lang))
        .collect();
    let holds = lines.is_empty();
    if holds {
        lines.push(msg::ledger_holds(
            v.head.entries,
            v.replayed,
            v.decisions,
            year,
            lang,
        ));
        if let Some((row, at)) = &v.chained_at_migration {
            lines.push(msg::chained_at_migration(*row, at, lang));
        }
    }
    let mut printed_ok = true;
    if let Some(p) = &printed {
        let shown = p.to_string();
        if p.entries > v.head.entries {
            printed_ok = false;
            lines.push(msg::printed_head_cut(
                &shown,
                p.entries,
                v.head.entries,
                lang,
            ));
        } else {
            let found = ws.ledger_entry_hash(p.entries)?.unwrap_or_default();
            if found.to_ascii_lowercase().starts_with(&p.prefix) {
                lines.push(msg::printed_head_matches(
                    &shown,
                    v.head.entries - p.entries,
                    lang,
                ));
            } else {
                printed_ok = false;
                lines.push(msg::printed_head_differs(&shown, p.entries, &found, lang));
            }
        }
    }
    lines.push(msg::ledger_head_is(&head, lang));
    let text = lines.join("\n");
    if holds && printed_ok {
        Ok((text, v.mark))
    } else {
        Err(AppError::Refused(text))
    }
}

/// A table as CSV for standard output (BOM, inert cells).
fn write_csv_out(columns: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut out = Vec::new();
    crate::io::export::write_csv(&mut out, columns, rows)
        .map_err(|e| AppError::io(IoDoing::WriteOutput, "-", e))?;
    Ok(out)
}

pub fn set_closed(
    ws: &mut Workspace,
    unit: &str,
    closed: bool,
    comment: &str,
    appraiser: &str,
    lang: Lang,
) -> Result<String, AppError> {
    let u = ws.set_closed(unit, closed, appraiser, comment)?;
    Ok(msg::closed(u.code.as_str(), &u.name, closed, lang))
}

/// `export workbook`: writes the whole workbook and says so.
pub fn export_workbook(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let w = crate::service::workbook::write(
        ws,
        &crate::service::workbook::Request::full(group, mode),
        out,
        lang,
    )?;
    Ok(crate::i18n::documents::workbook_written(
        &out.display().to_string(),
        w.sheets,
        lang,
    ))
}
