//! Fields across years, as the source document reads the province's component indexes
//! 2016–2021: each field's value every year, its mean over the years it was measured (a field
//! measured in one year only is counted over that year), the band of that mean, how many
//! fields fall in each band, and which fields fell — between the first and the last year, and
//! in the last year against the year before.
//!
//! Values are exact decimals (published percents with two decimals, or a group's mean). A
//! mean of n two-decimal values is kept to 28 significant digits; it can only equal a band's
//! threshold when it is a terminating decimal, and otherwise differs from it by at least
//! 1/(100·n), far above that precision, so its band is exact.

use super::analysis::sort_field_codes;
use super::criteria::Band;
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap};

/// One value of one field in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearValue {
    pub field: String,
    /// The field's name that year (may be empty).
    pub name: String,
    pub year: i32,
    pub percent: Decimal,
}

/// One field over the years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSeries {
    pub code: String,
    /// The name of the latest year that gives one.
    pub name: String,
    /// One per year of the table; none where the field was not measured.
    pub values: Vec<Option<Decimal>>,
}

impl FieldSeries {
    /// The mean over the years measured.
    pub fn mean(&self) -> Option<Decimal> {
        super::analysis::mean(self.values.iter().flatten().copied())
    }

    /// How many years it was measured.
    pub fn measured(&self) -> usize {
        self.values.iter().flatten().count()
    }
}

/// A fall: the field (a position in the table), the value before and the value after.
pub type Fall = (usize, Decimal, Decimal);

/// Fields by year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldYears {
    /// The years that have any value, ascending.
    pub years: Vec<i32>,
    /// The fields by code (`2` before `10`).
    pub fields: Vec<FieldSeries>,
}

