//! A national-scale appraisal year, generated from a seed: four groups with their own criteria
//! sets of about 150 items, 10,000 units, a self score with note and evidence for every item
//! (1.5 million rows, about 65 MB of CSV), survey scores and last year's published indexes.
//!
//! Shared by `benches/national.rs` (criterion) and `examples/national.rs` (used by
//! `bench/compare.sh`). The same seed always writes the same bytes.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The year the generated data is for (no built-in set exists for it).
pub const YEAR: i32 = 2025;

/// The shape of the year: how the units are grouped and how deep the criteria trees are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Four groups (13 %, 7 %, 50 %, 30 % of the units) with sets of 150–160 items: fields,
    /// criteria, most with 2–4 sub-criteria, a third of the items with options, a bonus and
    /// a deduction block.
    Four,
    /// One group of every unit, 150 items straight under eight fields: no sub-criteria, no
    /// options, no bonus or deduction.
    One,
    /// One group of every unit under a four-level tree (field, criterion, sub-criterion,
    /// item: 8 × 2 × 3 × 3 = 144 items), options on every item, a bonus and a deduction
    /// block (options on their items too).
    Deep,
    /// One group of every unit under the departments' set of the four-group shape (mixed
    /// tree): what the field analysis of one group is measured on (`benches/analysis.rs`).
    Departments,
}

impl Shape {
    pub const ALL: [Shape; 4] = [Shape::Four, Shape::One, Shape::Deep, Shape::Departments];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Four => "four",
            Shape::One => "one",
            Shape::Deep => "deep",
            Shape::Departments => "departments",
        }
    }

    pub fn parse(s: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|x| x.name() == s)
    }

    /// The groups of the shape, in the order their sets are loaded.
    pub fn plans(self) -> &'static [GroupPlan] {
        match self {
            Shape::Four => &GROUPS,
            Shape::One => std::slice::from_ref(&FLAT_GROUP),
            Shape::Deep => std::slice::from_ref(&DEEP_GROUP),
            Shape::Departments => std::slice::from_ref(&ONE_GROUP),
        }
    }

    /// Where `bench/compare.sh` and the criterion benches keep the shape's data, under
    /// `target/`.
    pub fn data_dir(self) -> &'static str {
        match self {
            Shape::Four => "bench-data",
            Shape::One => "bench-data-one",
            Shape::Deep => "bench-data-deep",
            Shape::Departments => "bench-data-one-group",
        }
    }
}

/// How big, which random stream and which shape.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Units in all groups together.
    pub units: usize,
    pub seed: u64,
    pub shape: Shape,
}

impl Scale {
    /// About 10,000 units nationwide in four groups, ~150 items each: 1.5 million self
    /// scores.
    pub const NATIONAL: Scale = Scale {
        units: 10_000,
        seed: 2025,
        shape: Shape::Four,
    };

    /// The same 10,000 units in one group, under the departments' set of ~150 items.
    pub const ONE_GROUP: Scale = Scale {
        units: 10_000,
        seed: 2025,
        shape: Shape::Departments,
    };

    /// The national scale in another shape.
    pub fn national(shape: Shape) -> Scale {
        Scale {
            shape,
            ..Scale::NATIONAL
        }
    }
}

/// A small, fast, reproducible random stream (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability `percent` %.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// One group: its code, name, unit code prefix, share of the units (per mille), fields.
pub struct GroupPlan {
    pub code: &'static str,
    pub name: &'static str,
    pub prefix: &'static str,
    pub per_mille: usize,
    pub fields: usize,
    pub survey_max: i64,
    pub tree: Tree,
}

/// How a group's criteria tree is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tree {
    /// Fields of criteria, most with sub-criteria; options on a third of the items.
    Mixed,
    /// Items straight under the fields; no options, no bonus or deduction.
    Flat,
    /// Four levels, options on every item.
    Deep,
}

