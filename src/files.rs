//! The file database: every file dx read, by id, with its text and line starts.
//!
//! Spans elsewhere are byte ranges into these texts; lines and columns (in
//! characters, so that they land right on Japanese text) are computed only
//! when a diagnostic is rendered.

use std::hash::Hasher;
use std::num::NonZeroU32;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Index of a file in the [`FileDb`].
///
/// Stored plus one in a non-zero integer, so that `Option<Span>` and
/// `Option<Sp<f64>>` need no separate tag: there is one in every value of
/// every record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(NonZeroU32);

impl FileId {
    /// The id of the file at `index` (files are capped far below 4 billion).
    #[must_use]
    pub fn new(index: usize) -> Self {
        let plus_one = u32::try_from(index + 1).unwrap_or(u32::MAX);
        Self(NonZeroU32::new(plus_one).unwrap_or(NonZeroU32::MAX))
    }

    /// The index of the file.
    #[must_use]
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

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

/// Where a value stands in the file it was read from. The model keeps a
/// value with the record, table or file it belongs to, which knows the
/// file: not repeating it makes a location 8 bytes instead of 12, on every
/// value of every record. [`Loc::in_file`] makes the [`Span`] a finding needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    start: u32,
    // Never zero (a value is at least one byte long), so that an optional
    // location or spanned number needs no separate tag.
    end: NonZeroU32,
}

impl Loc {
    /// The location of `range` (files are capped far below 4 GiB).
    #[must_use]
    pub fn new(range: Range<usize>) -> Self {
        let start = u32::try_from(range.start).unwrap_or(u32::MAX);
        let end = u32::try_from(range.end).unwrap_or(u32::MAX).max(start);
        Self {
            start,
            end: NonZeroU32::new(end).unwrap_or(NonZeroU32::MIN),
        }
    }

    /// The byte range.
    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end.get() as usize
    }

    /// The span of this location in `file`.
    #[must_use]
    pub fn in_file(self, file: FileId) -> Span {
        Span {
            file,
            start: self.start,
            end: self.end.get(),
        }
    }
}

/// A value with where it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it stands in its file.
    pub span: Loc,
}

impl<T> Sp<T> {
    /// Pair a value with its location.
    pub fn new(value: T, span: Loc) -> Self {
        Self { value, span }
    }
}

/// One file: its path relative to the tree root (with `/`), and its text.
///
/// The text of a file read from disk is not kept once the file is checked:
/// at a hundred thousand records the texts were a sixth of the memory,
/// and only the few files with findings are ever shown. Such a file is read
/// again the first time one of its findings is located or echoed, and that
/// text is used only if it is the text that was checked (same length and
/// hash); a file changed in between is located at its start and not echoed.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to the tree root, `/`-separated.
    pub path: Box<str>,
    /// Length and hash of the text that was checked.
    stamp: Stamp,
    /// The text, once known: `None` when it cannot be had again.
    text: OnceLock<Option<Box<Text>>>,
}

/// The decoded text (BOM removed, control characters neutralised).
#[derive(Clone, Debug)]
struct Text {
    text: String,
    /// Where each line starts: computed the first time a finding in this
    /// file is located.
    line_starts: OnceLock<Vec<usize>>,
}

