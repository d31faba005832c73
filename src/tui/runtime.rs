//! Runs the effects the App asks for on the database and turns their results into actions,
//! one method per family of effects (units, decisions, analysis, exports, files, the year,
//! members, another database). A decision is reported as saved only after its transaction
//! committed.

use super::action::{
    Action, Effect, ExportWhat, FieldsData, GroupTab, HistoryData, Loaded, Saved, Subject,
};
use crate::config::Config;
use crate::domain::Mode;
use crate::i18n::screens as words;
use crate::i18n::{Lang, commands, errors};
use crate::service::{
    AppError, CriteriaCsvArgs, FileKind, LiveFields, LiveGroup, NoticeArgs, Opening, UnitSheet,
    Update, Workspace,
};
use crate::view::said;
use std::path::Path;

/// What the effects run on: the database, and where the remembered appraiser is kept.
pub struct Runtime {
    pub ws: Workspace,
    pub config: Config,
    /// The live state of the group whose lines the screens last read whole: updated one
    /// unit at a time afterwards (see `service::live`).
    pub live: Option<LiveGroup>,
    /// The same for the field analysis of a group (`Screen::Fields`).
    pub fields_live: Option<LiveFields>,
    /// Where `D` builds and opens the demo year (`thamdinh demo`'s file).
    pub demo: std::path::PathBuf,
    /// How many times another database file was opened: the event loop's `data_version`
    /// is the connection's, so a new file starts it again (else the first look at the new
    /// file would report a change from another session).
    pub opened: u64,
}

impl Runtime {
    pub fn new(ws: Workspace, config: Config) -> Runtime {
        Runtime {
            ws,
            config,
            live: None,
            fields_live: None,
            demo: crate::service::default_db("demo.sqlite"),
            opened: 0,
        }
    }

    /// Works on another database file from now on: the one at `path` (it must exist), or
    /// the demo year's (built when it is not).
    fn switch(&mut self, lang: Lang, effect: Effect) -> Result<Vec<Action>, AppError> {
        let (ws, message) = match effect {
            Effect::OpenDatabase { path } => {
                let shown = path.display().to_string();
                let ws = Workspace::open(&path, Opening::Existing, None).map_err(|e| match e {
                    AppError::NoDatabase { .. } => {
                        AppError::Refused(words::no_such_database(&shown, lang))
                    }
                    e => e,
                })?;
                let year = ws.year;
                (ws, words::database_opened(&shown, year, lang))
            }
            _ => {
                let year = Some(crate::builtin::DEMO_YEAR);
                let mut ws = Workspace::open(&self.demo, Opening::Create, year)?;
                crate::service::build_demo(&mut ws)?;
                let shown = self.demo.display().to_string();
                (ws, words::demo_opened(&shown, lang))
            }
        };
        let label = super::db_label(&ws);
        let year = ws.year;
        let read_only = super::read_only_of(&ws, lang);
        self.ws = ws;
        self.opened += 1;
        // The live state was another file's.
        self.live = None;
        self.fields_live = None;
        Ok(vec![Action::DatabaseOpened {
            label,
            year,
            message,
            read_only,
        }])
    }

    /// Runs one effect; the actions it yields go back to the App.
    pub fn run_effect(&mut self, appraiser: &str, lang: Lang, effect: Effect) -> Vec<Action> {
        let writes = effect.writes();
        match self.try_effect(appraiser, lang, effect) {
            Ok(actions) => actions,
            Err(e) if writes => vec![Action::SaveFailed(e.render(lang))],
            Err(e) => vec![Action::LoadFailed(e.render(lang))],
        }
    }

