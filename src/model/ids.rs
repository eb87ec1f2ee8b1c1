//! ID patterns (SPEC §1) and the repair of IDs typed in full-width.

use super::Prefixes;
use crate::suggest;
use crate::vocab::IdKind;

/// `[a-z][a-z0-9-]*`: a 分野 id.
#[must_use]
pub fn is_field_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Where the guideline puts a 分野 (暮らし手続き, 行政内部, 住民参画, 教育環境);
/// others come after, by id.
#[must_use]
pub fn guideline_rank(field: &str) -> usize {
    ["kurashi", "gyosei", "sankaku", "kyoiku"]
        .iter()
        .position(|f| *f == field)
        .unwrap_or(usize::MAX)
}

/// Order IDs as people read them: by prefix, then by number (K-2 before K-10).
#[must_use]
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    // Trailing ASCII digits are whole bytes, so the split is on a char
    // boundary whatever comes before them (課題1).
    fn split(s: &str) -> (&str, u64, &str) {
        let digits_at = s.len() - s.bytes().rev().take_while(u8::is_ascii_digit).count();
        let (stem, digits) = s.split_at(digits_at);
        (stem, digits.parse::<u64>().unwrap_or(0), s)
    }
    split(a).cmp(&split(b))
}

/// `<letter><digits>`: P1, C2, N3.
fn is_numbered(s: &str, letter: char) -> bool {
    s.strip_prefix(letter)
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `s` is a well-formed ID of `kind`.
#[must_use]
pub fn is_well_formed(prefixes: &Prefixes, kind: IdKind, s: &str) -> bool {
    match kind {
        IdKind::Issue | IdKind::Method | IdKind::Technology => {
            prefixes.kind_of(s).is_some_and(|k| IdKind::from(k) == kind)
        }
        IdKind::Vision => s.rsplit_once('-').is_some_and(|(field, no)| {
            is_field_id(field) && !no.is_empty() && no.bytes().all(|b| b.is_ascii_digit())
        }),
        IdKind::Principle => is_numbered(s, 'P'),
        IdKind::Consideration => is_numbered(s, 'C'),
        IdKind::National => is_numbered(s, 'N'),
        IdKind::Field => is_field_id(s),
        IdKind::Domain => !s.is_empty(),
    }
}

/// The kinds a link may be well-formed as, in the order they are tried.
const LINKABLE: [IdKind; 7] = [
    IdKind::Issue,
    IdKind::Method,
    IdKind::Technology,
    IdKind::Principle,
    IdKind::Consideration,
    IdKind::National,
    IdKind::Vision,
];

/// The kind `s` is well-formed as, if any.
#[must_use]
pub fn well_formed_kind(prefixes: &Prefixes, s: &str) -> Option<IdKind> {
    LINKABLE
        .into_iter()
        .find(|&k| is_well_formed(prefixes, k, s))
}

/// The well-formed ID of `kind` that `s` was probably meant to be: full-width
/// characters made half-width, invisible characters dropped, the letters'
/// case fixed.
#[must_use]
pub fn repair(prefixes: &Prefixes, kind: IdKind, s: &str) -> Option<String> {
    let half = suggest::half_width(s);
    let candidates = [half.clone(), fix_case(&half, kind)];
    candidates
        .into_iter()
        .find(|c| c != s && is_well_formed(prefixes, kind, c))
}

fn fix_case(s: &str, kind: IdKind) -> String {
    match kind {
        IdKind::Vision | IdKind::Field | IdKind::Domain => s.to_ascii_lowercase(),
        _ => s.to_ascii_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_splits_on_char_boundaries() {
        use std::cmp::Ordering::Less;
        assert_eq!(natural_cmp("K-2", "K-10"), Less);
        assert_eq!(natural_cmp("課題1", "課題2"), Less);
        assert_eq!(
            natural_cmp("Ｋ-００１", "Ｋ-００１"),
            std::cmp::Ordering::Equal
        );
        assert_eq!(natural_cmp("S-", "S-1"), Less);
        assert_eq!(natural_cmp("K-99999999999999999999999", "K-1"), Less);
    }

    #[test]
    fn patterns() {
        let p = Prefixes::default();
        assert!(is_well_formed(&p, IdKind::Issue, "K-001"));
        assert!(is_well_formed(&p, IdKind::Method, "S-0142"));
        assert!(!is_well_formed(&p, IdKind::Issue, "K-01"));
        assert!(!is_well_formed(&p, IdKind::Issue, "S-001"));
        assert!(is_well_formed(&p, IdKind::Vision, "kurashi-1"));
        assert!(!is_well_formed(&p, IdKind::Vision, "Kurashi-1"));
        assert!(is_well_formed(&p, IdKind::Principle, "P3"));
        assert_eq!(well_formed_kind(&p, "N4"), Some(IdKind::National));
    }

    #[test]
    fn repairs_full_width() {
        let p = Prefixes::default();
        assert_eq!(
            repair(&p, IdKind::Issue, "ｋ－００１").as_deref(),
            Some("K-001")
        );
        assert_eq!(
            repair(&p, IdKind::Vision, "ｋｕｒａｓｈｉ－１").as_deref(),
            Some("kurashi-1")
        );
        assert_eq!(repair(&p, IdKind::Issue, "K-001"), None);
        assert_eq!(repair(&p, IdKind::Issue, "課題1"), None);
    }
}
