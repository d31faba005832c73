//! The workbook read back with calamine: every cell's type and value equal the tool's exact
//! figures, no formula anywhere in the file, texts that look like formulas stay texts, sheet
//! names valid and unique for the 47 demo units, and a refused final workbook writes nothing.

use crate::common;
use calamine::{Data, Reader, Xlsx, open_workbook};
use common::*;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thamdinh::clock::FixedClock;
use thamdinh::domain::index::round2;
use thamdinh::domain::{ItemCode, Mode, NodeScore, Points, UnitCode, Verdict};
use thamdinh::i18n::Lang;
use thamdinh::service::workbook::{self, Request};
use thamdinh::service::{AppError, Workspace};
use thamdinh::store::Store;

type Sheet = calamine::Range<Data>;

/// The comments a council might write that a spreadsheet would run as formulas.
const FORMULA_LIKE: [(&str, &str, &str); 4] = [
    ("SNV", "1.1", "=SUM(A1)"),
    ("SNV", "7.10", "-5 điểm"),
    ("STP", "1.1", "@x"),
    ("STP", "7.10", "+1 tài liệu"),
];

fn workspace(db: &Path) -> Workspace {
    let clock = FixedClock::local("2022-11-30 09:41:07", 7);
    let store = Store::open(db).unwrap().with_clock(Arc::new(clock));
    Workspace::new(store, 2022).unwrap()
}

/// Decides `item`, or its first item when it has children.
fn decide(ws: &mut Workspace, unit: &str, item: &str, v: Verdict, comment: &str) {
    let set = ws.set(&ws.unit(unit).unwrap().group).unwrap().clone();
    let mut idx = set.index_of(&ItemCode::parse(item).unwrap()).unwrap();
    while !set.node(idx).is_item() {
        idx = set.node(idx).children[0];
    }
    let item = set.node(idx).code.to_string();
    let (u, i) = Workspace::codes(unit, &item).unwrap();
    ws.decide(&u, &i, v, comment, "Nguyễn Thị Lan").unwrap();
}

/// The demo year with a few decisions: adjusted with formula-like comments, agreed, not
/// applicable, explanation requested.
fn demo(dir: &Path) -> (PathBuf, Workspace) {
    let db = demo_db(dir);
    let mut ws = workspace(&db);
    for (unit, item, comment) in FORMULA_LIKE {
        let set = ws.set(&ws.unit(unit).unwrap().group).unwrap().clone();
        let mut idx = set.index_of(&ItemCode::parse(item).unwrap()).unwrap();
        while !set.node(idx).is_item() {
            idx = set.node(idx).children[0];
        }
        let node = set.node(idx);
        // The lowest allowed score.
        let score = node
            .options
            .iter()
            .map(|o| o.points)
            .min()
            .unwrap_or(node.min);
        let item = node.code.to_string();
        decide(&mut ws, unit, &item, Verdict::Score(score), comment);
    }
    decide(&mut ws, "SNV", "2.1", Verdict::Agree, "");
    decide(
        &mut ws,
        "SNV",
        "3.1",
        Verdict::NotApplicable,
        "Không có nhiệm vụ",
    );
    decide(
        &mut ws,
        "STC",
        "1.2",
        Verdict::RequestExplanation,
        "Bổ sung",
    );
    (db, ws)
}

fn read(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).expect("calamine opens the workbook")
}

fn cell(s: &Sheet, row: usize, col: usize) -> Data {
    s.get_value((row as u32, col as u32))
        .cloned()
        .unwrap_or(Data::Empty)
}

fn float(s: &Sheet, row: usize, col: usize) -> f64 {
    match cell(s, row, col) {
        Data::Float(f) => f,
        other => panic!("({row}, {col}) is not a number: {other:?}"),
    }
}

fn string(s: &Sheet, row: usize, col: usize) -> String {
    match cell(s, row, col) {
        Data::String(t) => t,
        other => panic!("({row}, {col}) is not a string: {other:?}"),
    }
}

