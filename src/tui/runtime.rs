//! Runs the effects the App asks for on the database and turns their results into actions.
//! A decision is reported as saved only after its transaction committed.

use super::action::{Action, Effect, FieldsData, GroupTab, HistoryData, Loaded, Saved, Subject};
use crate::config::Config;
use crate::i18n::Lang;
use crate::service::{AppError, UnitSheet, Workspace};

/// What the effects run on: the database, and where the remembered appraiser is kept.
pub struct Runtime {
    pub ws: Workspace,
    pub config: Config,
}

impl Runtime {
    pub fn new(ws: Workspace, config: Config) -> Runtime {
        Runtime { ws, config }
    }

    /// Runs one effect; the actions it yields go back to the App.
    pub fn run_effect(&mut self, appraiser: &str, lang: Lang, effect: Effect) -> Vec<Action> {
        let writes = effect.writes();
        match try_effect(self, appraiser, lang, effect) {
            Ok(actions) => actions,
            Err(e) if writes => vec![Action::SaveFailed(e.render(lang))],
            Err(e) => vec![Action::LoadFailed(e.render(lang))],
        }
    }
}

fn try_effect(
    rt: &mut Runtime,
    appraiser: &str,
    lang: Lang,
    effect: Effect,
) -> Result<Vec<Action>, AppError> {
    let ws = &mut rt.ws;
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
            let lines = ws.unit_summaries(&group)?;
            vec![Action::Loaded(Loaded::Units { group, lines })]
        }
        Effect::OpenUnit { unit } => {
            vec![Action::Loaded(Loaded::Unit(
                ws.unit_sheet(&unit, appraiser)?,
            ))]
        }
        Effect::ReloadUnit { unit } => {
            vec![Action::Loaded(Loaded::Reloaded(
                ws.unit_sheet(&unit, appraiser)?,
            ))]
        }
        Effect::Decide {
            unit,
            item,
            verdict,
            comment,
        } => {
            let d = ws.decide(&unit, &item, verdict, &comment, appraiser)?;
            let at = ws.local_time(&d.decision.decided_at);
            let assigned = ws.assigned_fields(appraiser, &d.unit.group)?;
            vec![Action::Saved {
                saved: Saved::Decision {
                    item: d.item,
                    score: d.decision.score,
                },
                data: UnitSheet {
                    unit: d.unit,
                    set: d.set,
                    sheet: d.sheet,
                    assigned,
                },
                at,
            }]
        }
        Effect::SetComment {
            unit,
            item,
            comment,
        } => {
            ws.set_comment(&unit, &item, &comment, appraiser)?;
            vec![Action::Saved {
                saved: Saved::Comment { item },
                data: ws.unit_sheet(&unit, appraiser)?,
                at: ws.local_now(),
            }]
        }
        Effect::Undo { unit } => {
            let item = ws.undo_last(&unit, appraiser)?;
            vec![Action::Saved {
                saved: Saved::Undone { item },
                data: ws.unit_sheet(&unit, appraiser)?,
                at: ws.local_now(),
            }]
        }
        Effect::WriteWorkbook {
            group,
            mode,
            path,
            overwrite,
        } => {
            if !overwrite && path.exists() {
                return Ok(vec![Action::FileExists { path }]);
            }
            let req = crate::workbook::Request::full(Some(&group), mode);
            let written = crate::workbook::write(ws, &req, &path, lang)?;
            vec![Action::Written {
                path: path.display().to_string(),
                sheets: written.sheets,
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
        Effect::LoadFields { group } => {
            let result = ws
                .field_analysis(&group)
                .and_then(|analysis| {
                    Ok(FieldsData {
                        set: std::sync::Arc::clone(ws.set(&group)?),
                        analysis,
                    })
                })
                .map_err(|e| e.render(lang));
            vec![Action::Loaded(Loaded::Fields { group, result })]
        }
        Effect::SetClosed {
            unit,
            closed,
            comment,
        } => {
            let row = ws.set_closed(unit.as_str(), closed, appraiser, &comment)?;
            vec![Action::ClosedSet(crate::i18n::commands::closed(
                row.code.as_str(),
                &row.name,
                closed,
                lang,
            ))]
        }
        Effect::Publish { comment } => {
            let comment = crate::domain::text::nfc(comment.trim());
            match ws.publish(appraiser, &comment) {
                Ok(done) => vec![Action::Published(crate::i18n::screens::year_published(
                    done.publication.year,
                    done.publication.units,
                    done.groups.len(),
                    lang,
                ))],
                Err(e) => vec![Action::PublishRefused {
                    message: e.render(lang),
                    comment,
                }],
            }
        }
        Effect::RememberAppraiser(name) => {
            rt.config.remember_appraiser(&name);
            Vec::new()
        }
        Effect::LoadYear => vec![Action::Loaded(Loaded::Year {
            published: ws.publication()?.is_some(),
            no_units: !ws.has_units()?,
        })],
        Effect::LoadHistory(subject) => {
            let result = match &subject {
                Subject::Unit(u) => ws.unit_history(u.as_str()).map(HistoryData::Unit),
                Subject::Group(g) => ws.group_history(g).map(HistoryData::Group),
                Subject::Province => ws.province_history().map(HistoryData::Province),
            }
            .map_err(|e| e.render(lang));
            vec![Action::Loaded(Loaded::History { subject, result })]
        }
        Effect::CheckLedger => {
            let mark = rt.config.ledger_mark(ws.db_path());
            match ws.check_ledger_since(mark.as_ref())? {
                Ok(checked) => {
                    rt.config.remember_ledger_mark(ws.db_path(), &checked);
                    Vec::new()
                }
                Err(b) => vec![Action::LedgerBroken(crate::i18n::errors::ledger_break(
                    &b, lang,
                ))],
            }
        }
    })
}
