//! Whole screens drawn on a TestBackend at 80×24 and 120×40, in Vietnamese and English, driven
//! by key sequences against a real demo database; compared with insta snapshots.

use crate::common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::Arc;
use thamdinh::clock::FixedClock;
use thamdinh::config::Config;
use thamdinh::domain::UnitCode;
use thamdinh::i18n::Lang;
use thamdinh::service::Workspace;
use thamdinh::store::Store;
use thamdinh::tui::action::{Action, Effect};
use thamdinh::tui::app::App;
use thamdinh::tui::runtime::Runtime;
use thamdinh::tui::theme::Theme;
use thamdinh::tui::{dispatch, screens, start};

pub(crate) struct Session {
    pub(crate) app: App,
    rt: Runtime,
}

/// The council's clock in these tests: 09:41:07 in Sóc Trăng (UTC+7).
fn council_clock() -> FixedClock {
    FixedClock::local("2022-11-30 09:41:07", 7)
}

impl Session {
    pub(crate) fn new(db: &Path, lang: Lang) -> Session {
        Session::at(db, lang, council_clock())
    }

    /// A session whose saves happen at the instant `clock` says.
    fn at(db: &Path, lang: Lang, clock: FixedClock) -> Session {
        let store = Store::open(db).unwrap().with_clock(Arc::new(clock));
        let ws = Workspace::new(store, 2022).unwrap();
        let config = Config::in_dir(&db.parent().unwrap().join("config"));
        let mut rt = Runtime::new(ws, config);
        let mut app = App::new(lang, Some("Nguyễn Thị Lan".into()), "t.sqlite".into(), 2022);
        app.theme = Theme { color: false };
        start(&mut app, &mut rt);
        Session { app, rt }
    }

    /// A session on `year` of the database.
    fn on_year(db: &Path, lang: Lang, year: i32) -> Session {
        let store = Store::open(db)
            .unwrap()
            .with_clock(Arc::new(council_clock()));
        let ws = Workspace::new(store, year).unwrap();
        let config = Config::in_dir(&db.parent().unwrap().join("config"));
        let mut rt = Runtime::new(ws, config);
        let mut app = App::new(lang, Some("Nguyễn Thị Lan".into()), "t.sqlite".into(), year);
        app.theme = Theme { color: false };
        start(&mut app, &mut rt);
        Session { app, rt }
    }

    pub(crate) fn keys(&mut self, keys: &str) -> &mut Self {
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                '\t' => KeyCode::Tab,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                c => KeyCode::Char(c),
            };
            dispatch(
                &mut self.app,
                &mut self.rt,
                Action::Key(KeyEvent::new(code, KeyModifiers::NONE)),
            );
        }
        self
    }

    pub(crate) fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) -> &mut Self {
        dispatch(
            &mut self.app,
            &mut self.rt,
            Action::Key(KeyEvent::new(code, modifiers)),
        );
        self
    }

    pub(crate) fn draw(&self, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| screens::view(&self.app, f)).unwrap();
        let buf = t.backend().buffer();
        let mut out = String::new();
        for y in 0..h {
            let mut line = String::new();
            for x in 0..w {
                line.push_str(buf[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// The clock is fixed, so the snapshots show the times as they are.
macro_rules! snap {
    ($name:expr, $text:expr) => {
        insta::assert_snapshot!($name, $text);
    };
}

/// Sở Nội vụ with one item agreed, one adjusted with a comment, one not applicable and one
/// flagged for an explanation.
fn appraised(db: &Path, lang: Lang) -> Session {
    let mut s = Session::new(db, lang);
    s.keys("\n"); // open SNV, on 1.1.1
    s.keys("a"); // agree 1.1.1 -> on 1.1.2
    s.keys("a"); // agree 1.1.2 -> on 1.1.3
    s.keys("3"); // adjust 1.1.3 to option 3 (0) -> on 1.2.1
    s.keys("kk").keys("c").keys("Chưa hoàn thành 2 nhiệm vụ\n"); // comment on 1.1.3
    s.keys("jj").keys("x").keys("Không có báo cáo riêng\n"); // 1.2.1 not applicable -> on 1.2.2
    s.keys("f"); // 1.2.2 explanation requested -> on 1.3.1
    s.keys("kk"); // back on 1.2.2
    s
}

#[test]
fn units_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let s = Session::new(&db, Lang::Vi);
    snap!("units_vi_80x24", s.draw(80, 24));
    let s = Session::new(&db, Lang::En);
    snap!("units_en_120x40", s.draw(120, 40));
}

#[test]
fn units_filtered_without_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("\t").keys("/ke sach\n");
    let text = s.draw(80, 24);
    assert!(text.contains("Ủy ban nhân dân huyện Kế Sách"), "{text}");
    assert!(!text.contains("Long Phú"), "{text}");
    snap!("units_filtered_vi_80x24", text);
}

#[test]
fn appraisal_screen_with_every_state() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let s = appraised(&db, Lang::Vi);
    let small = s.draw(80, 24);
    for glyph in ["✓", "±", "∅", "?"] {
        assert!(small.contains(glyph), "{glyph} missing:\n{small}");
    }
    snap!("appraisal_vi_80x24", small);
    snap!("appraisal_vi_120x40", s.draw(120, 40));
    let mut s = Session::new(&db, Lang::En);
    s.keys("\n").keys("jjjjj");
    snap!("appraisal_en_80x24", s.draw(80, 24));
    snap!("appraisal_en_120x40", s.draw(120, 40));
}

#[test]
fn score_box_refuses_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("\ne0,3\n");
    let text = s.draw(80, 24);
    // Worded as when the store refuses a decision (errors::decision_not_recorded).
    assert_eq!(
        s.app.input.as_ref().unwrap().error.as_deref(),
        Some(
            "Không ghi được quyết định cho SNV / 1.1.1: không thuộc các mức điểm của tiêu chí (0.5; 0.25; 0)."
        )
    );
    assert!(
        text.contains("✗ Không ghi được quyết định cho SNV / 1.1.1"),
        "{text}"
    );
    snap!("score_box_vi_80x24", text);
}

/// The runtime says what failed: a read that failed is not a refused write (only a write's
/// result ends the App's `saving`).
#[test]
fn a_failed_read_and_a_refused_write_come_back_as_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    let who = "Nguyễn Thị Lan";
    let read = s.rt.run_effect(
        who,
        Lang::Vi,
        Effect::OpenUnit {
            unit: UnitCode::parse("KHONGCO").unwrap(),
        },
    );
    assert!(
        matches!(&read[..], [Action::LoadFailed(m)] if m.contains("KHONGCO")),
        "{read:?}"
    );
    let write = s.rt.run_effect(
        who,
        Lang::Vi,
        Effect::Undo {
            unit: UnitCode::parse("SNV").unwrap(),
        },
    );
    assert!(
        matches!(&write[..], [Action::SaveFailed(m)] if m == "Không có quyết định nào để hoàn tác."),
        "{write:?}"
    );
}

#[test]
fn ranking_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = appraised(&db, Lang::Vi);
    s.keys("r");
    snap!("ranking_vi_80x24", s.draw(80, 24));
    snap!("ranking_vi_120x40", s.draw(120, 40));
    s.keys("p");
    let text = s.draw(80, 24);
    assert!(text.contains("Chưa có xếp hạng chính thức"), "{text}");
    snap!("ranking_final_refused_vi_80x24", text);
    let mut s = Session::new(&db, Lang::En);
    s.keys("\t\t").keys("r");
    snap!("ranking_en_120x40", s.draw(120, 40));
}

#[test]
fn help_lists_every_key_of_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("\n?");
    let text = s.draw(80, 24);
    for label in ["a", "e", "x", "c", "f", "n", "u", "v", "/", "r", "1…9"] {
        assert!(
            text.contains(&format!(" {label}  ")),
            "{label} missing:\n{text}"
        );
    }
    snap!("help_appraisal_vi_80x24", text);
    let mut s = Session::new(&db, Lang::En);
    s.keys("?");
    snap!("help_units_en_120x40", s.draw(120, 40)); // A description longer than its column goes on under itself, not under the keys.
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("r?");
    let text = s.draw(80, 30);
    assert!(text.contains("│              mục "), "{text}");
    snap!("help_ranking_vi_80x30", text);
}

#[test]
fn group_tabs_name_every_group_at_80_columns_and_show_the_selected_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::En);
    let names = [
        "Sở, ban, ngành",
        "UBND cấp huyện",
        "Đơn vị sự nghiệp",
        "Cơ quan Trung ương",
    ];
    for (k, selected) in names.iter().enumerate() {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| screens::view(&s.app, f)).unwrap();
        let buf = t.backend().buffer();
        let line: String = (0..80).map(|x| buf[(x, 1)].symbol()).collect();
        for name in names {
            assert!(line.contains(name), "{name} missing: {line:?}");
        }
        // The selected tab is the one in reverse video.
        let reversed: String = (0..80)
            .filter(|&x| {
                buf[(x, 1)]
                    .modifier
                    .contains(ratatui::style::Modifier::REVERSED)
            })
            .map(|x| buf[(x, 1)].symbol())
            .collect();
        assert_eq!(reversed, *selected, "tab {k}: {line:?}");
        s.keys("\t");
    }
    // The ranking shows the same tabs.
    s.keys("r");
    let text = s.draw(80, 24);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains("Sở, ban, ngành │ UBND cấp huyện"),
        "{text}"
    );
}