/// A number cell equals exact points rounded to 2 decimals.
fn same(f: f64, p: Points) -> bool {
    (f * 100.0).round() as i64 == p.hundredths()
}

/// The row of a header cell (the first row whose column `col` holds `text`).
fn header_row(s: &Sheet, col: usize, text: &str) -> usize {
    (0..s.height())
        .find(|&r| cell(s, r, col) == Data::String(text.into()))
        .unwrap_or_else(|| panic!("no header {text}"))
}

/// No half-written file (`.NAME.tmp-thamdinh`) is left in `dir`.
fn no_temporary_file(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().all(|e| {
        !e.unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp-thamdinh")
    })
}

fn no_formulas(path: &Path) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut sheets = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        if !name.ends_with(".xml") {
            continue;
        }
        let mut xml = String::new();
        f.read_to_string(&mut xml).unwrap();
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "a formula in {name}"
        );
        sheets += usize::from(name.starts_with("xl/worksheets/sheet"));
    }
    assert!(sheets > 0);
    // Every part well formed, with no character XML forbids.
    thamdinh::io::xmltext::check_package(path).unwrap();
}

#[test]
fn the_demo_workbook_holds_the_tools_figures_as_typed_cells() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, ws) = demo(dir.path());
    let out = dir.path().join("ket-qua.xlsx");
    let w = workbook::write(&ws, &Request::full(None, Mode::Provisional), &out, Lang::Vi).unwrap();
    no_formulas(&out);
    let mut book = read(&out);
    let names = book.sheet_names();
    // Four groups × (results, fields, criteria, way up), the submission, the decisions, 47
    // scoring sheets, history.
    assert_eq!(names.len(), 4 * 4 + 1 + 1 + 47 + 1);
    // The ledger's head under the results table, as `rank` prints it.
    let head = ws.ledger_head().unwrap();
    let results = book.worksheet_range(&names[0]).unwrap();
    let wanted = format!("đầu sổ {}", head.printed());
    assert!(
        (0..results.height())
            .any(|r| matches!(cell(&results, r, 0), Data::String(t) if t.contains(&wanted))),
        "no ledger head {wanted} under the results"
    );
    // The history: the province's 2021 index and national rank as the source document gives
    // them, every unit's 2021 index as imported.
    let history = book.worksheet_range("Qua các năm").unwrap();
    let head = header_row(&history, 0, "Năm");
    let r2021 = (head + 1..history.height())
        .find(|&r| cell(&history, r, 0) == Data::Float(2021.0))
        .unwrap();
    assert!(same(
        float(&history, r2021, 1),
        Points::parse("84.51").unwrap()
    ));
    assert_eq!(string(&history, r2021, 3), "18/63");
    let units_head = header_row(&history, 1, "Đơn vị");
    assert_eq!(string(&history, units_head, 0), "Mã");
    let snv = (units_head + 1..history.height())
        .find(|&r| cell(&history, r, 0) == Data::String("SNV".into()))
        .unwrap();
    let col2021 = (3..history.width())
        .find(|&c| cell(&history, units_head, c) == Data::String("2021".into()))
        .unwrap();
    assert!(same(
        float(&history, snv, col2021),
        Points::parse("82.96").unwrap()
    ));
    assert_eq!(w.sheets, names.len());
    let mut seen = HashSet::new();
    for n in &names {
        assert!(n.encode_utf16().count() <= 31, "{n}");
        assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
        assert!(!n.starts_with('\'') && !n.ends_with('\''), "{n}");
        assert!(seen.insert(n.to_lowercase()), "{n} twice");
    }
    assert_eq!(
        names[..4],
        [
            "Kết quả – Sở, ban, ngành",
            "Kết quả – UBND cấp huyện",
            "Kết quả – Đơn vị sự nghiệp",
            "Kết quả – Cơ quan Trung ương"
        ]
    );

    for (g, (code, name)) in ws.groups().unwrap().iter().enumerate() {
        let ranking = ws.ranking(code, Mode::Provisional).unwrap();
        let breakdown = ws.breakdown(code).unwrap();
        let set = ws.set(code).unwrap();
        let nf = breakdown.outline.fields.len();

        // Results: rank, code, unit, fields, appraisal total, survey, total, max, index, band.
        let results = book.worksheet_range(&names[g]).unwrap();
        assert!(string(&results, 1, 0).contains(name.as_str()));
        assert!(string(&results, 2, 0).contains("TẠM TÍNH"));
        let head = header_row(&results, 0, "Hạng");
        assert_eq!(string(&results, head, 2), "Đơn vị");
        let first_field = string(&results, head, 3);
        assert!(first_field.starts_with("1. "), "{first_field}");
        for (i, r) in ranking.rows.iter().enumerate() {
            let row = head + 1 + i;
            match r.rank {
                Some(n) => assert_eq!(float(&results, row, 0), n as f64),
                None => assert_eq!(string(&results, row, 0), "—"),
            }
            assert_eq!(string(&results, row, 1), r.unit.as_str());
            assert_eq!(string(&results, row, 2), r.name);
            let b = breakdown.unit(&r.unit).unwrap();
            let mut fields = 0.0;
            for f in 0..nf {
                let v = float(&results, row, 3 + f);
                assert!(same(v, b.fields[f].points));
                fields += v;
            }
            let appraisal = float(&results, row, 3 + nf);
            assert!(same(appraisal, b.totals.tree.provisional));
            // Every field column adds up to the appraisal total.
            assert!(
                same(fields, b.totals.tree.provisional),
                "{} {fields}",
                r.unit
            );
            assert!(same(float(&results, row, 4 + nf), r.survey));
            assert!(same(float(&results, row, 5 + nf), r.total));
            assert!(same(float(&results, row, 6 + nf), r.max));
            assert!(same(
                float(&results, row, 7 + nf),
                r.index.unwrap().rounded()
            ));
            assert_eq!(
                string(&results, row, 8 + nf),
                r.band.clone().unwrap_or_default()
            );
            if let Some(prev) = r.previous {
                assert!(same(float(&results, row, 9 + nf), prev));
                assert!(same(float(&results, row, 10 + nf), r.change.unwrap()));
            }
        }
        let below = head + ranking.rows.len() + 2;
        assert_eq!(string(&results, below, 2), "Trung bình nhóm");
        assert!(same(
            float(&results, below, 7 + nf),
            round2(ranking.mean.unwrap())
        ));
        assert!(string(&results, below + 1, 0).starts_with("Mục tiêu 1"));
        assert!(string(&results, below + 2, 0).starts_with("Mục tiêu 2"));

        // Fields: each unit's percent of each field, the group mean and the band counts.
        let fields = book.worksheet_range(&names[4 + g]).unwrap();
        let head = header_row(&fields, 0, "Hạng");
        let stats = breakdown.field_stats(set);
        for (i, r) in ranking.rows.iter().enumerate() {
            let b = breakdown.unit(&r.unit).unwrap();
            for f in 0..nf {
                let p = NodeScore::percent(&b.fields[f]).unwrap().rounded();
                assert!(same(float(&fields, head + 1 + i, 3 + f), p));
            }
        }
        let mean_row = head + ranking.rows.len() + 2;
        for (f, s) in stats.iter().enumerate() {
            assert!(same(
                float(&fields, mean_row, 3 + f),
                round2(s.mean.unwrap())
            ));
            for (band, n) in s.bands.iter().enumerate() {
                assert_eq!(float(&fields, mean_row + 1 + band, 3 + f), *n as f64);
            }
            assert_eq!(s.bands.iter().sum::<usize>(), ranking.rows.len());
        }

        // Criteria: fields and criteria × units; every unit's field rows add up to its total.
        let criteria = book.worksheet_range(&names[8 + g]).unwrap();
        let head = header_row(&criteria, 0, "Mã");
        let lines = nf + breakdown.outline.criteria.len();
        let total_row = head + lines + 1;
        assert_eq!(string(&criteria, total_row, 1), "Tổng điểm các lĩnh vực");
        for (u, r) in ranking.rows.iter().enumerate() {
            let col = 3 + u;
            assert!(string(&criteria, head, col).starts_with(r.unit.as_str()));
            let b = breakdown.unit(&r.unit).unwrap();
            let mut sum = 0.0;
            for line in head + 1..total_row {
                let code = string(&criteria, line, 0);
                if !code.contains('.') {
                    sum += float(&criteria, line, col);
                }
            }
            assert!(same(sum, b.totals.tree.provisional));
            assert!(same(
                float(&criteria, total_row, col),
                b.totals.tree.provisional
            ));
        }
        let crit_stats = breakdown.criterion_stats(set);
        let first_criterion = head + 2; // field 1, then its first criterion
        assert_eq!(
            float(&criteria, first_criterion, 4 + ranking.rows.len()),
            crit_stats[0].lost as f64
        );
    }

    // Decisions: one line per item of every unit, typed.
    assert_eq!(names[16], "Tờ trình");
    let decisions = book.worksheet_range(&names[17]).unwrap();
    let lines = ws.decision_lines(None).unwrap();
    assert_eq!(w.decision_lines, lines.len());
    let head = header_row(&decisions, 0, "Mã đơn vị");
    for (i, l) in lines.iter().enumerate() {
        let row = head + 1 + i;
        assert_eq!(string(&decisions, row, 0), l.unit);
        // Codes stay as written: 7.10 is not 7.1.
        assert_eq!(string(&decisions, row, 2), l.item);
        assert!(same(float(&decisions, row, 4), l.max));
        match l.self_score {
            Some(Some(p)) => assert!(same(float(&decisions, row, 5), p)),
            Some(None) => assert_eq!(string(&decisions, row, 5), "N/A"),
            None => assert_eq!(cell(&decisions, row, 5), Data::Empty),
        }
        match l.appraised {
            Some(p) => assert!(same(float(&decisions, row, 6), p)),
            None => assert_eq!(cell(&decisions, row, 6), Data::Empty),
        }
        if !l.comment.is_empty() {
            assert_eq!(cell(&decisions, row, 9), Data::String(l.comment.clone()));
        }
        if !l.decided_at.is_empty() {
            let Data::DateTime(at) = cell(&decisions, row, 11) else {
                panic!("a date: {:?}", cell(&decisions, row, 11));
            };
            assert_eq!(
                at.as_datetime().unwrap().to_string(),
                "2022-11-30 09:41:07",
                "the stamp {} in local time (UTC+7)",
                l.decided_at
            );
        }
    }
    let comments: Vec<String> = (head + 1..head + 1 + lines.len())
        .filter_map(|r| match cell(&decisions, r, 9) {
            Data::String(s) => Some(s),
            _ => None,
        })
        .collect();
    for (_, _, c) in FORMULA_LIKE {
        assert!(
            comments.iter().any(|x| x == c),
            "{c} comes back as a string"
        );
    }

    // The scoring sheet of SNV.
    let snv_name = names.iter().find(|n| n.starts_with("SNV – ")).unwrap();
    let snv = book.worksheet_range(snv_name).unwrap();
    let head = header_row(&snv, 0, "Mã");
    let set = ws.set("so-nganh").unwrap();
    let unit = ws.unit("SNV").unwrap();
    let (_, sheet) = ws.sheet(&unit).unwrap();
    let sums = sheet.node_sums(set);
    for (i, node) in set.nodes().iter().enumerate() {
        let row = head + 1 + i;
        assert_eq!(string(&snv, row, 0), node.code.as_str());
        assert!(same(float(&snv, row, 2), node.max));
        if !node.is_item() {
            assert!(same(float(&snv, row, 3), sums[i].self_total));
            assert!(same(float(&snv, row, 4), sums[i].appraised));
        }
    }
    // Codes that a spreadsheet would read as numbers stay as written.
    let codes: HashSet<String> = (head + 1..head + 1 + set.nodes().len())
        .map(|r| string(&snv, r, 0))
        .collect();
    assert!(codes.contains("7.10") && codes.contains("7.1") && codes.contains("1.1"));
    let comment_of = |code: &str| {
        let i = set.index_of(&ItemCode::parse(code).unwrap()).unwrap();
        cell(&snv, head + 1 + i, 7)
    };
    assert_eq!(comment_of("1.1.1"), Data::String("=SUM(A1)".into()));
    let ranking = ws.ranking("so-nganh", Mode::Provisional).unwrap();
    let r = ranking
        .rows
        .iter()
        .find(|r| r.unit == UnitCode::parse("SNV").unwrap())
        .unwrap();
    let bottom = head + set.nodes().len() + 2;
    let label = |row: usize| string(&snv, row, 1);
    let value_of = |text: &str| {
        let row = (bottom..snv.height())
            .find(|&row| label(row).starts_with(text))
            .unwrap_or_else(|| panic!("no line {text}"));
        cell(&snv, row, 4)
    };
    assert_eq!(
        value_of("Tổng điểm"),
        Data::Float(r.total.hundredths() as f64 / 100.0)
    );
    assert_eq!(
        value_of("Chỉ số"),
        Data::Float(r.index.unwrap().rounded().hundredths() as f64 / 100.0)
    );
    assert_eq!(value_of("Xếp hạng"), Data::Float(r.rank.unwrap() as f64));
}

