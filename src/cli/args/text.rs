//! The rewriting of clap's `Command` into the chosen language (about, argument help, value
//! names, headings, usage lines, the help and version flags); the texts themselves are in
//! `crate::i18n::help`.

use super::Args;
use crate::i18n::Lang;
use clap::builder::styling::Styles;
use clap::{Arg, ArgAction, Command, CommandFactory};
use std::collections::HashMap;

use crate::i18n::help::{text, value_name, words};

/// The usage line of every command, by path, without its heading.
pub type Usages = HashMap<String, String>;

/// The command line in the chosen language, and its usage lines.
pub fn localized(lang: Lang) -> (Command, Usages) {
    let cmd = localize(Args::command(), "", lang);
    let mut usages = Usages::new();
    let mut built = cmd.clone();
    built.build();
    collect_usages(&built, "", lang, &mut usages);
    let cmd = with_usages(cmd, "", &usages);
    (cmd, usages)
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

fn localize(cmd: Command, path: &str, lang: Lang) -> Command {
    let w = words(lang);
    let heading = Styles::default().get_usage().to_owned();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{heading}{}{heading:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        w.usage
    );
    let root = path.is_empty();
    let mut order = 0;
    let mut cmd = cmd
        .about(text(path, "", lang).unwrap_or_default())
        .long_about(None)
        .help_template(template)
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.command)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .mut_args(|a| {
            order += 1;
            localize_arg(a, path, lang, order)
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(HELP_ORDER)
                .help(w.help)
                .help_heading(w.options),
        );
    if root {
        // Here the global options are the command's own: they come before the help.
        cmd = cmd.mut_arg("help", |a| a.display_order(HELP_ORDER + 50));
        cmd = cmd.after_help(w.after).disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(HELP_ORDER + 51)
                .help(w.version)
                .help_heading(w.options),
        );
    }
    let path = path.to_string();
    cmd.mut_subcommands(move |sub| {
        let p = join(&path, sub.get_name());
        localize(sub, &p, lang)
    })
}

/// In a command's help its own options come first, then `--help`, then the global ones.
const HELP_ORDER: usize = 1000;

fn localize_arg(a: Arg, path: &str, lang: Lang, order: usize) -> Arg {
    let w = words(lang);
    let id = a.get_id().as_str().to_string();
    // Global arguments are described once, on `thamdinh` itself.
    let (own, order) = if a.is_global_set() {
        ("", HELP_ORDER + 10 + order)
    } else {
        (path, order)
    };
    let heading = if a.is_positional() {
        w.arguments
    } else {
        w.options
    };
    let mut a = a
        .help(text(own, &id, lang).unwrap_or_default())
        .long_help(None)
        .help_heading(heading)
        .display_order(order);
    if a.get_action().takes_values() {
        // Defaults and possible values are said in the texts, in the right language.
        a = a.hide_default_value(true).hide_possible_values(true);
        if let Some(name) = value_name(&id, lang) {
            a = a.value_name(name);
        }
    }
    a
}

fn collect_usages(cmd: &Command, path: &str, lang: Lang, out: &mut Usages) {
    let mut c = cmd.clone();
    let rendered = c.render_usage().to_string();
    let line = rendered
        .split_once(' ')
        .map_or(rendered.as_str(), |(_, rest)| rest)
        .trim()
        .replace("[OPTIONS]", words(lang).options_tag);
    out.insert(path.to_string(), line);
    for sub in cmd.get_subcommands() {
        collect_usages(sub, &join(path, sub.get_name()), lang, out);
    }
}

fn with_usages(cmd: Command, path: &str, usages: &Usages) -> Command {
    let cmd = match usages.get(path) {
        Some(u) => cmd.override_usage(u.clone()),
        None => cmd,
    };
    let path = path.to_string();
    let usages = usages.clone();
    cmd.mut_subcommands(move |sub| {
        let p = join(&path, sub.get_name());
        with_usages(sub, &p, &usages)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::help::{TEXTS, VALUE_NAMES};

    /// Every command and argument of `Args`, as (path, id), `id` empty for a command.
    fn everything() -> Vec<(String, String)> {
        fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
            out.push((path.to_string(), String::new()));
            for a in cmd.get_arguments() {
                out.push((path.to_string(), a.get_id().to_string()));
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &join(path, sub.get_name()), out);
            }
        }
        let mut out = Vec::new();
        walk(&Args::command(), "", &mut out);
        out
    }

    #[test]
    fn every_command_and_argument_has_a_text_in_both_languages_and_no_text_is_left_over() {
        let all = everything();
        for (path, id) in &all {
            let vi = text(path, id, Lang::Vi);
            let en = text(path, id, Lang::En);
            assert!(
                vi.is_some_and(|t| !t.is_empty()) && en.is_some_and(|t| !t.is_empty()),
                "no text for {path:?} {id:?}"
            );
        }
        for (path, id, _, _) in TEXTS {
            assert!(
                all.iter().any(|(p, i)| p == path && i == id),
                "a text for nothing: {path:?} {id:?}"
            );
        }
        for (id, _, _) in VALUE_NAMES {
            assert!(
                all.iter().any(|(_, i)| i == id),
                "a value name for nothing: {id:?}"
            );
        }
    }

    #[test]
    fn every_usage_line_is_in_the_language() {
        let (_, vi) = localized(Lang::Vi);
        assert_eq!(vi[""], "thamdinh [TÙY_CHỌN] [LỆNH]");
        assert_eq!(vi["rank"], "thamdinh rank [TÙY_CHỌN]");
        assert_eq!(
            vi["export"],
            "thamdinh export [TÙY_CHỌN] --out <TỆP> <decisions|ranking|workbook|notices|criteria|self-assessment|explanation-requests>"
        );
        assert!(vi.values().all(|u| !u.contains("OPTIONS")), "{vi:?}");
        let (_, en) = localized(Lang::En);
        assert_eq!(en["import units"], "thamdinh import units [OPTIONS] <FILE>");
    }
}