#[test]
fn nothing_decided_shows_a_dash_not_a_zero_and_says_what_the_difference_compares() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    let units = s.draw(80, 24);
    let snv = units.lines().find(|l| l.starts_with("SNV ")).unwrap();
    assert!(snv.ends_with("58,06         —       — ·"), "{snv:?}");
    assert!(!units.contains("0,00"), "{units}");
    assert!(
        units.contains("Thẩm định, Chênh (thẩm định − tự chấm): chỉ tính tiêu chí đã thẩm định"),
        "{units}"
    );
    s.keys("\n");
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("Tự chấm 58,06 · Thẩm định — · Chênh — · Tạm tính 58,06/63"),
        "{screen}"
    );
    assert!(
        screen.contains("TĐ, Chênh (TĐ − tự chấm): chỉ tính tiêu chí đã thẩm định"),
        "{screen}"
    );
    let field = screen.lines().find(|l| l.starts_with("1  ")).unwrap();
    assert!(field.ends_with("8    7,5      —       —"), "{field:?}");
    // One item lowered by 0.25: the difference is over that item alone.
    s.keys("a").keys("a").keys("3"); // 1.1.1, 1.1.2 agreed; 1.1.3 from 0.25 to 0
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("TĐ 1,00 · Chênh \u{2212}0,25 · Tạm tính 57,81/63"),
        "{screen}"
    );
    let field = screen.lines().find(|l| l.starts_with("1  ")).unwrap();
    assert!(
        field.ends_with("8    7,5      1   \u{2212}0,25"),
        "{field:?}"
    );
    let other = screen.lines().find(|l| l.starts_with("1.2  ")).unwrap();
    assert!(other.ends_with("1      1      —       —"), "{other:?}");
    s.keys("q");
    let units = s.draw(80, 24);
    let snv = units.lines().find(|l| l.starts_with("SNV ")).unwrap();
    assert!(
        snv.ends_with("3/101   58,06      1,00   \u{2212}0,25 …"),
        "{snv:?}"
    );

    let mut s = Session::new(&db, Lang::En);
    let units = s.draw(80, 24);
    assert!(
        units.contains("Appraised, Diff. (appraised − self): decided items only"),
        "{units}"
    );
    let stp = units.lines().find(|l| l.starts_with("STP ")).unwrap();
    assert!(stp.ends_with("56.44         —       — ·"), "{stp:?}");
    s.keys("j\n");
    let screen = s.draw(120, 40);
    assert!(
        screen.contains("Self 56.44 · Appraised — · Diff. — · Provisional 56.44/63"),
        "{screen}"
    );
}

#[test]
fn a_comment_is_written_as_a_paragraph_and_shown_with_its_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("\n").keys("a").keys("k").keys("c"); // 1.1.1 agreed, its comment box
    s.keys("Kế hoạch ban hành ngày 20/01, chậm 5 ngày so với quy định của tỉnh; đơn vị đã giải trình lý do nhưng chưa có văn bản kèm theo.");
    s.key(KeyCode::Enter, KeyModifiers::ALT);
    s.keys("Đề nghị bổ sung:");
    s.key(KeyCode::Char('j'), KeyModifiers::CONTROL);
    s.keys("- văn bản giải trình;");
    s.key(KeyCode::Enter, KeyModifiers::ALT);
    s.keys("- kế hoạch điều chỉnh.");
    let boxed = s.draw(80, 24);
    assert!(
        boxed.contains("Enter: lưu · Alt-Enter hoặc Ctrl-J: xuống dòng · Esc: hủy."),
        "{boxed}"
    );
    assert!(boxed.contains("│Đề nghị bổ sung:"), "{boxed}");
    assert!(boxed.contains("│- kế hoạch điều chỉnh."), "{boxed}");
    snap!("comment_box_vi_80x24", boxed);
    s.keys("\n");
    let o = s.app.appraisal.open.as_ref().unwrap();
    let stored = &o.data.sheet.records[o.sel]
        .decision
        .as_ref()
        .unwrap()
        .comment;
    assert_eq!(stored.lines().count(), 4, "{stored:?}");
    assert!(stored.ends_with("Đề nghị bổ sung:\n- văn bản giải trình;\n- kế hoạch điều chỉnh."));
    let wide = s.draw(120, 40);
    assert!(wide.contains("│- văn bản giải trình;"), "{wide}");
    snap!("comment_shown_vi_120x40", wide);
    let mut s = Session::new(&db, Lang::En);
    s.keys("\n").keys("x");
    snap!("not_applicable_box_en_80x24", s.draw(80, 24));
}

#[test]
fn too_small_a_window_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let s = Session::new(&db, Lang::Vi);
    let text = s.draw(50, 12);
    assert!(text.contains("Cửa sổ quá nhỏ (50×12)"), "{text}");
}

#[test]
fn an_appraiser_of_one_field_starts_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut store = Store::open(&db).unwrap();
    store
        .assign_fields(2022, "Nguyễn Thị Lan", "so-nganh", &["2".to_string()])
        .unwrap();
    drop(store);
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("\n");
    let text = s.draw(120, 40);
    assert!(text.contains("lĩnh vực được giao: 2"), "{text}");
    assert!(text.contains("2        ▾ ★ Tham mưu"), "{text}");
    let o = s.app.appraisal.open.as_ref().unwrap();
    assert_eq!(o.data.set.node(o.sel).code.as_str(), "2.1.1");
}

/// A whole department appraised from the keyboard, 80 % of its items agreed: how many keys.
#[test]
fn a_whole_unit_by_keyboard_counts_its_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    let mut keys = 0;
    let mut press = |s: &mut Session, k: &str| {
        keys += k.chars().count();
        s.keys(k);
    };
    press(&mut s, "j\n"); // Sở Tư pháp
    let items = s
        .app
        .appraisal
        .open
        .as_ref()
        .unwrap()
        .data
        .set
        .item_indexes()
        .count();
    let mut n = 0;
    loop {
        let o = s.app.appraisal.open.as_ref().unwrap();
        if o.state(o.sel).is_decided() {
            break;
        }
        let node = o.data.set.node(o.sel);
        n += 1;
        if n % 5 != 0 {
            press(&mut s, "a");
        } else if node.options.len() >= 2 {
            // Not the option the unit chose: the next one down, or the first.
            let self_points = o.data.sheet.records[o.sel]
                .self_entry
                .as_ref()
                .and_then(|e| e.score.points());
            let k = node
                .options
                .iter()
                .position(|x| Some(x.points) != self_points)
                .unwrap();
            press(&mut s, &(k + 1).to_string());
        } else {
            press(&mut s, "e0\n");
        }
    }
    let o = s.app.appraisal.open.as_ref().unwrap();
    let t = o.data.sheet.totals(&o.data.set);
    assert_eq!(t.decided(), t.items(), "the whole unit is decided");
    assert_eq!(t.items(), items);
    // One key per agreed item and per option picked; three for a typed score; two to open.
    assert!(keys <= items + 2 + 2 * 3, "{keys} keys for {items} items");
    println!(
        "{keys} keys for {items} items, {} adjusted",
        t.tree.adjusted
    );
}

#[test]
fn every_units_title_keeps_its_code_and_progress_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    for _ in 0..s.app.groups.len() {
        for _ in 0..s.app.units.lines.len() {
            s.keys("\n");
            let code = s
                .app
                .appraisal
                .open
                .as_ref()
                .unwrap()
                .data
                .unit
                .code
                .to_string();
            let screen = s.draw(80, 24);
            let title = screen.lines().next().unwrap();
            assert!(
                title.contains(&format!("({code}) — đã thẩm định 0/")),
                "the title cuts the name, not the code and the progress: {title:?}"
            );
            s.keys("qj");
        }
        s.keys("\t");
    }
}

/// The status line at 80 columns keeps the time of the last save whole, whatever the hour:
/// the message beside it is cut, never the time.
#[test]
fn the_save_time_stays_whole_at_any_hour() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    for (wall, shown) in [
        ("2022-11-30 00:05:09", "00:05:09"),
        ("2022-11-30 09:41:07", "09:41:07"),
        ("2022-11-30 23:59:58", "23:59:58"),
    ] {
        for (lang, label, keys) in [
            (Lang::Vi, "Lưu lúc", "? phím"),
            (Lang::En, "Saved at", "? keys"),
        ] {
            let mut s = Session::at(&db, lang, FixedClock::local(wall, 7));
            s.keys("\na");
            let screen = s.draw(80, 24);
            let status = screen.lines().nth(23).unwrap();
            assert!(
                status.ends_with(&format!("{label} {shown}  {keys}")),
                "{status:?}"
            );
            assert!(
                status.starts_with(" Nguyễn Thị Lan · t.sqlite · "),
                "{status:?}"
            );
            assert_eq!(status.chars().count(), 79, "{status:?}");
        }
    }
}

/// `L` on the units screen: the departments × fields table, each cell's percent with its band
/// letter, the group's mean and the units per band under it; at 80 columns five fields show
/// and → scrolls to the others.
#[test]
fn field_table_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("L");
    let small = s.draw(80, 24);
    for want in [
        "Lĩnh vực 1–5/8",
        "93,75 A",
        "Trung bình nhóm        89,58 B",
        "Số đơn vị loại D",
    ] {
        assert!(small.contains(want), "{want}\n{small}");
    }
    snap!("fields_vi_80x24", small);
    snap!("fields_vi_120x40", s.draw(120, 40));
    s.keys("→→→→→→→");
    let scrolled = s.draw(80, 24);
    assert!(scrolled.contains("Lĩnh vực 4–8/8"), "{scrolled}");
    snap!("fields_scrolled_vi_80x24", scrolled);
    let mut s = Session::new(&db, Lang::En);
    s.keys("L");
    snap!("fields_en_80x24", s.draw(80, 24));
    snap!("fields_en_120x40", s.draw(120, 40));
    s.keys("?");
    snap!("help_fields_en_80x24", s.draw(80, 24));
}

