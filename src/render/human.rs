//! rustc-style text: `error[rule]: message`, the place, the source line with
//! a caret under the value, a hint, and a summary line.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::term::{self, Chars, Config, termcolor};

use super::Findings;
use crate::diag::Severity;
use crate::files::FileId;

/// Write the findings for a person reading a terminal or a CI log.
pub fn human(f: &Findings<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let hint = match f.lang {
        crate::i18n::Lang::Ja => "ヒント",
        crate::i18n::Lang::En => "help",
    };
    for d in f.diagnostics {
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let mut labels: Vec<Label<FileId>> = vec![Label::primary(d.span.file, d.span.range())];
        labels.extend(
            d.related
                .iter()
                .map(|s| Label::secondary(s.file, s.range())),
        );
        let notes = f
            .lang
            .help(&d.message)
            .map(|h| vec![format!("{hint}: {h}")])
            .unwrap_or_default();
        let report = Report::new(level)
            .with_code(d.rule.slug())
            .with_message(f.lang.message(&d.message))
            .with_labels(labels)
            .with_notes(notes);
        let result = if color {
            term::emit_to_write_style(
                &mut termcolor::Ansi::new(&mut *out),
                &config,
                f.files,
                &report,
            )
        } else {
            term::emit_to_io_write(&mut *out, &config, f.files, &report)
        };
        result.map_err(io::Error::other)?;
    }
    if f.diagnostics.is_empty() {
        writeln!(out, "{}", f.lang.words().clean)?;
    }
    writeln!(out, "{}", f.lang.summary(&f.summary))
}
