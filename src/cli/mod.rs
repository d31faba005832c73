//! The command line: its arguments (`args`), and each command family in its own file, which
//! opens the workspace, calls the service and prints what it did or returns the refusal for
//! `main.rs` to print. The screens (no command, or `demo`) are started by `main.rs`, not here:
//! the command line and the screens never import each other.
//!
//! - `import`: `import KIND FILE`
//! - `decide`: `decide`, one decision or a batch
//! - `rank`: `rank`; `analyze`: `analyze fields` and `plan`
//! - `export`: `export decisions|ranking|workbook|notices`
//! - `years`: `init`, `new-year`, `publish`, `unpublish`
//! - `history`: `history` and `verify`
//! - `members`: `assign`, `close`, `reopen`
//! - `council`: `council show`, `council set`

pub mod analyze;
pub mod args;
mod council;
mod decide;
mod export;
mod history;
mod import;
mod members;
pub mod progress;
mod rank;
mod years;

pub use analyze::{FieldsArgs, Output, parse_years};
pub use decide::{decide, decide_batch};
pub use history::{HistoryOf, history_csv, history_text, verify};
pub use import::{import, import_criteria};
pub use members::set_closed;
pub use rank::rank_text;
pub use years::{publish, unpublish};

use crate::config::Config;
use crate::domain::Mode;
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use crate::progress::Progress;
use crate::service::{self, AppError, IoDoing, Opening, Workspace};
use args::{AnalyzeWhat, Args, Command, Format};
use progress::StderrProgress;
use std::path::PathBuf;
use std::sync::Arc;

/// Runs a command (not the screens: `main.rs` starts those for no command and for `demo`).
/// Long commands draw their progress on stderr when it is a terminal; it is cleared before
/// anything is printed, and on every way out (an error is printed after this returns).
pub fn run(args: &Args, command: &Command, lang: Lang) -> Result<(), AppError> {
    let long = matches!(
        command,
        Command::Import { .. } | Command::Export { .. } | Command::Verify { .. }
    );
    let progress = if long {
        StderrProgress::for_stderr(lang)
    } else {
        Arc::new(StderrProgress::off(lang))
    };
    let cx = Cx {
        args,
        db: service::resolve_db(args.db.as_deref()),
        config: Config::from_env(),
        lang,
        progress: &progress,
    };
    let result = dispatch(&cx, command);
    progress.finish();
    match output_failure() {
        Some(e) if result.is_ok() => Err(e),
        _ => result,
    }
}

/// Each command to its family.
fn dispatch(cx: &Cx, command: &Command) -> Result<(), AppError> {
    match command {
        Command::Demo => unreachable!("main.rs opens the screens for demo"),
        Command::Init => years::run_init(cx),
        Command::Import { what } => import::run(cx, what),
        Command::Decide {
            batch: Some(file), ..
        } => decide::run_batch(cx, file),
        Command::Decide {
            unit,
            item,
            verdict,
            comment,
            batch: None,
        } => decide::run_one(
            cx,
            unit.as_deref().unwrap_or_default(),
            item.as_deref().unwrap_or_default(),
            verdict.as_deref().unwrap_or_default(),
            comment,
        ),
        Command::Rank {
            group,
            final_,
            format,
        } => rank::run(cx, group.as_deref(), *final_, *format),
        Command::Export {
            what,
            out,
            group,
            final_,
            unit,
            council,
        } => export::run(
            cx,
            export::Export {
                what: *what,
                out,
                group: group.as_deref(),
                final_: *final_,
                unit: unit.as_deref(),
                council: council.as_deref(),
            },
        ),
        Command::Assign { group, fields } => members::run_assign(cx, group, fields),
        Command::Analyze {
            what:
                AnalyzeWhat::Fields {
                    group,
                    unit,
                    years,
                    format,
                },
        } => analyze::run_fields(
            cx,
            FieldsArgs {
                group: group.as_deref(),
                unit: unit.as_deref(),
                years: years.as_deref(),
                csv: matches!(format, Format::Csv),
            },
        ),
        Command::Plan { unit, format } => {
            analyze::run_plan(cx, unit, matches!(format, Format::Csv))
        }
        Command::Verify { head } => history::run_verify(cx, head.as_deref()),
        Command::Close { unit, comment } => members::run_close(cx, unit, true, comment),
        Command::Reopen { unit, comment } => members::run_close(cx, unit, false, comment),
        Command::NewYear {
            new_year,
            from,
            changes,
            sheet,
            sets,
        } => {
            let changes = changes.as_ref().map(|file| crate::service::YearChanges {
                file: file.clone(),
                sheet: sheet.clone(),
                sets: sets.clone(),
            });
            years::run_new_year(cx, *new_year, *from, changes.as_ref())
        }
        Command::Previous {
            unit,
            value,
            reason,
        } => years::run_previous(cx, unit, value.as_deref(), reason),
        Command::Publish { comment } => years::run_publish(cx, true, comment),
        Command::Council { what } => council::run(cx, what),
        Command::Unpublish { comment } => years::run_publish(cx, false, comment),
        Command::History {
            group,
            unit,
            province,
            format,
        } => history::run(cx, group, unit, *province, *format),
    }
}