impl FieldYears {
    /// The table of some values; values of years outside `range` (inclusive) are left out.
    pub fn new(values: &[YearValue], range: Option<(i32, i32)>) -> FieldYears {
        let inside = |y: i32| range.is_none_or(|(a, b)| (a..=b).contains(&y));
        let years: Vec<i32> = values
            .iter()
            .map(|v| v.year)
            .filter(|&y| inside(y))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut codes: Vec<String> = values
            .iter()
            .filter(|v| inside(v.year))
            .map(|v| v.field.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        sort_field_codes(&mut codes);
        let at: HashMap<&str, usize> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect();
        let mut fields: Vec<FieldSeries> = codes
            .iter()
            .map(|c| FieldSeries {
                code: c.clone(),
                name: String::new(),
                values: vec![None; years.len()],
            })
            .collect();
        let mut named_in = vec![i32::MIN; codes.len()];
        for v in values.iter().filter(|v| inside(v.year)) {
            let f = at[v.field.as_str()];
            let y = years.binary_search(&v.year).unwrap_or_default();
            fields[f].values[y] = Some(v.percent);
            if !v.name.trim().is_empty() && v.year >= named_in[f] {
                named_in[f] = v.year;
                fields[f].name = v.name.trim().to_string();
            }
        }
        FieldYears { years, fields }
    }

    /// The band of a field's mean.
    pub fn band(&self, field: usize, bands: &[Band]) -> Option<usize> {
        self.fields[field]
            .mean()
            .and_then(|m| Band::of_percent(bands, m))
    }

    /// How many fields' means fall in each band.
    pub fn band_counts(&self, bands: &[Band]) -> Vec<usize> {
        let mut counts = vec![0; bands.len()];
        for f in 0..self.fields.len() {
            if let Some(b) = self.band(f, bands) {
                counts[b] += 1;
            }
        }
        counts
    }

    /// Fields lower in the last year than in the first (both measured).
    pub fn fell_over_period(&self) -> Vec<Fall> {
        match self.years.len() {
            0 | 1 => Vec::new(),
            n => self.fell_between(0, n - 1),
        }
    }

    /// Fields lower in the last year than in the year before it (both measured).
    pub fn fell_last_year(&self) -> Vec<Fall> {
        match self.years.len() {
            0 | 1 => Vec::new(),
            n => self.fell_between(n - 2, n - 1),
        }
    }

    fn fell_between(&self, from: usize, to: usize) -> Vec<Fall> {
        self.fields
            .iter()
            .enumerate()
            .filter_map(|(f, s)| match (s.values[from], s.values[to]) {
                (Some(a), Some(b)) if b < a => Some((f, a, b)),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::tests::p;
    use crate::domain::index::round2;

    /// The province's component indexes 2016–2021, as the source document's table gives them
    /// (field 8, one-stop shops, measured in 2016 only).
    const SOURCE_TABLE: &str = "\
1,Công tác chỉ đạo điều hành,79.41,79.40,88.10,86.00,87.65,97.87
2,Văn bản quy phạm pháp luật,93.33,85.60,90.90,91.90,90.10,91.70
3,Cải cách thủ tục hành chính,83.33,77.50,80.70,83.86,90.74,97.91
4,Cải cách tổ chức bộ máy,65.38,72.70,78.60,76.08,91.65,92.96
5,Đội ngũ CBCCVC,47.37,59.00,77.80,82.86,88.00,76.89
6,Cải cách tài chính công,62.50,74.60,61.30,70.08,83.42,91.91
7,Hiện đại hóa hành chính,30.56,66.40,70.70,80.54,81.80,85.25
8,Một cửa liên thông,56.25,,,,,
9,Tác động của CCHC,80.14,87.10,83.00,86.44,73.75,74.66";

    fn source() -> Vec<YearValue> {
        let mut out = Vec::new();
        for line in SOURCE_TABLE.lines() {
            let cells: Vec<&str> = line.split(',').collect();
            for (k, cell) in cells[2..].iter().enumerate() {
                if !cell.is_empty() {
                    out.push(YearValue {
                        field: cells[0].into(),
                        name: cells[1].into(),
                        year: 2016 + k as i32,
                        percent: p(cell).decimal(),
                    });
                }
            }
        }
        out
    }

    #[test]
    fn the_source_documents_band_counts_and_fallen_fields() {
        let t = FieldYears::new(&source(), Some((2016, 2021)));
        let bands = Band::national();
        assert_eq!(t.years, (2016..=2021).collect::<Vec<_>>());
        // "01 … nhóm A, 03 … nhóm B, 03 … nhóm C, 02 … nhóm D".
        assert_eq!(t.band_counts(&bands), [1, 3, 3, 2]);
        let in_band = |b: usize| -> Vec<&str> {
            (0..t.fields.len())
                .filter(|&f| t.band(f, &bands) == Some(b))
                .map(|f| t.fields[f].code.as_str())
                .collect()
        };
        assert_eq!(in_band(0), ["2"]);
        assert_eq!(in_band(1), ["1", "3", "9"]);
        assert_eq!(in_band(2), ["4", "5", "6"]);
        assert_eq!(in_band(3), ["7", "8"]);
        // Field 8, measured once, is its 2016 value.
        assert_eq!(t.fields[7].measured(), 1);
        assert_eq!(t.fields[7].mean(), Some(p("56.25").decimal()));
        // 2016 → 2021: legal documents (93.33 → 91.70) and the impact on people (80.14 → 74.66).
        let fell: Vec<(&str, Decimal, Decimal)> = t
            .fell_over_period()
            .into_iter()
            .map(|(f, a, b)| (t.fields[f].code.as_str(), a, b))
            .collect();
        assert_eq!(
            fell,
            [
                ("2", p("93.33").decimal(), p("91.70").decimal()),
                ("9", p("80.14").decimal(), p("74.66").decimal())
            ]
        );
        // 2020 → 2021: the civil service (88.00 → 76.89).
        let last: Vec<&str> = t
            .fell_last_year()
            .into_iter()
            .map(|(f, _, _)| t.fields[f].code.as_str())
            .collect();
        assert_eq!(last, ["5"]);
        // The six-year means, as the document's chart shows them.
        let means: Vec<String> = t
            .fields
            .iter()
            .map(|s| round2(s.mean().unwrap()).fixed2())
            .collect();
        assert_eq!(
            means,
            [
                "86.41", "90.59", "85.67", "79.56", "71.99", "73.97", "69.21", "56.25", "80.85"
            ]
        );
    }

    #[test]
    fn a_range_keeps_its_years_and_a_field_measured_in_some_years_is_averaged_over_those() {
        let t = FieldYears::new(&source(), Some((2019, 2021)));
        assert_eq!(t.years, [2019, 2020, 2021]);
        assert_eq!(t.fields.len(), 8, "field 8 has no value in 2019–2021");
        // Field 7: (80.54 + 81.80 + 85.25) / 3 = 82.53.
        assert_eq!(round2(t.fields[6].mean().unwrap()), p("82.53"));
        // 2019 → 2021: legal documents 91.90 → 91.70, civil service 82.86 → 76.89, impact
        // 86.44 → 74.66.
        let fell: Vec<&str> = t
            .fell_over_period()
            .into_iter()
            .map(|(f, _, _)| t.fields[f].code.as_str())
            .collect();
        assert_eq!(fell, ["2", "5", "9"]);
    }

    #[test]
    fn a_mean_exactly_on_a_threshold_is_in_the_band() {
        let v = |year, pct: &str| YearValue {
            field: "1".into(),
            name: String::new(),
            year,
            percent: p(pct).decimal(),
        };
        let t = FieldYears::new(&[v(2020, "79.99"), v(2021, "80.01")], None);
        assert_eq!(t.band(0, &Band::national()), Some(1));
        let t = FieldYears::new(&[v(2020, "79.99"), v(2021, "80")], None);
        assert_eq!(t.band(0, &Band::national()), Some(2));
    }

    #[test]
    fn the_latest_name_is_kept() {
        let t = FieldYears::new(
            &[
                YearValue {
                    field: "7".into(),
                    name: "Hiện đại hóa hành chính".into(),
                    year: 2020,
                    percent: Decimal::from(80),
                },
                YearValue {
                    field: "7".into(),
                    name: "Chuyển đổi số".into(),
                    year: 2021,
                    percent: Decimal::from(85),
                },
                YearValue {
                    field: "7".into(),
                    name: String::new(),
                    year: 2022,
                    percent: Decimal::from(86),
                },
            ],
            None,
        );
        assert_eq!(t.fields[0].name, "Chuyển đổi số");
        assert!(t.fell_last_year().is_empty());
        assert!(FieldYears::new(&[], None).fell_over_period().is_empty());
    }
}