#[test]
fn a_final_workbook_is_refused_like_the_final_ranking_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, ws) = demo(dir.path());
    let out = dir.path().join("final.xlsx");
    let err = workbook::write(&ws, &Request::full(None, Mode::Final), &out, Lang::Vi).unwrap_err();
    let rank_err = ws.ranking("so-nganh", Mode::Final).unwrap_err();
    assert!(matches!(err, AppError::Rank { .. }));
    assert_eq!(err.render(Lang::Vi), rank_err.render(Lang::Vi));
    assert!(!out.exists());
    assert!(no_temporary_file(out.parent().unwrap()));
}

#[test]
fn one_group_in_english_with_every_unit_decided_is_final() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut ws = workspace(&db);
    // Decide every item of the public service units: agree, except one not applicable.
    for unit in ws.units(Some("dvsn")).unwrap() {
        let (set, _) = ws.sheet(&unit).unwrap();
        let set = set.clone();
        for idx in set.item_indexes() {
            if !set.node(idx).applies_to(&unit.code) {
                continue;
            }
            let code = set.node(idx).code.to_string();
            let (u, i) = Workspace::codes(unit.code.as_str(), &code).unwrap();
            let v = if idx == set.item_indexes().next().unwrap() {
                Verdict::NotApplicable
            } else {
                Verdict::Agree
            };
            if ws.decide(&u, &i, v, "@không áp dụng", "Thư ký").is_err() {
                ws.decide(&u, &i, Verdict::Score(Points::ZERO), "", "Thư ký")
                    .unwrap();
            }
        }
    }
    let out = dir.path().join("dvsn.xlsx");
    let req = Request::full(Some("dvsn"), Mode::Final);
    workbook::write(&ws, &req, &out, Lang::En).unwrap();
    no_formulas(&out);
    let mut book = read(&out);
    let names = book.sheet_names();
    let units = ws.units(Some("dvsn")).unwrap();
    assert_eq!(names.len(), 4 + 1 + 1 + units.len() + 1);
    assert!(names[0].starts_with("Results – "), "{}", names[0]);
    assert!(names[3].starts_with("Way up – "), "{}", names[3]);
    assert_eq!(names[4], "Submission");
    assert_eq!(names[5], "Decisions");
    let results = book.worksheet_range(&names[0]).unwrap();
    assert!(string(&results, 2, 0).starts_with("Final results"));
    let head = header_row(&results, 0, "Rank");
    let ranking = ws.ranking("dvsn", Mode::Final).unwrap();
    let breakdown = ws.breakdown("dvsn").unwrap();
    let nf = breakdown.outline.fields.len();
    for (i, r) in ranking.rows.iter().enumerate() {
        let b = breakdown.unit(&r.unit).unwrap();
        // Final: the appraised points are the points counted.
        assert_eq!(b.totals.tree.appraised, b.totals.tree.provisional);
        assert!(same(
            float(&results, head + 1 + i, 3 + nf),
            b.totals.tree.appraised
        ));
    }
    let decisions = book.worksheet_range("Decisions").unwrap();
    let head = header_row(&decisions, 0, "Unit code");
    assert_eq!(string(&decisions, head, 9), "The council's comment");
    let lines = ws.decision_lines(Some("dvsn")).unwrap();
    let na = lines
        .iter()
        .position(|l| l.state == "not_applicable")
        .unwrap();
    assert_eq!(string(&decisions, head + 1 + na, 8), "not applicable");
    assert_eq!(string(&decisions, head + 1 + na, 9), "@không áp dụng");
}

