//! Generated documentation stays current, and the README says what it must.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn rules_reference_is_current() {
    let path = root().join("docs/rules.md");
    let want = dx::rules::reference_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).expect("write docs/rules.md");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test docs` and commit it"
    );
}

#[test]
fn readme_opens_with_the_two_commands() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let head: String = readme.lines().take(20).collect::<Vec<_>>().join("\n");
    assert!(head.contains("cargo run --release -- check"), "{head}");
    assert!(head.contains("cargo test"), "{head}");
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(
        ci.contains("\ncargo test\n"),
        "CI runs the README's test command"
    );
}

/// The committed reference, not the generated one, names every rule, and
/// the registry gives every ID its own rule.
#[test]
fn every_rule_is_in_the_reference() {
    let doc = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs/rules.md");
    for &id in dx::rules::RuleId::ALL {
        assert_eq!(
            dx::rules::rule(id).id,
            id,
            "{} registered under another id",
            id.slug()
        );
        assert!(
            doc.contains(&format!("\n## {}\n", id.slug())),
            "docs/rules.md has no section for {}",
            id.slug()
        );
    }
}

#[test]
fn committed_schemas_are_current() {
    for (name, file) in dx::schema::KINDS {
        let path = root().join("schemas").join(file);
        let want = dx::schema::schema_text(name).expect("known kind");
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::create_dir_all(root().join("schemas")).expect("schemas/");
            std::fs::write(&path, &want).expect("write schema");
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "schemas/{file} is stale: run `UPDATE_DOCS=1 cargo test --test docs` and commit it"
        );
    }
}

#[test]
fn schemas_describe_exactly_the_keys_dx_accepts() {
    use dx::model::{Kind, keys};
    let props = |name: &str| -> Vec<String> {
        let schema = dx::schema::schema(name).expect("schema");
        let mut keys: Vec<String> = schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let sorted = |k: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = k.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v
    };
    assert_eq!(props("issue"), sorted(keys::record_keys(Kind::Issue)));
    assert_eq!(props("method"), sorted(keys::record_keys(Kind::Method)));
    assert_eq!(
        props("technology"),
        sorted(keys::record_keys(Kind::Technology))
    );
    assert_eq!(props("dx"), sorted(keys::SETTINGS));
    assert_eq!(props("field"), sorted(keys::FIELD));
    assert_eq!(props("domain"), sorted(keys::DOMAIN));
    assert_eq!(props("principles"), sorted(keys::PRINCIPLES));
    assert_eq!(props("national"), sorted(keys::NATIONAL));
    assert_eq!(props("meeting"), sorted(keys::MEETING));
    let defs = |name: &str, def: &str| -> Vec<String> {
        let schema = dx::schema::schema(name).expect("schema");
        let mut keys: Vec<String> = schema["$defs"][def]["properties"]
            .as_object()
            .expect(def)
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    assert_eq!(defs("method", "TeamTable"), sorted(keys::TEAM));
    assert_eq!(defs("method", "IndicatorTable"), sorted(keys::INDICATOR));
    assert_eq!(defs("method", "DecisionTable"), sorted(keys::DECISION));
    assert_eq!(defs("issue", "ClosedTable"), sorted(keys::CLOSED));
    assert_eq!(defs("dx", "TreeTable"), sorted(keys::SETTINGS_TREE));
    assert_eq!(
        defs("method", "ObservationTable"),
        sorted(keys::OBSERVATION)
    );
    assert_eq!(defs("dx", "GradesTable"), sorted(keys::SETTINGS_GRADES));
    assert_eq!(
        defs("dx", "GradeLabels"),
        sorted(keys::SETTINGS_GRADE_LABELS)
    );
    assert_eq!(defs("dx", "DisplayTable"), sorted(keys::SETTINGS_DISPLAY));
    assert_eq!(
        defs("dx", "OrganizationTable"),
        sorted(keys::SETTINGS_ORGANIZATION)
    );
    assert_eq!(defs("field", "VisionTable"), sorted(keys::VISION));
    assert_eq!(
        defs("principles", "PrincipleTable"),
        sorted(keys::REFERENCE)
    );
    assert_eq!(
        defs("principles", "ConsiderationTable"),
        sorted(keys::REFERENCE)
    );
    assert_eq!(defs("national", "PriorityTable"), sorted(keys::REFERENCE));
    assert_eq!(
        defs("meeting", "MeetingDecisionTable"),
        sorted(keys::MEETING_DECISION)
    );
    assert_eq!(
        defs("meeting", "MeetingReviewTable"),
        sorted(keys::MEETING_REVIEW)
    );
    assert_eq!(
        defs("meeting", "MeetingMeasurementTable"),
        sorted(keys::MEETING_MEASUREMENT)
    );
}

#[test]
fn schemas_accept_the_bundled_records() {
    // Every bundled record has only keys its schema lists, and all it requires.
    use dx::model::Kind;
    for entry in walkdir::WalkDir::new(root().join("records"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = match name.chars().next() {
            Some('K') => "issue",
            Some('S') => "method",
            Some('G') => "technology",
            _ => continue,
        };
        let _ = Kind::from_word(kind);
        let table: toml::Table = std::fs::read_to_string(entry.path())
            .expect("read")
            .parse()
            .expect("toml");
        let schema = dx::schema::schema(kind).expect("schema");
        let props = schema["properties"].as_object().expect("properties");
        for key in table.keys() {
            assert!(
                props.contains_key(key),
                "{name}: {key} not in the {kind} schema"
            );
        }
        for req in schema["required"].as_array().expect("required") {
            assert!(
                table.contains_key(req.as_str().expect("key")),
                "{name}: lacks {req}"
            );
        }
    }
}

/// The layers table of docs/architecture.md: module → level.
fn layers(doc: &str) -> std::collections::HashMap<String, usize> {
    let mut levels = std::collections::HashMap::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(level) = cells.get(1).and_then(|c| c.parse::<usize>().ok()) else {
            continue;
        };
        for module in cells[2].split(',') {
            levels.insert(module.trim().trim_matches('`').to_owned(), level);
        }
    }
    levels
}

