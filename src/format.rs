//! Canonical form of a record (`dx fmt`), keeping every comment.
//!
//! What changes: keys in SPEC §2 order (unknown keys after, in their own
//! order); tables in order `[team]`, `[[indicator]]`, `[[decision]]`,
//! `[closed]`, each followed by its own sub-tables (`[[indicator.observation]]`),
//! and their keys in SPEC order; link lists sorted by ID and
//! without repeats; one space around `=`. What never changes: values,
//! comments, blank lines that belong to a key, BOM and line ends.
//! A link list holding comments is left as written, so no comment is lost.

use toml_edit::{Array, DocumentMut, Item, Table, Value};

use crate::model::ids::natural_cmp;
use crate::model::{Kind, keys};

/// The keys of a sub-table, by its name.
fn table_keys(name: &str) -> Option<&'static [&'static str]> {
    match name {
        "team" => Some(keys::TEAM),
        "indicator" => Some(keys::INDICATOR),
        "indicator.observation" => Some(keys::OBSERVATION),
        "decision" => Some(keys::DECISION),
        "closed" => Some(keys::CLOSED),
        _ => None,
    }
}

fn rank(order: &[&str], key: &str) -> usize {
    order.iter().position(|k| *k == key).unwrap_or(order.len())
}

fn has_comment(s: Option<&str>) -> bool {
    s.is_some_and(|s| s.contains('#'))
}

/// Put the values of a table in `order` and tidy the spacing around `=`.
fn order_values(table: &mut Table, order: &[&str]) {
    table.sort_values_by(|k1, _, k2, _| rank(order, k1.get()).cmp(&rank(order, k2.get())));
    for (mut key, item) in table.iter_mut() {
        let Item::Value(value) = item else { continue };
        let key_decor = key.leaf_decor_mut();
        if !has_comment(key_decor.suffix().and_then(|s| s.as_str())) {
            key_decor.set_suffix(" ");
        }
        let decor = value.decor_mut();
        if !has_comment(decor.prefix().and_then(|s| s.as_str())) {
            decor.set_prefix(" ");
        }
        if decor
            .suffix()
            .and_then(|s| s.as_str())
            .is_some_and(|s| s.trim().is_empty())
        {
            decor.set_suffix("");
        }
    }
}

/// The comment at the top of the file, taken off the first key so that it
/// stays at the top when that key moves.
fn take_header(root: &mut Table) -> Option<String> {
    let (mut key, _) = root.iter_mut().find(|(_, item)| item.is_value())?;
    let prefix = key
        .leaf_decor()
        .prefix()
        .and_then(|s| s.as_str())?
        .to_owned();
    if !prefix.contains('#') {
        return None;
    }
    key.leaf_decor_mut().set_prefix("");
    Some(prefix)
}

/// Sort a list of IDs and drop repeats, unless it holds comments or
/// anything but strings.
fn tidy_links(array: &mut Array) {
    let commented = array.iter().any(|v| {
        has_comment(v.decor().prefix().and_then(|s| s.as_str()))
            || has_comment(v.decor().suffix().and_then(|s| s.as_str()))
    }) || has_comment(array.trailing().as_str());
    if commented {
        return;
    }
    let Some(mut ids): Option<Vec<String>> = array
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
    else {
        return;
    };
    ids.sort_by(|a, b| natural_cmp(a, b));
    ids.dedup();
    let before: Vec<String> = array
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let single_line = !array.trailing().as_str().unwrap_or("").contains('\n')
        && array.iter().all(|v| {
            !v.decor()
                .prefix()
                .and_then(|s| s.as_str())
                .unwrap_or("")
                .contains('\n')
        });
    if before == ids && single_line {
        return;
    }
    array.clear();
    for id in ids {
        array.push(id);
    }
    array.set_trailing("");
    array.set_trailing_comma(false);
    array.fmt();
}

/// The canonical form of a record's text, or `None` when it is not valid TOML.
#[must_use]
pub fn format_record(text: &str, kind: Kind) -> Option<String> {
    let mut doc: DocumentMut = text.parse().ok()?;
    let root = doc.as_table_mut();
    let order = keys::record_keys(kind);
    let header = take_header(root);
    order_values(root, order);
    if let Some(header) = header
        && let Some((mut key, _)) = root.iter_mut().find(|(_, item)| item.is_value())
    {
        let own = key
            .leaf_decor()
            .prefix()
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_owned();
        key.leaf_decor_mut().set_prefix(format!("{header}{own}"));
    }
    for key in keys::LINK_LISTS {
        if let Some(Item::Value(Value::Array(array))) = root.get_mut(key) {
            tidy_links(array);
        }
    }
    // Tables print in position order: number them in SPEC order, unknown
    // ones after in the order they had.
    let mut names: Vec<String> = root
        .iter()
        .filter(|(_, item)| item.is_table() || item.is_array_of_tables())
        .map(|(k, _)| k.to_owned())
        .collect();
    names.sort_by_key(|n| rank(order, n));
    let mut position = 1;
    for name in names {
        match root.get_mut(&name) {
            Some(Item::Table(t)) => place(t, &name, &mut position),
            Some(Item::ArrayOfTables(tables)) => {
                for t in tables.iter_mut() {
                    place(t, &name, &mut position);
                }
            }
            _ => {}
        }
    }
    Some(doc.to_string())
}