pub const GROUPS: [GroupPlan; 4] = [
    GroupPlan {
        code: "so-nganh",
        name: "Sở, ban, ngành cấp tỉnh",
        prefix: "SN",
        per_mille: 130,
        fields: 8,
        survey_max: 37,
        tree: Tree::Mixed,
    },
    GroupPlan {
        code: "huyen",
        name: "Ủy ban nhân dân cấp huyện",
        prefix: "HU",
        per_mille: 70,
        fields: 8,
        survey_max: 38,
        tree: Tree::Mixed,
    },
    GroupPlan {
        code: "dvsn",
        name: "Đơn vị sự nghiệp công lập",
        prefix: "SV",
        per_mille: 500,
        fields: 7,
        survey_max: 38,
        tree: Tree::Mixed,
    },
    GroupPlan {
        code: "trung-uong",
        name: "Cơ quan Trung ương đóng trên địa bàn",
        prefix: "TW",
        per_mille: 300,
        fields: 7,
        survey_max: 46,
        tree: Tree::Mixed,
    },
];

/// Every unit in the departments' group ([`Shape::Departments`]).
pub static ONE_GROUP: GroupPlan = GroupPlan {
    code: "so-nganh",
    name: "Sở, ban, ngành cấp tỉnh",
    prefix: "SN",
    per_mille: 1000,
    fields: 8,
    survey_max: 37,
    tree: Tree::Mixed,
};

/// The one group of [`Shape::One`].
pub const FLAT_GROUP: GroupPlan = GroupPlan {
    code: "don-vi",
    name: "Cơ quan, đơn vị trên địa bàn",
    prefix: "DV",
    per_mille: 1000,
    fields: 8,
    survey_max: 38,
    tree: Tree::Flat,
};

/// The one group of [`Shape::Deep`].
pub const DEEP_GROUP: GroupPlan = GroupPlan {
    code: "nhieu-cap",
    name: "Cơ quan, đơn vị (bộ tiêu chí bốn cấp)",
    prefix: "NC",
    per_mille: 1000,
    fields: 8,
    survey_max: 40,
    tree: Tree::Deep,
};

const PROVINCES: [&str; 34] = [
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Hải Phòng",
    "Ninh Bình",
    "Quảng Trị",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Thành phố Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Cần Thơ",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
];

const UNIT_NAMES: [&str; 12] = [
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Thanh tra tỉnh",
    "Văn phòng Ủy ban nhân dân",
];

const FIELD_TITLES: [&str; 8] = [
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
    "Tác động của cải cách hành chính đến người dân, tổ chức",
];

const NOTES: [&str; 6] = [
    "Đã thực hiện đúng kế hoạch",
    "Hoàn thành 100% nhiệm vụ",
    "Ban hành đúng thời hạn",
    "Chưa đủ hồ sơ, bổ sung sau",
    "Tỷ lệ hồ sơ trực tuyến 82%",
    "Thực hiện một phần",
];

/// One item of a generated set, as the generator needs it.
#[derive(Debug, Clone)]
pub struct GenItem {
    pub code: String,
    /// Hundredths.
    pub max: i64,
    /// Allowed scores (hundredths), highest first; empty when any score in range is allowed.
    pub options: Vec<i64>,
    /// Unit codes the set rules the item out for.
    pub not_applicable_for: Vec<String>,
}

