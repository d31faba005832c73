//! The commands that print: init, import, decide, rank, export, close, reopen, and the demo
//! database. Each returns its output as text, or an error with a sentence for the user.

use crate::builtin;
use crate::domain::criteria::Band;
use crate::domain::{GroupCode, Mode, Points, RankError, Ranking, Verdict};
use crate::i18n::Lang;
use crate::io::criteria::{CsvSetHeader, set_from_csv, set_from_toml};
use crate::io::export::{write_decisions, write_rankings};
use crate::io::{FileError, Problem};
use crate::service::{AppError, ImportKind, Workspace};
use crate::store::{ImportCount, Store};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

/// Where the database lives: `--db`, else `THAMDINH_DB`, else the platform data directory.
pub fn default_db(file: &str) -> PathBuf {
    directories::ProjectDirs::from("vn", "thamdinh", "thamdinh")
        .map(|d| d.data_dir().join(file))
        .unwrap_or_else(|| PathBuf::from(file))
}

pub fn resolve_db(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    match std::env::var_os("THAMDINH_DB") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => default_db("thamdinh.sqlite"),
    }
}

/// A path as it can be pasted into a shell: in double quotes when it holds a space or a
/// character the shell would read.
pub fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "/._-+:,@%=".contains(c));
    if plain {
        return s.to_string();
    }
    let mut out = String::from('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The refusal of a command that only reads (or of the screens) when there is no database
/// at `db`: nothing is created, and the sentence says how to make one.
pub fn no_database(db: &Path, year: Option<i32>, lang: Lang) -> AppError {
    let (shown, path) = (db.display(), shell_word(&db.display().to_string()));
    let year = year.unwrap_or(builtin::DEMO_YEAR);
    AppError::Usage(match lang {
        Lang::Vi => format!(
            "Không có cơ sở dữ liệu ở {shown}; chưa tạo gì. Hãy tạo bằng «thamdinh --db {path} init --year {year}» (nạp bộ chỉ số năm {year}), hoặc dựng dữ liệu mẫu bằng «thamdinh --db {path} demo»."
        ),
        Lang::En => format!(
            "There is no database at {shown}; nothing was created. Make one with 'thamdinh --db {path} init --year {year}' (loads the criteria sets of {year}), or build the demo with 'thamdinh --db {path} demo'."
        ),
    })
}

/// The working year: `--year`, else the newest year in the database, else the newest
/// built-in one.
pub fn resolve_year(store: &Store, flag: Option<i32>) -> Result<i32, AppError> {
    if let Some(y) = flag {
        return Ok(y);
    }
    Ok(store
        .years()?
        .first()
        .copied()
        .unwrap_or(builtin::DEMO_YEAR))
}

fn counted(lang: Lang, what: &str, c: ImportCount) -> String {
    match lang {
        Lang::Vi => format!(
            "Đã nhập {what}: {} dòng mới, {} dòng thay đổi, {} dòng không đổi.",
            c.added, c.changed, c.unchanged
        ),
        Lang::En => format!(
            "Imported {what}: {} added, {} changed, {} unchanged.",
            c.added, c.changed, c.unchanged
        ),
    }
}

/// Refuses a year with no built-in criteria sets before anything is written, saying exactly
/// how to import that year's sets instead.
pub fn check_builtin_year(year: i32, db: &Path, lang: Lang) -> Result<(), AppError> {
    if builtin::sets_of(year).next().is_some() {
        return Ok(());
    }
    let mut years: Vec<String> = builtin::SETS
        .iter()
        .map(|(y, _, _)| y.to_string())
        .collect();
    years.dedup();
    let years = years.join(", ");
    let from = builtin::DEMO_YEAR;
    let files = builtin::sets_of(from)
        .map(|(name, _)| name)
        .collect::<Vec<_>>()
        .join(", ");
    let db = shell_word(&db.display().to_string());
    let run = format!("thamdinh --db {db} --year {year} import criteria");
    Err(AppError::Usage(match lang {
        Lang::Vi => format!(
            "Không có bộ chỉ số mẫu cho năm {year} (thamdinh chỉ có sẵn bộ chỉ số năm {years}); chưa ghi gì. \
             Hãy nạp bộ chỉ số năm {year} của từng nhóm, từ một tệp TOML:\n  \
             {run} TỆP.toml\n\
             hoặc từ một cây tiêu chí CSV (cột code,title,max,options,guidance,not_applicable_for):\n  \
             {run} TỆP.csv --group NHÓM --name \"Tên nhóm\" --survey-max ĐIỂM [--bands \"A:90,B:80,C:70,D:0\"]\n\
             Có thể chép các bộ năm {from} trong data/criteria/{from}/ của mã nguồn thamdinh ({files}) làm bản khởi đầu, nhớ sửa «year = {from}» thành «year = {year}»."
        ),
        Lang::En => format!(
            "There are no built-in criteria sets for {year} (thamdinh comes with the sets of {years} only); nothing was written. \
             Import the {year} set of each group, from a TOML file:\n  \
             {run} FILE.toml\n\
             or from a criteria tree in CSV (columns code,title,max,options,guidance,not_applicable_for):\n  \
             {run} FILE.csv --group GROUP --name \"Group name\" --survey-max POINTS [--bands \"A:90,B:80,C:70,D:0\"]\n\
             The {from} sets in thamdinh's source, data/criteria/{from}/ ({files}), can be copied as a starting point, with 'year = {from}' changed to 'year = {year}'."
        ),
    }))
}

/// Loads the built-in criteria sets of the workspace's year.
pub fn init(ws: &mut Workspace, lang: Lang) -> Result<String, AppError> {
    let year = ws.year;
    check_builtin_year(year, ws.db_path(), lang)?;
    let mut out = String::new();
    for (name, text) in builtin::sets_of(year) {
        let path = PathBuf::from(format!("data/criteria/{year}/{name}"));
        let set = set_from_toml(&path, text)?;
        let changed = ws.save_set(&set)?;
        let (f, c, s) = set.counts();
        let state = match (lang, changed) {
            (Lang::Vi, true) => "đã nạp",
            (Lang::Vi, false) => "không đổi",
            (Lang::En, true) => "loaded",
            (Lang::En, false) => "unchanged",
        };
        let _ = writeln!(
            out,
            "{} ({}): {f} {} / {c} {} / {s} {}, {} {} + {} {} — {state}",
            set.group,
            set.name,
            lang.pick("lĩnh vực", "fields"),
            lang.pick("tiêu chí", "criteria"),
            lang.pick("tiêu chí thành phần", "sub-criteria"),
            set.appraisal_max,
            lang.pick("điểm thẩm định", "appraisal points"),
            set.survey_max,
            lang.pick("điểm điều tra", "survey points"),
        );
    }
    let _ = write!(
        out,
        "{}: {}",
        lang.pick("Cơ sở dữ liệu", "Database"),
        ws.db_path().display()
    );
    Ok(out)
}

/// Builds the demo year in an empty database (or leaves a built one as it is).
pub fn build_demo(ws: &mut Workspace, lang: Lang) -> Result<bool, AppError> {
    if ws.has_units()? {
        return Ok(false);
    }
    init(ws, lang)?;
    let dir = PathBuf::from(format!("data/demo/{}", builtin::DEMO_YEAR));
    let parts = [
        (ImportKind::Units, "units.csv", builtin::demo::UNITS),
        (
            ImportKind::SelfScores,
            "self_scores.csv",
            builtin::demo::SELF_SCORES,
        ),
        (ImportKind::Survey, "survey.csv", builtin::demo::SURVEY),
        (ImportKind::History, "history.csv", builtin::demo::HISTORY),
        (
            ImportKind::Explanations,
            "explanations.csv",
            builtin::demo::EXPLANATIONS,
        ),
    ];
    for (kind, name, text) in parts {
        ws.import_text(kind, &dir.join(name), text)?;
    }
    Ok(true)
}

pub fn import(
    ws: &mut Workspace,
    kind: ImportKind,
    file: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let c = ws.import_file(kind, file)?;
    let what = match (kind, lang) {
        (ImportKind::Units, Lang::Vi) => "danh sách đơn vị",
        (ImportKind::SelfScores, Lang::Vi) => "điểm tự chấm",
        (ImportKind::Survey, Lang::Vi) => "điểm điều tra xã hội học",
        (ImportKind::Explanations, Lang::Vi) => "giải trình",
        (ImportKind::History, Lang::Vi) => "chỉ số các năm trước",
        (ImportKind::Units, Lang::En) => "units",
        (ImportKind::SelfScores, Lang::En) => "self scores",
        (ImportKind::Survey, Lang::En) => "survey scores",
        (ImportKind::Explanations, Lang::En) => "explanations",
        (ImportKind::History, Lang::En) => "history",
    };
    Ok(counted(lang, what, c))
}

/// The options of `import criteria` for a CSV tree.
pub struct CriteriaCsvArgs {
    pub group: Option<String>,
    pub name: Option<String>,
    /// The name as councils say it, for the group tabs of a narrow window.
    pub short_name: Option<String>,
    pub survey_max: Option<String>,
    pub bands: Option<String>,
}

pub fn import_criteria(
    ws: &mut Workspace,
    file: &Path,
    args: CriteriaCsvArgs,
    lang: Lang,
) -> Result<String, AppError> {
    let is_csv = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let set = if is_csv {
        let need = |what: &str| {
            AppError::Usage(match lang {
                Lang::Vi => format!("Nhập cây tiêu chí từ CSV cần thêm {what}."),
                Lang::En => format!("Importing a criteria tree from CSV needs {what}."),
            })
        };
        let group_text = args.group.ok_or_else(|| need("--group"))?;
        let group = GroupCode::parse(&group_text)
            .map_err(|_| AppError::UnknownGroup(group_text.clone()))?;
        let name = args.name.ok_or_else(|| need("--name"))?;
        let survey_text = args.survey_max.ok_or_else(|| need("--survey-max"))?;
        let survey_max = Points::parse(&survey_text).map_err(|why| {
            AppError::File(FileError::one(
                Path::new("--survey-max"),
                None,
                Problem::BadPoints {
                    text: survey_text.clone(),
                    why,
                },
            ))
        })?;
        let bands_text = args.bands.unwrap_or_else(|| "A:90,B:80,C:70,D:0".into());
        let bands = Band::parse_list(&bands_text).ok_or_else(|| {
            AppError::Usage(match lang {
                Lang::Vi => format!("--bands «{bands_text}» phải viết dạng «A:90,B:80,C:70,D:0»."),
                Lang::En => format!("--bands '{bands_text}' must look like 'A:90,B:80,C:70,D:0'."),
            })
        })?;
        let text = crate::io::csvread::read_text(file)?;
        let header = CsvSetHeader {
            group,
            name,
            short_name: args.short_name,
            year: ws.year,
            survey_max,
            bands,
        };
        let set = set_from_csv(file, &text, header)?;
        ws.save_set(&set)?;
        set
    } else {
        ws.import_set_toml(file)?.0
    };
    let (f, c, s) = set.counts();
    Ok(match lang {
        Lang::Vi => format!(
            "Đã nạp bộ chỉ số {} năm {} ({}): {f} lĩnh vực, {c} tiêu chí, {s} tiêu chí thành phần; {} điểm thẩm định + {} điểm điều tra.",
            set.group, set.year, set.name, set.appraisal_max, set.survey_max
        ),
        Lang::En => format!(
            "Loaded the {} set for {} ({}): {f} fields, {c} criteria, {s} sub-criteria; {} appraisal + {} survey points.",
            set.group, set.year, set.name, set.appraisal_max, set.survey_max
        ),
    })
}

/// `decide UNIT ITEM SCORE|agree|na|flag`.
pub fn decide(
    ws: &mut Workspace,
    unit: &str,
    item: &str,
    what: &str,
    comment: &str,
    appraiser: &str,
    lang: Lang,
) -> Result<String, AppError> {
    let verdict = match what.trim().to_lowercase().as_str() {
        "agree" | "a" | "dong-y" | "đồng-ý" => Verdict::Agree,
        "na" | "n/a" | "x" => Verdict::NotApplicable,
        "flag" | "f" => Verdict::RequestExplanation,
        other => Verdict::Score(Points::parse(other).map_err(|why| {
            let what = Problem::BadPoints {
                text: what.to_string(),
                why,
            }
            .describe(lang);
            AppError::Usage(crate::i18n::errors::decision_not_recorded(
                unit, item, &what, lang,
            ))
        })?),
    };
    let (unit_code, item_code) = Workspace::codes(unit, item)?;
    let decided = ws.decide(&unit_code, &item_code, verdict, comment, appraiser)?;
    let (unit, item, d) = (decided.unit, decided.item, decided.decision);
    let score = d.score.map(|p| p.to_string()).unwrap_or_else(|| "—".into());
    Ok(match lang {
        Lang::Vi => format!(
            "Đã ghi: {} {} → {} ({})",
            unit.code,
            item,
            score,
            crate::i18n::state_label(d.state, lang)
        ),
        Lang::En => format!(
            "Recorded: {} {} → {} ({})",
            unit.code,
            item,
            score,
            crate::i18n::state_label(d.state, lang)
        ),
    })
}

/// Splits off the first word of a line: (word, the rest).
fn first_word(s: &str) -> (&str, &str) {
    let t = s.trim_start();
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    t.split_at(end)
}

/// `decide --batch FILE` (`-`: standard input): one decision per line,
/// `UNIT ITEM SCORE|agree|na|flag [COMMENT]` (the comment is the rest of the line); blank lines
/// and lines starting with `#` are skipped. Every decision is its own transaction, and its
/// acknowledgement line (the one `decide` prints) is written and flushed only after the
/// commit returned. A refused line is reported on `err` as `FILE:LINE: sentence` and the next
/// lines go on. Returns how many decisions were recorded and how many refused.
pub fn decide_batch(
    ws: &mut Workspace,
    name: &str,
    input: &mut dyn std::io::BufRead,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
    appraiser: &str,
    lang: Lang,
) -> Result<(usize, usize), AppError> {
    let broken = |e: std::io::Error| {
        AppError::Usage(match lang {
            Lang::Vi => format!("Không ghi được kết quả ra: {e}."),
            Lang::En => format!("Could not write the output: {e}."),
        })
    };
    let (mut recorded, mut refused) = (0, 0);
    let mut buf = Vec::new();
    for number in 1.. {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf).map_err(|e| {
            AppError::Usage(match lang {
                Lang::Vi => format!("Không đọc được {name}: {e}."),
                Lang::En => format!("Could not read {name}: {e}."),
            })
        })?;
        if n == 0 {
            break;
        }
        let result = match std::str::from_utf8(&buf) {
            Err(_) => Err(AppError::Usage(
                lang.pick("dòng không phải mã UTF-8", "the line is not UTF-8")
                    .into(),
            )),
            Ok(line) => {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let (unit, rest) = first_word(line);
                let (item, rest) = first_word(rest);
                let (what, rest) = first_word(rest);
                if what.is_empty() {
                    Err(AppError::Usage(
                        lang.pick(
                            "mỗi dòng cần «ĐƠN-VỊ TIÊU-CHÍ ĐIỂM|agree|na|flag [NHẬN XÉT]»",
                            "a line needs 'UNIT ITEM SCORE|agree|na|flag [COMMENT]'",
                        )
                        .into(),
                    ))
                } else {
                    decide(ws, unit, item, what, rest.trim(), appraiser, lang)
                }
            }
        };
        match result {
            Ok(ack) => {
                writeln!(out, "{ack}").map_err(broken)?;
                out.flush().map_err(broken)?;
                recorded += 1;
            }
            Err(e) => {
                writeln!(err, "{name}:{number}: {}", e.render(lang)).map_err(broken)?;
                refused += 1;
            }
        }
    }
    Ok((recorded, refused))
}

