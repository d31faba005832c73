//! The screens' state machine, driven by keys and results, without a terminal or a database.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::path::Path;
use std::sync::Arc;
use thamdinh::builtin;
use thamdinh::domain::{
    Decision, ItemCode, KeptComment, Points, SelfEntry, SelfScore, Sheet, State, UnitCode,
    UnitTotals, Verdict,
};
use thamdinh::i18n::Lang;
use thamdinh::io::criteria::set_from_toml;
use thamdinh::store::UnitRow;
use thamdinh::tui::action::{Action, Cmd, Effect, GroupTab, Loaded, Saved, UnitData, UnitLine};
use thamdinh::tui::app::{App, Dialog, InputKind, ItemFilter};
use thamdinh::tui::keymap::Screen;

fn key(c: KeyCode) -> Action {
    Action::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn ch(c: char) -> Action {
    key(KeyCode::Char(c))
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| app.update(ch(c))).collect()
}

fn unit_row(code: &str, name: &str) -> UnitRow {
    UnitRow {
        code: UnitCode::parse(code).unwrap(),
        name: name.into(),
        group: "so-nganh".into(),
        ranked: true,
        closed: false,
        survey: Some(Points::from_int(30)),
    }
}

/// The department set with every item self-scored at its maximum.
fn unit_data(code: &str, name: &str) -> UnitData {
    let (_, text) = builtin::sets_of(2022)
        .find(|(n, _)| *n == "so-nganh.toml")
        .unwrap();
    let set = set_from_toml(Path::new("so-nganh.toml"), text).unwrap();
    let unit = unit_row(code, name);
    let mut sheet = Sheet::new(&set, unit.code.clone());
    for i in set.item_indexes().collect::<Vec<_>>() {
        sheet.records[i].self_entry = Some(SelfEntry {
            score: SelfScore::Points(set.node(i).max),
            note: "Đã thực hiện".into(),
            evidence: "Kế hoạch số 1/KH".into(),
        });
    }
    UnitData {
        unit,
        set: Arc::new(set),
        sheet,
        assigned: Vec::new(),
        team: Vec::new(),
    }
}

fn item(app: &App) -> String {
    let o = app.appraisal.open.as_ref().unwrap();
    o.data.set.node(o.sel).code.to_string()
}

/// An app with the department group loaded and Sở Nội vụ open.
fn opened() -> App {
    let mut app = App::new(Lang::Vi, Some("Lan".into()), "t.sqlite".into(), 2022);
    let group = |code: &str, name: &str| GroupTab {
        code: code.into(),
        name: name.into(),
        short_name: None,
    };
    let fx = app.update(Action::Loaded(Loaded::Groups(vec![
        group("so-nganh", "Sở, ban, ngành tỉnh"),
        group("huyen", "UBND cấp huyện"),
    ])));
    assert_eq!(
        fx,
        vec![Effect::LoadUnits {
            group: "so-nganh".into()
        }]
    );
    let lines = [
        ("SNV", "Sở Nội vụ"),
        ("STP", "Sở Tư pháp"),
        ("SYT", "Sở Y tế"),
    ]
    .iter()
    .map(|(c, n)| UnitLine {
        unit: unit_row(c, n),
        totals: UnitTotals {
            tree: thamdinh::domain::sheet::NodeSum {
                items: 101,
                ..Default::default()
            },
            ..Default::default()
        },
        fields: vec![("1".into(), 0, 13), ("2".into(), 0, 10)],
    })
    .collect();
    app.update(Action::Loaded(Loaded::Units {
        group: "so-nganh".into(),
        lines,
    }));
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::OpenUnit {
            unit: UnitCode::parse("SNV").unwrap()
        }]
    );
    app.update(Action::Loaded(Loaded::Unit(unit_data("SNV", "Sở Nội vụ"))));
    assert_eq!(app.screen, Screen::Appraisal);
    app
}

/// What the runtime would send back after committing `state` on the selected item.
/// The store's answer to a comment on the selected, undecided item: kept for its decision.
fn kept(app: &App, comment: &str) -> Action {
    let o = app.appraisal.open.as_ref().unwrap();
    let mut data = o.data.clone();
    let code = o.data.set.node(o.sel).code.clone();
    data.sheet.records[o.sel].kept = Some(KeptComment {
        text: comment.into(),
        appraiser: "Lan".into(),
        at: "2022-12-01T08:00:00Z".into(),
    });
    Action::Saved {
        saved: Saved::Comment { item: code },
        data,
        at: "15:00:00".into(),
    }
}

/// The text of the screen at 80×24.
fn item_notes_text(app: &App) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| thamdinh::tui::screens::view(app, f)).unwrap();
    t.backend().to_string()
}

fn saved(app: &App, state: State, score: Option<Points>, comment: &str) -> Action {
    let o = app.appraisal.open.as_ref().unwrap();
    let mut data = o.data.clone();
    let code = o.data.set.node(o.sel).code.clone();
    data.sheet.records[o.sel].decision = Some(Decision {
        state,
        score,
        comment: comment.into(),
        appraiser: "Lan".into(),
        decided_at: "2022-12-01T08:00:00Z".into(),
        round: 1,
    });
    Action::Saved {
        saved: Saved::Decision { item: code, score },
        data,
        at: "15:00:00".into(),
    }
}

#[test]
fn opens_on_the_first_undecided_item() {
    let app = opened();
    assert_eq!(item(&app), "1.1.1");
}

#[test]
fn agree_asks_the_store_and_shows_nothing_as_done_before_the_commit() {
    let mut app = opened();
    let fx = app.update(ch('a'));
    assert_eq!(
        fx,
        vec![Effect::Decide {
            unit: UnitCode::parse("SNV").unwrap(),
            item: ItemCode::parse("1.1.1").unwrap(),
            verdict: Verdict::Agree,
            comment: String::new(),
        }]
    );
    assert!(app.saving);
    let o = app.appraisal.open.as_ref().unwrap();
    assert_eq!(
        o.state(o.sel),
        State::Undecided,
        "not done before the commit returns"
    );
    // A second key while saving sends nothing twice.
    assert!(app.update(ch('a')).is_empty());
    let ack = saved(&app, State::Agreed, Some(Points::from_hundredths(50)), "");
    let fx = app.update(ack);
    assert!(fx.is_empty(), "nothing more to read per key press: {fx:?}");
    assert!(!app.saving);
    assert_eq!(item(&app), "1.1.2", "moves on to the next undecided item");
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .0
            .starts_with("Đã lưu 1.1.1 → 0,5 (đồng ý)")
    );
}

#[test]
fn a_failed_save_leaves_the_item_as_it_was_and_says_why() {
    let mut app = opened();
    app.update(ch('a'));
    app.update(Action::SaveFailed("Đơn vị SNV đã khóa kết quả.".into()));
    let o = app.appraisal.open.as_ref().unwrap();
    assert_eq!(o.state(o.sel), State::Undecided);
    assert_eq!(item(&app), "1.1.1");
    assert_eq!(
        app.status,
        Some(("Đơn vị SNV đã khóa kết quả.".into(), true))
    );
    assert!(!app.saving);
}

#[test]
fn a_failed_read_leaves_a_save_on_its_way_on_its_way() {
    let mut app = opened();
    app.update(ch('a'));
    assert!(app.saving);
    app.update(Action::LoadFailed(
        "Lỗi cơ sở dữ liệu: disk I/O error.".into(),
    ));
    assert!(app.saving, "the decision has not come back yet");
    assert!(app.update(ch('a')).is_empty(), "nothing is sent twice");
    assert_eq!(
        app.status,
        Some(("Lỗi cơ sở dữ liệu: disk I/O error.".into(), true))
    );
    let ack = saved(&app, State::Agreed, Some(Points::from_hundredths(50)), "");
    app.update(ack);
    assert!(!app.saving);
    assert_eq!(item(&app), "1.1.2");
}

#[test]
fn an_option_number_sets_that_option() {
    let mut app = opened();
    let fx = app.update(ch('2'));
    assert!(matches!(
        &fx[..],
        [Effect::Decide { verdict: Verdict::Score(p), .. }] if *p == Points::from_hundredths(25)
    ));
    let mut app = opened();
    assert!(app.update(ch('7')).is_empty());
    assert!(
        app.status.as_ref().unwrap().1,
        "an error for a missing option"
    );
}

#[test]
fn a_typed_score_is_checked_in_place() {
    let mut app = opened();
    // 3.9 is a free item of 1.25 points.
    let target = app
        .appraisal
        .open
        .as_ref()
        .unwrap()
        .data
        .set
        .index_of(&ItemCode::parse("3.9").unwrap())
        .unwrap();
    app.appraisal.open.as_mut().unwrap().sel = target;
    app.update(ch('e'));
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::Score);
    typed(&mut app, "0,125");
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    let err = app.input.as_ref().unwrap().error.clone().unwrap();
    assert!(err.contains("tối đa 2 chữ số thập phân"), "{err}");
    for _ in 0..5 {
        app.update(key(KeyCode::Backspace));
    }
    typed(&mut app, "1,5");
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    assert!(
        app.input
            .as_ref()
            .unwrap()
            .error
            .clone()
            .unwrap()
            .contains("vượt điểm tối đa 1.25")
    );
    for _ in 0..3 {
        app.update(key(KeyCode::Backspace));
    }
    typed(&mut app, "0,75");
    let fx = app.update(key(KeyCode::Enter));
    assert!(matches!(
        &fx[..],
        [Effect::Decide { verdict: Verdict::Score(p), .. }] if *p == Points::from_hundredths(75)
    ));
    assert!(app.input.is_none());
}

