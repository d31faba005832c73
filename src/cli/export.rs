//! `thamdinh export`: the decisions or the ranking as CSV, the workbook, the notices.

use super::{Cx, mode, print};
use crate::cli::args::ExportWhat;
use crate::domain::Mode;
use crate::i18n::Lang;
use crate::service::{AppError, NoticeArgs, Opening, Workspace};
use crate::view::said;
use std::path::Path;

/// What `export` was asked for.
pub(super) struct Export<'a> {
    pub what: ExportWhat,
    pub out: &'a Path,
    pub group: Option<&'a str>,
    pub final_: bool,
    pub unit: Option<&'a str>,
    pub council: Option<&'a str>,
}

/// `export WHAT OUT [--group G] [--final]` (`--unit` and `--council` for the notices only).
pub(super) fn run(cx: &Cx, e: Export<'_>) -> Result<(), AppError> {
    let lang = cx.lang;
    let ws = cx.reporting(Opening::Read)?;
    if !matches!(e.what, ExportWhat::Notices) && (e.unit.is_some() || e.council.is_some()) {
        return Err(AppError::Refused(
            crate::i18n::notices::notices_only(lang).into(),
        ));
    }
    let (group, mode, out) = (e.group, mode(e.final_), e.out);
    let said = match e.what {
        ExportWhat::Notices => said::export_notices(
            &ws,
            NoticeArgs {
                group,
                unit: e.unit,
                council: e.council,
                mode,
            },
            out,
            lang,
        )?,
        ExportWhat::Decisions => said::export_decisions(&ws, group, mode, out, lang)?,
        ExportWhat::Ranking => said::export_ranking(&ws, group, mode, out, lang)?,
        ExportWhat::Workbook => export_workbook(&ws, group, mode, out, lang)?,
    };
    cx.progress_done();
    print(said);
    Ok(())
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
