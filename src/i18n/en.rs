//! English words, for `--lang en`.

use super::{Words, list, visible};
use crate::diag::{
    BadValue, DatedEntry, IdKind, Message, PersonalKind, Retired, Severity, Summary, ValueType,
};
use crate::diag::{EditError, FollowUp};
use crate::git::GitError;
use crate::model::LoadError;

pub(super) static WORDS: Words = Words {
    message,
    help,
    id_kind,
    summary,
    load_error,
    clean: "No problems found.",
    explain_headings: [
        "Default severity",
        "What it finds",
        "Why it matters",
        "How to fix",
        "Example",
    ],
    severity,
    not_found: |id, nearest| match nearest {
        Some(n) => format!("nothing has the ID \"{id}\"; did you mean \"{n}\"?"),
        None => format!("nothing has the ID \"{id}\""),
    },
    unknown_field: |f, nearest, known| match nearest {
        Some(n) => format!("no field \"{f}\"; did you mean \"{n}\"? (fields: {known})"),
        None => format!("no field \"{f}\" (fields: {known})"),
    },
    bad_filter: |flag, value, words| format!("{flag} cannot be \"{value}\" (allowed: {words})"),
    git_error: |e| match e {
        GitError::NoGit(err) => format!("cannot run git ({err}); install git"),
        GitError::NotARepository(p) => format!("{} is not inside a git repository", p.display()),
        GitError::UnknownRevision(r) => {
            format!(
                "unknown revision \"{r}\" (a branch, tag or commit; in CI fetch with fetch-depth: 0)"
            )
        }
        GitError::Failed { args, message } => format!("git {args} failed: {message}"),
    },
    help_label: "help",
    no_rule: |slug, near| match near {
        Some(n) => format!("no rule \"{slug}\"; did you mean \"{n}\"? (`dx explain` lists them)"),
        None => format!("no rule \"{slug}\" (`dx explain` lists them)"),
    },
    working_tree: "working tree",
    bad_link: |flag, value, kind, nearest| match nearest {
        Some(n) => format!(
            "{flag}: there is no {kind} \"{value}\"; did you mean \"{n}\"? (nothing written)"
        ),
        None => format!("{flag}: there is no {kind} \"{value}\" (nothing written)"),
    },
    domain_required: |kind| {
        format!(
            "a {kind} needs --domain FIELD/DOMAIN (for example --domain kurashi/online); run inside a domain's folder to create it there"
        )
    },
    option_for: |flag, kind| format!("{flag} is only for a new {kind}"),
    empty_title: "--title is empty",
    unknown_domain: |d, nearest| match nearest {
        Some(n) => format!("no domain \"{d}\"; did you mean \"{n}\"?"),
        None => format!(
            "no domain \"{d}\" (a domain is a folder holding domain.toml, like kurashi/online)"
        ),
    },
    not_empty: |d| format!("{d} is not an empty folder; name a new one"),
    formatted: "formatted",
    would_format: "would format",
    unformattable: "not valid TOML, left as is",
    fmt_summary: |n, check| match (n, check) {
        (0, true) => "Nothing to format among the files that could be read.".to_owned(),
        (0, false) => "Nothing formatted among the files that could be read.".to_owned(),
        (1, true) => "1 file needs formatting (run dx fmt).".to_owned(),
        (n, true) => format!("{n} files need formatting (run dx fmt)."),
        (n, false) => format!("{} formatted.", plural(n, "file", "files")),
    },
    fmt_unreadable: |n| {
        format!(
            "{} not formatted: not valid TOML; see dx check.",
            plural(n, "file", "files")
        )
    },
    symlink_skipped: "note: symbolic link not followed (nothing behind it was checked)",
    special_skipped: "note: not a regular file (a named pipe, socket or device), not read; put a record there as a regular file",
    folder_skipped: "note: a folder with a record's file name (not read as a record); make it a file if it is a record, or give the folder a name that does not end in .toml",
    cannot_reread: "note: the file cannot be read again from its path (a folder or file name that is not UTF-8?), so the line cannot be shown; rename it",
    changed_since_check: "note: the file changed after it was checked, so the line cannot be shown; run dx check again",
    nothing_to_write: "Nothing to change (already recorded).",
    write_refused: "Nothing was written: the change would add errors to dx check. Fix them and run again, or write anyway with --force.",
    dry_run: "(--dry-run: nothing was written)",
    written: "written",
    not_a_meeting: |p| {
        format!(
            "{p} is not a meeting file in the tree's meetings/ folder; put it there, then dx apply it (dx agenda --format meeting writes one)"
        )
    },
    cannot_open: |path, why| {
        format!(
            "cannot open {path} ({why}); check that the names of its folders and file are UTF-8 and not too long"
        )
    },
    tree_busy: |pid, waited| {
        let who = pid.map_or_else(
            || "another dx writer".to_owned(),
            |p| format!("another dx writer (process {p})"),
        );
        format!(
            "{who} did not finish within {waited} seconds, so nothing was written; run it again when that one is done (if it hangs, end that process: the lock goes with it)"
        )
    },
    recovered: |n| {
        format!(
            "the previous dx writer stopped half way; the {n} files it had begun to change are back as they were. Run the stopped command again if it is still needed"
        )
    },
    id_taken: "someone created a file with the same ID at the same moment, so nothing was written; run it again to take the next free ID",
    meeting_file_exists: |path| {
        format!(
            "{path} exists: the skeleton is not written over a meeting file that may be filled in. Name another file, or use the one there"
        )
    },
    temp_unwritable: |dir, why| {
        format!(
            "no workbook was made: the temporary folder {dir} takes no file ({why}); set TMPDIR to a folder you can write to and run again"
        )
    },
    format_not_here: |format| {
        format!(
            "--format {format} is not one this command writes; see its --help for the formats it takes"
        )
    },
    binary_to_terminal: "an Excel workbook cannot be shown on a terminal; name a file with -o, like -o portfolio.xlsx",
    tables_need_folder: "--format tables needs a folder to write to: -o DIR (for example -o tables)",
    public_only_tables: "--public goes with --format xlsx and tables",
    write_too_large: |path, size, limit| {
        format!(
            "{path} would grow to {} KiB, over the {} KiB dx reads, so nothing was written; check for an entry repeated many times or a text far too long",
            size / 1024,
            limit / 1024
        )
    },
    nothing_written: "the write failed, so nothing was changed (every file begun was put back)",
    name_too_long: "; a folder or file name is too long for the system: use a shorter one",
    lsp_refused: |size| match size {
        Some(n) => format!(
            "dx lsp: a message from the editor was too large ({} MiB) and was skipped unread; records are small texts of at most 4 MiB",
            n / (1024 * 1024)
        ),
        None => "dx lsp: a message from the editor was not JSON-RPC and was skipped".to_owned(),
    },
    unknown_table: |wanted, choices| {
        format!("there is no table \"{wanted}\"; give --table one of: {choices}")
    },
    csv_one_table: |choices| {
        format!(
            "note: a CSV holds one table (the first was written); choose another with --table: {choices}"
        )
    },
    cell_cut: |n| format!("… [cut at Excel's limit; all {n} characters are in the JSON and CSV]"),
    cuts_sheet: "Note",
    cuts_headers: ["Cell cut", "Row (ID)", "Characters"],
    cannot_write: |path, why| {
        format!("cannot write {path} ({why}); check that its folder exists and is writable")
    },
    tree_has_errors: |e, u| {
        let errors = plural(e, "error", "errors");
        if u > 0 {
            format!(
                "note: dx check finds {errors} in this tree, and {} left out of every count; run dx check",
                plural(u, "unreadable file is", "unreadable files are")
            )
        } else {
            format!(
                "note: dx check finds {errors} in this tree; the numbers may be wrong; run dx check"
            )
        }
    },
    new_folder_usage: "make a domain with dx new domain FIELD/DOMAIN --name NAME, a field with dx new field FIELD --name NAME (IDs in lowercase letters, digits and hyphens; for example dx new domain kurashi/kosodate --name 子育て)",
    mv_needs_target: "give a new ID, --next or --domain (for example dx mv K-011 --next)",
    links_left: |id| {
        format!(
            "These records' links to \"{id}\" were left alone: which of the two files they mean cannot be told. Name them with --links-from if they mean this one:"
        )
    },
    meeting_has_errors: "Nothing was written: the meeting file has dx check errors. Fix the findings above and run dx apply again.",
    meeting_unreadable: |p| {
        format!(
            "Nothing was written: {p} is in meetings/ but cannot be read as a meeting file. Fix the findings above."
        )
    },
    unfilled_entry: |at, table, record| {
        format!("{at}: unfilled: [[{table}]] {record} has no result (or value) yet")
    },
    unfilled_refused: |n| {
        format!(
            "Nothing was written: {n} entries are unfilled. Fill them in and run again, or leave them out with --skip-unfilled."
        )
    },
    unfilled_skipped: |n| format!("Left out {n} unfilled entries:"),
    all_recorded: "Every entry of the meeting file is recorded already: nothing to change.",
    no_entries: "The meeting file has no entry to record ([[decision]], [[review]], [[measurement]]): nothing written.",
    findings_introduced: "Findings this change introduces:",
    findings_fixed: "Findings this change fixes:",
    meeting_refused: "Nothing was written: some entries of the meeting file cannot be applied:",
    follow_up: |f| match f {
        FollowUp::Stage {
            id,
            from: Some(from),
            to,
        } => format!("  {id} stage: {} → {}", from.en(), to.en()),
        FollowUp::Stage { id, from: None, to } => format!("  {id} stage: {}", to.en()),
        FollowUp::Review { id, date } => format!("  {id} next review: {date}"),
        FollowUp::SameDecision { id, title, after } => {
            format!(
                "  check: {id} \"{title}\" implements {after}; does it need the same decision? (dx decide {id} …)"
            )
        }
        FollowUp::NoActiveTechnology { id, title } => {
            format!(
                "  check: every 技術 of the 手法 {id} \"{title}\" is now rejected or retired; review the 手法's stage too?"
            )
        }
        FollowUp::AlreadyRecorded { id, what, date } => {
            format!("  already recorded: {id} \"{what}\" of {date} (not written again)")
        }
        FollowUp::Forced { id, stage, result } => format!(
            "  note: {id} is at {}, where {} is not allowed; recorded because of --force (dx diff flags it as a backward move)",
            stage.en(),
            result.en()
        ),
    },
    edit_error: |e| match e {
        EditError::UnknownRecord {
            id,
            nearest: Some(n),
        } => format!("there is no record \"{id}\"; did you mean \"{n}\"?"),
        EditError::UnknownRecord { id, nearest: None } => format!("there is no record \"{id}\""),
        EditError::Ambiguous { id } => format!(
            "two files have the ID \"{id}\"; name the file by its path (to fix the ID: dx mv <path> --next)"
        ),
        EditError::NotWork { id } => {
            format!("{id} is a 課題: decisions, reviews and measurements belong to a 手法 or 技術")
        }
        EditError::UnknownIndicator { id, name, known } if known.is_empty() => {
            format!("{id} has no indicator \"{name}\" (it has none)")
        }
        EditError::UnknownIndicator { id, name, known } => {
            format!(
                "{id} has no indicator \"{name}\"; give its name or its position (from 1): {}",
                known.join(", ")
            )
        }
        EditError::Unreadable { path } => format!(
            "{path} cannot be read or is not valid TOML, so it cannot be changed (see dx check)"
        ),
        EditError::Transition {
            id,
            stage: Some(stage),
            result,
            allowed,
        } => format!(
            "{id} is at {}: the result {} cannot be recorded there. Allowed from {}: {} (to record it anyway: --force)",
            stage.en(),
            result.en(),
            stage.en(),
            allowed
                .iter()
                .map(|o| o.en())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        EditError::Transition {
            id,
            stage: None,
            result,
            ..
        } => format!(
            "{id} has no valid stage, so the result {} cannot be recorded (see dx check)",
            result.en()
        ),
        EditError::NotOperating { id, stage } => format!(
            "dx review records a periodic review of a 手法 or 技術 in operation; {id} is at {}. Use dx decide {id} --result … to move or stop it",
            stage.map_or("no valid stage", |s| s.en())
        ),
        EditError::FutureDate { id, date, today } => format!(
            "{id}: the date {date} is after today ({today}); a meeting or measurement that has not happened cannot be recorded (to record it anyway: --force)"
        ),
        EditError::ReviewNotAfter {
            id,
            review_due,
            date,
        } => format!(
            "{id}: the next review {review_due} is not after the decision that sets it ({date}); give --next-review a later date"
        ),
        EditError::ObservationExists {
            id,
            indicator,
            date,
            recorded,
            given,
        } => format!(
            "{id}: indicator \"{indicator}\" already has a measurement of {date} ({}); the value given is {}. Add --replace to replace it",
            recorded.map_or_else(|| "no value".to_owned(), |v| v.to_string()),
            given.map_or_else(|| "no value".to_owned(), |v| v.to_string())
        ),
        EditError::Unparsed { id, path } => format!(
            "the file of {id}, {path}, is not valid TOML, so it cannot be changed; see dx check for the finding"
        ),
        EditError::Exists { what } => format!("{what} exists already"),
        EditError::Referral {
            id,
            result: crate::vocab::Outcome::Refer,
        } => format!(
            "{id}: a 付議 (referral) needs the body it goes to: --to 推進本部 (in a meeting file, to = \"推進本部\")"
        ),
        EditError::Referral { id, result } => format!(
            "{id}: --to (the body referred to) goes with the result 付議 only (given: {result})"
        ),
        EditError::Invalid { what } => format!("invalid: {what}"),
    },
};

fn severity(s: Severity) -> &'static str {
    s.as_str()
}