impl Text {
    fn new(text: String) -> Box<Self> {
        Box::new(Self {
            text,
            line_starts: OnceLock::new(),
        })
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr_newlines(&self.text).map(|i| i + 1))
                .collect()
        })
    }

    fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let starts = self.line_starts();
        let start = *starts.get(line)?;
        let end = starts.get(line + 1).copied().unwrap_or(self.text.len());
        Some(start..end)
    }

    /// 1-based line and character column of a byte offset.
    fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let line = self.line_starts().partition_point(|&s| s <= byte) - 1;
        let start = self.line_starts()[line];
        let col = self.text.get(start..byte).map_or(0, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

/// What identifies a text without keeping it: a hash of its length and
/// bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp(u64);

impl Stamp {
    fn of(text: &str) -> Self {
        let mut h = rustc_hash::FxHasher::default();
        h.write_usize(text.len());
        h.write(text.as_bytes());
        Self(h.finish())
    }
}

impl SourceFile {
    /// A hash of the text that was checked: what a 照会 workbook keeps to
    /// tell later whether the record changed since it was made.
    #[must_use]
    pub fn stamp(&self) -> u64 {
        self.stamp.0
    }

    /// A file with its text, kept. Control characters are replaced by
    /// spaces of the same byte length, so that spans stay valid and no
    /// escape sequence in a record can reach a terminal or a CI log.
    #[must_use]
    pub fn new(path: String, text: String) -> Self {
        let text = neutralise_controls(text);
        Self {
            path: path.into(),
            stamp: Stamp::of(&text),
            text: OnceLock::from(Some(Text::new(text))),
        }
    }

    /// A file whose text (already passed through [`neutralise_controls`])
    /// is not kept: [`FileDb`] reads it again when it is needed.
    #[must_use]
    pub fn unkept(path: String, text: &str) -> Self {
        if text.is_empty() {
            return Self::new(path, String::new());
        }
        Self {
            path: path.into(),
            stamp: Stamp::of(text),
            text: OnceLock::new(),
        }
    }
}

/// Reads a file of the tree again, decoded as when it was loaded.
pub type Reread = fn(&Path) -> Option<String>;

/// Control characters other than tab and line ends, replaced by spaces of
/// the same byte length; bidirectional overrides and isolates (which
/// reorder what a terminal shows) by U+FFFD, also three bytes, so every
/// span still points where it did.
#[must_use]
pub fn neutralise_controls(text: String) -> String {
    let bytes = text.as_bytes();
    let harmful = |i: usize, c: char| {
        (c.is_control()
            && c != '\t'
            && c != '\n'
            && !(c == '\r' && bytes.get(i + 1) == Some(&b'\n')))
            || is_bidi(c)
    };
    if !may_hold_controls(bytes) || !text.char_indices().any(|(i, c)| harmful(i, c)) {
        return text;
    }
    text.char_indices()
        .map(|(i, c)| {
            if is_bidi(c) {
                "\u{FFFD}".to_owned()
            } else if harmful(i, c) {
                " ".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Whether every line of `text` ends in CRLF (and there is at least one):
/// only then can line ends be made LF and back without changing a value.
#[must_use]
pub fn all_crlf(text: &str) -> bool {
    let crlf = text.matches("\r\n").count();
    crlf > 0 && crlf == text.matches('\n').count()
}

/// The bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069): they reorder the text around them on screen.
#[must_use]
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a terminal, a log or a spreadsheet would act on `c` rather than
/// show it: control characters (C0, DEL, C1), bidi controls, and the
/// noncharacters U+FFFE and U+FFFF that XML 1.0 forbids.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    // U+FFFE and U+FFFF (of every plane) are noncharacters that XML 1.0
    // forbids: one in a title made the Excel workbook corrupt.
    c.is_control() || is_bidi(c) || (c as u32 & 0xFFFE) == 0xFFFE
}

/// `s` safe to print anywhere: every unsafe character (see [`is_unsafe`])
/// shown as `<U+001B>`; with `keep_lines`, line feeds and tabs stay (a
/// multi-line text in a table cell).
#[must_use]
pub fn printable(s: &str, keep_lines: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) && !(keep_lines && matches!(c, '\n' | '\t'));
    if !s.chars().any(unsafe_char) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// `s` as a TOML basic string (with its quotes) in which nothing can hide:
/// line breaks, every control character (C0, DEL, C1), the bidirectional
/// controls and the marks (Trojan Source) are written as escapes, so a
/// value stays on its line and reads in a pull request as what it is.
/// Every text a writer or a generated file puts into TOML goes through it.
#[must_use]
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}') => {
                // \u takes four digits; beyond the first plane, \U eight.
                if u32::from(c) > 0xFFFF {
                    out.push_str(&format!("\\U{:08X}", u32::from(c)));
                } else {
                    out.push_str(&format!("\\u{:04X}", u32::from(c)));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `bytes` may hold a control character other than tab, LF and
/// CRLF: a byte below 0x20, 0x7F, a lone CR, or the lead byte C2 of
/// U+0080–U+009F. Every file passes here, so blocks are tested without
/// branches (the compiler turns that into vector code); CRs are rare.
fn may_hold_controls(bytes: &[u8]) -> bool {
    // 0xE2 leads U+2000–U+2FFF, the bidi controls among them.
    let odd = |b: u8| {
        (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r')
            | (b == 0x7F)
            | (b == 0xC2)
            | (b == 0xE2)
    };
    let suspect = bytes
        .chunks(64)
        .any(|block| block.iter().fold(false, |found, &b| found | odd(b)));
    let lone_cr = || {
        bytes
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
    };
    suspect || (bytes.contains(&b'\r') && lone_cr())
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
    /// Where unkept texts are read again from.
    reread: Option<(PathBuf, Reread)>,
    /// The paths on disk of the few files whose names are not UTF-8 (their
    /// `path` is lossy), sorted by id.
    disk: Vec<(FileId, Box<Path>)>,
}

impl FileDb {
    /// An empty database.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A database of these files, in this order (its capacity is kept).
    #[must_use]
    pub fn from_files(files: Vec<SourceFile>) -> Self {
        Self {
            files,
            reread: None,
            disk: Vec::new(),
        }
    }

    /// Where files whose names are not UTF-8 are on disk.
    pub fn set_disk_paths(&mut self, mut paths: Vec<(FileId, Box<Path>)>) {
        paths.sort_unstable_by_key(|(id, _)| *id);
        self.disk = paths;
    }

    /// Where a file is on disk, below `root`: its path, or the real name
    /// when that is not UTF-8.
    #[must_use]
    pub fn disk_path(&self, root: &Path, id: FileId) -> PathBuf {
        match self.disk.binary_search_by_key(&id, |(i, _)| *i) {
            Ok(at) => self.disk[at].1.to_path_buf(),
            Err(_) => root.join(&*self.get(id).path),
        }
    }

    /// Read unkept texts again with `read`, from under `root`.
    pub fn reread_with(&mut self, root: PathBuf, read: Reread) {
        self.reread = Some((root, read));
    }

    /// Add a file and return its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId::new(self.files.len());
        self.files.push(file);
        id
    }

    /// The file with this id.
    #[must_use]
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.index()]
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

    /// The text of a file, when it is known: kept, or read again and the
    /// same as when it was checked.
    fn loaded(&self, id: FileId) -> Option<&Text> {
        let file = self.get(id);
        file.text
            .get_or_init(|| {
                let (root, read) = self.reread.as_ref()?;
                let text = neutralise_controls(read(&self.disk_path(root, id))?);
                (Stamp::of(&text) == file.stamp).then(|| Text::new(text))
            })
            .as_deref()
    }

    /// Whether a file read from disk is no longer found at its path (its
    /// name was not UTF-8, or it was moved): `false` for a tree in memory.
    #[must_use]
    pub fn missing_on_disk(&self, id: FileId) -> bool {
        self.reread
            .as_ref()
            .is_some_and(|(root, _)| !self.disk_path(root, id).exists())
    }

    /// Read again, in parallel, the texts of these files (the files of the
    /// findings about to be shown), so that showing them waits on no disk.
    pub fn preload(&self, ids: impl Iterator<Item = FileId>) {
        use rayon::prelude::*;
        let mut ids: Vec<FileId> = ids.collect();
        ids.sort_unstable();
        ids.dedup();
        ids.par_iter().for_each(|&id| {
            self.loaded(id);
        });
    }

    /// The text of a file, or empty when it cannot be had again.
    #[must_use]
    pub fn text(&self, id: FileId) -> &str {
        self.loaded(id).map_or("", |t| t.text.as_str())
    }

    /// Path, line and column of the start of a span (line 1, column 1 when
    /// the file changed since it was checked).
    #[must_use]
    pub fn locate(&self, span: Span) -> (&str, usize, usize) {
        let file = self.get(span.file);
        let (line, col) = self
            .loaded(span.file)
            .map_or((1, 1), |t| t.line_col(span.start as usize));
        (&file.path, line, col)
    }

    /// The length in bytes of the line a span starts on, if the span can be
    /// shown: its file's text is at hand and holds it.
    #[must_use]
    pub fn line_length(&self, span: Span) -> Option<usize> {
        let text = self.loaded(span.file)?;
        if span.end as usize > text.text.len() || span.start > span.end {
            return None;
        }
        let line = text
            .line_starts()
            .partition_point(|&s| s <= span.start as usize)
            - 1;
        text.line_range(line).map(|r| r.len())
    }

    /// The text a span covers.
    #[must_use]
    pub fn snippet(&self, span: Span) -> &str {
        self.text(span.file).get(span.range()).unwrap_or("")
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
        Ok(self.text(id))
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self
            .loaded(id)
            .map_or(0, |t| t.line_starts().partition_point(|&s| s <= byte) - 1))
    }

    fn line_range(
        &'a self,
        id: FileId,
        line: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let text = self.loaded(id);
        text.and_then(|t| t.line_range(line)).ok_or(
            codespan_reporting::files::Error::LineTooLarge {
                given: line,
                max: text.map_or(0, |t| t.line_starts().len() - 1),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noncharacters_are_shown_and_escaped() -> Result<(), Box<dyn std::error::Error>> {
        // XML 1.0 forbids U+FFFE and U+FFFF: a title holding one broke the
        // Excel workbook.
        assert_eq!(printable("a\u{FFFF}b\u{FFFE}", false), "a<U+FFFF>b<U+FFFE>");
        assert_eq!(printable("\u{1FFFF}", false), "<U+1FFFF>");
        // Escapes beyond the first plane take \U and eight digits.
        let s = toml_string("x\u{1FFFF}\u{FFFF}");
        assert_eq!(s, "\"x\\U0001FFFF\\uFFFF\"");
        let parsed: toml::Value = toml::from_str(&format!("v = {s}"))?;
        assert_eq!(parsed["v"].as_str(), Some("x\u{1FFFF}\u{FFFF}"));
        Ok(())
    }

    fn db(file: SourceFile) -> (FileDb, FileId) {
        let mut db = FileDb::new();
        let id = db.add(file);
        (db, id)
    }

    fn line_col(db: &FileDb, id: FileId, byte: usize) -> (usize, usize) {
        let (_, line, col) = db.locate(Span::new(id, byte..byte));
        (line, col)
    }

    fn at(db: &FileDb, id: FileId, needle: char) -> (usize, usize) {
        line_col(db, id, db.text(id).find(needle).unwrap_or(usize::MAX))
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let (db, id) = db(SourceFile::new(
            "a.toml".into(),
            "a = \"x\u{1b}[31my\0\"\r\nb = 1\rc".into(),
        ));
        assert_eq!(db.text(id), "a = \"x [31my \"\r\nb = 1 c");
        assert_eq!(at(&db, id, 'b'), (2, 1));
        // DEL and a C1 control (U+0085, two bytes) too; Japanese text and
        // CRLF line ends are left alone.
        let mut other = FileDb::new();
        let id = other.add(SourceFile::new(
            "b.toml".into(),
            "a = \"x\u{7f}y\u{85}z\"\r\nb = \"課題\"\r\n".into(),
        ));
        assert_eq!(other.text(id), "a = \"x y  z\"\r\nb = \"課題\"\r\n");
        let alone = other.add(SourceFile::new(
            "c.toml".into(),
            "a = \"x\u{85}y\"\n".into(),
        ));
        assert_eq!(other.text(alone), "a = \"x  y\"\n");
    }

    #[test]
    fn columns_count_characters() {
        let (db, id) = db(SourceFile::new(
            "a.toml".into(),
            "title = \"課題\"\nx = 1\r\ny = 2".into(),
        ));
        // 課 starts at byte 9 and is the 10th character.
        assert_eq!(line_col(&db, id, 9), (1, 10));
        // byte of `題` is 12: still one column further.
        assert_eq!(line_col(&db, id, 12), (1, 11));
        assert_eq!(at(&db, id, 'x'), (2, 1));
        assert_eq!(at(&db, id, 'y'), (3, 1));
    }

    #[test]
    fn an_unkept_text_is_read_again_only_if_unchanged() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let text = "title = \"課題\"\nowner = \"市民課\"\n";
        std::fs::write(dir.path().join("K-001.toml"), text)?;
        let read: Reread = |p| std::fs::read_to_string(p).ok();
        let mut files = FileDb::new();
        files.reread_with(dir.path().to_path_buf(), read);
        let same = files.add(SourceFile::unkept("K-001.toml".into(), text));
        let changed = files.add(SourceFile::unkept("K-001.toml".into(), "title = 1\n"));
        let gone = files.add(SourceFile::unkept("K-002.toml".into(), text));
        let at = text.find("owner").unwrap_or(0);
        let owner = Span::new(same, at..at + 5);
        assert_eq!(files.snippet(owner), "owner");
        assert_eq!(files.locate(owner), ("K-001.toml", 2, 1));
        assert!(files.line_length(owner).is_some());
        for id in [changed, gone] {
            let span = Span::new(id, at..at + 5);
            assert_eq!(files.text(id), "");
            assert_eq!(line_col(&files, id, at), (1, 1));
            assert_eq!(files.line_length(span), None);
        }
        Ok(())
    }
}
