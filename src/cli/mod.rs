//! The command line: argument definitions and dispatch. Each command is one
//! module; the binary only calls [`run`] and exits with its code.

mod agenda;
mod apply;
mod args;
mod check;
mod completions;
mod decide;
mod diff;
mod explain;
mod export;
mod fmt;
mod gap;
mod import;
mod init;
mod list;
mod lsp;
mod mv;
mod new;
mod output;
mod report;
mod schema;
mod show;
mod status;
mod survey;
mod tree;
mod write;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

pub use args::{ParseExit, command, lang_of, parse};
use jiff::civil::Date;

use crate::calendar::DateStyle;
use crate::i18n::Lang;
use crate::model::{self, LoadError, Model};

/// Exit code: clean.
pub const EXIT_OK: u8 = 0;
/// Exit code: the check found errors (or warnings under --deny-warnings).
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: dx could not do its job.
pub const EXIT_TROUBLE: u8 = 2;

/// dx — 西宮市DX推進指針に沿って、DXの課題・手法・技術のレコードを検査し集計します。
#[derive(Debug, Parser)]
#[command(name = "dx", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// ツリーのフォルダ(dx.toml のあるフォルダ)。省略時は上のフォルダを探し、なければ ./records
    #[arg(long, global = true, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub root: Option<PathBuf>,
    /// 「今日」の日付(YYYY-MM-DD か和暦 R8.3.31)。期限の検査をこの日付で行う
    #[arg(long, global = true, env = "DX_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<Date>,
    /// 表示の言語
    #[arg(long, global = true, env = "DX_LANG", value_enum, default_value = "ja")]
    pub lang: Lang,
    /// 日付の表示: iso(2026-03-31)・wareki(令和8年3月31日)・both。省略時は dx.toml の [display] dates、なければ iso(JSON・CSV は常に ISO)
    #[arg(long, global = true, value_name = "STYLE", value_parser = parse_dates)]
    pub dates: Option<DateStyle>,
    /// 色付け(NO_COLOR 環境変数にも従う)
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: Color,
    /// 端末の表で、幅のあいまいな文字(①・…・※ など)を数える幅: narrow(1桁)・wide(2桁)。省略時は日本語の出力で wide、英語で narrow
    #[arg(
        long,
        global = true,
        env = "DX_AMBIGUOUS_WIDTH",
        value_enum,
        value_name = "WIDTH"
    )]
    pub ambiguous_width: Option<crate::render::Ambiguous>,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// ツリーを検査する(CI が実行するコマンド)
    Check(check::Args),
    /// 状況表: 段階・進捗ごとの件数
    Status(status::Args),
    /// ギャップ分析: ビジョンのカバー状況、指標・見直し・意思決定の遅れ
    Gap(gap::Args),
    /// 一件のレコード(またはビジョン項目・原則・分野・領域)をリンクとともに表示する
    Show(show::Args),
    /// 分野 > 領域 > 課題 > 手法 > 技術 の体系図
    Tree(tree::Args),
    /// 条件に合うレコードの一覧
    List(list::Args),
    /// 次の空き番号で新しいレコードを作る
    New(new::Args),
    /// レコードを決まった形に整える(コメントは残す)
    Fmt(fmt::Args),
    /// 次の会議の議題案(判断待ちの実証、見直し、遅れている指標、未着手の課題、前回からの変更)
    Agenda(agenda::Args),
    /// 所管課への照会のブック(測定・新規提案)を作る
    Survey(survey::Args),
    /// 記入済みの照会のブックや CSV を取り込む(すべてか、何もしないか)
    Import(import::Args),
    /// 会議の意思決定を記録する(段階・見直し期限も合わせて変える)
    Decide(decide::DecideArgs),
    /// 定期的な見直しを記録し、次の見直し期限を決める
    Review(decide::ReviewArgs),
    /// 評価指標の測定を記録する
    Measure(decide::MeasureArgs),
    /// 会議ファイルの意思決定・見直し・測定をまとめて記録する(すべてか、何もしないか)
    Apply(apply::Args),
    /// レコードの ID を変える、または別の領域に移す(リンクもすべて書き換える)
    Mv(mv::Args),
    /// 二つの git リビジョンの間のポートフォリオの変更(プルリクエストの確認用)
    Diff(diff::Args),
    /// 会議用のダッシュボード(1つの HTML ファイル)を作る
    Report(report::Args),
    /// モデル全体(導き出した値を含む)を書き出す: JSON・YAML、Excel のブック、エンジン向けの表(CSV と型)
    Export(export::Args),
    /// 新しいツリーを作る(指針の5原則・ビジョンなどを含む)
    Init(init::Args),
    /// 規則の意味と直し方を表示する
    Explain(explain::Args),
    /// ツリーの各ファイルの JSON Schema を出力する(エディタでの補完・検査用)
    Schema(schema::Args),
    /// エディタ用の言語サーバー(検査・補完・ホバー・定義へ移動・参照)を標準入出力で動かす
    Lsp(lsp::Args),
    /// シェルの補完スクリプトを出力する
    Completions(completions::Args),
    /// man ページを出力する
    Man,
    /// 補完スクリプトが呼ぶ: ツリーの ID を一行に一つ(隠しコマンド)
    #[command(name = "__ids", hide = true)]
    Ids(completions::IdsArgs),
}

