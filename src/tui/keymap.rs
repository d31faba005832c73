//! One table of keys per screen. The same table binds the keys and draws the help, so the
//! help cannot drift from what the keys do.

use super::action::Cmd;
use crate::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A binding: the keys, how help shows them, the command, and what it does.
#[derive(Clone, Copy)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub label: &'static str,
    pub cmd: Cmd,
    pub vi: &'static str,
    pub en: &'static str,
}

impl Binding {
    pub fn describe(&self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}

use KeyCode::*;

const MOVE: Binding = Binding {
    keys: &[Up, Char('k')],
    label: "↑ k",
    cmd: Cmd::Up,
    vi: "lên",
    en: "move up",
};
const MOVE_DOWN: Binding = Binding {
    keys: &[Down, Char('j')],
    label: "↓ j",
    cmd: Cmd::Down,
    vi: "xuống",
    en: "move down",
};
pub use crate::ui::Screen;
const PAGES: [Binding; 4] = [
    Binding {
        keys: &[PageUp],
        label: "PgUp",
        cmd: Cmd::PageUp,
        vi: "lên một trang",
        en: "page up",
    },
    Binding {
        keys: &[PageDown],
        label: "PgDn",
        cmd: Cmd::PageDown,
        vi: "xuống một trang",
        en: "page down",
    },
    Binding {
        keys: &[Home, Char('g')],
        label: "Home g",
        cmd: Cmd::Top,
        vi: "về đầu",
        en: "to the top",
    },
    Binding {
        keys: &[End, Char('G')],
        label: "End G",
        cmd: Cmd::Bottom,
        vi: "về cuối",
        en: "to the bottom",
    },
];
const GROUPS: [Binding; 2] = [
    Binding {
        keys: &[Tab],
        label: "Tab",
        cmd: Cmd::NextGroup,
        vi: "nhóm đơn vị tiếp theo",
        en: "next group",
    },
    Binding {
        keys: &[BackTab],
        label: "Shift-Tab",
        cmd: Cmd::PrevGroup,
        vi: "nhóm đơn vị trước",
        en: "previous group",
    },
];
const FIELDS: Binding = Binding {
    keys: &[Char('L')],
    label: "L",
    cmd: Cmd::Fields,
    vi: "phân tích theo lĩnh vực: lĩnh vực mạnh, yếu; hướng cải thiện của từng đơn vị",
    en: "analysis by field: strong and weak fields; each unit's way up",
};
const SET_PREVIOUS: Binding = Binding {
    keys: &[Char('S')],
    label: "S",
    cmd: Cmd::SetPrevious,
    vi: "chỉ số năm trước để so sánh do Hội đồng đặt (kèm lý do)",
    en: "the council's figure of last year to compare with (and why)",
};
const HELP: Binding = Binding {
    keys: &[Char('?')],
    label: "?",
    cmd: Cmd::Help,
    vi: "trợ giúp (bảng phím này)",
    en: "help (this list of keys)",
};

pub static UNITS: &[Binding] = &[
    MOVE,
    MOVE_DOWN,
    PAGES[0],
    PAGES[1],
    PAGES[2],
    PAGES[3],
    Binding {
        keys: &[Enter, Right, Char('l')],
        label: "Enter →",
        cmd: Cmd::Open,
        vi: "mở đơn vị để thẩm định",
        en: "open the unit for appraisal",
    },
    GROUPS[0],
    GROUPS[1],
    Binding {
        keys: &[Char('/')],
        label: "/",
        cmd: Cmd::Filter,
        vi: "lọc theo tên (không cần dấu: so noi vu)",
        en: "filter by name (accents optional: so noi vu)",
    },
    Binding {
        keys: &[Char('n')],
        label: "n",
        cmd: Cmd::NextUndecided,
        vi: "đơn vị tiếp theo còn tiêu chí chưa thẩm định",
        en: "next unit with undecided items",
    },
    Binding {
        keys: &[Char('c')],
        label: "c",
        cmd: Cmd::CloseUnit,
        vi: "khóa / mở lại kết quả của đơn vị đang chọn (kèm nhận xét)",
        en: "close / reopen the selected unit (with a comment)",
    },
    SET_PREVIOUS,
    Binding {
        keys: &[Char('r')],
        label: "r",
        cmd: Cmd::Ranking,
        vi: "xếp hạng của nhóm",
        en: "ranking of the group",
    },
    FIELDS,
    HISTORY_KEY,
    FILES_KEY,
    Binding {
        keys: &[Char('a')],
        label: "a",
        cmd: Cmd::Assign,
        vi: "phân công lĩnh vực cho thành viên",
        en: "assign fields to members",
    },
    NEW_YEAR_KEY,
    YEARS_KEY,
    Binding {
        keys: &[Char('o')],
        label: "o",
        cmd: Cmd::OpenDatabase,
        vi: "mở tệp cơ sở dữ liệu khác (tệp năm trước…)",
        en: "open another database file (last year's…)",
    },
    Binding {
        keys: &[Char('D')],
        label: "D",
        cmd: Cmd::OpenDemo,
        vi: "mở bản mẫu (tệp riêng, không đụng dữ liệu này)",
        en: "open the demo year (its own file; this data is left alone)",
    },
    HELP,
    Binding {
        keys: &[Esc],
        label: "Esc",
        cmd: Cmd::Back,
        vi: "bỏ lọc",
        en: "clear the filter",
    },
    Binding {
        keys: &[Char('q')],
        label: "q",
        cmd: Cmd::BackOrQuit,
        vi: "thoát",
        en: "quit",
    },
];

pub static APPRAISAL: &[Binding] = &[
    MOVE,
    MOVE_DOWN,
    PAGES[0],
    PAGES[1],
    PAGES[2],
    PAGES[3],
    Binding {
        keys: &[Enter, Right, Char('l')],
        label: "Enter →",
        cmd: Cmd::Open,
        vi: "mở rộng / thu gọn lĩnh vực, tiêu chí",
        en: "expand / collapse a field or criterion",
    },
    Binding {
        keys: &[Left, Char('h')],
        label: "←",
        cmd: Cmd::Back,
        vi: "thu gọn; về tiêu chí cha",
        en: "collapse; go to the parent",
    },
    Binding {
        keys: &[Char('a')],
        label: "a",
        cmd: Cmd::Agree,
        vi: "đồng ý với điểm tự chấm",
        en: "agree with the self score",
    },
    Binding {
        keys: &[
            Char('1'),
            Char('2'),
            Char('3'),
            Char('4'),
            Char('5'),
            Char('6'),
            Char('7'),
            Char('8'),
            Char('9'),
        ],
        label: "1…9",
        cmd: Cmd::Option(0),
        vi: "chọn mức điểm theo số thứ tự",
        en: "pick the option with that number",
    },
    Binding {
        keys: &[Char('e')],
        label: "e",
        cmd: Cmd::EnterScore,
        vi: "nhập điểm (0,5 hoặc 0.5; hoặc số thứ tự mức)",
        en: "enter a score (0.5 or 0,5; or an option number)",
    },
    Binding {
        keys: &[Char('x')],
        label: "x",
        cmd: Cmd::NotApplicable,
        vi: "không áp dụng (kèm lý do)",
        en: "not applicable (with a reason)",
    },
    Binding {
        keys: &[Char('c')],
        label: "c",
        cmd: Cmd::Comment,
        vi: "viết nhận xét của hội đồng (Alt-Enter / Ctrl-J: xuống dòng)",
        en: "write the council's comment (Alt-Enter / Ctrl-J: new line)",
    },
    Binding {
        keys: &[Char('f')],
        label: "f",
        cmd: Cmd::Flag,
        vi: "yêu cầu giải trình",
        en: "request an explanation",
    },
    Binding {
        keys: &[Char('n')],
        label: "n",
        cmd: Cmd::NextUndecided,
        vi: "tiêu chí chưa thẩm định tiếp theo (hết thì sang đơn vị sau)",
        en: "next undecided item (then the next unit)",
    },
    Binding {
        keys: &[Char('u')],
        label: "u",
        cmd: Cmd::Undo,
        vi: "hoàn tác quyết định vừa ghi",
        en: "undo the last decision",
    },
    Binding {
        keys: &[Char('v')],
        label: "v",
        cmd: Cmd::CycleItemFilter,
        vi: "xem: tất cả / chưa thẩm định / đã điều chỉnh",
        en: "show: all / undecided / adjusted",
    },
    Binding {
        keys: &[Char('/')],
        label: "/",
        cmd: Cmd::Filter,
        vi: "tìm tiêu chí theo mã hoặc tên",
        en: "search items by code or title",
    },
    Binding {
        keys: &[Char('r')],
        label: "r",
        cmd: Cmd::Ranking,
        vi: "xếp hạng của nhóm",
        en: "ranking of the group",
    },
    HELP,
    Binding {
        keys: &[Esc],
        label: "Esc",
        cmd: Cmd::Escape,
        vi: "bỏ tìm kiếm; không tìm thì về danh sách đơn vị",
        en: "clear the search; without one, back to the units",
    },
    Binding {
        keys: &[Char('q')],
        label: "q",
        cmd: Cmd::BackOrQuit,
        vi: "về danh sách đơn vị",
        en: "back to the units",
    },
];

pub static RANKING: &[Binding] = &[
    MOVE,
    MOVE_DOWN,
    PAGES[0],
    PAGES[1],
    PAGES[2],
    PAGES[3],
    Binding {
        keys: &[Enter, Right],
        label: "Enter →",
        cmd: Cmd::Open,
        vi: "mở đơn vị để thẩm định",
        en: "open the unit for appraisal",
    },
    GROUPS[0],
    GROUPS[1],
    Binding {
        keys: &[Char('p')],
        label: "p",
        cmd: Cmd::ToggleFinal,
        vi: "xếp hạng tạm tính / chính thức",
        en: "provisional / final ranking",
    },
    Binding {
        keys: &[Char('w')],
        label: "w",
        cmd: Cmd::WriteWorkbook,
        vi: "ghi bảng tính Excel (.xlsx) của nhóm đang xem",
        en: "write the shown group's Excel workbook (.xlsx)",
    },
    Binding {
        keys: &[Char('W')],
        label: "W",
        cmd: Cmd::WriteAllWorkbook,
        vi: "ghi bảng tính Excel (.xlsx) của mọi nhóm",
        en: "write the Excel workbook of every group (.xlsx)",
    },
    Binding {
        keys: &[Char('d')],
        label: "d",
        cmd: Cmd::ExportDecisions,
        vi: "ghi tệp CSV các quyết định của nhóm đang xem",
        en: "write the shown group's decisions CSV",
    },
    Binding {
        keys: &[Char('x')],
        label: "x",
        cmd: Cmd::ExportRanking,
        vi: "ghi tệp CSV xếp hạng của nhóm đang xem",
        en: "write the shown group's ranking CSV",
    },
    Binding {
        keys: &[Char('t')],
        label: "t",
        cmd: Cmd::ExportNotices,
        vi: "ghi thông báo (.docx) của từng đơn vị vào một thư mục",
        en: "write each unit's notice (.docx) into a folder",
    },
    Binding {
        keys: &[Char('b')],
        label: "b",
        cmd: Cmd::ExportMinutes,
        vi: "ghi biên bản thẩm định (.docx) của từng đơn vị vào một thư mục",
        en: "write each unit's appraisal minutes (.docx) into a folder",
    },
    Binding {
        keys: &[Char('T')],
        label: "T",
        cmd: Cmd::ExportSubmission,
        vi: "ghi tờ trình kết quả xếp hạng mọi nhóm (.docx)",
        en: "write the submission of every group's ranking (.docx)",
    },
    Binding {
        keys: &[Char('P')],
        label: "P",
        cmd: Cmd::Publish,
        vi: "công bố kết quả năm (hỏi xác nhận)",
        en: "publish the year's results (asks first)",
    },
    Binding {
        keys: &[Char('U')],
        label: "U",
        cmd: Cmd::Unpublish,
        vi: "hủy công bố kết quả năm (kèm lý do, ghi nhật ký)",
        en: "unpublish the year's results (with the reason, audited)",
    },
    SET_PREVIOUS,
    COUNCIL_KEY,
    NEW_YEAR_KEY,
    YEARS_KEY,
    HISTORY_KEY,
    FIELDS,
    HELP,
    Binding {
        keys: &[Esc, Left, Char('q'), Char('r')],
        label: "Esc q",
        cmd: Cmd::BackOrQuit,
        vi: "quay lại",
        en: "back",
    },
];

const FILES_KEY: Binding = Binding {
    keys: &[Char('f')],
    label: "f",
    cmd: Cmd::Files,
    vi: "tệp của năm: xem trước rồi nhập (bộ chỉ số, đơn vị, điểm…)",
    en: "the year's files: preview, then import (criteria, units, scores…)",
};

const COUNCIL_KEY: Binding = Binding {
    keys: &[Char('H')],
    label: "H",
    cmd: Cmd::Council,
    vi: "thông tin Hội đồng: tên, địa danh, người ký, số và ký hiệu văn bản",
    en: "the council's settings: name, place, signer, numbers and symbols",
};

const NEW_YEAR_KEY: Binding = Binding {
    keys: &[Char('N')],
    label: "N",
    cmd: Cmd::NewYear,
    vi: "bắt đầu năm mới: chép bộ chỉ số và đơn vị (hỏi xác nhận)",
    en: "start a new year: criteria sets and units copied (asks first)",
};

const YEARS_KEY: Binding = Binding {
    keys: &[Char('Y')],
    label: "Y",
    cmd: Cmd::Years,
    vi: "chuyển sang năm khác trong tệp (đang thẩm định / đã công bố)",
    en: "move to another year of the file (in progress / published)",
};

pub static FILES: &[Binding] = &[
    Binding {
        keys: &[Up, Char('k')],
        label: "↑ k",
        cmd: Cmd::Up,
        vi: "loại tệp trước; cuộn danh sách lỗi",
        en: "previous kind of file; scroll the problems",
    },
    Binding {
        keys: &[Down, Char('j')],
        label: "↓ j",
        cmd: Cmd::Down,
        vi: "loại tệp sau; cuộn danh sách lỗi",
        en: "next kind of file; scroll the problems",
    },
    PAGES[0],
    PAGES[1],
    Binding {
        keys: &[
            Char('1'),
            Char('2'),
            Char('3'),
            Char('4'),
            Char('5'),
            Char('6'),
            Char('7'),
        ],
        label: "1…7",
        cmd: Cmd::Option(0),
        vi: "chọn loại tệp theo số rồi gõ đường dẫn",
        en: "pick the kind of file by number, then type the path",
    },
    Binding {
        keys: &[Enter, Right],
        label: "Enter",
        cmd: Cmd::Open,
        vi: "gõ đường dẫn tệp; sau khi xem trước: nhập",
        en: "type the file's path; after the preview: import",
    },
    Binding {
        keys: &[Char('b')],
        label: "b",
        cmd: Cmd::ExportCriteria,
        vi: "ghi bộ chỉ số của nhóm ra bảng tính (mẫu, nhập lại được)",
        en: "write the group's criteria set as a workbook template",
    },
    Binding {
        keys: &[Char('p')],
        label: "p",
        cmd: Cmd::ExportSelfAssessment,
        vi: "ghi phiếu tự chấm của từng đơn vị trong nhóm vào thư mục",
        en: "write each unit's self-assessment workbook into a folder",
    },
    Binding {
        keys: &[Char('g')],
        label: "g",
        cmd: Cmd::ExportExplanationRequests,
        vi: "ghi phiếu giải trình của đơn vị được yêu cầu vào thư mục",
        en: "write the units' explanation requests into a folder",
    },
    COUNCIL_KEY,
    HELP,
    Binding {
        keys: &[Esc, Left, Char('q')],
        label: "Esc q",
        cmd: Cmd::BackOrQuit,
        vi: "hủy xem trước (không ghi gì); quay lại",
        en: "cancel the preview (nothing written); back",
    },
];

pub static ASSIGN: &[Binding] = &[
    MOVE,
    MOVE_DOWN,
    Binding {
        keys: &[Enter, Right],
        label: "Enter",
        cmd: Cmd::Open,
        vi: "đổi lĩnh vực của thành viên đang chọn",
        en: "change the selected member's fields",
    },
    Binding {
        keys: &[Char('+'), Char('a')],
        label: "+ a",
        cmd: Cmd::AddMember,
        vi: "thêm thành viên (tên, rồi lĩnh vực)",
        en: "add a member (name, then fields)",
    },
    GROUPS[0],
    GROUPS[1],
    HELP,
    Binding {
        keys: &[Esc, Left, Char('q')],
        label: "Esc q",
        cmd: Cmd::BackOrQuit,
        vi: "quay lại",
        en: "back",
    },
];

const HISTORY_KEY: Binding = Binding {
    keys: &[Char('h')],
    label: "h",
    cmd: Cmd::History,
    vi: "chỉ số qua các năm (đơn vị, nhóm, tỉnh so với mục tiêu)",
    en: "the index over the years (unit, group, province against the targets)",
};

pub static HISTORY: &[Binding] = &[
    Binding {
        keys: &[Up, Char('k')],
        label: "↑ k",
        cmd: Cmd::Up,
        vi: "đơn vị trước",
        en: "previous unit",
    },
    Binding {
        keys: &[Down, Char('j')],
        label: "↓ j",
        cmd: Cmd::Down,
        vi: "đơn vị sau",
        en: "next unit",
    },
    Binding {
        keys: &[Char('v')],
        label: "v",
        cmd: Cmd::CycleView,
        vi: "xem: đơn vị / nhóm / tỉnh",
        en: "show: unit / group / province",
    },
    GROUPS[0],
    GROUPS[1],
    HELP,
    Binding {
        keys: &[Esc, Left, Char('q'), Char('h')],
        label: "Esc q h",
        cmd: Cmd::BackOrQuit,
        vi: "quay lại",
        en: "back",
    },
];

pub static FIELD_TABLE: &[Binding] = &[
    MOVE,
    MOVE_DOWN,
    PAGES[0],
    PAGES[1],
    PAGES[2],
    PAGES[3],
    Binding {
        keys: &[Left],
        label: "←",
        cmd: Cmd::PrevField,
        vi: "lĩnh vực trước (cuộn ngang)",
        en: "previous field (scrolls sideways)",
    },
    Binding {
        keys: &[Right],
        label: "→",
        cmd: Cmd::NextField,
        vi: "lĩnh vực sau (cuộn ngang)",
        en: "next field (scrolls sideways)",
    },
    Binding {
        keys: &[Enter],
        label: "Enter",
        cmd: Cmd::Open,
        vi: "hướng cải thiện của đơn vị (điểm bị mất, cách vượt, lên loại)",
        en: "the unit's way up (points lost, how to pass, the next band)",
    },
    GROUPS[0],
    GROUPS[1],
    HELP,
    Binding {
        keys: &[Esc, Char('q'), Char('L')],
        label: "Esc q",
        cmd: Cmd::BackOrQuit,
        vi: "quay lại",
        en: "back",
    },
];

pub static WAY_UP: &[Binding] = &[
    Binding {
        keys: &[Up, Char('k')],
        label: "↑ k",
        cmd: Cmd::Up,
        vi: "cuộn lên",
        en: "scroll up",
    },
    Binding {
        keys: &[Down, Char('j')],
        label: "↓ j",
        cmd: Cmd::Down,
        vi: "cuộn xuống",
        en: "scroll down",
    },
    PAGES[0],
    PAGES[1],
    PAGES[2],
    PAGES[3],
    HELP,
    Binding {
        keys: &[Esc, Left, Char('q')],
        label: "Esc ← q",
        cmd: Cmd::BackOrQuit,
        vi: "về bảng lĩnh vực",
        en: "back to the field table",
    },
];

pub fn table(screen: Screen) -> &'static [Binding] {
    match screen {
        Screen::Units => UNITS,
        Screen::Appraisal => APPRAISAL,
        Screen::Ranking => RANKING,
        Screen::Fields => FIELD_TABLE,
        Screen::WayUp => WAY_UP,
        Screen::History => HISTORY,
        Screen::Files => FILES,
        Screen::Assign => ASSIGN,
    }
}

