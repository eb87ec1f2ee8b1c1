//! `dx lsp`: the checker in the editor (SPEC §6.8). A language server over
//! stdio (lsp-server, as rust-analyzer uses it): the tree is loaded from
//! the files on disk with the open buffers laid over them, checked by the
//! same rules as `dx check`, and every file's findings published; hover,
//! go to definition, find references and completion answer from the same
//! model.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use lsp_server::{Connection, ErrorCode, Message as LspMessage, Notification, Request, Response};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, OneOf,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
};
use serde_json::{Value, json};

use super::{Ctx, EXIT_OK};
use crate::diag::Severity;
use crate::model::{self, IdKind, KeptTree, Kind, Model, Thing};
use crate::rules;

mod keys;
mod transport;

/// The exit code of a server told to exit without a shutdown request
/// first, as the protocol asks.
const EXIT_WITHOUT_SHUTDOWN: u8 = 1;

/// The requests the server answers; any other gets MethodNotFound.
const METHODS: &[&str] = &[
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/completion",
    "textDocument/codeAction",
    "textDocument/rename",
];

/// Whether `dx check` reads the file at `rel`: a `.toml` file, in no
/// folder and of no name that starts with a dot.
fn is_tree_file(rel: &str) -> bool {
    rel.ends_with(".toml") && !rel.split('/').any(|part| part.starts_with('.'))
}

/// What a notification asks to read again.
enum Change {
    Nothing,
    /// One file, by its path from the root: its buffer, or the disk.
    File(String),
    /// The whole tree.
    Reload,
}

/// Arguments of `dx lsp`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// What the server holds between requests.
struct Server<'c> {
    ctx: &'c Ctx<'c>,
    root: PathBuf,
    /// Open buffers by path from the root, with `/`.
    open: BTreeMap<String, String>,
    /// The tree's files as read, with the buffers laid over them: an edit
    /// reads the edited file alone.
    kept: Option<KeptTree>,
    /// The model of the tree with the buffers laid over it.
    model: Option<Model>,
    /// The findings published, by file: a file is published again only
    /// when its findings change, and cleared when they are fixed.
    published: BTreeMap<String, Vec<Value>>,
    /// Quick fixes of the findings published: file, LSP range, new text,
    /// title (what `dx check`'s help line says to write).
    fixes: Vec<(String, Value, String, String)>,
}

pub(super) fn run(ctx: &Ctx<'_>, _args: &Args, _out: &mut dyn Write) -> anyhow::Result<u8> {
    let (connection, io) = transport::stdio();
    let code = serve(ctx, &connection);
    drop(connection);
    io.join();
    code
}

fn capabilities() -> Value {
    let caps = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into()]),
            ..CompletionOptions::default()
        }),
        rename_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    serde_json::to_value(caps).unwrap_or(Value::Null)
}

fn serve(ctx: &Ctx<'_>, connection: &Connection) -> anyhow::Result<u8> {
    let (id, params) = connection.initialize_start()?;
    let root_uri = params["workspaceFolders"][0]["uri"]
        .as_str()
        .or_else(|| params["rootUri"].as_str())
        .and_then(uri_to_path);
    let start = root_uri.unwrap_or_else(|| ctx.env.cwd.clone());
    let root = model::find_root(ctx.cli.root.as_deref(), &start).unwrap_or(start);
    // Absolute, so that every URI sent names the file wherever the editor
    // runs (`--root tree` made `file://tree/…`, a host named "tree").
    let root = root
        .canonicalize()
        .or_else(|_| std::path::absolute(ctx.env.cwd.join(&root)))
        .unwrap_or(root);
    connection.initialize_finish(
        id,
        json!({ "capabilities": capabilities(), "serverInfo": { "name": "dx", "version": env!("CARGO_PKG_VERSION") } }),
    )?;
    let mut server = Server {
        ctx,
        root,
        open: BTreeMap::new(),
        kept: None,
        model: None,
        published: BTreeMap::new(),
        fixes: Vec::new(),
    };
    server.recheck(connection, Change::Reload);
    for message in &connection.receiver {
        match message {
            LspMessage::Request(req) => {
                if connection.handle_shutdown(&req)? {
                    return Ok(EXIT_OK);
                }
                let response = if METHODS.contains(&req.method.as_str()) {
                    let result = server.request(&req);
                    Response::new_ok(req.id, result)
                } else {
                    Response::new_err(
                        req.id,
                        ErrorCode::MethodNotFound as i32,
                        format!("dx lsp does not answer {}", req.method),
                    )
                };
                connection.sender.send(LspMessage::Response(response))?;
            }
            LspMessage::Notification(note) => {
                if note.method == "exit" {
                    return Ok(EXIT_WITHOUT_SHUTDOWN);
                }
                if note.method == transport::REFUSED {
                    let words = ctx.lang().words();
                    let text = (words.lsp_refused)(note.params["size"].as_u64());
                    connection
                        .sender
                        .send(LspMessage::Notification(Notification::new(
                            "window/showMessage".into(),
                            json!({ "type": 1, "message": text }),
                        )))?;
                    continue;
                }
                let change = server.notification(&note);
                server.recheck(connection, change);
            }
            LspMessage::Response(_) => {}
        }
    }
    Ok(EXIT_OK)
}

