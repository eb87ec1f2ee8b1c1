//! The closed vocabularies of SPEC §2–§3, with their Japanese spellings,
//! and the kinds of thing an ID can name.
//!
//! The bottom of the domain layers: words only, no model. Findings
//! ([`crate::diag`]) name kinds and stages, and the model is built from
//! findings, so the words sit below both.

/// Declares a vocabulary enum whose values are spelled in Japanese in the
/// records, so that parsing, listing and printing share one table.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $ja:literal / $en:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// Every value as written in records.
            pub const WORDS: &'static [&'static str] = &[$($ja),+];

            /// The value as written in records.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $ja),+ }
            }

            /// The English name, for `--lang en`.
            #[must_use]
            pub fn en(self) -> &'static str {
                match self { $(Self::$variant => $en),+ }
            }

            /// Read a value as written in records.
            #[must_use]
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($ja => Some(Self::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// Stage of a 手法 or 技術, following the guideline's four processes.
    Stage {
        /// Identified, under study.
        Study = "検討" / "study",
        /// In a pilot (実証実験).
        Pilot = "実証実験" / "pilot",
        /// Early adoption in part of the office.
        EarlyAdoption = "先行導入" / "early adoption",
        /// Adoption decided.
        Decided = "導入決定" / "adoption decided",
        /// In operation, under periodic review.
        Operation = "運用" / "in operation",
        /// Decided against.
        Rejected = "見送り" / "rejected",
        /// Retired after a review.
        Retired = "廃止" / "retired",
    }
}

impl Stage {
    /// 実証実験 or 先行導入: trying it out.
    #[must_use]
    pub fn is_pilot(self) -> bool {
        matches!(self, Self::Pilot | Self::EarlyAdoption)
    }

    /// 見送り or 廃止: no longer pursued.
    #[must_use]
    pub fn is_retired(self) -> bool {
        matches!(self, Self::Rejected | Self::Retired)
    }

    /// Stages that must carry an 評価指標.
    #[must_use]
    pub fn needs_indicator(self) -> bool {
        matches!(
            self,
            Self::Pilot | Self::EarlyAdoption | Self::Decided | Self::Operation
        )
    }

    /// Stages that must carry a decision.
    #[must_use]
    pub fn needs_decision(self) -> bool {
        matches!(self, Self::Decided | Self::Rejected | Self::Retired)
    }
}

vocabulary! {
    /// How far a city's pages meet JIS X 8341-3:2016 (the 対応度 of an
    /// accessibility statement, みんなの公共サイト運用ガイドライン).
    Conformance {
        /// Every criterion of the target level is met (準拠).
        Full = "準拠" / "conforms",
        /// Met but for what the statement lists (一部準拠).
        Partial = "一部準拠" / "partially conforms",
        /// Made with the criteria in mind, not yet tested in full (配慮).
        Considered = "配慮" / "takes the standard into account",
    }
}

vocabulary! {
    /// Derived progress of a 課題 (SPEC §3).
    Progress {
        /// No 手法 yet.
        NotStarted = "未着手" / "not started",
        /// A 手法 under study.
        Studying = "検討中" / "studying",
        /// A 手法 in a pilot or early adoption.
        Piloting = "実証中" / "piloting",
        /// A 手法 whose adoption is decided.
        Decided = "導入決定" / "adoption decided",
        /// A 手法 in operation.
        Operating = "運用中" / "in operation",
        /// Closed.
        Resolved = "解消" / "resolved",
    }
}

impl Progress {
    /// The progress a 手法 at `stage` gives the 課題 it solves.
    #[must_use]
    pub fn from_stage(stage: Stage) -> Option<Self> {
        match stage {
            Stage::Study => Some(Self::Studying),
            Stage::Pilot | Stage::EarlyAdoption => Some(Self::Piloting),
            Stage::Decided => Some(Self::Decided),
            Stage::Operation => Some(Self::Operating),
            Stage::Rejected | Stage::Retired => None,
        }
    }
}

vocabulary! {
    /// Who may see a record.
    Visibility {
        /// Fit for citizens.
        Public = "public" / "public",
        /// For staff only (the default).
        Internal = "internal" / "internal",
    }
}

vocabulary! {
    /// The kind of group carrying a 手法.
    TeamKind {
        /// A DX検討チーム under a 作業部会.
        StudyTeam = "検討チーム" / "study team",
        /// A タスクフォース under the mayor.
        TaskForce = "タスクフォース" / "task force",
    }
}

vocabulary! {
    /// The body that took a decision.
    Body {
        /// 西宮市DX推進本部.
        Headquarters = "推進本部" / "DX headquarters",
        /// 西宮市DX推進幹事会.
        Board = "幹事会" / "steering board",
        /// DX作業部会.
        WorkingGroup = "作業部会" / "working group",
        /// DX検討チーム.
        StudyTeam = "検討チーム" / "study team",
        /// タスクフォース.
        TaskForce = "タスクフォース" / "task force",
    }
}

impl Visibility {
    /// A visibility as written in records, or as reports show it
    /// (公開, 庁内限定): what a user reads is what a user may type.
    #[must_use]
    pub fn from_word(s: &str) -> Option<Self> {
        match s.trim() {
            "公開" => Some(Self::Public),
            "庁内限定" | "非公開" => Some(Self::Internal),
            other => Self::parse(other),
        }
    }
}

vocabulary! {
    /// What a decision decided.
    Outcome {
        /// Start a pilot.
        StartPilot = "実証開始" / "start pilot",
        /// Early adoption.
        EarlyAdoption = "先行導入" / "early adoption",
        /// Adopt.
        Adopt = "導入" / "adopt",
        /// Decide against.
        Reject = "見送り" / "reject",
        /// Continue.
        Continue = "継続" / "continue",
        /// Improve.
        Improve = "改善" / "improve",
        /// Retire.
        Retire = "廃止" / "retire",
        /// Put into operation (SPEC §7.1): 導入決定 or 先行導入 → 運用.
        StartOperation = "運用開始" / "start operation",
        /// Refer to a higher body (SPEC §7.4); the stage stays.
        Refer = "付議" / "refer",
    }
}

/// The stage transitions of SPEC §7.1, as data: which result may be
/// recorded from which stage, and the stage it leaves. `dx decide`,
/// `dx review`, `dx apply`, `dx diff` and the language server all read
/// this one table.
const TRANSITIONS: &[(Outcome, &[Stage], Option<Stage>)] = {
    use Stage::{Decided, EarlyAdoption, Operation, Pilot, Rejected, Retired, Study};
    &[
        (Outcome::StartPilot, &[Study, Rejected], Some(Pilot)),
        (
            Outcome::EarlyAdoption,
            &[Study, Pilot, Rejected],
            Some(EarlyAdoption),
        ),
        (
            Outcome::Adopt,
            &[Study, Pilot, EarlyAdoption, Rejected],
            Some(Decided),
        ),
        (
            Outcome::StartOperation,
            &[Decided, EarlyAdoption],
            Some(Operation),
        ),
        (
            Outcome::Continue,
            &[Study, Pilot, EarlyAdoption, Decided, Operation],
            None,
        ),
        (
            Outcome::Improve,
            &[Study, Pilot, EarlyAdoption, Decided, Operation],
            None,
        ),
        (
            Outcome::Reject,
            &[Study, Pilot, EarlyAdoption, Decided],
            Some(Rejected),
        ),
        (
            Outcome::Retire,
            &[EarlyAdoption, Decided, Operation],
            Some(Retired),
        ),
        (
            Outcome::Refer,
            &[Study, Pilot, EarlyAdoption, Decided, Operation],
            None,
        ),
    ]
};

impl Outcome {
    fn transition(self) -> (&'static [Stage], Option<Stage>) {
        TRANSITIONS
            .iter()
            .find(|(o, _, _)| *o == self)
            .map_or((&[], None), |(_, from, to)| (*from, *to))
    }

    /// The stages this result may be recorded from.
    #[must_use]
    pub fn allowed_from(self) -> &'static [Stage] {
        self.transition().0
    }

    /// Whether the result may be recorded on a record at `stage`.
    #[must_use]
    pub fn allowed(self, stage: Stage) -> bool {
        self.allowed_from().contains(&stage)
    }

    /// The stage the result moves a record to; `None` when it keeps the
    /// stage (継続, 改善, 付議).
    #[must_use]
    pub fn stage_after(self) -> Option<Stage> {
        self.transition().1
    }

    /// The results that may be recorded on a record at `stage`, in the
    /// table's order.
    #[must_use]
    pub fn allowed_at(stage: Stage) -> Vec<Self> {
        TRANSITIONS
            .iter()
            .filter(|(_, from, _)| from.contains(&stage))
            .map(|(o, _, _)| *o)
            .collect()
    }
}

