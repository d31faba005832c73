//! clap's errors as sentences in the user's language, by their kind and context, followed by
//! the command's usage line and where its help is.

use super::text::Usages;
use crate::i18n::Lang;
use crate::i18n::help::words;
use crate::i18n::usage as say;
use clap::Command;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

fn strings(e: &Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn first(e: &Error, kind: ContextKind) -> Option<String> {
    strings(e, kind).into_iter().next()
}

/// How an argument is named in a sentence: `--out` for an option (its value name dropped),
/// `ĐƠN_VỊ` for a positional one.
fn arg_name(s: &str) -> String {
    if s.starts_with('-') {
        s.split([' ', '=']).next().unwrap_or(s).to_string()
    } else {
        s.trim_end_matches("...")
            .trim_matches(|c| matches!(c, '<' | '>' | '[' | ']'))
            .to_string()
    }
}

/// The subcommand at `path`, and its names.
fn subcommands(cmd: &Command, path: &[String]) -> Vec<String> {
    let mut c = cmd;
    for name in path {
        match c.find_subcommand(name) {
            Some(sub) => c = sub,
            None => break,
        }
    }
    c.get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect()
}

/// The sentence for a clap error, then the usage line and where the help is.
pub fn sentence(e: &Error, cmd: &Command, path: &[String], usages: &Usages, lang: Lang) -> String {
    let line = std::iter::once("thamdinh".to_string())
        .chain(path.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    let arg = first(e, ContextKind::InvalidArg).map(|a| arg_name(&a));
    let arg = arg.as_deref().unwrap_or("?");
    let value = first(e, ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = first(e, ContextKind::SuggestedArg)
        .or_else(|| first(e, ContextKind::SuggestedSubcommand))
        .or_else(|| first(e, ContextKind::SuggestedValue));
    let mut s = match e.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => say::no_such_option(&line, arg, lang),
        ErrorKind::UnknownArgument => say::unexpected_argument(&line, arg, lang),
        ErrorKind::InvalidSubcommand => {
            let bad = first(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let known = subcommands(cmd, path).join(", ");
            let at = (!path.is_empty()).then_some(line.as_str());
            say::no_such_command(at, &bad, &known, lang)
        }
        ErrorKind::MissingSubcommand => {
            let known = strings(e, ContextKind::ValidSubcommand);
            let known = if known.is_empty() {
                subcommands(cmd, path)
            } else {
                known
            };
            say::needs_subcommand(&line, &known.join(", "), lang)
        }
        ErrorKind::MissingRequiredArgument => {
            // As the usage line writes them: `--out <TỆP>`, `<TIÊU_CHÍ>`.
            let missing = strings(e, ContextKind::InvalidArg).join(", ");
            say::missing(&line, &missing, lang)
        }
        ErrorKind::InvalidValue if value.is_empty() => say::needs_value(arg, lang),
        ErrorKind::InvalidValue => {
            let valid = strings(e, ContextKind::ValidValue).join(", ");
            say::not_one_of(&value, arg, &valid, lang)
        }
        ErrorKind::ValueValidation => say::invalid_value(&value, arg, lang),
        ErrorKind::ArgumentConflict => {
            let prior = strings(e, ContextKind::PriorArg)
                .iter()
                .map(|a| arg_name(a))
                .collect::<Vec<_>>();
            if prior.iter().all(|p| p == arg) {
                say::only_once(arg, lang)
            } else {
                say::conflict(arg, &prior, lang)
            }
        }
        ErrorKind::TooManyValues => say::takes_no_value(arg, &value, lang),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            say::wrong_number_of_values(arg, lang)
        }
        ErrorKind::NoEquals => say::needs_equals(arg, lang),
        ErrorKind::InvalidUtf8 => say::not_utf8(lang).to_string(),
        _ => say::not_valid(lang).to_string(),
    };
    if let Some(sug) = suggestion {
        s.push_str(&say::did_you_mean(&sug, lang));
    }
    let w = words(lang);
    if let Some(usage) = usages.get(&path.join(" ")) {
        s.push_str(&format!("\n{} {usage}", w.usage));
    }
    s.push('\n');
    s.push_str(&w.see.replace("{}", &line));
    s
}

#[cfg(test)]
mod tests {
    use super::arg_name;

    #[test]
    fn arguments_are_named_as_typed() {
        assert_eq!(arg_name("--out <TỆP>"), "--out");
        assert_eq!(arg_name("--lang=xx"), "--lang");
        assert_eq!(arg_name("<ĐƠN_VỊ>"), "ĐƠN_VỊ");
        assert_eq!(arg_name("[LĨNH_VỰC]..."), "LĨNH_VỰC");
    }
}
