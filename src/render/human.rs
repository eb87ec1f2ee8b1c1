//! rustc-style text: `error[rule]: message`, the place, the source line with
//! a caret under the value, a hint, and a summary line.

use std::collections::HashMap;
use std::io::{self, Write};

use rayon::prelude::*;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Chars, Config, termcolor};

use super::Findings;
use crate::diag::{Message, Severity};
use crate::files::{FileDb, FileId};
use crate::i18n::visible;
use crate::privacy::mask;

/// Lines longer than this (in bytes) are not echoed, only located.
const MAX_SHOWN_LINE: usize = 400;

/// Write the findings for a person reading a terminal or a CI log.
pub fn human(f: &Findings<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let echoed = Echoed::new(f);
    // Findings are laid out in parallel, a chunk at a time, and written in
    // order: laying out thousands of excerpts is most of what a check of a
    // large tree spends after its rules.
    let chunks: Vec<io::Result<Vec<u8>>> = f
        .diagnostics
        .par_chunks(256)
        .map(|chunk| {
            let mut buf = Vec::with_capacity(chunk.len() * 256);
            for d in chunk {
                emit(f, d, &echoed, &config, color, &mut buf)?;
            }
            Ok(buf)
        })
        .collect();
    for chunk in chunks {
        out.write_all(&chunk?)?;
    }
    if f.diagnostics.is_empty() {
        writeln!(out, "{}", f.lang.words().clean)?;
    }
    writeln!(out, "{}", f.lang.summary(&f.summary))
}

/// One finding, as codespan lays it out.
fn emit(
    f: &Findings<'_>,
    d: &crate::diag::Diagnostic,
    echoed: &Echoed<'_>,
    config: &Config,
    color: bool,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    let hint = f.lang.words().help_label;
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let mut notes = Vec::new();
    let mut labels: Vec<Label<FileId>> = Vec::new();
    for (i, span) in std::iter::once(&d.span).chain(&d.related).enumerate() {
        match f.files.line_length(*span) {
            Some(n) if n <= MAX_SHOWN_LINE => {
                let label = if i == 0 {
                    Label::primary(span.file, span.range())
                } else {
                    Label::secondary(span.file, span.range())
                };
                labels.push(label);
            }
            // Echoing a huge line (a pasted export) would flood the log.
            Some(_) => {
                let (path, line, col) = f.files.locate(*span);
                let path = crate::files::printable(path, false);
                notes.push(format!("--> {path}:{line}:{col}"));
            }
            None => {
                let path = crate::files::printable(&f.files.get(span.file).path, false);
                notes.push(format!("--> {path}"));
                let words = f.lang.words();
                notes.push(if f.files.missing_on_disk(span.file) {
                    words.cannot_reread.to_owned()
                } else {
                    words.changed_since_check.to_owned()
                });
            }
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
    let result = if color {
        term::emit_to_write_style(
            &mut termcolor::Ansi::new(&mut *out),
            config,
            echoed,
            &report.with_labels(labels),
        )
    } else {
        term::emit_to_io_write(&mut *out, config, echoed, &report.with_labels(labels))
    };
    result.map_err(io::Error::other)
}

/// The files as echoed under the findings: every stretch the check found to
/// be personal data is masked, whichever finding's line shows it (an
/// unknown key on the same line must not print the number the
/// personal-data message hides). Masks keep byte lengths, so lines and
/// columns are those of the [`FileDb`].
struct Echoed<'f> {
    files: &'f FileDb,
    masked: HashMap<FileId, String>,
}

impl<'f> Echoed<'f> {
    fn new(f: &Findings<'f>) -> Self {
        let mut masked: HashMap<FileId, String> = HashMap::new();
        for d in f.diagnostics {
            let Message::PersonalData { kind, .. } = &d.message else {
                continue;
            };
            let found = f.files.snippet(d.span);
            let text = masked
                .entry(d.span.file)
                .or_insert_with(|| f.files.text(d.span.file).to_owned());
            if text.get(d.span.range()).is_some() {
                text.replace_range(d.span.range(), &mask(found, *kind));
            }
        }
        Self {
            files: f.files,
            masked,
        }
    }
}

impl<'a> Files<'a> for Echoed<'_> {
    type FileId = FileId;
    type Name = std::borrow::Cow<'a, str>;
    type Source = &'a str;

    /// The file's name as it can be printed: a name may hold anything.
    fn name(&'a self, id: FileId) -> Result<Self::Name, FilesError> {
        self.files
            .name(id)
            .map(|n| crate::files::printable(n, false))
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        match self.masked.get(&id) {
            Some(text) => Ok(text),
            None => self.files.source(id),
        }
    }

    fn line_index(&'a self, id: FileId, byte: usize) -> Result<usize, FilesError> {
        self.files.line_index(id, byte)
    }

    fn line_range(&'a self, id: FileId, line: usize) -> Result<std::ops::Range<usize>, FilesError> {
        self.files.line_range(id, line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::RuleId;
    use crate::diag::{Diagnostic, Summary};
    use crate::files::{Reread, SourceFile, Span};
    use crate::i18n::Lang;

    /// A file saved again between the check and the output is named, not
    /// echoed: its text is no longer the text the finding is about.
    #[test]
    fn a_file_changed_after_the_check_is_named_not_echoed() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("K-001.toml"), "title = \"別の内容\"\n")?;
        let read: Reread = |p| std::fs::read_to_string(p).ok();
        let mut files = FileDb::new();
        files.reread_with(dir.path().to_path_buf(), read);
        let checked = "title = \"課題\"\nowner = \"市民課\"\n";
        let file = files.add(SourceFile::unkept("K-001.toml".into(), checked));
        let diagnostics = [Diagnostic::new(
            RuleId::UnknownKey,
            Span::new(file, 18..23),
            Message::OutsideDomain,
        )];
        let findings = Findings {
            files: &files,
            diagnostics: &diagnostics,
            summary: Summary::of(1, &diagnostics),
            lang: Lang::Ja,
        };
        let mut out = Vec::new();
        human(&findings, false, &mut out)?;
        let out = String::from_utf8(out)?;
        assert!(out.contains("--> K-001.toml\n"), "{out}");
        assert!(out.contains("検査の後でこのファイルが変更された"), "{out}");
        assert!(
            !out.contains("別の内容") && !out.contains("市民課"),
            "{out}"
        );
        Ok(())
    }
}