/// The command a key press stands for on a screen.
pub fn command(screen: Screen, key: &KeyEvent) -> Option<Cmd> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let b = table(screen).iter().find(|b| b.keys.contains(&key.code))?;
    Some(match (b.cmd, key.code) {
        (Cmd::Option(_), Char(c)) => Cmd::Option(c.to_digit(10).unwrap_or(0) as usize),
        (cmd, _) => cmd,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn the_same_key_means_the_same_everywhere_it_applies() {
        for s in [
            Screen::Units,
            Screen::Appraisal,
            Screen::Ranking,
            Screen::Fields,
            Screen::WayUp,
        ] {
            assert_eq!(command(s, &key(Char('j'))), Some(Cmd::Down));
            assert_eq!(command(s, &key(Up)), Some(Cmd::Up));
            assert_eq!(command(s, &key(Char('?'))), Some(Cmd::Help));
        }
        // Groups are switched where groups are shown.
        assert_eq!(command(Screen::Units, &key(Tab)), Some(Cmd::NextGroup));
        assert_eq!(
            command(Screen::Ranking, &key(BackTab)),
            Some(Cmd::PrevGroup)
        );
        assert_eq!(
            command(Screen::Appraisal, &key(Char('3'))),
            Some(Cmd::Option(3))
        );
        assert_eq!(command(Screen::Units, &key(Char('3'))), None);
        // The history is a key away from the units and the ranking, and the same key goes back.
        assert_eq!(command(Screen::Units, &key(Char('h'))), Some(Cmd::History));
        assert_eq!(
            command(Screen::Ranking, &key(Char('h'))),
            Some(Cmd::History)
        );
        assert_eq!(
            command(Screen::History, &key(Char('h'))),
            Some(Cmd::BackOrQuit)
        );
    }

    #[test]
    fn the_analysis_opens_with_the_same_key_from_the_units_and_the_ranking() {
        let shift_l = KeyEvent::new(Char('L'), KeyModifiers::SHIFT);
        assert_eq!(command(Screen::Units, &shift_l), Some(Cmd::Fields));
        assert_eq!(command(Screen::Ranking, &shift_l), Some(Cmd::Fields));
        assert_eq!(command(Screen::Fields, &key(Right)), Some(Cmd::NextField));
        assert_eq!(command(Screen::Fields, &key(Enter)), Some(Cmd::Open));
        assert_eq!(command(Screen::WayUp, &key(Esc)), Some(Cmd::BackOrQuit));
        // Lower-case l still opens a unit on the units screen.
        assert_eq!(command(Screen::Units, &key(Char('l'))), Some(Cmd::Open));
    }

    #[test]
    fn no_key_is_bound_twice_on_a_screen() {
        for s in [
            Screen::Units,
            Screen::Appraisal,
            Screen::Ranking,
            Screen::Fields,
            Screen::WayUp,
            Screen::History,
            Screen::Files,
            Screen::Assign,
        ] {
            let mut seen = Vec::new();
            for b in table(s) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} twice on {s:?}");
                    seen.push(*k);
                }
            }
        }
    }
}