#[test]
fn the_command_writes_the_workbook_and_refuses_a_final_one_without_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("ket-qua.xlsx");
    let said = ok(
        &db,
        &[
            "export",
            "workbook",
            "--group",
            "huyen",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(said.starts_with("Đã xuất bảng tính"), "{said}");
    no_formulas(&out);
    let names = read(&out).sheet_names();
    assert_eq!(names.len(), 4 + 1 + 1 + 11 + 1, "{names:?}");
    assert_eq!(names[0], "Kết quả – UBND cấp huyện");

    let refused = dir.path().join("final.xlsx");
    let err = fails(
        &db,
        &[
            "export",
            "workbook",
            "--final",
            "--out",
            refused.to_str().unwrap(),
        ],
    );
    let rank_err = fails(&db, &["rank", "--final"]);
    assert_eq!(err, rank_err);
    assert!(!refused.exists());
    assert!(no_temporary_file(refused.parent().unwrap()));
}

/// The footers of every sheet of a workbook, from its sheet XML.
fn footers(path: &Path) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if !f.name().starts_with("xl/worksheets/sheet") {
            continue;
        }
        let mut xml = String::new();
        f.read_to_string(&mut xml).unwrap();
        let start = xml.find("<oddFooter>").expect("a footer") + "<oddFooter>".len();
        let end = xml[start..].find("</oddFooter>").unwrap() + start;
        out.push(xml[start..end].to_string());
    }
    out
}