/// From the ranking, `L` then Enter on Sở Nội vụ (rank 10): its way up, as `plan SNV` says it.
#[test]
fn way_up_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("r").keys("jjjjjjjjj").keys("L\n");
    let small = s.draw(80, 24);
    for want in [
        "Hướng cải thiện — Sở Nội vụ (SNV)",
        "Chỉ số 87,17 % · hạng 10/20 · loại B",
        "Để vượt Sở Kế hoạch và Đầu tư (SKHDT, hạng 9, 87,23 %)",
    ] {
        assert!(small.contains(want), "{want}\n{small}");
    }
    snap!("way_up_vi_80x24", small);
    snap!("way_up_vi_120x40", s.draw(120, 40));
    let mut s = Session::new(&db, Lang::En);
    s.keys("r").keys("jjjjjjjjj").keys("L\n");
    snap!("way_up_en_80x24", s.draw(80, 24));
    snap!("way_up_en_120x40", s.draw(120, 40));
    // Scrolled to its end at 80×24: the criteria that lost the most.
    s.keys("G");
    let end = s.draw(80, 24);
    assert!(end.contains("Criteria that lost the most"), "{end}");
    snap!("way_up_end_en_80x24", end);
    s.keys("\x1b\x1b");
    assert_eq!(s.app.screen, thamdinh::tui::keymap::Screen::Ranking);
}

/// `w` on the ranking screen writes the shown group's workbook where the box says, and asks
/// before replacing a file that is already there.
#[test]
fn the_ranking_screen_writes_the_workbook_and_asks_before_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = appraised(&db, Lang::Vi);
    s.keys("rw");
    let text = s.draw(80, 24);
    assert!(text.contains("Ghi bảng tính Excel"), "{text}");
    assert!(text.contains("ket-qua-2022-so-nganh.xlsx"), "{text}");
    snap!("workbook_box_vi_80x24", text);

    let out = dir.path().join("kq.xlsx");
    let type_path = |s: &mut Session| {
        s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        s.keys(out.to_str().unwrap()).keys("\n");
    };
    type_path(&mut s);
    let bytes = std::fs::read(&out).expect("the workbook is written");
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip file");
    let status = s.draw(120, 40).lines().nth(39).unwrap().to_string();
    assert!(
        status.contains(&format!("Đã ghi bảng tính {}", out.display())),
        "{status}"
    );
    // Only the shown group: its results, fields, criteria, way up, submission, decisions,
    // history and 21 units.
    assert!(status.contains("(28 trang tính)"), "{status}");

    // The same file again: asked, and Esc leaves it as it was.
    std::fs::write(&out, b"kept").unwrap();
    s.keys("w");
    type_path(&mut s);
    let text = s.draw(80, 24);
    assert!(text.contains("Tệp đã có"), "{text}");
    assert!(text.contains("Enter: ghi đè lên tệp cũ"), "{text}");
    // What the file there holds: its size and when it was written (local time).
    assert!(text.contains("Tệp này đã có: 4 B, ghi lúc "), "{text}");
    s.keys("\x1b");
    assert_eq!(std::fs::read(&out).unwrap(), b"kept");
    let status = s.draw(120, 40).lines().nth(39).unwrap().to_string();
    assert!(status.contains("Không ghi:"), "{status}");

    // And Enter replaces it.
    s.keys("w");
    type_path(&mut s);
    s.keys("\n");
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));

    // The year's export folder is remembered: the next session's boxes start there, the
    // names carrying the year and the group; W writes every group's workbook.
    let folder = format!("{}/", dir.path().display());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("rx");
    assert_eq!(
        s.app.input.as_ref().unwrap().text(),
        format!("{folder}xep-hang-2022-so-nganh.csv")
    );
    s.keys("\x1bW");
    let text = s.draw(80, 24);
    assert!(text.contains("Ghi bảng tính Excel — mọi nhóm"), "{text}");
    assert!(text.contains("đơn vị của mọi nhóm, tạm tính"), "{text}");
    assert_eq!(
        s.app.input.as_ref().unwrap().text(),
        format!("{folder}ket-qua-2022-moi-nhom.xlsx")
    );
    s.keys("\n");
    let all = dir.path().join("ket-qua-2022-moi-nhom.xlsx");
    assert!(std::fs::read(&all).unwrap().starts_with(b"PK"));
    let status = s.draw(120, 40).lines().nth(39).unwrap().to_string();
    // Every group: 4 groups × 4 sheets, decisions, history, the submission and the 47 units.
    assert!(status.contains("(66 trang tính)"), "{status}");
}

/// The history screen: Sở Nội vụ's index by year (bars), its group's mean against the
/// province's index of the year before, and the province's rank against the targets; in both
/// languages, at 80×24 and 120×40, without colour.
#[test]
fn history_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    for lang in [Lang::Vi, Lang::En] {
        let code = if lang == Lang::Vi { "vi" } else { "en" };
        let mut s = Session::new(&db, lang);
        s.keys("h");
        let unit = s.draw(80, 24);
        assert!(unit.contains("2016"), "{unit}");
        let mark = if lang == Lang::Vi { "59,43" } else { "59.43" };
        assert!(unit.contains(mark), "{unit}");
        snap!(format!("history_unit_{code}_80x24"), unit);
        snap!(format!("history_unit_{code}_120x40"), s.draw(120, 40));
        s.keys("v");
        let group = s.draw(80, 24);
        let mean = if lang == Lang::Vi { "58,16" } else { "58.16" };
        assert!(group.contains(mean), "the source document's mean: {group}");
        snap!(format!("history_group_{code}_80x24"), group);
        snap!(format!("history_group_{code}_120x40"), s.draw(120, 40));
        s.keys("v");
        let province = s.draw(80, 24);
        assert!(province.contains("49/63"), "{province}");
        assert!(province.contains("18/63"), "{province}");
        assert!(province.contains("≤15 (2025)"), "{province}");
        snap!(format!("history_province_{code}_80x24"), province);
        snap!(format!("history_province_{code}_120x40"), s.draw(120, 40));
        // The same key goes back to the units.
        s.keys("h");
        assert!(s.draw(80, 24).contains("— Đơn vị") || lang == Lang::En);
    }
}

/// A year after a reorganisation: the merged unit's title line says where it came from, its
/// history shows its predecessors' years, and the ranking marks a mean of predecessors and
/// says so under the table; in both languages at 80×24.
#[test]
fn a_merged_unit_on_the_screens() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::lineage::reorganised_db(dir.path());
    // One self score in 2023: a group with none is not ranked (issue 23).
    let scores = common::write(
        dir.path(),
        "self-2023.csv",
        "unit,item,score,note,evidence\nSNV,1.1.1,0.5,,\n",
    );
    common::ok(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "self-scores",
            scores.to_str().unwrap(),
        ],
    );
    for lang in [Lang::Vi, Lang::En] {
        let code = if lang == Lang::Vi { "vi" } else { "en" };
        let mut s = Session::on_year(&db, lang, 2023);
        s.keys("/nong nghiep va moi\n");
        s.keys("h");
        let history = s.draw(80, 24);
        assert!(history.contains("↳ SNNPTNT"), "{history}");
        assert!(history.contains("↳ SGTVT"), "{history}");
        snap!(format!("lineage_history_{code}_80x24"), history);
        s.keys("h");
        s.keys("\n");
        let title = s.draw(80, 24);
        let first = title.lines().next().unwrap();
        assert!(
            first.contains("hợp nhất từ") || first.contains("merged from"),
            "{first}"
        );
        s.keys("qr");
        let ranking = s.draw(80, 24);
        snap!(format!("lineage_ranking_{code}_80x24"), ranking);
        // The way up says what last year's figure is under the goal of rising above it.
        s.keys("qL\n");
        let way = s.draw(80, 24);
        assert!(
            way.contains("bình quân 3 đơn vị tiền thân")
                || way.contains("mean of 3 predecessor units"),
            "{way}"
        );
        snap!(format!("lineage_way_up_{code}_80x24"), way);
    }
}

