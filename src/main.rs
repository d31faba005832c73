//! The command line: parse, then hand over to the commands or the screens.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use thamdinh::cli::{self, CriteriaCsvArgs};
use thamdinh::domain::Mode;
use thamdinh::i18n::Lang;
use thamdinh::service::{AppError, ImportKind, Workspace};
use thamdinh::store::Store;
use thamdinh::{builtin, config};

#[derive(Parser)]
#[command(
    name = "thamdinh",
    version,
    about = "Thẩm định Chỉ số cải cách hành chính (PAR Index) — appraisal of the PAR Index of a province's units"
)]
struct Args {
    /// The database file (default: THAMDINH_DB, else the platform data directory).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// The year being appraised (default: the newest year in the database).
    #[arg(long, global = true)]
    year: Option<i32>,
    /// Who decides (recorded with every decision; remembered for next time).
    #[arg(long, global = true, allow_hyphen_values = true)]
    appraiser: Option<String>,
    /// Language of the interface: vi (default) or en.
    #[arg(long, global = true, default_value = "vi")]
    lang: String,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Build (or reopen) the demo database and open the screens on it.
    Demo,
    /// Create the database and load the criteria sets of the year.
    Init,
    /// Import a CSV file (all or nothing) or a criteria set.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Record one decision: a score, `agree`, `na` (not applicable) or `flag` (explanation
    /// requested).
    Decide {
        #[arg(required_unless_present = "batch")]
        unit: Option<String>,
        #[arg(required_unless_present = "batch")]
        item: Option<String>,
        #[arg(allow_hyphen_values = true, required_unless_present = "batch")]
        verdict: Option<String>,
        /// A comment may start with '-' ("- thiếu báo cáo quý IV").
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        comment: String,
        /// Many decisions, one per line of FILE (`-`: standard input):
        /// `UNIT ITEM SCORE|agree|na|flag [COMMENT]`; one acknowledgement line per decision
        /// recorded.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["unit", "item", "verdict"])]
        batch: Option<PathBuf>,
    },
    /// Print the ranking (provisional unless --final).
    Rank {
        #[arg(long)]
        group: Option<String>,
        #[arg(long = "final")]
        final_: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Export decisions or the ranking as CSV.
    Export {
        #[arg(value_enum)]
        what: ExportWhat,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        group: Option<String>,
        #[arg(long = "final")]
        final_: bool,
    },
    /// Close a unit: its decisions then change only after a reopening.
    Close {
        unit: String,
        /// A comment may start with '-' ("- thiếu báo cáo quý IV").
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        comment: String,
    },
    /// Give the appraiser fields of a group to appraise (the council splits its work by field).
    Assign {
        #[arg(long)]
        group: String,
        /// Field codes, e.g. "2" or "2 3"; none takes the assignment back.
        #[arg(long, num_args = 0.., value_delimiter = ' ')]
        fields: Vec<String>,
    },
    /// Reopen a closed unit (recorded in the audit log).
    Reopen {
        unit: String,
        /// A comment may start with '-' ("- thiếu báo cáo quý IV").
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        comment: String,
    },
}

#[derive(Subcommand)]
enum ImportWhat {
    Units {
        file: PathBuf,
    },
    SelfScores {
        file: PathBuf,
    },
    Survey {
        file: PathBuf,
    },
    Explanations {
        file: PathBuf,
    },
    History {
        file: PathBuf,
    },
    /// A set as TOML, or a tree as CSV with --group, --name and --survey-max.
    Criteria {
        file: PathBuf,
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        name: Option<String>,
        /// The group's name as councils say it, shown where the full name does not fit.
        #[arg(long)]
        short_name: Option<String>,
        #[arg(long)]
        survey_max: Option<String>,
        #[arg(long)]
        bands: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportWhat {
    Decisions,
    Ranking,
}

fn mode(final_: bool) -> Mode {
    if final_ {
        Mode::Final
    } else {
        Mode::Provisional
    }
}

fn open(args: &Args, db: PathBuf) -> Result<Workspace, AppError> {
    let store = Store::open(&db)?;
    let year = cli::resolve_year(&store, args.year)?;
    Workspace::new(store, year)
}

fn appraiser(args: &Args, lang: Lang) -> Result<String, AppError> {
    if let Some(a) = args
        .appraiser
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        config::remember_appraiser(a);
        return Ok(a.to_string());
    }
    config::appraiser().ok_or_else(|| {
        AppError::Usage(
            lang.pick(
                "Hãy cho biết tên người thẩm định: thêm --appraiser \"Họ tên\" (được ghi nhớ cho lần sau).",
                "Say who decides: add --appraiser \"Name\" (remembered for next time).",
            )
            .to_string(),
        )
    })
}

fn run(args: Args, lang: Lang) -> Result<(), AppError> {
    let db = cli::resolve_db(args.db.as_deref());
    let print = |s: String| println!("{s}");
    match &args.command {
        None => {
            let ws = open(&args, db)?;
            thamdinh::tui::run(ws, lang, args.appraiser.clone())
        }
        Some(Command::Demo) => {
            let db = args
                .db
                .clone()
                .unwrap_or_else(|| cli::default_db("demo.sqlite"));
            let store = Store::open(&db)?;
            let mut ws = Workspace::new(store, args.year.unwrap_or(builtin::DEMO_YEAR))?;
            cli::build_demo(&mut ws, lang)?;
            thamdinh::tui::run(ws, lang, args.appraiser.clone())
        }
        Some(Command::Init) => {
            let mut ws = open(&args, db)?;
            print(cli::init(&mut ws, lang)?);
            Ok(())
        }
        Some(Command::Import { what }) => {
            let mut ws = open(&args, db)?;
            let (kind, file) = match what {
                ImportWhat::Units { file } => (ImportKind::Units, file),
                ImportWhat::SelfScores { file } => (ImportKind::SelfScores, file),
                ImportWhat::Survey { file } => (ImportKind::Survey, file),
                ImportWhat::Explanations { file } => (ImportKind::Explanations, file),
                ImportWhat::History { file } => (ImportKind::History, file),
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
            print(cli::import(&mut ws, kind, file, lang)?);
            Ok(())
        }
        Some(Command::Decide {
            batch: Some(file), ..
        }) => {
            let who = appraiser(&args, lang)?;
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
            let who = appraiser(&args, lang)?;
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
            let ws = open(&args, db)?;
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
        }) => {
            let ws = open(&args, db)?;
            let msg = match what {
                ExportWhat::Decisions => cli::export_decisions(&ws, group.as_deref(), out, lang)?,
                ExportWhat::Ranking => {
                    cli::export_ranking(&ws, group.as_deref(), mode(*final_), out, lang)?
                }
            };
            print(msg);
            Ok(())
        }
        Some(Command::Assign { group, fields }) => {
            let who = appraiser(&args, lang)?;
            let mut ws = open(&args, db)?;
            let fields: Vec<String> = fields.iter().filter(|f| !f.is_empty()).cloned().collect();
            print(cli::assign(&mut ws, &who, group, &fields, lang)?);
            Ok(())
        }
        Some(Command::Close { unit, comment }) | Some(Command::Reopen { unit, comment }) => {
            let closed = matches!(args.command, Some(Command::Close { .. }));
            let who = appraiser(&args, lang)?;
            let mut ws = open(&args, db)?;
            print(cli::set_closed(&mut ws, unit, closed, comment, &who, lang)?);
            Ok(())
        }
    }
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
        let f = std::fs::File::open(file).map_err(|e| {
            AppError::Usage(match lang {
                Lang::Vi => format!("Không mở được tệp {}: {e}.", file.display()),
                Lang::En => format!("Could not open {}: {e}.", file.display()),
            })
        })?;
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
    Err(AppError::Usage(match lang {
        Lang::Vi => format!(
            "{refused} trong {} quyết định bị từ chối (các quyết định khác đã được ghi).",
            recorded + refused
        ),
        Lang::En => format!(
            "{refused} of {} decisions were refused (the others are recorded).",
            recorded + refused
        ),
    }))
}

fn main() -> ExitCode {
    let _ = color_eyre::install();
    let args = Args::parse();
    let Some(lang) = Lang::parse(&args.lang) else {
        eprintln!("--lang: vi | en");
        return ExitCode::from(2);
    };
    match run(args, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.render(lang));
            ExitCode::FAILURE
        }
    }
}
