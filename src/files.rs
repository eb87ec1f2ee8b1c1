//! The file database: every file dx read, by id, with its text and line starts.
//!
//! Spans elsewhere are byte ranges into these texts; lines and columns (in
//! characters, so that they land right on Japanese text) are computed only
//! when a diagnostic is rendered.

use std::ops::Range;

/// Index of a file in the [`FileDb`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The file the range lies in.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span of `range` in `file`.
    #[must_use]
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        // Files are capped far below 4 GiB by the loader, so offsets fit.
        let start = u32::try_from(range.start).unwrap_or(u32::MAX);
        let end = u32::try_from(range.end).unwrap_or(u32::MAX);
        Self { file, start, end }
    }

    /// The start of `file`: for findings about a file as a whole.
    #[must_use]
    pub fn file_start(file: FileId) -> Self {
        Self {
            file,
            start: 0,
            end: 0,
        }
    }

    /// The byte range.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A value with the span it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it stands.
    pub span: Span,
}

impl<T> Sp<T> {
    /// Pair a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// One file: its path relative to the tree root (with `/`), and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the tree root, `/`-separated.
    pub path: String,
    /// The decoded text (BOM removed); empty for a file that could not be read.
    pub text: String,
    /// Where each line starts: computed the first time a finding in this
    /// file is located, since most files of a large tree never are.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl SourceFile {
    /// A file with its text. Control characters are replaced by spaces of
    /// the same byte length, so that spans stay valid and no escape sequence
    /// in a record can reach a terminal or a CI log.
    #[must_use]
    pub fn new(path: String, text: String) -> Self {
        Self {
            path,
            text: neutralise_controls(text),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr_newlines(&self.text).map(|i| i + 1))
                .collect()
        })
    }

    /// 1-based line and character column of a byte offset.
    #[must_use]
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let line = self.line_starts().partition_point(|&s| s <= byte) - 1;
        let start = self.line_starts()[line];
        let col = self.text.get(start..byte).map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }

    fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let starts = self.line_starts();
        let start = *starts.get(line)?;
        let end = starts.get(line + 1).copied().unwrap_or(self.text.len());
        Some(start..end)
    }
}

fn neutralise_controls(text: String) -> String {
    let bytes = text.as_bytes();
    let harmful = |i: usize, c: char| {
        c.is_control() && c != '\t' && c != '\n' && !(c == '\r' && bytes.get(i + 1) == Some(&b'\n'))
    };
    if !text.char_indices().any(|(i, c)| harmful(i, c)) {
        return text;
    }
    text.char_indices()
        .map(|(i, c)| {
            if harmful(i, c) {
                " ".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
}

/// All files of one load, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct FileDb {
    files: Vec<SourceFile>,
}

impl FileDb {
    /// An empty database.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty database with room for `n` files.
    #[must_use]
    pub fn with_capacity(n: usize) -> Self {
        Self {
            files: Vec::with_capacity(n),
        }
    }

    /// Add a file and return its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(file);
        id
    }

    /// The file with this id.
    #[must_use]
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Number of files.
    #[must_use]
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when no file was read.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Path, line and column of the start of a span.
    #[must_use]
    pub fn locate(&self, span: Span) -> (&str, usize, usize) {
        let file = self.get(span.file);
        let (line, col) = file.line_col(span.start as usize);
        (&file.path, line, col)
    }

    /// The length in bytes of the line a span starts on.
    #[must_use]
    pub fn line_length(&self, span: Span) -> usize {
        let file = self.get(span.file);
        let line = file
            .line_starts()
            .partition_point(|&s| s <= span.start as usize)
            - 1;
        file.line_range(line).map_or(0, |r| r.len())
    }

    /// The text a span covers.
    #[must_use]
    pub fn snippet(&self, span: Span) -> &str {
        self.get(span.file).text.get(span.range()).unwrap_or("")
    }
}

impl<'a> codespan_reporting::files::Files<'a> for FileDb {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.get(id).path)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.get(id).text)
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let file = self.get(id);
        Ok(file.line_starts().partition_point(|&s| s <= byte) - 1)
    }

    fn line_range(
        &'a self,
        id: FileId,
        line: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let file = self.get(id);
        file.line_range(line)
            .ok_or(codespan_reporting::files::Error::LineTooLarge {
                given: line,
                max: file.line_starts().len() - 1,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let f = SourceFile::new("a.toml".into(), "a = \"x\u{1b}[31my\0\"\r\nb = 1\rc".into());
        assert_eq!(f.text, "a = \"x [31my \"\r\nb = 1 c");
        assert_eq!(f.line_col(f.text.find('b').unwrap_or(0)), (2, 1));
    }

    #[test]
    fn columns_count_characters() {
        let f = SourceFile::new("a.toml".into(), "title = \"課題\"\nx = 1\r\ny = 2".into());
        // 課 starts at byte 9 and is the 10th character.
        assert_eq!(f.line_col(9), (1, 10));
        // byte of `題` is 12: still one column further.
        assert_eq!(f.line_col(12), (1, 11));
        assert_eq!(f.line_col(f.text.find('x').unwrap_or(0)), (2, 1));
        assert_eq!(f.line_col(f.text.find('y').unwrap_or(0)), (3, 1));
    }
}