/// ISO or 和暦 (`令和8年3月31日`, `R8.3.31`), as staff write dates.
pub(super) fn parse_date(s: &str) -> Result<Date, String> {
    crate::calendar::parse_date(s).ok_or_else(|| {
        format!("日付は YYYY-MM-DD か和暦(令和8年3月31日、R8.3.31)で指定してください: {s}")
    })
}

/// A measured value as staff type it: a plain number. Full-width digits,
/// a unit or a thousands separator are named with what to type instead;
/// never Rust's own parse error.
pub(super) fn parse_value(s: &str) -> Result<f64, String> {
    let t = s.trim();
    if let Ok(v) = t.parse::<f64>()
        && v.is_finite()
    {
        return Ok(v);
    }
    let half = crate::suggest::half_width(t);
    if half != t && half.parse::<f64>().is_ok_and(f64::is_finite) {
        return Err(format!(
            "「{s}」には全角の文字があります。半角で {half} と書いてください"
        ));
    }
    let number: String = half
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-'))
        .collect();
    match number.parse::<f64>() {
        Ok(v) if v.is_finite() && !number.is_empty() => Err(format!(
            "「{s}」は数値ではありません。値は {v} のように数字だけを書いてください(% や 件 などの単位は評価指標の unit にあります)"
        )),
        _ => Err(format!(
            "「{s}」は数値ではありません。値は 40 や 12.5 のように数字で書いてください"
        )),
    }
}

fn parse_dates(s: &str) -> Result<DateStyle, String> {
    DateStyle::parse(s)
        .ok_or_else(|| format!("iso・wareki・both のいずれかを指定してください: {s}"))
}

/// What the binary knows about where it runs.
#[derive(Clone, Debug)]
pub struct Env {
    /// The working directory.
    pub cwd: PathBuf,
    /// Whether stdout is a terminal.
    pub stdout_is_terminal: bool,
    /// Whether NO_COLOR is set (and not empty).
    pub no_color: bool,
    /// The local date.
    pub local_today: Date,
}

/// Everything a command needs besides its own arguments.
pub(crate) struct Ctx<'a> {
    pub cli: &'a Cli,
    pub env: &'a Env,
    /// Notes for standard error, printed after the command's output.
    pub notes: std::cell::RefCell<Vec<String>>,
}

