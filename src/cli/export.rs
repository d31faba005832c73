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

/// `export WHAT OUT [--group G] [--final]` (`--unit` for the notices and the minutes,
/// `--council` for the three documents of the council).
pub(super) fn run(cx: &Cx, e: Export<'_>) -> Result<(), AppError> {
    let lang = cx.lang;
    let document = matches!(
        e.what,
        ExportWhat::Notices | ExportWhat::Minutes | ExportWhat::Submission
    );
    let per_unit = matches!(
        e.what,
        ExportWhat::Notices
            | ExportWhat::Minutes
            | ExportWhat::SelfAssessment
            | ExportWhat::ExplanationRequests
    );
    if (!per_unit && e.unit.is_some()) || (!document && e.council.is_some()) {
        return Err(AppError::Refused(
            crate::i18n::notices::notices_only(lang).into(),
        ));
    }
    // A document takes its number from the year's register the first time it is written:
    // that writes (a file that cannot be written still writes the documents already
    // numbered).
    let mut ws = cx.reporting(if document {
        Opening::Existing
    } else {
        Opening::Read
    })?;
    let (group, mode, out) = (e.group, mode(e.final_), e.out);
    let who = if document {
        cx.appraiser().unwrap_or_default()
    } else {
        String::new()
    };
    let args = NoticeArgs {
        group,
        unit: e.unit,
        council: e.council,
        mode,
        appraiser: &who,
    };
    let said = match e.what {
        ExportWhat::Notices => said::export_notices(&mut ws, args, out, lang)?,
        ExportWhat::Minutes => said::export_minutes(&mut ws, args, out, lang)?,
        ExportWhat::Submission => said::export_submission(&mut ws, args, out, lang)?,
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