#[test]
fn in_the_score_box_an_option_number_picks_the_option() {
    let mut app = opened(); // 1.1.1: options 0.5 / 0.25 / 0
    app.update(ch('e'));
    typed(&mut app, "3");
    let fx = app.update(key(KeyCode::Enter));
    assert!(
        matches!(&fx[..], [Effect::Decide { verdict: Verdict::Score(p), .. }] if *p == Points::ZERO)
    );
}

#[test]
fn not_applicable_needs_a_reason() {
    let mut app = opened();
    app.update(ch('x'));
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    assert!(
        app.input
            .as_ref()
            .unwrap()
            .error
            .clone()
            .unwrap()
            .contains("cần ghi nhận xét")
    );
    typed(&mut app, "Không có nhiệm vụ");
    let fx = app.update(key(KeyCode::Enter));
    assert!(matches!(
        &fx[..],
        [Effect::Decide { verdict: Verdict::NotApplicable, comment, .. }] if comment == "Không có nhiệm vụ"
    ));
}

#[test]
fn a_comment_on_an_undecided_item_goes_with_its_decision() {
    let mut app = opened();
    app.update(ch('c'));
    typed(&mut app, "Thieu");
    // A Vietnamese input method rebuilds the word: Backspaces, then the word with its marks.
    for _ in 0..4 {
        app.update(key(KeyCode::Backspace));
    }
    typed(&mut app, "hiếu minh chứng");
    // The comment is stored at once, kept on the undecided item (issue 19: nothing a member
    // wrote lives only in the screen's memory).
    let fx = app.update(key(KeyCode::Enter));
    assert!(
        matches!(&fx[..], [Effect::SetComment { comment, .. }] if comment == "Thiếu minh chứng"),
        "{fx:?}"
    );
    assert!(item_notes_text(&app).contains("Thiếu minh chứng"));
    app.update(kept(&app, "Thiếu minh chứng"));
    assert_eq!(
        app.status.clone().unwrap().0,
        "Đã lưu nhận xét 1.1.1; nhận xét sẽ đi cùng quyết định của tiêu chí này"
    );
    let fx = app.update(ch('f'));
    assert!(matches!(
        &fx[..],
        [Effect::Decide { verdict: Verdict::RequestExplanation, comment, .. }] if comment == "Thiếu minh chứng"
    ));
}

#[test]
fn a_comment_on_a_decided_item_is_saved_at_once() {
    let mut app = opened();
    app.update(ch('a'));
    let ack = saved(&app, State::Agreed, Some(Points::from_hundredths(50)), "");
    app.update(ack);
    app.update(ch('k'));
    assert_eq!(item(&app), "1.1.1");
    app.update(ch('c'));
    typed(&mut app, "Đúng hạn");
    let fx = app.update(key(KeyCode::Enter));
    assert!(matches!(&fx[..], [Effect::SetComment { comment, .. }] if comment == "Đúng hạn"));
}

fn alt_enter() -> Action {
    Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT))
}

fn ctrl_j() -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL))
}

#[test]
fn a_comment_is_a_paragraph_alt_enter_and_ctrl_j_break_lines_enter_saves() {
    let mut app = opened();
    app.update(ch('a'));
    let ack = saved(&app, State::Agreed, Some(Points::from_hundredths(50)), "");
    app.update(ack);
    app.update(ch('k'));
    app.update(ch('c'));
    typed(&mut app, "Kế hoạch ban hành chậm.");
    assert!(app.update(alt_enter()).is_empty());
    typed(&mut app, "Thiếu báo cáo quý I.");
    assert!(app.update(ctrl_j()).is_empty());
    typed(&mut app, "Đề nghị bổ sung.");
    assert_eq!(app.input.as_ref().unwrap().area.lines().len(), 3);
    let fx = app.update(key(KeyCode::Enter));
    assert!(
        matches!(&fx[..], [Effect::SetComment { comment, .. }]
            if comment == "Kế hoạch ban hành chậm.\nThiếu báo cáo quý I.\nĐề nghị bổ sung."),
        "{fx:?}"
    );
    assert!(app.input.is_none());
    // The stored comment comes back line by line into the box.
    let ack = saved(
        &app,
        State::Agreed,
        Some(Points::from_hundredths(50)),
        "Dòng một\nDòng hai",
    );
    app.update(ack);
    app.update(ch('k'));
    app.update(ch('c'));
    let input = app.input.as_ref().unwrap();
    assert_eq!(input.area.lines(), ["Dòng một", "Dòng hai"]);
    assert_eq!(input.area.cursor(), (1, "Dòng hai".chars().count()));
}

#[test]
fn a_reason_for_not_applicable_keeps_its_line_breaks() {
    let mut app = opened();
    app.update(ch('x'));
    typed(&mut app, "Không có nhiệm vụ");
    app.update(alt_enter());
    typed(&mut app, "(Quyết định 12/QĐ)");
    let fx = app.update(key(KeyCode::Enter));
    assert!(matches!(
        &fx[..],
        [Effect::Decide { verdict: Verdict::NotApplicable, comment, .. }]
            if comment == "Không có nhiệm vụ\n(Quyết định 12/QĐ)"
    ));
}

#[test]
fn one_line_boxes_stay_one_line() {
    let mut app = opened();
    app.update(ch('e'));
    typed(&mut app, "0,5");
    // Ctrl-J does nothing (the text area would delete up to the cursor); Alt-Enter submits.
    assert!(app.update(ctrl_j()).is_empty());
    assert_eq!(app.input.as_ref().unwrap().area.lines(), ["0,5"]);
    let fx = app.update(alt_enter());
    assert!(
        matches!(&fx[..], [Effect::Decide { verdict: Verdict::Score(p), .. }] if *p == Points::from_hundredths(50)),
        "{fx:?}"
    );
    app.update(Action::SaveFailed("x".into()));
    app.update(ch('/'));
    typed(&mut app, "ke");
    app.update(ctrl_j());
    app.update(alt_enter());
    assert!(app.input.is_none(), "the search box closed");
    assert_eq!(app.appraisal.open.as_ref().unwrap().search, "ke");
    // Esc clears the search and stays in the unit; the next Esc leaves it (issue 23 §4).
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Appraisal);
    assert_eq!(app.appraisal.open.as_ref().unwrap().search, "");
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Units);
}

#[test]
fn key_releases_are_ignored_and_ctrl_c_quits() {
    let mut app = opened();
    let mut release = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert!(app.update(Action::Key(release)).is_empty());
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(app.quit);
}

#[test]
fn the_item_filter_cycles_and_hides_decided_items() {
    let mut app = opened();
    app.update(ch('a'));
    let ack = saved(&app, State::Agreed, Some(Points::from_hundredths(50)), "");
    app.update(ack);
    app.update(ch('v'));
    let o = app.appraisal.open.as_ref().unwrap();
    assert_eq!(o.filter, ItemFilter::Undecided);
    let first = ItemCode::parse("1.1.1").unwrap();
    assert!(!o.visible().contains(&o.data.set.index_of(&first).unwrap()));
    app.update(ch('v'));
    app.update(ch('v'));
    assert_eq!(app.appraisal.open.as_ref().unwrap().filter, ItemFilter::All);
}

#[test]
fn collapse_and_expand_with_arrows_and_enter() {
    let mut app = opened();
    app.update(key(KeyCode::Left)); // 1.1.1 -> its parent 1.1
    assert_eq!(item(&app), "1.1");
    app.update(key(KeyCode::Left)); // collapse 1.1
    let o = app.appraisal.open.as_ref().unwrap();
    let first = o
        .data
        .set
        .index_of(&ItemCode::parse("1.1.1").unwrap())
        .unwrap();
    assert!(!o.visible().contains(&first));
    app.update(key(KeyCode::Enter)); // expand again
    assert!(
        app.appraisal
            .open
            .as_ref()
            .unwrap()
            .visible()
            .contains(&first)
    );
}

#[test]
fn next_undecided_goes_on_to_the_next_unit_at_the_end() {
    let mut app = opened();
    let set = app.appraisal.open.as_ref().unwrap().data.set.clone();
    let mut data = app.appraisal.open.as_ref().unwrap().data.clone();
    for i in set.item_indexes().collect::<Vec<_>>() {
        data.sheet.records[i].decision = Some(Decision {
            state: State::Agreed,
            score: Some(set.node(i).max),
            comment: String::new(),
            appraiser: "Lan".into(),
            decided_at: String::new(),
            round: 1,
        });
    }
    app.update(Action::Loaded(Loaded::Unit(data)));
    let fx = app.update(ch('n'));
    assert_eq!(
        fx,
        vec![Effect::OpenUnit {
            unit: UnitCode::parse("STP").unwrap()
        }]
    );
}

#[test]
fn units_filter_ignores_diacritics() {
    let mut app = opened();
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Units);
    app.update(ch('/'));
    typed(&mut app, "so noi vu");
    let shown = app.units.shown();
    assert_eq!(shown.len(), 1);
    assert_eq!(app.units.lines[shown[0]].unit.code.as_str(), "SNV");
    app.update(key(KeyCode::Esc));
    assert_eq!(app.units.shown().len(), 3);
}

#[test]
fn ranking_toggles_final_and_goes_back() {
    let mut app = opened();
    let fx = app.update(ch('r'));
    assert_eq!(
        fx,
        vec![Effect::LoadRanking {
            group: "so-nganh".into(),
            mode: thamdinh::domain::Mode::Provisional
        }]
    );
    let fx = app.update(ch('p'));
    assert_eq!(
        fx,
        vec![Effect::LoadRanking {
            group: "so-nganh".into(),
            mode: thamdinh::domain::Mode::Final
        }]
    );
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Appraisal);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = opened();
    app.update(ch('?'));
    assert!(app.help);
    assert!(
        app.update(ch('a')).is_empty(),
        "the key only closes the help"
    );
    assert!(!app.help);
    app.update(Action::Cmd(Cmd::Help));
    assert!(app.help);
}

