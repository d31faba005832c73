//! The way up of a unit as sentences and small tables: `thamdinh plan` prints it, the way-up
//! screen shows its targets.

use super::{bar, cut, pad, pct, signed, up2};
use crate::domain::{CriteriaSet, Gap, Goal, Points, Target, WayUp};
use crate::i18n::Lang;
use crate::i18n::analysis as w;
use std::fmt::Write as _;

/// How many criteria the text lists before summing up the rest.
const CRITERIA_SHOWN: usize = 10;

/// The way up as sentences and small tables; `previous_note` says how last year's figure was
/// found when it is not the unit's own index (under the goal of rising above it).
pub fn plan_text(
    set: &CriteriaSet,
    way: &WayUp,
    year: i32,
    previous_note: &str,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        w::plan_title(&way.name, way.unit.as_str(), year, lang)
    );
    let _ = writeln!(out, "{}", w::decided_line(way.decided, way.items, lang));
    let _ = writeln!(out, "{}", w::standing(way, lang));
    out.push('\n');
    let _ = writeln!(out, "{}:", w::lost_by_field(lang));
    let top = way
        .fields
        .iter()
        .map(|l| l.lost())
        .max()
        .unwrap_or(Points::ZERO);
    let _ = writeln!(
        out,
        "  {} {} {} {}",
        pad(w::field(lang), 49, false),
        pad(w::points(lang), 6, true),
        pad(w::max(lang), 6, true),
        pad(w::lost(lang), 6, true)
    );
    for l in &way.fields {
        let node = set.node(l.node);
        let title = crate::i18n::documents::short_title(&node.title, 44);
        let line = format!(
            "  {} {} {} {} {}  {}",
            pad(node.code.as_str(), 4, false),
            pad(&cut(&title, 44), 44, false),
            pad(&super::fig(l.points, lang), 6, true),
            pad(&super::fig(l.max, lang), 6, true),
            pad(&super::fig(l.lost(), lang), 6, true),
            bar(l.lost(), top, 20)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');
    if way.criteria.is_empty() {
        let _ = writeln!(out, "{}", w::no_points_lost(lang));
    } else {
        let _ = writeln!(out, "{}:", w::lost_by_criterion(lang));
        let _ = writeln!(
            out,
            "  {} {} {} {}",
            pad(w::criterion(lang), 63, false),
            pad(w::points(lang), 6, true),
            pad(w::max(lang), 6, true),
            pad(w::lost(lang), 6, true)
        );
        for l in way.criteria.iter().take(CRITERIA_SHOWN) {
            let node = set.node(l.node);
            let _ = writeln!(
                out,
                "  {} {} {} {} {}",
                pad(node.code.as_str(), 6, false),
                pad(&cut(&node.title, 56), 56, false),
                pad(&super::fig(l.points, lang), 6, true),
                pad(&super::fig(l.max, lang), 6, true),
                pad(&super::fig(l.lost(), lang), 6, true)
            );
        }
        if way.criteria.len() > CRITERIA_SHOWN {
            let rest: Points = way.criteria[CRITERIA_SHOWN..]
                .iter()
                .map(|l| l.lost())
                .sum();
            let _ = writeln!(
                out,
                "  {}",
                w::more_criteria(
                    way.criteria.len() - CRITERIA_SHOWN,
                    &super::fig(rest, lang),
                    lang
                )
            );
        }
    }
    for target in [&way.above, &way.band_up, &way.previous_target] {
        out.push('\n');
        for line in target_lines(set, way, target, lang) {
            let _ = writeln!(out, "{line}");
        }
        if std::ptr::eq(target, &way.previous_target) && !previous_note.is_empty() {
            let _ = writeln!(out, "  * {}", w::previous_basis_said(previous_note, lang));
        }
    }
    out.trim_end().to_string()
}

/// The name of a goal, as the sentences start.
pub fn goal_name(goal: &Goal, lang: Lang) -> String {
    match goal {
        Goal::Above {
            unit,
            name,
            rank,
            index,
        } => w::goal_above(
            name,
            unit.as_str(),
            *rank,
            &super::fig(index.rounded(), lang),
            lang,
        ),
        Goal::Band { code, min, above } => {
            w::goal_band(code, &crate::i18n::numbers::score(*min, lang), *above, lang)
        }
        Goal::Previous { percent } => w::goal_previous(&super::fig(*percent, lang), lang),
    }
}

/// The sentence of a gap and its numbered criteria.
pub fn gap_lines(set: &CriteriaSet, way: &WayUp, g: &Gap, lang: Lang) -> Vec<String> {
    let goal = goal_name(&g.goal, lang);
    if !g.reachable {
        return vec![w::out_of_reach(
            &goal,
            &super::fig(g.needed, lang),
            &super::fig(way.recoverable, lang),
            &super::fig(g.best.rounded(), lang),
            lang,
        )];
    }
    let mut out = vec![w::needs(
        &goal,
        &up2(g.gap, lang),
        &super::fig(g.needed, lang),
        g.steps.len(),
        lang,
    )];
    for (k, s) in g.steps.iter().enumerate() {
        let node = set.node(s.loss.node);
        out.push(format!(
            "  {}. {}",
            k + 1,
            w::step(
                node.code.as_str(),
                &cut(&node.title, 60),
                &super::fig(s.loss.lost(), lang),
                &super::fig(s.cumulative, lang),
                &super::fig(s.index.rounded(), lang),
                lang
            )
        ));
    }
    out
}

/// What the unit stands against one goal.
pub fn target_lines(set: &CriteriaSet, way: &WayUp, t: &Target, lang: Lang) -> Vec<String> {
    match t {
        Target::Gap(g) => gap_lines(set, way, g, lang),
        Target::Met { goal, margin } => match goal {
            Goal::Previous { percent } => {
                vec![w::previous_met(
                    &super::fig(*percent, lang),
                    &pct(*margin, lang),
                    lang,
                )]
            }
            other => vec![format!(
                "{} ✓ {}",
                goal_name(other, lang),
                signed(*margin, lang)
            )],
        },
        Target::AlreadyFirst => vec![w::already_first(lang).to_string()],
        Target::NotRanked => vec![w::not_ranked(lang).to_string()],
        Target::TopBand => vec![w::top_band(way.band.as_deref().unwrap_or(""), lang)],
        Target::NoPrevious => vec![w::no_previous(lang).to_string()],
    }
}
