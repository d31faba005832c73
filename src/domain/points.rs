//! Exact points: a decimal with at most two places, stored as integer hundredths.

use rust_decimal::Decimal;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Neg, Sub};

/// A number of points with at most two decimal places. Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Points(i64);

/// Why a text is not a number of points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PointsError {
    Empty,
    /// Not a plain decimal number (letters, `NaN`, `1e3`, two separators …).
    NotANumber,
    /// More than two decimal places.
    TooManyDecimals,
    /// Far larger than any score can be.
    TooLarge,
}

/// The largest magnitude accepted: a million points is far beyond any criteria set.
const LIMIT_HUNDREDTHS: i64 = 100_000_000;

impl Points {
    pub const ZERO: Points = Points(0);

    pub fn from_hundredths(h: i64) -> Points {
        Points(h)
    }

    pub fn hundredths(self) -> i64 {
        self.0
    }

    pub fn from_int(n: i64) -> Points {
        Points(n * 100)
    }

    pub fn decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Converts an exact decimal; refuses more than two places.
    pub fn from_decimal(d: Decimal) -> Result<Points, PointsError> {
        let n = d.normalize();
        if n.scale() > 2 {
            return Err(PointsError::TooManyDecimals);
        }
        let scaled = n * Decimal::ONE_HUNDRED;
        let h: i64 = scaled
            .trunc()
            .try_into()
            .map_err(|_| PointsError::TooLarge)?;
        if h.abs() > LIMIT_HUNDREDTHS {
            return Err(PointsError::TooLarge);
        }
        Ok(Points(h))
    }

    /// Parses what a person types or a file holds: `1`, `0.5`, `0,75`, ` 2.00 `, `-1`.
    /// Accepts one decimal separator, `.` or the Vietnamese `,`.
    pub fn parse(text: &str) -> Result<Points, PointsError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(PointsError::Empty);
        }
        let (negative, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let mut parts = body.splitn(2, ['.', ',']);
        let int_part = parts.next().unwrap_or("");
        let frac_part = parts.next();
        if let Some(f) = frac_part
            && (f.contains(['.', ',']) || f.is_empty())
        {
            return Err(PointsError::NotANumber);
        }
        let frac = frac_part.unwrap_or("");
        if int_part.is_empty() && frac.is_empty() {
            return Err(PointsError::NotANumber);
        }
        if !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(PointsError::NotANumber);
        }
        let frac_trimmed = frac.trim_end_matches('0');
        if frac_trimmed.len() > 2 {
            return Err(PointsError::TooManyDecimals);
        }
        let int_digits = int_part.trim_start_matches('0');
        if int_digits.len() > 7 {
            return Err(PointsError::TooLarge);
        }
        let int_value: i64 = if int_digits.is_empty() {
            0
        } else {
            int_digits.parse().map_err(|_| PointsError::TooLarge)?
        };
        let mut frac_value: i64 = 0;
        for (i, b) in frac_trimmed.bytes().enumerate() {
            let digit = i64::from(b - b'0');
            frac_value += digit * if i == 0 { 10 } else { 1 };
        }
        let h = int_value * 100 + frac_value;
        if h > LIMIT_HUNDREDTHS {
            return Err(PointsError::TooLarge);
        }
        Ok(Points(if negative { -h } else { h }))
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn min(self, other: Points) -> Points {
        Points(self.0.min(other.0))
    }

    pub fn max(self, other: Points) -> Points {
        Points(self.0.max(other.0))
    }

    /// Always two decimals: `1.50`, `0.00` (for aligned tables).
    pub fn fixed2(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }
}

impl fmt::Display for Points {
    /// The shortest exact form: `1`, `0.5`, `0.75`, `-2.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let (i, frac) = (a / 100, a % 100);
        let s = if frac == 0 {
            format!("{sign}{i}")
        } else if frac % 10 == 0 {
            format!("{sign}{i}.{}", frac / 10)
        } else {
            format!("{sign}{i}.{frac:02}")
        };
        f.pad(&s)
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, o: Points) -> Points {
        Points(self.0 + o.0)
    }
}

impl Sub for Points {
    type Output = Points;
    fn sub(self, o: Points) -> Points {
        Points(self.0 - o.0)
    }
}

impl Neg for Points {
    type Output = Points;
    fn neg(self) -> Points {
        Points(-self.0)
    }
}

impl Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        Points(iter.map(|p| p.0).sum())
    }
}

impl<'a> Sum<&'a Points> for Points {
    fn sum<I: Iterator<Item = &'a Points>>(iter: I) -> Points {
        Points(iter.map(|p| p.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Points {
        Points::parse(s).unwrap()
    }

    #[test]
    fn parses_dot_and_vietnamese_comma() {
        assert_eq!(p("0.5"), Points::from_hundredths(50));
        assert_eq!(p("0,5"), Points::from_hundredths(50));
        assert_eq!(p("0,75"), Points::from_hundredths(75));
        assert_eq!(p(" 2.00 "), Points::from_hundredths(200));
        assert_eq!(p("12"), Points::from_hundredths(1200));
        assert_eq!(p(".5"), Points::from_hundredths(50));
        assert_eq!(p("-1.25"), Points::from_hundredths(-125));
        assert_eq!(p("1.250"), Points::from_hundredths(125));
    }

    #[test]
    fn refuses_three_decimals() {
        assert_eq!(Points::parse("0.125"), Err(PointsError::TooManyDecimals));
        assert_eq!(Points::parse("0,001"), Err(PointsError::TooManyDecimals));
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for bad in [
            "NaN", "nan", "1e3", "inf", "1.2.3", "1,2,3", "abc", "1.", "-", "0x10", "1 5",
        ] {
            assert_eq!(Points::parse(bad), Err(PointsError::NotANumber), "{bad}");
        }
        assert_eq!(Points::parse(""), Err(PointsError::Empty));
        assert_eq!(Points::parse("   "), Err(PointsError::Empty));
        assert_eq!(
            Points::parse("1234567890123456789012345678901234567890"),
            Err(PointsError::TooLarge)
        );
    }

    #[test]
    fn displays_shortest_exact_form() {
        assert_eq!(p("1").to_string(), "1");
        assert_eq!(p("0.50").to_string(), "0.5");
        assert_eq!(p("0.75").to_string(), "0.75");
        assert_eq!(p("-2.05").to_string(), "-2.05");
        assert_eq!(p("61.5").fixed2(), "61.50");
        assert_eq!(p("-0.5").fixed2(), "-0.50");
    }

    #[test]
    fn sums_are_exact() {
        // 0.1 + 0.2 is exactly 0.3 here, unlike with floats.
        let total: Points = [p("0.1"), p("0.2")].iter().sum();
        assert_eq!(total, p("0.3"));
        let many: Points = std::iter::repeat_n(p("0.01"), 10_000).sum();
        assert_eq!(many, p("100"));
    }

    #[test]
    fn converts_decimals() {
        assert_eq!(
            Points::from_decimal(Decimal::new(615, 1)).unwrap(),
            p("61.5")
        );
        assert_eq!(
            Points::from_decimal(Decimal::new(1234, 3)),
            Err(PointsError::TooManyDecimals)
        );
        assert_eq!(p("61.5").decimal(), Decimal::new(615, 1));
    }
}