/// What every command runs with: its arguments, the database file, the settings, the
/// language, and where long work reports its progress.
struct Cx<'a> {
    args: &'a Args,
    db: PathBuf,
    config: Config,
    lang: Lang,
    progress: &'a Arc<StderrProgress>,
}

impl Cx<'_> {
    /// The workspace of `--db` and `--year` (see [`Workspace::open`]).
    fn open(&self, how: Opening) -> Result<Workspace, AppError> {
        Workspace::open(&self.db, how, self.args.year)
    }

    /// The workspace of a long command, reporting to the progress on stderr.
    fn reporting(&self, how: Opening) -> Result<Workspace, AppError> {
        let mut ws = self.open(how)?;
        ws.set_progress(Arc::clone(self.progress) as Arc<dyn Progress>);
        Ok(ws)
    }

    /// Clears the progress on stderr, before what the command did is printed.
    fn progress_done(&self) {
        self.progress.finish();
    }

    /// Who is deciding: `--appraiser` (remembered for next time), else the one remembered.
    fn appraiser(&self) -> Result<String, AppError> {
        if let Some(a) = self
            .args
            .appraiser
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            self.config.remember_appraiser(a);
            return Ok(a.to_string());
        }
        self.config
            .appraiser()
            .ok_or_else(|| AppError::Refused(msg::appraiser_needed(self.lang).to_string()))
    }
}

fn mode(final_: bool) -> Mode {
    if final_ {
        Mode::Final
    } else {
        Mode::Provisional
    }
}

/// The first failure to write to standard output (other than a closed pipe), reported when
/// the command ends: `> /dev/full` or a full disk is an error, never a silent success.
static OUTPUT_FAILED: std::sync::Mutex<Option<std::io::Error>> = std::sync::Mutex::new(None);

fn output_result(r: std::io::Result<()>) {
    if let Err(e) = r
        && e.kind() != std::io::ErrorKind::BrokenPipe
        && let Ok(mut failed) = OUTPUT_FAILED.lock()
    {
        failed.get_or_insert(e);
    }
}

/// The failure to write standard output, if any (taken: reported once).
fn output_failure() -> Option<AppError> {
    use std::io::Write;
    output_result(std::io::stdout().flush());
    let e = OUTPUT_FAILED.lock().ok()?.take()?;
    Some(AppError::io(IoDoing::WriteOutput, "-", e))
}

/// A command's text on standard output, without control characters from the files (see
/// [`crate::view::terminal_safe`]). A reader that stops early (`thamdinh rank | head`)
/// closes the pipe: the rest is not wanted, which is not an error; any other failure is.
fn print(text: String) {
    use std::io::Write;
    let text = crate::view::terminal_safe(&text);
    output_result(writeln!(std::io::stdout().lock(), "{text}"));
}

/// A command's CSV bytes on standard output, as they are (a closed pipe as in [`print()`]).
fn print_bytes(bytes: &[u8]) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    output_result(out.write_all(bytes).and_then(|()| out.flush()));
}

/// A table as CSV for standard output (BOM, inert cells).
fn write_csv_out(columns: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, AppError> {
    let mut out = Vec::new();
    crate::io::export::write_csv(&mut out, columns, rows)
        .map_err(|e| AppError::io(IoDoing::WriteOutput, "-", e))?;
    Ok(out)
}
