//! The keys reports speak of: a record's facts, the relations between
//! things, the kinds of thing. Each is an enum whose serde form is the
//! stable key of the JSON contract (`"solved_by"`, `"review_due"`), and
//! whose labels `i18n` gives by an exhaustive match: a key without a label
//! is a compile error, not a blank cell.

macro_rules! keys {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every key, in order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The key as JSON and the tables write it.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $key),+ }
            }

            /// Read a key.
            #[must_use]
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($key => Some(Self::$variant),)+ _ => None }
            }
        }

        // Keys sort as their JSON keys do, so that a list sorted by key
        // reads the same in every output.
        impl Ord for $name {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

keys! {
    /// How one thing links to another: a record's link keys (as written in
    /// records) and the links back (`solved_by`), and the links of the
    /// reference data (`named_by`, `vision_item`).
    Relation {
        /// 課題 → ビジョン item.
        Vision = "vision",
        /// 手法 → 課題.
        Solves = "solves",
        /// 手法 or 技術 → 原則.
        Principles = "principles",
        /// → 横断的配慮.
        Considerations = "considerations",
        /// → 国の重点取組事項.
        National = "national",
        /// 手法 → the 手法 it spreads (横展開).
        Expands = "expands",
        /// 技術 → 手法.
        Implements = "implements",
        /// 課題 ← 手法.
        SolvedBy = "solved_by",
        /// 手法 ← 技術.
        ImplementedBy = "implemented_by",
        /// 手法 ← the 手法 spreading it.
        ExpandedBy = "expanded_by",
        /// ビジョン item ← 課題.
        NamedBy = "named_by",
        /// 原則, 配慮 or national priority ← 手法 and 技術.
        FollowedBy = "followed_by",
        /// → its 分野.
        Field = "field",
        /// 分野 → its 領域.
        Domain = "domain",
        /// 分野 → its ビジョン items.
        VisionItem = "vision_item",
        /// 領域 → its records.
        Record = "record",
    }
}

keys! {
    /// A value `dx show` lists and `dx diff` compares.
    Fact {
        /// The record's file.
        Path = "path",
        /// Title.
        Title = "title",
        /// 分野.
        Field = "field",
        /// 領域.
        Domain = "domain",
        /// A 手法's or 技術's stage.
        Stage = "stage",
        /// A 課題's derived progress.
        Progress = "progress",
        /// 所管.
        Owner = "owner",
        /// 公開区分.
        Visibility = "visibility",
        /// Tags.
        Tags = "tags",
        /// A 課題's 現状.
        Current = "current",
        /// A 課題's gap to the ビジョン.
        Gap = "gap",
        /// A 技術's product.
        Product = "product",
        /// 見直し期限.
        ReviewDue = "review_due",
        /// When a 課題 was resolved.
        Closed = "closed",
        /// Why.
        ClosedReason = "closed_reason",
        /// A 分野's 作業部会.
        WorkingGroup = "working_group",
        /// The guideline's revisions that changed it.
        Revised = "revised",
        /// A 課題's 課題の整理 done again.
        Reviewed = "reviewed",
        /// A 領域's description.
        Description = "description",
        /// The team.
        Team = "team",
        /// The team's name.
        TeamName = "team_name",
        /// 検討チーム or タスクフォース.
        TeamKind = "team_kind",
        /// Its lead.
        TeamLead = "team_lead",
        /// Its departments.
        TeamDepartments = "team_departments",
    }
}

impl Fact {
    /// Whether its value is a date (a workbook types the cell, a screen
    /// shows it in the user's calendar).
    #[must_use]
    pub const fn is_date(self) -> bool {
        matches!(self, Self::ReviewDue | Self::Reviewed | Self::Closed)
    }
}

keys! {
    /// What a thing is.
    ThingKind {
        /// 課題.
        Issue = "issue",
        /// 手法.
        Method = "method",
        /// 技術.
        Technology = "technology",
        /// A ビジョン item.
        Vision = "vision",
        /// A 原則.
        Principle = "principle",
        /// A 横断的配慮.
        Consideration = "consideration",
        /// A 国の重点取組事項.
        National = "national",
        /// A 分野.
        Field = "field",
        /// A 領域.
        Domain = "domain",
        /// dx.toml.
        Settings = "settings",
    }
}

keys! {
    /// What happened to a decision or an indicator between two revisions.
    Change {
        /// It is new.
        Added = "added",
        /// It is gone.
        Removed = "removed",
        /// An indicator's values changed.
        Changed = "changed",
        /// A decision's result or note was edited.
        Edited = "edited",
    }
}

impl ThingKind {
    /// The kind of a record kind.
    #[must_use]
    pub fn of_record(kind: crate::vocab::Kind) -> Self {
        match kind {
            crate::vocab::Kind::Issue => Self::Issue,
            crate::vocab::Kind::Method => Self::Method,
            crate::vocab::Kind::Technology => Self::Technology,
        }
    }
}
