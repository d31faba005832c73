//! The real binary in a pseudo-terminal, its screen read back through a vt100 parser.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One whole frame as the terminal showed it once the program had finished drawing it, and
/// when it was read.
#[derive(Clone)]
pub struct Frame {
    pub at: Instant,
    /// One char per column (a wide char's second column is a space).
    pub grid: Vec<Vec<char>>,
}

impl Frame {
    fn of(screen: &vt100::Screen, at: Instant) -> Frame {
        let (rows, cols) = screen.size();
        let grid = (0..rows.get())
            .map(|r| {
                (0..cols.get())
                    .map(|c| {
                        screen
                            .cell(r, c)
                            .and_then(|cell| cell.contents().chars().next())
                            .unwrap_or(' ')
                    })
                    .collect()
            })
            .collect();
        Frame { at, grid }
    }

    /// Row `r`, trailing spaces cut.
    pub fn line(&self, r: usize) -> String {
        self.grid[r]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
    }

    /// Columns `cols` of row `r`, spaces trimmed.
    pub fn text(&self, r: usize, cols: std::ops::Range<usize>) -> String {
        let row = &self.grid[r];
        let end = cols.end.min(row.len());
        let start = cols.start.min(end);
        row[start..end]
            .iter()
            .collect::<String>()
            .trim()
            .to_string()
    }

    pub fn lines(&self) -> Vec<String> {
        (0..self.grid.len()).map(|r| self.line(r)).collect()
    }
}

/// How long a test in a terminal waits for something it expects: `secs` seconds, times
/// `THAMDINH_TEST_PATIENCE` (a number, 1 when unset) for slow machines. Every wait of the
/// terminal tests goes through here.
pub fn patience(secs: u64) -> Duration {
    let scale = std::env::var("THAMDINH_TEST_PATIENCE")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|f| f.is_finite() && *f > 0.0)
        .unwrap_or(1.0);
    Duration::from_secs_f64(secs as f64 * scale)
}

/// What a frame ends with: ratatui hides (or shows and places) the cursor once the frame's
/// cells are written, so the bytes up to there are a whole frame.
const FRAME_ENDS: [&[u8]; 2] = [b"\x1b[?25l", b"\x1b[?25h"];

/// Where the first whole frame in `bytes` ends.
fn frame_end(bytes: &[u8]) -> Option<usize> {
    FRAME_ENDS
        .iter()
        .filter_map(|m| {
            bytes
                .windows(m.len())
                .position(|w| w == *m)
                .map(|i| i + m.len())
        })
        .min()
}

/// Where whole frames go.
enum Sink {
    /// Kept in `Pty::frames`.
    Keep,
    /// Handed to a function as they are read.
    Watch(Box<dyn FnMut(Frame) + Send>),
}

pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks on escape sequences (not with `spawn_watched`).
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// Every whole frame, when asked for (`spawn_recorded`).
    frames: Arc<Mutex<Vec<Frame>>>,
    /// The terminal's settings before the program started.
    pub termios_before: nix::sys::termios::Termios,
}

/// Where a binary in a pseudo-terminal starts: its folder, and the account it runs as.
#[derive(Default, Clone, Copy)]
pub struct At<'a> {
    pub cwd: Option<&'a Path>,
    pub user: Option<&'a str>,
}

impl Pty {
    /// Starts `thamdinh` with `args` in a terminal of `cols`×`rows`.
    pub fn spawn(args: &[&str], config_dir: &Path, cols: u16, rows: u16) -> Pty {
        Pty::spawn_with_env(args, config_dir, cols, rows, &[])
    }

    /// The same, with extra environment variables.
    pub fn spawn_with_env(
        args: &[&str],
        config_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        Pty::start(args, config_dir, cols, rows, env, None, At::default())
    }

    /// The same, started in the folder `cwd` (where the paths typed on the screens begin).
    pub fn spawn_in(args: &[&str], config_dir: &Path, cols: u16, rows: u16, cwd: &Path) -> Pty {
        Pty::start(
            args,
            config_dir,
            cols,
            rows,
            &[],
            None,
            At {
                cwd: Some(cwd),
                user: None,
            },
        )
    }

    /// Starts `thamdinh` and keeps every whole frame it draws, with the time it was read
    /// (see `frames`).
    pub fn spawn_recorded(args: &[&str], config_dir: &Path, cols: u16, rows: u16) -> Pty {
        Pty::start(
            args,
            config_dir,
            cols,
            rows,
            &[],
            Some(Sink::Keep),
            At::default(),
        )
    }

    /// Starts `thamdinh` and hands every whole frame to `watch` as it is read, keeping none:
    /// for long runs, where keeping every frame would fill the memory.
    pub fn spawn_watched(
        args: &[&str],
        config_dir: &Path,
        cols: u16,
        rows: u16,
        watch: impl FnMut(Frame) + Send + 'static,
    ) -> Pty {
        Pty::start(
            args,
            config_dir,
            cols,
            rows,
            &[],
            Some(Sink::Watch(Box::new(watch))),
            At::default(),
        )
    }

    /// The same, run as the operating-system account `user` (`runuser`, as root): its
    /// groups are the account's own.
    pub fn spawn_watched_as(
        user: &str,
        args: &[&str],
        config_dir: &Path,
        (cols, rows): (u16, u16),
        watch: impl FnMut(Frame) + Send + 'static,
    ) -> Pty {
        Pty::start(
            args,
            config_dir,
            cols,
            rows,
            &[],
            Some(Sink::Watch(Box::new(watch))),
            At {
                cwd: None,
                user: Some(user),
            },
        )
    }

