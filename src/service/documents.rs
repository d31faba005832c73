//! The council's documents: each unit's notice and minutes, and the submission of the
//! ranking to the People's Committee (`.docx`). Each document takes its number from the
//! year's register the first time it is written and keeps it (see `store::council`).

use super::{AppError, Workspace};
use crate::domain::Mode;
use crate::domain::council::{DocKind, Issued, Stage};
use crate::io::minutes::{Member, MinutesData};
use crate::io::submission::{SubmissionData, SubmissionGroup};
use crate::progress::Stage as Step;
use crate::words::Lang;
use std::collections::BTreeMap;
use std::path::Path;

/// What a document export is asked for.
#[derive(Debug, Clone, Copy)]
pub struct NoticeArgs<'a> {
    pub group: Option<&'a str>,
    pub unit: Option<&'a str>,
    /// The issuing body for this export (`--council`), instead of the year's settings.
    pub council: Option<&'a str>,
    /// Final: refused unless every chosen group's final ranking can be made.
    pub mode: Mode,
    /// Who writes it: recorded with the numbers issued.
    pub appraiser: &'a str,
}

fn stage(mode: Mode) -> Stage {
    match mode {
        Mode::Final => Stage::Final,
        Mode::Provisional => Stage::Provisional,
    }
}

/// What a document export did: how many documents, how many are drafts (no number), and
/// the numbers issued or kept (in the order written).
#[derive(Debug, Clone, Default)]
pub struct DocsWritten {
    pub count: usize,
    pub drafts: usize,
    pub issued: Vec<Issued>,
}

impl Workspace {
    /// Writes each unit's notice (`UNITCODE.docx`) into the folder `out`, each under its
    /// number (a provisional notice and a final one are two documents, two numbers).
    pub fn export_notices(
        &mut self,
        a: NoticeArgs<'_>,
        out: &Path,
        lang: Lang,
    ) -> Result<DocsWritten, AppError> {
        self.progress().stage(Step::Breakdown, None);
        let mut notices = self.notices(a.group, a.unit)?;
        let notes = self.previous_notes(lang)?;
        for n in &mut notices {
            if let Some(note) = notes.get(n.unit.code.as_str()) {
                n.previous_note = note.clone();
            }
        }
        if a.mode == Mode::Final {
            // The notices are final wherever the group's final ranking could be made; the
            // first group that fell back to provisional says why it cannot be final.
            self.progress().stage(Step::Rank, None);
            if let Some(n) = notices.iter().find(|n| n.mode != Mode::Final) {
                self.ranking(&n.unit.group, Mode::Final)?;
            }
        }
        let keys: Vec<_> = notices
            .iter()
            .map(|n| (DocKind::Notice, n.unit.code.to_string(), stage(n.mode)))
            .collect();
        let issued = self.issue(&keys, a.appraiser)?;
        for (n, i) in notices.iter_mut().zip(&issued) {
            n.issued = Some(i.clone());
        }
        let opts = crate::io::notices::NoticeOptions {
            council: self.council()?.0,
            name_override: a.council.map(str::to_string),
            lang,
        };
        crate::io::notices::write_notices_with(out, &notices, &opts, self.progress())
            .map_err(|(path, e)| AppError::write_failed(&path, e))?;
        Ok(DocsWritten {
            count: notices.len(),
            drafts: 0,
            issued,
        })
    }

    /// The members of the council for a unit's minutes: those given fields of its group this
    /// year (with the fields), then anyone else who decided items of the unit; each with the
    /// unit's items they decided.
    fn members_of(&self, n: &crate::io::notices::NoticeData) -> Result<Vec<Member>, AppError> {
        let set = &n.set;
        let titles: BTreeMap<String, String> = set
            .fields()
            .map(|f| {
                let node = set.node(f);
                (
                    node.code.to_string(),
                    format!("{}. {}", node.code, node.title),
                )
            })
            .collect();
        let mut decided: BTreeMap<String, usize> = BTreeMap::new();
        for i in set.item_indexes() {
            if let Some(d) = &n.sheet.records[i].decision {
                *decided.entry(d.appraiser.clone()).or_default() += 1;
            }
        }
        let mut members: Vec<Member> = self
            .group_assignments(&n.unit.group)?
            .into_iter()
            .map(|(name, fields)| Member {
                decided: decided.remove(&name).unwrap_or(0),
                fields: fields
                    .iter()
                    .map(|f| titles.get(f).cloned().unwrap_or_else(|| f.clone()))
                    .collect(),
                name,
            })
            .collect();
        members.extend(decided.into_iter().map(|(name, count)| Member {
            name,
            fields: Vec::new(),
            decided: count,
        }));
        Ok(members)
    }

