//! The two languages of the interface, and every sentence a user reads in both of them
//! (as gitui keeps its `strings.rs`): a reason is worded once, here, whichever part of the
//! program gives it. The words printed in documents (workbooks, notices) and the two
//! languages themselves are in [`crate::words`], below `io`; they are re-exported here.
//!
//! A text is written `lang.pick("…", "…")` when it takes nothing, `say!(lang, "… {x} …",
//! "… {x} …")` when it does.

pub mod access;
pub mod analysis;
pub mod commands;
pub mod council;
pub mod errors;
pub mod help;
pub mod screens;
pub mod usage;

pub(crate) use crate::words::say;
pub use crate::words::{
    Lang, documents, mode_label, notices, numbers, source_label, state_label, target_label,
    verdict_label,
};

/// A path as it can be pasted into a shell: in double quotes when it holds a space or a
/// character the shell would read.
pub fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "/._-+:,@%=".contains(c));
    if plain {
        return s.to_string();
    }
    let mut out = String::from('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_path_is_quoted_only_when_the_shell_would_read_it() {
        assert_eq!(
            shell_word("/tmp/hội-đồng/t.sqlite"),
            "/tmp/hội-đồng/t.sqlite"
        );
        assert_eq!(shell_word("Hội đồng/t.sqlite"), "\"Hội đồng/t.sqlite\"");
        assert_eq!(shell_word("a\"$`\\b"), "\"a\\\"\\$\\`\\\\b\"");
        assert_eq!(shell_word(""), "\"\"");
    }
}