impl Server<'_> {
    /// A buffer opened, changed, saved or closed: what to read again.
    fn notification(&mut self, note: &Notification) -> Change {
        let p = &note.params;
        // Only the files `dx check` reads: a README or a hidden folder's
        // settings opened in the same editor are not records.
        let rel = p["textDocument"]["uri"]
            .as_str()
            .and_then(|u| self.rel(u))
            .filter(|rel| is_tree_file(rel));
        match (note.method.as_str(), rel) {
            ("textDocument/didOpen", Some(rel)) => {
                let text = p["textDocument"]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                self.open.insert(rel.clone(), text);
                Change::File(rel)
            }
            ("textDocument/didChange", Some(rel)) => {
                // Full sync: the last change is the whole text.
                match p["contentChanges"]
                    .as_array()
                    .and_then(|c| c.last())
                    .and_then(|c| c["text"].as_str())
                {
                    Some(text) => {
                        self.open.insert(rel.clone(), text.to_owned());
                        Change::File(rel)
                    }
                    None => Change::Nothing,
                }
            }
            ("textDocument/didClose", Some(rel)) => {
                // Back to the file on disk, or gone with the buffer.
                self.open.remove(&rel);
                Change::File(rel)
            }
            // Files created, deleted or changed outside the editor (a git
            // checkout): everything is read again.
            ("workspace/didChangeWatchedFiles", _) => Change::Reload,
            _ => Change::Nothing,
        }
    }

    /// The path of a document from the tree's root, if it is in the tree.
    fn rel(&self, uri: &str) -> Option<String> {
        let path = uri_to_path(uri)?;
        let root = self
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.root.clone());
        let path = path.canonicalize().unwrap_or(path);
        let rel = path.strip_prefix(&root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    fn uri(&self, rel: &str) -> String {
        path_to_uri(&self.root.join(rel))
    }

    /// Read what changed with the open buffers over the tree, check it as
    /// `dx check` does, and publish the findings of every file whose
    /// findings changed (clearing fixed files).
    fn recheck(&mut self, connection: &Connection, change: Change) {
        let read = match (change, self.kept.as_mut()) {
            (Change::Nothing, _) => return,
            (Change::File(rel), Some(kept)) => {
                let text = self.open.get(&rel).map(|t| t.as_bytes().to_vec());
                // A file the tree did not have, or dx.toml: read it all.
                match kept.update(&rel, text) {
                    Ok(true) => Ok(()),
                    Ok(false) => self.reload(),
                    Err(e) => Err(e),
                }
            }
            _ => self.reload(),
        };
        let Some(kept) = self.kept.as_ref().filter(|_| read.is_ok()) else {
            return;
        };
        let model = kept.model();
        let diagnostics = rules::check(&model, self.ctx.today());
        let lang = self.ctx.lang();
        let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        self.fixes.clear();
        for d in &diagnostics {
            let file = model.files.get(d.span.file);
            let text = model.files.text(d.span.file);
            if let Some((new_text, title)) = fix(
                &d.message,
                text.get(d.span.range()).unwrap_or_default(),
                lang,
            ) {
                self.fixes.push((
                    file.path.to_string(),
                    range(text, d.span.start as usize, d.span.end as usize),
                    new_text,
                    title,
                ));
            }
            let mut message = lang.message(&d.message);
            if let Some(help) = lang.help(&d.message) {
                message.push('\n');
                message.push_str(&help);
            }
            by_file
                .entry(file.path.to_string())
                .or_default()
                .push(json!({
                    "range": range(text, d.span.start as usize, d.span.end as usize),
                    "severity": if d.severity == Severity::Error { 1 } else { 2 },
                    "code": d.rule.slug(),
                    "source": "dx",
                    "message": message,
                }));
        }
        let fixed: Vec<String> = self
            .published
            .keys()
            .filter(|p| !by_file.contains_key(*p))
            .cloned()
            .collect();
        for rel in fixed {
            self.publish(connection, &rel, &[]);
            self.published.remove(&rel);
        }
        for (rel, list) in by_file {
            if self.published.get(&rel) != Some(&list) {
                self.publish(connection, &rel, &list);
                self.published.insert(rel, list);
            }
        }
        // The model it replaces is freed on another thread: at 10k records
        // that is milliseconds the editor need not wait for.
        if let Some(old) = self.model.replace(model) {
            std::thread::spawn(move || drop(old));
        }
    }

    /// Read the whole tree again, with the open buffers over it.
    fn reload(&mut self) -> Result<(), model::LoadError> {
        let changes = self
            .open
            .iter()
            .map(|(rel, text)| (rel.clone(), Some(text.as_bytes().to_vec())))
            .collect();
        self.kept = Some(KeptTree::load(&self.root, changes)?);
        Ok(())
    }

    fn publish(&self, connection: &Connection, rel: &str, diagnostics: &[Value]) {
        let note = Notification::new(
            "textDocument/publishDiagnostics".into(),
            json!({ "uri": self.uri(rel), "diagnostics": diagnostics }),
        );
        let _ = connection.sender.send(LspMessage::Notification(note));
    }

    fn request(&self, req: &Request) -> Value {
        let p = &req.params;
        let Some(model) = &self.model else {
            return Value::Null;
        };
        let Some(rel) = p["textDocument"]["uri"].as_str().and_then(|u| self.rel(u)) else {
            return Value::Null;
        };
        let text = self
            .open
            .get(&rel)
            .cloned()
            .or_else(|| std::fs::read_to_string(self.root.join(&rel)).ok())
            .unwrap_or_default();
        let line = p["position"]["line"].as_u64().unwrap_or(0) as usize;
        let character = p["position"]["character"].as_u64().unwrap_or(0) as usize;
        match req.method.as_str() {
            "textDocument/hover" => word_at(&text, line, character)
                .and_then(|w| hover(model, &w, self.ctx.lang(), self.ctx.today()))
                .map_or(
                    Value::Null,
                    |md| json!({ "contents": { "kind": "markdown", "value": md } }),
                ),
            "textDocument/definition" => word_at(&text, line, character)
                .and_then(|w| self.definition(model, &w))
                .unwrap_or(Value::Null),
            "textDocument/references" => {
                word_at(&text, line, character).map_or(Value::Null, |w| self.references(model, &w))
            }
            "textDocument/completion" => completion(model, &rel, &text, line),
            "textDocument/codeAction" => self.code_actions(&rel, p),
            "textDocument/rename" => word_at(&text, line, character)
                .and_then(|w| self.rename(model, &w, p["newName"].as_str().unwrap_or_default()))
                .unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }

    fn definition(&self, model: &Model, id: &str) -> Option<Value> {
        let file = match model.find(id)? {
            Thing::Record(i) => model.records[i].file,
            Thing::Vision(f, _) | Thing::Field(f) => model.fields[f].file,
            Thing::Domain(d) => model.domains[d].file,
            Thing::Principle(_) | Thing::Consideration(_) => {
                return Some(json!({ "uri": self.uri("principles.toml"), "range": zero() }));
            }
            Thing::National(_) => {
                return Some(json!({ "uri": self.uri("national.toml"), "range": zero() }));
            }
        };
        Some(json!({ "uri": self.uri(&model.files.get(file).path), "range": zero() }))
    }

    /// The quick fixes of the findings on the requested lines.
    fn code_actions(&self, rel: &str, p: &Value) -> Value {
        let (from, to) = (
            p["range"]["start"]["line"].as_u64().unwrap_or(0),
            p["range"]["end"]["line"].as_u64().unwrap_or(u64::MAX),
        );
        let actions: Vec<Value> = self
            .fixes
            .iter()
            .filter(|(file, r, _, _)| {
                let line = r["start"]["line"].as_u64().unwrap_or(0);
                file == rel && line >= from && line <= to
            })
            .map(|(file, r, new_text, title)| {
                json!({
                    "title": title,
                    "kind": "quickfix",
                    "edit": { "changes": { self.uri(file): [{ "range": r, "newText": new_text }] } },
                })
            })
            .collect();
        Value::Array(actions)
    }

    /// Rename a record's ID: `dx mv`'s plan as a workspace edit — the file
    /// renamed, its `id` key and every link to it rewritten.
    fn rename(&self, model: &Model, id: &str, new_id: &str) -> Option<Value> {
        // Through the ID table, not a scan; a record that could not be read
        // is not renamed (its file is not understood).
        let crate::model::Thing::Record(record) = model.find(id)? else {
            return None;
        };
        if !model.records[record].is_parsed() {
            return None;
        }
        let moved = crate::edit::mv::plan(
            model,
            &crate::edit::mv::Move {
                record,
                new_id: new_id.trim().to_owned(),
                domain: None,
                links_from: None,
            },
        )
        .ok()?;
        let whole = |bytes: &Option<Vec<u8>>| {
            let text = String::from_utf8_lossy(bytes.as_deref().unwrap_or_default()).into_owned();
            let end = position(&text, text.len());
            (text, end)
        };
        let mut changes = Vec::new();
        let removed: Vec<&crate::edit::Change> = moved
            .plan
            .changes
            .iter()
            .filter(|c| c.after.is_none())
            .collect();
        for c in &moved.plan.changes {
            match (&c.before, &c.after) {
                (Some(_), Some(after)) => {
                    let (_, end) = whole(&c.before);
                    changes.push(json!({
                        "textDocument": { "uri": self.uri(&c.path), "version": null },
                        "edits": [{ "range": { "start": { "line": 0, "character": 0 }, "end": end }, "newText": String::from_utf8_lossy(after) }],
                    }));
                }
                (None, Some(after)) => {
                    // The new file is the old one renamed, then rewritten.
                    if let Some(old) = removed.first() {
                        changes.push(json!({ "kind": "rename", "oldUri": self.uri(&old.path), "newUri": self.uri(&c.path) }));
                        let (_, end) = whole(&old.before);
                        changes.push(json!({
                            "textDocument": { "uri": self.uri(&c.path), "version": null },
                            "edits": [{ "range": { "start": { "line": 0, "character": 0 }, "end": end }, "newText": String::from_utf8_lossy(after) }],
                        }));
                    }
                }
                _ => {}
            }
        }
        Some(json!({ "documentChanges": changes }))
    }

    fn references(&self, model: &Model, id: &str) -> Value {
        let mut out = Vec::new();
        for (_, r) in model.parsed_records() {
            for (_, list) in r.link_lists() {
                for item in list.items.iter().filter(|l| l.value == id) {
                    let span = r.span_of(item.span);
                    let text = model.files.text(span.file);
                    out.push(json!({
                        "uri": self.uri(model.path_of(r)),
                        "range": range(text, span.start as usize, span.end as usize),
                    }));
                }
            }
        }
        Value::Array(out)
    }
}

/// The text a finding's help says to write instead of `written`, and the
/// fix's title.
fn fix(
    message: &crate::diag::Message,
    written: &str,
    lang: crate::i18n::Lang,
) -> Option<(String, String)> {
    use crate::diag::Message as M;
    let quoted = |s: &str| {
        if written.starts_with('"') || written.starts_with('\'') {
            format!("\"{s}\"")
        } else {
            s.to_owned()
        }
    };
    let (new, title) = match message {
        M::BrokenLink {
            suggestion: Some(s),
            ..
        }
        | M::IdFormat {
            suggestion: Some(s),
            ..
        } => (
            quoted(s),
            lang.pick(format!("{s} にする"), format!("Change to {s}")),
        ),
        M::UnknownKey {
            suggestion: Some(s),
            ..
        } => (
            s.clone(),
            lang.pick(
                format!("キーを {s} にする"),
                format!("Change the key to {s}"),
            ),
        ),
        M::NotInVocabulary {
            suggestion: Some(s),
            ..
        } => (
            quoted(s),
            lang.pick(format!("「{s}」にする"), format!("Change to \"{s}\"")),
        ),
        _ => return None,
    };
    Some((new, title))
}

fn zero() -> Value {
    json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } })
}

