//! `dx completions SHELL` and `dx man`: generated from the clap definition, in the
//! language of the rest of the output.

use std::io::Write;

use super::{Ctx, EXIT_OK, command};

/// Arguments of `dx completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// シェル
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// What `dx __ids` lists.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum IdsOf {
    /// Every ID: records, ビジョン items, 原則, 分野, 領域 (`dx show`).
    All,
    /// 手法 and 技術 (`dx decide`, `dx measure`).
    Work,
    /// 課題 (`dx review`).
    Issue,
    /// 課題, 手法 and 技術 (`dx mv`).
    Record,
}

/// Arguments of the hidden `dx __ids`.
#[derive(Debug, clap::Args)]
pub struct IdsArgs {
    /// 種類
    #[arg(value_enum, default_value = "all")]
    pub of: IdsOf,
}

/// The commands whose first argument is an ID, and which IDs: what the
/// completion scripts complete from the tree at hand.
const ID_COMMANDS: &[(&str, &str)] = &[
    ("show", "all"),
    ("decide", "work"),
    ("measure", "work"),
    ("review", "issue"),
    ("mv", "record"),
];

pub(super) fn completions(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    clap_complete::generate(args.shell, &mut command(ctx.lang()), "dx", out);
    match args.shell {
        clap_complete::Shell::Bash => out.write_all(bash_ids().as_bytes())?,
        clap_complete::Shell::Fish => out.write_all(fish_ids().as_bytes())?,
        // zsh, PowerShell and Elvish complete commands and options only.
        _ => {}
    }
    Ok(EXIT_OK)
}