impl Ctx<'_> {
    pub(crate) fn lang(&self) -> Lang {
        self.cli.lang
    }

    /// How dates are shown: `--dates`, else dx.toml `[display] dates`.
    pub(crate) fn dates(&self, model: &Model) -> DateStyle {
        self.cli.dates.unwrap_or(model.settings.dates)
    }

    pub(crate) fn today(&self) -> Date {
        self.cli.today.unwrap_or(self.env.local_today)
    }

    pub(crate) fn color(&self) -> bool {
        match self.cli.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => self.env.stdout_is_terminal && !self.env.no_color,
        }
    }

    /// The error for a `--field` that names no 分野.
    pub(crate) fn unknown_field(&self, model: &Model, field: &str) -> anyhow::Error {
        let nearest = crate::suggest::nearest(field, model.fields.iter().map(|f| f.id.as_str()));
        let known: Vec<&str> = model.fields.iter().map(|f| f.id.as_str()).collect();
        anyhow::anyhow!((self.lang().words().unknown_field)(
            field,
            nearest,
            &known.join(", ")
        ))
    }

    /// How wide terminal tables count characters of ambiguous width: as
    /// told, else two columns when the output is Japanese (the consoles
    /// Japanese staff use show them so), one in English.
    pub(crate) fn ambiguous(&self) -> crate::render::Ambiguous {
        use crate::render::Ambiguous;
        self.cli.ambiguous_width.unwrap_or(match self.lang() {
            crate::i18n::Lang::Ja => Ambiguous::Wide,
            crate::i18n::Lang::En => Ambiguous::Narrow,
        })
    }

    /// Take the tree's writer lock (see [`crate::fsutil::TreeLock`]), then
    /// put back what a writer killed half way left (its journal, its
    /// temporary files): no other writer is running now.
    pub(crate) fn lock(&self, root: &std::path::Path) -> anyhow::Result<crate::fsutil::TreeLock> {
        use crate::fsutil::{LOCK, LockError, TreeLock};
        let words = self.lang().words();
        let lock = TreeLock::take(root).map_err(|e| match e {
            LockError::Busy { pid, waited } => anyhow::anyhow!((words.tree_busy)(pid, waited)),
            // Anything else (a read-only tree) is said as the write it stops.
            LockError::Io(e) => {
                let path = root.join(LOCK).display().to_string();
                anyhow::anyhow!((words.cannot_write)(&path, &e.to_string()))
            }
        })?;
        let restored = crate::fsutil::recover(root).map_err(|e| {
            let path = root.join(crate::fsutil::JOURNAL).display().to_string();
            anyhow::anyhow!((words.cannot_write)(&path, &e.to_string()))
        })?;
        if restored > 0 {
            self.notes.borrow_mut().push((words.recovered)(restored));
        }
        crate::fsutil::remove_stale_temps(root);
        Ok(lock)
    }

    /// For a writer: the tree's lock, then the tree read under it, so that
    /// what the writer changes is what is on disk until it has written.
    pub(crate) fn load_for_write(&self) -> anyhow::Result<(crate::fsutil::TreeLock, Loaded)> {
        let root = model::find_root(self.cli.root.as_deref(), &self.env.cwd)?;
        let lock = self.lock(&root)?;
        let model = self.load_at(&root)?;
        Ok((lock, Loaded(Some(model))))
    }

    /// Find and load the tree. The model is freed in the background when
    /// the command is done with it.
    pub(crate) fn load(&self) -> Result<Loaded, LoadError> {
        let root = model::find_root(self.cli.root.as_deref(), &self.env.cwd)?;
        self.load_at(&root).map(|m| Loaded(Some(m)))
    }

    /// A report on a tree with errors says so on standard error (SPEC
    /// §6.6): how many errors `dx check` finds and how many files could not
    /// be read and are left out of every count. Returns the two numbers.
    pub(crate) fn note_errors(&self, model: &Model) -> (usize, usize) {
        let errors = crate::rules::check(model, self.today())
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .count();
        let unreadable = model.unreadable_files();
        if errors > 0 {
            self.notes
                .borrow_mut()
                .push((self.lang().words().tree_has_errors)(errors, unreadable));
        }
        (errors, unreadable)
    }

    /// Load the tree at `root`, noting what the walk left out.
    pub(crate) fn load_at(&self, root: &std::path::Path) -> Result<Model, LoadError> {
        let model = model::load(root)?;
        let words = self.lang().words();
        self.notes
            .borrow_mut()
            .extend(model.skipped.iter().map(|s| {
                let note = match s.why {
                    model::SkipReason::Link => words.symlink_skipped,
                    model::SkipReason::NotAFile => words.special_skipped,
                    model::SkipReason::Folder => words.folder_skipped,
                };
                format!("{note}: {}", s.path)
            }));
        Ok(model)
    }
}