/// An LSP position (line, UTF-16 column) of a byte offset.
fn position(text: &str, offset: usize) -> Value {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[start..].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

fn range(text: &str, start: usize, end: usize) -> Value {
    json!({ "start": position(text, start), "end": position(text, end) })
}

/// The quoted string (or bare word) under the cursor.
fn word_at(text: &str, line: usize, character: usize) -> Option<String> {
    let l = text.lines().nth(line)?;
    // UTF-16 column to a char index.
    let mut units = 0;
    let chars: Vec<char> = l.chars().collect();
    let mut at = chars.len();
    for (i, c) in chars.iter().enumerate() {
        if units >= character {
            at = i;
            break;
        }
        units += c.len_utf16();
    }
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '/');
    let mut start = at.min(chars.len());
    while start > 0 && is_word(chars[start - 1]) {
        start -= 1;
    }
    let mut end = at.min(chars.len());
    while end < chars.len() && is_word(chars[end]) {
        end += 1;
    }
    (start < end).then(|| chars[start..end].iter().collect())
}

fn hover(
    model: &Model,
    id: &str,
    lang: crate::i18n::Lang,
    today: jiff::civil::Date,
) -> Option<String> {
    let thing = model.find(id)?;
    Some(match thing {
        Thing::Record(i) => {
            let r = &model.records[i];
            let state = crate::report::state(model, i).map_or("", |s| s.word(lang));
            let mut md = format!(
                "**{} {}**({})  \n{}",
                r.id,
                r.title(),
                lang.kind(r.kind),
                state
            );
            for ind in r.indicators() {
                let a = model.assess(r, ind, today);
                md.push_str(&format!(
                    "  \n{}: {}",
                    ind.name(),
                    lang.grade_label(a.grade, &model.settings.grades)
                ));
            }
            md
        }
        Thing::Vision(f, v) => {
            let item = &model.fields[f].vision[crate::model::Idx::get(v)];
            format!("**{}**  \n{}", item.id, item.text)
        }
        Thing::Principle(p) => format!("**{}**  \n{}", id, model.principles[p].title),
        Thing::Consideration(c) => format!("**{}**  \n{}", id, model.considerations[c].title),
        Thing::National(n) => format!("**{}**  \n{}", id, model.national[n].title),
        Thing::Field(f) => format!("**{}**  \n{}", id, model.fields[f].name),
        Thing::Domain(d) => format!("**{}**  \n{}", id, model.domains[d].name),
    })
}

