//! `thamdinh export`: the decisions or the ranking as CSV, the workbook, the notices.

use super::{Cx, mode, print};
use crate::cli::args::ExportWhat;
use crate::service::{AppError, NoticeArgs, Opening};
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
    let unit_allowed = matches!(
        e.what,
        ExportWhat::Notices | ExportWhat::SelfAssessment | ExportWhat::ExplanationRequests
    );
    if (!unit_allowed && e.unit.is_some())
        || (!matches!(e.what, ExportWhat::Notices) && e.council.is_some())
    {
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
        ExportWhat::Workbook => said::export_workbook(&ws, group, mode, out, lang)?,
        ExportWhat::Criteria => said::export_criteria(&ws, group, out, lang)?,
        ExportWhat::SelfAssessment => said::export_self_assessment(&ws, group, e.unit, out, lang)?,
        ExportWhat::ExplanationRequests => {
            said::export_explanation_requests(&ws, group, e.unit, out, lang)?
        }
    };
    cx.progress_done();
    print(said);
    Ok(())
}