/// The council's figure of last year from the screens: `S` on the units screen shows the
/// figure now and how it was found, refuses what is not a figure and an empty reason, then
/// writes it with its reason, audited as `thamdinh previous` writes it (and `verify` holds);
/// the ranking marks it; `S` on the ranking takes it back to the rule. At 80×24 in both
/// languages.
#[test]
fn the_council_sets_a_units_figure_of_last_year_on_the_screens() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::lineage::reorganised_db(dir.path());
    let scores = common::write(
        dir.path(),
        "self-2023.csv",
        "unit,item,score,note,evidence\nSNV,1.1.1,0.5,,\n",
    );
    common::ok(
        &db,
        &[
            "--year",
            "2023",
            "import",
            "self-scores",
            scores.to_str().unwrap(),
        ],
    );
    let audit = |action: &str| -> Vec<(String, Option<i64>, String)> {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut st = conn
            .prepare(
                "SELECT appraiser, new_score, comment FROM audit
                 WHERE action = ?1 AND unit = 'SNNMT' AND year = 2023 ORDER BY id",
            )
            .unwrap();
        st.query_map([action], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for lang in [Lang::Vi, Lang::En] {
        let code = if lang == Lang::Vi { "vi" } else { "en" };
        let mut s = Session::on_year(&db, lang, 2023);
        s.keys("/nong nghiep va moi\n");
        s.keys("S");
        let asked = s.draw(80, 24);
        assert!(
            asked.contains("SNNMT Sở Nông nghiệp và Môi trường"),
            "{asked}"
        );
        snap!(format!("previous_box_{code}_80x24"), asked);
        // Not a figure: said in place, nothing written.
        s.keys("8x\n");
        let refused = s.draw(80, 24);
        assert!(
            refused.contains("«8x» không phải chỉ số") || refused.contains("'8x' is not an index"),
            "{refused}"
        );
        s.key(KeyCode::Backspace, KeyModifiers::NONE)
            .key(KeyCode::Backspace, KeyModifiers::NONE);
        s.keys("81.07\n");
        // The reason is required.
        s.keys("\n");
        let reason_box = s.draw(80, 24);
        assert!(
            reason_box.contains("phải ghi lý do") || reason_box.contains("needs its reason"),
            "{reason_box}"
        );
        snap!(format!("previous_reason_{code}_80x24"), reason_box);
        s.keys("Theo van ban cua UBND tinh");
        s.keys("\n");
        let said = s.draw(80, 24);
        assert!(
            said.contains("SNNMT: so sánh với 81,07 (Hội đồng đặt)")
                || said.contains("SNNMT: compared with 81.07 (council)"),
            "{said}"
        );
        s.keys("r");
        let ranking = s.draw(80, 24);
        let marked = if lang == Lang::Vi { "81,07*" } else { "81.07*" };
        assert!(ranking.contains(marked), "{ranking}");
        snap!(format!("previous_ranking_{code}_80x24"), ranking);
        // Back to the rule, from the ranking: SNNMT selected there.
        let row = match &s.app.ranking.data {
            Some(Ok(r)) => r
                .rows
                .iter()
                .position(|r| r.unit.as_str() == "SNNMT")
                .unwrap(),
            other => panic!("no ranking: {:?}", other.as_ref().map(|r| r.as_ref().err())),
        };
        s.keys("g");
        s.keys(&"j".repeat(row));
        s.keys("Squy tac\nTheo quy tac\n");
        let back = s.draw(80, 24);
        assert!(!back.contains(marked), "{back}");
        assert!(
            back.contains("SNNMT: so sánh với 84,75 (theo quy tắc)")
                || back.contains("SNNMT: compared with 84.75 (by the rule)"),
            "{back}"
        );
    }
    let set = audit("previous_set");
    assert_eq!(set.len(), 2, "{set:?}");
    for (who, score, why) in &set {
        assert_eq!(who, "Nguyễn Thị Lan");
        assert_eq!(*score, Some(8107));
        assert_eq!(why, "Theo van ban cua UBND tinh");
    }
    assert_eq!(audit("previous_cleared").len(), 2);
    common::ok(&db, &["verify"]);
}

/// A new year from the screens with a changes file and the new group's set, as `new-year
/// --changes --set`: the box says what it takes (the snapshot is `new_year_box_vi_80x24`); a refused file shows its
/// problems in the box, each with its line and column, and writes nothing; the right file
/// makes the year with its lineage.
#[test]
fn a_new_year_with_its_changes_from_the_screens() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let bad = common::write(
        dir.path(),
        "bad.csv",
        "from,to,kind,name,group,note\nSXX,STC,rename,,,\n,XP09,new,,,\n",
    );
    let good = common::write(
        dir.path(),
        "good.csv",
        "from,to,kind,name,group,note\nSKHDT,STC,merge,,,\nSTC,STC,merge,,,\n,XP01,new,Phường 1,xa-phuong,\n",
    );
    let set = common::write(
        dir.path(),
        "xa-phuong.toml",
        std::fs::read_to_string(common::root().join("data/criteria/2022/huyen.toml"))
            .unwrap()
            .replace("group = \"huyen\"", "group = \"xa-phuong\""),
    );
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("rN");
    let asked = s.draw(80, 24);
    assert!(asked.contains("Bắt đầu năm mới 2022 → 2023"), "{asked}");
    assert!(asked.contains("gõ đường dẫn tệp thay đổi"), "{asked}");
    let before = common::dump(&db);
    s.keys(&format!("{}\n\n", bad.display()));
    let refused = s.draw(120, 40);
    assert!(
        refused.contains(":2:1") && refused.contains("SXX"),
        "{refused}"
    );
    assert_eq!(
        common::dump(&db),
        before,
        "a refused changes file wrote something"
    );
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(&format!("{} {}\n", good.display(), set.display()));
    let made = s.draw(80, 24);
    assert!(made.contains("2023"), "{made}");
    assert_eq!(s.app.year, 2023);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let links: i64 = conn
        .query_row("SELECT COUNT(*) FROM lineage WHERE year = 2023", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(links, 3);
}

/// The demo's 2025 year at 80×24 with its commune/ward group of 100 units: the units screen
/// paged and filtered, the ranking paged, the analysis by field (its bands "Nhóm 1"… marked
/// N1… so the percents stay whole) and the merged unit's history.
#[test]
fn the_demos_2025_year_on_the_screens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    {
        let mut ws = Workspace::open(&db, thamdinh::service::Opening::Create, Some(2025)).unwrap();
        thamdinh::service::build_demo_2025(&mut ws).unwrap();
    }
    for lang in [Lang::Vi, Lang::En] {
        let code = if lang == Lang::Vi { "vi" } else { "en" };
        let mut s = Session::on_year(&db, lang, 2025);
        // The commune/ward group, its second page.
        s.keys("\t\t\t");
        s.key(KeyCode::PageDown, KeyModifiers::NONE)
            .key(KeyCode::PageDown, KeyModifiers::NONE);
        let units = s.draw(80, 24);
        assert!(units.contains("XP021"), "{units}");
        snap!(format!("demo2025_units_{code}_80x24"), units);
        s.keys("/my dien\n");
        let filtered = s.draw(80, 24);
        assert!(filtered.contains("(1 / 100)"), "{filtered}");
        s.keys("\x1b");
        // The ranking, its last page.
        s.keys("r");
        s.key(KeyCode::End, KeyModifiers::NONE);
        let ranking = s.draw(80, 24);
        assert!(
            ranking.contains(" 100 ") || ranking.contains("100 X"),
            "{ranking}"
        );
        snap!(format!("demo2025_ranking_{code}_80x24"), ranking);
        // The analysis by field: whole percents beside the band marks.
        s.keys("L");
        let fields = s.draw(80, 24);
        assert!(fields.contains(" N1") && fields.contains(" N2"), "{fields}");
        assert!(!fields.contains("Nhóm 1 0"), "{fields}");
        snap!(format!("demo2025_fields_{code}_80x24"), fields);
        s.keys("qq");
        // The merged unit's history: its predecessors' years.
        s.keys("\t/nong nghiep va moi\nh");
        let history = s.draw(80, 24);
        assert!(history.contains("↳ SNNPTNT"), "{history}");
        snap!(format!("demo2025_history_{code}_80x24"), history);
    }
}

/// A published year says so in every title and refuses a decision with the store's sentence.
#[test]
fn a_published_year_is_shown_as_such_and_refuses_edits() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    // The publication alone, as `thamdinh publish` leaves it (the result rows do not matter
    // here).
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO publications (year, published_at, appraiser, comment)
             VALUES (2022, '2022-12-01T02:00:00Z', 'Trần Văn Bình', '')",
            [],
        )
        .unwrap();
    let mut s = Session::new(&db, Lang::Vi);
    let units = s.draw(80, 24);
    assert!(
        units
            .lines()
            .next()
            .unwrap()
            .contains("2022 — Đơn vị · đã công bố — chỉ xem"),
        "{units}"
    );
    s.keys("\na");
    let screen = s.draw(80, 24);
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("đã công bố — chỉ xem"),
        "{screen}"
    );
    // Whole on the status line at 80 columns.
    assert!(
        screen.contains("✗ Năm 2022 đã công bố: không sửa được."),
        "{screen}"
    );
    assert!(!screen.contains("Đã lưu"), "{screen}");
    s.keys("r");
    assert!(
        s.draw(80, 24)
            .lines()
            .next()
            .unwrap()
            .contains("đã công bố")
    );
}

#[test]
fn an_empty_database_welcomes_with_the_three_ways_to_begin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    common::ok(&db, &["init", "--year", "2022"]);
    let s = Session::new(&db, Lang::Vi);
    let vi = s.draw(80, 24);
    for way in ["f  Nhập hồ sơ", "o  Bắt đầu năm mới", "D  Xem thử bản mẫu"] {
        assert!(vi.contains(way), "{way}:\n{vi}");
    }
    snap!("welcome_vi_80x24", vi);
    snap!("welcome_en_80x24", Session::new(&db, Lang::En).draw(80, 24));

    // Once a unit is in, the table is back.
    let units = common::write(
        dir.path(),
        "units.csv",
        "code,name,group\nSNV,Sở Nội vụ,so-nganh\n",
    );
    common::ok(&db, &["import", "units", units.to_str().unwrap()]);
    let s = Session::new(&db, Lang::Vi);
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("Sở Nội vụ") && !screen.contains("Chào mừng"),
        "{screen}"
    );
}

#[test]
fn the_units_screen_closes_and_reopens_a_unit_with_a_comment() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("c").keys("Đã thông qua tại phiên họp");
    snap!("close_box_vi_80x24", s.draw(80, 24));
    s.keys("\n");
    let screen = s.draw(80, 24);
    snap!("closed_vi_80x24", screen);
    assert!(
        screen.contains("SNV     Sở Nội vụ") && screen.contains("■"),
        "{screen}"
    );
    // Audited with who and the comment, as the command line audits it.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (who, comment): (String, String) = conn
        .query_row(
            "SELECT appraiser, comment FROM audit WHERE action = 'close' AND unit = 'SNV'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (who.as_str(), comment.as_str()),
        ("Nguyễn Thị Lan", "Đã thông qua tại phiên họp")
    );
    // The same service call as `thamdinh close`: a decision is now refused.
    let err = common::fails(
        &db,
        &["--appraiser", "Lan", "decide", "SNV", "1.1.1", "agree"],
    );
    assert!(err.contains("đã khóa"), "{err}");
    // The same key reopens it.
    let mut s = Session::new(&db, Lang::En);
    s.keys("c");
    snap!("reopen_box_en_80x24", s.draw(80, 24));
    s.keys("Fix 3.9\n");
    common::ok(
        &db,
        &["--appraiser", "Lan", "decide", "SNV", "1.1.1", "agree"],
    );
}

