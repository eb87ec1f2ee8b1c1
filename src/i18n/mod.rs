//! Every word dx shows a user, one file per language.

mod en;
pub mod help;
mod ja;
mod labels;
mod report;
mod survey;

pub use help::{ArgProblem, ClapWords};
pub use labels::{AgendaLabels, DiffLabels, Labels};
pub use report::ReportLabels;

use crate::diag::{IdKind, Message, Summary};
use crate::model::LoadError;

/// The language of everything dx prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// 日本語 (the default).
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Of a thing said in both languages, the one in this language: the
    /// one place outside the word tables where the language is chosen.
    #[must_use]
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Self::Ja => ja,
            Self::En => en,
        }
    }

    /// The language's code, for `<html lang>`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.pick("ja", "en")
    }

    /// A stage in this language.
    #[must_use]
    pub fn stage(self, s: crate::vocab::Stage) -> &'static str {
        self.pick(s.as_str(), s.en())
    }

    /// A 課題's progress in this language.
    #[must_use]
    pub fn progress(self, p: crate::vocab::Progress) -> &'static str {
        self.pick(p.as_str(), p.en())
    }

    /// A grade's label: the tree's own (dx.toml `[grades] labels`) in
    /// Japanese, the default otherwise.
    #[must_use]
    pub fn grade_label(
        self,
        g: crate::vocab::Grade,
        settings: &crate::model::GradeSettings,
    ) -> &str {
        use crate::vocab::Grade;
        match self {
            Self::Ja => settings.label(g).unwrap_or(match g {
                Grade::A => "目標より進んでいる",
                Grade::B => "目標どおり",
                Grade::C => "遅れている",
                Grade::D => "評価できない",
            }),
            Self::En => match g {
                Grade::A => "ahead of target",
                Grade::B => "on target",
                Grade::C => "behind",
                Grade::D => "cannot be graded",
            },
        }
    }

    /// An observation's status, given as written in records.
    #[must_use]
    pub fn observation_status(self, written: &str) -> &str {
        match self {
            Self::Ja => written,
            Self::En => crate::vocab::ObservationStatus::parse(written).map_or(written, |s| s.en()),
        }
    }

    /// A decision's result, given as written in records.
    #[must_use]
    pub fn outcome(self, written: &str) -> &str {
        match self {
            Self::Ja => written,
            Self::En => crate::vocab::Outcome::parse(written).map_or(written, |o| o.en()),
        }
    }

    /// A 年度: `令和8年度` or `FY2026`.
    #[must_use]
    pub fn fiscal_year(self, fy: i16) -> String {
        match self {
            Self::Ja => crate::calendar::wareki_fiscal_year(fy),
            Self::En => format!("FY{fy}"),
        }
    }

    /// A record kind in this language.
    #[must_use]
    pub fn kind(self, k: crate::vocab::Kind) -> &'static str {
        self.pick(k.ja(), k.en())
    }
}

