//! Codes that name things: units, groups, items of a criteria tree.

use std::fmt;

/// Why a text is not a valid code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    BadCharacter(char),
    BadShape,
}

macro_rules! code_type {
    ($name:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        // Hashes and compares as its text, so a map keyed by codes is searched with a `&str`.
        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

code_type!(
    UnitCode,
    "A unit's short code, e.g. `SNV`: letters, digits, `-`, `_`."
);
code_type!(
    GroupCode,
    "A group's code, e.g. `so-nganh`: lowercase letters, digits, `-`."
);
code_type!(
    ItemCode,
    "A node of a criteria tree, e.g. `1.2.3`: segments of letters and digits joined by `.`."
);

fn check_chars(t: &str, ok: impl Fn(char) -> bool) -> Result<(), CodeError> {
    if t.is_empty() {
        return Err(CodeError::Empty);
    }
    match t.chars().find(|c| !ok(*c)) {
        Some(c) => Err(CodeError::BadCharacter(c)),
        None => Ok(()),
    }
}

impl UnitCode {
    pub fn parse(text: &str) -> Result<UnitCode, CodeError> {
        let t = text.trim();
        check_chars(t, |c| c.is_ascii_alphanumeric() || c == '-' || c == '_')?;
        if t.len() > 40 {
            return Err(CodeError::BadShape);
        }
        Ok(UnitCode(t.to_string()))
    }
}

impl GroupCode {
    pub fn parse(text: &str) -> Result<GroupCode, CodeError> {
        let t = text.trim();
        check_chars(t, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
        })?;
        if t.len() > 40 {
            return Err(CodeError::BadShape);
        }
        Ok(GroupCode(t.to_string()))
    }
}

impl ItemCode {
    pub fn parse(text: &str) -> Result<ItemCode, CodeError> {
        let t = text.trim();
        check_chars(t, |c| c.is_ascii_alphanumeric() || c == '.')?;
        if t.len() > 40 || t.split('.').any(str::is_empty) {
            return Err(CodeError::BadShape);
        }
        Ok(ItemCode(t.to_string()))
    }

    /// How deep the node sits: `1` is 1 (a field), `1.2` is 2, `1.2.3` is 3.
    pub fn depth(&self) -> usize {
        self.0.split('.').count()
    }

    /// The code of the parent node: `1.2` for `1.2.3`; none for a field.
    pub fn parent(&self) -> Option<ItemCode> {
        self.0
            .rsplit_once('.')
            .map(|(head, _)| ItemCode(head.to_string()))
    }

    /// Orders codes as a reader expects: `1.2` before `1.10`.
    pub fn sort_key(&self) -> Vec<(u64, String)> {
        self.0
            .split('.')
            .map(|s| (s.parse::<u64>().unwrap_or(u64::MAX), s.to_string()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_codes_know_their_place() {
        let c = ItemCode::parse("1.2.3").unwrap();
        assert_eq!(c.depth(), 3);
        assert_eq!(c.parent().unwrap().as_str(), "1.2");
        assert_eq!(ItemCode::parse("7").unwrap().parent(), None);
        assert!(ItemCode::parse("1..2").is_err());
        assert!(ItemCode::parse("1.2.").is_err());
        assert!(ItemCode::parse("1 2").is_err());
        assert!(
            ItemCode::parse("1.10").unwrap().sort_key()
                > ItemCode::parse("1.2").unwrap().sort_key()
        );
    }

    #[test]
    fn unit_and_group_codes() {
        assert_eq!(UnitCode::parse(" SNV ").unwrap().as_str(), "SNV");
        assert_eq!(UnitCode::parse("Sở"), Err(CodeError::BadCharacter('ở')));
        assert!(GroupCode::parse("so-nganh").is_ok());
        assert!(GroupCode::parse("So Nganh").is_err());
        assert_eq!(UnitCode::parse(""), Err(CodeError::Empty));
    }
}