#[test]
fn the_ranking_screen_publishes_only_when_every_final_ranking_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("r").keys("P");
    snap!("publish_box_vi_80x24", s.draw(80, 24));
    s.keys("QĐ 123\n");
    let refused = s.draw(80, 24);
    snap!("publish_refused_vi_80x24", refused);
    assert!(refused.contains("Chưa công bố được"), "{refused}");
    // Nothing was published: the command line says so too.
    let err = common::fails(&db, &["--appraiser", "Lan", "unpublish", "--comment", "x"]);
    assert!(err.contains("chưa công bố"), "{err}");
}

/// The ledger's check on opening: a row written since the screens last verified the log,
/// then changed with plain SQL, puts a banner over every screen, and it stays whatever is
/// pressed. (A row before the one last verified is `verify`'s to find: the screens' check is
/// the fast one.)
/// The text with every shortened hash (16 hex digits and `…`) shown as `################…`.
fn hashes_hidden(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let hex = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if hex == 16 && chars.get(i + 16) == Some(&'…') {
            out.push_str("################");
            i += 16;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn a_broken_ledger_is_a_banner_that_stays_on_every_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    drop(appraised(&db, Lang::Vi));
    // A whole ledger: no banner.
    let s = Session::new(&db, Lang::Vi);
    assert!(s.app.ledger_alarm.is_none());
    assert!(!s.draw(80, 24).contains("SỔ NHẬT KÝ"));
    drop(s);
    // Two more decisions after that check; the comment of the last is then changed, in its
    // row of the log and in the decisions table.
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("\n").keys("jjjjjjjjj").keys("aa");
    drop(s);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_update;
             UPDATE audit SET comment = 'Đạt' WHERE id = (SELECT max(id) FROM audit);
             UPDATE decisions SET comment = 'Đạt'
                 WHERE (unit, item) = (SELECT unit, item FROM audit ORDER BY id DESC LIMIT 1);
             {};",
            thamdinh::store::TRIGGERS[0].1
        ))
        .unwrap();
    let mut s = Session::new(&db, Lang::Vi);
    let text = s.draw(80, 24);
    assert!(
        text.contains("⚠ SỔ NHẬT KÝ ĐÃ BỊ SỬA NGOÀI THAMDINH — chạy «thamdinh verify»"),
        "{text}"
    );
    // The hashes follow the time the demo was imported (its rows are in the chain).
    snap!("ledger_broken_units_vi_80x24", hashes_hidden(&text));
    s.keys("\n").keys("a").keys("?").keys("\x1b").keys("r");
    let text = s.draw(80, 24);
    assert!(text.contains("⚠ SỔ NHẬT KÝ ĐÃ BỊ SỬA"), "{text}");
    let mut s = Session::new(&db, Lang::En);
    s.keys("\n");
    snap!(
        "ledger_broken_appraisal_en_120x40",
        hashes_hidden(&s.draw(120, 40))
    );
}

/// A database file with nothing in it yet (the schema only).
fn empty_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("t.sqlite");
    drop(Store::open(&db).unwrap());
    db
}

#[test]
fn the_files_screen_previews_a_file_then_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_db(dir.path());
    for lang in [Lang::Vi, Lang::En] {
        let s = Session::new(&db, lang);
        let mut s = s;
        s.keys("f");
        let tag = if lang == Lang::Vi { "vi" } else { "en" };
        snap!(format!("files_{tag}_80x24"), s.draw(80, 24));
        s.keys("1").keys("data/criteria/2022/so-nganh.toml\n");
        snap!(format!("files_preview_set_{tag}_80x24"), s.draw(80, 24));
        // Esc: nothing written.
        s.keys("\x1b");
        assert!(s.app.files.preview.is_none());
    }
    // The preview wrote nothing: the year still has no set.
    let ws = Workspace::new(Store::open(&db).unwrap(), 2022).unwrap();
    assert!(ws.groups().unwrap().is_empty());
    drop(ws);

    let mut s = Session::new(&db, Lang::Vi);
    s.keys("f1data/criteria/2022/so-nganh.toml\n\n");
    let screen = s.draw(80, 24);
    assert!(screen.contains("Đã nạp bộ chỉ số so-nganh"), "{screen}");
    assert_eq!(s.app.groups.len(), 1);
    // The units: the box starts in the last folder; the preview counts the rows.
    s.keys("2");
    let screen = s.draw(80, 24);
    assert!(screen.contains("│data/criteria/2022/"), "{screen}");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    let units = "code,name,group\nSNV,Sở Nội vụ,so-nganh\nSTP,Sở Tư pháp,so-nganh\n";
    let path = common::write(dir.path(), "units.csv", units);
    s.keys(path.to_str().unwrap()).keys("\n");
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("2 dòng: 2 mới, 0 thay đổi, 0 không đổi. Không có lỗi."),
        "{screen}"
    );
    s.keys("\n");
    assert_eq!(s.app.units.lines.len(), 2, "{}", s.draw(80, 24));
    // The same file again: nothing new, nothing changed.
    s.keys("2");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(path.to_str().unwrap()).keys("\n");
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("2 dòng: 0 mới, 0 thay đổi, 2 không đổi."),
        "{screen}"
    );
    s.keys("\x1b");
    // The folder is remembered in the configuration for the next time.
    let config = Config::in_dir(&dir.path().join("config"));
    let folder = config.last_folder().unwrap();
    assert_eq!(folder, format!("{}/", dir.path().display()));
}

/// What the system says of a file that cannot be opened reaches the screen in the user's
/// language (issue 19): a missing file, a path through a file.
#[test]
fn a_file_that_cannot_be_opened_is_said_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    for (lang, tag, missing, through) in [
        (
            Lang::Vi,
            "vi",
            "không có tệp hay thư mục này",
            "một phần của đường dẫn là tệp",
        ),
        (
            Lang::En,
            "en",
            "no such file or folder",
            "part of the path is a file",
        ),
    ] {
        let mut s = Session::new(&db, lang);
        s.keys("f2");
        s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        s.keys("tests/data/không-có.csv\n");
        let text = s.draw(80, 24);
        assert!(text.contains(missing), "{text}");
        snap!(format!("files_missing_{tag}_80x24"), text);
        s.keys("\x1b2");
        s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        s.keys("README.md/units.csv\n");
        let text = s.draw(80, 24);
        assert!(text.contains(through), "{text}");
        assert!(!text.contains("os error"), "{text}");
    }
}

/// No screen captured in the snapshots speaks the system's English (issue 19).
#[test]
fn no_snapshot_holds_the_systems_english() {
    let dir = common::root().join("tests/it/snapshots");
    let english = [
        "os error",
        "No such file or directory",
        "Permission denied",
        "Is a directory",
        "Not a directory",
        "Read-only file system",
        "No space left on device",
        "database is locked",
        "disk I/O error",
        "Text file busy",
        "Device or resource busy",
    ];
    let mut seen = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for words in english {
            assert!(!text.contains(words), "{words:?} in {}", path.display());
        }
        seen += 1;
    }
    assert!(seen > 50, "{seen} snapshots read");
}

#[test]
fn a_refused_file_shows_every_problem_in_a_list_that_scrolls_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let before = common::dump(&db);
    for (lang, tag) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let mut s = Session::new(&db, lang);
        s.keys("f3tests/data/bad/self-one-good-row-two-bad.csv\n");
        snap!(format!("files_refused_{tag}_80x24"), s.draw(80, 24));
    }
    // Thirty bad rows: every one listed, a page at a time.
    let mut text = String::from("unit,item,score\n");
    for k in 0..30 {
        text.push_str(&format!("SNV,1.1.1,{}\n", 10 + k));
    }
    let path = common::write(dir.path(), "many.csv", text);
    let mut s = Session::new(&db, Lang::En);
    s.keys("f3");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(path.to_str().unwrap()).keys("\n");
    let problems = match &s.app.files.preview {
        Some((_, _, Err(p))) => p.lines.clone(),
        other => panic!("not refused: {other:?}"),
    };
    assert!(problems.len() >= 30, "{problems:?}");
    let first = s.draw(80, 24);
    assert!(first.contains("many.csv:2:"), "{first}");
    s.key(KeyCode::PageDown, KeyModifiers::NONE)
        .key(KeyCode::PageDown, KeyModifiers::NONE);
    let later = s.draw(80, 24);
    assert!(later.contains("many.csv:22:"), "{later}");
    assert!(!later.contains("many.csv:2:"), "{later}");
    // Past the end: the list stays full, the last problem at its foot (never scrolled empty).
    for _ in 0..4 {
        s.key(KeyCode::PageDown, KeyModifiers::NONE);
    }
    let end = s.draw(80, 24);
    assert!(end.contains("many.csv:31:"), "{end}");
    assert!(end.contains("many.csv:27:"), "{end}");
    assert!(end.contains("(26/30)"), "{end}");
    assert!(end.contains("30 problems, the file is refused"), "{end}");
    s.key(KeyCode::Up, KeyModifiers::NONE);
    let up = s.draw(80, 24);
    assert!(
        !up.contains("many.csv:31:") && up.contains("many.csv:26:"),
        "{up}"
    );
    // Enter can't import a refused file: it opens the path box again.
    s.keys("\n");
    assert!(s.app.input.is_some());
    assert_eq!(
        common::dump(&db),
        before,
        "a refused file changed the database"
    );
}