/// The words of one language.
pub(crate) struct Words {
    pub message: fn(&Message) -> String,
    pub help: fn(&Message) -> Option<String>,
    pub id_kind: fn(IdKind) -> &'static str,
    pub summary: fn(&Summary) -> String,
    pub load_error: fn(&LoadError) -> String,
    pub clean: &'static str,
    pub explain_headings: [&'static str; 5],
    pub severity: fn(crate::diag::Severity) -> &'static str,
    pub not_found: fn(&str, Option<&str>) -> String,
    pub unknown_field: fn(&str, Option<&str>, &str) -> String,
    pub bad_filter: fn(&str, &str, &str) -> String,
    pub git_error: fn(&crate::git::GitError) -> String,
    pub working_tree: &'static str,
    pub help_label: &'static str,
    pub no_rule: fn(&str, Option<&str>) -> String,
    pub bad_link: fn(&str, &str, &str, Option<&str>) -> String,
    /// A record needs --domain (or to be made inside a 領域's folder).
    pub domain_required: fn(&str) -> String,
    pub option_for: fn(&str, &str) -> String,
    pub empty_title: &'static str,
    pub unknown_domain: fn(&str, Option<&str>) -> String,
    pub not_empty: fn(&str) -> String,
    pub formatted: &'static str,
    pub would_format: &'static str,
    pub unformattable: &'static str,
    pub fmt_summary: fn(usize, bool) -> String,
    pub fmt_unreadable: fn(usize) -> String,
    pub symlink_skipped: &'static str,
    pub special_skipped: &'static str,
    pub changed_since_check: &'static str,
    pub folder_skipped: &'static str,
    pub cannot_reread: &'static str,
    pub nothing_to_write: &'static str,
    pub write_refused: &'static str,
    pub dry_run: &'static str,
    pub written: &'static str,
    pub follow_up: fn(&crate::diag::FollowUp) -> String,
    pub edit_error: fn(&crate::diag::EditError) -> String,
    pub not_a_meeting: fn(&str) -> String,
    pub meeting_refused: &'static str,
    /// The meeting file has `dx check` errors: nothing written.
    pub meeting_has_errors: &'static str,
    /// A meeting file that is in meetings/ but could not be read.
    pub meeting_unreadable: fn(&str) -> String,
    /// One unfilled entry: path:line:col, table, record.
    pub unfilled_entry: fn(&str, &str, &str) -> String,
    /// Unfilled entries refused: how many.
    pub unfilled_refused: fn(usize) -> String,
    /// Unfilled entries left out under --skip-unfilled: how many.
    pub unfilled_skipped: fn(usize) -> String,
    /// Every entry of the meeting is recorded already.
    pub all_recorded: &'static str,
    /// The meeting file has no entry to record.
    pub no_entries: &'static str,
    /// Heading of the findings a write introduces.
    pub findings_introduced: &'static str,
    /// Heading of the findings a write fixes.
    pub findings_fixed: &'static str,
    pub mv_needs_target: &'static str,
    pub new_folder_usage: &'static str,
    pub tree_has_errors: fn(usize, usize) -> String,
    pub cannot_write: fn(&str, &str) -> String,
    pub cannot_open: fn(&str, &str) -> String,
    pub tree_busy: fn(Option<u32>, u64) -> String,
    pub recovered: fn(usize) -> String,
    pub nothing_written: &'static str,
    pub name_too_long: &'static str,
    pub lsp_refused: fn(Option<u64>) -> String,
    pub unknown_table: fn(&str, &str) -> String,
    pub csv_one_table: fn(&str) -> String,
    pub cell_cut: fn(usize) -> String,
    pub cuts_sheet: &'static str,
    pub cuts_headers: [&'static str; 3],
    pub write_too_large: fn(&str, u64, u64) -> String,
    pub id_taken: &'static str,
    pub binary_to_terminal: &'static str,
    /// No temporary file for a workbook's sheets: (the folder, why).
    pub temp_unwritable: fn(&str, &str) -> String,
    /// A format the command does not write.
    pub format_not_here: fn(&str) -> String,
    /// A meeting-file skeleton not written over a file that exists.
    pub meeting_file_exists: fn(&str) -> String,
    pub tables_need_folder: &'static str,
    pub public_only_tables: &'static str,
    pub links_left: fn(&str) -> String,
}

impl Lang {
    pub(crate) fn words(self) -> &'static Words {
        match self {
            Self::Ja => &ja::WORDS,
            Self::En => &en::WORDS,
        }
    }

    /// The message of a finding.
    #[must_use]
    pub fn message(self, m: &Message) -> String {
        // A message quotes what the file says (a key, a value): never a
        // control character or a bidi override.
        let text = (self.words().message)(m);
        crate::privacy::mask_all(&crate::files::printable(&text, false)).into_owned()
    }

    /// What to do about a finding.
    #[must_use]
    pub fn help(self, m: &Message) -> Option<String> {
        (self.words().help)(m)
            .map(|h| crate::privacy::mask_all(&crate::files::printable(&h, false)).into_owned())
    }

    /// The summary line of `dx check`.
    #[must_use]
    pub fn summary(self, s: &Summary) -> String {
        (self.words().summary)(s)
    }

    /// Why the tree could not be loaded.
    #[must_use]
    pub fn load_error(self, e: &LoadError) -> String {
        (self.words().load_error)(e)
    }

    /// The headings and labels of reports.
    #[must_use]
    pub fn labels(self) -> &'static Labels {
        match self {
            Self::Ja => &labels::JA,
            Self::En => &labels::EN,
        }
    }

    /// The words of `dx diff`.
    #[must_use]
    pub fn diff_labels(self) -> &'static DiffLabels {
        match self {
            Self::Ja => &labels::DIFF_JA,
            Self::En => &labels::DIFF_EN,
        }
    }

    /// The words of `dx agenda`.
    #[must_use]
    pub fn agenda_labels(self) -> &'static AgendaLabels {
        self.pick(&labels::AGENDA_JA, &labels::AGENDA_EN)
    }

    /// The words of the HTML dashboard.
    #[must_use]
    pub fn report_labels(self) -> &'static ReportLabels {
        match self {
            Self::Ja => &report::REPORT_JA,
            Self::En => &report::REPORT_EN,
        }
    }

    /// The name of a kind of ID.
    #[must_use]
    pub fn id_kind(self, k: IdKind) -> &'static str {
        (self.words().id_kind)(k)
    }
}

/// Text with invisible characters shown as `<U+200B>`, so that a message
/// about an ID that looks right says why it is not.
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
                format!("<U+{:04X}>", c as u32)
            }
            c if c.is_control() => format!("<U+{:04X}>", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// `a、b、c` or `a, b, c`.
pub(crate) fn list(items: &[&str], sep: &str) -> String {
    items.join(sep)
}
