//! `parse-error`: the file is not valid TOML.

use super::{DocText, Rule, RuleId};

pub(super) const RULE: Rule = Rule {
    id: RuleId::ParseError,
    ja: DocText {
        summary: "ファイルが TOML として読み取れません(または大きすぎます)。",
        why: "読み取れないファイルの内容は検査も集計もできません。その課題・手法・技術へのリンクは存在するものとして扱いますが、中身は空になります。",
        fix: "示された行と列の書き方を直してください。よくある原因: 文字列の閉じ引用符 \" の付け忘れ、同じキーを2回書いている、[[indicator]] などの見出しの綴り違い。",
    },
    en: DocText {
        summary: "The file is not valid TOML (or is too large).",
        why: "A file that cannot be read can be neither checked nor counted. Links to its ID still resolve, but its content is unknown.",
        fix: "Fix the syntax at the line and column shown. Common causes: a missing closing quote, a key written twice, a misspelt table header.",
    },
    example: "title = \"申請手続のオンライン化\ntitle = \"二重のキー\"",
    check: None,
};
