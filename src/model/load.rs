//! From a folder to a [`Model`]: find the root, walk, read and parse every
//! file in parallel, validate each into typed values, then link them once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use thin_vec::ThinVec;
use toml::de::DeTable;

use super::reader::{Reader, Table};
use super::{
    Backlinks, Body, Closed, Decision, Domain, DomainIdx, Field, FieldIdx, Idx, Indicator,
    IssuePart, Kind, Level, Lookup, MethodPart, Model, Outcome, Part, Record, Reference, Settings,
    SkipReason, Skipped, Stage, Team, TeamKind, TechnologyPart, Thing, Visibility, VisionIdx,
    VisionItem, Work, ids, keys,
};
use crate::diag::{BadValue, Diagnostic, IdKind, Message};
use crate::files::{self, FileDb, FileId, SourceFile, Span};
use crate::rules::RuleId;
use crate::rules::personal_data::{self, Allow};

/// Files larger than this are refused: a record is a few kilobytes, and a
/// huge file is a mistake (an export pasted in) that would only slow CI.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Why dx could not load a tree at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No dx.toml above the working directory, nor in ./records.
    #[error("no dx.toml found from {start} upwards, nor in ./records")]
    NoTree {
        /// Where the search started.
        start: PathBuf,
    },
    /// `--root` is not a folder.
    #[error("{path} is not a folder")]
    NotAFolder {
        /// The path given.
        path: PathBuf,
    },
    /// Reading the tree failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// More files than the model can index.
    #[error("the tree has {count} files; at most {max} can be read")]
    TooManyFiles {
        /// Files found.
        count: usize,
        /// The most there may be.
        max: usize,
    },
}

/// Find the tree root: `--root` if given, else the nearest ancestor of `cwd`
/// holding dx.toml, else `./records` when that holds one.
pub fn find_root(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, LoadError> {
    if let Some(dir) = explicit {
        return if dir.is_dir() {
            Ok(dir.to_path_buf())
        } else {
            Err(LoadError::NotAFolder {
                path: dir.to_path_buf(),
            })
        };
    }
    if let Some(dir) = cwd.ancestors().find(|d| d.join("dx.toml").is_file()) {
        return Ok(dir.to_path_buf());
    }
    let records = cwd.join("records");
    if records.join("dx.toml").is_file() {
        return Ok(records);
    }
    Err(LoadError::NoTree {
        start: cwd.to_path_buf(),
    })
}

/// What a file is, by its name and place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Settings,
    Principles,
    National,
    Field,
    Domain,
    Record,
}

/// A file to read. Boxed strings: every file has one of these while the
/// tree is parsed, when memory peaks.
#[derive(Clone)]
struct Entry {
    rel: Box<str>,
    /// The path on disk, when `rel` (made of lossy UTF-8) does not lead
    /// back to it: most entries need none.
    abs: Option<Box<Path>>,
    role: Role,
}