impl Stage {
    /// Whether some result moves a record from `self` to `to` (SPEC §7.1);
    /// a move no result makes is what `dx diff` flags as backwards.
    #[must_use]
    pub fn can_move_to(self, to: Self) -> bool {
        self == to
            || TRANSITIONS
                .iter()
                .any(|(_, from, after)| *after == Some(to) && from.contains(&self))
    }
}

vocabulary! {
    /// How far an indicator's observation can be trusted (SPEC §6.1).
    ObservationStatus {
        /// Final (the default).
        Final = "確定" / "final",
        /// Preliminary.
        Preliminary = "速報" / "preliminary",
        /// An estimate.
        Estimate = "推計" / "estimate",
        /// Could not be measured: no value.
        Unmeasurable = "評価不能" / "not measurable",
    }
}

/// `x` cut, not rounded, to `digits` decimals (SPEC §7.2): a shown pace or
/// attainment never crosses a grade's threshold that the number itself
/// has not (a pace of 0.8998 shows as 0.89, grade C, not 0.90). Cut
/// towards minus infinity, so nothing shows better than it is; a margin of
/// a few units in the last place keeps 0.29 × 100 at 29.
#[must_use]
pub fn cut(x: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    let scaled = x * scale;
    let nearest = scaled.round();
    if (scaled - nearest).abs() <= 1e-9 * scaled.abs().max(1.0) {
        nearest / scale
    } else {
        scaled.floor() / scale
    }
}