/// The groups asked for: one, or all of the year.
fn chosen_groups(ws: &Workspace, group: Option<&str>) -> Result<Vec<(String, String)>, AppError> {
    let all = ws.groups()?;
    if all.is_empty() {
        return Err(AppError::NoSets(ws.year));
    }
    match group {
        None => Ok(all),
        Some(g) => all
            .into_iter()
            .find(|(c, _)| c == g)
            .map(|x| vec![x])
            .ok_or_else(|| AppError::UnknownGroup(g.to_string())),
    }
}

pub fn rankings(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
) -> Result<Vec<(String, String, Ranking)>, AppError> {
    let groups = chosen_groups(ws, group)?;
    let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
    let ranked = ws.rankings(&codes, mode);
    groups
        .iter()
        .zip(ranked)
        .map(|((code, name), r)| Ok((code.clone(), name.clone(), r?)))
        .collect()
}

pub fn rank_csv(ws: &Workspace, group: Option<&str>, mode: Mode) -> Result<Vec<u8>, AppError> {
    let groups: Vec<(String, Ranking)> = rankings(ws, group, mode)?
        .into_iter()
        .map(|(c, _, r)| (c, r))
        .collect();
    let mut out = Vec::new();
    write_rankings(&mut out, &groups).map_err(|e| AppError::Usage(e.to_string()))?;
    Ok(out)
}