    /// Writes each unit's minutes (`UNITCODE.docx`) into the folder `out`: numbered once every
    /// item of the unit is decided, a draft before. With `Mode::Final`, refused unless every
    /// chosen group's final ranking can be made.
    pub fn export_minutes(
        &mut self,
        a: NoticeArgs<'_>,
        out: &Path,
        lang: Lang,
    ) -> Result<DocsWritten, AppError> {
        self.progress().stage(Step::Breakdown, None);
        let notices = self.notices(a.group, a.unit)?;
        if a.mode == Mode::Final
            && let Some(n) = notices.iter().find(|n| n.mode != Mode::Final)
        {
            self.ranking(&n.unit.group, Mode::Final)?;
        }
        let mut minutes = Vec::with_capacity(notices.len());
        for n in notices {
            let members = self.members_of(&n)?;
            minutes.push(MinutesData {
                unit: n,
                members,
                issued: None,
            });
        }
        let keys: Vec<_> = minutes
            .iter()
            .filter(|m| m.is_complete())
            .map(|m| (DocKind::Minutes, m.unit.unit.code.to_string(), Stage::Final))
            .collect();
        let issued = self.issue(&keys, a.appraiser)?;
        let mut numbers = issued.iter();
        let mut drafts = 0;
        for m in &mut minutes {
            if m.is_complete() {
                m.issued = numbers.next().cloned();
            } else {
                drafts += 1;
            }
        }
        let council = self.council()?.0;
        crate::io::minutes::write_minutes(
            out,
            &minutes,
            &council,
            a.council,
            lang,
            self.progress(),
        )
        .map_err(|(path, e)| AppError::write_failed(&path, e))?;
        Ok(DocsWritten {
            count: minutes.len(),
            drafts,
            issued,
        })
    }

    /// The figures of the submission: every chosen group's ranking, final where every group's
    /// final ranking can be made (then the submission is final), else provisional. With
    /// `Mode::Final`, refused (nothing written) unless every group's final ranking can be made.
    pub fn submission(&self, group: Option<&str>, mode: Mode) -> Result<SubmissionData, AppError> {
        let groups = self.chosen_groups(group)?;
        let (data, head) = self.at_head(|ws| -> Result<SubmissionData, AppError> {
            let finals: Result<Vec<_>, AppError> = groups
                .iter()
                .map(|(code, _)| ws.ranking(code, Mode::Final))
                .collect();
            let (rankings, mode) = match finals {
                Ok(r) => (r, Mode::Final),
                Err(e @ AppError::Rank { .. }) if mode == Mode::Final => return Err(e),
                Err(AppError::Rank { .. }) => (
                    groups
                        .iter()
                        .map(|(code, _)| ws.ranking(code, Mode::Provisional))
                        .collect::<Result<Vec<_>, _>>()?,
                    Mode::Provisional,
                ),
                Err(e) => return Err(e),
            };
            let mut out = Vec::new();
            let mut illustrative = false;
            for ((code, name), ranking) in groups.iter().zip(rankings) {
                let set = ws.set(code)?;
                illustrative |= set.source.is_illustrative();
                out.push(SubmissionGroup {
                    code: code.clone(),
                    name: name.clone(),
                    bands: set.bands.iter().map(|b| b.code.clone()).collect(),
                    ranking,
                });
            }
            Ok(SubmissionData {
                year: ws.year,
                groups: out,
                mode,
                ledger: crate::domain::ledger::Head {
                    entries: 0,
                    last: crate::domain::ledger::GENESIS,
                },
                illustrative,
                issued: None,
            })
        })?;
        let mut data = data?;
        data.ledger = head;
        Ok(data)
    }

    /// Writes the submission to `out`: numbered when final, a draft (no number) when the
    /// rankings are provisional. The number issued, if any.
    pub fn export_submission(
        &mut self,
        a: NoticeArgs<'_>,
        out: &Path,
        lang: Lang,
    ) -> Result<Option<Issued>, AppError> {
        self.progress().stage(Step::Rank, None);
        let mut data = self.submission(a.group, a.mode)?;
        if data.mode == Mode::Final {
            // One submission of the year (or of the one group asked for).
            let subject = a.group.unwrap_or_default().to_string();
            let issued =
                self.issue(&[(DocKind::Submission, subject, Stage::Final)], a.appraiser)?;
            data.issued = issued.into_iter().next();
        }
        let council = self.council()?.0;
        crate::io::submission::write_submission(out, &data, &council, a.council, lang)
            .map_err(|e| AppError::write_failed(out, e))?;
        Ok(data.issued)
    }
}