/// IDs of the kind the list on this line (or the array it continues) takes;
/// for a meeting entry's `record`, the 手法 and 技術 (what meetings decide
/// on, review and measure); for `result`, the results the transition table
/// allows from the stage of the record the entry is about (SPEC §7.1), all
/// of them when that record is not known.
fn completion(model: &Model, rel: &str, text: &str, line: usize) -> Value {
    if keys::wants_key(text, line) {
        return keys::complete(model, rel, text, line);
    }
    let key = text
        .lines()
        .take(line + 1)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find_map(|l| {
            let (k, _) = l.split_once('=')?;
            let k = k.trim();
            (!k.is_empty() && !k.starts_with('#')).then(|| k.to_owned())
        })
        .unwrap_or_default();
    let kind = match key.as_str() {
        "vision" => IdKind::Vision,
        "solves" => IdKind::Issue,
        "principles" => IdKind::Principle,
        "considerations" => IdKind::Consideration,
        "national" => IdKind::National,
        "expands" | "implements" => IdKind::Method,
        "record" if rel.starts_with("meetings/") => {
            return Value::Array(
                [Kind::Method, Kind::Technology]
                    .into_iter()
                    .flat_map(|k| model.records_of(k))
                    .map(
                        |(_, r)| json!({ "label": r.id.as_str(), "detail": r.title(), "kind": 18 }),
                    )
                    .collect(),
            );
        }
        "stage" => return words(crate::model::Stage::WORDS),
        "visibility" => return words(crate::model::Visibility::WORDS),
        "body" | "to" => return words(crate::model::Body::WORDS),
        "result" => {
            return match entry_stage(model, rel, text, line) {
                Some(stage) => words(
                    &crate::model::Outcome::allowed_at(stage)
                        .into_iter()
                        .map(crate::model::Outcome::as_str)
                        .collect::<Vec<_>>(),
                ),
                None => words(crate::model::Outcome::WORDS),
            };
        }
        "status" => return words(crate::model::ObservationStatus::WORDS),
        _ => return Value::Array(Vec::new()),
    };
    let items: Vec<Value> = match kind {
        IdKind::Issue | IdKind::Method => {
            let want = if kind == IdKind::Issue {
                Kind::Issue
            } else {
                Kind::Method
            };
            model
                .records_of(want)
                .map(|(_, r)| json!({ "label": r.id.as_str(), "detail": r.title(), "kind": 18 }))
                .collect()
        }
        IdKind::Vision => model
            .fields
            .iter()
            .flat_map(|f| f.vision.iter())
            .map(|v| json!({ "label": v.id, "detail": v.text, "kind": 18 }))
            .collect(),
        IdKind::Principle => refs(&model.principles),
        IdKind::Consideration => refs(&model.considerations),
        _ => refs(&model.national),
    };
    Value::Array(items)
}

