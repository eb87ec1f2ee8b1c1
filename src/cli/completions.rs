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

pub(super) fn completions(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    clap_complete::generate(args.shell, &mut command(ctx.lang()), "dx", out);
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
