//! The command line: parse, then hand over to the commands or the screens.

mod args;

use args::{AnalyzeWhat, Args, Command, ExportWhat, Format, ImportWhat};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use thamdinh::builtin;
use thamdinh::cli::progress::StderrProgress;
use thamdinh::cli::{self, CriteriaCsvArgs};
use thamdinh::config::Config;
use thamdinh::domain::Mode;
use thamdinh::i18n::Lang;
use thamdinh::i18n::commands as msg;
use thamdinh::progress::Progress;
use thamdinh::service::{self, AppError, ImportKind, IoDoing, Workspace};
use thamdinh::store::Store;

fn mode(final_: bool) -> Mode {
    if final_ {
        Mode::Final
    } else {
        Mode::Provisional
    }
}

/// Opens the database for a command that writes, creating it if needed.
fn open(args: &Args, db: PathBuf) -> Result<Workspace, AppError> {
    let store = Store::open(&db)?;
    let year = service::resolve_year(&store, args.year)?;
    Workspace::new(store, year)
}

/// Opens the database for a command that only reads, and for the screens: a missing file is
/// refused with a sentence saying how to make one, and nothing is created.
fn open_existing(args: &Args, db: PathBuf) -> Result<Workspace, AppError> {
    let store = Store::open_existing(&db)?.ok_or_else(|| AppError::NoDatabase {
        db: db.clone(),
        year: args.year,
    })?;
    let year = service::resolve_year(&store, args.year)?;
    Workspace::new(store, year)
}

fn appraiser(args: &Args, config: &Config, lang: Lang) -> Result<String, AppError> {
    if let Some(a) = args
        .appraiser
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        config.remember_appraiser(a);
        return Ok(a.to_string());
    }
    config
        .appraiser()
        .ok_or_else(|| AppError::Refused(msg::appraiser_needed(lang).to_string()))
}

fn run(args: Args, lang: Lang) -> Result<(), AppError> {
    // Long commands draw their progress on stderr when it is a terminal; it is cleared before
    // anything is printed, and on every way out (an error is printed after this returns).
    let long = matches!(
        args.command,
        Some(Command::Import { .. } | Command::Export { .. } | Command::Verify { .. })
    );
    let progress = if long {
        StderrProgress::for_stderr(lang)
    } else {
        Arc::new(StderrProgress::off(lang))
    };
    let result = run_command(args, lang, &progress);
    progress.finish();
    result
}

/// The workspace of a long command, reporting to `progress`.
fn reporting(mut ws: Workspace, progress: &Arc<StderrProgress>) -> Workspace {
    ws.set_progress(Arc::clone(progress) as Arc<dyn Progress>);
    ws
}

