//! Setting the terminal up and restoring it on every way out: quit, Ctrl-C, a panic, SIGTERM.

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};
use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Raw mode, the alternate screen, a panic hook that restores first, and a flag raised by
/// SIGTERM, SIGHUP or SIGINT. If the event loop does not stop within a second of the signal
/// (a terminal that hung up can keep the input reader busy), the watcher restores the
/// terminal and ends the process itself: every decision shown as saved is already committed.
pub fn setup() -> io::Result<(DefaultTerminal, Arc<AtomicBool>)> {
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ])?;
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            flag.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_secs(1));
            restore();
            std::process::exit(128 + sig);
        }
    });
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    if let Err(e) = execute!(stdout(), EnterAlternateScreen) {
        restore();
        return Err(e);
    }
    match Terminal::new(CrosstermBackend::new(stdout())) {
        Ok(t) => Ok((t, stop)),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Raw mode off, alternate screen left, cursor shown. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}
