//! The screens: the units of a group, one unit's appraisal, the ranking, the analysis by
//! field and a unit's way up, the history over the years, the files of a year, who appraises
//! which fields, and the help.
//!
//! A key becomes an action (`keymap.rs`, one table per screen; `action.rs`); `App::update`
//! (`app/`, one file of state per screen) changes the state and returns effects; the runtime
//! (`runtime.rs`) runs each effect on the service and feeds the result back as an action;
//! `view` (`screens/`, one file of drawing per screen, named as in `app/`) draws.

pub mod action;
pub mod app;
pub mod first;
pub mod keymap;
pub mod runtime;
pub mod screens;
pub mod terminal;
pub mod theme;

use crate::config::Config;
use crate::i18n::Lang;
use crate::i18n::screens as words;
use crate::service::{AppError, IoDoing, Workspace};
use action::Action;
use app::App;
use ratatui::crossterm::event::{self, Event, KeyCode};
use runtime::Runtime;
use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How often the screens look for a change made by another instance.
const TICK: Duration = Duration::from_millis(200);

/// Feeds an action to the App and runs every effect that follows, until things settle.
pub fn dispatch(app: &mut App, rt: &mut Runtime, first: Action) {
    let mut queue = VecDeque::from([first]);
    while let Some(action) = queue.pop_front() {
        let appraiser = app.appraiser.clone().unwrap_or_default();
        for effect in app.update(action) {
            queue.extend(rt.run_effect(&appraiser, app.lang, effect));
        }
    }
}

/// Runs the App's first effects (the groups, the first group's units).
pub fn start(app: &mut App, rt: &mut Runtime) {
    // Times are shown in the local time of the workspace's clock.
    app.clock = std::sync::Arc::clone(rt.ws.clock());
    let appraiser = app.appraiser.clone().unwrap_or_default();
    for effect in app.start() {
        for a in rt.run_effect(&appraiser, app.lang, effect) {
            dispatch(app, rt, a);
        }
    }
}

/// A short name for the database file, for the status line.
pub(crate) fn db_label(ws: &Workspace) -> String {
    ws.db_path()
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| ws.db_path().display().to_string())
}

/// The banner of a workspace opened read-only: who may not write which file, and the fix.
pub(crate) fn read_only_of(ws: &Workspace, lang: Lang) -> Option<app::ReadOnly> {
    if !ws.read_only() {
        return None;
    }
    let denied = crate::store::open::write_denied(ws.db_path());
    let banner = match denied {
        Some(a) => crate::i18n::access::read_only_banner(&a, lang),
        None => crate::i18n::access::read_only(lang).to_string(),
    };
    Some(app::ReadOnly { banner })
}

/// Opens the screens on a workspace and runs until the user quits. The remembered appraiser
/// is read from and written to `config`.
pub fn run(
    ws: Workspace,
    config: Config,
    lang: Lang,
    appraiser: Option<String>,
) -> Result<(), AppError> {
    if let Some(a) = appraiser
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        config.remember_appraiser(a);
    }
    let appraiser = appraiser.or_else(|| config.appraiser());
    let mut app = App::new(lang, appraiser, db_label(&ws), ws.year);
    app.read_only = read_only_of(&ws, lang);
    app.theme = theme::Theme::from_env();
    app.last_folder = config.last_folder().unwrap_or_default();
    app.home = std::env::var("HOME").ok().filter(|h| !h.is_empty());
    let mut rt = Runtime::new(ws, config);
    start(&mut app, &mut rt);
    let (mut terminal, stop) = terminal::setup()
        .map_err(|e| AppError::Refused(words::no_terminal(&e.to_string(), lang)))?;
    let result = event_loop(&mut terminal, &mut app, &mut rt, &stop);
    terminal::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rt: &mut Runtime,
    stop: &std::sync::atomic::AtomicBool,
) -> Result<(), AppError> {
    let io = |e: std::io::Error| AppError::io(IoDoing::Terminal, "", e);
    let panic_key = std::env::var_os("THAMDINH_TEST_PANIC_KEY").is_some();
    let mut version = rt.ws.data_version()?;
    let mut opened = rt.opened;
    let mut looked = Instant::now();
    loop {
        terminal.draw(|f| screens::view(app, f)).map_err(io)?;
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Only keys go to the App. A resize needs nothing from it: the loop turns at once and
        // draws again, and `terminal.draw` first fits itself to the new size (and clears).
        if event::poll(TICK).map_err(io)?
            && let Event::Key(k) = event::read().map_err(io)?
        {
            if panic_key && k.code == KeyCode::F(12) {
                panic!("test panic requested with F12 (THAMDINH_TEST_PANIC_KEY)");
            }
            if panic_key && k.code == KeyCode::F(11) {
                // What an allocation that cannot be met does: print a line and abort.
                let huge = std::alloc::Layout::from_size_align(1 << 46, 8).expect("a layout");
                std::alloc::handle_alloc_error(huge);
            }
            dispatch(app, rt, Action::Key(k));
            // The answer to the key is drawn first; other sessions' changes are read on the
            // next turn (in a busy room one has nearly always come in), unless keys have
            // kept coming for a whole tick.
            if looked.elapsed() < TICK {
                continue;
            }
        }
        looked = Instant::now();
        let now = rt.ws.data_version()?;
        if rt.opened != opened {
            // Another file: its connection counts from its own start.
            opened = rt.opened;
            version = now;
        } else if now != version {
            version = now;
            dispatch(app, rt, Action::ExternalChange);
        }
    }
}
