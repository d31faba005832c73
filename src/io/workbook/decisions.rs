//! The decisions sheet: the decisions export's columns, typed (figures as numbers, the time
//! of decision as a date), written line by line. Past Excel's 1,048,576 rows the lines go on
//! in a second sheet, and so on.

use super::{Book, maybe, number, page_setup, text};
use crate::domain::State;
use crate::io::export::DecisionLine;
use crate::words::{Lang, documents as t, state_label};
use chrono::NaiveDateTime;
use rust_xlsxwriter::{ColNum, RowNum, XlsxError};

/// Excel's last row (0-based).
const LAST_ROW: RowNum = 1_048_575;
const HEAD_ROW: RowNum = 3;

const WIDTHS: [f64; 12] = [
    9.0, 34.0, 8.0, 50.0, 8.0, 9.0, 10.0, 10.0, 17.0, 40.0, 20.0, 19.0,
];

/// The local time of a stored stamp.
type Local<'b> = Box<dyn Fn(&str) -> Option<NaiveDateTime> + 'b>;

/// The decisions sheet being written, one line at a time.
pub struct DecisionSheet<'b> {
    book: &'b mut Book,
    subtitle: String,
    local: Local<'b>,
    sheet: usize,
    row: RowNum,
    lines: usize,
}

impl Book {
    /// Starts the decisions sheet. `subtitle` names the groups; `local` gives the local time
    /// of a stored stamp (none when it is not one).
    pub fn decisions<'b>(
        &'b mut self,
        subtitle: &str,
        local: impl Fn(&str) -> Option<NaiveDateTime> + 'b,
    ) -> Result<DecisionSheet<'b>, XlsxError> {
        let mut d = DecisionSheet {
            book: self,
            subtitle: subtitle.to_string(),
            local: Box::new(local),
            sheet: 0,
            row: HEAD_ROW,
            lines: 0,
        };
        d.start()?;
        Ok(d)
    }
}

impl DecisionSheet<'_> {
    fn headers(lang: Lang) -> [&'static str; 12] {
        [
            t::unit_code(lang),
            t::unit_name(lang),
            t::item_code(lang),
            t::item_title(lang),
            t::max(lang),
            t::self_score(lang),
            t::appraised_score(lang),
            t::difference(lang),
            t::state(lang),
            t::council_comment(lang),
            t::appraiser(lang),
            t::decided_at(lang),
        ]
    }

    /// A new sheet of the decisions, with its titles and header.
    fn start(&mut self) -> Result<(), XlsxError> {
        self.finish_sheet()?;
        let (lang, year) = (self.book.lang, self.book.year);
        let name = t::decisions_sheet(lang).to_string();
        self.book.add_sheet(&name, true)?;
        self.sheet = self.book.sheets - 1;
        let subtitle = format!("{} – {}", self.subtitle, t::local_time_note(lang));
        let (ws, st) = self.current()?;
        text(ws, 0, 0, &t::decisions_title(year, lang), &st.title)?;
        text(ws, 1, 0, &subtitle, &st.subtitle)?;
        ws.set_row_height(HEAD_ROW, 30.0)?;
        for (col, h) in Self::headers(lang).iter().enumerate() {
            ws.set_column_width(col as ColNum, WIDTHS[col])?;
            text(ws, HEAD_ROW, col as ColNum, h, &st.head)?;
        }
        page_setup(ws, (HEAD_ROW, HEAD_ROW), 3)?;
        self.row = HEAD_ROW;
        Ok(())
    }

    fn current(&mut self) -> Result<(&mut rust_xlsxwriter::Worksheet, &super::Styles), XlsxError> {
        let book = &mut *self.book;
        let ws = book.wb.worksheet_from_index(self.sheet)?;
        Ok((ws, &book.styles))
    }

    /// Sets the autofilter of the sheet being written over its lines.
    fn finish_sheet(&mut self) -> Result<(), XlsxError> {
        if self.row == HEAD_ROW {
            return Ok(());
        }
        let row = self.row;
        let (ws, _) = self.current()?;
        ws.autofilter(HEAD_ROW, 0, row, 11)?;
        Ok(())
    }

    /// Writes one line.
    pub fn push(&mut self, l: &DecisionLine) -> Result<(), XlsxError> {
        if self.row == LAST_ROW {
            self.start()?;
        }
        self.row += 1;
        self.lines += 1;
        let row = self.row;
        let lang = self.book.lang;
        let when = (self.local)(&l.decided_at);
        let (ws, st) = self.current()?;
        text(ws, row, 0, &l.unit, &st.text)?;
        text(ws, row, 1, &l.unit_name, &st.text)?;
        text(ws, row, 2, &l.item, &st.text)?;
        text(ws, row, 3, &l.item_title, &st.text)?;
        number(ws, row, 4, l.max, &st.num)?;
        match l.self_score {
            Some(Some(p)) => number(ws, row, 5, p, &st.num)?,
            Some(None) => text(ws, row, 5, t::not_applicable_self(lang), &st.center)?,
            None => text(ws, row, 5, "", &st.num)?,
        }
        maybe(ws, row, 6, l.appraised, &st.num)?;
        maybe(ws, row, 7, l.difference, &st.change)?;
        let state = State::parse(l.state).map_or(l.state, |s| state_label(s, lang));
        text(ws, row, 8, state, &st.text)?;
        text(ws, row, 9, &l.comment, &st.text)?;
        text(ws, row, 10, &l.appraiser, &st.text)?;
        match when {
            Some(at) => {
                ws.write_datetime_with_format(row, 11, at, &st.date)?;
            }
            None => text(ws, row, 11, &l.decided_at, &st.text)?,
        }
        Ok(())
    }

    /// Ends the sheet; returns how many lines it holds.
    pub fn finish(mut self) -> Result<usize, XlsxError> {
        self.finish_sheet()?;
        Ok(self.lines)
    }
}
