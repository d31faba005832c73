//! Runs the effects the App asks for on the database and turns their results into actions.
//! A decision is reported as saved only after its transaction committed.

use super::action::{Action, Effect, GroupTab, Loaded, Saved, UnitData, UnitLine};
use crate::config;
use crate::domain::{ItemCode, UnitTotals};
use crate::i18n::Lang;
use crate::service::{AppError, Workspace};
use crate::store::UnitRow;
use std::sync::Arc;

fn unit_data(ws: &Workspace, appraiser: &str, unit: UnitRow) -> Result<UnitData, AppError> {
    let (set, sheet) = ws.sheet(&unit)?;
    let assigned = ws
        .store
        .assigned_fields(ws.year, appraiser, &unit.group)?
        .iter()
        .filter_map(|f| ItemCode::parse(f).ok())
        .collect();
    Ok(UnitData {
        set: Arc::new(set.clone()),
        sheet,
        unit,
        assigned,
    })
}

/// The local time of a stored UTC timestamp, `HH:MM:SS`.
fn local_time(ws: &Workspace, at: &str) -> String {
    ws.store
        .conn()
        .query_row("SELECT time(?1, 'localtime')", [at], |r| {
            r.get::<_, Option<String>>(0)
        })
        .ok()
        .flatten()
        .unwrap_or_else(|| at.to_string())
}

fn now(ws: &Workspace) -> String {
    local_time(ws, "now")
}

/// Runs one effect; the actions it yields go back to the App.
pub fn run_effect(ws: &mut Workspace, appraiser: &str, lang: Lang, effect: Effect) -> Vec<Action> {
    match try_effect(ws, appraiser, lang, effect) {
        Ok(actions) => actions,
        Err(e) => vec![Action::SaveFailed(e.render(lang))],
    }
}

fn try_effect(
    ws: &mut Workspace,
    appraiser: &str,
    lang: Lang,
    effect: Effect,
) -> Result<Vec<Action>, AppError> {
    Ok(match effect {
        Effect::LoadGroups => {
            let groups = ws
                .groups()?
                .into_iter()
                .map(|(code, name)| GroupTab {
                    short_name: ws.set(&code).ok().and_then(|s| s.short_name.clone()),
                    code,
                    name,
                })
                .collect();
            vec![Action::Loaded(Loaded::Groups(groups))]
        }
        Effect::LoadUnits { group } => {
            // Every unit of the group read in one pass (thousands at national scale).
            let units = ws.store.units(ws.year, Some(&group))?;
            let set = ws.set(&group)?;
            let mut lines = Vec::with_capacity(units.len());
            ws.store
                .score_sheets(ws.year, set, &units, |unit, scores| {
                    let sums = scores.node_sums(set);
                    lines.push(UnitLine {
                        totals: UnitTotals::from_sums(set, &sums),
                        unit: unit.clone(),
                        fields: set
                            .fields()
                            .map(|f| (set.node(f).code.to_string(), sums[f].decided, sums[f].items))
                            .collect(),
                    });
                })?;
            vec![Action::Loaded(Loaded::Units { group, lines })]
        }
        Effect::OpenUnit { unit } => {
            let row = ws.unit(unit.as_str())?;
            vec![Action::Loaded(Loaded::Unit(unit_data(ws, appraiser, row)?))]
        }
        Effect::ReloadUnit { unit } => {
            let row = ws.unit(unit.as_str())?;
            vec![Action::Loaded(Loaded::Reloaded(unit_data(
                ws, appraiser, row,
            )?))]
        }
        Effect::Decide {
            unit,
            item,
            verdict,
            comment,
        } => {
            let (row, item, d) =
                ws.decide(unit.as_str(), item.as_str(), verdict, &comment, appraiser)?;
            let at = local_time(ws, &d.decided_at);
            let data = unit_data(ws, appraiser, row)?;
            vec![Action::Saved {
                saved: Saved::Decision {
                    item,
                    score: d.score,
                    advance: true,
                },
                data,
                at,
            }]
        }
        Effect::SetComment {
            unit,
            item,
            comment,
        } => {
            let comment = crate::domain::text::nfc(comment.trim());
            ws.store
                .set_comment(ws.year, &unit, &item, &comment, appraiser)
                .map_err(AppError::Store)?;
            let row = ws.unit(unit.as_str())?;
            let at = now(ws);
            vec![Action::Saved {
                saved: Saved::Comment { item },
                data: unit_data(ws, appraiser, row)?,
                at,
            }]
        }
        Effect::Undo { unit } => {
            let undone = ws.store.undo_last(ws.year, &unit, appraiser)?;
            let row = ws.unit(unit.as_str())?;
            let at = now(ws);
            vec![Action::Saved {
                saved: Saved::Undone { item: undone.item },
                data: unit_data(ws, appraiser, row)?,
                at,
            }]
        }
        Effect::LoadRanking { group, mode } => {
            let result = ws.ranking(&group, mode).map_err(|e| e.render(lang));
            vec![Action::Loaded(Loaded::Ranking {
                group,
                mode,
                result,
            })]
        }
        Effect::RememberAppraiser(name) => {
            config::remember_appraiser(&name);
            Vec::new()
        }
    })
}
