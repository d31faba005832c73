//! The appraisal screens.

use crate::cli;
use crate::domain::Mode;
use crate::i18n::Lang;
use crate::service::{AppError, Workspace};

/// Opens the screens on a workspace.
pub fn run(ws: Workspace, lang: Lang, _appraiser: Option<String>) -> Result<(), AppError> {
    println!(
        "{}: {}",
        lang.pick("Cơ sở dữ liệu", "Database"),
        ws.store.path().display()
    );
    println!("{}", cli::rank_text(&ws, None, Mode::Provisional, lang)?);
    Ok(())
}
