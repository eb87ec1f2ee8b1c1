//! dx.toml: the tree's own settings.

use super::GradeSettings;
use crate::calendar::DateStyle;
use std::collections::HashMap;

use jiff::civil::Date;

use super::Kind;
use crate::diag::RuleId;

/// A per-rule severity from dx.toml `[rules]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Do not report.
    Allow,
}

impl Level {
    /// The words dx.toml accepts.
    pub const WORDS: &'static [&'static str] = &["error", "warning", "allow"];

    /// Read a level as written in dx.toml.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "error" => Some(Self::Error),
            "warning" => Some(Self::Warning),
            "allow" => Some(Self::Allow),
            _ => None,
        }
    }
}

/// The ID prefixes of the three record kinds (`[ids]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefixes {
    /// 課題, `K` by default.
    pub issue: String,
    /// 手法, `S` by default.
    pub method: String,
    /// 技術, `G` by default.
    pub technology: String,
}

impl Default for Prefixes {
    fn default() -> Self {
        Self {
            issue: "K".into(),
            method: "S".into(),
            technology: "G".into(),
        }
    }
}

impl Prefixes {
    /// The prefix of a kind.
    #[must_use]
    pub fn of(&self, kind: Kind) -> &str {
        match kind {
            Kind::Issue => &self.issue,
            Kind::Method => &self.method,
            Kind::Technology => &self.technology,
        }
    }

    /// The kind a well-formed ID names: `<prefix>-` and three or more ASCII digits.
    #[must_use]
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        let (prefix, digits) = id.split_once('-')?;
        if digits.len() < 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Kind::ALL.into_iter().find(|&k| self.of(k) == prefix)
    }
}

/// A `[report] headline` entry's record ID and indicator (a name or a
/// position): `S-001/オンライン申請率`, the slash half- or full-width as
/// staff type it.
#[must_use]
pub fn headline_parts(entry: &str) -> (&str, &str) {
    match entry.find(['/', '／']) {
        Some(at) => {
            let slash = entry[at..].chars().next().map_or(1, char::len_utf8);
            (entry[..at].trim(), entry[at + slash..].trim())
        }
        None => (entry.trim(), ""),
    }
}

/// Everything dx.toml says, with defaults for what it leaves out.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `西宮市`.
    pub organization: Option<String>,
    /// `西宮市DX推進指針`.
    pub guideline: Option<String>,
    /// `1.1`.
    pub guideline_version: Option<String>,
    /// Start of the guideline's period.
    pub period_start: Option<Date>,
    /// End of the guideline's period (令和10年度末).
    pub period_end: Option<Date>,
    /// Default months between 定期的な見直し.
    pub review_interval_months: u32,
    /// ID prefixes.
    pub prefixes: Prefixes,
    /// Per-rule severities.
    pub rules: HashMap<RuleId, Level>,
    /// E-mail domains that are not personal data.
    pub allowed_email_domains: Vec<String>,
    /// Public phone numbers (the city's own) that are not personal data.
    pub allowed_phone_numbers: Vec<String>,
    /// `[grades]`: pace thresholds and labels.
    pub grades: GradeSettings,
    /// `[display] dates`: how dates are shown to people.
    pub dates: DateStyle,
    /// `[organization] departments`: the departments owners and teams name.
    pub departments: Vec<String>,
    /// `[tree] lg_code`: the 全国地方公共団体コード, six digits with its
    /// check digit (西宮市 282049).
    pub lg_code: Option<String>,
    /// `[tree] secretariat`: the 事務局 named on the report's cover.
    pub secretariat: Option<String>,
    /// `[contact]`: whom a department asks about a 照会 (name, phone,
    /// e-mail), each shown as written.
    pub contact: Contact,
    /// `[[revision]]`: the guideline's 改訂歴, as written (SPEC §7.4).
    pub revisions: Vec<Revision>,
    /// `[accessibility]`: the public report's accessibility statement.
    pub accessibility: Accessibility,
    /// `[report] headline`: the indicators the public report shows first,
    /// each `ID/指標名` (or `ID/番号`), as written.
    pub headline: Vec<(compact_str::CompactString, crate::files::Span)>,
}

