//! clap's errors as sentences in the user's language, by their kind and context, followed by
//! the command's usage line and where its help is.

use super::text::{Usages, words};
use clap::Command;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use thamdinh::i18n::Lang;

/// An unknown `--lang`: said in both languages, since neither was chosen.
pub fn bad_lang(given: &str) -> String {
    format!(
        "Không có ngôn ngữ «{given}»: dùng --lang vi hoặc --lang en.\nThere is no language '{given}': use --lang vi or --lang en."
    )
}

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
    let vi = lang == Lang::Vi;
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
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            if vi {
                format!("Lệnh «{line}» không có tùy chọn «{arg}».")
            } else {
                format!("'{line}' has no option '{arg}'.")
            }
        }
        ErrorKind::UnknownArgument => {
            if vi {
                format!("Thừa «{arg}»: lệnh «{line}» không nhận thêm đối số này.")
            } else {
                format!("Unexpected '{arg}': '{line}' takes no such argument.")
            }
        }
        ErrorKind::InvalidSubcommand => {
            let bad = first(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let known = subcommands(cmd, path).join(", ");
            match (vi, path.is_empty()) {
                (true, true) => format!("Không có lệnh «{bad}»; các lệnh: {known}."),
                (true, false) => {
                    format!("Lệnh «{line}» không có lệnh con «{bad}»; các lệnh con: {known}.")
                }
                (false, true) => format!("There is no command '{bad}'; the commands: {known}."),
                (false, false) => {
                    format!("'{line}' has no subcommand '{bad}'; its subcommands: {known}.")
                }
            }
        }
        ErrorKind::MissingSubcommand => {
            let known = strings(e, ContextKind::ValidSubcommand);
            let known = if known.is_empty() {
                subcommands(cmd, path)
            } else {
                known
            };
            let known = known.join(", ");
            if vi {
                format!("Lệnh «{line}» cần thêm một lệnh con: {known}.")
            } else {
                format!("'{line}' needs a subcommand: {known}.")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            // As the usage line writes them: `--out <TỆP>`, `<TIÊU_CHÍ>`.
            let missing = strings(e, ContextKind::InvalidArg).join(", ");
            if vi {
                format!("Lệnh «{line}» còn thiếu: {missing}.")
            } else {
                format!("'{line}' is missing: {missing}.")
            }
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            if vi {
                format!("«{arg}» cần một giá trị.")
            } else {
                format!("'{arg}' needs a value.")
            }
        }
        ErrorKind::InvalidValue => {
            let valid = strings(e, ContextKind::ValidValue).join(", ");
            if vi {
                format!("«{value}» không phải giá trị của «{arg}»; chọn một trong: {valid}.")
            } else {
                format!("'{value}' is not a value of '{arg}'; choose one of: {valid}.")
            }
        }
        ErrorKind::ValueValidation => {
            let hint = match (arg, vi) {
                ("--year", true) => " (cần một năm, ví dụ 2022)",
                ("--year", false) => " (a year is needed, e.g. 2022)",
                _ => "",
            };
            if vi {
                format!("«{value}» không phải giá trị hợp lệ của «{arg}»{hint}.")
            } else {
                format!("'{value}' is not a valid value of '{arg}'{hint}.")
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(e, ContextKind::PriorArg)
                .iter()
                .map(|a| arg_name(a))
                .collect::<Vec<_>>();
            if prior.iter().all(|p| p == arg) {
                if vi {
                    format!("«{arg}» chỉ được dùng một lần.")
                } else {
                    format!("'{arg}' can be given only once.")
                }
            } else if vi {
                format!("Không dùng «{arg}» cùng với «{}».", prior.join("», «"))
            } else {
                format!("'{arg}' cannot be used with '{}'.", prior.join("', '"))
            }
        }
        ErrorKind::TooManyValues => {
            if vi {
                format!("«{arg}» không nhận giá trị «{value}».")
            } else {
                format!("'{arg}' takes no value '{value}'.")
            }
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            if vi {
                format!("Số giá trị của «{arg}» không đúng.")
            } else {
                format!("'{arg}' has the wrong number of values.")
            }
        }
        ErrorKind::NoEquals => {
            if vi {
                format!("«{arg}» cần giá trị viết liền sau dấu «=».")
            } else {
                format!("'{arg}' needs its value after '='.")
            }
        }
        ErrorKind::InvalidUtf8 => lang
            .pick(
                "Có đối số không phải mã UTF-8.",
                "An argument is not valid UTF-8.",
            )
            .to_string(),
        _ => lang
            .pick("Dòng lệnh không hợp lệ.", "The command line is not valid.")
            .to_string(),
    };
    if let Some(sug) = suggestion {
        if vi {
            s.push_str(&format!(" Có phải ý bạn là «{sug}»?"));
        } else {
            s.push_str(&format!(" Did you mean '{sug}'?"));
        }
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
