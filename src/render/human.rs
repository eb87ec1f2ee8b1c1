//! rustc-style text: `error[rule]: message`, the place, the source line with
//! a caret under the value, a hint, and a summary line.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::{Files, SimpleFile};
use codespan_reporting::term::{self, Chars, Config, termcolor};

use super::Findings;
use crate::diag::{Message, Severity};
use crate::files::FileId;
use crate::i18n::visible;
use crate::rules::personal_data::mask;

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
            .with_notes(notes);
        let result = match &d.message {
            Message::PersonalData { kind, .. } => {
                // The echoed line must not repeat what the message masks.
                let file = f.files.get(d.span.file);
                let mut text = file.text.clone();
                let range = d.span.range();
                if let Some(found) = text.get(range.clone()) {
                    let masked = mask(found, *kind);
                    text.replace_range(range.clone(), &masked);
                }
                let masked = SimpleFile::new(file.path.as_str(), text);
                let labels = labels.iter().map(|_| Label::primary((), range.clone()));
                let report = Report {
                    severity: report.severity,
                    code: report.code,
                    message: report.message,
                    labels: labels.collect(),
                    notes: report.notes,
                };
                emit(out, color, &config, &masked, &report)
            }
            _ => emit(out, color, &config, f.files, &report.with_labels(labels)),
        };
        result.map_err(io::Error::other)?;
    }
    if f.diagnostics.is_empty() {
        writeln!(out, "{}", f.lang.words().clean)?;
    }
    writeln!(out, "{}", f.lang.summary(&f.summary))
}

fn emit<'a, F: Files<'a>>(
    out: &mut dyn Write,
    color: bool,
    config: &Config,
    files: &'a F,
    report: &Report<F::FileId>,
) -> Result<(), codespan_reporting::files::Error> {
    if color {
        term::emit_to_write_style(&mut termcolor::Ansi::new(out), config, files, report)
    } else {
        term::emit_to_io_write(out, config, files, report)
    }
}