#[test]
fn without_an_appraiser_the_name_is_asked_first() {
    let mut app = App::new(Lang::En, None, "t.sqlite".into(), 2022);
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::Appraiser);
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    typed(&mut app, "Trần Văn Minh");
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(fx, vec![Effect::RememberAppraiser("Trần Văn Minh".into())]);
    assert_eq!(app.appraiser.as_deref(), Some("Trần Văn Minh"));
}

#[test]
fn next_undecided_stays_in_the_appraisers_fields() {
    let mut app = opened();
    let mut data = app.appraisal.open.as_ref().unwrap().data.clone();
    data.assigned = vec![ItemCode::parse("2").unwrap()];
    // A unit opened by an appraiser of field 2 starts in field 2.
    app.appraisal.open = None;
    app.update(Action::Loaded(Loaded::Unit(data)));
    assert_eq!(item(&app), "2.1.1");
    let set = app.appraisal.open.as_ref().unwrap().data.set.clone();
    let last_of_2 = set
        .nodes()
        .iter()
        .rposition(|n| n.code.as_str().starts_with("2."))
        .unwrap();
    app.appraisal.open.as_mut().unwrap().sel = last_of_2;
    app.update(ch('n'));
    assert_eq!(item(&app), "2.1.1", "wraps within field 2");
}

/// An appraiser of field 2 with every item of field 2 decided: `n` says what the unit still
/// waits for, field by field and whose, then opens the next unit with field 2 left.
#[test]
fn finishing_ones_own_fields_says_which_remain_and_whose() {
    for lang in [Lang::Vi, Lang::En] {
        let mut app = opened();
        app.lang = lang;
        let mut data = app.appraisal.open.as_ref().unwrap().data.clone();
        data.assigned = vec![ItemCode::parse("2").unwrap()];
        data.team = vec![
            ("Bình".into(), vec!["1".into(), "3".into()]),
            ("Lan".into(), vec!["2".into()]),
            ("Cúc".into(), vec!["3".into()]),
        ];
        let set = data.set.clone();
        let mut decided = 0;
        for i in set.item_indexes().collect::<Vec<_>>() {
            let in_2 = set
                .field_of(i)
                .is_some_and(|f| set.node(f).code.as_str() == "2");
            if in_2 {
                decided += 1;
                data.sheet.records[i].decision = Some(Decision {
                    state: State::Agreed,
                    score: Some(set.node(i).max),
                    comment: String::new(),
                    appraiser: "Lan".into(),
                    decided_at: "2022-12-01T08:00:00Z".into(),
                    round: 1,
                });
            }
        }
        let items = set.item_indexes().count();
        let of_field = |code: &str| {
            set.item_indexes()
                .filter(|&i| {
                    set.field_of(i)
                        .is_some_and(|f| set.node(f).code.as_str() == code)
                })
                .count()
        };
        app.appraisal.open = None;
        app.update(Action::Loaded(Loaded::Unit(data)));
        let fx = app.update(ch('n'));
        assert_eq!(
            fx,
            vec![Effect::OpenUnit {
                unit: UnitCode::parse("STP").unwrap()
            }]
        );
        let said = app.status.clone().unwrap().0;
        let left = items - decided;
        let (n1, n3, n4) = (of_field("1"), of_field("3"), of_field("4"));
        let expected = match lang {
            Lang::Vi => [
                format!(
                    "Bạn đã xong lĩnh vực được giao ở Sở Nội vụ; đơn vị còn {left}/{items} tiêu chí chưa thẩm định: lĩnh vực 1 ({n1} tiêu chí, Bình); lĩnh vực 3 ({n3} tiêu chí, Bình, Cúc); lĩnh vực 4 ({n4} tiêu chí, chưa giao cho ai);"
                ),
                "Sang Sở Tư pháp.".to_string(),
            ],
            Lang::En => [
                format!(
                    "Your fields of Sở Nội vụ are done; the unit has {left}/{items} items undecided: field 1 ({n1} items, Bình); field 3 ({n3} items, Bình, Cúc); field 4 ({n4} items, given to nobody);"
                ),
                "On to Sở Tư pháp.".to_string(),
            ],
        };
        for e in expected {
            assert!(said.contains(&e), "{said}\nwants: {e}");
        }
        assert!(!said.contains("Đơn vị này đã thẩm định xong"), "{said}");
    }
}

/// The next unit is one with items left in the appraiser's fields; none: the group is done
/// for the appraiser (not for the council).
#[test]
fn the_next_unit_of_an_appraiser_is_one_with_their_fields_left() {
    let mut app = opened();
    app.update(key(KeyCode::Esc));
    // STP has field 2 decided, SYT not.
    let line = |code: &str, f2: usize| UnitLine {
        unit: unit_row(code, code),
        totals: UnitTotals {
            tree: thamdinh::domain::sheet::NodeSum {
                items: 101,
                ..Default::default()
            },
            ..Default::default()
        },
        fields: vec![("1".into(), 0, 13), ("2".into(), f2, 10)],
    };
    app.update(Action::Loaded(Loaded::Units {
        group: "so-nganh".into(),
        lines: vec![line("SNV", 10), line("STP", 10), line("SYT", 3)],
    }));
    let mut data = unit_data("SNV", "Sở Nội vụ");
    data.assigned = vec![ItemCode::parse("2").unwrap()];
    let set = data.set.clone();
    for i in set.item_indexes().collect::<Vec<_>>() {
        if set
            .field_of(i)
            .is_some_and(|f| set.node(f).code.as_str() == "2")
        {
            data.sheet.records[i].decision = Some(Decision {
                state: State::Agreed,
                score: Some(set.node(i).max),
                comment: String::new(),
                appraiser: "Lan".into(),
                decided_at: "2022-12-01T08:00:00Z".into(),
                round: 1,
            });
        }
    }
    app.update(Action::Loaded(Loaded::Unit(data.clone())));
    assert_eq!(
        app.update(ch('n')),
        vec![Effect::OpenUnit {
            unit: UnitCode::parse("SYT").unwrap()
        }]
    );
    // SYT done too: nothing to open, and the sentence says whose part is done.
    app.update(Action::Loaded(Loaded::Units {
        group: "so-nganh".into(),
        lines: vec![line("SNV", 10), line("STP", 10), line("SYT", 10)],
    }));
    app.appraisal.open = None;
    app.update(Action::Loaded(Loaded::Unit(data)));
    assert!(app.update(ch('n')).is_empty());
    let said = app.status.clone().unwrap().0;
    assert!(
        said.ends_with("Lĩnh vực được giao của bạn đã xong ở mọi đơn vị trong nhóm."),
        "{said}"
    );
    assert!(said.contains("lĩnh vực 1 ("), "{said}");
}

/// The unit as another instance left it: `item` decided at 0 by someone else.
fn changed_elsewhere(app: &App, item: &str) -> UnitData {
    let o = app.appraisal.open.as_ref().unwrap();
    let mut data = o.data.clone();
    let idx = data.set.index_of(&ItemCode::parse(item).unwrap()).unwrap();
    data.sheet.records[idx].decision = Some(Decision {
        state: State::Adjusted,
        score: Some(Points::ZERO),
        comment: String::new(),
        appraiser: "Hùng".into(),
        decided_at: "2022-12-01T08:00:00Z".into(),
        round: 1,
    });
    data
}

#[test]
fn another_sessions_change_reloads_the_open_unit_and_keeps_the_ranking_on_screen() {
    let mut app = opened();
    app.update(ch('r'));
    assert_eq!(app.screen, Screen::Ranking);
    let fx = app.update(Action::ExternalChange);
    let snv = UnitCode::parse("SNV").unwrap();
    assert!(
        fx.contains(&Effect::ReloadUnit { unit: snv.clone() }),
        "{fx:?}"
    );
    assert!(fx.contains(&Effect::LoadRanking {
        group: "so-nganh".into(),
        mode: thamdinh::domain::Mode::Provisional
    }));
    let data = changed_elsewhere(&app, "1.1.2");
    app.update(Action::Loaded(Loaded::Reloaded(data)));
    assert_eq!(app.screen, Screen::Ranking, "the ranking stays on screen");
    let o = app.appraisal.open.as_ref().unwrap();
    let idx = o
        .data
        .set
        .index_of(&ItemCode::parse("1.1.2").unwrap())
        .unwrap();
    assert_eq!(o.state(idx), State::Adjusted, "the open unit was reloaded");
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Appraisal);
}

#[test]
fn another_sessions_change_does_not_hide_the_answer_to_the_last_key() {
    // In a busy room another session commits while this one saves: the runtime then feeds
    // the save and the external change in the same turn, before anything is drawn.
    let mut app = opened();
    app.update(ch('a'));
    let ack = saved(&app, State::Agreed, Some(Points::from_hundredths(50)), "");
    app.update(ack);
    let said = app.status.clone().unwrap().0;
    assert!(said.contains("1.1.1"), "{said}");
    let fx = app.update(Action::ExternalChange);
    assert!(
        fx.iter().any(|e| matches!(e, Effect::ReloadUnit { .. })),
        "still reloaded: {fx:?}"
    );
    assert_eq!(
        app.status.clone().unwrap().0,
        said,
        "the save stays on the line"
    );
    // A refusal stays too.
    app.update(ch('1'));
    app.update(Action::SaveFailed("Không ghi được.".into()));
    app.update(Action::ExternalChange);
    assert_eq!(
        app.status.clone(),
        Some(("Không ghi được.".into(), true)),
        "the refusal stays on the line"
    );
    // After the next key another session's change is told again.
    app.update(ch('j'));
    app.update(Action::ExternalChange);
    assert_eq!(
        app.status.clone().unwrap().0,
        "Đã cập nhật thay đổi từ một phiên làm việc khác."
    );
}

