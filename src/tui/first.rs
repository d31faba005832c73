//! The first start on a database file that is not there yet (`thamdinh` on a new computer):
//! instead of a command to type, a choice on the screen — make the file for a year (with the
//! year's built-in criteria sets when the program has them), or open the demo year in a file
//! of its own. Nothing is created unless asked; `q` leaves as the command line does, with the
//! sentence that says how to make the file.

use crate::i18n::Lang;
use crate::i18n::screens as words;
use crate::service::{AppError, IoDoing};
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::io::IsTerminal;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// The years the choice goes through with ← and →.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// What the secretary chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstChoice {
    /// Make the database for this year.
    Create(i32),
    /// Open the demo year in its own file.
    Demo,
    /// Leave; nothing is made.
    Quit,
}

/// The question, and the year it would make the file for.
#[derive(Debug, Clone)]
pub struct FirstStart {
    pub path: String,
    pub demo: String,
    pub year: i32,
    pub lang: Lang,
}

impl FirstStart {
    /// A key: a choice, or `None` while the year is being chosen.
    pub fn key(&mut self, k: KeyEvent) -> Option<FirstChoice> {
        match k.code {
            KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(FirstChoice::Quit)
            }
            KeyCode::Enter => Some(FirstChoice::Create(self.year)),
            KeyCode::Char('D') | KeyCode::Char('d') => Some(FirstChoice::Demo),
            KeyCode::Esc | KeyCode::Char('q') => Some(FirstChoice::Quit),
            KeyCode::Left | KeyCode::Char('-') => {
                self.year = (self.year - 1).max(*YEARS.start());
                None
            }
            KeyCode::Right | KeyCode::Char('+') => {
                self.year = (self.year + 1).min(*YEARS.end());
                None
            }
            _ => None,
        }
    }

    pub fn draw(&self, frame: &mut Frame) {
        let lang = self.lang;
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(frame.area());
        frame.render_widget(Paragraph::new(words::first_title(lang)), title);
        let builtin = crate::builtin::sets_of(self.year).count();
        let lines: Vec<Line> = words::first_start(&self.path, &self.demo, self.year, builtin, lang)
            .into_iter()
            .map(Line::from)
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::default().borders(Borders::TOP)),
            body,
        );
    }
}

/// Whether the screens can ask: both ends are a terminal.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Asks on the terminal, and puts it back as it was before returning.
pub fn ask(mut first: FirstStart) -> Result<FirstChoice, AppError> {
    let lang = first.lang;
    let (mut terminal, stop) = super::terminal::setup()
        .map_err(|e| AppError::Refused(words::no_terminal(&e.to_string(), lang)))?;
    let io = |e: std::io::Error| AppError::io(IoDoing::Terminal, "", e);
    let result = (|| loop {
        terminal.draw(|f| first.draw(f)).map_err(io)?;
        if stop.load(Ordering::Relaxed) {
            return Ok(FirstChoice::Quit);
        }
        if event::poll(Duration::from_millis(200)).map_err(io)?
            && let Event::Key(k) = event::read().map_err(io)?
            && k.kind != event::KeyEventKind::Release
            && let Some(choice) = first.key(k)
        {
            return Ok(choice);
        }
    })();
    super::terminal::restore();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first() -> FirstStart {
        FirstStart {
            path: "/tmp/hd.sqlite".into(),
            demo: "/tmp/demo.sqlite".into(),
            year: 2022,
            lang: Lang::Vi,
        }
    }

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn enter_makes_the_file_for_the_year_shown_and_arrows_change_it() {
        let mut f = first();
        assert_eq!(f.key(key(KeyCode::Right)), None);
        assert_eq!(f.key(key(KeyCode::Right)), None);
        assert_eq!(f.key(key(KeyCode::Left)), None);
        assert_eq!(f.key(key(KeyCode::Enter)), Some(FirstChoice::Create(2023)));
        f.year = 2100;
        f.key(key(KeyCode::Right));
        assert_eq!(f.year, 2100, "the years stop at the end of the range");
    }

    #[test]
    fn d_opens_the_demo_and_q_esc_ctrl_c_leave_without_making_anything() {
        let mut f = first();
        assert_eq!(f.key(key(KeyCode::Char('D'))), Some(FirstChoice::Demo));
        assert_eq!(f.key(key(KeyCode::Char('q'))), Some(FirstChoice::Quit));
        assert_eq!(f.key(key(KeyCode::Esc)), Some(FirstChoice::Quit));
        assert_eq!(
            f.key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(FirstChoice::Quit)
        );
        assert_eq!(f.key(key(KeyCode::Char('x'))), None);
    }
}
