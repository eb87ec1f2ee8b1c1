//! A record's free texts, declared once: which kind has each, its key and
//! label (through `names::Fact`). The reader reads them from this table,
//! `dx show` lists them, the export carries them and `dx diff` compares
//! them, so a new free text of a record kind is a line here, its `Fact`
//! and labels, its place in `keys.rs` and the schema (both checked by
//! tests), and a fixture.

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
    },
    TextField {
        fact: Fact::Gap,
        kind: Kind::Issue,
    },
    // 技術: the product or service.
    TextField {
        fact: Fact::Product,
        kind: Kind::Technology,
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

    /// Every free text is a key its kind accepts (unknown keys, `dx fmt`'s
    /// order and completion read `keys.rs`).
    #[test]
    fn every_text_is_a_key_of_its_kind() {
        for t in TEXTS {
            assert!(
                crate::model::keys::record_keys(t.kind).contains(&t.key()),
                "{} is not in keys.rs for {:?}",
                t.key(),
                t.kind
            );
        }
    }
}
