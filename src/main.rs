//! The program: parse the arguments, then hand over to the screens (no command, or `demo`)
//! or to the command line (`thamdinh::cli`), and print a refusal in the user's language.

use std::path::Path;
use std::process::ExitCode;
use thamdinh::builtin;
use thamdinh::cli::{self, args::Args, args::Command};
use thamdinh::config::Config;
use thamdinh::i18n::Lang;
use thamdinh::service::{self, AppError, Opening, Workspace};
use thamdinh::tui;

fn main() -> ExitCode {
    let _ = color_eyre::install();
    let (args, lang) = match cli::args::parse() {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    let result = match &args.command {
        None => screens(&args, lang),
        Some(Command::Demo) => demo(&args, lang),
        Some(command) => cli::run(&args, command, lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A refusal quotes names and cells from files: no control character goes out.
            eprintln!("{}", thamdinh::view::terminal_safe(&e.render(lang)));
            ExitCode::FAILURE
        }
    }
}

/// The screens on the database of `--db`. At a terminal, a file that is not there yet is the
/// first start: the screen asks what to make (and makes nothing on `q`).
fn screens(args: &Args, lang: Lang) -> Result<(), AppError> {
    let db = service::resolve_db(args.db.as_deref());
    let ws = match Workspace::open(&db, Opening::Existing, args.year) {
        Err(AppError::NoDatabase { .. }) if tui::first::interactive() => {
            first_start(args, &db, lang)?
        }
        opened => opened?,
    };
    tui::run(ws, Config::from_env(), lang, args.appraiser.clone())
}

/// `demo`: the screens on the demo year, in its own file (built when it is not there);
/// `demo --year 2025`: the year after the reorganisation of 2025, in a second file.
fn demo(args: &Args, lang: Lang) -> Result<(), AppError> {
    let year = args.year.unwrap_or(builtin::DEMO_YEAR);
    let after = year == builtin::DEMO_2025;
    let file = if after {
        "demo-2025.sqlite"
    } else {
        "demo.sqlite"
    };
    let db = args.db.clone().unwrap_or_else(|| service::default_db(file));
    let mut ws = Workspace::open(&db, Opening::Create, Some(year))?;
    if after {
        service::build_demo_2025(&mut ws)?;
    } else {
        service::build_demo(&mut ws)?;
    }
    tui::run(ws, Config::from_env(), lang, args.appraiser.clone())
}

/// The first start on a database file that is not there: make it for a year, or open the
/// demo year in its own file, as the secretary chooses on the screen.
fn first_start(args: &Args, db: &Path, lang: Lang) -> Result<Workspace, AppError> {
    use tui::first::{self, FirstChoice, FirstStart};
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
            let mut ws = Workspace::open(db, Opening::Create, Some(year))?;
            if builtin::sets_of(year).next().is_some() {
                thamdinh::view::said::init(&mut ws, lang)?;
            }
            Ok(ws)
        }
        FirstChoice::Demo => {
            let mut ws = Workspace::open(&demo, Opening::Create, Some(builtin::DEMO_YEAR))?;
            service::build_demo(&mut ws)?;
            Ok(ws)
        }
        FirstChoice::Quit => Err(AppError::NoDatabase {
            db: db.to_path_buf(),
            year: args.year,
        }),
    }
}
