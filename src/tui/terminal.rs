//! Setting the terminal up and restoring it on every way out: quit, Ctrl-C, a panic, SIGTERM,
//! and an abort (a failed allocation, an overflowed stack), which runs no panic hook.

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
    #[cfg(unix)]
    on_abort::arm();
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

/// The last word on SIGABRT. Rust aborts without unwinding or running the panic hook when an
/// allocation fails or a stack overflows; the terminal would stay raw, in the alternate screen.
/// The handler does only what is safe in a signal handler: `write(2)` of fixed bytes and
/// `tcsetattr(3)` with the settings saved before raw mode, then the default action (the process
/// ends by SIGABRT as it would have).
#[cfg(unix)]
mod on_abort {
    use nix::libc;
    use std::sync::OnceLock;

    /// The terminal's settings before raw mode.
    static COOKED: OnceLock<libc::termios> = OnceLock::new();
    /// Leave the alternate screen, show the cursor (what `restore` sends through crossterm).
    const LEAVE: &[u8] = b"\x1b[?1049l\x1b[?25h";

    pub fn arm() {
        // SAFETY: a zeroed termios is a valid buffer for tcgetattr to fill.
        let mut cooked: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: fd 0 and a valid pointer; a failure (no terminal) leaves nothing saved.
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut cooked) } == 0 {
            let _ = COOKED.set(cooked);
        }
        // SAFETY: the action only calls async-signal-safe functions and reads a OnceLock that
        // was set before it was registered (an atomic load, no lock, no allocation).
        let _ = unsafe {
            signal_hook::low_level::register(signal_hook::consts::SIGABRT, || {
                libc::write(libc::STDOUT_FILENO, LEAVE.as_ptr().cast(), LEAVE.len());
                if let Some(cooked) = COOKED.get() {
                    libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, cooked);
                }
                let _ =
                    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGABRT);
            })
        };
    }
}
