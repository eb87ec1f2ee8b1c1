//! Parsing the command line in the user's language. The definitions carry
//! Japanese help as doc comments; [`command`] puts every help text, heading
//! and built-in flag in the language chosen by `--lang` or `DX_LANG`, which
//! must therefore be known before clap parses anything ([`lang_of`]).

use std::ffi::{OsStr, OsString};

use clap::builder::{PossibleValue, StyledStr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::{ArgProblem, Lang, help};

/// The arguments could not be parsed, or asked for help or the version.
#[derive(Debug)]
pub enum ParseExit {
    /// Help, version, or an English error: clap prints it (in colour on a
    /// terminal) and knows its stream and exit code.
    Clap(clap::Error),
    /// An argument error in Japanese, for standard error; exit code 2.
    Message(String),
}

/// Parse `args` (the program name first) into a [`Cli`].
///
/// # Errors
/// When the arguments are wrong or ask for help or the version.
pub fn parse(args: Vec<OsString>, env_lang: Option<&OsStr>) -> Result<Cli, ParseExit> {
    let lang = lang_of(&args, env_lang);
    let mut cmd = command(lang);
    let result = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    result.map_err(|e| match (lang, e.kind()) {
        (Lang::En, _) | (_, ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            ParseExit::Clap(e)
        }
        (_, ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) => ParseExit::Clap(e),
        (Lang::Ja, _) => ParseExit::Message(japanese(&e)),
    })
}

/// The language asked for, read before parsing: the last `--lang X` or
/// `--lang=X` before a `--`, else `DX_LANG`, else Japanese. A value that is
/// no language leaves the choice to the rest (clap then reports it).
#[must_use]
pub fn lang_of(args: &[OsString], env_lang: Option<&OsStr>) -> Lang {
    let parse = |v: &OsStr| match v.to_str() {
        Some("ja") => Some(Lang::Ja),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    let mut found = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            if let Some(v) = it.next().and_then(|v| parse(v)) {
                found = Some(v);
            }
        } else if let Some(v) = a.to_str().and_then(|a| a.strip_prefix("--lang=")) {
            found = parse(OsStr::new(v)).or(found);
        }
    }
    found
        .or_else(|| env_lang.and_then(parse))
        .unwrap_or_default()
}

/// The whole command, with every text in `lang`.
#[must_use]
pub fn command(lang: Lang) -> Command {
    let words = lang.clap_words();
    let mut cmd = localize(Cli::command(), "", lang);
    cmd = cmd.subcommand_help_heading(words.commands);
    // clap adds `dx help` while building; its texts can only be set after.
    cmd.build();
    cmd.mut_subcommand("help", |c| {
        c.about(words.help_command)
            .mut_args(|a| a.help(words.help_command_arg))
            .help_template(template(lang))
    })
}

fn template(lang: Lang) -> String {
    format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        lang.clap_words().usage
    )
}

/// One command and its subcommands in `lang`; `path` is the command's name
/// ("" for dx itself).
fn localize(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let words = lang.clap_words();
    if lang == Lang::En
        && let Some(about) = help::english(path)
    {
        cmd = cmd.about(about);
    }
    cmd = cmd
        .help_template(template(lang))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(words.help)
                .help_heading(words.options),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(words.version)
                .help_heading(words.options),
        );
    }
    let arg_path = |id: &str| format!("{path}.{id}");
    cmd = cmd.mut_args(|a| {
        if a.get_id() == "help" || a.get_id() == "version" {
            return a;
        }
        let key = arg_path(a.get_id().as_str());
        let text = match lang {
            Lang::Ja => a.get_help().map(StyledStr::to_string).unwrap_or_default(),
            Lang::En => help::english(&key)
                .or_else(|| help::english(&format!("*.{}", a.get_id())))
                .unwrap_or_default()
                .to_owned(),
        };
        let heading = if a.is_positional() {
            words.arguments
        } else if a.is_global_set() {
            words.global
        } else {
            words.options
        };
        let text = with_details(&a, text, lang);
        let takes_values = a.get_action().takes_values();
        let a = a.help(text).help_heading(heading).hide_env(true);
        // clap allows hiding these only on arguments that take a value.
        if takes_values {
            a.hide_possible_values(true).hide_default_value(true)
        } else {
            a
        }
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &name, lang));
    }
    cmd
}

/// The help text followed by the values, the default and the environment
/// variable, in `lang`'s words (clap would add them in English).
fn with_details(a: &Arg, mut text: String, lang: Lang) -> String {
    let words = lang.clap_words();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(PossibleValue::get_name)
        .map(str::to_owned)
        .collect();
    let mut details = Vec::new();
    // A flag's possible values are true/false: not worth saying.
    if !values.is_empty() && a.get_action().takes_values() {
        details.push(format!("{}: {}", words.values, values.join(", ")));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && a.get_action().takes_values() {
        details.push(format!("{}: {}", words.default, defaults.join(", ")));
    }
    if let Some(env) = a.get_env() {
        details.push(format!("{}: {}", words.env, env.to_string_lossy()));
    }
    if !details.is_empty() {
        text.push_str(&format!(" [{}]", details.join(lang.pick("、", "; "))));
    }
    text
}

/// A clap error in Japanese, with the usage line it came with.
fn japanese(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let many = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => ArgProblem::Unknown,
        ErrorKind::InvalidValue => ArgProblem::InvalidValue,
        ErrorKind::ValueValidation => ArgProblem::BadValue,
        ErrorKind::InvalidSubcommand => ArgProblem::UnknownCommand,
        ErrorKind::MissingRequiredArgument => ArgProblem::Missing,
        ErrorKind::ArgumentConflict => ArgProblem::Conflict,
        ErrorKind::TooManyValues => ArgProblem::TooMany,
        ErrorKind::MissingSubcommand => ArgProblem::NoCommand,
        ErrorKind::NoEquals | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            ArgProblem::NoValue
        }
        _ => ArgProblem::Other,
    };
    let detail = std::error::Error::source(e).map_or_else(
        || e.to_string().lines().next().unwrap_or("").to_owned(),
        ToString::to_string,
    );
    let value = text(ContextKind::InvalidValue).or_else(|| text(ContextKind::InvalidSubcommand));
    let arg = text(ContextKind::InvalidArg);
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(many)
    .find(|v| !v.is_empty())
    .map(|v| v.join(", "));
    let problem = match problem {
        // `--format` with nothing after it.
        ArgProblem::InvalidValue if value.as_deref() == Some("") => ArgProblem::NoValue,
        p => p,
    };
    let mut s = format!(
        "エラー: {}",
        help::japanese_error(
            problem,
            arg.as_deref(),
            value.as_deref(),
            &many(ContextKind::ValidValue),
            suggested.as_deref(),
            &detail,
        )
    );
    // The usage line clap rendered, with its heading in Japanese.
    let rendered = e.to_string();
    if let Some(usage) = rendered.lines().find_map(|l| l.strip_prefix("Usage: ")) {
        s.push_str(&format!("\n\n使い方: {usage}"));
    }
    s.push_str(&format!("\n\n{}\n", Lang::Ja.clap_words().more));
    s
}
