//! `dx explain [SLUG]`: what a rule means and how to fix it.

use std::io::Write;

use anyhow::bail;

use crate::i18n::Lang;
use crate::rules::{RULES, Rule, RuleId};
use crate::suggest;

use super::{Ctx, EXIT_OK};

/// Arguments of `dx explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 規則の名前(例: broken-link)。省略すると一覧を表示する
    #[arg(value_parser = super::completions::Candidates(super::completions::rule_slugs), hide_possible_values = true)]
    pub slug: Option<String>,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let lang = ctx.lang();
    let Some(slug) = &args.slug else {
        for rule in RULES {
            let doc = doc(rule, lang);
            let severity = (lang.words().severity)(rule.severity());
            writeln!(
                out,
                "{:<22} {:<8} {}",
                rule.id.slug(),
                severity,
                doc.summary
            )?;
        }
        return Ok(EXIT_OK);
    };
    let Some(id) = RuleId::from_slug(slug) else {
        let near = suggest::nearest(slug, RuleId::ALL.iter().map(|r| r.slug()));
        bail!((lang.words().no_rule)(slug, near));
    };
    write_rule(crate::rules::rule(id), lang, out)?;
    Ok(EXIT_OK)
}

fn doc(rule: &Rule, lang: Lang) -> crate::rules::DocText {
    lang.pick(rule.ja, rule.en)
}

/// One rule's explanation; also the source of docs/rules.md.
pub(super) fn write_rule(rule: &Rule, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let [severity, what, why, fix, example] = lang.words().explain_headings;
    let doc = doc(rule, lang);
    writeln!(out, "{}", rule.id.slug())?;
    writeln!(out)?;
    writeln!(
        out,
        "{severity}: {}",
        (lang.words().severity)(rule.severity())
    )?;
    writeln!(out)?;
    writeln!(out, "{what}:\n  {}", doc.summary)?;
    writeln!(out)?;
    writeln!(out, "{why}:\n  {}", doc.why)?;
    writeln!(out)?;
    writeln!(out, "{fix}:\n  {}", doc.fix)?;
    writeln!(out)?;
    writeln!(out, "{example}:")?;
    for line in rule.example.lines() {
        writeln!(out, "    {line}")?;
    }
    Ok(())
}