#[test]
fn every_page_made_with_an_illustrative_set_says_so_until_an_official_one_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut ws = workspace(&db);
    assert!(ws.has_illustrative_set());
    let out = dir.path().join("demo.xlsx");
    let req = Request::full(Some("dvsn"), Mode::Provisional);
    workbook::write(&ws, &req, &out, Lang::Vi).unwrap();
    let feet = footers(&out);
    assert!(!feet.is_empty());
    for f in &feet {
        assert!(
            f.contains("&amp;LLập theo bộ chỉ số minh họa") && f.contains("&amp;CTrang"),
            "{f}"
        );
    }

    // The province's own set for the group, naming its decision.
    let toml = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/criteria/2022/dvsn.toml"),
    )
    .unwrap();
    let official = toml.replacen(
        "survey_max = 38.5\n",
        "survey_max = 38.5\n\n[source]\nnumber = \"1941/QĐ-UBND\"\ndate = \"07/8/2023\"\n\
         issuer = \"Ủy ban nhân dân tỉnh Sóc Trăng\"\n",
        1,
    );
    assert_ne!(official, toml);
    let file = dir.path().join("dvsn.toml");
    std::fs::write(&file, official).unwrap();
    let (set, _) = ws.import_criteria(&file, Default::default()).unwrap();
    assert!(!set.source.is_illustrative());
    let ws = workspace(&db);
    // The other groups are still illustrative.
    assert!(ws.has_illustrative_set());
    assert!(!ws.set("dvsn").unwrap().source.is_illustrative());
    workbook::write(&ws, &req, &out, Lang::Vi).unwrap();
    for f in footers(&out) {
        assert!(!f.contains("minh họa"), "{f}");
        assert!(f.contains("&amp;CTrang"), "{f}");
    }
}

