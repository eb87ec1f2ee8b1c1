//! `personal-data`: text that looks like personal data.
//!
//! Records are shared in git and published in part, so a My Number, a phone
//! number or a private e-mail address must never be in them — not in a
//! value, not in a key nobody reads, not in a comment. The files are
//! therefore read as written, line by line, rather than the model's values:
//! the loader runs the scanner of [`crate::privacy`] on each file while its
//! text is at hand, so this module holds only the rule's documentation.

use super::{DocText, Rule, RuleId};

pub(super) const RULE: Rule = Rule {
    id: RuleId::PersonalData,
    ja: DocText {
        summary: "個人情報と思われる文字列があります: 検査用数字が正しい12桁の個人番号(マイナンバー)、電話番号、許可されていないドメインのメールアドレス。値だけでなくコメントも調べます。",
        why: "レコードは git で共有され、一部は市民に公開されます。5原則に添えられた配慮のとおり、個人情報やプライバシーは高いセキュリティ水準で守ります。",
        fix: "個人を特定できる情報を削除し、「市民課」「デジタル推進課長」のように部署や役職で書いてください。市の代表番号や課の電話番号・メールアドレスを書く場合は、dx.toml の [privacy] に allowed_phone_numbers(番号)や allowed_email_domains(市のドメイン)として登録します。",
    },
    en: DocText {
        summary: "Text that looks like personal data: a 12-digit My Number with a valid check digit, a phone number, an e-mail address outside allowed_email_domains. Comments are read too.",
        why: "Records are shared in git and partly published; personal data must never be in them.",
        fix: "Remove it and name a department or role instead. List the city's public numbers in dx.toml [privacy] allowed_phone_numbers and its mail domain in allowed_email_domains.",
    },
    example: "note = \"担当 山田 090-1234-5678\"",
    // Found while loading (crate::privacy).
    check: None,
};
