//! The progress of long commands, drawn on stderr with `indicatif` when stderr is a terminal
//! and nothing otherwise (a pipe, a file, a script reading the output). The line appears
//! only once the work has run for a second: quick commands print nothing more than before.
//! It is cleared before the command prints its result.

use crate::i18n::Lang;
use crate::i18n::commands::{progress_stage, progress_unit};
use crate::progress::{Progress, Stage};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long work runs before its progress is shown.
pub const SHOW_AFTER: Duration = Duration::from_secs(1);

/// The progress line of a command.
pub struct StderrProgress {
    bar: Option<ProgressBar>,
    lang: Lang,
    /// Whether the work is over; the line is attached to the terminal under this lock, so
    /// that it is never attached after it was cleared.
    over: Arc<Mutex<bool>>,
}

impl StderrProgress {
    /// For this process: shown only when stderr is a terminal, after `SHOW_AFTER` (or
    /// `THAMDINH_PROGRESS_AFTER_MS` milliseconds: the tests show it at once).
    pub fn for_stderr(lang: Lang) -> Arc<StderrProgress> {
        let after = std::env::var("THAMDINH_PROGRESS_AFTER_MS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .map_or(SHOW_AFTER, Duration::from_millis);
        Arc::new(StderrProgress::new(
            std::io::stderr().is_terminal(),
            ProgressDrawTarget::stderr,
            after,
            lang,
        ))
    }

    /// Never shown: for the commands that are quick, and for the screens.
    pub fn off(lang: Lang) -> StderrProgress {
        StderrProgress {
            bar: None,
            lang,
            over: Arc::new(Mutex::new(true)),
        }
    }

    /// Shown in `target` after `after` when `terminal` (stderr is a terminal); otherwise
    /// nothing is ever drawn and no thread is started.
    pub fn new(
        terminal: bool,
        target: impl FnOnce() -> ProgressDrawTarget + Send + 'static,
        after: Duration,
        lang: Lang,
    ) -> StderrProgress {
        if !terminal {
            return StderrProgress::off(lang);
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        // Nothing to draw until the first stage begins.
        if let Ok(empty) = ProgressStyle::with_template("") {
            bar.set_style(empty);
        }
        let over = Arc::new(Mutex::new(false));
        let (b, o) = (bar.clone(), Arc::clone(&over));
        let attach = move || {
            let over = o.lock().unwrap_or_else(|e| e.into_inner());
            if !*over {
                b.set_draw_target(target());
                b.enable_steady_tick(Duration::from_millis(120));
            }
        };
        if after.is_zero() {
            attach();
        } else {
            std::thread::spawn(move || {
                std::thread::sleep(after);
                attach();
            });
        }
        StderrProgress {
            bar: Some(bar),
            lang,
            over,
        }
    }

    /// Whether anything can be drawn at all.
    pub fn is_shown(&self) -> bool {
        self.bar.is_some()
    }
}

fn style(stage: Stage, total: Option<u64>) -> ProgressStyle {
    let template = match (stage.counts_bytes(), total) {
        (true, Some(_)) => "{spinner} {msg} [{wide_bar}] {percent:>3}% · {elapsed_precise}",
        (false, Some(_)) => "{spinner} {msg} [{wide_bar}] {pos}/{len} {prefix} · {elapsed_precise}",
        (_, None) if stage == Stage::DecisionLines => {
            "{spinner} {msg}: {pos} {prefix} · {elapsed_precise}"
        }
        (_, None) => "{spinner} {msg} · {elapsed_precise}",
    };
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        .progress_chars("=> ")
}

impl Progress for StderrProgress {
    fn stage(&self, stage: Stage, total: Option<u64>) {
        let Some(bar) = &self.bar else { return };
        bar.set_style(style(stage, total));
        bar.set_position(0);
        match total {
            Some(n) => bar.set_length(n),
            None => bar.unset_length(),
        }
        bar.set_prefix(progress_unit(stage, self.lang));
        bar.set_message(progress_stage(stage, self.lang));
    }

    fn advance(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    fn finish(&self) {
        let Some(bar) = &self.bar else { return };
        let mut over = self.over.lock().unwrap_or_else(|e| e.into_inner());
        if !*over {
            *over = true;
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::{InMemoryTerm, TermLike};

    /// What the terminal shows once it shows `expected` (the line is redrawn a few times a
    /// second), or after five seconds.
    fn drawn(
        terminal: bool,
        lang: Lang,
        expected: &str,
        work: impl FnOnce(&StderrProgress),
    ) -> String {
        let term = InMemoryTerm::new(4, 100);
        let t = term.clone();
        let p = StderrProgress::new(
            terminal,
            move || ProgressDrawTarget::term_like(Box::new(t)),
            Duration::ZERO,
            lang,
        );
        work(&p);
        // The line as it stands, before the work is over and it is cleared.
        let end = std::time::Instant::now() + Duration::from_secs(5);
        let mut shown = term.contents();
        while !shown.contains(expected) && std::time::Instant::now() < end {
            std::thread::sleep(Duration::from_millis(20));
            shown = term.contents();
        }
        p.finish();
        assert!(
            term.contents().trim().is_empty(),
            "cleared at the end: {:?}",
            term.contents()
        );
        let _ = term.width();
        shown
    }

    fn some_work(p: &StderrProgress) {
        p.stage(Stage::Notices, Some(40));
        p.advance(10);
        p.advance(15);
    }

    #[test]
    fn a_terminal_sees_the_stage_and_the_count_in_vietnamese_by_default() {
        let shown = drawn(true, Lang::Vi, "25/40", some_work);
        assert!(shown.contains("Viết thông báo cho từng đơn vị"), "{shown}");
        assert!(shown.contains("25/40 đơn vị"), "{shown}");
    }

    #[test]
    fn a_terminal_sees_it_in_english_with_lang_en() {
        let shown = drawn(true, Lang::En, "50%", |p| {
            p.stage(Stage::CheckFile, Some(1000));
            p.advance(500);
        });
        assert!(shown.contains("Reading and checking the file"), "{shown}");
        assert!(shown.contains(" 50%"), "{shown}");
    }

    #[test]
    fn when_stderr_is_not_a_terminal_nothing_is_drawn() {
        let p = StderrProgress::new(
            false,
            || panic!("no target is made for a pipe"),
            Duration::ZERO,
            Lang::Vi,
        );
        assert!(!p.is_shown());
        some_work(&p);
        p.finish();
        let shown = drawn(false, Lang::Vi, "", some_work);
        assert_eq!(shown.trim(), "");
    }

    #[test]
    fn quick_work_ends_before_anything_is_drawn() {
        let term = InMemoryTerm::new(4, 100);
        let t = term.clone();
        let p = StderrProgress::new(
            true,
            move || ProgressDrawTarget::term_like(Box::new(t)),
            Duration::from_millis(300),
            Lang::Vi,
        );
        some_work(&p);
        p.finish();
        std::thread::sleep(Duration::from_millis(500));
        assert_eq!(term.contents().trim(), "", "never attached after the end");
    }
}
