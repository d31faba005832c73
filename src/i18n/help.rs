//! Every text of the command line's help, in Vietnamese and English: what each command and
//! argument does, the names of their values, and the headings of the help screens.

use super::Lang;

/// The help of every command (argument `""`) and argument, by command path (subcommand names
/// joined by spaces, `""` for `thamdinh` itself) and argument id: (path, id, vi, en).
pub const TEXTS: &[(&str, &str, &str, &str)] = &[
    (
        "",
        "",
        "Thẩm định Chỉ số cải cách hành chính (PAR Index) của các cơ quan, đơn vị trong tỉnh. Không có lệnh: mở màn hình thẩm định.",
        "Appraisal of the Public Administration Reform Index (PAR Index) of a province's units. With no command: open the appraisal screens.",
    ),
    (
        "",
        "db",
        "Tệp cơ sở dữ liệu (mặc định: biến môi trường THAMDINH_DB, nếu không có thì thamdinh.sqlite trong thư mục dữ liệu của máy)",
        "The database file (default: the THAMDINH_DB variable, else thamdinh.sqlite in the platform data directory)",
    ),
    (
        "",
        "year",
        "Năm thẩm định (mặc định: năm mới nhất trong cơ sở dữ liệu)",
        "The year being appraised (default: the newest year in the database)",
    ),
    (
        "",
        "appraiser",
        "Người thẩm định, ghi cùng mỗi quyết định (được ghi nhớ cho lần sau)",
        "Who decides, recorded with every decision (remembered for next time)",
    ),
    (
        "",
        "lang",
        "Ngôn ngữ giao diện: vi (mặc định) hoặc en",
        "Language of the interface: vi (default) or en",
    ),
    (
        "demo",
        "",
        "Dựng (hoặc mở lại) cơ sở dữ liệu mẫu (--db, nếu không thì demo.sqlite trong thư mục dữ liệu) và mở màn hình thẩm định",
        "Build (or reopen) the demo database (--db, else demo.sqlite in the data directory) and open the screens on it",
    ),
    (
        "init",
        "",
        "Tạo cơ sở dữ liệu và nạp các bộ chỉ số có sẵn của năm (--year)",
        "Create the database and load the built-in criteria sets of the year (--year)",
    ),
    (
        "import",
        "",
        "Nhập một tệp CSV hoặc Excel .xlsx (nhập cả tệp hoặc không nhập gì) hoặc một bộ chỉ số",
        "Import a CSV or Excel .xlsx file (all or nothing) or a criteria set",
    ),
    (
        "import units",
        "",
        "Danh sách đơn vị: code,name,group (cột ranked = yes/no nếu cần)",
        "Units: code,name,group (optional column ranked = yes/no)",
    ),
    (
        "import units",
        "file",
        "Tệp CSV hoặc Excel (.xlsx) cần nhập",
        "The CSV or Excel (.xlsx) file to import",
    ),
    (
        "import units",
        "sheet",
        "Trang tính cần đọc của tệp Excel (mặc định: trang đầu tiên)",
        "The sheet of the Excel file to read (default: the first)",
    ),
    (
        "import self-scores",
        "",
        "Điểm tự chấm: unit,item,score,note,evidence (score có thể là N/A)",
        "Self scores: unit,item,score,note,evidence (score may be N/A)",
    ),
    (
        "import self-scores",
        "file",
        "Tệp CSV hoặc Excel (.xlsx) cần nhập, hoặc thư mục phiếu tự chấm (mỗi tệp nhập riêng)",
        "The CSV or Excel (.xlsx) file to import, or a folder of self-assessment workbooks (each imported on its own)",
    ),
    (
        "import self-scores",
        "sheet",
        "Trang tính cần đọc của tệp Excel (mặc định: trang đầu tiên)",
        "The sheet of the Excel file to read (default: the first)",
    ),
    (
        "import survey",
        "",
        "Điểm điều tra xã hội học: unit,score",
        "Survey scores: unit,score",
    ),
    (
        "import survey",
        "file",
        "Tệp CSV hoặc Excel (.xlsx) cần nhập",
        "The CSV or Excel (.xlsx) file to import",
    ),
    (
        "import survey",
        "sheet",
        "Trang tính cần đọc của tệp Excel (mặc định: trang đầu tiên)",
        "The sheet of the Excel file to read (default: the first)",
    ),
    (
        "import explanations",
        "",
        "Giải trình của đơn vị: unit,item,explanation,evidence",
        "The units' explanations: unit,item,explanation,evidence",
    ),
    (
        "import explanations",
        "file",
        "Tệp CSV hoặc Excel (.xlsx) cần nhập, hoặc thư mục phiếu giải trình (mỗi tệp nhập riêng)",
        "The CSV or Excel (.xlsx) file to import, or a folder of replies to the explanation requests (each imported on its own)",
    ),
    (
        "import explanations",
        "sheet",
        "Trang tính cần đọc của tệp Excel (mặc định: trang đầu tiên)",
        "The sheet of the Excel file to read (default: the first)",
    ),
    (
        "import history",
        "",
        "Chỉ số các năm trước: unit,year,index (đơn vị province là chỉ số của tỉnh)",
        "Published indexes of past years: unit,year,index (unit province for the province)",
    ),
    (
        "import field-history",
        "",
        "Tỷ lệ điểm từng lĩnh vực các năm trước: unit,year,field,field_name,percent (đơn vị province là chỉ số thành phần của tỉnh)",
        "Past years' percent per field: unit,year,field,field_name,percent (unit province for the province's component indexes)",
    ),
    (
        "import field-history",
        "file",
        "Tệp CSV hoặc Excel (.xlsx) cần nhập",
        "The CSV or Excel (.xlsx) file to import",
    ),
    (
        "import field-history",
        "sheet",
        "Trang tính cần đọc của tệp Excel (mặc định: trang đầu tiên)",
        "The sheet of the Excel file to read (default: the first)",
    ),
    (
        "import history",
        "file",
        "Tệp CSV hoặc Excel (.xlsx) cần nhập",
        "The CSV or Excel (.xlsx) file to import",
    ),
    (
        "import history",
        "sheet",
        "Trang tính cần đọc của tệp Excel (mặc định: trang đầu tiên)",
        "The sheet of the Excel file to read (default: the first)",
    ),
    (
        "import criteria",
        "",
        "Một bộ chỉ số: tệp TOML, hoặc cây tiêu chí CSV kèm --group, --name và --survey-max",
        "A criteria set: a TOML file, or a criteria tree as CSV with --group, --name and --survey-max",
    ),
    (
        "import criteria",
        "file",
        "Tệp .toml, hoặc .csv với các cột code,title,max,options,guidance,not_applicable_for",
        "A .toml file, or a .csv with the columns code,title,max,options,guidance,not_applicable_for",
    ),
    (
        "import criteria",
        "group",
        "Mã nhóm đơn vị của cây CSV, ví dụ so-nganh",
        "The group code of the CSV tree, e.g. so-nganh",
    ),
    (
        "import criteria",
        "name",
        "Tên nhóm đơn vị của cây CSV",
        "The group name of the CSV tree",
    ),
    (
        "import criteria",
        "short_name",
        "Tên ngắn của nhóm như hội đồng vẫn gọi, hiện khi không đủ chỗ cho tên đầy đủ",
        "The group's short name as councils say it, shown where the full name does not fit",
    ),
    (
        "import criteria",
        "survey_max",
        "Điểm điều tra xã hội học tối đa của nhóm",
        "The group's maximum survey points",
    ),
    (
        "import criteria",
        "bands",
        "Xếp loại theo chỉ số % (mặc định: A:90,B:80,C:70,D:0)",
        "Bands by index percent (default: A:90,B:80,C:70,D:0)",
    ),
    (
        "decide",
        "",
        "Ghi một quyết định như trên màn hình: một điểm, agree (đồng ý với điểm tự chấm), na (không áp dụng) hoặc flag (yêu cầu giải trình)",
        "Record one decision as the screen does: a score, agree (with the self score), na (not applicable) or flag (explanation requested)",
    ),
    ("decide", "unit", "Mã đơn vị", "The unit's code"),
    (
        "decide",
        "item",
        "Mã tiêu chí, ví dụ 1.1.1",
        "The item's code, e.g. 1.1.1",
    ),
    (
        "decide",
        "verdict",
        "Điểm thẩm định (0,5 hoặc 0.5), agree, na hoặc flag",
        "The appraised score (0.5 or 0,5), agree, na or flag",
    ),
    (
        "decide",
        "comment",
        "Nhận xét của hội đồng (có thể bắt đầu bằng '-')",
        "The council's comment (may start with '-')",
    ),
    (
        "decide",
        "batch",
        "Nhiều quyết định, mỗi dòng của tệp một quyết định «ĐƠN_VỊ TIÊU_CHÍ ĐIỂM|agree|na|flag [NHẬN_XÉT]» (-: đầu vào chuẩn)",
        "Many decisions, one per line of the file: 'UNIT ITEM SCORE|agree|na|flag [COMMENT]' (-: standard input)",
    ),
    (
        "rank",
        "",
        "In bảng xếp hạng (tạm tính, trừ khi có --final)",
        "Print the ranking (provisional unless --final)",
    ),
    (
        "rank",
        "group",
        "Chỉ một nhóm đơn vị (mặc định: mọi nhóm)",
        "One group only (default: every group)",
    ),
    (
        "rank",
        "final_",
        "Xếp hạng chính thức: cần mọi tiêu chí đã thẩm định xong và đủ điểm điều tra",
        "The final ranking: every item decided and every survey score in",
    ),
    (
        "rank",
        "format",
        "Dạng in: table (bảng, mặc định) hoặc csv",
        "Output: table (the default) or csv",
    ),
    (
        "export",
        "",
        "Xuất các quyết định hoặc bảng xếp hạng ra tệp CSV (mở được bằng Excel), bảng tính kết quả (.xlsx), thông báo kết quả của từng đơn vị (.docx), bộ chỉ số dạng bảng tính (.xlsx), phiếu tự chấm hoặc phiếu giải trình của từng đơn vị (.xlsx)",
        "Export the decisions or the ranking as CSV (Excel opens it), the results workbook (.xlsx), each unit's notice of its result (.docx), a criteria set as a workbook (.xlsx), or each unit's self-assessment or explanation requests workbook (.xlsx)",
    ),
    (
        "export",
        "what",
        "decisions (các quyết định), ranking (bảng xếp hạng), workbook (bảng tính .xlsx: kết quả, lĩnh vực, tiêu chí, quyết định, bảng chấm điểm từng đơn vị), notices (thông báo kết quả từng đơn vị), criteria (bộ chỉ số của một nhóm: mẫu bảng tính, nhập lại được), self-assessment (phiếu tự chấm .xlsx của từng đơn vị) hoặc explanation-requests (phiếu giải trình .xlsx của từng đơn vị được yêu cầu giải trình)",
        "decisions, ranking, workbook (.xlsx: results, fields, criteria, decisions, each unit's scoring sheet), notices (each unit's notice), criteria (a group's criteria set: a workbook template that imports back), self-assessment (each unit's self-assessment .xlsx) or explanation-requests (each unit's explanation requests .xlsx, for the units asked to explain)",
    ),
    (
        "export",
        "out",
        "Tệp cần ghi (CSV; .xlsx với workbook và criteria); với notices, self-assessment, explanation-requests: thư mục ghi các tệp MÃ_ĐƠN_VỊ.docx / MÃ_ĐƠN_VỊ.xlsx",
        "The file to write (CSV; .xlsx for workbook and criteria); for notices, self-assessment, explanation-requests, the folder to write UNITCODE.docx / UNITCODE.xlsx files into",
    ),
    (
        "export",
        "group",
        "Chỉ một nhóm đơn vị (mặc định: mọi nhóm)",
        "One group only (default: every group)",
    ),
    (
        "export",
        "final_",
        "Bản chính thức: từ chối khi còn tiêu chí chưa thẩm định xong",
        "The final version: refused while any item is not decided",
    ),
    (
        "export",
        "unit",
        "Với notices, self-assessment, explanation-requests: chỉ tệp của một đơn vị",
        "For notices, self-assessment, explanation-requests: only one unit's file",
    ),
    (
        "export",
        "council",
        "Với notices: tên cơ quan ban hành ở góc trái (mặc định: Hội đồng thẩm định Chỉ số cải cách hành chính)",
        "For notices: the issuing body at the top left (default: the PAR Index appraisal council)",
    ),
    (
        "close",
        "",
        "Khóa kết quả của một đơn vị: chỉ sửa được sau khi mở lại",
        "Close a unit: its decisions then change only after a reopening",
    ),
    ("close", "unit", "Mã đơn vị", "The unit's code"),
    (
        "close",
        "comment",
        "Ghi chú, lưu vào nhật ký (có thể bắt đầu bằng '-')",
        "A comment, kept in the audit log (may start with '-')",
    ),
    (
        "assign",
        "",
        "Giao cho người thẩm định (--appraiser) các lĩnh vực của một nhóm",
        "Give the appraiser (--appraiser) fields of a group to appraise",
    ),
    ("assign", "group", "Mã nhóm đơn vị", "The group's code"),
    (
        "assign",
        "fields",
        "Mã các lĩnh vực, ví dụ \"2 3\"; để trống là thu hồi việc giao",
        "Field codes, e.g. \"2 3\"; none takes the assignment back",
    ),
    (
        "reopen",
        "",
        "Mở lại một đơn vị đã khóa (ghi vào nhật ký)",
        "Reopen a closed unit (recorded in the audit log)",
    ),
    ("reopen", "unit", "Mã đơn vị", "The unit's code"),
    (
        "reopen",
        "comment",
        "Lý do mở lại, lưu vào nhật ký (có thể bắt đầu bằng '-')",
        "Why it is reopened, kept in the audit log (may start with '-')",
    ),
    (
        "analyze",
        "",
        "Phân tích kết quả: tỷ lệ điểm từng lĩnh vực, lĩnh vực yếu, lĩnh vực giảm",
        "Analyse the results: percent per field, weak fields, fields that fell",
    ),
    (
        "analyze fields",
        "",
        "Bảng đơn vị × lĩnh vực của năm thẩm định (tỷ lệ, xếp loại, trung bình, số đơn vị mỗi loại); với --years: từng lĩnh vực qua các năm",
        "The units × fields table of the year (percent, band, means, units per band); with --years: each field across years",
    ),
    (
        "analyze fields",
        "group",
        "Mã nhóm đơn vị (mặc định: mọi nhóm; với --years: trung bình của nhóm)",
        "The group's code (default: every group; with --years: the group's mean)",
    ),
    (
        "analyze fields",
        "unit",
        "Chỉ một đơn vị (mã đơn vị)",
        "One unit only (its code)",
    ),
    (
        "analyze fields",
        "years",
        "Các năm, ví dụ 2016-2021: từng lĩnh vực qua các năm, giá trị trung bình và xếp loại (không có --group, --unit: chỉ số thành phần của tỉnh)",
        "Years, e.g. 2016-2021: each field across the years, its mean and band (without --group or --unit: the province's component indexes)",
    ),
    (
        "analyze fields",
        "format",
        "Dạng in ra: table (bảng, mặc định) hoặc csv",
        "Output: table (default) or csv",
    ),
    (
        "plan",
        "",
        "Hướng cải thiện của một đơn vị: điểm bị mất theo lĩnh vực, tiêu chí; cần bao nhiêu điểm, khắc phục tiêu chí nào để vượt đơn vị xếp trên, lên loại, cao hơn năm trước",
        "A unit's way up: points lost per field and criterion; how many points, and which criteria, to pass the unit above, reach the next band and rise above last year",
    ),
    ("plan", "unit", "Mã đơn vị", "The unit's code"),
    (
        "plan",
        "format",
        "Dạng in ra: table (mặc định) hoặc csv",
        "Output: table (default) or csv",
    ),
    (
        "new-year",
        "",
        "Tạo năm mới từ năm trước: chép bộ chỉ số (hoặc nạp bộ có sẵn của năm mới) và danh sách đơn vị (giữ nhóm, việc xếp hạng), chưa có điểm nào",
        "Create a new year from the year before: its criteria sets copied (or the new year's built-in sets) and its units carried over (group, ranked), with no scores",
    ),
    (
        "new-year",
        "new_year",
        "Năm cần tạo, ví dụ 2023",
        "The year to create, e.g. 2023",
    ),
    (
        "new-year",
        "from",
        "Năm lấy bộ chỉ số và đơn vị (mặc định: năm liền trước)",
        "The year to take the sets and units from (default: the year before)",
    ),
    (
        "new-year",
        "changes",
        "Tệp thay đổi đơn vị (CSV hoặc Excel), cột from,to,kind,name,group,note; kind là rename, merge, split, new hoặc end; đơn vị không ghi trong tệp giữ nguyên",
        "A file of the units' changes (CSV or Excel), columns from,to,kind,name,group,note; kind is rename, merge, split, new or end; units not named carry over",
    ),
    (
        "new-year",
        "sheet",
        "Trang tính của tệp thay đổi Excel (mặc định: trang đầu)",
        "The sheet of the Excel changes file (default: the first)",
    ),
    (
        "new-year",
        "sets",
        "Bộ chỉ số (TOML) của nhóm bắt đầu từ năm mới; ghi nhiều lần cho nhiều nhóm",
        "The criteria set (TOML) of a group that starts in the new year; repeat for several groups",
    ),
    (
        "previous",
        "",
        "Chỉ số năm trước mà chỉ số của đơn vị được so sánh (qua đổi tên, hợp nhất, chia tách); Hội đồng có thể đặt con số khác kèm lý do (ghi nhật ký)",
        "The figure of last year a unit's index is compared with (across renames, mergers, splits); the council may set another with its reason (in the ledger)",
    ),
    ("previous", "unit", "Mã đơn vị", "The unit's code"),
    (
        "previous",
        "value",
        "Con số Hội đồng đặt (ví dụ 82.50), none (không so sánh) hoặc rule (theo quy tắc); bỏ trống để xem",
        "The council's figure (e.g. 82.50), none (no comparison) or rule (back to the rule); leave out to see it",
    ),
    (
        "previous",
        "reason",
        "Lý do của Hội đồng, lưu vào nhật ký (bắt buộc khi đặt con số)",
        "The council's reason, kept in the ledger (needed to set a figure)",
    ),
    (
        "publish",
        "",
        "Công bố kết quả của năm (--year): xếp hạng chính thức của mọi nhóm được lưu làm kết quả năm, là chỉ số năm trước của năm sau; sau đó không sửa được quyết định của năm",
        "Publish the year's results (--year): the final ranking of every group is kept as the year's result, the next year's previous index; the year's decisions then cannot change",
    ),
    (
        "publish",
        "comment",
        "Ghi chú, lưu vào nhật ký (có thể bắt đầu bằng '-')",
        "A comment, kept in the audit log (may start with '-')",
    ),
    (
        "unpublish",
        "",
        "Hủy công bố kết quả của năm (--year) để sửa lại (ghi vào nhật ký)",
        "Take back the publication of the year's results (--year) to change them (recorded in the audit log)",
    ),
    (
        "unpublish",
        "comment",
        "Lý do hủy công bố, bắt buộc, lưu vào nhật ký (có thể bắt đầu bằng '-')",
        "Why, required, kept in the audit log (may start with '-')",
    ),
    (
        "history",
        "",
        "In chỉ số qua các năm: của tỉnh (xếp hạng cả nước so với mục tiêu của Đề án) và trung bình từng nhóm, hoặc của một nhóm, một đơn vị",
        "Print the indexes over the years: the province's (national rank against the source document's targets) and each group's mean, or one group's or one unit's",
    ),
    (
        "history",
        "group",
        "Một nhóm: trung bình nhóm từng năm so với chỉ số của tỉnh năm trước, số đơn vị tăng",
        "One group: its mean each year against the province's index of the year before, and how many units rose",
    ),
    (
        "history",
        "unit",
        "Một đơn vị: chỉ số, tăng/giảm, xếp loại, thứ hạng từng năm",
        "One unit: its index, change, band and rank each year",
    ),
    (
        "history",
        "province",
        "Tỉnh: chỉ số và xếp hạng cả nước từng năm so với mục tiêu (nhóm 15 tỉnh dẫn đầu năm 2025, rồi mỗi năm tăng ít nhất 1 bậc đến 2030)",
        "The province: its index and national rank each year against the targets (top 15 by 2025, then at least one place up a year to 2030)",
    ),
    (
        "history",
        "format",
        "Dạng in: table (bảng, mặc định) hoặc csv",
        "Output: table (the default) or csv",
    ),
    (
        "verify",
        "",
        "Kiểm tra sổ nhật ký: tính lại chuỗi băm SHA-256 và đối chiếu từng dòng với các quyết định (--year: chỉ đối chiếu quyết định của năm đó; mặc định: mọi năm); chỉ ra dòng đầu tiên bị sửa và trả mã lỗi khác 0",
        "Check the audit ledger: recompute the SHA-256 chain and replay the log against the decisions (--year: the decisions of that year only; default: every year); names the first row that breaks and exits non-zero",
    ),
    (
        "verify",
        "head",
        "Đầu sổ in kèm một kết quả (dòng cuối của «rank», chân trang thông báo), dạng SỐ:MÃ: cho biết kết quả đó có khớp với tệp này không",
        "A ledger head printed with a result (the last line of 'rank', a notice's footer), as N:HEX: says whether that result matches this file",
    ),
];

