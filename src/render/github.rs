//! GitHub Actions workflow commands, so findings show on the pull request's
//! changed lines.

use std::io::{self, Write};

use super::Findings;
use crate::i18n::visible;

/// Escape the message part of a workflow command.
fn data(s: &str) -> String {
    crate::files::printable(s, true)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Write one `::error` / `::warning` line per finding. `prefix` turns a path
/// relative to the tree root into one relative to the repository (the
/// working directory in CI), such as `records/`.
pub fn github(f: &Findings<'_>, prefix: &str, out: &mut dyn Write) -> io::Result<()> {
    for d in f.diagnostics {
        let (path, line, col) = f.files.locate(d.span);
        let mut message = visible(&f.lang.message(&d.message));
        if let Some(help) = f.lang.help(&d.message) {
            message.push('\n');
            message.push_str(&visible(&help));
        }
        writeln!(
            out,
            "::{} file={},line={line},col={col},title={}::{}",
            d.severity.as_str(),
            property(&format!("{prefix}{path}")),
            property(d.rule.slug()),
            data(&message),
        )?;
    }
    writeln!(out, "{}", f.lang.summary(&f.summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