fn pad(s: &str, width: usize, right: bool) -> String {
    let w = s.width();
    if w >= width {
        return s.to_string();
    }
    let fill = " ".repeat(width - w);
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn yes_no_mark(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "—",
    }
}

/// A ranking as a text table, with the header line of the group's figures and targets.
pub fn rank_table(code: &str, name: &str, r: &Ranking, lang: Lang) -> String {
    let mut out = String::new();
    let mode = match (r.mode, lang) {
        (Mode::Provisional, Lang::Vi) => "tạm tính",
        (Mode::Final, Lang::Vi) => "chính thức",
        (Mode::Provisional, Lang::En) => "provisional",
        (Mode::Final, Lang::En) => "final",
    };
    let _ = writeln!(
        out,
        "{name} ({code}) — {} {mode}",
        lang.pick("Xếp hạng", "Ranking")
    );
    let pct = (r.decided * 100).checked_div(r.items).unwrap_or(100);
    let mean = r
        .mean
        .map(|m| crate::domain::index::round2(m).fixed2())
        .unwrap_or_else(|| "—".into());
    let prov = r
        .province_previous
        .map(|p| p.fixed2())
        .unwrap_or_else(|| "—".into());
    let _ = writeln!(
        out,
        "{}: {}/{} ({pct}%) · {}: {mean}% · {}: {prov}% {}",
        lang.pick("Đã thẩm định", "Decided"),
        r.decided,
        r.items,
        lang.pick("Trung bình nhóm", "Group mean"),
        lang.pick("Chỉ số tỉnh năm trước", "Province's previous index"),
        match r.mean_above_province {
            Some(true) => lang.pick("→ đạt mục tiêu ✓", "→ target met ✓"),
            Some(false) => lang.pick("→ chưa đạt mục tiêu ✗", "→ target not met ✗"),
            None => "",
        }
    );
    let heads = [
        lang.pick("Hạng", "Rank"),
        lang.pick("Mã", "Code"),
        lang.pick("Đơn vị", "Unit"),
        lang.pick("Thẩm định", "Appraised"),
        lang.pick("Điều tra", "Survey"),
        lang.pick("Tổng", "Total"),
        lang.pick("Tối đa", "Max"),
        lang.pick("Chỉ số %", "Index %"),
        lang.pick("Loại", "Band"),
        lang.pick("Năm trước", "Previous"),
        lang.pick("Tăng/giảm", "Change"),
        lang.pick("Tăng", "Rose"),
        lang.pick("Đã TĐ", "Decided"),
    ];
    let widths = [4, 8, 36, 9, 8, 7, 7, 8, 4, 9, 9, 4, 9];
    let right = [
        true, false, false, true, true, true, true, true, false, true, true, false, true,
    ];
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| pad(&cut(c, widths[i]), widths[i], right[i]))
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end()
            .to_string()
    };
    let _ = writeln!(out, "{}", line(&heads.map(String::from)));
    for row in &r.rows {
        let cells = [
            row.rank
                .map(|n| n.to_string())
                .unwrap_or_else(|| "—".into()),
            row.unit.to_string(),
            row.name.clone(),
            row.appraised.fixed2(),
            if row.survey_missing {
                "—".into()
            } else {
                row.survey.fixed2()
            },
            row.total.fixed2(),
            row.max.fixed2(),
            row.index
                .map(|i| i.to_string())
                .unwrap_or_else(|| "—".into()),
            row.band.clone().unwrap_or_else(|| "—".into()),
            row.previous
                .map(|p| p.fixed2())
                .unwrap_or_else(|| "—".into()),
            row.change
                .map(|c| {
                    if c.is_negative() {
                        c.fixed2()
                    } else {
                        format!("+{}", c.fixed2())
                    }
                })
                .unwrap_or_else(|| "—".into()),
            yes_no_mark(row.rises).to_string(),
            format!("{}/{}", row.decided, row.items),
        ];
        let _ = writeln!(out, "{}", line(&cells));
    }
    if r.rows.iter().any(|row| !row.ranked) {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "—: đơn vị được chấm điểm nhưng không xếp hạng.",
                "—: unit scored but not ranked."
            )
        );
    }
    out
}

