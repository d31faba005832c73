//! `thamdinh import KIND FILE`: any file the program reads, one path with the files screen
//! (`Workspace::import_any`).

use super::{Cx, print};
use crate::cli::args::ImportWhat;
use crate::i18n::Lang;
use crate::service::{AppError, CriteriaCsvArgs, FileKind, ImportKind, Opening, Workspace};
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
            };
            print(import_criteria(&mut ws, file, a, cx.lang)?);
            return Ok(());
        }
    };
    let said = import(&mut ws, kind, file, sheet.as_deref(), cx.lang)?;
    cx.progress_done();
    print(said);
    Ok(())
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

pub fn import_criteria(
    ws: &mut Workspace,
    file: &Path,
    args: CriteriaCsvArgs,
    lang: Lang,
) -> Result<String, AppError> {
    let done = ws.import_any(FileKind::Criteria, file, None, args)?;
    Ok(imported(&done, lang))
}