fn id_kind(k: IdKind) -> &'static str {
    match k {
        IdKind::Issue => "issue (課題)",
        IdKind::Method => "method (手法)",
        IdKind::Technology => "technology (技術)",
        IdKind::Vision => "vision item",
        IdKind::Principle => "principle",
        IdKind::Consideration => "consideration",
        IdKind::National => "national priority",
        IdKind::Field => "field (分野)",
        IdKind::Domain => "domain (領域)",
    }
}

/// The kind with its article: "an issue", "a method".
fn a_kind(k: IdKind) -> String {
    let name = id_kind(k);
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

fn example_id(k: IdKind) -> &'static str {
    match k {
        IdKind::Issue => "K-001",
        IdKind::Method => "S-001",
        IdKind::Technology => "G-001",
        IdKind::Vision => "kurashi-1",
        IdKind::Principle => "P1",
        IdKind::Consideration => "C1",
        IdKind::National => "N1",
        IdKind::Field => "kurashi",
        IdKind::Domain => "kurashi/online",
    }
}

fn value_type(t: ValueType) -> &'static str {
    match t {
        ValueType::String => "a string",
        ValueType::StringList => "a list of strings",
        ValueType::Number => "a number",
        ValueType::PositiveInteger => "a whole number from 1",
        ValueType::Date => "a date (2025-03-31)",
        ValueType::Table => "a table",
        ValueType::TableList => "an array of tables ([[…]])",
        ValueType::Boolean => "true or false",
    }
}

