//! `thamdinh rank`: the rankings of the groups, as text tables or CSV.

use super::{Cx, mode, print, print_bytes};
use crate::cli::args::Format;
use crate::domain::Mode;
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use crate::service::{AppError, Opening, Workspace};
use crate::view::ranking::rank_table;

/// `rank [--group G] [--final] [--format csv]`.
pub(super) fn run(
    cx: &Cx,
    group: Option<&str>,
    final_: bool,
    format: Format,
) -> Result<(), AppError> {
    let ws = cx.open(Opening::Read)?;
    match format {
        Format::Table => print(rank_text(&ws, group, mode(final_), cx.lang)?),
        Format::Csv => print_bytes(&ws.rank_csv(group, mode(final_), cx.lang)?),
    }
    Ok(())
}

/// The rankings as text tables; the last line is the ledger's head the rankings were read at.
pub fn rank_text(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    lang: Lang,
) -> Result<String, AppError> {
    let (tables, head) = ws.at_head(|ws| ws.group_rankings(group, mode))?;
    let notes = ws.previous_notes(lang)?;
    let mut out = String::new();
    for (code, name, r) in tables? {
        out.push_str(&rank_table(&code, &name, &r, &notes, lang));
        out.push('\n');
    }
    out.push_str(&msg::ledger_line(head.entries, &head.printed(), lang));
    Ok(out)
}
