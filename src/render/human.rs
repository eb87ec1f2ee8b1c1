//! rustc-style text: `error[rule]: message`, the place, the source line with
//! a caret under the value, a hint, and a summary line.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::term::{self, Chars, Config, termcolor};

use super::Findings;
use crate::diag::Severity;
use crate::files::FileId;
use crate::i18n::visible;

/// Lines longer than this (in bytes) are not echoed, only located.
const MAX_SHOWN_LINE: usize = 400;

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
        let mut notes = Vec::new();
        let mut labels: Vec<Label<FileId>> = Vec::new();
        for (i, span) in std::iter::once(&d.span).chain(&d.related).enumerate() {
            if f.files.line_length(*span) <= MAX_SHOWN_LINE {
                let label = if i == 0 {
                    Label::primary(span.file, span.range())
                } else {
                    Label::secondary(span.file, span.range())
                };
                labels.push(label);
            } else {
                // Echoing a huge line (a pasted export) would flood the log.
                let (path, line, col) = f.files.locate(*span);
                notes.push(format!("--> {path}:{line}:{col}"));
            }
        }
        notes.extend(
            f.lang
                .help(&d.message)
                .map(|h| format!("{hint}: {}", visible(&h))),
        );
        let report = Report::new(level)
            .with_code(d.rule.slug())
            .with_message(visible(&f.lang.message(&d.message)))
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