fn message(m: &Message) -> String {
    match m {
        Message::ParseError { detail } => format!("not valid TOML: {detail}"),
        Message::ControlCharacter { code } => format!("control character U+{code:04X} in the text"),
        Message::TooLarge { size, limit } => {
            format!(
                "file too large ({} KiB; the limit is {} KiB)",
                size / 1024,
                limit / 1024
            )
        }
        Message::NotUtf8 { guess: Some(g) } => format!("file is not UTF-8 (it looks like {g})"),
        Message::NotUtf8 { guess: None } => "file is not UTF-8 text".into(),
        Message::UnknownKey { key, .. } => format!("unknown key `{key}`"),
        Message::MissingKey { key } => format!("required key `{key}` is missing"),
        Message::MissingFile { path } => format!("required file {path} is missing"),
        Message::WrongType {
            key,
            expected,
            found,
        } => {
            format!("`{key}` must be {}, found {found}", value_type(*expected))
        }
        Message::NotInVocabulary { key, value, .. } => format!("`{key}` cannot be \"{value}\""),
        Message::DateWithTime { key } => format!("`{key}` must be a date without time or offset"),
        Message::DateAsString { key, value, .. } => {
            format!("`{key}` is a string (\"{value}\"), not a date")
        }
        Message::BadValue { key, value, why } => match why {
            BadValue::Prefix => format!("`{key}`: \"{value}\" cannot be an ID prefix"),
            BadValue::PrefixClash => format!("`{key}`: \"{value}\" is the prefix of another kind"),
            BadValue::UnknownRule => format!("there is no rule \"{value}\""),
            BadValue::Severity => format!("`{key}`: \"{value}\" is not a severity"),
            BadValue::NotFinite => format!("`{key}`: {value} is not a usable number"),
            BadValue::DuplicateVisionNo => format!("vision item number {value} is used twice"),
            BadValue::ReferenceId => format!("`{key}`: \"{value}\" is not an ID"),
            BadValue::Empty => format!("`{key}` is empty"),
            BadValue::PeriodOrder => format!("`{key}` ({value}) is before the start of the period"),
            BadValue::ActualWithObservations => {
                format!("`{key}` ({value}) stands beside [[indicator.observation]]")
            }
            BadValue::ValueWhenUnmeasurable => {
                format!("an observation marked 評価不能 has a value ({value})")
            }
            BadValue::GradeThreshold => format!("`{key}`: {value} cannot be a grade threshold"),
        },
        Message::IdFormat {
            value, expected, ..
        } => {
            let value = visible(value);
            format!("\"{value}\" is not a well-formed {} ID", id_kind(*expected))
        }
        Message::FileNameNotId { stem, .. } => format!("file name \"{stem}\" is not a record ID"),
        Message::IdFilename { id, stem } => {
            format!("id \"{id}\" differs from the file name \"{stem}\"")
        }
        Message::DuplicateId { id, others, .. } => {
            let others: Vec<&str> = others.iter().map(String::as_str).collect();
            format!("ID {id} is also used by {}", list(&others, ", "))
        }
        Message::OutsideDomain => {
            "record lies outside any domain folder (one holding domain.toml)".into()
        }
        Message::DomainOutsideField { domain } => {
            format!("domain {domain} lies outside any field folder (one holding field.toml)")
        }
        Message::NoLinkInDomain {
            domain,
            field: false,
        } => format!("none of the links stays in the record's own domain {domain}"),
        Message::NoLinkInDomain {
            domain,
            field: true,
        } => format!("none of the vision items belongs to the record's own field {domain}"),
        Message::BrokenLink {
            target, expected, ..
        } => format!("{} \"{target}\" does not exist", id_kind(*expected)),
        Message::WrongLinkKind {
            target,
            expected,
            found,
        } => format!(
            "\"{target}\" is {}; {} is expected here",
            a_kind(*found),
            a_kind(*expected)
        ),
        Message::MissingLink { key, expected } => {
            format!("`{key}` is empty: name at least one {}", id_kind(*expected))
        }
        Message::DuplicateLink { target, count } => {
            format!("\"{target}\" is listed {}", plural(*count, "time", "times"))
        }
        Message::MeetingRecord { target, .. } => {
            format!("the meeting file names \"{target}\", which does not exist")
        }
        Message::MeetingField { target, .. } => {
            format!("the meeting file's 分野 \"{target}\" does not exist")
        }
        Message::Headline {
            entry, known: None, ..
        } => {
            format!("[report] headline \"{entry}\": no such record")
        }
        Message::Headline { entry, .. } => {
            format!("[report] headline \"{entry}\": no such indicator")
        }
        Message::MeetingIndicator {
            record, indicator, ..
        } => {
            format!("{record} has no indicator \"{indicator}\"")
        }
        Message::MeetingIssue { target } => {
            format!(
                "{target} is a 課題: decisions, reviews and measurements belong to a 手法 or 技術"
            )
        }
        Message::EmptyValue { key } => format!("`{key}` is empty"),
        Message::LgCode { value, .. } => format!(
            "`tree.lg_code`: \"{value}\" is not a local government code (six digits with the check digit)"
        ),
        Message::FullWidthSyntax { found, .. } if found == "\u{3000}" => {
            "not valid TOML: a full-width space is used".to_owned()
        }
        Message::FullWidthSyntax { found, .. } => {
            format!("not valid TOML: a full-width \"{found}\" is used")
        }
        Message::PublicLinksInternal { target } => {
            format!("a public record links to the internal {target}")
        }
        Message::UnknownDepartment { key, value, .. } => {
            format!("`{key}`: \"{value}\" is not among the departments of dx.toml")
        }
        Message::DuplicateObservation { indicator, date } => {
            format!("indicator \"{indicator}\" has more than one observation on {date}")
        }
        Message::FutureDate { what, date, today } => match what {
            DatedEntry::Decision => format!("the decision's date {date} is after today ({today})"),
            DatedEntry::Observation => {
                format!("the observation's date {date} is after today ({today})")
            }
        },
        Message::LinkCycle { cycle } => {
            let ids: Vec<&str> = cycle.iter().map(String::as_str).collect();
            format!("expands loops: {}", list(&ids, " → "))
        }
        Message::LinkToRetired { target, why } => match why {
            Retired::Closed => format!("linked issue {target} is closed"),
            Retired::Stage(s) => format!("linked method {target} is {}", s.en()),
        },
        Message::MissingIndicator { stage } => format!("stage {} needs an indicator", stage.en()),
        Message::IndicatorWithoutTarget { name } => format!("indicator \"{name}\" has no target"),
        Message::ActualWithoutMeasured { name } => {
            format!("indicator \"{name}\" has an actual but no measured date")
        }
        Message::MissingDecision { stage } => format!("stage {} has no decision", stage.en()),
        Message::MissingTeam { stage } => format!("stage {} has no team", stage.en()),
        Message::ReviewOverdue { due, today } => {
            format!("review was due on {due} (today is {today})")
        }
        Message::ReviewMissing => "in operation but no review_due".into(),
        Message::RevisionReviewDue {
            version,
            date,
            via,
            issue: true,
            ..
        } => format!(
            "guideline revision {version} ({date}) changed \"{via}\"; this 課題 has not been reviewed (reviewed) since"
        ),
        Message::RevisionReviewDue {
            version, date, via, ..
        } => format!("guideline revision {version} ({date}) changed \"{via}\"; no decision since"),
        Message::RetiredReference {
            target, edition, ..
        } => format!("national item \"{target}\" is not in the current edition ({edition})"),
        Message::StalePilot { target_date, stage } => format!(
            "{} passed its indicators' target date {target_date} with no decision since",
            stage.en()
        ),
        Message::BeyondPeriod {
            key,
            date,
            period_end,
        } => {
            format!("`{key}` {date} is after the guideline's period_end {period_end}")
        }
        Message::PersonalData { kind, masked } => match kind {
            PersonalKind::MyNumber => {
                format!("looks like an individual number (My Number): {masked}")
            }
            PersonalKind::Phone => format!("looks like a phone number: {masked}"),
            PersonalKind::Email => format!("e-mail address outside the allowed domains: {masked}"),
        },
    }
}

