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

#[test]
fn every_rule_is_in_the_reference() {
    let doc = dx::rules::reference_markdown();
    for id in dx::rules::RuleId::ALL {
        assert!(doc.contains(&format!("## {}", id.slug())), "{}", id.slug());
    }
}
