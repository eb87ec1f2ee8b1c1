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
    let lang = ctx.lang();
    let words = lang.clap_words();
    let cmd = command(lang);
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(out)?;
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
    Ok(EXIT_OK)
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