pub fn rank_text(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    lang: Lang,
) -> Result<String, AppError> {
    let mut out = String::new();
    for (code, name, r) in rankings(ws, group, mode)? {
        out.push_str(&rank_table(&code, &name, &r, lang));
        out.push('\n');
    }
    Ok(out.trim_end().to_string())
}

/// The decisions export. With `Mode::Final` it is the council's complete record, refused
/// (nothing written) while any item of the chosen groups is undecided or awaits an explanation,
/// counted as the final ranking counts them.
pub fn export_decisions(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let groups = chosen_groups(ws, group)?;
    if mode == Mode::Final {
        check_all_decided(ws, &groups, group.is_some(), lang)?;
    }
    let lines = ws.decision_lines(group)?;
    let mut buf = Vec::new();
    write_decisions(&mut buf, &lines).map_err(|e| AppError::Usage(e.to_string()))?;
    write_file(out, &buf, lang)?;
    let n = lines.len();
    let out = out.display();
    Ok(match (mode, lang) {
        (Mode::Provisional, Lang::Vi) => format!("Đã xuất {n} dòng quyết định ra {out}."),
        (Mode::Provisional, Lang::En) => format!("Exported {n} decision lines to {out}."),
        (Mode::Final, Lang::Vi) => format!(
            "Đã xuất {n} dòng quyết định chính thức (mọi tiêu chí đã thẩm định xong) ra {out}."
        ),
        (Mode::Final, Lang::En) => {
            format!("Exported {n} final decision lines (every item decided) to {out}.")
        }
    })
}

