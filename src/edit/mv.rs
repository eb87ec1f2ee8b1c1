//! `dx mv`: give a record a new ID or move it to another 領域, with every
//! link to it in the tree (SPEC §6.4).
//!
//! When two files have the old ID (two branches each made K-011), the one
//! to move is named by its path, and a link cannot say which of the two it
//! means: only the links of the records named with `--links-from` are
//! rewritten, and every other link to the ID is listed for the user.

use toml_edit::{DocumentMut, Item, Value};

use super::{Change, EditError, Plan};
use crate::model::{DomainIdx, Model, RecordIdx, keys};

/// What `dx mv` does.
#[derive(Clone, Debug)]
pub struct Move {
    /// The record to move.
    pub record: RecordIdx,
    /// Its new ID (the old one when only the 領域 changes).
    pub new_id: String,
    /// Its new 領域, if it moves.
    pub domain: Option<DomainIdx>,
    /// When the old ID is on two files: the records whose links are meant
    /// for this one.
    pub links_from: Option<Vec<String>>,
}

/// The result: the plan, and the links left alone (the record and the ID
/// each links to), when the old ID was ambiguous.
#[derive(Clone, Debug, Default)]
pub struct Moved {
    /// The files to change.
    pub plan: Plan,
    /// Links to the old ID that were not rewritten: (record, file).
    pub left: Vec<(String, String)>,
}

/// Plan a move.
pub fn plan(model: &Model, m: &Move) -> Result<Moved, EditError> {
    let r = &model.records[m.record];
    let old_id = r.id.as_str();
    let new_id = m.new_id.trim();
    let old_path = model.path_of(r).to_owned();
    let dir = match m.domain {
        Some(d) => model.domains[d].id.clone(),
        None => old_path.rsplit_once('/').map_or("", |(d, _)| d).to_owned(),
    };
    let new_path = if dir.is_empty() {
        format!("{new_id}.toml")
    } else {
        format!("{dir}/{new_id}.toml")
    };
    if new_path == old_path {
        return Err(EditError::Invalid {
            what: format!("{old_id} → {new_id}"),
        });
    }
    if new_id != old_id && model.find(new_id).is_some() {
        return Err(EditError::Exists {
            what: new_id.to_owned(),
        });
    }
    if model.root.join(&new_path).exists() {
        return Err(EditError::Exists { what: new_path });
    }
    if model.settings.prefixes.kind_of(new_id) != Some(r.kind) {
        return Err(EditError::Invalid {
            what: new_id.to_owned(),
        });
    }
    let read = |path: &str| {
        std::fs::read(model.root.join(path)).map_err(|_| EditError::Unreadable {
            path: path.to_owned(),
        })
    };
    let mut changes = Vec::new();
    // The file itself: its `id` key, when it has one.
    let before = read(&old_path)?;
    let after = rewrite(&before, |doc| {
        if doc.get("id").is_some_and(|v| v.as_str() == Some(old_id)) {
            set_str(doc, "id", new_id);
        }
        0
    })
    .ok_or_else(|| EditError::Unreadable {
        path: old_path.clone(),
    })?;
    changes.push(Change {
        path: old_path,
        before: Some(before),
        after: None,
    });
    changes.push(Change {
        path: new_path,
        before: None,
        after: Some(after),
    });
    // Every link to the old ID, in the other records.
    let ambiguous = model
        .parsed_records()
        .filter(|(_, x)| x.id.as_str() == old_id)
        .count()
        > 1;
    let mut left = Vec::new();
    if new_id != old_id {
        for (i, x) in model.parsed_records() {
            if i == m.record {
                continue;
            }
            let links = x.links().any(|(_, l)| l.value == old_id);
            if !links {
                continue;
            }
            let meant = !ambiguous
                || m.links_from
                    .as_ref()
                    .is_some_and(|from| from.iter().any(|f| f == x.id.as_str()));
            let path = model.path_of(x).to_owned();
            if !meant {
                left.push((x.id.to_string(), path));
                continue;
            }
            let before = read(&path)?;
            let renamed = rewrite(&before, |doc| rename_links(doc, old_id, new_id))
                .ok_or_else(|| EditError::Unreadable { path: path.clone() })?;
            // A file dx fmt accepted stays so (the new ID may sort elsewhere).
            let clean =
                crate::format::format_bytes(&before, x.kind).as_deref() == Some(&before[..]);
            let after = if clean {
                crate::format::format_bytes(&renamed, x.kind).unwrap_or(renamed)
            } else {
                renamed
            };
            changes.push(Change {
                path,
                before: Some(before),
                after: Some(after),
            });
        }
    }
    // Meeting files name records in their entries: the minutes of a
    // meeting go on meaning the same record under its new ID.
    if new_id != old_id && !ambiguous {
        for meeting in &model.meetings {
            let named = meeting
                .decisions
                .iter()
                .chain(&meeting.reviews)
                .chain(&meeting.measurements)
                .any(|e| e.record.as_ref().is_some_and(|r| r.value == old_id));
            if !named {
                continue;
            }
            let path = model.files.get(meeting.file).path.to_string();
            let before = read(&path)?;
            let after = rewrite(&before, |doc| rename_in_meeting(doc, old_id, new_id))
                .ok_or_else(|| EditError::Unreadable { path: path.clone() })?;
            changes.push(Change {
                path,
                before: Some(before),
                after: Some(after),
            });
        }
    }
    changes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Moved {
        plan: Plan {
            changes,
            follow_ups: Vec::new(),
        },
        left,
    })
}

