//! `thamdinh council show` and `thamdinh council set`: the council's settings of the year,
//! which every document it issues prints (name, place, signer, number series).

use super::{Cx, print};
use crate::cli::args::CouncilWhat;
use crate::domain::council::Setting;
use crate::i18n::council as msg;
use crate::service::{AppError, Opening};

pub(super) fn run(cx: &Cx, what: &CouncilWhat) -> Result<(), AppError> {
    match what {
        CouncilWhat::Show => {
            let ws = cx.open(Opening::Read)?;
            let (council, own) = ws.council()?;
            print(msg::show(ws.year, &council, own, &ws.issued()?, cx.lang));
        }
        CouncilWhat::Set(set) => {
            let given = [
                (Setting::Parent, &set.parent),
                (Setting::Name, &set.name),
                (Setting::Place, &set.place),
                (Setting::Signer, &set.signer),
                (Setting::Title, &set.title),
                (Setting::NextNumber, &set.next_number),
                (Setting::NoticeSeries, &set.notice_series),
                (Setting::MinutesSeries, &set.minutes_series),
                (Setting::SubmissionSeries, &set.submission_series),
            ];
            let changes: Vec<(Setting, String)> = given
                .into_iter()
                .filter_map(|(s, v)| v.clone().map(|v| (s, v)))
                .collect();
            if changes.is_empty() {
                return Err(AppError::Refused(msg::nothing_to_set(cx.lang).into()));
            }
            let who = cx.appraiser()?;
            let mut ws = cx.open(Opening::Write)?;
            let council = ws.set_council(&changes, &who)?;
            let shown = msg::show(ws.year, &council, true, &ws.issued()?, cx.lang);
            print(format!("{}\n{shown}", msg::saved(ws.year, cx.lang)));
        }
    }
    Ok(())
}
