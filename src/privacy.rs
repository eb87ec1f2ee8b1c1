//! Text that looks like personal data: a My Number with a valid check
//! digit, a phone number, an e-mail address outside the allowed domains.
//!
//! One scanner for everyone who needs it: the loader looks for personal
//! data in every file as written (comments included) while its text is at
//! hand, the `personal-data` rule documents it, and the terminal renderer
//! masks every such stretch of a line it echoes. Text is matched after
//! folding full-width digits and dashes to half-width, so that
//! ０９０－１２３４－５６７８ is caught like 090-1234-5678.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// What kind of personal data a text seems to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonalKind {
    /// A 12-digit individual number with a valid check digit.
    MyNumber,
    /// A telephone number.
    Phone,
    /// An e-mail address outside the allowed domains.
    Email,
}

/// What the tree says is not personal data.
pub struct Allow<'a> {
    email_domains: &'a [String],
    /// Phone numbers as digits only, national form (0798353151).
    phones: Vec<String>,
}

impl<'a> Allow<'a> {
    /// From dx.toml `[privacy]`: the city's mail domains and its public
    /// phone numbers.
    #[must_use]
    pub fn new(email_domains: &'a [String], phone_numbers: &[String]) -> Self {
        Self {
            email_domains,
            phones: phone_numbers
                .iter()
                .filter_map(|p| national_digits(&fold(p).text))
                .collect(),
        }
    }
}

/// Every stretch of a file that looks like personal data, line by line,
/// as byte ranges.
pub fn scan(text: &str, allow: &Allow<'_>) -> Vec<(PersonalKind, Range<usize>)> {
    let mut found = Vec::new();
    // Every file of a tree passes here, and most hold nothing that could
    // match: one pass over the bytes settles them.
    if !may_hold(text.as_bytes()) {
        return found;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        found.extend(
            find(line, allow)
                .into_iter()
                .map(|(k, r)| (k, start + r.start..start + r.end)),
        );
        start += line.len();
    }
    found
}

/// The three patterns, compiled once.
struct Patterns {
    my_number: Regex,
    phone: Regex,
    email: Regex,
}

// The patterns are constants, so compiling them cannot fail on any input;
// `patterns_compile` below proves it. Were one ever broken, the scan would
// find nothing rather than stop `dx check` halfway.
static PATTERNS: LazyLock<Option<Patterns>> = LazyLock::new(|| {
    Some(Patterns {
        my_number: Regex::new(r"[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}").ok()?,
        // A separator: a space, or a hyphen or dot with spaces around it
        // (090 - 1234 - 5678, 090.1234.5678).
        phone: Regex::new(
            r"(?x)
              \+81(?:\ ?[-.]?\ ?)(?:\(0\)\ ?)?[1-9][0-9]{0,3}(?:\ ?[-.]?\ ?)[0-9]{1,4}(?:\ ?[-.]?\ ?)[0-9]{3,4}  # +81 90-1234-5678
            | \(0[0-9]{1,4}\)\ ?[0-9]{1,4}(?:\ ?[-.]?\ ?)[0-9]{3,4}                          # (0798) 35-3151
            | 0[0-9]{1,4}(?:(?:\ ?[-.]\ ?|\ )[0-9]{1,4}(?:\ ?[-.]\ ?|\ )|\([0-9]{1,4}\))[0-9]{3,4}   # 0798-35-3151, 0798(35)3151
            | 0[0-9]{9,10}                                                            # 0798353151
            ",
        )
        .ok()?,
        email: Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+").ok()?,
    })
});

/// Text with full-width characters folded, and where each byte came from.
struct Folded {
    text: String,
    origin: Vec<usize>,
}

fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len() + 1);
    for (at, c) in s.char_indices() {
        let h = crate::suggest::half_width_char(c);
        text.push(h);
        origin.extend(std::iter::repeat_n(at, h.len_utf8()));
    }
    origin.push(s.len());
    Folded { text, origin }
}