#[test]
fn another_sessions_change_keeps_the_selection_the_typed_score_and_the_kept_comment() {
    let mut app = opened();
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Down));
    let sel = item(&app);
    app.update(ch('c'));
    typed(&mut app, "Thiếu minh chứng");
    app.update(key(KeyCode::Enter));
    let ack = kept(&app, "Thiếu minh chứng");
    app.update(ack);
    app.update(ch('e'));
    typed(&mut app, "0,5");
    app.update(Action::ExternalChange);
    let data = changed_elsewhere(&app, "1.1.1");
    app.update(Action::Loaded(Loaded::Reloaded(data)));
    assert_eq!(item(&app), sel, "the selection stays");
    let input = app.input.as_ref().expect("the score box stays open");
    assert_eq!((input.kind, input.text()), (InputKind::Score, "0,5".into()));
    let fx = app.update(key(KeyCode::Enter));
    assert!(
        matches!(
            &fx[..],
            [Effect::Decide { item, verdict: Verdict::Score(p), comment, .. }]
                if item.as_str() == sel && *p == Points::from_hundredths(50) && comment == "Thiếu minh chứng"
        ),
        "{fx:?}"
    );
}

#[test]
fn a_reload_of_a_unit_no_longer_open_is_dropped() {
    let mut app = opened();
    let data = changed_elsewhere(&app, "1.1.1");
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Units);
    app.update(Action::Loaded(Loaded::Reloaded(data)));
    assert_eq!(app.screen, Screen::Units);
    assert!(app.appraisal.open.is_none());
}

#[test]
fn the_selected_unit_stays_selected_when_another_session_adds_a_unit() {
    let mut app = opened();
    app.update(ch('q'));
    app.update(key(KeyCode::Down));
    let selected = |app: &App| {
        app.units.lines[app.units.shown()[app.units.sel]]
            .unit
            .code
            .clone()
    };
    assert_eq!(selected(&app).as_str(), "STP");
    let mut lines = app.units.lines.clone();
    let mut added = lines[0].clone();
    added.unit = unit_row("SCT", "Sở Công Thương");
    lines.insert(0, added);
    app.update(Action::ExternalChange);
    app.update(Action::Loaded(Loaded::Units {
        group: "so-nganh".into(),
        lines,
    }));
    assert_eq!(selected(&app).as_str(), "STP");
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::OpenUnit {
            unit: UnitCode::parse("STP").unwrap()
        }]
    );
}

#[test]
fn an_item_decided_elsewhere_does_not_stay_selected_behind_a_filter() {
    let mut app = opened();
    app.update(ch('v')); // undecided only
    assert_eq!(item(&app), "1.1.1");
    let o = app.appraisal.open.as_ref().unwrap();
    let mut data = o.data.clone();
    data.sheet.records[o.sel].decision = Some(Decision {
        state: State::Agreed,
        score: Some(Points::from_hundredths(50)),
        comment: String::new(),
        appraiser: "Minh".into(),
        decided_at: String::new(),
        round: 1,
    });
    app.update(Action::Loaded(Loaded::Unit(data)));
    assert_eq!(item(&app), "1.1.2", "the next item the filter shows");
    let fx = app.update(ch('a'));
    assert!(matches!(&fx[..], [Effect::Decide { item, .. }] if item.as_str() == "1.1.2"));
}

#[test]
fn going_back_to_the_units_reloads_their_totals() {
    let mut app = opened();
    let fx = app.update(ch('q'));
    // Only the units decided on since the list was read are read again.
    assert_eq!(
        fx,
        vec![Effect::RefreshUnits {
            group: "so-nganh".into()
        }]
    );
    assert_eq!(app.screen, Screen::Units);
}

#[test]
fn a_new_filter_replaces_the_old_one_and_an_empty_list_says_so() {
    let mut app = opened();
    app.update(ch('q'));
    app.update(ch('/'));
    typed(&mut app, "ke sach");
    app.update(key(KeyCode::Enter));
    assert!(app.units.shown().is_empty());
    app.update(ch('n'));
    assert_eq!(
        app.status,
        Some((
            "Không có đơn vị nào khớp bộ lọc (Esc: bỏ lọc).".into(),
            true
        ))
    );
    app.update(ch('/'));
    typed(&mut app, "tu phap");
    app.update(key(KeyCode::Enter));
    assert_eq!(app.units.filter, "tu phap");
    assert_eq!(app.units.shown().len(), 1);
}

// ---------- the analysis by field and the way up ----------

/// The department group's analysis: SNV with every item at its maximum, STP without 1.1.1
/// and SYT without 1.1.1 and 1.1.2 (all self scores, survey 30 of 37).
fn fields_data() -> thamdinh::tui::action::FieldsData {
    use thamdinh::domain::{GroupAnalysis, GroupBreakdown, Mode, UnitResult, ranking};
    let mut units = Vec::new();
    for (code, name, zero) in [
        ("SNV", "Sở Nội vụ", &[][..]),
        ("STP", "Sở Tư pháp", &["1.1.1"][..]),
        ("SYT", "Sở Y tế", &["1.1.1", "1.1.2"][..]),
    ] {
        let mut d = unit_data(code, name);
        for item in zero {
            let i = d.set.index_of_str(item).unwrap();
            d.sheet.records[i].self_entry.as_mut().unwrap().score = SelfScore::Points(Points::ZERO);
        }
        units.push(d);
    }
    let set = Arc::clone(&units[0].set);
    let mut g = GroupBreakdown::new(&set);
    let mut results = Vec::new();
    for d in &units {
        g.push(&set, d.unit.code.clone(), &d.sheet.node_sums(&set));
        results.push(UnitResult {
            unit: d.unit.code.clone(),
            name: d.unit.name.clone(),
            ranked: true,
            totals: d.sheet.totals(&set),
            survey: d.unit.survey,
            previous: Some(Points::from_int(80)),
        });
    }
    let r = ranking::rank(
        &set,
        &results,
        Some(Points::from_int(84)),
        Mode::Provisional,
    )
    .unwrap();
    let analysis = GroupAnalysis::new(&set, g, r, &Default::default());
    thamdinh::tui::action::FieldsData { set, analysis }
}

/// The units screen of `opened()`, with STP selected.
fn on_units_at_stp() -> App {
    let mut app = opened();
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Units);
    app.update(ch('j'));
    app
}

fn shift_l() -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT))
}

#[test]
fn l_opens_the_field_table_on_the_selected_unit_and_esc_comes_back() {
    let mut app = on_units_at_stp();
    let fx = app.update(shift_l());
    assert_eq!(
        fx,
        vec![Effect::LoadFields {
            group: "so-nganh".into()
        }]
    );
    assert_eq!(app.screen, Screen::Fields);
    app.update(Action::Loaded(Loaded::Fields {
        group: "so-nganh".into(),
        result: Ok(fields_data()),
    }));
    let f = app.fields.as_ref().unwrap();
    // The ranking's order: SNV, STP, SYT; the unit selected on the units screen stays so.
    assert_eq!(f.selected_unit().unwrap().0.as_str(), "STP");
    app.update(ch('j'));
    assert_eq!(
        app.fields
            .as_ref()
            .unwrap()
            .selected_unit()
            .unwrap()
            .0
            .as_str(),
        "SYT"
    );
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Units);
    assert!(app.fields.is_none());
    let shown = app.units.shown();
    assert_eq!(
        app.units.lines[shown[app.units.sel]].unit.code.as_str(),
        "SYT"
    );
}

#[test]
fn the_field_cursor_moves_sideways_within_the_fields() {
    let mut app = on_units_at_stp();
    app.update(shift_l());
    app.update(Action::Loaded(Loaded::Fields {
        group: "so-nganh".into(),
        result: Ok(fields_data()),
    }));
    let field = |app: &App| app.fields.as_ref().unwrap().field;
    app.update(key(KeyCode::Left));
    assert_eq!(field(&app), 0);
    for _ in 0..20 {
        app.update(key(KeyCode::Right));
    }
    assert_eq!(field(&app), 7, "8 fields in the department set");
    app.update(key(KeyCode::Left));
    assert_eq!(field(&app), 6);
}

#[test]
fn enter_opens_the_way_up_from_the_loaded_figures_without_the_store() {
    let mut app = on_units_at_stp();
    app.update(shift_l());
    app.update(Action::Loaded(Loaded::Fields {
        group: "so-nganh".into(),
        result: Ok(fields_data()),
    }));
    let fx = app.update(key(KeyCode::Enter));
    assert!(fx.is_empty(), "nothing to read: {fx:?}");
    assert_eq!(app.screen, Screen::WayUp);
    let v = app.fields.as_ref().unwrap().way.as_ref().unwrap();
    let way = v.way.as_ref().unwrap();
    assert_eq!(way.unit.as_str(), "STP");
    assert_eq!(way.rank, Some(2));
    // STP lost 1.1.1 only; SNV above it lost nothing.
    assert_eq!(way.criteria.len(), 1);
    assert!(matches!(way.above, thamdinh::domain::Target::Gap(_)));
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Fields);
    assert!(app.fields.as_ref().unwrap().way.is_none());
}

#[test]
fn the_field_table_from_the_ranking_goes_back_to_the_ranking_and_follows_tab() {
    let mut app = on_units_at_stp();
    app.update(ch('r'));
    app.update(Action::Loaded(Loaded::Ranking {
        group: "so-nganh".into(),
        mode: thamdinh::domain::Mode::Provisional,
        result: Ok(fields_data().analysis.ranking),
    }));
    app.update(ch('j'));
    app.update(ch('j'));
    app.update(shift_l());
    assert_eq!(app.fields.as_ref().unwrap().from, Screen::Ranking);
    // Tab: the next group's table, still going back to the ranking.
    let fx = app.update(key(KeyCode::Tab));
    assert!(fx.contains(&Effect::LoadFields {
        group: "huyen".into()
    }));
    let f = app.fields.as_ref().unwrap();
    assert_eq!((f.group.as_str(), f.from), ("huyen", Screen::Ranking));
    // A late answer for the group left behind is not shown.
    app.update(Action::Loaded(Loaded::Fields {
        group: "so-nganh".into(),
        result: Ok(fields_data()),
    }));
    assert!(app.fields.as_ref().unwrap().data.is_none());
    app.update(Action::Loaded(Loaded::Fields {
        group: "huyen".into(),
        result: Err("Không đọc được.".into()),
    }));
    assert!(matches!(app.fields.as_ref().unwrap().data, Some(Err(_))));
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Ranking);
}

