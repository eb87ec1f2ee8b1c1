//! From a folder to a [`Model`]: find the root, walk, read and parse every
//! file in parallel, validate each into typed values, then link them once.

mod meetings;
mod records;
mod references;
mod source;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use toml::de::DeTable;

use super::reader::{Reader, Table};
use super::{
    Backlinks, Domain, DomainIdx, Field, FieldIdx, Idx, Lookup, Model, Record, Reference, Settings,
    Thing, VisionIdx, VisionItem, ids,
};
use crate::diag::RuleId;
use crate::diag::{Diagnostic, IdKind, Message};
use crate::files::{self, FileDb, FileId, SourceFile, Span};
use crate::privacy::Allow;
use records::*;
use references::*;
pub use source::Source;
use source::*;

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

/// A file's content after validation.
///
/// Every variant is boxed: a slot of the per-file result vector is as large
/// as the largest variant, and there are as many slots as files.
#[derive(Clone)]
enum Content {
    Nothing,
    Settings(Box<Settings>),
    /// 原則 and 横断的配慮.
    Principles(Box<(Vec<Reference>, Vec<Reference>)>),
    /// Where the priorities come from, and the priorities.
    National(Box<(Option<String>, Vec<Reference>, crate::model::NationalPlan)>),
    Field(Box<FieldFile>),
    Domain(Box<DomainFile>),
    Record(Box<Record>),
    Meeting(Box<crate::model::Meeting>),
}

/// A field.toml.
#[derive(Clone)]
struct FieldFile {
    name: String,
    working_group: Option<String>,
    vision: Vec<VisionItem>,
}

/// A domain.toml.
#[derive(Clone)]
struct DomainFile {
    name: String,
    description: Option<String>,
}

#[derive(Clone)]
struct Parsed {
    file: SourceFile,
    content: Content,
    diags: Vec<Diagnostic>,
}

impl Parsed {
    /// The slot of dx.toml while the other files are read (it is read
    /// first, and put back in its place after).
    fn hole() -> Self {
        Self {
            file: SourceFile::new(String::new(), String::new()),
            content: Content::Nothing,
            diags: Vec::new(),
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
                (Role::Meeting, _) => {
                    Content::Meeting(Box::new(meetings::read_meeting(&mut reader, root, file)))
                }
            }
        }
    };
    let text = files::neutralise_controls(text);
    // Personal data is looked for in the file as written, comments
    // included, while its text is at hand: in every kind of file. dx.toml
    // is read before the tree's allow lists are known, so it is scanned
    // with its own.
    match &content {
        Content::Settings(s) => {
            let own = Allow::new(&s.allowed_email_domains, &s.allowed_phone_numbers);
            reader
                .diags
                .extend(personal_data(&text, file, record_name, &own));
        }
        Content::Nothing if entry.role == Role::Record => {}
        _ => reader
            .diags
            .extend(personal_data(&text, file, record_name, allow)),
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
    let (settings_at, settings_parsed, settings) = read_settings_first(source, &entries)?;
    let allow = Allow::new(
        &settings.allowed_email_domains,
        &settings.allowed_phone_numbers,
    );
    // Indexed collects write each result in place, the files straight into
    // the vector the file database keeps (with room for the three files a
    // tree may lack): no growing, no second copy of a hundred thousand
    // entries. Each entry's path moves into its file.
    let n = entries.len();
    let disk: Vec<(FileId, Box<Path>)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((FileId::new(i), e.abs.clone()?)))
        .collect();
    let mut files: Vec<SourceFile> = Vec::with_capacity(n + 3);
    let mut contents: Vec<(Content, Vec<Diagnostic>)> = Vec::with_capacity(n);
    let failed: Mutex<Option<(usize, LoadError)>> = Mutex::new(None);
    let hole = || {
        let p = Parsed::hole();
        (p.file, (p.content, p.diags))
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
    model.files.set_disk_paths(disk);
    model.skipped = skipped;
    Ok(model)
}

