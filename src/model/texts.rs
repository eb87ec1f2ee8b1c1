//! A record's free texts, declared once: which kind has each, its key and
//! label (through `names::Fact`), its place among the kind's keys and its
//! description in the JSON Schema. The reader reads them from this table,
//! the keys a kind accepts (`keys::record_keys`: unknown keys, `dx fmt`'s
//! order, completion) and the schemas include them, `dx show` lists them,
//! the export carries them and `dx diff` compares them, so a new free text
//! of a record kind is a line here, its `Fact` and labels, and a fixture.

use compact_str::CompactString;
use thin_vec::ThinVec;

use super::Kind;
use crate::files::Sp;
use crate::names::Fact;

/// One free text of a record kind.
#[derive(Clone, Copy, Debug)]
pub struct TextField {
    /// Its key and label.
    pub fact: Fact,
    /// The record kind that has it.
    pub kind: Kind,
    /// The key it follows in the kind's canonical order (`dx fmt`).
    pub after: &'static str,
    /// What it is, for the JSON Schema (and so for editors' hover).
    pub description: &'static str,
}

impl TextField {
    /// The key as written in records.
    #[must_use]
    pub const fn key(&self) -> &'static str {
        self.fact.as_str()
    }
}

/// Every free text of every record kind, in the order `dx show` lists and
/// `dx diff` compares them.
pub const TEXTS: &[TextField] = &[
    // 課題: 現状 and the gap to the ビジョン.
    TextField {
        fact: Fact::Current,
        kind: Kind::Issue,
        after: "vision",
        description: "現状",
    },
    TextField {
        fact: Fact::Gap,
        kind: Kind::Issue,
        after: "current",
        description: "ビジョンとのギャップ",
    },
    // 技術: the product or service.
    TextField {
        fact: Fact::Product,
        kind: Kind::Technology,
        after: "national",
        description: "製品・サービス名",
    },
];

/// A record's free texts as written, in [`TEXTS`] order; most records have
/// one or two, many none (an empty list costs a pointer).
pub type Texts = ThinVec<(Fact, Sp<CompactString>)>;

/// The free texts of `kind`.
pub fn of_kind(kind: Kind) -> impl Iterator<Item = &'static TextField> {
    TEXTS.iter().filter(move |t| t.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every free text is a key its kind accepts, right after the key it
    /// names (unknown keys, `dx fmt`'s order and completion read
    /// `keys::record_keys`), and only once.
    #[test]
    fn every_text_is_a_key_of_its_kind_in_its_place() {
        for t in TEXTS {
            let keys = crate::model::keys::record_keys(t.kind);
            let at = keys.iter().position(|k| *k == t.key());
            assert!(at.is_some(), "{} is not a key of {:?}", t.key(), t.kind);
            assert_eq!(
                at.and_then(|i| i.checked_sub(1)).map(|i| keys[i]),
                Some(t.after),
                "{} follows {}",
                t.key(),
                t.after
            );
            assert_eq!(keys.iter().filter(|k| **k == t.key()).count(), 1);
        }
    }
}