/// dx.toml `[accessibility]`: what the city declares of the public
/// report's accessibility, in the form Japanese cities publish. Without it
/// the statement says what is not yet declared, and claims no test.
#[derive(Clone, Debug, Default)]
pub struct Accessibility {
    /// 表明日.
    pub declared: Option<Date>,
    /// 対応度.
    pub level: Option<crate::vocab::Conformance>,
    /// 試験日: when the city tested the pages.
    pub tested: Option<Date>,
    /// 対象範囲 (default: the public report).
    pub scope: Option<String>,
    /// 試験対象: which pages were tested and how they were chosen.
    pub pages: Option<String>,
    /// 例外: what does not meet the criteria, and why.
    pub exceptions: Vec<String>,
    /// 問い合わせ先 (default: `[contact]`).
    pub contact: Option<String>,
}

/// One revision of the guideline: a revision runs the four processes again
/// for what it changed.
#[derive(Clone, Debug, Default)]
pub struct Revision {
    /// `1.1`.
    pub version: String,
    /// When it took effect.
    pub date: Option<Date>,
    /// What it changed, in a line.
    pub summary: String,
    /// The reference IDs it changed: ビジョン items, 分野, 領域, 原則, 配慮,
    /// national items.
    pub changed: Vec<String>,
}

/// dx.toml `[contact]`: the secretariat's desk, as a 照会 names it.
#[derive(Clone, Debug, Default)]
pub struct Contact {
    /// The section (`政策局 DX推進課`).
    pub name: Option<String>,
    /// Its phone number.
    pub phone: Option<String>,
    /// Its e-mail address.
    pub email: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            organization: None,
            guideline: None,
            guideline_version: None,
            period_start: None,
            period_end: None,
            review_interval_months: 12,
            prefixes: Prefixes::default(),
            rules: HashMap::new(),
            allowed_email_domains: Vec::new(),
            allowed_phone_numbers: Vec::new(),
            grades: GradeSettings::default(),
            dates: DateStyle::Iso,
            departments: Vec::new(),
            lg_code: None,
            secretariat: None,
            contact: Contact::default(),
            revisions: Vec::new(),
            accessibility: Accessibility::default(),
            headline: Vec::new(),
        }
    }
}

/// An lg_code as written: the code when it is six half-width digits with
/// the right check digit; else the code to write instead when one can be
/// told (full-width digits → their half-width form, a wrong or missing
/// check digit → the right one). Never slices text by bytes, so any input
/// is safe (SPEC §7.1: input never panics).
pub fn check_lg_code(value: &str) -> Result<String, Option<String>> {
    let written = value.trim();
    let half = crate::suggest::half_width(written);
    let digits: Vec<char> = half.chars().collect();
    if digits.len() < 5 || digits.len() > 6 || !digits.iter().all(char::is_ascii_digit) {
        return Err(None);
    }
    let head: String = digits[..5].iter().collect();
    let expected = lg_check_digit(&head).map(|d| format!("{head}{d}"));
    match expected {
        Some(code) if code == written => Ok(code),
        other => Err(other),
    }
}

/// The check digit of a 全国地方公共団体コード's first five digits: weights
/// 6, 5, 4, 3, 2; 11 − (sum mod 11), its last digit.
#[must_use]
pub fn lg_check_digit(first_five: &str) -> Option<u32> {
    let digits: Vec<u32> = first_five
        .chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<_>>()?;
    if digits.len() != 5 {
        return None;
    }
    let sum: u32 = digits.iter().zip([6, 5, 4, 3, 2]).map(|(d, w)| d * w).sum();
    Some((11 - sum % 11) % 10)
}

#[cfg(test)]
mod lg_tests {
    #[test]
    fn check_digits_of_real_codes() {
        assert_eq!(super::lg_check_digit("28204"), Some(9)); // 西宮市
        assert_eq!(super::lg_check_digit("13101"), Some(6)); // 千代田区
        assert_eq!(super::lg_check_digit("01100"), Some(2)); // 札幌市
        assert_eq!(super::lg_check_digit("2820"), None);
        // Full-width digits are named with their half-width form; nothing
        // panics on text that is not ASCII.
        assert_eq!(super::check_lg_code("282049"), Ok("282049".into()));
        assert_eq!(
            super::check_lg_code("２８２０２２"),
            Err(Some("282022".into()))
        );
        assert_eq!(super::check_lg_code("28204"), Err(Some("282049".into())));
        assert_eq!(super::check_lg_code("282040"), Err(Some("282049".into())));
        for odd in ["西宮市", "２８", "28204９x", "", "1234567", "ｘｘｘｘｘｘ"] {
            assert!(super::check_lg_code(odd).is_err(), "{odd}");
        }
    }
}