/// `w` on the ranking offers `ket-qua-<year>-<group>.xlsx`; a file already there is replaced only after
/// Enter in the box that asks, and Esc there writes nothing.
#[test]
fn the_workbook_is_written_from_the_ranking_and_never_replaced_without_asking() {
    let mut app = opened();
    app.update(ch('r'));
    assert_eq!(app.screen, Screen::Ranking);
    app.update(ch('w'));
    let input = app.input.as_ref().expect("a box for the path");
    assert_eq!(input.kind, InputKind::WorkbookPath);
    assert_eq!(input.text(), "ket-qua-2022-so-nganh.xlsx");
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::WriteWorkbook {
            group: Some("so-nganh".into()),
            mode: thamdinh::domain::Mode::Provisional,
            path: "ket-qua-2022-so-nganh.xlsx".into(),
            overwrite: false,
        }]
    );
    assert!(app.saving);
    app.update(Action::FileExists {
        path: "ket-qua-2022-so-nganh.xlsx".into(),
        group: Some("so-nganh".into()),
        about: "Tệp này đã có: 12,3 KB, ghi lúc 30/11/2022 09:41.".into(),
    });
    assert!(!app.saving);
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::Overwrite);
    // Esc: nothing written, and the status says so.
    assert!(app.update(key(KeyCode::Esc)).is_empty());
    assert!(app.status.as_ref().unwrap().0.contains("Không ghi"));
    // Asked again, Enter replaces.
    app.update(Action::FileExists {
        path: "ket-qua-2022-so-nganh.xlsx".into(),
        group: Some("so-nganh".into()),
        about: "Tệp này đã có: 12,3 KB, ghi lúc 30/11/2022 09:41.".into(),
    });
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::WriteWorkbook {
            group: Some("so-nganh".into()),
            mode: thamdinh::domain::Mode::Provisional,
            path: "ket-qua-2022-so-nganh.xlsx".into(),
            overwrite: true,
        }]
    );
    app.update(Action::Written {
        path: "ket-qua-2022.xlsx".into(),
        sheets: 25,
        published: None,
    });
    assert!(!app.saving);
    assert_eq!(
        app.status.as_ref().unwrap().0,
        "Đã ghi bảng tính ket-qua-2022.xlsx (25 trang tính)."
    );
}

/// `w` on a published year writes its published result: the status line says so.
#[test]
fn a_published_years_workbook_says_it_holds_the_published_result() {
    for (lang, said) in [
        (
            Lang::Vi,
            "Đã ghi bảng tính k.xlsx (25 trang tính). Năm 2022 đã công bố: bảng tính ghi kết quả chính thức đã công bố, không phải bảng tạm tính.",
        ),
        (
            Lang::En,
            "Wrote the workbook k.xlsx (25 sheets). 2022 is published: the workbook holds the published final result, not a provisional one.",
        ),
    ] {
        let mut app = opened();
        app.lang = lang;
        app.update(Action::Written {
            path: "k.xlsx".into(),
            sheets: 25,
            published: Some(2022),
        });
        assert_eq!(app.status.as_ref().unwrap().0, said);
    }
}

#[test]
fn a_published_year_refuses_every_edit_with_a_sentence_and_sends_nothing() {
    let mut app = opened();
    assert!(
        app.start().contains(&Effect::LoadYear),
        "the screens ask whether the year is published"
    );
    app.update(Action::Loaded(Loaded::Year {
        published: true,
        no_units: false,
        before: None,
        illustrative: false,
    }));
    for c in ['a', '2', 'e', 'x', 'c', 'f', 'u'] {
        app.status = None;
        assert!(app.update(ch(c)).is_empty(), "{c}");
        assert!(app.input.is_none(), "{c}: no box opens");
        let (msg, error) = app.status.clone().unwrap();
        assert!(error, "{c}");
        assert!(msg == "Năm 2022 đã công bố: không sửa được.", "{c}: {msg}");
    }
    // Moving and reading still work.
    app.update(ch('j'));
    assert_eq!(item(&app), "1.1.2");
    // Unpublished elsewhere: the next reload says so and the keys decide again.
    assert!(
        app.update(Action::ExternalChange)
            .contains(&Effect::LoadYear)
    );
    app.update(Action::Loaded(Loaded::Year {
        published: false,
        no_units: false,
        before: None,
        illustrative: false,
    }));
    assert!(matches!(&app.update(ch('a'))[..], [Effect::Decide { .. }]));
}

#[test]
fn the_history_opens_on_the_selected_unit_and_shows_its_group_and_the_province_in_turn() {
    use thamdinh::tui::action::Subject;
    use thamdinh::tui::app::HistoryView;
    let mut app = opened();
    app.update(key(KeyCode::Esc)); // back to the units
    assert_eq!(app.screen, Screen::Units);
    app.update(ch('j')); // STP
    let stp = UnitCode::parse("STP").unwrap();
    let fx = app.update(ch('h'));
    assert_eq!(fx, vec![Effect::LoadHistory(Subject::Unit(stp.clone()))]);
    assert_eq!(app.screen, Screen::History);
    assert_eq!(app.history.view, HistoryView::Unit);
    // ↓ and ↑ go through the group's units.
    assert_eq!(
        app.update(ch('j')),
        vec![Effect::LoadHistory(Subject::Unit(
            UnitCode::parse("SYT").unwrap()
        ))]
    );
    assert!(app.update(ch('j')).is_empty(), "the last unit");
    // Another group: its first unit's history, once its units are read.
    assert_eq!(
        app.update(key(KeyCode::Tab)),
        vec![Effect::LoadUnits {
            group: "huyen".into()
        }]
    );
    let huyen = vec![UnitLine {
        unit: UnitRow {
            group: "huyen".into(),
            ..unit_row("HKS", "UBND huyện Kế Sách")
        },
        totals: UnitTotals::default(),
        fields: Vec::new(),
    }];
    assert_eq!(
        app.update(Action::Loaded(Loaded::Units {
            group: "huyen".into(),
            lines: huyen,
        })),
        vec![Effect::LoadHistory(Subject::Unit(
            UnitCode::parse("HKS").unwrap()
        ))]
    );
    app.update(key(KeyCode::BackTab));
    app.update(Action::Loaded(Loaded::Units {
        group: "so-nganh".into(),
        lines: ["SNV", "STP", "SYT"]
            .iter()
            .map(|c| UnitLine {
                unit: unit_row(c, c),
                totals: UnitTotals::default(),
                fields: Vec::new(),
            })
            .collect(),
    }));
    assert_eq!(app.history.unit, Some(UnitCode::parse("SNV").unwrap()));
    app.update(ch('j'));
    // A result for another subject (a late answer) is dropped.
    app.update(Action::Loaded(Loaded::History {
        subject: Subject::Unit(UnitCode::parse("SYT").unwrap()),
        result: Err("x".into()),
    }));
    assert!(app.history.data.is_none());
    app.update(Action::Loaded(Loaded::History {
        subject: Subject::Unit(stp),
        result: Err("không đọc được".into()),
    }));
    assert!(app.history.data.is_some());
    assert_eq!(
        app.update(ch('v')),
        vec![Effect::LoadHistory(Subject::Group("so-nganh".into()))]
    );
    assert_eq!(
        app.update(key(KeyCode::Tab)),
        vec![
            Effect::LoadUnits {
                group: "huyen".into()
            },
            Effect::LoadHistory(Subject::Group("huyen".into()))
        ]
    );
    assert_eq!(
        app.update(ch('v')),
        vec![Effect::LoadHistory(Subject::Province)]
    );
    // Back where it came from, with the same key: the units screen's group and list as
    // they were (the group looked at here was the history's only), read again.
    assert_eq!(
        app.update(ch('h')),
        vec![Effect::LoadUnits {
            group: "so-nganh".into()
        }]
    );
    assert_eq!(app.screen, Screen::Units);
    assert_eq!(app.group, 0);
    assert_eq!(app.units.lines.len(), 3);
    assert_eq!(app.units.sel, 1, "STP still selected");
}

/// `Tab` on the assign screen shows another group's fields; back on the units, the group is
/// the one the units screen had.
#[test]
fn tab_on_the_assign_screen_gives_the_units_their_group_back() {
    let mut app = listed();
    app.update(ch('j'));
    app.update(ch('a'));
    assert_eq!(
        app.update(key(KeyCode::Tab)),
        vec![
            Effect::LoadUnits {
                group: "huyen".into()
            },
            Effect::LoadAssignments {
                group: "huyen".into()
            }
        ]
    );
    assert_eq!(app.group_code(), Some("huyen"));
    assert_eq!(
        app.update(key(KeyCode::Esc)),
        vec![Effect::LoadUnits {
            group: "so-nganh".into()
        }]
    );
    assert_eq!(app.screen, Screen::Units);
    assert_eq!(app.group_code(), Some("so-nganh"));
    assert_eq!(app.units.sel, 1);
    // Without Tab nothing is read again.
    app.update(ch('a'));
    assert!(app.update(key(KeyCode::Esc)).is_empty());
}