#[test]
fn the_submission_sheet_counts_the_bands_and_ranks_every_group_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, ws) = demo(dir.path());
    let out = dir.path().join("ket-qua.xlsx");
    workbook::write(&ws, &Request::full(None, Mode::Provisional), &out, Lang::Vi).unwrap();
    let mut book = read(&out);
    let s = book.worksheet_range("Tờ trình").unwrap();
    assert!(
        string(&s, 0, 0).contains("(DỰ THẢO, TẠM TÍNH)"),
        "{:?}",
        cell(&s, 0, 0)
    );
    let head = header_row(&s, 1, "Nhóm");
    assert_eq!(string(&s, head, 3), "A");
    let rankings = ws.group_rankings(None, Mode::Provisional).unwrap();
    let mut units = 0;
    for (k, (_, name, r)) in rankings.iter().enumerate() {
        let row = head + 1 + k;
        assert_eq!(string(&s, row, 1), *name);
        assert_eq!(float(&s, row, 2), r.rows.len() as f64);
        let a = r
            .rows
            .iter()
            .filter(|u| u.band.as_deref() == Some("A"))
            .count();
        assert_eq!(float(&s, row, 3), a as f64);
        assert!(same(float(&s, row, 8), round2(r.mean.unwrap())));
        units += r.rows.len();
    }
    let total = head + 1 + rankings.len();
    assert_eq!(string(&s, total, 1), "Cộng");
    assert_eq!(float(&s, total, 2), units as f64);
    // Each group's ranking, a row per unit with its figures as numbers.
    let first = header_row(&s, 0, "Hạng");
    let r = &rankings[0].2.rows[0];
    assert_eq!(float(&s, first + 1, 0), 1.0);
    assert_eq!(string(&s, first + 1, 1), r.name);
    assert!(same(float(&s, first + 1, 4), r.total));
    assert!(same(float(&s, first + 1, 5), r.index.unwrap().rounded()));
}