    fn start(
        args: &[&str],
        config_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        sink: Option<Sink>,
        at: At<'_>,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let termios_before = pair.master.get_termios().expect("termios");
        let mut cmd = match at.user {
            Some(user) => {
                let mut c = CommandBuilder::new("runuser");
                c.args(["-u", user, "--", env!("CARGO_BIN_EXE_thamdinh")]);
                c
            }
            None => CommandBuilder::new(env!("CARGO_BIN_EXE_thamdinh")),
        };
        cmd.args(args);
        if let Some(dir) = at.cwd {
            cmd.cwd(dir);
        }
        cmd.env("THAMDINH_CONFIG_DIR", config_dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("THAMDINH_DB");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("the binary starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let frames = Arc::new(Mutex::new(Vec::new()));
        let (p, r, f) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&frames));
        let mut settled = vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0);
        // A watched run may be long: its bytes are not kept.
        let keep_raw = !matches!(sink, Some(Sink::Watch(_)));
        let mut sink = sink;
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Bytes of a frame not yet finished.
            let mut pending = Vec::new();
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let at = Instant::now();
                p.lock().unwrap().process(&buf[..n]);
                if keep_raw {
                    r.lock().unwrap().extend_from_slice(&buf[..n]);
                }
                if let Some(sink) = sink.as_mut() {
                    pending.extend_from_slice(&buf[..n]);
                    while let Some(end) = frame_end(&pending) {
                        settled.process(&pending[..end]);
                        pending.drain(..end);
                        let frame = Frame::of(settled.screen(), at);
                        match sink {
                            Sink::Keep => f.lock().unwrap().push(frame),
                            Sink::Watch(watch) => watch(frame),
                        }
                    }
                }
            }
        });
        Pty {
            child,
            master: pair.master,
            writer,
            parser,
            raw,
            frames,
            termios_before,
        }
    }

    /// How many whole frames have been read so far.
    pub fn frame_count(&self) -> usize {
        self.frames.lock().unwrap().len()
    }

    /// The whole frames read so far (only with `spawn_recorded`).
    pub fn frames(&self) -> Vec<Frame> {
        self.frames.lock().unwrap().clone()
    }

    /// The frames from number `from` on.
    pub fn frames_from(&self, from: usize) -> Vec<Frame> {
        let f = self.frames.lock().unwrap();
        f[from.min(f.len())..].to_vec()
    }

    /// Kills the program with SIGKILL: no handler runs, nothing is flushed or restored.
    pub fn kill9(&mut self) {
        let pid = self.child.process_id().expect("a pid");
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(pid as i32),
            nix::sys::signal::Signal::SIGKILL,
        )
        .expect("SIGKILL");
    }

    /// Sends a signal to the program.
    pub fn signal(&self, sig: nix::sys::signal::Signal) {
        let pid = self.child.process_id().expect("a pid");
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), sig).expect("a signal");
    }

    /// Makes the window `cols`×`rows`, as a user dragging its corner does (the program gets
    /// SIGWINCH). Frames kept by `spawn_recorded` stay at the first size.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the pty resized");
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) {
        let wait = patience(secs);
        let end = Instant::now() + wait;
        while Instant::now() < end {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!(
            "waited {wait:?} for {text:?}; the screen shows:\n{}",
            self.screen()
        );
    }

    pub fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends keys one at a time, as a person types them.
    pub fn type_slowly(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits for the program to end; its exit status.
    pub fn wait_exit(&mut self, secs: u64) -> portable_pty::ExitStatus {
        let end = Instant::now() + patience(secs);
        while Instant::now() < end {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!(
            "the program did not exit; the screen shows:\n{}",
            self.screen()
        );
    }

    /// Closes the terminal, as a closed window or a dropped SSH connection does; the child.
    pub fn hang_up(self) -> Box<dyn Child + Send + Sync> {
        let Pty {
            child,
            master,
            writer,
            ..
        } = self;
        drop(writer);
        drop(master);
        child
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// Whether the terminal is in cooked mode (canonical input and echo on).
    pub fn cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let t = self.master.get_termios().expect("termios");
        t.local_flags.contains(LocalFlags::ICANON) && t.local_flags.contains(LocalFlags::ECHO)
    }

    /// Whether the terminal is in raw mode as crossterm sets it: no line editing, no echo, no
    /// signals from keys (Ctrl-C arrives as a byte), no CR translation.
    pub fn raw_mode(&self) -> bool {
        use nix::sys::termios::{InputFlags, LocalFlags};
        let t = self.master.get_termios().expect("termios");
        !t.local_flags
            .intersects(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG)
            && !t.input_flags.contains(InputFlags::ICRNL)
    }

    /// Whether every setting of the terminal is back as it was before the program started:
    /// the differences, empty when restored.
    pub fn termios_changes(&self) -> Vec<String> {
        let now = self.master.get_termios().expect("termios");
        let was = &self.termios_before;
        let mut out = Vec::new();
        if now.input_flags != was.input_flags {
            out.push(format!(
                "input {:?} -> {:?}",
                was.input_flags, now.input_flags
            ));
        }
        if now.output_flags != was.output_flags {
            out.push(format!(
                "output {:?} -> {:?}",
                was.output_flags, now.output_flags
            ));
        }
        if now.control_flags != was.control_flags {
            out.push(format!(
                "control {:?} -> {:?}",
                was.control_flags, now.control_flags
            ));
        }
        if now.local_flags != was.local_flags {
            out.push(format!(
                "local {:?} -> {:?}",
                was.local_flags, now.local_flags
            ));
        }
        if now.control_chars != was.control_chars {
            out.push("control chars changed".to_string());
        }
        out
    }
}