/// Run the command and return the exit code. Output goes to `out`,
/// complaints to `err`.
pub fn run(cli: &Cli, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let ctx = Ctx {
        cli,
        env,
        notes: std::cell::RefCell::new(Vec::new()),
    };
    let result = match &cli.command {
        Command::Check(args) => check::run(&ctx, args, out),
        Command::Status(args) => status::run(&ctx, args, out),
        Command::Gap(args) => gap::run(&ctx, args, out),
        Command::Show(args) => show::run(&ctx, args, out),
        Command::Tree(args) => tree::run(&ctx, args, out),
        Command::List(args) => list::run(&ctx, args, out),
        Command::New(args) => new::run(&ctx, args, out),
        Command::Fmt(args) => fmt::run(&ctx, args, out),
        Command::Agenda(args) => agenda::run(&ctx, args, out),
        Command::Decide(args) => decide::decide(&ctx, args, out),
        Command::Review(args) => decide::review(&ctx, args, out),
        Command::Measure(args) => decide::measure(&ctx, args, out),
        Command::Apply(args) => apply::run(&ctx, args, out),
        Command::Mv(args) => mv::run(&ctx, args, out),
        Command::Diff(args) => diff::run(&ctx, args, out),
        Command::Report(args) => report::run(&ctx, args, out),
        Command::Export(args) => export::run(&ctx, args, out),
        Command::Survey(args) => survey::run(&ctx, args, out),
        Command::Import(args) => import::run(&ctx, args, out),
        Command::Init(args) => init::run(&ctx, args, out),
        Command::Lsp(args) => lsp::run(&ctx, args, out),
        Command::Completions(args) => completions::completions(&ctx, args, out),
        Command::Man => completions::man(&ctx, out),
        Command::Ids(args) => completions::ids(&ctx, args, out),
        Command::Explain(args) => explain::run(&ctx, args, out),
        Command::Schema(args) => schema::run(&ctx, args, out),
    };
    for note in ctx.notes.borrow().iter() {
        // A note may name a file, whose name may hold anything.
        let _ = writeln!(err, "dx: {}", crate::files::printable(note, false));
    }
    match result {
        Ok(code) => code,
        // The reader went away (`dx export | head`): nothing to report.
        Err(e)
            if e.chain().any(|c| {
                let kind = c.downcast_ref::<std::io::Error>().map(std::io::Error::kind);
                // serde_json's error hides the io::Error from the chain.
                let kind = kind.or_else(|| {
                    c.downcast_ref::<serde_json::Error>()
                        .and_then(serde_json::Error::io_error_kind)
                });
                kind == Some(std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            EXIT_OK
        }
        // A writer that refused by the rules of SPEC §7.1: nothing written,
        // the same exit as a refusal on findings.
        Err(e) if e.downcast_ref::<write::Refused>().is_some() => {
            let _ = writeln!(
                err,
                "dx: {}",
                crate::files::printable(&format!("{e}"), true)
            );
            EXIT_FINDINGS
        }
        Err(e) => {
            let text = match e.downcast_ref::<LoadError>() {
                Some(load) => cli.lang.load_error(load),
                None => format!("{e:#}"),
            };
            let _ = writeln!(err, "dx: {}", crate::files::printable(&text, true));
            EXIT_TROUBLE
        }
    }
}

/// Where the tree is inside its git repository, with a trailing `/` (empty
/// at the top, or when the tree is in no repository): annotations and
/// SARIF name files from the repository's root, as GitHub resolves them,
/// the same from whatever folder dx runs in.
pub(crate) fn repo_prefix(root: &Path) -> String {
    match crate::git::locate(root) {
        Ok((_, rel)) if !rel.is_empty() => format!("{rel}/"),
        _ => String::new(),
    }
}

/// Free a model on another thread: freeing a hundred thousand records takes
/// tens of milliseconds that nobody should wait for at the end of a command,
/// and the process may well exit first. Without a thread, it is freed here.
fn drop_in_background(model: Model) {
    let _ = std::thread::Builder::new().spawn(move || drop(model));
}

/// A model loaded for a command, freed by [`drop_in_background`] when the
/// command returns: every command gets the saving without thinking of it.
pub(crate) struct Loaded(Option<Model>);

impl std::ops::Deref for Loaded {
    type Target = Model;
    fn deref(&self) -> &Model {
        // Some from construction until drop.
        self.0.as_ref().unwrap_or_else(|| unreachable!())
    }
}

impl Drop for Loaded {
    fn drop(&mut self) {
        if let Some(model) = self.0.take() {
            drop_in_background(model);
        }
    }
}
