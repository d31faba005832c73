//! The command line's definition and its parsing, in the user's language: help, usage and
//! clap's own errors are Vietnamese by default and English with `--lang en`.
//!
//! The help texts are not doc comments here but one table of both languages in `text.rs`;
//! clap's errors become sentences in `errors.rs`.

mod errors;
mod text;

use crate::i18n::Lang;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "thamdinh", version)]
pub struct Args {
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[arg(long, global = true)]
    pub year: Option<i32>,
    #[arg(long, global = true, allow_hyphen_values = true)]
    pub appraiser: Option<String>,
    #[arg(long, global = true, default_value = "vi")]
    pub lang: String,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    Demo,
    Init,
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    Decide {
        #[arg(required_unless_present = "batch")]
        unit: Option<String>,
        #[arg(required_unless_present = "batch")]
        item: Option<String>,
        #[arg(allow_hyphen_values = true, required_unless_present = "batch")]
        verdict: Option<String>,
        // A comment may start with '-' ("- thiếu báo cáo quý IV").
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        comment: String,
        #[arg(long, conflicts_with_all = ["unit", "item", "verdict"])]
        batch: Option<PathBuf>,
    },
    Rank {
        #[arg(long)]
        group: Option<String>,
        #[arg(long = "final")]
        final_: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Export {
        #[arg(value_enum)]
        what: ExportWhat,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        group: Option<String>,
        #[arg(long = "final")]
        final_: bool,
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        council: Option<String>,
    },
    Close {
        unit: String,
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        comment: String,
    },
    Assign {
        #[arg(long)]
        group: String,
        // "2" or "2 3"; none takes the assignment back.
        #[arg(long, num_args = 0.., value_delimiter = ' ')]
        fields: Vec<String>,
    },
    Reopen {
        unit: String,
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        comment: String,
    },
    NewYear {
        // Not `year`: the global `--year` has that id.
        new_year: i32,
        #[arg(long)]
        from: Option<i32>,
        #[arg(long)]
        changes: Option<PathBuf>,
        #[arg(long, requires = "changes")]
        sheet: Option<String>,
        #[arg(long = "set", requires = "changes")]
        sets: Vec<PathBuf>,
    },
    // The figure a unit's index is compared with (last year's, across its changes).
    Previous {
        unit: String,
        #[arg(allow_hyphen_values = true)]
        value: Option<String>,
        #[arg(long, allow_hyphen_values = true, default_value = "")]
        reason: String,
    },
    Publish {
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        comment: String,
    },
    Unpublish {
        #[arg(long, allow_hyphen_values = true)]
        comment: String,
    },
    History {
        #[arg(long, conflicts_with_all = ["unit", "province"])]
        group: Option<String>,
        #[arg(long, conflicts_with = "province")]
        unit: Option<String>,
        #[arg(long)]
        province: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Verify {
        #[arg(long)]
        head: Option<String>,
    },
    Analyze {
        #[command(subcommand)]
        what: AnalyzeWhat,
    },
    Plan {
        unit: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Subcommand)]
pub enum AnalyzeWhat {
    Fields {
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        years: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Subcommand)]
pub enum ImportWhat {
    Units {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
    },
    SelfScores {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
    },
    Survey {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
    },
    Explanations {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
    },
    History {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
    },
    FieldHistory {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
    },
    Criteria {
        file: PathBuf,
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        short_name: Option<String>,
        #[arg(long)]
        survey_max: Option<String>,
        #[arg(long)]
        bands: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Table,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportWhat {
    Decisions,
    Ranking,
    Workbook,
    Notices,
    /// A group's criteria set as the workbook of its tree (a template to fill).
    Criteria,
    /// Each unit's self-assessment workbook, DIR/UNITCODE.xlsx.
    SelfAssessment,
    /// Each unit's explanation requests to reply to, DIR/UNITCODE.xlsx.
    ExplanationRequests,
}

/// Parses the process's arguments in the language they ask for: the arguments and the
/// language to run with, or the code to exit with at once (the help, the version, or an error
/// already printed).
pub fn parse() -> Result<(Args, Lang), ExitCode> {
    parse_from(std::env::args_os().collect())
}

fn parse_from(raw: Vec<OsString>) -> Result<(Args, Lang), ExitCode> {
    let scan = Scan::of(&Args::command(), &raw);
    let lang = match scan.lang.as_deref().map(Lang::parse) {
        None => Lang::Vi,
        Some(Some(lang)) => lang,
        Some(None) => return bad_lang(scan.lang.as_deref().unwrap_or_default()),
    };
    let (mut cmd, usages) = text::localized(lang);
    match cmd.try_get_matches_from_mut(scan.rewritten(raw)) {
        Ok(matches) => match Args::from_arg_matches(&matches) {
            Ok(args) => match Lang::parse(&args.lang) {
                Some(lang) => Ok((args, lang)),
                None => bad_lang(&args.lang),
            },
            Err(e) => usage_error(&e, &cmd, &scan.path, &usages, lang),
        },
        Err(e) => usage_error(&e, &cmd, &scan.path, &usages, lang),
    }
}

fn bad_lang<T>(given: &str) -> Result<T, ExitCode> {
    eprintln!("{}", crate::i18n::usage::bad_lang(given));
    Err(ExitCode::from(2))
}

fn usage_error(
    e: &clap::Error,
    cmd: &clap::Command,
    path: &[String],
    usages: &text::Usages,
    lang: Lang,
) -> Result<(Args, Lang), ExitCode> {
    use clap::error::ErrorKind;
    match e.kind() {
        // The help and the version, already in the right language, shown as clap shows them.
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
        }
        _ => eprintln!("{}", errors::sentence(e, cmd, path, usages, lang)),
    }
    Err(ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)))
}

/// What is read from the raw arguments before clap parses them: the language asked for, the
/// subcommands named, and a `help` word standing for a subcommand (`thamdinh help rank`).
#[derive(Debug, Default, PartialEq)]
struct Scan {
    lang: Option<String>,
    path: Vec<String>,
    help_word: Option<usize>,
}

impl Scan {
    /// Walks the arguments as clap will: an option that takes a value skips it (so that
    /// `--comment --lang` is a comment), a known subcommand name descends, `--` ends options.
    fn of(root: &clap::Command, raw: &[OsString]) -> Scan {
        let mut scan = Scan::default();
        let mut cmd = root;
        let mut i = 1;
        while i < raw.len() {
            let Some(word) = raw[i].to_str() else {
                i += 1;
                continue;
            };
            if word == "--" {
                break;
            }
            if let Some(long) = word.strip_prefix("--") {
                let (name, inline) = match long.split_once('=') {
                    Some((n, v)) => (n, Some(v)),
                    None => (long, None),
                };
                let arg = cmd
                    .get_arguments()
                    .chain(root.get_arguments().filter(|a| a.is_global_set()))
                    .find(|a| a.get_long() == Some(name));
                let takes = arg.is_some_and(|a| a.get_action().takes_values());
                let many = arg
                    .and_then(|a| a.get_num_args())
                    .is_some_and(|n| n.max_values() > 1);
                if name == "lang" {
                    scan.lang = inline
                        .map(str::to_string)
                        .or_else(|| raw.get(i + 1).map(|v| v.to_string_lossy().into_owned()));
                }
                if takes && inline.is_none() {
                    i += 1;
                    while many && raw.get(i + 1).is_some_and(|v| !is_flag(v)) {
                        i += 1;
                    }
                }
            } else if !word.starts_with('-') || word == "-" {
                if let Some(sub) = cmd.find_subcommand(word) {
                    scan.path.push(sub.get_name().to_string());
                    cmd = sub;
                } else if word == "help" && cmd.has_subcommands() && scan.help_word.is_none() {
                    scan.help_word = Some(i);
                }
            }
            i += 1;
        }
        scan
    }