/// Renderers that still read the model; the list only shrinks (it is
/// empty: the dashboard reads report::dashboard's views).
const RENDER_DEBT: &[&str] = &[];

/// The top modules a source uses through `crate::`, grouped imports
/// (`use crate::{cli, model::Kind};`) included.
fn used_modules(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for used in code.split("crate::").skip(1) {
        let Some(group) = used.trim_start().strip_prefix('{') else {
            out.push(ident(used));
            continue;
        };
        // The items of the group at its own depth: `a, b::{c, d}, e`.
        let mut depth = 0usize;
        let mut item_start = true;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => item_start = true,
                c if item_start && !c.is_whitespace() => {
                    out.push(ident(&group[i..]));
                    item_start = false;
                }
                _ => {}
            }
        }
    }
    out.retain(|d| !d.is_empty());
    out
}

#[test]
fn grouped_imports_are_seen() {
    assert_eq!(
        used_modules("use crate::{cli, model::{Kind, Stage}, report};\nlet x = crate::files::X;"),
        ["cli", "model", "report", "files"]
    );
}

/// Each module uses only modules on lower levels, as docs/architecture.md
/// says, and every file under src/ is named there.
#[test]
fn architecture_doc_is_true() {
    let doc =
        std::fs::read_to_string(root().join("docs/architecture.md")).expect("architecture.md");
    let levels = layers(&doc);
    assert!(levels.len() >= 10, "no layers table found: {levels:?}");
    let slugs: Vec<String> = dx::rules::RuleId::ALL
        .iter()
        .map(|id| id.slug().replace('-', "_"))
        .collect();
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(root().join("src")) {
        let entry = entry.expect("src readable");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(root().join("src")).expect("inside src");
        let rel = rel.to_string_lossy().replace('\\', "/");
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let stem = name.trim_end_matches(".rs");
        let is_rule = rel.starts_with("rules/") && slugs.iter().any(|s| s == stem);
        if !is_rule && !doc.contains(name) {
            problems.push(format!("src/{rel} is not named in docs/architecture.md"));
        }
        let top = rel.split(['/', '.']).next().unwrap_or_default();
        let Some(&own) = levels.get(top) else {
            if !matches!(top, "lib" | "main" | "alloc") {
                problems.push(format!("module {top} has no level"));
            }
            continue;
        };
        let source = std::fs::read_to_string(path).expect("source readable");
        let lines = source.lines().count();
        if lines > 900 {
            problems.push(format!(
                "src/{rel} has {lines} lines (at most 900: split it along its seams)"
            ));
        }
        // Code only: comments may name any module.
        let code: String = source
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for dep in used_modules(&code) {
            if dep == top {
                continue;
            }
            match levels.get(&dep) {
                Some(&level) if level < own => {}
                _ => problems.push(format!("src/{rel} ({top}, level {own}) uses crate::{dep}")),
            }
            // Renderers format what report/ laid out; they never reach
            // into the model or the rules themselves.
            if top == "render"
                && matches!(dep.as_str(), "model" | "rules")
                && !RENDER_DEBT.contains(&rel.as_str())
            {
                problems.push(format!("src/{rel} (render) uses crate::{dep}"));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
