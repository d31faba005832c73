//! The guide for the council (`docs/huong-dan.md`) lists the keys of each screen in tables
//! marked `<!-- phím: SCREEN -->`; every key it lists must be a key of that screen in
//! `src/tui/keymap.rs`, so the guide cannot promise a key the app does not have.

use thamdinh::tui::keymap::{self, Screen};

const GUIDE: &str = include_str!("../../docs/huong-dan.md");

fn screen(name: &str) -> Screen {
    match name {
        "units" => Screen::Units,
        "appraisal" => Screen::Appraisal,
        "ranking" => Screen::Ranking,
        "history" => Screen::History,
        "files" => Screen::Files,
        "assign" => Screen::Assign,
        "fields" => Screen::Fields,
        "wayup" => Screen::WayUp,
        other => panic!("the guide marks a key table for an unknown screen «{other}»"),
    }
}

/// Each marked table: its screen and the keys of its rows (the first cell, in backticks).
fn key_tables(guide: &str) -> Vec<(String, Vec<String>)> {
    let mut tables = Vec::new();
    let mut lines = guide.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(name) = line
            .trim()
            .strip_prefix("<!-- phím:")
            .and_then(|r| r.strip_suffix("-->"))
        else {
            continue;
        };
        let mut keys = Vec::new();
        while let Some(row) = lines.next_if(|l| l.trim_start().starts_with('|')) {
            let first = row
                .trim()
                .trim_start_matches('|')
                .split('|')
                .next()
                .unwrap();
            let first = first.trim();
            if let Some(key) = first.strip_prefix('`').and_then(|k| k.strip_suffix('`')) {
                keys.push(key.to_string());
            }
        }
        tables.push((name.trim().to_string(), keys));
    }
    tables
}

#[test]
fn every_key_the_guide_lists_is_a_key_of_that_screen() {
    let tables = key_tables(GUIDE);
    let names: Vec<&str> = tables.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "units",
            "appraisal",
            "ranking",
            "history",
            "fields",
            "wayup",
            "files",
            "assign"
        ]
    );
    for (name, keys) in &tables {
        assert!(!keys.is_empty(), "the key table of {name} lists no key");
        let labels: Vec<&str> = keymap::table(screen(name))
            .iter()
            .map(|b| b.label)
            .collect();
        for key in keys {
            assert!(
                labels.contains(&key.as_str()),
                "the guide lists `{key}` on the {name} screen, whose keys are {labels:?}"
            );
        }
    }
}

#[test]
fn the_check_catches_a_key_the_app_does_not_have() {
    let guide = "<!-- phím: units -->\n| Phím | Việc |\n|---|---|\n| `z` | không có |\n";
    let tables = key_tables(guide);
    assert_eq!(tables, [("units".to_string(), vec!["z".to_string()])]);
    let labels: Vec<&str> = keymap::table(Screen::Units)
        .iter()
        .map(|b| b.label)
        .collect();
    assert!(!labels.contains(&"z"));
}

#[test]
fn the_readme_links_to_the_guide_at_the_top() {
    let readme = include_str!("../../README.md");
    let top: String = readme.lines().take(5).collect::<Vec<_>>().join("\n");
    assert!(top.contains("docs/huong-dan.md"), "{top}");
}
