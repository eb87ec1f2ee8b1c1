//! `unknown-key`: a key the schema does not know.

use super::{DocText, Rule, RuleId};

pub(super) const RULE: Rule = Rule {
    id: RuleId::UnknownKey,
    ja: DocText {
        summary: "そのファイルの種類では使えないキーがあります。",
        why: "綴り違いのキーは無視されるのではなく、書いたつもりの情報が失われます(例: titel と書くと題名がないことになる)。",
        fix: "表示された候補のキーに直すか、不要なら行を削除してください。使えるキーは SPEC §2 と schemas/ にあります。",
    },
    en: DocText {
        summary: "A key the schema of this file does not know.",
        why: "A misspelt key is not ignored: what it was meant to say is lost (titel leaves the record without a title).",
        fix: "Rename it to the suggested key, or delete it.",
    },
    example: "titel = \"申請手続のオンライン化\"",
    check: None,
};
