//! How far long work has got, for whoever shows it. The work (imports, the workbook, the
//! notices, `verify`) reports stages and steps to a `Progress`; the command line draws them on
//! stderr when it is a terminal (src/cli/progress.rs); the screens and the tests show nothing
//! (`Silent`). Nothing here knows of terminals.

/// A stage of long work; its words are in `i18n::commands::progress_stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking an import file; steps are bytes of the file.
    CheckFile,
    /// The checked rows going into the database and the commit.
    WriteDatabase,
    /// Ranking the groups (the workbook, final notices).
    Rank,
    /// The fields and criteria of every unit (the workbook).
    Breakdown,
    /// One line per decision (the workbook's decisions sheet).
    DecisionLines,
    /// One scoring sheet per unit (the workbook).
    UnitSheets,
    /// Compressing and writing the file (the workbook).
    SaveFile,
    /// One notice per unit.
    Notices,
    /// The audit log, row by row (`verify`).
    Verify,
}

impl Stage {
    /// Whether its steps are bytes (shown as a share of the file) rather than things counted.
    pub fn counts_bytes(self) -> bool {
        self == Stage::CheckFile
    }
}

/// Where long work reports how far it has got.
pub trait Progress: Send + Sync {
    /// A new stage begins: `total` steps when known.
    fn stage(&self, stage: Stage, total: Option<u64>);
    /// `n` more steps of the current stage are done.
    fn advance(&self, n: u64);
    /// The work is over: whatever was shown goes away. Called more than once, it does
    /// nothing more.
    fn finish(&self);
}

/// Shows nothing.
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _: Stage, _: Option<u64>) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}

/// A reader that reports the bytes read through it as steps of `Stage::CheckFile`, and
/// begins `Stage::WriteDatabase` at the end of the file.
pub struct CountedRead<R> {
    inner: R,
    progress: std::sync::Arc<dyn Progress>,
    ended: bool,
}

impl<R> CountedRead<R> {
    pub fn new(inner: R, progress: std::sync::Arc<dyn Progress>) -> CountedRead<R> {
        CountedRead {
            inner,
            progress,
            ended: false,
        }
    }
}

impl<R: std::io::Read> std::io::Read for CountedRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            self.progress.advance(n as u64);
        } else if !buf.is_empty() && !self.ended {
            self.ended = true;
            self.progress.stage(Stage::WriteDatabase, None);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::sync::{Arc, Mutex};

    #[derive(Default)]
    struct Log(Mutex<Vec<String>>);

    impl Progress for Log {
        fn stage(&self, stage: Stage, total: Option<u64>) {
            self.0.lock().unwrap().push(format!("{stage:?} {total:?}"));
        }
        fn advance(&self, n: u64) {
            self.0.lock().unwrap().push(format!("+{n}"));
        }
        fn finish(&self) {
            self.0.lock().unwrap().push("finish".into());
        }
    }

    #[test]
    fn a_counted_reader_reports_every_byte_and_the_end_of_the_file_once() {
        let log = Arc::new(Log::default());
        let mut r = CountedRead::new(&b"unit,item\nSNV,1.1\n"[..], log.clone());
        let mut buf = [0u8; 8];
        let mut total = 0;
        loop {
            let n = r.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            total += n;
        }
        assert_eq!(r.read(&mut buf).unwrap(), 0);
        let log = log.0.lock().unwrap().clone();
        let bytes: u64 = log
            .iter()
            .filter_map(|l| l.strip_prefix('+'))
            .map(|n| n.parse::<u64>().unwrap())
            .sum();
        assert_eq!(bytes, total as u64);
        assert_eq!(bytes, 18);
        assert_eq!(
            log.iter()
                .filter(|l| l.starts_with("WriteDatabase"))
                .count(),
            1
        );
        assert_eq!(log.last().unwrap(), "WriteDatabase None");
    }
}
