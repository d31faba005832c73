//! The time of day is an input: the program is given a clock at its edge (the system's, which
//! the store takes when it opens), and tests give it a fixed one (`Store::with_clock`), so nothing depends on when or where it runs.
//!
//! The store records instants in UTC (`2022-11-30T02:05:09Z`); the screens show them in the
//! local time of the clock.

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, TimeZone, Utc};
use std::sync::Arc;

/// Where "now" and the local time zone come from.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// An instant in local time.
    fn local(&self, at: DateTime<Utc>) -> DateTime<FixedOffset>;
}

/// The system's clock and time zone (the `TZ` variable, else the system setting).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn local(&self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        at.with_timezone(&Local).fixed_offset()
    }
}

/// A clock that always says the same instant, in a fixed offset from UTC (for tests).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    pub at: DateTime<Utc>,
    pub offset: FixedOffset,
}

impl FixedClock {
    /// `at` given as local wall time `YYYY-MM-DD HH:MM:SS` at `offset_hours` east of UTC.
    pub fn local(wall: &str, offset_hours: i32) -> FixedClock {
        let offset = FixedOffset::east_opt(offset_hours * 3600).expect("an offset within a day");
        let naive = NaiveDateTime::parse_from_str(wall, "%Y-%m-%d %H:%M:%S")
            .expect("a wall time written YYYY-MM-DD HH:MM:SS");
        let at = offset
            .from_local_datetime(&naive)
            .single()
            .expect("a fixed offset has one instant per wall time")
            .with_timezone(&Utc);
        FixedClock { at, offset }
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.at
    }

    fn local(&self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        at.with_timezone(&self.offset)
    }
}

/// The clock most of the program holds.
pub type SharedClock = Arc<dyn Clock>;

/// The system clock, shared.
pub fn system() -> SharedClock {
    Arc::new(SystemClock)
}

/// How the store writes an instant: UTC, ISO 8601, to the second.
pub fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Reads a stamp the store wrote (also the older `YYYY-MM-DD HH:MM:SS` form, taken as UTC).
pub fn parse_stamp(text: &str) -> Option<DateTime<Utc>> {
    let t = text.trim().trim_end_matches('Z');
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .map(|n| n.and_utc())
}

/// The local time of day of a stored stamp, `HH:MM:SS` (the stamp itself when unreadable).
pub fn local_time_of_day(clock: &dyn Clock, stored: &str) -> String {
    match parse_stamp(stored) {
        Some(at) => clock.local(at).format("%H:%M:%S").to_string(),
        None => stored.to_string(),
    }
}

/// The local date and time of a stored stamp, `DD/MM/YYYY HH:MM` (the stamp itself when
/// unreadable).
pub fn local_date_time(clock: &dyn Clock, stored: &str) -> String {
    match parse_stamp(stored) {
        Some(at) => clock.local(at).format("%d/%m/%Y %H:%M").to_string(),
        None => stored.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_says_its_wall_time_back() {
        let c = FixedClock::local("2022-11-30 00:05:09", 7);
        assert_eq!(stamp(c.now()), "2022-11-29T17:05:09Z");
        assert_eq!(local_time_of_day(&c, &stamp(c.now())), "00:05:09");
    }

    #[test]
    fn stamps_read_back_in_both_forms() {
        let at = parse_stamp("2022-11-29T17:05:09Z").unwrap();
        assert_eq!(parse_stamp("2022-11-29 17:05:09"), Some(at));
        assert_eq!(stamp(at), "2022-11-29T17:05:09Z");
        assert_eq!(parse_stamp("yesterday"), None);
        let c = FixedClock::local("2022-01-01 00:00:00", -9);
        assert_eq!(local_time_of_day(&c, "2022-11-29T17:05:09Z"), "08:05:09");
        assert_eq!(local_time_of_day(&c, "yesterday"), "yesterday");
        assert_eq!(
            local_date_time(&c, "2022-11-29T17:05:09Z"),
            "29/11/2022 08:05"
        );
    }
}