/// Number a table at the next position, order its keys, and place its own
/// sub-tables (`[[indicator.observation]]`) right after it, in the order
/// they were written: a nested table printed after another table would
/// still belong to its parent, but no reader would see that.
fn place(t: &mut Table, name: &str, position: &mut isize) {
    t.set_position(Some(*position));
    *position += 1;
    if let Some(order) = table_keys(name) {
        order_values(t, order);
    }
    let nested: Vec<String> = t
        .iter()
        .filter(|(_, item)| item.is_table() || item.is_array_of_tables())
        .map(|(k, _)| k.to_owned())
        .collect();
    for key in nested {
        let path = format!("{name}.{key}");
        match t.get_mut(&key) {
            Some(Item::Table(sub)) => place(sub, &path, position),
            Some(Item::ArrayOfTables(subs)) => {
                for sub in subs.iter_mut() {
                    place(sub, &path, position);
                }
            }
            _ => {}
        }
    }
}

/// Format a file's bytes, keeping a BOM and CRLF line ends when it had them.
/// `None` when the bytes are not UTF-8 TOML.
#[must_use]
pub fn format_bytes(bytes: &[u8], kind: Kind) -> Option<Vec<u8>> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let text = std::str::from_utf8(body).ok()?;
    // Line ends are made LF for formatting and CRLF again after only when
    // every line ended so: a file mixing both keeps its line ends as they
    // are, since a bare LF may be inside a multi-line string, whose value
    // a conversion would change.
    let crlf = crate::files::all_crlf(text);
    let mut out = if crlf {
        format_record(&text.replace("\r\n", "\n"), kind)?
    } else {
        format_record(text, kind)?
    };
    if crlf {
        out = out.replace('\n', "\r\n");
    }
    let mut result = Vec::with_capacity(out.len() + 3);
    if bom {
        result.extend_from_slice(BOM);
    }
    result.extend_from_slice(out.as_bytes());
    Some(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSY: &str = r#"# 書かない窓口の手法
stage="実証実験"   # いまの段階
[[decision]]
result = "実証開始"
date = 2025-09-18
body = "作業部会"

[team]
lead = "市民課長"
name = "書かない窓口検討チーム"

title = "never here: belongs to [team]"
"#;

    #[test]
    fn orders_keys_and_tables_keeping_comments() -> Result<(), Box<dyn std::error::Error>> {
        let src = "# 手法の説明\nstage = \"検討\"  # 段階\nsolves = [\"K-010\", \"K-2\", \"K-2\"]\ntitle = \"書かない窓口\"\nprinciples = [\"P1\"]\n\n[[decision]]\nresult = \"実証開始\"\ndate = 2025-09-18\nbody = \"作業部会\"\n\n# チーム\n[team]\nlead = \"市民課長\"\nname = \"検討チーム\"\n";
        let out = format_record(src, Kind::Method).ok_or("not formatted")?;
        let expect = "# 手法の説明\ntitle = \"書かない窓口\"\nsolves = [\"K-2\", \"K-010\"]\nprinciples = [\"P1\"]\nstage = \"検討\"  # 段階\n\n# チーム\n[team]\nname = \"検討チーム\"\nlead = \"市民課長\"\n\n[[decision]]\ndate = 2025-09-18\nbody = \"作業部会\"\nresult = \"実証開始\"\n";
        assert_eq!(out, expect);
        assert_eq!(
            format_record(&out, Kind::Method).as_deref(),
            Some(expect),
            "idempotent"
        );
        Ok(())
    }

    #[test]
    fn observations_stay_under_their_indicator() -> Result<(), Box<dyn std::error::Error>> {
        let src = "title = \"x\"\n\n[[indicator]]\nname = \"a\"\n\n[[indicator.observation]]\nvalue = 1.0\ndate = 2025-03-31\n\n[[decision]]\ndate = 2024-04-01\n\n[[indicator.observation]]\nstatus = \"評価不能\"\ndate = 2026-03-31\n\n[[indicator]]\nname = \"b\"\n\n[[indicator.observation]]\ndate = 2026-03-31\nvalue = 2.0\n";
        let out = format_record(src, Kind::Method).ok_or("not formatted")?;
        let expect = "title = \"x\"\n\n[[indicator]]\nname = \"a\"\n\n[[indicator.observation]]\ndate = 2025-03-31\nvalue = 1.0\n\n[[indicator.observation]]\ndate = 2026-03-31\nstatus = \"評価不能\"\n\n[[indicator]]\nname = \"b\"\n\n[[indicator.observation]]\ndate = 2026-03-31\nvalue = 2.0\n\n[[decision]]\ndate = 2024-04-01\n";
        assert_eq!(out, expect);
        assert_eq!(format_record(&out, Kind::Method).as_deref(), Some(expect));
        Ok(())
    }

    #[test]
    fn leaves_commented_lists_alone() -> Result<(), Box<dyn std::error::Error>> {
        let src = "title = \"t\"\nsolves = [\n  \"K-2\", # 後で見直す\n  \"K-1\",\n]\n";
        let out = format_record(src, Kind::Method).ok_or("not formatted")?;
        assert!(out.contains("# 後で見直す"));
        Ok(())
    }

    #[test]
    fn keeps_bom_and_crlf() -> Result<(), Box<dyn std::error::Error>> {
        let src = b"\xEF\xBB\xBFvision = [\"kurashi-1\"]\r\ntitle = \"t\"\r\n";
        let out = format_bytes(src, Kind::Issue).ok_or("not formatted")?;
        assert_eq!(
            out,
            b"\xEF\xBB\xBFtitle = \"t\"\r\nvision = [\"kurashi-1\"]\r\n"
        );
        Ok(())
    }

    #[test]
    fn not_toml_is_none() {
        assert!(format_record("title = \"", Kind::Issue).is_none());
        assert!(format_record(MESSY, Kind::Method).is_some());
    }
}
