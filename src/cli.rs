//! The commands that print: init, import, decide, rank, export, close, reopen, and the demo
//! database. Each returns its output as text, or an error with a sentence for the user.

use crate::builtin;
use crate::domain::{Mode, Points, Ranking, Verdict};
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use crate::io::Problem;
use crate::io::criteria::set_from_toml;
use crate::service::{AppError, FileKind, ImportKind, Imported, IoDoing, Workspace};
pub use crate::service::{CriteriaCsvArgs, NoticeArgs};
use crate::store::Store;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

pub mod progress;
mod years;
pub use years::{HistoryOf, history_csv, history_text, new_year, publish, unpublish};

/// Where the database lives: `--db`, else `THAMDINH_DB`, else the platform data directory.
pub fn default_db(file: &str) -> PathBuf {
    directories::ProjectDirs::from("vn", "thamdinh", "thamdinh")
        .map(|d| d.data_dir().join(file))
        .unwrap_or_else(|| PathBuf::from(file))
}

pub fn resolve_db(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    match std::env::var_os("THAMDINH_DB") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => default_db("thamdinh.sqlite"),
    }
}

/// A path as it can be pasted into a shell: in double quotes when it holds a space or a
/// character the shell would read.
pub fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "/._-+:,@%=".contains(c));
    if plain {
        return s.to_string();
    }
    let mut out = String::from('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The refusal of a command that only reads (or of the screens) when there is no database
/// at `db`: nothing is created, and the sentence says how to make one.
pub fn no_database(db: &Path, year: Option<i32>, lang: Lang) -> AppError {
    let (shown, path) = (db.display(), shell_word(&db.display().to_string()));
    let year = year.unwrap_or(builtin::DEMO_YEAR);
    AppError::Refused(msg::no_database(&shown.to_string(), &path, year, lang))
}

/// The working year: `--year`, else the newest year in the database, else the newest
/// built-in one.
pub fn resolve_year(store: &Store, flag: Option<i32>) -> Result<i32, AppError> {
    if let Some(y) = flag {
        return Ok(y);
    }
    Ok(store
        .years()?
        .first()
        .copied()
        .unwrap_or(builtin::DEMO_YEAR))
}

/// Refuses a year with no built-in criteria sets before anything is written, saying exactly
/// how to import that year's sets instead.
pub fn check_builtin_year(year: i32, db: &Path, lang: Lang) -> Result<(), AppError> {
    if builtin::sets_of(year).next().is_some() {
        return Ok(());
    }
    let mut years: Vec<String> = builtin::SETS
        .iter()
        .map(|(y, _, _)| y.to_string())
        .collect();
    years.dedup();
    let years = years.join(", ");
    let from = builtin::DEMO_YEAR;
    let files = builtin::sets_of(from)
        .map(|(name, _)| name)
        .collect::<Vec<_>>()
        .join(", ");
    let db = shell_word(&db.display().to_string());
    let run = format!("thamdinh --db {db} --year {year} import criteria");
    let new_year = format!("thamdinh --db {db} new-year {year} --from {}", year - 1);
    Err(AppError::Refused(msg::no_builtin_sets(
        year, &years, &new_year, &run, from, &files, lang,
    )))
}

/// Loads the built-in criteria sets of the workspace's year.
pub fn init(ws: &mut Workspace, lang: Lang) -> Result<String, AppError> {
    let year = ws.year;
    check_builtin_year(year, ws.db_path(), lang)?;
    let mut out = String::new();
    for (name, text) in builtin::sets_of(year) {
        let path = PathBuf::from(format!("data/criteria/{year}/{name}"));
        let set = set_from_toml(&path, text)?;
        let changed = ws.save_set(&set)?;
        let line = msg::set_loaded_line(
            set.group.as_str(),
            &set.name,
            set.counts(),
            &set.appraisal_max.to_string(),
            &set.survey_max.to_string(),
            changed,
            lang,
        );
        let _ = writeln!(out, "{line}");
    }
    out.push_str(&msg::database_is(&ws.db_path().display().to_string(), lang));
    Ok(out)
}

/// Builds the demo year in an empty database (or leaves a built one as it is).
pub fn build_demo(ws: &mut Workspace, lang: Lang) -> Result<bool, AppError> {
    if ws.has_units()? {
        return Ok(false);
    }
    init(ws, lang)?;
    let dir = PathBuf::from(format!("data/demo/{}", builtin::DEMO_YEAR));
    let parts = [
        (ImportKind::Units, "units.csv", builtin::demo::UNITS),
        (
            ImportKind::SelfScores,
            "self_scores.csv",
            builtin::demo::SELF_SCORES,
        ),
        (ImportKind::Survey, "survey.csv", builtin::demo::SURVEY),
        (ImportKind::History, "history.csv", builtin::demo::HISTORY),
        (
            ImportKind::Explanations,
            "explanations.csv",
            builtin::demo::EXPLANATIONS,
        ),
        (
            ImportKind::FieldHistory,
            "field_history.csv",
            builtin::demo::FIELD_HISTORY,
        ),
    ];
    for (kind, name, text) in parts {
        ws.import_text(kind, &dir.join(name), text)?;
    }
    Ok(true)
}

pub fn import(
    ws: &mut Workspace,
    kind: ImportKind,
    file: &Path,
    sheet: Option<&str>,
    lang: Lang,
) -> Result<String, AppError> {
    let done = ws.import_any(kind.into(), file, sheet, CriteriaCsvArgs::default(), lang)?;
    Ok(imported(&done, lang))
}

/// What an import did, as `thamdinh import` prints it and the files screen says it.
pub fn imported(done: &Imported, lang: Lang) -> String {
    if let Some(set) = &done.set {
        return msg::set_imported(
            set.group.as_str(),
            set.year,
            &set.name,
            set.counts(),
            &set.appraisal_max.to_string(),
            &set.survey_max.to_string(),
            lang,
        );
    }
    let mut out = msg::imported(done.kind.command(), done.count, lang);
    if let Some(s) = done.shadowed.first() {
        let example = msg::shadowed_example(
            &s.unit,
            s.year,
            &s.imported.fixed2(),
            &s.published.fixed2(),
            lang,
        );
        let _ = write!(
            out,
            "\n{}",
            msg::history_shadowed(done.shadowed.len(), &example, lang)
        );
    }
    out
}

pub fn import_criteria(
    ws: &mut Workspace,
    file: &Path,
    args: CriteriaCsvArgs,
    lang: Lang,
) -> Result<String, AppError> {
    let done = ws.import_any(FileKind::Criteria, file, None, args, lang)?;
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

pub(crate) fn pad(s: &str, width: usize, right: bool) -> String {
    let w = s.width();
    if w >= width {
        return s.to_string();
    }
    let fill = " ".repeat(width - w);
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

pub(crate) fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn yes_no_mark(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "—",
    }
}

/// A ranking as a text table, with the header line of the group's figures and targets.
pub fn rank_table(code: &str, name: &str, r: &Ranking, lang: Lang) -> String {
    let mut out = String::new();
    let w = msg::rank_words(lang);
    let mode = crate::i18n::mode_label(r.mode, lang);
    let _ = writeln!(out, "{name} ({code}) — {} {mode}", w.ranking);
    let pct = (r.decided * 100).checked_div(r.items).unwrap_or(100);
    let mean = r
        .mean
        .map(|m| crate::domain::index::round2(m).fixed2())
        .unwrap_or_else(|| "—".into());
    let prov = r
        .province_previous
        .map(|p| p.fixed2())
        .unwrap_or_else(|| "—".into());
    let _ = writeln!(
        out,
        "{}: {}/{} ({pct}%) · {}: {mean}% · {}: {prov}% {}",
        w.decided,
        r.decided,
        r.items,
        w.group_mean,
        w.province_previous,
        match r.mean_above_province {
            Some(true) => w.target_met,
            Some(false) => w.target_missed,
            None => "",
        }
    );
    let heads = w.heads;
    let widths = [4, 8, 36, 9, 8, 7, 7, 8, 4, 9, 9, 4, 9];
    let right = [
        true, false, false, true, true, true, true, true, false, true, true, false, true,
    ];
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| pad(&cut(c, widths[i]), widths[i], right[i]))
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end()
            .to_string()
    };
    let _ = writeln!(out, "{}", line(&heads.map(String::from)));
    for row in &r.rows {
        let cells = [
            row.rank
                .map(|n| n.to_string())
                .unwrap_or_else(|| "—".into()),
            row.unit.to_string(),
            row.name.clone(),
            row.appraised.fixed2(),
            if row.survey_missing {
                "—".into()
            } else {
                row.survey.fixed2()
            },
            row.total.fixed2(),
            row.max.fixed2(),
            row.index
                .map(|i| i.to_string())
                .unwrap_or_else(|| "—".into()),
            row.band.clone().unwrap_or_else(|| "—".into()),
            row.previous
                .map(|p| p.fixed2())
                .unwrap_or_else(|| "—".into()),
            row.change
                .map(|c| {
                    if c.is_negative() {
                        c.fixed2()
                    } else {
                        format!("+{}", c.fixed2())
                    }
                })
                .unwrap_or_else(|| "—".into()),
            yes_no_mark(row.rises).to_string(),
            format!("{}/{}", row.decided, row.items),
        ];
        let _ = writeln!(out, "{}", line(&cells));
    }
    if r.rows.iter().any(|row| !row.ranked) {
        let _ = writeln!(out, "{}", w.not_ranked);
    }
    out
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

/// The decisions export (`Workspace::export_decisions`).
pub fn export_decisions(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let n = ws.export_decisions(group, mode, out, lang)?;
    Ok(msg::decisions_exported(
        n,
        &out.display().to_string(),
        mode,
        lang,
    ))
}

pub fn export_ranking(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    ws.export_ranking(group, mode, out)?;
    Ok(msg::ranking_exported(&out.display().to_string(), lang))
}

/// Writes each unit's notice (`UNITCODE.docx`) into the folder `out`.
pub fn export_notices(
    ws: &Workspace,
    a: NoticeArgs<'_>,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let n = ws.export_notices(a, out, lang)?;
    Ok(crate::i18n::notices::written(
        n,
        &out.display().to_string(),
        lang,
    ))
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

/// Gives the appraiser fields of a group (`fields` empty: takes them all back).
pub fn assign(
    ws: &mut Workspace,
    appraiser: &str,
    group: &str,
    fields: &[String],
    lang: Lang,
) -> Result<String, AppError> {
    ws.assign_checked(appraiser, group, fields, lang)?;
    Ok(msg::assigned(appraiser, group, &fields.join(", "), lang))
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_path_is_quoted_only_when_the_shell_would_read_it() {
        assert_eq!(
            shell_word("/tmp/hội-đồng/t.sqlite"),
            "/tmp/hội-đồng/t.sqlite"
        );
        assert_eq!(shell_word("Hội đồng/t.sqlite"), "\"Hội đồng/t.sqlite\"");
        assert_eq!(shell_word("a\"$`\\b"), "\"a\\\"\\$\\`\\\\b\"");
        assert_eq!(shell_word(""), "\"\"");
    }
}
