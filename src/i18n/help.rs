//! The words of the command line itself: help in English (the Japanese is
//! in the argument definitions, as doc comments), the headings and the
//! built-in flags clap would otherwise print in English, and clap's
//! argument errors in Japanese.

use super::Lang;

/// English help of a command or an argument, by its path: `""` is dx
/// itself, `"check"` a command, `"check.format"` one of its arguments and
/// `".lang"` a global one. `None` for a path that has none (a test walks
/// the whole command tree and requires every path to be here).
#[must_use]
pub fn english(path: &str) -> Option<&'static str> {
    Some(match path {
        "" => {
            "dx — check and report on the DX records (課題, 手法, 技術) of a city's DX guideline."
        }
        ".root" => "The tree's folder (where dx.toml is). Default: the nearest above, or ./records",
        ".today" => {
            "The date taken as today for every deadline (YYYY-MM-DD, or 和暦 such as R8.3.31)"
        }
        ".lang" => "The language of the output",
        ".dates" => {
            "How dates are shown: iso (2026-03-31), wareki (令和8年3月31日) or both. Default: [display] dates in dx.toml, else iso (JSON and CSV are always ISO)"
        }
        ".color" => "Colour (NO_COLOR is followed too)",
        ".ambiguous_width" => {
            "How many columns terminal tables count for characters of ambiguous width (①, …, ※): narrow (1) or wide (2); by default wide for Japanese output, narrow for English"
        }
        "check" => "Check the tree (the command CI runs)",
        "check.format" => "Output format",
        "check.deny_warnings" => "Fail (exit code 1) on warnings too",
        "check.output" => {
            "Write the report to this file (the exit code still gives the result: keep a SARIF file in CI and fail)"
        }
        "check.exit_zero" => "Exit 0 even with findings (2 still when the tree cannot be read)",
        "status" => "Status table: counts by stage and progress",
        "status.by" => {
            "The rows: field, domain, principle, national priority or team, or fiscal year (decisions and observations by year)"
        }
        "gap" => "Gap analysis: vision coverage, indicators, reviews and decisions behind",
        "gap.field" => "Only one field (for example kurashi)",
        "show" => "One record (or vision item, principle, field, domain) with its links",
        "show.id" => {
            "The ID to show (a record, a vision item kurashi-1, a principle P1, a field kurashi, a domain kurashi/online)"
        }
        "tree" => "The outline: field > domain > 課題 > 手法 > 技術",
        "tree.field" => "Only one field (for example kurashi)",
        "tree.depth" => "How deep: 1 field, 2 domain, 3 課題, 4 手法, 5 技術",
        "list" => "The records that match",
        "list.kind" => "Kind: 課題, 手法, 技術 (or issue, method, technology); may be repeated",
        "list.field" => "Field (for example kurashi)",
        "list.domain" => "Domain (for example kurashi/online)",
        "list.stage" => "Stage (for example 実証実験); may be repeated",
        "list.progress" => "A 課題's progress (for example 未着手); may be repeated",
        "list.tag" => "Tag",
        "list.visibility" => "Visibility: public or internal",
        "list.owner" => "Owner (for example 市民課)",
        "new" => "Create a record with the next free ID, or a domain or field",
        "new.kind" => {
            "Kind: 課題, 手法, 技術 (or issue, method, technology), or 領域, 分野 (domain, field)"
        }
        "new.id" => "For a domain or field: its ID (for example kurashi/online, kurashi)",
        "new.domain" => "The domain to put it in (for example kurashi/online)",
        "new.title" => "Title",
        "new.name" => "For a domain or field: its name",
        "new.working_group" => "For a field: its working group's name",
        "new.stage" => "手法 and 技術: the stage (default 検討)",
        "new.tags" => "Tags",
        "new.visibility" => "Visibility: public or internal",
        "new.team_name" => "手法 and 技術: the team's name",
        "new.team_kind" => "手法 and 技術: the team's kind (検討チーム or タスクフォース)",
        "new.vision" => "課題: the vision items it comes from (for example kurashi-1)",
        "new.solves" => "手法: the 課題 it solves (for example K-001)",
        "new.principles" => "手法: the principles it follows (for example P1)",
        "new.implements" => "技術: the 手法 it implements (for example S-001)",
        "new.owner" => "Owner (a department or a post)",
        "agenda" => {
            "The next meeting's agenda: pilots awaiting a decision, reviews due, indicators behind, 課題 not started, changes since the last meeting"
        }
        "agenda.body" => "The body that meets (default 推進本部; 作業部会 with --field)",
        "agenda.field" => "A field's working group (for example kurashi)",
        "agenda.date" => "The meeting's date (default: today)",
        "agenda.format" => "Output format (meeting: a meeting file to complete and dx apply)",
        "decide" => "Record a meeting's decision (the stage and next review follow it)",
        "decide.id" => "The ID of a 手法 or 技術",
        "decide.body" => {
            "The body that decided (推進本部, 幹事会, 作業部会, 検討チーム, タスクフォース)"
        }
        "decide.result" => {
            "The result (実証開始, 先行導入, 導入, 運用開始, 継続, 改善, 見送り, 廃止, 付議); the stage follows it"
        }
        "decide.date" => "The meeting's date (default: today)",
        "decide.note" => "A note",
        "decide.next_review" => {
            "The next review's date (a record in 運用: default the date + interval_months of dx.toml)"
        }
        "review" => "Record a periodic review and set the next one",
        "review.id" => {
            "The ID of a 手法 or 技術 in operation (運用), or of a 課題 (reviewed again after a revision)"
        }
        "review.date" => "The review's date (default: today)",
        "review.next_review" => {
            "The next review's date (default: the date + interval_months of dx.toml)"
        }
        "review.result" => "The result (継続, 改善, 廃止; default: 継続)",
        "review.body" => "The body (default: 作業部会)",
        "review.note" => "A note",
        "measure" => "Record a measurement of an indicator",
        "measure.id" => "The ID of a 手法 or 技術",
        "measure.indicator" => "The indicator's name, or its position (from 1)",
        "measure.value" => "The value (none when the status is 評価不能)",
        "measure.date" => "When it was measured (default: today)",
        "measure.status" => "The status (確定, 速報, 推計, 評価不能; default 確定)",
        "measure.source" => "Where the number comes from",
        "measure.note" => "A note",
        "measure.replace" => "Replace a measurement of the same date that has another value",
        "apply" => {
            "Record a meeting file's decisions, reviews and measurements at once (all or nothing)"
        }
        "apply.meeting" => "The meeting file (in the tree's meetings/ folder)",
        "apply.skip_unfilled" => {
            "Leave out unfilled entries (result = \"\", a measurement without value) and record the rest"
        }
        "survey" => "Make the 照会 workbooks for the departments (measurements, proposals)",
        "survey.owner" => {
            "The departments to ask (default: every department owning a 手法 or 技術 with an indicator)"
        }
        "survey.due" => "When the answers are due (shown on the guide sheet)",
        "survey.blank" => {
            "A blank workbook with only the proposal sheet (also for moving a ledger in)"
        }
        "import" => "Import answered 照会 workbooks or CSV (all or nothing)",
        "import.files" => {
            "Answered workbooks (.xlsx) or CSV with the same headers (UTF-8 or Shift_JIS)"
        }
        "import.owner" => "The department owning the proposals of a CSV (a workbook names its own)",
        "survey.output" => "Where to write: an .xlsx file for one workbook, else a folder",
        "decide.to" => "付議 (referral): the higher body it goes to (幹事会, 推進本部)",
        "*.dry_run" => "Write nothing; print the change as a unified diff",
        "*.force" => {
            "Write even when the change adds errors to dx check, the result is not allowed from the stage, or a date is after today"
        }
        "mv" => "Give a record a new ID or move it to another domain, rewriting every link to it",
        "mv.record" => "The record's ID, or its file's path when two files have the ID",
        "mv.new" => "The new ID",
        "mv.next" => "Take the next free ID",
        "mv.domain" => "The domain to move it to (for example kurashi/online)",
        "mv.links_from" => {
            "When two files have the ID: the records whose links mean this one (other links are listed, not rewritten)"
        }
        "fmt" => "Put records in their canonical form (comments are kept)",
        "fmt.check" => "Rewrite nothing; list the files that need formatting (exit code 1 if any)",
        "diff" => "What changed in the portfolio between two git revisions (for pull requests)",
        "diff.base" => {
            "The revision to compare from (for example main, origin/main, HEAD~1), or a date: the last commit on or before it (2026-10-01, R8.10.1)"
        }
        "diff.head" => "The revision or date to compare to. Default: the working files",
        "report" => "The meeting dashboard (one HTML file)",
        "report.output" => "The file to write (default: standard output)",
        "report.public" => {
            "The public edition for citizens: public records and overall counts only"
        }
        "report.since" => {
            "Add a section on what changed since this revision (the last meeting, say)"
        }
        "export" => {
            "The whole model, derived values included: JSON, YAML, an Excel workbook, or tables for engines (CSV with their types)"
        }
        "export.format" => {
            "Output format (xlsx: an Excel workbook; tables: CSV tables and datapackage.json in a folder)"
        }
        "export.output" => "The file to write (a folder for tables); default standard output",
        "export.public" => "Public records only (xlsx and tables)",
        "init" => "Start a new tree (with the guideline's five principles, vision and more)",
        "init.dir" => "The folder to create (missing or empty)",
        "init.organization" => "The organisation's name (organization in dx.toml)",
        "init.guideline" => "The guideline's name (default: the organisation's name + DX推進指針)",
        "init.lg_code" => {
            "The 全国地方公共団体コード: six digits with the check digit (for example 282049)"
        }
        "init.empty" => "No fields: only dx.toml, principles.toml and national.toml",
        "explain" => "What a rule means and how to fix what it finds",
        "explain.slug" => {
            "The rule's name (for example broken-link). Without it, the list of rules"
        }
        "schema" => "The JSON Schema of a file kind (for completion and checks in an editor)",
        "schema.kind" => {
            "issue, method, technology, dx, field, domain, principles, national or meeting (without it, all of them in one JSON)"
        }
        "lsp" => {
            "Run the language server for editors over stdio (diagnostics, completion, hover, definition, references)"
        }
        "completions" => "A shell's completion script",
        "completions.shell" => "The shell",
        "man" => "The man page",
        "__ids" => "For the completion scripts: the tree's IDs, one a line (hidden)",
        "__ids.of" => "Which IDs: all, work (手法 and 技術), issue or record",
        "*.format" => "Output format",
        "*.output" => {
            "The file to write (default standard output; a workbook is never written to a terminal)"
        }
        "*.table" => {
            "One table only: its number (from 1), name (issues, 課題…) or heading; a CSV holds one table, the first by default (no effect on JSON)"
        }
        "*.no_bom" => "No BOM at the start of CSV (when something other than Excel reads it)",
        _ => return None,
    })
}

