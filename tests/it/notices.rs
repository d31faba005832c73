//! Each unit's notice (`export notices`): written for demo units with decisions, unzipped,
//! and its text and table cells read back from `word/document.xml`.

use crate::common;
use common::*;

use std::io::Read as _;
use std::path::Path;
use thamdinh::domain::{ItemCode, Points, UnitCode, Verdict};
use thamdinh::i18n::Lang;
use thamdinh::io::notices::{NoticeOptions, write_notices};
use thamdinh::service::Workspace;
use thamdinh::store::Store;

fn workspace(db: &Path) -> Workspace {
    Workspace::new(Store::open(db).unwrap(), 2022).unwrap()
}

fn decide(ws: &mut Workspace, unit: &str, item: &str, v: Verdict, comment: &str) {
    let (u, i) = (
        UnitCode::parse(unit).unwrap(),
        ItemCode::parse(item).unwrap(),
    );
    ws.decide(&u, &i, v, comment, "Nguyễn Thị Lan").unwrap();
}

/// A part of a .docx file, as text.
fn part(docx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of a piece of document.xml: its `<w:t>` runs, paragraphs on their own lines.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    for para in xml.split("</w:p>") {
        let mut line = String::new();
        let mut rest = para;
        while let Some(at) = rest.find("<w:t") {
            let after = &rest[at + 4..];
            // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tbl>`, `<w:tc>`, `<w:tr>` …
            if !(after.starts_with('>') || after.starts_with(' ')) {
                rest = after;
                continue;
            }
            let open_end = after.find('>').unwrap();
            let body = &after[open_end + 1..];
            let close = body.find("</w:t>").unwrap();
            line.push_str(&unescape(&body[..close]));
            rest = &body[close..];
        }
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Every table of document.xml: its rows, each row its cells' text.
fn tables(xml: &str) -> Vec<Vec<Vec<String>>> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|tbl| {
            let tbl = &tbl[..tbl.find("</w:tbl>").unwrap()];
            tbl.split("<w:tr>")
                .skip(1)
                .map(|tr| {
                    tr.split("<w:tc>")
                        .skip(1)
                        .map(|tc| text_of(tc).trim_end().to_string())
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn opts(lang: Lang) -> NoticeOptions {
    NoticeOptions {
        council: String::new(),
        lang,
    }
}

#[test]
fn a_notice_says_the_result_and_lists_what_the_council_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut ws = workspace(&db);
    decide(&mut ws, "SNV", "1.1.1", Verdict::Agree, "");
    decide(
        &mut ws,
        "SNV",
        "3.9",
        Verdict::Score(Points::parse("1").unwrap()),
        "Tỷ lệ hồ sơ trực tuyến 60 %",
    );
    decide(
        &mut ws,
        "SNV",
        "7.10",
        Verdict::RequestExplanation,
        "Đề nghị giải trình số liệu trên hệ thống",
    );
    decide(
        &mut ws,
        "SNV",
        "1.3.2",
        Verdict::NotApplicable,
        "Đơn vị không có đơn vị trực thuộc",
    );
    let notices = ws.notices(None, Some("SNV")).unwrap();
    assert_eq!(notices.len(), 1);
    let out = dir.path().join("thong-bao");
    let written = write_notices(&out, &notices, &opts(Lang::Vi)).unwrap();
    assert_eq!(written, vec![out.join("SNV.docx")]);
    // Nothing else is left in the folder (the temporary file was renamed).
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);

    // Made with the demo's illustrative set: the footer says so.
    let footer = (1..=3)
        .filter_map(|k| {
            let mut zip = zip::ZipArchive::new(std::fs::File::open(&written[0]).unwrap()).unwrap();
            let mut s = String::new();
            let mut f = zip.by_name(&format!("word/footer{k}.xml")).ok()?;
            f.read_to_string(&mut s).unwrap();
            Some(text_of(&s))
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        footer.contains("Lập theo bộ chỉ số minh họa, không phải bộ chỉ số chính thức."),
        "{footer}"
    );
    let doc = part(&written[0], "word/document.xml");
    let text = text_of(&doc);
    for want in [
        "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "THÔNG BÁO",
        "Kết quả thẩm định Chỉ số cải cách hành chính năm 2022 của Sở Nội vụ",
        "Kính gửi: Sở Nội vụ.",
        "Đây là kết quả TẠM TÍNH, chưa phải kết quả chính thức: đơn vị còn",
        "II. CÁC TIÊU CHÍ HỘI ĐỒNG ĐIỀU CHỈNH",
        "III. BẢNG CHẤM ĐIỂM CHI TIẾT",
        "Trong bảng, điểm của lĩnh vực, tiêu chí và tổng cộng tính các tiêu chí chưa thẩm định theo điểm tự chấm",
        "Đề nghị đơn vị gửi giải trình",
        "TM. HỘI ĐỒNG THẨM ĐỊNH",
    ] {
        assert!(text.contains(want), "missing «{want}» in\n{text}");
    }

    let row = &notices[0].row;
    let tables = tables(&doc);
    // The heading, the result, the changes, the sheet, the signature.
    assert_eq!(tables.len(), 5, "{tables:#?}");
    let result = &tables[1];
    let value = |label: &str| {
        result
            .iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no «{label}» in {result:?}"))[1]
            .clone()
    };
    let vi = |p: Points| p.fixed2().replace('.', ",");
    assert_eq!(
        value("Điểm thẩm định"),
        format!("{} / {} điểm", vi(row.appraised), {
            let t = notices[0].sheet.totals(&notices[0].set);
            t.tree.max.to_string().replace('.', ",")
        })
    );
    assert_eq!(
        value("Điểm điều tra xã hội học"),
        format!("{} / 37 điểm", vi(row.survey))
    );
    assert_eq!(
        value("Tổng điểm"),
        format!(
            "{} / {} điểm",
            vi(row.total),
            row.max.to_string().replace('.', ",")
        )
    );
    let index = row.index.as_ref().unwrap().rounded();
    assert_eq!(
        value("Chỉ số cải cách hành chính"),
        format!("{} %", vi(index))
    );
    assert_eq!(&value("Xếp loại"), row.band.as_ref().unwrap());
    assert_eq!(
        value("Xếp hạng"),
        format!(
            "{}/{} đơn vị nhóm Sở, ban, ngành tỉnh (tạm tính)",
            row.rank.unwrap(),
            notices[0].ranked
        )
    );
    let prev = row.previous.unwrap();
    let change = row.change.unwrap();
    let moved = if row.rises == Some(true) {
        "tăng"
    } else {
        "giảm"
    };
    assert_eq!(
        value("Chỉ số năm 2021"),
        format!(
            "{} % (năm nay {moved} {} điểm phần trăm)",
            vi(prev),
            vi(if change.is_negative() {
                -change
            } else {
                change
            })
        )
    );

    // The items the council changed, in the order of the tree; an agreed item is not there.
    let changes = &tables[2];
    assert_eq!(
        changes[0],
        [
            "Mã",
            "Tiêu chí",
            "Điểm tối đa",
            "Điểm tự chấm",
            "Điểm thẩm định",
            "Chênh lệch",
            "Ý kiến của Hội đồng"
        ]
    );
    let body: Vec<Vec<&str>> = changes[1..]
        .iter()
        .map(|r| {
            let mut r: Vec<&str> = r.iter().map(String::as_str).collect();
            r.remove(1); // the title
            r
        })
        .collect();
    assert_eq!(
        body,
        vec![
            vec![
                "1.3.2",
                "0,5",
                "0,25",
                "không áp dụng",
                "—",
                "Đơn vị không có đơn vị trực thuộc"
            ],
            vec![
                "3.9",
                "1,25",
                "1,23",
                "1",
                "-0,23",
                "Tỷ lệ hồ sơ trực tuyến 60 %"
            ],
            vec![
                "7.10",
                "1",
                "1",
                "yêu cầu giải trình",
                "—",
                "Đề nghị giải trình số liệu trên hệ thống"
            ],
        ]
    );
    assert!(changes[2][1].starts_with("Chất lượng phục vụ người dân"));

    // The full sheet: every node of the set, the fields' total, with notes and comments.
    let sheet = &tables[3];
    let set = &notices[0].set;
    assert_eq!(sheet.len(), 1 + set.nodes().len() + 1);
    let line = |code: &str| sheet.iter().find(|r| r[0] == code).unwrap().clone();
    let agreed = line("1.1.1");
    assert_eq!(agreed[2..5], ["0,5", "0,5", "0,5"]);
    assert!(agreed[5].starts_with("Kế hoạch cải cách hành chính năm 2022"));
    let adjusted = line("3.9");
    assert_eq!(adjusted[2..5], ["1,25", "1,23", "1"]);
    assert_eq!(adjusted[6], "Tỷ lệ hồ sơ trực tuyến 60 %");
    assert_eq!(line("1.2.1")[4], "chưa thẩm định");
    // A field: the set's maximum, the self and provisional sums of its items.
    let sums = notices[0].sheet.node_sums(set);
    let field = set.index_of_str("1").unwrap();
    let f = &sums[field];
    let vi1 = |p: Points| p.to_string().replace('.', ",");
    let field_max = vi1(set.node(field).max);
    assert_eq!(
        line("1")[2..5],
        [field_max, vi1(f.self_total), vi1(f.provisional)]
    );
    let total = sheet.last().unwrap();
    assert_eq!(total[1], "Cộng điểm các lĩnh vực");
    let t = notices[0].sheet.totals(set);
    assert_eq!(
        total[2..5],
        [
            "63".to_string(),
            vi1(t.tree.self_total),
            vi1(t.tree.provisional)
        ]
    );
    // Without bonus or deduction, the sheet's total is the result's appraisal points.
    assert_eq!(t.tree.provisional, row.appraised);

    // A4, the margins of Nghị định 30, Times New Roman, header rows repeated.
    assert!(
        doc.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "page size"
    );
    assert!(
        doc.contains(r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
        "margins: {}",
        &doc[doc.find("<w:pgMar").unwrap()..][..200]
    );
    assert_eq!(doc.matches("<w:tblHeader />").count(), 2);
    let styles = part(&written[0], "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#), "{styles}");
    assert!(
        styles.contains(r#"<w:sz w:val="28""#),
        "14 pt body: {styles}"
    );
}

#[test]
fn a_group_fully_decided_gets_final_notices_one_per_unit() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let mut ws = workspace(&db);
    let group = "dvsn";
    let units = ws.units(Some(group)).unwrap();
    for u in &units {
        let sheet = ws.unit_sheet(&u.code, "").unwrap();
        for idx in sheet.set.item_indexes() {
            if sheet.sheet.na_by_set(&sheet.set, idx) {
                continue;
            }
            let item = sheet.set.node(idx).code.clone();
            ws.decide(&u.code, &item, Verdict::Agree, "", "Lan")
                .unwrap();
        }
    }
    let notices = ws.notices(Some(group), None).unwrap();
    assert_eq!(notices.len(), units.len());
    let out = dir.path().join("out");
    let written = write_notices(&out, &notices, &opts(Lang::En)).unwrap();
    let mut names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut want: Vec<String> = units.iter().map(|u| format!("{}.docx", u.code)).collect();
    want.sort();
    assert_eq!(names, want);
    for (n, path) in notices.iter().zip(&written) {
        let text = text_of(&part(path, "word/document.xml"));
        assert!(
            text.contains(
                "This is the final result: every item of every unit of the group has been decided."
            ),
            "{text}"
        );
        assert!(!text.contains("PROVISIONAL"), "{text}");
        assert!(text.contains("The council changed none of the unit's items."));
        assert!(text.contains(&format!("To: {}.", n.unit.name)));
        assert!(text.contains("SOCIALIST REPUBLIC OF VIET NAM"));
        if let Some(rank) = n.row.rank {
            assert!(
                text.contains(&format!("{rank} of {} units of the group", n.ranked)),
                "{text}"
            );
        }
    }
}

#[test]
fn a_unit_outside_the_group_asked_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let ws = workspace(&db);
    let err = ws.notices(Some("huyen"), Some("SNV")).unwrap_err();
    assert_eq!(err.render(Lang::En), "Unit SNV is not in group huyen.");
    let err = ws.notices(None, Some("KHONG")).unwrap_err();
    assert!(err.render(Lang::En).contains("KHONG"));
    assert_eq!(ws.notices(Some("huyen"), None).unwrap().len(), 11);
}

#[test]
fn the_command_writes_a_notice_for_every_unit_of_the_demo_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = dir.path().join("thong-bao");
    let before = dump(&db);
    let said = ok(&db, &["export", "notices", "--out", out.to_str().unwrap()]);
    assert!(
        said.contains("Đã ghi 47 thông báo kết quả (.docx) vào thư mục"),
        "{said}"
    );
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 47, "{files:?}");
    assert!(files.iter().all(|f| f.ends_with(".docx")), "{files:?}");
    assert!(files.contains(&"SNV.docx".to_string()));
    // Each opens as a package with its document, provisional since nothing is decided.
    for f in &files {
        let text = text_of(&part(&out.join(f), "word/document.xml"));
        assert!(text.contains("Đây là kết quả TẠM TÍNH"), "{f}");
        // Every part well formed, with no character XML forbids.
        thamdinh::io::xmltext::check_package(&out.join(f)).unwrap();
    }
    // Writing notices changes nothing in the database.
    assert_eq!(dump(&db), before);

    // One unit, English, another council's name.
    let one = dir.path().join("one");
    let said = ok(
        &db,
        &[
            "--lang",
            "en",
            "export",
            "notices",
            "--out",
            one.to_str().unwrap(),
            "--unit",
            "STP",
            "--council",
            "Hội đồng thẩm định tỉnh Sóc Trăng",
        ],
    );
    assert!(said.contains("Wrote 1 notices (.docx) to"), "{said}");
    let text = text_of(&part(&one.join("STP.docx"), "word/document.xml"));
    assert!(text.contains("HỘI ĐỒNG THẨM ĐỊNH TỈNH SÓC TRĂNG"), "{text}");
    assert!(text.contains("To: Sở Tư pháp."), "{text}");

    // The final version is refused while items are undecided; nothing is written.
    let fin = dir.path().join("final");
    let err = fails(
        &db,
        &[
            "--lang",
            "en",
            "export",
            "notices",
            "--final",
            "--group",
            "huyen",
            "--out",
            fin.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("No final ranking for UBND cấp huyện (huyen) yet"),
        "{err}"
    );
    assert!(!fin.exists());
    let err = fails(
        &db,
        &[
            "--lang", "en", "export", "ranking", "--out", "x.csv", "--unit", "SNV",
        ],
    );
    assert!(
        err.contains(
            "'--unit' is for 'export notices', 'export self-assessment' and 'export explanation-requests' only; '--council' for 'export notices' only."
        ),
        "{err}"
    );
}