fn run_command(args: Args, lang: Lang, progress: &Arc<StderrProgress>) -> Result<(), AppError> {
    let db = service::resolve_db(args.db.as_deref());
    let config = Config::from_env();
    match &args.command {
        None => {
            let ws = match Store::open_existing(&db)? {
                Some(store) => {
                    let year = service::resolve_year(&store, args.year)?;
                    Workspace::new(store, year)?
                }
                // At a terminal, a file that is not there yet is the first start: the screen
                // asks what to make (and makes nothing on `q`).
                None if thamdinh::tui::first::interactive() => first_start(&args, &db, lang)?,
                None => {
                    return Err(AppError::NoDatabase {
                        db: db.clone(),
                        year: args.year,
                    });
                }
            };
            thamdinh::tui::run(ws, config, lang, args.appraiser.clone())
        }
        Some(Command::Demo) => {
            let db = args
                .db
                .clone()
                .unwrap_or_else(|| service::default_db("demo.sqlite"));
            let store = Store::open(&db)?;
            let mut ws = Workspace::new(store, args.year.unwrap_or(builtin::DEMO_YEAR))?;
            service::build_demo(&mut ws)?;
            thamdinh::tui::run(ws, config, lang, args.appraiser.clone())
        }
        Some(Command::Init) => {
            // A year with no built-in sets is refused before the file is created.
            if let Some(year) = args.year {
                service::check_builtin_year(year, &db)?;
            }
            let mut ws = open(&args, db)?;
            print(cli::init(&mut ws, lang)?);
            Ok(())
        }
        Some(Command::Import { what }) => {
            let mut ws = reporting(open(&args, db)?, progress);
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
                    print(cli::import_criteria(&mut ws, file, a, lang)?);
                    return Ok(());
                }
            };
            let said = cli::import(&mut ws, kind, file, sheet.as_deref(), lang)?;
            progress.finish();
            print(said);
            Ok(())
        }
        Some(Command::Decide {
            batch: Some(file), ..
        }) => {
            let who = appraiser(&args, &config, lang)?;
            let mut ws = open(&args, db)?;
            decide_batch(&mut ws, file, &who, lang)
        }
        Some(Command::Decide {
            unit,
            item,
            verdict,
            comment,
            batch: None,
        }) => {
            let who = appraiser(&args, &config, lang)?;
            let mut ws = open(&args, db)?;
            let (unit, item, verdict) = (
                unit.as_deref().unwrap_or_default(),
                item.as_deref().unwrap_or_default(),
                verdict.as_deref().unwrap_or_default(),
            );
            print(cli::decide(
                &mut ws, unit, item, verdict, comment, &who, lang,
            )?);
            Ok(())
        }
        Some(Command::Rank {
            group,
            final_,
            format,
        }) => {
            let ws = open_existing(&args, db)?;
            match format {
                Format::Table => print(cli::rank_text(&ws, group.as_deref(), mode(*final_), lang)?),
                Format::Csv => {
                    use std::io::Write;
                    let bytes = cli::rank_csv(&ws, group.as_deref(), mode(*final_))?;
                    let _ = std::io::stdout().write_all(&bytes);
                }
            }
            Ok(())
        }
        Some(Command::Export {
            what,
            out,
            group,
            final_,
            unit,
            council,
        }) => {
            let ws = reporting(open_existing(&args, db)?, progress);
            if !matches!(what, ExportWhat::Notices) && (unit.is_some() || council.is_some()) {
                return Err(AppError::Refused(
                    thamdinh::i18n::notices::notices_only(lang).into(),
                ));
            }
            let msg = match what {
                ExportWhat::Notices => cli::export_notices(
                    &ws,
                    cli::NoticeArgs {
                        group: group.as_deref(),
                        unit: unit.as_deref(),
                        council: council.as_deref(),
                        mode: mode(*final_),
                    },
                    out,
                    lang,
                )?,
                ExportWhat::Decisions => {
                    cli::export_decisions(&ws, group.as_deref(), mode(*final_), out, lang)?
                }
                ExportWhat::Ranking => {
                    cli::export_ranking(&ws, group.as_deref(), mode(*final_), out, lang)?
                }
                ExportWhat::Workbook => {
                    cli::export_workbook(&ws, group.as_deref(), mode(*final_), out, lang)?
                }
            };
            progress.finish();
            print(msg);
            Ok(())
        }
        Some(Command::Assign { group, fields }) => {
            let who = appraiser(&args, &config, lang)?;
            let mut ws = open(&args, db)?;
            let fields: Vec<String> = fields.iter().filter(|f| !f.is_empty()).cloned().collect();
            print(cli::assign(&mut ws, &who, group, &fields, lang)?);
            Ok(())
        }
        Some(Command::Analyze {
            what:
                AnalyzeWhat::Fields {
                    group,
                    unit,
                    years,
                    format,
                },
        }) => {
            let ws = open_existing(&args, db)?;
            let a = thamdinh::analyze::FieldsArgs {
                group: group.as_deref(),
                unit: unit.as_deref(),
                years: years.as_deref(),
                csv: matches!(format, Format::Csv),
            };
            print_output(thamdinh::analyze::fields(&ws, a, lang)?);
            Ok(())
        }
        Some(Command::Plan { unit, format }) => {
            let ws = open_existing(&args, db)?;
            let csv = matches!(format, Format::Csv);
            print_output(thamdinh::analyze::plan(&ws, unit, csv, lang)?);
            Ok(())
        }
        Some(Command::Verify { head }) => {
            let ws = reporting(open_existing(&args, db)?, progress);
            let (text, mark) = cli::verify(&ws, args.year, head.as_deref(), lang)?;
            progress.finish();
            if let Some(mark) = mark {
                config.remember_ledger_mark(ws.db_path(), &mark);
            }
            print(text);
            Ok(())
        }
        Some(Command::Close { unit, comment }) | Some(Command::Reopen { unit, comment }) => {
            let closed = matches!(args.command, Some(Command::Close { .. }));
            let who = appraiser(&args, &config, lang)?;
            let mut ws = open(&args, db)?;
            print(cli::set_closed(&mut ws, unit, closed, comment, &who, lang)?);
            Ok(())
        }
        Some(Command::NewYear { new_year, from }) => {
            let who = appraiser(&args, &config, lang)?;
            let store = Store::open_existing(&db)?.ok_or_else(|| AppError::NoDatabase {
                db: db.clone(),
                year: Some(*new_year - 1),
            })?;
            let from_year = from.unwrap_or(*new_year - 1);
            let mut ws = Workspace::new(store, from_year)?;
            print(cli::new_year(&mut ws, *new_year, *from, &who, lang)?);
            Ok(())
        }
        Some(Command::Publish { comment }) => {
            let who = appraiser(&args, &config, lang)?;
            let mut ws = open_existing(&args, db)?;
            print(cli::publish(&mut ws, &who, comment, lang)?);
            Ok(())
        }
        Some(Command::Unpublish { comment }) => {
            let who = appraiser(&args, &config, lang)?;
            let mut ws = open_existing(&args, db)?;
            print(cli::unpublish(&mut ws, &who, comment, lang)?);
            Ok(())
        }
        Some(Command::History {
            group,
            unit,
            province,
            format,
        }) => {
            let ws = open_existing(&args, db)?;
            let of = match (group, unit, province) {
                (Some(g), _, _) => cli::HistoryOf::Group(g.clone()),
                (_, Some(u), _) => cli::HistoryOf::Unit(u.clone()),
                (_, _, true) => cli::HistoryOf::Province,
                _ => cli::HistoryOf::All,
            };
            match format {
                Format::Table => print(cli::history_text(&ws, &of, lang)?),
                Format::Csv => {
                    use std::io::Write;
                    let bytes = cli::history_csv(&ws, &of)?;
                    let _ = std::io::stdout().write_all(&bytes);
                }
            }
            Ok(())
        }
    }
}

