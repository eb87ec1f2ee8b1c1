//! `invalid-value`: a value of the wrong type or outside its vocabulary.

use super::{DocText, Rule, RuleId};

pub(super) const RULE: Rule = Rule {
    id: RuleId::InvalidValue,
    ja: DocText {
        summary: "値の型が違うか、決められた語彙にない値です。",
        why: "段階や公開区分などは決められた語で集計します。表記ゆれがあると集計から漏れます。",
        fix: "表示された候補の語に直してください。日付は引用符なしの 2025-03-31 の形、数値は引用符なしで書きます。",
    },
    en: DocText {
        summary: "A value of the wrong type, or outside its vocabulary.",
        why: "Stages, visibility and the like are counted by their exact words; a variant spelling drops out of every table.",
        fix: "Use the suggested word. Dates are unquoted (2025-03-31); numbers are unquoted.",
    },
    example: "stage = \"実証\"\nreview_due = \"2026-03-31\"",
    check: None,
};