    /// The arguments clap gets: `help` in place of a subcommand becomes `--help` at the end,
    /// as clap's own `help` subcommand would behave (which is English-only, so it is off).
    fn rewritten(&self, mut raw: Vec<OsString>) -> Vec<OsString> {
        if let Some(i) = self.help_word {
            raw.remove(i);
            raw.push("--help".into());
        }
        raw
    }
}

fn is_flag(v: &OsString) -> bool {
    v.to_str().is_some_and(|s| s.starts_with('-') && s != "-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(args: &[&str]) -> Scan {
        let raw: Vec<OsString> = std::iter::once("thamdinh")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        Scan::of(&Args::command(), &raw)
    }

    #[test]
    fn the_language_is_found_wherever_it_is_given() {
        assert_eq!(
            scan(&["--lang", "en", "--help"]).lang.as_deref(),
            Some("en")
        );
        assert_eq!(scan(&["--help", "--lang=en"]).lang.as_deref(), Some("en"));
        assert_eq!(
            scan(&["rank", "--help", "--lang", "en"]).lang.as_deref(),
            Some("en")
        );
        assert_eq!(scan(&["rank"]).lang, None);
        // A value that looks like the option is the value of the option before it.
        let s = scan(&["decide", "A", "1.1", "agree", "--comment", "--lang", "en"]);
        assert_eq!(s.lang, None);
        assert_eq!(scan(&["--appraiser", "--lang", "rank"]).path, ["rank"]);
        assert_eq!(scan(&["--db", "rank", "export"]).path, ["export"]);
        assert_eq!(scan(&["--", "--lang", "en"]).lang, None);
    }

    #[test]
    fn subcommands_and_a_help_word_are_found() {
        assert_eq!(
            scan(&["import", "units", "u.csv"]).path,
            ["import", "units"]
        );
        assert_eq!(
            scan(&["assign", "--fields", "2", "3", "--lang", "en"])
                .lang
                .as_deref(),
            Some("en")
        );
        let s = scan(&["help", "rank"]);
        assert_eq!(
            (s.path.as_slice(), s.help_word),
            (&["rank".to_string()][..], Some(1))
        );
        let raw: Vec<OsString> = ["thamdinh", "help", "rank"].map(OsString::from).into();
        assert_eq!(
            s.rewritten(raw),
            ["thamdinh", "rank", "--help"].map(OsString::from)
        );
        // `help` as a value is a value.
        assert_eq!(scan(&["decide", "help", "1.1", "agree"]).help_word, None);
    }
}