/// Every `.toml` file below `root`, sorted by relative path. Names starting
/// with `.` are skipped; links are not followed, so a link loop or a link out
/// of the tree can neither hang dx nor pull in foreign files.
fn walk(root: &Path) -> Result<(Vec<Entry>, Vec<Skipped>), LoadError> {
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
        if kind.is_dir() || entry.path().extension().is_none_or(|x| x != "toml") {
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

fn role_of(rel: &str, depth: usize) -> Role {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    match (depth, name) {
        (1, "dx.toml") => Role::Settings,
        (1, "principles.toml") => Role::Principles,
        (1, "national.toml") => Role::National,
        (2.., "field.toml") => Role::Field,
        (2.., "domain.toml") => Role::Domain,
        _ => Role::Record,
    }
}

/// The folder part of a relative path ("" at the root).
fn parent_dir(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The folders holding `rel`, nearest first.
fn ancestors(rel: &str) -> impl Iterator<Item = &str> {
    let mut dir = Some(parent_dir(rel)).filter(|d| !d.is_empty());
    std::iter::from_fn(move || {
        let current = dir?;
        dir = current.rsplit_once('/').map(|(up, _)| up);
        Some(current)
    })
}

/// A file's content after validation.
///
/// Every variant is boxed: a slot of the per-file result vector is as large
/// as the largest variant, and there are as many slots as files.
enum Content {
    Nothing,
    Settings(Box<Settings>),
    /// 原則 and 横断的配慮.
    Principles(Box<(Vec<Reference>, Vec<Reference>)>),
    /// Where the priorities come from, and the priorities.
    National(Box<(Option<String>, Vec<Reference>)>),
    Field(Box<FieldFile>),
    Domain(Box<DomainFile>),
    Record(Box<Record>),
}

/// A field.toml.
struct FieldFile {
    name: String,
    working_group: Option<String>,
    vision: Vec<VisionItem>,
}

/// A domain.toml.
struct DomainFile {
    name: String,
    description: Option<String>,
}

struct Parsed {
    file: SourceFile,
    content: Content,
    diags: Vec<Diagnostic>,
}

/// Where a tree's files come from.
#[derive(Clone, Debug)]
pub enum Source {
    /// A folder on disk.
    Disk(PathBuf),
    /// Files already in memory, by path relative to the root with `/` (a git
    /// revision read by `dx diff`).
    Memory(BTreeMap<String, Vec<u8>>),
}

impl Source {
    /// Every `.toml` file of the tree, sorted by relative path, and what was
    /// left out (symbolic links, special files).
    fn entries(&self) -> Result<(Vec<Entry>, Vec<Skipped>), LoadError> {
        match self {
            Self::Disk(root) => walk(root),
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
    fn read_text(&self, entry: &Entry) -> Result<Result<String, Message>, LoadError> {
        match self {
            Self::Disk(root) => {
                let abs = entry
                    .abs
                    .as_deref()
                    .map_or_else(|| root.join(&*entry.rel), Path::to_path_buf);
                read_disk(&abs).map_err(|source| LoadError::Io { path: abs, source })
            }
            Self::Memory(files) => {
                let bytes = files.get(&*entry.rel).cloned().unwrap_or_default();
                let size = bytes.len() as u64;
                if size > MAX_FILE_BYTES {
                    return Ok(Err(Message::TooLarge {
                        size,
                        limit: MAX_FILE_BYTES,
                    }));
                }
                Ok(decode(bytes))
            }
        }
    }

    /// Whether texts are kept in memory: a tree from memory is there anyway,
    /// a tree on disk is read again for the files that are shown.
    fn keeps_texts(&self) -> bool {
        matches!(self, Self::Memory(_))
    }
}

/// Read a file from disk as UTF-8 text, or say why not.
fn read_disk(abs: &Path) -> std::io::Result<Result<String, Message>> {
    read_sized(abs, std::fs::metadata(abs)?.len())
}

/// Read a file of `size` bytes (from its metadata), refusing one too large.
fn read_sized(abs: &Path, size: u64) -> std::io::Result<Result<String, Message>> {
    if size > MAX_FILE_BYTES {
        return Ok(Err(Message::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        }));
    }
    Ok(decode(std::fs::read(abs)?))
}

/// How [`FileDb`] reads again a file it did not keep.
fn reread(abs: &Path) -> Option<String> {
    // Only what the walk would read: not a link, nor a pipe that came since.
    let meta = std::fs::symlink_metadata(abs).ok()?;
    if !meta.is_file() {
        return None;
    }
    read_sized(abs, meta.len()).ok()?.ok()
}

/// UTF-8 (a BOM is dropped), or a guess at what else it is.
fn decode(bytes: Vec<u8>) -> Result<String, Message> {
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
fn parse_failure(text: &str, e: &toml::de::Error) -> (std::ops::Range<usize>, Message) {
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
    (
        range,
        Message::ParseError {
            detail: e.message().trim().to_owned(),
        },
    )
}

/// The ID and kind a record file's name gives, or the finding that it gives none.
fn record_id(rel: &str, settings: &Settings) -> Result<(String, Kind), Message> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    match settings.prefixes.kind_of(stem) {
        Some(kind) => Ok((stem.to_owned(), kind)),
        None => {
            let suggestion = Kind::ALL
                .into_iter()
                .find_map(|k| ids::repair(&settings.prefixes, k.into(), stem));
            Err(Message::FileNameNotId {
                stem: stem.to_owned(),
                suggestion,
            })
        }
    }
}

fn read_one(
    source: &Source,
    index: usize,
    entry: Entry,
    settings: &Settings,
    allow: &Allow<'_>,
) -> Result<Parsed, LoadError> {
    let file = FileId::new(index);
    let record = if entry.role == Role::Record {
        match record_id(&entry.rel, settings) {
            Ok(id) => Some(id),
            Err(message) => {
                let diag = Diagnostic::new(RuleId::IdFormat, Span::file_start(file), message);
                let text = source.read_text(&entry)?.unwrap_or_default();
                return Ok(Parsed {
                    file: SourceFile::new(entry.rel.into(), text),
                    content: Content::Nothing,
                    diags: vec![diag],
                });
            }
        }
    } else {
        None
    };
    let record_name = record.as_ref().map(|(id, _)| id.as_str());
    let placeholder = || match &record {
        Some((id, kind)) => {
            Content::Record(Box::new(Record::unparsed(id.as_str().into(), *kind, file)))
        }
        None => Content::Nothing,
    };
    let text = match source.read_text(&entry)? {
        Ok(text) => text,
        Err(message) => {
            let rule = match message {
                Message::NotUtf8 { .. } => RuleId::Encoding,
                _ => RuleId::ParseError,
            };
            let diag =
                Diagnostic::new(rule, Span::file_start(file), message).with_record(record_name);
            return Ok(Parsed {
                file: SourceFile::new(entry.rel.into(), String::new()),
                content: placeholder(),
                diags: vec![diag],
            });
        }
    };
    let mut reader = Reader::new(file, record_name);
    let content = match DeTable::parse(&text) {
        Err(e) => {
            let (range, message) = parse_failure(&text, &e);
            reader.push(RuleId::ParseError, range, message);
            placeholder()
        }
        Ok(doc) => {
            let root = Table {
                table: doc.get_ref(),
                span: (0, 0),
                prefix: "",
            };
            match (entry.role, &record) {
                (Role::Settings, _) => {
                    Content::Settings(Box::new(read_settings(&mut reader, root)))
                }
                (Role::Principles, _) => read_principles(&mut reader, root),
                (Role::National, _) => read_national(&mut reader, root),
                (Role::Field, _) => read_field(&mut reader, root, &entry.rel),
                (Role::Domain, _) => read_domain(&mut reader, root),
                (Role::Record, Some((id, kind))) => {
                    Content::Record(Box::new(read_record(&mut reader, root, id, *kind, file)))
                }
                (Role::Record, None) => Content::Nothing,
            }
        }
    };
    let text = files::neutralise_controls(text);
    // Personal data is looked for in the file as written, comments
    // included, while its text is at hand.
    if matches!(
        content,
        Content::Record(_) | Content::Field(_) | Content::Domain(_)
    ) {
        reader
            .diags
            .extend(personal_data::findings(&text, file, record_name, allow));
    }
    let file = if source.keeps_texts() {
        SourceFile::new(entry.rel.into(), text)
    } else {
        SourceFile::unkept(entry.rel.into(), &text)
    };
    Ok(Parsed {
        file,
        content,
        diags: reader.diags,
    })
}

fn read_settings(r: &mut Reader<'_>, root: Table<'_, '_>) -> Settings {
    let mut s = Settings::default();
    r.check_keys(root, keys::SETTINGS);
    if let Some((t, span)) = r.table(root, "tree", false) {
        let t = Table {
            table: t,
            span: (span.start, span.end),
            prefix: "tree.",
        };
        r.check_keys(t, keys::SETTINGS_TREE);
        s.organization = r.string(t, "organization", false).map(|v| v.value.into());
        s.guideline = r.string(t, "guideline", false).map(|v| v.value.into());
        s.guideline_version = r
            .string(t, "guideline_version", false)
            .map(|v| v.value.into());
        s.period_start = r.date(t, "period_start", false).map(|v| v.value);
        let end = r.date(t, "period_end", false);
        if let (Some(start), Some(end)) = (s.period_start, &end)
            && end.value < start
        {
            r.diags.push(Diagnostic::new(
                RuleId::InvalidValue,
                r.at(end.span),
                Message::BadValue {
                    key: "tree.period_end".into(),
                    value: end.value.to_string(),
                    why: BadValue::PeriodOrder,
                },
            ));
        }
        s.period_end = end.map(|v| v.value);
    }
    if let Some((t, span)) = r.table(root, "review", false) {
        let t = Table {
            table: t,
            span: (span.start, span.end),
            prefix: "review.",
        };
        r.check_keys(t, keys::SETTINGS_REVIEW);
        if let Some(n) = r.positive_integer(t, "interval_months", false) {
            s.review_interval_months = n.value;
        }
    }
    if let Some((t, span)) = r.table(root, "ids", false) {
        read_prefixes(
            r,
            Table {
                table: t,
                span: (span.start, span.end),
                prefix: "ids.",
            },
            &mut s,
        );
    }
    if let Some((t, span)) = r.table(root, "rules", false) {
        read_rule_levels(
            r,
            Table {
                table: t,
                span: (span.start, span.end),
                prefix: "rules.",
            },
            &mut s,
        );
    }
    if let Some((t, span)) = r.table(root, "privacy", false) {
        let t = Table {
            table: t,
            span: (span.start, span.end),
            prefix: "privacy.",
        };
        r.check_keys(t, keys::SETTINGS_PRIVACY);
        if let Some(list) = r.strings(t, "allowed_email_domains", false) {
            s.allowed_email_domains = list
                .items
                .into_iter()
                .map(|d| d.value.to_ascii_lowercase().into())
                .collect();
        }
        if let Some(list) = r.strings(t, "allowed_phone_numbers", false) {
            s.allowed_phone_numbers = list.items.into_iter().map(|p| p.value.into()).collect();
        }
    }
    s
}

fn read_prefixes(r: &mut Reader<'_>, t: Table<'_, '_>, s: &mut Settings) {
    r.check_keys(t, keys::SETTINGS_IDS);
    for kind in Kind::ALL {
        let key = keys::SETTINGS_IDS[kind as usize];
        let Some(p) = r.string(t, key, false) else {
            continue;
        };
        let valid = !p.value.is_empty() && p.value.bytes().all(|b| b.is_ascii_uppercase());
        let clash = Kind::ALL
            .into_iter()
            .filter(|&k| k != kind)
            .any(|k| s.prefixes.of(k) == p.value);
        let why = match (valid, clash) {
            (false, _) => BadValue::Prefix,
            (true, true) => BadValue::PrefixClash,
            (true, false) => {
                *prefix_mut(&mut s.prefixes, kind) = p.value.into();
                continue;
            }
        };
        r.diags.push(Diagnostic::new(
            RuleId::InvalidValue,
            r.at(p.span),
            Message::BadValue {
                key: format!("ids.{key}"),
                value: p.value.into(),
                why,
            },
        ));
    }
}

fn prefix_mut(p: &mut super::Prefixes, kind: Kind) -> &mut String {
    match kind {
        Kind::Issue => &mut p.issue,
        Kind::Method => &mut p.method,
        Kind::Technology => &mut p.technology,
    }
}

fn read_rule_levels(r: &mut Reader<'_>, t: Table<'_, '_>, s: &mut Settings) {
    for (key, _) in t.table {
        let name: &str = key.get_ref();
        let Some(rule) = RuleId::from_slug(name) else {
            let suggestion = crate::suggest::nearest(name, RuleId::ALL.iter().map(|r| r.slug()))
                .map(str::to_owned);
            r.push(
                RuleId::UnknownKey,
                key.span(),
                Message::UnknownKey {
                    key: format!("rules.{name}"),
                    suggestion,
                },
            );
            continue;
        };
        if let Some(level) = r.vocab(t, name, false, Level::WORDS, Level::parse) {
            s.rules.insert(rule, level.value);
        }
    }
}

fn read_references(
    r: &mut Reader<'_>,
    root: Table<'_, '_>,
    key: &str,
    kind: IdKind,
) -> Vec<Reference> {
    let prefix = format!("{key}.");
    let mut out = Vec::new();
    for (table, span) in r.tables(root, key) {
        let t = Table {
            table,
            span: (span.start, span.end),
            prefix: &prefix,
        };
        r.check_keys(t, keys::REFERENCE);
        let id = r.string(t, "id", true);
        let title = r.string(t, "title", true);
        let Some(id) = id else { continue };
        if !ids::is_well_formed(&Default::default(), kind, &id.value) {
            r.diags.push(Diagnostic::new(
                RuleId::IdFormat,
                r.at(id.span),
                Message::IdFormat {
                    suggestion: ids::repair(&Default::default(), kind, &id.value),
                    value: id.value.into(),
                    expected: kind,
                },
            ));
            continue;
        }
        out.push(Reference {
            id,
            title: title.map(|t| t.value.into()).unwrap_or_default(),
        });
    }
    out
}

fn read_principles(r: &mut Reader<'_>, root: Table<'_, '_>) -> Content {
    r.check_keys(root, keys::PRINCIPLES);
    Content::Principles(Box::new((
        read_references(r, root, "principle", IdKind::Principle),
        read_references(r, root, "consideration", IdKind::Consideration),
    )))
}

fn read_national(r: &mut Reader<'_>, root: Table<'_, '_>) -> Content {
    r.check_keys(root, keys::NATIONAL);
    Content::National(Box::new((
        r.string(root, "source", false).map(|s| s.value.into()),
        read_references(r, root, "priority", IdKind::National),
    )))
}

fn read_field(r: &mut Reader<'_>, root: Table<'_, '_>, rel: &str) -> Content {
    r.check_keys(root, keys::FIELD);
    let name = r
        .string(root, "name", true)
        .map(|s| s.value.into())
        .unwrap_or_default();
    let working_group = r
        .string(root, "working_group", false)
        .map(|s| s.value.into());
    let field_id = parent_dir(rel).rsplit('/').next().unwrap_or_default();
    let mut vision: Vec<VisionItem> = Vec::new();
    for (table, span) in r.tables(root, "vision") {
        let t = Table {
            table,
            span: (span.start, span.end),
            prefix: "vision.",
        };
        r.check_keys(t, keys::VISION);
        let no = r.positive_integer(t, "no", true);
        let text = r.string(t, "text", true);
        let Some(no) = no else { continue };
        if vision.iter().any(|v| v.no == no.value) {
            r.diags.push(Diagnostic::new(
                RuleId::InvalidValue,
                r.at(no.span),
                Message::BadValue {
                    key: "vision.no".into(),
                    value: no.value.to_string(),
                    why: BadValue::DuplicateVisionNo,
                },
            ));
            continue;
        }
        vision.push(VisionItem {
            id: format!("{field_id}-{}", no.value),
            no: no.value,
            text: text.map(|t| t.value.into()).unwrap_or_default(),
            span: r.at(no.span),
        });
    }
    vision.sort_by_key(|v| v.no);
    Content::Field(Box::new(FieldFile {
        name,
        working_group,
        vision,
    }))
}

fn read_domain(r: &mut Reader<'_>, root: Table<'_, '_>) -> Content {
    r.check_keys(root, keys::DOMAIN);
    Content::Domain(Box::new(DomainFile {
        name: r
            .string(root, "name", true)
            .map(|s| s.value.into())
            .unwrap_or_default(),
        description: r.string(root, "description", false).map(|s| s.value.into()),
    }))
}

fn read_record(
    r: &mut Reader<'_>,
    root: Table<'_, '_>,
    id: &str,
    kind: Kind,
    file: FileId,
) -> Record {
    r.check_keys(root, keys::record_keys(kind));
    let mut rec = Record::unparsed(id.into(), kind, file);
    rec.id_key = r.string(root, "id", false).map(Box::new);
    rec.title = r.string(root, "title", true);
    rec.owner = r.string(root, "owner", false);
    rec.visibility = r.vocab(
        root,
        "visibility",
        false,
        Visibility::WORDS,
        Visibility::parse,
    );
    rec.tags = r
        .strings(root, "tags", false)
        .map(|l| l.items.into_vec().into())
        .unwrap_or_default();
    rec.part = match kind {
        Kind::Issue => Part::Issue(Box::new(IssuePart {
            vision: r.strings(root, "vision", true),
            current: r.string(root, "current", false),
            gap: r.string(root, "gap", false),
            closed: read_closed(r, root),
        })),
        Kind::Method => Part::Method(Box::new(MethodPart {
            solves: r.strings(root, "solves", true),
            principles: r.strings(root, "principles", true),
            considerations: r.strings(root, "considerations", false),
            national: r.strings(root, "national", false),
            expands: r.string(root, "expands", false),
            work: read_work(r, root),
        })),
        Kind::Technology => Part::Technology(Box::new(TechnologyPart {
            implements: r.strings(root, "implements", true),
            national: r.strings(root, "national", false),
            product: r.string(root, "product", false),
            work: read_work(r, root),
        })),
    };
    rec
}

/// What 手法 and 技術 share: stage, review, team, indicators, decisions.
fn read_work(r: &mut Reader<'_>, root: Table<'_, '_>) -> Work {
    let stage = r.vocab(root, "stage", true, Stage::WORDS, Stage::parse);
    let review_due = r.date(root, "review_due", false);
    let team = r.table(root, "team", false).map(|(table, span)| {
        let t = Table {
            table,
            span: (span.start, span.end),
            prefix: "team.",
        };
        r.check_keys(t, keys::TEAM);
        Box::new(Team {
            span: r.loc(span),
            name: r.string(t, "name", true),
            kind: r.vocab(t, "kind", false, TeamKind::WORDS, TeamKind::parse),
            lead: r.string(t, "lead", false),
            departments: r
                .strings(t, "departments", false)
                .map(|l| l.items)
                .unwrap_or_default(),
        })
    });
    let mut indicators = ThinVec::new();
    for (table, span) in r.tables(root, "indicator") {
        let t = Table {
            table,
            span: (span.start, span.end),
            prefix: "indicator.",
        };
        r.check_keys(t, keys::INDICATOR);
        indicators.push(Indicator {
            span: r.loc(span),
            name: r.string(t, "name", true),
            unit: r.string(t, "unit", false),
            baseline: r.number(t, "baseline"),
            target: r.number(t, "target"),
            target_date: r.date(t, "target_date", false),
            actual: r.number(t, "actual"),
            measured: r.date(t, "measured", false),
        });
    }
    let mut decisions = ThinVec::new();
    for (table, span) in r.tables(root, "decision") {
        let t = Table {
            table,
            span: (span.start, span.end),
            prefix: "decision.",
        };
        r.check_keys(t, keys::DECISION);
        decisions.push(Decision {
            span: r.loc(span),
            date: r.date(t, "date", true),
            body: r.vocab(t, "body", true, Body::WORDS, Body::parse),
            result: r.vocab(t, "result", true, Outcome::WORDS, Outcome::parse),
            note: r.string(t, "note", false),
        });
    }
    // Exact: pushing leaves room for four, and a hundred thousand records keep them.
    indicators.shrink_to_fit();
    decisions.shrink_to_fit();
    Work {
        stage,
        review_due,
        team,
        indicators,
        decisions,
    }
}

fn read_closed(r: &mut Reader<'_>, root: Table<'_, '_>) -> Option<Closed> {
    let (table, span) = r.table(root, "closed", false)?;
    let t = Table {
        table,
        span: (span.start, span.end),
        prefix: "closed.",
    };
    r.check_keys(t, keys::CLOSED);
    Some(Closed {
        span: r.loc(span),
        date: r.date(t, "date", true),
        reason: r.string(t, "reason", true),
    })
}

/// Load the tree at `root` into a model.
///
/// Problems in the records are findings in [`Model::load_diagnostics`]; only
/// a tree that cannot be read at all is an error.
pub fn load(root: &Path) -> Result<Model, LoadError> {
    load_from(root, &Source::Disk(root.to_path_buf()))
}

/// Load a tree from `source`; `root` is where it is said to be.
pub fn load_from(root: &Path, source: &Source) -> Result<Model, LoadError> {
    let (entries, skipped) = source.entries()?;
    if entries.len() > super::MAX_FILES {
        return Err(LoadError::TooManyFiles {
            count: entries.len(),
            max: super::MAX_FILES,
        });
    }
    let settings_at = entries.iter().position(|e| e.role == Role::Settings);
    let settings_parsed = settings_at
        .map(|i| {
            let defaults = Settings::default();
            read_one(
                source,
                i,
                entries[i].clone(),
                &defaults,
                &Allow::new(&defaults),
            )
        })
        .transpose()?;
    let settings = match &settings_parsed {
        Some(Parsed {
            content: Content::Settings(s),
            ..
        }) => (**s).clone(),
        _ => Settings::default(),
    };
    let allow = Allow::new(&settings);
    // Indexed collects write each result in place, the files straight into
    // the vector the file database keeps (with room for the three files a
    // tree may lack): no growing, no second copy of a hundred thousand
    // entries. Each entry's path moves into its file.
    let n = entries.len();
    let mut files: Vec<SourceFile> = Vec::with_capacity(n + 3);
    let mut contents: Vec<(Content, Vec<Diagnostic>)> = Vec::with_capacity(n);
    let failed: Mutex<Option<(usize, LoadError)>> = Mutex::new(None);
    let hole = || {
        let file = SourceFile::new(String::new(), String::new());
        (file, (Content::Nothing, Vec::new()))
    };
    entries
        .into_par_iter()
        .enumerate()
        .map(|(i, e)| {
            if Some(i) == settings_at {
                return hole();
            }
            match read_one(source, i, e, &settings, &allow) {
                Ok(p) => (p.file, (p.content, p.diags)),
                Err(err) => {
                    // The first file in path order is the one reported.
                    let mut first = failed.lock().unwrap_or_else(PoisonError::into_inner);
                    if first.as_ref().is_none_or(|(at, _)| i < *at) {
                        *first = Some((i, err));
                    }
                    hole()
                }
            }
        })
        .unzip_into_vecs(&mut files, &mut contents);
    if let Some((_, e)) = failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
        return Err(e);
    }
    // The one hole is where dx.toml was read first: put it back there, so
    // that files stay in path order.
    if let (Some(at), Some(p)) = (settings_at, settings_parsed) {
        files[at] = p.file;
        contents[at] = (p.content, p.diags);
    }
    let mut model = assemble(root, settings, files, contents);
    if let Source::Disk(dir) = source {
        model.files.reread_with(dir.clone(), reread);
    }
    model.skipped = skipped;
    Ok(model)
}

/// Walk and parse every file, nothing more: the baseline the benchmark
/// compares `dx check` with. Returns the number of files parsed.
pub fn parse_only(root: &Path) -> Result<usize, LoadError> {
    let source = Source::Disk(root.to_path_buf());
    let (entries, _) = source.entries()?;
    entries
        .par_iter()
        .map(|e| {
            let text = source.read_text(e)?.unwrap_or_default();
            Ok(usize::from(DeTable::parse(&text).is_ok()))
        })
        .sum()
}

/// Builds the model from the parsed files, in path order.
struct Assembler {
    files: FileDb,
    diags: Vec<Diagnostic>,
    fields: Vec<Field>,
    domains: Vec<Domain>,
    // Each record was boxed by the thread that read it; moving the box
    // keeps one copy of it alive, not two.
    #[allow(clippy::vec_box)]
    records: Vec<Box<Record>>,
    principles: Option<(Vec<Reference>, Vec<Reference>)>,
    national: Option<(Option<String>, Vec<Reference>)>,
    has_settings: bool,
}

impl Assembler {
    fn missing_file(&mut self, path: &str) {
        let file = self
            .files
            .add(SourceFile::new(path.to_owned(), String::new()));
        self.diags.push(Diagnostic::new(
            RuleId::MissingKey,
            Span::file_start(file),
            Message::MissingFile {
                path: path.to_owned(),
            },
        ));
    }
}

fn assemble(
    root: &Path,
    settings: Settings,
    files: Vec<SourceFile>,
    contents: Vec<(Content, Vec<Diagnostic>)>,
) -> Model {
    let records = contents
        .iter()
        .filter(|(c, _)| matches!(c, Content::Record(_)))
        .count();
    let mut a = Assembler {
        files: FileDb::from_files(files),
        diags: Vec::new(),
        fields: Vec::new(),
        domains: Vec::new(),
        records: Vec::with_capacity(records),
        principles: None,
        national: None,
        has_settings: false,
    };
    for (i, (content, diags)) in contents.into_iter().enumerate() {
        let file = FileId::new(i);
        a.diags.extend(diags);
        match content {
            Content::Nothing => {}
            Content::Settings(_) => a.has_settings = true,
            Content::Principles(both) => a.principles = Some(*both),
            Content::National(both) => a.national = Some(*both),
            Content::Field(field) => {
                let FieldFile {
                    name,
                    working_group,
                    vision,
                } = *field;
                let id = parent_dir(&a.files.get(file).path)
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                if !ids::is_field_id(&id) {
                    a.diags.push(Diagnostic::new(
                        RuleId::IdFormat,
                        Span::file_start(file),
                        Message::IdFormat {
                            suggestion: ids::repair(&settings.prefixes, IdKind::Field, &id),
                            value: id.clone(),
                            expected: IdKind::Field,
                        },
                    ));
                }
                a.fields.push(Field {
                    id,
                    name,
                    working_group,
                    vision,
                    file,
                });
            }
            Content::Domain(domain) => a.domains.push(Domain {
                id: parent_dir(&a.files.get(file).path).to_owned(),
                name: domain.name,
                description: domain.description,
                field: None,
                file,
            }),
            Content::Record(record) => a.records.push(record),
        }
    }
    // The guideline lists its four 分野 in this order; reports follow it.
    a.fields
        .sort_by_key(|f| (ids::guideline_rank(&f.id), f.id.clone()));
    if !a.has_settings && !a.files.is_empty() {
        a.missing_file("dx.toml");
    }
    if a.principles.is_none() {
        a.missing_file("principles.toml");
    }
    if a.national.is_none() {
        a.missing_file("national.toml");
    }
    place(&mut a);
    let (principles, considerations) = a.principles.take().unwrap_or_default();
    let (national_source, national) = a.national.take().unwrap_or_default();
    let has_principles = !principles.is_empty();
    let has_national = !national.is_empty();
    let mut model = Model {
        root: root.to_path_buf(),
        files: a.files,
        settings,
        principles: principles.into(),
        considerations: considerations.into(),
        national: national.into(),
        national_source,
        fields: a.fields.into(),
        domains: a.domains.into(),
        records: a.records.into(),
        lookup: Lookup::default(),
        back: Backlinks::default(),
        resolved: Vec::new(),
        repeated: Vec::new(),
        link_start: Vec::new(),
        load_diagnostics: a.diags,
        skipped: Vec::new(),
        has_principles,
        has_national,
    };
    build_lookup(&mut model);
    super::derive::link(&mut model);
    model
}

/// Put every 領域 in its 分野 and every record in its 領域 and 分野: the
/// nearest folder above holding domain.toml / field.toml.
fn place(a: &mut Assembler) {
    let field_dirs: FxHashMap<String, FieldIdx> = a
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let dir = parent_dir(&a.files.get(f.file).path).to_owned();
            (dir, FieldIdx::new(i))
        })
        .collect();
    let domain_dirs: FxHashMap<String, DomainIdx> = a
        .domains
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), DomainIdx::new(i)))
        .collect();
    for domain in &mut a.domains {
        // The 分野 is strictly above the 領域's own folder.
        let probe = format!("{}/domain.toml", parent_dir(&domain.id));
        domain.field = ancestors(&probe).find_map(|d| field_dirs.get(d).copied());
        if domain.field.is_none() {
            a.diags.push(Diagnostic::new(
                RuleId::MisplacedRecord,
                Span::file_start(domain.file),
                Message::DomainOutsideField {
                    domain: domain.id.clone(),
                },
            ));
        }
    }
    let files = &a.files;
    a.records.par_iter_mut().for_each(|record| {
        let path = &files.get(record.file).path;
        record.domain = ancestors(path).find_map(|d| domain_dirs.get(d).copied());
        record.field = ancestors(path).find_map(|d| field_dirs.get(d).copied());
    });
}

