//! `personal-data`: text that looks like personal data.
//!
//! Records are shared in git and published in part, so a My Number, a phone
//! number or a private e-mail address must never be in them. Text is matched
//! after folding full-width digits and dashes to half-width, so that
//! ０９０－１２３４－５６７８ is caught like 090-1234-5678.

use std::sync::LazyLock;

use regex::Regex;

use super::{Context, DocText, Rule, RuleId};
use crate::diag::{Diagnostic, Message, PersonalKind, Severity};
use crate::files::Span;

pub(super) const RULE: Rule = Rule {
    id: RuleId::PersonalData,
    severity: Severity::Error,
    ja: DocText {
        summary: "個人情報と思われる文字列があります: 検査用数字が正しい12桁の個人番号(マイナンバー)、電話番号、許可されていないドメインのメールアドレス。",
        why: "レコードは git で共有され、一部は市民に公開されます。5原則に添えられた配慮のとおり、個人情報やプライバシーは高いセキュリティ水準で守ります。",
        fix: "個人を特定できる情報を削除し、「市民課」「デジタル推進課長」のように部署や役職で書いてください。市の代表番号や課のメールアドレスを書く場合は、dx.toml の [privacy] allowed_email_domains に市のドメインを登録します。",
    },
    en: DocText {
        summary: "Text that looks like personal data: a 12-digit My Number with a valid check digit, a phone number, an e-mail address outside allowed_email_domains.",
        why: "Records are shared in git and partly published; personal data must never be in them.",
        fix: "Remove it and name a department or role instead. Allow the city's own mail domain in dx.toml [privacy] allowed_email_domains.",
    },
    example: "note = \"担当 山田 090-1234-5678\"",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let allowed = &ctx.model.settings.allowed_email_domains;
    for r in &ctx.model.records {
        for text in r.texts() {
            for (kind, range) in find(&text.value, allowed) {
                let matched = &text.value[range];
                let masked = mask(matched, kind);
                // Point at the match inside the string as written; escapes
                // can make it differ from the value, then the whole string.
                let raw = ctx.model.files.snippet(text.span);
                let span = raw.find(matched).map_or(text.span, |at| {
                    let start = text.span.start as usize + at;
                    Span::new(text.span.file, start..start + matched.len())
                });
                let message = Message::PersonalData { kind, masked };
                out.push(Diagnostic::new(RULE.id, span, message).with_record(Some(&r.id)));
            }
        }
    }
}

static MY_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}").expect("valid pattern"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"0[0-9]{1,4}(?:-[0-9]{1,4}-|\([0-9]{1,4}\))[0-9]{3,4}|0[0-9]{9,10}")
        .expect("valid pattern")
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+").expect("valid pattern")
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

/// Every stretch of `s` that looks like personal data, as byte ranges of `s`.
#[must_use]
pub fn find(s: &str, allowed_domains: &[String]) -> Vec<(PersonalKind, std::ops::Range<usize>)> {
    // Most texts hold no digit and no @: skip the folding for them.
    if !s
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '@' || c == '＠')
    {
        return Vec::new();
    }
    let f = fold(s);
    let t = f.text.as_str();
    let mut found = Vec::new();
    for m in MY_NUMBER.find_iter(t) {
        if isolated(t, m.start(), m.end())
            && !is_amount(t, m.start(), m.end())
            && my_number_valid(m.as_str())
        {
            found.push((PersonalKind::MyNumber, m.range()));
        }
    }
    for m in PHONE.find_iter(t) {
        let digits = m.as_str().bytes().filter(u8::is_ascii_digit).count();
        let mobile = ["050", "070", "080", "090"]
            .iter()
            .any(|p| m.as_str().starts_with(p));
        let fits = if mobile { digits == 11 } else { digits == 10 };
        if fits && isolated(t, m.start(), m.end()) && !is_amount(t, m.start(), m.end()) {
            found.push((PersonalKind::Phone, m.range()));
        }
    }
    for m in EMAIL.find_iter(t) {
        let domain = m
            .as_str()
            .rsplit('@')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let ok = allowed_domains
            .iter()
            .any(|a| domain == *a || domain.ends_with(&format!(".{a}")));
        if !ok {
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

/// Not part of a longer number, ID or word: K-0901234567 is an ID.
fn isolated(t: &str, start: usize, end: usize) -> bool {
    let before = t[..start].chars().next_back();
    let after = t[end..].chars().next();
    let joins = |c: Option<char>| {
        c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == ',')
    };
    !joins(before) && !joins(after)
}

/// Followed by a unit of money or count, or preceded by a currency sign.
fn is_amount(t: &str, start: usize, end: usize) -> bool {
    let before = t[..start].chars().next_back();
    let after = t[end..].trim_start().chars().next();
    matches!(before, Some('¥' | '￥' | '$'))
        || matches!(
            after,
            Some('円' | '万' | '億' | '千' | '件' | '人' | '%' | '％' | '台' | '枚')
        )
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

/// Enough to recognise, not enough to leak in a CI log.
fn mask(s: &str, kind: PersonalKind) -> String {
    match kind {
        PersonalKind::Email => {
            let (local, domain) = s.split_once(['@', '＠']).unwrap_or((s, ""));
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        PersonalKind::MyNumber | PersonalKind::Phone => {
            let mut seen = 0;
            s.chars()
                .map(|c| {
                    let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
                    if digit {
                        seen += 1;
                    }
                    if digit && seen > 3 { '*' } else { c }
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<PersonalKind> {
        find(s, &["city.nishinomiya.lg.jp".to_owned()])
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    }

    #[test]
    fn finds_personal_data() {
        assert_eq!(kinds("担当 090-1234-5678"), [PersonalKind::Phone]);
        assert_eq!(kinds("０７９８－３５－３１５１"), [PersonalKind::Phone]);
        assert_eq!(kinds("連絡先 09012345678 まで"), [PersonalKind::Phone]);
        assert_eq!(kinds("taro@example.com"), [PersonalKind::Email]);
        // 123456789018 has a valid check digit.
        assert_eq!(kinds("番号 123456789018"), [PersonalKind::MyNumber]);
        assert_eq!(kinds("番号 1234 5678 9018"), [PersonalKind::MyNumber]);
    }

    #[test]
    fn leaves_dates_amounts_and_ids_alone() {
        assert!(kinds("2025-03-31 に開始").is_empty());
        assert!(kinds("予算 123456789018円").is_empty());
        assert!(kinds("法人番号 1234567890123").is_empty());
        assert!(kinds("K-0901234567 を参照").is_empty());
        assert!(kinds("番号 123456789012").is_empty(), "bad check digit");
        assert!(kinds("dx@city.nishinomiya.lg.jp").is_empty());
        assert!(kinds("1,000,000 円").is_empty());
    }

    #[test]
    fn spans_map_back_through_full_width() {
        let s = "電話０９０－１２３４－５６７８";
        let found = find(s, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(&s[found[0].1.clone()], "０９０－１２３４－５６７８");
        assert_eq!(
            mask(&s[found[0].1.clone()], PersonalKind::Phone),
            "０９０－＊＊＊＊－＊＊＊＊".replace('＊', "*")
        );
    }
}
