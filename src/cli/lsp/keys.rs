//! Completion of keys (SPEC §6.8): on a line with no `=` yet, the keys the
//! table around the cursor may hold, each with its description — read from
//! the same JSON Schemas `dx schema` writes, so the editor, the schemas and
//! the loader name one set of keys. Keys the table already has are left out.

use serde_json::{Value, json};

use crate::model::{Kind, Model, Thing};

/// The schema that describes the file at `rel` (see `dx schema`).
fn schema_name(model: &Model, rel: &str) -> Option<&'static str> {
    if rel.starts_with("meetings/") {
        return Some("meeting");
    }
    let name = rel.rsplit('/').next()?;
    Some(match name {
        "dx.toml" => "dx",
        "field.toml" => "field",
        "domain.toml" => "domain",
        "principles.toml" => "principles",
        "national.toml" => "national",
        _ => {
            let stem = name.strip_suffix(".toml")?;
            let kind = match model.find(stem) {
                Some(Thing::Record(i)) => model.records[i].kind,
                // A record not yet in the model: the kind its ID names.
                _ => match crate::model::ids::well_formed_kind(&model.settings.prefixes, stem)? {
                    crate::model::IdKind::Issue => Kind::Issue,
                    crate::model::IdKind::Method => Kind::Method,
                    crate::model::IdKind::Technology => Kind::Technology,
                    _ => return None,
                },
            };
            match kind {
                Kind::Issue => "issue",
                Kind::Method => "method",
                Kind::Technology => "technology",
            }
        }
    })
}

/// `v` with its `$ref` and array items followed, within `root`.
fn resolve<'a>(root: &'a Value, mut v: &'a Value) -> Option<&'a Value> {
    for _ in 0..4 {
        if let Some(items) = v.get("items") {
            v = items;
        } else if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            v = root.pointer(r.strip_prefix('#')?)?;
        } else {
            break;
        }
    }
    Some(v)
}

/// The object schema of `path` (`["indicator", "observation"]`) below
/// `root`.
fn table<'a>(root: &'a Value, path: &[&str]) -> Option<&'a Value> {
    let mut at = root;
    for part in path {
        at = resolve(root, at.get("properties")?.get(*part)?)?;
    }
    Some(at)
}

/// The table the cursor at `line` is in (its header's dotted name, empty at
/// the top) and the keys already written in it.
fn around(text: &str, line: usize) -> (Vec<String>, Vec<String>) {
    let lines: Vec<&str> = text.lines().collect();
    let line = line.min(lines.len());
    let header = |l: &str| {
        let t = l.trim();
        t.starts_with('[').then(|| {
            t.trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or_default()
                .split('.')
                .map(|p| p.trim().trim_matches('"').to_owned())
                .collect::<Vec<String>>()
        })
    };
    let start = lines[..line].iter().rposition(|l| header(l).is_some());
    let path = start.and_then(|s| header(lines[s])).unwrap_or_default();
    let from = start.map_or(0, |s| s + 1);
    let end = lines
        .get(from..)
        .and_then(|rest| rest.iter().position(|l| header(l).is_some()))
        .map_or(lines.len(), |p| from + p);
    let present = lines[from..end]
        .iter()
        .filter_map(|l| {
            let (k, _) = l.split_once('=')?;
            let k = k.trim();
            (!k.is_empty() && !k.starts_with('#')).then(|| k.trim_matches('"').to_owned())
        })
        .collect();
    (path, present)
}

/// Whether the cursor's line is where a key is written: no `=` yet, not a
/// header, a comment or a string, and not inside a list that a line above
/// opened (`solves = [` with its IDs on the lines below).
pub(super) fn wants_key(text: &str, line: usize) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let current = lines.get(line).copied().unwrap_or_default().trim_start();
    if current.contains(['=', '"', '\'', ']']) || current.starts_with(['[', '#']) {
        return false;
    }
    let mut depth = 0i64;
    for l in lines[..line.min(lines.len())].iter().rev() {
        let code = l.split('#').next().unwrap_or_default();
        depth += code.matches('[').count() as i64 - code.matches(']').count() as i64;
        if code.contains('=') || l.trim_start().starts_with('[') {
            break;
        }
    }
    depth <= 0
}

/// The keys to offer at `line` of the buffer of `rel`.
pub(super) fn complete(model: &Model, rel: &str, text: &str, line: usize) -> Value {
    let Some(schema) = schema_name(model, rel).and_then(crate::schema::schema) else {
        return Value::Array(Vec::new());
    };
    let (path, present) = around(text, line);
    let parts: Vec<&str> = path.iter().map(String::as_str).collect();
    let Some(props) = table(&schema, &parts)
        .and_then(|t| t.get("properties"))
        .and_then(Value::as_object)
    else {
        return Value::Array(Vec::new());
    };
    let items = props
        .iter()
        .filter(|(key, _)| !present.iter().any(|p| p == *key))
        // Tables are written as headers, not as keys.
        .filter(|(_, s)| resolve(&schema, s).is_none_or(|r| r.get("properties").is_none()))
        .map(|(key, s)| {
            json!({
                "label": key,
                "kind": 10,
                "detail": s.get("description").and_then(Value::as_str).unwrap_or_default(),
                "insertText": format!("{key} = "),
            })
        })
        .collect();
    Value::Array(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_around_the_cursor_and_its_keys() {
        let text = "title = \"t\"\nstage = \"運用\"\n\n[[indicator]]\nname = \"率\"\n\n[[indicator.observation]]\ndate = 2026-01-01\n\n";
        assert_eq!(
            around(text, 2),
            (
                Vec::<String>::new(),
                vec!["title".to_owned(), "stage".to_owned()]
            )
        );
        assert_eq!(
            around(text, 5),
            (vec!["indicator".to_owned()], vec!["name".to_owned()])
        );
        assert_eq!(
            around(text, 8).0,
            vec!["indicator".to_owned(), "observation".to_owned()]
        );
        assert!(wants_key(text, 2) && wants_key("ti", 0));
        assert!(!wants_key(text, 1) && !wants_key(text, 3));
        // Inside a list opened on a line above: its values, not keys.
        assert!(!wants_key("solves = [\n  \"K-001\",\n  \n", 2));
        assert!(wants_key("solves = [\n  \"K-001\",\n]\n\n", 4));
    }
}
