//! What a use case did, worded the same by the command line and the screens: the built-in
//! sets loaded, an import, an export, an assignment, a new year.

use crate::domain::Mode;
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use crate::service::{self, AppError, Imported, NoticeArgs, Workspace};
use std::fmt::Write as _;
use std::path::Path;

/// Loads the built-in criteria sets of the workspace's year and says what each did.
pub fn init(ws: &mut Workspace, lang: Lang) -> Result<String, AppError> {
    let mut out = String::new();
    for (set, changed) in service::load_builtin_sets(ws)? {
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
        let _ = writeln!(
            out,
            "  {}",
            crate::i18n::screens::set_source(&set.source, lang)
        );
    }
    out.push_str(&msg::database_is(&ws.db_path().display().to_string(), lang));
    Ok(out)
}

/// What an import did, as `thamdinh import` prints it and the files screen says it.
pub fn imported(done: &Imported, lang: Lang) -> String {
    if let Some(set) = &done.set {
        let said = msg::set_imported(
            set.group.as_str(),
            set.year,
            &set.name,
            set.counts(),
            &set.appraisal_max.to_string(),
            &set.survey_max.to_string(),
            lang,
        );
        let source = crate::i18n::screens::set_source(&set.source, lang);
        return format!("{said}\n{source}");
    }
    let mut out = msg::imported(done.kind.command(), done.count, lang);
    if let Some(s) = done.shadowed.first() {
        let example = msg::shadowed_example(
            &s.unit,
            s.year,
            &crate::i18n::numbers::fixed(s.imported, lang),
            &crate::i18n::numbers::fixed(s.published, lang),
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

/// The decisions export (`Workspace::export_decisions`).
pub fn export_decisions(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let n = ws.export_decisions(group, mode, out)?;
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
    ws.export_ranking(group, mode, out, lang)?;
    Ok(msg::ranking_exported(&out.display().to_string(), lang))
}

/// The whole workbook (`service::workbook::write`).
pub fn export_workbook(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let w = service::workbook::write(
        ws,
        &service::workbook::Request::full(group, mode),
        out,
        lang,
    )?;
    let mut said =
        crate::i18n::documents::workbook_written(&out.display().to_string(), w.sheets, lang);
    if w.published_instead {
        said = format!(
            "{said} {}",
            crate::i18n::commands::workbook_is_published_result(ws.year, lang)
        );
    }
    Ok(said)
}

/// Writes a group's criteria set as the workbook of its tree.
pub fn export_criteria(
    ws: &Workspace,
    group: Option<&str>,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let group = ws.export_criteria(group, out, lang)?;
    Ok(crate::i18n::commands::criteria_exported(
        &group,
        &out.display().to_string(),
        lang,
    ))
}

/// Writes each unit's self-assessment workbook (`UNITCODE.xlsx`) into the folder `out`.
pub fn export_self_assessment(
    ws: &Workspace,
    group: Option<&str>,
    unit: Option<&str>,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let written = ws.export_self_assessment(out, group, unit, lang)?;
    Ok(crate::i18n::commands::assessments_written(
        written.len(),
        &out.display().to_string(),
        lang,
    ))
}

/// Writes each unit's explanation requests (`UNITCODE.xlsx`) into the folder `out`.
pub fn export_explanation_requests(
    ws: &Workspace,
    group: Option<&str>,
    unit: Option<&str>,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let written = ws.export_explanation_requests(out, group, unit, lang)?;
    Ok(crate::i18n::commands::requests_written(
        written.len(),
        &out.display().to_string(),
        lang,
    ))
}

/// Writes each unit's notice (`UNITCODE.docx`) into the folder `out`.
pub fn export_notices(
    ws: &mut Workspace,
    a: NoticeArgs<'_>,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let done = ws.export_notices(a, out, lang)?;
    Ok(crate::i18n::notices::written(
        done.count,
        &numbers(&done.issued),
        &out.display().to_string(),
        lang,
    ))
}

/// Writes each unit's minutes (`UNITCODE.docx`) into the folder `out`.
pub fn export_minutes(
    ws: &mut Workspace,
    a: NoticeArgs<'_>,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let done = ws.export_minutes(a, out, lang)?;
    Ok(crate::words::minutes::written(
        done.count,
        done.drafts,
        &numbers(&done.issued),
        &out.display().to_string(),
        lang,
    ))
}

/// Writes the submission of the ranking (`.docx`) to `out`.
pub fn export_submission(
    ws: &mut Workspace,
    a: NoticeArgs<'_>,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let issued = ws.export_submission(a, out, lang)?;
    Ok(crate::words::submission::written(
        &out.display().to_string(),
        issued.map(|i| i.reference()).as_deref(),
        lang,
    ))
}

/// The numbers of the documents written: `7/TB-HĐTĐ`, or the lowest and the highest,
/// `7/TB-HĐTĐ – 27/TB-HĐTĐ`; empty when none.
fn numbers(issued: &[crate::domain::council::Issued]) -> String {
    let low = issued.iter().min_by_key(|i| i.number);
    let high = issued.iter().max_by_key(|i| i.number);
    match (low, high) {
        (Some(l), Some(h)) if l.number == h.number => l.reference(),
        (Some(l), Some(h)) => format!("{} – {}", l.reference(), h.reference()),
        _ => String::new(),
    }
}

/// Gives the appraiser fields of a group (`fields` empty: takes them all back).
pub fn assign(
    ws: &mut Workspace,
    appraiser: &str,
    group: &str,
    fields: &[String],
    lang: Lang,
) -> Result<String, AppError> {
    ws.assign_checked(appraiser, group, fields)?;
    Ok(msg::assigned(appraiser, group, &fields.join(", "), lang))
}

/// `new-year`: the year made from the one before, and what it holds.
pub fn new_year(
    ws: &mut Workspace,
    year: i32,
    from: Option<i32>,
    changes: Option<&crate::service::YearChanges>,
    appraiser: &str,
    lang: Lang,
) -> Result<String, AppError> {
    let from = from.unwrap_or(year - 1);
    let made = ws.new_year_with(year, from, changes, appraiser)?;
    let mut out = msg::year_created(year, from, made.sets.len(), made.builtin, made.units, lang);
    for set in &made.sets {
        let line = msg::year_set_line(set.group.as_str(), &set.name, set.counts(), lang);
        let _ = write!(out, "\n{line}");
    }
    if !made.left_out.is_empty() {
        let _ = write!(
            out,
            "\n{}",
            msg::units_left_out(&made.left_out.join(", "), lang)
        );
    }
    if changes.is_some() {
        let _ = write!(
            out,
            "\n{}",
            msg::year_changes(
                made.changes,
                &made.ended.join(", "),
                &made.ended_groups.join(", "),
                lang
            )
        );
    }
    let _ = write!(
        out,
        "\n{}",
        msg::previous_index_from(year, from, made.from_published, lang)
    );
    if !made.builtin {
        let _ = write!(out, "\n{}", msg::copied_sets_replaceable(year, lang));
    }
    let _ = write!(
        out,
        "\n{}",
        msg::database_is(&ws.db_path().display().to_string(), lang)
    );
    Ok(out)
}