/// The number in national form, digits only (`+81 90…` → `090…`), or
/// `None` when it has not the length of a Japanese phone number or is a
/// business number (フリーダイヤル 0120/0800, ナビダイヤル 0570, 0180, 0990).
fn national_digits(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let national = match digits.strip_prefix("81") {
        Some(rest) if s.trim_start().starts_with('+') => {
            format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
        }
        _ => digits,
    };
    if ["0120", "0800", "0570", "0180", "0990"]
        .iter()
        .any(|p| national.starts_with(p))
    {
        return None;
    }
    let long = ["020", "050", "060", "070", "080", "090"]
        .iter()
        .any(|p| national.starts_with(p));
    let fits = national.starts_with('0') && national.len() == if long { 11 } else { 10 };
    fits.then_some(national)
}

/// Every stretch of `s` that looks like personal data, as byte ranges of `s`.
#[must_use]
pub fn find(s: &str, allow: &Allow<'_>) -> Vec<(PersonalKind, Range<usize>)> {
    if !may_hold(s.as_bytes()) {
        return Vec::new();
    }
    find_in(s, allow)
}

/// [`find`] without the quick test.
fn find_in(s: &str, allow: &Allow<'_>) -> Vec<(PersonalKind, Range<usize>)> {
    let Some(patterns) = PATTERNS.as_ref() else {
        return Vec::new();
    };
    let f = fold(s);
    let t = f.text.as_str();
    let mut found = Vec::new();
    for m in patterns.my_number.find_iter(t) {
        if isolated(t, m.start(), m.end())
            && !counted(t, m.start(), m.end())
            && !public_number(t, m.start())
            && my_number_valid(m.as_str())
        {
            found.push((PersonalKind::MyNumber, m.range()));
        }
    }
    for m in patterns.phone.find_iter(t) {
        let personal = national_digits(m.as_str()).is_some_and(|n| !allow.phones.contains(&n));
        if personal
            && (isolated(t, m.start(), m.end()) || labelled_phone(t, m.start(), m.end()))
            && !counted(t, m.start(), m.end())
            && !public_number(t, m.start())
        {
            found.push((PersonalKind::Phone, m.range()));
        }
    }
    for m in patterns.email.find_iter(t) {
        let domain = m
            .as_str()
            .rsplit('@')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let ok = allow
            .email_domains
            .iter()
            .any(|a| domain == *a || domain.ends_with(&format!(".{a}")));
        // git@github.com:org/repo.git is a remote, logo@2x.png a file.
        let remote = t[m.end()..].starts_with(':');
        let file = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf"]
            .iter()
            .any(|x| domain.ends_with(x));
        if !ok && !remote && !file {
            found.push((PersonalKind::Email, m.range()));
        }
    }
    found.sort_by_key(|(_, r)| r.start);
    found.dedup_by(|b, a| b.1.start < a.1.end);
    found
        .into_iter()
        .map(|(k, r)| (k, f.origin[r.start]..f.origin[r.end]))
        .collect()
}

/// Whether `b` has an @ (or ＠), or ten digits (ASCII or full-width) in one
/// stretch that a phone number or My Number could span: a personal phone
/// number has ten digits or more, a My Number twelve, an address an @, and
/// a match of any pattern is one such stretch. A stretch runs over digits,
/// the separators the patterns allow (space, `-`, `(`, `)`, `+`) and any
/// non-ASCII character (full-width forms and dashes fold to those);
/// anything else ASCII ends it, so that `["K-0001", "K-0002"]` or two
/// dates on one line do not count as one number.
/// Bytes, not characters: full-width ０–９ are EF BC 90–99, ＠ is EF BC A0.
fn may_hold(b: &[u8]) -> bool {
    let mut digits = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' => digits += 1,
            b' ' | b'-' | b'(' | b')' | b'+' | b'.' => {}
            b'@' => return true,
            0xEF if b.get(i + 1) == Some(&0xBC) => match b.get(i + 2) {
                Some(0x90..=0x99) => {
                    digits += 1;
                    i += 2;
                }
                Some(0xA0) => return true,
                _ => {}
            },
            0x80.. => {}
            _ => digits = 0,
        }
        if digits >= 10 {
            return true;
        }
        i += 1;
    }
    false
}