/// A folder where a file is wanted: the path box again with a sentence (no `:1:1:`), and the
/// folder is the one the next box starts in; a path whose folder is not one is not remembered.
#[test]
fn a_folder_in_the_path_box_is_said_in_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_db(dir.path());
    for (lang, tag) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let mut s = Session::new(&db, lang);
        s.keys("f2data/demo/2022\n");
        let screen = s.draw(80, 24);
        assert!(!screen.contains(":1:1:"), "{screen}");
        assert_eq!(s.app.input.as_ref().unwrap().text(), "data/demo/2022/");
        snap!(format!("files_folder_{tag}_80x24"), screen);
        assert_eq!(s.app.last_folder, "data/demo/2022/");
        s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        s.keys("no-such-folder/units.csv\n");
        assert_eq!(
            s.app.last_folder, "data/demo/2022/",
            "not a folder: not remembered"
        );
        s.keys("\x1b2");
        assert_eq!(s.app.input.as_ref().unwrap().text(), "data/demo/2022/");
    }
}

/// Completion ignores case and diacritics; `~` is the home folder; Ctrl-W takes off the
/// path's last part.
#[test]
fn completion_ignores_diacritics_and_case_and_tilde_is_home() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("Kết quả 2022")).unwrap();
    std::fs::write(dir.path().join("Điểm tự chấm.csv"), "unit,item,score\n").unwrap();
    let base = format!("{}/", dir.path().display());
    assert_eq!(
        thamdinh::tui::runtime::complete(&format!("{base}ke")),
        [format!("{base}Kết quả 2022/")]
    );
    assert_eq!(
        thamdinh::tui::runtime::complete(&format!("{base}DIEM")),
        [format!("{base}Điểm tự chấm.csv")]
    );
    let db = empty_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.app.home = Some(dir.path().display().to_string());
    s.keys("f2");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys("~/ket\t");
    assert_eq!(
        s.app.input.as_ref().unwrap().text(),
        format!("{base}Kết quả 2022/")
    );
    s.keys("x.csv");
    s.key(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(
        s.app.input.as_ref().unwrap().text(),
        format!("{base}Kết quả 2022/")
    );
    s.key(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(s.app.input.as_ref().unwrap().text(), base);
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys("~/điểm tự chấm.csv\n");
    let screen = s.draw(80, 24);
    assert!(!screen.contains('~'), "{screen}");
}

#[test]
fn tab_completes_file_and_folder_names_in_the_path_box() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("f2data/de\t");
    assert_eq!(s.app.input.as_ref().unwrap().text(), "data/demo/");
    // 2022's and 2025's folders: what they share, then the one.
    s.keys("2\t");
    assert_eq!(s.app.input.as_ref().unwrap().text(), "data/demo/202");
    s.keys("2\t");
    assert_eq!(s.app.input.as_ref().unwrap().text(), "data/demo/2022/");
    // Several names: what they share, and the names under the box.
    s.keys("s\t");
    assert_eq!(s.app.input.as_ref().unwrap().text(), "data/demo/2022/s");
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("Có: self_scores.csv  survey.csv"),
        "{screen}"
    );
    snap!("files_completions_vi_80x24", screen);
    s.keys("u\t");
    assert_eq!(
        s.app.input.as_ref().unwrap().text(),
        "data/demo/2022/survey.csv"
    );
    s.keys("zz\t");
    let screen = s.draw(80, 24);
    assert!(screen.contains("Không có tệp hay thư mục nào"), "{screen}");
}

#[test]
fn the_ranking_screen_writes_the_decisions_and_ranking_csv_and_the_notices_asking_before_replacing()
{
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.app.last_folder = format!("{}/", dir.path().display());
    s.keys("r").keys("d");
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("Ghi tệp CSV các quyết định — nhóm so-nganh"),
        "{screen}"
    );
    s.keys("\n");
    let csv = dir.path().join("quyet-dinh-2022-so-nganh.csv");
    assert!(csv.exists());
    let (said, _) = s.app.status.clone().unwrap();
    assert!(said.contains("quyet-dinh-2022-so-nganh.csv"), "{said}");
    // The same as the command line writes.
    let by_cli = dir.path().join("cli.csv");
    common::ok(
        &db,
        &[
            "export",
            "decisions",
            "--group",
            "so-nganh",
            "--out",
            by_cli.to_str().unwrap(),
        ],
    );
    assert_eq!(
        std::fs::read(&csv).unwrap(),
        std::fs::read(&by_cli).unwrap()
    );
    // Again: asked first; Esc leaves the file as it was.
    std::fs::write(&csv, "old").unwrap();
    s.keys("d\n");
    let screen = s.draw(80, 24);
    assert!(screen.contains("Tệp đã có"), "{screen}");
    s.keys("\x1b");
    assert_eq!(std::fs::read(&csv).unwrap(), b"old");
    // Enter replaces it.
    s.keys("d\n\n");
    assert_ne!(std::fs::read(&csv).unwrap(), b"old");

    s.keys("x\n");
    let ranking = dir.path().join("xep-hang-2022-so-nganh.csv");
    let by_cli = common::ok(&db, &["rank", "--group", "so-nganh", "--format", "csv"]);
    assert_eq!(std::fs::read_to_string(&ranking).unwrap(), by_cli);

    s.keys("t\n");
    let folder = dir.path().join("thong-bao-2022-so-nganh");
    let n = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(n, s.app.units.lines.len(), "{}", s.draw(80, 24));
    s.keys("t\n");
    assert!(s.draw(80, 24).contains("Tệp đã có"));
}

#[test]
fn the_units_screen_shows_who_has_which_field_and_changes_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    common::ok(
        &db,
        &[
            "--appraiser",
            "Trần Văn Bình",
            "assign",
            "--group",
            "so-nganh",
            "--fields",
            "1 2",
        ],
    );
    for (lang, tag) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let mut s = Session::new(&db, lang);
        s.keys("a");
        snap!(format!("assign_{tag}_80x24"), s.draw(80, 24));
    }
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("a+Lê Thị Cúc\n");
    snap!("assign_fields_box_vi_80x24", s.draw(80, 24));
    s.keys("3 4\n");
    let screen = s.draw(80, 24);
    assert!(screen.contains("Lê Thị Cúc: 3 4"), "{screen}");
    // A field the group does not have: refused with the command line's sentence.
    s.keys("k\n");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys("9\n");
    let screen = s.draw(80, 24);
    assert!(screen.contains("✗"), "{screen}");
    // The same as `thamdinh assign` stored.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM assignments WHERE appraiser = 'Lê Thị Cúc' AND group_code = 'so-nganh'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 2);
}

/// A code the group does not have, typed for a new member: the box comes back on the member
/// with the codes typed and the reason, so only the wrong code is corrected.
#[test]
fn a_wrong_field_code_keeps_the_member_and_the_codes_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    for (lang, tag) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let mut s = Session::new(&db, lang);
        s.keys("a+Phạm Văn Dũng\n2 99\n");
        let screen = s.draw(80, 24);
        snap!(format!("assign_wrong_code_{tag}_80x24"), screen);
        assert!(screen.contains("Phạm Văn Dũng"), "{screen}");
        assert!(screen.contains("2 99"), "{screen}");
        assert!(screen.contains("99"), "{screen}");
    }
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("a+Phạm Văn Dũng\n2 99\n");
    // Corrected in place: the last code rubbed out, the name never typed again.
    s.key(KeyCode::Backspace, KeyModifiers::NONE);
    s.key(KeyCode::Backspace, KeyModifiers::NONE);
    s.keys("3\n");
    let screen = s.draw(80, 24);
    assert!(screen.contains("Phạm Văn Dũng: 2 3"), "{screen}");
}

/// `Tab` on the assign and history screens looks at another group; back on the units, the
/// group and the selected unit are the ones left there.
#[test]
fn tab_on_the_assign_and_history_screens_leaves_the_units_group_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("jj");
    let before = s.draw(80, 24);
    for keys in ["a\t\t\x1b", "h\t\x1b", "hv\t\tq"] {
        s.keys(keys);
        assert_eq!(s.app.group, 0, "after {keys:?}");
        assert_eq!(s.app.units.sel, 2, "after {keys:?}");
        assert_eq!(s.draw(80, 24), before, "after {keys:?}");
    }
    // The ranking's history gives the ranking its group back too.
    s.keys("r\th\t\x1b");
    assert_eq!(s.app.group, 1);
    assert_eq!(s.app.screen, thamdinh::tui::keymap::Screen::Ranking);
}