fn build_lookup(model: &mut Model) {
    let fields = model.fields.enumerate().flat_map(|(i, f)| {
        std::iter::once(Thing::Field(i))
            .chain((0..f.vision.len()).map(move |j| Thing::Vision(i, VisionIdx::new(j))))
    });
    let domains = model.domains.indices().map(Thing::Domain);
    let principles = model.principles.indices().map(Thing::Principle);
    let considerations = model.considerations.indices().map(Thing::Consideration);
    let national = model.national.indices().map(Thing::National);
    // Records come in path order, so a duplicate ID resolves to the first file.
    let records = model.records.indices().map(Thing::Record);
    let things = fields
        .chain(domains)
        .chain(principles)
        .chain(considerations)
        .chain(national)
        .chain(records);
    model.lookup = Lookup::build(model, things);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_nearest_first() {
        let got: Vec<_> = ancestors("a/b/c/K-001.toml").collect();
        assert_eq!(got, ["a/b/c", "a/b", "a"]);
        assert_eq!(ancestors("K-001.toml").count(), 0);
    }

    #[test]
    fn decode_guesses_japanese_encodings() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("課題 = \"来庁\"");
        assert_eq!(
            decode(sjis.into_owned()),
            Err(Message::NotUtf8 {
                guess: Some("Shift_JIS")
            })
        );
        let (euc, _, _) = encoding_rs::EUC_JP.encode("課題 = \"来庁\"");
        assert_eq!(
            decode(euc.into_owned()),
            Err(Message::NotUtf8 {
                guess: Some("EUC-JP")
            })
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFa = 1".to_vec()),
            Ok("a = 1".to_owned())
        );
    }
}