/// `dx mv N3 N7` (SPEC §7.4): every record's `national` link to `old`
/// rewritten to `new`, an item of the national plan; a list that has `new`
/// already loses `old` instead, so no link is listed twice.
///
/// # Errors
/// When `old` or `new` is no national item.
pub fn national(model: &Model, old: &str, new: &str) -> Result<Plan, EditError> {
    let is_national = |id: &str| matches!(model.find(id), Some(crate::model::Thing::National(_)));
    for id in [old, new] {
        if !is_national(id) {
            return Err(EditError::UnknownRecord {
                id: id.to_owned(),
                nearest: model.nearest_id(crate::diag::IdKind::National, id),
            });
        }
    }
    let mut changes = Vec::new();
    for (_, r) in model.parsed_records() {
        let Some(links) = r.national() else { continue };
        if !links.items.iter().any(|i| i.value.trim() == old) {
            continue;
        }
        let path = model.path_of(r).to_owned();
        let unreadable = || EditError::Unreadable { path: path.clone() };
        let before = std::fs::read(model.root.join(&path)).map_err(|_| unreadable())?;
        let after = rewrite(&before, |doc| {
            let Some(Item::Value(Value::Array(array))) = doc.get_mut("national") else {
                return 0;
            };
            let has_new = array.iter().any(|v| v.as_str() == Some(new));
            let mut n = 0;
            if has_new {
                array.retain(|v| v.as_str() != Some(old));
                return 1;
            }
            for v in array.iter_mut() {
                if v.as_str() == Some(old) {
                    let decor = v.decor().clone();
                    *v = super::string_value(new);
                    *v.decor_mut() = decor;
                    n += 1;
                }
            }
            n
        })
        .ok_or_else(unreadable)?;
        changes.push(Change {
            path,
            before: Some(before),
            after: Some(after),
        });
    }
    changes.retain(|c| c.before != c.after);
    changes.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Plan {
        changes,
        follow_ups: Vec::new(),
    })
}

/// Edit a file's TOML keeping its BOM, line ends, comments and layout.
fn rewrite(bytes: &[u8], edit: impl FnOnce(&mut DocumentMut) -> usize) -> Option<Vec<u8>> {
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let text = std::str::from_utf8(body).ok()?;
    let crlf = crate::files::all_crlf(text);
    let mut doc: DocumentMut = if crlf {
        text.replace("\r\n", "\n").parse().ok()?
    } else {
        text.parse().ok()?
    };
    edit(&mut doc);
    let mut text = doc.to_string();
    if crlf {
        text = text.replace('\n', "\r\n");
    }
    let mut out = Vec::with_capacity(text.len() + 3);
    if bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    out.extend_from_slice(text.as_bytes());
    Some(out)
}

fn set_str(table: &mut toml_edit::Table, key: &str, new: &str) {
    if let Some(Item::Value(v)) = table.get_mut(key) {
        let decor = v.decor().clone();
        *v = super::string_value(new);
        *v.decor_mut() = decor;
    }
}

/// Replace `old` by `new` in the `record` of every entry of a meeting file.
fn rename_in_meeting(doc: &mut DocumentMut, old: &str, new: &str) -> usize {
    let mut n = 0;
    for table in ["decision", "review", "measurement"] {
        let Some(Item::ArrayOfTables(entries)) = doc.get_mut(table) else {
            continue;
        };
        for entry in entries.iter_mut() {
            if entry.get("record").and_then(Item::as_str) == Some(old) {
                set_str(entry, "record", new);
                n += 1;
            }
        }
    }
    n
}

/// Replace `old` by `new` in every link list and in `expands`, keeping
/// each item's spacing and comments. Returns how many were replaced.
fn rename_links(doc: &mut DocumentMut, old: &str, new: &str) -> usize {
    let mut n = 0;
    if doc.get("expands").and_then(Item::as_str) == Some(old) {
        set_str(doc, "expands", new);
        n += 1;
    }
    for key in keys::LINK_LISTS {
        let Some(Item::Value(Value::Array(array))) = doc.get_mut(key) else {
            continue;
        };
        for v in array.iter_mut() {
            if v.as_str() == Some(old) {
                let decor = v.decor().clone();
                *v = super::string_value(new);
                *v.decor_mut() = decor;
                n += 1;
            }
        }
    }
    n
}