/// Refuses while any item of the groups is not decided, naming how many items of how many
/// units are left (per group when several were asked for).
fn check_all_decided(
    ws: &Workspace,
    groups: &[(String, String)],
    one: bool,
    lang: Lang,
) -> Result<(), AppError> {
    let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
    let mut left = Vec::new();
    for (code, ranked) in codes.iter().zip(ws.rankings(&codes, Mode::Final)) {
        match ranked {
            Err(AppError::Rank {
                why: RankError::Undecided { items, units },
                ..
            }) => left.push((*code, items, units)),
            // A missing survey score does not touch the decisions.
            Ok(_) | Err(AppError::Rank { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    if left.is_empty() {
        return Ok(());
    }
    let items = left.iter().map(|l| l.1).sum();
    let units = left.iter().map(|l| l.2).sum();
    let mut what = crate::i18n::errors::undecided_phrase(items, units, lang);
    if !one {
        let each: Vec<String> = left
            .iter()
            .map(|(g, i, u)| match lang {
                Lang::Vi => format!("nhóm {g}: {i} tiêu chí của {u} đơn vị"),
                Lang::En => format!("group {g}: {i} items of {u} units"),
            })
            .collect();
        let _ = write!(what, " ({})", each.join("; "));
    }
    let head = match (one, lang) {
        (true, Lang::Vi) => format!(
            "Chưa xuất được bảng quyết định chính thức nhóm {}",
            left[0].0
        ),
        (false, Lang::Vi) => "Chưa xuất được bảng quyết định chính thức".to_string(),
        (true, Lang::En) => format!("No final decisions export for group {} yet", left[0].0),
        (false, Lang::En) => "No final decisions export yet".to_string(),
    };
    Err(AppError::Usage(match lang {
        Lang::Vi => {
            format!("{head}: {what}; chưa ghi tệp nào. Bỏ --final để xuất các quyết định hiện có.")
        }
        Lang::En => format!(
            "{head}: {what}; no file was written. Leave out --final to export the decisions as they stand."
        ),
    }))
}

pub fn export_ranking(
    ws: &Workspace,
    group: Option<&str>,
    mode: Mode,
    out: &Path,
    lang: Lang,
) -> Result<String, AppError> {
    let buf = rank_csv(ws, group, mode)?;
    write_file(out, &buf, lang)?;
    Ok(match lang {
        Lang::Vi => format!("Đã xuất bảng xếp hạng ra {}.", out.display()),
        Lang::En => format!("Exported the ranking to {}.", out.display()),
    })
}

/// Writes through a temporary file and a rename, so a reader never sees half a file.
fn write_file(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), AppError> {
    let tmp = path.with_extension("tmp-thamdinh");
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        AppError::Usage(match lang {
            Lang::Vi => format!("Không ghi được tệp {}: {e}.", path.display()),
            Lang::En => format!("Could not write {}: {e}.", path.display()),
        })
    })
}

pub fn set_closed(
    ws: &mut Workspace,
    unit: &str,
    closed: bool,
    comment: &str,
    appraiser: &str,
    lang: Lang,
) -> Result<String, AppError> {
    let u = ws.set_closed(unit, closed, appraiser, comment)?;
    Ok(match (closed, lang) {
        (true, Lang::Vi) => format!("Đã khóa kết quả của {} ({}).", u.code, u.name),
        (false, Lang::Vi) => format!(
            "Đã mở lại {} ({}); việc mở lại được ghi vào nhật ký.",
            u.code, u.name
        ),
        (true, Lang::En) => format!("Closed {} ({}).", u.code, u.name),
        (false, Lang::En) => format!(
            "Reopened {} ({}); the reopening is in the audit log.",
            u.code, u.name
        ),
    })
}

/// Gives the appraiser fields of a group (`fields` empty: takes them all back).
pub fn assign(
    ws: &mut Workspace,
    appraiser: &str,
    group: &str,
    fields: &[String],
    lang: Lang,
) -> Result<String, AppError> {
    let set = ws.set(group)?;
    let known: Vec<String> = set.fields().map(|f| set.node(f).code.to_string()).collect();
    if let Some(bad) = fields.iter().find(|f| !known.contains(f)) {
        return Err(AppError::Usage(match lang {
            Lang::Vi => format!(
                "Nhóm {group} không có lĩnh vực «{bad}» (các lĩnh vực: {}).",
                known.join(", ")
            ),
            Lang::En => format!(
                "Group {group} has no field '{bad}' (its fields: {}).",
                known.join(", ")
            ),
        }));
    }
    ws.assign_fields(appraiser, group, fields)?;
    Ok(match (fields.is_empty(), lang) {
        (true, Lang::Vi) => {
            format!("{appraiser} không còn được giao lĩnh vực riêng trong nhóm {group}.")
        }
        (true, Lang::En) => {
            format!("{appraiser} has no fields of their own in group {group} any more.")
        }
        (false, Lang::Vi) => format!(
            "{appraiser} được giao lĩnh vực {} của nhóm {group}.",
            fields.join(", ")
        ),
        (false, Lang::En) => format!(
            "{appraiser} is assigned field(s) {} of group {group}.",
            fields.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_path_is_quoted_only_when_the_shell_would_read_it() {
        assert_eq!(
            shell_word("/tmp/hội-đồng/t.sqlite"),
            "/tmp/hội-đồng/t.sqlite"
        );
        assert_eq!(shell_word("Hội đồng/t.sqlite"), "\"Hội đồng/t.sqlite\"");
        assert_eq!(shell_word("a\"$`\\b"), "\"a\\\"\\$\\`\\\\b\"");
        assert_eq!(shell_word(""), "\"\"");
    }
}
