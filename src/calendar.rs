//! 年度 and 和暦 (SPEC §6.3): the fiscal year of a date, dates in the
//! Japanese era calendar, and reading the ways staff write dates.

use jiff::civil::Date;

/// A date's 年度: April to March, named by the year it starts in.
/// 2026-03-31 is in FY2025, 2026-04-01 in FY2026.
#[must_use]
pub fn fiscal_year(d: Date) -> i16 {
    if d.month() >= 4 {
        d.year()
    } else {
        d.year() - 1
    }
}

/// The eras a record's date can fall in, latest first: name, one-letter
/// abbreviation, first day.
const ERAS: [(&str, char, (i16, i8, i8)); 4] = [
    ("令和", 'R', (2019, 5, 1)),
    ("平成", 'H', (1989, 1, 8)),
    ("昭和", 'S', (1926, 12, 25)),
    ("大正", 'T', (1912, 7, 30)),
];

fn era_start(i: usize) -> Date {
    let (y, m, d) = ERAS[i].2;
    Date::new(y, m, d).unwrap_or(Date::MIN)
}

/// The era a date falls in and the year within it, `None` before 大正.
fn era_of(d: Date) -> Option<(usize, i16)> {
    (0..ERAS.len())
        .find(|&i| d >= era_start(i))
        .map(|i| (i, d.year() - ERAS[i].2.0 + 1))
}

fn era_year(name: &str, year: i16) -> String {
    if year == 1 {
        format!("{name}元年")
    } else {
        format!("{name}{year}年")
    }
}

/// `令和8年3月31日`; ISO before 大正.
#[must_use]
pub fn wareki(d: Date) -> String {
    match era_of(d) {
        Some((i, y)) => format!("{}{}月{}日", era_year(ERAS[i].0, y), d.month(), d.day()),
        None => d.to_string(),
    }
}

/// `令和8年度` for FY2026; the era that holds the year's end names it, so
/// FY2019 is 令和元年度.
#[must_use]
pub fn wareki_fiscal_year(fy: i16) -> String {
    let end = Date::new(fy.saturating_add(1), 3, 31).unwrap_or(Date::MAX);
    match era_of(end) {
        Some((i, _)) => {
            let y = fy - ERAS[i].2.0 + 1;
            if y >= 1 {
                let year = era_year(ERAS[i].0, y);
                format!("{year}度")
            } else {
                format!("{fy}年度")
            }
        }
        None => format!("{fy}年度"),
    }
}

/// How dates are shown to people (SPEC §6.3 `--dates`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateStyle {
    /// `2026-03-31`.
    #[default]
    Iso,
    /// `令和8年3月31日`.
    Wareki,
    /// `2026-03-31(令和8年3月31日)`.
    Both,
}

impl DateStyle {
    /// The values `--dates` and dx.toml `[display] dates` take.
    pub const WORDS: &'static [&'static str] = &["iso", "wareki", "both"];

    /// Read a value of `--dates`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "iso" => Some(Self::Iso),
            "wareki" => Some(Self::Wareki),
            "both" => Some(Self::Both),
            _ => None,
        }
    }

    /// `text` in this style when it is an ISO date and nothing else;
    /// anything else as it is.
    #[must_use]
    pub fn show_text(self, text: &str) -> String {
        match text.parse::<Date>() {
            Ok(d) if self != Self::Iso && text.len() == 10 => self.show(d),
            _ => text.to_owned(),
        }
    }

    /// A date in this style.
    #[must_use]
    pub fn show(self, d: Date) -> String {
        match self {
            Self::Iso => d.to_string(),
            Self::Wareki => wareki(d),
            Self::Both => format!("{d}({})", wareki(d)),
        }
    }
}

/// Read a date as staff write it: `2026-03-31`, `2026/3/31`, `2026.3.31`,
/// `2026年3月31日`, `令和8年3月31日`, `令和元年5月1日`, `R8.3.31`,
/// `H31/4/30`, full-width digits included. `None` for anything else or a
/// day that does not exist (a 和暦 date before its era began is refused).
#[must_use]
pub fn parse_date(s: &str) -> Option<Date> {
    // Full-width digits and punctuation to ASCII, spaces dropped.
    let s: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '／' => '/',
            '．' => '.',
            '－' | '‐' | '−' => '-',
            c => c,
        })
        .collect();
    let (era, rest) = split_era(&s);
    let rest = rest.replacen('元', "1", 1);
    let nums: Vec<&str> = rest
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = nums.as_slice() else {
        return None;
    };
    if ![y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (y, m, d): (i16, i8, i8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let year = match era {
        Some(i) if y >= 1 => ERAS[i].2.0.checked_add(y - 1)?,
        Some(_) => return None,
        None if (1000..=9999).contains(&y) => y,
        None => return None,
    };
    let date = Date::new(year, m, d).ok()?;
    // 令和1年4月1日 is no date; the next era's first day bounds the last.
    if let Some(i) = era
        && (date < era_start(i) || (i > 0 && date >= era_start(i - 1)))
    {
        return None;
    }
    Some(date)
}

fn split_era(s: &str) -> (Option<usize>, &str) {
    for (i, (name, letter, _)) in ERAS.iter().enumerate() {
        if let Some(rest) = s.strip_prefix(name) {
            return (Some(i), rest);
        }
        let mut chars = s.chars();
        if chars
            .next()
            .is_some_and(|c| c.to_ascii_uppercase() == *letter)
        {
            return (Some(i), chars.as_str());
        }
    }
    (None, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d((y, m, day): (i16, i8, i8)) -> Date {
        jiff::civil::date(y, m, day)
    }

    #[test]
    fn fiscal_years_run_april_to_march() {
        assert_eq!(fiscal_year(d((2026, 3, 31))), 2025);
        assert_eq!(fiscal_year(d((2026, 4, 1))), 2026);
        assert_eq!(fiscal_year(d((2026, 12, 31))), 2026);
        assert_eq!(wareki_fiscal_year(2025), "令和7年度");
        assert_eq!(wareki_fiscal_year(2026), "令和8年度");
        assert_eq!(wareki_fiscal_year(2019), "令和元年度");
        assert_eq!(wareki_fiscal_year(2018), "平成30年度");
    }

    #[test]
    fn era_dates() {
        assert_eq!(wareki(d((2026, 3, 31))), "令和8年3月31日");
        assert_eq!(wareki(d((2019, 5, 1))), "令和元年5月1日");
        assert_eq!(wareki(d((2019, 4, 30))), "平成31年4月30日");
        assert_eq!(
            DateStyle::Both.show(d((2026, 3, 31))),
            "2026-03-31(令和8年3月31日)"
        );
    }

    #[test]
    fn dates_as_staff_write_them() {
        for s in [
            "2026-03-31",
            "2026/3/31",
            "2026.03.31",
            "2026年3月31日",
            "令和8年3月31日",
            "R8.3.31",
            "r08/03/31",
            "２０２６／３／３１",
            "令和８年３月３１日",
        ] {
            assert_eq!(parse_date(s), Some(d((2026, 3, 31))), "{s}");
        }
        assert_eq!(parse_date("令和元年5月1日"), Some(d((2019, 5, 1))));
        assert_eq!(parse_date("H31.4.30"), Some(d((2019, 4, 30))));
        for s in [
            "令和1年4月1日",
            "H31.5.1",
            "2026-02-30",
            "R0.1.1",
            "26/3/31",
            "2026-3",
            "明日",
            "",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