/// The fields refused (a code the group does not have): the box is back on the member with
/// the codes and the reason.
#[test]
fn refused_fields_reopen_the_box_on_the_member() {
    let mut app = listed();
    app.update(ch('a'));
    app.update(ch('+'));
    typed(&mut app, "Cúc");
    app.update(key(KeyCode::Enter));
    typed(&mut app, "2 99");
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Assign {
            member: "Cúc".into(),
            group: "so-nganh".into(),
            fields: vec!["2".into(), "99".into()],
        }]
    );
    assert!(app.input.is_none());
    app.update(Action::AssignRefused {
        member: "Cúc".into(),
        fields: vec!["2".into(), "99".into()],
        message: "Nhóm không có lĩnh vực 99.".into(),
    });
    let input = app.input.as_ref().unwrap();
    assert_eq!(input.kind, InputKind::AssignFields);
    assert_eq!(input.text(), "2 99");
    assert_eq!(input.error.as_deref(), Some("Nhóm không có lĩnh vực 99."));
    assert_eq!(app.dialog, Some(Dialog::Member("Cúc".into())));
    assert!(!app.saving);
}

#[test]
fn the_history_from_the_ranking_shows_the_selected_row_and_goes_back_to_it() {
    use thamdinh::tui::action::Subject;
    let mut app = opened();
    app.update(ch('r'));
    assert_eq!(app.screen, Screen::Ranking);
    // No ranking read yet: the group's history.
    assert_eq!(
        app.update(ch('h')),
        vec![Effect::LoadHistory(Subject::Group("so-nganh".into()))]
    );
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Ranking);
}

#[test]
fn another_sessions_change_reloads_the_table_and_the_open_way_up() {
    let mut app = on_units_at_stp();
    app.update(shift_l());
    app.update(Action::Loaded(Loaded::Fields {
        group: "so-nganh".into(),
        result: Ok(fields_data()),
    }));
    app.update(key(KeyCode::Enter));
    let fx = app.update(Action::ExternalChange);
    assert!(fx.contains(&Effect::LoadFields {
        group: "so-nganh".into()
    }));
    app.update(Action::Loaded(Loaded::Fields {
        group: "so-nganh".into(),
        result: Ok(fields_data()),
    }));
    assert_eq!(app.screen, Screen::WayUp, "the way up stays on screen");
    let f = app.fields.as_ref().unwrap();
    assert_eq!(f.selected_unit().unwrap().0.as_str(), "STP");
    assert_eq!(f.way.as_ref().unwrap().unit.as_str(), "STP");
    assert!(f.way.as_ref().unwrap().way.is_some());
}

#[test]
fn a_year_without_units_is_known_from_the_year_load() {
    let mut app = opened();
    assert!(!app.no_units);
    app.update(Action::Loaded(Loaded::Year {
        published: false,
        no_units: true,
        before: None,
        illustrative: false,
    }));
    assert!(app.no_units);
}

#[test]
fn c_on_the_units_closes_the_selected_unit_with_a_comment_and_reopens_a_closed_one() {
    let mut app = opened();
    app.update(key(KeyCode::Esc)); // back to the units, on SNV
    assert_eq!(app.screen, Screen::Units);
    app.update(ch('j')); // STP
    assert!(app.update(ch('c')).is_empty(), "the box asks first");
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::CloseUnit);
    // Esc: nothing is closed and the box forgets the unit.
    assert!(app.update(key(KeyCode::Esc)).is_empty());
    assert!(app.input.is_none() && app.dialog.is_none());
    // Four keys and the comment: c, the comment, Enter.
    app.update(ch('c'));
    typed(&mut app, "Đã thông qua");
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::SetClosed {
            unit: UnitCode::parse("STP").unwrap(),
            closed: true,
            comment: "Đã thông qua".into(),
        }]
    );
    assert!(fx[0].writes());
    assert!(app.input.is_none());
    // The runtime's answer goes on the status line and the lists are brought up to date.
    let fx = app.update(Action::ClosedSet(
        "Đã khóa kết quả của STP (Sở Tư pháp).".into(),
    ));
    assert!(fx.contains(&Effect::RefreshUnits {
        group: "so-nganh".into()
    }));
    assert_eq!(
        app.status,
        Some(("Đã khóa kết quả của STP (Sở Tư pháp).".into(), false))
    );
    // A closed unit: the same key reopens it, and only with the reason (issue 23 §4).
    app.units.lines[1].unit.closed = true;
    app.update(ch('c'));
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::ReopenUnit);
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    let input = app.input.as_ref().expect("the box stays open");
    assert_eq!(
        input.error.as_deref(),
        Some("Cần ghi lý do mở lại (được ghi vào nhật ký).")
    );
    typed(&mut app, "Bổ sung minh chứng");
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::SetClosed {
            unit: UnitCode::parse("STP").unwrap(),
            closed: false,
            comment: "Bổ sung minh chứng".into(),
        }]
    );
}

#[test]
fn a_published_year_refuses_to_close_a_unit_without_asking() {
    let mut app = opened();
    app.update(key(KeyCode::Esc));
    app.update(Action::Loaded(Loaded::Year {
        published: true,
        no_units: false,
        before: None,
        illustrative: false,
    }));
    assert!(app.update(ch('c')).is_empty());
    assert!(app.input.is_none());
    assert_eq!(
        app.status,
        Some(("Năm 2022 đã công bố: không sửa được.".into(), true))
    );
}

#[test]
fn shift_p_on_the_ranking_asks_then_publishes_and_a_refusal_asks_again_with_the_reasons() {
    let mut app = opened();
    app.update(ch('r'));
    assert_eq!(app.screen, Screen::Ranking);
    assert!(app.update(ch('P')).is_empty(), "the box asks first");
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::Publish);
    assert!(app.update(key(KeyCode::Esc)).is_empty());
    assert!(app.input.is_none());
    app.update(ch('P'));
    typed(&mut app, "QĐ 123");
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Publish {
            comment: "QĐ 123".into()
        }]
    );
    assert!(fx[0].writes());
    // Refused: the box comes back with the comment and every reason.
    let message = "Chưa công bố được kết quả năm 2022: cần có xếp hạng chính thức của mọi nhóm; chưa ghi gì.\n  - nhóm so-nganh";
    app.update(Action::PublishRefused {
        message: message.into(),
        comment: "QĐ 123".into(),
    });
    let input = app.input.as_ref().unwrap();
    assert_eq!(input.kind, InputKind::Publish);
    assert_eq!(input.text(), "QĐ 123");
    assert_eq!(input.error.as_deref(), Some(message));
    app.update(key(KeyCode::Esc));
    // Published: said on the status line, and the year is read again.
    let fx = app.update(Action::Published("Đã công bố kết quả năm 2022.".into()));
    assert!(fx.contains(&Effect::LoadYear));
    // A published year is not published again: `P` says when it was (and how to undo it).
    app.update(Action::Loaded(Loaded::Year {
        published: true,
        no_units: false,
        before: None,
        illustrative: false,
    }));
    assert_eq!(app.update(ch('P')), vec![Effect::ShowPublication]);
    assert!(app.input.is_none());
}

/// An app on the department group with two units listed (the units screen).
fn listed() -> App {
    let mut app = opened();
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Units);
    app
}

/// `f` opens the files screen; a digit picks the kind and opens the path box in the last
/// folder; Enter asks for a preview, never for the import; Enter on the preview imports.
#[test]
fn a_file_is_previewed_before_it_is_imported() {
    use thamdinh::service::{FileKind, Imported};
    use thamdinh::store::ImportCount;
    let mut app = listed();
    app.last_folder = "data/demo/2022/".into();
    app.update(ch('f'));
    assert_eq!(app.screen, Screen::Files);
    assert!(app.update(ch('3')).is_empty());
    let input = app.input.as_ref().expect("the path box");
    assert_eq!(input.kind, InputKind::ImportPath);
    assert_eq!(input.text(), "data/demo/2022/");
    typed(&mut app, "self_scores.csv");
    let fx = app.update(key(KeyCode::Enter));
    let path = std::path::PathBuf::from("data/demo/2022/self_scores.csv");
    assert_eq!(
        fx,
        vec![Effect::PreviewImport {
            kind: FileKind::SelfScores,
            path: path.clone(),
            criteria: Default::default(),
        }]
    );
    let count = ImportCount {
        added: 10,
        changed: 2,
        unchanged: 1,
    };
    app.update(Action::Previewed {
        kind: FileKind::SelfScores,
        path: path.clone(),
        preview: Ok(Imported {
            kind: FileKind::SelfScores,
            count,
            set: None,
            shadowed: Vec::new(),
            glance: None,
        }),
    });
    assert!(app.files.preview.is_some());
    // Esc on the preview: nothing written, the preview gone.
    assert!(app.update(key(KeyCode::Esc)).is_empty());
    assert!(app.files.preview.is_none());
    assert_eq!(app.screen, Screen::Files);
    // Again, and Enter imports.
    app.update(Action::Previewed {
        kind: FileKind::SelfScores,
        path: path.clone(),
        preview: Ok(Imported {
            kind: FileKind::SelfScores,
            count,
            set: None,
            shadowed: Vec::new(),
            glance: None,
        }),
    });
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Import {
            kind: FileKind::SelfScores,
            path,
            criteria: Default::default(),
        }]
    );
    assert!(app.saving);
    let fx = app.update(Action::Imported("Đã nhập điểm tự chấm".into()));
    assert!(!app.saving);
    assert_eq!(fx, vec![Effect::LoadGroups, Effect::LoadYear]);
    // The next kind of file is selected.
    assert_eq!(app.files.kind(), FileKind::Survey);
    assert_eq!(app.files.done, ["Đã nhập điểm tự chấm"]);
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Units);
}