#[test]
fn the_ranking_screen_starts_the_next_year_after_saying_what_will_happen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    for (lang, tag) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        let mut s = Session::new(&db, lang);
        s.keys("rN");
        snap!(format!("new_year_box_{tag}_80x24"), s.draw(80, 24));
        // 2022 is not published: the first Enter warns, in the box.
        s.keys("\n");
        assert_eq!(s.app.year, 2022);
        snap!(format!("new_year_warned_{tag}_80x24"), s.draw(80, 24));
        s.keys("\x1b");
        assert_eq!(s.app.year, 2022);
    }
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("rN\n\n");
    assert_eq!(s.app.year, 2023);
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("Chưa nhập điểm tự chấm — f để nhập"),
        "{screen}"
    );
    snap!("new_year_started_vi_80x24", screen);
    // Nothing ranked before the self scores.
    s.keys("r");
    let ranking = s.draw(80, 24);
    assert!(
        ranking.contains("chưa nhập điểm tự chấm — f để nhập"),
        "{ranking}"
    );
    snap!("new_year_ranking_vi_80x24", ranking);
    // The year box lists both years; `N` on 2022 says 2023 is there already.
    s.keys("Y");
    snap!("year_box_vi_80x24", s.draw(80, 24));
    s.keys("2022\n");
    assert_eq!(s.app.year, 2022);
    s.keys("N");
    let exists = s.draw(80, 24);
    assert!(exists.contains("Năm 2023 đã có trong tệp này"), "{exists}");
    snap!("new_year_exists_vi_80x24", exists);
    s.keys("\n");
    assert_eq!(s.app.year, 2023);
    assert_eq!(
        s.app.units.lines.len(),
        s.rt.ws.units(s.app.group_code()).unwrap().len()
    );
    // Audited, as `thamdinh new-year` is.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE comment = 'new-year 2023 --from 2022'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn the_welcome_starts_the_year_from_the_last_one_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::on_year(&db, Lang::En, 2023);
    let screen = s.draw(80, 24);
    assert!(screen.contains("N  Start 2023 from 2022"), "{screen}");
    snap!("welcome_with_year_before_en_80x24", screen);
    // 2022 is not published: the second Enter starts 2023 anyway.
    s.keys("N\n\n");
    assert_eq!(s.app.year, 2023);
    assert!(!s.app.units.lines.is_empty(), "{}", s.draw(80, 24));
    // An empty database has no year before: the welcome says where to go instead.
    let dir = tempfile::tempdir().unwrap();
    let db = empty_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("N");
    let (said, error) = s.app.status.clone().unwrap();
    assert!(
        error && said.contains("chưa có năm nào trước năm 2022"),
        "{said}"
    );
    assert!(s.app.input.is_none());
}

/// `D` on the welcome opens the demo year in its own file and leaves the council's file as it
/// was; `o` opens another database file (last year's), and refuses a path with no database
/// without making one.
#[test]
fn the_welcome_opens_the_demo_and_another_file_from_the_screens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hoidong.sqlite");
    common::ok(&db, &["init", "--year", "2022"]);
    let before = common::dump(&db);
    let mut s = Session::new(&db, Lang::Vi);
    s.rt.demo = dir.path().join("mau").join("demo.sqlite");
    s.keys("D");
    assert_eq!(s.app.db_label, "demo.sqlite");
    assert_eq!(s.app.year, 2022);
    assert_eq!(s.app.units.lines.len(), 21, "the demo's departments");
    let (said, error) = s.app.status.clone().unwrap();
    assert!(
        !error && said.starts_with("Đã mở bản mẫu năm 2022"),
        "{said}"
    );
    assert_eq!(
        common::dump(&db),
        before,
        "the council's file is left alone"
    );

    // Back to the council's file with `o`, its path typed in the box.
    s.keys("o");
    assert!(s.draw(80, 24).contains("Mở tệp cơ sở dữ liệu"));
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(db.to_str().unwrap()).keys("\n");
    assert_eq!(s.app.db_label, "hoidong.sqlite");
    assert!(s.app.units.lines.is_empty() && s.app.no_units);
    let screen = s.draw(80, 24);
    assert!(screen.contains("Chào mừng"), "{screen}");

    // A path with no database: said, and nothing is made there.
    let missing = dir.path().join("khong-co").join("x.sqlite");
    s.keys("o");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(missing.to_str().unwrap()).keys("\n");
    let (said, error) = s.app.status.clone().unwrap();
    assert!(error && said.contains("không mở, không tạo gì"), "{said}");
    assert!(!dir.path().join("khong-co").exists());
    assert_eq!(
        s.app.db_label, "hoidong.sqlite",
        "still on the council's file"
    );
}

/// The first start on a file that is not there: the choices, in both languages, at 80×24.
#[test]
fn the_first_start_screen_offers_to_make_the_file_or_open_the_demo() {
    use thamdinh::tui::first::FirstStart;
    let draw = |f: &FirstStart| {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|fr| f.draw(fr)).unwrap();
        let buf = t.backend().buffer();
        (0..24)
            .map(|y| {
                let line: String = (0..80).map(|x| buf[(x, y)].symbol()).collect();
                line.trim_end().to_string() + "\n"
            })
            .collect::<String>()
    };
    let mut first = FirstStart {
        path: "/home/thuky/hoidong.sqlite".into(),
        demo: "/home/thuky/.local/share/thamdinh/demo.sqlite".into(),
        year: 2022,
        lang: Lang::Vi,
    };
    let vi = draw(&first);
    assert!(
        vi.contains("Năm 2022: bộ chỉ số MINH HỌA của 4 nhóm, chưa phải bộ chính thức."),
        "{vi}"
    );
    snap!("first_start_vi_80x24", vi);
    first.year = 2026;
    let later = draw(&first);
    assert!(
        later.contains("Năm 2026 chưa có bộ chỉ số có sẵn"),
        "{later}"
    );
    first.lang = Lang::En;
    snap!("first_start_en_80x24", draw(&first));
}

/// A member who may not write the file: the screens open read-only with a banner saying who
/// may not write what and the fix, every key that writes says why it cannot, and nothing is
/// written.
#[test]
fn a_read_only_database_opens_with_a_banner_and_refuses_every_key_that_writes() {
    use thamdinh::store::open::Access;
    use thamdinh::tui::app::ReadOnly;
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let before = common::dump(&db);
    let access = Access {
        path: "/srv/hoidong/hd.sqlite".into(),
        folder: false,
        owner: "lan".into(),
        group: "hoidong".into(),
        mode: 0o664,
        user: "khoa".into(),
        groups: vec!["khoa".into()],
        council: "hoidong".into(),
    };
    for (lang, name) in [
        (Lang::Vi, "read_only_vi_80x24"),
        (Lang::En, "read_only_en_80x24"),
    ] {
        let store = Store::open_read(&db).unwrap().unwrap();
        assert!(store.is_read_only());
        let ws = Workspace::new(store, 2022).unwrap();
        let config = Config::in_dir(&dir.path().join("config"));
        let mut rt = Runtime::new(ws, config);
        let mut app = App::new(lang, Some("Khoa".into()), "hd.sqlite".into(), 2022);
        app.theme = Theme { color: false };
        app.read_only = Some(ReadOnly {
            banner: thamdinh::i18n::access::read_only_banner(&access, lang),
        });
        start(&mut app, &mut rt);
        let mut s = Session { app, rt };
        let refusal = thamdinh::i18n::access::key_needs_write(lang).to_string();
        // On the units screen: close a unit, import files, a new year.
        for k in ["c", "f", "N"] {
            s.keys(k);
            assert_eq!(s.app.status, Some((refusal.clone(), true)), "key {k}");
            s.keys("j").keys("k");
        }
        s.keys("\n"); // the appraisal screen opens: reading is allowed
        assert!(s.app.appraisal.open.is_some());
        // Enter on an item opens the score box elsewhere: here it is refused too.
        for k in ["a", "e", "x", "c", "f", "u", "1", "\n"] {
            s.keys(k);
            assert!(s.app.input.is_none(), "key {k} opened a box");
            assert_eq!(s.app.status, Some((refusal.clone(), true)), "key {k}");
        }
        snap!(name, s.draw(80, 24));
        // The ranking's unpublish box would write as well.
        s.keys("q").keys("r").keys("U");
        assert!(s.app.input.is_none(), "U opened a box");
        assert_eq!(s.app.status, Some((refusal.clone(), true)), "key U");
    }
    assert_eq!(common::dump(&db), before);
}

#[test]
fn the_council_box_sets_the_years_settings_from_the_ranking_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("rH");
    let text = s.draw(80, 24);
    assert!(text.contains("Ký hiệu tờ trình: TTr-HĐTĐ"), "{text}");
    snap!("council_box_vi_80x24", text);
    // A wrong line is refused in place, naming it; nothing is stored.
    s.key(KeyCode::Down, KeyModifiers::NONE);
    s.key(KeyCode::Down, KeyModifiers::NONE);
    s.key(KeyCode::End, KeyModifiers::NONE);
    s.keys("Sóc Trăng");
    for _ in 0..3 {
        s.key(KeyCode::Down, KeyModifiers::NONE);
    }
    s.key(KeyCode::End, KeyModifiers::NONE);
    s.key(KeyCode::Backspace, KeyModifiers::NONE);
    s.keys("0");
    s.keys("\n");
    let text = s.draw(80, 24);
    assert!(
        text.contains("Dòng 6: Số văn bản tiếp theo «0» không hợp lệ"),
        "{text}"
    );
    snap!("council_box_refused_vi_80x24", text);
    s.key(KeyCode::Backspace, KeyModifiers::NONE);
    s.keys("41\n");
    let text = s.draw(80, 24);
    assert!(
        text.contains("Đã lưu thông tin Hội đồng năm 2022."),
        "{text}"
    );
    let ws = Workspace::new(Store::open(&db).unwrap(), 2022).unwrap();
    let (council, own) = ws.council().unwrap();
    assert!(own);
    assert_eq!(
        (council.place.as_str(), council.next_number),
        ("Sóc Trăng", 41)
    );
    // English, from the files screen.
    let mut s = Session::new(&db, Lang::En);
    s.keys("fH");
    let text = s.draw(80, 24);
    assert!(text.contains("Place: Sóc Trăng"), "{text}");
    assert!(text.contains("Next number: 41"), "{text}");
    snap!("council_box_en_80x24", text);
}