    /// Hands the effect to the method of its family.
    fn try_effect(
        &mut self,
        appraiser: &str,
        lang: Lang,
        effect: Effect,
    ) -> Result<Vec<Action>, AppError> {
        match effect {
            e @ (Effect::LoadGroups | Effect::LoadUnits { .. } | Effect::RefreshUnits { .. }) => {
                self.units(e)
            }
            e @ (Effect::OpenUnit { .. }
            | Effect::ReloadUnit { .. }
            | Effect::Decide { .. }
            | Effect::SetComment { .. }
            | Effect::Undo { .. }) => self.decisions(appraiser, e),
            e @ (Effect::LoadRanking { .. }
            | Effect::LoadFields { .. }
            | Effect::LoadHistory(_)) => self.analysis(lang, e),
            e @ (Effect::WriteWorkbook { .. } | Effect::Export { .. }) => {
                self.exports(appraiser, lang, e)
            }
            e
            @ (Effect::PreviewImport { .. } | Effect::Import { .. } | Effect::Complete { .. }) => {
                self.files(lang, e)
            }
            e @ (Effect::LoadYear
            | Effect::SetClosed { .. }
            | Effect::Publish { .. }
            | Effect::ShowPublication
            | Effect::Unpublish { .. }
            | Effect::SwitchYear { .. }
            | Effect::NewYear { .. }
            | Effect::LoadCouncil
            | Effect::SaveCouncil(_)) => self.year(appraiser, lang, e),
            e @ (Effect::LoadPrevious { .. } | Effect::SetPrevious { .. }) => {
                self.previous(appraiser, lang, e)
            }
            Effect::CheckLedger => self.check_ledger(lang),
            e @ (Effect::RememberAppraiser(_)
            | Effect::LoadAssignments { .. }
            | Effect::Assign { .. }) => self.members(lang, e),
            e @ (Effect::OpenDatabase { .. } | Effect::OpenDemo) => self.switch(lang, e),
        }
    }