/// A refused file: Enter does not import it (it opens the path box again), the list scrolls.
#[test]
fn a_refused_file_cannot_be_imported_and_its_problems_scroll() {
    use thamdinh::service::FileKind;
    let mut app = listed();
    app.update(ch('f'));
    let problems: Vec<String> = (1..=25).map(|k| format!("u.csv:{k}:1: sai")).collect();
    app.update(Action::Previewed {
        kind: FileKind::Units,
        path: "u.csv".into(),
        preview: Err(thamdinh::tui::action::Refusal {
            lines: problems,
            problems: 25,
            folder_exists: true,
        }),
    });
    app.update(key(KeyCode::PageDown));
    app.update(key(KeyCode::PageDown));
    app.update(key(KeyCode::PageDown));
    assert_eq!(app.files.scroll, 24, "never past the last problem");
    app.update(ch('k'));
    assert_eq!(app.files.scroll, 23);
    let fx = app.update(key(KeyCode::Enter));
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(app.input.as_ref().unwrap().text(), "u.csv");
    assert!(app.files.preview.is_none());
}

/// Tab asks the runtime for the names; one name fills the box, several fill what they share
/// and are listed; the answer to an older text is dropped.
#[test]
fn tab_in_a_path_box_completes_from_what_the_runtime_found() {
    let mut app = listed();
    app.update(ch('f'));
    app.update(ch('2'));
    typed(&mut app, "data/de");
    let fx = app.update(key(KeyCode::Tab));
    assert_eq!(
        fx,
        vec![Effect::Complete {
            text: "data/de".into()
        }]
    );
    app.update(Action::Completed {
        text: "data/de".into(),
        names: vec!["data/demo/".into()],
    });
    assert_eq!(app.input.as_ref().unwrap().text(), "data/demo/");
    app.update(Action::Completed {
        text: "data/demo/".into(),
        names: vec![
            "data/demo/2022/".into(),
            "data/demo/2023/".into(),
            "data/demo/README.md".into(),
        ],
    });
    assert_eq!(app.input.as_ref().unwrap().text(), "data/demo/");
    assert_eq!(app.completions, ["2022/", "2023/", "README.md"]);
    // An answer for a text no longer in the box changes nothing.
    typed(&mut app, "2");
    app.update(Action::Completed {
        text: "data/demo/".into(),
        names: vec!["data/demo/README.md".into()],
    });
    assert_eq!(app.input.as_ref().unwrap().text(), "data/demo/2");
    // Ctrl-U empties the box.
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(app.input.as_ref().unwrap().text(), "");
}

/// `d`, `x`, `t` on the ranking: a box with a name of their own in the last folder; a file
/// there already is replaced only after Enter in the box that asks.
#[test]
fn the_exports_of_the_ranking_ask_before_replacing() {
    use thamdinh::tui::action::{ExportJob, ExportWhat};
    let mut app = listed();
    app.last_folder = "out/".into();
    app.update(ch('r'));
    for (k, what, name) in [
        (
            'd',
            ExportWhat::Decisions,
            "out/quyet-dinh-2022-so-nganh.csv",
        ),
        ('x', ExportWhat::Ranking, "out/xep-hang-2022-so-nganh.csv"),
        ('t', ExportWhat::Notices, "out/thong-bao-2022-so-nganh"),
    ] {
        app.update(ch(k));
        assert_eq!(app.input.as_ref().unwrap().kind, InputKind::ExportPath);
        assert_eq!(app.input.as_ref().unwrap().text(), name);
        let job = ExportJob {
            what,
            group: "so-nganh".into(),
            mode: thamdinh::domain::Mode::Provisional,
            path: name.into(),
        };
        let fx = app.update(key(KeyCode::Enter));
        assert_eq!(
            fx,
            vec![Effect::Export {
                job: job.clone(),
                overwrite: false
            }]
        );
        app.update(Action::ExportExists(job.clone(), String::new()));
        assert_eq!(app.input.as_ref().unwrap().kind, InputKind::Overwrite);
        assert!(app.update(key(KeyCode::Esc)).is_empty());
        assert!(app.status.as_ref().unwrap().0.contains("Không ghi"));
        app.update(Action::ExportExists(job.clone(), String::new()));
        let fx = app.update(key(KeyCode::Enter));
        assert_eq!(
            fx,
            vec![Effect::Export {
                job,
                overwrite: true
            }]
        );
        app.update(Action::Exported("Đã ghi".into()));
        assert!(!app.saving);
    }
}

/// The exports' folder: `w` and `W` start in the working folder, `d` `x` `t` in the folder of
/// the last import; once an export is written, every box of the year starts in its folder
/// (remembered: the runtime gives it back with the year). `W` is every group's workbook.
#[test]
fn the_exports_go_to_one_folder_per_year() {
    let mut app = listed();
    app.last_folder = "ho-so/".into();
    app.update(ch('r'));
    app.update(ch('w'));
    assert_eq!(
        app.input.as_ref().unwrap().text(),
        "ket-qua-2022-so-nganh.xlsx"
    );
    app.update(key(KeyCode::Esc));
    app.update(ch('d'));
    assert_eq!(
        app.input.as_ref().unwrap().text(),
        "ho-so/quyet-dinh-2022-so-nganh.csv"
    );
    app.update(key(KeyCode::Esc));
    // Every group's workbook, written into a folder of its own.
    app.update(ch('W'));
    let input = app.input.as_ref().unwrap();
    assert_eq!(input.text(), "ket-qua-2022-moi-nhom.xlsx");
    app.update(Action::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typed(&mut app, "xuat-2022/ket-qua-2022-moi-nhom.xlsx");
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::WriteWorkbook {
            group: None,
            mode: thamdinh::domain::Mode::Provisional,
            path: "xuat-2022/ket-qua-2022-moi-nhom.xlsx".into(),
            overwrite: false,
        }]
    );
    // It is there: the box says what the file holds, and Enter replaces it.
    app.update(Action::FileExists {
        path: "xuat-2022/ket-qua-2022-moi-nhom.xlsx".into(),
        group: None,
        about: "Tệp này đã có: 12,3 KB, ghi lúc 30/11/2022 09:41.".into(),
    });
    assert_eq!(
        app.overwrite_about,
        "Tệp này đã có: 12,3 KB, ghi lúc 30/11/2022 09:41."
    );
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::WriteWorkbook {
            group: None,
            mode: thamdinh::domain::Mode::Provisional,
            path: "xuat-2022/ket-qua-2022-moi-nhom.xlsx".into(),
            overwrite: true,
        }]
    );
    app.update(Action::Written {
        path: "xuat-2022/ket-qua-2022-moi-nhom.xlsx".into(),
        sheets: 60,
        published: None,
    });
    for (k, name) in [
        ('w', "xuat-2022/ket-qua-2022-so-nganh.xlsx"),
        ('x', "xuat-2022/xep-hang-2022-so-nganh.csv"),
        ('t', "xuat-2022/thong-bao-2022-so-nganh"),
    ] {
        app.update(ch(k));
        assert_eq!(app.input.as_ref().unwrap().text(), name);
        app.update(key(KeyCode::Esc));
    }
    assert_eq!(app.last_folder, "ho-so/", "the imports' folder stays");
    // The folder remembered for the year, from the runtime.
    app.update(Action::Loaded(Loaded::ExportFolder(Some(
        "/srv/hd/2022/".into(),
    ))));
    app.update(ch('d'));
    assert_eq!(
        app.input.as_ref().unwrap().text(),
        "/srv/hd/2022/quyet-dinh-2022-so-nganh.csv"
    );
}

/// `a` on the units: the group's fields and members; Enter changes the selected member's
/// fields, `+` adds a member (name, then fields); what is typed goes to the service whole.
#[test]
fn fields_are_given_to_members_from_the_units_screen() {
    let mut app = listed();
    let fx = app.update(ch('a'));
    assert_eq!(app.screen, Screen::Assign);
    assert_eq!(
        fx,
        vec![Effect::LoadAssignments {
            group: "so-nganh".into()
        }]
    );
    app.update(Action::Loaded(Loaded::Assignments {
        group: "so-nganh".into(),
        fields: vec![
            ("1".into(), "Chỉ đạo".into()),
            ("2".into(), "Văn bản".into()),
        ],
        members: vec![("Bình".into(), vec!["1".into()])],
    }));
    app.update(key(KeyCode::Enter));
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::AssignFields);
    assert_eq!(app.input.as_ref().unwrap().text(), "1");
    typed(&mut app, ", 2");
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Assign {
            member: "Bình".into(),
            group: "so-nganh".into(),
            fields: vec!["1".into(), "2".into()],
        }]
    );
    let fx = app.update(Action::Assigned("Đã phân công".into()));
    assert_eq!(
        fx,
        vec![Effect::LoadAssignments {
            group: "so-nganh".into()
        }]
    );
    // A new member: an empty name is refused in place.
    app.update(ch('+'));
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::MemberName);
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    assert!(app.input.as_ref().unwrap().error.is_some());
    typed(&mut app, "Cúc");
    app.update(key(KeyCode::Enter));
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::AssignFields);
    // Empty: takes the assignment back.
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Assign {
            member: "Cúc".into(),
            group: "so-nganh".into(),
            fields: vec![],
        }]
    );
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Units);
}

