//! A glance at a CSV file for the files screen's preview: its header row, its first rows as
//! written, and the values of one column (the units it names). Read leniently (any columns,
//! rows of any width): the import itself is what checks the file.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

/// The first rows of a CSV file and the values of one of its columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glance {
    pub header: Vec<String>,
    /// The first data rows, each cell trimmed.
    pub samples: Vec<Vec<String>>,
    /// Every value of the column asked for (none when the file has no such column).
    pub values: HashSet<String>,
}

/// Reads `path` (a CSV file, UTF-8 with or without a BOM) for its header, its first `samples`
/// rows and the values of `column`; none when it is not such a file or cannot be read.
pub fn glance(path: &Path, samples: usize, column: &str) -> Option<Glance> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext != "csv" && ext != "txt" {
        return None;
    }
    let mut bytes = Vec::new();
    // Within the bound an import reads a file in.
    std::fs::File::open(path)
        .ok()?
        .take(512 * 1024 * 1024)
        .read_to_end(&mut bytes)
        .ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = records
        .next()?
        .ok()?
        .iter()
        .map(|c| c.trim().to_string())
        .collect();
    let at = header.iter().position(|h| h.eq_ignore_ascii_case(column));
    let mut out = Glance {
        header,
        ..Glance::default()
    };
    for record in records {
        let Ok(record) = record else { continue };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if out.samples.len() < samples {
            out.samples
                .push(record.iter().map(|c| c.trim().to_string()).collect());
        }
        if let Some(v) = at.and_then(|i| record.get(i)) {
            out.values.insert(v.trim().to_string());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_rows_and_a_columns_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.csv");
        std::fs::write(
            &path,
            "\u{feff}unit,item,score\nSNV,1.1.1,0.5\n\"STP\",1.1.1,\"0,25\"\n,,\nSNV,1.1.2,1\n",
        )
        .unwrap();
        let g = glance(&path, 2, "unit").unwrap();
        assert_eq!(g.header, ["unit", "item", "score"]);
        assert_eq!(
            g.samples,
            [["SNV", "1.1.1", "0.5"], ["STP", "1.1.1", "0,25"]]
        );
        let mut units: Vec<_> = g.values.into_iter().collect();
        units.sort();
        assert_eq!(units, ["SNV", "STP"]);
        assert!(glance(&dir.path().join("s.xlsx"), 2, "unit").is_none());
    }
}