/// bash: before clap's completion, the first argument of a command in
/// [`ID_COMMANDS`] completes from `dx __ids` (the tree is found from the
/// current folder, or from `--root` when given before the command).
fn bash_ids() -> String {
    let cases: String = ID_COMMANDS
        .iter()
        .map(|(c, of)| format!("        {c}) of={of} ;;\n"))
        .collect();
    format!(
        r#"
# Record IDs from the tree at hand (dx __ids), for the first argument of
# {commands}.
_dx_ids() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" sub="" at=0 root=() of="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            --root) root=(--root "${{COMP_WORDS[i + 1]}}"); ((i++)) ;;
            --today | --lang | --dates | --color | --ambiguous-width) ((i++)) ;;
            -*) ;;
            *) sub="${{COMP_WORDS[i]}}"; at=$i; break ;;
        esac
    done
    case "$sub" in
{cases}    esac
    if [[ -n "$of" && $COMP_CWORD -eq $((at + 1)) && "$cur" != -* ]]; then
        COMPREPLY=($(compgen -W "$(dx "${{root[@]}}" __ids "$of" 2>/dev/null)" -- "$cur"))
        [[ ${{#COMPREPLY[@]}} -gt 0 ]] && return 0
    fi
    _dx "$@"
}}
if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _dx_ids -o nosort -o bashdefault -o default dx
else
    complete -F _dx_ids -o bashdefault -o default dx
fi
"#,
        commands = ID_COMMANDS
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// fish: the same commands' arguments complete from `dx __ids`.
fn fish_ids() -> String {
    let mut s = String::from("\n# Record IDs from the tree at hand (dx __ids).\n");
    for (c, of) in ID_COMMANDS {
        s.push_str(&format!(
            "complete -c dx -n \"__fish_seen_subcommand_from {c}\" -f -a \"(dx __ids {of} 2>/dev/null)\"\n"
        ));
    }
    s
}

/// `dx __ids`: the IDs of the tree, one a line, for the completion
/// scripts; nothing but an exit code when there is no tree.
pub(super) fn ids(ctx: &Ctx<'_>, args: &IdsArgs, out: &mut dyn Write) -> anyhow::Result<u8> {
    use crate::model::Kind;
    let model = ctx.load()?;
    let kinds: &[Kind] = match args.of {
        IdsOf::All => &[],
        IdsOf::Work => &[Kind::Method, Kind::Technology],
        IdsOf::Issue => &[Kind::Issue],
        IdsOf::Record => &[Kind::Issue, Kind::Method, Kind::Technology],
    };
    let mut ids: Vec<&str> = if kinds.is_empty() {
        model.all_ids().collect()
    } else {
        kinds
            .iter()
            .flat_map(|k| model.records_of(*k))
            .map(|(_, r)| r.id.as_str())
            .collect()
    };
    // As people count: K-2 before K-10.
    ids.sort_by(|a, b| crate::model::ids::natural_cmp(a, b));
    for id in ids {
        writeln!(out, "{id}")?;
    }
    Ok(EXIT_OK)
}

/// One page for all of dx: the global options, then every command with its
/// own arguments and options, the exit codes and the environment. clap's
/// generator renders sections; the page refers to no other man page (dx
/// installs one).
pub(super) fn man(ctx: &Ctx<'_>, out: &mut dyn Write) -> anyhow::Result<u8> {
    let mut page = Vec::new();
    man_page(ctx, &mut page)?;
    out.write_all(breakable(&String::from_utf8_lossy(&page)).as_bytes())?;
    Ok(EXIT_OK)
}

/// The page with a break point (`\:`) after every wide character of its
/// text lines: Japanese has no spaces, and roff breaks lines only at
/// spaces, so a long sentence could not be set ("can't break line").
fn breakable(page: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::with_capacity(page.len() * 2);
    for line in page.lines() {
        // Requests and their arguments stay as they are.
        if line.starts_with(['.', '\'']) {
            out.push_str(line);
        } else {
            for c in line.chars() {
                out.push(c);
                if c.width() == Some(2) {
                    out.push_str("\\:");
                }
            }
        }
        out.push('\n');
    }
    out
}

fn man_page(ctx: &Ctx<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let lang = ctx.lang();
    let words = lang.clap_words();
    let cmd = command(lang);
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(out)?;
    // Left-aligned, no hyphenation: Japanese lines have no spaces to
    // stretch, and justified they gave "cannot adjust line" warnings.
    writeln!(out, ".ad l\n.nh")?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    writeln!(out, ".SH \"{}\"", roff_text(words.commands))?;
    for sub in cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
    {
        let name = format!("dx {}", sub.get_name());
        // The command's own arguments: the global options are above.
        let mut own = clap::Command::new("dx")
            .bin_name(name.clone())
            .disable_help_flag(true)
            .disable_version_flag(true);
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && a.get_id() != "help")
        {
            own = own.arg(arg.clone());
        }
        writeln!(out, ".SS \"{}\"", roff_text(&name))?;
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            writeln!(out, "{}", roff_text(&about.to_string()))?;
        }
        let mut section = Vec::new();
        let part = clap_mangen::Man::new(own);
        part.render_synopsis_section(&mut section)?;
        part.render_options_section(&mut section)?;
        // Within a command, sections become paragraphs.
        for line in String::from_utf8_lossy(&section).lines() {
            if line.starts_with(".SH") {
                writeln!(out, ".PP")?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
    }
    writeln!(out, ".SH \"{}\"", roff_text(words.exit_status))?;
    for (code, meaning) in words.exit_codes.iter().enumerate() {
        writeln!(out, ".TP\n\\fB{code}\\fR\n{}", roff_text(meaning))?;
    }
    writeln!(out, ".SH \"{}\"", roff_text(words.environment))?;
    for (name, meaning) in words.env_vars {
        writeln!(
            out,
            ".TP\n\\fB{}\\fR\n{}",
            roff_text(name),
            roff_text(meaning)
        )?;
    }
    writeln!(out, ".SH \"{}\"", roff_text(words.see_also))?;
    writeln!(out, "{}", roff_text(words.see_also_text))?;
    page.render_version_section(out)?;
    Ok(())
}

/// Text as roff reads it literally: backslashes and hyphens escaped, and
/// no line starting with a control character.
fn roff_text(s: &str) -> String {
    s.lines()
        .map(|line| {
            let line = line.replace('\\', "\\e").replace('-', "\\-");
            if line.starts_with(['.', '\'']) {
                format!("\\&{line}")
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A value parser that takes any text (the command checks it and suggests
/// the nearest word itself) and offers `words` to shell completion.
#[derive(Clone, Copy)]
pub(crate) struct Candidates(pub(crate) fn() -> Vec<&'static str>);

impl clap::builder::TypedValueParser for Candidates {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// Record kinds as they may be written.
pub(crate) fn kinds() -> Vec<&'static str> {
    vec!["課題", "手法", "技術", "issue", "method", "technology"]
}

/// The stages.
pub(crate) fn stages() -> Vec<&'static str> {
    crate::model::Stage::WORDS.to_vec()
}

/// The progress words of 課題.
pub(crate) fn progress() -> Vec<&'static str> {
    crate::model::Progress::WORDS.to_vec()
}

/// The visibilities, both ways of writing them.
pub(crate) fn visibilities() -> Vec<&'static str> {
    vec!["public", "internal", "公開", "庁内限定"]
}

/// Every rule's slug.
pub(crate) fn rule_slugs() -> Vec<&'static str> {
    crate::diag::RuleId::ALL.iter().map(|r| r.slug()).collect()
}
