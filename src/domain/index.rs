//! The index: points achieved over points possible, kept as an exact fraction.

use super::points::Points;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::fmt;

/// `total / max × 100 %`, kept exact: two integers of hundredths, compared by cross
/// multiplication, so two units with the same 2-decimal display can still be told apart.
#[derive(Debug, Clone, Copy)]
pub struct Index {
    total: i64,
    max: i64,
}

impl Index {
    /// None when nothing applies (a zero maximum).
    pub fn new(total: Points, max: Points) -> Option<Index> {
        (max.hundredths() > 0).then_some(Index {
            total: total.hundredths(),
            max: max.hundredths(),
        })
    }

    pub fn total(&self) -> Points {
        Points::from_hundredths(self.total)
    }

    pub fn max(&self) -> Points {
        Points::from_hundredths(self.max)
    }

    /// The percentage rounded half away from zero to two decimals, as points (hundredths).
    pub fn rounded(&self) -> Points {
        let num = i128::from(self.total) * 10_000;
        let den = i128::from(self.max);
        let q = (2 * num.abs() + den) / (2 * den);
        let q = if num < 0 { -q } else { q };
        Points::from_hundredths(q as i64)
    }

    /// The exact percentage as a decimal (28 significant digits), for means and changes.
    pub fn percent(&self) -> Decimal {
        Decimal::from(self.total) * Decimal::ONE_HUNDRED / Decimal::from(self.max)
    }

    /// Whether the index is at least `percent` (e.g. 90 for band A).
    pub fn reaches_percent(&self, percent: Points) -> bool {
        i128::from(self.total) * 10_000 >= i128::from(percent.hundredths()) * i128::from(self.max)
    }

    /// Whether the index is strictly above a published percentage.
    pub fn above_percent(&self, percent: Points) -> bool {
        i128::from(self.total) * 10_000 > i128::from(percent.hundredths()) * i128::from(self.max)
    }
}

impl PartialEq for Index {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Index {}

impl PartialOrd for Index {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Index {
    fn cmp(&self, other: &Self) -> Ordering {
        (i128::from(self.total) * i128::from(other.max))
            .cmp(&(i128::from(other.total) * i128::from(self.max)))
    }
}

impl fmt::Display for Index {
    /// `81.33` — two decimals, no percent sign.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.rounded().fixed2())
    }
}

/// A sum of fractions kept as one exact integer numerator per denominator: the sum of ten
/// thousand units' percents is exact until it is read, and reading it takes one decimal
/// division per distinct denominator (the units of a group mostly share a few maxima) rather
/// than one per unit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FractionSum {
    parts: std::collections::HashMap<i128, i128>,
}

impl FractionSum {
    /// Adds `num / den` (`den` not zero).
    pub fn add(&mut self, num: i128, den: i128) {
        *self.parts.entry(den).or_insert(0) += num;
    }

    /// Adds the percent `total / max × 100` of two amounts of hundredths.
    pub fn add_percent(&mut self, total: i64, max: i64) {
        self.add(i128::from(total) * 100, i128::from(max));
    }

    /// The sum as a decimal (28 significant digits).
    pub fn value(&self) -> Decimal {
        let mut dens: Vec<(&i128, &i128)> = self.parts.iter().collect();
        // In a fixed order, so that the same sum always reads the same.
        dens.sort();
        dens.into_iter()
            .map(|(&d, &n)| {
                Decimal::from_i128_with_scale(n, 0) / Decimal::from_i128_with_scale(d, 0)
            })
            .sum()
    }
}

/// Rounds an exact decimal half away from zero to hundredths.
pub fn round2(d: Decimal) -> Points {
    let r = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    Points::from_decimal(r).unwrap_or(Points::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Points {
        Points::parse(s).unwrap()
    }

    #[test]
    fn published_example_68_32_of_84_is_81_33() {
        let i = Index::new(p("68.32"), p("84")).unwrap();
        assert_eq!(i.to_string(), "81.33");
        assert_eq!(i.rounded(), p("81.33"));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        // 1/8 = 12.5 % exactly; 1/16 = 6.25 %; 1/32 = 3.125 % -> 3.13
        assert_eq!(Index::new(p("1"), p("32")).unwrap().to_string(), "3.13");
        // 2/3 = 66.666… -> 66.67
        assert_eq!(Index::new(p("2"), p("3")).unwrap().to_string(), "66.67");
        // 0.00125 -> 0.13 % ? 1/800 = 0.125 % -> 0.13
        assert_eq!(Index::new(p("1"), p("800")).unwrap().to_string(), "0.13");
    }

    #[test]
    fn compares_exactly_even_when_displays_are_equal() {
        // 81.334 % and 81.331 % both show 81.33 but are not equal.
        let a = Index::new(p("81.34"), p("100.01")).unwrap();
        let b = Index::new(p("81.33"), p("100")).unwrap();
        assert_eq!(a.to_string(), b.to_string());
        assert_ne!(a, b);
        // Equal fractions are equal whatever their terms.
        assert_eq!(
            Index::new(p("40"), p("50")).unwrap(),
            Index::new(p("80"), p("100")).unwrap()
        );
    }

    #[test]
    fn a_sum_of_fractions_is_exact_until_it_is_read() {
        let mut s = FractionSum::default();
        // 2/3 + 1/3 of 100 %: 100 exactly, where adding two 28-digit decimals may not be.
        s.add_percent(2, 3);
        s.add_percent(1, 3);
        s.add_percent(1, 4);
        assert_eq!(s.value(), Decimal::from(125));
        assert_eq!(FractionSum::default().value(), Decimal::ZERO);
    }

    #[test]
    fn zero_maximum_has_no_index() {
        assert!(Index::new(p("0"), p("0")).is_none());
    }

    #[test]
    fn band_thresholds_are_inclusive() {
        let i = Index::new(p("90"), p("100")).unwrap();
        assert!(i.reaches_percent(p("90")));
        assert!(!i.above_percent(p("90")));
        let j = Index::new(p("89.99"), p("100")).unwrap();
        assert!(!j.reaches_percent(p("90")));
    }
}
