//! Styles. Meaning never rests on colour alone: every state has a glyph, the selection is
//! reversed, and with `NO_COLOR` set no colour is used at all.

use crate::domain::State;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Default for Theme {
    /// Colour; the terminal's `NO_COLOR` is read at the edge (`Theme::from_env`).
    fn default() -> Theme {
        Theme { color: true }
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn header(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn parent(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// A broken ledger: bold and reversed (red when there is colour).
    pub fn alarm(self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// What the reader must not miss but is no error (an illustrative criteria set).
    pub fn warn(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn bar(self) -> Style {
        self.fg(Color::Blue)
    }

    /// A band's style, `i` of `n` from the top: the top band green, the bottom one red and
    /// bold, the one above the bottom yellow. The band's letter is always shown beside it.
    pub fn band(self, i: usize, n: usize) -> Style {
        match i {
            0 => self.fg(Color::Green),
            i if i + 1 == n => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            i if i + 2 == n => self.fg(Color::Yellow),
            _ => Style::new(),
        }
    }

    pub fn state(self, s: State) -> Style {
        match s {
            State::Undecided => Style::new(),
            State::Agreed => self.fg(Color::Green),
            State::Adjusted => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            State::NotApplicable => self.dim(),
            State::ExplanationRequested => self.fg(Color::Magenta).add_modifier(Modifier::BOLD),
        }
    }
}

/// The glyph of a state: readable without colour.
pub fn glyph(s: State) -> &'static str {
    match s {
        State::Undecided => "·",
        State::Agreed => "✓",
        State::Adjusted => "±",
        State::NotApplicable => "∅",
        State::ExplanationRequested => "?",
    }
}