/// What clap would print in English.
pub struct ClapWords {
    /// Before the usage line.
    pub usage: &'static str,
    /// The heading of the commands.
    pub commands: &'static str,
    /// The heading of positional arguments.
    pub arguments: &'static str,
    /// The heading of options.
    pub options: &'static str,
    /// The heading of the options every command takes.
    pub global: &'static str,
    /// `-h, --help`.
    pub help: &'static str,
    /// `-V, --version`.
    pub version: &'static str,
    /// `dx help`.
    pub help_command: &'static str,
    /// `dx help`'s argument.
    pub help_command_arg: &'static str,
    /// Before the possible values of an argument.
    pub values: &'static str,
    /// Before the default of an argument.
    pub default: &'static str,
    /// Before the environment variable of an argument.
    pub env: &'static str,
    /// The end of an error: where to read more.
    pub more: &'static str,
    /// The man page's section of exit codes, and each code's meaning.
    pub exit_status: &'static str,
    /// Exit code 0, 1, 2.
    pub exit_codes: [&'static str; 3],
    /// The man page's section of environment variables.
    pub environment: &'static str,
    /// `DX_TODAY`, `DX_LANG`, `NO_COLOR`.
    pub env_vars: [(&'static str, &'static str); 4],
    /// The man page's closing section: where the rest is written.
    pub see_also: &'static str,
    /// What it says.
    pub see_also_text: &'static str,
}

impl Lang {
    /// The words of the command line around the help texts.
    #[must_use]
    pub fn clap_words(self) -> &'static ClapWords {
        self.pick(&JA, &EN)
    }
}

