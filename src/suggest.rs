//! "Did you mean": the nearest candidate by edit distance, and the half-width
//! form of IDs typed with a Japanese input method.

/// The candidate closest to `input`, if it is close enough to be a typo.
pub fn nearest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let limit = (input.chars().count() / 3).max(1);
    let lower = input.to_lowercase();
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let by_distance = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        // Ties go to the smallest candidate so that output is stable.
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c);
    // A shortened word (実証 for 実証実験) is far by edits but plain to see.
    by_distance.or_else(|| {
        candidates
            .iter()
            .filter(|c| !input.is_empty() && (c.contains(input) || input.contains(**c)))
            .min_by_key(|c| (c.chars().count(), **c))
            .copied()
    })
}

/// Characters that are invisible but break an ID.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// The half-width form of one character typed in full-width: the full-width
/// ASCII block, the ideographic space, and the dashes an input method offers
/// for `-` (including the long vowel mark ー).
#[must_use]
pub fn half_width_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF70}' => '-',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The half-width form of text typed in full-width (ｋ－００１ → k-001), with
/// invisible characters and surrounding spaces removed.
#[must_use]
pub fn half_width(input: &str) -> String {
    input
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(half_width_char)
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_only() {
        let keys = ["title", "solves", "stage"];
        assert_eq!(nearest("titel", keys), Some("title"));
        assert_eq!(nearest("solve", keys), Some("solves"));
        assert_eq!(nearest("completely-different", keys), None);
        assert_eq!(
            nearest("実証", ["検討", "実証実験", "運用"]),
            Some("実証実験")
        );
    }

    #[test]
    fn half_width_of_ime_input() {
        assert_eq!(half_width("ｋ－００１"), "k-001");
        assert_eq!(half_width("K\u{200B}-001"), "K-001");
        assert_eq!(half_width("Ｓ−０１２　"), "S-012");
    }
}