/// An indicator's grade (SPEC §6.2): against its pace to the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Ahead of the target: attained, or pace ≥ a_pace.
    A,
    /// On target: pace ≥ b_pace.
    B,
    /// Behind.
    C,
    /// Cannot be graded: nothing measured, or the latest could not be.
    D,
}

impl Grade {
    /// Every grade, in order.
    pub const ALL: [Self; 4] = [Self::A, Self::B, Self::C, Self::D];

    /// The letter.
    #[must_use]
    pub fn letter(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
        }
    }
}

/// The three record kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// 課題: a gap between the ビジョン and today.
    Issue,
    /// 手法: a method that solves 課題.
    Method,
    /// 技術: a technology that realises a 手法.
    Technology,
}

impl Kind {
    /// All kinds, in hierarchy order.
    pub const ALL: [Self; 3] = [Self::Issue, Self::Method, Self::Technology];

    /// The Japanese name.
    #[must_use]
    pub fn ja(self) -> &'static str {
        match self {
            Self::Issue => "課題",
            Self::Method => "手法",
            Self::Technology => "技術",
        }
    }

    /// Read a kind as a user types it: 課題, issue, or the default prefix.
    #[must_use]
    pub fn from_word(s: &str) -> Option<Self> {
        match s.trim() {
            "課題" | "issue" | "K" => Some(Self::Issue),
            "手法" | "method" | "S" => Some(Self::Method),
            "技術" | "technology" | "G" => Some(Self::Technology),
            _ => None,
        }
    }

    /// The English name.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            Self::Issue => "issue",
            Self::Method => "method",
            Self::Technology => "technology",
        }
    }
}

/// The kind of thing an ID names, for messages and link checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    /// A 課題.
    Issue,
    /// A 手法.
    Method,
    /// A 技術.
    Technology,
    /// A ビジョン item.
    Vision,
    /// One of the 5原則.
    Principle,
    /// A 横断的配慮.
    Consideration,
    /// A 国の重点取組事項.
    National,
    /// A 分野.
    Field,
    /// A 領域.
    Domain,
}

impl IdKind {
    /// Every kind.
    pub const ALL: [Self; 9] = [
        Self::Issue,
        Self::Method,
        Self::Technology,
        Self::Vision,
        Self::Principle,
        Self::Consideration,
        Self::National,
        Self::Field,
        Self::Domain,
    ];
}

impl From<Kind> for IdKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Issue => Self::Issue,
            Kind::Method => Self::Method,
            Kind::Technology => Self::Technology,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_numbers_are_cut_not_rounded() {
        assert!((cut(0.8998, 2) - 0.89).abs() < 1e-12);
        assert!((cut(0.29 * 100.0, 0) - 29.0).abs() < 1e-12);
        assert!((cut(0.9, 2) - 0.9).abs() < 1e-12);
        assert!((cut(-0.051, 2) + 0.06).abs() < 1e-12);
        assert!((cut(1.0999, 2) - 1.09).abs() < 1e-12);
    }

    #[test]
    fn the_transition_table_of_spec_7_1() {
        use Outcome as O;
        use Stage as S;
        // 運用開始 is the step into operation, from 導入決定 or 先行導入.
        assert!(O::StartOperation.allowed(S::Decided));
        assert!(O::StartOperation.allowed(S::EarlyAdoption));
        assert!(!O::StartOperation.allowed(S::Pilot));
        assert_eq!(O::StartOperation.stage_after(), Some(S::Operation));
        // Nothing adopts a record in operation again.
        for o in [O::StartPilot, O::EarlyAdoption, O::Adopt, O::Reject] {
            assert!(!o.allowed(S::Operation), "{o}");
        }
        assert_eq!(
            O::allowed_at(S::Operation),
            vec![O::Continue, O::Improve, O::Retire, O::Refer]
        );
        // A rejected record may be re-opened; a retired one stays retired.
        assert!(O::StartPilot.allowed(S::Rejected));
        assert!(O::allowed_at(S::Retired).is_empty());
        assert!(
            O::allowed_at(S::Rejected)
                .iter()
                .all(|o| o.stage_after().is_some())
        );
        // 付議 keeps the stage.
        assert_eq!(O::Refer.stage_after(), None);
        // Every result has its row.
        for o in O::ALL {
            assert!(!o.allowed_from().is_empty(), "{o}");
        }
        // Moves no result makes are what dx diff flags.
        assert!(S::Decided.can_move_to(S::Operation));
        assert!(!S::Operation.can_move_to(S::Decided));
        assert!(!S::Retired.can_move_to(S::Pilot));
        assert!(S::Rejected.can_move_to(S::Pilot));
    }
}