const JA: ClapWords = ClapWords {
    usage: "使い方",
    commands: "コマンド",
    arguments: "引数",
    options: "オプション",
    global: "共通オプション",
    help: "このヘルプを表示する",
    version: "バージョンを表示する",
    help_command: "dx またはコマンドのヘルプを表示する",
    help_command_arg: "ヘルプを表示するコマンド",
    values: "値",
    default: "既定",
    env: "環境変数",
    more: "詳しくは「--help」で表示されます。",
    exit_status: "終了コード",
    exit_codes: [
        "正常に終わった(dx check では、エラーがなかった)",
        "dx check がエラーを見つけた(--deny-warnings では警告も)。書き込むコマンドでは、検査で問題が見つかって書き込みを取りやめた",
        "dx が仕事をできなかった: ツリーが見つからない、引数の誤り、読み書きできないファイルなど",
    ],
    environment: "環境変数",
    env_vars: [
        (
            "DX_TODAY",
            "「今日」の日付(--today と同じ。YYYY-MM-DD か和暦 R8.3.31)",
        ),
        ("DX_LANG", "表示の言語(ja または en。--lang が優先)"),
        (
            "DX_AMBIGUOUS_WIDTH",
            "端末の表で幅のあいまいな文字を数える幅(narrow か wide。--ambiguous-width と同じ)",
        ),
        (
            "NO_COLOR",
            "空でない値があれば色を付けない(--color always が優先)",
        ),
    ],
    see_also: "関連文書",
    see_also_text: "dx のソースの README.md と docs/(guide.md: レコードの書き方、rules.md: 規則の一覧、meetings.md: 会議の記録、editor.md: エディタ)。規則の説明は dx explain 規則名 でも表示されます。",
};