/// A generated group: its set as TOML and its items, and its units.
pub struct GenGroup {
    pub plan: &'static GroupPlan,
    pub toml: String,
    pub items: Vec<GenItem>,
    pub units: Vec<String>,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Generated {
    pub dir: PathBuf,
    pub sets: Vec<PathBuf>,
    pub units: usize,
    pub self_scores: usize,
    pub self_scores_bytes: u64,
}

fn points(h: i64) -> String {
    if h % 100 == 0 {
        format!("{}", h / 100)
    } else if h % 10 == 0 {
        format!("{}.{}", h / 100, (h % 100) / 10)
    } else {
        format!("{}.{:02}", h / 100, h % 100)
    }
}

/// The units of each group: `SN00001`, … in proportion to the plan.
fn unit_codes(plan: &GroupPlan, total: usize) -> Vec<String> {
    let n = (total * plan.per_mille / 1000).max(2);
    (1..=n).map(|i| format!("{}{i:05}", plan.prefix)).collect()
}

/// A set of ~150 items: fields of 6–7 criteria; most criteria have 2–4 sub-criteria.
fn make_group(plan: &'static GroupPlan, total_units: usize, rng: &mut Rng) -> GenGroup {
    let units = unit_codes(plan, total_units);
    let mut nodes = String::new();
    let mut items = Vec::new();
    let mut appraisal = 0;
    let item_max = [25, 25, 50, 50, 50, 75, 100];
    let mut k = 0usize;
    let mut push_item = |code: String, rng: &mut Rng, out: &mut String| -> i64 {
        k += 1;
        let max = *rng.pick(&item_max);
        let with_options = match plan.tree {
            Tree::Mixed => k.is_multiple_of(3),
            Tree::Flat => false,
            Tree::Deep => true,
        };
        let options = if with_options {
            let mut o = vec![max];
            if max > 25 {
                o.push(25);
            }
            o.push(0);
            o
        } else {
            Vec::new()
        };
        let not_applicable_for: Vec<String> = if plan.tree != Tree::Flat && k % 37 == 5 {
            (0..3)
                .map(|_| rng.pick(&units).clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        let _ = writeln!(out, "\n[[nodes]]\ncode = \"{code}\"");
        let _ = writeln!(
            out,
            "title = \"Nội dung chấm điểm {code}\"\nmax = {}",
            points(max)
        );
        if k.is_multiple_of(4) {
            let _ = writeln!(
                out,
                "guidance = \"Kiểm chứng: văn bản có số, ngày ban hành; báo cáo kết quả thực hiện.\""
            );
        }
        if !options.is_empty() {
            let labels = ["Đạt đầy đủ", "Đạt một phần", "Không đạt"];
            let list: Vec<String> = options
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let label = if i + 1 == options.len() {
                        labels[2]
                    } else {
                        labels[i]
                    };
                    format!("{{ label = \"{label}\", points = {} }}", points(*p))
                })
                .collect();
            let _ = writeln!(out, "options = [ {} ]", list.join(", "));
        }
        if !not_applicable_for.is_empty() {
            let list: Vec<String> = not_applicable_for
                .iter()
                .map(|u| format!("\"{u}\""))
                .collect();
            let _ = writeln!(out, "not_applicable_for = [{}]", list.join(", "));
        }
        items.push(GenItem {
            code,
            max,
            options,
            not_applicable_for,
        });
        max
    };
    for f in 1..=plan.fields {
        let mut field = String::new();
        let mut field_max = 0;
        match plan.tree {
            Tree::Mixed => {
                let criteria = if plan.fields == 8 { 7 } else { 8 } + (f % 2) - usize::from(f <= 3);
                for c in 1..=criteria {
                    let subs = match (f + c) % 5 {
                        0 => 0,
                        1 | 2 => 3,
                        3 => 2,
                        _ => 4,
                    };
                    if subs == 0 {
                        field_max += push_item(format!("{f}.{c}"), rng, &mut field);
                        continue;
                    }
                    let mut crit = String::new();
                    let mut crit_max = 0;
                    for s in 1..=subs {
                        crit_max += push_item(format!("{f}.{c}.{s}"), rng, &mut crit);
                    }
                    let _ = writeln!(
                        field,
                        "\n[[nodes]]\ncode = \"{f}.{c}\"\ntitle = \"Tiêu chí {f}.{c}\"\nmax = {}",
                        points(crit_max)
                    );
                    field.push_str(&crit);
                    field_max += crit_max;
                }
            }
            // 150 items: 19 under each of the first six fields, 18 under the last two.
            Tree::Flat => {
                for c in 1..=(if f <= 6 { 19 } else { 18 }) {
                    field_max += push_item(format!("{f}.{c}"), rng, &mut field);
                }
            }
            // Field, criterion, sub-criterion, item: 2 × 3 × 3 items under each field.
            Tree::Deep => {
                for c in 1..=2 {
                    let mut crit = String::new();
                    let mut crit_max = 0;
                    for s in 1..=3 {
                        let mut sub = String::new();
                        let mut sub_max = 0;
                        for i in 1..=3 {
                            sub_max += push_item(format!("{f}.{c}.{s}.{i}"), rng, &mut sub);
                        }
                        let _ = writeln!(
                            crit,
                            "\n[[nodes]]\ncode = \"{f}.{c}.{s}\"\ntitle = \"Tiêu chí thành phần {f}.{c}.{s}\"\nmax = {}",
                            points(sub_max)
                        );
                        crit.push_str(&sub);
                        crit_max += sub_max;
                    }
                    let _ = writeln!(
                        field,
                        "\n[[nodes]]\ncode = \"{f}.{c}\"\ntitle = \"Tiêu chí {f}.{c}\"\nmax = {}",
                        points(crit_max)
                    );
                    field.push_str(&crit);
                    field_max += crit_max;
                }
            }
        }
        let _ = writeln!(
            nodes,
            "\n[[nodes]]\ncode = \"{f}\"\ntitle = \"{}\"\nmax = {}",
            FIELD_TITLES[(f - 1) % FIELD_TITLES.len()],
            points(field_max)
        );
        nodes.push_str(&field);
        appraisal += field_max;
    }
    let mut toml = String::new();
    let _ = writeln!(
        toml,
        "# Generated by benches/support/national.rs for the national-scale benchmark.\n\
         group = \"{}\"\nname = \"{}\"\nyear = {YEAR}\nappraisal_max = {}\nsurvey_max = {}",
        plan.code,
        plan.name,
        points(appraisal),
        plan.survey_max
    );
    for (code, min) in [("A", 90), ("B", 80), ("C", 70), ("D", 0)] {
        let _ = writeln!(toml, "[[bands]]\ncode = \"{code}\"\nmin = {min}");
    }
    toml.push_str(&nodes);
    // A bonus and a deduction block of two items each (not in the flat tree).
    if plan.tree == Tree::Flat {
        return GenGroup {
            plan,
            toml,
            items,
            units,
        };
    }
    let _ = writeln!(
        toml,
        "\n[bonus]\ntitle = \"Điểm thưởng\"\ncap = 1.5\n\
         [[bonus.items]]\ncode = \"T.1\"\ntitle = \"Sáng kiến cải cách hành chính được công nhận\"\nmax = 1\n\
         [[bonus.items]]\ncode = \"T.2\"\ntitle = \"Mô hình mới được nhân rộng\"\nmax = 1\n\
         \n[deduction]\ntitle = \"Điểm trừ\"\ncap = 1\n\
         [[deduction.items]]\ncode = \"TR.1\"\ntitle = \"Sai phạm trong giải quyết thủ tục hành chính\"\nmax = 1\n\
         [[deduction.items]]\ncode = \"TR.2\"\ntitle = \"Chậm báo cáo cải cách hành chính\"\nmax = 0.5"
    );
    for (code, max) in [("T.1", 100), ("T.2", 100), ("TR.1", 100), ("TR.2", 50)] {
        items.push(GenItem {
            code: code.into(),
            max,
            options: Vec::new(),
            not_applicable_for: Vec::new(),
        });
    }
    GenGroup {
        plan,
        toml,
        items,
        units,
    }
}

/// The groups of a scale, sets and units (no file written).
pub fn groups(scale: Scale) -> Vec<GenGroup> {
    let mut rng = Rng::new(scale.seed);
    scale
        .shape
        .plans()
        .iter()
        .map(|plan| make_group(plan, scale.units, &mut rng))
        .collect()
}

fn unit_name(plan: &GroupPlan, i: usize) -> String {
    let province = PROVINCES[i % PROVINCES.len()];
    let n = i / PROVINCES.len() + 1;
    match plan.code {
        "so-nganh" => format!("{} {province} ({n})", UNIT_NAMES[n % UNIT_NAMES.len()]),
        "huyen" => format!("Ủy ban nhân dân huyện số {n}, {province}"),
        "dvsn" => format!("Trung tâm dịch vụ công số {n}, {province}"),
        "don-vi" => format!(
            "{} {province} (đơn vị {n})",
            UNIT_NAMES[n % UNIT_NAMES.len()]
        ),
        "nhieu-cap" => format!("Ban quản lý số {n}, {province}"),
        _ => format!("Chi cục Thuế khu vực {n}, {province}"),
    }
}

/// One self score: mostly near the top of the range, sometimes N/A, with a note and evidence
/// on some rows.
fn self_score_row(
    out: &mut impl Write,
    unit: &str,
    item: &GenItem,
    rng: &mut Rng,
) -> io::Result<()> {
    let score = if item.not_applicable_for.iter().any(|u| u == unit) || rng.chance(1) {
        "N/A".to_string()
    } else if !item.options.is_empty() {
        let i = if rng.chance(80) {
            0
        } else {
            rng.below(item.options.len() as u64) as usize
        };
        points(item.options[i])
    } else if item.code.starts_with("TR") {
        points(if rng.chance(5) { item.max } else { 0 })
    } else {
        // Steps of 0.25, at most the maximum.
        let steps = item.max / 25;
        let s = if rng.chance(75) {
            steps
        } else {
            rng.below(steps as u64 + 1) as i64
        };
        points(s * 25)
    };
    write!(out, "{unit},{},{score},", item.code)?;
    if rng.chance(30) {
        write!(out, "\"{}\"", rng.pick(&NOTES))?;
    }
    out.write_all(b",")?;
    if rng.chance(34) {
        let n = 1 + rng.below(999);
        let (d, m) = (1 + rng.below(28), 1 + rng.below(12));
        write!(out, "\"KH số {n}/KH-{unit}, {d:02}/{m:02}/{YEAR}\"")?;
    }
    out.write_all(b"\n")
}

/// Writes the whole year into `dir`: `sets/*.toml`, `units.csv`, `self_scores.csv`,
/// `survey.csv`, `history.csv`.
pub fn generate(dir: &Path, scale: Scale) -> io::Result<Generated> {
    fs::create_dir_all(dir.join("sets"))?;
    let groups = groups(scale);
    let mut rng = Rng::new(scale.seed ^ 0x5E1F);
    let mut sets = Vec::new();
    for g in &groups {
        let path = dir.join("sets").join(format!("{}.toml", g.plan.code));
        fs::write(&path, &g.toml)?;
        sets.push(path);
    }
    let mut units = BufWriter::new(fs::File::create(dir.join("units.csv"))?);
    let mut survey = BufWriter::new(fs::File::create(dir.join("survey.csv"))?);
    let mut history = BufWriter::new(fs::File::create(dir.join("history.csv"))?);
    writeln!(units, "code,name,group,ranked")?;
    writeln!(survey, "unit,score")?;
    writeln!(history, "unit,year,index")?;
    writeln!(history, "province,{},{}", YEAR - 1, points(8_450))?;
    let mut n_units = 0;
    for g in &groups {
        for (i, u) in g.units.iter().enumerate() {
            let ranked = if i % 97 == 13 { "no" } else { "yes" };
            writeln!(
                units,
                "{u},\"{}\",{},{ranked}",
                unit_name(g.plan, i),
                g.plan.code
            )?;
            let smax = g.plan.survey_max * 100;
            writeln!(
                survey,
                "{u},{}",
                points(smax * 60 / 100 + rng.below((smax * 38 / 100) as u64) as i64)
            )?;
            writeln!(
                history,
                "{u},{},{}",
                YEAR - 1,
                points(6_000 + rng.below(3_500) as i64)
            )?;
            n_units += 1;
        }
    }
    units.flush()?;
    survey.flush()?;
    history.flush()?;
    let path = dir.join("self_scores.csv");
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(&path)?);
    writeln!(out, "unit,item,score,note,evidence")?;
    let mut n_scores = 0;
    for g in &groups {
        for u in &g.units {
            for item in &g.items {
                self_score_row(&mut out, u, item, &mut rng)?;
                n_scores += 1;
            }
        }
    }
    out.flush()?;
    drop(out);
    Ok(Generated {
        dir: dir.to_path_buf(),
        sets,
        units: n_units,
        self_scores: n_scores,
        self_scores_bytes: fs::metadata(&path)?.len(),
    })
}

