//! Reading a tree's files: the walk (no links followed), each file read
//! within the size limit and decoded (BOM, Shift_JIS/EUC-JP detection), and
//! the parser's complaint placed in the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::super::{SkipReason, Skipped};
use super::*;
use crate::diag::Message;

/// What a file is, by its name and place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Settings,
    Principles,
    National,
    Field,
    Domain,
    Record,
    /// A meeting file under the top-level `meetings/` folder.
    Meeting,
}

/// A file to read. Boxed strings: every file has one of these while the
/// tree is parsed, when memory peaks.
#[derive(Clone)]
pub(super) struct Entry {
    pub(super) rel: Box<str>,
    /// The path on disk, when `rel` (made of lossy UTF-8) does not lead
    /// back to it: most entries need none.
    pub(super) abs: Option<Box<Path>>,
    pub(super) role: Role,
}

/// Every `.toml` file below `root`, sorted by relative path. Names starting
/// with `.` are skipped; links are not followed, so a link loop or a link out
/// of the tree can neither hang dx nor pull in foreign files.
pub(super) fn walk(root: &Path) -> Result<(Vec<Entry>, Vec<Skipped>), LoadError> {
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| LoadError::Io {
            path: e
                .path()
                .map_or_else(|| root.to_path_buf(), Path::to_path_buf),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("walk failed")),
        })?;
        let rel_path = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let rel = rel_path
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if entry.path_is_symlink() {
            skipped.push(Skipped {
                path: rel,
                why: SkipReason::Link,
            });
            continue;
        }
        let kind = entry.file_type();
        let toml = entry.path().extension().is_some_and(|x| x == "toml");
        if kind.is_dir() && toml && entry.depth() > 0 {
            skipped.push(Skipped {
                path: rel,
                why: SkipReason::Folder,
            });
            continue;
        }
        if kind.is_dir() || !toml {
            continue;
        }
        if !kind.is_file() {
            skipped.push(Skipped {
                path: rel,
                why: SkipReason::NotAFile,
            });
            continue;
        }
        let role = role_of(&rel, entry.depth());
        let abs = (root.join(&rel) != entry.path()).then(|| entry.path().into());
        entries.push(Entry {
            rel: rel.into(),
            abs,
            role,
        });
    }
    entries.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    entries.shrink_to_fit();
    skipped.sort();
    Ok((entries, skipped))
}

pub(super) fn role_of(rel: &str, depth: usize) -> Role {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match (depth, name) {
        _ if depth >= 2 && rel.starts_with("meetings/") => Role::Meeting,
        (1, "dx.toml") => Role::Settings,
        (1, "principles.toml") => Role::Principles,
        (1, "national.toml") => Role::National,
        (2.., "field.toml") => Role::Field,
        (2.., "domain.toml") => Role::Domain,
        _ => Role::Record,
    }
}

/// The folder part of a relative path ("" at the root).
pub(super) fn parent_dir(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The folders holding `rel`, nearest first.
pub(super) fn ancestors(rel: &str) -> impl Iterator<Item = &str> {
    let mut dir = Some(parent_dir(rel)).filter(|d| !d.is_empty());
    std::iter::from_fn(move || {
        let current = dir?;
        dir = current.rsplit_once('/').map(|(up, _)| up);
        Some(current)
    })
}

/// Where a tree's files come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// A folder on disk.
    Disk(PathBuf),
    /// Files already in memory, by path relative to the root with `/` (a git
    /// revision read by `dx diff`).
    Memory(BTreeMap<String, Vec<u8>>),
    /// A folder on disk as a writer would leave it: each path in `changes`
    /// has the given bytes, or is gone (`None`). The writers check their
    /// result through it before they write anything.
    Overlay {
        /// The tree on disk.
        root: PathBuf,
        /// Relative paths (with `/`) and their new bytes, or `None`.
        changes: BTreeMap<String, Option<Vec<u8>>>,
    },
}

impl Source {
    /// Every `.toml` file of the tree, sorted by relative path, and what was
    /// left out (symbolic links, special files).
    pub(super) fn entries(&self) -> Result<(Vec<Entry>, Vec<Skipped>), LoadError> {
        match self {
            Self::Disk(root) => walk(root),
            Self::Overlay { root, changes } => {
                let (mut entries, skipped) = walk(root)?;
                entries.retain(|e| !changes.contains_key(&*e.rel));
                for (rel, bytes) in changes {
                    if bytes.is_some() {
                        entries.push(Entry {
                            rel: rel.as_str().into(),
                            abs: None,
                            role: role_of(rel, rel.split('/').count()),
                        });
                    }
                }
                entries.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
                Ok((entries, skipped))
            }
            Self::Memory(files) => Ok((
                files
                    .keys()
                    .filter(|rel| {
                        rel.ends_with(".toml")
                            && !rel
                                .split('/')
                                .any(|part| part.starts_with('.') || part.is_empty())
                    })
                    .map(|rel| Entry {
                        rel: rel.as_str().into(),
                        abs: None,
                        role: role_of(rel, rel.split('/').count()),
                    })
                    .collect(),
                Vec::new(),
            )),
        }
    }