const EN: ClapWords = ClapWords {
    usage: "Usage",
    commands: "Commands",
    arguments: "Arguments",
    options: "Options",
    global: "Global options",
    help: "Print help",
    version: "Print version",
    help_command: "Print this message or the help of the given command",
    help_command_arg: "The command whose help to print",
    values: "possible values",
    default: "default",
    env: "env",
    more: "For more information, try '--help'.",
    exit_status: "Exit status",
    exit_codes: [
        "Success (for dx check: no errors)",
        "dx check found errors (or warnings under --deny-warnings); a writing command found problems and wrote nothing",
        "dx could not do its job: no tree found, wrong arguments, a file that cannot be read or written",
    ],
    environment: "Environment",
    env_vars: [
        (
            "DX_TODAY",
            "The date taken as today (as --today: YYYY-MM-DD or 和暦 R8.3.31)",
        ),
        (
            "DX_LANG",
            "The language of the output (ja or en; --lang wins)",
        ),
        (
            "DX_AMBIGUOUS_WIDTH",
            "How wide terminal tables count characters of ambiguous width (narrow or wide; as --ambiguous-width)",
        ),
        (
            "NO_COLOR",
            "When set and not empty, no colours (--color always wins)",
        ),
    ],
    see_also: "See also",
    see_also_text: "README.md and docs/ in dx's sources (guide.md: writing records, rules.md: every rule, meetings.md: recording meetings, editor.md: editors). dx explain RULE prints one rule's explanation.",
};

/// What went wrong in the arguments, in the terms clap reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgProblem {
    /// An argument dx does not have.
    Unknown,
    /// A value outside the argument's values.
    InvalidValue,
    /// A value the argument's parser refused.
    BadValue,
    /// No such command.
    UnknownCommand,
    /// A required argument is missing.
    Missing,
    /// A value is missing after an option.
    NoValue,
    /// Two arguments that cannot go together.
    Conflict,
    /// More values than the argument takes.
    TooMany,
    /// No command given.
    NoCommand,
    /// Anything else.
    Other,
}

/// A clap argument error in Japanese. `arg` is the argument as the user
/// wrote it (or its name), `value` the value, `valid` the values it
/// takes, `suggested` the nearest, `detail` clap's own reason (kept for
/// the cases with no better words).
#[must_use]
pub fn japanese_error(
    problem: ArgProblem,
    arg: Option<&str>,
    value: Option<&str>,
    valid: &[String],
    suggested: Option<&str>,
    detail: &str,
) -> String {
    let arg = arg.unwrap_or("");
    let value = value.unwrap_or("");
    let mut s = match problem {
        ArgProblem::Unknown => format!("「{arg}」という引数はありません"),
        ArgProblem::InvalidValue => format!("{arg} に「{value}」は指定できません"),
        ArgProblem::BadValue => format!("{arg} の値「{value}」が正しくありません: {detail}"),
        ArgProblem::UnknownCommand => format!("「{value}」というコマンドはありません"),
        ArgProblem::Missing => format!("{arg} を指定してください"),
        ArgProblem::NoValue => format!("{arg} の後に値を指定してください"),
        ArgProblem::Conflict => format!("{arg} は「{value}」と一緒には指定できません"),
        ArgProblem::TooMany => format!("{arg} に値「{value}」は余分です"),
        ArgProblem::NoCommand => "コマンドを指定してください".to_owned(),
        ArgProblem::Other => format!("引数が正しくありません: {detail}"),
    };
    if !valid.is_empty() {
        s.push_str(&format!("\n  指定できる値: {}", valid.join(", ")));
    }
    if let Some(suggested) = suggested {
        s.push_str(&format!("\n  もしかして: {suggested}"));
    }
    s
}
