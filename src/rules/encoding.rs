//! `encoding`: the file is not UTF-8.

use super::{DocText, Rule, RuleId};

pub(super) const RULE: Rule = Rule {
    id: RuleId::Encoding,
    ja: DocText {
        summary: "ファイルが UTF-8 ではありません(Shift_JIS や EUC-JP、UTF-16 と思われる場合はそう表示します)。",
        why: "文字コードが混ざると、日本語の文字化けやレコードの破損につながります。dx のレコードはすべて UTF-8 で保存します。",
        fix: "エディタで「UTF-8」を指定して保存し直してください(メモ帳: 名前を付けて保存 → 文字コード「UTF-8」。Excel から貼り付けた場合も同様)。",
    },
    en: DocText {
        summary: "The file is not UTF-8 (it says so when it looks like Shift_JIS, EUC-JP or UTF-16).",
        why: "Mixed encodings garble Japanese text and can corrupt records. dx records are UTF-8.",
        fix: "Save the file again as UTF-8 (Notepad: Save As → Encoding: UTF-8).",
    },
    example: "# Shift_JIS で保存されたファイル",
    check: None,
};
