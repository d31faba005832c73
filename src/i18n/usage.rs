//! What is wrong with a command line, as the parser found it: each of clap's error kinds said
//! as a sentence (`line` is the command as typed so far, `thamdinh rank`).

use super::{Lang, say};

/// An unknown `--lang`: said in both languages, since neither was chosen.
pub fn bad_lang(given: &str) -> String {
    format!(
        "Không có ngôn ngữ «{given}»: dùng --lang vi hoặc --lang en.\nThere is no language '{given}': use --lang vi or --lang en."
    )
}

pub fn no_such_option(line: &str, arg: &str, lang: Lang) -> String {
    say!(
        lang,
        "Lệnh «{line}» không có tùy chọn «{arg}».",
        "'{line}' has no option '{arg}'."
    )
}

pub fn unexpected_argument(line: &str, arg: &str, lang: Lang) -> String {
    say!(
        lang,
        "Thừa «{arg}»: lệnh «{line}» không nhận thêm đối số này.",
        "Unexpected '{arg}': '{line}' takes no such argument."
    )
}

/// An unknown command; `line` is `None` at the top level.
pub fn no_such_command(line: Option<&str>, bad: &str, known: &str, lang: Lang) -> String {
    match line {
        None => say!(
            lang,
            "Không có lệnh «{bad}»; các lệnh: {known}.",
            "There is no command '{bad}'; the commands: {known}."
        ),
        Some(line) => say!(
            lang,
            "Lệnh «{line}» không có lệnh con «{bad}»; các lệnh con: {known}.",
            "'{line}' has no subcommand '{bad}'; its subcommands: {known}."
        ),
    }
}

pub fn needs_subcommand(line: &str, known: &str, lang: Lang) -> String {
    say!(
        lang,
        "Lệnh «{line}» cần thêm một lệnh con: {known}.",
        "'{line}' needs a subcommand: {known}."
    )
}

pub fn missing(line: &str, missing: &str, lang: Lang) -> String {
    say!(
        lang,
        "Lệnh «{line}» còn thiếu: {missing}.",
        "'{line}' is missing: {missing}."
    )
}

pub fn needs_value(arg: &str, lang: Lang) -> String {
    say!(lang, "«{arg}» cần một giá trị.", "'{arg}' needs a value.")
}

pub fn not_one_of(value: &str, arg: &str, valid: &str, lang: Lang) -> String {
    say!(
        lang,
        "«{value}» không phải giá trị của «{arg}»; chọn một trong: {valid}.",
        "'{value}' is not a value of '{arg}'; choose one of: {valid}."
    )
}

/// A value that does not parse; for `--year` the sentence says what is expected.
pub fn invalid_value(value: &str, arg: &str, lang: Lang) -> String {
    let hint = match arg {
        "--year" => lang.pick(
            " (cần một năm, ví dụ 2022)",
            " (a year is needed, e.g. 2022)",
        ),
        _ => "",
    };
    say!(
        lang,
        "«{value}» không phải giá trị hợp lệ của «{arg}»{hint}.",
        "'{value}' is not a valid value of '{arg}'{hint}."
    )
}

pub fn only_once(arg: &str, lang: Lang) -> String {
    say!(
        lang,
        "«{arg}» chỉ được dùng một lần.",
        "'{arg}' can be given only once."
    )
}

pub fn conflict(arg: &str, prior: &[String], lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            let prior = prior.join("», «");
            format!("Không dùng «{arg}» cùng với «{prior}».")
        }
        Lang::En => {
            let prior = prior.join("', '");
            format!("'{arg}' cannot be used with '{prior}'.")
        }
    }
}

pub fn takes_no_value(arg: &str, value: &str, lang: Lang) -> String {
    say!(
        lang,
        "«{arg}» không nhận giá trị «{value}».",
        "'{arg}' takes no value '{value}'."
    )
}

pub fn wrong_number_of_values(arg: &str, lang: Lang) -> String {
    say!(
        lang,
        "Số giá trị của «{arg}» không đúng.",
        "'{arg}' has the wrong number of values."
    )
}

pub fn needs_equals(arg: &str, lang: Lang) -> String {
    say!(
        lang,
        "«{arg}» cần giá trị viết liền sau dấu «=».",
        "'{arg}' needs its value after '='."
    )
}

pub fn not_utf8(lang: Lang) -> &'static str {
    lang.pick(
        "Có đối số không phải mã UTF-8.",
        "An argument is not valid UTF-8.",
    )
}

pub fn not_valid(lang: Lang) -> &'static str {
    lang.pick("Dòng lệnh không hợp lệ.", "The command line is not valid.")
}

/// Appended when the parser has a close match.
pub fn did_you_mean(suggestion: &str, lang: Lang) -> String {
    say!(
        lang,
        " Có phải ý bạn là «{suggestion}»?",
        " Did you mean '{suggestion}'?"
    )
}
