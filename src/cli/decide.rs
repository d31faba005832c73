//! `thamdinh decide`: one decision from the arguments, or a batch of them from a file or
//! standard input, each its own transaction.

use super::{Cx, print};
use crate::domain::{Points, Verdict};
use crate::i18n::Lang;
use crate::i18n::commands as msg;
use crate::io::Problem;
use crate::service::{AppError, IoDoing, Opening, Workspace};
use std::path::Path;

/// `decide UNIT ITEM SCORE|agree|na|flag [--comment C]`.
pub(super) fn run_one(
    cx: &Cx,
    unit: &str,
    item: &str,
    verdict: &str,
    comment: &str,
) -> Result<(), AppError> {
    let who = cx.appraiser()?;
    let mut ws = cx.open(Opening::Create)?;
    print(decide(
        &mut ws, unit, item, verdict, comment, &who, cx.lang,
    )?);
    Ok(())
}

/// `decide --batch FILE`: the decisions of a file or of standard input (`-`), one by one;
/// refused when any line was.
pub(super) fn run_batch(cx: &Cx, file: &Path) -> Result<(), AppError> {
    let who = cx.appraiser()?;
    let mut ws = cx.open(Opening::Create)?;
    let lang = cx.lang;
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let (recorded, refused) = if file.as_os_str() == "-" {
        let stdin = std::io::stdin();
        decide_batch(
            &mut ws,
            "-",
            &mut stdin.lock(),
            &mut stdout.lock(),
            &mut stderr.lock(),
            &who,
            lang,
        )?
    } else {
        let f = std::fs::File::open(file)
            .map_err(|e| AppError::io(IoDoing::Open, file.display(), e))?;
        decide_batch(
            &mut ws,
            &file.display().to_string(),
            &mut std::io::BufReader::new(f),
            &mut stdout.lock(),
            &mut stderr.lock(),
            &who,
            lang,
        )?
    };
    if refused == 0 {
        return Ok(());
    }
    Err(AppError::Refused(msg::batch_refused(
        refused,
        recorded + refused,
        lang,
    )))
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
            AppError::Refused(crate::i18n::errors::decision_not_recorded(
                unit, item, &what, lang,
            ))
        })?),
    };
    let (unit_code, item_code) = Workspace::codes(unit, item)?;
    let decided = ws.decide(&unit_code, &item_code, verdict, comment, appraiser)?;
    let (unit, item, d) = (decided.unit, decided.item, decided.decision);
    let score = d.score.map(|p| p.to_string()).unwrap_or_else(|| "—".into());
    Ok(msg::recorded(
        unit.code.as_str(),
        item.as_str(),
        &score,
        crate::i18n::state_label(d.state, lang),
        lang,
    ))
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
    let broken = |e: std::io::Error| AppError::io(IoDoing::WriteOutput, "-", e);
    let (mut recorded, mut refused) = (0, 0);
    let mut buf = Vec::new();
    for number in 1.. {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| AppError::io(IoDoing::Read, name, e))?;
        if n == 0 {
            break;
        }
        let result = match std::str::from_utf8(&buf) {
            Err(_) => Err(AppError::Refused(msg::line_not_utf8(lang).into())),
            Ok(line) => {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let (unit, rest) = first_word(line);
                let (item, rest) = first_word(rest);
                let (what, rest) = first_word(rest);
                if what.is_empty() {
                    Err(AppError::Refused(msg::batch_line_shape(lang).into()))
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