    /// The groups, and the units of one read whole or brought up to date unit by unit.
    fn units(&mut self, effect: Effect) -> Result<Vec<Action>, AppError> {
        let ws = &mut self.ws;
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
                let live = ws.live_group(&group)?;
                let lines = live.lines.clone();
                self.live = Some(live);
                vec![Action::Loaded(Loaded::Units { group, lines })]
            }
            Effect::RefreshUnits { group } => match self.live.as_mut() {
                Some(live) if live.group == group => match ws.live_update(live)? {
                    Update::Units(changed) => {
                        let lines = changed.iter().map(|&i| live.lines[i].clone()).collect();
                        vec![Action::Loaded(Loaded::UnitsChanged { group, lines })]
                    }
                    Update::Whole => vec![Action::Loaded(Loaded::Units {
                        group,
                        lines: live.lines.clone(),
                    })],
                },
                _ => {
                    let live = ws.live_group(&group)?;
                    let lines = live.lines.clone();
                    self.live = Some(live);
                    vec![Action::Loaded(Loaded::Units { group, lines })]
                }
            },
            e => unreachable!("not an effect on the units: {e:?}"),
        })
    }

    /// A unit's sheet read, and the decisions and comments written on it.
    fn decisions(&mut self, appraiser: &str, effect: Effect) -> Result<Vec<Action>, AppError> {
        let ws = &mut self.ws;
        Ok(match effect {
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
                let (assigned, team) = ws.team_of(appraiser, &d.unit.group)?;
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
                        team,
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
            e => unreachable!("not a decision: {e:?}"),
        })
    }

    /// What the screens read to compare units: the ranking, the analysis by field, the
    /// history.
    fn analysis(&mut self, lang: Lang, effect: Effect) -> Result<Vec<Action>, AppError> {
        Ok(match effect {
            Effect::LoadRanking { group, mode } => self.ranking(group, mode, lang)?,
            Effect::LoadFields { group } => {
                let result = self.fields(&group).map_err(|e| e.render(lang));
                vec![Action::Loaded(Loaded::Fields { group, result })]
            }
            Effect::LoadHistory(subject) => {
                let ws = &self.ws;
                let result = match &subject {
                    Subject::Unit(u) => ws.unit_history(u.as_str()).map(HistoryData::Unit),
                    Subject::Group(g) => ws.group_history(g).map(HistoryData::Group),
                    Subject::Province => ws.province_history().map(HistoryData::Province),
                }
                .map_err(|e| e.render(lang));
                vec![Action::Loaded(Loaded::History { subject, result })]
            }
            e => unreachable!("not an analysis: {e:?}"),
        })
    }

    /// A group's ranking: from the live state when it is the group's, brought up to date
    /// first (the lines read again go to the units list too).
    fn ranking(&mut self, group: String, mode: Mode, lang: Lang) -> Result<Vec<Action>, AppError> {
        let ws = &mut self.ws;
        let mut out = Vec::new();
        // A group with no self score yet is not ranked (every unit would be first at 0).
        if let Err(e) = ws.self_scores_in(&group) {
            out.push(Action::Loaded(Loaded::Ranking {
                group,
                mode,
                result: Err(e.render(lang)),
            }));
            return Ok(out);
        }
        let result = match self.live.as_mut() {
            Some(live) if live.group == group => {
                match ws.live_update(live)? {
                    Update::Units(changed) if !changed.is_empty() => {
                        out.push(Action::Loaded(Loaded::UnitsChanged {
                            group: group.clone(),
                            lines: changed.iter().map(|&i| live.lines[i].clone()).collect(),
                        }));
                    }
                    Update::Units(_) => {}
                    Update::Whole => out.push(Action::Loaded(Loaded::Units {
                        group: group.clone(),
                        lines: live.lines.clone(),
                    })),
                }
                ws.live_ranking(live, mode)
            }
            _ => ws.ranking(&group, mode),
        }
        .map_err(|e| e.render(lang));
        out.push(Action::Loaded(Loaded::Ranking {
            group,
            mode,
            result,
        }));
        Ok(out)
    }

    /// A group's analysis by field, brought up to date unit by unit when it is the group's
    /// field analysis already.
    fn fields(&mut self, group: &str) -> Result<FieldsData, AppError> {
        let ws = &mut self.ws;
        let analysis = match self.fields_live.as_mut() {
            Some(live) if live.group == group => {
                ws.live_fields_update(live).map(|_| live.analysis.clone())
            }
            _ => ws.live_fields(group).map(|live| {
                let a = live.analysis.clone();
                self.fields_live = Some(live);
                a
            }),
        }?;
        Ok(FieldsData {
            set: std::sync::Arc::clone(ws.set(group)?),
            analysis,
        })
    }

    /// The workbook and the exports of the ranking screen: refused when a file is there,
    /// until the user says to replace it.
    fn exports(
        &mut self,
        appraiser: &str,
        lang: Lang,
        effect: Effect,
    ) -> Result<Vec<Action>, AppError> {
        let ws = &mut self.ws;
        Ok(match effect {
            Effect::WriteWorkbook {
                group,
                mode,
                path,
                overwrite,
            } => {
                if !overwrite && path.exists() {
                    let about = about_existing(ws, &path, lang);
                    return Ok(vec![Action::FileExists { path, group, about }]);
                }
                let req = crate::service::workbook::Request::full(group.as_deref(), mode);
                let written = crate::service::workbook::write(ws, &req, &path, lang)?;
                self.config
                    .remember_export_folder(ws.db_path(), ws.year, &path);
                vec![Action::Written {
                    path: path.display().to_string(),
                    sheets: written.sheets,
                    published: written.published_instead.then_some(ws.year),
                }]
            }
            Effect::Export { job, overwrite } => {
                let there = match job.what {
                    ExportWhat::Notices
                    | ExportWhat::Minutes
                    | ExportWhat::SelfAssessment
                    | ExportWhat::ExplanationRequests => std::fs::read_dir(&job.path)
                        .map(|mut d| d.next().is_some())
                        .unwrap_or(false),
                    _ => job.path.exists(),
                };
                if there && !overwrite {
                    let about = about_existing(ws, &job.path, lang);
                    return Ok(vec![Action::ExportExists(job, about)]);
                }
                let (group, mode, out) = (Some(job.group.as_str()), job.mode, &job.path);
                let args = NoticeArgs {
                    group,
                    unit: None,
                    council: None,
                    mode,
                    appraiser,
                };
                let message = match job.what {
                    ExportWhat::Criteria => said::export_criteria(ws, group, out, lang)?,
                    ExportWhat::SelfAssessment => {
                        said::export_self_assessment(ws, group, None, out, lang)?
                    }
                    ExportWhat::ExplanationRequests => {
                        said::export_explanation_requests(ws, group, None, out, lang)?
                    }
                    ExportWhat::Decisions => said::export_decisions(ws, group, mode, out, lang)?,
                    ExportWhat::Ranking => said::export_ranking(ws, group, mode, out, lang)?,
                    ExportWhat::Notices => said::export_notices(ws, args, out, lang)?,
                    ExportWhat::Minutes => said::export_minutes(ws, args, out, lang)?,
                    // The submission is of the whole year: every group.
                    ExportWhat::Submission => {
                        let args = NoticeArgs {
                            group: None,
                            ..args
                        };
                        said::export_submission(ws, args, out, lang)?
                    }
                };
                // The year's export folder; the folder of the last import stays.
                let ws = &self.ws;
                self.config
                    .remember_export_folder(ws.db_path(), ws.year, &job.path);
                vec![Action::Exported(message)]
            }
            e => unreachable!("not an export: {e:?}"),
        })
    }

    /// The files screen: a file previewed, then imported; a path completed.
    fn files(&mut self, lang: Lang, effect: Effect) -> Result<Vec<Action>, AppError> {
        let ws = &mut self.ws;
        Ok(match effect {
            Effect::PreviewImport { kind, path, .. } if folder_kind(kind, &path).is_some() => {
                let folder = folder_kind(kind, &path).expect("a folder");
                let report = ws.preview_folder(folder, &path)?;
                let shown = path.display().to_string();
                vec![Action::FolderPreviewed {
                    lines: commands::folder_report(&shown, &report, true, lang),
                    accepted: report.accepted().count(),
                    path,
                }]
            }
            Effect::PreviewImport {
                kind,
                path,
                criteria,
            } => {
                // A folder where a file is wanted: the path box again, with a sentence.
                if path.is_dir() {
                    return Ok(vec![Action::PathIsFolder {
                        path: path.display().to_string(),
                    }]);
                }
                // The screens ask for bands the file does not give.
                let args = CriteriaCsvArgs {
                    ask_bands: true,
                    ..criteria.clone()
                };
                match ws.preview_import(kind, &path, None, args) {
                    Err(AppError::CriteriaNeeds(fields)) => vec![Action::CriteriaNeeds {
                        path,
                        args: criteria,
                        fields,
                    }],
                    result => vec![Action::Previewed {
                        kind,
                        preview: result.map_err(|e| refusal(&e, kind, &path, lang)),
                        path,
                    }],
                }
            }
            Effect::Import { kind, path, .. } if folder_kind(kind, &path).is_some() => {
                let folder = folder_kind(kind, &path).expect("a folder");
                let report = ws.import_folder(folder, &path)?;
                self.config.remember_folder(&path);
                let shown = path.display().to_string();
                let lines = commands::folder_report(&shown, &report, false, lang);
                vec![Action::Imported(lines.join("\n"))]
            }
            Effect::Import {
                kind,
                path,
                criteria,
            } => {
                let args = CriteriaCsvArgs {
                    ask_bands: true,
                    ..criteria
                };
                let done = ws.import_any(kind, &path, None, args)?;
                self.config.remember_folder(&path);
                vec![Action::Imported(said::imported(&done, lang))]
            }
            Effect::Complete { text } => vec![Action::Completed {
                names: complete(&text),
                text,
            }],
            e => unreachable!("not an effect on files: {e:?}"),
        })
    }

    /// The council's figure of last year for one unit: read for its box, then set (or taken
    /// back) with its reason, as `thamdinh previous` does.
    fn previous(
        &mut self,
        appraiser: &str,
        lang: Lang,
        effect: Effect,
    ) -> Result<Vec<Action>, AppError> {
        let ws = &mut self.ws;
        let said = |ws: &Workspace, p: &crate::domain::lineage::Previous| {
            let names = ws.unit_names()?;
            let name = |c: &str| names.get(c).cloned().unwrap_or_else(|| c.to_string());
            let basis = crate::words::documents::previous_basis(&p.basis, &name, lang);
            let value = p
                .value
                .map(|v| crate::i18n::numbers::fixed(v, lang))
                .unwrap_or_else(|| "—".into());
            Ok::<_, AppError>((value, basis))
        };
        Ok(match effect {
            Effect::LoadPrevious { unit } => {
                let row = ws.unit(unit.as_str())?;
                let (value, basis) = said(ws, &ws.previous_of(unit.as_str())?)?;
                vec![Action::Loaded(Loaded::Previous {
                    unit,
                    name: row.name,
                    now: words::previous_now(&value, &basis, lang),
                })]
            }
            Effect::SetPrevious {
                unit,
                figure,
                reason,
            } => {
                let reason = crate::domain::text::nfc(reason.trim());
                let p = ws.set_previous(unit.as_str(), figure.as_override(), &reason, appraiser)?;
                let council = matches!(p.basis, crate::domain::lineage::Basis::Council(_));
                vec![Action::PreviousSet(words::previous_set(
                    unit.as_str(),
                    p.value
                        .map(|v| crate::i18n::numbers::fixed(v, lang))
                        .as_deref(),
                    council,
                    lang,
                ))]
            }
            e => unreachable!("not an effect on last year's figure: {e:?}"),
        })
    }

    /// The working year: what it is, its units closed, published, the next one started.
    fn year(
        &mut self,
        appraiser: &str,
        lang: Lang,
        effect: Effect,
    ) -> Result<Vec<Action>, AppError> {
        let ws = &mut self.ws;
        Ok(match effect {
            Effect::LoadYear => vec![
                Action::Loaded(Loaded::Year {
                    published: ws.publication()?.is_some(),
                    no_units: !ws.has_units()?,
                    // A year that has its sets already cannot be made again from another.
                    before: if ws.year_exists(ws.year)? {
                        None
                    } else {
                        ws.last_year_before()?
                    },
                    illustrative: ws.has_illustrative_set(),
                }),
                Action::Loaded(Loaded::Years(ws.year_states()?)),
                Action::Loaded(Loaded::ExportFolder(
                    self.config.export_folder(ws.db_path(), ws.year),
                )),
                Action::Loaded(Loaded::Lineage(lineage_notes(ws, lang)?)),
            ],
            Effect::LoadCouncil => {
                let (council, _) = ws.council()?;
                vec![Action::Loaded(Loaded::Council(Box::new(council)))]
            }
            Effect::SaveCouncil(council) => {
                ws.save_council(&council, appraiser)?;
                vec![Action::CouncilSaved(crate::i18n::council::box_saved(
                    ws.year, lang,
                ))]
            }
            Effect::ShowPublication => match ws.publication()? {
                Some(p) => vec![Action::LoadFailed(words::already_published(
                    p.year,
                    &ws.local_date_time(&p.at),
                    &p.appraiser,
                    lang,
                ))],
                None => Vec::new(),
            },
            Effect::Unpublish { comment } => {
                let comment = crate::domain::text::nfc(comment.trim());
                let p = ws.unpublish(appraiser, &comment)?;
                vec![Action::Published(words::year_unpublished(p.year, lang))]
            }
            Effect::SwitchYear { year } => {
                ws.switch_year(year)?;
                // The live state was another year's.
                self.live = None;
                self.fields_live = None;
                let published = self.ws.publication()?.is_some();
                vec![Action::YearStarted {
                    year,
                    message: words::year_switched(year, published, lang),
                }]
            }
            Effect::SetClosed {
                unit,
                closed,
                comment,
            } => {
                let row = ws.set_closed(unit.as_str(), closed, appraiser, &comment)?;
                let said = commands::closed(row.code.as_str(), &row.name, closed, lang);
                vec![Action::ClosedSet(said)]
            }
            Effect::Publish { comment } => {
                let comment = crate::domain::text::nfc(comment.trim());
                match ws.publish(appraiser, &comment) {
                    Ok(done) => vec![Action::Published(words::year_published(
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
            Effect::NewYear {
                year,
                from,
                carry,
                changes,
            } => {
                let said =
                    match said::new_year(ws, year, Some(from), changes.as_ref(), appraiser, lang) {
                        Ok(said) => said,
                        // Refused whole (nothing written): the box again, with the file's problems.
                        Err(e) => {
                            let text = changes.map(|c| {
                                std::iter::once(c.file)
                                    .chain(c.sets)
                                    .map(|p| p.display().to_string())
                                    .collect::<Vec<_>>()
                                    .join(" ")
                            });
                            return Ok(vec![Action::NewYearRefused {
                                year,
                                from,
                                carry,
                                message: e.render(lang),
                                text: text.unwrap_or_default(),
                            }]);
                        }
                    };
                let mut message = said.lines().next().unwrap_or_default().to_string();
                if carry {
                    let n = ws.carry_assignments(from)?;
                    message = format!("{message} {}", words::assignments_carried(n, from, lang));
                }
                self.live = None;
                self.fields_live = None;
                vec![Action::YearStarted { year, message }]
            }
            e => unreachable!("not an effect on the year: {e:?}"),
        })
    }

    /// The ledger checked from where the last check on this file left it.
    fn check_ledger(&mut self, lang: Lang) -> Result<Vec<Action>, AppError> {
        let ws = &self.ws;
        let mark = self.config.ledger_mark(ws.db_path());
        Ok(match ws.check_ledger_since(mark.as_ref())? {
            Ok(checked) => {
                self.config.remember_ledger_mark(ws.db_path(), &checked);
                Vec::new()
            }
            Err(b) => vec![Action::LedgerBroken(errors::ledger_break(&b, lang))],
        })
    }

    /// The members: the appraiser remembered, who appraises which fields of a group.
    fn members(&mut self, lang: Lang, effect: Effect) -> Result<Vec<Action>, AppError> {
        let ws = &mut self.ws;
        Ok(match effect {
            Effect::RememberAppraiser(name) => {
                self.config.remember_appraiser(&name);
                Vec::new()
            }
            Effect::LoadAssignments { group } => {
                let set = ws.set(&group)?;
                let fields = set
                    .fields()
                    .map(|f| (set.node(f).code.to_string(), set.node(f).title.clone()))
                    .collect();
                let members = ws.group_assignments(&group)?;
                vec![Action::Loaded(Loaded::Assignments {
                    group,
                    fields,
                    members,
                })]
            }
            Effect::Assign {
                member,
                group,
                fields,
            } => match said::assign(ws, &member, &group, &fields, lang) {
                Ok(message) => vec![Action::Assigned(message)],
                Err(e) => vec![Action::AssignRefused {
                    message: e.render(lang),
                    member,
                    fields,
                }],
            },
            e => unreachable!("not an effect on members: {e:?}"),
        })
    }
}

/// A refused file's problems for the screen: counted as problems (not lines), without the
/// closing sentence the screen's heading says already.
fn refusal(
    e: &AppError,
    kind: crate::service::FileKind,
    path: &Path,
    lang: Lang,
) -> crate::tui::action::Refusal {
    let problems = match e {
        AppError::File(f) => f.problems.len() + f.more,
        _ => 1,
    };
    let closing = errors::file_refused(lang);
    let mut lines: Vec<String> = e
        .render(lang)
        .lines()
        .filter(|l| *l != closing)
        .map(String::from)
        .collect();
    // A file of another kind, by its header row: said first.
    if let Some(other) = header_row(path)
        .and_then(|h| crate::service::FileKind::of_header(&h))
        .filter(|k| *k != kind)
    {
        let n = crate::service::FileKind::ALL
            .iter()
            .position(|k| *k == other)
            .map_or(0, |i| i + 1);
        lines.insert(
            0,
            words::looks_like(words::file_kind(other, lang).0, n, lang),
        );
    }
    let folder_exists = path
        .parent()
        .is_none_or(|p| p.as_os_str().is_empty() || p.is_dir());
    crate::tui::action::Refusal {
        lines,
        problems,
        folder_exists,
    }
}

/// What a file (or a folder of notices) about to be replaced holds: its size, or how many
/// files, and when it was last written, in local time.
fn about_existing(ws: &Workspace, path: &Path, lang: Lang) -> String {
    let when = |m: &std::fs::Metadata| {
        m.modified()
            .ok()
            .map(|t| ws.local_date_time(&crate::clock::stamp(t.into())))
    };
    let Ok(meta) = std::fs::metadata(path) else {
        return String::new();
    };
    if meta.is_dir() {
        let files: Vec<std::fs::Metadata> = std::fs::read_dir(path)
            .map(|d| d.filter_map(|e| e.ok()?.metadata().ok()).collect())
            .unwrap_or_default();
        let newest = files.iter().filter_map(|m| m.modified().ok()).max();
        let at = newest.map(|t| ws.local_date_time(&crate::clock::stamp(t.into())));
        return words::folder_holds(files.len(), at.as_deref(), lang);
    }
    words::file_holds(meta.len(), when(&meta).as_deref(), lang)
}

/// The first line of a CSV file (read within 64 KB); none for a workbook or an unreadable file.
fn header_row(path: &Path) -> Option<String> {
    use std::io::Read;
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext != "csv" && ext != "txt" {
        return None;
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    text.lines().next().map(str::to_string)
}

/// The files and folders whose path starts with `text` (folders end with `/`), in order;
/// names starting with a dot only when `text`'s last part does. The start is compared
/// without case and diacritics (`ke` finds `Kết quả/`).
pub fn complete(text: &str) -> Vec<String> {
    let (dir, start) = match text.rfind('/') {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => ("", text),
    };
    let Ok(entries) = std::fs::read_dir(if dir.is_empty() {
        Path::new(".")
    } else {
        Path::new(dir)
    }) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let folded = crate::domain::text::fold(&name);
            if !folded.starts_with(&crate::domain::text::fold(start))
                || (name.starts_with('.') && !start.starts_with('.'))
            {
                return None;
            }
            let is_dir = e.path().is_dir();
            Some(format!("{dir}{name}{}", if is_dir { "/" } else { "" }))
        })
        .collect();
    names.sort();
    names
}

/// The lineage of the working year's changed units, as the screens say it.
fn lineage_notes(
    ws: &Workspace,
    lang: Lang,
) -> Result<std::collections::HashMap<String, crate::tui::action::UnitLineage>, AppError> {
    use crate::words::documents::{lineage_line, previous_basis};
    let names = ws.unit_names()?;
    let name = |c: &str| names.get(c).cloned().unwrap_or_else(|| c.to_string());
    let mut out: std::collections::HashMap<String, crate::tui::action::UnitLineage> =
        std::collections::HashMap::new();
    let year = ws.year;
    let mut by_unit: std::collections::BTreeMap<String, Vec<crate::domain::lineage::Link>> =
        std::collections::BTreeMap::new();
    for (y, l) in ws.lineage_all()? {
        if y == year {
            by_unit.entry(l.unit.clone()).or_default().push(l);
        }
    }
    for (unit, links) in by_unit {
        let from: Vec<String> = links
            .iter()
            .filter(|l| !l.from.is_empty())
            .map(|l| name(&l.from))
            .collect();
        out.entry(unit).or_default().came_from = lineage_line(links[0].kind, &from, year, lang);
    }
    // The lineage line says enough for a rename, a split and a new unit; a mean and the
    // council's figure are said beside it (and mark the figure).
    for (unit, p) in ws.previous_figures()? {
        use crate::domain::lineage::Basis;
        let said_by_lineage = out.get(&unit).is_some_and(|l| !l.came_from.is_empty())
            && !matches!(p.basis, Basis::Mean(_) | Basis::Council(_));
        let basis = previous_basis(&p.basis, &name, lang);
        if !basis.is_empty() && !said_by_lineage {
            out.entry(unit).or_default().basis = basis;
        }
    }
    Ok(out)
}

/// The folder of filled workbooks a path to import names: self-assessments for the self
/// scores, replies for the explanations; none for a file.
fn folder_kind(kind: FileKind, path: &Path) -> Option<crate::service::FolderKind> {
    use crate::service::FolderKind;
    match kind {
        FileKind::SelfScores if path.is_dir() => Some(FolderKind::SelfScores),
        FileKind::Explanations if path.is_dir() => Some(FolderKind::Explanations),
        _ => None,
    }
}