#[test]
fn the_ranking_screen_writes_the_minutes_and_the_submission_under_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.app.last_folder = format!("{}/", dir.path().display());
    s.keys("r").keys("b");
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("Ghi biên bản thẩm định vào thư mục — nhóm so-nganh"),
        "{screen}"
    );
    s.keys("\n");
    let folder = dir.path().join("bien-ban-2022-so-nganh");
    let n = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(n, s.app.units.lines.len());
    let (said, _) = s.app.status.clone().unwrap();
    assert!(said.contains("biên bản là dự thảo"), "{said}");
    s.keys("T");
    let screen = s.draw(80, 24);
    assert!(
        screen.contains("Ghi tờ trình kết quả xếp hạng — mọi nhóm"),
        "{screen}"
    );
    assert!(screen.contains("to-trinh-2022.docx"), "{screen}");
    s.keys("\n");
    let file = dir.path().join("to-trinh-2022.docx");
    thamdinh::io::xmltext::check_package(&file).unwrap();
    let (said, _) = s.app.status.clone().unwrap();
    assert!(
        said.starts_with("Đã ghi dự thảo tờ trình (.docx, kết quả tạm tính, chưa cấp số)"),
        "{said}"
    );
    // The notices take their numbers; written again, the same.
    s.keys("t\n");
    let (said, _) = s.app.status.clone().unwrap();
    assert!(said.contains("số 1/TB-HĐTĐ – 21/TB-HĐTĐ"), "{said}");
    s.keys("t\n\n");
    let (said, _) = s.app.status.clone().unwrap();
    assert!(said.contains("số 1/TB-HĐTĐ – 21/TB-HĐTĐ"), "{said}");
}

/// The text of the rows between the screen's main part and its status line that the message
/// area holds: every line after the rule, up to the status line.
fn message_area(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let last = lines.len() - 1;
    let rule = (0..last)
        .rev()
        .find(|&i| lines[i].chars().all(|c| c == '─') && !lines[i].is_empty())
        .expect("a message area");
    lines[rule + 1..last]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn opening_a_path_with_no_database_says_so_whole_and_leaves_nothing_saving() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("o");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    let missing = "/khong-co/thu-muc/cua-hoi-dong-tham-dinh/nam-2021/hoidong-2021.sqlite";
    s.keys(missing).keys("\n");
    assert!(!s.app.saving);
    let screen = s.draw(80, 24);
    assert!(!screen.contains("đang lưu"), "{screen}");
    let area = message_area(&screen).join("");
    let joined: String = area.split_whitespace().collect::<Vec<_>>().join("");
    assert!(joined.contains(missing), "{screen}");
    assert!(screen.lines().all(|l| l.chars().count() <= 80));
    snap!("open_missing_database_vi_80x24", screen);
    // The next key puts the message back on the status line, cut there.
    s.keys("j");
    let screen = s.draw(80, 24);
    assert!(!screen.contains(missing), "{screen}");
    assert!(!screen.contains("đang lưu"), "{screen}");
}

#[test]
fn where_an_export_was_written_is_said_whole_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let folder = dir
        .path()
        .join("ho-so-hoi-dong-tham-dinh/ket-qua-nam-2022/xuat-ra-cho-van-phong");
    std::fs::create_dir_all(&folder).unwrap();
    let mut s = Session::new(&db, Lang::Vi);
    s.app.last_folder = format!("{}/", folder.display());
    s.keys("rd\n");
    let path = folder.join("quyet-dinh-2022-so-nganh.csv");
    assert!(path.exists());
    let screen = s.draw(80, 24);
    let area = message_area(&screen);
    assert!(area.len() >= 2, "{screen}");
    let joined: String = area.iter().map(|l| l.trim()).collect::<Vec<_>>().join("");
    assert!(joined.contains(&path.display().to_string()), "{screen}");
    // The screen itself stays: its title and the status line.
    assert!(screen.starts_with(" Xếp hạng tạm tính"), "{screen}");
    assert!(
        screen.lines().last().unwrap().contains("? phím"),
        "{screen}"
    );
}

/// A file of the wrong kind: its header row names the kind it is, first in the list.
#[test]
fn a_file_of_another_kind_is_named_by_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    for (lang, tag, hint) in [
        (
            Lang::Vi,
            "vi",
            "Tệp này có vẻ là «Danh sách đơn vị» — loại 2 (nhấn 2 để chọn loại đó).",
        ),
        (
            Lang::En,
            "en",
            "This file looks like «Units» — kind 2 (press 2 to choose it).",
        ),
    ] {
        let mut s = Session::new(&db, lang);
        s.keys("f3");
        s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        s.keys("data/demo/2022/units.csv\n");
        let screen = s.draw(80, 24);
        let lines = match &s.app.files.preview {
            Some((_, _, Err(r))) => r.lines.clone(),
            other => panic!("not refused: {other:?}"),
        };
        assert_eq!(lines[0], hint);
        snap!(format!("files_wrong_kind_{tag}_80x24"), screen);
    }
    // The file's own kind: no hint.
    use thamdinh::service::FileKind;
    assert_eq!(
        FileKind::of_header("unit,item,score,note,evidence"),
        Some(FileKind::SelfScores)
    );
    assert_eq!(
        FileKind::of_header("\u{feff}\"unit\";\"score\""),
        Some(FileKind::Survey)
    );
    assert_eq!(FileKind::of_header("a,b"), None);
}

/// The preview shows the file's first rows under its header, and the year's units the file
/// has no row for (self scores, survey); a complete file says it has them all.
#[test]
fn the_preview_shows_the_first_rows_and_the_units_not_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let all = std::fs::read_to_string(common::demo_file("survey.csv")).unwrap();
    let some: String = all.lines().take(4).map(|l| format!("{l}\n")).collect();
    let path = common::write(dir.path(), "dieu-tra.csv", some);
    for (lang, tag, absent) in [
        (Lang::Vi, "vi", "Chưa có trong tệp 44/47 đơn vị: "),
        (Lang::En, "en", "Not in the file: 44 of 47 units: "),
    ] {
        let mut s = Session::new(&db, lang);
        s.keys("f4");
        s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        s.keys(path.to_str().unwrap()).keys("\n");
        let screen = s.draw(80, 24);
        assert!(screen.contains(absent), "{screen}");
        assert!(screen.contains("  unit │ score"), "{screen}");
        assert!(screen.contains("  SNV │ 29.11"), "{screen}");
        // The temporary folder's name, masked (same length, so the lines are cut alike).
        let folder = dir.path().display().to_string();
        let screen = screen.replace(&folder, &"T".repeat(folder.chars().count()));
        snap!(format!("files_preview_glance_{tag}_80x24"), screen);
    }
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("f4");
    s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    s.keys(common::demo_file("survey.csv").to_str().unwrap())
        .keys("\n");
    let screen = s.draw(80, 24);
    assert!(screen.contains("Tệp có đủ 47 đơn vị của năm."), "{screen}");
}

/// The replace box says what the file there holds: its size and when it was written, in the
/// council's local time.
#[test]
fn the_replace_box_says_what_the_file_there_holds() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let out = dir.path().join("kq.xlsx");
    std::fs::write(&out, vec![b'x'; 12_600]).unwrap();
    // 30/11/2022 02:00 UTC: 09:00 in Sóc Trăng.
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_669_773_600);
    std::fs::File::options()
        .write(true)
        .open(&out)
        .unwrap()
        .set_modified(at)
        .unwrap();
    let folder = dir.path().display().to_string();
    for (lang, tag, about) in [
        (
            Lang::Vi,
            "vi",
            "Tệp này đã có: 12,3 KB, ghi lúc 30/11/2022 09:00.",
        ),
        (
            Lang::En,
            "en",
            "This file is already there: 12.3 KB, written 30/11/2022 09:00.",
        ),
    ] {
        let mut s = Session::new(&db, lang);
        s.keys("rw");
        s.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
        s.keys(out.to_str().unwrap()).keys("\n");
        assert_eq!(s.app.overwrite_about, about);
        let screen = s
            .draw(80, 24)
            .replace(&folder, &"T".repeat(folder.chars().count()));
        snap!(format!("replace_box_{tag}_80x24"), screen);
        s.keys("\x1b");
    }
}

/// Through the store: a member of field 2 agrees every item of it; the status says what the
/// unit still waits for and whose fields those are, and `n` opens the next unit in field 2.
#[test]
fn a_member_who_finished_their_fields_is_told_what_remains_and_whose() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(dir.path());
    let mut store = Store::open(&db).unwrap();
    store
        .assign_fields(2022, "Nguyễn Thị Lan", "so-nganh", &["2".to_string()])
        .unwrap();
    store
        .assign_fields(
            2022,
            "Trần Văn Bình",
            "so-nganh",
            &["1".to_string(), "3".to_string()],
        )
        .unwrap();
    drop(store);
    let mut s = Session::new(&db, Lang::Vi);
    s.keys("\n");
    for _ in 0..60 {
        let status = s.app.status.clone().map(|(t, _)| t).unwrap_or_default();
        if status.contains("Bạn đã xong lĩnh vực được giao") {
            break;
        }
        s.keys("a");
    }
    let said = s.app.status.clone().unwrap().0;
    assert!(
        said.contains("Bạn đã xong lĩnh vực được giao ở Sở Nội vụ; đơn vị còn 91/101 tiêu chí chưa thẩm định: lĩnh vực 1 (13 tiêu chí, Trần Văn Bình); lĩnh vực 3 (16 tiêu chí, Trần Văn Bình); lĩnh vực 4 (10 tiêu chí, chưa giao cho ai);"),
        "{said}"
    );
    s.keys("n");
    let said = s.app.status.clone().unwrap().0;
    assert!(said.ends_with("Sang Sở Tư pháp."), "{said}");
    let o = s.app.appraisal.open.as_ref().unwrap();
    assert_eq!(o.data.unit.code.as_str(), "STP");
    assert_eq!(o.data.set.node(o.sel).code.as_str(), "2.1.1");
}
