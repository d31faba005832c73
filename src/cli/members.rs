//! The commands about who does what: `assign` (a member's fields of a group) and `close` /
//! `reopen` (a unit's result locked or opened again).

use super::{Cx, print};
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use crate::service::{AppError, Opening, Workspace};
use crate::view::said;

/// `assign GROUP FIELD…` (no field: takes them all back).
pub(super) fn run_assign(cx: &Cx, group: &str, fields: &[String]) -> Result<(), AppError> {
    let who = cx.appraiser()?;
    let mut ws = cx.open(Opening::Create)?;
    let fields: Vec<String> = fields.iter().filter(|f| !f.is_empty()).cloned().collect();
    print(said::assign(&mut ws, &who, group, &fields, cx.lang)?);
    Ok(())
}

/// `close UNIT` and `reopen UNIT`, each with its comment.
pub(super) fn run_close(cx: &Cx, unit: &str, closed: bool, comment: &str) -> Result<(), AppError> {
    let who = cx.appraiser()?;
    let mut ws = cx.open(Opening::Create)?;
    print(set_closed(&mut ws, unit, closed, comment, &who, cx.lang)?);
    Ok(())
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