/// The placeholder of an argument's value, by argument id: (id, vi, en).
pub const VALUE_NAMES: &[(&str, &str, &str)] = &[
    ("db", "TỆP", "FILE"),
    ("year", "NĂM", "YEAR"),
    ("appraiser", "HỌ_TÊN", "NAME"),
    ("lang", "vi|en", "vi|en"),
    ("file", "TỆP", "FILE"),
    ("out", "TỆP", "FILE"),
    ("batch", "TỆP", "FILE"),
    ("group", "NHÓM", "GROUP"),
    ("name", "TÊN", "NAME"),
    ("short_name", "TÊN_NGẮN", "SHORT_NAME"),
    ("survey_max", "ĐIỂM", "POINTS"),
    ("bands", "XẾP_LOẠI", "BANDS"),
    ("unit", "ĐƠN_VỊ", "UNIT"),
    ("item", "TIÊU_CHÍ", "ITEM"),
    ("verdict", "ĐIỂM|agree|na|flag", "SCORE|agree|na|flag"),
    ("comment", "NHẬN_XÉT", "TEXT"),
    ("fields", "LĨNH_VỰC", "FIELDS"),
    ("format", "table|csv", "table|csv"),
    (
        "what",
        "decisions|ranking|workbook|notices|criteria|self-assessment|explanation-requests",
        "decisions|ranking|workbook|notices|criteria|self-assessment|explanation-requests",
    ),
    ("sheet", "TRANG_TÍNH", "SHEET"),
    ("council", "TÊN", "NAME"),
    ("years", "NĂM-NĂM", "YEAR-YEAR"),
    ("new_year", "NĂM", "YEAR"),
    ("from", "NĂM", "YEAR"),
    ("head", "SỐ:MÃ", "N:HEX"),
    ("changes", "TỆP", "FILE"),
    ("sets", "TỆP", "FILE"),
    ("value", "SỐ|none|rule", "NUMBER|none|rule"),
    ("reason", "LÝ_DO", "TEXT"),
];