/// `N` on the ranking asks before making the next year; once made, the screens start again
/// on it. On the welcome, the working year is made from the newest year before it.
#[test]
fn a_new_year_is_started_after_asking() {
    let mut app = listed();
    app.published = true;
    app.update(ch('r'));
    app.update(ch('N'));
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::NewYear);
    assert_eq!(
        app.dialog,
        Some(Dialog::NewYear {
            year: 2023,
            from: 2022,
            carry: true,
            warned: false,
        })
    );
    assert!(app.update(key(KeyCode::Esc)).is_empty());
    assert_eq!(app.dialog, None);
    app.update(ch('N'));
    let fx = app.update(key(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::NewYear {
            year: 2023,
            from: 2022,
            carry: true,
            changes: None,
        }]
    );
    let fx = app.update(Action::YearStarted {
        year: 2023,
        message: "Đã tạo năm 2023".into(),
    });
    assert_eq!(fx, vec![Effect::LoadGroups, Effect::LoadYear]);
    assert_eq!(app.year, 2023);
    assert_eq!(app.screen, Screen::Units);
    assert!(
        app.units.lines.is_empty() && app.appraisal.open.is_none() && app.ranking.data.is_none()
    );

    // The welcome of an empty 2024, with 2023 in the database.
    let mut app = App::new(Lang::En, Some("Lan".into()), "t.sqlite".into(), 2024);
    app.update(Action::Loaded(Loaded::Year {
        published: false,
        no_units: true,
        before: Some(2023),
        illustrative: false,
    }));
    app.update(ch('N'));
    assert_eq!(
        app.dialog,
        Some(Dialog::NewYear {
            year: 2024,
            from: 2023,
            carry: true,
            warned: false,
        })
    );
    // Without a year before: said, and no box.
    let mut app = App::new(Lang::En, Some("Lan".into()), "t.sqlite".into(), 2024);
    app.update(Action::Loaded(Loaded::Year {
        published: false,
        no_units: true,
        before: None,
        illustrative: false,
    }));
    app.update(ch('N'));
    assert!(app.input.is_none());
    assert!(app.status.as_ref().unwrap().1);
}

/// `o` asks for a database file's path (from the last folder) and Enter opens it; `D` opens
/// the demo; once another file is open, nothing read from the one before is kept.
#[test]
fn o_and_d_open_another_database_and_the_screens_start_again_on_it() {
    let mut app = opened();
    app.update(ch('q'));
    assert_eq!(app.screen, Screen::Units);
    app.last_folder = "/srv/hoi-dong/".into();
    assert!(app.update(ch('o')).is_empty());
    let input = app.input.as_ref().expect("the path box");
    assert_eq!(input.text(), "/srv/hoi-dong/");
    // A folder alone opens nothing.
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    let fx = typed(&mut app, "2021.sqlite");
    assert!(fx.is_empty());
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::OpenDatabase {
            path: "/srv/hoi-dong/2021.sqlite".into()
        }]
    );
    assert!(app.input.is_none());

    let fx = app.update(Action::DatabaseOpened {
        label: "2021.sqlite".into(),
        year: 2021,
        message: "Đã mở /srv/hoi-dong/2021.sqlite: năm 2021.".into(),
        read_only: None,
    });
    assert_eq!(
        fx,
        vec![Effect::CheckLedger, Effect::LoadGroups, Effect::LoadYear]
    );
    assert_eq!((app.db_label.as_str(), app.year), ("2021.sqlite", 2021));
    assert!(app.units.lines.is_empty() && app.groups.is_empty() && app.appraisal.open.is_none());
    assert_eq!(app.screen, Screen::Units);
    assert_eq!(
        app.status,
        Some(("Đã mở /srv/hoi-dong/2021.sqlite: năm 2021.".into(), false))
    );

    assert_eq!(
        app.update(Action::Key(KeyEvent::new(
            KeyCode::Char('D'),
            KeyModifiers::SHIFT
        ))),
        vec![Effect::OpenDemo]
    );
}

fn ctrl(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// `N` on a year that is not published warns in the box and needs a second Enter; Ctrl-P in
/// the box says whether the field assignments are carried over; when the next year is in the
/// file already, Enter moves to it instead of making it again.
/// The new year's box takes a changes file and the sets of the groups that start, as
/// `--changes` and `--set`; two changes files, or a set without one, are refused in place.
#[test]
fn a_new_year_takes_its_changes_file_in_the_box() {
    let typed = |text: &str| {
        let mut app = listed();
        app.published = true;
        app.update(ch('N'));
        for c in text.chars() {
            app.update(ch(c));
        }
        let fx = app.update(key(KeyCode::Enter));
        (app, fx)
    };
    let (_, fx) = typed("thay-doi.csv xa-phuong.toml");
    assert_eq!(
        fx,
        vec![Effect::NewYear {
            year: 2023,
            from: 2022,
            carry: true,
            changes: Some(thamdinh::service::YearChanges {
                file: "thay-doi.csv".into(),
                sheet: None,
                sets: vec!["xa-phuong.toml".into()],
            }),
        }]
    );
    for (text, says) in [
        ("a.csv b.xlsx", "Chỉ một tệp thay đổi"),
        ("xa-phuong.toml", "gõ cả đường dẫn tệp thay đổi"),
    ] {
        let (app, fx) = typed(text);
        assert!(fx.is_empty(), "{text}: {fx:?}");
        let error = app.input.as_ref().unwrap().error.clone().unwrap();
        assert!(error.contains(says), "{text}: {error}");
    }
    // Refused by the program (the file's problems): the box again, with what was typed.
    let (mut app, _) = typed("thay-doi.csv");
    app.update(Action::NewYearRefused {
        year: 2023,
        from: 2022,
        carry: true,
        message: "thay-doi.csv:2:1: không có đơn vị SXX".into(),
        text: "thay-doi.csv".into(),
    });
    let input = app.input.as_ref().unwrap();
    assert_eq!(input.kind, InputKind::NewYear);
    assert_eq!(input.text(), "thay-doi.csv");
    assert!(input.error.as_ref().unwrap().contains(":2:1:"));
    assert!(!app.saving);
}

#[test]
fn a_new_year_from_an_unpublished_year_needs_a_second_enter() {
    let mut app = listed();
    app.update(Action::Loaded(Loaded::Years(vec![(2022, false)])));
    app.update(ch('N'));
    app.update(ctrl('p'));
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    let input = app.input.as_ref().expect("the box stays open");
    assert!(input.error.as_ref().unwrap().contains("Enter lần nữa"));
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::NewYear {
            year: 2023,
            from: 2022,
            carry: false,
            changes: None,
        }]
    );
    assert!(app.input.is_none());

    // 2023 is in the file already: the box moves to it.
    let mut app = listed();
    app.update(Action::Loaded(Loaded::Years(vec![
        (2023, false),
        (2022, true),
    ])));
    app.published = true;
    app.update(ch('N'));
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::SwitchYear { year: 2023 }]
    );
}

/// `Y` lists the years of the file; a year typed that the file has moves every screen to
/// it, anything else is refused in the box.
#[test]
fn the_year_box_moves_to_another_year_of_the_file() {
    let mut app = listed();
    app.update(Action::Loaded(Loaded::Years(vec![
        (2023, false),
        (2022, true),
    ])));
    app.update(ch('Y'));
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::Year);
    typed(&mut app, "2021");
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    assert!(
        app.input
            .as_ref()
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .contains("2021")
    );
    app.update(key(KeyCode::Backspace));
    app.update(ch('3'));
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::SwitchYear { year: 2023 }]
    );
    let fx = app.update(Action::YearStarted {
        year: 2023,
        message: "Đang làm việc trên năm 2023.".into(),
    });
    assert_eq!(fx, vec![Effect::LoadGroups, Effect::LoadYear]);
    assert_eq!(app.year, 2023);
}

/// On the ranking of a published year `P` says when it was published, and `U` asks for the
/// reason before taking the publication back; an empty reason is refused in the box.
#[test]
fn unpublishing_from_the_screens_needs_a_reason() {
    let mut app = listed();
    app.update(ch('r'));
    assert!(app.update(ch('U')).is_empty());
    assert!(app.input.is_none() && app.status.as_ref().unwrap().1);
    app.published = true;
    assert_eq!(app.update(ch('P')), vec![Effect::ShowPublication]);
    app.update(ch('U'));
    assert_eq!(app.input.as_ref().unwrap().kind, InputKind::Unpublish);
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    assert!(app.input.as_ref().unwrap().error.is_some());
    typed(&mut app, "sai điểm SNV");
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Effect::Unpublish {
            comment: "sai điểm SNV".into()
        }]
    );
}

#[test]
fn undo_says_what_it_put_back_and_that_the_comment_stays() {
    let mut app = opened();
    let o = app.appraisal.open.as_ref().unwrap();
    let code = o.data.set.node(o.sel).code.clone();
    let (mut back, mut none) = (o.data.clone(), o.data.clone());
    back.sheet.records[o.sel].decision = Some(Decision {
        state: State::Agreed,
        score: Some(Points::from_hundredths(50)),
        comment: "Thiếu minh chứng".into(),
        appraiser: "Lan".into(),
        decided_at: "2022-12-01T08:00:00Z".into(),
        round: 1,
    });
    none.sheet.records[o.sel].kept = Some(KeptComment {
        text: "Thiếu minh chứng".into(),
        appraiser: "Lan".into(),
        at: "2022-12-01T08:00:00Z".into(),
    });
    let undone = |data| Action::Saved {
        saved: Saved::Undone { item: code.clone() },
        data,
        at: "15:00:00".into(),
    };
    app.update(undone(back));
    assert_eq!(
        app.status.clone().unwrap().0,
        "Đã hoàn tác 1.1.1: trở lại 0,5 (đồng ý); nhận xét vẫn giữ"
    );
    app.update(undone(none));
    assert_eq!(
        app.status.clone().unwrap().0,
        "Đã hoàn tác 1.1.1: chưa quyết định; nhận xét vẫn giữ"
    );
    let screen = item_notes_text(&app);
    // Whole at 80 columns (the message area above the status line).
    assert!(
        screen.contains("Đã hoàn tác 1.1.1: chưa quyết định; nhận xét vẫn giữ"),
        "{screen}"
    );
    assert!(screen.contains("Nhận xét (chờ quyết định)"), "{screen}");
    assert!(screen.contains("Thiếu minh chứng"), "{screen}");
}