    /// Read a file as UTF-8 text, or say why not.
    pub(super) fn read_text(&self, entry: &Entry) -> Result<Result<String, Message>, LoadError> {
        match self {
            Self::Disk(root) => {
                let abs = entry
                    .abs
                    .as_deref()
                    .map_or_else(|| root.join(&*entry.rel), Path::to_path_buf);
                read_disk(&abs).map_err(|source| LoadError::Io { path: abs, source })
            }
            Self::Overlay { root, changes } => match changes.get(&*entry.rel) {
                // An editor's buffer is held to the limit of a file.
                Some(Some(bytes)) => Ok(decode_sized(bytes.clone())),
                _ => {
                    let abs = root.join(&*entry.rel);
                    read_disk(&abs).map_err(|source| LoadError::Io { path: abs, source })
                }
            },
            Self::Memory(files) => Ok(decode_sized(
                files.get(&*entry.rel).cloned().unwrap_or_default(),
            )),
        }
    }

    /// Whether texts are kept in memory: a tree from memory is there anyway,
    /// a tree on disk is read again for the files that are shown.
    pub(super) fn keeps_texts(&self) -> bool {
        matches!(self, Self::Memory(_) | Self::Overlay { .. })
    }
}

/// Bytes from memory as UTF-8 text, refusing more than a file may hold.
fn decode_sized(bytes: Vec<u8>) -> Result<String, Message> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(Message::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    decode(bytes)
}

/// Read a file from disk as UTF-8 text, or say why not.
pub(super) fn read_disk(abs: &Path) -> std::io::Result<Result<String, Message>> {
    read_sized(abs, std::fs::metadata(abs)?.len())
}

/// Read a file of `size` bytes (from its metadata), refusing one too large.
pub(super) fn read_sized(abs: &Path, size: u64) -> std::io::Result<Result<String, Message>> {
    if size > MAX_FILE_BYTES {
        return Ok(Err(Message::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        }));
    }
    Ok(decode(std::fs::read(abs)?))
}

/// How [`FileDb`] reads again a file it did not keep.
pub(super) fn reread(abs: &Path) -> Option<String> {
    // Only what the walk would read: not a link, nor a pipe that came since.
    let meta = std::fs::symlink_metadata(abs).ok()?;
    if !meta.is_file() {
        return None;
    }
    read_sized(abs, meta.len()).ok()?.ok()
}

/// UTF-8 (a BOM is dropped), or a guess at what else it is.
pub(super) fn decode(bytes: Vec<u8>) -> Result<String, Message> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Message::NotUtf8 {
            guess: Some("UTF-16"),
        });
    }
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        // EUC-JP is tried first: Shift_JIS lead bytes 0x81–0x9F are invalid
        // there, while EUC-JP text often also decodes as Shift_JIS.
        let guess = [
            (encoding_rs::EUC_JP, "EUC-JP"),
            (encoding_rs::SHIFT_JIS, "Shift_JIS"),
        ]
        .into_iter()
        .find(|(enc, _)| {
            enc.decode_without_bom_handling_and_without_replacement(bytes)
                .is_some()
        })
        .map(|(_, name)| name);
        Message::NotUtf8 { guess }
    })
}

/// Where a file fails to parse and why. The parser reports a control
/// character inside a string as an unclosed string; say what it really is.
pub(super) fn parse_failure(text: &str, e: &toml::de::Error) -> (std::ops::Range<usize>, Message) {
    if let Some((at, c)) = text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return (
            at..at + c.len_utf8(),
            Message::ControlCharacter { code: c as u32 },
        );
    }
    let range = e.span().unwrap_or(0..0);
    // A full-width or typographic stand-in for TOML's syntax where the
    // parser stopped (an input method typed it): named, with its
    // half-width form. Only there: the same character inside a string
    // elsewhere on the line is text.
    if let Some(c) = text.get(range.start..).and_then(|t| t.chars().next())
        && let Some(instead) = full_width_syntax(c)
    {
        return (
            range.start..range.start + c.len_utf8(),
            Message::FullWidthSyntax {
                found: c.to_string(),
                instead: instead.to_owned(),
            },
        );
    }
    (
        range,
        Message::ParseError {
            detail: e.message().trim().to_owned(),
        },
    )
}

/// The half-width TOML syntax a full-width or typographic character stands
/// in for, if it is one: ＝ for =, “ ” for ", 、 and ， for a comma …
fn full_width_syntax(c: char) -> Option<&'static str> {
    Some(match c {
        '＝' => "=",
        '“' | '”' | '＂' => "\"",
        '‘' | '’' | '＇' => "'",
        '、' | '，' => ",",
        '［' => "[",
        '］' => "]",
        '｛' => "{",
        '｝' => "}",
        '＃' => "#",
        '．' => ".",
        '\u{3000}' => " ",
        _ => return None,
    })
}
