//! The corpus of bad files (tests/data/bad/, EXPECTED.tsv says why each is bad): each must be
//! refused with its sentence at its line and column, exit non-zero without a panic, and leave
//! the database as it was, row for row (a full dump) and byte for byte (after a checkpoint).

use super::*;
use crate::common::{dump, file_bytes, root, run};

#[derive(Debug, Default)]
pub struct CorpusReport {
    pub files: usize,
    /// Refused with the expected sentence, a non-zero exit and no panic.
    pub refused_cleanly: usize,
    /// Files after which the dump or the bytes of the database differ.
    pub changed_db: usize,
    pub problems: Vec<String>,
}

/// Imports every file of the corpus into the database at `db`.
pub fn run_corpus(db: &Path) -> CorpusReport {
    let before = dump(db);
    let bytes = file_bytes(db);
    let corpus = root().join("tests/data/bad");
    let manifest = std::fs::read_to_string(corpus.join("EXPECTED.tsv")).unwrap();
    let mut report = CorpusReport::default();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (name, args, expected) = (cols[0], cols[1], cols[2]);
        let file = corpus.join(name);
        let file_s = file.to_str().unwrap();
        let mut argv = vec!["--lang", "en"];
        argv.extend(
            args.split(' ')
                .map(|a| if a == "FILE" { file_s } else { a }),
        );
        report.files += 1;
        let out = run(db, &argv);
        let err = String::from_utf8_lossy(&out.stderr);
        let expected = expected.replace("FILE", file_s);
        let clean = !out.status.success()
            && err.contains(&expected)
            && err.contains("nothing was written")
            && !err.contains("panicked")
            && !err.contains("RUST_BACKTRACE");
        if clean {
            report.refused_cleanly += 1;
        } else {
            report.problems.push(format!(
                "{name}: expected\n  {expected}\ngot (exit {})\n  {err}",
                out.status
            ));
        }
        if dump(db) != before || file_bytes(db) != bytes {
            report.changed_db += 1;
            report.problems.push(format!("{name} changed the database"));
        }
    }
    report
}
