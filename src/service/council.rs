//! The council's settings of the working year, and the numbers of the documents it issues.

use super::{AppError, Workspace};
use crate::domain::council::{Council, Issued, Setting};
use crate::store::council::DocKey;

impl Workspace {
    /// The council's settings of the working year (carried from an earlier year, or the
    /// defaults, until they are set), and whether they are the year's own.
    pub fn council(&self) -> Result<(Council, bool), AppError> {
        Ok(self.store.council(self.year)?)
    }

    /// Changes some settings of the working year (each checked; nothing is stored when one
    /// is refused), audited. The settings as stored.
    pub fn set_council(
        &mut self,
        changes: &[(Setting, String)],
        appraiser: &str,
    ) -> Result<Council, AppError> {
        let (mut council, _) = self.council()?;
        for (s, v) in changes {
            council
                .set(*s, v)
                .map_err(|e| AppError::Council(Box::new(e)))?;
        }
        self.store.set_council(self.year, &council, appraiser)?;
        Ok(council)
    }

    /// Stores whole settings (the settings box), audited.
    pub fn save_council(&mut self, council: &Council, appraiser: &str) -> Result<(), AppError> {
        Ok(self.store.set_council(self.year, council, appraiser)?)
    }

    /// The numbers of the documents: those issued before keep theirs, the others take the
    /// next of the series, issued today (the clock's local day).
    pub fn issue(&mut self, docs: &[DocKey], appraiser: &str) -> Result<Vec<Issued>, AppError> {
        let clock = std::sync::Arc::clone(self.clock());
        let today = clock.local(clock.now()).date_naive();
        Ok(self.store.issue(self.year, docs, today, appraiser)?)
    }

    /// The documents of the working year in the register, by number.
    pub fn issued(&self) -> Result<Vec<Issued>, AppError> {
        Ok(self.store.issued(self.year)?)
    }
}