/// The walk's entries checked against the limit, and dx.toml read first:
/// where it stands, what it held, and the settings every other file is
/// read with.
fn read_settings_first(
    source: &Source,
    entries: &[Entry],
) -> Result<(Option<usize>, Option<Parsed>, Settings), LoadError> {
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
                &Allow::new(
                    &defaults.allowed_email_domains,
                    &defaults.allowed_phone_numbers,
                ),
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
    Ok((settings_at, settings_parsed, settings))
}

/// A tree kept read file by file, for the language server: an edit to one
/// file reads and validates that file alone, and the model is assembled
/// again from the kept files. Linking and the rules still see the whole
/// tree (they are a fifth of `dx check`'s time), so what the editor shows
/// is what `dx check` says, by construction.
pub struct KeptTree {
    root: PathBuf,
    settings: Settings,
    entries: Vec<Entry>,
    parsed: Vec<Parsed>,
    skipped: Vec<super::Skipped>,
}

impl KeptTree {
    /// Read every file of the tree at `root`, with `changes` (paths from
    /// the root and their bytes) laid over the files on disk.
    pub fn load(
        root: &Path,
        changes: BTreeMap<String, Option<Vec<u8>>>,
    ) -> Result<Self, LoadError> {
        let source = Source::Overlay {
            root: root.to_path_buf(),
            changes,
        };
        let (entries, skipped) = source.entries()?;
        let (settings_at, settings_parsed, settings) = read_settings_first(&source, &entries)?;
        let allow = Allow::new(
            &settings.allowed_email_domains,
            &settings.allowed_phone_numbers,
        );
        let mut parsed = entries
            .par_iter()
            .enumerate()
            .map(|(i, e)| {
                if Some(i) == settings_at {
                    return Ok(Parsed::hole());
                }
                read_one(&source, i, e.clone(), &settings, &allow)
            })
            .collect::<Result<Vec<_>, _>>()?;
        if let (Some(at), Some(p)) = (settings_at, settings_parsed) {
            parsed[at] = p;
        }
        Ok(Self {
            root: root.to_path_buf(),
            settings,
            entries,
            parsed,
            skipped,
        })
    }

    /// Read one file again: from `text` (an editor's buffer) or, given
    /// `None`, from disk. `Ok(false)` when one file cannot be taken alone —
    /// it is not among the files read (new, or not a tree file) or it is
    /// dx.toml, whose settings every file is read with — and the tree must
    /// be loaded again.
    pub fn update(&mut self, rel: &str, text: Option<Vec<u8>>) -> Result<bool, LoadError> {
        let Ok(i) = self.entries.binary_search_by(|e| (*e.rel).cmp(rel)) else {
            return Ok(false);
        };
        let entry = self.entries[i].clone();
        if entry.role == Role::Settings {
            return Ok(false);
        }
        if text.is_none() && !self.root.join(rel).is_file() {
            return Ok(false);
        }
        let source = Source::Overlay {
            root: self.root.clone(),
            changes: text
                .map(|t| (rel.to_owned(), Some(t)))
                .into_iter()
                .collect(),
        };
        let allow = Allow::new(
            &self.settings.allowed_email_domains,
            &self.settings.allowed_phone_numbers,
        );
        self.parsed[i] = read_one(&source, i, entry, &self.settings, &allow)?;
        Ok(true)
    }

    /// The model of the tree as it now stands: every kept file assembled
    /// and linked, as [`load_from`] would.
    #[must_use]
    pub fn model(&self) -> Model {
        let (files, contents) = self
            .parsed
            .iter()
            .map(|p| (p.file.clone(), (p.content.clone(), p.diags.clone())))
            .unzip();
        let mut model = assemble(&self.root, self.settings.clone(), files, contents);
        model.skipped.clone_from(&self.skipped);
        model
    }
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
    national: Option<(Option<String>, Vec<Reference>, crate::model::NationalPlan)>,
    has_settings: bool,
    meetings: Vec<crate::model::Meeting>,
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
        meetings: Vec::new(),
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
            Content::Meeting(meeting) => a.meetings.push(*meeting),
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
    let (national_source, national, national_plan) = a.national.take().unwrap_or_default();
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
        national_plan,
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
        meetings: std::mem::take(&mut a.meetings),
        has_principles,
        has_national,
        longest_id: 0,
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
    model.longest_id = model
        .records
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(0);
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
