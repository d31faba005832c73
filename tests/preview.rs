//! The preview of an import (`Workspace::preview_import`, what the files screen shows before
//! writing) is the import itself run to its end and rolled back: for every kind of file it
//! counts what the import then does, and leaves the database exactly as it was; a refused
//! file is refused with the same problems as the import.

mod common;

use common::*;
use thamdinh::i18n::Lang;
use thamdinh::service::{CriteriaCsvArgs, FileKind, Workspace};
use thamdinh::store::Store;

fn workspace(db: &std::path::Path) -> Workspace {
    Workspace::new(Store::open(db).unwrap(), 2022).unwrap()
}

#[test]
fn every_kind_previewed_counts_what_its_import_does_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    drop(Store::open(&db).unwrap());
    let files = [
        (
            FileKind::Criteria,
            root().join("data/criteria/2022/so-nganh.toml"),
        ),
        (
            FileKind::Criteria,
            root().join("data/criteria/2022/huyen.toml"),
        ),
        (
            FileKind::Criteria,
            root().join("data/criteria/2022/dvsn.toml"),
        ),
        (
            FileKind::Criteria,
            root().join("data/criteria/2022/trung-uong.toml"),
        ),
        (FileKind::Units, demo_file("units.csv")),
        (FileKind::SelfScores, demo_file("self_scores.csv")),
        (FileKind::Survey, demo_file("survey.csv")),
        (FileKind::Explanations, demo_file("explanations.csv")),
        (FileKind::History, demo_file("history.csv")),
        (FileKind::FieldHistory, demo_file("field_history.csv")),
    ];
    for (kind, path) in files {
        let before = dump(&db);
        let mut ws = workspace(&db);
        let args = CriteriaCsvArgs::default;
        let preview = ws.preview_import(kind, &path, None, args()).unwrap();
        assert_eq!(dump(&db), before, "the preview of {path:?} wrote");
        let done = ws.import_any(kind, &path, None, args()).unwrap();
        assert_eq!(
            (
                preview.count.added,
                preview.count.changed,
                preview.count.unchanged
            ),
            (done.count.added, done.count.changed, done.count.unchanged),
            "{path:?}"
        );
        assert!(preview.rows() > 0, "{path:?}");
        assert_ne!(dump(&db), before, "the import of {path:?} wrote nothing");
        // Again: the preview says nothing changes.
        let again = ws.preview_import(kind, &path, None, args()).unwrap();
        assert_eq!(again.count.added + again.count.changed, 0, "{path:?}");
    }
}

#[test]
fn a_refused_file_is_refused_by_the_preview_with_the_import_s_problems() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let before = dump(&db);
    let mut ws = workspace(&db);
    let bad = root().join("tests/data/bad/self-one-good-row-two-bad.csv");
    let args = CriteriaCsvArgs::default;
    let previewed = ws
        .preview_import(FileKind::SelfScores, &bad, None, args())
        .unwrap_err()
        .render(Lang::Vi);
    let imported = ws
        .import_any(FileKind::SelfScores, &bad, None, args())
        .unwrap_err()
        .render(Lang::Vi);
    assert_eq!(previewed, imported);
    assert!(
        previewed.contains(":3:3:") && previewed.contains(":4:3:"),
        "{previewed}"
    );
    assert_eq!(dump(&db), before);
}
