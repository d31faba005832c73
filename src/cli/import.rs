//! `thamdinh import KIND FILE`: any file the program reads, one path with the files screen
//! (`Workspace::import_any`).

use super::{Cx, print};
use crate::cli::args::ImportWhat;
use crate::i18n::Lang;
use crate::service::{
    AppError, CriteriaCsvArgs, FileKind, FolderKind, ImportKind, Opening, Workspace,
};
use crate::view::said::imported;
use std::path::Path;

/// `import KIND FILE [--sheet S]` (a criteria tree from CSV with its options).
pub(super) fn run(cx: &Cx, what: &ImportWhat) -> Result<(), AppError> {
    let mut ws = cx.reporting(Opening::Create)?;
    let (kind, file, sheet) = match what {
        ImportWhat::Units { file, sheet } => (ImportKind::Units, file, sheet),
        ImportWhat::SelfScores { file, sheet } => (ImportKind::SelfScores, file, sheet),
        ImportWhat::Survey { file, sheet } => (ImportKind::Survey, file, sheet),
        ImportWhat::Explanations { file, sheet } => (ImportKind::Explanations, file, sheet),
        ImportWhat::History { file, sheet } => (ImportKind::History, file, sheet),
        ImportWhat::FieldHistory { file, sheet } => (ImportKind::FieldHistory, file, sheet),
        ImportWhat::Criteria {
            file,
            group,
            name,
            short_name,
            survey_max,
            bands,
        } => {
            let a = CriteriaCsvArgs {
                group: group.clone(),
                name: name.clone(),
                short_name: short_name.clone(),
                survey_max: survey_max.clone(),
                bands: bands.clone(),
                ask_bands: false,
            };
            refuse_other_year(cx, file)?;
            print(import_criteria(&mut ws, file, a, cx.lang)?);
            return Ok(());
        }
    };
    let folder = match kind {
        ImportKind::SelfScores => Some(FolderKind::SelfScores),
        ImportKind::Explanations => Some(FolderKind::Explanations),
        _ => None,
    };
    if let Some(folder) = folder.filter(|_| file.is_dir()) {
        if sheet.is_some() {
            return Err(AppError::SheetNeedsWorkbook(file.clone()));
        }
        return import_folder(cx, &mut ws, folder, file);
    }
    let said = import(&mut ws, kind, file, sheet.as_deref(), cx.lang)?;
    cx.progress_done();
    print(said);
    Ok(())
}

/// `import self-scores DIR` (or `import explanations DIR`): every workbook of the folder,
/// each on its own; the report printed. Refused files leave the others imported; the command
/// then fails with how many were refused.
fn import_folder(
    cx: &Cx,
    ws: &mut Workspace,
    kind: FolderKind,
    dir: &Path,
) -> Result<(), AppError> {
    let report = ws.import_folder(kind, dir)?;
    cx.progress_done();
    let shown = dir.display().to_string();
    print(crate::i18n::commands::folder_report(&shown, &report, false, cx.lang).join("\n"));
    match report.refused() {
        0 => Ok(()),
        n => Err(AppError::Refused(crate::i18n::commands::folder_refused(
            n, &shown, cx.lang,
        ))),
    }
}

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

/// Under `--year`, a TOML set of another year is refused: it went into its own year without
/// a word (and that year became everyone's default).
fn refuse_other_year(cx: &Cx, file: &Path) -> Result<(), AppError> {
    let Some(year) = cx.args.year else {
        return Ok(());
    };
    let toml = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if !toml {
        return Ok(());
    }
    // A file that cannot be read is refused by the import itself, with its place.
    let Ok(text) = crate::io::csvread::read_text(file) else {
        return Ok(());
    };
    match crate::io::criteria::set_from_toml(file, &text) {
        Ok(set) if set.year != year => Err(AppError::Refused(
            crate::i18n::commands::criteria_of_other_year(
                &file.display().to_string(),
                set.year,
                year,
                cx.lang,
            ),
        )),
        _ => Ok(()),
    }
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
