//! `missing-key`: a required key (or a required file) is absent.

use super::{DocText, Rule, RuleId};

pub(super) const RULE: Rule = Rule {
    id: RuleId::MissingKey,
    ja: DocText {
        summary: "必須のキー(または必須のファイル dx.toml・principles.toml・national.toml)がありません。",
        why: "題名・段階・リンクなどの必須項目がないと、状況表やギャップ分析に正しく載りません。",
        fix: "表示されたキーを追加してください。課題は title と vision、手法は title・solves・principles・stage、技術は title・implements・stage が必須です。",
    },
    en: DocText {
        summary: "A required key (or a required file: dx.toml, principles.toml, national.toml) is absent.",
        why: "Without its title, stage or links a record cannot be placed in the status tables and gap report.",
        fix: "Add the key. 課題 need title and vision; 手法 title, solves, principles, stage; 技術 title, implements, stage.",
    },
    example: "title = \"申請手続のオンライン化\"\nsolves = [\"K-001\"]\n# principles と stage がない",
    check: None,
};