/// Not part of a longer number, ID or word: K-0901234567 is an ID.
fn isolated(t: &str, start: usize, end: usize) -> bool {
    let before = t[..start].chars().next_back();
    let after = t[end..].chars().next();
    let joins = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == ',')
    };
    !joins(before) && !joins(after)
}

/// An amount, a count or a serial: preceded by a currency sign or 第/No.,
/// or followed by a unit (円, 件, 人, 号 …).
fn counted(t: &str, start: usize, end: usize) -> bool {
    let raw = &t[..start];
    let before = raw.trim_end();
    let after = t[end..].trim_start();
    // `#1234…` is a serial; `# 0798…` a TOML comment beginning with a number.
    raw.ends_with('#')
        || ["¥", "$", "第", "No.", "No", "№"]
            .iter()
            .any(|p| before.ends_with(p))
        || after.starts_with([
            '円', '万', '億', '千', '件', '人', '%', '台', '枚', '号', '回', '個', '本', '歳',
            '冊', '点', '名', '世', '戸', '株', '口',
        ])
}

/// Right after a phone label (TEL090-1234-5678, TEL.0798-35-3151): the
/// label's letters or dot touch the number, which is still a number.
fn labelled_phone(t: &str, start: usize, end: usize) -> bool {
    let before = t[..start].trim_end_matches([':', '.', ' ', '：']);
    let after = t[end..].chars().next();
    let label = [
        "TEL", "Tel", "tel", "電話", "携帯", "FAX", "Fax", "fax", "℡",
    ]
    .iter()
    .any(|l| before.ends_with(l));
    label && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Preceded closely by the name of a public number: 法人番号 and its kin
/// are published identifiers of organisations, not of people.
fn public_number(t: &str, start: usize) -> bool {
    // The twelve characters before the number.
    let from = t[..start]
        .char_indices()
        .rev()
        .nth(11)
        .map_or(0, |(i, _)| i);
    let before = &t[from..start];
    [
        "法人番号",
        "会社法人等番号",
        "登録番号",
        "事業者番号",
        "医療機関コード",
        "団体コード",
        "郵便番号",
        "〒",
        // Numbers of documents and cases, labelled as such.
        "管理番号",
        "整理番号",
        "受付番号",
        "文書番号",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// The check digit of the individual number (番号法施行令 第8条).
fn my_number_valid(s: &str) -> bool {
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 12 {
        return false;
    }
    let sum: u32 = (1..=11)
        .map(|n| {
            let p = d[11 - n];
            let q = if n <= 6 { n + 1 } else { n - 5 };
            p * u32::try_from(q).unwrap_or(0)
        })
        .sum();
    let r = sum % 11;
    let check = if r <= 1 { 0 } else { 11 - r };
    d[11] == check
}

/// Enough to recognise, not enough to leak in a CI log: the first three
/// digits of a number, the first letter of an address. Each hidden
/// character becomes `*` (`＊` for a full-width one), so the text keeps its
/// byte length and the echoed source line its columns.
#[must_use]
pub fn mask(s: &str, kind: PersonalKind) -> String {
    let star = |c: char| match c.len_utf8() {
        1 => '*',
        3 => '＊',
        _ => c,
    };
    let mut seen = 0;
    let mut in_domain = false;
    s.chars()
        .map(|c| match kind {
            PersonalKind::Email => {
                in_domain |= c == '@' || c == '＠';
                seen += 1;
                if in_domain || seen == 1 { c } else { star(c) }
            }
            PersonalKind::MyNumber | PersonalKind::Phone => {
                let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
                seen += usize::from(digit);
                if digit && seen > 3 { star(c) } else { c }
            }
        })
        .collect()
}

/// `s` with every stretch that looks like personal data masked: for
/// messages and help, which quote what a file says (an unknown key, a
/// value) wherever a finding is printed — a CI log, a SARIF upload.
#[must_use]
pub fn mask_all(s: &str) -> std::borrow::Cow<'_, str> {
    let found = find(s, &Allow::new(&[], &[]));
    if found.is_empty() {
        return s.into();
    }
    let mut out = s.to_owned();
    for (kind, range) in found.into_iter().rev() {
        if let Some(stretch) = s.get(range.clone()) {
            out.replace_range(range, &mask(stretch, kind));
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_test_passes_what_may_match() {
        for s in [
            "090-1234-5678",
            "tel ０７９８ー３５ー３１５１",
            "+81 (0)90 1234 5678",
            "1234 5678 9012",
            "a@b.jp",
            "ａ＠ｂ.jp",
            "（0798）35-3151",
        ] {
            assert!(may_hold(s.as_bytes()), "{s}");
        }
        for s in [
            "solves = [\"K-0001\", \"K-0002\", \"K-0003\"]",
            "date = 2026-04-01",
            "period = \"2026-04-01/2027-03-31\"",
            "baseline = 12345.678",
            "title = \"窓口のデジタル化\"",
        ] {
            assert!(!may_hold(s.as_bytes()), "{s}");
        }
    }

    /// A phone number or My Number as staff type them: cut into groups
    /// anywhere, the groups joined by any separator the patterns or the
    /// folding know (or one they do not), each digit ASCII or full-width.
    fn typed_number() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let number = proptest::sample::select(vec![
            "0798353151",
            "09012345678",
            "+819012345678",
            "123456789018",
            "0120123456",
            "0798(35)3151",
            "(0798)353151",
            "+81(0)9012345678",
            "1234 5678 9018",
            "090 1234 5678",
            "0798-35-3151",
        ]);
        let sep = proptest::sample::select(vec![
            " ", "-", "(", ")", "ー", "－", "−", "‐", "\u{3000}", "（", "）", ".", ",", "\"", "年",
        ]);
        let cuts = proptest::collection::vec(proptest::option::weighted(0.08, sep), 16);
        (number, cuts, proptest::collection::vec(any::<bool>(), 16)).prop_map(
            |(number, cuts, wide)| {
                let mut s = String::new();
                for (i, c) in number.chars().enumerate() {
                    if i > 0
                        && let Some(sep) = cuts[i]
                    {
                        s.push_str(sep);
                    }
                    let c = if wide[i] && c.is_ascii_digit() {
                        char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                    } else {
                        c
                    };
                    s.push(c);
                }
                s
            },
        )
    }

    proptest::proptest! {
        /// What the quick test turns away, the patterns would not have
        /// reported either.
        #[test]
        fn quick_test_turns_away_nothing_reportable(
            before in proptest::sample::select(vec!["", "tel ", "K-", "\"", "電話：", "a@b "]),
            number in typed_number(),
            after in proptest::sample::select(vec!["", " ", "\"", "です", "円", "\n", "@x.jp"]),
        ) {
            let s = format!("{before}{number}{after}");
            let allow = Allow { email_domains: &[], phones: Vec::new() };
            if !may_hold(s.as_bytes()) {
                proptest::prop_assert!(find_in(&s, &allow).is_empty(), "{:?}", s);
            }
        }
    }

    #[test]
    fn patterns_compile() {
        assert!(
            PATTERNS.is_some(),
            "a personal-data pattern does not compile"
        );
    }

    const NONE: &[String] = &[];

    fn city() -> (Vec<String>, Vec<String>) {
        (
            vec!["city.nishinomiya.lg.jp".to_owned()],
            vec!["0798-35-3151".to_owned()],
        )
    }

    fn kinds(s: &str) -> Vec<PersonalKind> {
        let (domains, phones) = city();
        find(s, &Allow::new(&domains, &phones))
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    }

    #[test]
    fn finds_phone_numbers_in_every_usual_form() {
        for s in [
            "担当 090-1234-5678",
            "連絡先 09012345678 まで",
            "携帯 090 1234 5678",
            "携帯 ０９０－１２３４－５６７８",
            "携帯 ０９０ー１２３４ー５６７８",
            "携帯 ０９０１２３４５６７８",
            "自宅 06-6123-4567",
            "自宅 0797(12)3456",
            "自宅 (0797) 12-3456",
            "自宅 （０７９７）１２－３４５６",
            "IP 050-1234-5678",
            "海外から +81-90-1234-5678",
            "海外から +81 (0)90 1234 5678",
            "+819012345678",
            "電話:0797123456。",
            "tel=03-1234-5678",
        ] {
            assert_eq!(kinds(s), [PersonalKind::Phone], "{s}");
        }
    }

    #[test]
    fn finds_my_numbers_and_addresses() {
        // 123456789018 has a valid check digit.
        assert_eq!(kinds("番号 123456789018"), [PersonalKind::MyNumber]);
        assert_eq!(kinds("番号 1234 5678 9018"), [PersonalKind::MyNumber]);
        assert_eq!(kinds("番号 1234-5678-9018"), [PersonalKind::MyNumber]);
        assert_eq!(
            kinds("番号 １２３４５６７８９０１８"),
            [PersonalKind::MyNumber]
        );
        assert_eq!(kinds("taro@example.com"), [PersonalKind::Email]);
        assert_eq!(
            kinds("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
            [PersonalKind::Email]
        );
        assert_eq!(
            kinds("x@nishinomiya.lg.jp.evil.example"),
            [PersonalKind::Email]
        );
        assert_eq!(
            kinds("山田 090-1234-5678 taro@example.com"),
            [PersonalKind::Phone, PersonalKind::Email]
        );
    }

    #[test]
    fn leaves_dates_amounts_ids_and_public_numbers_alone() {
        for s in [
            "2025-03-31 に開始",
            "令和7年4月1日から 2025/04/01",
            "20250401 に開始",
            "予算 123456789018円",
            "予算 ¥1234567890",
            "事業費 0123456789 千円",
            "1,000,000 円",
            "利用者 0123456789 人",
            "西宮市告示第0123456789号",
            "No. 0123456789",
            "法人番号 1234567890123",
            "法人番号: 123456789018",
            "登録番号 T1234567890123",
            "〒662-8567 西宮市六湛寺町10-3",
            "郵便番号 6628567",
            "K-0901234567 を参照",
            "S-001 と S-002",
            "番号 123456789012",
            "フリーダイヤル 0120-123-456",
            "ナビダイヤル 0570-000-123",
            "0800-123-4567",
            "市代表 0798-35-3151",
            "市代表 ０７９８－３５－３１５１",
            "dx@city.nishinomiya.lg.jp",
            "jinji@soumu.city.nishinomiya.lg.jp",
            "v1.0901234567",
            "12:00-13:00",
            "0.5 から 1.5 へ",
            "review_due = 2027-03-31",
            "baseline = 5.0",
        ] {
            assert!(kinds(s).is_empty(), "{s}: {:?}", kinds(s));
        }
    }

    #[test]
    fn spans_map_back_through_full_width() {
        let s = "電話０９０－１２３４－５６７８";
        let found = find(s, &Allow::new(NONE, NONE));
        assert_eq!(found.len(), 1);
        assert_eq!(&s[found[0].1.clone()], "０９０－１２３４－５６７８");
    }

    #[test]
    fn masks_keep_length() {
        for (s, kind, masked) in [
            ("090-1234-5678", PersonalKind::Phone, "090-****-****"),
            ("０９０－１２３４", PersonalKind::Phone, "０９０－＊＊＊＊"),
            ("taro@example.com", PersonalKind::Email, "t***@example.com"),
            ("1234 5678 9018", PersonalKind::MyNumber, "123* **** ****"),
        ] {
            let m = mask(s, kind);
            assert_eq!(m, masked);
            assert_eq!(m.len(), s.len());
        }
    }

    #[test]
    fn scans_comments_and_every_line() {
        let text = "title = \"課題\"\n# 担当 090-1234-5678\nmemo = \"a@example.com\"\n";
        let found = scan(text, &Allow::new(NONE, NONE));
        let hits: Vec<&str> = found.iter().map(|(_, r)| &text[r.clone()]).collect();
        assert_eq!(hits, ["090-1234-5678", "a@example.com"]);
    }
}