/// A published year: `export workbook` without `--final` writes the published result, titled
/// final and saying why; before publishing, the same command's workbook says plainly that it
/// is provisional, not the final result, even with every item decided.
#[test]
fn a_published_years_workbook_is_its_published_result() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    crate::years::decide_everything(&db, "2022", None);
    let title = |out: &Path| {
        let mut book = read(out);
        let names = book.sheet_names();
        let results = book.worksheet_range(&names[0]).unwrap();
        string(&results, 2, 0)
    };
    let before = dir.path().join("truoc.xlsx");
    let said = ok(
        &db,
        &[
            "export",
            "workbook",
            "--group",
            "dvsn",
            "--out",
            before.to_str().unwrap(),
        ],
    );
    assert!(!said.contains("đã công bố"), "{said}");
    let t = title(&before);
    assert!(
        t.starts_with("Bảng TẠM TÍNH, chưa phải kết quả chính thức:"),
        "{t}"
    );
    ok(&db, &["--appraiser", "Nguyễn Thị Lan", "publish"]);
    for (lang, said_end, title_start) in [
        (
            "vi",
            "Năm 2022 đã công bố: bảng tính ghi kết quả chính thức đã công bố, không phải bảng tạm tính.",
            "Kết quả chính thức",
        ),
        (
            "en",
            "2022 is published: the workbook holds the published final result, not a provisional one.",
            "Final results",
        ),
    ] {
        let out = dir.path().join(format!("sau-{lang}.xlsx"));
        let said = ok(
            &db,
            &[
                "--lang",
                lang,
                "export",
                "workbook",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(said.trim_end().ends_with(said_end), "{said}");
        let t = title(&out);
        assert!(t.starts_with(title_start), "{t}");
        assert!(!t.contains("TẠM TÍNH") && !t.contains("PROVISIONAL"), "{t}");
        // The same book as asked for with --final.
        let fin = dir.path().join(format!("final-{lang}.xlsx"));
        let said = ok(
            &db,
            &[
                "--lang",
                lang,
                "export",
                "workbook",
                "--final",
                "--out",
                fin.to_str().unwrap(),
            ],
        );
        assert!(!said.contains(said_end), "{said}");
        assert_eq!(title(&fin), t);
    }
}
