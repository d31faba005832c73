//! The commands of the years: init (the year's built-in sets), new-year, publish and
//! unpublish.

use super::{Cx, print};
use crate::domain::index::round2;
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use crate::service::{self, AppError, Opening, Workspace};
use crate::view::said;
use std::fmt::Write as _;

/// `init`: the database made (if needed) with the year's built-in criteria sets. A year with
/// no built-in sets is refused before the file is created.
pub(super) fn run_init(cx: &Cx) -> Result<(), AppError> {
    if let Some(year) = cx.args.year {
        service::check_builtin_year(year, &cx.db)?;
    }
    let mut ws = cx.open(Opening::Create)?;
    print(said::init(&mut ws, cx.lang)?);
    Ok(())
}

/// `new-year YEAR [--from YEAR]`: the new year made from `from` (default: the year before).
pub(super) fn run_new_year(
    cx: &Cx,
    new_year: i32,
    from: Option<i32>,
    changes: Option<&service::YearChanges>,
) -> Result<(), AppError> {
    let who = cx.appraiser()?;
    let from_year = from.unwrap_or(new_year - 1);
    // A missing database: the refusal suggests making the year before the new one.
    let mut ws = Workspace::open(&cx.db, Opening::Write, Some(from_year)).map_err(|e| match e {
        AppError::NoDatabase { db, .. } => AppError::NoDatabase {
            db,
            year: Some(new_year - 1),
        },
        e => e,
    })?;
    print(said::new_year(
        &mut ws, new_year, from, changes, &who, cx.lang,
    )?);
    Ok(())
}

/// `previous UNIT [VALUE --reason …]`: the figure a unit's index is compared with; with a
/// value (a figure, `none` or `rule`) and a reason, the council's own, audited.
pub(super) fn run_previous(
    cx: &Cx,
    unit: &str,
    value: Option<&str>,
    reason: &str,
) -> Result<(), AppError> {
    // Showing the figure only reads; setting it writes.
    let mut ws = cx.open(if value.is_some() {
        Opening::Write
    } else {
        Opening::Read
    })?;
    let previous = match value {
        None => ws.previous_of(ws.unit(unit)?.code.as_str())?,
        Some(v) => {
            let figure = crate::domain::lineage::Figure::parse(v)
                .ok_or_else(|| AppError::Refused(msg::previous_bad_value(v, cx.lang)))?
                .as_override();
            let reason = crate::domain::text::nfc(reason.trim());
            if reason.is_empty() {
                return Err(AppError::Refused(
                    msg::previous_needs_reason(cx.lang).into(),
                ));
            }
            let who = cx.appraiser()?;
            ws.set_previous(unit, figure, &reason, &who)?
        }
    };
    print(previous_said(&ws, unit, &previous, cx.lang)?);
    Ok(())
}

/// One unit's comparison figure, said.
pub fn previous_said(
    ws: &Workspace,
    unit: &str,
    previous: &crate::domain::lineage::Previous,
    lang: Lang,
) -> Result<String, AppError> {
    let row = ws.unit(unit)?;
    let names = ws.unit_names()?;
    let name = |c: &str| names.get(c).cloned().unwrap_or_else(|| c.to_string());
    let basis = crate::words::documents::previous_basis(&previous.basis, &name, lang);
    let value = previous
        .value
        .map(|p| p.fixed2())
        .unwrap_or_else(|| "—".into());
    Ok(msg::previous_figure(
        row.code.as_str(),
        &row.name,
        &value,
        &basis,
        lang,
    ))
}

/// `publish` and `unpublish`, each with its comment.
pub(super) fn run_publish(cx: &Cx, publish_it: bool, comment: &str) -> Result<(), AppError> {
    let who = cx.appraiser()?;
    let mut ws = cx.open(Opening::Write)?;
    let said = if publish_it {
        publish(&mut ws, &who, comment, cx.lang)?
    } else {
        unpublish(&mut ws, &who, comment, cx.lang)?
    };
    print(said);
    Ok(())
}

/// `publish`: the working year's final rankings kept as its result.
pub fn publish(
    ws: &mut Workspace,
    appraiser: &str,
    comment: &str,
    lang: Lang,
) -> Result<String, AppError> {
    if let Some(p) = ws.publication()? {
        let at = ws.local_date_time(&p.at);
        return Err(AppError::Refused(crate::i18n::errors::already_published(
            p.year,
            &at,
            &p.appraiser,
            lang,
        )));
    }
    let comment = crate::domain::text::nfc(comment.trim());
    let done = ws.publish(appraiser, &comment)?;
    let mut out = msg::year_published(
        done.publication.year,
        done.publication.units,
        done.groups.len(),
        lang,
    );
    for (code, name, r) in &done.groups {
        let mean = r
            .mean
            .map(|m| round2(m).fixed2())
            .unwrap_or_else(|| "—".into());
        // Units tied first: three named, the others counted.
        let tied: Vec<String> = r
            .rows
            .iter()
            .filter(|row| row.rank == Some(1))
            .map(|row| {
                let index = row.index.map(|i| i.to_string()).unwrap_or_default();
                format!("{} ({index}%)", row.name)
            })
            .collect();
        let mut first = tied.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        if tied.len() > 3 {
            first.push_str(&msg::and_others(tied.len() - 3, lang));
        }
        let ranked = r.rows.iter().filter(|row| row.rank.is_some()).count();
        let line = msg::published_group_line(code, name, r.rows.len(), ranked, &mean, &first, lang);
        let _ = write!(out, "\n{line}");
    }
    Ok(out)
}

/// `unpublish --comment …`: the publication taken back, audited with its reason.
pub fn unpublish(
    ws: &mut Workspace,
    appraiser: &str,
    comment: &str,
    lang: Lang,
) -> Result<String, AppError> {
    let comment = crate::domain::text::nfc(comment.trim());
    if comment.is_empty() {
        return Err(AppError::Refused(msg::unpublish_needs_comment(lang).into()));
    }
    let p = ws.unpublish(appraiser, &comment)?;
    let at = ws.local_date_time(&p.at);
    Ok(msg::year_unpublished(p.year, &at, &p.appraiser, lang))
}