/// The stage of the record a `result` on `line` is about: in a meeting
/// file, the `record` of the entry around the line; in a record file, the
/// record itself.
fn entry_stage(model: &Model, rel: &str, text: &str, line: usize) -> Option<crate::model::Stage> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        return None;
    }
    let line = line.min(lines.len() - 1);
    let is_header = |l: &&str| l.trim_start().starts_with('[');
    let start = lines[..=line].iter().rposition(is_header).unwrap_or(0);
    let end = lines
        .get(line + 1..)
        .and_then(|rest| rest.iter().position(is_header))
        .map_or(lines.len(), |p| line + 1 + p);
    let named = lines
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == "record").then(|| v.trim().trim_matches('"').to_owned())
        });
    // A record's ID is its file's name.
    let id = named.or_else(|| Some(Path::new(rel).file_stem()?.to_str()?.to_owned()))?;
    match model.find(&id)? {
        Thing::Record(i) => model.records[i].stage(),
        _ => None,
    }
}

fn refs(
    list: &crate::model::IndexVec<crate::model::RefIdx, crate::model::Reference>,
) -> Vec<Value> {
    list.iter()
        .map(|r| json!({ "label": r.id.value.as_str(), "detail": r.title, "kind": 18 }))
        .collect()
}

fn words(words: &[&str]) -> Value {
    Value::Array(
        words
            .iter()
            .map(|w| json!({ "label": w, "kind": 12 }))
            .collect(),
    )
}

/// A `file://` URI as a path, as the platform spells it (a drive letter
/// on Windows).
fn uri_to_path(uri: &str) -> Option<PathBuf> {
    url::Url::parse(uri).ok()?.to_file_path().ok()
}

/// An absolute path as a `file://` URI.
fn path_to_uri(path: &Path) -> String {
    url::Url::from_file_path(path).map_or_else(|()| String::new(), String::from)
}