/// The words of the help screens and of the usage lines.
pub struct Words {
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    /// Stands for the options in a usage line, as clap's `[OPTIONS]`.
    pub options_tag: &'static str,
    /// Stands for a subcommand in a usage line.
    pub command: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    /// Under the help of `thamdinh` itself.
    pub after: &'static str,
    /// Points to a command's help: `{}` is the command.
    pub see: &'static str,
}

pub const VI: Words = Words {
    usage: "Cách dùng:",
    commands: "Lệnh",
    arguments: "Đối số",
    options: "Tùy chọn",
    options_tag: "[TÙY_CHỌN]",
    command: "LỆNH",
    help: "In hướng dẫn này",
    version: "In số phiên bản",
    after: "Hướng dẫn của từng lệnh: thamdinh LỆNH --help. In English: thamdinh --lang en --help.",
    see: "Xem hướng dẫn: {} --help",
};

pub const EN: Words = Words {
    usage: "Usage:",
    commands: "Commands",
    arguments: "Arguments",
    options: "Options",
    options_tag: "[OPTIONS]",
    command: "COMMAND",
    help: "Print this help",
    version: "Print the version",
    after: "The help of each command: thamdinh COMMAND --help --lang en.",
    see: "See the help: {} --help --lang en",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The help text of a command (`id` empty) or of one of its arguments.
pub fn text(path: &str, id: &str, lang: Lang) -> Option<&'static str> {
    TEXTS
        .iter()
        .find(|(p, i, _, _)| *p == path && *i == id)
        .map(|(_, _, vi, en)| lang.pick(vi, en))
}

/// The name of an argument's value in a usage line (`TỆP`, `FILE`).
pub fn value_name(id: &str, lang: Lang) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(i, _, _)| *i == id)
        .map(|(_, vi, en)| lang.pick(vi, en))
}