fn help(m: &Message) -> Option<String> {
    Some(match m {
        Message::ParseError { .. } => {
            "fix the syntax at the position shown (`dx explain parse-error`)".into()
        }
        Message::ControlCharacter { .. } => {
            "delete it (it often comes with text pasted from other software)".into()
        }
        Message::TooLarge { .. } => {
            "a record is a small text file; check for pasted content".into()
        }
        Message::NotUtf8 { .. } => "save the file again as UTF-8".into(),
        Message::UnknownKey {
            suggestion: Some(s),
            ..
        } => format!("did you mean `{s}`?"),
        Message::UnknownKey {
            suggestion: None, ..
        } => "see `dx explain unknown-key` and schemas/ for the keys".into(),
        Message::MissingKey { key } => format!("add `{key} = …`"),
        Message::MissingFile { path } => {
            format!("put {path} at the top of the tree (`dx init` writes one)")
        }
        Message::WrongType {
            expected: ValueType::Date,
            ..
        } => "write dates unquoted, like 2025-03-31".into(),
        Message::BadValue { why: BadValue::ActualWithObservations, .. } => "remove actual and measured and make them one [[indicator.observation]] (date = the measured date, value = actual)".into(),
        Message::BadValue { why: BadValue::ValueWhenUnmeasurable, .. } => "an observation that could not be measured has no value; if it was measured, set status to 確定, 速報 or 推計".into(),
        Message::BadValue { why: BadValue::GradeThreshold, .. } => "a_pace and b_pace are positive numbers, a_pace at least b_pace (defaults: a_pace = 1.10, b_pace = 0.90)".into(),
        Message::WrongType { .. } | Message::BadValue { .. } => return None,
        Message::NotInVocabulary {
            suggestion: Some(s),
            ..
        } => format!("did you mean \"{s}\"?"),
        Message::NotInVocabulary { allowed, .. } => format!("allowed: {}", list(allowed, ", ")),
        Message::DateWithTime { .. } => "write the date alone, like 2025-03-31".into(),
        Message::DateAsString { key, date: Some(d), .. } => format!("write a TOML date, without quotes: `{} = {d}`", key.rsplit('.').next().unwrap_or(key)),
        Message::DateAsString { .. } => "write the date as YYYY-MM-DD without quotes (for example 2026-03-31)".into(),
        Message::IdFormat {
            suggestion: Some(s),
            ..
        } => format!("write it half-width: \"{s}\""),
        Message::IdFormat { expected, .. } => format!(
            "{} IDs look like {}",
            id_kind(*expected),
            example_id(*expected)
        ),
        Message::FileNameNotId {
            suggestion: Some(s),
            ..
        } => format!("rename the file to {s}.toml"),
        Message::FileNameNotId { .. } => {
            "record files are named like K-001.toml; keep other TOML files out of the tree".into()
        }
        Message::IdFilename { stem, .. } => format!("set id to \"{stem}\" or delete the line"),
        Message::DuplicateId { path, next, .. } => format!("give one of them a free ID ({next}); to rewrite the links too: dx mv {path} --next (name the records whose links mean this file with --links-from)"),
        Message::OutsideDomain => "move it into a domain folder".into(),
        Message::DomainOutsideField { .. } => {
            "add field.toml to the field folder, or move the domain into one".into()
        }
        Message::NoLinkInDomain { .. } => {
            "consider moving it to the domain of what it links to".into()
        }
        Message::BrokenLink {
            suggestion: Some(s),
            ..
        } => format!("did you mean \"{s}\"?"),
        Message::BrokenLink { .. } => "create the record (`dx new`) or check the ID".into(),
        Message::WrongLinkKind { expected, .. } => format!(
            "name {} such as {}",
            a_kind(*expected),
            example_id(*expected)
        ),
        Message::MissingLink { expected, .. } => {
            format!("for example [\"{}\"]", example_id(*expected))
        }
        Message::DuplicateLink { .. } => "delete the repeat (`dx fmt` fixes it)".into(),
        Message::MeetingRecord { suggestion: Some(s), .. } => format!("did you mean \"{s}\"?"),
        Message::MeetingRecord { .. } => "check the record's ID (`dx list`)".into(),
        Message::MeetingField { suggestion: Some(s), .. } => format!("did you mean \"{s}\"?"),
        Message::MeetingField { .. } => "write the 分野's folder name (the one holding field.toml)".into(),
        Message::Headline { suggestion: Some(s), known: None, .. } => format!("did you mean {s}? Write \"RECORD-ID/indicator name\" (S-001/オンライン申請率)"),
        Message::Headline { known: None, .. } => "write \"RECORD-ID/indicator name\" (S-001/オンライン申請率); `dx list` shows the IDs".into(),
        Message::Headline { known: Some(k), .. } if k.is_empty() => "the record has no indicator: name a record that has one".into(),
        Message::Headline { known: Some(k), .. } => format!("after the / write the indicator's name or its position (from 1): {}", k.join(", ")),
        Message::MeetingIndicator { known, .. } if known.is_empty() => "the record has no indicator: add an [[indicator]] to it first".into(),
        Message::MeetingIndicator { known, .. } => format!("write the indicator's name or its position (from 1): {}", known.join(", ")),
        Message::MeetingIssue { .. } => "write the ID of a 手法 that solves it (`dx show` lists them)".into(),
        Message::FullWidthSyntax { instead, .. } if instead == " " => "use a half-width space (TOML's syntax and spacing are half-width)".into(),
        Message::FullWidthSyntax { instead, .. } => format!("write a half-width {instead} (TOML's = \" ' , [ ] # are half-width)"),
        Message::LgCode { expected: Some(code), .. } => format!("with its check digit it would be {code} (for example 西宮市 is 282049)"),
        Message::LgCode { .. } => "write six digits (the 全国地方公共団体コード; for example 西宮市 is 282049)".into(),
        Message::EmptyValue { .. } => "write it, or delete the line of an optional key".into(),
        Message::PublicLinksInternal { target } => format!("make {target} public if it may be; otherwise review the link or this record's visibility"),
        Message::UnknownDepartment { suggestion: Some(s), .. } => format!("did you mean \"{s}\"? (add a new department to dx.toml)"),
        Message::UnknownDepartment { .. } => "check the department's name (add a new department to dx.toml)".into(),
        Message::DuplicateObservation { .. } => "delete one or correct its date (when a preliminary value became final, keep only the final one)".into(),
        Message::FutureDate { .. } => "correct the date (is the year right?)".into(),
        Message::LinkCycle { .. } => "remove or correct one expands in the loop".into(),
        Message::LinkToRetired { .. } => "review the stage, or relink".into(),
        Message::MissingIndicator { .. } => {
            "add an [[indicator]] (name, unit, baseline, target, target_date)".into()
        }
        Message::IndicatorWithoutTarget { .. } => "add target = …".into(),
        Message::ActualWithoutMeasured { .. } => "add measured = 2025-09-30".into(),
        Message::MissingDecision { .. } => "add a [[decision]] (date, body, result)".into(),
        Message::MissingTeam { .. } => "add a [team] (name, kind, lead, departments)".into(),
        Message::ReviewOverdue { .. } | Message::ReviewMissing => {
            "review it, record the [[decision]] and set the next review_due".into()
        }
        Message::RevisionReviewDue { id, issue: true, .. } => {
            format!("review the 課題 against the revision and record it with dx review {id}")
        }
        Message::RevisionReviewDue { id, .. } => format!(
            "review it against the revision and record the decision (e.g. dx decide {id} --body 作業部会 --result 継続)"
        ),
        Message::RetiredReference { target, successor: Some(s), .. } => format!(
            "\"{s}\" takes it over in the current edition: dx mv {target} {s} rewrites the links"
        ),
        Message::RetiredReference { .. } => {
            "link an item of the current edition, or remove it from national".into()
        }
        Message::StalePilot { .. } => {
            "report the results, record the decision and update the stage".into()
        }
        Message::BeyondPeriod { .. } => {
            "use a date within the period, or revise period_end in dx.toml".into()
        }
        Message::PersonalData {
            kind: PersonalKind::Email,
            ..
        } => "remove it, or allow the city's domain in dx.toml [privacy]".into(),
        Message::PersonalData { .. } => "remove it; name a department or role instead".into(),
    })
}

fn summary(s: &Summary) -> String {
    format!(
        "{}, {} ({} checked)",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.records, "record", "records")
    )
}

/// `1 error`, `2 errors`.
pub(super) fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8> + Copy,
{
    let word = if n == N::from(1) { one } else { many };
    format!("{n} {word}")
}

fn load_error(e: &LoadError) -> String {
    match e {
        LoadError::NoTree { start } => format!(
            "no record tree: no dx.toml in {} or above, nor in ./records; give the tree's folder with --root",
            start.display()
        ),
        LoadError::NotAFolder { path } => format!("{} is not a folder", path.display()),
        LoadError::Io { path, source } => format!("cannot read {}: {source}", path.display()),
        LoadError::TooManyFiles { count, max } => format!(
            "the tree has {count} files; at most {max} can be read: split it into trees by field"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_singular_for_one() {
        let s = Summary {
            records: 1,
            errors: 1,
            warnings: 2,
        };
        assert_eq!(summary(&s), "1 error, 2 warnings (1 record checked)");
        assert_eq!(plural(0usize, "file", "files"), "0 files");
    }
}