/// Prints a command's text, or writes its CSV bytes as they are. A reader that stops early
/// (`| head`) ends the output, not the program with a panic.
/// The first start on a database file that is not there: make it for a year, or open the
/// demo year in its own file, as the secretary chooses on the screen.
fn first_start(args: &Args, db: &std::path::Path, lang: Lang) -> Result<Workspace, AppError> {
    use thamdinh::tui::first::{self, FirstChoice, FirstStart};
    let demo = service::default_db("demo.sqlite");
    let choice = first::ask(FirstStart {
        path: std::path::absolute(db)
            .unwrap_or_else(|_| db.to_path_buf())
            .display()
            .to_string(),
        demo: demo.display().to_string(),
        year: args.year.unwrap_or(builtin::DEMO_YEAR),
        lang,
    })?;
    match choice {
        FirstChoice::Create(year) => {
            let mut ws = Workspace::new(Store::open(db)?, year)?;
            if builtin::sets_of(year).next().is_some() {
                cli::init(&mut ws, lang)?;
            }
            Ok(ws)
        }
        FirstChoice::Demo => {
            let mut ws = Workspace::new(Store::open(&demo)?, builtin::DEMO_YEAR)?;
            service::build_demo(&mut ws)?;
            Ok(ws)
        }
        FirstChoice::Quit => Err(AppError::NoDatabase {
            db: db.to_path_buf(),
            year: args.year,
        }),
    }
}

/// A command's text on standard output. A reader that stops early (`thamdinh rank | head`)
/// closes the pipe: the rest is not wanted, which is not an error.
fn print(text: String) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

fn print_output(out: thamdinh::analyze::Output) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = match out {
        thamdinh::analyze::Output::Text(t) => writeln!(stdout, "{t}"),
        thamdinh::analyze::Output::Csv(bytes) => stdout.write_all(&bytes),
    };
}

/// `decide --batch FILE`: the decisions of a file or of standard input, one by one.
fn decide_batch(
    ws: &mut Workspace,
    file: &std::path::Path,
    who: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (recorded, refused) = if file.as_os_str() == "-" {
        let stdin = std::io::stdin();
        cli::decide_batch(
            ws,
            "-",
            &mut stdin.lock(),
            &mut stdout.lock(),
            &mut stderr.lock(),
            who,
            lang,
        )?
    } else {
        let f = std::fs::File::open(file)
            .map_err(|e| AppError::io(IoDoing::Open, file.display(), e))?;
        cli::decide_batch(
            ws,
            &file.display().to_string(),
            &mut std::io::BufReader::new(f),
            &mut stdout.lock(),
            &mut stderr.lock(),
            who,
            lang,
        )?
    };
    if refused == 0 {
        return Ok(());
    }
    Err(AppError::Refused(msg::batch_refused(
        refused,
        recorded + refused,
        lang,
    )))
}

fn main() -> ExitCode {
    let _ = color_eyre::install();
    let (args, lang) = match args::parse() {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    match run(args, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.render(lang));
            ExitCode::FAILURE
        }
    }
}