/// Generates into `dir` unless a previous run with the same scale already did (a stamp file
/// records the scale).
pub fn ensure(dir: &Path, scale: Scale) -> io::Result<Generated> {
    let stamp = dir.join("STAMP");
    let want = match scale.shape {
        Shape::Four => format!("units={} seed={} v=5\n", scale.units, scale.seed),
        Shape::Departments => format!("units={} seed={} v=5\none group\n", scale.units, scale.seed),
        shape => format!(
            "units={} seed={} shape={} v=1\n",
            scale.units,
            scale.seed,
            shape.name()
        ),
    };
    if fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
        let groups = groups(scale);
        let path = dir.join("self_scores.csv");
        return Ok(Generated {
            dir: dir.to_path_buf(),
            sets: scale
                .shape
                .plans()
                .iter()
                .map(|g| dir.join("sets").join(format!("{}.toml", g.code)))
                .collect(),
            units: groups.iter().map(|g| g.units.len()).sum(),
            self_scores: groups.iter().map(|g| g.units.len() * g.items.len()).sum(),
            self_scores_bytes: fs::metadata(&path)?.len(),
        });
    }
    let _ = fs::remove_file(&stamp);
    let g = generate(dir, scale)?;
    fs::write(&stamp, want)?;
    Ok(g)
}
